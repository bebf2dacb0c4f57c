//! # AWS credentials written to logs
//!
//! ## What it finds
//! Secrets written to logs or standard output: AWS secret keys and session tokens (`getAWSSecretKey`,
//! `secretAccessKey()`, `getSessionToken`, `sessionToken()`), Secrets Manager values (`getSecretString`), passwords
//! (`getPassword()`), and environment variables whose names say they are secrets (`System.getenv("DB_PASSWORD")`).
//!
//! ## Why it matters
//! CloudWatch Logs are read by many more people and tools than the secret's owner; a logged key can be used until it
//! is rotated.
//!
//! ## Example
//! ```java
//! AwsCredentials creds = DefaultCredentialsProvider.create().resolveCredentials();
//! context.getLogger().log("using key " + creds.secretAccessKey());
//! ```
//!
//! ## Fix
//! Log only non-secret identifiers:
//! ```java
//! context.getLogger().log("using key id " + creds.accessKeyId());
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/532.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "aws-logged-credentials",
    name: "AWS credentials written to logs",
    cwes: &["CWE-255", "CWE-532"],
    severity: Severity::High,
    tags: &["secrets", "logging", "aws"],
    remediation: "Never log credentials, tokens or secret values; log an identifier (the access key id, the secret's name) instead.",
    references: &["https://cwe.mitre.org/data/definitions/532.html"],
    checks: &[Check::Taint(Kind::LoggedCredential)],
};
