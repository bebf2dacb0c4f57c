//! # Insecure connection
//!
//! ## What it finds
//! Requests to plain `http://` URLs written in the code (`new URL("http://…")`, `URI.create`, `HttpRequest`,
//! RestTemplate, WebClient, Apache HttpClient, OkHttp, Jsoup, an AWS SDK `endpointOverride`), and FTP/Telnet
//! clients. Loopback and link-local addresses (the instance metadata and Lambda extension endpoints) are not
//! reported.
//!
//! ## Why it matters
//! Anything on the network path can read and change clear-text traffic: credentials, tokens and the data itself.
//!
//! ## Example
//! ```java
//! String body = restTemplate.getForObject("http://billing.example.com/api/invoices", String.class);
//! ```
//!
//! ## Fix
//! ```java
//! String body = restTemplate.getForObject("https://billing.example.com/api/invoices", String.class);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/319.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// `withProtocol(Protocol.HTTP)` on an AWS SDK v1 client configuration.
fn plain_protocol(site: &CallSite) -> bool {
    site.arg(0, "").and_then(|a| a.value.dotted()).is_some_and(|d| d.ends_with("Protocol.HTTP"))
}

/// A constant `http://` URL to a remote host.
fn http_url(site: &CallSite) -> bool {
    let Some(url) = site.str_arg(0, "") else { return false };
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("http://") else { return false };
    let host = rest.split(['/', ':', '?', '#']).next().unwrap_or_default();
    !(host.is_empty()
        || host == "localhost"
        || host.starts_with("127.")
        || host.starts_with("169.254.")
        || host == "0.0.0.0"
        || host == "[::1]"
        || host.ends_with(".localhost")
        || host == "www.w3.org"
        || host.ends_with(".apache.org")
        || host == "xml.org"
        || host.ends_with(".xml.org"))
}

const fn http(pattern: &'static str) -> Check {
    Check::Call(CallCheck { pattern, when: Some(http_url), message: "a clear-text http:// URL" })
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-connection",
    name: "Insecure connection",
    cwes: &["CWE-319"],
    severity: Severity::Medium,
    tags: &["encryption", "network"],
    remediation: "Use https:// URLs (and TLS for every other protocol); never send credentials or data over plain HTTP, FTP or Telnet.",
    references: &["https://cwe.mitre.org/data/definitions/319.html"],
    checks: &[
        http("**.URL"),
        http("**.URI.create"),
        http("**.URI"),
        http("**.HttpRequest.newBuilder"),
        http("**.uri"),
        http("**.baseUrl"),
        http("**.url"),
        http("**.endpointOverride"),
        http("**.EndpointConfiguration"),
        http("**.WebClient.create"),
        http("**.Jsoup.connect"),
        http("**.HttpGet"),
        http("**.HttpPost"),
        http("**.HttpPut"),
        http("**.HttpDelete"),
        http("**.HttpPatch"),
        http("**.Request.Get"),
        http("**.Request.Post"),
        http("**.RestTemplate.getForObject"),
        http("**.RestTemplate.getForEntity"),
        http("**.RestTemplate.postForObject"),
        http("**.RestTemplate.postForEntity"),
        http("**.RestTemplate.exchange"),
        http("**.restTemplate.getForObject"),
        http("**.restTemplate.getForEntity"),
        http("**.restTemplate.postForObject"),
        http("**.restTemplate.postForEntity"),
        http("**.restTemplate.exchange"),
        Check::Call(CallCheck {
            pattern: "**.withProtocol",
            when: Some(plain_protocol),
            message: "an AWS client over plain HTTP",
        }),
        Check::Call(CallCheck {
            pattern: "**.setProtocol",
            when: Some(plain_protocol),
            message: "an AWS client over plain HTTP",
        }),
        Check::Call(CallCheck { pattern: "**.FTPClient", when: None, message: "FTP sends credentials in clear text" }),
        Check::Call(CallCheck { pattern: "**.TelnetClient", when: None, message: "Telnet is clear text" }),
    ],
};
