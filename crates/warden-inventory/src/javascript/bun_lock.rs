//! `javascript/bun-lock`: `bun.lock` (text lockfile).

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct BunLock;

impl Extractor for BunLock {
    fn id(&self) -> &'static str {
        "javascript/bun-lock"
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
