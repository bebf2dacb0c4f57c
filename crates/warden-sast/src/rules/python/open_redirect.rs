//! # Open redirect
//!
//! ## What it finds
//! A redirect to a URL taken from input: Flask/Django/FastAPI redirects, or a Lambda proxy response whose
//! `Location` header holds input.
//!
//! ## Why it matters
//! Phishing links on your domain send users to an attacker's site that looks like yours.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     return {"statusCode": 302, "headers": {"Location": event["queryStringParameters"]["next"]}}
//! ```
//!
//! ## Fix
//! Allow only known destinations:
//! ```python
//!     target = params["next"] if params["next"] in ALLOWED else "/"
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/601.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "open-redirect",
    name: "Open redirect",
    cwes: &["CWE-601"],
    severity: Severity::Medium,
    tags: &["redirect"],
    remediation: "Redirect only to relative paths or to hosts on an allow-list (Django's url_has_allowed_host_and_scheme).",
    references: &["https://cwe.mitre.org/data/definitions/601.html"],
    checks: &[Check::Taint(Kind::Redirect)],
};
