//! # Server-side request forgery
//!
//! ## What it finds
//! An HTTP request whose URL or host comes from attacker-controlled data (`requests`, `urllib`, `urllib3`,
//! `httpx`, `aiohttp`, `http.client`).
//!
//! ## Why it matters
//! The function can be made to call internal services, the instance metadata endpoint or other AWS APIs with its
//! network position.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     return requests.get(event["url"]).text
//! ```
//!
//! ## Fix
//! Allow only known destinations:
//! ```python
//!     if urlparse(url).hostname not in ALLOWED_HOSTS:
//!         raise ValueError("host not allowed")
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/918.html
//! - https://owasp.org/Top10/A10_2021-Server-Side_Request_Forgery_%28SSRF%29/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "server-side-request-forgery",
    name: "Server-side request forgery",
    cwes: &["CWE-918"],
    severity: Severity::High,
    tags: &["injection", "ssrf", "owasp-top10"],
    remediation: "Do not request URLs taken from input; map input to a fixed set of hosts, or parse the URL and allow only known schemes and hosts.",
    references: &["https://cwe.mitre.org/data/definitions/918.html"],
    checks: &[Check::Taint(Kind::Ssrf)],
};
