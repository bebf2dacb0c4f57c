//! # Insecure cookie
//!
//! ## What it finds
//! Servlet cookies (`new Cookie(name, value)`) sent with the response (passed to `addCookie`, or returned for the
//! caller to add) for which the same method never calls `setSecure(true)` (or calls `setSecure(false)`), Spring
//! `ResponseCookie` builders without `.secure(true)`, and `Set-Cookie` headers written by hand without `Secure`.
//! (`HttpOnly` is recommended too, but its absence alone is not reported.) Cookies parsed from a request or copied
//! into a collection are not reported.
//!
//! ## Why it matters
//! Without `Secure` the cookie is also sent over plain HTTP, where anyone on the network path can read it and take
//! over the session.
//!
//! ## Example
//! ```java
//! Cookie session = new Cookie("session", token);
//! response.addCookie(session);
//! ```
//!
//! ## Fix
//! ```java
//! Cookie session = new Cookie("session", token);
//! session.setSecure(true);
//! session.setHttpOnly(true);
//! response.addCookie(session);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/614.html
//! - https://cwe.mitre.org/data/definitions/1004.html

use super::shared::{call_parts, chain_calls, const_bool, function_exprs, new_type};
use crate::ir::{Expr, ExprKind, Module, Span, Stmt};
use crate::lang::Lang;
use crate::rules::shared_walk::walk_stmts;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

/// `new Cookie(name, value)`: a servlet (or `java.net`) cookie. Jetty's `HttpCookie(name, value, domain, path,
/// maxAge, httpOnly, secure, …)` takes its flags as arguments and is not judged here.
fn is_cookie(e: &Expr) -> bool {
    matches!(new_type(e), Some("Cookie" | "HttpCookie"))
        && matches!(&e.kind, ExprKind::Call { args, .. } if args.len() <= 2)
}

/// A call that sends a cookie: `response.addCookie(c)`, a helper named like it (`addResponseCookie`, `setCookie`).
fn sends_cookie(method: &str) -> bool {
    method == "addCookie" || (method.ends_with("Cookie") && (method.starts_with("add") || method.starts_with("set")))
}

fn hit(out: &mut Vec<RawHit>, span: Span, message: &str) {
    out.push(RawHit { span, message: message.to_string(), trace: Vec::new() });
}

fn cookies(module: &Module, out: &mut Vec<RawHit>) {
    for func in &module.functions {
        // Cookie variables and where they were made; flags set on them (true / not known to be false).
        let mut made: Vec<(String, Span)> = Vec::new();
        let mut assigned_spans: Vec<u32> = Vec::new();
        walk_stmts(&func.body, &mut |s| {
            if let Stmt::Assign { target, value: Some(v), span, .. } = s
                && is_cookie(v)
                && let Some(name) = target.dotted()
            {
                made.push((name, *span));
                assigned_spans.push(v.span.start_byte);
            }
        });
        let mut secure: Vec<String> = Vec::new();
        let mut inline: Vec<Span> = Vec::new();
        // Cookies that reach the response here (passed to `addCookie`, or returned for the caller to add):
        // a cookie parsed from a request or copied into a collection is not being set.
        let mut sent: Vec<String> = Vec::new();
        walk_stmts(&func.body, &mut |s| {
            if let Stmt::Return(Some(v), _) = s {
                if let Some(name) = v.dotted() {
                    sent.push(name);
                } else if is_cookie(v) {
                    inline.push(v.span);
                }
            }
        });
        function_exprs(func, &mut |e| {
            if let Some((_, method, args, _)) = call_parts(e)
                && sends_cookie(method)
            {
                for a in args {
                    if let Some(name) = a.value.dotted() {
                        sent.push(name);
                    } else if is_cookie(&a.value) && !assigned_spans.contains(&a.value.span.start_byte) {
                        inline.push(a.value.span);
                    }
                }
            }
        });
        function_exprs(func, &mut |e| {
            if let Some((Some(recv), method, args, _)) = call_parts(e)
                && method == "setSecure"
                && let Some(name) = recv.dotted()
            {
                let value = args.first().and_then(|a| const_bool(&a.value));
                if value != Some(false) {
                    secure.push(name);
                }
            }
            // Spring ResponseCookie.from(…)….build()
            if let Some((_, "build", _, _)) = call_parts(e) {
                let chain = chain_calls(e);
                let from = chain.iter().any(|(m, _, _)| matches!(*m, "from" | "fromClientResponse"))
                    && chain_root_is(e, "ResponseCookie");
                if from {
                    let on = |flag: &str| {
                        chain
                            .iter()
                            .any(|(m, a, _)| *m == flag && a.first().and_then(|x| const_bool(&x.value)) != Some(false))
                    };
                    if !on("secure") {
                        hit(out, e.span, "a cookie without the Secure flag");
                    }
                }
            }
            // response.setHeader("Set-Cookie", "…")
            if let Some((_, "setHeader" | "addHeader" | "header", args, _)) = call_parts(e)
                && args.first().and_then(|a| a.value.as_str()).is_some_and(|h| h.eq_ignore_ascii_case("set-cookie"))
                && let Some(v) = args.get(1).and_then(|a| a.value.as_str())
            {
                let lower = v.to_ascii_lowercase();
                if !lower.contains("secure") {
                    hit(out, e.span, "a Set-Cookie header without the Secure flag");
                }
            }
        });
        for (name, span) in made {
            if !secure.contains(&name) && sent.contains(&name) {
                hit(out, span, "a cookie without the Secure flag");
            }
        }
        for span in inline {
            hit(out, span, "a cookie without the Secure flag");
        }
    }
}

fn chain_root_is(e: &Expr, name: &str) -> bool {
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::Call { callee, .. } => cur = callee,
            ExprKind::Attr { obj, .. } => cur = obj,
            ExprKind::Name(n) => return n == name || n.ends_with(&format!(".{name}")),
            _ => return false,
        }
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-cookie",
    name: "Insecure cookie",
    cwes: &["CWE-614", "CWE-1004"],
    severity: Severity::Medium,
    tags: &["cookies", "web"],
    remediation: "Call setSecure(true) (and setHttpOnly(true)) on every cookie; with ResponseCookie use .secure(true).httpOnly(true).sameSite(\"Lax\").",
    references: &[
        "https://cwe.mitre.org/data/definitions/614.html",
        "https://cwe.mitre.org/data/definitions/1004.html",
    ],
    checks: &[Check::Custom(cookies)],
};
