//! # Sensitive information leak
//!
//! ## What it finds
//! The whole Lambda event (or its serialization) written to the logs: `context.Logger.LogLine(JsonSerializer.Serialize(request))`.
//!
//! ## Why it matters
//! Events carry authorization headers, cookies, tokens and personal data; logging them copies all of it into CloudWatch.
//!
//! ## Example
//! ```csharp
//! public APIGatewayProxyResponse Handler(APIGatewayProxyRequest request, ILambdaContext context)
//! {
//!     context.Logger.LogLine(JsonSerializer.Serialize(request));
//! }
//! ```
//!
//! ## Fix
//! ```csharp
//! context.Logger.LogLine($"request {request.RequestContext.RequestId} {request.Path}");
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/200.html
//! - https://cwe.mitre.org/data/definitions/532.html

use crate::lang::Lang;
use crate::rules::Rule;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "sensitive-information-leak",
    name: "Sensitive information leak",
    cwes: &["CWE-200"],
    severity: Severity::Medium,
    tags: &["information-leak", "logging"],
    remediation: "Log only the fields you need (an id, a route), not the whole event: it carries headers, tokens and personal data.",
    references: &["https://cwe.mitre.org/data/definitions/200.html", "https://cwe.mitre.org/data/definitions/532.html"],
    checks: &[],
};
