//! # Path traversal
//!
//! ## What it finds
//! A file path built from request data and opened, read, written or deleted with `fs` (callback, sync and promise
//! APIs, `fs-extra`), or sent with Express `res.sendFile`/`res.download` without a `root`.
//!
//! ## Why it matters
//! `../` sequences or an absolute path let the caller read or overwrite any file the function can reach:
//! `/proc/self/environ` holds the function's AWS credentials.
//!
//! ## Example
//! ```javascript
//! exports.handler = async (event) => {
//!   const data = fs.readFileSync(path.join('/tmp/reports', event.queryStringParameters.name));
//!   return { statusCode: 200, body: data.toString() };
//! };
//! ```
//!
//! ## Fix
//! Keep only the file name:
//! ```javascript
//!   const data = fs.readFileSync(path.join('/tmp/reports', path.basename(event.queryStringParameters.name)));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/22.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "path-traversal",
    name: "Path traversal",
    cwes: &["CWE-22"],
    severity: Severity::High,
    tags: &["injection", "path", "owasp-top10"],
    remediation: "Keep only the file name (`path.basename`) or resolve the path and check that it stays under the intended directory before opening it.",
    references: &["https://cwe.mitre.org/data/definitions/22.html"],
    checks: &[Check::Taint(Kind::Path)],
};
