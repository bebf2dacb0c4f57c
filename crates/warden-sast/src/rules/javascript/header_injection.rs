//! # HTTP header injection
//!
//! ## What it finds
//! Request data used as a response header value: `res.setHeader`, `res.set`/`header`/`append`, `res.writeHead`, Koa
//! `ctx.set`, Fastify `reply.header`.
//!
//! ## Why it matters
//! Line breaks split the response, setting cookies or injecting content; other values poison caches.
//!
//! ## Example
//! ```javascript
//! app.get('/x', (req, res) => {
//!   res.setHeader('X-Lang', req.query.lang);
//! });
//! ```
//!
//! ## Fix
//! Allow only known values:
//! ```javascript
//!   res.setHeader('X-Lang', LANGS.includes(req.query.lang) ? req.query.lang : 'en');
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/113.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "header-injection",
    name: "HTTP header injection",
    cwes: &["CWE-113"],
    severity: Severity::Medium,
    tags: &["injection", "http"],
    remediation: "Validate header values against an allow-list or strip CR/LF before setting them.",
    references: &["https://cwe.mitre.org/data/definitions/113.html"],
    checks: &[Check::Taint(Kind::Header)],
};
