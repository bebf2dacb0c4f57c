//! # NoSQL injection
//!
//! ## What it finds
//! A DynamoDB `FilterExpression`, `KeyConditionExpression`, `UpdateExpression`, `ConditionExpression` or PartiQL
//! statement built from event data, or a MongoDB query document / `$where` taken from the request.
//!
//! ## Why it matters
//! An attacker who controls the expression can widen a query to other users' items or change which attributes an
//! update touches; MongoDB operators such as `$ne` or `$where` in input bypass filters.
//!
//! ## Example
//! ```python
//! def handler(event, context):
//!     name = event["pathParameters"]["name"]
//!     table.scan(FilterExpression="username = " + name)
//! ```
//!
//! ## Fix
//! Use placeholders:
//! ```python
//!     table.scan(FilterExpression="username = :u", ExpressionAttributeValues={":u": name})
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/943.html
//! - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "nosql-injection",
    name: "NoSQL injection",
    cwes: &["CWE-943"],
    severity: Severity::High,
    tags: &["injection", "nosql", "dynamodb", "mongodb"],
    remediation: "Keep DynamoDB expressions constant and pass input only through ExpressionAttributeValues; never pass request data as a MongoDB query document or $where.",
    references: &["https://cwe.mitre.org/data/definitions/943.html"],
    checks: &[Check::Taint(Kind::NoSql)],
};
