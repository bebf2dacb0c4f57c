//! # OS command injection
//!
//! ## What it finds
//! A shell command string built from attacker-controlled data and run by `system`, `exec`, `spawn`, backticks,
//! `%x()`, `IO.popen`, `Open3.capture2`/`capture3`/`popen3`, `PTY.spawn` or `Kernel#open("|…")`. Calls with the
//! arguments as separate strings run no shell and are not reported.
//!
//! ## Why it matters
//! Shell metacharacters in the input (`;`, `|`, `$()`) run commands of the attacker's choice with the function's
//! permissions and credentials.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   file = event["file"]
//!   `convert /tmp/#{file} /tmp/out.png`
//! end
//! ```
//!
//! ## Fix
//! Run the program without a shell, passing the input as its own argument:
//! ```ruby
//!   system("convert", "/tmp/#{File.basename(file)}", "/tmp/out.png")
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/78.html
//! - https://guides.rubyonrails.org/security.html#command-line-injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "os-command-injection",
    name: "OS command injection",
    cwes: &["CWE-78", "CWE-77", "CWE-88"],
    severity: Severity::High,
    tags: &["injection", "command", "owasp-top10"],
    remediation: "Pass the program and its arguments separately (system(\"convert\", path), Open3.capture2(\"git\", \"log\", ref)) so no shell parses them, and validate input against an allow-list; use Shellwords.escape if a shell is unavoidable.",
    references: &[
        "https://cwe.mitre.org/data/definitions/78.html",
        "https://guides.rubyonrails.org/security.html#command-line-injection",
    ],
    checks: &[Check::Taint(Kind::Command)],
};
