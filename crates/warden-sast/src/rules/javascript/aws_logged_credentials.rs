//! # Credentials written to logs
//!
//! ## What it finds
//! AWS credentials and other secrets (`process.env.AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `DB_PASSWORD`,
//! `AWS.config.credentials`, Secrets Manager `getSecretValue` results) written to logs.
//!
//! ## Why it matters
//! CloudWatch Logs are read by many more people and systems than the function's role; logged keys can be replayed.
//!
//! ## Example
//! ```javascript
//! exports.handler = async () => {
//!   console.log('using key', process.env.AWS_SECRET_ACCESS_KEY);
//! };
//! ```
//!
//! ## Fix
//! Log that a key is present, not its value:
//! ```javascript
//!   console.log('using key', process.env.AWS_ACCESS_KEY_ID ? 'set' : 'missing');
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/532.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "aws-logged-credentials",
    name: "Credentials written to logs",
    cwes: &["CWE-255", "CWE-532"],
    severity: Severity::High,
    tags: &["secrets", "logging", "aws"],
    remediation: "Never log credentials: remove the value from the log call or log a redacted form.",
    references: &["https://cwe.mitre.org/data/definitions/532.html"],
    checks: &[Check::Taint(Kind::LoggedCredential)],
};
