//! # HTTP header injection
//!
//! ## What it finds
//! Attacker-controlled data written into a response header: `HttpServletResponse.setHeader`/`addHeader` and Spring
//! `HttpHeaders.add`/`set` (the `Location` header is reported as an open redirect instead).
//!
//! ## Why it matters
//! Line breaks in the value split the response: the caller adds headers or a body of their choice (cache poisoning,
//! XSS, session fixation).
//!
//! ## Example
//! ```java
//! String lang = request.getParameter("lang");
//! response.setHeader("Content-Language", lang);
//! ```
//!
//! ## Fix
//! Allow only known values:
//! ```java
//! response.setHeader("Content-Language", SUPPORTED.contains(lang) ? lang : "en");
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/113.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "header-injection",
    name: "HTTP header injection",
    cwes: &["CWE-113"],
    severity: Severity::Medium,
    tags: &["injection", "http"],
    remediation: "Validate header values against an allow-list, or strip CR/LF before setting them.",
    references: &["https://cwe.mitre.org/data/definitions/113.html"],
    checks: &[Check::Taint(Kind::Header)],
};
