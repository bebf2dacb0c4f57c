//! # Loose file permissions
//!
//! ## What it finds
//! Files and directories made world-writable: `fs.chmod`/`chmodSync`/`fchmod` with a mode such as `0o777` or
//! `'666'`, `fs.mkdir`, `fs.writeFile`, `fs.open` and `fs.createWriteStream` given such a `mode`, and
//! `process.umask(0)`.
//!
//! ## Why it matters
//! Any other process or user on the host can replace or tamper with the file: code, configuration or data.
//!
//! ## Example
//! ```javascript
//! fs.chmodSync('/tmp/app/config.json', 0o777);
//! ```
//!
//! ## Fix
//! ```javascript
//! fs.chmodSync('/tmp/app/config.json', 0o600);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/732.html

use super::shared::{opt, parse_num};
use crate::ir::ExprKind;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, Rule};
use warden_core::Severity;

/// A mode with the world-write bit: a number, or an octal string (`'777'`, `'0o666'`).
fn world_writable(c: Option<&Const>) -> bool {
    let mode = match c {
        Some(Const::Num(n)) => *n,
        Some(Const::Str(s)) => {
            let t = s.trim().trim_start_matches("0o");
            i64::from_str_radix(t, 8).map_or(f64::NAN, |v| v as f64)
        }
        _ => return false,
    };
    mode.is_finite() && mode >= 0.0 && (mode as i64) & 0o002 != 0
}

/// The mode at argument `i`: a number or string, or an options object's `mode`.
fn mode_at(site: &CallSite, i: usize) -> Option<Const> {
    if let Some(a) = site.arg(i, "")
        && let ExprKind::Num(n) = &a.value.kind
    {
        return Some(Const::Num(parse_num(n)));
    }
    match site.konst(i, "") {
        Some(c @ (Const::Num(_) | Const::Str(_))) => Some(c.clone()),
        _ => match opt(site, i, "mode") {
            super::shared::Opt::Const(c) => Some(c),
            _ => None,
        },
    }
}

fn ww_1(site: &CallSite) -> bool {
    world_writable(mode_at(site, 1).as_ref())
}

/// File creation (`open`, `writeFile`): the mode passes through the umask, and `0o666` is Node's own default, so
/// only other world-writable modes (`0o777`, `0o646`, …) are reported.
fn ww_2(site: &CallSite) -> bool {
    let mode = mode_at(site, 2);
    world_writable(mode.as_ref()) && !matches!(mode, Some(Const::Num(n)) if n == 438.0)
}

fn umask_zero(site: &CallSite) -> bool {
    match mode_at(site, 0) {
        Some(Const::Num(n)) => (n as i64) & 0o002 == 0,
        Some(Const::Str(s)) => i64::from_str_radix(s.trim(), 8).is_ok_and(|v| v & 0o002 == 0),
        _ => false,
    }
}

/// shelljs `chmod('777', file)`, `chmod('-R', '777', dir)`, `chmod('o+w', file)`.
fn shell_chmod(site: &CallSite) -> bool {
    (0..site.args.len()).any(|i| {
        site.str_arg(i, "")
            .is_some_and(|m| m.contains("o+w") || m.contains("a+w") || world_writable(Some(&Const::Str(m.to_string()))))
    })
}

const MSG: &str = "a world-writable mode";

macro_rules! fs_checks {
    ($($prefix:literal),*) => {
        &[
            $(
                Check::Call(CallCheck { pattern: concat!($prefix, ".chmod"), when: Some(ww_1), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".chmodSync"), when: Some(ww_1), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".fchmod"), when: Some(ww_1), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".fchmodSync"), when: Some(ww_1), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".lchmod"), when: Some(ww_1), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".mkdir"), when: Some(ww_1), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".mkdirSync"), when: Some(ww_1), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".createWriteStream"), when: Some(ww_1), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".writeFile"), when: Some(ww_2), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".writeFileSync"), when: Some(ww_2), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".appendFile"), when: Some(ww_2), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".appendFileSync"), when: Some(ww_2), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".open"), when: Some(ww_2), message: MSG }),
                Check::Call(CallCheck { pattern: concat!($prefix, ".openSync"), when: Some(ww_2), message: MSG }),
            )*
            Check::Call(CallCheck { pattern: "process.umask", when: Some(umask_zero), message: "umask leaves new files world-writable" }),
            Check::Call(CallCheck { pattern: "shelljs.chmod", when: Some(shell_chmod), message: MSG }),
        ]
    };
}

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "loose-file-permissions",
    name: "Loose file permissions",
    cwes: &["CWE-732"],
    severity: Severity::Medium,
    tags: &["filesystem", "permissions"],
    remediation: "Give files the least access they need (0o600 or 0o640, directories 0o700 or 0o750); never make \
                  them world-writable.",
    references: &["https://cwe.mitre.org/data/definitions/732.html"],
    checks: fs_checks!("fs", "fs.promises", "fs/promises", "fs-extra", "graceful-fs"),
};
