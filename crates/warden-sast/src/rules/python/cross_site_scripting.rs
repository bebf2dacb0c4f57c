//! # Cross-site scripting
//!
//! ## What it finds
//! Attacker-controlled data written into an HTML response: a Lambda proxy response with `Content-Type: text/html`
//! whose body holds input, Flask `make_response`/`Response`, Django `HttpResponse`, FastAPI `HTMLResponse`,
//! `Markup`/`mark_safe`.
//!
//! ## Why it matters
//! Script in the input runs in the victim's browser with the site's cookies and permissions.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     name = event["queryStringParameters"]["name"]
//!     return {"statusCode": 200, "headers": {"Content-Type": "text/html"}, "body": "<h1>Hello " + name + "</h1>"}
//! ```
//!
//! ## Fix
//! Escape the value:
//! ```python
//!     body = "<h1>Hello " + html.escape(name) + "</h1>"
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/79.html
//! - https://owasp.org/www-community/attacks/xss/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "cross-site-scripting",
    name: "Cross-site scripting",
    cwes: &["CWE-79"],
    severity: Severity::High,
    tags: &["injection", "xss", "owasp-top10"],
    remediation: "Render HTML with an auto-escaping template (render_template) or escape values with html.escape; never mark input as safe.",
    references: &["https://cwe.mitre.org/data/definitions/79.html"],
    checks: &[Check::Taint(Kind::Xss)],
};
