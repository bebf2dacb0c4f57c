//! # Open redirect
//!
//! ## What it finds
//! A redirect target taken from request data: Express `res.redirect`/`res.location`, Koa `ctx.redirect`, Fastify
//! `reply.redirect`, `NextResponse.redirect`, a `Location` header, or a Lambda proxy response with a `Location`
//! header.
//!
//! ## Why it matters
//! Links on the trusted domain send users to a phishing site.
//!
//! ## Example
//! ```javascript
//! app.get('/login', (req, res) => {
//!   res.redirect(req.query.next);
//! });
//! ```
//!
//! ## Fix
//! Allow only local paths:
//! ```javascript
//!   const next = req.query.next;
//!   res.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/601.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "open-redirect",
    name: "Open redirect",
    cwes: &["CWE-601"],
    severity: Severity::Medium,
    tags: &["redirect"],
    remediation: "Redirect only to relative paths or to URLs whose host is on an allow-list.",
    references: &["https://cwe.mitre.org/data/definitions/601.html"],
    checks: &[Check::Taint(Kind::Redirect)],
};
