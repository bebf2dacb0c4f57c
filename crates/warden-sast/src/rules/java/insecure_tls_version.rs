//! # Insecure TLS version
//!
//! ## What it finds
//! SSL 2/3, TLS 1.0 and TLS 1.1 asked for by name: `SSLContext.getInstance("SSLv3")`/`("TLSv1")`/`("SSL")`,
//! `setEnabledProtocols(new String[] {"TLSv1", …})`, and OkHttp/Netty protocol lists
//! (`ConnectionSpec.Builder.tlsVersions(TlsVersion.TLS_1_0)`, `SslContextBuilder.protocols("TLSv1.1")`).
//!
//! ## Why it matters
//! These versions have known attacks (POODLE, BEAST) and weak cipher suites; a connection negotiated with them can
//! be decrypted or tampered with.
//!
//! ## Example
//! ```java
//! SSLContext ctx = SSLContext.getInstance("TLSv1");
//! ```
//!
//! ## Fix
//! ```java
//! SSLContext ctx = SSLContext.getInstance("TLSv1.3");
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html

use crate::ir::ExprKind;
use crate::lang::Lang;
use crate::rules::shared_walk::walk_expr;
use crate::rules::{CallCheck, CallSite, Check, Const, Rule};
use warden_core::Severity;

fn old(name: &str) -> bool {
    matches!(name, "SSL" | "SSLv2" | "SSLv3" | "SSLv2Hello" | "TLSv1" | "TLSv1.1" | "TLSv1.0")
}

fn old_context(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(old)
}

/// Any argument naming an old protocol: a literal, an array of literals, or `TlsVersion.TLS_1_0`.
fn old_in_args(site: &CallSite) -> bool {
    let in_consts = site.consts.iter().flatten().any(|c| match c {
        Const::Str(s) => old(s),
        Const::List(items) => items.iter().any(|i| i.as_str().is_some_and(old)),
        _ => false,
    });
    let mut in_exprs = false;
    for a in site.args {
        walk_expr(&a.value, &mut |e| match &e.kind {
            ExprKind::Str(s) if old(s) => in_exprs = true,
            ExprKind::Attr { name, .. } if matches!(name.as_str(), "TLS_1_0" | "TLS_1_1" | "SSL_3_0") => {
                in_exprs = true
            }
            _ => {}
        });
    }
    in_consts || in_exprs
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-tls-version",
    name: "Insecure TLS version",
    cwes: &["CWE-326", "CWE-327"],
    severity: Severity::Medium,
    tags: &["tls", "cryptography"],
    remediation: "Use SSLContext.getInstance(\"TLSv1.3\") or \"TLSv1.2\" (or the default \"TLS\") and do not enable SSLv3, TLSv1 or TLSv1.1.",
    references: &["https://cwe.mitre.org/data/definitions/327.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.SSLContext.getInstance",
            when: Some(old_context),
            message: "an obsolete SSL/TLS version",
        }),
        Check::Call(CallCheck {
            pattern: "**.setEnabledProtocols",
            when: Some(old_in_args),
            message: "an obsolete SSL/TLS version enabled",
        }),
        Check::Call(CallCheck {
            pattern: "**.tlsVersions",
            when: Some(old_in_args),
            message: "an obsolete TLS version enabled",
        }),
        Check::Call(CallCheck {
            pattern: "**.protocols",
            when: Some(old_in_args),
            message: "an obsolete SSL/TLS version enabled",
        }),
    ],
};
