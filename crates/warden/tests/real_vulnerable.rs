//! `warden scan` end to end on real installs of known-vulnerable pins, against the shared OSV snapshot
//! (`../shared/osv`): the findings must be exactly the ones the snapshot says apply, computed here from the
//! snapshot's own `all.zip` files (never hard-coded), and the fixed versions must get exactly what the snapshot
//! still says about them (nothing, today).
//!
//! * Python: `pip install --target --no-deps` of PyYAML 5.3 (built from its sdist with the pure-Python fallback),
//!   Jinja2 2.10, urllib3 1.24.1 and requests 2.19.0 (wheels); a fixed tree of PyYAML 6.0.2, Jinja2 3.1.4,
//!   urllib3 2.2.2 and requests 2.32.3 (manylinux wheels for CPython 3.12, as Lambda runs them). The expected
//!   advisories are those whose `affected[].versions` list the installed version (every PyPI advisory of these
//!   packages in the snapshot has a list; one without would fail the test rather than be guessed).
//! * npm: `npm install lodash@4.17.15 minimist@1.2.0` (and lodash 4.17.21 minimist 1.2.8), zipped with
//!   `package.json` and `package-lock.json`; the vulnerable tree again as a layer under `nodejs/`, whose findings
//!   must name the layer. Expected: the `versions` lists and the `SEMVER` / `ECOSYSTEM` ranges evaluated here.
//! * Go: a `bootstrap` built offline with Debian's Go (`-mod=vendor`, `GOPROXY=off`) against Debian's
//!   `golang.org/x/net` sources vendored as v0.7.0 (Debian ships 1:0.7.0+dfsg), importing `golang.org/x/net/html`.
//!   `go version -m` is the source of truth for what is in it; expected: the advisories for that `x/net` version
//!   and for `stdlib` at the toolchain's version.
//!
//! Findings are keyed as Warden documents (one per vulnerability: advisories that are aliases of one another are
//! one group, keyed by its lowest CVE, else its lowest GHSA id, else its lowest id); the grouping is recomputed
//! here from the matched advisories and compared as sets, and every matched advisory id must be the finding's id
//! or among its `relatedVulnerabilities`.
//!
//! Needs `python3` with pip, `npm`, Go and `golang-golang-x-net-dev` (`apt-get install python3-pip npm golang-go
//! golang-golang-x-net-dev`), and PyPI and the npm registry on the first run; the builds are cached under
//! `target/warden-test-cache/vulnerable-*`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[path = "../../warden-inventory/tests/support/mod.rs"]
mod build_support;
mod support;

use build_support::{cached, run, zip_dir};
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use support::{LAYER_ARN, db, shared_osv, warden, write_zip};

const PY_VULNERABLE: &[&str] = &["Jinja2==2.10", "urllib3==1.24.1", "requests==2.19.0"];
const PY_FIXED: &[&str] = &["PyYAML==6.0.2", "Jinja2==3.1.4", "urllib3==2.2.2", "requests==2.32.3"];
const NPM_VULNERABLE: &[&str] = &["lodash@4.17.15", "minimist@1.2.0"];
const NPM_FIXED: &[&str] = &["lodash@4.17.21", "minimist@1.2.8"];

// ---------------------------------------------------------------------------------------------------------------
// Builds.

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string())
}

fn pip(site: &Path) -> Command {
    let mut cmd = Command::new(python());
    cmd.args(["-m", "pip", "install", "--no-input", "--disable-pip-version-check", "--no-deps", "--target"]).arg(site);
    cmd
}

/// `site/` (pip's target, with `pip-list.json` beside it) zipped as `function.zip`.
fn python_build(name: &str, install: impl FnOnce(&Path)) -> PathBuf {
    cached(name, |dir| {
        let site = dir.join("site");
        install(&site);
        let list = run(Command::new(python())
            .args(["-m", "pip", "list", "--disable-pip-version-check", "--format", "json", "--path"])
            .arg(&site));
        std::fs::write(dir.join("pip-list.json"), list).unwrap();
        zip_dir(&site, &dir.join("function.zip"));
    })
}

fn python_vulnerable() -> PathBuf {
    python_build("vulnerable-python", |site| {
        // PyYAML 5.3 has no wheel for a current CPython: its sdist builds with the pure-Python fallback.
        run(pip(site).arg("PyYAML==5.3"));
        run(pip(site).arg("--only-binary=:all:").args(PY_VULNERABLE));
    })
}

