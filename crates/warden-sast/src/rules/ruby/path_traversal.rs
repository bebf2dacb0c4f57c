//! # Path traversal
//!
//! ## What it finds
//! A file path built from attacker-controlled data and opened, read, written or deleted with
//! `File.read`/`open`/`write`, `IO.read`, `Kernel#open`, `FileUtils`, `Dir.glob`, `YAML.load_file`, `send_file` or
//! `render file:`.
//!
//! ## Why it matters
//! `../` sequences or absolute paths let the caller read files outside the intended directory (the function's code,
//! `/proc/self/environ` with its credentials) or overwrite them.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   name = event["pathParameters"]["name"]
//!   { statusCode: 200, body: File.read("/var/task/templates/#{name}") }
//! end
//! ```
//!
//! ## Fix
//! Keep only the file name, or check the expanded path:
//! ```ruby
//!   path = File.expand_path(name, BASE)
//!   raise "bad path" unless path.start_with?(BASE + "/")
//!   File.read(path)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/22.html
//! - https://guides.rubyonrails.org/security.html#file-uploads

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "path-traversal",
    name: "Path traversal",
    cwes: &["CWE-22"],
    severity: Severity::High,
    tags: &["injection", "path", "owasp-top10"],
    remediation: "Reduce input to a file name with File.basename, or expand the path and check that it stays inside the intended directory before opening it.",
    references: &[
        "https://cwe.mitre.org/data/definitions/22.html",
        "https://guides.rubyonrails.org/security.html#file-uploads",
    ],
    checks: &[Check::Taint(Kind::Path)],
};
