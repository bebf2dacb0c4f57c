//! CVSS v2.0 base scores (FIRST, "A Complete Guide to the Common Vulnerability Scoring System Version 2.0",
//! section 3.2.1).

use crate::CvssError;
use crate::vector::{self, MetricDef, base, optional};

const METRICS: &[MetricDef] = &[
    base("AV", &["L", "A", "N"]),
    base("AC", &["H", "M", "L"]),
    base("Au", &["M", "S", "N"]),
    base("C", &["N", "P", "C"]),
    base("I", &["N", "P", "C"]),
    base("A", &["N", "P", "C"]),
    optional("E", &["U", "POC", "F", "H", "ND"]),
    optional("RL", &["OF", "TF", "W", "U", "ND"]),
    optional("RC", &["UC", "UR", "C", "ND"]),
    optional("CDP", &["N", "L", "LM", "MH", "H", "ND"]),
    optional("TD", &["N", "L", "M", "H", "ND"]),
    optional("CR", &["L", "M", "H", "ND"]),
    optional("IR", &["L", "M", "H", "ND"]),
    optional("AR", &["L", "M", "H", "ND"]),
];

const CIA: &[(&str, f64)] = &[("N", 0.0), ("P", 0.275), ("C", 0.660)];

/// The base score of a v2 vector (no prefix, no parentheses).
pub(crate) fn base_score(metrics: &str) -> Result<f64, CvssError> {
    let m = vector::parse(metrics, "2.0", METRICS)?;
    let av = m.weight("AV", &[("L", 0.395), ("A", 0.646), ("N", 1.0)])?;
    let ac = m.weight("AC", &[("H", 0.35), ("M", 0.61), ("L", 0.71)])?;
    let au = m.weight("Au", &[("M", 0.45), ("S", 0.56), ("N", 0.704)])?;
    let c = m.weight("C", CIA)?;
    let i = m.weight("I", CIA)?;
    let a = m.weight("A", CIA)?;

    let impact = 10.41 * (1.0 - (1.0 - c) * (1.0 - i) * (1.0 - a));
    if impact == 0.0 {
        // f(Impact) = 0; written out so the score is 0.0 and not -0.0.
        return Ok(0.0);
    }
    let exploitability = 20.0 * av * ac * au;
    let raw = (0.6 * impact + 0.4 * exploitability - 1.5) * 1.176;
    // round_to_1_decimal (half away from zero; the raw score is positive here).
    Ok((raw * 10.0).round() / 10.0)
}
