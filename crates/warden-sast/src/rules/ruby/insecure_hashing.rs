//! # Weak hashing algorithm
//!
//! ## What it finds
//! Hashes computed with MD5 or SHA-1: `Digest::MD5.hexdigest(x)`, `Digest::SHA1.new`, `OpenSSL::Digest::MD5.new`,
//! `OpenSSL::Digest.new("SHA1")`, `OpenSSL::Digest.digest("MD5", x)`, HMAC-MD5.
//!
//! ## Why it matters
//! MD5 and SHA-1 have practical collisions and are fast to brute-force: signatures, integrity checks and password
//! hashes built on them can be forged or reversed.
//!
//! ## Example
//! ```ruby
//! def fingerprint(document)
//!   Digest::MD5.hexdigest(document)
//! end
//! ```
//!
//! ## Fix
//! Use a SHA-2 hash:
//! ```ruby
//!   Digest::SHA256.hexdigest(document)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/328.html
//! - https://ruby-doc.org/stdlib/libdoc/digest/rdoc/Digest.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-hashing",
    name: "Weak hashing algorithm",
    cwes: &["CWE-327", "CWE-328"],
    severity: Severity::Medium,
    tags: &["cryptography", "hashing"],
    remediation: "Use SHA-256 or better (Digest::SHA256, OpenSSL::Digest.new(\"SHA256\")); for passwords use bcrypt, scrypt or Argon2.",
    references: &[
        "https://cwe.mitre.org/data/definitions/328.html",
        "https://ruby-doc.org/stdlib/libdoc/digest/rdoc/Digest.html",
    ],
    checks: &[
        Check::Call(CallCheck { pattern: "Digest.MD5", when: Some(is_new), message: MSG_MD5 }),
        Check::Call(CallCheck { pattern: "Digest.MD5.*", when: Some(hashes_data), message: MSG_MD5 }),
        Check::Call(CallCheck { pattern: "Digest.SHA1", when: Some(is_new), message: MSG_SHA1 }),
        Check::Call(CallCheck { pattern: "Digest.SHA1.*", when: Some(hashes_data), message: MSG_SHA1 }),
        Check::Call(CallCheck { pattern: "OpenSSL.Digest.MD5", when: Some(is_new), message: MSG_MD5 }),
        Check::Call(CallCheck { pattern: "OpenSSL.Digest.MD5.*", when: Some(hashes_data), message: MSG_MD5 }),
        Check::Call(CallCheck { pattern: "OpenSSL.Digest.SHA1", when: Some(is_new), message: MSG_SHA1 }),
        Check::Call(CallCheck { pattern: "OpenSSL.Digest.SHA1.*", when: Some(hashes_data), message: MSG_SHA1 }),
        Check::Call(CallCheck { pattern: "OpenSSL.Digest", when: Some(weak_name_first), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Digest.digest", when: Some(weak_name_first), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Digest.hexdigest", when: Some(weak_name_first), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Digest.base64digest", when: Some(weak_name_first), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.HMAC.*", when: Some(md5_first), message: MSG_MD5 }),
    ],
};

const MSG_MD5: &str = "MD5 is a broken hash function";
const MSG_SHA1: &str = "SHA-1 is a broken hash function";
const MSG: &str = "MD5 and SHA-1 are broken hash functions";

fn is_new(site: &CallSite) -> bool {
    site.new
}

/// A class-level hashing call given the data (`Digest::MD5.hexdigest(x)`, `.file(path)`), not a call on an
/// instance already reported where it was created.
fn hashes_data(site: &CallSite) -> bool {
    matches!(site.method(), "hexdigest" | "digest" | "base64digest" | "file" | "bubblebabble") && !site.args.is_empty()
}

fn weak(name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace(['-', '_'], "");
    matches!(n.as_str(), "md5" | "sha1" | "md4" | "md2" | "ripemd160" | "rmd160")
}

/// `OpenSSL::Digest.new("SHA1")`, `OpenSSL::Digest.digest("MD5", data)`.
fn weak_name_first(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(weak)
}

fn md5_first(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|n| n.eq_ignore_ascii_case("md5"))
}
