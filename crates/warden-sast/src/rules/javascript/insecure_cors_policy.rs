//! # Insecure CORS policy
//!
//! ## What it finds
//! CORS configured to accept credentialed requests from any origin: the `cors` middleware (Express),
//! `@fastify/cors`, NestJS `enableCors` with `origin: '*'`, `origin: true` (reflect any origin) or no origin, and
//! `credentials: true`; response headers (`Access-Control-Allow-Origin: *` with
//! `Access-Control-Allow-Credentials: true`) in Lambda responses.
//!
//! ## Why it matters
//! Any web site a user visits can then call the API with the user's cookies and read the answers.
//!
//! ## Example
//! ```javascript
//! app.use(cors({ origin: true, credentials: true }));
//! ```
//!
//! ## Fix
//! ```javascript
//! app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/942.html

use super::shared::{Opt, entry, has_object, hit, objects, opt};
use crate::ir::{ExprKind, Module};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, RawHit, Rule};
use warden_core::Severity;

fn wildcard_with_credentials_at(site: &CallSite, i: usize) -> bool {
    if !has_object(site, i) {
        return false;
    }
    let any_origin = match opt(site, i, "origin") {
        Opt::Missing => true,
        Opt::Const(Const::Str(s)) => s == "*",
        Opt::Const(Const::Bool(b)) => b,
        _ => false,
    };
    any_origin && matches!(opt(site, i, "credentials"), Opt::Const(c) if c.truthy())
}

fn cors_options(site: &CallSite) -> bool {
    wildcard_with_credentials_at(site, 0)
}

/// `fastify.register(cors, { … })`.
fn registered_cors(site: &CallSite) -> bool {
    site.arg(0, "").and_then(|a| a.value.dotted()).is_some_and(|d| d.to_ascii_lowercase().contains("cors"))
        && wildcard_with_credentials_at(site, 1)
}

/// Header objects allowing `*` with credentials.
fn wildcard_headers(module: &Module, out: &mut Vec<RawHit>) {
    objects(module, &mut |entries, _| {
        let star = entry(entries, "Access-Control-Allow-Origin").is_some_and(|v| v.as_str() == Some("*"));
        let creds = entry(entries, "Access-Control-Allow-Credentials").is_some_and(|v| {
            v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true")) || matches!(v.kind, ExprKind::Bool(true))
        });
        if star
            && creds
            && let Some(v) = entry(entries, "Access-Control-Allow-Origin")
        {
            hit(out, v.span, "Access-Control-Allow-Origin * with credentials");
        }
    });
}

const MSG: &str = "any origin may send credentialed requests";

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "insecure-cors-policy",
    name: "Insecure CORS policy",
    cwes: &["CWE-942"],
    severity: Severity::Medium,
    tags: &["cors", "web"],
    remediation: "List the origins that may call the API; never combine a wildcard (or a reflected Origin) with \
                  credentials.",
    references: &["https://cwe.mitre.org/data/definitions/942.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "cors", when: Some(cors_options), message: MSG }),
        Check::Call(CallCheck { pattern: "@koa/cors", when: Some(cors_options), message: MSG }),
        Check::Call(CallCheck { pattern: "**.enableCors", when: Some(cors_options), message: MSG }),
        Check::Call(CallCheck { pattern: "**.register", when: Some(registered_cors), message: MSG }),
        Check::Custom(wildcard_headers),
    ],
};
