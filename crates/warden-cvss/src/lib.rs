//! CVSS scores from vector strings, and Amazon Inspector's severity from a score.
//!
//! - **CVSS v3.0 and v3.1** base scores are computed here, exactly as the FIRST specifications define them
//!   (section 7.1 of each), including v3.1's floating-point-safe `Roundup` (Appendix A); v3.0 keeps its own
//!   "round up to one decimal". For every one of the 2,592 base vectors the two rules give the same score.
//! - **CVSS v2.0** base scores are computed here from the v2 guide (section 3.2.1).
//! - **CVSS v4.0** scores come from the [`cvss`] crate (RustSec), whose MacroVector tables and interpolation follow
//!   FIRST's reference calculator. Vectors are validated here first, because that crate accepts vectors with
//!   base metrics missing and then panics while scoring them.
//!
//! Vectors are untrusted input (advisory data): anything malformed is a [`CvssError`] with its reason, never a
//! panic and never a made-up score. Parsing is strict: the prefix, metric names and values are case-sensitive as
//! in the specifications, every base metric must appear exactly once, and optional (temporal, threat,
//! environmental, supplemental) metrics must have valid values but do not change a v2 or v3 base score.
//!
//! `tests/reference.rs` checks every v2 and v3 base vector, and thousands of v4 vectors, against Red Hat's
//! Python `cvss` library; `tests/osv_sweep.rs` scores every vector in the shared OSV snapshot.

mod v2;
mod v3;
mod v4;
mod vector;

use std::fmt;
use warden_core::Severity;

/// Vectors longer than this are refused: the longest valid one (CVSS v4.0 with every optional metric) has
/// about 250 characters.
pub const MAX_VECTOR_LEN: usize = 1024;

/// A CVSS version that has a scoring formula here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CvssVersion {
    V2_0,
    V3_0,
    V3_1,
    V4_0,
}

impl CvssVersion {
    /// `2.0`, `3.0`, `3.1`, `4.0`: the spelling of Inspector's `cvss[].version`.
    pub fn as_str(self) -> &'static str {
        match self {
            CvssVersion::V2_0 => "2.0",
            CvssVersion::V3_0 => "3.0",
            CvssVersion::V3_1 => "3.1",
            CvssVersion::V4_0 => "4.0",
        }
    }

    /// Which score [`best`] prefers: lower is better. v3.1, then v3.0, then v4.0, then v2.0.
    pub fn preference(self) -> u8 {
        match self {
            CvssVersion::V3_1 => 0,
            CvssVersion::V3_0 => 1,
            CvssVersion::V4_0 => 2,
            CvssVersion::V2_0 => 3,
        }
    }
}

impl fmt::Display for CvssVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A vector and its score.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub version: CvssVersion,
    /// The base score (0.0–10.0, one decimal). For CVSS v4.0, the score of the whole vector (CVSS-B when it has
    /// only base metrics, CVSS-BT with threat metrics, …), as sources publish it.
    pub base_score: f64,
    /// The vector as given, without surrounding whitespace.
    pub vector: String,
}

impl Score {
    /// Inspector's severity for this score.
    pub fn severity(&self) -> Severity {
        severity_of(Some(self.base_score))
    }
}