fn python_fixed() -> PathBuf {
    python_build("vulnerable-python-fixed", |site| {
        run(pip(site)
            .args(["--only-binary=:all:", "--platform", "manylinux2014_x86_64", "--python-version", "3.12"])
            .args(["--implementation", "cp"])
            .args(PY_FIXED));
    })
}

/// `app/` after `npm install` of `pins`, with `npm-ls.json`, zipped as `function.zip`; and `layer.zip` (the app
/// under `nodejs/`).
fn npm_build(name: &str, pins: &[&str]) -> PathBuf {
    cached(name, |dir| {
        let app = dir.join("app");
        std::fs::create_dir_all(&app).unwrap();
        std::fs::write(app.join("package.json"), "{\"name\": \"warden-vulnerable\", \"version\": \"1.0.0\"}\n")
            .unwrap();
        let npm = || {
            let mut cmd = Command::new("npm");
            cmd.current_dir(&app).args(["--no-audit", "--no-fund", "--no-update-notifier"]);
            cmd
        };
        run(npm().args(["install", "--save-exact"]).args(pins));
        std::fs::write(dir.join("npm-ls.json"), run(npm().args(["ls", "--all", "--json"]))).unwrap();
        zip_dir(&app, &dir.join("function.zip"));
        let layer = dir.join("layer");
        std::fs::create_dir_all(&layer).unwrap();
        run(Command::new("cp").arg("-a").arg(&app).arg(layer.join("nodejs")));
        zip_dir(&layer, &dir.join("layer.zip"));
    })
}

const GO_MOD: &str = "module example.com/vulnapp\n\ngo 1.19\n\nrequire golang.org/x/net v0.7.0\n";
const MODULES_TXT: &str =
    "# golang.org/x/net v0.7.0\n## explicit; go 1.17\ngolang.org/x/net/html\ngolang.org/x/net/html/atom\n";
const MAIN_GO: &str = r#"package main

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

func main() {
	doc, err := html.Parse(strings.NewReader("<p>warden</p>"))
	fmt.Println(doc != nil, err)
}
"#;

/// `bootstrap` (Linux amd64) built offline against Debian's `golang.org/x/net`, `go-version-m.txt`, and
/// `function.zip` holding the binary alone.
fn go_build() -> PathBuf {
    cached("vulnerable-go", |dir| {
        let src = dir.join("src");
        let vendor = src.join("vendor/golang.org/x/net");
        std::fs::create_dir_all(vendor.parent().unwrap()).unwrap();
        run(Command::new("cp").arg("-r").arg("/usr/share/gocode/src/golang.org/x/net").arg(&vendor));
        std::fs::write(src.join("go.mod"), GO_MOD).unwrap();
        std::fs::write(src.join("vendor/modules.txt"), MODULES_TXT).unwrap();
        std::fs::write(src.join("main.go"), MAIN_GO).unwrap();
        let function = dir.join("function");
        std::fs::create_dir_all(&function).unwrap();
        let go = |args: &[&str]| {
            let mut cmd = Command::new("go");
            cmd.current_dir(&src)
                .args(args)
                .env("GOFLAGS", "-mod=vendor")
                .env("GOPROXY", "off")
                .env("GOTOOLCHAIN", "local")
                .env("GOCACHE", dir.join("gocache"))
                .env("CGO_ENABLED", "0")
                .env("GOOS", "linux")
                .env("GOARCH", "amd64");
            run(&mut cmd)
        };
        go(&["build", "-trimpath", "-buildvcs=false", "-o", function.join("bootstrap").to_str().unwrap(), "."]);
        let listing = go(&["version", "-m", function.join("bootstrap").to_str().unwrap()]);
        std::fs::write(dir.join("go-version-m.txt"), listing).unwrap();
        zip_dir(&function, &dir.join("function.zip"));
        let _ = std::fs::remove_dir_all(dir.join("gocache"));
    })
}

// ---------------------------------------------------------------------------------------------------------------
// What the snapshot says.

/// One advisory of the snapshot, as far as these tests need it.
#[derive(Clone, Debug)]
struct Advisory {
    id: String,
    aliases: Vec<String>,
}

