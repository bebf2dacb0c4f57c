//! # Log injection
//!
//! ## What it finds
//! Attacker-controlled data written into a log message (`ILogger.Log*`, `context.Logger.LogLine`,
//! `LambdaLogger.Log`, Serilog, NLog, log4net) without removing line breaks.
//!
//! ## Why it matters
//! Forged log lines mislead investigations and can inject content into log viewers.
//!
//! ## Example
//! ```csharp
//! var user = request.QueryStringParameters["user"];
//! _logger.LogInformation("login attempt for " + user);
//! ```
//!
//! ## Fix
//! ```csharp
//! _logger.LogInformation("login attempt for {User}", user.Replace("\n", "").Replace("\r", ""));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/117.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "log-injection",
    name: "Log injection",
    cwes: &["CWE-117"],
    severity: Severity::Medium,
    tags: &["injection", "logging"],
    remediation: "Log request data as a structured-logging argument, or remove CR/LF (value.Replace(\"\\n\", \"\")) before writing it.",
    references: &["https://cwe.mitre.org/data/definitions/117.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Log)],
};
