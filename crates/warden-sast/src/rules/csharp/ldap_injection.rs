//! # LDAP injection
//!
//! ## What it finds
//! An LDAP filter or path built from attacker-controlled data: `new DirectorySearcher(filter)`,
//! `searcher.Filter = …`, `new DirectoryEntry(path)`, `System.DirectoryServices.Protocols.SearchRequest`.
//!
//! ## Why it matters
//! `*)(uid=*` style input widens the search: bypassed logins, directory data disclosure.
//!
//! ## Example
//! ```csharp
//! var searcher = new DirectorySearcher(entry);
//! searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + user + "))";
//! ```
//!
//! ## Fix
//! ```csharp
//! searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + Encoder.LdapFilterEncode(user) + "))";
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/90.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "ldap-injection",
    name: "LDAP injection",
    cwes: &["CWE-90"],
    severity: Severity::High,
    tags: &["injection", "ldap"],
    remediation: "Escape values with an LDAP filter encoder (Encoder.LdapFilterEncode) before putting them in a filter or DN.",
    references: &["https://cwe.mitre.org/data/definitions/90.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Ldap)],
};
