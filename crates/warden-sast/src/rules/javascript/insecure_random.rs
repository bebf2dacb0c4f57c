//! # Insecure random numbers
//!
//! ## What it finds
//! `Math.random()` (or lodash `_.random`) used to make a value whose name says it is secret: a token, password,
//! key, salt, nonce, OTP, session id or reset code, or returned by a function with such a name.
//!
//! ## Why it matters
//! `Math.random` is not a cryptographic generator: its output can be predicted from a few observed values, so
//! tokens made with it can be guessed.
//!
//! ## Example
//! ```javascript
//! const resetToken = Math.random().toString(36).slice(2);
//! ```
//!
//! ## Fix
//! Use the crypto module:
//! ```javascript
//! const resetToken = crypto.randomBytes(32).toString('hex');
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/338.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "insecure-random",
    name: "Insecure random numbers",
    cwes: &["CWE-330", "CWE-338"],
    severity: Severity::Medium,
    tags: &["cryptography", "random"],
    remediation: "Use crypto.randomBytes, crypto.randomInt or crypto.randomUUID for anything an attacker must not \
                  guess.",
    references: &["https://cwe.mitre.org/data/definitions/338.html"],
    checks: &[Check::Custom(crate::rules::shared_random::check)],
};
