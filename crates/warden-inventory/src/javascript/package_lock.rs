//! `javascript/package-lock`: npm's `package-lock.json` (lockfile versions 1–3) and `npm-shrinkwrap.json`.
//!
//! - v2/v3: the `packages` map, keyed by install path (`node_modules/a/node_modules/@s/b`); the name is the entry's
//!   `name` (set for aliases: `node_modules/string-width-cjs` → `string-width`) or the last path component with its
//!   scope. Paths outside `node_modules` (a `file:` dependency's own directory) are packages too.
//! - v1 (and v2 files that only carry it): the nested `dependencies` tree, keyed by name; an alias version
//!   `npm:@babel/code-frame@7.0.0` names the real package.
//! - A version that is not an exact version (git URL, tarball, `file:`) yields the package with an empty version
//!   and the spec as its constraint.
//! - `dev: true` marks a development-only package. `devOptional` does not: npm sets it on a package that is both a
//!   dev dependency and an optional dependency of a production one, which `npm ci --omit=dev` still installs.
//! - When `npm-shrinkwrap.json` sits beside `package-lock.json`, npm uses the shrinkwrap and ignores the lock, so
//!   the lock yields nothing.
//!
//! Deliberately not read: the root entry `""` (the project itself), `link: true` entries and their targets
//! (workspaces and `file:` directories npm symlinks into `node_modules`: the project's own code, whose name may
//! even collide with an unrelated registry package), npm's hidden `node_modules/.package-lock.json` (a cache of the installed tree,
//! which the `javascript/node-modules` extractor reads directly), and any lockfile inside `node_modules` (a
//! dependency's own development tree, never installed; npm does not even publish `package-lock.json`).
//! Trailing commas, common in hand-edited lockfiles, are tolerated.

use crate::javascript::{shared_jsonc, shared_npm};
use crate::{ExtractError, Extractor, FileInfo, Input};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct PackageLock;

#[derive(Deserialize)]
struct Lockfile {
    #[serde(default)]
    packages: Option<BTreeMap<String, Entry>>,
    #[serde(default)]
    dependencies: Option<BTreeMap<String, V1Dependency>>,
}

/// One entry of the v2/v3 `packages` map.
#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    resolved: Option<String>,
    #[serde(default)]
    dev: bool,
    #[serde(default)]
    link: bool,
}

/// One entry of the v1 `dependencies` tree.
#[derive(Deserialize)]
struct V1Dependency {
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    dev: bool,
    #[serde(default)]
    dependencies: BTreeMap<String, V1Dependency>,
}

impl Extractor for PackageLock {
    fn id(&self) -> &'static str {
        "javascript/package-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        matches!(file.file_name(), "package-lock.json" | "npm-shrinkwrap.json") && !file.path.contains("/node_modules/")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        if input.path.ends_with("/package-lock.json") && (input.exists)(&format!("{}/npm-shrinkwrap.json", input.dir()))
        {
            return Ok(Vec::new());
        }
        let lock: Option<Lockfile> = shared_jsonc::parse(input.bytes)?;
        let Some(lock) = lock else {
            return Err(ExtractError::parse("the lockfile is `null`, not an object"));
        };
        match lock.packages.filter(|p| p.keys().any(|k| !k.is_empty())) {
            Some(packages) => Ok(from_packages(packages)),
            None => Ok(from_dependencies(lock.dependencies.unwrap_or_default())),
        }
    }
}

fn from_packages(packages: BTreeMap<String, Entry>) -> Vec<Package> {
    // A link's target is a directory of the project (a workspace, a `file:` directory): local code, not a package.
    let targets: HashSet<String> = packages.values().filter(|e| e.link).filter_map(|e| e.resolved.clone()).collect();
    packages
        .into_iter()
        .filter(|(path, entry)| !path.is_empty() && !entry.link && !targets.contains(path))
        .map(|(path, entry)| {
            let name = entry.name.unwrap_or_else(|| shared_npm::name_from_path(&path).to_string());
            let spec = entry.version.or(entry.resolved).unwrap_or_default();
            shared_npm::package(&name, &spec, PackageManager::Npm).dev(entry.dev)
        })
        .collect()
}

