//! # Log injection
//!
//! ## What it finds
//! Request data written to logs with winston, pino, bunyan, log4js, the Powertools `Logger`, `debug` or a `logger`
//! object, without removing line breaks. (Plain `console.*` output is Lambda's standard output and is not reported
//! as injection; the whole event or secrets written there are, by other detectors.)
//!
//! ## Why it matters
//! Line breaks in the value forge log entries in CloudWatch, which misleads investigations and log-based alerting.
//!
//! ## Example
//! ```javascript
//! const logger = require('pino')();
//! exports.handler = async (event) => {
//!   logger.warn('login failed for ' + event.queryStringParameters.user);
//! };
//! ```
//!
//! ## Fix
//! Remove line breaks first:
//! ```javascript
//!   logger.warn('login failed for ' + String(event.queryStringParameters.user).replace(/[\r\n]/g, ''));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/117.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "log-injection",
    name: "Log injection",
    cwes: &["CWE-117"],
    severity: Severity::Medium,
    tags: &["injection", "logging"],
    remediation: "Strip CR/LF from request data before logging it (`value.replace(/[\\r\\n]/g, '')`).",
    references: &["https://cwe.mitre.org/data/definitions/117.html"],
    checks: &[Check::Taint(Kind::Log)],
};
