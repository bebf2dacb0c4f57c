//! End to end with real packages: a project with pinned dependencies that npm installs as scoped packages
//! (`@aws-sdk/client-s3` and its `@smithy/*` tree), nested ones (express 4 keeps `debug@2` under
//! `node_modules/express/node_modules` while the project uses `debug@4`) and one devDependency (`chalk`, with its
//! own tree). `npm install --package-lock-only` writes the lock, `npm ci --omit=dev` installs the production tree,
//! and the directory (`package.json`, `package-lock.json`, `node_modules`) is zipped as the function, and again
//! under `nodejs/node20/` as a layer.
//!
//! The expected inventory is npm's own view, never Warden's: `npm ls --all --json --omit=dev` for what is installed,
//! and `npm ls --all --json --package-lock-only` for everything the lockfile holds; the lockfile's packages that are
//! not installed are the dev-only ones, which Warden must report from the lockfile marked dev.
//!
//! Needs `node` and `npm` (`apt-get install nodejs npm`) and access to the npm registry on the first run; the
//! build is cached under `target/warden-test-cache/javascript-npm-ci`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use warden_artifact::{Artifact, Limits, SourceSpec};
use warden_core::{Ecosystem, Package, PackageManager};
use warden_inventory::Inventory;

const PACKAGE_JSON: &str = r#"{
  "name": "warden-e2e-node",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "@aws-sdk/client-s3": "3.1175.0",
    "debug": "4.3.4",
    "express": "4.19.2",
    "lodash": "4.17.15",
    "minimist": "1.2.0"
  },
  "devDependencies": {
    "chalk": "4.1.2"
  }
}
"#;

const LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:node-deps:7";

fn npm() -> Command {
    let mut cmd = Command::new("npm");
    cmd.args(["--no-audit", "--no-fund", "--no-update-notifier"]);
    cmd
}

/// The cached build: `app/` (the project after `npm ci --omit=dev`), `npm-ls-installed.json`,
/// `npm-ls-lock.json`, `function.zip` and `layer.zip`. Built once per process.
fn build() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        support::cached("javascript-npm-ci", |dir| {
            let app = dir.join("app");
            std::fs::create_dir_all(&app).unwrap();
            std::fs::write(app.join("package.json"), PACKAGE_JSON).unwrap();
            support::run(npm().current_dir(&app).args(["install", "--package-lock-only"]));
            support::run(npm().current_dir(&app).args(["ci", "--omit=dev"]));
            let installed = support::run(npm().current_dir(&app).args(["ls", "--all", "--json", "--omit=dev"]));
            std::fs::write(dir.join("npm-ls-installed.json"), installed).unwrap();
            let lock = support::run(npm().current_dir(&app).args(["ls", "--all", "--json", "--package-lock-only"]));
            std::fs::write(dir.join("npm-ls-lock.json"), lock).unwrap();
            support::zip_dir(&app, &dir.join("function.zip"));

            let layer = dir.join("layer");
            std::fs::create_dir_all(layer.join("nodejs")).unwrap();
            support::run(Command::new("cp").arg("-a").arg(&app).arg(layer.join("nodejs/node20")));
            support::zip_dir(&layer, &dir.join("layer.zip"));
        })
    })
}

/// Every `name@version` in an `npm ls --json` tree (packages npm reports as missing have no version).
fn npm_ls_set(file: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(build().join(file)).unwrap();
    let root: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut out = BTreeSet::new();
    let mut stack = vec![&root];
    while let Some(node) = stack.pop() {
        for (name, dep) in node.get("dependencies").and_then(|d| d.as_object()).into_iter().flatten() {
            if let Some(version) = dep.get("version").and_then(|v| v.as_str()) {
                out.insert(format!("{name}@{version}"));
            }
            stack.push(dep);
        }
    }
    out
}

fn scan(specs: &[SourceSpec]) -> Inventory {
    let artifact = Artifact::open(specs, Limits::default()).unwrap();
    let inventory = warden_inventory::scan(&artifact).unwrap();
    assert!(inventory.errors.is_empty(), "file errors: {:#?}", inventory.errors);
    inventory
}

fn npm_packages(inventory: &Inventory) -> Vec<&Package> {
    inventory.packages.iter().filter(|p| p.ecosystem == Ecosystem::Npm).collect()
}

fn ids<'a>(packages: impl IntoIterator<Item = &'a &'a Package>) -> BTreeSet<String> {
    packages.into_iter().map(|p| format!("{}@{}", p.name, p.version)).collect()
}

fn find<'a>(packages: &[&'a Package], name: &str, version: &str) -> &'a Package {
    packages.iter().copied().find(|p| p.name == name && p.version == version).unwrap_or_else(|| {
        panic!("{name}@{version} not found");
    })
}

