//! `python/pdm-lock`: PDM's `pdm.lock` (TOML, one `[[package]]` per locked package).
//!
//! Every `[[package]]` with a name and version is reported (registry, git and URL sources alike; PDM never locks
//! the project itself). Reported as `PIP`: Inspector has no PDM package manager and a PDM project installs with
//! pip's wheels. Each package lists the `groups` that need it; `default` is the run-time group. The lock does not
//! say which other groups are development groups and which are extras, so a package is marked dev only when it
//! is outside `default` and every group holding it has a development name (`dev`, `test`, `lint`, `docs`, …);
//! a package needed only by another group (an extra such as `socks`) stays a run-time one. An empty file yields
//! nothing; malformed TOML is a file error.

use super::shared_lock::{in_installed_code, is_dev_group, locked};
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct PdmLock;

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
    #[serde(default)]
    groups: Vec<String>,
}

impl LockedPackage {
    fn dev(&self) -> bool {
        !self.groups.is_empty() && self.groups.iter().all(|g| g != "default" && is_dev_group(g))
    }
}

impl Extractor for PdmLock {
    fn id(&self) -> &'static str {
        "python/pdm-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "pdm.lock" && !in_installed_code(file.path)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let lock: Lock = text::toml(input.bytes)?;
        Ok(lock.package.iter().filter_map(|p| locked(&p.name, &p.version, PackageManager::Pip, p.dev())).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(toml: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let input = Input::standalone("/var/task/pdm.lock", toml.as_bytes(), &budget);
        PdmLock.extract(&input).map(|ps| ps.iter().map(|p| format!("{}@{} dev={}", p.name, p.version, p.dev)).collect())
    }

    #[test]
    fn dev_only_outside_default_and_in_development_groups() {
        let got = extract(
            "[[package]]\nname = \"toml\"\nversion = \"0.10.2\"\ngroups = [\"default\", \"dev\"]\n\
             [[package]]\nname = \"pyroute2\"\nversion = \"0.7.11\"\ngroups = [\"dev\", \"test\"]\n\
             [[package]]\nname = \"pysocks\"\nversion = \"1.7.1\"\ngroups = [\"socks\"]\n\
             [[package]]\nname = \"six\"\nversion = \"1.16.0\"\n",
        )
        .unwrap();
        assert_eq!(
            got,
            ["toml@0.10.2 dev=false", "pyroute2@0.7.11 dev=true", "pysocks@1.7.1 dev=false", "six@1.16.0 dev=false"]
        );
    }

    #[test]
    fn git_entries_keep_their_version_and_junk_is_an_error() {
        let got = extract(
            "[[package]]\nname = \"toml\"\nversion = \"0.10.2\"\ngit = \"https://github.com/uiri/toml.git\"\nrevision = \"65ba\"\n",
        )
        .unwrap();
        assert_eq!(got, ["toml@0.10.2 dev=false"]);
        assert!(extract("this is not valid toml! (I think)").is_err());
    }

    #[test]
    fn reported_as_pip() {
        let budget = Input::default_budget();
        let input = Input::standalone("/var/task/pdm.lock", b"[[package]]\nname = \"a\"\nversion = \"1\"\n", &budget);
        let got = PdmLock.extract(&input).unwrap();
        assert_eq!(got.first().map(|p| p.package_manager), Some(PackageManager::Pip));
    }
}
