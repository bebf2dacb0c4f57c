//! `javascript/pnpm-lock`: `pnpm-lock.yaml`, lockfile versions 5.x, 6.x and 9.x.
//!
//! The `packages` map lists every resolved package once per key:
//! - v5: `/name/1.0.0`, `/@scope/name/1.0.0_peer@2.0.0`, `registry.example.com/name/1.0.0`;
//! - v6: `/name@1.0.0(peer@2.0.0)`; v9: `name@1.0.0` (peer variants live in `snapshots`).
//!
//! An entry's own `name` and `version` (git, tarball and `file:` packages carry them) win over the key. A key that
//! yields no exact version (`github.com/kevva/is-positive`, `/foo/bar`, `invalidpath`) and has no `version` field
//! is skipped. Development-only packages: v5/v6 mark them `dev: true`; v9 drops the flag, so a package is dev when
//! the importers' `devDependencies` reach it through `snapshots` and their `dependencies`/`optionalDependencies`
//! do not (a package reached by neither is not marked).
//!
//! Inspector has no `packageManager` value for pnpm; packages are reported as `NPM` (the registry they come from).
//!
//! Deliberately not read: `importers` as an inventory (they are the project's own workspaces), and any
//! `pnpm-lock.yaml` inside `node_modules` (a dependency's own development tree). The YAML budget is raised in
//! proportion to the file so that large real lockfiles (tens of thousands of entries) parse, while the artifact's
//! own size limits still bound the work.

use crate::javascript::shared_npm;
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct PnpmLock;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Lockfile {
    #[serde(default)]
    lockfile_version: Option<String>,
    #[serde(default)]
    importers: Option<BTreeMap<String, Option<Importer>>>,
    #[serde(default)]
    packages: Option<BTreeMap<String, Option<Entry>>>,
    #[serde(default)]
    snapshots: Option<BTreeMap<String, Option<Snapshot>>>,
}

