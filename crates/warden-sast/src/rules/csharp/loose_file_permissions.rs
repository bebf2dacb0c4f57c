//! # Loose file permissions
//!
//! ## What it finds
//! Files or directories made writable by everyone: `File.SetUnixFileMode(path, … UnixFileMode.OtherWrite …)`,
//! `chmod 777`/`666` run with `Process.Start`, ACL rules granting `Everyone` write or full control.
//!
//! ## Why it matters
//! Any other process or user can change the file: planted code, poisoned configuration, tampered data.
//!
//! ## Example
//! ```csharp
//! File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);
//! ```
//!
//! ## Fix
//! ```csharp
//! File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/732.html
//! - https://learn.microsoft.com/dotnet/api/system.io.file.setunixfilemode

use super::shared;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

use crate::ir::{Expr, ExprKind};

fn other_write(c: &CallSite) -> bool {
    c.args.iter().any(|a| shared::mentions_name(&a.value, "OtherWrite"))
        || c.arg(1, "mode").is_some_and(|a| matches!(&a.value.kind, ExprKind::Num(n) if world_writable(n)))
}

fn world_writable(mode: &str) -> bool {
    let digits = mode.trim_start_matches("0o").trim_start_matches('0');
    digits.chars().last().and_then(|c| c.to_digit(8)).is_some_and(|o| o & 2 != 0)
}

fn text(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Str(s) => Some(s.clone()),
        ExprKind::Concat(parts) => parts.first().and_then(|p| p.as_str().map(str::to_string)),
        ExprKind::Binary { left, .. } => text(left),
        _ => None,
    }
}

/// `Process.Start("chmod", "777 …")`, `Process.Start("/bin/sh", "-c \"chmod 666 …\"")`.
fn chmod(c: &CallSite) -> bool {
    let all: String = c.args.iter().filter_map(|a| text(&a.value)).collect::<Vec<_>>().join(" ");
    let all = all.to_ascii_lowercase();
    all.contains("chmod") && ["777", "666", "o+w", "a+w", "ugo+w"].iter().any(|m| all.contains(m))
}

fn everyone(c: &CallSite) -> bool {
    c.args.iter().any(|a| {
        (shared::mentions_str(&a.value, "everyone") || shared::mentions_name(&a.value, "WorldSid"))
            && (shared::mentions_name(&a.value, "FullControl")
                || shared::mentions_name(&a.value, "Write")
                || shared::mentions_name(&a.value, "Modify"))
    })
}

const MESSAGE: &str = "file made writable by everyone";

const fn check(pattern: &'static str, when: fn(&CallSite) -> bool) -> Check {
    Check::Call(CallCheck { pattern, when: Some(when), message: MESSAGE })
}

const PERMISSION_CHECKS: &[Check] = &[
    check("File.SetUnixFileMode", other_write),
    check("**.File.SetUnixFileMode", other_write),
    check("Directory.CreateDirectory", other_write),
    check("Process.Start", chmod),
    check("ProcessStartInfo", chmod),
    check("**.AddAccessRule", everyone),
    check("FileSystemAccessRule", everyone),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "loose-file-permissions",
    name: "Loose file permissions",
    cwes: &["CWE-732"],
    severity: Severity::Medium,
    tags: &["files", "access-control"],
    remediation: "Give files the least permissions they need (owner read/write); never world-writable.",
    references: &[
        "https://cwe.mitre.org/data/definitions/732.html",
        "https://learn.microsoft.com/dotnet/api/system.io.file.setunixfilemode",
    ],
    checks: PERMISSION_CHECKS,
};
