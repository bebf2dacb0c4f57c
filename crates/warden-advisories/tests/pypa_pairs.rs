//! Agreement with `../shared/fixtures/matching/pypa-version-pairs.json.gz`: 190,552 `[package, version, advisory
//! id, affected?]` facts derived from the explicit `versions` lists of the PyPI advisories in
//! `../shared/osv/PyPI/all.zip` (positives: listed versions; negatives: fixed versions and other known versions not
//! listed).
//!
//! The explicit list decides where one is present (see `warden_advisories::matcher`), so the expected agreement is
//! 100%. The data's two documented problems (`../shared/README.md`) are counted as well, to show what a
//! ranges-only matcher would get wrong: entries listing versions their own ranges exclude, and pre-releases inside
//! ranges that the list leaves out. Any disagreement fails the test with the facts listed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::PathBuf;

use warden_advisories::{Ecosystem, Evidence, Index, Match, MatchOutcome, load};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn agrees_with_the_pypa_version_pairs() {
    let gz = std::fs::read(shared().join("fixtures/matching/pypa-version-pairs.json.gz")).expect("fixture");
    let mut json = String::new();
    flate2::read::GzDecoder::new(gz.as_slice()).read_to_string(&mut json).expect("gzip");
    let facts: Vec<(String, String, String, bool)> = serde_json::from_str(&json).expect("facts");
    assert_eq!(facts.len(), 190_552);

    let t = std::time::Instant::now();
    let loaded = load(&shared().join("osv/PyPI/all.zip")).expect("PyPI advisories");
    let index = Index::new(loaded.advisories);
    println!("load {:?}", t.elapsed());

    let mut agree = 0usize;
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut disagreements = Vec::new();
    // Many facts share a (package, version): one query answers all of them.
    let mut queries: HashMap<(&str, &str), Vec<Match>> = HashMap::new();
    for (name, version, id, expected) in &facts {
        let matches = queries.entry((name, version)).or_insert_with(|| index.affected(Ecosystem::PyPI, name, version));
        let found = matches.iter().find(|m| m.id() == id);
        let got = found.is_some_and(|m| m.is_affected());
        if got == *expected {
            agree += 1;
        } else {
            disagreements
                .push(format!("{name} {version} {id}: expected {expected}, got {:?}", found.map(|m| &m.outcome)));
        }
        // What the ranges alone would say, for the record of the data's problems.
        if let Some(m) = found {
            match &m.outcome {
                MatchOutcome::Affected { evidence: Evidence::Listed { .. }, .. } => {
                    *kinds.entry("affected by the explicit list").or_default() += 1
                }
                MatchOutcome::Affected { evidence: Evidence::Range { beyond_list: true, .. }, .. } => {
                    *kinds.entry("affected above the list (open range)").or_default() += 1
                }
                MatchOutcome::Affected { .. } => *kinds.entry("affected by a range (no list)").or_default() += 1,
                MatchOutcome::Undecidable { .. } => *kinds.entry("undecidable").or_default() += 1,
            }
        }
        let advisory = index.get(id).expect("advisory of a fact");
        let in_ranges = advisory.affected.iter().any(|entry| {
            entry.normalized_name() == warden_core::normalize_name(Ecosystem::PyPI, name)
                && entry.ranges.iter().any(|r| match r {
                    warden_advisories::Range::Ordered(r) => {
                        warden_versions::parse(Ecosystem::PyPI, version).is_ok_and(|v| r.includes(&v))
                    }
                    _ => false,
                })
        });
        if *expected && !in_ranges {
            *kinds.entry("data problem: listed, but outside the entry's own ranges").or_default() += 1;
        }
        if !*expected && in_ranges {
            *kinds.entry("data problem: inside the ranges, not listed (pre-releases and others)").or_default() += 1;
        }
    }
    println!("match {:?}", t.elapsed());
    let share = agree as f64 * 100.0 / facts.len() as f64;
    println!("pypa version pairs: {agree} / {} agree ({share:.3}%)", facts.len());
    for (kind, n) in &kinds {
        println!("  {kind}: {n}");
    }
    assert!(
        disagreements.is_empty(),
        "{} unexplained disagreements:\n{}",
        disagreements.len(),
        disagreements.iter().take(50).cloned().collect::<Vec<_>>().join("\n")
    );
}
