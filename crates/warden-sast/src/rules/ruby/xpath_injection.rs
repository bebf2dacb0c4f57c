//! # XPath injection
//!
//! ## What it finds
//! An XPath expression built from attacker-controlled data and evaluated with Nokogiri `xpath`/`at_xpath` or
//! `REXML::XPath.first`/`match`/`each`.
//!
//! ## Why it matters
//! Quotes and operators in the input change the query, so the caller reads nodes they should not see or bypasses a
//! check done in XPath.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   name = event["name"]
//!   USERS.xpath("//user[name='#{name}']/email").text
//! end
//! ```
//!
//! ## Fix
//! Validate the value first, or compare in Ruby:
//! ```ruby
//!   USERS.xpath("//user").find { |u| u.at("name").text == name }
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/643.html
//! - https://owasp.org/www-community/attacks/XPATH_Injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "xpath-injection",
    name: "XPath injection",
    cwes: &["CWE-643"],
    severity: Severity::High,
    tags: &["injection", "xpath", "owasp-top10"],
    remediation: "Do not build XPath expressions from input; validate the value against a strict pattern or select nodes and compare values in Ruby.",
    references: &[
        "https://cwe.mitre.org/data/definitions/643.html",
        "https://owasp.org/www-community/attacks/XPATH_Injection",
    ],
    checks: &[Check::Taint(Kind::Xpath)],
};
