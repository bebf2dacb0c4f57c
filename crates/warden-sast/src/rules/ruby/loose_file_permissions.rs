//! # Loose file permissions
//!
//! ## What it finds
//! Files and directories made world-writable: `File.chmod(0777, path)`, `FileUtils.chmod(0666, …)`,
//! `FileUtils.chmod("a+w", …)`, `File.open(path, "w", 0666)`, `Dir.mkdir(dir, 0777)`, `FileUtils.mkdir_p(dir, mode:
//! 0777)`, `File.umask(0)`.
//!
//! ## Why it matters
//! Any other process or user on the host can change the file: replace code or configuration that is loaded later,
//! or tamper with data.
//!
//! ## Example
//! ```ruby
//! File.write("/tmp/config.json", config)
//! File.chmod(0777, "/tmp/config.json")
//! ```
//!
//! ## Fix
//! Keep the file private to its owner:
//! ```ruby
//! File.chmod(0600, "/tmp/config.json")
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/732.html
//! - https://ruby-doc.org/core/File.html#method-c-chmod

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "loose-file-permissions",
    name: "Loose file permissions",
    cwes: &["CWE-732"],
    severity: Severity::Medium,
    tags: &["access-control", "filesystem"],
    remediation: "Create files and directories with the narrowest mode that works (0600/0700, or 0644/0755 for public content); never make them world-writable.",
    references: &[
        "https://cwe.mitre.org/data/definitions/732.html",
        "https://ruby-doc.org/core/File.html#method-c-chmod",
    ],
    checks: &[
        Check::Call(CallCheck { pattern: "File.chmod", when: Some(mode_first), message: MSG }),
        Check::Call(CallCheck { pattern: "FileUtils.chmod", when: Some(mode_first), message: MSG }),
        Check::Call(CallCheck { pattern: "FileUtils.chmod_R", when: Some(mode_first), message: MSG }),
        Check::Call(CallCheck { pattern: "File.lchmod", when: Some(mode_first), message: MSG }),
        Check::Call(CallCheck { pattern: "**.chmod", when: Some(mode_first), message: MSG }),
        Check::Call(CallCheck { pattern: "File.open", when: Some(mode_third), message: MSG }),
        Check::Call(CallCheck { pattern: "File", when: Some(mode_third), message: MSG }),
        Check::Call(CallCheck { pattern: "IO.sysopen", when: Some(mode_third), message: MSG }),
        Check::Call(CallCheck { pattern: "File.write", when: Some(perm_keyword), message: MSG }),
        Check::Call(CallCheck { pattern: "Dir.mkdir", when: Some(mode_second), message: MSG }),
        Check::Call(CallCheck { pattern: "FileUtils.mkdir_p", when: Some(mode_keyword), message: MSG }),
        Check::Call(CallCheck { pattern: "FileUtils.mkdir", when: Some(mode_keyword), message: MSG }),
        Check::Call(CallCheck { pattern: "FileUtils.install", when: Some(mode_keyword), message: MSG }),
        Check::Call(CallCheck { pattern: "File.umask", when: Some(open_umask), message: MSG }),
    ],
};

const MSG: &str = "world-writable file permissions";

fn loose(c: Option<&Const>) -> bool {
    match c {
        Some(Const::Num(n)) => (*n as i64) & 0o002 != 0,
        Some(Const::Str(s)) => {
            let s = s.replace(' ', "");
            s.split(',').any(|part| {
                let (who, rest) = part.split_at(part.find(['+', '=']).unwrap_or(part.len()));
                (who.is_empty() || who.contains('o') || who.contains('a'))
                    && rest.get(1..).is_some_and(|r| r.contains('w'))
            }) || (s.len() == 3 && s.chars().all(|c| c.is_ascii_digit()) && s.ends_with(['2', '3', '6', '7']))
        }
        _ => false,
    }
}

fn mode_first(site: &CallSite) -> bool {
    loose(site.konst(0, "mode"))
}

fn mode_second(site: &CallSite) -> bool {
    loose(site.konst(1, "mode"))
}

fn mode_third(site: &CallSite) -> bool {
    loose(site.konst(2, "perm"))
}

fn perm_keyword(site: &CallSite) -> bool {
    loose(site.keyword("perm"))
}

fn mode_keyword(site: &CallSite) -> bool {
    loose(site.keyword("mode"))
}

fn open_umask(site: &CallSite) -> bool {
    matches!(site.konst(0, ""), Some(Const::Num(n)) if (*n as i64) & 0o002 == 0)
}
