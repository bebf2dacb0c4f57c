//! Sources, sinks and sanitizers of Java: Lambda event types, the Servlet API, Spring MVC/WebFlux and JAX-RS
//! parameters; JDBC, JPA/Hibernate, Spring JdbcTemplate; `Runtime.exec`/`ProcessBuilder`; java.io/java.nio files;
//! `URL`, `java.net.http`, RestTemplate/WebClient, Apache HttpClient, OkHttp, Jsoup; JNDI/Spring LDAP/UnboundID;
//! XPath; SLF4J/Log4j/JUL/Commons Logging and the Lambda logger; Java serialization, XMLDecoder, SnakeYAML,
//! XStream; JSR-223 script engines, SpEL, Groovy, OGNL, MVEL; servlet responses; DynamoDB expressions and MongoDB.
//!
//! Receivers are matched by declared type when the engine knows it (`Statement stmt` → `Statement.executeQuery`,
//! fully qualified when imported) and otherwise by the conventional variable names (`jdbcTemplate`, `restTemplate`,
//! `log`), so every pattern starts with `**.`.

use super::{ALL_KINDS, Args, Kind, Label, ParamSources, Sanitizer, Sink, Source, Tables};
use crate::ir::ExprKind;
use crate::rules::CallSite;

const fn sink(kind: Kind, pattern: &'static str, args: Args) -> Sink {
    Sink { kind, pattern, args, when: None }
}

const fn sink_if(kind: Kind, pattern: &'static str, args: Args, when: fn(&CallSite) -> bool) -> Sink {
    Sink { kind, pattern, args, when: Some(when) }
}

const fn input(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Input }
}

const fn exception(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Exception }
}

const fn credential(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Credential }
}

const fn clean(pattern: &'static str, kinds: u32) -> Sanitizer {
    Sanitizer { pattern, kinds }
}

const XSS: u32 = Kind::Xss.bit();
const SQL: u32 = Kind::Sql.bit();
const LDAP: u32 = Kind::Ldap.bit();
const XPATH: u32 = Kind::Xpath.bit();
const LOG: u32 = Kind::Log.bit();
const HEADER: u32 = Kind::Header.bit();
const PATH: u32 = Kind::Path.bit();
const COMMAND: u32 = Kind::Command.bit();
/// Encoders whose output has no markup, quotes or line breaks.
const ENCODED: u32 = XSS | LOG | HEADER;

/// A shell as the program: `new ProcessBuilder("sh", "-c", cmd)`, `{"cmd.exe", "/c", …}`.
fn shell_program(site: &CallSite) -> bool {
    let first = match site.args.first().map(|a| &a.value.kind) {
        Some(ExprKind::List(items)) => items.first().and_then(|i| i.as_str()).map(str::to_string),
        _ => site.str_arg(0, "").map(str::to_string),
    };
    first.is_some_and(|p| {
        let p = p.rsplit(['/', '\\']).next().unwrap_or(&p).to_ascii_lowercase();
        matches!(
            p.as_str(),
            "sh" | "bash" | "zsh" | "ksh" | "dash" | "cmd" | "cmd.exe" | "powershell" | "powershell.exe" | "pwsh"
        )
    })
}

/// The first argument is the literal `"$where"` (Mongo JavaScript).
fn mongo_where(site: &CallSite) -> bool {
    site.str_arg(0, "") == Some("$where")
}

fn header_name(site: &CallSite) -> Option<String> {
    site.str_arg(0, "").map(str::to_ascii_lowercase)
}

/// A response header other than `Location` (which is an open redirect).
fn not_location(site: &CallSite) -> bool {
    header_name(site).is_none_or(|h| h != "location")
}

fn is_location(site: &CallSite) -> bool {
    header_name(site).is_some_and(|h| h == "location")
}

/// A map entry `"Location"` written as a header is (not `"location"`, a common data attribute).
fn is_location_header(site: &CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|h| h == "Location" || h == "LOCATION")
}

/// `new ModelAndView("redirect:" + url)`, a Spring view name that redirects.
fn redirect_view(site: &CallSite) -> bool {
    fn leftmost(e: &crate::ir::Expr) -> Option<&str> {
        match &e.kind {
            ExprKind::Str(s) => Some(s),
            ExprKind::Binary { left, .. } => leftmost(left),
            ExprKind::Concat(parts) => parts.first().and_then(leftmost),
            _ => None,
        }
    }
    site.args
        .first()
        .and_then(|a| leftmost(&a.value))
        .is_some_and(|s| s.starts_with("redirect:") || s.starts_with("forward:"))
}

/// `new Template(name, new StringReader(text), cfg)`: a FreeMarker template whose text is given.
fn reader_of_text(site: &CallSite) -> bool {
    site.arg(1, "").is_some_and(|a| {
        matches!(&a.value.kind, ExprKind::Call { callee, new: true, .. }
        if callee.dotted().is_some_and(|d| d.ends_with("StringReader")))
    })
}

/// A header map with a `Location` entry: `withHeaders(Map.of("Location", url))`.
fn location_entry(site: &CallSite) -> bool {
    site.args.first().is_some_and(|a| match &a.value.kind {
        ExprKind::Call { args, .. } => {
            args.iter().any(|x| x.value.as_str().is_some_and(|k| k.eq_ignore_ascii_case("location")))
        }
        _ => false,
    })
}

/// `e.printStackTrace(response.getWriter())`: a stack trace printed into the response.
fn prints_to_response(site: &CallSite) -> bool {
    fn mentions(e: &crate::ir::Expr) -> bool {
        match &e.kind {
            ExprKind::Attr { name, .. } if matches!(name.as_str(), "getWriter" | "getOutputStream") => true,
            _ => e.children().into_iter().any(mentions),
        }
    }
    site.args.first().is_some_and(|a| mentions(&a.value))
}

