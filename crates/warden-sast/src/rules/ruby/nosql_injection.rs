//! # NoSQL injection
//!
//! ## What it finds
//! Mongo queries whose `$where` JavaScript or whole filter document comes from attacker-controlled data
//! (`collection.find("$where" => "this.owner == '#{x}'")`, `find(JSON.parse(body))`), and DynamoDB
//! `query`/`scan`/`update_item` calls whose `key_condition_expression`, `filter_expression`, `update_expression` or
//! PartiQL `statement` is built from input.
//!
//! ## Why it matters
//! An attacker can rewrite the query: run JavaScript on the database server, match every document with operators
//! such as `$ne`, or read and change items of other users.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   owner = event["owner"]
//!   orders.find("$where" => "this.owner == '#{owner}'").to_a
//! end
//! ```
//!
//! ## Fix
//! Query fields with values, and keep expressions constant with placeholders:
//! ```ruby
//!   orders.find(owner: owner.to_s).to_a
//!   dynamodb.query(table_name: "orders", key_condition_expression: "owner = :o",
//!                  expression_attribute_values: { ":o" => owner })
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/943.html
//! - https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/05.6-Testing_for_NoSQL_Injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "nosql-injection",
    name: "NoSQL injection",
    cwes: &["CWE-943"],
    severity: Severity::High,
    tags: &["injection", "nosql", "owasp-top10"],
    remediation: "Do not build Mongo $where clauses or DynamoDB expressions from input; compare fields with typed values and pass input through expression attribute values.",
    references: &[
        "https://cwe.mitre.org/data/definitions/943.html",
        "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/05.6-Testing_for_NoSQL_Injection",
    ],
    checks: &[Check::Taint(Kind::NoSql)],
};