/// Why a vector has no score.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CvssError {
    #[error("the vector is empty")]
    Empty,
    #[error("the vector is {0} bytes long, more than the {MAX_VECTOR_LEN} allowed")]
    TooLong(usize),
    #[error("unsupported CVSS version {0:?} (supported: 2.0 without a prefix, CVSS:3.0, CVSS:3.1, CVSS:4.0)")]
    UnsupportedVersion(String),
    #[error("malformed component {0:?} (expected METRIC:VALUE)")]
    MalformedComponent(String),
    #[error("unknown metric {metric:?} in a CVSS {version} vector")]
    UnknownMetric { version: &'static str, metric: String },
    #[error("invalid value {value:?} for {metric} (allowed: {allowed})")]
    InvalidValue { metric: &'static str, value: String, allowed: String },
    #[error("metric {0} appears more than once")]
    DuplicateMetric(&'static str),
    #[error("base metric {0} is missing")]
    MissingMetric(&'static str),
    #[error("the CVSS 4.0 scorer refused the vector: {0}")]
    Scorer(String),
}

impl CvssError {
    /// A short, stable name for the kind of error, for counting.
    pub fn kind(&self) -> &'static str {
        match self {
            CvssError::Empty => "empty",
            CvssError::TooLong(_) => "too-long",
            CvssError::UnsupportedVersion(_) => "unsupported-version",
            CvssError::MalformedComponent(_) => "malformed-component",
            CvssError::UnknownMetric { .. } => "unknown-metric",
            CvssError::InvalidValue { .. } => "invalid-value",
            CvssError::DuplicateMetric(_) => "duplicate-metric",
            CvssError::MissingMetric(_) => "missing-metric",
            CvssError::Scorer(_) => "scorer",
        }
    }
}

/// The score of a CVSS vector: `CVSS:3.1/…`, `CVSS:3.0/…`, `CVSS:4.0/…`, or a v2 vector (`AV:N/AC:L/Au:N/C:P/I:P/A:P`,
/// which has no prefix; NVD's parenthesised form `(AV:N/…)` is accepted too).
pub fn score(vector: &str) -> Result<Score, CvssError> {
    let trimmed = vector.trim();
    if trimmed.is_empty() {
        return Err(CvssError::Empty);
    }
    if trimmed.len() > MAX_VECTOR_LEN {
        return Err(CvssError::TooLong(trimmed.len()));
    }
    let (version, base_score) = match trimmed.strip_prefix("CVSS:") {
        Some(rest) => {
            let (version, metrics) = rest.split_once('/').unwrap_or((rest, ""));
            match version {
                "3.1" => (CvssVersion::V3_1, v3::base_score(metrics, v3::Minor::One)?),
                "3.0" => (CvssVersion::V3_0, v3::base_score(metrics, v3::Minor::Zero)?),
                "4.0" => (CvssVersion::V4_0, v4::score(trimmed, metrics)?),
                other => return Err(CvssError::UnsupportedVersion(vector::excerpt(other))),
            }
        }
        None => {
            let metrics = trimmed.strip_prefix('(').and_then(|s| s.strip_suffix(')')).unwrap_or(trimmed);
            (CvssVersion::V2_0, v2::base_score(metrics)?)
        }
    };
    Ok(Score { version, base_score, vector: trimmed.to_owned() })
}

/// Inspector's severity for a CVSS score: 0.0 → `INFORMATIONAL`, up to 3.9 → `LOW`, 4.0–6.9 → `MEDIUM`,
/// 7.0–8.9 → `HIGH`, 9.0–10.0 → `CRITICAL`; `UNTRIAGED` when there is no score (or it is not a number from 0 to 10).
pub fn severity_of(score: Option<f64>) -> Severity {
    match score {
        Some(s) if !(0.0..=10.0).contains(&s) => Severity::Untriaged,
        Some(0.0) => Severity::Informational,
        Some(s) if s < 4.0 => Severity::Low,
        Some(s) if s < 7.0 => Severity::Medium,
        Some(s) if s < 9.0 => Severity::High,
        Some(_) => Severity::Critical,
        None => Severity::Untriaged,
    }
}

/// The score Warden titles a finding by, from every vector the sources give: the first valid v3.1 vector, else
/// v3.0, else v4.0, else v2.0. Inspector rates package findings by the CVSS v3 base score; v4.0 ranks above v2.0
/// as the newer, better-defined of the two. Invalid vectors are skipped (score them one by one with [`score`] to
/// see why); `None` when none is valid.
pub fn best(vectors: &[&str]) -> Option<Score> {
    vectors
        .iter()
        .filter_map(|v| score(v).ok())
        .enumerate()
        .min_by_key(|(index, s)| (s.version.preference(), *index))
        .map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_thresholds() {
        assert_eq!(severity_of(None), Severity::Untriaged);
        assert_eq!(severity_of(Some(f64::NAN)), Severity::Untriaged);
        assert_eq!(severity_of(Some(-1.0)), Severity::Untriaged);
        assert_eq!(severity_of(Some(10.1)), Severity::Untriaged);
        assert_eq!(severity_of(Some(0.0)), Severity::Informational);
        assert_eq!(severity_of(Some(0.1)), Severity::Low);
        assert_eq!(severity_of(Some(3.9)), Severity::Low);
        assert_eq!(severity_of(Some(4.0)), Severity::Medium);
        assert_eq!(severity_of(Some(6.9)), Severity::Medium);
        assert_eq!(severity_of(Some(7.0)), Severity::High);
        assert_eq!(severity_of(Some(8.9)), Severity::High);
        assert_eq!(severity_of(Some(9.0)), Severity::Critical);
        assert_eq!(severity_of(Some(10.0)), Severity::Critical);
    }

    #[test]
    fn best_prefers_v3_1_then_v3_0_then_v4_then_v2() {
        let v2 = "AV:N/AC:L/Au:N/C:P/I:P/A:P";
        let v30 = "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        let v31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N";
        let v4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        let pick = |vs: &[&str]| best(vs).map(|s| s.vector);
        assert_eq!(pick(&[v2, v4, v30, v31]).as_deref(), Some(v31));
        assert_eq!(pick(&[v2, v4, v30]).as_deref(), Some(v30));
        assert_eq!(pick(&[v2, v4]).as_deref(), Some(v4));
        assert_eq!(pick(&[v2, "CVSS:3.1/AV:N"]).as_deref(), Some(v2));
        assert_eq!(pick(&["garbage", ""]), None);
        assert_eq!(pick(&[]), None);
        let second_v31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        assert_eq!(pick(&[v31, second_v31]).as_deref(), Some(v31), "the first of equals wins");
    }
}
