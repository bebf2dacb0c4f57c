//! `dotnet/csproj`: `*.csproj` `PackageReference`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct Csproj;

impl Extractor for Csproj {
    fn id(&self) -> &'static str {
        "dotnet/csproj"
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
