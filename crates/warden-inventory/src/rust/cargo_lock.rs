//! `rust/cargo-lock`: Cargo's `Cargo.lock` (TOML, one `[[package]]` per locked crate, lock versions 1–4).
//!
//! Every `[[package]]` with a name and version is reported, whatever its `source` (crates.io, another registry,
//! git, or none: the workspace's own crates and path dependencies, which the lock lists like the others).
//! `Cargo.lock` does not say which crates only serve builds or tests, so nothing is marked dev. Locks inside
//! Cargo's own caches (`.cargo/registry`, `.cargo/git`, `target/`) are skipped: they describe other builds.
//! An empty file yields nothing; malformed TOML is a file error.

use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct CargoLock;

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    package: Vec<LockedPackage>,
}

#[derive(Deserialize)]
struct LockedPackage {
    #[serde(default)]
    name: String,
    #[serde(default)]
    version: String,
}

impl Extractor for CargoLock {
    fn id(&self) -> &'static str {
        "rust/cargo-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "Cargo.lock"
            && !["/.cargo/registry/", "/.cargo/git/", "/target/"].iter().any(|dir| file.path.contains(dir))
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let lock: Lock = text::toml(input.bytes)?;
        Ok(lock
            .package
            .iter()
            .filter(|p| !p.name.is_empty() && !p.version.is_empty())
            .map(|p| Package::new(Ecosystem::CratesIo, &p.name, &p.version, PackageManager::Cargo))
            .collect())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let found = CargoLock.extract(&Input::standalone("/var/task/Cargo.lock", text.as_bytes(), &budget))?;
        Ok(found.into_iter().map(|p| format!("{}@{} {}", p.name, p.version, p.purl)).collect())
    }

    #[test]
    fn v1_lock_with_metadata_table_and_local_crates() {
        let text = "[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"serde 1.0.0 \
            (registry+https://github.com/rust-lang/crates.io-index)\",\n]\n\n[[package]]\nname = \"serde\"\n\
            version = \"1.0.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n\n[metadata]\n\
            \"checksum serde 1.0.0 (registry+https://github.com/rust-lang/crates.io-index)\" = \"abc\"\n";
        assert_eq!(extract(text).unwrap(), ["app@0.1.0 pkg:cargo/app@0.1.0", "serde@1.0.0 pkg:cargo/serde@1.0.0"]);
    }

    #[test]
    fn packages_without_a_version_are_skipped_and_bad_toml_is_an_error() {
        assert_eq!(extract("[[package]]\nname = \"x\"\n").unwrap(), Vec::<String>::new());
        assert!(extract("[[package]\nname = 1").is_err());
        assert!(extract("").unwrap().is_empty());
    }

    #[test]
    fn wants_the_app_lock_not_cached_ones() {
        let info = |path| FileInfo { path, size: 10, executable: false };
        assert!(CargoLock.wants(&info("/var/task/Cargo.lock")));
        assert!(!CargoLock.wants(&info("/var/task/.cargo/registry/src/x/y-1.0/Cargo.lock")));
        assert!(!CargoLock.wants(&info("/var/task/cargo.lock")));
    }
}
