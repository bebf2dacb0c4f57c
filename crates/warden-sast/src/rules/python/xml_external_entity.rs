//! # XML external entity
//!
//! ## What it finds
//! Untrusted XML parsed by `xml.etree`, `xml.dom.minidom`, `xml.sax`, `xmltodict` or `lxml` without `defusedxml`,
//! and lxml parsers created with `resolve_entities=True`.
//!
//! ## Why it matters
//! External entities read local files and make network requests from the parser; entity expansion exhausts
//! memory.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     doc = lxml.etree.fromstring(event["body"])
//! ```
//!
//! ## Fix
//! Use defusedxml:
//! ```python
//!     doc = defusedxml.ElementTree.fromstring(event["body"])
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/611.html
//! - https://docs.python.org/3/library/xml.html#xml-vulnerabilities

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

/// `XMLParser(resolve_entities=True)` (lxml's default is to resolve them too, but a parser created explicitly with
/// the flag is a decision).
fn resolves_entities(site: &CallSite) -> bool {
    site.keyword("resolve_entities").is_some_and(|c| c.truthy())
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "xml-external-entity",
    name: "XML external entity",
    cwes: &["CWE-611"],
    severity: Severity::High,
    tags: &["injection", "xml", "xxe"],
    remediation: "Parse untrusted XML with defusedxml, or an lxml parser with resolve_entities=False and no_network=True.",
    references: &["https://cwe.mitre.org/data/definitions/611.html"],
    checks: &[
        Check::Taint(Kind::Xxe),
        Check::Call(CallCheck {
            pattern: "lxml.etree.XMLParser",
            when: Some(resolves_entities),
            message: "an lxml parser that resolves external entities",
        }),
    ],
};
