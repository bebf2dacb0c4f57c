//! # XPath injection
//!
//! ## What it finds
//! An XPath expression built from attacker-controlled data passed to `SelectNodes`, `SelectSingleNode`,
//! `XPathNavigator.Select`/`Evaluate`/`Compile`, `XPathSelectElement(s)` or `XPathEvaluate`.
//!
//! ## Why it matters
//! The caller changes the query: `' or '1'='1` returns every node, bypassing checks built on it.
//!
//! ## Example
//! ```csharp
//! var user = doc.SelectSingleNode("//user[name='" + request.QueryStringParameters["name"] + "']");
//! ```
//!
//! ## Fix
//! Validate the value (letters and digits only) or compile a constant expression with a variable.
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/643.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "xpath-injection",
    name: "XPath injection",
    cwes: &["CWE-643"],
    severity: Severity::High,
    tags: &["injection", "xpath"],
    remediation: "Use a constant XPath with variables (XsltArgumentList / a custom XsltContext) or validate the value against an allow-list.",
    references: &["https://cwe.mitre.org/data/definitions/643.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Xpath)],
};
