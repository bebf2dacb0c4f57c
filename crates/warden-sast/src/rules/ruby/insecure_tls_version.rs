//! # Insecure TLS version
//!
//! ## What it finds
//! Connections pinned to or allowing SSLv2, SSLv3, TLS 1.0 or TLS 1.1: `ssl_version = :TLSv1`, `ssl_version:
//! :SSLv3`, `min_version = OpenSSL::SSL::TLS1_VERSION`, `OpenSSL::SSL::SSLContext.new(:TLSv1_1)`, HTTParty
//! `ssl_version :TLSv1`.
//!
//! ## Why it matters
//! These protocol versions have known attacks (POODLE, BEAST) and weak cipher suites; traffic can be downgraded and
//! decrypted.
//!
//! ## Example
//! ```ruby
//! http = Net::HTTP.new("payments.example.com", 443)
//! http.use_ssl = true
//! http.ssl_version = :TLSv1
//! ```
//!
//! ## Fix
//! Set a modern minimum version:
//! ```ruby
//! http.min_version = :TLS1_2
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html
//! - https://ruby-doc.org/stdlib/libdoc/openssl/rdoc/OpenSSL/SSL/SSLContext.html

use super::shared::{Hits, Visit, key_str, walk};
use crate::ir::{Expr, ExprKind, Module, Stmt};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-tls-version",
    name: "Insecure TLS version",
    cwes: &["CWE-326", "CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography", "tls"],
    remediation: "Require TLS 1.2 or later (ctx.min_version = OpenSSL::SSL::TLS1_2_VERSION, http.min_version = :TLS1_2) and drop SSLv3, TLS 1.0 and TLS 1.1.",
    references: &[
        "https://cwe.mitre.org/data/definitions/327.html",
        "https://ruby-doc.org/stdlib/libdoc/openssl/rdoc/OpenSSL/SSL/SSLContext.html",
    ],
    checks: &[Check::Custom(old_tls)],
};

const MSG: &str = "an obsolete SSL/TLS protocol version";
const VERSION_KEYS: &[&str] =
    &["ssl_version", "min_version", "max_version", "version", "tls_version", "ssl_min_version"];

fn old_version(v: &str) -> bool {
    let v = v.trim_start_matches(':').to_ascii_uppercase().replace(['.', '-'], "_");
    let v = v.trim_end_matches("_CLIENT").trim_end_matches("_SERVER").trim_end_matches("_METHOD");
    matches!(
        v,
        "SSLV2"
            | "SSLV3"
            | "TLSV1"
            | "TLSV1_0"
            | "TLSV1_1"
            | "TLS1"
            | "TLS1_0"
            | "TLS1_1"
            | "TLS1_VERSION"
            | "TLS1_1_VERSION"
            | "SSL2_VERSION"
            | "SSL3_VERSION"
            | "SSL3"
            | "SSL2"
    )
}

fn old_value(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Str(s) => old_version(s),
        ExprKind::Attr { name, .. } | ExprKind::Name(name) => old_version(name),
        _ => false,
    }
}

fn old_tls(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    walk(module, &mut |_, v| match v {
        Visit::Stmt(s) => {
            if let Stmt::Assign { target, value: Some(v), span, .. } = s {
                let name = match &target.kind {
                    ExprKind::Attr { name, .. } => Some(name.as_str()),
                    ExprKind::Index { index, .. } => index.as_str(),
                    _ => None,
                };
                if name.is_some_and(|n| VERSION_KEYS.contains(&n) && n != "max_version") && old_value(v) {
                    hits.add(*span, MSG);
                }
            }
        }
        Visit::Expr(e) => match &e.kind {
            ExprKind::Call { callee, args, new } => {
                let name = callee.dotted().unwrap_or_default();
                let positional_old = args.first().is_some_and(|a| a.name.is_none() && old_value(&a.value));
                if (name == "ssl_version" || (*new && name.ends_with("SSLContext"))) && positional_old {
                    hits.add(e.span, MSG);
                }
                for a in args {
                    if a.name.as_deref().is_some_and(|n| VERSION_KEYS.contains(&n) && n != "max_version")
                        && old_value(&a.value)
                    {
                        hits.add(a.value.span, MSG);
                    }
                }
            }
            ExprKind::Dict(entries) => {
                for (k, v) in entries {
                    if key_str(k).is_some_and(|n| VERSION_KEYS.contains(&n) && n != "max_version") && old_value(v) {
                        hits.add(v.span, MSG);
                    }
                }
            }
            _ => {}
        },
    });
    out.extend(hits.out);
}
