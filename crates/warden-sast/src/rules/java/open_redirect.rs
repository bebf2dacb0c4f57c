//! # Open redirect
//!
//! ## What it finds
//! A redirect to a URL taken from attacker-controlled data: `response.sendRedirect`, a `Location` header set with
//! `setHeader`/`addHeader`, Spring `RedirectView`, `HttpHeaders.setLocation` or a `"redirect:" + url` view name.
//!
//! ## Why it matters
//! A link on the trusted domain sends users to a phishing site, and OAuth flows can leak tokens to the attacker.
//!
//! ## Example
//! ```java
//! String next = request.getParameter("next");
//! response.sendRedirect(next);
//! ```
//!
//! ## Fix
//! Redirect only to known paths:
//! ```java
//! if (!ALLOWED_PATHS.contains(next)) next = "/";
//! response.sendRedirect(next);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/601.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "open-redirect",
    name: "Open redirect",
    cwes: &["CWE-601"],
    severity: Severity::Medium,
    tags: &["redirect"],
    remediation: "Redirect only to relative paths or to hosts on an allow-list.",
    references: &["https://cwe.mitre.org/data/definitions/601.html"],
    checks: &[Check::Taint(Kind::Redirect)],
};
