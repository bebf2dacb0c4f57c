//! # OS command injection
//!
//! ## What it finds
//! A shell command built from attacker-controlled data and run with `os.system`, `os.popen`, `subprocess.*(...,
//! shell=True)`, `asyncio.create_subprocess_shell`, Paramiko `exec_command`, or a program name taken from input.
//!
//! ## Why it matters
//! Shell metacharacters in the input (`;`, `|`, `$()`) run arbitrary commands with the function's role.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     host = event["host"]
//!     os.system("ping -c 1 " + host)
//! ```
//!
//! ## Fix
//! Pass an argument list without a shell:
//! ```python
//!     subprocess.run(["ping", "-c", "1", host], check=True)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/78.html
//! - https://owasp.org/www-community/attacks/Command_Injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "os-command-injection",
    name: "OS command injection",
    cwes: &["CWE-78", "CWE-77", "CWE-88"],
    severity: Severity::High,
    tags: &["injection", "command", "owasp-top10"],
    remediation: "Run programs with an argument list and no shell (subprocess.run([...], shell=False)); if a shell is unavoidable, quote every value with shlex.quote.",
    references: &["https://cwe.mitre.org/data/definitions/78.html"],
    checks: &[Check::Taint(Kind::Command)],
};
