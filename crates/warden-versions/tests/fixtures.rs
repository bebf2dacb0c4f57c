//! Every line of every file in `../shared/fixtures/versions/` must hold for its ecosystems:
//! `a < b`, `a = b` or `a > b` (`//` and `#` lines are comments). The `-generated` files were
//! produced by each ecosystem's own implementation (Python `packaging`, Maven
//! `ComparableVersion`, Ruby `Gem::Version`, PHP `version_compare`).
//!
//! Besides the stated order, each line checks antisymmetry (`compare(b, a)` is the reverse),
//! that equal versions hash alike, and that every version's `Display` parses back to an equal
//! version.
//!
//! Every line holds, with no exceptions: where an ecosystem's own implementation refuses a
//! version of the fixtures or answers otherwise, this crate is lenient or follows the fixture
//! (each module's documentation says where). The answer checked is [`compare`]'s; `Ord` on the
//! parsed versions must give the same answer, except on Packagist lines holding `#`, where
//! [`compare`] follows PHP's piecewise `version_compare` (`#` equals any number) and no total
//! order can (`1.2.3.# = 1.2.3` and `1.2.3.# = 1.2.3.1`): there `Ord` and `Hash` are exempt
//! (see `warden_versions::composer`).

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use warden_versions::{Ecosystem, Version, compare, parse};

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

/// Whether `Ord` (and so `Eq` and `Hash`) may disagree with [`compare`] on this pair: Packagist
/// versions with `#`, whose piecewise comparison is not a total order.
fn ord_exempt(va: &Version, vb: &Version) -> bool {
    [va, vb].iter().any(|v| matches!(v, Version::Composer(c) if c.has_hash()))
}

/// Checks one `a op b` line; `Err` says what went wrong.
fn check_line(eco: Ecosystem, a: &str, op: Ordering, b: &str) -> Result<(), String> {
    let va = parse(eco, a).map_err(|e| format!("refused: {e}"))?;
    let vb = parse(eco, b).map_err(|e| format!("refused: {e}"))?;
    let got = compare(eco, a, b).map_err(|e| e.to_string())?;
    if got != op {
        return Err(format!("got {got:?}"));
    }
    let back = compare(eco, b, a).map_err(|e| e.to_string())?;
    if back != op.reverse() {
        return Err(format!("not antisymmetric: compare(b, a) = {back:?}"));
    }
    if !ord_exempt(&va, &vb) {
        let ord = va.cmp(&vb);
        if ord != op {
            return Err(format!("compare says {op:?} but Ord says {ord:?}"));
        }
        if op == Ordering::Equal && (va != vb || hash_of(&va) != hash_of(&vb)) {
            return Err("equal but not == or hashed differently".to_owned());
        }
    }
    for (s, v) in [(a, &va), (b, &vb)] {
        let shown = v.to_string();
        match parse(eco, &shown) {
            Ok(again) if again == *v && compare(eco, &shown, s) == Ok(Ordering::Equal) => {}
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
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let ecosystems = ecosystems_for(&name);
        assert!(!ecosystems.is_empty(), "no ecosystem for fixture {name}");
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8 text");
        for &eco in ecosystems {
            let (mut passed, mut total) = (0, 0);
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
                match check_line(eco, a, op, b) {
                    Ok(()) => passed += 1,
                    Err(why) => failures.push(format!("{where_}: {why}")),
                }
            }
            let _ = writeln!(report, "{name:<36} {:<10} {passed:>6}/{total:<6} hold", eco.as_str());
        }
    }
    println!("{report}");
    if !failures.is_empty() {
        let shown: Vec<&str> = failures.iter().take(30).map(String::as_str).collect();
        panic!("{} fixture lines failed (first 30):\n{}", failures.len(), shown.join("\n"));
    }
}
