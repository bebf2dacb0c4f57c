//! # Insecure cryptography
//!
//! ## What it finds
//! `Cipher.getInstance` with a broken or weak algorithm (DES, DESede/3DES, RC4/ARCFOUR, RC2, Blowfish, IDEA), with
//! ECB mode, or with a block cipher and no mode at all (`"AES"` means `AES/ECB/PKCS5Padding`); `KeyGenerator` for
//! those algorithms; a constant initialisation vector (`new IvParameterSpec(new byte[16])`, a literal byte array or
//! `"…".getBytes()`), also for GCM; and `NullCipher`.
//!
//! ## Why it matters
//! DES keys can be brute-forced, RC4 and 64-bit block ciphers leak plaintext, ECB shows patterns of the plaintext,
//! and a fixed IV makes equal messages encrypt equally (with GCM it breaks confidentiality and integrity).
//!
//! ## Example
//! ```java
//! Cipher cipher = Cipher.getInstance("DES/ECB/PKCS5Padding");
//! cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[8]));
//! ```
//!
//! ## Fix
//! Use AES-GCM with a random 12-byte IV for every message:
//! ```java
//! byte[] iv = new byte[12];
//! new SecureRandom().nextBytes(iv);
//! Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
//! cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html
//! - https://cwe.mitre.org/data/definitions/329.html

use crate::ir::{Expr, ExprKind};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, Rule};
use warden_core::Severity;

const WEAK_ALGORITHMS: &[&str] =
    &["DES", "DESEDE", "TRIPLEDES", "3DES", "RC4", "ARCFOUR", "RC2", "BLOWFISH", "IDEA", "RC5"];

/// A transformation with a weak algorithm, ECB, or a block cipher without a mode.
fn weak_transformation(site: &CallSite) -> bool {
    let Some(t) = site.str_arg(0, "") else { return false };
    let upper = t.to_ascii_uppercase();
    let mut parts = upper.split('/');
    let alg = parts.next().unwrap_or_default().trim();
    let mode = parts.next().map(str::trim);
    if WEAK_ALGORITHMS.contains(&alg) || alg.starts_with("PBEWITHMD5") || alg.contains("ANDDES") {
        return true;
    }
    match mode {
        Some(m) => m == "ECB" && !alg.starts_with("RSA") && !alg.starts_with("EC"),
        None => matches!(alg, "AES" | "CAMELLIA" | "SEED" | "ARIA" | "SM4"),
    }
}

fn weak_key_algorithm(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|a| WEAK_ALGORITHMS.contains(&a.to_ascii_uppercase().as_str()))
}

/// An expression that is the same bytes on every run.
fn static_bytes(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::List(items) => {
            !items.is_empty()
                && items.iter().all(|i| matches!(i.kind, ExprKind::Num(_) | ExprKind::Str(_) | ExprKind::Unary { .. }))
        }
        // `new byte[16]`: zeros
        ExprKind::Other(parts) => !parts.is_empty() && parts.iter().all(|p| matches!(p.kind, ExprKind::Num(_))),
        ExprKind::Call { callee, .. } => matches!(&callee.kind, ExprKind::Attr { obj, name }
            if name == "getBytes" && matches!(obj.kind, ExprKind::Str(_))),
        _ => false,
    }
}

fn constant_iv_at(site: &CallSite, index: usize) -> bool {
    site.arg(index, "").is_some_and(|a| static_bytes(&a.value))
        || matches!(site.konst(index, ""), Some(Const::List(_) | Const::Str(_)))
}

fn constant_iv(site: &CallSite) -> bool {
    constant_iv_at(site, 0)
}

fn constant_gcm_iv(site: &CallSite) -> bool {
    constant_iv_at(site, 1)
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-cryptography",
    name: "Insecure cryptography",
    cwes: &["CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use AES/GCM/NoPadding (or ChaCha20-Poly1305) with a fresh random IV per message from SecureRandom; never DES, 3DES, RC4, Blowfish or ECB mode.",
    references: &["https://cwe.mitre.org/data/definitions/327.html", "https://cwe.mitre.org/data/definitions/329.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.Cipher.getInstance",
            when: Some(weak_transformation),
            message: "a broken cipher or ECB mode",
        }),
        Check::Call(CallCheck {
            pattern: "**.KeyGenerator.getInstance",
            when: Some(weak_key_algorithm),
            message: "a key for a broken cipher",
        }),
        Check::Call(CallCheck {
            pattern: "**.IvParameterSpec",
            when: Some(constant_iv),
            message: "a constant initialisation vector",
        }),
        Check::Call(CallCheck {
            pattern: "**.GCMParameterSpec",
            when: Some(constant_gcm_iv),
            message: "a constant GCM nonce",
        }),
        Check::Call(CallCheck { pattern: "**.NullCipher", when: None, message: "NullCipher does not encrypt" }),
    ],
};
