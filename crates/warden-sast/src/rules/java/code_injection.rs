//! # Code injection
//!
//! ## What it finds
//! Attacker-controlled data evaluated as code: JSR-223 `ScriptEngine.eval`, Spring Expression Language
//! `parseExpression`, Jakarta EL, Groovy (`GroovyShell.evaluate`, `Eval.me`), OGNL, MVEL and JEXL; and server-side
//! templates whose text comes from input (Velocity `evaluate`, FreeMarker `new Template(…, new StringReader(x), …)`,
//! Thymeleaf `TemplateEngine.process`, Pebble `getLiteralTemplate`, Mustache `compile`).
//!
//! ## Why it matters
//! The caller runs arbitrary code inside the function: reading its credentials, its data and anything its role can
//! reach.
//!
//! ## Example
//! ```java
//! String expr = request.getParameter("filter");
//! Object result = new SpelExpressionParser().parseExpression(expr).getValue(context);
//! ```
//!
//! ## Fix
//! Never evaluate input; map it to a fixed set of operations:
//! ```java
//! Predicate<Order> filter = FILTERS.get(request.getParameter("filter"));
//! if (filter == null) throw new IllegalArgumentException();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/94.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "code-injection",
    name: "Code injection",
    cwes: &["CWE-94", "CWE-95"],
    severity: Severity::Critical,
    tags: &["injection", "code", "owasp-top10"],
    remediation: "Do not evaluate request data as code or expressions; select from fixed operations, or use a SimpleEvaluationContext with constant expressions.",
    references: &["https://cwe.mitre.org/data/definitions/94.html"],
    checks: &[Check::Taint(Kind::Code), Check::Taint(Kind::Template)],
};
