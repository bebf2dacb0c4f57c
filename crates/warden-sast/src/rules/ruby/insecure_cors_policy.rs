//! # Permissive CORS policy
//!
//! ## What it finds
//! CORS that lets any site make credentialed requests: `Access-Control-Allow-Origin: *` or the request's own
//! `Origin` echoed back, together with `Access-Control-Allow-Credentials: true` (in Lambda response headers,
//! `headers[...] =` or Sinatra `headers`), and rack-cors `origins "*"` with a `resource … credentials: true`.
//!
//! ## Why it matters
//! Any website the user visits can read responses meant for the user, with the user's cookies or credentials
//! attached.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   { statusCode: 200,
//!     headers: { "Access-Control-Allow-Origin" => "*", "Access-Control-Allow-Credentials" => "true" },
//!     body: profile_json }
//! end
//! ```
//!
//! ## Fix
//! Name the allowed origin:
//! ```ruby
//!     headers: { "Access-Control-Allow-Origin" => "https://app.example.com", "Access-Control-Allow-Credentials" => "true" },
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/942.html
//! - https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS

use super::shared::{Hits, Visit, key_str, walk};
use crate::ir::{Expr, ExprKind, Module, Span, Stmt};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use std::collections::HashMap;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-cors-policy",
    name: "Permissive CORS policy",
    cwes: &["CWE-942"],
    severity: Severity::Medium,
    tags: &["cors", "access-control"],
    remediation: "Allow only the origins that need access, and never combine a wildcard or reflected origin with Access-Control-Allow-Credentials: true.",
    references: &[
        "https://cwe.mitre.org/data/definitions/942.html",
        "https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS",
    ],
    checks: &[Check::Custom(wildcard_with_credentials)],
};

const MSG: &str = "CORS allows any origin together with credentials";

/// `"*"`, or the request's `Origin` header echoed back.
fn any_origin(v: &Expr) -> bool {
    match &v.kind {
        ExprKind::Str(s) => s == "*",
        _ => mentions_origin(v),
    }
}

fn mentions_origin(v: &Expr) -> bool {
    let mut stack = vec![v];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Str(s) if s.eq_ignore_ascii_case("origin") || s.eq_ignore_ascii_case("http_origin") => {
                return true;
            }
            ExprKind::Attr { name, .. } if name == "origin" => return true,
            _ => stack.extend(e.children()),
        }
    }
    false
}

fn truthy(v: &Expr) -> bool {
    match &v.kind {
        ExprKind::Bool(b) => *b,
        ExprKind::Str(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// Per function: where a wildcard origin is set, and whether credentials are allowed.
#[derive(Default)]
struct Seen {
    origin: Option<Span>,
    credentials: bool,
}

fn note(seen: &mut Seen, key: &str, v: &Expr) {
    if key.eq_ignore_ascii_case("access-control-allow-origin") && any_origin(v) {
        seen.origin.get_or_insert(v.span);
    }
    if key.eq_ignore_ascii_case("access-control-allow-credentials") && truthy(v) {
        seen.credentials = true;
    }
}

fn wildcard_with_credentials(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    let mut per_fn: HashMap<usize, Seen> = HashMap::new();
    let mut rack_origins: Vec<Span> = Vec::new();
    let mut rack_credentials = false;
    walk(module, &mut |f, v| match v {
        Visit::Stmt(s) => {
            // headers["Access-Control-Allow-Origin"] = "*"
            if let Stmt::Assign { target, value: Some(v), .. } = s
                && let ExprKind::Index { index, .. } = &target.kind
                && let Some(key) = index.as_str()
            {
                note(per_fn.entry(f.span.start_byte as usize).or_default(), key, v);
            }
        }
        Visit::Expr(e) => match &e.kind {
            ExprKind::Dict(entries) => {
                let mut seen = Seen::default();
                for (k, v) in entries {
                    if let Some(key) = key_str(k) {
                        note(&mut seen, key, v);
                    }
                }
                if let (Some(span), true) = (seen.origin, seen.credentials) {
                    hits.add(span, MSG);
                }
            }
            ExprKind::Call { callee, args, .. } => {
                let mut seen = Seen::default();
                for a in args {
                    if let Some(key) = a.name.as_deref() {
                        note(&mut seen, key, &a.value);
                    }
                }
                if let (Some(span), true) = (seen.origin, seen.credentials) {
                    hits.add(span, MSG);
                }
                let name = callee.dotted().unwrap_or_default();
                let method = name.rsplit('.').next().unwrap_or_default();
                // response.set_header("Access-Control-Allow-Origin", "*"), headers.[]=(k, v)
                if matches!(method, "set_header" | "[]=" | "add_header" | "store")
                    && let (Some(k), Some(v)) = (args.first().and_then(|a| a.value.as_str()), args.get(1))
                {
                    note(per_fn.entry(f.span.start_byte as usize).or_default(), k, &v.value);
                }
                // rack-cors: origins "*" … resource "*", credentials: true
                if method == "origins"
                    && args.iter().any(|a| a.value.as_str() == Some("*") || mentions_origin(&a.value))
                {
                    rack_origins.push(e.span);
                }
                if method == "resource"
                    && args.iter().any(|a| a.name.as_deref() == Some("credentials") && truthy(&a.value))
                {
                    rack_credentials = true;
                }
            }
            _ => {}
        },
    });
    for seen in per_fn.values() {
        if let (Some(span), true) = (seen.origin, seen.credentials) {
            hits.add(span, MSG);
        }
    }
    if rack_credentials {
        for span in rack_origins {
            hits.add(span, MSG);
        }
    }
    hits.out.sort_by_key(|h| h.span);
    out.extend(hits.out);
}
