//! End to end with a real Rust binary: a small crate depending on `serde_json` (and through it `serde`, `itoa`,
//! `ryu`, `memchr`) with a build script using `autocfg`, built by `cargo auditable build` as the custom runtime's
//! `bootstrap`, beside the same program built by plain `cargo build` (no dependency list: nothing to report); and
//! the crate's `Cargo.lock` in a zip of its own.
//!
//! The expected inventory is Cargo's own view, never Warden's: `cargo tree -e normal` for what is linked (run-time
//! crates), `cargo tree -e normal,build` for what else the build used (reported dev), `cargo metadata` for every
//! package `Cargo.lock` holds.
//!
//! Needs `cargo auditable` (`cargo install cargo-auditable --locked`) and crates.io on the first run; the build is
//! cached under `target/warden-test-cache/rust-auditable`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use warden_artifact::{Artifact, Limits, SourceSpec};
use warden_core::{Ecosystem, Package, PackageManager};

const CARGO_TOML: &str = r#"[package]
name = "warden-e2e-lambda"
version = "0.1.0"
edition = "2021"

[dependencies]
serde_json = "=1.0.128"

[build-dependencies]
autocfg = "=1.4.0"

[workspace]
"#;

const BUILD_RS: &str = "fn main() {\n    autocfg::new().emit_has_type(\"i128\");\n}\n";
const MAIN_RS: &str = "fn main() {\n    println!(\"{}\", serde_json::json!({\"ok\": true}));\n}\n";

fn cargo(dir: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(dir).env("CARGO_TARGET_DIR", dir.join("target")).env_remove("RUSTFLAGS");
    cmd
}

/// `name@version` of each line of `cargo tree --prefix none -f "{p}"`, without the root crate.
fn tree(dir: &Path, edges: &str) -> BTreeSet<String> {
    let out = support::run(cargo(dir).args(["tree", "--locked", "--prefix", "none", "-f", "{p}", "-e", edges]));
    out.lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let (name, version) = (words.next()?, words.next()?.strip_prefix('v')?);
            (name != "warden-e2e-lambda").then(|| format!("{name}@{version}"))
        })
        .collect()
}

/// The cached build: `crate/`, `function/` (zipped as `function.zip`), `lock/` (as `lock.zip`), and Cargo's view in `runtime.txt`,
/// `build-only.txt` and `locked.txt` (`name@version` a line). Built once per process.
fn build() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        support::cached("rust-auditable", |dir| {
            let krate = dir.join("crate");
            std::fs::create_dir_all(krate.join("src")).unwrap();
            std::fs::write(krate.join("Cargo.toml"), CARGO_TOML).unwrap();
            std::fs::write(krate.join("build.rs"), BUILD_RS).unwrap();
            std::fs::write(krate.join("src/main.rs"), MAIN_RS).unwrap();
            support::run(cargo(&krate).arg("generate-lockfile"));
            let function = dir.join("function");
            std::fs::create_dir_all(function.join("plain")).unwrap();
            support::run(cargo(&krate).args(["auditable", "build", "--locked"]));
            std::fs::copy(krate.join("target/debug/warden-e2e-lambda"), function.join("bootstrap")).unwrap();
            support::run(cargo(&krate).args(["build", "--locked"]).env("CARGO_TARGET_DIR", krate.join("plain-target")));
            std::fs::copy(krate.join("plain-target/debug/warden-e2e-lambda"), function.join("plain/bootstrap"))
                .unwrap();
            std::fs::create_dir_all(dir.join("lock")).unwrap();
            std::fs::copy(krate.join("Cargo.lock"), dir.join("lock/Cargo.lock")).unwrap();

            let runtime = tree(&krate, "normal");
            let all = tree(&krate, "normal,build");
            let build_only: BTreeSet<&String> = all.difference(&runtime).collect();
            let metadata = support::run(cargo(&krate).args(["metadata", "--locked", "--format-version", "1"]));
            let metadata: serde_json::Value = serde_json::from_str(&metadata).unwrap();
            let locked: BTreeSet<String> = metadata["packages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| format!("{}@{}", p["name"].as_str().unwrap(), p["version"].as_str().unwrap()))
                .collect();
            let lines = |set: Vec<&String>| set.into_iter().map(|s| format!("{s}\n")).collect::<String>();
            std::fs::write(dir.join("runtime.txt"), lines(runtime.iter().collect())).unwrap();
            std::fs::write(dir.join("build-only.txt"), lines(build_only.into_iter().collect())).unwrap();
            std::fs::write(dir.join("locked.txt"), lines(locked.iter().collect())).unwrap();
            support::zip_dir(&function, &dir.join("function.zip"));
            support::zip_dir(&dir.join("lock"), &dir.join("lock.zip"));
            let _ = std::fs::remove_dir_all(krate.join("target"));
            let _ = std::fs::remove_dir_all(krate.join("plain-target"));
        })
    })
}

fn set(file: &str) -> BTreeSet<String> {
    std::fs::read_to_string(build().join(file)).unwrap().lines().map(str::to_string).collect()
}

fn scan(zip: &str) -> Vec<Package> {
    let artifact = Artifact::open(&[SourceSpec::function(build().join(zip))], Limits::default()).unwrap();
    let inventory = warden_inventory::scan(&artifact).unwrap();
    assert!(inventory.errors.is_empty(), "file errors: {:#?}", inventory.errors);
    inventory.packages.into_iter().filter(|p| p.ecosystem == Ecosystem::CratesIo).collect()
}

fn paths(p: &Package) -> impl Iterator<Item = &str> {
    std::iter::once(p.file_path.as_str()).chain(p.also_found_in.iter().map(String::as_str))
}

fn ids<'a>(packages: impl Iterator<Item = &'a Package>) -> BTreeSet<String> {
    packages.map(|p| format!("{}@{}", p.name, p.version)).collect()
}

#[test]
fn auditable_binary_matches_cargo_tree() {
    let (runtime, build_only) = (set("runtime.txt"), set("build-only.txt"));
    assert!(runtime.iter().any(|p| p.starts_with("serde_json@1.0.128")) && runtime.len() >= 4, "{runtime:?}");
    assert!(build_only.contains("autocfg@1.4.0"), "{build_only:?}");
    let packages = scan("function.zip");
    let from_binary: Vec<&Package> = packages.iter().filter(|p| paths(p).any(|f| f == "/var/task/bootstrap")).collect();
    assert_eq!(ids(from_binary.iter().copied().filter(|p| !p.dev)), runtime, "linked crates differ from cargo tree");
    assert_eq!(ids(from_binary.iter().copied().filter(|p| p.dev)), build_only, "build-only crates differ");
    for p in &from_binary {
        assert_eq!(p.package_manager, PackageManager::Cargo);
        assert_eq!(p.file_path, "/var/task/bootstrap", "the binary is the first location");
        assert_eq!(p.extractor, "rust/cargo-auditable");
    }
    assert!(!packages.iter().any(|p| paths(p).any(|f| f == "/var/task/plain/bootstrap")));
    assert!(!packages.iter().any(|p| p.name == "warden-e2e-lambda" && paths(p).any(|f| f == "/var/task/bootstrap")));
}

#[test]
fn cargo_lock_matches_cargo_metadata() {
    let locked = set("locked.txt");
    let packages = scan("lock.zip");
    let got = ids(packages.iter().filter(|p| paths(p).any(|f| f == "/var/task/Cargo.lock")));
    assert_eq!(got, locked, "Cargo.lock differs from cargo metadata");
    assert!(got.contains("warden-e2e-lambda@0.1.0"), "the lock's own crate is reported, as the lock lists it");
}
