//! CVSS v4.0 scores: validated here, scored by the `cvss` crate.

use crate::CvssError;
use crate::vector::{self, MetricDef, base, optional};

/// FIRST, "Common Vulnerability Scoring System v4.0: Specification Document", section 7, table 23.
const METRICS: &[MetricDef] = &[
    base("AV", &["N", "A", "L", "P"]),
    base("AC", &["L", "H"]),
    base("AT", &["N", "P"]),
    base("PR", &["N", "L", "H"]),
    base("UI", &["N", "P", "A"]),
    base("VC", &["H", "L", "N"]),
    base("VI", &["H", "L", "N"]),
    base("VA", &["H", "L", "N"]),
    base("SC", &["H", "L", "N"]),
    base("SI", &["H", "L", "N"]),
    base("SA", &["H", "L", "N"]),
    optional("E", &["X", "A", "P", "U"]),
    optional("CR", &["X", "H", "M", "L"]),
    optional("IR", &["X", "H", "M", "L"]),
    optional("AR", &["X", "H", "M", "L"]),
    optional("MAV", &["X", "N", "A", "L", "P"]),
    optional("MAC", &["X", "L", "H"]),
    optional("MAT", &["X", "N", "P"]),
    optional("MPR", &["X", "N", "L", "H"]),
    optional("MUI", &["X", "N", "P", "A"]),
    optional("MVC", &["X", "H", "L", "N"]),
    optional("MVI", &["X", "H", "L", "N"]),
    optional("MVA", &["X", "H", "L", "N"]),
    optional("MSC", &["X", "H", "L", "N"]),
    optional("MSI", &["X", "S", "H", "L", "N"]),
    optional("MSA", &["X", "S", "H", "L", "N"]),
    optional("S", &["X", "N", "P"]),
    optional("AU", &["X", "N", "Y"]),
    optional("R", &["X", "A", "U", "I"]),
    optional("V", &["X", "D", "C"]),
    optional("RE", &["X", "L", "M", "H"]),
    optional("U", &["X", "Clear", "Green", "Amber", "Red"]),
];

/// The score of a whole `CVSS:4.0/…` vector (`metrics` is the part after the prefix).
pub(crate) fn score(vector: &str, metrics: &str) -> Result<f64, CvssError> {
    // The crate scores vectors with base metrics missing by panicking: only valid vectors reach it.
    vector::parse(metrics, "4.0", METRICS)?;
    let parsed: cvss::v4::Vector = vector.parse().map_err(|e: cvss::Error| CvssError::Scorer(e.to_string()))?;
    // Defence in depth: a panic in the crate on a vector that passed validation is an error, not a crash.
    let value = std::panic::catch_unwind(|| parsed.score().value())
        .map_err(|_| CvssError::Scorer("the scorer panicked".to_owned()))?;
    if value.is_finite() && (0.0..=10.0).contains(&value) {
        Ok(value)
    } else {
        Err(CvssError::Scorer(format!("score {value} is out of range")))
    }
}
