//! Every fixture in `../shared/fixtures/lockfiles/` with an entry in `expected-packages.json` must yield exactly the
//! expected name/version set, or an error where the entry says `"error": true`. (A fixture expected to yield no
//! packages may also be refused with an error: an error yields no packages.) Prints a per-format table.
//!
//! Where the expected data is wrong for a real user, the fixture is listed in `DEVIATIONS` with the reason and the
//! set Warden yields instead; a deviation that no longer applies fails the test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use warden_inventory::{Input, registry};

/// Format directory in the fixtures → extractor id.
const FORMATS: &[(&str, &str)] = &[
    ("dotnet/csproj", "dotnet/csproj"),
    ("dotnet/packagesconfig", "dotnet/packages-config"),
    ("golang/gomod", "go/go-mod"),
    ("java/gradlelockfile", "java/gradle-lockfile"),
    ("java/pomxml", "java/pom-xml"),
    ("javascript/bunlock", "javascript/bun-lock"),
    ("javascript/packagelockjson", "javascript/package-lock"),
    ("javascript/pnpmlock", "javascript/pnpm-lock"),
    ("javascript/yarnlock", "javascript/yarn-lock"),
    ("php/composerlock", "php/composer-lock"),
    ("python/pdmlock", "python/pdm-lock"),
    ("python/pipfilelock", "python/pipfile-lock"),
    ("python/poetrylock", "python/poetry-lock"),
    ("python/pylock", "python/pylock"),
    ("python/uvlock", "python/uv-lock"),
    ("ruby/gemfilelock", "ruby/gemfile-lock"),
    ("rust/cargolock", "rust/cargo-lock"),
];

/// (fixture, why the expected set is not what a user needs, what Warden yields instead as `name@version`).
const DEVIATIONS: &[(&str, &str, &[&str])] = &[
    (
        "golang/gomod/testdata/indirect-1.16.mod",
        "the expected set mixes in packages of other fixtures (BurntSushi/toml, yaml.v2, mattn/*, a second x/sys, \
         stdlib 1.17 are in no file beside it); the rest comes from the neighbouring go.sum, which an extractor \
         cannot read (it sees one file) and which lists test-only modules too; go/go-mod reports what go.mod requires",
        &["github.com/sirupsen/logrus@1.9.3", "stdlib@1.16"],
    ),
    (
        "java/pomxml/testdata/with-parent.xml",
        "org.dave:dave is declared in the parent POM (parent/pom.xml), a separate file: an extractor sees one file, and \
         the pipeline scans parent/pom.xml on its own, where java/pom-xml finds dave@4.0.0",
        &["org.alice:alice@1.0.0", "org.bob:bob@2.0.0", "org.chuck:chuck@3.0.0"],
    ),
    ("python/uvlock/testdata/one-package.lock", UV_HELPER_DROPPED, &["emoji@2.14.0"]),
    ("python/uvlock/testdata/two-packages.lock", UV_HELPER_DROPPED, &["emoji@2.14.0", "protobuf@4.25.5"]),
    (
        "python/uvlock/testdata/names-outside-package-block.lock",
        UV_HELPER_DROPPED,
        &["first-pkg@1.0.0", "second-pkg@2.0.0"],
    ),
    (
        "python/uvlock/testdata/grouped-packages.lock",
        UV_HELPER_DROPPED,
        &[
            "black@24.10.0",
            "click@8.1.7",
            "colorama@0.4.6",
            "emoji@2.14.0",
            "flake8@7.1.1",
            "mccabe@0.7.0",
            "mypy-extensions@1.0.0",
            "packaging@24.2",
            "pathspec@0.12.1",
            "platformdirs@4.3.6",
            "pycodestyle@2.12.1",
            "pyflakes@3.2.0",
            "tomli@2.2.1",
            "typing-extensions@4.12.2",
        ],
    ),
];

/// Why four uv.lock expectations are incomplete.
const UV_HELPER_DROPPED: &str = "the expected set was derived from osv-scalibr's uvlock_test.go keeping only the packages written there as struct literals and dropping those built by its inventory()/pkg() helper; scalibr's own test expects these packages, and the lock pins them from PyPI (source = registry) as real dependencies of the project: dropping them would hide installed packages";

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/lockfiles")
}

#[derive(serde::Deserialize)]
struct Expected {
    #[serde(default)]
    packages: Vec<(String, String)>,
    #[serde(default)]
    error: bool,
}

#[test]
fn lockfile_fixtures_yield_the_expected_packages() {
    let root = shared();
    let text = std::fs::read_to_string(root.join("expected-packages.json"))
        .unwrap_or_else(|e| panic!("cannot read {}: {e} (../shared must sit beside the checkout)", root.display()));
    let expected: BTreeMap<String, Expected> = serde_json::from_str(&text).unwrap_or_default();
    assert!(expected.len() > 200, "expected-packages.json has {} entries", expected.len());
    let budget = Input::default_budget();
    let mut table: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut used_deviations = BTreeSet::new();
    // FIXTURE_FILTER=python/ narrows the run to some formats while working on them.
    let filter = std::env::var("FIXTURE_FILTER").unwrap_or_default();
    for (key, want) in expected.iter().filter(|(k, _)| k.starts_with(&filter)) {
        let Some((format, id)) = FORMATS.iter().find(|(f, _)| key.starts_with(&format!("{f}/"))) else {
            failures.push(format!("{key}: no extractor mapped for its format"));
            continue;
        };
        let Some(extractor) = registry::by_id(id) else {
            failures.push(format!("{key}: extractor {id} is not registered"));
            continue;
        };
        let path = root.join(key);
        let bytes = std::fs::read(&path).unwrap_or_default();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let lambda_path = format!("/var/task/{}", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
        let exists = move |p: &str| p.strip_prefix("/var/task/").is_some_and(|rel| dir.join(rel).is_file());
        let input = Input { path: &lambda_path, bytes: &bytes, exists: &exists, budget: &budget, depth: 0 };
        let result = extractor.extract(&input);
        let got: Option<BTreeSet<String>> =
            result.as_ref().ok().map(|ps| ps.iter().map(|p| format!("{}@{}", p.name, p.version)).collect());
        let mut want_set: BTreeSet<String> = want.packages.iter().map(|(n, v)| format!("{n}@{v}")).collect();
        if let Some((_, _, instead)) = DEVIATIONS.iter().find(|(k, _, _)| k == key) {
            used_deviations.insert(key.clone());
            want_set = instead.iter().map(|s| s.to_string()).collect();
        }
        let ok = match (&got, want.error) {
            (None, true) => true,
            (Some(_), true) => false,
            (None, false) => want_set.is_empty(),
            (Some(got), false) => *got == want_set,
        };
        let row = table.entry(format).or_default();
        row.1 += 1;
        if ok {
            row.0 += 1;
        } else {
            let got = match &result {
                Ok(_) => format!("{got:?}"),
                Err(e) => format!("error: {e}"),
            };
            let want = if want.error { "an error".to_string() } else { format!("{want_set:?}") };
            failures.push(format!("{key}:\n    got  {got}\n    want {want}"));
        }
    }
    println!("{:<32} {:>6} {:>6}", "format", "pass", "total");
    for (format, (pass, total)) in &table {
        println!("{format:<32} {pass:>6} {total:>6}");
    }
    for (key, _, _) in DEVIATIONS {
        if key.starts_with(&filter) && !used_deviations.contains(*key) {
            failures.push(format!("deviation for {key} names no fixture"));
        }
    }
    assert!(failures.is_empty(), "{} fixture(s) differ:\n{}", failures.len(), failures.join("\n"));
}
