//! # Insecure cryptography
//!
//! ## What it finds
//! Broken or weak ciphers (`DES`, `TripleDES`, `RC2`, BouncyCastle `DesEngine`, `BlowfishEngine`, `RC4Engine`),
//! ECB mode (`Mode = CipherMode.ECB`, `EncryptEcb`), and fixed initialization vectors (`aes.IV = new byte[16]`,
//! `CreateEncryptor(key, Encoding.UTF8.GetBytes("…"))`).
//!
//! ## Why it matters
//! DES keys are brute-forced; ECB leaks patterns of the plaintext; a fixed IV makes equal messages encrypt equally.
//!
//! ## Example
//! ```csharp
//! using var des = DES.Create();
//! aes.Mode = CipherMode.ECB;
//! ```
//!
//! ## Fix
//! ```csharp
//! using var gcm = new AesGcm(key, 16);
//! gcm.Encrypt(nonce, plaintext, ciphertext, tag);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html
//! - https://learn.microsoft.com/dotnet/standard/security/vulnerabilities-cbc-mode

use super::shared;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

const WEAK: &str = "DES, 3DES, RC2, RC4 and Blowfish are weak ciphers";

const fn weak(pattern: &'static str) -> Check {
    Check::Call(CallCheck { pattern, when: None, message: WEAK })
}

fn ecb_arg(c: &CallSite) -> bool {
    c.args.iter().any(|a| a.value.dotted().is_some_and(|d| d.ends_with("CipherMode.ECB")))
}

fn ecb_named(c: &CallSite) -> bool {
    c.args
        .iter()
        .any(|a| a.name.as_deref() == Some("Mode") && a.value.dotted().is_some_and(|d| d.ends_with("CipherMode.ECB")))
}

fn fixed_iv(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| shared::fixed_bytes(&a.value))
}

fn fixed_iv_named(c: &CallSite) -> bool {
    c.args.iter().any(|a| a.name.as_deref() == Some("IV") && shared::fixed_bytes(&a.value))
}

fn fixed_iv_second(c: &CallSite) -> bool {
    c.arg(1, "rgbIV").is_some_and(|a| shared::fixed_bytes(&a.value))
}

const ECB: &str = "ECB mode encrypts equal blocks equally and leaks patterns";
const IV: &str = "a fixed IV makes equal plaintexts encrypt to equal ciphertexts";

const CRYPTO_CHECKS: &[Check] = &[
    weak("DES.Create"),
    weak("**.DES.Create"),
    weak("DESCryptoServiceProvider"),
    weak("**.DESCryptoServiceProvider"),
    weak("TripleDES.Create"),
    weak("**.TripleDES.Create"),
    weak("TripleDESCryptoServiceProvider"),
    weak("**.TripleDESCryptoServiceProvider"),
    weak("TripleDESCng"),
    weak("RC2.Create"),
    weak("**.RC2.Create"),
    weak("RC2CryptoServiceProvider"),
    weak("DesEngine"),
    weak("DesEdeEngine"),
    weak("BlowfishEngine"),
    weak("RC4Engine"),
    weak("RC2Engine"),
    Check::Call(CallCheck { pattern: "**.set_Mode", when: Some(ecb_arg), message: ECB }),
    Check::Call(CallCheck { pattern: "*", when: Some(ecb_named), message: ECB }),
    Check::Call(CallCheck { pattern: "**.EncryptEcb", when: None, message: ECB }),
    Check::Call(CallCheck { pattern: "**.DecryptEcb", when: None, message: ECB }),
    Check::Call(CallCheck { pattern: "**.set_IV", when: Some(fixed_iv), message: IV }),
    Check::Call(CallCheck { pattern: "*", when: Some(fixed_iv_named), message: IV }),
    Check::Call(CallCheck { pattern: "**.CreateEncryptor", when: Some(fixed_iv_second), message: IV }),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "insecure-cryptography",
    name: "Insecure cryptography",
    cwes: &["CWE-327"],
    severity: Severity::Medium,
    tags: &["cryptography"],
    remediation: "Use AES-GCM (AesGcm) or AES-CBC with a random IV and an HMAC; never DES, 3DES, RC2, RC4, Blowfish or ECB mode.",
    references: &[
        "https://cwe.mitre.org/data/definitions/327.html",
        "https://learn.microsoft.com/dotnet/standard/security/vulnerabilities-cbc-mode",
    ],
    checks: CRYPTO_CHECKS,
};
