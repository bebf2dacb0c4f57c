//! End to end with real Go binaries: a small module that requires `github.com/google/uuid`, `github.com/pkg/errors`
//! (replaced by a fork at another version) and `example.com/util` (replaced by a local directory), vendored from Debian's
//! `golang-*-dev` sources and built offline (`-mod=vendor`, `GOPROXY=off`) with Debian's Go for Linux amd64 (the
//! custom runtime's `bootstrap`), Linux 386, Windows (PE) and macOS (Mach-O, both architectures joined into a
//! universal file the way `lipo -create` lays one out), plus a copy stripped with `strip`; and npm's
//! `@esbuild/linux-x64` (a release build of esbuild, a Go program, made by another toolchain). A non-Go ELF
//! (`/bin/true`) and a shell script sit beside them. The function zip also holds the module's `go.mod`.
//!
//! The expected inventory is Go's own view, never Warden's: `go version -m <binary>` for each binary (for the
//! universal file, the union of its two slices), and `go mod edit -json` for `go.mod`.
//!
//! Needs Go and the vendored sources (`apt-get install golang-go golang-github-google-uuid-dev
//! golang-github-pkg-errors-dev`), `npm`, `strip` (binutils), and the npm registry on the first run; the build is
//! cached under `target/warden-test-cache/go-binaries`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use warden_artifact::{Artifact, Limits, SourceSpec};
use warden_core::{Ecosystem, Package, PackageManager};

const GO_MOD: &str = "module example.com/lambdaapp

go 1.19

require (
\texample.com/util v0.0.0
\tgithub.com/google/uuid v1.3.0
\tgithub.com/pkg/errors v0.9.1 // indirect
)

replace github.com/pkg/errors v0.9.1 => example.com/forks/errors v0.9.2

replace example.com/util => ./util
";

const MODULES_TXT: &str = "# example.com/util v0.0.0 => ./util
## explicit; go 1.19
example.com/util
# github.com/google/uuid v1.3.0
## explicit
github.com/google/uuid
# github.com/pkg/errors v0.9.1 => example.com/forks/errors v0.9.2
## explicit
github.com/pkg/errors
# example.com/util => ./util
# github.com/pkg/errors v0.9.1 => example.com/forks/errors v0.9.2
";

const MAIN_GO: &str = r#"package main

import (
	"fmt"

	"example.com/util"
	"github.com/google/uuid"
	"github.com/pkg/errors"
)

func main() {
	fmt.Println(uuid.NewString(), errors.New("warden"), util.Name())
}
"#;

const UTIL_GO: &str = "package util\n\n// Name is used by main.\nfunc Name() string { return \"util\" }\n";

const ESBUILD: &str = "@esbuild/linux-x64@0.24.0";
const LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:go-extension:3";

/// The binaries in the function zip: (path in the zip, `go version -m` targets whose union is expected).
const BINARIES: &[(&str, &[&str])] = &[
    ("bootstrap", &["bootstrap"]),
    ("bin/stripped", &["bin/stripped"]),
    ("bin/app-386", &["bin/app-386"]),
    ("bin/app.exe", &["bin/app.exe"]),
    ("bin/app-macos", &["../thin/darwin-arm64", "../thin/darwin-amd64"]),
    ("node_modules/@esbuild/linux-x64/bin/esbuild", &["node_modules/@esbuild/linux-x64/bin/esbuild"]),
];

fn go(dir: &Path, cache: &Path) -> Command {
    let mut cmd = Command::new("go");
    cmd.current_dir(dir)
        .env("GOFLAGS", "-mod=vendor")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOCACHE", cache)
        .env("CGO_ENABLED", "0");
    cmd
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    support::run(Command::new("cp").arg("-r").arg(from).arg(to));
}

