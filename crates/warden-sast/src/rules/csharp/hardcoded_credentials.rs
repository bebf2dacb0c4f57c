//! # Hardcoded credentials
//!
//! ## What it finds
//! Passwords, API keys, AWS access keys, tokens and private keys written in the source: string constants assigned
//! to fields, properties or variables with credential names, connection strings with passwords, key literals.
//!
//! ## Why it matters
//! Anyone with the deployment package or the repository has the secret, and it cannot be rotated without a deploy.
//!
//! ## Example
//! ```csharp
//! private const string DbPassword = "Sup3rS3cret!";
//! ```
//!
//! ## Fix
//! ```csharp
//! var secret = await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "db" });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/798.html
//! - https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "hardcoded-credentials",
    name: "Hardcoded credentials",
    cwes: &["CWE-798"],
    severity: Severity::Critical,
    tags: &["secrets"],
    remediation: "Load secrets at run time from AWS Secrets Manager or SSM Parameter Store (SecureString) and rotate the leaked ones.",
    references: &[
        "https://cwe.mitre.org/data/definitions/798.html",
        "https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html",
    ],
    checks: &[Check::Secrets],
};
