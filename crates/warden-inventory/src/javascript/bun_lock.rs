//! `javascript/bun-lock`: Bun's text lockfile `bun.lock` (JSONC: comments and trailing commas allowed).
//!
//! `packages` maps an install path (`chalk/supports-color` is `supports-color` nested under `chalk`, like
//! `node_modules/chalk/node_modules/supports-color`) to a tuple whose first element is `name@version` with the real
//! name (so an alias key `supports-color-old` yields `supports-color`). A version that is not exact (`github:…`,
//! `git+ssh:…`, `file:…`) yields the package with an empty version and the spec as its constraint.
//!
//! Bun records no dev flag: a package is marked dev when the workspaces' `devDependencies` reach it and their
//! `dependencies`, `optionalDependencies` and `peerDependencies` do not, resolving each dependency the way Node
//! does (the nearest `parent/…/name` key, then the hoisted `name`). A package reached by neither is not marked.
//! Reported as `NPM` (Inspector has no value for Bun).
//!
//! Deliberately not read: `workspace:` entries (the project's own packages), tuples whose first element is not a
//! string, the binary `bun.lockb` (an undocumented format), and any `bun.lock` inside `node_modules`.

use crate::javascript::{shared_jsonc, shared_npm};
use crate::{ExtractError, Extractor, FileInfo, Input};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct BunLock;

#[derive(Deserialize)]
struct Lockfile {
    #[serde(default)]
    workspaces: BTreeMap<String, Value>,
    #[serde(default)]
    packages: BTreeMap<String, Value>,
}

/// Which dependency maps count as production and which as development.
const PROD: [&str; 3] = ["dependencies", "optionalDependencies", "peerDependencies"];
const DEV: [&str; 1] = ["devDependencies"];

impl Extractor for BunLock {
    fn id(&self) -> &'static str {
        "javascript/bun-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "bun.lock" && !file.path.contains("/node_modules/")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let lock: Lockfile = shared_jsonc::parse(input.bytes)?;
        let prod = reach(&lock, &PROD);
        let dev = reach(&lock, &DEV);
        let mut out = Vec::new();
        for (key, tuple) in &lock.packages {
            let Some(Value::String(id)) = tuple.get(0) else {
                continue;
            };
            let Some((name, spec)) = shared_npm::split_name_spec(id) else {
                continue;
            };
            if spec.starts_with("workspace:") {
                continue;
            }
            let is_dev = dev.contains(key.as_str()) && !prod.contains(key.as_str());
            out.push(shared_npm::package(name, spec, PackageManager::Npm).dev(is_dev));
        }
        Ok(out)
    }
}

/// The package keys reachable from the workspaces through the given kinds of dependency (then through every
/// package's production dependencies).
fn reach<'a>(lock: &'a Lockfile, kinds: &[&str]) -> HashSet<&'a str> {
    let mut roots = Vec::new();
    for (path, workspace) in &lock.workspaces {
        // A workspace's own overrides are keyed under its name (`ws-name/dep`); the root has none.
        let scope = if path.is_empty() { None } else { workspace.get("name").and_then(Value::as_str) };
        for name in dependency_names(workspace, kinds) {
            roots.extend(resolve(lock, scope, name));
        }
    }
    shared_npm::reachable(roots, |key: &&str| {
        let info =
            lock.packages.get(*key).and_then(|t| t.as_array()).and_then(|t| t.iter().skip(1).find(|v| v.is_object()));
        let Some(info) = info else {
            return Vec::new();
        };
        dependency_names(info, &PROD).filter_map(|name| resolve(lock, Some(key), name)).collect()
    })
}

fn dependency_names<'a>(info: &'a Value, kinds: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
    kinds.iter().filter_map(|kind| info.get(kind).and_then(Value::as_object)).flat_map(|m| m.keys().map(String::as_str))
}

