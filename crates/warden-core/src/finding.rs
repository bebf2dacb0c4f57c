//! Amazon Inspector's `Finding`, exactly as the `inspector2` API serialises it.
//!
//! Every struct here mirrors one shape of the `inspector2` service model (the `service-2.json` that ships in the
//! `botocore` wheel): member names are the model's (camelCase, and `Url` with a capital U in [`Recommendation`]),
//! required members are plain fields, optional members are `Option`s (or lists and maps left out when empty) that
//! are skipped when absent, and timestamps are [`Timestamp`]s: epoch seconds, as the AWS JSON protocols send
//! them. `tests/finding_shape.rs` checks every serialised member against the model itself.
//!
//! Only what Lambda scanning produces is modelled: EC2, ECR, code-repository and other-cloud members of the model
//! (`networkReachabilityDetails`, `resources[].details.awsEc2Instance`, `provider`, …) and the runtime-reachability
//! members of `VulnerablePackage` are left out. The OS-package members of [`VulnerablePackage`] (`epoch`,
//! `release`, `arch`, `sourceLayerHash`) are kept so that any Inspector package finding parses; Lambda scans leave
//! them empty.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

/// Defines a string enum of the service model: serde names, `ALL`, `as_str`, `Display` and a case-insensitive
/// `FromStr`.
macro_rules! api_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The value as the API spells it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::finding::UnknownValue;

            /// The API spelling, ignoring ASCII case (`high` reads as `HIGH`).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(s)).ok_or_else(|| {
                    $crate::finding::UnknownValue { kind: stringify!($name), value: s.to_owned() }
                })
            }
        }
    };
}

mod arn;
mod code;
mod package;
mod resource;

pub use arn::{finding_arn, siphash24_128};
pub use code::{CodeFilePath, CodeVulnerabilityDetails};
pub use package::{CvssScore, PackageVulnerabilityDetails, VulnerablePackage};
pub use resource::{
    Architecture, AwsLambdaFunctionDetails, LambdaVpcConfig, PackageType, Resource, ResourceDetails, ResourceType,
    Runtime,
};

/// A string that is not one of the values an API enum allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// The enum's name (`Severity`).
    pub kind: &'static str,
    pub value: String,
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} value {:?}", self.kind, self.value)
    }
}

impl std::error::Error for UnknownValue {}

api_enum! {
    /// A finding's severity. Ordered from least to most severe, with `UNTRIAGED` (no source scored it) lowest, so
    /// that `severity >= Severity::High` reads naturally; [`Severity::RANKED`] lists them most severe first.
    #[derive(PartialOrd, Ord)]
    pub enum Severity {
        Untriaged = "UNTRIAGED",
        Informational = "INFORMATIONAL",
        Low = "LOW",
        Medium = "MEDIUM",
        High = "HIGH",
        Critical = "CRITICAL",
    }
}

impl Severity {
    /// Most severe first, as reports list them.
    pub const RANKED: [Severity; 6] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Informational,
        Severity::Untriaged,
    ];
}

api_enum! {
    /// `ACTIVE` while seen, `SUPPRESSED` by a suppression rule, `CLOSED` when a rescan no longer sees it.
    pub enum FindingStatus {
        Active = "ACTIVE",
        Suppressed = "SUPPRESSED",
        Closed = "CLOSED",
    }
}

api_enum! {
    /// What kind of problem a finding reports. Warden produces the package and code kinds;
    /// `NETWORK_REACHABILITY` (EC2 only) is listed so that every value the API accepts parses.
    pub enum FindingType {
        NetworkReachability = "NETWORK_REACHABILITY",
        PackageVulnerability = "PACKAGE_VULNERABILITY",
        CodeVulnerability = "CODE_VULNERABILITY",
    }
}

api_enum! {
    /// Whether upgrading fixes the finding: `YES` for every vulnerable package, `PARTIAL` for some, `NO` for none.
    pub enum FixAvailable {
        Yes = "YES",
        No = "NO",
        Partial = "PARTIAL",
    }
}

api_enum! {
    /// Whether a public exploit is known.
    pub enum ExploitAvailable {
        Yes = "YES",
        No = "NO",
    }
}

/// A point in time as the AWS JSON protocols send it: seconds since the Unix epoch, as a JSON number (whole
/// seconds are written without a fraction, `1700000000`; sub-second values keep theirs, `1700000000.25`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Timestamp(f64);

impl Timestamp {
    /// A time from epoch seconds; a non-finite value (NaN, infinity) becomes the epoch itself.
    pub fn from_epoch_seconds(seconds: f64) -> Self {
        Timestamp(if seconds.is_finite() { seconds } else { 0.0 })
    }

    /// Epoch seconds, fractions allowed.
    pub fn epoch_seconds(self) -> f64 {
        self.0
    }

