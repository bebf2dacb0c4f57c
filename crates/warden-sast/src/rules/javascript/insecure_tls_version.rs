//! # Insecure TLS version
//!
//! ## What it finds
//! TLS options that allow or force SSLv3, TLS 1.0 or TLS 1.1: `secureProtocol: 'TLSv1_method'` (and the SSLv3 and
//! TLS 1.1 methods), `minVersion: 'TLSv1'`/`'TLSv1.1'`, `maxVersion: 'TLSv1.1'`, and `tls.DEFAULT_MIN_VERSION`
//! set to an old version.
//!
//! ## Why it matters
//! These protocol versions have known attacks (POODLE, BEAST) and weak cipher suites.
//!
//! ## Example
//! ```javascript
//! const socket = tls.connect(443, host, { secureProtocol: 'TLSv1_method' });
//! ```
//!
//! ## Fix
//! ```javascript
//! const socket = tls.connect(443, host, { minVersion: 'TLSv1.2' });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/327.html

use super::shared::{dotted_assignments, hit, objects};
use crate::ir::Module;
use crate::lang::Lang;
use crate::rules::{Check, RawHit, Rule};
use warden_core::Severity;

fn old_version(v: &str) -> bool {
    matches!(v.trim(), "TLSv1" | "TLSv1.0" | "TLSv1.1" | "SSLv3" | "SSLv2")
}

fn old_method(m: &str) -> bool {
    let m = m.trim();
    ["SSLv2_", "SSLv3_", "TLSv1_method", "TLSv1_client_method", "TLSv1_server_method", "TLSv1_1_"]
        .iter()
        .any(|p| m.starts_with(p))
}

fn old_protocols(module: &Module, out: &mut Vec<RawHit>) {
    objects(module, &mut |entries, _| {
        for (k, v) in entries {
            let (Some(key), Some(val)) = (k.as_ref().and_then(|k| k.as_str()), v.as_str()) else { continue };
            let bad = match key {
                "secureProtocol" => old_method(val),
                "minVersion" | "maxVersion" => old_version(val),
                _ => false,
            };
            if bad {
                hit(out, v.span, "an obsolete TLS/SSL protocol version");
            }
        }
    });
    dotted_assignments(module, &mut |path, value, span| {
        if path.ends_with("DEFAULT_MIN_VERSION") && value.as_str().is_some_and(old_version) {
            hit(out, span, "an obsolete default TLS version");
        }
    });
}

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "insecure-tls-version",
    name: "Insecure TLS version",
    cwes: &["CWE-326", "CWE-327"],
    severity: Severity::Medium,
    tags: &["tls", "cryptography"],
    remediation: "Require TLS 1.2 or later (minVersion: 'TLSv1.2') and do not pin secureProtocol to an old method.",
    references: &["https://cwe.mitre.org/data/definitions/327.html"],
    checks: &[Check::Custom(old_protocols)],
};