/// The checks shared by the function and the layer: `root` is where the project sits in the function's view.
fn check(inventory: &Inventory, root: &str, layer: Option<&str>) {
    let installed = npm_ls_set("npm-ls-installed.json");
    let locked = npm_ls_set("npm-ls-lock.json");
    let dev_only: BTreeSet<String> = locked.difference(&installed).cloned().collect();
    assert!(installed.len() > 80, "npm installed only {} packages", installed.len());
    assert!(dev_only.contains("chalk@4.1.2") && dev_only.len() >= 5, "dev-only per npm: {dev_only:?}");
    assert!(installed.contains("debug@2.6.9") && installed.contains("debug@4.3.4"), "{installed:?}");

    let packages = npm_packages(inventory);
    let prod: Vec<&Package> = packages.iter().copied().filter(|p| !p.dev).collect();
    let dev: Vec<&Package> = packages.iter().copied().filter(|p| p.dev).collect();
    assert_eq!(ids(&prod), installed, "installed packages differ from `npm ls --omit=dev`");
    assert_eq!(ids(&dev), dev_only, "dev-only packages differ from the lockfile's extra packages per npm");

    // One package per name@version in a layer: the installed copy wins and keeps the lockfile as a location.
    let mut seen: BTreeMap<(String, String, Option<String>), usize> = BTreeMap::new();
    for p in &packages {
        *seen.entry((p.name.clone(), p.version.clone(), p.layer.clone())).or_default() += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "reported more than once: {twice:?}");

    let lock = format!("{root}/package-lock.json");
    for p in &prod {
        assert_eq!(p.package_manager, PackageManager::Nodepkg, "{}@{}", p.name, p.version);
        assert_eq!(p.extractor, "javascript/node-modules");
        assert!(p.file_path.starts_with(&format!("{root}/node_modules/")), "{}", p.file_path);
        assert!(p.file_path.ends_with(&format!("/node_modules/{}/package.json", p.name)), "{}", p.file_path);
        assert!(p.also_found_in.contains(&lock), "{}@{} not matched to the lockfile: {:?}", p.name, p.version, p);
        assert_eq!(p.layer.as_deref(), layer);
    }
    for p in &dev {
        assert_eq!(p.package_manager, PackageManager::Npm, "{}@{}", p.name, p.version);
        assert_eq!(p.extractor, "javascript/package-lock");
        assert_eq!(p.file_path, lock);
    }

    let s3 = find(&prod, "@aws-sdk/client-s3", "3.1175.0");
    assert_eq!(s3.purl, "pkg:npm/%40aws-sdk/client-s3@3.1175.0");
    assert_eq!(s3.file_path, format!("{root}/node_modules/@aws-sdk/client-s3/package.json"));
    assert_eq!(find(&prod, "debug", "4.3.4").file_path, format!("{root}/node_modules/debug/package.json"));
    let nested = find(&prod, "debug", "2.6.9");
    assert!(nested.file_path.contains("/node_modules/debug/package.json"), "{}", nested.file_path);
    assert_ne!(nested.file_path, format!("{root}/node_modules/debug/package.json"));
    assert_eq!(find(&dev, "chalk", "4.1.2").purl, "pkg:npm/chalk@4.1.2");
}

#[test]
fn npm_ci_function_matches_npm_ls() {
    let inventory = scan(&[SourceSpec::function(build().join("function.zip"))]);
    check(&inventory, "/var/task", None);
}

#[test]
fn npm_ci_layer_matches_npm_ls() {
    let layer = format!("{LAYER_ARN}={}", build().join("layer.zip").display());
    let inventory = scan(&[SourceSpec::layer(&layer)]);
    check(&inventory, "/opt/nodejs/node20", Some(LAYER_ARN));
}

#[test]
fn package_json_files_inside_packages_are_not_packages() {
    // The tree has module-format markers such as `tslib/modules/package.json`; none may become a package, and
    // every package.json npm installed as a package root is accounted for.
    let app = build().join("app/node_modules");
    let mut inner = 0;
    let mut stack = vec![app.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == "package.json") {
                let rel = path.strip_prefix(&app).unwrap().to_string_lossy().into_owned();
                let parts: Vec<&str> = rel.split('/').collect();
                let n = parts.len();
                let root = (n >= 2 && (n == 2 || parts[n - 3] == "node_modules"))
                    || (n >= 3 && parts[n - 3].starts_with('@') && (n == 3 || parts[n - 4] == "node_modules"));
                inner += usize::from(!root);
            }
        }
    }
    assert!(inner > 0, "the tree should hold package.json files that are not package roots");
    let inventory = scan(&[SourceSpec::function(build().join("function.zip"))]);
    let from_files: Vec<&Package> =
        npm_packages(&inventory).into_iter().filter(|p| p.extractor == "javascript/node-modules").collect();
    assert_eq!(ids(&from_files), npm_ls_set("npm-ls-installed.json"));
}
