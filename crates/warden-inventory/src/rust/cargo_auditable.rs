//! `rust/cargo-auditable`: `cargo auditable` dependency data in binaries (`.dep-v0`).

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct CargoAuditable;

impl Extractor for CargoAuditable {
    fn id(&self) -> &'static str {
        "rust/cargo-auditable"
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
