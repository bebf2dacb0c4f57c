//! `python/uv-lock`: uv's `uv.lock` (TOML, one `[[package]]` per locked package).
//!
//! Every `[[package]]` with a name and version is reported (registry, git, URL, path and directory sources), except
//! the project itself and other workspace members, which uv marks with `source = { virtual = … }` or
//! `source = { editable = … }`: their names and versions are the user's own, not third-party packages. Reported
//! as `PIP`: Inspector has no uv package manager, and uv installs the same wheels pip does.
//!
//! Development-only packages are found from the dependency graph: starting from the workspace members, a package
//! reachable through `dependencies` and extras (`[package.optional-dependencies]`) is a run-time one; a package
//! reachable only through `[package.dev-dependencies]` (uv's dependency groups) or through an extra with a
//! development name (`dev`, `test`, `lint`, `docs`, …) is marked dev. A lock without workspace members marks
//! nothing dev. Markers are not evaluated (a Windows-only package is still reported). An empty file yields
//! nothing; malformed TOML is a file error.

use super::shared_lock::{in_installed_code, is_dev_group, locked};
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct UvLock;

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
    version: Option<String>,
    #[serde(default)]
    source: Source,
    #[serde(default)]
    dependencies: Vec<Dependency>,
    #[serde(default, rename = "optional-dependencies")]
    extras: BTreeMap<String, Vec<Dependency>>,
    #[serde(default, rename = "dev-dependencies")]
    groups: BTreeMap<String, Vec<Dependency>>,
}

#[derive(Deserialize, Default)]
struct Source {
    #[serde(default, rename = "virtual")]
    virtual_path: Option<String>,
    #[serde(default)]
    editable: Option<String>,
}

#[derive(Deserialize)]
struct Dependency {
    name: String,
    #[serde(default)]
    version: Option<String>,
}

impl LockedPackage {
    /// The project or another workspace member.
    fn is_member(&self) -> bool {
        self.source.virtual_path.is_some() || self.source.editable.is_some()
    }

    /// Dependencies needed at run time: the required ones and those of extras without a development name.
    fn run_time(&self) -> impl Iterator<Item = &Dependency> {
        let extras = self.extras.iter().filter(|(extra, _)| !is_dev_group(extra));
        self.dependencies.iter().chain(extras.flat_map(|(_, deps)| deps))
    }

    /// Dependencies only for development: dependency groups and extras with a development name.
    fn development(&self) -> impl Iterator<Item = &Dependency> {
        let extras = self.extras.iter().filter(|(extra, _)| is_dev_group(extra));
        self.groups.values().chain(extras.map(|(_, deps)| deps)).flatten()
    }
}

impl Extractor for UvLock {
    fn id(&self) -> &'static str {
        "python/uv-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "uv.lock" && !in_installed_code(file.path)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let lock: Lock = text::toml(input.bytes)?;
        let dev = dev_only(&lock.package);
        let out = lock
            .package
            .iter()
            .zip(dev)
            .filter(|(p, _)| !p.is_member())
            .filter_map(|(p, dev)| locked(&p.name, p.version.as_deref().unwrap_or(""), PackageManager::Pip, dev))
            .collect();
        Ok(out)
    }
}

/// For each package, whether it is reachable from the workspace members only through development dependencies.
fn dev_only(packages: &[LockedPackage]) -> Vec<bool> {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in packages.iter().enumerate() {
        by_name.entry(p.name.as_str()).or_default().push(i);
    }
    let graph = Graph { packages, by_name };
    let members = packages.iter().filter(|p| p.is_member());
    let run_time = graph.reachable(members.clone().flat_map(LockedPackage::run_time));
    let development = graph.reachable(members.flat_map(LockedPackage::development));
    run_time.iter().zip(development).map(|(run, dev)| !run && dev).collect()
}

