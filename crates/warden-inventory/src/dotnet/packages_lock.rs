//! `dotnet/packages-lock`: NuGet `packages.lock.json`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct PackagesLock;

impl Extractor for PackagesLock {
    fn id(&self) -> &'static str {
        "dotnet/packages-lock"
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
