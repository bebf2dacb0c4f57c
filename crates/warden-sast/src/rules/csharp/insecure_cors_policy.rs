//! # Insecure CORS policy
//!
//! ## What it finds
//! A CORS policy that allows credentials from any origin: `AllowAnyOrigin().AllowCredentials()`,
//! `SetIsOriginAllowed(_ => true).AllowCredentials()`, `WithOrigins("*")` with credentials, or a Lambda response with
//! `Access-Control-Allow-Origin: *` and `Access-Control-Allow-Credentials: true`.
//!
//! ## Why it matters
//! Any web site can make authenticated requests with the user's cookies and read the answers.
//!
//! ## Example
//! ```csharp
//! builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(_ => true).AllowCredentials()));
//! ```
//!
//! ## Fix
//! ```csharp
//! p.WithOrigins("https://app.example.com").AllowCredentials();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/942.html
//! - https://learn.microsoft.com/aspnet/core/security/cors

use super::shared;
use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

use crate::ir::{Expr, ExprKind, Module};
use crate::rules::RawHit;

/// The method calls of a fluent chain, outermost first: `(name, args)`.
fn chain(e: &Expr) -> Vec<(&str, &[crate::ir::Arg])> {
    let mut out = Vec::new();
    let mut cur = e;
    for _ in 0..64 {
        let ExprKind::Call { callee, args, .. } = &cur.kind else { break };
        let ExprKind::Attr { obj, name } = &callee.kind else { break };
        out.push((name.as_str(), args.as_slice()));
        cur = obj;
    }
    out
}

fn check(m: &Module, out: &mut Vec<RawHit>) {
    let message = "CORS allows credentials from any origin";
    let mut seen_inner: Vec<crate::ir::Span> = Vec::new();
    shared::each_expr(m, &mut |e| {
        if seen_inner.contains(&e.span) {
            return;
        }
        let calls = chain(e);
        if calls.len() < 2 {
            // Response headers built in a dictionary: Access-Control-Allow-Origin "*" with credentials.
            if let ExprKind::Call { new: true, args, .. } = &e.kind {
                let pairs: Vec<(String, &Expr)> = args
                    .iter()
                    .filter_map(|a| match &a.value.kind {
                        ExprKind::List(kv) => match kv.as_slice() {
                            [k, v] => k.as_str().map(|k| (k.to_ascii_lowercase(), v)),
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect();
                let any_origin =
                    pairs.iter().any(|(k, v)| k == "access-control-allow-origin" && v.as_str() == Some("*"));
                let credentials = pairs.iter().any(|(k, v)| {
                    k == "access-control-allow-credentials"
                        && (v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true"))
                            || matches!(v.kind, ExprKind::Bool(true)))
                });
                if any_origin && credentials {
                    shared::push_hit(out, e.span, message);
                }
            }
            return;
        }
        // Inner calls of this chain are parts of the same statement.
        let mut cur = e;
        while let ExprKind::Call { callee, .. } = &cur.kind {
            let ExprKind::Attr { obj, .. } = &callee.kind else { break };
            seen_inner.push(obj.span);
            cur = obj;
        }
        let credentials = calls.iter().any(|(n, _)| *n == "AllowCredentials");
        let any_origin = calls.iter().any(|(n, args)| match *n {
            "AllowAnyOrigin" => true,
            "SetIsOriginAllowed" => args.first().is_some_and(|a| shared::always_true(m, &a.value)),
            "WithOrigins" => args.iter().any(|a| a.value.as_str() == Some("*")),
            _ => false,
        });
        if credentials && any_origin {
            shared::push_hit(out, e.span, message);
        }
    });
}

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-cors-policy",
    name: "Insecure CORS policy",
    cwes: &["CWE-942"],
    severity: Severity::Medium,
    tags: &["cors", "access-control"],
    remediation: "List the allowed origins explicitly (WithOrigins(\"https://app.example.com\")) when credentials are allowed.",
    references: &[
        "https://cwe.mitre.org/data/definitions/942.html",
        "https://learn.microsoft.com/aspnet/core/security/cors",
    ],
    checks: &[Check::Custom(check)],
};
