//! End to end with real packages: `pip install --target` of pinned native wheels for the Lambda platform
//! (manylinux2014 x86_64, CPython 3.12), zipped as a function, as a layer under
//! `python/lib/python3.12/site-packages`, and as a function with a `requirements.txt` beside the tree. The expected
//! inventory is pip's own view of the tree (`pip list --path <dir> --format json`), never Warden's.
//!
//! Needs `python3` with pip (`apt-get install python3-pip`) and access to PyPI on the first run; the build is
//! cached under `target/warden-test-cache/python-pip-target`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use warden_artifact::{Artifact, Limits, SourceSpec};
use warden_core::{Ecosystem, Package, PackageManager};
use warden_inventory::Inventory;

/// What the function's author asks pip for (native wheels among them: PyYAML, cryptography, pydantic-core).
const PINS: &[&str] =
    &["boto3==1.35.0", "requests==2.32.3", "PyYAML==6.0.2", "Jinja2==3.1.4", "cryptography==43.0.1", "pydantic==2.9.2"];

const LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";
const SITE_PACKAGES: &str = "/opt/python/lib/python3.12/site-packages";

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// The cached build: `site/` (pip's target), `pip-list.json`, `function.zip`, `layer.zip`, `handler.zip` and
/// `function-with-requirements.zip`. Built once per process, whatever the number of tests.
fn build() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        support::cached("python-pip-target", |dir| {
            let site = dir.join("site");
            support::run(
                Command::new(python())
                    .args(["-m", "pip", "install", "--no-input", "--disable-pip-version-check", "--target"])
                    .arg(&site)
                    .args(["--only-binary=:all:", "--platform", "manylinux2014_x86_64", "--python-version", "3.12"])
                    .args(["--implementation", "cp"])
                    .args(PINS),
            );
            let list = support::run(
                Command::new(python())
                    .args(["-m", "pip", "list", "--disable-pip-version-check", "--format", "json", "--path"])
                    .arg(&site),
            );
            std::fs::write(dir.join("pip-list.json"), &list).unwrap();
            support::zip_dir(&site, &dir.join("function.zip"));

            let layer = dir.join("layer");
            let target = layer.join("python/lib/python3.12");
            std::fs::create_dir_all(&target).unwrap();
            support::run(Command::new("cp").arg("-a").arg(&site).arg(target.join("site-packages")));
            support::zip_dir(&layer, &dir.join("layer.zip"));

            let handler = dir.join("handler");
            std::fs::create_dir_all(&handler).unwrap();
            std::fs::write(handler.join("app.py"), "import boto3\n\ndef handler(event, context):\n    return {}\n")
                .unwrap();
            support::zip_dir(&handler, &dir.join("handler.zip"));

            // The tree plus the requirements.txt a user would keep beside it: `pip freeze` pins of everything
            // installed, one package spelled differently, and one unpinned requirement.
            let with_requirements = dir.join("function-with-requirements.zip");
            std::fs::copy(dir.join("function.zip"), &with_requirements).unwrap();
            let mut requirements: String =
                expected_from(&list).iter().map(|(name, version)| format!("{name}=={version}\n")).collect();
            requirements.push_str("# the same package as jinja2 above, spelled the other way\nJinja2 == 3.1.4\n");
            requirements.push_str("requests>=2.0 ; python_version >= \"3.8\"\n");
            let file = std::fs::OpenOptions::new().read(true).write(true).open(&with_requirements).unwrap();
            let mut zip = zip::ZipWriter::new_append(file).unwrap();
            zip.start_file("requirements.txt", zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(requirements.as_bytes()).unwrap();
            zip.finish().unwrap();
        })
    })
}

/// PEP 503: lower case, runs of `-`, `_` and `.` as one `-`.
fn pep503(name: &str) -> String {
    let mut out = String::new();
    for part in name.split(['-', '_', '.']).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&part.to_ascii_lowercase());
    }
    out
}

/// pip's listing as (name as pip shows it, version).
fn expected_from(list: &str) -> Vec<(String, String)> {
    #[derive(serde::Deserialize)]
    struct Listed {
        name: String,
        version: String,
    }
    let listed: Vec<Listed> = serde_json::from_str(list).unwrap();
    listed.into_iter().map(|l| (l.name, l.version)).collect()
}

/// The (PEP 503 name, version) set pip reports for the tree.
fn expected() -> BTreeSet<(String, String)> {
    let list = std::fs::read_to_string(build().join("pip-list.json")).unwrap();
    let set: BTreeSet<_> = expected_from(&list).into_iter().map(|(n, v)| (pep503(&n), v)).collect();
    for pin in PINS {
        let (name, version) = pin.split_once("==").unwrap();
        assert!(set.contains(&(pep503(name), version.to_string())), "pip did not install {pin}: {set:?}");
    }
    assert!(set.len() > PINS.len(), "the pins' dependencies are missing from pip's listing: {set:?}");
    set
}

