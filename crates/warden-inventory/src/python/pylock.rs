//! `python/pylock`: the standard lock file of PEP 751, `pylock.toml` or `pylock.<name>.toml` (written by pip,
//! uv, PDM, …). Reported as `PIP`: Inspector has no value for the standard format.
//!
//! Every `[[packages]]` entry with a name and version is reported, whatever its source (index, wheels, sdist, VCS,
//! archive). The standard leaves the version out where it cannot be guaranteed (a source tree, some VCS
//! checkouts); such entries are left out, the project itself (`directory = { path = ".", editable = true }`)
//! among them.
//!
//! Development-only packages come from the `marker`: PEP 751 selects packages with `"<group>" in
//! dependency_groups` and `"<extra>" in extras`. A package is marked dev when its marker names groups or extras
//! and none of them is needed at run time, that is, none is a group listed in `default-groups` nor an extra
//! without a development name (`dev`, `test`, `lint`, `docs`, …). This reads the marker's atoms, not its boolean
//! structure, erring towards run time; a `not in` atom leaves the package a run-time one. An empty file yields
//! nothing; malformed TOML is a file error.

use super::shared_lock::{in_installed_code, is_dev_group, locked};
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct Pylock;

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    packages: Vec<LockedPackage>,
    #[serde(default, rename = "default-groups")]
    default_groups: Vec<String>,
}

#[derive(Deserialize)]
struct LockedPackage {
    #[serde(default)]
    name: String,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    marker: Option<String>,
}

impl Extractor for Pylock {
    fn id(&self) -> &'static str {
        "python/pylock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        let name = file.file_name();
        let named = name == "pylock.toml"
            || name
                .strip_prefix("pylock.")
                .and_then(|n| n.strip_suffix(".toml"))
                .is_some_and(|n| !n.is_empty() && !n.contains('.'));
        named && !in_installed_code(file.path)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let lock: Lock = text::toml(input.bytes)?;
        let out = lock
            .packages
            .iter()
            .filter_map(|p| {
                let dev = p.marker.as_deref().is_some_and(|m| dev_marker(m, &lock.default_groups));
                locked(&p.name, p.version.as_deref().unwrap_or(""), PackageManager::Pip, dev)
            })
            .collect();
        Ok(out)
    }
}

/// Whether a marker selects the package only for development groups or extras (see the module documentation).
fn dev_marker(marker: &str, default_groups: &[String]) -> bool {
    let mut selectors = 0;
    let mut rest = marker;
    while let Some(open) = rest.find(['"', '\'']) {
        let after_open = rest.get(open + 1..).unwrap_or("");
        let quote = rest.get(open..=open).unwrap_or("\"");
        let Some(close) = after_open.find(quote) else {
            break;
        };
        let value = after_open.get(..close).unwrap_or("");
        rest = after_open.get(close + 1..).unwrap_or("");
        let mut words = rest.split_whitespace();
        let (negated, target) = match (words.next(), words.next(), words.next()) {
            (Some("in"), Some(target), _) => (false, target),
            (Some("not"), Some("in"), Some(target)) => (true, target),
            _ => continue,
        };
        let target = target.trim_end_matches(')');
        let run_time = match target {
            "dependency_groups" => default_groups.iter().any(|g| g == value),
            "extras" => !is_dev_group(value),
            _ => continue,
        };
        if negated || run_time {
            return false;
        }
        selectors += 1;
    }
    selectors > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wants_the_standard_names() {
        let wants = |path| Pylock.wants(&FileInfo { path, size: 1, executable: false });
        assert!(wants("/var/task/pylock.toml"));
        assert!(wants("/var/task/pylock.dev.toml"));
        assert!(!wants("/var/task/pylock.a.b.toml"));
        assert!(!wants("/var/task/pylock..toml"));
        assert!(!wants("/var/task/mypylock.toml"));
        assert!(!wants("/var/task/pyproject.toml"));
    }

    #[test]
    fn markers_naming_only_development_selectors_are_dev() {
        let default = vec!["default".to_string()];
        assert!(dev_marker("\"tests\" in extras", &default));
        assert!(dev_marker("sys_platform == 'win32' and 'lint' in dependency_groups", &default));
        assert!(!dev_marker("python_version >= \"3.6\" and \"security\" in extras", &default));
        assert!(!dev_marker("\"default\" in dependency_groups or \"tests\" in extras", &default));
        assert!(!dev_marker("\"dev\" not in dependency_groups", &default));
        assert!(!dev_marker("os_name == \"nt\"", &default));
        assert!(dev_marker("(\"dev\" in dependency_groups)", &default));
        assert!(!dev_marker("\"unterminated in extras", &default));
    }

    fn extract(toml: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let input = Input::standalone("/var/task/pylock.toml", toml.as_bytes(), &budget);
        Pylock.extract(&input).map(|ps| ps.iter().map(|p| format!("{}@{} dev={}", p.name, p.version, p.dev)).collect())
    }

    #[test]
    fn the_project_is_left_out_and_vcs_entries_with_a_version_kept() {
        let got = extract(
            "lock-version = \"1.0\"\ndefault-groups = [\"default\"]\n\
             [[packages]]\nname = \"self\"\ndirectory = { path = \".\", editable = true }\n\
             [[packages]]\nname = \"mleroc\"\nversion = \"0.1.0\"\nvcs = { type = \"git\", url = \"https://x\", commit-id = \"7350\" }\n\
             [[packages]]\nname = \"py\"\nversion = \"1.4.34\"\nmarker = \"\\\"tests\\\" in extras\"\n",
        )
        .unwrap();
        assert_eq!(got, ["mleroc@0.1.0 dev=false", "py@1.4.34 dev=true"]);
        assert!(extract("this is not valid toml! (I think)").is_err());
    }
}
