//! # XPath injection
//!
//! ## What it finds
//! An XPath expression built from attacker-controlled data and evaluated with lxml `xpath`, `XPath`, or
//! ElementTree `findall`/`iterfind`.
//!
//! ## Why it matters
//! Quotes and operators in the input change the expression and return nodes the caller should not see.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     return tree.xpath("//user[@name='" + event["name"] + "']")
//! ```
//!
//! ## Fix
//! Bind the value as an XPath variable:
//! ```python
//!     return tree.xpath("//user[@name=$name]", name=event["name"])
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/643.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "xpath-injection",
    name: "XPath injection",
    cwes: &["CWE-643"],
    severity: Severity::High,
    tags: &["injection", "xpath"],
    remediation: "Use XPath variables (tree.xpath('//user[@name=$name]', name=value)) instead of building the expression from input.",
    references: &["https://cwe.mitre.org/data/definitions/643.html"],
    checks: &[Check::Taint(Kind::Xpath)],
};
