//! `dotnet/packages-lock`: NuGet's `packages.lock.json` (written by `dotnet restore` with
//! `RestorePackagesWithLockFile`).
//!
//! Every package under every target framework (and runtime-specific target) of `dependencies` is reported at its
//! `resolved` version, once per name and version, as `NUGET`: `Direct`, `Transitive` and `CentralTransitive` entries.
//! Deliberately skipped: `Project` entries (project references, the app's own code) and entries without a resolved
//! version. The lock file does not mark development dependencies (`PrivateAssets` is not recorded in it).

use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct PackagesLock;

#[derive(Deserialize)]
struct LockFile {
    #[serde(default)]
    dependencies: BTreeMap<String, BTreeMap<String, Locked>>,
}

#[derive(Deserialize)]
struct Locked {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    resolved: String,
}

impl Extractor for PackagesLock {
    fn id(&self) -> &'static str {
        "dotnet/packages-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "packages.lock.json"
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let lock: LockFile = text::json(input.bytes)?;
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (name, locked) in lock.dependencies.values().flatten() {
            let version = locked.resolved.trim();
            if locked.kind.eq_ignore_ascii_case("project") || version.is_empty() || name.is_empty() {
                continue;
            }
            if seen.insert((name.to_ascii_lowercase(), version.to_string())) {
                out.push(Package::new(Ecosystem::NuGet, name, version, PackageManager::Nuget));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fixture(name: &str) -> Vec<u8> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/lockfiles/dotnet/packageslockjson/testdata");
        std::fs::read(dir.join(name)).unwrap()
    }

    fn extract(bytes: &[u8]) -> Result<Vec<Package>, ExtractError> {
        let budget = Input::default_budget();
        PackagesLock.extract(&Input::standalone("/var/task/packages.lock.json", bytes, &budget))
    }

    #[test]
    fn reads_direct_and_transitive_packages() {
        let got = extract(&fixture("valid/packages.lock.json")).unwrap();
        assert_eq!(got.len(), 8);
        let core = got.iter().find(|p| p.name == "Core.Dep").unwrap();
        assert_eq!((core.version.as_str(), core.package_manager), ("1.24.0", PackageManager::Nuget));
        // Depended on at 4.6.0 by Some.Dep.Three, but locked at 4.7.2: the lock's resolution is what is installed.
        let five: Vec<_> = got.iter().filter(|p| p.name == "Some.Dep.Five").map(|p| p.version.as_str()).collect();
        assert_eq!(five, ["4.7.2"]);
        assert!(extract(&fixture("invalid/invalid")).is_err());
    }

    #[test]
    fn projects_are_skipped_and_frameworks_fold() {
        let json = br#"{"version": 2, "dependencies": {
            "net6.0": {"A": {"type": "Direct", "requested": "[1.0.0, )", "resolved": "1.0.0"},
                       "MyLib": {"type": "Project"}},
            "net6.0/linux-x64": {"a": {"type": "Transitive", "resolved": "1.0.0"},
                                 "B": {"type": "CentralTransitive", "requested": "[2.0.0, )", "resolved": "2.1.0"}}
        }}"#;
        let got: Vec<_> = extract(json).unwrap().iter().map(|p| format!("{}@{}", p.name, p.version)).collect();
        assert_eq!(got, ["A@1.0.0", "B@2.1.0"]);
    }
}
