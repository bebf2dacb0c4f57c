//! Every line of every file in `../shared/fixtures/versions/` must hold for its ecosystems:
//! `a < b`, `a = b` or `a > b` (`//` and `#` lines are comments). The `-generated` files were
//! produced by each ecosystem's own implementation (Python `packaging`, Maven
//! `ComparableVersion`, Ruby `Gem::Version`, PHP `version_compare`).
//!
//! Besides the stated order, each line checks antisymmetry (`compare(b, a)` is the reverse),
//! that equal versions hash alike, and that every version's `Display` parses back to an equal
//! version.
//!
//! A few lines cannot hold for an ecosystem: its own implementation refuses one of the versions
//! ([`refused`], with the reason; the test checks that this crate refuses it too), or answers
//! otherwise than the line ([`CONTRADICTED`]; the test checks that this crate gives the
//! implementation's answer). Both lists are checked, so they cannot go stale silently.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use warden_versions::{Ecosystem, Version, compare, parse};

/// Why the ecosystem's own implementation refuses a version on this line, if it does. Such a
/// line cannot hold; the test checks that this crate refuses it too.
fn refused(eco: Ecosystem, line: &str) -> Option<&'static str> {
    let starts_with_v = line.split(' ').any(|v| v.starts_with('v'));
    match eco {
        // semver-versions.txt serves npm, crates.io and Go; these lines hold for npm and Go.
        Ecosystem::CratesIo if starts_with_v => Some("a `v` prefix is not SemVer 2.0.0; Cargo refuses it"),
        Ecosystem::CratesIo if line == "999999999999999999999999999991 < 999999999999999999999999999999" => {
            Some("a one-component version is not SemVer 2.0.0; Cargo refuses it")
        }
        Ecosystem::CratesIo | Ecosystem::Npm | Ecosystem::Go if line == "1.1.3.4.5 = 1.1.3.4.5" => Some(
            "five components: node-semver, Cargo and golang.org/x/mod/semver all refuse it \
             (Go's semver.Compare calls any two invalid versions equal, but they are not versions)",
        ),
        Ecosystem::NuGet if line.starts_with("999999999999999999999999999991") => {
            Some("NuGet version parts are 32-bit integers (System.Version); NuGetVersion.TryParse refuses these")
        }
        Ecosystem::Packagist if line.contains('#') => Some(
            "`#` is not part of a Composer version (VersionParser::normalize throws); these lines are \
             osv-scalibr's own and contradict each other (1.2.3.# = 1.2.3 and 1.2.3.# = 1.2.3.1), \
             and PHP's version_compare has 1.2.3.# < 1.2.3",
        ),
        Ecosystem::RubyGems if line == "1 > 1beta" || line == "1 > 1gamma" => {
            Some("Gem::Version.new raises \"Malformed version number string\" (a letter needs a `.` or `-` before it)")
        }
        _ => None,
    }
}

/// Lines where the ecosystem's own implementation gives another answer than the fixture:
/// (ecosystem, line, the implementation's answer, how that was checked). The test checks that
/// this crate gives the implementation's answer.
const CONTRADICTED: &[(Ecosystem, &str, Ordering, &str)] = &[(
    Ecosystem::Maven,
    "1-1 = 1-ga-1",
    Ordering::Greater,
    "the POM reference's example; ComparableVersion (maven-artifact 3.8.7, run on this line) \
     says 1-1 > 1-ga-1: `ga` is dropped from its sub-list, leaving [1, [[1]]] against [1, [1]]",
)];

fn versions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/versions")
}

/// The ecosystems a fixture file serves.
fn ecosystems_for(file: &str) -> &'static [Ecosystem] {
    if file.starts_with("pypi-versions") {
        &[Ecosystem::PyPI]
    } else if file.starts_with("maven-versions") {
        &[Ecosystem::Maven]
    } else if file.starts_with("rubygems-versions") {
        &[Ecosystem::RubyGems]
    } else if file.starts_with("nuget-versions") {
        &[Ecosystem::NuGet]
    } else if file.starts_with("packagist-versions") {
        &[Ecosystem::Packagist]
    } else if file.starts_with("semver-versions") {
        &[Ecosystem::Npm, Ecosystem::CratesIo, Ecosystem::Go]
    } else {
        &[]
    }
}

