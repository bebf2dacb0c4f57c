//! # Cookie without Secure or HttpOnly
//!
//! ## What it finds
//! Cookies set without `secure: true` or without `httponly: true`: Rails `cookies[:name] = { value: …, secure:
//! false }`, Rack `response.set_cookie(name, value: …)`, a session store configured with `secure: false`, and
//! `Set-Cookie` headers in Lambda responses without `Secure` or `HttpOnly`.
//!
//! ## Why it matters
//! A cookie without Secure is sent over plain HTTP where it can be read; without HttpOnly, any script injected into
//! the page can steal it.
//!
//! ## Example
//! ```ruby
//! class SessionsController < ApplicationController
//!   def create
//!     cookies[:session_token] = { value: token, secure: false }
//!   end
//! end
//! ```
//!
//! ## Fix
//! Mark the cookie Secure and HttpOnly:
//! ```ruby
//!     cookies[:session_token] = { value: token, secure: true, httponly: true, same_site: :strict }
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/614.html
//! - https://api.rubyonrails.org/classes/ActionDispatch/Cookies.html

use super::shared::{Hits, each_expr, hash_keys, key_str};
use crate::ir::{Expr, ExprKind, Module};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, RawHit, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-cookie",
    name: "Cookie without Secure or HttpOnly",
    cwes: &["CWE-614", "CWE-1004"],
    severity: Severity::Medium,
    tags: &["cookies", "encryption"],
    remediation: "Set secure: true and httponly: true (and same_site) on cookies that carry sessions or tokens.",
    references: &[
        "https://cwe.mitre.org/data/definitions/614.html",
        "https://api.rubyonrails.org/classes/ActionDispatch/Cookies.html",
    ],
    checks: &[
        Check::Call(CallCheck { pattern: "cookies.[]=", when: Some(unprotected_options), message: MSG }),
        Check::Call(CallCheck { pattern: "cookies.*.[]=", when: Some(unprotected_options), message: MSG }),
        Check::Call(CallCheck { pattern: "**.set_cookie", when: Some(unprotected_options), message: MSG }),
        Check::Call(CallCheck {
            pattern: "Rack.Utils.set_cookie_header!",
            when: Some(unprotected_options),
            message: MSG,
        }),
        Check::Call(CallCheck { pattern: "**.session_store", when: Some(flags_off), message: MSG }),
        Check::Custom(lambda_set_cookie),
    ],
};

const MSG: &str = "a cookie without Secure or HttpOnly";

fn flag_on(entries: &[(String, Option<Const>)], name: &str) -> bool {
    entries.iter().any(|(k, v)| k == name && !matches!(v, Some(Const::Bool(false) | Const::Null)))
}

/// The options hash (the second argument) lacks `secure: true` or `httponly: true`.
fn unprotected_options(site: &CallSite) -> bool {
    match hash_keys(site, 1) {
        Some(entries) => {
            !(flag_on(&entries, "secure") && (flag_on(&entries, "httponly") || flag_on(&entries, "http_only")))
        }
        None => false,
    }
}

/// `session_store :cookie_store, secure: false` / `httponly: false`.
fn flags_off(site: &CallSite) -> bool {
    ["secure", "httponly"].iter().any(|k| matches!(site.keyword(k), Some(Const::Bool(false))))
}

/// A Lambda response header `"Set-Cookie" => "id=…; Path=/"` without `Secure` or `HttpOnly`.
fn lambda_set_cookie(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    each_expr(module, &mut |_, e| {
        let ExprKind::Dict(entries) = &e.kind else { return };
        for (k, v) in entries {
            let Some(key) = key_str(k) else { continue };
            if key.eq_ignore_ascii_case("set-cookie") && cookie_lacks_flags(v) {
                hits.add(v.span, MSG);
            }
            // API Gateway HTTP API responses: `cookies: ["id=…; Path=/"]`.
            if key == "cookies"
                && let ExprKind::List(items) = &v.kind
            {
                for item in items.iter().filter(|i| cookie_lacks_flags(i)) {
                    hits.add(item.span, MSG);
                }
            }
        }
    });
    out.extend(hits.out);
}

fn cookie_lacks_flags(v: &Expr) -> bool {
    let text: String = match &v.kind {
        ExprKind::Str(s) => s.clone(),
        ExprKind::Concat(parts) => parts.iter().filter_map(|p| p.as_str()).collect(),
        _ => return false,
    };
    let t = text.to_ascii_lowercase();
    !(t.contains("secure") && t.contains("httponly"))
}
