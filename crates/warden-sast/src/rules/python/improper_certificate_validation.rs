//! # Improper certificate validation
//!
//! ## What it finds
//! TLS certificate or host name checks turned off: `verify=False` on requests/httpx calls and sessions,
//! `ssl._create_unverified_context`, `ssl.CERT_NONE`, `check_hostname = False`, urllib3 `cert_reqs='CERT_NONE'`.
//!
//! ## Why it matters
//! Without verification anyone on the network path can impersonate the server and read or change the traffic.
//!
//! ## Example
//! ```python
//! requests.post(WEBHOOK, json=payload, verify=False)
//! ```
//!
//! ## Fix
//! Remove `verify=False`, or point it at the CA bundle.
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/295.html

use crate::ir::{ExprKind, Module, Stmt};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, RawHit, Rule};
use warden_core::Severity;

/// `verify=False`.
fn verify_off(site: &CallSite) -> bool {
    site.keyword("verify").is_some_and(|c| !c.truthy())
}

/// `cert_reqs="CERT_NONE"` or `ssl.CERT_NONE`.
fn cert_none(site: &CallSite) -> bool {
    site.arg(99, "cert_reqs").is_some_and(|a| {
        a.value.as_str().is_some_and(|s| s == "CERT_NONE") || a.value.dotted().is_some_and(|d| d.ends_with("CERT_NONE"))
    })
}

/// `ctx.check_hostname = False`, `ctx.verify_mode = ssl.CERT_NONE`, `session.verify = False`.
fn unverified_contexts(module: &Module, out: &mut Vec<RawHit>) {
    crate::rules::shared_walk::assignments(module, &mut |target, value, span| {
        let ExprKind::Attr { name, .. } = &target.kind else { return };
        let off = matches!(value.kind, ExprKind::Bool(false));
        let cert_none = value.dotted().is_some_and(|d| d.ends_with("CERT_NONE"));
        if (off && (name == "check_hostname" || name == "verify")) || (cert_none && name == "verify_mode") {
            out.push(RawHit { span, message: format!("`{name}` turns off certificate checks"), trace: Vec::new() });
        }
    });
    let _ = Stmt::Block(Vec::new());
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "improper-certificate-validation",
    name: "Improper certificate validation",
    cwes: &["CWE-295"],
    severity: Severity::High,
    tags: &["tls", "cryptography"],
    remediation: "Keep certificate and host name verification on (the default); to trust a private CA, pass its bundle (verify='/path/ca.pem').",
    references: &["https://cwe.mitre.org/data/definitions/295.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "requests.*",
            when: Some(verify_off),
            message: "verify=False turns off certificate checks",
        }),
        Check::Call(CallCheck {
            pattern: "requests.Session().*",
            when: Some(verify_off),
            message: "verify=False turns off certificate checks",
        }),
        Check::Call(CallCheck {
            pattern: "httpx.*",
            when: Some(verify_off),
            message: "verify=False turns off certificate checks",
        }),
        Check::Call(CallCheck {
            pattern: "**.Client",
            when: Some(verify_off),
            message: "verify=False turns off certificate checks",
        }),
        Check::Call(CallCheck {
            pattern: "**.request",
            when: Some(verify_off),
            message: "verify=False turns off certificate checks",
        }),
        Check::Call(CallCheck {
            pattern: "ssl._create_unverified_context",
            when: None,
            message: "an unverified TLS context",
        }),
        Check::Call(CallCheck {
            pattern: "urllib3.PoolManager",
            when: Some(cert_none),
            message: "cert_reqs=CERT_NONE",
        }),
        Check::Call(CallCheck { pattern: "ssl.wrap_socket", when: Some(cert_none), message: "cert_reqs=CERT_NONE" }),
        Check::Custom(unverified_contexts),
    ],
};