#[derive(Deserialize, Default)]
struct Entry {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    dev: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Importer {
    #[serde(default)]
    dependencies: Option<BTreeMap<String, Reference>>,
    #[serde(default)]
    optional_dependencies: Option<BTreeMap<String, Reference>>,
    #[serde(default)]
    dev_dependencies: Option<BTreeMap<String, Reference>>,
}

/// An importer's dependency: `1.0.0` (v5) or `{specifier: ^1.0.0, version: 1.0.0}` (v6+).
#[derive(Deserialize)]
#[serde(untagged)]
enum Reference {
    Version(String),
    Resolved { version: String },
}

impl Reference {
    fn version(&self) -> &str {
        match self {
            Reference::Version(v) | Reference::Resolved { version: v } => v,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Snapshot {
    #[serde(default)]
    dependencies: Option<BTreeMap<String, String>>,
    #[serde(default)]
    optional_dependencies: Option<BTreeMap<String, String>>,
}

impl Extractor for PnpmLock {
    fn id(&self) -> &'static str {
        "javascript/pnpm-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "pnpm-lock.yaml" && !file.path.contains("/node_modules/")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let text = text::utf8(input.bytes)?;
        if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
            return Ok(Vec::new());
        }
        let lock: Lockfile = serde_saphyr::from_str_with_options(text, yaml_options(text.len()))
            .map_err(|e| ExtractError::parse(format!("invalid pnpm lockfile: {e}")))?;
        let major = lock
            .lockfile_version
            .as_deref()
            .and_then(|v| v.trim().split('.').next())
            .and_then(|m| m.parse::<u32>().ok())
            .unwrap_or(6);
        let dev_only = if major >= 9 { dev_only_v9(&lock) } else { HashSet::new() };
        // One package per name and version: peer variants of one package fold, dev only if every variant is.
        let mut found: BTreeMap<(String, String), bool> = BTreeMap::new();
        for (key, entry) in lock.packages.unwrap_or_default() {
            let entry = entry.unwrap_or_default();
            let parsed = if major < 6 { parse_v5_key(&key) } else { parse_key(&key) };
            let name = entry.name.as_deref().or(parsed.map(|(n, _)| n)).unwrap_or_default();
            let version = match entry.version.as_deref() {
                Some(v) => v,
                None => parsed.map(|(_, v)| v).filter(|v| shared_npm::is_version(v)).unwrap_or_default(),
            };
            if name.is_empty() || version.is_empty() {
                continue;
            }
            let dev = entry.dev.unwrap_or(false) || dev_only.contains(key.as_str());
            let slot = found.entry((name.to_string(), version.to_string())).or_insert(dev);
            *slot &= dev;
        }
        Ok(found
            .into_iter()
            .map(|((name, version), dev)| shared_npm::package(&name, &version, PackageManager::Npm).dev(dev))
            .collect())
    }
}

/// The default YAML budget refuses large lockfiles; allow as many events and nodes as the text has bytes (each
/// needs at least one) and as many scalar bytes, keeping the defaults as a floor. Aliases keep their default caps.
fn yaml_options(len: usize) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = budget.max_events.max(len);
    budget.max_nodes = budget.max_nodes.max(len);
    budget.max_total_scalar_bytes = budget.max_total_scalar_bytes.max(len);
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// `/name@1.0.0(peer@2.0.0)` (v6) or `name@1.0.0` (v9) → (`name`, `1.0.0`).
fn parse_key(key: &str) -> Option<(&str, &str)> {
    let key = key.strip_prefix('/').unwrap_or(key);
    let key = key.split('(').next().unwrap_or(key);
    shared_npm::split_name_spec(key)
}

/// `/@scope/name/1.0.0_peer@2.0.0` or `host/name/1.0.0` (v5) → (`@scope/name`, `1.0.0`).
fn parse_v5_key(key: &str) -> Option<(&str, &str)> {
    let (path, version) = key.rsplit_once('/')?;
    let version = version.split('_').next().unwrap_or(version);
    let name = shared_npm::name_from_path(path);
    (!name.is_empty() && !name.contains(':')).then_some((name, version))
}

/// v9: the `packages` keys (`name@1.0.0`) reached only from the importers' `devDependencies`.
fn dev_only_v9(lock: &Lockfile) -> HashSet<String> {
    let snapshots = lock.snapshots.as_ref();
    let edges = |key: &String| -> Vec<String> {
        let Some(Some(snapshot)) = snapshots.and_then(|s| s.get(key)) else {
            return Vec::new();
        };
        let deps = snapshot.dependencies.iter().chain(&snapshot.optional_dependencies).flatten();
        deps.filter_map(|(name, version)| snapshot_key(name, version)).collect()
    };
    let roots = |dev: bool| -> Vec<String> {
        let importers = lock.importers.iter().flatten().filter_map(|(_, i)| i.as_ref());
        importers
            .flat_map(|i| if dev { [&i.dev_dependencies, &None] } else { [&i.dependencies, &i.optional_dependencies] })
            .flatten()
            .flatten()
            .filter_map(|(name, reference)| snapshot_key(name, reference.version()))
            .collect()
    };
    let to_package = |snapshot: String| snapshot.split('(').next().map(str::to_string).unwrap_or(snapshot);
    let prod: HashSet<String> = shared_npm::reachable(roots(false), edges).into_iter().map(to_package).collect();
    let dev = shared_npm::reachable(roots(true), edges).into_iter().map(to_package);
    dev.filter(|k| !prod.contains(k)).collect()
}

/// The `snapshots` key a dependency points to: `name@version(peers)`, or the version itself for an alias
/// (`string-width@4.2.3`); `link:` dependencies point to workspaces, not snapshots.
fn snapshot_key(name: &str, version: &str) -> Option<String> {
    if version.starts_with("link:") {
        return None;
    }
    let alias = !version.starts_with(|c: char| c.is_ascii_digit())
        && shared_npm::split_name_spec(version).is_some_and(|(n, _)| !n.contains(':'));
    Some(if alias { version.to_string() } else { format!("{name}@{version}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Result<Vec<Package>, ExtractError> {
        let budget = Input::default_budget();
        PnpmLock.extract(&Input::standalone("/var/task/pnpm-lock.yaml", text.as_bytes(), &budget))
    }

    fn summary(ps: &[Package]) -> Vec<String> {
        ps.iter().map(|p| format!("{}@{}{}", p.name, p.version, if p.dev { " dev" } else { "" })).collect()
    }

    #[test]
    fn keys_of_each_version() {
        assert_eq!(parse_key("/@babel/core@7.0.0(peer@1.0.0)"), Some(("@babel/core", "7.0.0")));
        assert_eq!(parse_key("acorn@8.11.3"), Some(("acorn", "8.11.3")));
        assert_eq!(parse_v5_key("/@foo/bar/1.0.0"), Some(("@foo/bar", "1.0.0")));
        assert_eq!(parse_v5_key("/foo/1.4.0_@types+babel__core@7.1.14"), Some(("foo", "1.4.0")));
        assert_eq!(parse_v5_key("registry.npmjs.org/foo/1.1.0"), Some(("foo", "1.1.0")));
        assert_eq!(parse_v5_key("invalidpath"), None);
    }

    #[test]
    fn v5_and_v6_dev_flags() {
        let v5 = "lockfileVersion: 5.4\npackages:\n  /a/1.0.0:\n    dev: true\n  /b/2.0.0:\n    dev: false\n  \
                  /c/3.0.0_a@1.0.0:\n    dev: true\n  /c/3.0.0_a@1.0.1:\n    dev: false\n";
        assert_eq!(summary(&extract(v5).unwrap()), vec!["a@1.0.0 dev", "b@2.0.0", "c@3.0.0"]);
        let v6 = "lockfileVersion: '6.0'\npackages:\n  /@s/a@1.0.0(b@2.0.0):\n    dev: true\n";
        assert_eq!(summary(&extract(v6).unwrap()), vec!["@s/a@1.0.0 dev"]);
    }

    #[test]
    fn v9_dev_comes_from_the_importers() {
        let v9 = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n        \
                  version: 1.0.0(p@1.0.0)\n      al:\n        specifier: npm:real@^3\n        version: real@3.0.0\n    \
                  devDependencies:\n      d:\n        specifier: ^2\n        version: 2.0.0\n  packages/x:\n    \
                  dependencies:\n      ws:\n        specifier: workspace:*\n        version: link:../ws\n\
                  packages:\n  a@1.0.0: {}\n  shared@1.0.0: {}\n  d@2.0.0: {}\n  dd@1.0.0: {}\n  p@1.0.0: {}\n  \
                  real@3.0.0: {}\n  orphan@1.0.0: {}\n\
                  snapshots:\n  a@1.0.0(p@1.0.0):\n    dependencies:\n      shared: 1.0.0\n  shared@1.0.0: {}\n  \
                  d@2.0.0:\n    dependencies:\n      shared: 1.0.0\n      dd: 1.0.0\n      cycle: 1.0.0\n  \
                  dd@1.0.0:\n    dependencies:\n      d: 2.0.0\n  p@1.0.0: {}\n  real@3.0.0: {}\n";
        assert_eq!(
            summary(&extract(v9).unwrap()),
            vec!["a@1.0.0", "d@2.0.0 dev", "dd@1.0.0 dev", "orphan@1.0.0", "p@1.0.0", "real@3.0.0", "shared@1.0.0"]
        );
    }

    #[test]
    fn entry_fields_win_over_the_key() {
        let lock = "lockfileVersion: 5.3\npackages:\n  github.com/o/r/6104ae42cd32c3d724036d3964678f197b2c9cdb:\n    \
                    name: r\n    version: 1.0.0\n  github.com/kevva/is-positive:\n  /foo/bar:\n";
        assert_eq!(summary(&extract(lock).unwrap()), vec!["r@1.0.0"]);
        assert!(extract(lock).unwrap().iter().all(|p| p.package_manager == PackageManager::Npm));
    }

    #[test]
    fn empty_and_malformed_files() {
        assert!(extract("# nothing\n").unwrap().is_empty());
        assert!(extract("lockfileVersion: '6.0'\n").unwrap().is_empty());
        assert!(extract("packages: [1, 2]\n").is_err());
        assert!(extract("a: b: c\n  - d").is_err());
    }

    #[test]
    fn large_lockfiles_are_not_refused_by_the_yaml_budget() {
        let mut lock = String::from("lockfileVersion: '9.0'\npackages:\n");
        for i in 0..50_000 {
            lock.push_str(&format!("  p{i}@1.0.0:\n    resolution: {{integrity: sha512-x}}\n"));
        }
        assert_eq!(extract(&lock).unwrap().len(), 50_000);
    }
}