/// The non-withdrawn advisories of `<ecosystem>/all.zip`, parsed once per process.
fn snapshot(ecosystem: &str) -> &'static [Value] {
    static PARSED: OnceLock<Mutex<BTreeMap<String, &'static [Value]>>> = OnceLock::new();
    let mut parsed = PARSED.get_or_init(Default::default).lock().unwrap();
    parsed.entry(ecosystem.to_string()).or_insert_with(|| {
        let file = std::fs::File::open(shared_osv().join(ecosystem).join("all.zip")).unwrap();
        let mut archive = zip::ZipArchive::new(file).unwrap();
        let mut out = Vec::new();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            let v: Value = serde_json::from_str(&text).unwrap();
            if v.get("withdrawn").is_none_or(Value::is_null) {
                out.push(v);
            }
        }
        Vec::leak(out)
    })
}

/// Every advisory of the snapshot with an `affected` entry of `ecosystem` for which `affects(name, entry)`.
fn advisories(ecosystem: &str, mut affects: impl FnMut(&str, &Value) -> bool) -> Vec<Advisory> {
    let mut out = Vec::new();
    for v in snapshot(ecosystem) {
        let hit =
            v["affected"].as_array().into_iter().flatten().any(|a| {
                a["package"]["ecosystem"] == ecosystem && affects(a["package"]["name"].as_str().unwrap_or(""), a)
            });
        if hit {
            let aliases =
                v["aliases"].as_array().into_iter().flatten().filter_map(Value::as_str).map(String::from).collect();
            out.push(Advisory { id: v["id"].as_str().unwrap().to_string(), aliases });
        }
    }
    out
}

/// PEP 503: lower case, runs of `-`, `_` and `.` as one `-`.
fn pep503(name: &str) -> String {
    name.split(['-', '_', '.']).filter(|p| !p.is_empty()).map(str::to_ascii_lowercase).collect::<Vec<_>>().join("-")
}

/// The PyPI advisories listing one of `installed` (PEP 503 name → version) in `versions`.
fn pypi_expected(installed: &BTreeMap<String, String>) -> Vec<Advisory> {
    advisories("PyPI", |name, entry| {
        let Some(version) = installed.get(&pep503(name)) else { return false };
        let versions = entry["versions"].as_array().filter(|l| !l.is_empty()).unwrap_or_else(|| {
            panic!("an advisory of {name} without a versions list: {entry}; this test only reads the lists")
        });
        versions.iter().any(|v| v == version.as_str())
    })
}

/// A plain `x.y.z[-pre][+build]` version (npm, Go modules without `v`, Go toolchains), ordered as SemVer when the
/// prereleases compared are those of these tests (the installed versions have none).
fn semver(v: &str) -> (Vec<u64>, Option<String>) {
    let v = v.trim_start_matches('v');
    let v = v.split('+').next().unwrap();
    let (core, pre) = match v.split_once('-') {
        Some((c, p)) => (c, Some(p.to_string())),
        None => (v, None),
    };
    let mut nums: Vec<u64> = core.split('.').map(|p| p.parse().unwrap_or_else(|_| panic!("version {v}"))).collect();
    nums.resize(3, 0);
    (nums, pre)
}

fn semver_cmp(a: &str, b: &str) -> Ordering {
    let (an, ap) = semver(a);
    let (bn, bp) = semver(b);
    an.cmp(&bn).then_with(|| match (ap, bp) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(a), Some(b)) => a.cmp(&b),
    })
}

