//! # SQL injection
//!
//! ## What it finds
//! A SQL statement built from attacker-controlled data (the Lambda event, a servlet request, a Spring
//! `@RequestParam`/`@PathVariable`/`@RequestBody` value) by concatenation or `String.format`, and run with JDBC
//! (`Statement.executeQuery`/`executeUpdate`/`execute`/`addBatch`, or passed as the SQL text of
//! `Connection.prepareStatement`/`prepareCall`), JPA/Hibernate (`createQuery`, `createNativeQuery`,
//! `createSQLQuery`), Spring `JdbcTemplate` (`query`, `queryForObject`, `queryForList`, `update`, `execute`,
//! `batchUpdate`), jOOQ plain SQL or the RDS/Redshift Data API and Athena (`sql(...)`, `queryString(...)`). Values
//! bound with `PreparedStatement.setX` are not reported.
//!
//! ## Why it matters
//! Whoever sends the request can change the statement: read other tenants' rows, bypass a login, drop tables.
//!
//! ## Example
//! ```java
//! public String handleRequest(APIGatewayProxyRequestEvent event, Context context) {
//!     String user = event.getQueryStringParameters().get("user");
//!     ResultSet rs = connection.createStatement()
//!         .executeQuery("SELECT * FROM orders WHERE owner = '" + user + "'");
//! ```
//!
//! ## Fix
//! Keep the statement constant and bind the values:
//! ```java
//!     PreparedStatement ps = connection.prepareStatement("SELECT * FROM orders WHERE owner = ?");
//!     ps.setString(1, user);
//!     ResultSet rs = ps.executeQuery();
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/89.html
//! - https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "sql-injection",
    name: "SQL injection",
    cwes: &["CWE-89"],
    severity: Severity::High,
    tags: &["injection", "sql", "owasp-top10"],
    remediation: "Use PreparedStatement with ? placeholders (or named parameters with JdbcTemplate/JPA) and bind the values; never build SQL text from request data.",
    references: &[
        "https://cwe.mitre.org/data/definitions/89.html",
        "https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html",
    ],
    checks: &[Check::Taint(Kind::Sql)],
};
