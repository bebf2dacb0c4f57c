//! # XML external entity
//!
//! ## What it finds
//! Request data parsed by `libxmljs`/`libxmljs2` `parseXml`/`parseXmlString` with `noent: true`, which expands
//! external entities.
//!
//! ## Why it matters
//! An external entity reads local files (`file:///proc/self/environ`) or makes the function fetch internal URLs.
//!
//! ## Example
//! ```javascript
//! exports.handler = async (event) => {
//!   const doc = libxmljs.parseXml(event.body, { noent: true });
//! };
//! ```
//!
//! ## Fix
//! Leave entity expansion off:
//! ```javascript
//!   const doc = libxmljs.parseXml(event.body);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/611.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "xml-external-entity",
    name: "XML external entity",
    cwes: &["CWE-611"],
    severity: Severity::High,
    tags: &["injection", "xml", "xxe"],
    remediation: "Parse XML without entity expansion (leave `noent` off in libxmljs) or use a parser that never resolves external entities.",
    references: &["https://cwe.mitre.org/data/definitions/611.html"],
    checks: &[Check::Taint(Kind::Xxe)],
};