fn hash_of(v: &Version) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

/// Checks one `a op b` line; `Err` says what went wrong.
fn check_line(eco: Ecosystem, a: &str, op: Ordering, b: &str) -> Result<(), String> {
    let va = parse(eco, a).map_err(|e| format!("refused: {e}"))?;
    let vb = parse(eco, b).map_err(|e| format!("refused: {e}"))?;
    let got = va.cmp(&vb);
    if got != op {
        return Err(format!("got {got:?}"));
    }
    let back = compare(eco, b, a).map_err(|e| e.to_string())?;
    if back != op.reverse() {
        return Err(format!("not antisymmetric: compare(b, a) = {back:?}"));
    }
    if op == Ordering::Equal && hash_of(&va) != hash_of(&vb) {
        return Err("equal but hashed differently".to_owned());
    }
    for (s, v) in [(a, &va), (b, &vb)] {
        let shown = v.to_string();
        match parse(eco, &shown) {
            Ok(again) if again == *v => {}
            other => {
                return Err(format!("{s} displays as {shown:?}, which parses back as {other:?}"));
            }
        }
    }
    Ok(())
}

#[test]
fn every_fixture_line_holds() {
    let dir = versions_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e} (../shared must sit beside the checkout)", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());

    let mut failures = Vec::new();
    let mut report = String::new();
    let mut contradicted_seen = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let ecosystems = ecosystems_for(&name);
        assert!(!ecosystems.is_empty(), "no ecosystem for fixture {name}");
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8 text");
        for &eco in ecosystems {
            let (mut passed, mut refused_count, mut contradicted, mut total) = (0, 0, 0, 0);
            for (n, raw) in text.lines().enumerate() {
                let line = raw.trim();
                if line.is_empty() || line.starts_with('#') || line.starts_with("//") {
                    continue;
                }
                total += 1;
                let where_ = format!("{name}:{} [{}] {line}", n + 1, eco.as_str());
                let fields: Vec<&str> = line.split_whitespace().collect();
                let [a, op, b] = fields[..] else {
                    failures.push(format!("{where_}: not `a op b`"));
                    continue;
                };
                let op = match op {
                    "<" => Ordering::Less,
                    "=" => Ordering::Equal,
                    ">" => Ordering::Greater,
                    other => {
                        failures.push(format!("{where_}: unknown operator {other}"));
                        continue;
                    }
                };
                if let Some(reason) = refused(eco, line) {
                    if parse(eco, a).is_ok() && parse(eco, b).is_ok() {
                        failures.push(format!("{where_}: listed as refused ({reason}) but both sides parse"));
                    } else {
                        refused_count += 1;
                    }
                    continue;
                }
                if let Some((_, _, actual, _)) = CONTRADICTED.iter().find(|(e, l, _, _)| *e == eco && *l == line) {
                    contradicted_seen.push((eco, line.to_owned()));
                    match check_line(eco, a, *actual, b) {
                        Ok(()) => contradicted += 1,
                        Err(why) => failures.push(format!("{where_}: expected the implementation's {actual:?}: {why}")),
                    }
                    continue;
                }
                match check_line(eco, a, op, b) {
                    Ok(()) => passed += 1,
                    Err(why) => failures.push(format!("{where_}: {why}")),
                }
            }
            let _ = writeln!(
                report,
                "{name:<36} {:<10} {passed:>6}/{total:<6} hold, {refused_count} refused as the ecosystem \
                 refuses them, {contradicted} answered as the ecosystem answers them",
                eco.as_str()
            );
        }
    }
    for (eco, line, _, _) in CONTRADICTED {
        if !contradicted_seen.iter().any(|(e, l)| e == eco && l == line) {
            failures.push(format!("CONTRADICTED lists [{}] {line}, which is in no fixture", eco.as_str()));
        }
    }
    println!("{report}");
    if !failures.is_empty() {
        let shown: Vec<&str> = failures.iter().take(30).map(String::as_str).collect();
        panic!("{} fixture lines failed (first 30):\n{}", failures.len(), shown.join("\n"));
    }
}
