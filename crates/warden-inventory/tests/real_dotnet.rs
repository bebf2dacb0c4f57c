//! End to end with real .NET metadata. No .NET SDK is installable here (Debian has none, and nuget.org is out of
//! reach), but PyPI's `pythonnet` carries both ends of a real .NET build: its wheel ships
//! `pythonnet/runtime/Python.Runtime.deps.json` exactly as `dotnet build` wrote it, and its source distribution ships
//! the project file that build read, `src/runtime/Python.Runtime.csproj` (pinned, floating `10.*` and
//! `PrivateAssets="All"` references).
//!
//! The function is a Python Lambda that uses pythonnet: `pip install --no-deps --target` of the pinned wheel, plus
//! the project file from the sdist (as if the function's source were deployed with it). The expected .NET inventory
//! is the SDK's own view, read by this test from the deps.json with `serde_json` (its `libraries` of type
//! `package`), never by Warden's code; the project file's references are checked against it (a pinned runtime
//! reference is what the SDK resolved; a private, build-only one is not deployed).
//!
//! Needs `python3` with pip (`apt-get install python3-pip`) and `tar`, and access to PyPI on the first run; the build
//! is cached under `target/warden-test-cache/dotnet-pythonnet`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use warden_artifact::{Artifact, Limits, SourceSpec};
use warden_core::{Ecosystem, PackageManager};

const PIN: &str = "pythonnet==3.2.1";
const DEPS_JSON: &str = "/var/task/pythonnet/runtime/Python.Runtime.deps.json";
const CSPROJ: &str = "/var/task/src/runtime/Python.Runtime.csproj";

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string())
}

fn pip() -> Command {
    let mut cmd = Command::new(python());
    cmd.args(["-m", "pip", "--disable-pip-version-check", "--no-input"]);
    cmd
}

/// `function/` (the installed wheel plus the project file) and `function.zip`, built once.
fn build() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        support::cached("dotnet-pythonnet", |dir| {
            let function = dir.join("function");
            support::run(
                pip().args(["install", "--no-deps", "--only-binary=:all:", "--target"]).arg(&function).arg(PIN),
            );
            let sdist = dir.join("sdist");
            support::run(pip().args(["download", "--no-deps", "--no-binary=:all:", "-d"]).arg(&sdist).arg(PIN));
            let archive = std::fs::read_dir(&sdist).unwrap().flatten().map(|e| e.path()).next().unwrap();
            support::run(Command::new("tar").arg("xzf").arg(&archive).arg("-C").arg(&sdist));
            let csproj = std::fs::read_dir(&sdist)
                .unwrap()
                .flatten()
                .map(|e| e.path().join("src/runtime/Python.Runtime.csproj"))
                .find(|p| p.is_file())
                .unwrap();
            std::fs::create_dir_all(function.join("src/runtime")).unwrap();
            std::fs::copy(csproj, function.join("src/runtime/Python.Runtime.csproj")).unwrap();
            support::zip_dir(&function, &dir.join("function.zip"));
        })
    })
}

#[derive(serde::Deserialize)]
struct DepsFile {
    libraries: BTreeMap<String, Library>,
}

#[derive(serde::Deserialize)]
struct Library {
    #[serde(rename = "type")]
    kind: String,
}

/// The SDK's own list of the NuGet packages it deployed: `name@version`.
fn sdk_packages() -> BTreeSet<String> {
    let path = build().join("function").join(DEPS_JSON.strip_prefix("/var/task/").unwrap());
    let deps: DepsFile = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    deps.libraries.iter().filter(|(_, l)| l.kind == "package").map(|(k, _)| k.replacen('/', "@", 1)).collect()
}

#[test]
fn a_real_deps_json_and_its_project_file() {
    let dir = build();
    let artifact = Artifact::open(&[SourceSpec::function(dir.join("function.zip"))], Limits::default()).unwrap();
    let inventory = warden_inventory::scan(&artifact).unwrap();
    assert!(inventory.errors.is_empty(), "file errors: {:?}", inventory.errors);
    let nuget: Vec<_> = inventory.packages.iter().filter(|p| p.ecosystem == Ecosystem::NuGet).collect();

    let want = sdk_packages();
    assert!(want.len() >= 5 && want.contains("System.Reflection.Emit@4.7.0"), "{want:?}");
    let from_deps: BTreeSet<String> = nuget
        .iter()
        .filter(|p| p.package_manager == PackageManager::DotnetCore)
        .map(|p| {
            assert_eq!((p.file_path.as_str(), p.extractor.as_str()), (DEPS_JSON, "dotnet/deps-json"));
            format!("{}@{}", p.name, p.version)
        })
        .collect();
    assert_eq!(from_deps, want);

    // The project file: the pinned runtime reference is the one the SDK deployed, so it folds into the deps.json
    // package and names the project file as a second place.
    let emit = nuget.iter().find(|p| p.name == "System.Reflection.Emit").unwrap();
    assert_eq!(emit.package_manager, PackageManager::DotnetCore);
    assert_eq!(emit.also_found_in, [CSPROJ]);
    // Private (build-only) references are dev, and the SDK indeed did not deploy the one that is pinned.
    let from_csproj: Vec<_> = nuget.iter().filter(|p| p.file_path == CSPROJ).collect();
    let nullability = from_csproj.iter().find(|p| p.name == "Lost.Compat.NullabilityAttributes").unwrap();
    assert_eq!(
        (nullability.version.as_str(), nullability.dev, nullability.package_manager),
        ("0.0.4", true, PackageManager::Nuget)
    );
    assert!(!want.iter().any(|p| p.starts_with("Lost.Compat.NullabilityAttributes@")));
    // A floating reference has no version of its own: kept as a constraint, and the SDK resolved it inside it.
    let sourcelink = from_csproj.iter().find(|p| p.name == "Microsoft.SourceLink.GitHub").unwrap();
    assert_eq!(
        (sourcelink.version.as_str(), sourcelink.constraint.as_deref(), sourcelink.dev),
        ("", Some("10.*"), true)
    );
    assert!(want.iter().any(|p| p.starts_with("Microsoft.SourceLink.GitHub@10.")), "{want:?}");
    assert_eq!(from_csproj.len(), 2, "{from_csproj:#?}");
}
