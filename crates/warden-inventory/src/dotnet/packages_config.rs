//! `dotnet/packages-config`: `packages.config`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct PackagesConfig;

impl Extractor for PackagesConfig {
    fn id(&self) -> &'static str {
        "dotnet/packages-config"
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
