//! A package entry as Composer writes it in `composer.lock` and `vendor/composer/installed.json`, shared by
//! `php/composer-lock` and `php/installed-json`.
//!
//! Names are kept as written (`symfony/http-kernel`; Packagist treats them case-insensitively), versions too
//! (`v5.4.0`, `2.0.0-alpha4`, `dev-main`): Composer's version parser, which matching uses, accepts them all.

use serde::Deserialize;
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug, Deserialize)]
pub(crate) struct ComposerPackage {
    #[serde(default)]
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) version: String,
}

impl ComposerPackage {
    /// The package, `None` when the entry has no name or no version.
    pub(crate) fn package(&self, dev: bool) -> Option<Package> {
        if self.name.is_empty() || self.version.is_empty() {
            return None;
        }
        Some(Package::new(Ecosystem::Packagist, &self.name, &self.version, PackageManager::Composer).dev(dev))
    }
}