macro_rules! each {
    // `each!(kind, args, ["Recv", …], ["method", …])`: every receiver × method as `**.Recv.method`.
    ($kind:expr, $args:expr, [$($recv:literal),*], $methods:tt) => {
        concat(&[$( &each!(@one $kind, $args, $recv, $methods) ),*], sink(Kind::Sql, "", Args::Any))
    };
    (@one $kind:expr, $args:expr, $recv:literal, [$($m:literal),*]) => {
        [$( sink($kind, concat!("**.", $recv, ".", $m), $args) ),*]
    };
}

macro_rules! plumbing {
    // `plumbing!(["Recv", …], ["method", …])`: every receiver × method as `**.Recv.method`, clean of everything.
    (@kinds $kinds:expr, [$($recv:literal),*], $methods:tt) => {
        concat(&[$( &plumbing!(@one $kinds, $recv, $methods) ),*], clean("", 0))
    };
    ([$($recv:literal),*], $methods:tt) => {
        plumbing!(@kinds ALL_KINDS, [$($recv),*], $methods)
    };
    (@one $kinds:expr, $recv:literal, [$($m:literal),*]) => {
        [$( clean(concat!("**.", $recv, ".", $m), $kinds) ),*]
    };
}

macro_rules! logs {
    ([$($recv:literal),*], $methods:tt) => {
        &[$( &logs!(@one $recv, $methods) ),*]
    };
    (@one $recv:literal, [$($m:literal),*]) => {
        [$( concat!("**.", $recv, ".", $m) ),*]
    };
}

const STDOUT_LOGS: &[&str] = &[
    "**.System.out.println",
    "**.System.out.print",
    "**.System.out.printf",
    "**.System.out.format",
    "**.System.err.println",
    "**.System.err.print",
    "**.System.err.printf",
    "**.LambdaLogger.log",
    "**.getLogger().log",
];

const LOGGER_CALLS: &[&[&str]] = logs!(
    ["Logger", "Log", "log", "LOG", "logger", "LOGGER", "getLogger", "Log4j", "LAMBDA_LOGGER"],
    [
        "trace", "debug", "info", "warn", "error", "fatal", "severe", "warning", "fine", "finer", "finest", "config",
        "log", "printf"
    ]
);

/// The number of items of all parts (to size the arrays the tables are joined into).
const fn total<T>(parts: &[&[T]]) -> usize {
    let mut n = 0;
    let mut rest = parts;
    while let Some((part, more)) = rest.split_first() {
        n += part.len();
        rest = more;
    }
    n
}

/// The parts joined into one array, in order (`fill` is never left over when `N` is their [`total`]).
const fn concat<T: Copy, const N: usize>(parts: &[&[T]], fill: T) -> [T; N] {
    let mut out = [fill; N];
    let mut filled = 0;
    {
        let mut slots: &mut [_] = &mut out;
        let mut rest = parts;
        while let Some((part, more)) = rest.split_first() {
            let mut items = *part;
            while let Some((item, tail)) = items.split_first() {
                match slots {
                    [slot, others @ ..] => {
                        *slot = *item;
                        slots = others;
                    }
                    // More items than the declared length: a compile-time error below, never a dropped entry.
                    empty => slots = empty,
                }
                filled += 1;
                items = tail;
            }
            rest = more;
        }
    }
    assert!(filled == N, "a table's declared length is not the number of its entries");
    out
}

const LOG_PARTS: &[&[&str]] = &[STDOUT_LOGS, &concat::<_, { total(LOGGER_CALLS) }>(LOGGER_CALLS, "")];

static LOG_CALLS: [&str; total(LOG_PARTS)] = concat(LOG_PARTS, "");

const JDBC_TEMPLATE_SQL: [Sink; 70] = each!(
    Kind::Sql,
    Args::First,
    [
        "JdbcTemplate",
        "JdbcOperations",
        "NamedParameterJdbcTemplate",
        "jdbcTemplate",
        "namedParameterJdbcTemplate",
        "jdbc",
        "JDBCtemplate"
    ],
    [
        "query",
        "queryForObject",
        "queryForList",
        "queryForMap",
        "queryForRowSet",
        "queryForStream",
        "update",
        "execute",
        "queryForInt",
        "queryForLong"
    ]
);

const JDBC_BATCH: [Sink; 4] =
    each!(Kind::Sql, Args::Any, ["JdbcTemplate", "jdbcTemplate", "JdbcOperations", "JDBCtemplate"], ["batchUpdate"]);

const REST_TEMPLATE: [Sink; 36] = each!(
    Kind::Ssrf,
    Args::First,
    ["RestTemplate", "restTemplate", "TestRestTemplate"],
    [
        "getForObject",
        "getForEntity",
        "postForObject",
        "postForEntity",
        "postForLocation",
        "exchange",
        "execute",
        "put",
        "delete",
        "patchForObject",
        "headForHeaders",
        "optionsForAllow"
    ]
);

const XSS_WRITERS: [Sink; 36] = each!(
    Kind::Xss,
    Args::Any,
    [
        "getWriter",
        "PrintWriter",
        "HttpServletResponse.getOutputStream",
        "ServletResponse.getOutputStream",
        "response.getOutputStream",
        "ServletOutputStream"
    ],
    ["print", "println", "write", "printf", "format", "append"]
);