/// A universal Mach-O of the given thin files, laid out as `lipo -create` does: a big-endian `fat_header`, one
/// `fat_arch` (cputype, cpusubtype, offset, size, align) per slice, each slice at a 2^14 boundary.
fn universal(slices: &[PathBuf]) -> Vec<u8> {
    let align = 14u32;
    let mut out = Vec::new();
    out.extend_from_slice(&0xcafe_babe_u32.to_be_bytes());
    out.extend_from_slice(&(slices.len() as u32).to_be_bytes());
    let bodies: Vec<Vec<u8>> = slices.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let mut offset = 1usize << align;
    let mut layout = Vec::new();
    for body in &bodies {
        let cputype = u32::from_le_bytes(body[4..8].try_into().unwrap());
        let cpusubtype = u32::from_le_bytes(body[8..12].try_into().unwrap());
        for word in [cputype, cpusubtype, offset as u32, body.len() as u32, align] {
            out.extend_from_slice(&word.to_be_bytes());
        }
        layout.push(offset);
        offset = (offset + body.len()).next_multiple_of(1 << align);
    }
    for (body, at) in bodies.iter().zip(layout) {
        out.resize(at, 0);
        out.extend_from_slice(body);
    }
    out
}

/// The cached build: `src/` (the module), `thin/` (the Mach-O slices), `function/` (zipped as `function.zip`:
/// binaries, a script, `go.mod`), `layer/` (zipped as `layer.zip`: `extensions/agent`). Built once per process.
fn build() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        support::cached("go-binaries", |dir| {
            let cache = dir.join("gocache");
            let src = dir.join("src");
            let gocode = Path::new("/usr/share/gocode/src/github.com");
            copy_dir(&gocode.join("google/uuid"), &src.join("vendor/github.com/google/uuid"));
            copy_dir(&gocode.join("pkg/errors"), &src.join("vendor/github.com/pkg/errors"));
            std::fs::write(src.join("go.mod"), GO_MOD).unwrap();
            std::fs::write(src.join("vendor/modules.txt"), MODULES_TXT).unwrap();
            std::fs::write(src.join("main.go"), MAIN_GO).unwrap();
            for util in [src.join("util"), src.join("vendor/example.com/util")] {
                std::fs::create_dir_all(&util).unwrap();
                std::fs::write(util.join("go.mod"), "module example.com/util\n\ngo 1.19\n").unwrap();
                std::fs::write(util.join("util.go"), UTIL_GO).unwrap();
            }

            let function = dir.join("function");
            let thin = dir.join("thin");
            std::fs::create_dir_all(function.join("bin")).unwrap();
            std::fs::create_dir_all(&thin).unwrap();
            let targets: &[(&str, &str, PathBuf)] = &[
                ("linux", "amd64", function.join("bootstrap")),
                ("linux", "386", function.join("bin/app-386")),
                ("windows", "amd64", function.join("bin/app.exe")),
                ("darwin", "arm64", thin.join("darwin-arm64")),
                ("darwin", "amd64", thin.join("darwin-amd64")),
            ];
            for (os, arch, out) in targets {
                support::run(go(&src, &cache).env("GOOS", os).env("GOARCH", arch).arg("build").arg("-o").arg(out));
            }
            std::fs::write(
                function.join("bin/app-macos"),
                universal(&[thin.join("darwin-arm64"), thin.join("darwin-amd64")]),
            )
            .unwrap();
            support::run(go(&src, &cache).args(["build", "-ldflags=-s -w", "-o"]).arg(function.join("bin/stripped")));
            support::run(Command::new("strip").arg(function.join("bin/stripped")));
            std::fs::copy("/bin/true", function.join("bin/not-go")).unwrap();
            std::fs::write(function.join("bin/run.sh"), "#!/bin/sh\nexec ./bootstrap\n".repeat(400)).unwrap();
            support::run(Command::new("chmod").arg("755").arg(function.join("bin/run.sh")));
            std::fs::copy(src.join("go.mod"), function.join("go.mod")).unwrap();

            let npm = dir.join("npm");
            std::fs::create_dir_all(&npm).unwrap();
            support::run(Command::new("npm").current_dir(&npm).args([
                "pack",
                "--no-update-notifier",
                "--silent",
                ESBUILD,
            ]));
            let esbuild = function.join("node_modules/@esbuild/linux-x64");
            std::fs::create_dir_all(&esbuild).unwrap();
            support::run(
                Command::new("tar")
                    .args(["xzf", "esbuild-linux-x64-0.24.0.tgz", "--strip-components=1", "-C"])
                    .arg(&esbuild)
                    .current_dir(&npm),
            );

            let mod_json = support::run(go(&src, &cache).args(["mod", "edit", "-json"]));
            std::fs::write(dir.join("go-mod-edit.json"), mod_json).unwrap();
            let mut expected = BTreeMap::new();
            for (file, targets) in BINARIES {
                let mut set = BTreeSet::new();
                for target in *targets {
                    let out = support::run(go(&function, &cache).args(["version", "-m", target]));
                    set.extend(go_version_m(&out));
                }
                expected.insert(file.to_string(), set);
            }
            std::fs::write(dir.join("expected.json"), serde_json::to_string_pretty(&expected).unwrap()).unwrap();

            let layer = dir.join("layer");
            std::fs::create_dir_all(layer.join("extensions")).unwrap();
            std::fs::copy(function.join("bin/stripped"), layer.join("extensions/agent")).unwrap();
            // Windows zips carry no modes: the `.exe` name alone must be enough (`go version` wants the mode).
            support::run(Command::new("chmod").arg("644").arg(function.join("bin/app.exe")));
            support::zip_dir(&function, &dir.join("function.zip"));
            support::zip_dir(&layer, &dir.join("layer.zip"));
            let _ = std::fs::remove_dir_all(&cache);
        })
    })
}

