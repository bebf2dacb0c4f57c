//! # Cleartext HTTP connection
//!
//! ## What it finds
//! HTTP requests to `http://` URLs written in the code (`Net::HTTP.get(URI("http://…"))`,
//! `HTTParty.post("http://…")`, `Faraday.new(url: "http://…")`, `URI.open`, RestClient, Excon, Typhoeus), AWS
//! clients with an `http://` endpoint, and `http.use_ssl = false`; loopback and the instance metadata address are
//! left alone.
//!
//! ## Why it matters
//! Plain HTTP can be read and changed by anyone on the network path: credentials, tokens and data in the request
//! and the response are exposed.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   HTTParty.post("http://billing.example.com/charge", body: event["body"])
//! end
//! ```
//!
//! ## Fix
//! Use TLS:
//! ```ruby
//!   HTTParty.post("https://billing.example.com/charge", body: event["body"])
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/319.html
//! - https://owasp.org/www-project-top-ten/2017/A3_2017-Sensitive_Data_Exposure

use super::shared::{Hits, each_stmt, literal_prefix};
use crate::ir::{ExprKind, Module, Stmt};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, RawHit, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-connection",
    name: "Cleartext HTTP connection",
    cwes: &["CWE-319"],
    severity: Severity::Medium,
    tags: &["encryption", "network"],
    remediation: "Use https:// URLs (and keep certificate verification on) for every request that carries credentials, tokens or personal data.",
    references: &[
        "https://cwe.mitre.org/data/definitions/319.html",
        "https://owasp.org/www-project-top-ten/2017/A3_2017-Sensitive_Data_Exposure",
    ],
    checks: &[
        Check::Call(CallCheck { pattern: "Net.HTTP.*", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "URI", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "URI.parse", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "URI.open", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "open", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "HTTParty.*", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "base_uri", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "Faraday", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "Faraday.*", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "RestClient.*", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "RestClient.Resource", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "Excon.*", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "Excon", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "Typhoeus.*", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "HTTP.*", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "HTTPClient.new.*", when: Some(plain_http), message: MSG }),
        Check::Call(CallCheck { pattern: "Aws.*.Client", when: Some(plain_endpoint), message: MSG }),
        Check::Call(CallCheck { pattern: "Aws.*.Resource", when: Some(plain_endpoint), message: MSG }),
        Check::Custom(ssl_turned_off),
    ],
};

const MSG: &str = "a request over cleartext HTTP";

/// `Aws::S3::Client.new(endpoint: "http://…")`.
fn plain_endpoint(site: &CallSite) -> bool {
    site.new && matches!(site.keyword("endpoint"), Some(Const::Str(s)) if insecure_url(s))
}

/// `http.use_ssl = false` on a connection to a non-local host.
fn ssl_turned_off(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    each_stmt(module, &mut |_, s| {
        if let Stmt::Assign { target, value: Some(v), span, .. } = s
            && matches!(&target.kind, ExprKind::Attr { name, .. } if name == "use_ssl")
            && matches!(v.kind, ExprKind::Bool(false))
        {
            hits.add(*span, "TLS is turned off for this connection");
        }
    });
    out.extend(hits.out);
}

fn insecure_url(url: &str) -> bool {
    let Some(rest) = url.trim().strip_prefix("http://") else { return false };
    let host = rest.split(['/', ':', '?']).next().unwrap_or_default().to_ascii_lowercase();
    !(host.is_empty()
        || host == "localhost"
        || host.starts_with("127.")
        || host.starts_with("169.254.")
        || host == "0.0.0.0"
        || host == "[::1]"
        || host.ends_with(".local")
        || host.ends_with(".localhost")
        || host.ends_with(".internal"))
}

/// The first argument or the `url:` keyword is an `http://` URL to a non-local host.
fn plain_http(site: &CallSite) -> bool {
    let by_const = [site.konst(0, ""), site.keyword("url"), site.keyword("base_url")]
        .into_iter()
        .flatten()
        .any(|c| matches!(c, Const::Str(s) if insecure_url(s)));
    let by_expr = site
        .args
        .iter()
        .filter(|a| a.name.is_none() || matches!(a.name.as_deref(), Some("url" | "base_url")))
        .take(2)
        .any(|a| literal_prefix(&a.value).is_some_and(insecure_url));
    by_const || by_expr
}