const TRACE_WRITERS: [Sink; 36] = each!(
    Kind::StackTrace,
    Args::Any,
    [
        "getWriter",
        "PrintWriter",
        "HttpServletResponse.getOutputStream",
        "ServletResponse.getOutputStream",
        "response.getOutputStream",
        "ServletOutputStream"
    ],
    ["print", "println", "write", "printf", "format", "append"]
);

const XPATH_EVAL: [Sink; 12] = each!(
    Kind::Xpath,
    Args::First,
    ["XPath", "newXPath", "xpath", "xPath", "xp", "XPathUtils"],
    ["evaluate", "compile"]
);

const LDAP_SEARCH: [Sink; 16] = each!(
    Kind::Ldap,
    Args::Any,
    [
        "DirContext",
        "InitialDirContext",
        "LdapContext",
        "InitialLdapContext",
        "getDirContext",
        "LdapTemplate",
        "ldapTemplate",
        "LDAPConnection"
    ],
    ["search", "lookup"]
);

const FILES_FIRST: [Sink; 22] = each!(
    Kind::Path,
    Args::First,
    ["Files"],
    [
        "readAllBytes",
        "readAllLines",
        "readString",
        "lines",
        "newInputStream",
        "newOutputStream",
        "newBufferedReader",
        "newBufferedWriter",
        "newByteChannel",
        "write",
        "writeString",
        "delete",
        "deleteIfExists",
        "createFile",
        "createDirectories",
        "createDirectory",
        "list",
        "walk",
        "newDirectoryStream",
        "readAttributes",
        "setPosixFilePermissions",
        "getFileStore"
    ]
);

const COMMONS_IO: [Sink; 12] = each!(
    Kind::Path,
    Args::First,
    ["FileUtils"],
    [
        "readFileToString",
        "readFileToByteArray",
        "readLines",
        "writeStringToFile",
        "writeByteArrayToFile",
        "write",
        "openInputStream",
        "openOutputStream",
        "deleteQuietly",
        "forceDelete",
        "deleteDirectory",
        "lineIterator"
    ]
);

const DYNAMO_EXPRESSIONS: [Sink; 15] = each!(
    Kind::NoSql,
    Args::First,
    ["*"],
    [
        "filterExpression",
        "keyConditionExpression",
        "conditionExpression",
        "updateExpression",
        "projectionExpression",
        "withFilterExpression",
        "withKeyConditionExpression",
        "withConditionExpression",
        "withUpdateExpression",
        "withProjectionExpression",
        "setFilterExpression",
        "setKeyConditionExpression",
        "setConditionExpression",
        "setUpdateExpression",
        "statement"
    ]
);

