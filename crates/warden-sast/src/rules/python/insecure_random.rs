//! # Insecure random numbers
//!
//! ## What it finds
//! The `random` module (`random.random`, `randint`, `choice`, `getrandbits`, …) used to make a value whose name
//! says it is secret: a token, password, key, salt, nonce, OTP, session or reset code.
//!
//! ## Why it matters
//! `random` is a Mersenne Twister: its output is predictable after a few observations, so tokens made with it can
//! be guessed.
//!
//! ## Example
//! ```python
//! reset_token = "".join(random.choice(ALPHABET) for _ in range(32))
//! ```
//!
//! ## Fix
//! Use the secrets module:
//! ```python
//! reset_token = secrets.token_urlsafe(32)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/338.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-random",
    name: "Insecure random numbers",
    cwes: &["CWE-330", "CWE-338"],
    severity: Severity::Medium,
    tags: &["cryptography", "random"],
    remediation: "Use the secrets module (secrets.token_urlsafe, secrets.token_hex, secrets.choice) or os.urandom for anything an attacker must not guess.",
    references: &["https://cwe.mitre.org/data/definitions/338.html"],
    checks: &[Check::Custom(crate::rules::shared_random::check)],
};
