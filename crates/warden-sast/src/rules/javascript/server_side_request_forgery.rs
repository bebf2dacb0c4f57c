//! # Server-side request forgery
//!
//! ## What it finds
//! An outbound HTTP request whose URL (scheme and host, not only the path of a fixed host) comes from request data:
//! `fetch`, `axios`, `got`, `request`, `superagent`, `needle`, `undici`, `http.get`/`https.request`, WebSockets.
//!
//! ## Why it matters
//! The function becomes a proxy into its VPC and to internal endpoints; in some setups it can reach metadata services
//! that hand out credentials.
//!
//! ## Example
//! ```javascript
//! exports.handler = async (event) => {
//!   const res = await fetch(event.queryStringParameters.url);
//!   return { statusCode: 200, body: await res.text() };
//! };
//! ```
//!
//! ## Fix
//! Allow only known hosts:
//! ```javascript
//!   const url = new URL(event.queryStringParameters.url);
//!   if (!ALLOWED_HOSTS.includes(url.host)) return { statusCode: 400 };
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/918.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "server-side-request-forgery",
    name: "Server-side request forgery",
    cwes: &["CWE-918"],
    severity: Severity::High,
    tags: &["injection", "ssrf", "owasp-top10"],
    remediation: "Do not let callers choose the host: map their input to a fixed list of URLs or check the parsed host against an allow-list before the request.",
    references: &["https://cwe.mitre.org/data/definitions/918.html"],
    checks: &[Check::Taint(Kind::Ssrf)],
};