const OTHER_SINKS: &[Sink] = &[
    // SQL: JDBC
    sink(Kind::Sql, "**.executeQuery", Args::First),
    sink(Kind::Sql, "**.executeUpdate", Args::First),
    sink(Kind::Sql, "**.executeLargeUpdate", Args::First),
    sink(Kind::Sql, "**.addBatch", Args::First),
    sink(Kind::Sql, "**.Statement.execute", Args::First),
    sink(Kind::Sql, "**.Statement.executeLargeUpdate", Args::First),
    sink(Kind::Sql, "**.createStatement.execute", Args::First),
    sink(Kind::Sql, "**.stmt.execute", Args::First),
    sink(Kind::Sql, "**.statement.execute", Args::First),
    sink(Kind::Sql, "**.prepareStatement", Args::First),
    sink(Kind::Sql, "**.prepareCall", Args::First),
    sink(Kind::Sql, "**.nativeSQL", Args::First),
    // JPA / Hibernate
    sink(Kind::Sql, "**.createQuery", Args::First),
    sink(Kind::Sql, "**.createNativeQuery", Args::First),
    sink(Kind::Sql, "**.createSQLQuery", Args::First),
    sink(Kind::Sql, "**.createNativeMutationQuery", Args::First),
    sink(Kind::Sql, "**.createMutationQuery", Args::First),
    sink(Kind::Sql, "**.createSelectionQuery", Args::First),
    sink(Kind::Sql, "**.Restrictions.sqlRestriction", Args::First),
    sink(Kind::Sql, "**.Expression.sql", Args::First),
    // jOOQ plain SQL, Spring R2DBC DatabaseClient
    sink(Kind::Sql, "**.DSLContext.fetch", Args::First),
    sink(Kind::Sql, "**.DSLContext.execute", Args::First),
    sink(Kind::Sql, "**.DSLContext.resultQuery", Args::First),
    sink(Kind::Sql, "**.DatabaseClient.sql", Args::First),
    // JDBI
    sink(Kind::Sql, "**.createUpdate", Args::First),
    sink(Kind::Sql, "**.Handle.execute", Args::First),
    sink(Kind::Sql, "**.handle.execute", Args::First),
    // AWS data APIs (RDS Data, Redshift Data, Athena)
    sink(Kind::Sql, "**.sql", Args::First),
    sink(Kind::Sql, "**.withSql", Args::First),
    sink(Kind::Sql, "**.queryString", Args::First),
    sink(Kind::Sql, "**.withQueryString", Args::First),
    // NoSQL: MongoDB
    sink(Kind::NoSql, "**.BasicDBObject.parse", Args::First),
    sink(Kind::NoSql, "**.Document.parse", Args::First),
    sink(Kind::NoSql, "**.BsonDocument.parse", Args::First),
    sink(Kind::NoSql, "**.Filters.where", Args::First),
    sink(Kind::NoSql, "**.BasicQuery", Args::First),
    sink(Kind::NoSql, "**.MongoTemplate.executeCommand", Args::First),
    sink(Kind::NoSql, "**.mongoTemplate.executeCommand", Args::First),
    // Cassandra CQL
    sink(Kind::NoSql, "**.CqlSession.execute", Args::First),
    sink(Kind::NoSql, "**.cqlSession.execute", Args::First),
    sink(Kind::NoSql, "**.SimpleStatement.newInstance", Args::First),
    sink(Kind::NoSql, "**.SimpleStatement.builder", Args::First),
    sink_if(Kind::NoSql, "**.BasicDBObject", Args::At(1, ""), mongo_where),
    sink_if(Kind::NoSql, "**.Document", Args::At(1, ""), mongo_where),
    sink_if(Kind::NoSql, "**.append", Args::At(1, ""), mongo_where),
    sink_if(Kind::NoSql, "**.put", Args::At(1, ""), mongo_where),
    // OS commands
    sink(Kind::Command, "**.getRuntime.exec", Args::Any),
    sink(Kind::Command, "**.Runtime.exec", Args::Any),
    sink(Kind::Command, "**.ProcessBuilder", Args::First),
    sink_if(Kind::Command, "**.ProcessBuilder", Args::Any, shell_program),
    sink(Kind::Command, "**.ProcessBuilder.command", Args::First),
    sink_if(Kind::Command, "**.ProcessBuilder.command", Args::Any, shell_program),
    sink(Kind::Command, "**.CommandLine.parse", Args::First),
    sink(Kind::Command, "**.CommandLine", Args::First),
    // Code: JSR-223, SpEL, Groovy, OGNL, MVEL, JEXL, Velocity
    sink(Kind::Code, "**.eval", Args::First),
    sink(Kind::Code, "**.parseExpression", Args::First),
    sink(Kind::Code, "**.parseRaw", Args::First),
    sink(Kind::Code, "**.GroovyShell.evaluate", Args::First),
    sink(Kind::Code, "**.GroovyShell.parse", Args::First),
    sink(Kind::Code, "**.GroovyShell.run", Args::First),
    sink(Kind::Code, "**.GroovyClassLoader.parseClass", Args::First),
    sink(Kind::Code, "**.Eval.me", Args::Any),
    sink(Kind::Code, "**.Ognl.getValue", Args::First),
    sink(Kind::Code, "**.Ognl.parseExpression", Args::First),
    sink(Kind::Code, "**.MVEL.eval", Args::First),
    sink(Kind::Code, "**.MVEL.compileExpression", Args::First),
    sink(Kind::Code, "**.JexlEngine.createExpression", Args::First),
    sink(Kind::Code, "**.JexlEngine.createScript", Args::First),
    sink(Kind::Code, "**.ExpressionFactory.createValueExpression", Args::At(1, "")),
    sink(Kind::Code, "**.ExpressionFactory.createMethodExpression", Args::At(1, "")),
    // Server-side templates built from input
    sink(Kind::Template, "**.Velocity.evaluate", Args::At(3, "")),
    sink(Kind::Template, "**.VelocityEngine.evaluate", Args::At(3, "")),
    sink_if(Kind::Template, "**.Template", Args::At(1, ""), reader_of_text),
    sink(Kind::Template, "**.TemplateEngine.process", Args::First),
    sink(Kind::Template, "**.templateEngine.process", Args::First),
    sink(Kind::Template, "**.getLiteralTemplate", Args::First),
    sink(Kind::Template, "**.Mustache.compile", Args::First),
    // Paths
    sink(Kind::Path, "**.File", Args::Any),
    sink(Kind::Path, "**.FileInputStream", Args::First),
    sink(Kind::Path, "**.FileOutputStream", Args::First),
    sink(Kind::Path, "**.FileReader", Args::First),
    sink(Kind::Path, "**.FileWriter", Args::First),
    sink(Kind::Path, "**.RandomAccessFile", Args::First),
    sink(Kind::Path, "**.FileSystemResource", Args::First),
    sink(Kind::Path, "**.Paths.get", Args::Any),
    sink(Kind::Path, "**.Path.of", Args::Any),
    // `Files.readAllBytes(path)` and the other `java.nio.file.Files` operations on a path built elsewhere
    // (`base.resolve(name)` touches no file: a prefix check after `normalize()` may still come).
    sink(Kind::Path, "**.Files.newInputStream", Args::First),
    sink(Kind::Path, "**.Files.newOutputStream", Args::First),
    sink(Kind::Path, "**.Files.newBufferedReader", Args::First),
    sink(Kind::Path, "**.Files.newBufferedWriter", Args::First),
    sink(Kind::Path, "**.Files.newByteChannel", Args::First),
    sink(Kind::Path, "**.Files.readAllBytes", Args::First),
    sink(Kind::Path, "**.Files.readAllLines", Args::First),
    sink(Kind::Path, "**.Files.readString", Args::First),
    sink(Kind::Path, "**.Files.lines", Args::First),
    sink(Kind::Path, "**.Files.write", Args::First),
    sink(Kind::Path, "**.Files.writeString", Args::First),
    sink(Kind::Path, "**.Files.delete", Args::First),
    sink(Kind::Path, "**.Files.deleteIfExists", Args::First),
    sink(Kind::Path, "**.Files.createFile", Args::First),
    sink(Kind::Path, "**.Files.createDirectories", Args::First),
    sink(Kind::Path, "**.Files.list", Args::First),
    sink(Kind::Path, "**.Files.walk", Args::First),
    // `Files.copy(requestStream, target)`: the target path (a stream's content is not a path).
    sink(Kind::Path, "**.Files.copy", Args::At(1, "")),
    sink(Kind::Path, "**.FileUtils.copyInputStreamToFile", Args::At(1, "")),
    sink(Kind::Path, "**.FileUtils.copyFile", Args::Any),
    sink(Kind::Path, "**.Files.move", Args::Any),
    sink(Kind::Path, "**.ResourceUtils.getFile", Args::First),
    sink(Kind::Path, "**.ZipFile", Args::First),
    sink(Kind::Path, "**.FileSystem.getPath", Args::Any),
    sink(Kind::Path, "**.getDefault.getPath", Args::Any),
    // SSRF
    sink(Kind::Ssrf, "**.URL.openConnection", Args::Receiver),
    sink(Kind::Ssrf, "**.URL.openStream", Args::Receiver),
    sink(Kind::Ssrf, "**.URL.getContent", Args::Receiver),
    sink(Kind::Ssrf, "**.HttpRequest.newBuilder", Args::First),
    sink(Kind::Ssrf, "**.uri", Args::First),
    sink(Kind::Ssrf, "**.baseUrl", Args::First),
    sink(Kind::Ssrf, "**.WebClient.create", Args::First),
    sink(Kind::Ssrf, "**.Builder.url", Args::First),
    sink(Kind::Ssrf, "**.Jsoup.connect", Args::First),
    sink(Kind::Ssrf, "**.HttpGet", Args::First),
    sink(Kind::Ssrf, "**.HttpPost", Args::First),
    sink(Kind::Ssrf, "**.HttpPut", Args::First),
    sink(Kind::Ssrf, "**.HttpDelete", Args::First),
    sink(Kind::Ssrf, "**.HttpPatch", Args::First),
    sink(Kind::Ssrf, "**.HttpHead", Args::First),
    sink(Kind::Ssrf, "**.HttpOptions", Args::First),
    sink(Kind::Ssrf, "**.Request.Get", Args::First),
    sink(Kind::Ssrf, "**.Request.Post", Args::First),
    sink(Kind::Ssrf, "**.RequestBuilder.get", Args::First),
    sink(Kind::Ssrf, "**.RequestBuilder.post", Args::First),
    sink(Kind::Ssrf, "**.Client.target", Args::First),
    sink(Kind::Ssrf, "**.client.target", Args::First),
    sink(Kind::Ssrf, "**.AsyncHttpClient.prepareGet", Args::First),
    sink(Kind::Ssrf, "**.AsyncHttpClient.preparePost", Args::First),
    sink(Kind::Ssrf, "**.Unirest.get", Args::First),
    sink(Kind::Ssrf, "**.Unirest.post", Args::First),
    sink(Kind::Ssrf, "**.ResourceLoader.getResource", Args::First),
    sink(Kind::Ssrf, "**.resourceLoader.getResource", Args::First),
    // XPath (dom4j too)
    sink(Kind::Xpath, "**.selectNodes", Args::First),
    sink(Kind::Xpath, "**.selectSingleNode", Args::First),
    sink(Kind::Xpath, "**.createXPath", Args::First),
    // Deserialization
    sink(Kind::Deserialization, "**.readObject", Args::Receiver),
    sink(Kind::Deserialization, "**.readUnshared", Args::Receiver),
    sink(Kind::Deserialization, "**.Yaml.load", Args::First),
    sink(Kind::Deserialization, "**.Yaml.loadAll", Args::First),
    sink(Kind::Deserialization, "**.Yaml.loadAs", Args::First),
    sink(Kind::Deserialization, "**.yaml.load", Args::First),
    sink(Kind::Deserialization, "**.XStream.fromXML", Args::First),
    sink(Kind::Deserialization, "**.xstream.fromXML", Args::First),
    sink(Kind::Deserialization, "**.SerializationUtils.deserialize", Args::First),
    sink(Kind::Deserialization, "**.Kryo.readClassAndObject", Args::Any),
    // Redirects
    sink(Kind::Redirect, "**.sendRedirect", Args::First),
    sink(Kind::Redirect, "**.RedirectView", Args::First),
    sink_if(Kind::Redirect, "**.ModelAndView", Args::First, redirect_view),
    sink_if(Kind::Redirect, "**.setHeader", Args::At(1, ""), is_location),
    sink_if(Kind::Redirect, "**.addHeader", Args::At(1, ""), is_location),
    sink(Kind::Redirect, "**.HttpHeaders.setLocation", Args::First),
    sink(Kind::Redirect, "**.ResponseEntity.*.location", Args::First),
    // JAX-RS: `Response.seeOther(uri)`, `Response.temporaryRedirect(uri)`, `Response.status(302).location(uri)`.
    sink(Kind::Redirect, "**.Response.seeOther", Args::First),
    sink(Kind::Redirect, "**.Response.temporaryRedirect", Args::First),
    sink(Kind::Redirect, "**.Response.*.location", Args::First),
    sink(Kind::Redirect, "**.ResponseBuilder.location", Args::First),
    sink_if(Kind::Redirect, "**.header", Args::At(1, ""), is_location),
    sink_if(Kind::Redirect, "**.put", Args::At(1, ""), is_location_header),
    sink_if(Kind::Redirect, "**.withHeaders", Args::First, location_entry),
    // Response headers
    sink_if(Kind::Header, "**.HttpServletResponse.setHeader", Args::Any, not_location),
    sink_if(Kind::Header, "**.HttpServletResponse.addHeader", Args::Any, not_location),
    sink_if(Kind::Header, "**.ServletResponse.setHeader", Args::Any, not_location),
    sink_if(Kind::Header, "**.response.setHeader", Args::Any, not_location),
    sink_if(Kind::Header, "**.response.addHeader", Args::Any, not_location),
    sink_if(Kind::Header, "**.resp.setHeader", Args::Any, not_location),
    sink_if(Kind::Header, "**.resp.addHeader", Args::Any, not_location),
    sink_if(Kind::Header, "**.HttpHeaders.add", Args::Any, not_location),
    sink_if(Kind::Header, "**.HttpHeaders.set", Args::Any, not_location),
    sink_if(Kind::Header, "**.ResponseEntity.*.header", Args::Any, not_location),
    // Exception details in responses
    sink_if(Kind::StackTrace, "**.printStackTrace", Args::Receiver, prints_to_response),
    sink(Kind::StackTrace, "**.withBody", Args::First),
    sink(Kind::StackTrace, "**.setBody", Args::First),
    sink(Kind::StackTrace, "**.sendError", Args::At(1, "")),
    sink(Kind::StackTrace, "**.ResponseEntity.*.body", Args::First),
    sink(Kind::StackTrace, "**.ResponseEntity.ok", Args::First),
    sink(Kind::StackTrace, "**.ResponseEntity", Args::First),
];

