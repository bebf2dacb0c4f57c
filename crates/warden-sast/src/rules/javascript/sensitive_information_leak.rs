//! # Sensitive information leak
//!
//! ## What it finds
//! The whole Lambda event written to the logs (`console.log(event)`, `console.log(JSON.stringify(event))`,
//! `logger.info(\`event: ${JSON.stringify(event)}\`)`).
//!
//! ## Why it matters
//! Events carry authorization headers, cookies, tokens and personal data; CloudWatch Logs keep them for anyone
//! with read access to the log group.
//!
//! ## Example
//! ```javascript
//! exports.handler = async (event) => {
//!   console.log('received', JSON.stringify(event));
//! };
//! ```
//!
//! ## Fix
//! Log only the fields you need:
//! ```javascript
//!   console.log('received', { path: event.rawPath, requestId: event.requestContext?.requestId });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/532.html
//! - https://cwe.mitre.org/data/definitions/200.html

use crate::lang::Lang;
use crate::rules::Rule;
use warden_core::Severity;

/// Found by the engine's log checks (the whole event reaching a log call).
pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "sensitive-information-leak",
    name: "Sensitive information leak",
    cwes: &["CWE-200", "CWE-532"],
    severity: Severity::Medium,
    tags: &["logging", "privacy"],
    remediation: "Log selected, non-sensitive fields of the event instead of the whole event.",
    references: &["https://cwe.mitre.org/data/definitions/532.html"],
    checks: &[],
};
