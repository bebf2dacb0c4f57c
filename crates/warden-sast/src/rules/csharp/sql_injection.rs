//! # SQL injection
//!
//! ## What it finds
//! SQL text built from attacker-controlled data (the Lambda event, an ASP.NET request) by concatenation, `$"…"` or
//! `string.Format`, and run with ADO.NET (`new SqlCommand(sql, conn)`, `cmd.CommandText = sql`, `SqlDataAdapter`;
//! Npgsql, MySQL, SQLite, Oracle, OLE DB, ODBC), Dapper (`Query`, `Execute`, `QueryFirstOrDefault`, …) or Entity
//! Framework (`FromSqlRaw`, `ExecuteSqlRaw`, `SqlQueryRaw`, `FromSql`/`ExecuteSql` with a pre-built string).
//!
//! ## Why it matters
//! Whoever sends the request can change the statement: read other tenants' rows, bypass a login, drop tables.
//!
//! ## Example
//! ```csharp
//! public async Task<APIGatewayProxyResponse> Handler(APIGatewayProxyRequest request, ILambdaContext context)
//! {
//!     var id = request.QueryStringParameters["id"];
//!     using var cmd = new SqlCommand($"SELECT * FROM orders WHERE id = '{id}'", conn);
//!     using var reader = await cmd.ExecuteReaderAsync();
//! }
//! ```
//!
//! ## Fix
//! Keep the statement constant and bind the value:
//! ```csharp
//! using var cmd = new SqlCommand("SELECT * FROM orders WHERE id = @id", conn);
//! cmd.Parameters.AddWithValue("@id", id);
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/89.html
//! - https://owasp.org/Top10/A03_2021-Injection/

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use crate::tables::Kind;
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "sql-injection",
    name: "SQL injection",
    cwes: &["CWE-89"],
    severity: Severity::High,
    tags: &["injection", "sql", "owasp-top10"],
    remediation: "Keep the SQL text constant and pass values as parameters (SqlParameter, Parameters.AddWithValue, Dapper's parameter object, FromSqlInterpolated).",
    references: &["https://cwe.mitre.org/data/definitions/89.html", "https://owasp.org/Top10/A03_2021-Injection/"],
    checks: &[Check::Taint(Kind::Sql)],
};