const PARTS: &[&[Sink]] = &[
    OTHER_SINKS,
    &JDBC_TEMPLATE_SQL,
    &JDBC_BATCH,
    &REST_TEMPLATE,
    &XSS_WRITERS,
    &TRACE_WRITERS,
    &XPATH_EVAL,
    &LDAP_SEARCH,
    &FILES_FIRST,
    &COMMONS_IO,
    &DYNAMO_EXPRESSIONS,
];

static SINKS: [Sink; total(PARTS)] = concat(PARTS, sink(Kind::Sql, "", Args::Any));

const OTHER_SANITIZERS: &[Sanitizer] = &[
    // An object's class (`encoder.getClass()` in a log line) is code the program loaded, not data.
    clean("**.getClass", ALL_KINDS),
    // Numbers, booleans, UUIDs carry nothing dangerous.
    clean("**.Integer.parseInt", ALL_KINDS),
    clean("**.Integer.valueOf", ALL_KINDS),
    clean("**.Integer.parseUnsignedInt", ALL_KINDS),
    clean("**.Long.parseLong", ALL_KINDS),
    clean("**.Long.valueOf", ALL_KINDS),
    clean("**.Short.parseShort", ALL_KINDS),
    clean("**.Byte.parseByte", ALL_KINDS),
    clean("**.Double.parseDouble", ALL_KINDS),
    clean("**.Double.valueOf", ALL_KINDS),
    clean("**.Float.parseFloat", ALL_KINDS),
    clean("**.Float.valueOf", ALL_KINDS),
    clean("**.Boolean.parseBoolean", ALL_KINDS),
    clean("**.Boolean.valueOf", ALL_KINDS),
    clean("**.BigDecimal", ALL_KINDS),
    clean("**.BigInteger", ALL_KINDS),
    clean("**.UUID.fromString", ALL_KINDS),
    clean("**.NumberUtils.toInt", ALL_KINDS),
    clean("**.NumberUtils.toLong", ALL_KINDS),
    clean("**.NumberUtils.createInteger", ALL_KINDS),
    clean("(int)", ALL_KINDS),
    clean("(long)", ALL_KINDS),
    clean("(short)", ALL_KINDS),
    clean("(byte)", ALL_KINDS),
    clean("(double)", ALL_KINDS),
    clean("(float)", ALL_KINDS),
    clean("(boolean)", ALL_KINDS),
    // Sizes, lengths, positions, times and comparisons are numbers: `resource.getContentLength()` of a file found
    // by a request path, `body.length()`, `name.indexOf('/')`.
    clean("**.length", ALL_KINDS),
    clean("**.size", ALL_KINDS),
    clean("**.hashCode", ALL_KINDS),
    clean("**.getContentLength", ALL_KINDS),
    clean("**.getContentLengthLong", ALL_KINDS),
    clean("**.contentLength", ALL_KINDS),
    clean("**.getLastModified", ALL_KINDS),
    clean("**.lastModified", ALL_KINDS),
    clean("**.indexOf", ALL_KINDS),
    clean("**.lastIndexOf", ALL_KINDS),
    clean("**.compareTo", ALL_KINDS),
    clean("**.compareToIgnoreCase", ALL_KINDS),
    // Tests on a value are booleans.
    clean("**.isEmpty", ALL_KINDS),
    clean("**.isBlank", ALL_KINDS),
    clean("**.startsWith", ALL_KINDS),
    clean("**.endsWith", ALL_KINDS),
    clean("**.equalsIgnoreCase", ALL_KINDS),
    clean("**.contains", ALL_KINDS),
    clean("**.containsKey", ALL_KINDS),
    clean("**.matches", ALL_KINDS),
    // Hashes
    clean("**.DigestUtils.sha256Hex", ALL_KINDS),
    clean("**.DigestUtils.md5Hex", ALL_KINDS),
    clean("**.DigestUtils.sha1Hex", ALL_KINDS),
    clean("**.MessageDigest.digest", ALL_KINDS),
    // OWASP ESAPI
    clean("**.encodeForHTML", XSS | LOG | HEADER),
    clean("**.encodeForHTMLAttribute", XSS | LOG | HEADER),
    clean("**.encodeForJavaScript", XSS | LOG | HEADER),
    clean("**.encodeForCSS", XSS),
    clean("**.encodeForURL", ENCODED),
    clean("**.encodeForSQL", SQL),
    clean("**.encodeForLDAP", LDAP),
    clean("**.encodeForDN", LDAP),
    clean("**.encodeForXPath", XPATH),
    clean("**.encodeForXML", XSS | XPATH),
    clean("**.encodeForXMLAttribute", XSS | XPATH),
    clean("**.encodeForOS", COMMAND),
    clean("**.ESAPI.validator().getValidInput", ALL_KINDS),
    clean("**.ESAPI.validator().getValidFileName", PATH),
    // Apache Commons Text / Lang
    clean("**.StringEscapeUtils.escapeHtml4", XSS),
    clean("**.StringEscapeUtils.escapeHtml3", XSS),
    clean("**.StringEscapeUtils.escapeHtml", XSS),
    // Jetty's own escaping: XML entities for `& < > " '`, and percent-encoding of a URI path.
    clean("**.StringUtil.sanitizeXmlString", XSS),
    clean("**.URIUtil.encodePath", XSS),
    clean("**.StringEscapeUtils.escapeXml", XSS),
    clean("**.StringEscapeUtils.escapeXml10", XSS),
    clean("**.StringEscapeUtils.escapeXml11", XSS),
    clean("**.StringEscapeUtils.escapeEcmaScript", XSS),
    clean("**.StringEscapeUtils.escapeJavaScript", XSS),
    clean("**.StringEscapeUtils.escapeSql", SQL),
    clean("**.StringEscapeUtils.escapeJava", LOG | HEADER),
    // OWASP Java Encoder
    clean("**.Encode.forHtml", XSS),
    clean("**.Encode.forHtmlContent", XSS),
    clean("**.Encode.forHtmlAttribute", XSS),
    clean("**.Encode.forHtmlUnquotedAttribute", XSS),
    clean("**.Encode.forJavaScript", XSS),
    clean("**.Encode.forJavaScriptBlock", XSS),
    clean("**.Encode.forJavaScriptAttribute", XSS),
    clean("**.Encode.forXml", XSS),
    clean("**.Encode.forXmlContent", XSS),
    clean("**.Encode.forXmlAttribute", XSS),
    clean("**.Encode.forCssString", XSS),
    clean("**.Encode.forUriComponent", ENCODED),
    clean("**.Encode.forJava", LOG | HEADER),
    // Spring, Jsoup, OWASP HTML Sanitizer, JDK
    clean("**.HtmlUtils.htmlEscape", XSS),
    // Tomcat's and Jetty's own escapers (`org.apache.tomcat.util.security.Escape`, the examples' `HTMLFilter`,
    // `org.eclipse.jetty.util.StringUtil`).
    clean("**.Escape.htmlElementContent", XSS),
    clean("**.Escape.htmlElementAttribute", XSS),
    clean("**.Escape.xml", XSS),
    clean("**.HTMLFilter.filter", XSS),
    clean("**.StringUtil.sanitizeXmlString", XSS),
    // A web application's own resource (`ServletContext.getResource("/WEB-INF/x")`) is a file of the application,
    // whatever path names it: opening it requests no other server.
    clean("**.getServletContext.getResource", Kind::Ssrf.bit()),
    clean("**.ServletContext.getResource", Kind::Ssrf.bit()),
    clean("**.HtmlUtils.htmlEscapeDecimal", XSS),
    clean("**.HtmlUtils.htmlEscapeHex", XSS),
    clean("**.JavaScriptUtils.javaScriptEscape", XSS),
    clean("**.Jsoup.clean", XSS),
    clean("**.PolicyFactory.sanitize", XSS),
    clean("**.URLEncoder.encode", ENCODED),
    clean("**.UriUtils.encode", ENCODED),
    clean("**.UriUtils.encodePathSegment", ENCODED | PATH),
    clean("**.UriUtils.encodeQueryParam", ENCODED),
    // Paths: the file name only
    clean("**.FilenameUtils.getName", PATH),
    clean("**.FilenameUtils.getBaseName", PATH),
    clean("**.StringUtils.getFilename", PATH),
    // LDAP encoders
    clean("**.LdapEncoder.filterEncode", LDAP),
    clean("**.LdapEncoder.nameEncode", LDAP),
    clean("**.Filter.encodeValue", LDAP),
    // SQL identifiers quoted by the driver
    clean("**.enquoteLiteral", SQL),
    clean("**.enquoteIdentifier", SQL),
];

