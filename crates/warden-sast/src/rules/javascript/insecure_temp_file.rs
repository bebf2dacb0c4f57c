//! # Insecure temporary file
//!
//! ## What it finds
//! Temporary files created under a fixed, predictable name in the shared temporary directory
//! (`fs.writeFileSync('/tmp/report.csv', …)`, `fs.open(path.join(os.tmpdir(), 'upload.bin'), …)`), and
//! `tmp.tmpNameSync`/`tmpName`, which return a name rather than a created file.
//!
//! ## Why it matters
//! Another process can create the file or a symbolic link with that name first and read or redirect what is
//! written; concurrent invocations overwrite each other's data.
//!
//! ## Example
//! ```javascript
//! fs.writeFileSync('/tmp/export.csv', csv);
//! ```
//!
//! ## Fix
//! Create a private directory with a random name:
//! ```javascript
//! const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
//! fs.writeFileSync(path.join(dir, 'export.csv'), csv, { mode: 0o600 });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/377.html

use crate::ir::{Expr, ExprKind};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// A fixed path in the shared temporary directory: `'/tmp/x'`, `` `/tmp/x` ``, `path.join(os.tmpdir(), 'x')`,
/// `os.tmpdir() + '/x'`.
fn fixed_tmp_path(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Str(s) => is_tmp_file(s),
        ExprKind::Call { callee, args, .. } => {
            let name = callee.dotted().unwrap_or_default();
            (name.ends_with("join") || name.ends_with("resolve"))
                && args.first().is_some_and(|a| is_tmpdir(&a.value))
                && args.len() >= 2
                && args.iter().skip(1).all(|a| matches!(a.value.kind, ExprKind::Str(_)))
        }
        ExprKind::Binary { op, left, right } if op == "+" => is_tmpdir(left) && matches!(right.kind, ExprKind::Str(_)),
        _ => false,
    }
}

fn is_tmp_file(s: &str) -> bool {
    (s.starts_with("/tmp/") || s.starts_with("/var/tmp/")) && s.len() > 5 && !s.ends_with('/')
}

fn is_tmpdir(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { callee, .. } => callee.dotted().is_some_and(|d| d.ends_with("tmpdir")),
        ExprKind::Str(s) => s == "/tmp" || s == "/tmp/",
        _ => false,
    }
}

fn fixed_first(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(is_tmp_file) || site.arg(0, "").is_some_and(|a| fixed_tmp_path(&a.value))
}

const MSG: &str = "a predictable file name in the shared temporary directory";

macro_rules! writes {
    ($($p:literal),* $(,)?) => {
        &[
            $(Check::Call(CallCheck { pattern: $p, when: Some(fixed_first), message: MSG }),)*
            Check::Call(CallCheck { pattern: "tmp.tmpNameSync", when: None, message: "tmpNameSync returns a name, not a file" }),
            Check::Call(CallCheck { pattern: "tmp.tmpName", when: None, message: "tmpName returns a name, not a file" }),
        ]
    };
}

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "insecure-temp-file",
    name: "Insecure temporary file",
    cwes: &["CWE-377"],
    severity: Severity::Medium,
    tags: &["filesystem"],
    remediation: "Create temporary files inside a fresh directory from fs.mkdtemp (or with the tmp package's file \
                  helpers) and give them mode 0o600.",
    references: &["https://cwe.mitre.org/data/definitions/377.html"],
    checks: writes![
        "fs.writeFile",
        "fs.writeFileSync",
        "fs.appendFile",
        "fs.appendFileSync",
        "fs.open",
        "fs.openSync",
        "fs.createWriteStream",
        "fs.promises.writeFile",
        "fs.promises.open",
        "fs.promises.appendFile",
        "fs/promises.writeFile",
        "fs/promises.open",
        "fs/promises.appendFile",
        "fs-extra.writeFile",
        "fs-extra.writeFileSync",
        "fs-extra.outputFile",
        "fs-extra.outputFileSync",
        "fs-extra.writeJson",
        "fs-extra.writeJsonSync",
    ],
};
