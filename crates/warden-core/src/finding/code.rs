//! `codeVulnerabilityDetails`: a flaw in the function's own code.

use serde::{Deserialize, Serialize};

/// What a code detector found, and where. The snippet and suggested fixes are not part of the finding: the API
/// serves them separately (`BatchGetCodeSnippet`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeVulnerabilityDetails {
    pub file_path: CodeFilePath,
    /// Up to 10.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detector_tags: Vec<String>,
    /// Up to 10.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_urls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_id: Option<String>,
    /// The layer version the file came from; absent for the function's own code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_lambda_layer_arn: Option<String>,
    /// `python/hardcoded-credentials@v1.0`.
    pub detector_id: String,
    pub detector_name: String,
    /// `["CWE-798"]`: 1 to 10.
    pub cwes: Vec<String>,
}

/// A span of lines in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeFilePath {
    /// The file's name alone (`app.py`).
    pub file_name: String,
    /// Its path as the function sees it (`/var/task/app.py`).
    pub file_path: String,
    /// 1-based, inclusive.
    pub start_line: u32,
    /// 1-based, inclusive.
    pub end_line: u32,
}
