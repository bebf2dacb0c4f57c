//! # Weak key size
//!
//! ## What it finds
//! RSA, DSA and Diffie-Hellman keys under 2048 bits (`KeyPairGenerator.initialize(1024)`,
//! `new RSAKeyGenParameterSpec(1024, …)`), symmetric keys under 128 bits (`KeyGenerator.init(64)`), and elliptic
//! curves under 224 bits (`new ECGenParameterSpec("secp192r1")`). Key sizes of elliptic-curve generators (256,
//! 384, 521) are not mistaken for RSA sizes.
//!
//! ## Why it matters
//! 1024-bit RSA and DH are within reach of well-funded attackers, and everything encrypted or signed with such a key
//! can be broken later.
//!
//! ## Example
//! ```java
//! KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
//! gen.initialize(1024);
//! ```
//!
//! ## Fix
//! ```java
//! gen.initialize(3072);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/326.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, Rule};
use warden_core::Severity;

fn bits(site: &CallSite) -> Option<f64> {
    match site.konst(0, "") {
        Some(Const::Num(n)) => Some(*n),
        _ => None,
    }
}

/// An RSA/DSA/DH size under 2048 (elliptic-curve sizes are below 600 and are not RSA sizes).
fn small_asymmetric(site: &CallSite) -> bool {
    bits(site).is_some_and(|n| (512.0..2048.0).contains(&n) && n != 521.0 && n != 571.0)
}

fn small_symmetric(site: &CallSite) -> bool {
    bits(site).is_some_and(|n| n < 128.0 && n > 0.0)
}

fn weak_curve(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        ["112", "128", "160", "163", "192"].iter().any(|b| c.contains(b)) && !c.contains("brainpoolp192")
            || c == "prime192v1"
    })
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "weak-key-size",
    name: "Weak key size",
    cwes: &["CWE-326"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use RSA/DSA/DH keys of at least 2048 bits (3072 for new keys), AES keys of 128 or 256 bits and curves of at least 256 bits.",
    references: &["https://cwe.mitre.org/data/definitions/326.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.KeyPairGenerator.initialize",
            when: Some(small_asymmetric),
            message: "an asymmetric key under 2048 bits",
        }),
        Check::Call(CallCheck {
            pattern: "**.RSAKeyGenParameterSpec",
            when: Some(small_asymmetric),
            message: "an RSA key under 2048 bits",
        }),
        Check::Call(CallCheck {
            pattern: "**.DHParameterSpec",
            when: Some(small_asymmetric),
            message: "a DH group under 2048 bits",
        }),
        Check::Call(CallCheck {
            pattern: "**.KeyGenerator.init",
            when: Some(small_symmetric),
            message: "a symmetric key under 128 bits",
        }),
        Check::Call(CallCheck {
            pattern: "**.ECGenParameterSpec",
            when: Some(weak_curve),
            message: "an elliptic curve under 224 bits",
        }),
    ],
};
