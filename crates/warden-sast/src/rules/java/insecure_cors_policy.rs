//! # Insecure CORS policy
//!
//! ## What it finds
//! Cross-origin requests with credentials allowed from any origin: Spring `@CrossOrigin(origins = "*",
//! allowCredentials = "true")`, a `CorsConfiguration`/`CorsRegistry` that allows origin `*` and credentials, and
//! `Access-Control-Allow-Origin: *` written together with `Access-Control-Allow-Credentials: true` (servlet
//! headers, or an API Gateway response's header map).
//!
//! ## Why it matters
//! Any web site a user visits can then call the API with the user's cookies and read the answers.
//!
//! ## Example
//! ```java
//! config.addAllowedOrigin("*");
//! config.setAllowCredentials(true);
//! ```
//!
//! ## Fix
//! ```java
//! config.setAllowedOrigins(List.of("https://app.example.com"));
//! config.setAllowCredentials(true);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/942.html

use super::shared::{any_str, call_parts, const_bool, function_exprs};
use crate::ir::{Arg, Expr, ExprKind, Module, Span};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

fn is_origin(s: &str) -> bool {
    s.eq_ignore_ascii_case("access-control-allow-origin")
}

fn is_credentials(s: &str) -> bool {
    s.eq_ignore_ascii_case("access-control-allow-credentials")
}

/// `"Access-Control-Allow-Origin", "*"` as consecutive literal arguments (header setters, `Map.of`).
fn pair(args: &[Arg], key: fn(&str) -> bool, value: &str) -> bool {
    args.windows(2).any(|w| match w {
        [k, v] => k.value.as_str().is_some_and(key) && v.value.as_str().is_some_and(|s| s.eq_ignore_ascii_case(value)),
        _ => false,
    })
}

fn annotation_args(d: &Expr) -> Option<&[Arg]> {
    match &d.kind {
        ExprKind::Call { callee, args, .. } if callee.dotted().is_some_and(|n| n.ends_with("CrossOrigin")) => {
            Some(args)
        }
        _ => None,
    }
}

fn wildcard_credentials(module: &Module, out: &mut Vec<RawHit>) {
    // @CrossOrigin on classes and methods
    let decorators = module
        .classes
        .iter()
        .flat_map(|c| c.decorators.iter())
        .chain(module.functions.iter().flat_map(|f| f.decorators.iter()));
    for d in decorators {
        let Some(args) = annotation_args(d) else { continue };
        let origins = args
            .iter()
            .find(|a| matches!(a.name.as_deref(), Some("origins" | "value" | "originPatterns")) || a.name.is_none());
        let any_origin = origins.is_none_or(|a| any_str(&a.value, &|s| s == "*"));
        let credentials =
            args.iter().any(|a| a.name.as_deref() == Some("allowCredentials") && const_bool(&a.value) == Some(true));
        if any_origin && credentials {
            out.push(RawHit {
                span: d.span,
                message: "any origin may send credentialed requests".into(),
                trace: Vec::new(),
            });
        }
    }
    for func in &module.functions {
        let mut wildcard: Option<Span> = None;
        let mut credentials = false;
        function_exprs(func, &mut |e| {
            let Some((_, method, args, _)) = call_parts(e) else { return };
            let star = args.first().is_some_and(|a| any_str(&a.value, &|s| s == "*"));
            if matches!(
                method,
                "allowedOrigins"
                    | "addAllowedOrigin"
                    | "setAllowedOrigins"
                    | "allowedOriginPatterns"
                    | "addAllowedOriginPattern"
                    | "setAllowedOriginPatterns"
            ) && star
            {
                wildcard.get_or_insert(e.span);
            }
            if matches!(method, "allowCredentials" | "setAllowCredentials")
                && args.first().and_then(|a| const_bool(&a.value)) == Some(true)
            {
                credentials = true;
            }
            if pair(args, is_origin, "*") {
                wildcard.get_or_insert(e.span);
            }
            if pair(args, is_credentials, "true") {
                credentials = true;
            }
        });
        if let (Some(span), true) = (wildcard, credentials) {
            out.push(RawHit { span, message: "any origin may send credentialed requests".into(), trace: Vec::new() });
        }
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-cors-policy",
    name: "Insecure CORS policy",
    cwes: &["CWE-942"],
    severity: Severity::Medium,
    tags: &["cors", "web"],
    remediation: "List the trusted origins explicitly when credentials are allowed; never combine Access-Control-Allow-Origin: * (or reflecting any origin) with credentials.",
    references: &["https://cwe.mitre.org/data/definitions/942.html"],
    checks: &[Check::Custom(wildcard_credentials)],
};
