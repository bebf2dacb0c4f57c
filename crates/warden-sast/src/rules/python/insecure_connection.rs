//! # Insecure connection
//!
//! ## What it finds
//! Clear-text protocols: `http://` URLs (not localhost) passed to HTTP clients or boto3 `endpoint_url`,
//! `ftplib.FTP`, `telnetlib.Telnet`, and boto3 clients created with `use_ssl=False`.
//!
//! ## Why it matters
//! Anyone on the network path can read and change clear-text traffic, including tokens and personal data.
//!
//! ## Example
//! ```python
//! requests.post("http://api.partner.example/orders", json=order)
//! ```
//!
//! ## Fix
//! Use TLS:
//! ```python
//! requests.post("https://api.partner.example/orders", json=order)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/319.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// An `http://` URL that is not the local machine.
pub(crate) fn is_clear_http(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else { return false };
    let host = rest.split(['/', ':', '?']).next().unwrap_or_default();
    !(host.is_empty()
        || host == "localhost"
        || host.starts_with("127.")
        || host == "0.0.0.0"
        || host == "[::1]"
        || host.ends_with(".local")
        || host.ends_with(".internal")
        || host.ends_with(".localhost")
        || host == "169.254.169.254"
        || host.starts_with("host.docker"))
}

/// The URL argument is a constant `http://` URL.
fn http_url(site: &CallSite) -> bool {
    [(0, "url"), (1, "url")].iter().any(|(i, n)| site.str_arg(*i, n).is_some_and(is_clear_http))
}

/// `endpoint_url="http://…"` or `use_ssl=False`.
fn plain_endpoint(site: &CallSite) -> bool {
    site.keyword("endpoint_url").and_then(|c| c.as_str()).is_some_and(is_clear_http)
        || site.keyword("use_ssl").is_some_and(|c| !c.truthy())
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-connection",
    name: "Insecure connection",
    cwes: &["CWE-319"],
    severity: Severity::Medium,
    tags: &["encryption", "network"],
    remediation: "Use https:// (and SFTP/FTPS, SMTP with STARTTLS) for anything that carries data or credentials.",
    references: &["https://cwe.mitre.org/data/definitions/319.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "requests.*", when: Some(http_url), message: "a clear-text http:// URL" }),
        Check::Call(CallCheck { pattern: "httpx.*", when: Some(http_url), message: "a clear-text http:// URL" }),
        Check::Call(CallCheck {
            pattern: "urllib.request.urlopen",
            when: Some(http_url),
            message: "a clear-text http:// URL",
        }),
        Check::Call(CallCheck {
            pattern: "urllib.request.Request",
            when: Some(http_url),
            message: "a clear-text http:// URL",
        }),
        Check::Call(CallCheck {
            pattern: "boto3.client",
            when: Some(plain_endpoint),
            message: "an AWS client without TLS",
        }),
        Check::Call(CallCheck {
            pattern: "boto3.resource",
            when: Some(plain_endpoint),
            message: "an AWS client without TLS",
        }),
        Check::Call(CallCheck { pattern: "ftplib.FTP", when: None, message: "FTP sends credentials in clear text" }),
        Check::Call(CallCheck { pattern: "telnetlib.Telnet", when: None, message: "Telnet is clear text" }),
    ],
};
