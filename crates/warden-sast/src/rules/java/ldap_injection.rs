//! # LDAP injection
//!
//! ## What it finds
//! An LDAP filter or name built from attacker-controlled data and passed to JNDI `DirContext.search`/`lookup`
//! (`InitialDirContext`, `InitialLdapContext`), Spring `LdapTemplate.search` or UnboundID `LDAPConnection.search`.
//!
//! ## Why it matters
//! Filter metacharacters (`*`, `(`, `)`, `|`) let the caller widen the query, enumerate the directory or bypass an
//! authentication filter.
//!
//! ## Example
//! ```java
//! String user = request.getParameter("user");
//! NamingEnumeration<SearchResult> r = ctx.search("ou=people,dc=example,dc=com", "(uid=" + user + ")", controls);
//! ```
//!
//! ## Fix
//! Use filter arguments, which the provider escapes:
//! ```java
//! ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] {user}, controls);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/90.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "ldap-injection",
    name: "LDAP injection",
    cwes: &["CWE-90"],
    severity: Severity::High,
    tags: &["injection", "ldap"],
    remediation: "Pass values as filter arguments ({0} with an Object[]), or escape them with LdapEncoder.filterEncode / ESAPI encodeForLDAP.",
    references: &["https://cwe.mitre.org/data/definitions/90.html"],
    checks: &[Check::Taint(Kind::Ldap)],
};
