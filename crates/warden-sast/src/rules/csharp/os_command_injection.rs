//! # OS command injection
//!
//! ## What it finds
//! `Process.Start` / `ProcessStartInfo` whose program name comes from attacker-controlled data, or whose arguments
//! do (when the program is a shell: `sh -c`, `cmd /c`, `powershell -Command`); PowerShell `AddScript`/`AddCommand`;
//! CliWrap `Cli.Wrap`.
//!
//! ## Why it matters
//! The caller runs commands of their choice inside the function, with its role's AWS credentials.
//!
//! ## Example
//! ```csharp
//! var file = request.QueryStringParameters["file"];
//! Process.Start("/bin/sh", "-c \"gzip " + file + "\"");
//! ```
//!
//! ## Fix
//! No shell; one argument per list entry:
//! ```csharp
//! var psi = new ProcessStartInfo("gzip");
//! psi.ArgumentList.Add(Path.GetFileName(file));
//! Process.Start(psi);
//! ```
//!
//! ## References
//! - https://owasp.org/www-community/attacks/Command_Injection
//! - https://cwe.mitre.org/data/definitions/78.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "os-command-injection",
    name: "OS command injection",
    cwes: &["CWE-78"],
    severity: Severity::High,
    tags: &["injection", "command", "owasp-top10"],
    remediation: "Run a fixed program with ProcessStartInfo.ArgumentList (no shell) and validate the values against an allow-list.",
    references: &[
        "https://owasp.org/www-community/attacks/Command_Injection",
        "https://cwe.mitre.org/data/definitions/78.html",
    ],
    checks: &[Check::Taint(Kind::Command)],
};