/// OSV's rule for one `affected` entry: the version is listed, or some `SEMVER` / `ECOSYSTEM` range holds it
/// (events in order: `introduced` opens, `fixed` and `last_affected` close). `GIT` ranges say nothing here.
fn semver_affected(entry: &Value, version: &str) -> bool {
    if entry["versions"].as_array().into_iter().flatten().any(|v| v == version) {
        return true;
    }
    entry["ranges"].as_array().into_iter().flatten().filter(|r| r["type"] != "GIT").any(|range| {
        let mut events: Vec<(&str, &str)> = range["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e.as_object()?.iter().next().map(|(k, v)| (k.as_str(), v.as_str().unwrap())))
            .filter(|(k, _)| *k != "limit")
            .collect();
        let at = |v: &str| if v == "0" { "0.0.0-0".to_string() } else { v.to_string() };
        events.sort_by(|a, b| semver_cmp(&at(a.1), &at(b.1)));
        let mut affected = false;
        for (kind, at_version) in events {
            let order = semver_cmp(version, &at(at_version));
            match kind {
                "introduced" if order != Ordering::Less => affected = true,
                "fixed" if order != Ordering::Less => affected = false,
                "last_affected" if order == Ordering::Greater => affected = false,
                _ => {}
            }
        }
        affected
    })
}

fn semver_expected(ecosystem: &str, installed: &BTreeMap<String, String>) -> Vec<Advisory> {
    advisories(ecosystem, |name, entry| installed.get(name).is_some_and(|v| semver_affected(entry, v)))
}

/// `CVE-2020-1747` before `CVE-2020-14343`: by year, then number.
fn cve_key(id: &str) -> (u64, u64) {
    let mut it = id.trim_start_matches("CVE-").split('-').map(|p| p.parse::<u64>().unwrap_or(u64::MAX));
    (it.next().unwrap_or(u64::MAX), it.next().unwrap_or(u64::MAX))
}

/// The findings these advisories make, as Warden documents them: key → every id of the group (ids and aliases).
fn findings_of(advisories: &[Advisory]) -> BTreeMap<String, BTreeSet<String>> {
    let mut groups: Vec<(Vec<&Advisory>, BTreeSet<String>)> = Vec::new();
    for a in advisories {
        let ids: BTreeSet<String> = std::iter::once(&a.id).chain(&a.aliases).cloned().collect();
        let mut merged = (vec![a], ids);
        groups.retain(|(members, ids)| {
            if ids.is_disjoint(&merged.1) {
                return true;
            }
            merged.0.extend(members);
            merged.1.extend(ids.iter().cloned());
            false
        });
        groups.push(merged);
    }
    groups
        .into_iter()
        .map(|(members, ids)| {
            let key = ids
                .iter()
                .filter(|id| id.starts_with("CVE-"))
                .min_by_key(|id| cve_key(id))
                .or_else(|| members.iter().map(|a| &a.id).filter(|id| id.starts_with("GHSA-")).min())
                .or_else(|| members.iter().map(|a| &a.id).min())
                .unwrap()
                .clone();
            (key, ids)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------------------
// Scanning.

fn scan(args: &[&str]) -> Value {
    let mut all = vec!["scan", "--scanners", "vuln", "--format", "json", "--db", db().to_str().unwrap()];
    all.extend_from_slice(args);
    let out = warden(&all);
    assert!(out.status.success(), "warden {all:?}: {}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(0), "errors: {}", v["errors"]);
    assert!(v["undecidable"].as_array().is_none_or(Vec::is_empty), "undecidable: {}", v["undecidable"]);
    v
}

fn findings(v: &Value) -> &Vec<Value> {
    v["findings"].as_array().unwrap()
}

/// A finding's id and related ids.
fn found_ids(f: &Value) -> BTreeSet<String> {
    let d = &f["packageVulnerabilityDetails"];
    let mut ids: BTreeSet<String> = d["relatedVulnerabilities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(String::from)
        .collect();
    ids.insert(d["vulnerabilityId"].as_str().unwrap().to_string());
    ids
}

/// Every finding's (id, its id with its related ids).
fn found(v: &Value) -> BTreeMap<String, BTreeSet<String>> {
    findings(v)
        .iter()
        .map(|f| (f["packageVulnerabilityDetails"]["vulnerabilityId"].as_str().unwrap().to_string(), found_ids(f)))
        .collect()
}

/// The scan's findings are exactly `expected`'s, grouped and keyed as Warden documents.
fn assert_findings(what: &str, v: &Value, expected: &[Advisory]) {
    let want = findings_of(expected);
    let got = found(v);
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "{what}: finding ids (expected from the advisories {:?})",
        expected.iter().map(|a| &a.id).collect::<Vec<_>>()
    );
    assert_eq!(findings(v).len(), want.len(), "{what}: one finding per vulnerability");
    for (key, ids) in &want {
        let missing: Vec<_> = ids.difference(&got[key]).collect();
        assert!(missing.is_empty(), "{what}: {key} lacks related ids {missing:?}");
    }
}

/// `(PEP 503 name, version)` of what pip installed, from `pip list`.
fn pip_list(dir: &Path) -> BTreeMap<String, String> {
    let list: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("pip-list.json")).unwrap()).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| (pep503(p["name"].as_str().unwrap()), p["version"].as_str().unwrap().to_string()))
        .collect()
}

/// `name → version` of the top-level packages npm installed, from `npm ls`.
fn npm_ls(dir: &Path) -> BTreeMap<String, String> {
    let ls: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("npm-ls.json")).unwrap()).unwrap();
    ls["dependencies"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, dep)| (name.clone(), dep["version"].as_str().unwrap().to_string()))
        .collect()
}

