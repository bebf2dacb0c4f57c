//! Every CVSS vector in the shared OSV snapshot (`../shared/osv/<Ecosystem>/all.zip`, `severity[].score` and
//! `affected[].severity[].score`) is scored or refused with a reason, without a panic; the counts per version and
//! per reason are printed. Where a record also states a score or a severity of its own, ours must agree:
//! - nodejs/security-wg records (`NSWG-ECO-*`) carry the source's `database_specific.cvss_score`;
//! - GitHub advisories (`GHSA-*`) carry `database_specific.severity` (`LOW`, `MODERATE`, `HIGH`, `CRITICAL`), which
//!   GitHub derives from the advisory's CVSS score.
//!
//! Disagreements are allowed only where [`KNOWN_DISAGREEMENTS`] explains them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use warden_core::Severity;
use warden_cvss::{CvssVersion, score, severity_of};

/// Records whose own score or severity differs from the one their vector gives, and why.
const KNOWN_DISAGREEMENTS: &[(&str, &str)] = &[
    ("NSWG-ECO-363", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-364", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-365", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-366", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-367", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-368", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-373", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-381", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-383", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-384", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-385", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-386", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-389", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-420", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-439", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-467", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-468", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-485", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-493", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-494", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-515", STATED_SCORE_IS_NOT_THE_VECTORS),
    ("NSWG-ECO-516", STATED_SCORE_IS_NOT_THE_VECTORS),
];

/// The nodejs/security-wg record's `cvss_score` is not the base score of its own `cvss_vector` (copied unchanged
/// into `severity[]`): Red Hat's `cvss` library scores these vectors as we do (they are among the OSV vectors of
/// `fixtures/reference-scores.tsv.gz`), e.g. NSWG-ECO-363 states 9.3 for `AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N`,
/// which is 7.5 (the Heartbleed vector). A data error in the source; the vector is what Warden trusts.
const STATED_SCORE_IS_NOT_THE_VECTORS: &str = "the source's cvss_score does not match its own vector";

fn osv_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/osv")
}

/// Every record of every `all.zip`, as (ecosystem, JSON).
fn records() -> Vec<(String, Value)> {
    let root = osv_dir();
    let mut zips: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e} (../shared must sit beside the checkout)", root.display()))
        .filter_map(Result::ok)
        .map(|e| e.path().join("all.zip"))
        .filter(|p| p.is_file())
        .collect();
    zips.sort();
    let mut out = Vec::new();
    for path in zips {
        let ecosystem =
            path.parent().and_then(Path::file_name).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).expect("open")).expect("a zip");
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).expect("entry");
            if !entry.name().is_ok_and(|n| n.ends_with(".json")) {
                continue;
            }
            let mut text = String::new();
            entry.read_to_string(&mut text).expect("UTF-8 JSON");
            out.push((ecosystem.clone(), serde_json::from_str(&text).expect("JSON")));
        }
    }
    out
}

/// The (type, score) of every severity entry of a record, top-level and per affected package.
fn severities(record: &Value) -> Vec<(String, String)> {
    let mut entries: Vec<&Value> = record["severity"].as_array().into_iter().flatten().collect();
    for affected in record["affected"].as_array().into_iter().flatten() {
        entries.extend(affected["severity"].as_array().into_iter().flatten());
    }
    entries
        .into_iter()
        .map(|e| (e["type"].as_str().unwrap_or("?").to_owned(), e["score"].as_str().unwrap_or_default().to_owned()))
        .collect()
}

fn expected_version(osv_type: &str) -> &'static [CvssVersion] {
    match osv_type {
        "CVSS_V2" => &[CvssVersion::V2_0],
        "CVSS_V3" => &[CvssVersion::V3_0, CvssVersion::V3_1],
        "CVSS_V4" => &[CvssVersion::V4_0],
        _ => &[],
    }
}

