//! # Log injection
//!
//! ## What it finds
//! Attacker-controlled data written to a logger (SLF4J, Log4j, java.util.logging, Commons Logging) without removing
//! line breaks. Standard output and the Lambda logger are not reported here.
//!
//! ## Why it matters
//! Line breaks in the value let the caller forge log entries, hide their activity or inject content into log viewers.
//!
//! ## Example
//! ```java
//! String user = request.getParameter("user");
//! log.info("login failed for " + user);
//! ```
//!
//! ## Fix
//! Remove line breaks (or encode) before logging:
//! ```java
//! log.info("login failed for {}", user.replaceAll("[\\r\\n]", "_"));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/117.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "log-injection",
    name: "Log injection",
    cwes: &["CWE-117"],
    severity: Severity::Medium,
    tags: &["injection", "logging"],
    remediation: "Strip or encode CR/LF from request data before logging it, or use a structured (JSON) log layout that escapes values.",
    references: &["https://cwe.mitre.org/data/definitions/117.html"],
    checks: &[Check::Taint(Kind::Log)],
};
