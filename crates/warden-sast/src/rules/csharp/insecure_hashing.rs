//! # Insecure hashing
//!
//! ## What it finds
//! MD5, SHA-1 and RIPEMD-160: `MD5.Create()`, `SHA1.Create()`, `MD5.HashData`, `new MD5CryptoServiceProvider()`,
//! `new SHA1Managed()`, `HMACMD5`, `HashAlgorithm.Create("MD5")`, `CryptoConfig.CreateFromName("SHA1")`.
//!
//! ## Why it matters
//! Collisions for MD5 and SHA-1 are practical: signatures, integrity checks and fingerprints built on them can be forged.
//!
//! ## Example
//! ```csharp
//! using var md5 = MD5.Create();
//! var digest = md5.ComputeHash(Encoding.UTF8.GetBytes(password));
//! ```
//!
//! ## Fix
//! ```csharp
//! var digest = SHA256.HashData(data);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/328.html
//! - https://learn.microsoft.com/dotnet/standard/security/cryptographic-services

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn weak_name(c: &CallSite) -> bool {
    c.str_arg(0, "").is_some_and(|n| {
        let n = n.to_ascii_uppercase().replace(['-', '_'], "");
        matches!(
            n.as_str(),
            "MD5"
                | "SHA"
                | "SHA1"
                | "RIPEMD160"
                | "HMACMD5"
                | "SYSTEM.SECURITY.CRYPTOGRAPHY.MD5"
                | "SYSTEM.SECURITY.CRYPTOGRAPHY.SHA1"
        )
    })
}

const MESSAGE: &str = "MD5/SHA-1 are broken: collisions can be computed";

const fn weak(pattern: &'static str) -> Check {
    Check::Call(CallCheck { pattern, when: None, message: MESSAGE })
}

const HASH_CHECKS: &[Check] = &[
    weak("MD5.Create"),
    weak("**.MD5.Create"),
    weak("SHA1.Create"),
    weak("**.SHA1.Create"),
    weak("MD5.HashData"),
    weak("MD5.HashDataAsync"),
    weak("SHA1.HashData"),
    weak("SHA1.HashDataAsync"),
    weak("**.MD5.HashData"),
    weak("**.SHA1.HashData"),
    weak("MD5CryptoServiceProvider"),
    weak("**.MD5CryptoServiceProvider"),
    weak("SHA1CryptoServiceProvider"),
    weak("**.SHA1CryptoServiceProvider"),
    weak("SHA1Managed"),
    weak("**.SHA1Managed"),
    weak("SHA1Cng"),
    weak("MD5Cng"),
    weak("RIPEMD160.Create"),
    weak("RIPEMD160Managed"),
    weak("HMACMD5"),
    weak("**.HMACMD5"),
    weak("MD5Digest"),
    weak("Sha1Digest"),
    Check::Call(CallCheck { pattern: "HashAlgorithm.Create", when: Some(weak_name), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "CryptoConfig.CreateFromName", when: Some(weak_name), message: MESSAGE }),
    Check::Call(CallCheck { pattern: "IncrementalHash.CreateHash", when: Some(weak_algorithm), message: MESSAGE }),
];

fn weak_algorithm(c: &CallSite) -> bool {
    c.arg(0, "").and_then(|a| a.value.dotted()).is_some_and(|d| d.ends_with(".MD5") || d.ends_with(".SHA1"))
}

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-hashing",
    name: "Insecure hashing",
    cwes: &["CWE-328", "CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography", "hashing"],
    remediation: "Use SHA-256 or stronger (SHA256.HashData); for passwords use PBKDF2 (Rfc2898DeriveBytes.Pbkdf2), bcrypt or Argon2.",
    references: &[
        "https://cwe.mitre.org/data/definitions/328.html",
        "https://learn.microsoft.com/dotnet/standard/security/cryptographic-services",
    ],
    checks: HASH_CHECKS,
};
