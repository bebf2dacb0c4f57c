//! # Credentials written to logs
//!
//! ## What it finds
//! AWS credentials (from `get_credentials()`, `get_secret_value`) or secrets read from the environment
//! (`*_PASSWORD`, `*_SECRET`, `*_TOKEN`, `*_API_KEY`) written to logs or standard output.
//!
//! ## Why it matters
//! CloudWatch Logs are read by many more people and systems than the secret was meant for.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     creds = boto3.Session().get_credentials()
//!     print("using", creds.secret_key)
//! ```
//!
//! ## Fix
//! Remove the secret from the log statement.
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/532.html
//! - https://cwe.mitre.org/data/definitions/255.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "aws-logged-credentials",
    name: "Credentials written to logs",
    cwes: &["CWE-255", "CWE-532"],
    severity: Severity::High,
    tags: &["secrets", "logging", "aws"],
    remediation: "Never log credentials; log the key id or a fingerprint if you must identify them.",
    references: &["https://cwe.mitre.org/data/definitions/532.html"],
    checks: &[Check::Taint(Kind::LoggedCredential)],
};
