//! # LDAP injection
//!
//! ## What it finds
//! An LDAP search filter built from attacker-controlled data (`search_s`, `search_ext_s`, ldap3
//! `Connection.search`).
//!
//! ## Why it matters
//! Filter metacharacters (`*`, `)(`) change the query: log in as anyone, enumerate the directory.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=" + event["user"] + ")")
//! ```
//!
//! ## Fix
//! Escape the value:
//! ```python
//!     conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(event["user"]))
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/90.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "ldap-injection",
    name: "LDAP injection",
    cwes: &["CWE-90"],
    severity: Severity::High,
    tags: &["injection", "ldap"],
    remediation: "Escape values with ldap.filter.escape_filter_chars (python-ldap) or ldap3's escape_filter_chars before putting them in a filter.",
    references: &["https://cwe.mitre.org/data/definitions/90.html"],
    checks: &[Check::Taint(Kind::Ldap)],
};
