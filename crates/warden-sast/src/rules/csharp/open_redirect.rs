//! # Open redirect
//!
//! ## What it finds
//! A redirect target taken from attacker-controlled data: `Redirect(url)`, `RedirectPermanent`,
//! `Response.Redirect`, `Results.Redirect`, `new RedirectResult(url)`, or a `Location` header in an API Gateway
//! response.
//!
//! ## Why it matters
//! A link on your domain sends users to a phishing site that looks trusted.
//!
//! ## Example
//! ```csharp
//! var next = request.QueryStringParameters["next"];
//! return new APIGatewayProxyResponse
//! {
//!     StatusCode = 302,
//!     Headers = new Dictionary<string, string> { { "Location", next } },
//! };
//! ```
//!
//! ## Fix
//! ```csharp
//! if (!Url.IsLocalUrl(next)) next = "/";
//! return LocalRedirect(next);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/601.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "open-redirect",
    name: "Open redirect",
    cwes: &["CWE-601"],
    severity: Severity::Medium,
    tags: &["redirect", "owasp-top10"],
    remediation: "Redirect only to local paths (LocalRedirect, Url.IsLocalUrl) or to hosts on an allow-list.",
    references: &["https://cwe.mitre.org/data/definitions/601.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Redirect)],
};
