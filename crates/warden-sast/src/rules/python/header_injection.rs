//! # HTTP header injection
//!
//! ## What it finds
//! Attacker-controlled data written into a response header (`headers.add`, `headers.set`, `set_header`).
//!
//! ## Why it matters
//! Line breaks in a header value split the response: forged headers, cookies or a second body.
//!
//! ## Example
//! ```python
//! @app.route("/download")
//! def download():
//!     resp = make_response(data)
//!     resp.headers.set("Content-Disposition", "attachment; filename=" + request.args["name"])
//! ```
//!
//! ## Fix
//! Remove line breaks from the value (or quote the file name with a library).
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/113.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "header-injection",
    name: "HTTP header injection",
    cwes: &["CWE-113"],
    severity: Severity::Medium,
    tags: &["injection", "http"],
    remediation: "Strip CR and LF from values before putting them in response headers, or allow only known values.",
    references: &["https://cwe.mitre.org/data/definitions/113.html"],
    checks: &[Check::Taint(Kind::Header)],
};
