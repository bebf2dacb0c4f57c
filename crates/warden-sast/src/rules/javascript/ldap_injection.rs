//! # LDAP injection
//!
//! ## What it finds
//! An LDAP search filter or base DN built from request data and passed to `ldapjs` `client.search`, `ldapts` or
//! `activedirectory`.
//!
//! ## Why it matters
//! `*`, `)(` and `|` in the value change the filter: the caller can list every entry or bypass an authentication
//! check.
//!
//! ## Example
//! ```javascript
//! client.search('ou=people,dc=example,dc=com', { filter: `(uid=${req.query.user})` }, cb);
//! ```
//!
//! ## Fix
//! Escape the value:
//! ```javascript
//! client.search(base, { filter: `(uid=${ldapEscape.filter`${req.query.user}`})` }, cb);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/90.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "ldap-injection",
    name: "LDAP injection",
    cwes: &["CWE-90"],
    severity: Severity::High,
    tags: &["injection", "ldap"],
    remediation: "Escape values with `ldap-escape` (`filter`/`dn`) or build filters with ldapjs filter objects (`new EqualityFilter`).",
    references: &["https://cwe.mitre.org/data/definitions/90.html"],
    checks: &[Check::Taint(Kind::Ldap)],
};