/// What a servlet request holds that the client does not write: server state (session, attributes, context,
/// dispatcher), connection facts (addresses, ports, scheme, TLS) and values the container has parsed to numbers,
/// booleans or locales. `request.getSession()`, `request.getAttribute("…")` and `request.getRemoteAddr()` are not
/// input; `getParameter`, `getHeader`, `getRequestURI`, `getQueryString`, `getCookies`, `getInputStream`… stay so.
const REQUEST_STATE: [Sanitizer; 231] = plumbing!(
    // `Request`: Tomcat's and Jetty's own request classes (`Request.getBaseRequest(request).getResponse()`).
    [
        "HttpServletRequest",
        "ServletRequest",
        "HttpServletRequestWrapper",
        "ServletRequestWrapper",
        "Request",
        "request",
        "req"
    ],
    [
        // The context path the application is deployed at (configuration; the URI matched it).
        "getContextPath",
        // The response being built for it (Jetty's and Tomcat's `Request#getResponse`).
        "getResponse",
        "getSession",
        "getServletContext",
        "getAttribute",
        "getAttributeNames",
        "getRequestDispatcher",
        "getAsyncContext",
        "startAsync",
        "getDispatcherType",
        "getRemoteAddr",
        "getLocalAddr",
        "getLocalName",
        "getLocalPort",
        "getRemotePort",
        "getServerPort",
        "getScheme",
        "isSecure",
        "getAuthType",
        "getContentLength",
        "getContentLengthLong",
        "getIntHeader",
        "getDateHeader",
        "getLocale",
        "getLocales",
        "isUserInRole",
        "isRequestedSessionIdValid",
        "isRequestedSessionIdFromCookie",
        "isRequestedSessionIdFromURL",
        "isAsyncStarted",
        "isAsyncSupported",
        "getServletConnection",
        "isTrailerFieldsReady"
    ]
);

