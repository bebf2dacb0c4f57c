//! # Loose file permissions
//!
//! ## What it finds
//! Files or directories made world-writable (or world-readable and executable for everything) with `os.chmod`,
//! `os.makedirs`/`os.mkdir` or `os.open` modes such as `0o777`, `0o666`, or `stat.S_IWOTH`.
//!
//! ## Why it matters
//! Any process on the host (other code in the same execution environment, a compromised dependency) can change
//! the file.
//!
//! ## Example
//! ```python
//! os.chmod("/tmp/config.json", 0o777)
//! ```
//!
//! ## Fix
//! Restrict the mode:
//! ```python
//! os.chmod("/tmp/config.json", 0o600)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/732.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn world_writable(c: Option<&crate::rules::Const>) -> bool {
    matches!(c, Some(crate::rules::Const::Num(n)) if n.is_finite() && (*n as i64) & 0o002 != 0)
}

/// `os.chmod(path, 0o777)`.
fn world_writable_1(site: &CallSite) -> bool {
    world_writable(site.konst(1, "mode"))
}

/// `Path.chmod(0o777)`.
fn world_writable_0(site: &CallSite) -> bool {
    !site.callee.starts_with("os.") && world_writable(site.konst(0, "mode"))
}

/// `os.makedirs(path, mode=0o777)`.
fn world_writable_mode_kw(site: &CallSite) -> bool {
    world_writable(site.konst(1, "mode"))
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "loose-file-permissions",
    name: "Loose file permissions",
    cwes: &["CWE-732"],
    severity: Severity::Medium,
    tags: &["filesystem", "permissions"],
    remediation: "Give files the narrowest mode that works (0o600 for secrets, 0o644 for shared read-only files); never world-writable.",
    references: &["https://cwe.mitre.org/data/definitions/732.html"],
    checks: &[
        Check::Call(CallCheck { pattern: "os.chmod", when: Some(world_writable_1), message: "a world-writable mode" }),
        Check::Call(CallCheck { pattern: "os.fchmod", when: Some(world_writable_1), message: "a world-writable mode" }),
        Check::Call(CallCheck {
            pattern: "os.makedirs",
            when: Some(world_writable_mode_kw),
            message: "a world-writable mode",
        }),
        Check::Call(CallCheck {
            pattern: "os.mkdir",
            when: Some(world_writable_mode_kw),
            message: "a world-writable mode",
        }),
        Check::Call(CallCheck { pattern: "**.chmod", when: Some(world_writable_0), message: "a world-writable mode" }),
    ],
};
