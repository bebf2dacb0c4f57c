//! `python/pipfile-lock`: Pipenv's `Pipfile.lock` (JSON).
//!
//! Every category is read: `default` (run time), `develop` (marked dev) and any custom category of newer Pipenv
//! (`docs`, …), which is not marked dev since the lock does not say what it is for. A package pinned in several
//! categories is reported once, as a run-time dependency if `default` holds it. Versions are written `==1.2.3`
//! (the `==`/`===` is dropped). Entries without such a pin (editable, path and VCS requirements have no
//! `version`; a hand-edited `"*"` is not a version) are left out: there is nothing to match against. `_meta` is not read. An empty file yields nothing; anything else that
//! is not a JSON object of categories is a file error.

use super::shared_lock::{in_installed_code, is_blank, locked};
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde_json::{Map, Value};
use std::collections::HashSet;
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct PipfileLock;

impl Extractor for PipfileLock {
    fn id(&self) -> &'static str {
        "python/pipfile-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "Pipfile.lock" && !in_installed_code(file.path)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        if is_blank(input.bytes) {
            return Ok(Vec::new());
        }
        let lock: Map<String, Value> = text::json(input.bytes)?;
        // `default` first, so that a package also in `develop` is kept as a run-time dependency.
        let mut categories: Vec<(&String, &Value)> = lock.iter().filter(|(k, _)| k.as_str() != "_meta").collect();
        categories.sort_by_key(|(k, _)| (k.as_str() != "default", k.as_str() != "develop", k.as_str()));
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (category, packages) in categories {
            let Value::Object(packages) = packages else {
                return Err(ExtractError::parse(format!("Pipfile.lock category {category:?} is not an object")));
            };
            for (name, entry) in packages {
                let Some(pin) = entry.get("version").and_then(Value::as_str) else {
                    continue;
                };
                let Some(version) = pin.strip_prefix("===").or_else(|| pin.strip_prefix("==")) else {
                    continue;
                };
                let Some(package) = locked(name, version, PackageManager::Pipenv, category == "develop") else {
                    continue;
                };
                if seen.insert((package.name.clone(), package.version.clone())) {
                    out.push(package);
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(json: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let input = Input::standalone("/var/task/Pipfile.lock", json.as_bytes(), &budget);
        PipfileLock
            .extract(&input)
            .map(|ps| ps.iter().map(|p| format!("{}@{} dev={}", p.name, p.version, p.dev)).collect())
    }

    #[test]
    fn develop_is_dev_and_default_wins_for_a_package_in_both() {
        let got = extract(
            r#"{"_meta": {"hash": {}}, "develop": {"a": {"version": "==1.0"}, "b": {"version": "==2.0"}},
                "default": {"a": {"version": "==1.0"}}, "docs": {"c": {"version": "===3.0"}}}"#,
        )
        .unwrap();
        assert_eq!(got, ["a@1.0 dev=false", "b@2.0 dev=true", "c@3.0 dev=false"]);
    }

    #[test]
    fn entries_without_a_version_are_left_out() {
        let got =
            extract(r#"{"default": {"m": {"editable": true, "git": "https://x/m"}, "n": {"version": "*"}}}"#).unwrap();
        assert!(got.is_empty());
    }

    #[test]
    fn malformed_locks_are_errors_and_empty_files_are_not() {
        assert!(extract("this is not json!").is_err());
        assert!(extract(r#"{"default": []}"#).is_err());
        assert!(extract("[]").is_err());
        assert_eq!(extract(" \n").unwrap().len(), 0);
    }

    #[test]
    fn wants_only_the_lock_outside_installed_code() {
        let wants = |path| PipfileLock.wants(&FileInfo { path, size: 1, executable: false });
        assert!(wants("/var/task/Pipfile.lock"));
        assert!(!wants("/var/task/Pipfile"));
        assert!(!wants("/var/task/pipfile.lock"));
        assert!(!wants("/opt/python/lib/python3.12/site-packages/x/Pipfile.lock"));
    }
}
