//! # Insecure CORS policy
//!
//! ## What it finds
//! CORS that lets any origin make credentialed requests: flask-cors `CORS(app, origins='*',
//! supports_credentials=True)` / `resources` with `*`, and Lambda responses with `Access-Control-Allow-Origin: *`
//! together with `Access-Control-Allow-Credentials: true`.
//!
//! ## Why it matters
//! Any website a logged-in user visits can call the API with the user's cookies and read the answers.
//!
//! ## Example
//! ```python
//! CORS(app, origins="*", supports_credentials=True)
//! ```
//!
//! ## Fix
//! Name the origins:
//! ```python
//! CORS(app, origins=["https://app.example.com"], supports_credentials=True)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/942.html

use crate::ir::{ExprKind, Module};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, RawHit, Rule};
use warden_core::Severity;

/// `origins="*"` (or no origins: flask-cors defaults to `*`) with `supports_credentials=True`.
fn wildcard_with_credentials(site: &CallSite) -> bool {
    let wildcard = match site.keyword("origins") {
        None => !site.has_keyword("origins") && !site.has_keyword("resources"),
        Some(crate::rules::Const::Str(s)) => s == "*",
        Some(crate::rules::Const::List(l)) => l.iter().any(|c| c.as_str() == Some("*")),
        Some(_) => false,
    };
    wildcard && site.keyword("supports_credentials").is_some_and(|c| c.truthy())
}

/// A headers dict allowing `*` with credentials.
fn wildcard_headers(module: &Module, out: &mut Vec<RawHit>) {
    crate::rules::shared_walk::expressions(module, &mut |e| {
        let ExprKind::Dict(entries) = &e.kind else { return };
        let get = |name: &str| {
            entries
                .iter()
                .find(|(k, _)| k.as_ref().and_then(|k| k.as_str()).is_some_and(|k| k.eq_ignore_ascii_case(name)))
        };
        let star = get("Access-Control-Allow-Origin").is_some_and(|(_, v)| v.as_str() == Some("*"));
        let creds = get("Access-Control-Allow-Credentials").is_some_and(|(_, v)| {
            v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("true")) || matches!(v.kind, ExprKind::Bool(true))
        });
        if star && creds {
            out.push(RawHit {
                span: e.span,
                message: "Access-Control-Allow-Origin * with credentials".into(),
                trace: Vec::new(),
            });
        }
    });
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-cors-policy",
    name: "Insecure CORS policy",
    cwes: &["CWE-942"],
    severity: Severity::Medium,
    tags: &["cors", "web"],
    remediation: "List the origins that may call the API; never combine a wildcard (or a reflected Origin) with credentials.",
    references: &["https://cwe.mitre.org/data/definitions/942.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "flask_cors.CORS",
            when: Some(wildcard_with_credentials),
            message: "any origin may send credentialed requests",
        }),
        Check::Call(CallCheck {
            pattern: "flask_cors.cross_origin",
            when: Some(wildcard_with_credentials),
            message: "any origin may send credentialed requests",
        }),
        Check::Custom(wildcard_headers),
    ],
};
