//! # HTTP response header injection
//!
//! ## What it finds
//! A response header set from attacker-controlled data: `response.headers[...] =`, `headers[...] =`,
//! `response.set_header`, Sinatra `headers`, `content_type`, or a file name in `send_data`/`send_file`.
//!
//! ## Why it matters
//! Line breaks split the response (injected headers or body, cache poisoning), and values such as cookies or CORS
//! headers come under the attacker's control.
//!
//! ## Example
//! ```ruby
//! class DownloadsController < ApplicationController
//!   def show
//!     response.headers["X-Report-Name"] = params[:name]
//!   end
//! end
//! ```
//!
//! ## Fix
//! Validate the value against what it may be:
//! ```ruby
//!     name = params[:name].to_s
//!     response.headers["X-Report-Name"] = name if name.match?(/\A[\w.-]+\z/)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/113.html
//! - https://owasp.org/www-community/attacks/HTTP_Response_Splitting

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "header-injection",
    name: "HTTP response header injection",
    cwes: &["CWE-113"],
    severity: Severity::Medium,
    tags: &["injection", "http"],
    remediation: "Do not put input into response headers, or remove CR and LF first and validate the value.",
    references: &[
        "https://cwe.mitre.org/data/definitions/113.html",
        "https://owasp.org/www-community/attacks/HTTP_Response_Splitting",
    ],
    checks: &[Check::Taint(Kind::Header)],
};