#[test]
fn every_osv_vector_scores_or_is_refused_with_a_reason() {
    let records = records();
    assert!(records.len() > 1000, "the snapshot looks empty: {} records", records.len());

    let mut per_version: BTreeMap<String, usize> = BTreeMap::new();
    let mut refused: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut type_mismatches = Vec::new();
    let mut checked_scores = 0usize;
    let mut checked_severities = 0usize;
    let mut disagreements = Vec::new();
    let mut set_aside_scored = Vec::new();

    for (ecosystem, record) in &records {
        let id = record["id"].as_str().unwrap_or("?");
        let mut scores = Vec::new();
        for (osv_type, vector) in severities(record) {
            match score(&vector) {
                Ok(s) => {
                    *per_version.entry(format!("{ecosystem} {}", s.version)).or_default() += 1;
                    *per_version.entry(format!("all {}", s.version)).or_default() += 1;
                    if !expected_version(&osv_type).contains(&s.version) {
                        type_mismatches.push(format!("{id}: {osv_type} holds a CVSS {} vector", s.version));
                    }
                    scores.push(s);
                }
                Err(e) => refused.entry(e.kind().to_owned()).or_default().push(format!("{id} {vector:?}: {e}")),
            }
        }

        let specific = &record["database_specific"];
        // Vectors a converter set aside (`cvss_vector_invalid`) are counted as well: they must be refused.
        for (key, value) in specific.as_object().into_iter().flatten() {
            if let (true, Some(vector)) = (key.contains("vector"), value.as_str()) {
                match score(vector) {
                    Ok(s) => set_aside_scored.push(format!("{id} {key} {vector:?}: {}", s.base_score)),
                    Err(e) => {
                        refused.entry(e.kind().to_owned()).or_default().push(format!("{id} {key} {vector:?}: {e}"))
                    }
                }
            }
        }
        // The source's own number, for the (single) v3 vector.
        if let Some(stated) = specific["cvss_score"].as_f64() {
            let v3: Vec<_> = scores.iter().filter(|s| s.version != CvssVersion::V4_0).collect();
            if let [only] = v3.as_slice() {
                checked_scores += 1;
                if only.base_score != stated {
                    disagreements
                        .push((id, format!("stated cvss_score {stated}, {} gives {}", only.vector, only.base_score)));
                }
            }
        }
        // GitHub's severity word, against the severity of the best vector.
        if id.starts_with("GHSA-")
            && let Some(word) = specific["severity"].as_str()
        {
            let theirs = match word {
                "MODERATE" => Severity::Medium,
                other => other.parse().unwrap_or(Severity::Untriaged),
            };
            let vectors: Vec<&str> = scores.iter().map(|s| s.vector.as_str()).collect();
            if let Some(best) = warden_cvss::best(&vectors) {
                checked_severities += 1;
                let ours = severity_of(Some(best.base_score));
                if ours != theirs {
                    disagreements
                        .push((id, format!("GitHub says {word}, {} gives {} ({ours})", best.vector, best.base_score)));
                }
            }
        }
    }

    println!("records: {}", records.len());
    for (version, n) in &per_version {
        println!("  scored {version}: {n}");
    }
    for (kind, items) in &refused {
        println!("  refused, {kind}: {}", items.len());
        for item in items {
            println!("    {item}");
        }
    }
    println!("  stated scores checked: {checked_scores}; GitHub severities checked: {checked_severities}");

    assert!(set_aside_scored.is_empty(), "vectors set aside as invalid score:\n{}", set_aside_scored.join("\n"));
    assert!(type_mismatches.is_empty(), "OSV type and vector disagree:\n{}", type_mismatches.join("\n"));
    let unexplained: Vec<String> = disagreements
        .iter()
        .filter(|(id, _)| !KNOWN_DISAGREEMENTS.iter().any(|(known, _)| known == id))
        .map(|(id, what)| format!("{id}: {what}"))
        .collect();
    for (id, what) in &disagreements {
        println!("  disagreement {id}: {what}");
    }
    assert!(unexplained.is_empty(), "unexplained disagreements:\n{}", unexplained.join("\n"));
    for (known, _) in KNOWN_DISAGREEMENTS {
        assert!(disagreements.iter().any(|(id, _)| id == known), "{known} is listed but agrees now");
    }
    assert!(checked_scores > 100, "too few stated scores to check: {checked_scores}");
    assert!(checked_severities > 20, "too few GitHub severities to check: {checked_severities}");
}
