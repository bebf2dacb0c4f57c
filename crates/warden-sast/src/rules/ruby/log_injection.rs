//! # Log injection
//!
//! ## What it finds
//! Attacker-controlled data written to logs (`puts`, `print`, `p`, `Logger`, `Rails.logger`, `$stdout`/`$stderr`)
//! without removing line breaks.
//!
//! ## Why it matters
//! Line breaks in the input forge log entries in CloudWatch, hide an attack or mislead whoever reads the logs and
//! the tools that parse them.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   user = event["user"]
//!   puts "login attempt for #{user}"
//! end
//! ```
//!
//! ## Fix
//! Strip line breaks or log the value in an escaped form:
//! ```ruby
//!   puts "login attempt for #{user.to_s.gsub(/[\r\n]/, '')}"
//!   logger.info("login attempt for #{user.inspect}")
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/117.html
//! - https://owasp.org/www-community/attacks/Log_Injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "log-injection",
    name: "Log injection",
    cwes: &["CWE-117"],
    severity: Severity::Medium,
    tags: &["injection", "logging"],
    remediation: "Remove line breaks from input before logging it (value.gsub(/[\r\n]/, \"\")), log it with inspect or as a JSON field, or use structured logging.",
    references: &[
        "https://cwe.mitre.org/data/definitions/117.html",
        "https://owasp.org/www-community/attacks/Log_Injection",
    ],
    checks: &[Check::Taint(Kind::Log)],
};
