//! # SQL injection
//!
//! ## What it finds
//! A SQL statement built from attacker-controlled data (the Lambda event, an Express/Koa/Fastify/Next.js request) by
//! concatenation or a template literal, and run with `mysql`/`mysql2`/`pg` `query`/`execute`, sqlite
//! `run`/`all`/`exec`, knex `raw`/`whereRaw`, Sequelize `query`/`literal`, TypeORM `query`/`where` or Prisma
//! `$queryRawUnsafe`.
//!
//! ## Why it matters
//! Whoever sends the event can change the statement: read other tenants' rows, bypass a login, drop tables.
//!
//! ## Example
//! ```javascript
//! exports.handler = async (event) => {
//!   const id = event.pathParameters.id;
//!   const [rows] = await pool.query(`SELECT * FROM orders WHERE id = '${id}'`);
//!   return rows;
//! };
//! ```
//!
//! ## Fix
//! Pass the values as parameters:
//! ```javascript
//!   const [rows] = await pool.query("SELECT * FROM orders WHERE id = ?", [id]);
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
    lang: Lang::JavaScript,
    slug: "sql-injection",
    name: "SQL injection",
    cwes: &["CWE-89"],
    severity: Severity::High,
    tags: &["injection", "sql", "owasp-top10"],
    remediation: "Use placeholders (`db.query(sql, [values])`, knex/Sequelize bindings, Prisma tagged `$queryRaw`) and keep the SQL text constant; never build it from request data.",
    references: &["https://cwe.mitre.org/data/definitions/89.html"],
    checks: &[Check::Taint(Kind::Sql)],
};
