//! Sources, sinks and sanitizers of C#: AWS Lambda (.NET) handlers and Lambda Annotations, ASP.NET Core
//! controllers and minimal APIs, legacy ASP.NET; ADO.NET, Dapper, Entity Framework, `System.Diagnostics.Process`,
//! `System.IO`, `HttpClient`/`WebRequest`/`WebClient`, `System.Xml`, `System.DirectoryServices`, formatters and
//! Json.NET, the AWS SDK.
//!
//! The C# front end lowers a property set on another object to its setter call (`cmd.CommandText = sql` →
//! `cmd.set_CommandText(sql)`, `headers["X"] = v` → `headers.set_Item("X", v)`) and object initializers to named
//! arguments (`new SqlCommand { CommandText = sql }`), so both spellings of a property sink are listed.

use super::{ALL_KINDS, Args, Kind, Label, ParamSources, Sanitizer, Sink, Source, Tables};
use crate::ir::{Expr, ExprKind};
use crate::rules::CallSite;

/// No positional argument has this index: `Args::At(NAMED, "Body")` selects the named argument (initializer) only.
const NAMED: usize = 99;

const fn sink(kind: Kind, pattern: &'static str, args: Args) -> Sink {
    Sink { kind, pattern, args, when: None }
}

const fn sink_when(kind: Kind, pattern: &'static str, args: Args, when: fn(&CallSite) -> bool) -> Sink {
    Sink { kind, pattern, args, when: Some(when) }
}

const fn input(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Input }
}

const fn credential(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Credential }
}

const fn clean(pattern: &'static str, kinds: super::Kinds) -> Sanitizer {
    Sanitizer { pattern, kinds }
}

/// Whether any string literal inside `e` contains `needle` (case-insensitive).
pub(crate) fn mentions(e: &Expr, needle: &str) -> bool {
    fn walk(e: &Expr, needle: &str, budget: &mut u32) -> bool {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        if let ExprKind::Str(s) = &e.kind
            && s.to_ascii_lowercase().contains(needle)
        {
            return true;
        }
        e.children().into_iter().any(|c| walk(c, needle, budget))
    }
    walk(e, needle, &mut 2000)
}

/// The named argument `name` (an initializer property) of a call.
pub(crate) fn named<'a>(c: &'a CallSite, name: &str) -> Option<&'a Expr> {
    c.args.iter().find(|a| a.name.as_deref() == Some(name)).map(|a| &a.value)
}

/// `Content(x, "text/html")`, `Results.Content(x, "text/html")`, `new ContentResult { ContentType = "text/html" }`.
fn html_content(c: &CallSite) -> bool {
    c.args.iter().skip(1).any(|a| {
        a.name.as_deref() != Some("Content")
            && (mentions(&a.value, "html") || a.value.dotted().is_some_and(|d| d.ends_with("Text.Html")))
    })
}

/// An API Gateway/ALB response whose `Headers` say `text/html`.
fn html_response(c: &CallSite) -> bool {
    named(c, "Headers").is_some_and(|h| mentions(h, "text/html"))
        || named(c, "MultiValueHeaders").is_some_and(|h| mentions(h, "text/html"))
}

/// An API Gateway/ALB response that sets `Location`.
fn location_response(c: &CallSite) -> bool {
    named(c, "Headers").is_some_and(|h| mentions(h, "location"))
}

/// Headers other than `Location` (that one is an open redirect).
fn headers_not_location(c: &CallSite) -> bool {
    named(c, "Headers").is_some_and(|h| !mentions(h, "location"))
}

const SHELLS: &[&str] =
    &["sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "pwsh.exe"];

fn is_shell(program: &str) -> bool {
    let base = program.rsplit(['/', '\\']).next().unwrap_or(program).to_ascii_lowercase();
    SHELLS.contains(&base.as_str())
}

/// Arguments text handed to a shell: `-c …`, `/c …`, `-Command …`.
fn shell_arguments(e: &Expr) -> bool {
    let first = match &e.kind {
        ExprKind::Str(s) => Some(s.as_str()),
        ExprKind::Concat(parts) => parts.first().and_then(Expr::as_str),
        ExprKind::Binary { left, .. } => {
            let mut l = left.as_ref();
            while let ExprKind::Binary { left, .. } = &l.kind {
                l = left;
            }
            l.as_str()
        }
        _ => None,
    };
    first.is_some_and(|s| {
        let s = s.trim_start().trim_start_matches('"').to_ascii_lowercase();
        s.starts_with("-c") || s.starts_with("/c") || s.starts_with("-command") || s.starts_with("/k")
    })
}

/// `Process.Start(shell, args)` / `new ProcessStartInfo(shell, args)`: the arguments reach a shell.
fn shell_call(c: &CallSite) -> bool {
    let program = c.str_arg(0, "fileName").or_else(|| c.keyword("FileName").and_then(|k| k.as_str()));
    // A fixed program that is not a shell gets an argument string, not a command line.
    let named_program = c.has_keyword("FileName") || c.positional() > 0;
    program.is_some_and(is_shell)
        || (program.is_none() && named_program)
        || c.arg(1, "arguments").is_some_and(|a| shell_arguments(&a.value))
        || named(c, "Arguments").is_some_and(shell_arguments)
}

fn shell_setter(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| shell_arguments(&a.value))
}

/// A stream reader over a path built here, not over a stream (`new StreamReader(input)` with a `Stream input`
/// reads the event): a concatenation, interpolation, `Path.Combine(…)` or `Path.Join(…)`.
fn path_not_stream(c: &CallSite) -> bool {
    let Some(a) = c.arg(0, "path") else { return false };
    match &a.value.kind {
        ExprKind::Concat(_) | ExprKind::Str(_) => true,
        ExprKind::Binary { op, .. } => op == "+",
        ExprKind::Call { callee, .. } => callee.dotted().is_some_and(|d| {
            d.ends_with("Path.Combine")
                || d.ends_with("Path.Join")
                || d.ends_with("Path.GetFullPath")
                || d.ends_with("string.Format")
        }),
        _ => false,
    }
}

