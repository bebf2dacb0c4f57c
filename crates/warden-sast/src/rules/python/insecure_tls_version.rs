//! # Insecure TLS version
//!
//! ## What it finds
//! SSLv2, SSLv3, TLS 1.0 or TLS 1.1 chosen explicitly (`ssl.PROTOCOL_SSLv3`, `PROTOCOL_TLSv1`,
//! `TLSVersion.TLSv1`, pyOpenSSL `SSLv3_METHOD`): given to a call, assigned, or a parameter's default. A mapping
//! between libraries' names for the versions, or a comparison with one, chooses nothing and is not reported.
//!
//! ## Why it matters
//! These protocol versions have known attacks (POODLE, BEAST) and are disabled by modern servers.
//!
//! ## Example
//! ```python
//! ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
//! ```
//!
//! ## Fix
//! Use the default client protocol:
//! ```python
//! ctx = ssl.create_default_context()
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html

use crate::ir::{Expr, ExprKind, Module};
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

const OLD: &[&str] = &[
    "PROTOCOL_SSLv2",
    "PROTOCOL_SSLv3",
    "PROTOCOL_SSLv23",
    "PROTOCOL_TLSv1",
    "PROTOCOL_TLSv1_1",
    "SSLv2_METHOD",
    "SSLv3_METHOD",
    "TLSv1_METHOD",
    "TLSv1_1_METHOD",
    "TLSVersion.TLSv1",
    "TLSVersion.TLSv1_1",
    "TLSVersion.SSLv3",
];

/// An old protocol constant chosen: given to a call (`SSLContext(ssl.PROTOCOL_TLSv1)`, `ssl_version=…`), assigned
/// (`ctx.minimum_version = ssl.TLSVersion.TLSv1`) or a parameter's default; not a key or value of a mapping
/// table between libraries' names (`versions[ssl.PROTOCOL_TLSv1] = SSL.TLSv1_METHOD`), nor a comparison.
fn old_protocols(module: &Module, out: &mut Vec<RawHit>) {
    let mut check = |e: &Expr| {
        if let Some(d) = e.dotted()
            && (d.starts_with("ssl.") || d.starts_with("OpenSSL.") || d.starts_with("SSL."))
            && OLD.iter().any(|o| d.ends_with(o))
        {
            out.push(RawHit {
                span: e.span,
                message: format!("`{d}` is an insecure protocol version"),
                trace: Vec::new(),
            });
        }
    };
    crate::rules::shared_walk::assignments(module, &mut |target, value, _| {
        if !matches!(target.kind, ExprKind::Index { .. }) {
            check(value);
        }
    });
    for func in &module.functions {
        for p in &func.params {
            if let Some(d) = &p.default {
                check(d);
            }
        }
    }
    crate::rules::shared_walk::expressions(module, &mut |e| {
        if let ExprKind::Call { args, .. } = &e.kind {
            for a in args {
                check(&a.value);
            }
        }
    });
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-tls-version",
    name: "Insecure TLS version",
    cwes: &["CWE-326", "CWE-327"],
    severity: Severity::Medium,
    tags: &["tls", "cryptography"],
    remediation: "Use ssl.PROTOCOL_TLS_CLIENT (or create_default_context) and set minimum_version = ssl.TLSVersion.TLSv1_2.",
    references: &["https://cwe.mitre.org/data/definitions/327.html"],
    checks: &[Check::Custom(old_protocols)],
};
