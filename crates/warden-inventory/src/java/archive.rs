//! `java/archive`: `.jar`, `.war`, `.ear`: `pom.properties`, `MANIFEST.MF`, nested jars.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct JavaArchive;

impl Extractor for JavaArchive {
    fn id(&self) -> &'static str {
        "java/archive"
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
