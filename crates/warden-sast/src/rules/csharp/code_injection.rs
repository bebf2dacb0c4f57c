//! # Code injection
//!
//! ## What it finds
//! Attacker-controlled text evaluated as C# (`CSharpScript.EvaluateAsync`, `RunAsync`, `Create`,
//! `CompileAssemblyFromSource`), parsed as a dynamic LINQ expression, compiled as a template (RazorEngine,
//! Scriban, Handlebars, RazorLight), or used to load a type by name (`Type.GetType`,
//! `Activator.CreateInstance(assembly, typeName)`).
//!
//! ## Why it matters
//! Evaluated input runs with all the permissions of the function.
//!
//! ## Example
//! ```csharp
//! var expr = request.Body;
//! var result = await CSharpScript.EvaluateAsync<int>(expr);
//! ```
//!
//! ## Fix
//! Parse the input as data (a number, an operator from an allow-list) and compute the result in code.
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/94.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "code-injection",
    name: "Code injection",
    cwes: &["CWE-94"],
    severity: Severity::Critical,
    tags: &["injection", "code"],
    remediation: "Never compile or evaluate code or load types named by request data; map the input to a fixed set of operations.",
    references: &["https://cwe.mitre.org/data/definitions/94.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Code), Check::Taint(Kind::Template)],
};
