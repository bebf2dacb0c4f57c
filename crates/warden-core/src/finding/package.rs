//! `packageVulnerabilityDetails`: the known vulnerability and the packages that carry it.

use super::Timestamp;
use crate::PackageManager;
use serde::{Deserialize, Serialize};

/// The vulnerability behind a `PACKAGE_VULNERABILITY` finding and every affected package of the function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageVulnerabilityDetails {
    /// `CVE-2023-30861`, or the advisory's own id (`GHSA-…`, `PYSEC-…`, `GO-…`, `RUSTSEC-…`) when it has no CVE.
    pub vulnerability_id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vulnerable_packages: Vec<VulnerablePackage>,
    /// Who published the vulnerability (`NVD`, `GITHUB_SECURITY_ADVISORY`, `OSV`, …).
    pub source: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cvss: Vec<CvssScore>,
    /// The other ids of the same vulnerability (aliases).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_vulnerabilities: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// The source's own severity word (`HIGH`, `MODERATE`, …), unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_severity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_created_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_updated_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_urls: Vec<String>,
}

/// One installed package that the vulnerability affects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VulnerablePackage {
    pub name: String,
    pub version: String,
    /// `sha256:<64 hex>` of the container layer (images only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_layer_hash: Option<String>,
    /// OS packages only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epoch: Option<i32>,
    /// OS packages only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    /// OS packages only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_manager: Option<PackageManager>,
    /// Where the package was found (`/var/task/…`, `/opt/…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_path: Option<String>,
    /// The lowest fixed version above the installed one; Inspector writes `NotAvailable` when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_in_version: Option<String>,
    /// What to do, in words (`Upgrade flask to 2.3.2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remediation: Option<String>,
    /// The layer version the package came from; absent for the function's own package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_lambda_layer_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purl: Option<String>,
}

impl VulnerablePackage {
    /// A package with only the two required members set.
    pub fn new(name: impl Into<String>, version: impl Into<String>) -> Self {
        VulnerablePackage {
            name: name.into(),
            version: version.into(),
            source_layer_hash: None,
            epoch: None,
            release: None,
            arch: None,
            package_manager: None,
            file_path: None,
            fixed_in_version: None,
            remediation: None,
            source_lambda_layer_arn: None,
            purl: None,
        }
    }
}

/// One CVSS score of the vulnerability, as a source published it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CvssScore {
    pub base_score: f64,
    pub scoring_vector: String,
    /// `3.1`, `3.0`, `4.0`, `2.0`.
    pub version: String,
    /// Who scored it (`NVD`, `GHSA`, …).
    pub source: String,
}
