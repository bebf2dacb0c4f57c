//! # Improper certificate validation
//!
//! ## What it finds
//! TLS certificate checks turned off: `ServerCertificateCustomValidationCallback = (…) => true`,
//! `HttpClientHandler.DangerousAcceptAnyServerCertificateValidator`,
//! `ServicePointManager.ServerCertificateValidationCallback += (…) => true`, `RemoteCertificateValidationCallback`
//! returning `true`, and a method of the same file that returns only `true` given as the callback
//! (`ServerCertificateValidationCallback = AcceptAll;`).
//!
//! ## Why it matters
//! Anyone on the network path can impersonate the server and read or change the traffic, credentials included.
//!
//! ## Example
//! ```csharp
//! var handler = new HttpClientHandler
//! {
//!     ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true,
//! };
//! ```
//!
//! ## Fix
//! Delete the callback, or check `errors == SslPolicyErrors.None` and the expected issuer.
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/295.html
//! - https://learn.microsoft.com/dotnet/api/system.net.http.httpclienthandler.servercertificatecustomvalidationcallback

use super::shared;
use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

use crate::ir::{Expr, ExprKind, Module, Stmt};
use crate::rules::RawHit;

const CALLBACKS: &[&str] = &[
    "ServerCertificateCustomValidationCallback",
    "ServerCertificateValidationCallback",
    "RemoteCertificateValidationCallback",
    "CertificateValidationCallback",
];

fn check(m: &Module, out: &mut Vec<RawHit>) {
    let message = "TLS certificate validation is disabled";
    // Where the property is defined (a framework's own `DangerousAcceptAnyServerCertificateValidator { get; } =
    // …`), it is no use of it.
    let mut defined = Vec::new();
    shared::each_stmt(m, &mut |s| {
        if let Stmt::Assign { target, .. } = s {
            defined.push((target.span.start_byte, target.span.end_byte));
        }
    });
    shared::each_expr(m, &mut |e| {
        if shared::last_name(e) == Some("DangerousAcceptAnyServerCertificateValidator")
            && !defined.contains(&(e.span.start_byte, e.span.end_byte))
        {
            shared::push_hit(out, e.span, message);
            return;
        }
        let ExprKind::Call { callee, args, new } = &e.kind else { return };
        let method = shared::last_name(callee).unwrap_or_default();
        let setter = method.strip_prefix("set_").is_some_and(|p| CALLBACKS.contains(&p));
        let ctor = *new && CALLBACKS.contains(&method);
        for a in args {
            // (sender, certificate, chain, errors) => true, whatever it is passed to (SslStream, handlers).
            let callback_shape = matches!(a.value.kind, ExprKind::Lambda(id) if m.functions.get(id).is_some_and(|f| f.params.len() == 4));
            let relevant =
                setter || ctor || callback_shape || a.name.as_deref().is_some_and(|n| CALLBACKS.contains(&n));
            if !relevant {
                continue;
            }
            if shared::any_part(&a.value, &|x| shared::always_true(m, x)) || accept_all_method(m, &a.value) {
                shared::push_hit(out, a.value.span, message);
            }
        }
    });
}

/// A method group naming a validation callback of this file that accepts every certificate
/// (`ServerCertificateValidationCallback = AcceptAll;`, `new RemoteCertificateValidationCallback(Util.AcceptAll)`).
fn accept_all_method(m: &Module, value: &Expr) -> bool {
    let (class, method) = match &value.kind {
        ExprKind::Name(n) => (None, n.as_str()),
        ExprKind::Attr { obj, name } => (shared::last_name(obj).filter(|c| *c != "this"), name.as_str()),
        _ => return false,
    };
    m.functions.iter().any(|f| {
        f.name == method
            && f.params.len() == 4
            && class.is_none_or(|c| f.class.as_deref() == Some(c))
            && shared::returns_only_true(f)
    })
}

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "improper-certificate-validation",
    name: "Improper certificate validation",
    cwes: &["CWE-295"],
    severity: Severity::High,
    tags: &["cryptography", "tls"],
    remediation: "Remove the custom validation callback; to trust a private CA, validate the chain against that CA explicitly.",
    references: &[
        "https://cwe.mitre.org/data/definitions/295.html",
        "https://learn.microsoft.com/dotnet/api/system.net.http.httpclienthandler.servercertificatecustomvalidationcallback",
    ],
    checks: &[Check::Custom(check)],
};
