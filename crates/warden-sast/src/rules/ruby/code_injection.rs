//! # Code injection
//!
//! ## What it finds
//! Attacker-controlled data evaluated as Ruby (`eval`, `instance_eval`, `class_eval`, `module_eval`), used to
//! choose a method or class (`send`, `public_send`, `__send__`, `try`, `method`, `constantize`, `safe_constantize`,
//! `const_get`), or compiled as a template (`ERB.new`, `Liquid::Template.parse`, `Haml::Engine.new`, Sinatra
//! `erb`/`haml` with a string).
//!
//! ## Why it matters
//! The attacker runs arbitrary code inside the function: read its credentials and data, call AWS APIs with its
//! role, or call methods such as `system` and `destroy`.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   action = event["action"]
//!   Reports.send(action, event["id"])
//! end
//! ```
//!
//! ## Fix
//! Dispatch through an allow-list:
//! ```ruby
//!   ACTIONS = { "daily" => :daily, "weekly" => :weekly }.freeze
//!   Reports.public_send(ACTIONS.fetch(action), event["id"])
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/94.html
//! - https://guides.rubyonrails.org/security.html#injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "code-injection",
    name: "Code injection",
    cwes: &["CWE-94", "CWE-95"],
    severity: Severity::Critical,
    tags: &["injection", "code", "owasp-top10"],
    remediation: "Never evaluate input as Ruby code or use it to pick methods and classes; map allowed values to code with a hash or case statement.",
    references: &[
        "https://cwe.mitre.org/data/definitions/94.html",
        "https://guides.rubyonrails.org/security.html#injection",
    ],
    checks: &[Check::Taint(Kind::Code), Check::Taint(Kind::Template)],
};
