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

/// What `warden scan` produces for one function: this is the inventory part (later parts add findings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanResult {
    pub packages: Vec<crate::Package>,
    pub errors: Vec<FileError>,
    pub status: ScanStatus,
}
