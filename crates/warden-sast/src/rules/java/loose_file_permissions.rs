//! # Loose file permissions
//!
//! ## What it finds
//! Files made writable by everyone: POSIX permission strings with the "others" write bit
//! (`PosixFilePermissions.fromString("rwxrwxrwx")`), `PosixFilePermission.OTHERS_WRITE` added to a permission set,
//! `file.setWritable(true, false)`, and `chmod` commands with modes like `777`, `666`, `o+w` or `a+w`.
//!
//! ## Why it matters
//! Any user or process on the host can change the file: replace code or configuration, or plant data the function
//! trusts.
//!
//! ## Example
//! ```java
//! Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxrwxrwx"));
//! ```
//!
//! ## Fix
//! ```java
//! Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/732.html

use crate::ir::ExprKind;
use crate::lang::Lang;
use crate::rules::shared_walk::walk_expr;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// `rwxrwxrwx`-style string with the others-write bit.
fn world_writable_string(s: &str) -> bool {
    s.len() == 9 && s.as_bytes().get(7) == Some(&b'w')
}

fn from_string(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(world_writable_string)
}

fn others_write(site: &CallSite) -> bool {
    site.args.iter().any(|a| {
        let mut hit = false;
        walk_expr(&a.value, &mut |e| {
            if matches!(&e.kind, ExprKind::Attr { name, .. } if name == "OTHERS_WRITE") {
                hit = true;
            }
        });
        hit
    })
}

/// `setWritable(true, false)`: writable by everybody.
fn writable_by_all(site: &CallSite) -> bool {
    site.konst(0, "").is_some_and(|c| c.truthy()) && site.konst(1, "").is_some_and(|c| !c.truthy())
}

/// The literal text of a command: its string literals joined (`"chmod 777 " + path` → `chmod 777 `).
fn chmod_command(site: &CallSite) -> bool {
    let mut words = Vec::new();
    for a in site.args {
        walk_expr(&a.value, &mut |e| {
            if let ExprKind::Str(s) = &e.kind {
                words.extend(s.split_whitespace().map(str::to_string));
            }
        });
    }
    words.iter().any(|w| w == "chmod")
        && words.iter().any(|w| {
            matches!(w.as_str(), "o+w" | "a+w" | "ugo+w" | "+w")
                || (w.len() >= 3
                    && w.chars().all(|c| c.is_ascii_digit())
                    && matches!(w.chars().last(), Some('2' | '3' | '6' | '7')))
        })
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "loose-file-permissions",
    name: "Loose file permissions",
    cwes: &["CWE-732"],
    severity: Severity::Medium,
    tags: &["filesystem", "permissions"],
    remediation: "Grant only the owner write access (rw------- / rw-r-----), never others.",
    references: &["https://cwe.mitre.org/data/definitions/732.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.PosixFilePermissions.fromString",
            when: Some(from_string),
            message: "a world-writable permission set",
        }),
        Check::Call(CallCheck {
            pattern: "**.add",
            when: Some(others_write),
            message: "write permission for everyone",
        }),
        Check::Call(CallCheck {
            pattern: "**.setWritable",
            when: Some(writable_by_all),
            message: "a file writable by everyone",
        }),
        Check::Call(CallCheck {
            pattern: "**.getRuntime.exec",
            when: Some(chmod_command),
            message: "chmod to a world-writable mode",
        }),
        Check::Call(CallCheck {
            pattern: "**.Runtime.exec",
            when: Some(chmod_command),
            message: "chmod to a world-writable mode",
        }),
        Check::Call(CallCheck {
            pattern: "**.ProcessBuilder",
            when: Some(chmod_command),
            message: "chmod to a world-writable mode",
        }),
    ],
};
