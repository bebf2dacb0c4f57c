//! # OS command injection
//!
//! ## What it finds
//! A command line built from attacker-controlled data and run with `Runtime.getRuntime().exec(...)`, `new
//! ProcessBuilder(...)`/`ProcessBuilder.command(...)` where the input is the program or is passed to a shell (`sh
//! -c`, `cmd /c`), or Apache Commons Exec `CommandLine`. An argument list whose program is a constant and which
//! starts no shell is not reported for its other arguments.
//!
//! ## Why it matters
//! The caller can run any program with the function's permissions and its AWS credentials.
//!
//! ## Example
//! ```java
//! String host = request.getParameter("host");
//! Process p = Runtime.getRuntime().exec("ping -c 1 " + host);
//! ```
//!
//! ## Fix
//! Run a fixed program with the input as one argument, and validate it:
//! ```java
//! if (!HOST.matcher(host).matches()) throw new IllegalArgumentException();
//! Process p = new ProcessBuilder("ping", "-c", "1", host).start();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/78.html
//! - https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "os-command-injection",
    name: "OS command injection",
    cwes: &["CWE-78", "CWE-77", "CWE-88"],
    severity: Severity::High,
    tags: &["injection", "command", "owasp-top10"],
    remediation: "Run a constant program with an argument list (new ProcessBuilder(\"prog\", arg)) and no shell, and validate the arguments against an allow-list.",
    references: &[
        "https://cwe.mitre.org/data/definitions/78.html",
        "https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html",
    ],
    checks: &[Check::Taint(Kind::Command)],
};
