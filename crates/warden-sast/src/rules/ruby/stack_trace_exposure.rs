//! # Stack trace exposure
//!
//! ## What it finds
//! Exception details (`e.message`, `e.backtrace`, `e.full_message`, the exception itself) returned to the caller:
//! in a Lambda handler's response, `render json:`/`render plain:`, Sinatra `halt`/`body`/`json`, or written to the
//! response.
//!
//! ## Why it matters
//! Messages and stack traces reveal file paths, library versions, SQL and internal hosts, which make further
//! attacks easier.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   process(event)
//! rescue StandardError => e
//!   { statusCode: 500, body: e.backtrace.join("\n") }
//! end
//! ```
//!
//! ## Fix
//! Log the details and return a generic error:
//! ```ruby
//! rescue StandardError => e
//!   LOGGER.error(e.full_message)
//!   { statusCode: 500, body: JSON.generate(error: "internal error", request_id: context.aws_request_id) }
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/209.html
//! - https://owasp.org/www-community/Improper_Error_Handling

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "stack-trace-exposure",
    name: "Stack trace exposure",
    cwes: &["CWE-209"],
    severity: Severity::Medium,
    tags: &["error-handling", "information-leak"],
    remediation: "Log the exception and return a generic message with a request id; never return e.message or e.backtrace to the caller.",
    references: &[
        "https://cwe.mitre.org/data/definitions/209.html",
        "https://owasp.org/www-community/Improper_Error_Handling",
    ],
    checks: &[Check::Taint(Kind::StackTrace)],
};
