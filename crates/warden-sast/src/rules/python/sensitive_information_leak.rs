//! # Sensitive information leak
//!
//! ## What it finds
//! The whole Lambda event written to logs or standard output (`print(event)`, `logger.info(json.dumps(event))`).
//!
//! ## Why it matters
//! API Gateway events carry authorization headers, cookies and request bodies; logging them copies secrets and
//! personal data into CloudWatch Logs.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     print(json.dumps(event))
//! ```
//!
//! ## Fix
//! Log what you need:
//! ```python
//!     logger.info("request %s", event["requestContext"]["requestId"])
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/532.html
//! - https://cwe.mitre.org/data/definitions/200.html

use crate::lang::Lang;
use crate::rules::Rule;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "sensitive-information-leak",
    name: "Sensitive information leak",
    cwes: &["CWE-200", "CWE-532"],
    severity: Severity::Medium,
    tags: &["logging", "privacy"],
    remediation: "Log only the fields you need (a request id, a status); the event can hold tokens, passwords and personal data.",
    references: &["https://cwe.mitre.org/data/definitions/532.html"],
    checks: &[],
};
