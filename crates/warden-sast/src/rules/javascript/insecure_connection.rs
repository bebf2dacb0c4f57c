//! # Insecure connection
//!
//! ## What it finds
//! Requests over clear-text `http://` (or `ws://`, `ftp://`) to hosts other than the machine itself: `fetch`,
//! axios, got, request, superagent, needle, undici, `http.get`/`http.request`, WebSockets, and AWS SDK clients
//! given an `http://` `endpoint`.
//!
//! ## Why it matters
//! Anyone on the network path can read and change clear-text traffic, including tokens and personal data.
//!
//! ## Example
//! ```javascript
//! const res = await axios.post('http://billing.internal.example.com/charge', order, { headers: { Authorization: token } });
//! ```
//!
//! ## Fix
//! ```javascript
//! const res = await axios.post('https://billing.internal.example.com/charge', order, { headers: { Authorization: token } });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/319.html

use super::shared::{hit, leading_text, objects, plain_http};
use crate::ir::Module;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, RawHit, Rule};
use warden_core::Severity;

fn http_url(site: &CallSite) -> bool {
    leading_text(site, 0).is_some_and(plain_http)
        || super::shared::opt(site, 0, "url").str().is_some_and(plain_http)
        || super::shared::opt(site, 0, "baseURL").str().is_some_and(plain_http)
}

fn plain_endpoints(module: &Module, out: &mut Vec<RawHit>) {
    objects(module, &mut |entries, _| {
        if let Some(v) = super::shared::entry(entries, "endpoint")
            && super::shared::leading(v).is_some_and(plain_http)
        {
            hit(out, v.span, "a service endpoint without TLS");
        }
    });
}

const MSG: &str = "a clear-text http:// URL";

macro_rules! clients {
    ($($p:literal),* $(,)?) => {
        &[$(Check::Call(CallCheck { pattern: $p, when: Some(http_url), message: MSG }),)* Check::Custom(plain_endpoints)]
    };
}

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "insecure-connection",
    name: "Insecure connection",
    cwes: &["CWE-319"],
    severity: Severity::Medium,
    tags: &["encryption", "network"],
    remediation: "Use https:// (and wss://) for every request that leaves the function.",
    references: &["https://cwe.mitre.org/data/definitions/319.html"],
    checks: clients![
        "fetch",
        "node-fetch",
        "node-fetch.default",
        "cross-fetch",
        "isomorphic-fetch",
        "undici.fetch",
        "undici.request",
        "axios",
        "axios.*",
        "axios.create",
        "axios.create.*",
        "got",
        "got.*",
        "request",
        "request.*",
        "request-promise",
        "request-promise.*",
        "superagent",
        "superagent.*",
        "needle",
        "needle.*",
        "http.get",
        "http.request",
        "ky",
        "ky.*",
        "ws",
        "WebSocket",
        "bent",
        "phin",
        "ftp.Client.access",
    ],
};
