//! # Weak key size
//!
//! ## What it finds
//! RSA and DSA keys shorter than 2048 bits: `RSA.Create(1024)`, `new RSACryptoServiceProvider(1024)`,
//! `rsa.KeySize = 1024`, `new DSACryptoServiceProvider(1024)`.
//!
//! ## Why it matters
//! 1024-bit RSA is within reach of well-funded attackers; signatures and encrypted data lose their protection.
//!
//! ## Example
//! ```csharp
//! using var rsa = RSA.Create(1024);
//! ```
//!
//! ## Fix
//! ```csharp
//! using var rsa = RSA.Create(3072);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/326.html
//! - https://learn.microsoft.com/dotnet/api/system.security.cryptography.rsa.create

use super::shared;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn small(c: &CallSite) -> bool {
    shared::num_arg(c, 0, "keySizeInBits").or_else(|| shared::num_arg(c, 0, "dwKeySize")).is_some_and(|n| n < 2048.0)
}

fn small_named(c: &CallSite) -> bool {
    c.args.iter().any(|a| {
        a.name.as_deref() == Some("KeySize")
            && matches!(&a.value.kind, crate::ir::ExprKind::Num(n) if n.parse::<f64>().is_ok_and(|n| n < 2048.0))
    })
}

/// `rsa.KeySize = 1024` on an RSA/DSA object (AES key sizes are smaller and fine).
fn small_asymmetric(c: &CallSite) -> bool {
    let receiver = c.callee.to_ascii_lowercase();
    (receiver.contains("rsa") || receiver.contains("dsa")) && small(c)
}

const MESSAGE: &str = "RSA/DSA keys shorter than 2048 bits are too weak";

const fn check(pattern: &'static str, when: fn(&CallSite) -> bool) -> Check {
    Check::Call(CallCheck { pattern, when: Some(when), message: MESSAGE })
}

const KEY_CHECKS: &[Check] = &[
    check("RSA.Create", small),
    check("**.RSA.Create", small),
    check("DSA.Create", small),
    check("RSACryptoServiceProvider", small),
    check("**.RSACryptoServiceProvider", small),
    check("DSACryptoServiceProvider", small),
    check("RSACng", small),
    check("RSAOpenSsl", small),
    check("RSACryptoServiceProvider", small_named),
    check("**.set_KeySize", small_asymmetric),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "weak-key-size",
    name: "Weak key size",
    cwes: &["CWE-326"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use RSA keys of at least 2048 bits (3072 for long-lived keys).",
    references: &[
        "https://cwe.mitre.org/data/definitions/326.html",
        "https://learn.microsoft.com/dotnet/api/system.security.cryptography.rsa.create",
    ],
    checks: KEY_CHECKS,
};
