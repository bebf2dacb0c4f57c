//! # HTTP header injection
//!
//! ## What it finds
//! Attacker-controlled data written into response headers or cookies: `Response.Headers.Add/Append/[…] = …`,
//! `Response.AddHeader`, `Response.Cookies.Append`, API Gateway response `Headers`.
//!
//! ## Why it matters
//! CR/LF in a header splits the response: injected headers, cookies or bodies.
//!
//! ## Example
//! ```csharp
//! Response.Headers.Append("X-Request-Name", Request.Query["name"]);
//! ```
//!
//! ## Fix
//! Validate the value against the characters you expect, or encode it.
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/113.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "header-injection",
    name: "HTTP header injection",
    cwes: &["CWE-113"],
    severity: Severity::Medium,
    tags: &["injection", "headers"],
    remediation: "Do not put request data into response headers; if needed, reject values with CR or LF.",
    references: &["https://cwe.mitre.org/data/definitions/113.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Header)],
};