/// The `name@version` set of one `go version -m` report: `stdlib` at the toolchain (`go1.19.8` → `1.19.8`), every
/// `dep` with a `=>` replacing it, the main module unless `(devel)`; versions without Go's `v`, `(devel)` as none.
fn go_version_m(out: &str) -> BTreeSet<String> {
    let mut lines = out.lines();
    let toolchain = lines.next().unwrap().rsplit(": ").next().unwrap();
    let mut modules: Vec<(String, String, bool)> = Vec::new();
    for line in lines {
        let fields: Vec<&str> = line.trim_start_matches('\t').split('\t').collect();
        let version = fields.get(2).copied().unwrap_or("");
        let version = if version == "(devel)" { "" } else { version.trim_start_matches('v') };
        match fields[0] {
            "mod" | "dep" => modules.push((fields[1].to_string(), version.to_string(), fields[0] == "mod")),
            "=>" => {
                let last = modules.last_mut().unwrap();
                (last.0, last.1) = (fields[1].to_string(), version.to_string());
            }
            _ => {}
        }
    }
    let mut set: BTreeSet<String> =
        modules.into_iter().filter(|(_, v, main)| !main || !v.is_empty()).map(|(n, v, _)| format!("{n}@{v}")).collect();
    set.insert(format!("stdlib@{}", toolchain.trim_start_matches("go")));
    set
}

fn expected() -> BTreeMap<String, BTreeSet<String>> {
    serde_json::from_str(&std::fs::read_to_string(build().join("expected.json")).unwrap()).unwrap()
}

fn scan(specs: &[SourceSpec]) -> Vec<Package> {
    let artifact = Artifact::open(specs, Limits::default()).unwrap();
    let inventory = warden_inventory::scan(&artifact).unwrap();
    assert!(inventory.errors.is_empty(), "file errors: {:#?}", inventory.errors);
    inventory.packages.into_iter().filter(|p| p.ecosystem == Ecosystem::Go).collect()
}

/// Every path a package was found at (its own and the folded copies').
fn paths(p: &Package) -> impl Iterator<Item = &str> {
    std::iter::once(p.file_path.as_str()).chain(p.also_found_in.iter().map(String::as_str))
}