/// Node's lookup: `from/name`, then each shorter prefix of `from` (split at package-name boundaries, so a scope's
/// `/` is not a boundary), then the hoisted `name`.
fn resolve<'a>(lock: &'a Lockfile, from: Option<&str>, name: &str) -> Option<&'a str> {
    let mut from = from.unwrap_or_default();
    loop {
        let candidate = if from.is_empty() { name.to_string() } else { format!("{from}/{name}") };
        if let Some((key, _)) = lock.packages.get_key_value(&candidate) {
            return Some(key.as_str());
        }
        if from.is_empty() {
            return None;
        }
        from = parent(from);
    }
}

/// `a/@s/b/c` → `a/@s/b`; `a` → ``.
fn parent(path: &str) -> &str {
    let Some((head, _)) = path.rsplit_once('/') else {
        return "";
    };
    match head.rsplit_once('/') {
        Some((before, scope)) if scope.starts_with('@') => before,
        None if head.starts_with('@') => "",
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let ps = BunLock.extract(&Input::standalone("/var/task/bun.lock", text.as_bytes(), &budget))?;
        assert!(ps.iter().all(|p| p.package_manager == PackageManager::Npm));
        Ok(ps
            .iter()
            .map(|p| {
                let c = p.constraint.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
                format!("{}@{}{}{}", p.name, p.version, c, if p.dev { " dev" } else { "" })
            })
            .collect())
    }

    #[test]
    fn parents_respect_scopes() {
        assert_eq!(parent("a/@s/b/c"), "a/@s/b");
        assert_eq!(parent("a/@s/b"), "a");
        assert_eq!(parent("@s/b"), "");
        assert_eq!(parent("a"), "");
    }

    #[test]
    fn dev_only_packages_are_marked_through_nested_keys() {
        let lock = r#"{
          // comments are allowed
          "lockfileVersion": 1,
          "workspaces": { "": { "dependencies": { "a": "^1" }, "devDependencies": { "d": "^1", "@s/x": "^1", }, }, },
          "packages": {
            "a": ["a@1.0.0", "", { "dependencies": { "shared": "^1" } }, "sha512-"],
            "d": ["d@1.0.0", "", { "dependencies": { "shared": "^2", "dd": "^1" } }, "sha512-"],
            "d/shared": ["shared@2.0.0", "", {}, "sha512-"],
            "dd": ["dd@1.0.0", "", {}, "sha512-"],
            "@s/x": ["@s/x@1.0.0", "", { "dependencies": { "y": "^1" } }, "sha512-"],
            "@s/x/y": ["y@1.0.0", "", {}, "sha512-"],
            "shared": ["shared@1.0.0", "", {}, "sha512-"],
            "old": ["real@1.0.0", "", {}, "sha512-"],
            "gh": ["gh@github:o/r#abc", {}, "o-r-abc"],
            "ws": ["ws@workspace:packages/ws"],
          },
        }"#;
        assert_eq!(
            extract(lock).unwrap(),
            vec![
                "@s/x@1.0.0 dev",
                "y@1.0.0 dev",
                "a@1.0.0",
                "d@1.0.0 dev",
                "shared@2.0.0 dev",
                "dd@1.0.0 dev",
                "gh@ (github:o/r#abc)",
                "real@1.0.0",
                "shared@1.0.0",
            ]
        );
    }

    #[test]
    fn malformed_lockfiles() {
        assert!(extract("this is not json!").is_err());
        assert!(extract("{}").unwrap().is_empty());
        assert!(extract(r#"{"packages": {"a": 1, "b": [], "c": [{}], "d": ["@"]}}"#).unwrap().is_empty());
        assert!(extract(r#"{"packages": []}"#).is_err());
    }

    #[test]
    fn wants_bun_lock_only() {
        let wants = |path| BunLock.wants(&FileInfo { path, size: 10, executable: false });
        assert!(wants("/var/task/bun.lock"));
        assert!(!wants("/var/task/bun.lockb"));
        assert!(!wants("/var/task/node_modules/x/bun.lock"));
    }
}