fn pins(pins: &[&str], sep: &str) -> BTreeMap<String, String> {
    pins.iter()
        .map(|p| {
            let (n, v) = p.split_once(sep).unwrap();
            (n.to_string(), v.to_string())
        })
        .collect()
}

fn path(p: PathBuf) -> String {
    p.to_str().unwrap().to_string()
}

// ---------------------------------------------------------------------------------------------------------------
// Tests.

#[test]
fn python_pins_from_real_pip_installs() {
    let vulnerable = python_vulnerable();
    let installed = pip_list(&vulnerable);
    let mut wanted = pins(PY_VULNERABLE, "==");
    wanted.insert("PyYAML".into(), "5.3".into());
    let wanted: BTreeMap<_, _> = wanted.into_iter().map(|(n, v)| (pep503(&n), v)).collect();
    assert_eq!(installed, wanted, "pip installed something else");

    let expected = pypi_expected(&installed);
    for name in installed.keys() {
        let n = advisories("PyPI", |pkg, _| pep503(pkg) == *name).len();
        let hit = pypi_expected(&BTreeMap::from([(name.clone(), installed[name].clone())])).len();
        eprintln!("{name} {}: {hit} advisories of {n}", installed[name]);
        assert!(hit > 0, "the snapshot lists nothing for {name} {}", installed[name]);
    }
    let v = scan(&[&path(vulnerable.join("function.zip"))]);
    assert_findings("vulnerable Python", &v, &expected);
    eprintln!("vulnerable Python tree: {} advisories, {} findings", expected.len(), findings(&v).len());
    for f in findings(&v) {
        for p in f["packageVulnerabilityDetails"]["vulnerablePackages"].as_array().unwrap() {
            assert_eq!(p["packageManager"], "PYTHONPKG");
            assert_eq!(installed.get(&pep503(p["name"].as_str().unwrap())).map(String::as_str), p["version"].as_str());
            assert!(p["filePath"].as_str().unwrap().starts_with("/var/task/"), "{p}");
            assert!(p.get("sourceLambdaLayerArn").is_none());
        }
    }

    let fixed = python_fixed();
    let installed = pip_list(&fixed);
    assert_eq!(installed, pins(PY_FIXED, "==").into_iter().map(|(n, v)| (pep503(&n), v)).collect());
    let expected = pypi_expected(&installed);
    eprintln!("fixed Python tree: {} advisories still apply", expected.len());
    let v = scan(&[&path(fixed.join("function.zip"))]);
    assert_findings("fixed Python", &v, &expected);
    assert_eq!(v["status"]["matching"]["packagesMatched"], installed.len());
}

