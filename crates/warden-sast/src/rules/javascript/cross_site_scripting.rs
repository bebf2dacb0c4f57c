//! # Cross-site scripting
//!
//! ## What it finds
//! Request data written into an HTML response: Express `res.send`/`res.write`/`res.end` with a string, Node `http`
//! responses, Hapi `h.response`, and Lambda proxy responses whose `Content-Type` is `text/html`.
//!
//! ## Why it matters
//! Script in the value runs in the visitor's browser with the site's origin: session theft, actions on the user's
//! behalf.
//!
//! ## Example
//! ```javascript
//! app.get('/hello', (req, res) => {
//!   res.send(`<h1>Hello ${req.query.name}</h1>`);
//! });
//! ```
//!
//! ## Fix
//! Escape the value:
//! ```javascript
//!   res.send(`<h1>Hello ${escapeHtml(req.query.name)}</h1>`);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/79.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "cross-site-scripting",
    name: "Cross-site scripting",
    cwes: &["CWE-79"],
    severity: Severity::High,
    tags: &["injection", "xss", "owasp-top10"],
    remediation: "Escape request data for HTML (`escape-html`, `he.encode`) or render it through a template engine that escapes by default; return JSON for APIs.",
    references: &["https://cwe.mitre.org/data/definitions/79.html"],
    checks: &[Check::Taint(Kind::Xss)],
};
