//! # NoSQL injection
//!
//! ## What it finds
//! DynamoDB expressions (`filterExpression`, `keyConditionExpression`, `conditionExpression`, `updateExpression`,
//! `projectionExpression` and their SDK v1 `with…`/`set…` forms, PartiQL `statement`) built from attacker-controlled
//! data, and MongoDB queries parsed from input (`Document.parse`, `BasicDBObject.parse`, Spring Data `new
//! BasicQuery(json)`) or a `$where` JavaScript clause made from input.
//!
//! ## Why it matters
//! An expression built from input lets the caller change which items a query returns or which condition guards a
//! write; a `$where` clause runs the caller's JavaScript in the database.
//!
//! ## Example
//! ```java
//! String status = event.getQueryStringParameters().get("status");
//! QueryRequest q = QueryRequest.builder().tableName("orders")
//!     .keyConditionExpression("pk = :pk AND status = " + status).build();
//! ```
//!
//! ## Fix
//! Keep expressions constant and pass values as expression attribute values:
//! ```java
//! QueryRequest q = QueryRequest.builder().tableName("orders")
//!     .keyConditionExpression("pk = :pk AND status = :status")
//!     .expressionAttributeValues(Map.of(":pk", pk, ":status", AttributeValue.fromS(status))).build();
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
    lang: Lang::Java,
    slug: "nosql-injection",
    name: "NoSQL injection",
    cwes: &["CWE-943"],
    severity: Severity::High,
    tags: &["injection", "nosql", "dynamodb", "mongodb"],
    remediation: "Keep DynamoDB expressions and Mongo query documents constant; pass values as expression attribute values or typed filter arguments (Filters.eq).",
    references: &[
        "https://cwe.mitre.org/data/definitions/943.html",
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html",
    ],
    checks: &[Check::Taint(Kind::NoSql)],
};
