//! # Insecure hashing
//!
//! ## What it finds
//! MD2, MD4, MD5 and SHA-1: `MessageDigest.getInstance("MD5")`/`("SHA-1")`, signatures over them
//! (`Signature.getInstance("SHA1withRSA")`), Commons Codec `DigestUtils.md5Hex`/`sha1Hex`/…, Guava `Hashing.md5()`/
//! `sha1()`, and Spring Security's `Md5PasswordEncoder`, `ShaPasswordEncoder`, `LdapShaPasswordEncoder`,
//! `MessageDigestPasswordEncoder` and `NoOpPasswordEncoder`.
//!
//! ## Why it matters
//! Collisions for MD5 and SHA-1 are practical, so signatures and integrity checks over them can be forged; fast
//! unsalted hashes of passwords are cracked in bulk.
//!
//! ## Example
//! ```java
//! MessageDigest md = MessageDigest.getInstance("MD5");
//! byte[] hash = md.digest(password.getBytes(StandardCharsets.UTF_8));
//! ```
//!
//! ## Fix
//! Use SHA-256 or better for integrity, and a password hash for passwords:
//! ```java
//! MessageDigest md = MessageDigest.getInstance("SHA-256");
//! String stored = new BCryptPasswordEncoder().encode(password);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/328.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn weak_digest(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|a| {
        let a = a.to_ascii_uppercase().replace('-', "");
        matches!(a.as_str(), "MD2" | "MD4" | "MD5" | "SHA" | "SHA1" | "SHA0")
    })
}

fn weak_signature(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|a| {
        let a = a.to_ascii_uppercase();
        a.starts_with("MD2WITH") || a.starts_with("MD5WITH") || a.starts_with("SHA1WITH")
    })
}

const fn always(pattern: &'static str, message: &'static str) -> Check {
    Check::Call(CallCheck { pattern, when: None, message })
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-hashing",
    name: "Insecure hashing",
    cwes: &["CWE-327", "CWE-328"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use SHA-256 or better (MessageDigest.getInstance(\"SHA-256\")) for integrity and signatures, and BCrypt, SCrypt, Argon2 or PBKDF2 for passwords.",
    references: &["https://cwe.mitre.org/data/definitions/328.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.MessageDigest.getInstance",
            when: Some(weak_digest),
            message: "a broken hash algorithm",
        }),
        Check::Call(CallCheck {
            pattern: "**.Signature.getInstance",
            when: Some(weak_signature),
            message: "a signature over a broken hash",
        }),
        always("**.DigestUtils.md5", "MD5 is broken"),
        always("**.DigestUtils.md5Hex", "MD5 is broken"),
        always("**.DigestUtils.md2", "MD2 is broken"),
        always("**.DigestUtils.md2Hex", "MD2 is broken"),
        always("**.DigestUtils.getMd5Digest", "MD5 is broken"),
        always("**.DigestUtils.getMd2Digest", "MD2 is broken"),
        always("**.DigestUtils.sha", "SHA-1 is broken"),
        always("**.DigestUtils.shaHex", "SHA-1 is broken"),
        always("**.DigestUtils.sha1", "SHA-1 is broken"),
        always("**.DigestUtils.sha1Hex", "SHA-1 is broken"),
        always("**.DigestUtils.getSha1Digest", "SHA-1 is broken"),
        always("**.DigestUtils.getShaDigest", "SHA-1 is broken"),
        always("**.Hashing.md5", "MD5 is broken"),
        always("**.Hashing.sha1", "SHA-1 is broken"),
        always("**.Md5PasswordEncoder", "MD5 password hashing"),
        always("**.ShaPasswordEncoder", "SHA password hashing"),
        always("**.LdapShaPasswordEncoder", "SHA password hashing"),
        always("**.MessageDigestPasswordEncoder", "a fast digest as a password hash"),
        always("**.NoOpPasswordEncoder.getInstance", "passwords stored in clear text"),
    ],
};
