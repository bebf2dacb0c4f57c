//! # NoSQL injection
//!
//! ## What it finds
//! MongoDB/Mongoose queries whose filter is request data (`find(req.body)`, `{ user: body.user }` where the value may
//! be an object such as `{"$ne": null}`), `$where` JavaScript built from input, and DynamoDB `FilterExpression`,
//! `KeyConditionExpression`, `ConditionExpression`, `UpdateExpression`, `ProjectionExpression` or PartiQL `Statement`
//! text built from input (v2 `DocumentClient`/`DynamoDB` calls and v3 `QueryCommand`, `ScanCommand`,
//! `ExecuteStatementCommand`, …).
//!
//! ## Why it matters
//! An operator object (`{"$gt": ""}`) or a `$where` snippet changes what the query matches, which bypasses logins and
//! leaks other users' documents; an expression built from input can read or overwrite attributes it was never meant
//! to touch.
//!
//! ## Example
//! ```javascript
//! exports.handler = async (event) => {
//!   const { status } = event.queryStringParameters;
//!   return ddb.scan({ TableName: 'orders', FilterExpression: `status = ${status}` }).promise();
//! };
//! ```
//!
//! ## Fix
//! Keep the expression constant and bind the value:
//! ```javascript
//!   return ddb.scan({
//!     TableName: 'orders',
//!     FilterExpression: '#s = :s',
//!     ExpressionAttributeNames: { '#s': 'status' },
//!     ExpressionAttributeValues: { ':s': status },
//!   }).promise();
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
    lang: Lang::JavaScript,
    slug: "nosql-injection",
    name: "NoSQL injection",
    cwes: &["CWE-943"],
    severity: Severity::High,
    tags: &["injection", "nosql", "dynamodb", "mongodb"],
    remediation: "Pass request values to MongoDB as plain strings (`String(x)`) and never as whole query objects or `$where` code; keep DynamoDB expressions constant and put values in `ExpressionAttributeValues`.",
    references: &["https://cwe.mitre.org/data/definitions/943.html"],
    checks: &[Check::Taint(Kind::NoSql)],
};
