//! # Improper certificate validation
//!
//! ## What it finds
//! TLS checks turned off: an `X509TrustManager` (named or anonymous) whose `checkServerTrusted` neither throws nor
//! delegates, a `HostnameVerifier` whose `verify` always returns `true` (also as a lambda passed to
//! `setHostnameVerifier`/`setDefaultHostnameVerifier`/`hostnameVerifier`), Apache HttpClient's
//! `NoopHostnameVerifier`/`ALLOW_ALL_HOSTNAME_VERIFIER`/`TrustAllStrategy`/`TrustSelfSignedStrategy`, a trust
//! strategy lambda that returns `true`, Netty's `InsecureTrustManagerFactory`, and the AWS SDK switches
//! (`com.amazonaws.sdk.disableCertChecking`, `SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES`).
//!
//! ## Why it matters
//! Without certificate and host name checks anyone on the network path can impersonate the server and read or
//! change the traffic, credentials included.
//!
//! ## Example
//! ```java
//! TrustManager[] trustAll = { new X509TrustManager() {
//!     public void checkClientTrusted(X509Certificate[] c, String a) {}
//!     public void checkServerTrusted(X509Certificate[] c, String a) {}
//!     public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
//! } };
//! ```
//!
//! ## Fix
//! Use the default trust managers; to trust a private CA, load it into a `KeyStore` and initialise a
//! `TrustManagerFactory` with it:
//! ```java
//! TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
//! tmf.init(caKeyStore);
//! ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/295.html

use super::shared::{call_parts, class_methods, function_exprs, returns_only_true, simple_base};
use crate::ir::{Expr, ExprKind, Function, Module, Stmt};
use crate::lang::Lang;
use crate::rules::shared_walk::walk_stmts;
use crate::rules::{CallCheck, CallSite, Check, RawHit, Rule};
use warden_core::Severity;

/// A trust check that cannot fail: no `throw`, no delegation or verification call.
fn accepts_everything(func: &Function) -> bool {
    let mut rejects = false;
    walk_stmts(&func.body, &mut |s| {
        if matches!(s, Stmt::Throw(..)) {
            rejects = true;
        }
    });
    function_exprs(func, &mut |e| {
        if let Some((_, method, _, _)) = call_parts(e)
            && (method.starts_with("check") || method.starts_with("verify") || method.starts_with("validate"))
        {
            rejects = true;
        }
    });
    !rejects
}

fn hit(out: &mut Vec<RawHit>, span: crate::ir::Span, message: &str) {
    out.push(RawHit { span, message: message.to_string(), trace: Vec::new() });
}

fn lambda_returns_true(module: &Module, e: &Expr) -> bool {
    let ExprKind::Lambda(id) = &e.kind else { return false };
    module.functions.get(*id).is_some_and(returns_only_true)
}

fn trust_all(module: &Module, found: &mut Vec<RawHit>) {
    let mut local = Vec::new();
    let out = &mut local;
    for class in &module.classes {
        let bases: Vec<&str> = class.bases.iter().map(|b| simple_base(b)).collect();
        let trust_manager =
            bases.iter().any(|b| matches!(*b, "X509TrustManager" | "TrustManager" | "X509ExtendedTrustManager"));
        let hostname = bases.contains(&"HostnameVerifier");
        for m in class_methods(module, class) {
            if trust_manager && m.name == "checkServerTrusted" && accepts_everything(m) {
                hit(out, m.span, "a trust manager that accepts every certificate");
            }
            if hostname && m.name == "verify" && returns_only_true(m) {
                hit(out, m.span, "a hostname verifier that accepts every host");
            }
        }
    }
    for func in &module.functions {
        function_exprs(func, &mut |e| {
            if let Some((_, method, args, _)) = call_parts(e) {
                let verifier =
                    matches!(method, "setHostnameVerifier" | "setDefaultHostnameVerifier" | "hostnameVerifier");
                let strategy = method == "loadTrustMaterial";
                if (verifier || strategy) && args.iter().any(|a| lambda_returns_true(module, &a.value)) {
                    hit(
                        out,
                        e.span,
                        if verifier {
                            "a hostname verifier that accepts every host"
                        } else {
                            "a trust strategy that accepts every certificate"
                        },
                    );
                }
            }
            if let ExprKind::Attr { obj, name } = &e.kind {
                let owner = obj.dotted().unwrap_or_default();
                let owner = owner.rsplit('.').next().unwrap_or_default();
                if matches!(
                    (owner, name.as_str()),
                    ("NoopHostnameVerifier", "INSTANCE")
                        | ("TrustAllStrategy", "INSTANCE")
                        | ("InsecureTrustManagerFactory", "INSTANCE")
                        | (_, "ALLOW_ALL_HOSTNAME_VERIFIER")
                ) {
                    hit(out, e.span, "certificate or host name checks turned off");
                }
            }
        });
    }
    // One finding per line.
    local.sort_by_key(|h| (h.span.start_line, h.span.start_byte));
    local.dedup_by_key(|h| h.span.start_line);
    found.extend(local);
}

/// `System.setProperty("com.amazonaws.sdk.disableCertChecking", …)`.
fn sdk_cert_checking_off(site: &CallSite) -> bool {
    site.str_arg(0, "") == Some("com.amazonaws.sdk.disableCertChecking")
        || site
            .arg(0, "")
            .and_then(|a| a.value.dotted())
            .is_some_and(|d| d.ends_with("DISABLE_CERT_CHECKING_SYSTEM_PROPERTY"))
}

/// `AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true)`.
fn trust_all_option(site: &CallSite) -> bool {
    site.arg(0, "").and_then(|a| a.value.dotted()).is_some_and(|d| d.ends_with("TRUST_ALL_CERTIFICATES"))
        && site.konst(1, "").is_some_and(|c| c.truthy())
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "improper-certificate-validation",
    name: "Improper certificate validation",
    cwes: &["CWE-295"],
    severity: Severity::High,
    tags: &["tls", "cryptography"],
    remediation: "Keep the default trust managers and hostname verification; to trust a private CA, add it to a KeyStore for a TrustManagerFactory instead of accepting every certificate.",
    references: &["https://cwe.mitre.org/data/definitions/295.html"],
    checks: &[
        Check::Custom(trust_all),
        Check::Call(CallCheck {
            pattern: "**.NoopHostnameVerifier",
            when: None,
            message: "a hostname verifier that accepts every host",
        }),
        Check::Call(CallCheck {
            pattern: "**.AllowAllHostnameVerifier",
            when: None,
            message: "a hostname verifier that accepts every host",
        }),
        Check::Call(CallCheck {
            pattern: "**.TrustAllStrategy",
            when: None,
            message: "a trust strategy that accepts every certificate",
        }),
        Check::Call(CallCheck {
            pattern: "**.TrustSelfSignedStrategy",
            when: None,
            message: "a trust strategy that accepts self-signed certificates",
        }),
        Check::Call(CallCheck {
            pattern: "**.System.setProperty",
            when: Some(sdk_cert_checking_off),
            message: "AWS SDK certificate checks turned off",
        }),
        Check::Call(CallCheck {
            pattern: "**.put",
            when: Some(trust_all_option),
            message: "the AWS SDK HTTP client trusts every certificate",
        }),
    ],
};