    /// The current time, to the millisecond (as Inspector reports it).
    pub fn now() -> Self {
        Self::from(SystemTime::now())
    }
}

impl From<SystemTime> for Timestamp {
    fn from(time: SystemTime) -> Self {
        let seconds = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => after.as_millis() as f64 / 1000.0,
            Err(before) => -(before.duration().as_millis() as f64) / 1000.0,
        };
        Timestamp(seconds)
    }
}

impl From<i64> for Timestamp {
    fn from(seconds: i64) -> Self {
        Timestamp(seconds as f64)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Whole seconds within the range an f64 holds exactly are written as integers.
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if self.0.fract() == 0.0 && self.0.abs() < EXACT {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let seconds = f64::deserialize(deserializer)?;
        if seconds.is_finite() {
            Ok(Timestamp(seconds))
        } else {
            Err(serde::de::Error::custom("a timestamp must be a finite number of epoch seconds"))
        }
    }
}

impl FromStr for Timestamp {
    type Err = std::num::ParseFloatError;

    /// Epoch seconds as text (`1700000000`, `1700000000.25`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim().parse::<f64>().map(Timestamp::from_epoch_seconds)
    }
}

/// One finding, in the `inspector2` `Finding` shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// `arn:aws:inspector2:<region>:<account>:finding/<32 hex>`, stable across rescans: see [`finding_arn`].
    pub finding_arn: String,
    pub aws_account_id: String,
    #[serde(rename = "type")]
    pub finding_type: FindingType,
    pub description: String,
    /// `"CVE-2023-30861 - flask"`, `"CWE-798 - Hardcoded credentials"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub remediation: Remediation,
    pub severity: Severity,
    pub first_observed_at: Timestamp,
    pub last_observed_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    pub status: FindingStatus,
    /// The affected function (the model allows 1–10 resources).
    pub resources: Vec<Resource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspector_score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspector_score_details: Option<InspectorScoreDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_vulnerability_details: Option<PackageVulnerabilityDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix_available: Option<FixAvailable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exploit_available: Option<ExploitAvailable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exploitability_details: Option<ExploitabilityDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_vulnerability_details: Option<CodeVulnerabilityDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epss: Option<EpssDetails>,
}

/// How to fix a finding.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Remediation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<Recommendation>,
}

/// The fix in words, with a link; the model spells the link member `Url`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Recommendation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(rename = "Url", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// How `inspectorScore` was derived from a CVSS score.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InspectorScoreDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjusted_cvss: Option<CvssScoreDetails>,
}

/// The CVSS score Inspector based its own score on, with any adjustments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CvssScoreDetails {
    /// Who scored it (`NVD`, `GHSA`, …).
    pub score_source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cvss_source: Option<String>,
    /// `3.1`, `3.0`, `4.0`, `2.0`.
    pub version: String,
    pub score: f64,
    pub scoring_vector: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<CvssScoreAdjustment>,
}

/// One metric Inspector changed when adjusting a CVSS score, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CvssScoreAdjustment {
    pub metric: String,
    pub reason: String,
}

/// The Exploit Prediction Scoring System score (0–1).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EpssDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// When an exploit was last seen in the wild.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExploitabilityDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_known_exploit_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_orders_and_parses() {
        assert!(Severity::Critical > Severity::High);
        assert!(Severity::Informational > Severity::Untriaged);
        assert_eq!("high".parse::<Severity>(), Ok(Severity::High));
        assert_eq!("UNTRIAGED".parse::<Severity>(), Ok(Severity::Untriaged));
        assert!("SEVERE".parse::<Severity>().is_err());
        let mut ranked = Severity::RANKED;
        ranked.sort();
        ranked.reverse();
        assert_eq!(ranked, Severity::RANKED);
    }

    #[test]
    fn timestamps_are_epoch_seconds() {
        assert_eq!(serde_json::to_string(&Timestamp::from(1_700_000_000)).ok().as_deref(), Some("1700000000"));
        assert_eq!(
            serde_json::to_string(&Timestamp::from_epoch_seconds(1_700_000_000.25)).ok().as_deref(),
            Some("1700000000.25")
        );
        let back: Result<Timestamp, _> = serde_json::from_str("1700000000.5");
        assert_eq!(back.ok(), Some(Timestamp::from_epoch_seconds(1_700_000_000.5)));
        assert_eq!(Timestamp::from_epoch_seconds(f64::NAN), Timestamp::default());
    }

    #[test]
    fn recommendation_url_has_a_capital_u() {
        let r = Recommendation { text: Some("Upgrade".into()), url: Some("https://example.com".into()) };
        assert_eq!(
            serde_json::to_string(&r).ok().as_deref(),
            Some(r#"{"text":"Upgrade","Url":"https://example.com"}"#)
        );
    }
}