/// HTTP client calls, not caches, DynamoDB or EF contexts (`cache.GetAsync(key)`).
fn http_client(c: &CallSite) -> bool {
    let receiver = c.callee.rsplit_once('.').map_or("", |(r, _)| r).to_ascii_lowercase();
    !["cache", "redis", "dynamo", "context", "table", "repository", "repo", "store", "bucket", "s3", "queue", "db"]
        .iter()
        .any(|w| receiver.contains(w))
}

/// Dapper's `Query`/`Execute` on a connection or transaction (`conn.Query(sql)`, `IDbConnection.Execute`), not
/// DynamoDB's `context.QueryAsync(hashKey)`, a command bus's `Execute(command)` or Polly's `ExecuteAsync(() => …)`.
fn sql_connection(c: &CallSite) -> bool {
    let receiver = c.callee.rsplit_once('.').map_or("", |(r, _)| r).to_ascii_lowercase();
    let connection = ["conn", "db", "sql", "dapper", "transaction", "database", "session", "tx"]
        .iter()
        .any(|w| receiver.contains(w));
    let other = ["dynamo", "context", "table", "mongo", "collection", "cache", "search", "index", "redis"]
        .iter()
        .any(|w| receiver.contains(w));
    connection && !other && c.arg(0, "sql").is_some_and(|a| !matches!(a.value.kind, ExprKind::Lambda(_)))
}

/// `searcher.Filter = "(&(uid=" + user + "))"`: an LDAP filter (other `Filter` properties hold other things).
fn ldap_filter(c: &CallSite) -> bool {
    c.callee.to_ascii_lowercase().contains("search")
        || c.arg(0, "").is_some_and(|a| {
            mentions(&a.value, "(&")
                || mentions(&a.value, "(|")
                || mentions(&a.value, "(objectclass")
                || mentions(&a.value, "(uid=")
                || mentions(&a.value, "(cn=")
                || mentions(&a.value, "samaccountname")
        })
}

/// EF Core 7 `FromSql`/`ExecuteSql` take a `FormattableString`: an interpolated string written in the call is
/// parameterized; anything else (a concatenation, a variable) is not.
fn not_inline_interpolation(c: &CallSite) -> bool {
    c.arg(0, "sql").is_some_and(|a| !matches!(a.value.kind, ExprKind::Concat(_)))
}

/// A string built in place (`"{ name: '" + x + "' }"`, `$"…{x}…"`) or a variable, not a lambda/builder.
fn built_string(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| match &a.value.kind {
        ExprKind::Concat(_) | ExprKind::Str(_) => true,
        ExprKind::Binary { op, .. } => op == "+",
        _ => false,
    })
}

/// An XPath/selector call with a string, not a LINQ lambda (`items.Select(i => …)`).
fn not_lambda(c: &CallSite) -> bool {
    c.arg(0, "").is_some_and(|a| !matches!(a.value.kind, ExprKind::Lambda(_)))
}

/// Json.NET with a `JsonSerializerSettings { TypeNameHandling = … }` other than `None` in the call.
fn type_name_handling(c: &CallSite) -> bool {
    c.args.iter().any(|a| match &a.value.kind {
        ExprKind::Call { args, .. } => args.iter().any(|s| {
            s.name.as_deref() == Some("TypeNameHandling")
                && s.value.dotted().is_some_and(|d| !d.ends_with(".None") && d.contains("TypeNameHandling"))
        }),
        _ => false,
    })
}

/// `new BsonDocument { { "$where", js } }`.
fn where_item(c: &CallSite) -> bool {
    c.args.iter().any(|a| {
        a.name.as_deref() == Some("<item>")
            && matches!(&a.value.kind, ExprKind::List(items) if items.first().and_then(Expr::as_str) == Some("$where"))
    })
}

/// `new BsonDocument("$where", js)`.
fn where_clause(c: &CallSite) -> bool {
    c.str_arg(0, "") == Some("$where")
}

