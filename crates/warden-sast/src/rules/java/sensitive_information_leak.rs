//! # Sensitive information leak
//!
//! ## What it finds
//! A Lambda handler that writes its whole event to the logs (`context.getLogger().log("" + event)`,
//! `System.out.println(event)`, `log.info(gson.toJson(event))`).
//!
//! ## Why it matters
//! Events carry headers, tokens, cookies and personal data; logging them whole copies all of it into CloudWatch Logs.
//!
//! ## Example
//! ```java
//! public String handleRequest(APIGatewayProxyRequestEvent event, Context context) {
//!     context.getLogger().log("received " + event);
//! ```
//!
//! ## Fix
//! Log only the fields you need:
//! ```java
//!     context.getLogger().log("received request " + event.getRequestContext().getRequestId());
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/532.html

use crate::lang::Lang;
use crate::rules::Rule;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "sensitive-information-leak",
    name: "Sensitive information leak",
    cwes: &["CWE-200", "CWE-532"],
    severity: Severity::Medium,
    tags: &["logging", "privacy"],
    remediation: "Log selected, non-sensitive fields of the event (a request id, a record count) instead of the whole event.",
    references: &["https://cwe.mitre.org/data/definitions/532.html"],
    checks: &[],
};