#[test]
fn npm_pins_from_a_real_npm_install_in_a_function_and_a_layer() {
    let vulnerable = npm_build("vulnerable-npm", NPM_VULNERABLE);
    let installed = npm_ls(&vulnerable);
    assert_eq!(installed, pins(NPM_VULNERABLE, "@"), "npm installed something else");
    let expected = semver_expected("npm", &installed);
    for (name, version) in &installed {
        let hit = semver_expected("npm", &BTreeMap::from([(name.clone(), version.clone())])).len();
        eprintln!("{name} {version}: {hit} advisories");
        assert!(hit > 0, "the snapshot lists nothing for {name} {version}");
    }
    let v = scan(&[&path(vulnerable.join("function.zip"))]);
    assert_findings("vulnerable npm", &v, &expected);
    eprintln!("vulnerable npm tree: {} advisories, {} findings", expected.len(), findings(&v).len());
    for f in findings(&v) {
        for p in f["packageVulnerabilityDetails"]["vulnerablePackages"].as_array().unwrap() {
            assert_eq!(p["packageManager"], "NODEPKG");
            assert!(p.get("sourceLambdaLayerArn").is_none());
        }
    }

    // The same tree as a layer beside a handler: the same findings, each package naming the layer.
    let dir = tempfile::tempdir().unwrap();
    let handler = dir.path().join("handler.zip");
    write_zip(&handler, &[("index.js", b"exports.handler = async () => 1;\n")]);
    let layer = format!("{LAYER_ARN}={}", path(vulnerable.join("layer.zip")));
    let v = scan(&[&path(handler), "--layer", &layer]);
    assert_findings("vulnerable npm layer", &v, &expected);
    for f in findings(&v) {
        for p in f["packageVulnerabilityDetails"]["vulnerablePackages"].as_array().unwrap() {
            assert_eq!(p["sourceLambdaLayerArn"], LAYER_ARN, "{p}");
            assert!(p["filePath"].as_str().unwrap().starts_with("/opt/nodejs/"), "{p}");
        }
    }

    let fixed = npm_build("vulnerable-npm-fixed", NPM_FIXED);
    let installed = npm_ls(&fixed);
    assert_eq!(installed, pins(NPM_FIXED, "@"));
    let expected = semver_expected("npm", &installed);
    eprintln!("fixed npm tree: {} advisories still apply", expected.len());
    let v = scan(&[&path(fixed.join("function.zip"))]);
    assert_findings("fixed npm", &v, &expected);
}

#[test]
fn go_binary_with_a_vulnerable_x_net_and_toolchain() {
    let build = go_build();
    // Go's own view of the binary: `bootstrap: go1.19.8` and `dep golang.org/x/net v0.7.0`.
    let listing = std::fs::read_to_string(build.join("go-version-m.txt")).unwrap();
    let toolchain = listing.lines().next().unwrap().rsplit(' ').next().unwrap().trim_start_matches("go").to_string();
    let deps: BTreeMap<String, String> = listing
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            (f.next() == Some("dep")).then(|| (f.next().unwrap().to_string(), f.next().unwrap().to_string()))
        })
        .collect();
    assert_eq!(deps, BTreeMap::from([("golang.org/x/net".to_string(), "v0.7.0".to_string())]), "{listing}");

    let installed = BTreeMap::from([
        ("golang.org/x/net".to_string(), deps["golang.org/x/net"].trim_start_matches('v').to_string()),
        ("stdlib".to_string(), toolchain.clone()),
    ]);
    let expected = semver_expected("Go", &installed);
    for (name, version) in &installed {
        let hit = semver_expected("Go", &BTreeMap::from([(name.clone(), version.clone())])).len();
        eprintln!("{name} {version}: {hit} advisories");
        assert!(hit > 0, "the snapshot lists nothing for {name} {version}");
    }
    let v = scan(&[&path(build.join("function.zip"))]);
    assert_findings("Go binary", &v, &expected);
    eprintln!("Go binary: {} advisories, {} findings", expected.len(), findings(&v).len());
    let mut seen = BTreeSet::new();
    for f in findings(&v) {
        for p in f["packageVulnerabilityDetails"]["vulnerablePackages"].as_array().unwrap() {
            assert_eq!(p["filePath"], "/var/task/bootstrap", "{p}");
            seen.insert((p["name"].as_str().unwrap().to_string(), p["version"].as_str().unwrap().to_string()));
        }
    }
    // An advisory of both the module and the toolchain is one finding naming both packages.
    let per_package: Vec<BTreeSet<String>> = installed
        .iter()
        .map(|(n, ver)| {
            let one = BTreeMap::from([(n.clone(), ver.clone())]);
            semver_expected("Go", &one).into_iter().map(|a| a.id).collect()
        })
        .collect();
    let both: BTreeSet<&String> = per_package[0].intersection(&per_package[1]).collect();
    eprintln!("advisories of both golang.org/x/net and stdlib: {both:?}");
    for id in both {
        let f = findings(&v)
            .iter()
            .find(|f| found_ids(f).contains(id.as_str()))
            .unwrap_or_else(|| panic!("no finding for {id}"));
        let packages = f["packageVulnerabilityDetails"]["vulnerablePackages"].as_array().unwrap();
        assert_eq!(packages.len(), 2, "{id}: {packages:?}");
    }
    let names: BTreeSet<&str> = seen.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, BTreeSet::from(["golang.org/x/net", "stdlib"]), "{seen:?}");
}
