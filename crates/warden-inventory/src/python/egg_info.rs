//! `python/egg-info`: installed packages' `*.egg-info/PKG-INFO` (and `*.egg-info` files).

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct EggInfo;

impl Extractor for EggInfo {
    fn id(&self) -> &'static str {
        "python/egg-info"
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
