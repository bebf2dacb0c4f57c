//! # Weak cryptographic key size
//!
//! ## What it finds
//! RSA, DSA and Diffie-Hellman keys generated with fewer than 2048 bits (`OpenSSL::PKey::RSA.new(1024)`,
//! `OpenSSL::PKey::RSA.generate(512)`), and elliptic-curve keys on curves under 224 bits.
//!
//! ## Why it matters
//! Short keys can be factored or broken with affordable computing power, exposing everything they encrypt or sign.
//!
//! ## Example
//! ```ruby
//! KEY = OpenSSL::PKey::RSA.new(1024)
//! ```
//!
//! ## Fix
//! Generate at least a 2048-bit key:
//! ```ruby
//! KEY = OpenSSL::PKey::RSA.new(3072)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/326.html
//! - https://ruby-doc.org/stdlib/libdoc/openssl/rdoc/OpenSSL/PKey/RSA.html

use super::shared::num_arg;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "weak-key-size",
    name: "Weak cryptographic key size",
    cwes: &["CWE-326"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use RSA and DSA keys of at least 2048 bits (3072 or more for long-lived keys), or an elliptic curve such as prime256v1.",
    references: &[
        "https://cwe.mitre.org/data/definitions/326.html",
        "https://ruby-doc.org/stdlib/libdoc/openssl/rdoc/OpenSSL/PKey/RSA.html",
    ],
    checks: &[
        Check::Call(CallCheck { pattern: "OpenSSL.PKey.RSA", when: Some(small_key), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.PKey.RSA.generate", when: Some(small_key), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.PKey.DSA", when: Some(small_key), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.PKey.DSA.generate", when: Some(small_key), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.PKey.DH", when: Some(small_key), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.PKey.DH.generate", when: Some(small_key), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.PKey.EC", when: Some(weak_curve), message: MSG_EC }),
        Check::Call(CallCheck { pattern: "OpenSSL.PKey.EC.generate", when: Some(weak_curve), message: MSG_EC }),
    ],
};

const MSG: &str = "key shorter than 2048 bits";
const MSG_EC: &str = "elliptic curve shorter than 224 bits";

fn small_key(site: &CallSite) -> bool {
    num_arg(site, 0, "").is_some_and(|bits| bits > 0.0 && bits < 2048.0)
}

fn weak_curve(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|c| {
        let c = c.to_ascii_lowercase();
        ["112", "128", "160", "192"].iter().any(|b| c.contains(b))
    })
}
