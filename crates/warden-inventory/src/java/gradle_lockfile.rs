//! `java/gradle-lockfile`: `gradle.lockfile`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct GradleLockfile;

impl Extractor for GradleLockfile {
    fn id(&self) -> &'static str {
        "java/gradle-lockfile"
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
