//! # Missing SSH host key verification
//!
//! ## What it finds
//! Paramiko clients that accept unknown host keys: `set_missing_host_key_policy(AutoAddPolicy())` or
//! `WarningPolicy()`.
//!
//! ## Why it matters
//! Accepting any host key lets a machine in the middle impersonate the SSH server and capture credentials and
//! data.
//!
//! ## Example
//! ```python
//! client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
//! ```
//!
//! ## Fix
//! Trust only known hosts:
//! ```python
//! client.load_host_keys("/opt/known_hosts")
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/322.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// `AutoAddPolicy()` or `WarningPolicy()` (called or passed as a class).
fn accepts_any(site: &CallSite) -> bool {
    site.arg(0, "policy").is_some_and(|a| {
        let name = match &a.value.kind {
            crate::ir::ExprKind::Call { callee, .. } => callee.dotted(),
            _ => a.value.dotted(),
        };
        name.is_some_and(|n| n.ends_with("AutoAddPolicy") || n.ends_with("WarningPolicy"))
    })
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "missing-host-key-verification",
    name: "Missing SSH host key verification",
    cwes: &["CWE-322"],
    severity: Severity::Medium,
    tags: &["ssh", "paramiko"],
    remediation: "Load known host keys (client.load_system_host_keys() or load_host_keys(path)) and keep the RejectPolicy default.",
    references: &["https://cwe.mitre.org/data/definitions/322.html"],
    checks: &[Check::Call(CallCheck {
        pattern: "**.set_missing_host_key_policy",
        when: Some(accepts_any),
        message: "unknown SSH host keys are accepted",
    })],
};
