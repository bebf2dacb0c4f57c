//! # LDAP injection
//!
//! ## What it finds
//! An LDAP filter string built from attacker-controlled data and passed to `Net::LDAP#search(filter:)`, `bind_as`
//! or `Net::LDAP::Filter.construct`.
//!
//! ## Why it matters
//! Filter metacharacters (`*`, `)(`, `|`) change the query: bypass authentication or list every entry of the
//! directory.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   user = event["user"]
//!   ldap.search(base: "dc=example,dc=com", filter: "(uid=#{user})")
//! end
//! ```
//!
//! ## Fix
//! Let the filter builder escape the value:
//! ```ruby
//!   ldap.search(base: "dc=example,dc=com", filter: Net::LDAP::Filter.eq("uid", user))
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/90.html
//! - https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "ldap-injection",
    name: "LDAP injection",
    cwes: &["CWE-90"],
    severity: Severity::High,
    tags: &["injection", "ldap", "owasp-top10"],
    remediation: "Build filters with Net::LDAP::Filter.eq / equals (which escape values) or escape input with Net::LDAP::Filter.escape.",
    references: &[
        "https://cwe.mitre.org/data/definitions/90.html",
        "https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html",
    ],
    checks: &[Check::Taint(Kind::Ldap)],
};
