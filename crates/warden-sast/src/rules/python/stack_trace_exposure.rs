//! # Stack trace exposure
//!
//! ## What it finds
//! Exception messages or stack traces (`traceback.format_exc()`, `str(e)`) returned to the caller in a Lambda
//! response or a web response.
//!
//! ## Why it matters
//! Error details reveal file paths, library versions, SQL and sometimes secrets to an attacker probing the API.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     try:
//!         return process(event)
//!     except Exception as e:
//!         return {"statusCode": 500, "body": traceback.format_exc()}
//! ```
//!
//! ## Fix
//! Return a generic message:
//! ```python
//!         logger.exception("processing failed")
//!         return {"statusCode": 500, "body": "internal error"}
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/209.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

/// `app.run(debug=True)`.
fn debug_on(site: &CallSite) -> bool {
    site.keyword("debug").is_some_and(|c| c.truthy())
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "stack-trace-exposure",
    name: "Stack trace exposure",
    cwes: &["CWE-209"],
    severity: Severity::Medium,
    tags: &["information-disclosure"],
    remediation: "Log the exception and return a generic error message with a correlation id.",
    references: &["https://cwe.mitre.org/data/definitions/209.html"],
    checks: &[
        Check::Taint(Kind::StackTrace),
        Check::Call(CallCheck {
            pattern: "flask.Flask.run",
            when: Some(debug_on),
            message: "the Werkzeug debugger shows stack traces and runs code for anyone who can reach it",
        }),
    ],
};
