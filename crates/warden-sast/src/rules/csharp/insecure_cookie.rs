//! # Insecure cookie
//!
//! ## What it finds
//! Cookies written without `Secure` or `HttpOnly`: `new CookieOptions { … }` missing `Secure = true` or
//! `HttpOnly = true`, `Response.Cookies.Append(name, value)` without options, `new HttpCookie(…) { … }` without
//! `Secure`/`HttpOnly`.
//!
//! ## Why it matters
//! Without Secure the cookie travels over plain HTTP; without HttpOnly any injected script can read it.
//!
//! ## Example
//! ```csharp
//! Response.Cookies.Append("session", token, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddHours(1) });
//! ```
//!
//! ## Fix
//! ```csharp
//! Response.Cookies.Append("session", token, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/614.html
//! - https://cwe.mitre.org/data/definitions/1004.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

use crate::ir::ExprKind;

fn is_true(c: &CallSite, name: &str) -> bool {
    c.args.iter().any(|a| a.name.as_deref() == Some(name) && !matches!(a.value.kind, ExprKind::Bool(false)))
}

/// An initializer that sets properties but not both flags (options built empty and set later are not judged).
fn missing_flags(c: &CallSite) -> bool {
    c.args.iter().any(|a| a.name.is_some()) && (!is_true(c, "Secure") || !is_true(c, "HttpOnly"))
}

/// `Cookies.Append(name, value)`: the defaults are neither Secure nor HttpOnly.
fn without_options(c: &CallSite) -> bool {
    c.positional() == 2
}

const MESSAGE: &str = "cookie set without Secure and HttpOnly";

fn weak_policy(c: &CallSite) -> bool {
    c.arg(0, "").and_then(|a| a.value.dotted()).is_some_and(|d| {
        d.ends_with("CookieSecurePolicy.None")
            || d.ends_with("CookieSecurePolicy.SameAsRequest")
            || d.ends_with("HttpOnlyPolicy.None")
    })
}

fn is_false(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| matches!(a.value.kind, ExprKind::Bool(false)))
}

const COOKIE_CHECKS: &[Check] = &[
    Check::Call(CallCheck { pattern: "**.set_SecurePolicy", when: Some(weak_policy), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.set_HttpOnly", when: Some(weak_policy), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.Cookie.set_HttpOnly", when: Some(is_false), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.Cookie.set_Secure", when: Some(is_false), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.HttpCookie.set_HttpOnly", when: Some(is_false), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.HttpCookie.set_Secure", when: Some(is_false), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.set_MinimumSameSitePolicy", when: Some(weak_policy), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "CookieOptions", when: Some(missing_flags), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.CookieOptions", when: Some(missing_flags), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "HttpCookie", when: Some(missing_flags), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "**.Cookies.Append", when: Some(without_options), message: MESSAGE }),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-cookie",
    name: "Insecure cookie",
    cwes: &["CWE-614", "CWE-1004"],
    severity: Severity::Medium,
    tags: &["cookies", "encryption"],
    remediation: "Set Secure = true and HttpOnly = true (and SameSite) on cookies: new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict }.",
    references: &[
        "https://cwe.mitre.org/data/definitions/614.html",
        "https://cwe.mitre.org/data/definitions/1004.html",
    ],
    checks: COOKIE_CHECKS,
};
