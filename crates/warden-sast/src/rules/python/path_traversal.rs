//! # Path traversal
//!
//! ## What it finds
//! A file path built from attacker-controlled data (an S3 object key, a query parameter) and opened, written,
//! deleted or sent (`open`, `os.remove`, `shutil.*`, `pathlib.Path`, `send_file`, `tarfile`, boto3
//! `download_file`).
//!
//! ## Why it matters
//! `../` in the input reaches files outside the intended directory: the function's code, `/proc/self/environ`
//! with its credentials, other users' files in `/tmp`.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     key = event["Records"][0]["s3"]["object"]["key"]
//!     s3.download_file(BUCKET, key, "/tmp/" + key)
//! ```
//!
//! ## Fix
//! Keep only the file name:
//! ```python
//!     s3.download_file(BUCKET, key, os.path.join("/tmp", os.path.basename(key)))
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/22.html
//! - https://owasp.org/www-community/attacks/Path_Traversal

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "path-traversal",
    name: "Path traversal",
    cwes: &["CWE-22"],
    severity: Severity::High,
    tags: &["injection", "path", "owasp-top10"],
    remediation: "Reduce the name with os.path.basename (or werkzeug's secure_filename), or resolve the path and check that it stays under the base directory before opening it.",
    references: &["https://cwe.mitre.org/data/definitions/22.html"],
    checks: &[Check::Taint(Kind::Path)],
};
