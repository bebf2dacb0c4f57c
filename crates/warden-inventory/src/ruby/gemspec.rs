//! `ruby/gemspec`: installed gems' `specifications/*.gemspec`.

use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct Gemspec;

impl Extractor for Gemspec {
    fn id(&self) -> &'static str {
        "ruby/gemspec"
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
