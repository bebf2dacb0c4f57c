//! # XPath injection
//!
//! ## What it finds
//! An XPath expression built from request data and evaluated with `xpath.select`/`select1`/`evaluate`, libxmljs
//! `find`/`get`, or `fontoxpath`.
//!
//! ## Why it matters
//! Quotes and `or` clauses in the value change the query, exposing other nodes of the document or bypassing checks.
//!
//! ## Example
//! ```javascript
//! const nodes = xpath.select(`//user[name='${req.query.name}']`, doc);
//! ```
//!
//! ## Fix
//! Allow only known values:
//! ```javascript
//! if (!/^[a-z0-9_]+$/.test(name)) throw new Error('bad name');
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/643.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "xpath-injection",
    name: "XPath injection",
    cwes: &["CWE-643"],
    severity: Severity::High,
    tags: &["injection", "xpath"],
    remediation: "Do not build XPath expressions from input: validate the value against an allow-list or select nodes and compare values in code.",
    references: &["https://cwe.mitre.org/data/definitions/643.html"],
    checks: &[Check::Taint(Kind::Xpath)],
};
