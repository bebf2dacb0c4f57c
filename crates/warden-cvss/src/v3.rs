//! CVSS v3.0 and v3.1 base scores (FIRST, "Common Vulnerability Scoring System v3.1: Specification Document",
//! section 7.1 and Appendix A; v3.0 section 8.1).

use crate::CvssError;
use crate::vector::{self, MetricDef, base, optional};

/// Which v3 minor version: they share the base equations and differ in rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Minor {
    Zero,
    One,
}

const METRICS: &[MetricDef] = &[
    base("AV", &["N", "A", "L", "P"]),
    base("AC", &["L", "H"]),
    base("PR", &["N", "L", "H"]),
    base("UI", &["N", "R"]),
    base("S", &["U", "C"]),
    base("C", &["H", "L", "N"]),
    base("I", &["H", "L", "N"]),
    base("A", &["H", "L", "N"]),
    optional("E", &["X", "U", "P", "F", "H"]),
    optional("RL", &["X", "O", "T", "W", "U"]),
    optional("RC", &["X", "U", "R", "C"]),
    optional("CR", &["X", "L", "M", "H"]),
    optional("IR", &["X", "L", "M", "H"]),
    optional("AR", &["X", "L", "M", "H"]),
    optional("MAV", &["X", "N", "A", "L", "P"]),
    optional("MAC", &["X", "L", "H"]),
    optional("MPR", &["X", "N", "L", "H"]),
    optional("MUI", &["X", "N", "R"]),
    optional("MS", &["X", "U", "C"]),
    optional("MC", &["X", "N", "L", "H"]),
    optional("MI", &["X", "N", "L", "H"]),
    optional("MA", &["X", "N", "L", "H"]),
];

const CIA: &[(&str, f64)] = &[("H", 0.56), ("L", 0.22), ("N", 0.0)];

/// The base score of the metrics after `CVSS:3.x/`.
pub(crate) fn base_score(metrics: &str, minor: Minor) -> Result<f64, CvssError> {
    let version = match minor {
        Minor::Zero => "3.0",
        Minor::One => "3.1",
    };
    let m = vector::parse(metrics, version, METRICS)?;
    let changed = m.weight("S", &[("U", 0.0), ("C", 1.0)])? == 1.0;

    let av = m.weight("AV", &[("N", 0.85), ("A", 0.62), ("L", 0.55), ("P", 0.2)])?;
    let ac = m.weight("AC", &[("L", 0.77), ("H", 0.44)])?;
    let pr = if changed {
        m.weight("PR", &[("N", 0.85), ("L", 0.68), ("H", 0.5)])?
    } else {
        m.weight("PR", &[("N", 0.85), ("L", 0.62), ("H", 0.27)])?
    };
    let ui = m.weight("UI", &[("N", 0.85), ("R", 0.62)])?;
    let c = m.weight("C", CIA)?;
    let i = m.weight("I", CIA)?;
    let a = m.weight("A", CIA)?;

    let iss = 1.0 - ((1.0 - c) * (1.0 - i) * (1.0 - a));
    let impact = if changed { 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02).powf(15.0) } else { 6.42 * iss };
    let exploitability = 8.22 * av * ac * pr * ui;

    if impact <= 0.0 {
        return Ok(0.0);
    }
    let raw = if changed { (1.08 * (impact + exploitability)).min(10.0) } else { (impact + exploitability).min(10.0) };
    Ok(match minor {
        Minor::Zero => roundup_v30(raw),
        Minor::One => roundup_v31(raw),
    })
}

/// CVSS v3.0: "the smallest number, specified to one decimal place, that is equal to or higher than its input"
/// (as FIRST's v3.0 calculator computes it).
fn roundup_v30(input: f64) -> f64 {
    (input * 10.0).ceil() / 10.0
}

/// CVSS v3.1, Appendix A: `Roundup`, which first rounds to five decimals so that floating-point noise
/// (`4.000000000000001`) does not round up.
fn roundup_v31(input: f64) -> f64 {
    let int_input = (input * 100_000.0).round();
    if int_input % 10_000.0 == 0.0 { int_input / 100_000.0 } else { ((int_input / 10_000.0).floor() + 1.0) / 10.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundup_follows_appendix_a() {
        assert_eq!(roundup_v31(4.0), 4.0);
        assert_eq!(roundup_v31(4.02), 4.1);
        assert_eq!(roundup_v31(4.000_000_000_000_001), 4.0);
        assert_eq!(roundup_v30(4.02), 4.1);
        assert_eq!(roundup_v30(4.0), 4.0);
    }
}
