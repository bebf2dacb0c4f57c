//! # Insecure hashing
//!
//! ## What it finds
//! MD5 or SHA-1 (`hashlib.md5`, `hashlib.sha1`, `hashlib.new('md5')`, PyCryptodome `MD5`/`SHA1`, `cryptography`
//! `hashes.MD5`/`SHA1`) unless marked `usedforsecurity=False`.
//!
//! ## Why it matters
//! Both are broken for collision resistance: signatures and integrity checks built on them can be forged, and
//! they are far too fast for passwords.
//!
//! ## Example
//! ```python
//! token_hash = hashlib.md5(password.encode()).hexdigest()
//! ```
//!
//! ## Fix
//! Use a strong hash:
//! ```python
//! token_hash = hashlib.sha256(data).hexdigest()
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/328.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// Not marked `usedforsecurity=False`.
fn for_security(site: &CallSite) -> bool {
    site.keyword("usedforsecurity").is_none_or(|c| c.truthy())
}

/// `hashlib.new("md5")`, `hashlib.new("sha1")`.
fn weak_name(site: &CallSite) -> bool {
    for_security(site)
        && site
            .str_arg(0, "name")
            .is_some_and(|n| matches!(n.to_ascii_lowercase().as_str(), "md5" | "sha1" | "sha-1" | "md4" | "md2"))
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-hashing",
    name: "Insecure hashing",
    cwes: &["CWE-327", "CWE-328"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use SHA-256 or better for integrity and signatures, and a password hash (bcrypt, scrypt, argon2, hashlib.pbkdf2_hmac) for passwords; pass usedforsecurity=False where MD5/SHA-1 is only a checksum.",
    references: &["https://cwe.mitre.org/data/definitions/328.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "hashlib.md5", when: Some(for_security), message: "MD5 is broken" }),
        Check::Call(CallCheck { pattern: "hashlib.sha1", when: Some(for_security), message: "SHA-1 is broken" }),
        Check::Call(CallCheck { pattern: "hashlib.new", when: Some(weak_name), message: "a broken hash algorithm" }),
        Check::Call(CallCheck { pattern: "Crypto.Hash.MD5.new", when: None, message: "MD5 is broken" }),
        Check::Call(CallCheck { pattern: "Crypto.Hash.SHA.new", when: None, message: "SHA-1 is broken" }),
        Check::Call(CallCheck { pattern: "Crypto.Hash.SHA1.new", when: None, message: "SHA-1 is broken" }),
        Check::Call(CallCheck {
            pattern: "cryptography.hazmat.primitives.hashes.MD5",
            when: None,
            message: "MD5 is broken",
        }),
        Check::Call(CallCheck {
            pattern: "cryptography.hazmat.primitives.hashes.SHA1",
            when: None,
            message: "SHA-1 is broken",
        }),
        Check::Call(CallCheck { pattern: "hashes.MD5", when: None, message: "MD5 is broken" }),
        Check::Call(CallCheck { pattern: "hashes.SHA1", when: None, message: "SHA-1 is broken" }),
    ],
};
