//! # Cross-site scripting
//!
//! ## What it finds
//! Attacker-controlled data written into an HTML response: `Content(x, "text/html")`, `Response.WriteAsync`,
//! `Response.Write`, `Html.Raw`, `new HtmlString(x)`, `ContentResult`, or an API Gateway/ALB response whose
//! `Content-Type` is `text/html`; and ASP.NET request validation turned off with `[ValidateInput(false)]`.
//!
//! ## Why it matters
//! Script injected into the page runs in the victim's browser with their session.
//!
//! ## Example
//! ```csharp
//! var name = request.QueryStringParameters["name"];
//! return new APIGatewayProxyResponse
//! {
//!     Body = "<h1>Hello " + name + "</h1>",
//!     Headers = new Dictionary<string, string> { { "Content-Type", "text/html" } },
//! };
//! ```
//!
//! ## Fix
//! ```csharp
//! Body = "<h1>Hello " + HtmlEncoder.Default.Encode(name) + "</h1>",
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/79.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use super::shared;
use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

use crate::ir::{ExprKind, Module};
use crate::rules::RawHit;

/// `[ValidateInput(false)]` on an MVC action or controller turns off ASP.NET's request validation.
fn validation_off(m: &Module, out: &mut Vec<RawHit>) {
    let decorators = m.functions.iter().flat_map(|f| &f.decorators).chain(m.classes.iter().flat_map(|c| &c.decorators));
    for d in decorators {
        if let ExprKind::Call { callee, args, .. } = &d.kind
            && shared::last_name(callee) == Some("ValidateInput")
            && args.first().is_some_and(|a| matches!(a.value.kind, ExprKind::Bool(false)))
        {
            shared::push_hit(out, d.span, "request validation is turned off ([ValidateInput(false)])");
        }
    }
}

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "cross-site-scripting",
    name: "Cross-site scripting",
    cwes: &["CWE-79"],
    severity: Severity::High,
    tags: &["injection", "xss", "owasp-top10"],
    remediation: "HTML-encode request data before writing it into HTML (HtmlEncoder.Default.Encode, Razor's default encoding); avoid Html.Raw.",
    references: &["https://cwe.mitre.org/data/definitions/79.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Xss), Check::Custom(validation_off)],
};
