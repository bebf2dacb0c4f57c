//! # SQL injection
//!
//! ## What it finds
//! SQL text built from attacker-controlled data (the Lambda event, Rails/Sinatra `params`, request headers or body)
//! by interpolation or concatenation and passed to ActiveRecord string conditions (`where`, `order`, `pluck`,
//! `joins`, `select`, `group`, `having`, `exists?`, `find_by_sql`, `connection.execute`, `exec_query`,
//! `select_all`), Sequel (`DB.fetch`, `run`, `Sequel.lit`), pg (`exec`, `async_exec`), mysql2 (`query`) or sqlite3
//! (`execute`). Only the SQL text argument is checked: bind values after it and hash conditions (`where(name: x)`)
//! are safe.
//!
//! ## Why it matters
//! Whoever sends the event or request can change the statement: read other tenants' rows, bypass a login check, or
//! modify and drop tables.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   name = event["queryStringParameters"]["name"]
//!   User.where("name = '#{name}'").to_a
//! end
//! ```
//!
//! ## Fix
//! Use placeholders or a hash condition, so the value is sent separately from the SQL text:
//! ```ruby
//!   User.where("name = ?", name).to_a
//!   User.where(name: name).to_a
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/89.html
//! - https://guides.rubyonrails.org/security.html#sql-injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "sql-injection",
    name: "SQL injection",
    cwes: &["CWE-89"],
    severity: Severity::High,
    tags: &["injection", "sql", "owasp-top10"],
    remediation: "Keep the SQL text constant and pass values as bind parameters (where(\"name = ?\", name), where(name: name), exec_params); never interpolate request data into SQL.",
    references: &[
        "https://cwe.mitre.org/data/definitions/89.html",
        "https://guides.rubyonrails.org/security.html#sql-injection",
    ],
    checks: &[Check::Taint(Kind::Sql)],
};
