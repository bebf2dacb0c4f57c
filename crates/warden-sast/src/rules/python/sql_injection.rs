//! # SQL injection
//!
//! ## What it finds
//! A SQL statement built from attacker-controlled data (the Lambda event, a Flask/Django/FastAPI request) by
//! string formatting, concatenation or an f-string, and run with a DB-API cursor (`execute`, `executemany`,
//! `executescript`), SQLAlchemy `text()`, Django `raw`/`extra`/`RawSQL`, pandas `read_sql`, or the RDS Data API /
//! Athena.
//!
//! ## Why it matters
//! Whoever sends the event can change the statement: read other tenants' rows, bypass a login, drop tables.
//!
//! ## Example
//! ```python
//! def lambda_handler(event, context):
//!     user = event["queryStringParameters"]["user"]
//!     cursor.execute(f"SELECT * FROM orders WHERE owner = '{user}'")
//! ```
//!
//! ## Fix
//! Pass the values as parameters and keep the statement constant:
//! ```python
//!     cursor.execute("SELECT * FROM orders WHERE owner = %s", (user,))
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/89.html
//! - https://owasp.org/www-community/attacks/SQL_Injection

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "sql-injection",
    name: "SQL injection",
    cwes: &["CWE-89"],
    severity: Severity::High,
    tags: &["injection", "sql", "owasp-top10"],
    remediation: "Use parameterized queries (cursor.execute(sql, params)) or the ORM's query builder; never build SQL text from request data.",
    references: &["https://cwe.mitre.org/data/definitions/89.html"],
    checks: &[Check::Taint(Kind::Sql)],
};
