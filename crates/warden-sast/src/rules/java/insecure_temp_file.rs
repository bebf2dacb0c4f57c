//! # Insecure temporary file
//!
//! ## What it finds
//! `File.createTempFile`, which creates the file with the process's default permissions (often readable by every
//! user) in the shared temporary directory, and Guava's deprecated `Files.createTempDir`. A file created in a
//! directory of the application's own (`createTempFile(prefix, suffix, workDir)`) is not reported unless that
//! directory is `null` or `java.io.tmpdir`.
//!
//! ## Why it matters
//! Other users and processes on the host can read the file, or race to replace it before it is used.
//!
//! ## Example
//! ```java
//! File tmp = File.createTempFile("report", ".csv");
//! ```
//!
//! ## Fix
//! `java.nio.file.Files.createTempFile` creates the file readable by its owner only on POSIX systems:
//! ```java
//! Path tmp = Files.createTempFile("report", ".csv");
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/377.html

use crate::ir::{Expr, ExprKind};
use crate::lang::Lang;
use crate::rules::shared_walk::walk_expr;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// In the shared temporary directory: no directory given, `null`, or one built from `java.io.tmpdir`.
fn in_shared_tmp(site: &CallSite) -> bool {
    let Some(dir) = site.arg(2, "") else { return true };
    matches!(dir.value.kind, ExprKind::Null) || mentions_tmpdir(&dir.value)
}

fn mentions_tmpdir(e: &Expr) -> bool {
    let mut found = false;
    walk_expr(e, &mut |x| match &x.kind {
        ExprKind::Str(s) if s == "java.io.tmpdir" => found = true,
        ExprKind::Name(n) | ExprKind::Attr { name: n, .. } if n.eq_ignore_ascii_case("TMPDIR") => found = true,
        _ => {}
    });
    found
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "insecure-temp-file",
    name: "Insecure temporary file",
    cwes: &["CWE-377"],
    severity: Severity::Medium,
    tags: &["filesystem"],
    remediation: "Use java.nio.file.Files.createTempFile (owner-only permissions on POSIX) or pass PosixFilePermissions.asFileAttribute(fromString(\"rw-------\")).",
    references: &["https://cwe.mitre.org/data/definitions/377.html"],
    checks: &[
        Check::Call(CallCheck {
            pattern: "**.File.createTempFile",
            when: Some(in_shared_tmp),
            message: "a temporary file with default permissions",
        }),
        Check::Call(CallCheck {
            pattern: "com.google.common.io.Files.createTempDir",
            when: None,
            message: "a temporary directory with default permissions",
        }),
    ],
};
