//! # Deserialization of untrusted data
//!
//! ## What it finds
//! Attacker-controlled data deserialized with `Marshal.load`, `YAML.load`/`unsafe_load`/`Psych.load`, `Oj.load` in
//! object mode, `JSON.load`/`JSON.restore` or `JSON.parse(create_additions: true)`.
//!
//! ## Why it matters
//! These formats can instantiate arbitrary classes; known gadget chains turn that into remote code execution inside
//! the function.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   session = Marshal.load(Base64.decode64(event["session"]))
//!   session[:user]
//! end
//! ```
//!
//! ## Fix
//! Use a data-only format:
//! ```ruby
//!   session = JSON.parse(Base64.decode64(event["session"]))
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/502.html
//! - https://ruby-doc.org/core/Marshal.html#module-Marshal-label-Security+considerations

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "untrusted-deserialization",
    name: "Deserialization of untrusted data",
    cwes: &["CWE-502"],
    severity: Severity::High,
    tags: &["deserialization", "owasp-top10"],
    remediation: "Parse untrusted data with JSON.parse or YAML.safe_load (with permitted_classes if needed); never Marshal.load, YAML.load/unsafe_load or Oj object mode on input.",
    references: &[
        "https://cwe.mitre.org/data/definitions/502.html",
        "https://ruby-doc.org/core/Marshal.html#module-Marshal-label-Security+considerations",
    ],
    checks: &[Check::Taint(Kind::Deserialization)],
};
