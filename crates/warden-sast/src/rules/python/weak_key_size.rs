//! # Weak key size
//!
//! ## What it finds
//! RSA or DSA keys generated with fewer than 2048 bits (`rsa.generate_private_key(key_size=1024)`, PyCryptodome
//! `RSA.generate(1024)`, `DSA.generate`), and small elliptic curves (`SECP192R1`).
//!
//! ## Why it matters
//! 1024-bit RSA is within reach of well-funded attackers; keys made today protect data for years.
//!
//! ## Example
//! ```python
//! key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
//! ```
//!
//! ## Fix
//! Use 2048 bits or more:
//! ```python
//! key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/326.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn under_2048(c: Option<&crate::rules::Const>) -> bool {
    matches!(c, Some(crate::rules::Const::Num(n)) if *n < 2048.0)
}

/// `rsa.generate_private_key(65537, 1024)` / `key_size=1024`.
fn small_key_size(site: &CallSite) -> bool {
    under_2048(site.konst(1, "key_size"))
}

/// `dsa.generate_private_key(1024)`.
fn small_dsa(site: &CallSite) -> bool {
    under_2048(site.konst(0, "key_size"))
}

/// PyCryptodome `RSA.generate(1024)`.
fn small_bits(site: &CallSite) -> bool {
    under_2048(site.konst(0, "bits"))
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "weak-key-size",
    name: "Weak key size",
    cwes: &["CWE-326"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use RSA or DSA keys of at least 2048 bits (3072 for use beyond 2030), or elliptic curves of at least 224 bits.",
    references: &["https://cwe.mitre.org/data/definitions/326.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.rsa.generate_private_key",
            when: Some(small_key_size),
            message: "an RSA key under 2048 bits",
        }),
        Check::Call(CallCheck {
            pattern: "**.dsa.generate_private_key",
            when: Some(small_dsa),
            message: "a DSA key under 2048 bits",
        }),
        Check::Call(CallCheck {
            pattern: "**.RSA.generate",
            when: Some(small_bits),
            message: "an RSA key under 2048 bits",
        }),
        Check::Call(CallCheck {
            pattern: "**.DSA.generate",
            when: Some(small_bits),
            message: "a DSA key under 2048 bits",
        }),
        Check::Call(CallCheck { pattern: "**.ec.SECP192R1", when: None, message: "a 192-bit curve" }),
    ],
};
