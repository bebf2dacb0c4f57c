//! # Server-side request forgery
//!
//! ## What it finds
//! An HTTP request whose URL or host comes from attacker-controlled data:
//! `Net::HTTP.get`/`get_response`/`start`/`new`, `URI.open` and open-uri, HTTParty, Faraday, RestClient, Excon,
//! Typhoeus, http.rb and HTTPClient.
//!
//! ## Why it matters
//! The function's network position and role are used against you: the caller reaches internal services, the
//! instance metadata endpoint or AWS APIs reachable only from inside the VPC.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   url = event["queryStringParameters"]["url"]
//!   Net::HTTP.get(URI(url))
//! end
//! ```
//!
//! ## Fix
//! Check the host against an allow-list before requesting:
//! ```ruby
//!   uri = URI(url)
//!   raise "host not allowed" unless ALLOWED_HOSTS.include?(uri.host)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/918.html
//! - https://owasp.org/www-community/attacks/Server_Side_Request_Forgery

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "server-side-request-forgery",
    name: "Server-side request forgery",
    cwes: &["CWE-918"],
    severity: Severity::High,
    tags: &["injection", "ssrf", "owasp-top10"],
    remediation: "Do not request URLs taken from input; choose the host from an allow-list and build the URL yourself, and block link-local and private addresses.",
    references: &[
        "https://cwe.mitre.org/data/definitions/918.html",
        "https://owasp.org/www-community/attacks/Server_Side_Request_Forgery",
    ],
    checks: &[Check::Taint(Kind::Ssrf)],
};
