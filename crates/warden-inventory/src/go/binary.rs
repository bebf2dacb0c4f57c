//! `go/binary`: Go build info embedded in ELF, Mach-O and PE binaries.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct GoBinary;

impl Extractor for GoBinary {
    fn id(&self) -> &'static str {
        "go/binary"
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
