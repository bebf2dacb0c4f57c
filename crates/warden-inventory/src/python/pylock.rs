//! `python/pylock`: `pylock.toml` / `pylock.*.toml` (PEP 751).

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct Pylock;

impl Extractor for Pylock {
    fn id(&self) -> &'static str {
        "python/pylock"
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
