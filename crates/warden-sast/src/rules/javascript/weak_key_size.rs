//! # Weak key size
//!
//! ## What it finds
//! RSA and DSA keys under 2048 bits (`crypto.generateKeyPairSync('rsa', { modulusLength: 1024 })`, `new
//! NodeRSA({ b: 512 })`, node-forge `rsa.generateKeyPair(1024)`), Diffie-Hellman groups under 2048 bits
//! (`createDiffieHellman(1024)`, `getDiffieHellman('modp2')`) and 192-bit elliptic curves.
//!
//! ## Why it matters
//! Keys this small can be factored or solved with affordable computing power.
//!
//! ## Example
//! ```javascript
//! const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
//! ```
//!
//! ## Fix
//! ```javascript
//! const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/326.html

use super::shared::opt;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn small(n: Option<f64>) -> bool {
    n.is_some_and(|n| n > 0.0 && n < 2048.0)
}

fn small_keypair(site: &CallSite) -> bool {
    let kind = site.str_arg(0, "").map(str::to_ascii_lowercase).unwrap_or_default();
    match kind.as_str() {
        "rsa" | "rsa-pss" | "dsa" | "dh" => {
            small(opt(site, 1, "modulusLength").num()) || small(opt(site, 1, "primeLength").num())
        }
        "ec" => opt(site, 1, "namedCurve").str().is_some_and(|c| {
            matches!(
                c.to_ascii_lowercase().as_str(),
                "secp192r1" | "prime192v1" | "secp160r1" | "secp112r1" | "secp128r1"
            )
        }),
        _ => false,
    }
}

fn small_first(site: &CallSite) -> bool {
    match site.konst(0, "") {
        Some(crate::rules::Const::Num(n)) => small(Some(*n)),
        _ => small(opt(site, 0, "bits").num()) || small(opt(site, 0, "b").num()),
    }
}

fn weak_group(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|g| matches!(g, "modp1" | "modp2" | "modp5"))
}

const RSA: &str = "a key under 2048 bits";

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "weak-key-size",
    name: "Weak key size",
    cwes: &["CWE-326"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use RSA keys of at least 2048 bits (3072 recommended), Diffie-Hellman groups of at least 2048 bits, \
                  or elliptic curves such as P-256.",
    references: &["https://cwe.mitre.org/data/definitions/326.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "crypto.generateKeyPair", when: Some(small_keypair), message: RSA }),
        Check::Call(CallCheck { pattern: "crypto.generateKeyPairSync", when: Some(small_keypair), message: RSA }),
        Check::Call(CallCheck {
            pattern: "crypto.createDiffieHellman",
            when: Some(small_first),
            message: "a Diffie-Hellman group under 2048 bits",
        }),
        Check::Call(CallCheck {
            pattern: "crypto.getDiffieHellman",
            when: Some(weak_group),
            message: "a Diffie-Hellman group under 2048 bits",
        }),
        Check::Call(CallCheck { pattern: "node-rsa", when: Some(small_first), message: RSA }),
        Check::Call(CallCheck { pattern: "node-rsa.generateKeyPair", when: Some(small_first), message: RSA }),
        Check::Call(CallCheck { pattern: "**.rsa.generateKeyPair", when: Some(small_first), message: RSA }),
    ],
};
