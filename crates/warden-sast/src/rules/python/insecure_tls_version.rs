//! # Insecure TLS version
//!
//! ## What it finds
//! SSLv2, SSLv3, TLS 1.0 or TLS 1.1 chosen explicitly (`ssl.PROTOCOL_SSLv3`, `PROTOCOL_TLSv1`,
//! `TLSVersion.TLSv1`, pyOpenSSL `SSLv3_METHOD`).
//!
//! ## Why it matters
//! These protocol versions have known attacks (POODLE, BEAST) and are disabled by modern servers.
//!
//! ## Example
//! ```python
//! ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
//! ```
//!
//! ## Fix
//! Use the default client protocol:
//! ```python
//! ctx = ssl.create_default_context()
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html

use crate::ir::Module;
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

const OLD: &[&str] = &[
    "PROTOCOL_SSLv2",
    "PROTOCOL_SSLv3",
    "PROTOCOL_SSLv23",
    "PROTOCOL_TLSv1",
    "PROTOCOL_TLSv1_1",
    "SSLv2_METHOD",
    "SSLv3_METHOD",
    "TLSv1_METHOD",
    "TLSv1_1_METHOD",
    "TLSVersion.TLSv1",
    "TLSVersion.TLSv1_1",
    "TLSVersion.SSLv3",
];

/// Any use of an old protocol constant.
fn old_protocols(module: &Module, out: &mut Vec<RawHit>) {
    crate::rules::shared_walk::expressions(module, &mut |e| {
        if let Some(d) = e.dotted()
            && (d.starts_with("ssl.") || d.starts_with("OpenSSL.") || d.starts_with("SSL."))
            && OLD.iter().any(|o| d.ends_with(o))
        {
            out.push(RawHit {
                span: e.span,
                message: format!("`{d}` is an insecure protocol version"),
                trace: Vec::new(),
            });
        }
    });
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "insecure-tls-version",
    name: "Insecure TLS version",
    cwes: &["CWE-326", "CWE-327"],
    severity: Severity::Medium,
    tags: &["tls", "cryptography"],
    remediation: "Use ssl.PROTOCOL_TLS_CLIENT (or create_default_context) and set minimum_version = ssl.TLSVersion.TLSv1_2.",
    references: &["https://cwe.mitre.org/data/definitions/327.html"],
    checks: &[Check::Custom(old_protocols)],
};
