//! # Server-side request forgery
//!
//! ## What it finds
//! An outgoing HTTP request whose URL comes from attacker-controlled data: `new
//! URL(x).openConnection()`/`openStream()`, `java.net.http.HttpRequest.newBuilder(uri)`/`.uri(...)`, Spring
//! `RestTemplate` (`getForObject`, `exchange`, …) and `WebClient`, Apache HttpClient `HttpGet`/`HttpPost`, OkHttp
//! `Request.Builder().url(...)` and `Jsoup.connect`.
//!
//! ## Why it matters
//! The function can be made to call internal services, the instance metadata endpoint or other AWS APIs with its
//! network position.
//!
//! ## Example
//! ```java
//! String target = event.getQueryStringParameters().get("url");
//! HttpURLConnection c = (HttpURLConnection) new URL(target).openConnection();
//! ```
//!
//! ## Fix
//! Allow only known hosts:
//! ```java
//! URI uri = URI.create(target);
//! if (!ALLOWED_HOSTS.contains(uri.getHost())) throw new IllegalArgumentException();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/918.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "server-side-request-forgery",
    name: "Server-side request forgery",
    cwes: &["CWE-918"],
    severity: Severity::High,
    tags: &["injection", "ssrf", "owasp-top10"],
    remediation: "Check the URL's scheme and host against an allow-list before requesting it, and never let the caller choose the host.",
    references: &["https://cwe.mitre.org/data/definitions/918.html"],
    checks: &[Check::Taint(Kind::Ssrf)],
};
