//! `javascript/pnpm-lock`: `pnpm-lock.yaml` v5–v9.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct PnpmLock;

impl Extractor for PnpmLock {
    fn id(&self) -> &'static str {
        "javascript/pnpm-lock"
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
