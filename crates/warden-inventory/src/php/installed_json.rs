//! `php/installed-json`: `vendor/composer/installed.json`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct InstalledJson;

impl Extractor for InstalledJson {
    fn id(&self) -> &'static str {
        "php/installed-json"
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
