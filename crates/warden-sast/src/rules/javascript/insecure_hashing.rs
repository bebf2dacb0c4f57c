//! # Insecure hashing
//!
//! ## What it finds
//! MD5, MD4, MD2 and SHA-1: `crypto.createHash('md5')`, `crypto.createHash('sha1')`, `crypto.hash('md5', …)`, the
//! `md5`/`blueimp-md5`/`js-md5`/`sha1` packages and crypto-js `MD5`/`SHA1`.
//!
//! ## Why it matters
//! Collisions for MD5 and SHA-1 can be computed, so they cannot protect integrity or signatures, and both are far
//! too fast for passwords.
//!
//! ## Example
//! ```javascript
//! const digest = crypto.createHash('md5').update(body).digest('hex');
//! ```
//!
//! ## Fix
//! Use SHA-256 or better (and a password hash such as bcrypt, scrypt or Argon2 for passwords):
//! ```javascript
//! const digest = crypto.createHash('sha256').update(body).digest('hex');
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/328.html
//! - https://cwe.mitre.org/data/definitions/327.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn weak(alg: &str) -> bool {
    let a = alg.trim().to_ascii_lowercase();
    matches!(
        a.as_str(),
        "md5" | "md4" | "md2" | "sha1" | "sha-1" | "rsa-md5" | "rsa-sha1" | "md5-sha1" | "sha1withrsaencryption"
    )
}

fn weak_first(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(weak)
}

const MD5: &str = "MD5 is broken";
const SHA1: &str = "SHA-1 is broken";

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "insecure-hashing",
    name: "Insecure hashing",
    cwes: &["CWE-327", "CWE-328"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use SHA-256 or stronger (crypto.createHash('sha256')); for passwords use bcrypt, scrypt or Argon2.",
    references: &["https://cwe.mitre.org/data/definitions/328.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "crypto.createHash",
            when: Some(weak_first),
            message: "a broken hash algorithm",
        }),
        Check::Call(CallCheck { pattern: "crypto.hash", when: Some(weak_first), message: "a broken hash algorithm" }),
        Check::Call(CallCheck {
            pattern: "crypto.createSign",
            when: Some(weak_first),
            message: "a signature over a broken hash",
        }),
        Check::Call(CallCheck {
            pattern: "crypto.createVerify",
            when: Some(weak_first),
            message: "a signature over a broken hash",
        }),
        Check::Call(CallCheck { pattern: "md5", when: None, message: MD5 }),
        Check::Call(CallCheck { pattern: "blueimp-md5", when: None, message: MD5 }),
        Check::Call(CallCheck { pattern: "js-md5", when: None, message: MD5 }),
        Check::Call(CallCheck { pattern: "js-md5.*", when: None, message: MD5 }),
        Check::Call(CallCheck { pattern: "sha1", when: None, message: SHA1 }),
        Check::Call(CallCheck { pattern: "js-sha1", when: None, message: SHA1 }),
        Check::Call(CallCheck { pattern: "crypto-js.MD5", when: None, message: MD5 }),
        Check::Call(CallCheck { pattern: "crypto-js.SHA1", when: None, message: SHA1 }),
        Check::Call(CallCheck { pattern: "crypto-js.HmacMD5", when: None, message: MD5 }),
        Check::Call(CallCheck { pattern: "crypto-js/md5", when: None, message: MD5 }),
        Check::Call(CallCheck { pattern: "crypto-js/sha1", when: None, message: SHA1 }),
        Check::Call(CallCheck { pattern: "node-forge.md.md5.create", when: None, message: MD5 }),
        Check::Call(CallCheck { pattern: "node-forge.md.sha1.create", when: None, message: SHA1 }),
    ],
};
