//! # AWS credentials written to logs
//!
//! ## What it finds
//! AWS credentials and other secrets written to logs: `ENV["AWS_SECRET_ACCESS_KEY"]`, `ENV["AWS_SESSION_TOKEN"]`,
//! passwords and tokens from the environment, or `credentials.secret_access_key` of an SDK credentials object
//! passed to `puts`, `Logger` or `Rails.logger`.
//!
//! ## Why it matters
//! Logs are read by many more people and systems than the function's configuration; a logged key gives its holder
//! the function's permissions.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   puts "using key #{ENV['AWS_SECRET_ACCESS_KEY']}"
//! end
//! ```
//!
//! ## Fix
//! Log that a credential is present, not its value:
//! ```ruby
//!   puts "using key id #{ENV['AWS_ACCESS_KEY_ID']&.slice(0, 4)}…"
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/532.html
//! - https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "aws-logged-credentials",
    name: "AWS credentials written to logs",
    cwes: &["CWE-255", "CWE-532"],
    severity: Severity::High,
    tags: &["secrets", "credentials", "logging"],
    remediation: "Never log secrets; log the name of the credential or a short fingerprint instead.",
    references: &[
        "https://cwe.mitre.org/data/definitions/532.html",
        "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html",
    ],
    checks: &[Check::Taint(Kind::LoggedCredential)],
};
