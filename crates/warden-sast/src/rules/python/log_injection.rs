//! # Log injection
//!
//! ## What it finds
//! Attacker-controlled data written to a log with the `logging` module or a logger (`print` to standard output is
//! not reported).
//!
//! ## Why it matters
//! Line breaks in the input forge log entries, hiding an attack or framing someone else in CloudWatch Logs.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     logger.info("login failed for " + event["user"])
//! ```
//!
//! ## Fix
//! Strip line breaks:
//! ```python
//!     logger.info("login failed for %s", event["user"].replace("\n", ""))
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/117.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "log-injection",
    name: "Log injection",
    cwes: &["CWE-117"],
    severity: Severity::Medium,
    tags: &["injection", "logging"],
    remediation: "Remove or encode line breaks (value.replace('\n', '')) before logging input, or log it as a structured field (extra={...} with a JSON formatter).",
    references: &["https://cwe.mitre.org/data/definitions/117.html"],
    checks: &[Check::Taint(Kind::Log)],
};
