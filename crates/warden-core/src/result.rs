use serde::{Deserialize, Serialize};

/// Inspector's coverage `scanStatus.reason` values that a single scan can end with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScanStatusCode {
    /// The scan ran; file errors, if any, are listed beside the packages.
    Successful,
    /// The artifact is malformed or hostile and was refused (zip bomb, unsafe path, corrupt archive, …).
    InvalidArtifact,
    /// Reading took longer than the time budget.
    ExtractionCollectionTimeLimitExceeded,
}

/// The outcome of a scan as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanStatus {
    pub status_code: ScanStatusCode,
    /// Why the artifact was refused, in words a user can act on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Every extractor that ran, with what it found and what it could not read.
    pub extractors: Vec<ExtractorStatus>,
    /// How packages were matched against advisories; absent when no matching ran (`--scanners inventory`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matching: Option<MatchingStatus>,
    /// What code scanning read and could not read; absent when it did not run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeStatus>,
    /// Present when the packages came from an SBOM (`warden scan --sbom`) rather than a deployment package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sbom: Option<SbomInput>,
}

/// The SBOM a scan read its packages from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SbomInput {
    /// The file as given.
    pub file: String,
    /// `CycloneDX`.
    pub format: String,
    /// The document's `specVersion` (`1.5`).
    pub spec_version: String,
    /// Components in the document, nested ones included.
    pub components: usize,
    /// Components that became packages.
    pub packages: usize,
    /// Components with a package URL that could not be used (none, unparsable, an ecosystem not matched); each
    /// reason is listed in `errors`.
    pub skipped: usize,
}

/// What matching the inventory against the advisory database did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchingStatus {
    /// The database directory.
    pub database: String,
    /// Advisories in it.
    pub advisories: usize,
    /// When it was imported (seconds since the Unix epoch).
    pub imported_at: u64,
    /// Packages with a pinned version, matched.
    pub packages_matched: usize,
    /// Packages without an exact version (a range, a git URL): not matched, so a gap to know about.
    pub unpinned: usize,
    /// Findings before `--severity` and `--ignore-file` filtered them.
    pub findings_total: usize,
    /// Findings removed by an `--ignore-file` entry.
    pub ignored: usize,
    /// Findings removed by `--severity`.
    pub filtered_by_severity: usize,
}

/// Why a package vulnerability finding exists: one per vulnerable package of the finding. Kept beside the finding
/// (the inspector2 `Finding` has no place for it), joined by `findingArn`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchExplanation {
    pub finding_arn: String,
    /// The finding's `vulnerabilityId`.
    pub vulnerability_id: String,
    /// The advisory that matched (`PYSEC-2020-96`).
    pub advisory_id: String,
    pub ecosystem: crate::Ecosystem,
    pub package: String,
    pub version: String,
    /// The extractor that found the package and the file it read.
    pub extractor: String,
    pub file_path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// The package name as the advisory writes it.
    pub advisory_package: String,
    /// What said "affected": `listed version 5.3`, `ECOSYSTEM range 0: introduced 0, fixed 5.4`.
    pub evidence: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_in: Option<String>,
}

/// An advisory that names an installed package but could not be evaluated against its version: never a finding,
/// never silently "not affected".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UndecidableMatch {
    pub advisory_id: String,
    pub ecosystem: crate::Ecosystem,
    pub package: String,
    pub version: String,
    pub extractor: String,
    pub file_path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    pub reason: String,
}

/// One extractor's part in a scan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtractorStatus {
    pub id: String,
    pub version: u32,
    pub files_read: usize,
    pub packages_found: usize,
    pub file_errors: Vec<FileError>,
}

/// A file that could not be read; its packages are missing from the inventory, so this is a visible gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileError {
    pub file_path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// The extractor that failed on it, or `artifact` for a file that could not be read at all.
    pub extractor: String,
    pub message: String,
}

/// What `warden scan` produces for one function: package vulnerability findings (with their explanations and the
/// matches that could not be decided), the inventory, file errors and the status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanResult {
    /// In the inspector2 `Finding` shape; empty when no matching ran.
    #[serde(default)]
    pub findings: Vec<crate::Finding>,
    /// Why each finding exists: one entry per vulnerable package.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanations: Vec<MatchExplanation>,
    /// Advisories that could not be evaluated against an installed version (always written: a gap to see).
    #[serde(default)]
    pub undecidable: Vec<UndecidableMatch>,
    pub packages: Vec<crate::Package>,
    pub errors: Vec<FileError>,
    /// Beside each code finding: its snippet, suggested fixes and taint trace (Inspector serves these through
    /// `BatchGetCodeSnippet`, not in the finding), joined by `findingArn`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<CodeFindingDetails>,
    pub status: ScanStatus,
}

/// What code scanning did.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeStatus {
    /// Source files analysed (the function's own code and its layers').
    pub files_analyzed: usize,
    pub lines_analyzed: usize,
    /// Source files left out as third-party (installed packages, `node_modules`, vendored gems, minified bundles);
    /// `--include-third-party` analyses them.
    pub third_party_skipped: usize,
    /// Detectors that ran.
    pub detectors: usize,
    /// Whether secrets in snippets were masked (the default; `--show-secrets` turns it off).
    pub secrets_redacted: bool,
    /// Files that could not be analysed (too large, too slow to parse, not UTF-8): a visible gap.
    pub file_errors: Vec<FileError>,
}

/// The parts of a code finding that are not in the finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeFindingDetails {
    pub finding_arn: String,
    /// What is wrong on these lines, in a sentence.
    pub message: String,
    pub code_snippet: Vec<CodeLine>,
    /// Up to 5.
    pub suggested_fixes: Vec<SuggestedFix>,
    /// For taint findings: where the data came from, each step, and the sink (oldest first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<TraceStep>,
}

/// One numbered line of a snippet (at most 20 lines of at most 240 characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeLine {
    pub number: u32,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedFix {
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// One step of a taint trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceStep {
    pub file_path: String,
    pub start_line: u32,
    pub end_line: u32,
    pub note: String,
}