pub static TABLES: Tables = Tables {
    sources: &[
        // The request object itself (a controller's `Request`, `HttpContext.Request`).
        input("Request"),
        input("this.Request"),
        input("HttpContext.Request"),
        input("**.HttpContext.Request"),
        // ASP.NET Core HttpRequest (controllers' `Request`, `HttpContext.Request`, `context.Request`).
        input("Request.Query"),
        input("**.Request.Query"),
        input("Request.Form"),
        input("**.Request.Form"),
        input("Request.Headers"),
        input("**.Request.Headers"),
        input("Request.Cookies"),
        input("**.Request.Cookies"),
        input("Request.Body"),
        input("**.Request.Body"),
        input("Request.BodyReader"),
        input("**.Request.BodyReader"),
        input("Request.RouteValues"),
        input("**.Request.RouteValues"),
        input("Request.Path"),
        input("**.Request.Path"),
        input("Request.QueryString"),
        input("**.Request.QueryString"),
        input("Request.Host"),
        input("**.Request.Host"),
        input("Request.ReadFormAsync"),
        input("**.Request.ReadFormAsync"),
        input("Request.ReadFromJsonAsync"),
        input("**.Request.ReadFromJsonAsync"),
        input("**.Request.Form.Files"),
        input("RouteData.Values"),
        input("**.RouteData.Values"),
        // Legacy System.Web.
        input("Request.Params"),
        input("**.Request.Params"),
        input("Request.InputStream"),
        input("**.Request.InputStream"),
        input("Request.RawUrl"),
        input("**.Request.RawUrl"),
        input("Request.Url"),
        input("**.Request.Url"),
        input("Request.UrlReferrer"),
        input("**.Request.UrlReferrer"),
        input("Request.UserAgent"),
        input("**.Request.UserAgent"),
        input("Request.ServerVariables"),
        input("**.Request.ServerVariables"),
        input("Request.Files"),
        input("**.Request.Files"),
        input("Request.Item"),
        input("**.Request.Item"),
        // Azure Functions isolated worker / HttpRequestMessage bodies.
        input("**.Content.ReadAsStringAsync"),
        // Secrets: AWS credentials and Secrets Manager values.
        credential("**.GetCredentials"),
        credential("**.GetCredentialsAsync"),
        credential("**.SecretAccessKey"),
        credential("**.SessionToken"),
        credential("**.AWSSecretKey"),
        credential("**.SecretString"),
        credential("**.GetSecretValueAsync"),
        credential("**.GetSecretValue"),
    ],
    sinks: &[
        // SQL: ADO.NET commands (text only: parameters are safe), adapters, Dapper, Entity Framework.
        sink(Kind::Sql, "SqlCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "**.SqlCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "NpgsqlCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "MySqlCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "SqliteCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "SQLiteCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "OracleCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "OleDbCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "OdbcCommand", Args::At(0, "CommandText")),
        sink(Kind::Sql, "**.SqlDataAdapter", Args::At(0, "selectCommandText")),
        sink(Kind::Sql, "SqlDataAdapter", Args::At(0, "selectCommandText")),
        sink(Kind::Sql, "NpgsqlDataAdapter", Args::At(0, "selectCommandText")),
        sink(Kind::Sql, "MySqlDataAdapter", Args::At(0, "selectCommandText")),
        sink(Kind::Sql, "OleDbDataAdapter", Args::At(0, "selectCommandText")),
        sink(Kind::Sql, "**.set_CommandText", Args::First),
        sink(Kind::Sql, "**.FromSqlRaw", Args::At(0, "sql")),
        sink(Kind::Sql, "**.ExecuteSqlRaw", Args::At(0, "sql")),
        sink(Kind::Sql, "**.ExecuteSqlRawAsync", Args::At(0, "sql")),
        sink(Kind::Sql, "**.SqlQueryRaw", Args::At(0, "sql")),
        sink(Kind::Sql, "**.ExecuteSqlCommand", Args::At(0, "sql")),
        sink(Kind::Sql, "**.ExecuteSqlCommandAsync", Args::At(0, "sql")),
        sink_when(Kind::Sql, "**.ExecuteQuery", Args::At(0, "query"), sql_connection),
        sink_when(Kind::Sql, "**.ExecuteCommand", Args::At(0, "command"), sql_connection),
        sink(Kind::Sql, "**.CreateSQLQuery", Args::First),
        sink(Kind::Sql, "**.CreateSqlQuery", Args::First),
        sink_when(Kind::Sql, "**.CreateQuery", Args::First, built_string),
        sink(Kind::Sql, "SqlMapper.*", Args::At(1, "sql")),
        sink_when(Kind::Sql, "**.FromSql", Args::At(0, "sql"), not_inline_interpolation),
        sink_when(Kind::Sql, "**.ExecuteSql", Args::At(0, "sql"), not_inline_interpolation),
        sink_when(Kind::Sql, "**.ExecuteSqlAsync", Args::At(0, "sql"), not_inline_interpolation),
        sink_when(Kind::Sql, "**.SqlQuery", Args::At(0, "sql"), not_inline_interpolation),
        sink_when(Kind::Sql, "**.Query", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QueryAsync", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QueryFirst", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QueryFirstAsync", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QueryFirstOrDefault", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QueryFirstOrDefaultAsync", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QuerySingle", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QuerySingleAsync", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QuerySingleOrDefault", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QuerySingleOrDefaultAsync", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QueryMultiple", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.QueryMultipleAsync", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.Execute", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.ExecuteAsync", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.ExecuteScalar", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.ExecuteScalarAsync", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.ExecuteReader", Args::At(0, "sql"), sql_connection),
        sink_when(Kind::Sql, "**.ExecuteReaderAsync", Args::At(0, "sql"), sql_connection),
        // NoSQL: DynamoDB expressions and PartiQL, MongoDB JSON filters and $where.
        sink(Kind::NoSql, "QueryRequest", Args::At(NAMED, "KeyConditionExpression")),
        sink(Kind::NoSql, "QueryRequest", Args::At(NAMED, "FilterExpression")),
        sink(Kind::NoSql, "QueryRequest", Args::At(NAMED, "ProjectionExpression")),
        sink(Kind::NoSql, "ScanRequest", Args::At(NAMED, "FilterExpression")),
        sink(Kind::NoSql, "ScanRequest", Args::At(NAMED, "ProjectionExpression")),
        sink(Kind::NoSql, "UpdateItemRequest", Args::At(NAMED, "UpdateExpression")),
        sink(Kind::NoSql, "UpdateItemRequest", Args::At(NAMED, "ConditionExpression")),
        sink(Kind::NoSql, "DeleteItemRequest", Args::At(NAMED, "ConditionExpression")),
        sink(Kind::NoSql, "PutItemRequest", Args::At(NAMED, "ConditionExpression")),
        sink(Kind::NoSql, "ExecuteStatementRequest", Args::At(NAMED, "Statement")),
        sink(Kind::NoSql, "**.set_KeyConditionExpression", Args::First),
        sink(Kind::NoSql, "**.set_FilterExpression", Args::First),
        sink(Kind::NoSql, "**.set_UpdateExpression", Args::First),
        sink(Kind::NoSql, "**.set_ConditionExpression", Args::First),
        sink(Kind::NoSql, "**.set_ProjectionExpression", Args::First),
        sink(Kind::NoSql, "**.set_Statement", Args::First),
        sink(Kind::NoSql, "Expression", Args::At(NAMED, "ExpressionStatement")),
        sink(Kind::NoSql, "**.set_ExpressionStatement", Args::First),
        sink_when(Kind::NoSql, "BsonDocument", Args::Any, where_item),
        sink(Kind::NoSql, "BsonDocument.Parse", Args::First),
        sink(Kind::NoSql, "**.BsonDocument.Parse", Args::First),
        sink(Kind::NoSql, "BsonJavaScript", Args::First),
        sink(Kind::NoSql, "**.BsonJavaScript", Args::First),
        sink_when(Kind::NoSql, "**.Find", Args::First, built_string),
        sink_when(Kind::NoSql, "**.FindAsync", Args::First, built_string),
        sink_when(Kind::NoSql, "**.CountDocuments", Args::First, built_string),
        sink_when(Kind::NoSql, "**.DeleteMany", Args::First, built_string),
        sink_when(Kind::NoSql, "**.DeleteOne", Args::First, built_string),
        sink_when(Kind::NoSql, "BsonDocument", Args::At(1, "value"), where_clause),
        // OS commands.
        sink(Kind::Command, "Process.Start", Args::At(0, "fileName")),
        sink(Kind::Command, "**.Process.Start", Args::At(0, "fileName")),
        sink_when(Kind::Command, "Process.Start", Args::At(1, "arguments"), shell_call),
        sink_when(Kind::Command, "**.Process.Start", Args::At(1, "arguments"), shell_call),
        sink(Kind::Command, "ProcessStartInfo", Args::At(0, "FileName")),
        sink(Kind::Command, "**.ProcessStartInfo", Args::At(0, "FileName")),
        sink_when(Kind::Command, "ProcessStartInfo", Args::At(1, "Arguments"), shell_call),
        sink_when(Kind::Command, "**.ProcessStartInfo", Args::At(1, "Arguments"), shell_call),
        sink(Kind::Command, "**.StartInfo.set_FileName", Args::First),
        sink(Kind::Command, "ProcessStartInfo.set_FileName", Args::First),
        sink_when(Kind::Command, "**.set_Arguments", Args::First, shell_setter),
        sink(Kind::Command, "Cli.Wrap", Args::First),
        sink(Kind::Command, "**.AddScript", Args::First),
        sink(Kind::Command, "**.AddCommand", Args::First),
        // Code: Roslyn scripting, CodeDOM, dynamic LINQ, reflection by name.
        sink(Kind::Code, "CSharpScript.EvaluateAsync", Args::First),
        sink(Kind::Code, "**.CSharpScript.EvaluateAsync", Args::First),
        sink(Kind::Code, "CSharpScript.RunAsync", Args::First),
        sink(Kind::Code, "**.CSharpScript.RunAsync", Args::First),
        sink(Kind::Code, "CSharpScript.Create", Args::First),
        sink(Kind::Code, "**.CSharpScript.Create", Args::First),
        sink(Kind::Code, "CSharpSyntaxTree.ParseText", Args::First),
        sink(Kind::Code, "**.CompileAssemblyFromSource", Args::From(1)),
        sink(Kind::Code, "DynamicExpressionParser.ParseLambda", Args::Any),
        sink(Kind::Code, "Type.GetType", Args::First),
        sink(Kind::Code, "Assembly.Load", Args::First),
        sink(Kind::Code, "Assembly.LoadFrom", Args::First),
        sink(Kind::Code, "Assembly.LoadFile", Args::First),
        sink(Kind::Code, "**.GetMethod", Args::At(0, "name")),
        sink(Kind::Code, "**.InvokeMember", Args::At(0, "name")),
        sink(Kind::Code, "**.Assembly.GetType", Args::First),
        sink(Kind::Code, "Activator.CreateInstance", Args::At(1, "typeName")),
        sink(Kind::Code, "**.Engine.Execute", Args::First),
        // Templates compiled from input (server-side template injection).
        sink(Kind::Template, "Engine.Razor.RunCompile", Args::First),
        sink(Kind::Template, "**.Razor.RunCompile", Args::First),
        sink(Kind::Template, "**.Razor.Compile", Args::First),
        sink(Kind::Template, "Razor.Parse", Args::First),
        sink(Kind::Template, "**.RazorEngine.Razor.Parse", Args::First),
        sink(Kind::Template, "Template.Parse", Args::First),
        sink(Kind::Template, "Scriban.Template.Parse", Args::First),
        sink(Kind::Template, "Handlebars.Compile", Args::First),
        sink(Kind::Template, "**.CompileRenderStringAsync", Args::At(1, "content")),
        // Paths.
        sink(Kind::Path, "File.ReadAllText", Args::First),
        sink(Kind::Path, "File.ReadAllTextAsync", Args::First),
        sink(Kind::Path, "File.ReadAllBytes", Args::First),
        sink(Kind::Path, "File.ReadAllBytesAsync", Args::First),
        sink(Kind::Path, "File.ReadAllLines", Args::First),
        sink(Kind::Path, "File.ReadAllLinesAsync", Args::First),
        sink(Kind::Path, "File.ReadLines", Args::First),
        sink(Kind::Path, "File.WriteAllText", Args::First),
        sink(Kind::Path, "File.WriteAllTextAsync", Args::First),
        sink(Kind::Path, "File.WriteAllBytes", Args::First),
        sink(Kind::Path, "File.WriteAllBytesAsync", Args::First),
        sink(Kind::Path, "File.WriteAllLines", Args::First),
        sink(Kind::Path, "File.WriteAllLinesAsync", Args::First),
        sink(Kind::Path, "File.AppendAllText", Args::First),
        sink(Kind::Path, "File.AppendAllTextAsync", Args::First),
        sink(Kind::Path, "File.AppendAllLines", Args::First),
        sink(Kind::Path, "File.AppendText", Args::First),
        sink(Kind::Path, "File.Open", Args::First),
        sink(Kind::Path, "File.OpenRead", Args::First),
        sink(Kind::Path, "File.OpenWrite", Args::First),
        sink(Kind::Path, "File.OpenText", Args::First),
        sink(Kind::Path, "File.Create", Args::First),
        sink(Kind::Path, "File.CreateText", Args::First),
        sink(Kind::Path, "File.Delete", Args::First),
        sink(Kind::Path, "File.Copy", Args::Any),
        sink(Kind::Path, "File.Move", Args::Any),
        sink(Kind::Path, "File.Replace", Args::Any),
        sink(Kind::Path, "**.IO.File.*", Args::First),
        sink(Kind::Path, "Directory.Delete", Args::First),
        sink(Kind::Path, "Directory.CreateDirectory", Args::First),
        sink(Kind::Path, "Directory.GetFiles", Args::First),
        sink(Kind::Path, "Directory.EnumerateFiles", Args::First),
        sink(Kind::Path, "Directory.GetDirectories", Args::First),
        sink(Kind::Path, "Directory.Move", Args::Any),
        sink(Kind::Path, "FileStream", Args::At(0, "path")),
        sink(Kind::Path, "**.FileStream", Args::At(0, "path")),
        sink(Kind::Path, "FileInfo", Args::At(0, "fileName")),
        sink(Kind::Path, "DirectoryInfo", Args::At(0, "path")),
        sink_when(Kind::Path, "StreamReader", Args::At(0, "path"), path_not_stream),
        sink_when(Kind::Path, "StreamWriter", Args::At(0, "path"), path_not_stream),
        sink(Kind::Path, "PhysicalFile", Args::At(0, "physicalPath")),
        sink(Kind::Path, "PhysicalFileResult", Args::At(0, "fileName")),
        sink(Kind::Path, "Results.File", Args::At(0, "path")),
        sink(Kind::Path, "TypedResults.PhysicalFile", Args::At(0, "path")),
        sink(Kind::Path, "Results.PhysicalFile", Args::At(0, "path")),
        sink(Kind::Path, "ZipFile.ExtractToDirectory", Args::At(1, "destinationDirectoryName")),
        sink(Kind::Path, "**.ExtractToFile", Args::At(0, "destinationFileName")),
        // SSRF.
        sink_when(Kind::Ssrf, "**.GetAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.GetStringAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.GetByteArrayAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.GetStreamAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.GetFromJsonAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.PostAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.PostAsJsonAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.PutAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.PutAsJsonAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.PatchAsync", Args::At(0, "requestUri"), http_client),
        sink_when(Kind::Ssrf, "**.DeleteAsync", Args::At(0, "requestUri"), http_client),
        sink(Kind::Ssrf, "HttpRequestMessage", Args::At(1, "RequestUri")),
        sink(Kind::Ssrf, "**.HttpRequestMessage", Args::At(1, "RequestUri")),
        sink(Kind::Ssrf, "HttpClient", Args::At(NAMED, "BaseAddress")),
        sink(Kind::Ssrf, "**.set_BaseAddress", Args::First),
        sink(Kind::Ssrf, "**.set_RequestUri", Args::First),
        sink(Kind::Ssrf, "WebRequest.Create", Args::First),
        sink(Kind::Ssrf, "WebRequest.CreateHttp", Args::First),
        sink(Kind::Ssrf, "HttpWebRequest.Create", Args::First),
        sink(Kind::Ssrf, "**.WebRequest.Create", Args::First),
        sink(Kind::Ssrf, "**.DownloadString", Args::First),
        sink(Kind::Ssrf, "**.DownloadStringTaskAsync", Args::First),
        sink(Kind::Ssrf, "**.DownloadData", Args::First),
        sink(Kind::Ssrf, "**.DownloadDataTaskAsync", Args::First),
        sink(Kind::Ssrf, "**.DownloadFile", Args::First),
        sink(Kind::Ssrf, "**.DownloadFileTaskAsync", Args::First),
        sink(Kind::Ssrf, "**.UploadString", Args::First),
        sink(Kind::Ssrf, "WebClient.OpenRead", Args::First),
        sink(Kind::Ssrf, "RestClient", Args::At(0, "baseUrl")),
        sink(Kind::Ssrf, "**.RestClient", Args::At(0, "baseUrl")),
        // XXE: XmlTextReader resolves DTDs unless told otherwise (the parser settings themselves are checked by the
        // xml-external-entity rule).
        sink(Kind::Xxe, "XmlTextReader", Args::At(0, "input")),
        sink(Kind::Xxe, "**.XmlTextReader", Args::At(0, "input")),
        // XPath.
        sink(Kind::Xpath, "**.SelectNodes", Args::At(0, "xpath")),
        sink(Kind::Xpath, "**.SelectSingleNode", Args::At(0, "xpath")),
        sink(Kind::Xpath, "**.XPathSelectElement", Args::At(0, "expression")),
        sink(Kind::Xpath, "**.XPathSelectElements", Args::At(0, "expression")),
        sink(Kind::Xpath, "**.XPathEvaluate", Args::At(0, "expression")),
        sink(Kind::Xpath, "XPathExpression.Compile", Args::First),
        sink_when(Kind::Xpath, "XPathNavigator.Select", Args::First, not_lambda),
        sink_when(Kind::Xpath, "XPathNavigator.Evaluate", Args::First, not_lambda),
        sink_when(Kind::Xpath, "XPathNavigator.Compile", Args::First, not_lambda),
        sink_when(Kind::Xpath, "**.CreateNavigator().Select", Args::First, not_lambda),
        sink_when(Kind::Xpath, "**.CreateNavigator().Evaluate", Args::First, not_lambda),
        sink_when(Kind::Xpath, "**.CreateNavigator().Compile", Args::First, not_lambda),
        // LDAP.
        sink(Kind::Ldap, "DirectorySearcher", Args::Any),
        sink(Kind::Ldap, "**.DirectorySearcher", Args::Any),
        sink_when(Kind::Ldap, "**.set_Filter", Args::First, ldap_filter),
        sink(Kind::Ldap, "DirectoryEntry", Args::At(0, "Path")),
        sink(Kind::Ldap, "**.DirectoryEntry", Args::At(0, "Path")),
        sink(Kind::Ldap, "SearchRequest", Args::At(1, "Filter")),
        sink(Kind::Ldap, "**.Protocols.SearchRequest", Args::At(1, "Filter")),
        // Deserialization.
        sink(Kind::Deserialization, "BinaryFormatter.Deserialize", Args::First),
        sink(Kind::Deserialization, "BinaryFormatter.UnsafeDeserialize", Args::First),
        sink(Kind::Deserialization, "**.BinaryFormatter.Deserialize", Args::First),
        sink(Kind::Deserialization, "SoapFormatter.Deserialize", Args::First),
        sink(Kind::Deserialization, "NetDataContractSerializer.Deserialize", Args::First),
        sink(Kind::Deserialization, "NetDataContractSerializer.ReadObject", Args::First),
        sink(Kind::Deserialization, "LosFormatter.Deserialize", Args::First),
        sink(Kind::Deserialization, "ObjectStateFormatter.Deserialize", Args::First),
        sink(Kind::Deserialization, "JavaScriptSerializer.Deserialize", Args::First),
        sink(Kind::Deserialization, "JavaScriptSerializer.DeserializeObject", Args::First),
        sink(Kind::Deserialization, "XmlSerializer", Args::First),
        sink_when(Kind::Deserialization, "JsonConvert.DeserializeObject", Args::First, type_name_handling),
        sink_when(Kind::Deserialization, "**.JsonConvert.DeserializeObject", Args::First, type_name_handling),
        // XSS.
        sink_when(Kind::Xss, "Content", Args::At(0, "content"), html_content),
        sink_when(Kind::Xss, "Results.Content", Args::At(0, "content"), html_content),
        sink_when(Kind::Xss, "TypedResults.Content", Args::At(0, "content"), html_content),
        sink_when(Kind::Xss, "Results.Text", Args::At(0, "content"), html_content),
        sink_when(Kind::Xss, "ContentResult", Args::At(NAMED, "Content"), html_content),
        sink(Kind::Xss, "**.Response.WriteAsync", Args::First),
        sink(Kind::Xss, "Response.WriteAsync", Args::First),
        sink(Kind::Xss, "**.Response.Write", Args::First),
        sink(Kind::Xss, "Response.Write", Args::First),
        sink(Kind::Xss, "HttpResponseWritingExtensions.WriteAsync", Args::At(1, "text")),
        sink(Kind::Xss, "**.Html.Raw", Args::First),
        sink(Kind::Xss, "Html.Raw", Args::First),
        sink(Kind::Xss, "HtmlString", Args::First),
        sink(Kind::Xss, "MarkupString", Args::First),
        sink_when(Kind::Xss, "APIGatewayProxyResponse", Args::At(NAMED, "Body"), html_response),
        sink_when(Kind::Xss, "APIGatewayHttpApiV2ProxyResponse", Args::At(NAMED, "Body"), html_response),
        sink_when(Kind::Xss, "ApplicationLoadBalancerResponse", Args::At(NAMED, "Body"), html_response),
        // Open redirect.
        sink(Kind::Redirect, "Redirect", Args::First),
        sink(Kind::Redirect, "RedirectPermanent", Args::First),
        sink(Kind::Redirect, "RedirectPreserveMethod", Args::First),
        sink(Kind::Redirect, "RedirectPermanentPreserveMethod", Args::First),
        sink(Kind::Redirect, "**.Response.Redirect", Args::First),
        sink(Kind::Redirect, "Response.Redirect", Args::First),
        sink(Kind::Redirect, "RedirectResult", Args::First),
        sink(Kind::Redirect, "Results.Redirect", Args::First),
        sink(Kind::Redirect, "TypedResults.Redirect", Args::First),
        sink(Kind::Redirect, "**.Headers.set_Location", Args::First),
        sink_when(Kind::Redirect, "APIGatewayProxyResponse", Args::At(NAMED, "Headers"), location_response),
        sink_when(Kind::Redirect, "APIGatewayHttpApiV2ProxyResponse", Args::At(NAMED, "Headers"), location_response),
        sink_when(Kind::Redirect, "ApplicationLoadBalancerResponse", Args::At(NAMED, "Headers"), location_response),
        // Header injection.
        sink(Kind::Header, "**.Response.Headers.Add", Args::Any),
        sink(Kind::Header, "**.Response.Headers.Append", Args::Any),
        sink(Kind::Header, "**.Response.Headers.TryAdd", Args::Any),
        sink(Kind::Header, "**.Response.Headers.set_Item", Args::Any),
        sink(Kind::Header, "Response.Headers.Add", Args::Any),
        sink(Kind::Header, "Response.Headers.Append", Args::Any),
        sink(Kind::Header, "Response.Headers.set_Item", Args::Any),
        sink(Kind::Header, "**.Response.AddHeader", Args::Any),
        sink(Kind::Header, "**.Response.AppendHeader", Args::Any),
        sink(Kind::Header, "Response.AddHeader", Args::Any),
        sink(Kind::Header, "Response.AppendHeader", Args::Any),
        // Not `Response.Cookies.Append(name, value)`: ASP.NET Core escapes the value (`Uri.EscapeDataString`).
        sink_when(Kind::Header, "APIGatewayProxyResponse", Args::At(NAMED, "Headers"), headers_not_location),
        sink_when(Kind::Header, "APIGatewayHttpApiV2ProxyResponse", Args::At(NAMED, "Headers"), headers_not_location),
        // Exception details in a web response (controllers, minimal APIs, middleware).
        sink(Kind::StackTrace, "Ok", Args::Any),
        sink(Kind::StackTrace, "BadRequest", Args::Any),
        sink(Kind::StackTrace, "NotFound", Args::Any),
        sink(Kind::StackTrace, "Conflict", Args::Any),
        sink(Kind::StackTrace, "UnprocessableEntity", Args::Any),
        sink(Kind::StackTrace, "Problem", Args::Any),
        sink(Kind::StackTrace, "StatusCode", Args::From(1)),
        sink(Kind::StackTrace, "Content", Args::First),
        sink(Kind::StackTrace, "Json", Args::First),
        sink(Kind::StackTrace, "ObjectResult", Args::First),
        sink(Kind::StackTrace, "Results.*", Args::Any),
        sink(Kind::StackTrace, "TypedResults.*", Args::Any),
        sink(Kind::StackTrace, "**.Response.WriteAsync", Args::First),
        sink(Kind::StackTrace, "**.Response.WriteAsJsonAsync", Args::First),
        sink(Kind::StackTrace, "Response.WriteAsync", Args::First),
        sink(Kind::StackTrace, "**.Response.Write", Args::First),
    ],
    sanitizers: &[
        // Numbers, GUIDs, dates, booleans, enums: nothing of the input text survives.
        clean("int.Parse", ALL_KINDS),
        clean("long.Parse", ALL_KINDS),
        clean("short.Parse", ALL_KINDS),
        clean("uint.Parse", ALL_KINDS),
        clean("ulong.Parse", ALL_KINDS),
        clean("byte.Parse", ALL_KINDS),
        clean("double.Parse", ALL_KINDS),
        clean("float.Parse", ALL_KINDS),
        clean("decimal.Parse", ALL_KINDS),
        clean("bool.Parse", ALL_KINDS),
        clean("Int32.Parse", ALL_KINDS),
        clean("Int64.Parse", ALL_KINDS),
        clean("Int16.Parse", ALL_KINDS),
        clean("Double.Parse", ALL_KINDS),
        clean("Decimal.Parse", ALL_KINDS),
        clean("Boolean.Parse", ALL_KINDS),
        clean("Guid.Parse", ALL_KINDS),
        clean("Guid.ParseExact", ALL_KINDS),
        clean("DateTime.Parse", ALL_KINDS),
        clean("DateTime.ParseExact", ALL_KINDS),
        clean("DateTimeOffset.Parse", ALL_KINDS),
        clean("TimeSpan.Parse", ALL_KINDS),
        clean("Enum.Parse", ALL_KINDS),
        clean("Convert.ToInt32", ALL_KINDS),
        clean("Convert.ToInt64", ALL_KINDS),
        clean("Convert.ToInt16", ALL_KINDS),
        clean("Convert.ToUInt32", ALL_KINDS),
        clean("Convert.ToDouble", ALL_KINDS),
        clean("Convert.ToDecimal", ALL_KINDS),
        clean("Convert.ToBoolean", ALL_KINDS),
        clean("Convert.ToDateTime", ALL_KINDS),
        clean("Convert.ToSingle", ALL_KINDS),
        clean("**.Int32.Parse", ALL_KINDS),
        clean("**.Convert.ToInt32", ALL_KINDS),
        // Checks and counts return booleans and numbers.
        clean("**.TryParse", ALL_KINDS),
        clean("string.IsNullOrEmpty", ALL_KINDS),
        clean("string.IsNullOrWhiteSpace", ALL_KINDS),
        clean("String.IsNullOrEmpty", ALL_KINDS),
        clean("**.Equals", ALL_KINDS),
        clean("**.StartsWith", ALL_KINDS),
        clean("**.EndsWith", ALL_KINDS),
        clean("**.Contains", ALL_KINDS),
        clean("**.ContainsKey", ALL_KINDS),
        clean("**.IsMatch", ALL_KINDS),
        clean("**.Any", ALL_KINDS),
        clean("**.Count", ALL_KINDS),
        clean("**.GetHashCode", ALL_KINDS),
        clean("**.IsLocalUrl", ALL_KINDS),
        // Parameters carry values, never SQL text.
        clean("SqlParameter", ALL_KINDS),
        clean("**.AddWithValue", ALL_KINDS),
        // Encoders.
        clean("HtmlEncoder.Default.Encode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("**.HtmlEncoder.Default.Encode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("WebUtility.HtmlEncode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("**.WebUtility.HtmlEncode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("HttpUtility.HtmlEncode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("HttpUtility.HtmlAttributeEncode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("**.HttpUtility.HtmlEncode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("HttpUtility.JavaScriptStringEncode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("JavaScriptEncoder.Default.Encode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("AntiXssEncoder.HtmlEncode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("Encoder.HtmlEncode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("SecurityElement.Escape", Kind::Xss.bit() | Kind::Xpath.bit() | Kind::Xxe.bit()),
        clean("Uri.EscapeDataString", URL_ENCODED),
        clean("**.Uri.EscapeDataString", URL_ENCODED),
        clean("Uri.EscapeUriString", Kind::Header.bit() | Kind::Log.bit()),
        clean("HttpUtility.UrlEncode", URL_ENCODED),
        clean("WebUtility.UrlEncode", URL_ENCODED),
        clean("UrlEncoder.Default.Encode", URL_ENCODED),
        clean("Encoder.LdapFilterEncode", Kind::Ldap.bit()),
        clean("Encoder.LdapDistinguishedNameEncode", Kind::Ldap.bit()),
        clean("**.LdapFilterEncode", Kind::Ldap.bit()),
        clean("Regex.Escape", Kind::Regex.bit()),
        // File names only: no directory part survives.
        clean("Path.GetFileName", Kind::Path.bit()),
        clean("Path.GetFileNameWithoutExtension", Kind::Path.bit()),
        clean("Path.GetExtension", Kind::Path.bit() | Kind::Command.bit()),
        clean("**.IO.Path.GetFileName", Kind::Path.bit()),
    ],
    params: ParamSources {
        types: &[
            // Lambda events (also typed parameters of helpers that receive them).
            "APIGatewayProxyRequest",
            "APIGatewayHttpApiV2ProxyRequest",
            "ApplicationLoadBalancerRequest",
            "SQSEvent",
            "SNSEvent",
            "S3Event",
            "DynamoDBEvent",
            "KinesisEvent",
            "KinesisFirehoseEvent",
            "KafkaEvent",
            "CloudWatchLogsEvent",
            "LexEvent",
            "LexV2Event",
            "SQSMessage",
            "SQSBatchMessage",
            // ASP.NET Core / System.Web / Azure Functions requests. Not `HttpRequestMessage`: most code taking one
            // builds or forwards an outgoing request (`DelegatingHandler.SendAsync`, `HttpClient.SendAsync`); where
            // it is the incoming request, `[HttpTrigger]` or a Web API controller action says so.
            "HttpRequest",
            "HttpRequestBase",
            "HttpRequestData",
            "IFormFile",
            "IFormFileCollection",
            "IFormCollection",
            "IQueryCollection",
            "IHeaderDictionary",
            "IRequestCookieCollection",
        ],
        annotations: &["FromQuery", "FromBody", "FromRoute", "FromHeader", "FromForm", "FromUri", "HttpTrigger"],
        route_decorators: &[
            "HttpGet",
            "HttpPost",
            "HttpPut",
            "HttpDelete",
            "HttpPatch",
            "HttpHead",
            "HttpOptions",
            "AcceptVerbs",
            "Route",
            "HttpApi",
            "RestApi",
            // The C# front end's mark on public controller actions and minimal-API route lambdas.
            "ControllerAction",
            "**.MapGet",
            "**.MapPost",
            "**.MapPut",
            "**.MapDelete",
            "**.MapPatch",
            "**.MapMethods",
            "**.Map",
            "**.MapFallback",
        ],
        request_names: &[],
    },
    log_calls: &[
        "**.LogInformation",
        "**.LogWarning",
        "**.LogError",
        "**.LogDebug",
        "**.LogTrace",
        "**.LogCritical",
        "**.Logger.Log",
        "**.Logger.LogLine",
        "**.logger.Log",
        "**._logger.Log",
        "**.log.Log",
        "**._log.Log",
        "LambdaLogger.Log",
        "**.LambdaLogger.Log",
        "Log.Information",
        "Log.Warning",
        "Log.Error",
        "Log.Debug",
        "Log.Fatal",
        "Log.Verbose",
        "**.Log.Information",
        "**.Log.Warning",
        "**.Log.Error",
        "**.logger.Info",
        "**.logger.Warn",
        "**.logger.Error",
        "**.logger.Debug",
        "**._logger.Info",
        "**._logger.Warn",
        "**._logger.Error",
        "**._logger.Debug",
        "**.log.Info",
        "**.log.Warn",
        "**.log.Error",
        "**.log.Debug",
        "**._log.Info",
        "**._log.Warn",
        "**._log.Error",
        "**.Logger.Info",
        "**.Logger.Warn",
        "**.Logger.Error",
        "**.Logger.Debug",
        "Console.WriteLine",
        "Console.Write",
        "Console.Error.WriteLine",
        "**.Console.WriteLine",
        "Trace.WriteLine",
        "Trace.TraceInformation",
        "Trace.TraceWarning",
        "Trace.TraceError",
        "Debug.WriteLine",
        "EventLog.WriteEntry",
        "**.WriteEntry",
    ],
};

/// Percent-encoding: no separators, quotes or line breaks survive.
const URL_ENCODED: super::Kinds =
    Kind::Ssrf.bit() | Kind::Redirect.bit() | Kind::Header.bit() | Kind::Xss.bit() | Kind::Log.bit() | Kind::Path.bit();

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Arg, Span};
    use crate::rules::Const;

    fn site<'a>(callee: &'a str, args: &'a [Arg], consts: &'a [Option<Const>]) -> CallSite<'a> {
        CallSite { callee, args, consts, receiver: None, new: false, span: Span::default() }
    }

    fn s(v: &str) -> Expr {
        Expr::new(ExprKind::Str(v.to_string()), Span::default())
    }

    #[test]
    fn shells_are_recognised() {
        let args = [
            Arg { name: None, value: s("/bin/bash"), spread: false },
            Arg { name: None, value: Expr::new(ExprKind::Name("x".into()), Span::default()), spread: false },
        ];
        let consts = [Some(Const::Str("/bin/bash".into())), None];
        assert!(shell_call(&site("Process.Start", &args, &consts)));
        let consts = [Some(Const::Str("git".into())), None];
        assert!(!shell_call(&site("Process.Start", &args, &consts)));
        let concat = Expr::new(ExprKind::Concat(vec![s("-c \"ls "), s("x")]), Span::default());
        assert!(shell_arguments(&concat));
    }

    #[test]
    fn http_client_excludes_caches() {
        assert!(http_client(&site("HttpClient.GetAsync", &[], &[])));
        assert!(!http_client(&site("this._cache.GetAsync", &[], &[])));
    }
}
