//! `python/poetry-lock`: Poetry's `poetry.lock` (TOML, one `[[package]]` per locked package).
//!
//! Every `[[package]]` with a name and version is reported, whatever its source (PyPI, a legacy index, git, a
//! file or directory: Poetry never lists the root project itself). Development-only packages are those with
//! `category = "dev"` (locks before Poetry 1.5) or whose `groups` (Poetry 2) do not include `main`; optional
//! packages (extras) stay run-time ones. Locks from Poetry 1.5–1.8 carry neither, so nothing is marked dev. An
//! empty file yields nothing; malformed TOML is a file error.

use super::shared_lock::{in_installed_code, locked};
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct PoetryLock;

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
    category: Option<String>,
    #[serde(default)]
    groups: Option<Vec<String>>,
}

impl LockedPackage {
    fn dev(&self) -> bool {
        self.category.as_deref() == Some("dev")
            || self.groups.as_ref().is_some_and(|g| !g.is_empty() && !g.iter().any(|g| g == "main"))
    }
}

impl Extractor for PoetryLock {
    fn id(&self) -> &'static str {
        "python/poetry-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "poetry.lock" && !in_installed_code(file.path)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let lock: Lock = text::toml(input.bytes)?;
        Ok(lock.package.iter().filter_map(|p| locked(&p.name, &p.version, PackageManager::Poetry, p.dev())).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(toml: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let input = Input::standalone("/var/task/poetry.lock", toml.as_bytes(), &budget);
        PoetryLock
            .extract(&input)
            .map(|ps| ps.iter().map(|p| format!("{}@{} dev={}", p.name, p.version, p.dev)).collect())
    }

    #[test]
    fn old_categories_mark_dev() {
        let got = extract(
            "[[package]]\nname = \"a\"\nversion = \"1\"\ncategory = \"main\"\n\
             [[package]]\nname = \"b\"\nversion = \"2\"\ncategory = \"dev\"\noptional = true\n",
        )
        .unwrap();
        assert_eq!(got, ["a@1 dev=false", "b@2 dev=true"]);
    }

    #[test]
    fn new_groups_mark_dev_unless_main_is_among_them() {
        let got = extract(
            "[[package]]\nname = \"six\"\nversion = \"1.17.0\"\ngroups = [\"main\", \"dev\"]\n\
             [[package]]\nname = \"faker\"\nversion = \"33.3.0\"\ngroups = [\"dev\", \"test\"]\n\
             [[package]]\nname = \"redis\"\nversion = \"5.2.1\"\noptional = true\ngroups = [\"main\"]\n",
        )
        .unwrap();
        assert_eq!(got, ["six@1.17.0 dev=false", "faker@33.3.0 dev=true", "redis@5.2.1 dev=false"]);
    }

    #[test]
    fn git_sources_are_kept_and_malformed_toml_is_an_error() {
        let got = extract(
            "[[package]]\nname = \"ike\"\nversion = \"0.2.0\"\n[package.source]\ntype = \"git\"\nurl = \"https://x/ike\"\n",
        )
        .unwrap();
        assert_eq!(got, ["ike@0.2.0 dev=false"]);
        assert!(extract("this is not valid toml! (I think)").is_err());
        assert!(extract("[[package]]\nname = 1\n").is_err());
        assert!(extract("").unwrap().is_empty());
    }
}
