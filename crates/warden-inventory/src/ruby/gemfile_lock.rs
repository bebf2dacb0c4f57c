//! `ruby/gemfile-lock`: `Gemfile.lock`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct GemfileLock;

impl Extractor for GemfileLock {
    fn id(&self) -> &'static str {
        "ruby/gemfile-lock"
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
