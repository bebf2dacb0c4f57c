//! Agreement with an independent implementation: Red Hat's Python `cvss` library (3.6), whose scores for
//! every CVSS v2.0 base vector, every v3.0 and v3.1 base vector, every vector of the shared OSV snapshot and 6,000
//! seeded-random v4.0 vectors are in `fixtures/reference-scores.tsv.gz` (made by
//! `fixtures/generate-reference.py`). Every line must agree exactly: same score, or both refuse the vector.
//!
//! `WARDEN_CVSS_EXTRA_REFERENCE=FILE.tsv[.gz]` checks a further file of the same format as well (for one-off
//! sweeps too large to keep, such as all 104,976 CVSS v4.0 base vectors).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use flate2::read::GzDecoder;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

fn read(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        GzDecoder::new(bytes.as_slice()).read_to_string(&mut text).expect("gunzip");
        text
    } else {
        String::from_utf8(bytes).expect("UTF-8")
    }
}

/// Per version, how many lines agree; panics listing every disagreement.
fn check(text: &str) -> BTreeMap<&'static str, usize> {
    let mut per_version: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for line in text.lines() {
        let (vector, expected) = line.split_once('\t').expect("vector<TAB>score");
        let ours = warden_cvss::score(vector);
        match (expected, &ours) {
            ("invalid", Err(_)) => *per_version.entry("refused by both").or_default() += 1,
            ("invalid", Ok(s)) => {
                disagreements.push(format!("{vector}: reference refuses it, we score {}", s.base_score))
            }
            (number, Ok(s)) if number.parse::<f64>().ok() == Some(s.base_score) => {
                *per_version.entry(s.version.as_str()).or_default() += 1
            }
            (number, _) => disagreements.push(format!("{vector}: reference {number}, we {ours:?}")),
        }
    }
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
    per_version
}

#[test]
fn scores_agree_with_red_hat_cvss() {
    let text = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference-scores.tsv.gz"));
    let per_version = check(&text);
    println!("agreement with Red Hat cvss 3.6: {per_version:?}");
    assert_eq!(per_version.get("2.0"), Some(&729));
    assert!(per_version.get("3.0").is_some_and(|n| *n >= 2592));
    assert!(per_version.get("3.1").is_some_and(|n| *n >= 2592));
    assert!(per_version.get("4.0").is_some_and(|n| *n >= 6000));

    if let Some(extra) = std::env::var_os("WARDEN_CVSS_EXTRA_REFERENCE") {
        let text = read(Path::new(&extra));
        println!("agreement on {}: {:?}", Path::new(&extra).display(), check(&text));
    }
}