fn scan(specs: &[SourceSpec]) -> Inventory {
    let artifact = Artifact::open(specs, Limits::default()).unwrap();
    let inventory = warden_inventory::scan(&artifact).unwrap();
    let python_errors: Vec<_> = inventory.errors.iter().filter(|e| e.extractor.starts_with("python/")).collect();
    assert!(python_errors.is_empty(), "Python file errors: {python_errors:#?}");
    inventory
}

fn pypi(inventory: &Inventory) -> Vec<&Package> {
    inventory.packages.iter().filter(|p| p.ecosystem == Ecosystem::PyPI).collect()
}

fn found_set(packages: &[&Package]) -> BTreeSet<(String, String)> {
    packages.iter().map(|p| (pep503(&p.name), p.version.clone())).collect()
}

fn jinja2<'a>(packages: &[&'a Package]) -> &'a Package {
    packages.iter().copied().find(|p| p.name == "Jinja2").unwrap_or_else(|| panic!("no Jinja2 in {packages:#?}"))
}

#[test]
fn a_function_zip_yields_exactly_what_pip_installed() {
    let inventory = scan(&[SourceSpec::function(build().join("function.zip"))]);
    let packages = pypi(&inventory);
    assert_eq!(found_set(&packages), expected());
    assert_eq!(packages.len(), expected().len(), "a package was reported twice: {packages:#?}");
    for p in &packages {
        assert_eq!(
            (p.package_manager, p.extractor.as_str(), &p.layer),
            (PackageManager::Pythonpkg, "python/dist-info", &None)
        );
        assert!(
            p.file_path.starts_with("/var/task/") && p.file_path.ends_with(".dist-info/METADATA"),
            "{}",
            p.file_path
        );
        assert!(!p.dev);
    }
    let j = jinja2(&packages);
    assert_eq!(
        (j.version.as_str(), j.purl.as_str(), j.file_path.as_str()),
        ("3.1.4", "pkg:pypi/jinja2@3.1.4", "/var/task/jinja2-3.1.4.dist-info/METADATA")
    );
}

#[test]
fn a_layer_yields_the_same_packages_attributed_to_the_layer() {
    let layer = format!("{LAYER_ARN}={}", build().join("layer.zip").display());
    let inventory = scan(&[SourceSpec::function(build().join("handler.zip")), SourceSpec::layer(&layer)]);
    let packages = pypi(&inventory);
    assert_eq!(found_set(&packages), expected());
    for p in &packages {
        assert_eq!(p.layer.as_deref(), Some(LAYER_ARN), "{p:?}");
        assert!(p.file_path.starts_with(&format!("{SITE_PACKAGES}/")), "{}", p.file_path);
        assert_eq!(p.package_manager, PackageManager::Pythonpkg);
    }
    let j = jinja2(&packages);
    assert_eq!(j.file_path, format!("{SITE_PACKAGES}/jinja2-3.1.4.dist-info/METADATA"));
}

#[test]
fn requirements_beside_the_tree_fold_into_the_installed_packages() {
    let inventory = scan(&[SourceSpec::function(build().join("function-with-requirements.zip"))]);
    let packages = pypi(&inventory);
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for p in &packages {
        *seen.entry((pep503(&p.name), p.version.clone())).or_default() += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "reported more than once: {twice:?}");

    // Every pinned requirement is the installed package, with the requirements file as a second location.
    let pinned: Vec<&&Package> = packages.iter().filter(|p| !p.version.is_empty()).collect();
    assert_eq!(pinned.iter().map(|p| (pep503(&p.name), p.version.clone())).collect::<BTreeSet<_>>(), expected());
    for p in &pinned {
        assert_eq!(p.package_manager, PackageManager::Pythonpkg, "{p:?}");
        assert_eq!(p.also_found_in, ["/var/task/requirements.txt"], "{p:?}");
    }
    // The unpinned one stays apart, as the requirement it is.
    let unpinned: Vec<_> = packages.iter().filter(|p| p.version.is_empty()).collect();
    assert_eq!(unpinned.len(), 1, "{unpinned:#?}");
    let r = unpinned[0];
    assert_eq!(
        (r.name.as_str(), r.constraint.as_deref(), r.package_manager, r.file_path.as_str()),
        ("requests", Some(">=2.0"), PackageManager::Pip, "/var/task/requirements.txt")
    );
}
