//! # Cross-site scripting
//!
//! ## What it finds
//! Attacker-controlled data written into HTML without escaping: marked safe with `html_safe`/`raw`, rendered with
//! `render inline:`/`render html:`/`render text:`, written to the response body, or returned as the body of a
//! Lambda response whose content type is HTML.
//!
//! ## Why it matters
//! Script in the input runs in the victim's browser on your origin: it steals sessions and tokens or acts as the
//! user.
//!
//! ## Example
//! ```ruby
//! class GreetingsController < ApplicationController
//!   def show
//!     render html: "<h1>Hello #{params[:name]}</h1>".html_safe
//!   end
//! end
//! ```
//!
//! ## Fix
//! Escape the value, or let a template escape it:
//! ```ruby
//!     render html: "<h1>Hello #{ERB::Util.html_escape(params[:name])}</h1>".html_safe
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/79.html
//! - https://guides.rubyonrails.org/security.html#cross-site-scripting-xss

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "cross-site-scripting",
    name: "Cross-site scripting",
    cwes: &["CWE-79"],
    severity: Severity::High,
    tags: &["injection", "xss", "owasp-top10"],
    remediation: "Let Rails escape output (do not call html_safe or raw on input), escape with ERB::Util.html_escape, or sanitize HTML with the sanitize helper; return HTML from Lambda only with escaped values.",
    references: &[
        "https://cwe.mitre.org/data/definitions/79.html",
        "https://guides.rubyonrails.org/security.html#cross-site-scripting-xss",
    ],
    checks: &[Check::Taint(Kind::Xss)],
};