fn from_dependencies(dependencies: BTreeMap<String, V1Dependency>) -> Vec<Package> {
    let mut out = Vec::new();
    let mut stack: Vec<(String, V1Dependency)> = dependencies.into_iter().collect();
    while let Some((key, dep)) = stack.pop() {
        let spec = dep.version.unwrap_or_default();
        let package = match shared_npm::alias_target(&spec) {
            Some((name, version)) => shared_npm::package(name, version, PackageManager::Npm),
            None => shared_npm::package(&key, &spec, PackageManager::Npm),
        };
        out.push(package.dev(dep.dev));
        stack.extend(dep.dependencies);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn testdata(rel: &str) -> Vec<u8> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/lockfiles/javascript/packagelockjson/testdata");
        std::fs::read(root.join(rel)).unwrap()
    }

    fn extract(bytes: &[u8]) -> Result<Vec<Package>, ExtractError> {
        let budget = Input::default_budget();
        PackageLock.extract(&Input::standalone("/var/task/package-lock.json", bytes, &budget))
    }

    fn find<'a>(ps: &'a [Package], name: &str, version: &str) -> &'a Package {
        ps.iter().find(|p| p.name == name && p.version == version).unwrap()
    }

    #[test]
    fn wants_lockfiles_outside_node_modules() {
        let wants = |path| PackageLock.wants(&FileInfo { path, size: 10, executable: false });
        assert!(wants("/var/task/package-lock.json"));
        assert!(wants("/opt/nodejs/npm-shrinkwrap.json"));
        assert!(!wants("/var/task/node_modules/.package-lock.json"));
        assert!(!wants("/var/task/node_modules/foo/npm-shrinkwrap.json"));
        assert!(!wants("/var/task/package.json"));
    }

    #[test]
    fn aliases_use_the_real_name_in_both_formats() {
        for file in ["alias.v1.json", "alias.v2.json"] {
            let ps = extract(&testdata(file)).unwrap();
            assert!(ps.iter().all(|p| p.name != "string-width-cjs" && p.name != "babel-code-frame"), "{file}");
            assert_eq!(find(&ps, "@babel/code-frame", "7.0.0").purl, "pkg:npm/%40babel/code-frame@7.0.0");
            find(&ps, "string-width", "4.2.0");
        }
    }

    #[test]
    fn dev_is_marked_and_dev_optional_is_not() {
        let ps = extract(&testdata("one-package-dev.v2.json")).unwrap();
        assert!(find(&ps, "wrappy", "1.0.2").dev);
        let ps = extract(&testdata("one-package-dev.v1.json")).unwrap();
        assert!(find(&ps, "wrappy", "1.0.2").dev);
        let lock = br#"{"lockfileVersion": 3, "packages": {"": {}, "node_modules/a": {"version": "1.0.0", "devOptional": true},
            "node_modules/b": {"version": "2.0.0"}}}"#;
        let ps = extract(lock).unwrap();
        assert!(!find(&ps, "a", "1.0.0").dev);
        assert!(ps.iter().all(|p| p.package_manager == PackageManager::Npm));
    }

    #[test]
    fn git_and_file_specs_keep_their_spec_as_constraint() {
        let ps = extract(&testdata("commits.v1.json")).unwrap();
        let raven = find(&ps, "raven-js", "");
        assert_eq!(
            raven.constraint.as_deref(),
            Some("git+ssh://git@github.com/getsentry/raven-js.git#c2b377e7a254264fd4a1fe328e4e3cfc9e245570")
        );
        // Nested v1 dependencies are read.
        assert_eq!(ps.iter().filter(|p| p.name == "is-number-1").count(), 2);
        let ps = extract(&testdata("commits.v2.json")).unwrap();
        assert!(find(&ps, "raven-js", "").constraint.as_deref().unwrap().starts_with("git+ssh://"));
        assert_eq!(find(&ps, "is-number-3", "3.0.0").constraint, None);
    }

    #[test]
    fn root_and_links_are_not_packages() {
        let lock = br#"{"lockfileVersion": 3, "packages": {
            "": {"name": "app", "version": "1.0.0"},
            "node_modules/ws-a": {"resolved": "packages/a", "link": true},
            "packages/a": {"name": "ws-a", "version": "0.1.0"},
            "node_modules/x": {"version": "1.0.0"}}}"#;
        let got: Vec<String> = extract(lock).unwrap().iter().map(|p| format!("{}@{}", p.name, p.version)).collect();
        assert_eq!(got, vec!["x@1.0.0"]);
    }

    #[test]
    fn shrinkwrap_beside_the_lock_wins() {
        let budget = Input::default_budget();
        let bytes = testdata("both/package-lock.json");
        let exists = |p: &str| p == "/var/task/npm-shrinkwrap.json";
        let input =
            Input { path: "/var/task/package-lock.json", bytes: &bytes, exists: &exists, budget: &budget, depth: 0 };
        assert!(PackageLock.extract(&input).unwrap().is_empty());
        let input =
            Input { path: "/var/task/npm-shrinkwrap.json", bytes: &bytes, exists: &exists, budget: &budget, depth: 0 };
        assert_eq!(PackageLock.extract(&input).unwrap().len(), 2);
    }

    #[test]
    fn malformed_lockfiles_are_errors() {
        assert!(extract(b"null").unwrap_err().to_string().contains("null"));
        assert!(extract(b"this is not json!").is_err());
        assert!(extract(br#"{"packages": {"node_modules/a": {"version": 7}}}"#).is_err());
        assert!(extract(br#"[1, 2]"#).is_err());
    }

    #[test]
    fn deep_v1_nesting_does_not_overflow() {
        let mut lock = String::from(r#"{"dependencies": "#);
        for _ in 0..10_000 {
            lock.push_str(r#"{"a": {"version": "1.0.0", "dependencies": "#);
        }
        lock.push_str("{}");
        // serde_json's recursion limit refuses this before any stack is at risk.
        assert!(extract(lock.as_bytes()).is_err());
    }
}
