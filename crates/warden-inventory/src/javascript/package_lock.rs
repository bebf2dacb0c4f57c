//! `javascript/package-lock`: `package-lock.json` v1–v3 and `npm-shrinkwrap.json`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct PackageLock;

impl Extractor for PackageLock {
    fn id(&self) -> &'static str {
        "javascript/package-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, _file: &FileInfo) -> bool {
        false
    }

    fn extract(&self, _input: &Input) -> Result<Vec<Package>, ExtractError> {
        Ok(Vec::new())
    }
}
