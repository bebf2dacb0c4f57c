//! # Stack trace exposure
//!
//! ## What it finds
//! A caught exception (its `stack`, `message` or the error itself) returned to the caller: in a Lambda handler's
//! response, Express `res.send`/`res.json`/`res.status(…).json`, Fastify `reply.send`, or the Lambda `callback`
//! result.
//!
//! ## Why it matters
//! Stack traces reveal file paths, library versions, queries and sometimes secrets that help an attacker.
//!
//! ## Example
//! ```javascript
//! exports.handler = async (event) => {
//!   try { return await work(event); }
//!   catch (err) { return { statusCode: 500, body: err.stack }; }
//! };
//! ```
//!
//! ## Fix
//! Return a generic error:
//! ```javascript
//!   catch (err) { console.error(err); return { statusCode: 500, body: 'internal error' }; }
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/209.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "stack-trace-exposure",
    name: "Stack trace exposure",
    cwes: &["CWE-209"],
    severity: Severity::Medium,
    tags: &["information-disclosure"],
    remediation: "Log the exception and return a generic message with a request id; never send `err.stack` or the error object to the caller.",
    references: &["https://cwe.mitre.org/data/definitions/209.html"],
    checks: &[Check::Taint(Kind::StackTrace)],
};
