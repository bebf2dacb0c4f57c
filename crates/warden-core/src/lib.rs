//! Warden's vocabulary: the types every other crate speaks, with no I/O.
//!
//! The shapes follow Amazon Inspector's `inspector2` API where one exists (package managers, ecosystems as OSV
//! names), so that a value can be serialised straight into an API response.

mod clock;
mod ecosystem;
mod finding;
mod names;
mod package;
mod purl;
mod result;

pub use clock::{civil_date, date_utc, now_epoch_seconds, rfc3339};
pub use ecosystem::{Ecosystem, PackageManager};
pub use finding::{
    Architecture, AwsLambdaFunctionDetails, CodeFilePath, CodeVulnerabilityDetails, CvssScore, CvssScoreAdjustment,
    CvssScoreDetails, EpssDetails, ExploitAvailable, ExploitabilityDetails, Finding, FindingStatus, FindingType,
    FixAvailable, InspectorScoreDetails, LambdaVpcConfig, PackageType, PackageVulnerabilityDetails, Recommendation,
    Remediation, Resource, ResourceDetails, ResourceType, Runtime, Severity, Timestamp, UnknownValue,
    VulnerablePackage, finding_arn, siphash24_128,
};
pub use names::normalize_name;
pub use package::Package;
pub use purl::purl;
pub use result::{
    CodeFindingDetails, CodeLine, CodeStatus, ExtractorStatus, FileError, MatchExplanation, MatchingStatus, SbomInput,
    ScanResult, ScanStatus, ScanStatusCode, SuggestedFix, TraceStep, UndecidableMatch,
};
