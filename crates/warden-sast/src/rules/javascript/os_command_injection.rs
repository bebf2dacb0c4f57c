//! # OS command injection
//!
//! ## What it finds
//! Request data reaching `child_process.exec`/`execSync` (a shell), the program of `spawn`/`execFile`, any argument
//! of `spawn(…, { shell: true })` or `spawn('sh', ['-c', …])`, `shelljs.exec`, `execa.command` and promisified
//! `exec`.
//!
//! ## Why it matters
//! The shell interprets `;`, `|`, `$( )` and backticks in the string, so the caller runs any command with the
//! function's role and environment (including its AWS credentials).
//!
//! ## Example
//! ```javascript
//! const { exec } = require('child_process');
//! exports.handler = async (event) => {
//!   exec(`convert ${event.file} out.png`);
//! };
//! ```
//!
//! ## Fix
//! Pass arguments as a list, without a shell:
//! ```javascript
//!   execFile('convert', [event.file, 'out.png']);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/78.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "os-command-injection",
    name: "OS command injection",
    cwes: &["CWE-78", "CWE-77", "CWE-88"],
    severity: Severity::High,
    tags: &["injection", "command", "owasp-top10"],
    remediation: "Run programs with `execFile`/`spawn` and an argument array (no shell), validate values against an allow-list, and never pass request data to `exec`/`execSync`.",
    references: &["https://cwe.mitre.org/data/definitions/78.html"],
    checks: &[Check::Taint(Kind::Command)],
};
