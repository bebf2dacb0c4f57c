//! # AWS credentials written to logs
//!
//! ## What it finds
//! AWS credentials (`GetCredentials()`, `SecretAccessKey`, `SessionToken`), Secrets Manager values
//! (`SecretString`) or secret environment variables (`AWS_SECRET_ACCESS_KEY`, `DB_PASSWORD`, …) written to logs.
//!
//! ## Why it matters
//! CloudWatch Logs are read by many more people and tools than the secret's own store: the secret leaks.
//!
//! ## Example
//! ```csharp
//! var creds = FallbackCredentialsFactory.GetCredentials().GetCredentials();
//! context.Logger.LogLine($"using key {creds.AccessKey} / {creds.SecretKey}");
//! ```
//!
//! ## Fix
//! Log that credentials were loaded, not their values.
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/532.html
//! - https://cwe.mitre.org/data/definitions/255.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "aws-logged-credentials",
    name: "AWS credentials written to logs",
    cwes: &["CWE-532"],
    severity: Severity::High,
    tags: &["secrets", "logging", "aws"],
    remediation: "Never log credentials or secret values; log their names or a fingerprint instead.",
    references: &["https://cwe.mitre.org/data/definitions/532.html", "https://cwe.mitre.org/data/definitions/255.html"],
    checks: &[Check::Taint(Kind::LoggedCredential)],
};
