//! npm naming rules shared by the Node.js formats: splitting `name@spec`, telling an exact version from any other
//! spec (git URL, tarball, `file:`), names from `node_modules/…` paths, and dev-only reachability in a lockfile's
//! dependency graph.

use std::collections::HashSet;
use std::hash::Hash;
use warden_core::{Ecosystem, Package, PackageManager};

/// Splits `name@spec` at the `@` after the name (a scope's leading `@` is part of the name):
/// `@babel/core@7.0.0` → (`@babel/core`, `7.0.0`). `None` when there is no spec.
pub(crate) fn split_name_spec(s: &str) -> Option<(&str, &str)> {
    let at = s.get(1..)?.find('@')? + 1;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// The real package behind an alias spec `npm:<name>@<version>` (npm, yarn, bun write aliases this way).
pub(crate) fn alias_target(spec: &str) -> Option<(&str, &str)> {
    split_name_spec(spec.strip_prefix("npm:")?).filter(|(name, _)| !name.is_empty())
}

/// Whether a spec is an exact registry version (`1.2.3`, `1.0.0-rc.1+build`) rather than a URL, path, commit or
/// protocol spec: a numeric major, a dot, and no `:` or `/`.
pub(crate) fn is_version(spec: &str) -> bool {
    let Some((major, rest)) = spec.split_once('.') else {
        return false;
    };
    !major.is_empty()
        && major.bytes().all(|b| b.is_ascii_digit())
        && !rest.is_empty()
        && !spec.contains([':', '/', ' '])
}

/// The package name from a path of nested `node_modules` directories (`node_modules/a/node_modules/@s/b` →
/// `@s/b`), or from a plain directory path (`deps/etag` → `etag`): the last component, with its scope.
pub(crate) fn name_from_path(path: &str) -> &str {
    let path = path.trim_end_matches('/');
    let tail = path.rsplit_once("node_modules/").map_or(path, |(_, tail)| tail);
    let Some((dir, base)) = tail.rsplit_once('/') else {
        return tail;
    };
    let scope = dir.rsplit('/').next().unwrap_or(dir);
    if scope.starts_with('@') {
        let start = tail.len() - base.len() - 1 - scope.len();
        return tail.get(start..).unwrap_or(base);
    }
    base
}

/// An npm package with an exact version, or with the spec kept as its constraint when the version is not exact.
pub(crate) fn package(name: &str, spec: &str, manager: PackageManager) -> Package {
    if is_version(spec) || spec.is_empty() {
        Package::new(Ecosystem::Npm, name, spec, manager)
    } else {
        Package::new(Ecosystem::Npm, name, "", manager).constraint(spec)
    }
}

/// Nodes reachable from `roots` through `edges` (each node visited once, so hostile cycles end).
pub(crate) fn reachable<K, I, F>(roots: I, mut edges: F) -> HashSet<K>
where
    K: Eq + Hash + Clone,
    I: IntoIterator<Item = K>,
    F: FnMut(&K) -> Vec<K>,
{
    let mut seen: HashSet<K> = HashSet::new();
    let mut stack: Vec<K> = roots.into_iter().collect();
    while let Some(node) = stack.pop() {
        if seen.insert(node.clone()) {
            stack.extend(edges(&node).into_iter().filter(|n| !seen.contains(n)));
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_specs() {
        assert_eq!(split_name_spec("@babel/core@7.0.0"), Some(("@babel/core", "7.0.0")));
        assert_eq!(split_name_spec("a@git+ssh://git@github.com/x#1"), Some(("a", "git+ssh://git@github.com/x#1")));
        assert_eq!(split_name_spec("balanced-match"), None);
        assert_eq!(split_name_spec("@"), None);
        assert_eq!(alias_target("npm:@babel/code-frame@7.0.0"), Some(("@babel/code-frame", "7.0.0")));
        assert_eq!(alias_target("npm:4"), None);
        assert_eq!(alias_target("^4.0.0"), None);
    }

    #[test]
    fn exact_versions_only() {
        for v in ["1.0.2", "2.1.6+git", "1.0.0-alpha.37", "0.0.0-use.local", "18.3.0-canary-ab31a9ed2-20230824"] {
            assert!(is_version(v), "{v}");
        }
        for v in
            ["", "1", "^1.0.0", "git+ssh://git@github.com/a/b.git#1.0.0", "github:a/b#1.0", "file:deps/x", "6104ae4.x"]
        {
            assert!(!is_version(v), "{v}");
        }
    }

    #[test]
    fn names_from_paths() {
        assert_eq!(name_from_path("node_modules/a"), "a");
        assert_eq!(name_from_path("node_modules/a/node_modules/@s/b"), "@s/b");
        assert_eq!(name_from_path("deps/etag"), "etag");
        assert_eq!(name_from_path("packages/@s/x"), "@s/x");
        assert_eq!(name_from_path("etag"), "etag");
    }

    #[test]
    fn reachability_survives_cycles() {
        let seen = reachable([1], |n| vec![(n + 1) % 4]);
        assert_eq!(seen.len(), 4);
    }
}
