//! # Cross-site scripting
//!
//! ## What it finds
//! Attacker-controlled data written into an HTML response without encoding:
//! `response.getWriter().print/println/write/printf/format/append`, a `PrintWriter` obtained from the response, or
//! the servlet output stream; a Lambda handler's API Gateway response body (`APIGatewayProxyResponseEvent.withBody` or
//! `setBody`) in a function that declares an HTML content type (`Map.of("Content-Type", "text/html")`,
//! `headers.put(...)`); Spring and JAX-RS mapping methods returning markup; Thymeleaf and JSP views. ESAPI `encodeForHTML`, Commons Text `escapeHtml4`, OWASP Encoder `Encode.forHtml` and
//! Spring `HtmlUtils.htmlEscape` clean the value.
//!
//! ## Why it matters
//! Script in the value runs in the victim's browser with the site's origin: session theft, actions on the user's
//! behalf.
//!
//! ## Example
//! ```java
//! String name = request.getParameter("name");
//! response.getWriter().println("<h1>Hello " + name + "</h1>");
//! ```
//!
//! ## Fix
//! Encode for the HTML context:
//! ```java
//! response.getWriter().println("<h1>Hello " + Encode.forHtml(name) + "</h1>");
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/79.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "cross-site-scripting",
    name: "Cross-site scripting",
    cwes: &["CWE-79"],
    severity: Severity::High,
    tags: &["injection", "xss", "owasp-top10"],
    remediation: "Encode request data for its HTML context (OWASP Encoder Encode.forHtml, StringEscapeUtils.escapeHtml4) or render it with an auto-escaping template engine.",
    references: &["https://cwe.mitre.org/data/definitions/79.html"],
    checks: &[Check::Taint(Kind::Xss)],
};
