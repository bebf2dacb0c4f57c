//! # Broken or risky cryptographic algorithm
//!
//! ## What it finds
//! Ciphers created with a broken or risky algorithm or mode (`OpenSSL::Cipher.new("des-cbc")`, `"des-ede3"`,
//! `"rc4"`, `"bf-cbc"`, any `…-ecb`, `OpenSSL::Cipher::DES.new`, `OpenSSL::Cipher::AES.new(128, :ECB)`), and
//! initialization vectors set to a constant (`cipher.iv = "0000000000000000"`).
//!
//! ## Why it matters
//! DES and RC4 are broken; ECB mode and a fixed IV reveal which blocks and messages are equal, so encrypted data
//! leaks its structure or can be decrypted.
//!
//! ## Example
//! ```ruby
//! def encrypt(data, key)
//!   cipher = OpenSSL::Cipher.new("des-ede3")
//!   cipher.encrypt
//!   cipher.key = key
//!   cipher.update(data) + cipher.final
//! end
//! ```
//!
//! ## Fix
//! Use an authenticated mode with a fresh IV:
//! ```ruby
//!   cipher = OpenSSL::Cipher.new("aes-256-gcm").encrypt
//!   cipher.key = key
//!   iv = cipher.random_iv
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html
//! - https://ruby-doc.org/stdlib/libdoc/openssl/rdoc/OpenSSL/Cipher.html

use super::shared::{Hits, each_stmt, str_args};
use crate::ir::{ExprKind, Module, Stmt};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, RawHit, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "insecure-cryptography",
    name: "Broken or risky cryptographic algorithm",
    cwes: &["CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography", "owasp-top10"],
    remediation: "Use AES-256-GCM (OpenSSL::Cipher.new(\"aes-256-gcm\")) with a random IV from cipher.random_iv for every message; do not use DES, 3DES, RC4, Blowfish or ECB mode.",
    references: &[
        "https://cwe.mitre.org/data/definitions/327.html",
        "https://ruby-doc.org/stdlib/libdoc/openssl/rdoc/OpenSSL/Cipher.html",
    ],
    checks: &[
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher", when: Some(weak_cipher_name), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.Cipher", when: Some(weak_cipher_name), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.new", when: Some(weak_cipher_name), message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.DES", when: None, message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.RC4", when: None, message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.RC2", when: None, message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.BF", when: None, message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.CAST5", when: None, message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.IDEA", when: None, message: MSG }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.AES", when: Some(ecb_mode), message: MSG_ECB }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.AES128", when: Some(ecb_mode), message: MSG_ECB }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.AES192", when: Some(ecb_mode), message: MSG_ECB }),
        Check::Call(CallCheck { pattern: "OpenSSL.Cipher.AES256", when: Some(ecb_mode), message: MSG_ECB }),
        Check::Custom(static_iv),
    ],
};

const MSG: &str = "weak cipher (DES, 3DES, RC4, RC2, Blowfish, CAST or ECB mode)";
const MSG_ECB: &str = "ECB mode reveals patterns in the plaintext";

/// `OpenSSL::Cipher.new("des-cbc")`, `"rc4"`, `"bf-cbc"`, `"aes-128-ecb"`.
fn weak_cipher_name(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|name| {
        let n = name.to_ascii_lowercase();
        ["des", "rc4", "rc2", "bf", "blowfish", "cast", "idea", "seed"].iter().any(|w| n.starts_with(w))
            || n.contains("ecb")
    })
}

/// `OpenSSL::Cipher::AES.new(128, :ECB)`, `OpenSSL::Cipher::AES128.new(:ECB)`.
fn ecb_mode(site: &CallSite) -> bool {
    str_args(site).iter().any(|s| s == "ecb")
}

/// `cipher.iv = "0123456789abcdef"`: a constant initialization vector.
fn static_iv(module: &Module, out: &mut Vec<RawHit>) {
    let mut hits = Hits::default();
    each_stmt(module, &mut |_, s| {
        let Stmt::Assign { target, value: Some(value), span, .. } = s else { return };
        let ExprKind::Attr { name, .. } = &target.kind else { return };
        if name != "iv" {
            return;
        }
        let constant = match &value.kind {
            ExprKind::Str(_) => true,
            ExprKind::Binary { left, right, .. } => {
                matches!(left.kind, ExprKind::Str(_)) && matches!(right.kind, ExprKind::Num(_) | ExprKind::Str(_))
            }
            _ => false,
        };
        if constant {
            hits.add(*span, "a constant initialization vector");
        }
    });
    out.extend(hits.out);
}
