//! # Insecure cryptography
//!
//! ## What it finds
//! Broken or weak ciphers and modes: `crypto.createCipheriv` with DES, 3DES, RC4, RC2, Blowfish, CAST, IDEA or an
//! ECB mode; the deprecated `crypto.createCipher`/`createDecipher` (no IV, MD5 key derivation); a constant IV
//! (`createCipheriv('aes-256-cbc', key, Buffer.alloc(16, 0))`); crypto-js `DES`, `TripleDES`, `RC4` and `mode.ECB`;
//! node-forge ciphers with those algorithms.
//!
//! ## Why it matters
//! These ciphers can be broken or leak plaintext patterns; a fixed IV makes equal messages encrypt equally.
//!
//! ## Example
//! ```javascript
//! const cipher = crypto.createCipheriv('des-ede3-cbc', key, iv);
//! const ecb = crypto.createCipheriv('aes-128-ecb', key, null);
//! ```
//!
//! ## Fix
//! Use AES-GCM with a random IV per message:
//! ```javascript
//! const iv = crypto.randomBytes(12);
//! const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html
//! - https://cwe.mitre.org/data/definitions/329.html

use crate::ir::{Expr, ExprKind};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn weak_alg(alg: &str) -> bool {
    let a = alg.trim().to_ascii_lowercase();
    let family = a.split('-').next().unwrap_or(&a);
    a.contains("ecb")
        || matches!(
            family,
            "des"
                | "des3"
                | "desx"
                | "rc4"
                | "rc2"
                | "bf"
                | "blowfish"
                | "cast"
                | "cast5"
                | "idea"
                | "seed"
                | "3des"
                | "tripledes"
        )
        || a.starts_with("des")
        || a.starts_with("rc4")
        || a.starts_with("rc2")
}

fn weak_first(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(weak_alg)
}

/// A constant IV: a string literal, `Buffer.from('…')`, `Buffer.alloc(n)`, `Buffer.alloc(n, 0)`, `new
/// Buffer('…')`, `Buffer.from([0, 0, …])`.
fn constant_iv(site: &CallSite) -> bool {
    if site.str_arg(0, "").is_some_and(weak_alg)
        || site.str_arg(0, "").is_some_and(|a| a.to_ascii_lowercase().contains("ecb"))
    {
        return false; // reported as a weak algorithm
    }
    if matches!(site.konst(2, ""), Some(crate::rules::Const::Str(_))) {
        return true;
    }
    site.arg(2, "").is_some_and(|a| constant_bytes(&a.value))
}

fn constant_bytes(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Str(_) => true,
        ExprKind::Call { callee, args, .. } => {
            let name = callee.dotted().unwrap_or_default();
            match name.as_str() {
                "Buffer.alloc" => {
                    args.len() == 1
                        || args.get(1).is_some_and(|a| matches!(a.value.kind, ExprKind::Num(_) | ExprKind::Str(_)))
                }
                "Buffer.from" | "Buffer" => args.first().is_some_and(|a| match &a.value.kind {
                    ExprKind::Str(_) => true,
                    ExprKind::List(items) => {
                        !items.is_empty() && items.iter().all(|i| matches!(i.kind, ExprKind::Num(_)))
                    }
                    _ => false,
                }),
                _ => false,
            }
        }
        _ => false,
    }
}

/// crypto-js `AES.encrypt(m, k, { mode: CryptoJS.mode.ECB })`.
fn ecb_option(site: &CallSite) -> bool {
    site.args.iter().any(|a| match &a.value.kind {
        ExprKind::Dict(entries) => entries.iter().any(|(k, v)| {
            k.as_ref().and_then(|k| k.as_str()) == Some("mode") && v.dotted().is_some_and(|d| d.ends_with("mode.ECB"))
        }),
        _ => false,
    })
}

const WEAK: &str = "a broken cipher or ECB mode";

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "insecure-cryptography",
    name: "Insecure cryptography",
    cwes: &["CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use AES-256-GCM (or ChaCha20-Poly1305) through crypto.createCipheriv with a random IV for every \
                  message; never DES, 3DES, RC4, Blowfish or ECB.",
    references: &["https://cwe.mitre.org/data/definitions/327.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "crypto.createCipheriv", when: Some(weak_first), message: WEAK }),
        Check::Call(CallCheck { pattern: "crypto.createDecipheriv", when: Some(weak_first), message: WEAK }),
        Check::Call(CallCheck { pattern: "crypto.createCipheriv", when: Some(constant_iv), message: "a constant IV" }),
        Check::Call(CallCheck {
            pattern: "crypto.createCipher",
            when: None,
            message: "createCipher derives the key with MD5 and uses no IV",
        }),
        Check::Call(CallCheck {
            pattern: "crypto.createDecipher",
            when: None,
            message: "createDecipher derives the key with MD5 and uses no IV",
        }),
        Check::Call(CallCheck { pattern: "crypto-js.DES.*", when: None, message: "DES is broken" }),
        Check::Call(CallCheck { pattern: "crypto-js.TripleDES.*", when: None, message: "3DES is deprecated" }),
        Check::Call(CallCheck { pattern: "crypto-js.RC4.*", when: None, message: "RC4 is broken" }),
        Check::Call(CallCheck { pattern: "crypto-js.RC4Drop.*", when: None, message: "RC4 is broken" }),
        Check::Call(CallCheck {
            pattern: "crypto-js.AES.*",
            when: Some(ecb_option),
            message: "ECB mode leaks plaintext patterns",
        }),
        Check::Call(CallCheck { pattern: "node-forge.cipher.createCipher", when: Some(weak_first), message: WEAK }),
        Check::Call(CallCheck { pattern: "node-forge.cipher.createDecipher", when: Some(weak_first), message: WEAK }),
    ],
};
