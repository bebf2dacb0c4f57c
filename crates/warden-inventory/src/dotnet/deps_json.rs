//! `dotnet/deps-json`: `*.deps.json`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct DepsJson;

impl Extractor for DepsJson {
    fn id(&self) -> &'static str {
        "dotnet/deps-json"
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
