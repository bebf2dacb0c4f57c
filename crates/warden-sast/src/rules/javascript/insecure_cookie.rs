//! # Insecure cookie
//!
//! ## What it finds
//! Cookies set without `secure: true` or `httpOnly: true`: Express `res.cookie(name, value, options)`, Fastify
//! `reply.setCookie`, Koa `ctx.cookies.set` (httpOnly is on by default there, secure is not), `cookie.serialize`,
//! `express-session`/`cookie-session` options, and `Set-Cookie` header strings (Express `res.setHeader`, Lambda
//! proxy response headers) without `Secure` and `HttpOnly`.
//!
//! ## Why it matters
//! Without `Secure` the cookie travels over clear-text HTTP; without `HttpOnly` any injected script can read it.
//!
//! ## Example
//! ```javascript
//! res.cookie('session', token);
//! ```
//!
//! ## Fix
//! ```javascript
//! res.cookie('session', token, { secure: true, httpOnly: true, sameSite: 'lax' });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/614.html
//! - https://cwe.mitre.org/data/definitions/1004.html

use super::shared::{Opt, entry, hit, leading, objects, opt};
use crate::ir::{Expr, ExprKind, Module};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, RawHit, Rule};
use warden_core::Severity;

/// Options at argument `i` (absent: every flag is off) lacking `secure` or `httpOnly`; options that cannot be
/// seen (a variable the engine could not fold) are given the benefit of the doubt.
fn flags_missing(site: &CallSite, i: usize, check_http_only: bool) -> bool {
    if site.args.len() <= i {
        return true;
    }
    opt(site, i, "secure").is_false() || (check_http_only && opt(site, i, "httpOnly").is_false())
}

fn express_cookie(site: &CallSite) -> bool {
    flags_missing(site, 2, true)
}

/// Koa sets httpOnly by default, not secure; `ctx.cookies.set(name)` deletes a cookie.
fn koa_cookie(site: &CallSite) -> bool {
    match site.args.len() {
        0 | 1 => false,
        2 => true,
        _ => {
            opt(site, 2, "secure").is_false()
                || opt(site, 2, "httpOnly") == Opt::Const(crate::rules::Const::Bool(false))
        }
    }
}

/// `session({ cookie: { secure: false } })`: express-session's cookie defaults to not secure.
fn session_cookie(site: &CallSite) -> bool {
    if !super::shared::has_object(site, 0) {
        return false;
    }
    let secure = opt(site, 0, "cookie.secure");
    secure.is_false() || opt(site, 0, "cookie.httpOnly") == Opt::Const(crate::rules::Const::Bool(false))
}

fn cookie_session(site: &CallSite) -> bool {
    super::shared::has_object(site, 0)
        && (opt(site, 0, "secure").is_false()
            || opt(site, 0, "httpOnly") == Opt::Const(crate::rules::Const::Bool(false)))
}

fn header_text(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Str(s) => Some(s.clone()),
        ExprKind::Concat(parts) => Some(parts.iter().filter_map(|p| p.as_str()).collect::<Vec<_>>().join("")),
        ExprKind::Binary { op, left, right } if op == "+" => {
            Some(format!("{}{}", header_text(left).unwrap_or_default(), header_text(right).unwrap_or_default()))
        }
        _ => None,
    }
}

fn weak_cookie_text(text: &str) -> bool {
    let l = text.to_ascii_lowercase();
    l.contains('=') && (!l.contains("secure") || !l.contains("httponly"))
}

fn set_cookie_header(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|h| h.eq_ignore_ascii_case("set-cookie"))
        && site.arg(1, "").and_then(|a| header_text(&a.value)).is_some_and(|t| weak_cookie_text(&t))
}

/// `headers: { 'Set-Cookie': 'id=…' }` in a Lambda response.
fn set_cookie_dicts(module: &Module, out: &mut Vec<RawHit>) {
    objects(module, &mut |entries, _| {
        if let Some(v) = entry(entries, "Set-Cookie")
            && leading(v).is_some()
            && header_text(v).is_some_and(|t| weak_cookie_text(&t))
        {
            hit(out, v.span, "a Set-Cookie header without Secure or HttpOnly");
        }
    });
}

const MSG: &str = "a cookie without Secure or HttpOnly";

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "insecure-cookie",
    name: "Insecure cookie",
    cwes: &["CWE-614", "CWE-1004"],
    severity: Severity::Medium,
    tags: &["cookies", "web"],
    remediation: "Set cookies with { secure: true, httpOnly: true, sameSite: 'lax' } (or 'strict').",
    references: &["https://cwe.mitre.org/data/definitions/614.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "res.cookie", when: Some(express_cookie), message: MSG }),
        Check::Call(CallCheck { pattern: "response.cookie", when: Some(express_cookie), message: MSG }),
        Check::Call(CallCheck { pattern: "**.Response.cookie", when: Some(express_cookie), message: MSG }),
        Check::Call(CallCheck { pattern: "**.status.cookie", when: Some(express_cookie), message: MSG }),
        Check::Call(CallCheck { pattern: "reply.setCookie", when: Some(express_cookie), message: MSG }),
        Check::Call(CallCheck { pattern: "cookie.serialize", when: Some(express_cookie), message: MSG }),
        Check::Call(CallCheck {
            pattern: "ctx.cookies.set",
            when: Some(koa_cookie),
            message: "a cookie without Secure",
        }),
        Check::Call(CallCheck {
            pattern: "express-session",
            when: Some(session_cookie),
            message: "a session cookie without Secure",
        }),
        Check::Call(CallCheck {
            pattern: "cookie-session",
            when: Some(cookie_session),
            message: "a session cookie without Secure",
        }),
        Check::Call(CallCheck { pattern: "res.setHeader", when: Some(set_cookie_header), message: MSG }),
        Check::Call(CallCheck { pattern: "res.set", when: Some(set_cookie_header), message: MSG }),
        Check::Call(CallCheck { pattern: "res.header", when: Some(set_cookie_header), message: MSG }),
        Check::Call(CallCheck { pattern: "res.append", when: Some(set_cookie_header), message: MSG }),
        Check::Custom(set_cookie_dicts),
    ],
};
