//! `javascript/yarn-lock`: `yarn.lock`, classic (v1) and berry.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct YarnLock;

impl Extractor for YarnLock {
    fn id(&self) -> &'static str {
        "javascript/yarn-lock"
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