#[test]
fn go_binaries_match_go_version_m() {
    let packages = scan(&[SourceSpec::function(build().join("function.zip"))]);
    let expected = expected();
    let esbuild = &expected["node_modules/@esbuild/linux-x64/bin/esbuild"];
    assert!(esbuild.iter().any(|p| p.starts_with("golang.org/x/sys@")), "{esbuild:?}");
    assert!(expected["bootstrap"].contains("example.com/forks/errors@0.9.2"), "{:?}", expected["bootstrap"]);
    for (file, want) in &expected {
        let path = format!("/var/task/{file}");
        let got: BTreeSet<String> = packages
            .iter()
            .filter(|p| p.package_manager == PackageManager::Gobinary && paths(p).any(|f| f == path))
            .map(|p| format!("{}@{}", p.name, p.version))
            .collect();
        assert_eq!(&got, want, "{path}: differs from `go version -m`");
    }
    for p in packages.iter().filter(|p| p.package_manager == PackageManager::Gobinary) {
        assert_eq!(p.extractor, "go/binary");
        assert!(!paths(p).any(|f| f.ends_with("/not-go") || f.ends_with(".sh")), "{p:?}");
    }
    let local = packages.iter().find(|p| p.name == "./util").unwrap();
    assert_eq!((local.version.as_str(), local.purl.as_str()), ("", "pkg:golang/./util"));
    let uuid = packages.iter().find(|p| p.name == "github.com/google/uuid").unwrap();
    assert_eq!((uuid.version.as_str(), uuid.purl.as_str()), ("1.3.0", "pkg:golang/github.com/google/uuid@v1.3.0"));
    // A binary, not go.mod, is the kept (installed) copy; go.mod is recorded beside it.
    assert_eq!(uuid.package_manager, PackageManager::Gobinary);
    assert!(uuid.also_found_in.contains(&"/var/task/go.mod".to_string()), "{:?}", uuid.also_found_in);
    let fork = packages.iter().find(|p| p.name == "example.com/forks/errors" && p.version == "0.9.2").unwrap();
    assert_eq!(fork.purl, "pkg:golang/example.com/forks/errors@v0.9.2");
    let stdlib = packages.iter().find(|p| p.name == "stdlib" && paths(p).any(|f| f == "/var/task/bootstrap")).unwrap();
    assert_eq!(stdlib.purl, format!("pkg:golang/stdlib@{}", stdlib.version));
}

#[test]
fn go_mod_matches_go_mod_edit_json() {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(build().join("go-mod-edit.json")).unwrap()).unwrap();
    let replaces = json["Replace"].as_array().cloned().unwrap_or_default();
    let mut want = BTreeSet::new();
    for req in json["Require"].as_array().unwrap() {
        let (path, version) = (req["Path"].as_str().unwrap(), req["Version"].as_str().unwrap());
        let exact = replaces.iter().find(|r| r["Old"]["Path"] == path && r["Old"]["Version"] == version);
        let any = replaces.iter().find(|r| r["Old"]["Path"] == path && r["Old"].get("Version").is_none());
        let (name, version) = match exact.or(any) {
            Some(r) => (r["New"]["Path"].as_str().unwrap(), r["New"]["Version"].as_str().unwrap_or("")),
            None => (path, version),
        };
        want.insert(format!("{name}@{}", version.trim_start_matches('v')));
    }
    let toolchain = json["Toolchain"]["Name"].as_str().map(|t| t.trim_start_matches("go").to_string());
    want.insert(format!("stdlib@{}", toolchain.unwrap_or_else(|| json["Go"].as_str().unwrap().to_string())));

    let packages = scan(&[SourceSpec::function(build().join("function.zip"))]);
    let got: BTreeSet<String> = packages
        .iter()
        .filter(|p| paths(p).any(|f| f == "/var/task/go.mod"))
        .map(|p| format!("{}@{}", p.name, p.version))
        .collect();
    assert_eq!(got, want, "go.mod differs from `go mod edit -json`");
}

#[test]
fn go_extension_in_a_layer() {
    let layer = format!("{LAYER_ARN}={}", build().join("layer.zip").display());
    let packages = scan(&[SourceSpec::layer(&layer)]);
    let got: BTreeSet<String> = packages.iter().map(|p| format!("{}@{}", p.name, p.version)).collect();
    assert_eq!(got, expected()["bin/stripped"]);
    for p in &packages {
        assert_eq!(p.file_path, "/opt/extensions/agent");
        assert_eq!(p.layer.as_deref(), Some(LAYER_ARN));
        assert_eq!(p.package_manager, PackageManager::Gobinary);
    }
}
