//! # Insecure cryptography
//!
//! ## What it finds
//! Broken ciphers and modes: DES, 3DES, RC2, RC4/ARC4, Blowfish, CAST, XOR (PyCryptodome `Crypto.Cipher.*`,
//! `cryptography` `algorithms.*`), ECB mode (`AES.MODE_ECB`, `modes.ECB`), and a constant IV or nonce.
//!
//! ## Why it matters
//! These ciphers and modes leak plaintext patterns or can be brute-forced; a fixed IV makes equal plaintexts
//! encrypt equally.
//!
//! ## Example
//! ```python
//! cipher = DES.new(key, DES.MODE_ECB)
//! ```
//!
//! ## Fix
//! Use authenticated encryption:
//! ```python
//! ciphertext = AESGCM(key).encrypt(os.urandom(12), data, None)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// PyCryptodome `AES.new(key, AES.MODE_ECB)` or `AES.new(key, mode, iv=b"constant")`.
fn ecb_or_static_iv(site: &CallSite) -> bool {
    if !site.callee.contains("Cipher") && !site.callee.contains("AES") {
        return false;
    }
    let ecb = site.arg(1, "mode").and_then(|a| a.value.dotted()).is_some_and(|m| m.ends_with("MODE_ECB"));
    let static_iv = ["iv", "IV", "nonce"].iter().any(|k| site.keyword(k).is_some_and(|c| c.as_str().is_some()))
        || site.konst(2, "").is_some_and(|c| c.as_str().is_some());
    ecb || static_iv
}

/// `modes.CBC(b"0000000000000000")`: a literal IV.
fn constant_iv(site: &CallSite) -> bool {
    site.konst(0, "initialization_vector").is_some_and(|c| c.as_str().is_some())
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-cryptography",
    name: "Insecure cryptography",
    cwes: &["CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use AES-GCM (or ChaCha20-Poly1305) with a random nonce per message, e.g. cryptography's AESGCM; never DES, 3DES, RC4, Blowfish, ECB mode or a constant IV.",
    references: &["https://cwe.mitre.org/data/definitions/327.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "Crypto.Cipher.DES.new", when: None, message: "DES is broken" }),
        Check::Call(CallCheck { pattern: "Crypto.Cipher.DES3.new", when: None, message: "3DES is deprecated" }),
        Check::Call(CallCheck { pattern: "Crypto.Cipher.ARC4.new", when: None, message: "RC4 is broken" }),
        Check::Call(CallCheck { pattern: "Crypto.Cipher.ARC2.new", when: None, message: "RC2 is broken" }),
        Check::Call(CallCheck {
            pattern: "Crypto.Cipher.Blowfish.new",
            when: None,
            message: "Blowfish has a 64-bit block",
        }),
        Check::Call(CallCheck { pattern: "Crypto.Cipher.CAST.new", when: None, message: "CAST has a 64-bit block" }),
        Check::Call(CallCheck { pattern: "Crypto.Cipher.XOR.new", when: None, message: "XOR is not encryption" }),
        Check::Call(CallCheck { pattern: "Cryptodome.Cipher.DES.new", when: None, message: "DES is broken" }),
        Check::Call(CallCheck { pattern: "Cryptodome.Cipher.ARC4.new", when: None, message: "RC4 is broken" }),
        Check::Call(CallCheck {
            pattern: "Cryptodome.Cipher.Blowfish.new",
            when: None,
            message: "Blowfish has a 64-bit block",
        }),
        Check::Call(CallCheck {
            pattern: "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES",
            when: None,
            message: "3DES is deprecated",
        }),
        Check::Call(CallCheck {
            pattern: "cryptography.hazmat.primitives.ciphers.algorithms.ARC4",
            when: None,
            message: "RC4 is broken",
        }),
        Check::Call(CallCheck {
            pattern: "cryptography.hazmat.primitives.ciphers.algorithms.Blowfish",
            when: None,
            message: "Blowfish has a 64-bit block",
        }),
        Check::Call(CallCheck {
            pattern: "cryptography.hazmat.primitives.ciphers.algorithms.IDEA",
            when: None,
            message: "IDEA has a 64-bit block",
        }),
        Check::Call(CallCheck {
            pattern: "cryptography.hazmat.primitives.ciphers.algorithms.CAST5",
            when: None,
            message: "CAST5 has a 64-bit block",
        }),
        Check::Call(CallCheck { pattern: "algorithms.TripleDES", when: None, message: "3DES is deprecated" }),
        Check::Call(CallCheck { pattern: "algorithms.ARC4", when: None, message: "RC4 is broken" }),
        Check::Call(CallCheck { pattern: "algorithms.Blowfish", when: None, message: "Blowfish has a 64-bit block" }),
        Check::Call(CallCheck {
            pattern: "cryptography.hazmat.primitives.ciphers.modes.ECB",
            when: None,
            message: "ECB mode leaks plaintext patterns",
        }),
        Check::Call(CallCheck { pattern: "modes.ECB", when: None, message: "ECB mode leaks plaintext patterns" }),
        Check::Call(CallCheck {
            pattern: "**.new",
            when: Some(ecb_or_static_iv),
            message: "ECB mode or a constant IV",
        }),
        Check::Call(CallCheck { pattern: "**.modes.CBC", when: Some(constant_iv), message: "a constant IV" }),
        Check::Call(CallCheck { pattern: "modes.CBC", when: Some(constant_iv), message: "a constant IV" }),
    ],
};
