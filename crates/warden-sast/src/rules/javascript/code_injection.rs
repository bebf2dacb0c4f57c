//! # Code injection
//!
//! ## What it finds
//! Request data evaluated as JavaScript: `eval`, `new Function`, `setTimeout`/`setInterval` with a string,
//! `vm.runInNewContext`/`runInThisContext`/`Script`, `vm2`, `safe-eval`, a dynamic `require`; and templates compiled
//! from input (`ejs.render`, `pug.compile`, `handlebars.compile`, `_.template`, `nunjucks.renderString`).
//!
//! ## Why it matters
//! The caller's text runs inside the function with its permissions: it can read environment variables (AWS
//! credentials), call AWS APIs and reach the network.
//!
//! ## Example
//! ```javascript
//! exports.handler = async (event) => {
//!   const result = eval(event.expression);
//!   return { statusCode: 200, body: String(result) };
//! };
//! ```
//!
//! ## Fix
//! Parse data instead of running it:
//! ```javascript
//!   const value = JSON.parse(event.expression);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/94.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "code-injection",
    name: "Code injection",
    cwes: &["CWE-94", "CWE-95"],
    severity: Severity::Critical,
    tags: &["injection", "code", "owasp-top10"],
    remediation: "Never evaluate request data as code: parse it as data (`JSON.parse`), map it to a fixed set of functions, and render templates from files, passing input only as template variables.",
    references: &["https://cwe.mitre.org/data/definitions/94.html"],
    checks: &[Check::Taint(Kind::Code), Check::Taint(Kind::Template)],
};
