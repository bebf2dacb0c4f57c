//! # Code injection
//!
//! ## What it finds
//! Attacker-controlled data passed to `eval`, `exec`, `compile`, `__import__`/`importlib.import_module`, or used
//! as a Jinja2/Mako/Django template source (`render_template_string`, `Template(...)`).
//!
//! ## Why it matters
//! Evaluating input runs the attacker's Python inside the function; template injection does the same through the
//! template engine.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     return eval(event["expression"])
//! ```
//!
//! ## Fix
//! Parse, don't evaluate:
//! ```python
//!     return ast.literal_eval(event["expression"])
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/94.html
//! - https://owasp.org/www-community/attacks/Code_Injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "code-injection",
    name: "Code injection",
    cwes: &["CWE-94", "CWE-95"],
    severity: Severity::Critical,
    tags: &["injection", "code", "owasp-top10"],
    remediation: "Never evaluate input as code; parse data with json.loads or ast.literal_eval, and keep templates constant (render_template with variables).",
    references: &["https://cwe.mitre.org/data/definitions/94.html"],
    checks: &[Check::Taint(Kind::Code), Check::Taint(Kind::Template)],
};
