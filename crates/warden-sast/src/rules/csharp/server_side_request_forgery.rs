//! # Server-side request forgery
//!
//! ## What it finds
//! A URL from attacker-controlled data fetched with `HttpClient` (`GetAsync`, `GetStringAsync`, `PostAsync`,
//! `SendAsync(new HttpRequestMessage(…, url))`, `BaseAddress`), `WebRequest.Create`, `WebClient.Download*` or
//! RestSharp.
//!
//! ## Why it matters
//! The function fetches what the caller asks: the instance metadata and credentials endpoint, internal services, other VPC resources.
//!
//! ## Example
//! ```csharp
//! var url = request.QueryStringParameters["url"];
//! var body = await http.GetStringAsync(url);
//! ```
//!
//! ## Fix
//! ```csharp
//! var uri = new Uri(url);
//! if (!AllowedHosts.Contains(uri.Host)) return BadRequest();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/918.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "server-side-request-forgery",
    name: "Server-side request forgery",
    cwes: &["CWE-918"],
    severity: Severity::High,
    tags: &["injection", "ssrf", "owasp-top10"],
    remediation: "Build request URLs from a fixed base and validated parts, or check the host against an allow-list.",
    references: &["https://cwe.mitre.org/data/definitions/918.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Ssrf)],
};
