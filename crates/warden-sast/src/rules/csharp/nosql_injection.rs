//! # NoSQL injection
//!
//! ## What it finds
//! DynamoDB `KeyConditionExpression`, `FilterExpression`, `UpdateExpression`, `ConditionExpression`,
//! `ProjectionExpression` and PartiQL `ExecuteStatementRequest.Statement` built from attacker-controlled data, and
//! MongoDB filters parsed from text built from input (`BsonDocument.Parse`, `Find("{ … " + x + " }")`) or `$where`
//! JavaScript.
//!
//! ## Why it matters
//! The caller rewrites the query: reads items of other users, widens a filter to the whole table, or runs JavaScript in the database.
//!
//! ## Example
//! ```csharp
//! var req = new QueryRequest
//! {
//!     TableName = "orders",
//!     KeyConditionExpression = "customer = " + request.QueryStringParameters["customer"],
//! };
//! ```
//!
//! ## Fix
//! Use placeholders:
//! ```csharp
//! KeyConditionExpression = "customer = :c",
//! ExpressionAttributeValues = new() { [":c"] = new AttributeValue { S = customer } },
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/943.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "nosql-injection",
    name: "NoSQL injection",
    cwes: &["CWE-943"],
    severity: Severity::High,
    tags: &["injection", "nosql", "dynamodb", "mongodb"],
    remediation: "Keep DynamoDB expressions constant and pass values in ExpressionAttributeValues; build MongoDB filters with Builders<T>.Filter, never from JSON text or $where.",
    references: &["https://cwe.mitre.org/data/definitions/943.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::NoSql)],
};
