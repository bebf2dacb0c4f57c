//! # Insecure cookie
//!
//! ## What it finds
//! Cookies set without the `Secure` or `HttpOnly` flag (`set_cookie(...)` without `secure=True`/`httponly=True`),
//! and a Lambda response `Set-Cookie` header without them.
//!
//! ## Why it matters
//! A cookie without Secure travels over plain HTTP; without HttpOnly, script injected into the page can read it.
//!
//! ## Example
//! ```python
//! resp.set_cookie("session", token)
//! ```
//!
//! ## Fix
//! Set the flags:
//! ```python
//! resp.set_cookie("session", token, secure=True, httponly=True, samesite="Lax")
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/614.html
//! - https://cwe.mitre.org/data/definitions/1004.html

use crate::ir::{ExprKind, Module};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, RawHit, Rule};
use warden_core::Severity;

/// A response cookie (`set_cookie(key, value, …)`, not a cookie jar's `set_cookie(cookie)`) with `secure` or
/// `httponly` left out or set to a false constant.
fn missing_flags(site: &CallSite) -> bool {
    let response_cookie = site.positional() + usize::from(site.has_keyword("value")) >= 2
        && !site.callee.to_ascii_lowercase().contains("jar");
    let off = |k: &str| !site.has_keyword(k) || site.keyword(k).is_some_and(|c| !c.truthy());
    let spread = site.args.iter().any(|a| a.spread);
    response_cookie && !spread && (off("secure") || off("httponly"))
}

/// `"Set-Cookie": "session=…"` without `Secure` and `HttpOnly` in a response's headers.
fn set_cookie_headers(module: &Module, out: &mut Vec<RawHit>) {
    crate::rules::shared_walk::expressions(module, &mut |e| {
        let ExprKind::Dict(outer) = &e.kind else { return };
        let headers = outer.iter().filter_map(|(k, v)| {
            let key = k.as_ref().and_then(|k| k.as_str())?;
            matches!(key, "headers" | "Headers" | "multiValueHeaders").then_some(v)
        });
        for h in headers {
            let ExprKind::Dict(entries) = &h.kind else { continue };
            for (k, v) in entries {
                let is_cookie =
                    k.as_ref().and_then(|k| k.as_str()).is_some_and(|k| k.eq_ignore_ascii_case("set-cookie"));
                if let (true, Some(value)) = (is_cookie, v.as_str()) {
                    let lower = value.to_ascii_lowercase();
                    if !(lower.contains("secure") && lower.contains("httponly")) {
                        out.push(RawHit {
                            span: v.span,
                            message: "a Set-Cookie header without Secure or HttpOnly".into(),
                            trace: Vec::new(),
                        });
                    }
                }
            }
        }
    });
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-cookie",
    name: "Insecure cookie",
    cwes: &["CWE-614", "CWE-1004"],
    severity: Severity::Medium,
    tags: &["cookies", "web"],
    remediation: "Set cookies with secure=True, httponly=True and samesite='Lax' (or 'Strict').",
    references: &["https://cwe.mitre.org/data/definitions/614.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.set_cookie",
            when: Some(missing_flags),
            message: "a cookie without Secure or HttpOnly",
        }),
        Check::Custom(set_cookie_headers),
    ],
};
