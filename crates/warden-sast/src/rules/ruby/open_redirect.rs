//! # Open redirect
//!
//! ## What it finds
//! A redirect whose target comes from attacker-controlled data: `redirect_to`, Sinatra `redirect`, a `Location`
//! header, or a Lambda response with a `Location` header built from the event.
//!
//! ## Why it matters
//! Links on your domain send users to a phishing site, and OAuth-style flows leak tokens to the attacker's host.
//!
//! ## Example
//! ```ruby
//! class SessionsController < ApplicationController
//!   def create
//!     redirect_to params[:return_to]
//!   end
//! end
//! ```
//!
//! ## Fix
//! Keep only the path, or check the host:
//! ```ruby
//!     redirect_to URI(params[:return_to].to_s).path
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/601.html
//! - https://guides.rubyonrails.org/security.html#redirection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "open-redirect",
    name: "Open redirect",
    cwes: &["CWE-601"],
    severity: Severity::Medium,
    tags: &["redirect", "owasp-top10"],
    remediation: "Redirect only to paths or to hosts on an allow-list (redirect_to URI(url).path, or check the host); in Rails 7 keep allow_other_host off.",
    references: &[
        "https://cwe.mitre.org/data/definitions/601.html",
        "https://guides.rubyonrails.org/security.html#redirection",
    ],
    checks: &[Check::Taint(Kind::Redirect)],
};