struct Graph<'a> {
    packages: &'a [LockedPackage],
    by_name: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Graph<'a> {
    /// The packages reachable from `start` through run-time dependencies. A dependency names a package, and its
    /// version when the lock holds several; each distinct dependency is resolved once and each package expanded
    /// once, so a hostile lock cannot make this quadratic in its dependency lists.
    fn reachable(&self, start: impl Iterator<Item = &'a Dependency>) -> Vec<bool> {
        let mut seen = vec![false; self.packages.len()];
        let mut resolved = HashSet::new();
        let mut pending: Vec<&Dependency> = start.collect();
        while let Some(dep) = pending.pop() {
            if !resolved.insert((dep.name.as_str(), dep.version.as_deref())) {
                continue;
            }
            for &i in self.by_name.get(dep.name.as_str()).into_iter().flatten() {
                let (Some(package), Some(seen)) = (self.packages.get(i), seen.get_mut(i)) else {
                    continue;
                };
                if *seen || (dep.version.is_some() && package.version != dep.version) {
                    continue;
                }
                *seen = true;
                pending.extend(package.run_time());
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(toml: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let input = Input::standalone("/var/task/uv.lock", toml.as_bytes(), &budget);
        UvLock.extract(&input).map(|ps| ps.iter().map(|p| format!("{}@{} dev={}", p.name, p.version, p.dev)).collect())
    }

    const LOCK: &str = r#"
version = 1
[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [{ name = "requests" }]
[package.optional-dependencies]
socks = [{ name = "pysocks" }]
test = [{ name = "pytest" }]
[package.dev-dependencies]
lint = [{ name = "ruff" }, { name = "urllib3", version = "2.2.3" }]

[[package]]
name = "requests"
version = "2.32.3"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "urllib3", version = "1.26.20" }]

[[package]]
name = "urllib3"
version = "1.26.20"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "urllib3"
version = "2.2.3"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "pysocks"
version = "1.7.1"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "pytest"
version = "8.3.4"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "iniconfig" }]

[[package]]
name = "iniconfig"
version = "2.0.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "ruff"
version = "0.8.1"
source = { git = "https://github.com/astral-sh/ruff#84748be16341b76e073d117329f7f5f4ee2941ad" }

[[package]]
name = "member"
version = "1.0.0"
source = { virtual = "packages/member" }
"#;

    #[test]
    fn members_are_skipped_and_dev_follows_the_graph() {
        let got = extract(LOCK).unwrap();
        assert_eq!(
            got,
            [
                "requests@2.32.3 dev=false",
                "urllib3@1.26.20 dev=false",
                "urllib3@2.2.3 dev=true",
                "pysocks@1.7.1 dev=false",
                "pytest@8.3.4 dev=true",
                "iniconfig@2.0.0 dev=true",
                "ruff@0.8.1 dev=true",
            ]
        );
    }

    #[test]
    fn without_members_nothing_is_dev_and_cycles_end() {
        let got = extract(
            "[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [{ name = \"b\" }]\n\
             [[package]]\nname = \"b\"\nversion = \"2\"\ndependencies = [{ name = \"a\" }]\n\
             [[package]]\nname = \"c\"\nsource = { directory = \"c\" }\n",
        )
        .unwrap();
        assert_eq!(got, ["a@1 dev=false", "b@2 dev=false"]);
    }

    #[test]
    fn a_lock_of_many_same_named_packages_resolves_each_dependency_once() {
        let deps = vec!["{ name = \"a\" }"; 400].join(", ");
        let mut lock =
            format!("[[package]]\nname = \"app\"\nsource = {{ virtual = \".\" }}\ndependencies = [{deps}]\n");
        for v in 0..400 {
            lock.push_str(&format!("[[package]]\nname = \"a\"\nversion = \"{v}\"\ndependencies = [{deps}]\n"));
        }
        let started = std::time::Instant::now();
        let got = extract(&lock).unwrap();
        assert_eq!(got.len(), 400);
        assert!(got.iter().all(|p| p.ends_with("dev=false")));
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    }

    #[test]
    fn malformed_toml_is_an_error() {
        assert!(extract("this is not valid toml! (I think)").is_err());
        assert!(extract("[[package]]\nname = \"a\"\ndependencies = [{ version = \"1\" }]\n").is_err());
        assert!(extract("").unwrap().is_empty());
    }
}
