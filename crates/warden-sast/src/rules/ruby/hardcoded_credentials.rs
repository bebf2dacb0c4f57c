//! # Hardcoded credentials
//!
//! ## What it finds
//! Passwords, API keys, tokens and AWS access keys written in the source: string literals assigned to
//! credential-like names (`password = "…"`, `API_KEY = "…"`, `aws_secret_access_key: "…"`) and literals that look
//! like keys (`AKIA…`, private key blocks).
//!
//! ## Why it matters
//! Everyone who can read the package (developers, CI, anyone who gets the deployment ZIP or the image) has the
//! secret, and it cannot be rotated without a new deployment.
//!
//! ## Example
//! ```ruby
//! DB_PASSWORD = "s3cr3t-Pa55w0rd"
//!
//! def handler(event:, context:)
//!   PG.connect(host: ENV["DB_HOST"], password: DB_PASSWORD)
//! end
//! ```
//!
//! ## Fix
//! Read it at run time from a secret store:
//! ```ruby
//!   password = Aws::SecretsManager::Client.new.get_secret_value(secret_id: "db").secret_string
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/798.html
//! - https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "hardcoded-credentials",
    name: "Hardcoded credentials",
    cwes: &["CWE-798"],
    severity: Severity::Critical,
    tags: &["secrets", "credentials", "owasp-top10"],
    remediation: "Move the secret to AWS Secrets Manager or SSM Parameter Store (or an encrypted environment variable) and rotate it: it is in every copy of the package.",
    references: &[
        "https://cwe.mitre.org/data/definitions/798.html",
        "https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html",
    ],
    checks: &[Check::Secrets],
};
