//! `python/dist-info`: installed packages' `*.dist-info/METADATA`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct DistInfo;

impl Extractor for DistInfo {
    fn id(&self) -> &'static str {
        "python/dist-info"
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