/// The HTTP method is a token (no spaces, quotes, angle brackets or line breaks): it cannot break a log line, a
/// header or markup, though it can still reach SQL.
const REQUEST_METHOD: [Sanitizer; 6] = plumbing!(
    @kinds ENCODED,
    [
        "HttpServletRequest",
        "ServletRequest",
        "HttpServletRequestWrapper",
        "ServletRequestWrapper",
        "request",
        "req"
    ],
    ["getMethod"]
);

const SANITIZER_PARTS: &[&[Sanitizer]] = &[OTHER_SANITIZERS, &REQUEST_STATE, &REQUEST_METHOD];

static SANITIZERS: [Sanitizer; total(SANITIZER_PARTS)] = concat(SANITIZER_PARTS, clean("", 0));

pub static TABLES: Tables = Tables {
    sources: &[
        // Messages pulled from a queue are input.
        input("**.receiveMessage"),
        input("**.ReceiveMessageResponse.messages"),
        input("**.ReceiveMessageResult.getMessages"),
        // Standard input
        input("**.System.console().readLine"),
        // Exception details
        exception("**.ExceptionUtils.getStackTrace"),
        exception("**.ExceptionUtils.getRootCauseMessage"),
        exception("**.ExceptionUtils.getMessage"),
        exception("**.Throwables.getStackTraceAsString"),
        // Credentials
        credential("**.getAWSSecretKey"),
        credential("**.getSessionToken"),
        credential("**.secretAccessKey"),
        credential("**.sessionToken"),
        credential("**.getSecretString"),
        credential("**.secretString"),
        credential("**.getSecretBinary"),
        credential("**.getPassword"),
    ],
    sinks: &SINKS,
    sanitizers: &SANITIZERS,
    params: ParamSources {
        types: &[
            // Servlet, Spring, JAX-RS, WebFlux
            "HttpServletRequest",
            "ServletRequest",
            "HttpServletRequestWrapper",
            "MultipartHttpServletRequest",
            "MultipartFile",
            "WebRequest",
            "NativeWebRequest",
            "ServerHttpRequest",
            "ServerRequest",
            "RequestEntity",
            "UriInfo",
            "ContainerRequestContext",
            // Vert.x
            "RoutingContext",
            "HttpServerRequest",
            // Lambda events and their records
            "APIGatewayProxyRequestEvent",
            "APIGatewayV2HTTPEvent",
            "APIGatewayV2ProxyRequestEvent",
            "APIGatewayV2WebSocketEvent",
            "APIGatewayCustomAuthorizerEvent",
            "APIGatewayV2CustomAuthorizerEvent",
            "ApplicationLoadBalancerRequestEvent",
            "AwsProxyRequest",
            "HttpApiV2ProxyRequest",
            "SQSEvent",
            "SQSMessage",
            "SNSEvent",
            "SNSRecord",
            "S3Event",
            "S3EventNotification",
            "S3EventNotificationRecord",
            "DynamodbEvent",
            "DynamodbStreamRecord",
            "KinesisEvent",
            "KinesisEventRecord",
            "KinesisFirehoseEvent",
            "KafkaEvent",
            "ActiveMQEvent",
            "RabbitMQEvent",
            "CognitoUserPoolPreSignUpEvent",
            "CognitoUserPoolPostConfirmationEvent",
            "IoTButtonEvent",
            "LexEvent",
            "CloudWatchLogsEvent",
        ],
        annotations: &[
            "RequestParam",
            "PathVariable",
            "RequestBody",
            "RequestHeader",
            "CookieValue",
            "ModelAttribute",
            "MatrixVariable",
            "RequestPart",
            "QueryParam",
            "PathParam",
            "FormParam",
            "HeaderParam",
            "CookieParam",
            "MatrixParam",
            "BeanParam",
            "FormDataParam",
            "Payload",
            // Micronaut
            "QueryValue",
            "Body",
            "Header",
            "Part",
        ],
        route_decorators: &[
            "GetMapping",
            "PostMapping",
            "PutMapping",
            "DeleteMapping",
            "PatchMapping",
            "RequestMapping",
            "GET",
            "POST",
            "PUT",
            "DELETE",
            "PATCH",
            "MessageMapping",
            "SqsListener",
            "KafkaListener",
            "JmsListener",
            "RabbitListener",
            // Micronaut
            "Get",
            "Post",
            "Put",
            "Delete",
            "Patch",
        ],
        request_names: &[],
    },
    log_calls: &LOG_CALLS,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_patterns_are_well_formed() {
        assert!(TABLES.sinks.iter().all(|s| s.pattern.starts_with("**.") && !s.pattern.ends_with('.')));
        assert!(TABLES.sinks.iter().any(|s| s.pattern == "**.jdbcTemplate.queryForObject"));
        assert!(TABLES.log_calls.contains(&"**.log.info"));
        assert!(crate::tables::matches(
            "**.getWriter.print",
            "javax.servlet.http.HttpServletResponse.getWriter().print"
        ));
        assert!(crate::tables::matches("**.ProcessBuilder", "ProcessBuilder"));
        assert!(crate::tables::matches("**.ResponseEntity.*.body", "ResponseEntity.status().body"));
    }
}
