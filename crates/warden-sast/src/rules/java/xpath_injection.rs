//! # XPath injection
//!
//! ## What it finds
//! An XPath expression built from attacker-controlled data and evaluated with
//! `javax.xml.xpath.XPath.evaluate`/`compile` or dom4j `selectNodes`/`selectSingleNode`.
//!
//! ## Why it matters
//! The caller can rewrite the expression to read other nodes of the document or bypass a lookup.
//!
//! ## Example
//! ```java
//! String id = request.getParameter("id");
//! String name = xpath.evaluate("/users/user[@id='" + id + "']/name", doc);
//! ```
//!
//! ## Fix
//! Bind the value as an XPath variable:
//! ```java
//! xpath.setXPathVariableResolver(v -> id);
//! String name = xpath.evaluate("/users/user[@id=$id]/name", doc);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/643.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "xpath-injection",
    name: "XPath injection",
    cwes: &["CWE-643"],
    severity: Severity::High,
    tags: &["injection", "xpath"],
    remediation: "Use XPath variables (XPathVariableResolver) or validate the value against a strict pattern before building the expression.",
    references: &["https://cwe.mitre.org/data/definitions/643.html"],
    checks: &[Check::Taint(Kind::Xpath)],
};
