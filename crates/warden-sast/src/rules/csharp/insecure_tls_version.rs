//! # Insecure TLS version
//!
//! ## What it finds
//! SSL 2/3 and TLS 1.0/1.1 enabled: `SslProtocols.Tls`, `SslProtocols.Tls11`, `SslProtocols.Ssl3`,
//! `SecurityProtocolType.Tls`, `SecurityProtocolType.Ssl3` in handler settings or `ServicePointManager`.
//!
//! ## Why it matters
//! These protocol versions have known attacks (POODLE, BEAST) and are rejected by modern services.
//!
//! ## Example
//! ```csharp
//! handler.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11;
//! ```
//!
//! ## Fix
//! ```csharp
//! handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html
//! - https://learn.microsoft.com/dotnet/framework/network-programming/tls

use super::shared;
use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

use crate::ir::{Expr, Module, Stmt};
use crate::rules::RawHit;

const OLD: &[&str] = &[
    "SslProtocols.Tls",
    "SslProtocols.Tls11",
    "SslProtocols.Ssl2",
    "SslProtocols.Ssl3",
    "SecurityProtocolType.Tls",
    "SecurityProtocolType.Tls11",
    "SecurityProtocolType.Ssl3",
];

fn old_protocol(e: &Expr) -> bool {
    e.dotted().is_some_and(|d| OLD.iter().any(|o| d == *o || d.ends_with(&format!(".{o}"))))
}

/// The first old protocol named in `e`, in source order.
fn first_old(e: &Expr, depth: u32) -> Option<&Expr> {
    if depth > 200 {
        return None;
    }
    if old_protocol(e) {
        return Some(e);
    }
    e.children().into_iter().find_map(|c| first_old(c, depth + 1))
}

/// One finding per statement, at the first old protocol it names (`SecurityProtocolType.Ssl3 |` on one line and
/// `SecurityProtocolType.Tls` on the next are one setting).
fn check(m: &Module, out: &mut Vec<RawHit>) {
    let message = "SSL 3 and TLS 1.0/1.1 are obsolete";
    shared::each_stmt(m, &mut |s| {
        let exprs: Vec<&Expr> = match s {
            Stmt::Expr(e) | Stmt::Return(Some(e), _) | Stmt::Throw(Some(e), _) => vec![e],
            Stmt::Assign { target, value, .. } => std::iter::once(target).chain(value).collect(),
            Stmt::If { cond, .. } => vec![cond],
            Stmt::Loop { var, iter, cond, .. } => [var, iter, cond].into_iter().flatten().collect(),
            _ => Vec::new(),
        };
        if let Some(e) = exprs.into_iter().find_map(|e| first_old(e, 0)) {
            shared::push_hit(out, e.span, message);
        }
    });
    // Parameter defaults are no statements.
    for f in &m.functions {
        for d in f.params.iter().filter_map(|p| p.default.as_ref()) {
            if let Some(e) = first_old(d, 0) {
                shared::push_hit(out, e.span, message);
            }
        }
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-tls-version",
    name: "Insecure TLS version",
    cwes: &["CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography", "tls"],
    remediation: "Let the OS choose (SslProtocols.None / SecurityProtocolType.SystemDefault) or require TLS 1.2 and 1.3.",
    references: &[
        "https://cwe.mitre.org/data/definitions/327.html",
        "https://learn.microsoft.com/dotnet/framework/network-programming/tls",
    ],
    checks: &[Check::Custom(check)],
};
