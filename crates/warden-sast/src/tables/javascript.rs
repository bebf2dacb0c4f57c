//! Sources, sinks and sanitizers of JavaScript and TypeScript (Node.js): the Lambda event, Express/Koa/Fastify/
//! Next.js/NestJS/Hapi requests, Node `http`; SQL drivers and query builders (mysql, mysql2, pg, sqlite, knex,
//! Sequelize, TypeORM, Prisma), MongoDB/Mongoose, DynamoDB (v2 `DocumentClient`, v3 commands), `child_process`,
//! `eval`/`Function`/`vm`, `fs`, HTTP clients, libxmljs, ldapjs, xpath, loggers, `node-serialize`/`js-yaml`,
//! Express responses.
//!
//! Canonical names: a `require`d or imported name is its module path (`child_process.exec`,
//! `@aws-sdk/client-dynamodb.QueryCommand`); a variable made by `new T()` or a call is named by that (`new
//! AWS.DynamoDB.DocumentClient()` → `aws-sdk.DynamoDB.DocumentClient`); an untyped parameter by its own name
//! (`res.send`).

use super::{
    ALL_KINDS, Args, Kind, Kinds, Label, ParamSources, Sanitizer, Sink, Source, Tables, sets_location,
    sets_other_header, sqlish,
};
use crate::ir::{Expr, ExprKind};
use crate::rules::{CallSite, Const};

const fn sink(kind: Kind, pattern: &'static str, args: Args) -> Sink {
    Sink { kind, pattern, args, when: None }
}

const fn sink_if(kind: Kind, pattern: &'static str, args: Args, when: fn(&CallSite) -> bool) -> Sink {
    Sink { kind, pattern, args, when: Some(when) }
}

const fn clean(pattern: &'static str, kinds: Kinds) -> Sanitizer {
    Sanitizer { pattern, kinds }
}

const fn secret(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Credential }
}

// ---------------------------------------------------------------------------------------------------------------
// Predicates on call sites (constant arguments and the argument expressions).

/// The constant of argument `i`, or the constant the expression is when it is a literal object.
fn arg_const<'a>(site: &'a CallSite, i: usize) -> Option<&'a Const> {
    site.consts.get(i).and_then(Option::as_ref)
}

fn arg_expr<'a>(site: &'a CallSite, i: usize) -> Option<&'a Expr> {
    site.args.get(i).map(|a| &a.value)
}

/// Whether argument `i` is an object (a literal `{…}` or a variable holding one).
fn is_object(site: &CallSite, i: usize) -> bool {
    matches!(arg_const(site, i), Some(Const::Dict(_)))
        || matches!(arg_expr(site, i).map(|e| &e.kind), Some(ExprKind::Dict(_)))
}

/// The first argument is not an object: `query(sql)` rather than `query({ TableName, … })`; a DynamoDB client's
/// `query(params)` is never SQL.
fn first_not_object(site: &CallSite) -> bool {
    !is_object(site, 0)
        && !is_dynamo(site.callee)
        && !matches!(arg_expr(site, 0).map(|e| &e.kind), Some(ExprKind::List(_)))
}

fn is_dynamo(callee: &str) -> bool {
    let l = callee.to_ascii_lowercase();
    l.contains("dynamo") || l.contains("documentclient") || l.contains("ddb")
}

/// Whether a literal object argument has a key matching `want` whose value is not a constant string (built at run
/// time). Looks at the folded constant (entries the engine could not fold are `Null`) and at the literal itself.
fn has_dynamic_key(site: &CallSite, want: fn(&str) -> bool) -> bool {
    (0..site.args.len()).any(|i| {
        // A literal object: look at the entry's expression (constants and configuration are not built from input).
        if let Some(ExprKind::Dict(entries)) = arg_expr(site, i).map(|e| &e.kind) {
            return entries
                .iter()
                .any(|(k, v)| k.as_ref().and_then(|k| k.as_str()).is_some_and(want) && !constantish(v, 0));
        }
        match arg_const(site, i) {
            Some(Const::Dict(entries)) => entries.iter().any(|(k, v)| want(k) && !matches!(v, Const::Str(_))),
            _ => false,
        }
    })
}

/// An expression made only of literals, UPPER_CASE constants and `process.env` (and calls on them):
/// `FIELDS.join(', ')`, `'a = :a AND ' + BASE_FILTER`.
fn constantish(e: &Expr, depth: u32) -> bool {
    if depth > 8 {
        return false;
    }
    match &e.kind {
        ExprKind::Str(_) | ExprKind::Num(_) | ExprKind::Bool(_) | ExprKind::Null => true,
        ExprKind::Name(n) => n.len() > 1 && n.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()),
        ExprKind::Attr { .. } => e.dotted().is_some_and(|d| {
            d.starts_with("process.env.")
                || d.split('.')
                    .next()
                    .is_some_and(|r| constantish(&Expr::new(ExprKind::Name(r.to_string()), e.span), depth + 1))
        }),
        ExprKind::Concat(parts) | ExprKind::List(parts) => parts.iter().all(|p| constantish(p, depth + 1)),
        ExprKind::Binary { left, right, .. } => constantish(left, depth + 1) && constantish(right, depth + 1),
        ExprKind::Call { callee, args, .. } => {
            let recv_ok = match &callee.kind {
                ExprKind::Attr { obj, .. } => constantish(obj, depth + 1),
                _ => false,
            };
            recv_ok && args.iter().all(|a| constantish(&a.value, depth + 1))
        }
        _ => false,
    }
}

/// pg `query({ text, values })`, mysql `query({ sql, timeout })`: the text built at run time.
fn sql_options(site: &CallSite) -> bool {
    !is_dynamo(site.callee) && has_dynamic_key(site, |k| matches!(k, "text" | "sql"))
}

fn location_header(site: &CallSite) -> bool {
    site.args.iter().enumerate().any(|(i, a)| {
        let literal = match &a.value.kind {
            ExprKind::Dict(entries) => entries
                .iter()
                .any(|(k, _)| k.as_ref().and_then(|k| k.as_str()).is_some_and(|k| k.eq_ignore_ascii_case("location"))),
            _ => false,
        };
        let folded = match arg_const(site, i) {
            Some(Const::Dict(entries)) => entries.iter().any(|(k, _)| k.eq_ignore_ascii_case("location")),
            _ => false,
        };
        literal || folded
    })
}

fn no_location_header(site: &CallSite) -> bool {
    !location_header(site)
}

/// RDS Data API `executeStatement({ sql })`, Redshift Data API `{ Sql }`, Athena and Timestream `{ QueryString }`.
fn aws_sql_text(site: &CallSite) -> bool {
    has_dynamic_key(site, |k| matches!(k, "sql" | "Sql" | "QueryString"))
}

/// DynamoDB: a `*Expression` (FilterExpression, KeyConditionExpression, ConditionExpression, UpdateExpression,
/// ProjectionExpression) or a PartiQL `Statement` built at run time.
fn dynamo_expression(site: &CallSite) -> bool {
    has_dynamic_key(site, |k| k.ends_with("Expression") || k == "Statement")
}

/// MongoDB `$where` with a value built at run time.
fn mongo_where(site: &CallSite) -> bool {
    has_dynamic_key(site, |k| k == "$where")
}

/// A Mongo query argument that is an object or a variable (not a callback, not a Sequelize/TypeORM/Prisma
/// `{ where: … }` options object, which those libraries parameterize).
fn mongo_query(site: &CallSite) -> bool {
    let Some(e) = arg_expr(site, 0) else { return false };
    if is_dynamo(site.callee) || site.callee.starts_with("fs") || site.callee.starts_with("lodash") {
        return false;
    }
    if matches!(e.kind, ExprKind::Lambda(_) | ExprKind::Str(_) | ExprKind::Num(_)) {
        return false;
    }
    let orm_options = |k: &str| matches!(k, "where" | "include" | "attributes" | "select" | "relations");
    match arg_const(site, 0) {
        Some(Const::Dict(entries)) => !entries.iter().any(|(k, _)| orm_options(k)),
        _ => match &e.kind {
            ExprKind::Dict(entries) => {
                !entries.iter().any(|(k, _)| k.as_ref().and_then(|k| k.as_str()).is_some_and(orm_options))
            }
            // `find(JSON.parse(body))`, `find(req.body)`, `find(filter)`; not `findOne(id)` (a primitive key).
            ExprKind::Call { callee, .. } => {
                callee.dotted().is_some_and(|d| d.ends_with("parse") || d.ends_with("json"))
            }
            // An aggregation pipeline.
            ExprKind::List(_) => true,
            ExprKind::Name(_) | ExprKind::Attr { .. } | ExprKind::Index { .. } => {
                let last = match &e.kind {
                    ExprKind::Name(n) => n.as_str(),
                    ExprKind::Attr { name, .. } => name.as_str(),
                    ExprKind::Index { index, .. } => index.as_str().unwrap_or_default(),
                    _ => "",
                }
                .to_ascii_lowercase();
                OBJECT_NAMES.iter().any(|n| last == *n || last.ends_with(n))
            }
            _ => false,
        },
    }
}

/// Names of variables that hold a whole query or request object.
const OBJECT_NAMES: &[&str] = &[
    "body",
    "query",
    "filter",
    "filters",
    "criteria",
    "conditions",
    "condition",
    "selector",
    "where",
    "search",
    "payload",
    "data",
    "input",
    "doc",
    "document",
    "spec",
    "match",
    "params",
    "options",
    "opts",
];

const DB_HINTS: &[&str] = &[
    "db",
    "sql",
    "conn",
    "pool",
    "knex",
    "sequelize",
    "database",
    "pg",
    "postgres",
    "mysql",
    "sqlite",
    "trx",
    "transaction",
    "manager",
    "repository",
    "datasource",
    "client",
    "query",
];

/// A SQL-looking call whose method name is generic (`execute`, `run`, `all`, `exec`, `prepare`): the receiver
/// looks like a database handle or the text reads like SQL.
fn sql_call(site: &CallSite) -> bool {
    if !first_not_object(site) || site.callee.starts_with("Promise.") {
        return false;
    }
    let receiver = site.callee.rsplit_once('.').map_or("", |(r, _)| r).to_ascii_lowercase();
    let by_receiver = receiver
        .split(['.', '/', '-', '_', '(', ')'])
        .any(|seg| DB_HINTS.iter().any(|h| seg == *h || (h.len() > 3 && seg.contains(h)) || seg.ends_with("db")));
    by_receiver || arg_expr(site, 0).is_some_and(|e| sqlish(e, 0))
}

/// `spawn('sh', ['-c', cmd])`, `spawn(cmd, args, { shell: true })`.
fn via_shell(site: &CallSite) -> bool {
    let shell_opt = site.consts.iter().flatten().any(|c| c.get("shell").is_some_and(|s| s.truthy()))
        || site.args.iter().any(|a| match &a.value.kind {
            ExprKind::Dict(entries) => entries.iter().any(|(k, v)| {
                k.as_ref().and_then(|k| k.as_str()) == Some("shell")
                    && !matches!(v.kind, ExprKind::Bool(false) | ExprKind::Null)
            }),
            _ => false,
        });
    let shell_prog = site.str_arg(0, "").is_some_and(|p| {
        let p = p.rsplit('/').next().unwrap_or(p).to_ascii_lowercase();
        matches!(
            p.as_str(),
            "sh" | "bash" | "zsh" | "dash" | "ksh" | "cmd" | "cmd.exe" | "powershell" | "pwsh" | "powershell.exe"
        )
    });
    shell_opt || shell_prog
}

/// A URL whose scheme and host are not fixed by a literal prefix (`https://api.example.com/…` + input only changes
/// the path).
fn host_not_fixed(site: &CallSite) -> bool {
    let Some(e) = arg_expr(site, 0) else { return true };
    if fixed_host(e) {
        return false;
    }
    // Options objects: `{ hostname: 'api.example.com', path: '/x/' + id }`, `{ url: 'https://…/' + id }`.
    let const_host = ["hostname", "host", "baseURL", "prefixUrl"].iter().any(|k| {
        matches!(arg_const(site, 0), Some(Const::Dict(entries)) if entries.iter().any(|(key, v)| key == k && matches!(v, Const::Str(_))))
    });
    let literal_url = match &e.kind {
        ExprKind::Dict(entries) => entries.iter().any(|(k, v)| {
            let key = k.as_ref().and_then(|k| k.as_str());
            (matches!(key, Some("hostname" | "host" | "baseURL" | "prefixUrl")) && matches!(v.kind, ExprKind::Str(_)))
                || (key == Some("url") && fixed_host(v))
        }),
        _ => false,
    };
    !(const_host || literal_url)
}

/// A URL expression whose scheme and host cannot change: a literal `https://host/` prefix, a path-only prefix, or a
/// configured base (`process.env.API_URL`, `BASE_URL`, `this.baseUrl`) followed by a literal `/…`.
fn fixed_host(e: &Expr) -> bool {
    let (first, second) = match &e.kind {
        ExprKind::Concat(parts) => (parts.first(), parts.get(1)),
        ExprKind::Binary { op, left, right } if op == "+" => match &left.kind {
            ExprKind::Binary { op, left: l2, right: r2 } if op == "+" => (Some(l2.as_ref()), Some(r2.as_ref())),
            _ => (Some(left.as_ref()), Some(right.as_ref())),
        },
        ExprKind::Str(_) => (Some(e), None),
        _ => (None, None),
    };
    let Some(first) = first else { return false };
    if let Some(p) = leftmost_str(first) {
        return p.split_once("://").is_some_and(|(scheme, rest)| {
            !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphabetic()) && rest.contains(['/', '?', '#'])
        }) || (p.starts_with('/') && !p.starts_with("//"));
    }
    let configured = first.dotted().is_some_and(|d| {
        let last = d.rsplit('.').next().unwrap_or(&d);
        d.starts_with("process.env.")
            || (last.len() > 1 && last.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()))
            || {
                let l = last.to_ascii_lowercase();
                l.contains("baseurl")
                    || l.contains("base_url")
                    || l.contains("endpoint")
                    || l.contains("apiurl")
                    || l.contains("api_url")
                    || l.ends_with("host")
            }
    });
    configured && second.and_then(|s| leftmost_str(s)).is_some_and(|s| s.starts_with('/') || s.starts_with('?'))
}

fn leftmost_str(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Str(s) => Some(s),
        ExprKind::Binary { op, left, .. } if op == "+" => leftmost_str(left),
        ExprKind::Concat(parts) => parts.first().and_then(|p| p.as_str()),
        _ => None,
    }
}

/// Express `res.send(x)` with a string (an object is sent as JSON).
fn html_body(site: &CallSite) -> bool {
    !is_object(site, 0) && !matches!(arg_expr(site, 0).map(|e| &e.kind), Some(ExprKind::List(_)))
}

/// `res.sendFile(p)` without a `root` option.
fn no_root(site: &CallSite) -> bool {
    !site.consts.iter().flatten().any(|c| c.get("root").is_some())
        && !site.args.iter().skip(1).any(|a| {
            matches!(&a.value.kind, ExprKind::Dict(entries) if entries.iter().any(|(k, _)| k.as_ref().and_then(|k| k.as_str()) == Some("root")))
        })
}

/// Koa `ctx.set(field, value)` sets a response header; Hono's `c.set(key, value)` (often named `ctx` too) stores a
/// context variable for later middleware (`ctx.set('jwtPayload', payload)`), which reaches no header. A constant
/// name decides: a header name has a hyphen, starts upper-case (`ETag`) or is a known one-word header; a camelCase
/// or plain lower-case identifier (`jwtPayload`, `language`, `user`) is a variable. A name built at run time is
/// taken as a header.
fn koa_header(site: &CallSite) -> bool {
    const ONE_WORD_HEADERS: &[&str] = &[
        "age",
        "allow",
        "connection",
        "date",
        "digest",
        "etag",
        "expires",
        "link",
        "pragma",
        "refresh",
        "server",
        "trailer",
        "upgrade",
        "vary",
        "via",
        "warning",
        "location",
        "authorization",
        "cookie",
        "origin",
        "tk",
    ];
    match site.str_arg(0, "") {
        Some(name) => {
            let header = name.contains('-')
                || name.starts_with(|c: char| c.is_ascii_uppercase())
                || ONE_WORD_HEADERS.iter().any(|h| name.eq_ignore_ascii_case(h));
            header && sets_other_header(site)
        }
        None => sets_other_header(site),
    }
}

/// `new Response(body, { headers: { 'content-type': 'text/html' } })`: a fetch-style response sent as HTML.
fn html_response_init(site: &CallSite) -> bool {
    site.new
        && arg_const(site, 1).and_then(|init| init.get("headers")).is_some_and(|h| match h {
            Const::Dict(entries) => entries.iter().any(|(k, v)| {
                k.eq_ignore_ascii_case("content-type")
                    && v.as_str().is_some_and(|t| t.to_ascii_lowercase().contains("html"))
            }),
            _ => false,
        })
}

/// A redirect target that is not on the request's own origin. `new URL('/login', req.url)` (the Next.js idiom) and
/// `` `${request.nextUrl.origin}/signin` `` keep the origin the request came in on: a forged `Host` only sends its
/// sender back to itself. A base or path from anywhere else (`new URL(next, req.url)`, `new URL('/x', site)`, an
/// origin followed by input) still counts.
fn off_origin(site: &CallSite) -> bool {
    !arg_expr(site, 0).is_some_and(same_origin_url)
}

fn same_origin_url(e: &Expr) -> bool {
    let path =
        |e: &Expr| e.as_str().is_some_and(|p| p.starts_with('/') && !p.starts_with("//") && !p.starts_with("/\\"));
    match &e.kind {
        // `new URL('/login', req.url)`
        ExprKind::Call { callee, args, new: true } if callee.dotted().as_deref() == Some("URL") => {
            matches!(args.as_slice(), [p, base] if path(&p.value) && request_url(&base.value, false))
        }
        // `` `${req.nextUrl.origin}/signin` ``, `request.nextUrl.origin + '/signin'`
        ExprKind::Concat(parts) => {
            matches!(parts.as_slice(), [origin, rest, ..] if request_url(origin, true) && path(rest))
        }
        ExprKind::Binary { op, left, right } if op == "+" => match &left.kind {
            ExprKind::Binary { op, left: l2, right: r2 } if op == "+" => request_url(l2, true) && path(r2),
            _ => request_url(left, true) && path(right),
        },
        _ => false,
    }
}

/// `req.url`, `request.nextUrl` (with `.origin` when `origin`), on a variable named like a request (`req`,
/// `request`, `internalRequest`).
fn request_url(e: &Expr, origin: bool) -> bool {
    let Some(d) = e.dotted() else { return false };
    let d = if origin {
        match d.strip_suffix(".origin") {
            Some(rest) => rest.to_string(),
            None => return false,
        }
    } else {
        d.strip_suffix(".href").unwrap_or(&d).to_string()
    };
    let Some((root, attr)) = d.rsplit_once('.') else { return false };
    let root = root.to_ascii_lowercase();
    let requestish = root == "req" || root.ends_with("request") || root.ends_with(".req");
    requestish
        && (attr == "nextUrl" || (attr == "url" && (root.ends_with("request") || root.ends_with(".req") || !origin)))
}

/// `libxmljs.parseXml(x, { noent: true })`: external entities are expanded.
fn expands_entities(site: &CallSite) -> bool {
    site.consts.iter().flatten().any(|c| c.get("noent").is_some_and(Const::truthy))
        || site.args.iter().any(|a| match &a.value.kind {
            ExprKind::Dict(entries) => entries.iter().any(|(k, v)| {
                k.as_ref().and_then(|k| k.as_str()) == Some("noent") && matches!(v.kind, ExprKind::Bool(true))
            }),
            _ => false,
        })
}

/// `yaml.load(x)` without a safe schema (js-yaml 3 runs `!!js/function` tags with the default schema).
fn unsafe_yaml(site: &CallSite) -> bool {
    !site.args.iter().skip(1).any(|a| {
        let text = format!("{:?}", a.value.kind);
        ["SAFE_SCHEMA", "JSON_SCHEMA", "FAILSAFE_SCHEMA", "CORE_SCHEMA"].iter().any(|s| text.contains(s))
    })
}

/// An LDAP `search(base, { filter })` whose filter is built at run time.
fn ldap_filter(site: &CallSite) -> bool {
    has_dynamic_key(site, |k| k == "filter")
}

// ---------------------------------------------------------------------------------------------------------------

const SOURCES: &[Source] = &[
    // No `process.argv`: a Lambda function's command line is the runtime's, and a CLI's arguments come from the
    // user who runs it (who can read and write those files already); the ejs and aws-sdk build scripts reading the
    // files named on their command line are not path traversal.
    // Credentials read in code (their use in logs is `aws-logged-credentials`).
    secret("aws-sdk.config.credentials"),
    secret("aws-sdk.config.credentials.*"),
    secret("**.config.credentials.secretAccessKey"),
    secret("**.config.credentials.accessKeyId"),
    secret("**.config.credentials.sessionToken"),
    secret("**.getSecretValue"),
    secret("**.GetSecretValueCommand"),
    secret("**.getCredentials"),
    secret("**.credentials.secretAccessKey"),
    secret("**.credentials.sessionToken"),
    secret("**.fromEnv"),
];

const SINKS: &[Sink] = &[
    // --- SQL --------------------------------------------------------------------------------------------------
    sink_if(Kind::Sql, "**.query", Args::First, first_not_object),
    sink_if(Kind::Sql, "**.execute", Args::First, sql_call),
    sink_if(Kind::Sql, "**.exec", Args::First, sql_call),
    sink_if(Kind::Sql, "**.run", Args::First, sql_call),
    sink_if(Kind::Sql, "**.all", Args::First, sql_call),
    sink_if(Kind::Sql, "**.each", Args::First, sql_call),
    sink_if(Kind::Sql, "**.prepare", Args::First, sql_call),
    sink_if(Kind::Sql, "**.none", Args::First, sql_call),
    sink_if(Kind::Sql, "**.one", Args::First, sql_call),
    sink_if(Kind::Sql, "**.oneOrNone", Args::First, sql_call),
    sink_if(Kind::Sql, "**.many", Args::First, sql_call),
    sink_if(Kind::Sql, "**.manyOrNone", Args::First, sql_call),
    sink_if(Kind::Sql, "**.any", Args::First, sql_call),
    sink_if(Kind::Sql, "**.raw", Args::First, first_not_object),
    sink_if(Kind::Sql, "**.unsafe", Args::First, sql_call),
    sink(Kind::Sql, "**.whereRaw", Args::First),
    sink(Kind::Sql, "**.orWhereRaw", Args::First),
    sink(Kind::Sql, "**.andWhereRaw", Args::First),
    sink(Kind::Sql, "**.havingRaw", Args::First),
    sink(Kind::Sql, "**.orHavingRaw", Args::First),
    sink(Kind::Sql, "**.orderByRaw", Args::First),
    sink(Kind::Sql, "**.groupByRaw", Args::First),
    sink(Kind::Sql, "**.joinRaw", Args::First),
    sink(Kind::Sql, "**.fromRaw", Args::First),
    sink(Kind::Sql, "**.$queryRawUnsafe", Args::First),
    sink(Kind::Sql, "**.$executeRawUnsafe", Args::First),
    sink_if(Kind::Sql, "**.$queryRaw", Args::First, first_not_object),
    sink_if(Kind::Sql, "**.$executeRaw", Args::First, first_not_object),
    sink(Kind::Sql, "sequelize.literal", Args::First),
    sink(Kind::Sql, "**.Sequelize.literal", Args::First),
    sink(Kind::Sql, "**.sequelize.literal", Args::First),
    sink_if(Kind::Sql, "**.where", Args::First, sql_where),
    sink_if(Kind::Sql, "**.andWhere", Args::First, sql_where),
    sink_if(Kind::Sql, "**.orWhere", Args::First, sql_where),
    sink_if(Kind::Sql, "**.having", Args::First, sql_where),
    sink_if(Kind::Sql, "**.createQueryBuilder.select", Args::First, first_not_object),
    sink_if(Kind::Sql, "**.addSelect", Args::First, first_not_object),
    sink_if(Kind::Sql, "**.Pool.query", Args::First, first_not_object),
    sink_if(Kind::Sql, "**.query", Args::First, sql_options),
    sink_if(Kind::Sql, "**.execute", Args::First, sql_options),
    // AWS SQL services: RDS Data API, Redshift Data API, Athena, Timestream (v2 calls and v3 commands).
    sink_if(Kind::Sql, "**.executeStatement", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "**.batchExecuteStatement", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "**.ExecuteStatementCommand", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "ExecuteStatementCommand", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "**.BatchExecuteStatementCommand", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "**.startQueryExecution", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "**.StartQueryExecutionCommand", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "StartQueryExecutionCommand", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "**.query", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "**.QueryCommand", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "QueryCommand", Args::Any, aws_sql_text),
    sink_if(Kind::Sql, "**.Client.query", Args::First, first_not_object),
    // --- NoSQL: MongoDB / Mongoose ------------------------------------------------------------------------------
    sink_if(Kind::NoSql, "**.find", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.findOne", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.findOneAndUpdate", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.findOneAndDelete", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.findOneAndReplace", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.findOneAndRemove", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.updateOne", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.updateMany", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.deleteOne", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.deleteMany", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.replaceOne", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.countDocuments", Args::First, mongo_query),
    sink_if(Kind::NoSql, "**.distinct", Args::At(1, ""), mongo_query),
    sink_if(Kind::NoSql, "**.aggregate", Args::First, mongo_query),
    sink(Kind::NoSql, "**.$where", Args::First),
    sink_if(Kind::NoSql, "**.find", Args::Any, mongo_where),
    sink_if(Kind::NoSql, "**.findOne", Args::Any, mongo_where),
    sink_if(Kind::NoSql, "**.where", Args::Any, mongo_where),
    // --- NoSQL: DynamoDB expressions (v2 clients and v3 commands) ----------------------------------------------
    sink_if(Kind::NoSql, "**.query", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.scan", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.update", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.updateItem", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.delete", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.deleteItem", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.put", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.putItem", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.get", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.getItem", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.executeStatement", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.batchExecuteStatement", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.QueryCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.ScanCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.UpdateCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.UpdateItemCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.DeleteCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.DeleteItemCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.PutCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.PutItemCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.GetCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.GetItemCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.ExecuteStatementCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "**.BatchExecuteStatementCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "QueryCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "ScanCommand", Args::Any, dynamo_expression),
    sink_if(Kind::NoSql, "ExecuteStatementCommand", Args::Any, dynamo_expression),
    // --- OS commands ------------------------------------------------------------------------------------------
    sink(Kind::Command, "child_process.exec", Args::First),
    sink(Kind::Command, "child_process.execSync", Args::First),
    sink(Kind::Command, "child_process.spawn", Args::First),
    sink(Kind::Command, "child_process.spawnSync", Args::First),
    sink(Kind::Command, "child_process.execFile", Args::First),
    sink(Kind::Command, "child_process.execFileSync", Args::First),
    sink_if(Kind::Command, "child_process.spawn", Args::Any, via_shell),
    sink_if(Kind::Command, "child_process.spawnSync", Args::Any, via_shell),
    sink_if(Kind::Command, "child_process.execFile", Args::Any, via_shell),
    sink_if(Kind::Command, "child_process.execFileSync", Args::Any, via_shell),
    sink(Kind::Command, "child-process-promise.exec", Args::First),
    sink(Kind::Command, "child-process-promise.spawn", Args::First),
    sink(Kind::Command, "shelljs.exec", Args::First),
    sink(Kind::Command, "execa", Args::First),
    sink(Kind::Command, "execa.execa", Args::First),
    sink(Kind::Command, "execa.sync", Args::First),
    sink(Kind::Command, "execa.execaSync", Args::First),
    sink(Kind::Command, "execa.command", Args::First),
    sink(Kind::Command, "execa.commandSync", Args::First),
    sink(Kind::Command, "execa.execaCommand", Args::First),
    sink(Kind::Command, "execa.execaCommandSync", Args::First),
    sink_if(Kind::Command, "execa", Args::Any, via_shell),
    sink_if(Kind::Command, "execa.execa", Args::Any, via_shell),
    sink(Kind::Command, "cross-spawn", Args::First),
    sink(Kind::Command, "cross-spawn.sync", Args::First),
    sink(Kind::Command, "exec-sh", Args::First),
    sink(Kind::Command, "node-cmd.run", Args::First),
    sink(Kind::Command, "node-cmd.runSync", Args::First),
    // --- Code ---------------------------------------------------------------------------------------------------
    sink(Kind::Code, "eval", Args::First),
    sink(Kind::Code, "Function", Args::Any),
    sink(Kind::Code, "setTimeout", Args::First),
    sink(Kind::Code, "setInterval", Args::First),
    sink(Kind::Code, "setImmediate", Args::First),
    sink(Kind::Code, "vm.runInNewContext", Args::First),
    sink(Kind::Code, "vm.runInThisContext", Args::First),
    sink(Kind::Code, "vm.runInContext", Args::First),
    sink(Kind::Code, "vm.compileFunction", Args::First),
    sink(Kind::Code, "vm.Script", Args::First),
    sink(Kind::Code, "vm.SourceTextModule", Args::First),
    sink(Kind::Code, "vm2.VM.run", Args::First),
    sink(Kind::Code, "vm2.NodeVM.run", Args::First),
    sink(Kind::Code, "vm2.VMScript", Args::First),
    sink(Kind::Code, "safe-eval", Args::First),
    sink(Kind::Code, "static-eval", Args::First),
    sink(Kind::Code, "require", Args::First),
    sink(Kind::Code, "import", Args::First),
    sink(Kind::Code, "**.vm.runInNewContext", Args::First),
    sink(Kind::Code, "global.eval", Args::First),
    sink(Kind::Code, "mathjs.eval", Args::First),
    sink(Kind::Code, "mathjs.evaluate", Args::First),
    sink(Kind::Code, "expr-eval.Parser.evaluate", Args::First),
    sink(Kind::Code, "notevil", Args::First),
    sink(Kind::Code, "globalThis.eval", Args::First),
    sink(Kind::Code, "window.eval", Args::First),
    sink(Kind::Template, "ejs.render", Args::First),
    sink(Kind::Template, "ejs.compile", Args::First),
    sink(Kind::Template, "pug.render", Args::First),
    sink(Kind::Template, "pug.compile", Args::First),
    sink(Kind::Template, "jade.render", Args::First),
    sink(Kind::Template, "jade.compile", Args::First),
    sink(Kind::Template, "handlebars.compile", Args::First),
    sink(Kind::Template, "handlebars.precompile", Args::First),
    sink(Kind::Template, "nunjucks.renderString", Args::First),
    sink(Kind::Template, "lodash.template", Args::First),
    sink(Kind::Template, "lodash.template.template", Args::First),
    sink(Kind::Template, "underscore.template", Args::First),
    sink(Kind::Template, "dot.template", Args::First),
    sink(Kind::Template, "dot.compile", Args::First),
    // --- Paths --------------------------------------------------------------------------------------------------
    sink(Kind::Path, "fs.*", Args::First),
    sink(Kind::Path, "fs.promises.*", Args::First),
    sink(Kind::Path, "fs/promises.*", Args::First),
    sink(Kind::Path, "fs-extra.*", Args::First),
    sink(Kind::Path, "graceful-fs.*", Args::First),
    sink(Kind::Path, "fs.rename", Args::At(1, "")),
    sink(Kind::Path, "fs.renameSync", Args::At(1, "")),
    sink(Kind::Path, "fs.copyFile", Args::At(1, "")),
    sink(Kind::Path, "fs.copyFileSync", Args::At(1, "")),
    sink(Kind::Path, "fs.promises.rename", Args::At(1, "")),
    sink(Kind::Path, "fs.promises.copyFile", Args::At(1, "")),
    sink(Kind::Path, "fs/promises.rename", Args::At(1, "")),
    sink(Kind::Path, "fs/promises.copyFile", Args::At(1, "")),
    sink_if(Kind::Path, "res.sendFile", Args::First, no_root),
    sink_if(Kind::Path, "response.sendFile", Args::First, no_root),
    sink_if(Kind::Path, "**.Response.sendFile", Args::First, no_root),
    sink(Kind::Path, "res.download", Args::First),
    sink(Kind::Path, "response.download", Args::First),
    sink(Kind::Path, "**.Response.download", Args::First),
    sink(Kind::Path, "reply.sendFile", Args::First),
    sink(Kind::Path, "res.render", Args::First),
    sink(Kind::Path, "response.render", Args::First),
    sink(Kind::Path, "**.Response.render", Args::First),
    sink(Kind::Path, "h.file", Args::First),
    sink(Kind::Path, "tar.extract", Args::Any),
    sink(Kind::Path, "adm-zip.extractAllTo", Args::First),
    // --- SSRF ---------------------------------------------------------------------------------------------------
    sink_if(Kind::Ssrf, "axios", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "axios.*", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "axios.create.*", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "axios.default.*", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "fetch", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "node-fetch", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "node-fetch.default", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "cross-fetch", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "isomorphic-fetch", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "undici.fetch", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "undici.request", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "undici.stream", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "got", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "got.*", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request", Args::First, host_not_fixed),
    // The `request` package's verbs only: a web framework's request object is often a variable named `request`
    // too (Hapi's `request._setResponse(x)`, `request.log(tags, x)`), and its methods send nothing anywhere.
    sink_if(Kind::Ssrf, "request.get", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request.post", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request.put", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request.patch", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request.del", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request.delete", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request.head", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request.options", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request-promise", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request-promise.*", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "request-promise-native", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "superagent", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "superagent.*", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "needle", Args::At(1, ""), host_not_fixed),
    sink_if(Kind::Ssrf, "needle.*", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "http.get", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "http.request", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "https.get", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "https.request", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "http2.connect", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "phin", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "bent", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "ky", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "ky.*", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "ws", Args::First, host_not_fixed),
    sink_if(Kind::Ssrf, "WebSocket", Args::First, host_not_fixed),
    // --- XXE ----------------------------------------------------------------------------------------------------
    sink_if(Kind::Xxe, "libxmljs.parseXml", Args::First, expands_entities),
    sink_if(Kind::Xxe, "libxmljs.parseXmlString", Args::First, expands_entities),
    sink_if(Kind::Xxe, "libxmljs2.parseXml", Args::First, expands_entities),
    sink_if(Kind::Xxe, "libxmljs2.parseXmlString", Args::First, expands_entities),
    sink_if(Kind::Xxe, "libxmljs.Document.fromXml", Args::First, expands_entities),
    // --- LDAP ---------------------------------------------------------------------------------------------------
    sink(Kind::Ldap, "ldapjs.createClient.search", Args::Any),
    sink(Kind::Ldap, "ldapts.Client.search", Args::Any),
    sink_if(Kind::Ldap, "**.search", Args::Any, ldap_filter),
    sink(Kind::Ldap, "activedirectory.findUser", Args::First),
    sink(Kind::Ldap, "activedirectory.findUsers", Args::First),
    sink(Kind::Ldap, "activedirectory.findGroup", Args::First),
    sink(Kind::Ldap, "activedirectory.find", Args::First),
    // --- XPath --------------------------------------------------------------------------------------------------
    sink(Kind::Xpath, "xpath.select", Args::First),
    sink(Kind::Xpath, "xpath.select1", Args::First),
    sink(Kind::Xpath, "xpath.evaluate", Args::First),
    sink(Kind::Xpath, "xpath.parse", Args::First),
    sink(Kind::Xpath, "libxmljs.parseXml.find", Args::First),
    sink(Kind::Xpath, "libxmljs.parseXml.get", Args::First),
    sink(Kind::Xpath, "libxmljs.parseXmlString.find", Args::First),
    sink(Kind::Xpath, "libxmljs.parseXmlString.get", Args::First),
    sink(Kind::Xpath, "**.evaluateXPath", Args::First),
    sink(Kind::Xpath, "**.evaluateXPathToNodes", Args::First),
    sink(Kind::Xpath, "**.evaluateXPathToString", Args::First),
    sink(Kind::Xpath, "document.evaluate", Args::First),
    // --- Deserialization ----------------------------------------------------------------------------------------
    sink(Kind::Deserialization, "node-serialize.unserialize", Args::First),
    sink(Kind::Deserialization, "serialize-to-js.deserialize", Args::First),
    sink(Kind::Deserialization, "funcster.deepDeserialize", Args::First),
    sink(Kind::Deserialization, "cryo.parse", Args::First),
    sink(Kind::Deserialization, "v8.deserialize", Args::First),
    sink_if(Kind::Deserialization, "js-yaml.load", Args::First, unsafe_yaml),
    sink_if(Kind::Deserialization, "js-yaml.loadAll", Args::First, unsafe_yaml),
    // --- XSS (Express, Node http, Hapi) -------------------------------------------------------------------------
    sink_if(Kind::Xss, "res.send", Args::First, html_body),
    sink_if(Kind::Xss, "response.send", Args::First, html_body),
    sink_if(Kind::Xss, "**.Response.send", Args::First, html_body),
    sink_if(Kind::Xss, "**.status.send", Args::First, html_body),
    sink_if(Kind::Xss, "**.type.send", Args::First, html_body),
    sink_if(Kind::Xss, "**.set.send", Args::First, html_body),
    sink_if(Kind::Xss, "**.header.send", Args::First, html_body),
    sink(Kind::Xss, "res.write", Args::First),
    sink(Kind::Xss, "res.end", Args::First),
    sink(Kind::Xss, "response.write", Args::First),
    sink(Kind::Xss, "response.end", Args::First),
    sink(Kind::Xss, "**.Response.write", Args::First),
    sink(Kind::Xss, "**.Response.end", Args::First),
    sink(Kind::Xss, "**.ServerResponse.write", Args::First),
    sink(Kind::Xss, "**.ServerResponse.end", Args::First),
    sink(Kind::Xss, "**.status.end", Args::First),
    sink(Kind::Xss, "h.response", Args::First),
    sink_if(Kind::Xss, "ctx.body", Args::First, html_body),
    sink_if(Kind::Xss, "ctx.response.body", Args::First, html_body),
    sink_if(Kind::Xss, "context.body", Args::First, html_body),
    sink(Kind::Xss, "reply.type.send", Args::First),
    // Hono: `c.html(body)`; fetch-style handlers (Next.js, Workers): `new Response(body, { headers })` sent as HTML.
    sink(Kind::Xss, "c.html", Args::First),
    sink(Kind::Xss, "**.Context.html", Args::First),
    sink_if(Kind::Xss, "Response", Args::First, html_response_init),
    sink(Kind::Xss, "document.write", Args::First),
    // --- Open redirect ------------------------------------------------------------------------------------------
    sink(Kind::Redirect, "res.redirect", Args::Any),
    sink(Kind::Redirect, "response.redirect", Args::Any),
    sink_if(Kind::Redirect, "**.Response.redirect", Args::Any, off_origin),
    sink(Kind::Redirect, "ctx.redirect", Args::Any),
    sink(Kind::Redirect, "reply.redirect", Args::Any),
    sink(Kind::Redirect, "h.redirect", Args::Any),
    sink(Kind::Redirect, "c.redirect", Args::First),
    sink(Kind::Redirect, "**.Context.redirect", Args::First),
    sink_if(Kind::Redirect, "c.header", Args::At(1, ""), sets_location),
    sink_if(Kind::Redirect, "**.NextResponse.redirect", Args::First, off_origin),
    sink(Kind::Redirect, "next/navigation.redirect", Args::First),
    sink(Kind::Redirect, "res.location", Args::First),
    sink_if(Kind::Redirect, "res.setHeader", Args::At(1, ""), sets_location),
    sink_if(Kind::Redirect, "response.setHeader", Args::At(1, ""), sets_location),
    sink_if(Kind::Redirect, "res.set", Args::At(1, ""), sets_location),
    sink_if(Kind::Redirect, "res.header", Args::At(1, ""), sets_location),
    sink_if(Kind::Redirect, "ctx.set", Args::At(1, ""), sets_location),
    // --- Header injection ---------------------------------------------------------------------------------------
    sink_if(Kind::Header, "res.setHeader", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "response.setHeader", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "**.Response.setHeader", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "res.set", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "res.header", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "res.append", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "ctx.set", Args::At(1, ""), koa_header),
    sink_if(Kind::Header, "ctx.append", Args::At(1, ""), koa_header),
    sink_if(Kind::Header, "reply.header", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "c.header", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "**.Context.header", Args::At(1, ""), sets_other_header),
    sink_if(Kind::Header, "res.writeHead", Args::From(1), no_location_header),
    sink_if(Kind::Header, "response.writeHead", Args::From(1), no_location_header),
    sink_if(Kind::Redirect, "res.writeHead", Args::From(1), location_header),
    sink_if(Kind::Redirect, "response.writeHead", Args::From(1), location_header),
    // --- Exception details in responses -------------------------------------------------------------------------
    sink(Kind::StackTrace, "res.send", Args::Any),
    sink(Kind::StackTrace, "res.json", Args::Any),
    sink(Kind::StackTrace, "res.write", Args::Any),
    sink(Kind::StackTrace, "res.end", Args::Any),
    sink(Kind::StackTrace, "res.jsonp", Args::Any),
    sink(Kind::StackTrace, "response.send", Args::Any),
    sink(Kind::StackTrace, "response.json", Args::Any),
    sink(Kind::StackTrace, "**.Response.send", Args::Any),
    sink(Kind::StackTrace, "**.Response.json", Args::Any),
    sink(Kind::StackTrace, "**.status.send", Args::Any),
    sink(Kind::StackTrace, "**.status.json", Args::Any),
    sink(Kind::StackTrace, "**.status.end", Args::Any),
    sink(Kind::StackTrace, "reply.send", Args::Any),
    sink(Kind::StackTrace, "**.code.send", Args::Any),
    sink(Kind::StackTrace, "h.response", Args::Any),
    sink(Kind::StackTrace, "ctx.body", Args::Any),
    sink(Kind::StackTrace, "c.json", Args::First),
    sink(Kind::StackTrace, "c.text", Args::First),
    sink(Kind::StackTrace, "c.html", Args::First),
    sink(Kind::StackTrace, "ctx.response.body", Args::Any),
    sink(Kind::StackTrace, "**.NextResponse.json", Args::First),
    sink(Kind::StackTrace, "Response.json", Args::First),
    sink(Kind::StackTrace, "callback", Args::At(1, "")),
    sink(Kind::StackTrace, "cb", Args::At(1, "")),
];

/// `knex.where(raw)`/TypeORM `.where(text)`: a string condition (not `where(col, value)` or `where({...})`).
fn sql_where(site: &CallSite) -> bool {
    first_not_object(site) && site.positional() <= 2 && !site.is_literal(0, "") && {
        // `.where('col', value)`: the first argument is a column name, the value is bound.
        let first_is_column = site.str_arg(0, "").is_some_and(|c| !c.contains(' ') && !c.contains('='));
        !first_is_column && !matches!(arg_expr(site, 0).map(|e| &e.kind), Some(ExprKind::Lambda(_)))
    }
}

const NUMERIC: Kinds = ALL_KINDS;
const HTML: Kinds = Kind::Xss.bit();
const SQL: Kinds = Kind::Sql.bit();
const URLENC: Kinds = Kind::Xss.bit()
    | Kind::Header.bit()
    | Kind::Log.bit()
    | Kind::Path.bit()
    | Kind::Redirect.bit()
    | Kind::Ldap.bit()
    | Kind::Xpath.bit();

const SANITIZERS: &[Sanitizer] = &[
    clean("parseInt", NUMERIC),
    clean("parseFloat", NUMERIC),
    clean("Number", NUMERIC),
    clean("Number.parseInt", NUMERIC),
    clean("Number.parseFloat", NUMERIC),
    clean("Number.isInteger", NUMERIC),
    clean("Number.isNaN", NUMERIC),
    clean("isNaN", NUMERIC),
    clean("Boolean", NUMERIC),
    clean("BigInt", NUMERIC),
    clean("Math.*", NUMERIC),
    clean("Date.parse", NUMERIC),
    clean("**.toFixed", NUMERIC),
    clean("Buffer.byteLength", NUMERIC),
    clean("**.digest", NUMERIC),
    clean("bcrypt.hash", NUMERIC),
    clean("bcrypt.hashSync", NUMERIC),
    clean("bcryptjs.hash", NUMERIC),
    clean("bcryptjs.hashSync", NUMERIC),
    clean("**.ObjectId", NUMERIC),
    clean("**.ObjectID", NUMERIC),
    clean("**.isValidObjectId", NUMERIC),
    clean("uuid.v4", NUMERIC),
    clean("crypto.randomUUID", NUMERIC),
    clean("validator.toInt", NUMERIC),
    clean("validator.toFloat", NUMERIC),
    clean("validator.toBoolean", NUMERIC),
    clean("validator.isInt", NUMERIC),
    // Encoding
    clean("encodeURIComponent", URLENC),
    clean("encodeURI", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
    clean("querystring.escape", URLENC),
    clean("querystring.stringify", URLENC),
    clean("JSON.stringify", Kind::Log.bit() | Kind::Header.bit()),
    clean("escape", URLENC),
    // HTML
    clean("escape-html", HTML),
    clean("**.escapeHtml", HTML),
    clean("**.escapeHTML", HTML),
    clean("lodash.escape", HTML),
    clean("underscore.escape", HTML),
    clean("validator.escape", HTML | Kind::Log.bit()),
    clean("he.encode", HTML),
    clean("he.escape", HTML),
    clean("entities.encode", HTML),
    clean("entities.encodeHTML", HTML),
    clean("entities.escape", HTML),
    clean("html-entities.encode", HTML),
    clean("xss", HTML),
    clean("xss.filterXSS", HTML),
    clean("**.filterXSS", HTML),
    clean("**.sanitize", HTML),
    clean("sanitize-html", HTML),
    clean("dompurify.sanitize", HTML),
    clean("isomorphic-dompurify.sanitize", HTML),
    clean("**.DOMPurify.sanitize", HTML),
    clean("xml-escape", HTML | Kind::Xpath.bit()),
    // SQL
    clean("mysql.escape", SQL),
    clean("mysql2.escape", SQL),
    clean("mysql.format", SQL),
    clean("mysql2.format", SQL),
    clean("sqlstring.escape", SQL),
    clean("sqlstring.format", SQL),
    clean("**.escapeLiteral", SQL),
    clean("**.escapeIdentifier", SQL),
    clean("**.escapeId", SQL),
    clean("**.escape", SQL | HTML),
    clean("pg-format", SQL),
    clean("pg-escape", SQL),
    clean("pg-escape.literal", SQL),
    clean("pg-escape.ident", SQL),
    clean("sequelize.escape", SQL),
    // NoSQL
    clean("String", Kind::NoSql.bit()),
    clean("**.toString", Kind::NoSql.bit()),
    clean("mongo-sanitize", Kind::NoSql.bit()),
    clean("express-mongo-sanitize.sanitize", Kind::NoSql.bit()),
    clean("mongoose.sanitizeFilter", Kind::NoSql.bit()),
    clean("**.sanitizeFilter", Kind::NoSql.bit()),
    // Commands
    clean("shell-quote.quote", Kind::Command.bit()),
    clean("shell-escape", Kind::Command.bit()),
    clean("shescape.quote", Kind::Command.bit()),
    clean("shescape.quoteAll", Kind::Command.bit()),
    clean("any-shell-escape", Kind::Command.bit()),
    // Paths
    clean("path.basename", Kind::Path.bit() | Kind::Command.bit()),
    clean("path.posix.basename", Kind::Path.bit()),
    clean("path.win32.basename", Kind::Path.bit()),
    clean("sanitize-filename", Kind::Path.bit() | Kind::Command.bit()),
    // `@fastify/send(req, path, { root })` refuses `..` and null bytes and resolves the path under its root: the
    // `metadata.path` it returns stays there (it is still the client's for any other use).
    clean("@fastify/send", Kind::Path.bit()),
    // LDAP / XPath
    clean("ldap-escape.filter", Kind::Ldap.bit()),
    clean("ldap-escape.dn", Kind::Ldap.bit()),
    clean("ldapjs.parseFilter", Kind::Ldap.bit()),
    clean("**.EqualityFilter", Kind::Ldap.bit()),
    clean("xpath-escape", Kind::Xpath.bit()),
    // Registry look-ups: a MIME type found by a file's extension (`mime.getType(path)`, `send.mime.getType`,
    // `mime-types.lookup`) is one of the registry's own strings, whatever the path was. (`mime-types.contentType(t)`
    // passes a full type through, so it is none.)
    clean("**.mime.getType", ALL_KINDS),
    clean("**.mime.lookup", ALL_KINDS),
    clean("**.mime.getExtension", ALL_KINDS),
    clean("mime/lite.getType", ALL_KINDS),
    clean("mime-types.lookup", ALL_KINDS),
    clean("mime-types.extension", ALL_KINDS),
    // Content negotiation against the server's own list: `negotiate(header, ['br', 'gzip'])` returns one of those.
    clean("@fastify/accept-negotiator.negotiate", ALL_KINDS),
    clean("@fastify/accept-negotiator.Negotiator.negotiate", ALL_KINDS),
    // The response's own headers read back (`res.getHeader('Set-Cookie')`, `reply.getHeader('vary')`): what the server
    // set, not the request (a header set from input is reported where it is set).
    clean("res.getHeader", ALL_KINDS),
    clean("res.getHeaders", ALL_KINDS),
    clean("response.getHeader", ALL_KINDS),
    clean("response.getHeaders", ALL_KINDS),
    clean("reply.getHeader", ALL_KINDS),
    clean("reply.getHeaders", ALL_KINDS),
    clean("**.ServerResponse.getHeader", ALL_KINDS),
    // A `Set-Cookie` value built by the `cookie` package: the value is encoded (`encodeURIComponent` unless told
    // otherwise) and name and value are checked against the cookie grammar, which has no line breaks (cookie 1.1
    // names it `stringifySetCookie`).
    clean("cookie.serialize", Kind::Header.bit() | Kind::Log.bit()),
    clean("cookie.stringifySetCookie", Kind::Header.bit() | Kind::Log.bit()),
    // What a server answers is not the credential the request carried (`fetch(url, { headers: { Authorization:
    // token } })` → `response.status` logged): HTTP clients' results are no secrets.
    clean("fetch", Kind::LoggedCredential.bit()),
    clean("node-fetch", Kind::LoggedCredential.bit()),
    clean("node-fetch.default", Kind::LoggedCredential.bit()),
    clean("undici.fetch", Kind::LoggedCredential.bit()),
    clean("undici.request", Kind::LoggedCredential.bit()),
    clean("axios", Kind::LoggedCredential.bit()),
    clean("axios.*", Kind::LoggedCredential.bit()),
    clean("got", Kind::LoggedCredential.bit()),
    clean("got.*", Kind::LoggedCredential.bit()),
    clean("superagent.*", Kind::LoggedCredential.bit()),
    clean("https.request", Kind::LoggedCredential.bit()),
    clean("http.request", Kind::LoggedCredential.bit()),
];

/// Calls that write a log entry. Logger objects are matched by their writing methods only: `logger.child()`, the
/// Powertools `logger.addContext(context)`/`setCorrelationId(id)`/`appendKeys(keys)` or a config call write nothing.
const LOG_CALLS: &[&str] = &[
    "console.log",
    "console.info",
    "console.warn",
    "console.error",
    "console.debug",
    "console.trace",
    "console.dir",
    "logger.log",
    "logger.info",
    "logger.warn",
    "logger.warning",
    "logger.error",
    "logger.debug",
    "logger.trace",
    "logger.fatal",
    "logger.critical",
    "logger.verbose",
    "logger.silly",
    "logger.notice",
    "**.logger.log",
    "**.logger.info",
    "**.logger.warn",
    "**.logger.warning",
    "**.logger.error",
    "**.logger.debug",
    "**.logger.trace",
    "**.logger.fatal",
    "**.logger.critical",
    "**.logger.verbose",
    "**.logger.silly",
    "**.logger.notice",
    "**.createLogger.log",
    "**.createLogger.info",
    "**.createLogger.warn",
    "**.createLogger.warning",
    "**.createLogger.error",
    "**.createLogger.debug",
    "**.createLogger.trace",
    "**.createLogger.fatal",
    "**.createLogger.critical",
    "**.createLogger.verbose",
    "**.createLogger.silly",
    "**.createLogger.notice",
    "**.getLogger.log",
    "**.getLogger.info",
    "**.getLogger.warn",
    "**.getLogger.warning",
    "**.getLogger.error",
    "**.getLogger.debug",
    "**.getLogger.trace",
    "**.getLogger.fatal",
    "**.getLogger.critical",
    "**.getLogger.verbose",
    "**.getLogger.silly",
    "**.getLogger.notice",
    "pino.log",
    "pino.info",
    "pino.warn",
    "pino.warning",
    "pino.error",
    "pino.debug",
    "pino.trace",
    "pino.fatal",
    "pino.critical",
    "pino.verbose",
    "pino.silly",
    "pino.notice",
    "bunyan.log",
    "bunyan.info",
    "bunyan.warn",
    "bunyan.warning",
    "bunyan.error",
    "bunyan.debug",
    "bunyan.trace",
    "bunyan.fatal",
    "bunyan.critical",
    "bunyan.verbose",
    "bunyan.silly",
    "bunyan.notice",
    "log4js.log",
    "log4js.info",
    "log4js.warn",
    "log4js.warning",
    "log4js.error",
    "log4js.debug",
    "log4js.trace",
    "log4js.fatal",
    "log4js.critical",
    "log4js.verbose",
    "log4js.silly",
    "log4js.notice",
    "npmlog.log",
    "npmlog.info",
    "npmlog.warn",
    "npmlog.warning",
    "npmlog.error",
    "npmlog.debug",
    "npmlog.trace",
    "npmlog.fatal",
    "npmlog.critical",
    "npmlog.verbose",
    "npmlog.silly",
    "npmlog.notice",
    // Child loggers (`const log = logger.child({ requestId })`, pino and bunyan): the same writers.
    "**.child.log",
    "**.child.info",
    "**.child.warn",
    "**.child.warning",
    "**.child.error",
    "**.child.debug",
    "**.child.trace",
    "**.child.fatal",
    "**.child.critical",
    "**.child.verbose",
    "**.child.silly",
    "**.child.notice",
    "log.info",
    "log.warn",
    "log.error",
    "log.debug",
    "log.trace",
    "log.fatal",
    "**.log.info",
    "**.log.warn",
    "**.log.error",
    "**.log.debug",
    "**.log.trace",
    "**.log.fatal",
    "**.Logger.info",
    "**.Logger.warn",
    "**.Logger.error",
    "**.Logger.debug",
    "**.Logger.critical",
    "**.Logger.log",
    "winston.info",
    "winston.warn",
    "winston.error",
    "winston.debug",
    "winston.log",
    "debug",
    "util.log",
];

pub static TABLES: Tables = Tables {
    sources: SOURCES,
    sinks: SINKS,
    sanitizers: SANITIZERS,
    params: ParamSources {
        types: &[
            // Web frameworks
            "Request",
            "NextRequest",
            "NextApiRequest",
            "FastifyRequest",
            "IncomingMessage",
            // Lambda events (handlers are also found by convention)
            "APIGatewayProxyEvent",
            "APIGatewayProxyEventV2",
            "APIGatewayProxyEventV2WithJWTAuthorizer",
            "APIGatewayProxyWithCognitoAuthorizerEvent",
            "APIGatewayEvent",
            "APIGatewayRequestAuthorizerEvent",
            "APIGatewayTokenAuthorizerEvent",
            "LambdaFunctionURLEvent",
            "ALBEvent",
            "SQSEvent",
            "SNSEvent",
            "S3Event",
            "KinesisStreamEvent",
            "DynamoDBStreamEvent",
            "EventBridgeEvent",
            "CloudWatchLogsEvent",
            "AppSyncResolverEvent",
        ],
        annotations: &[
            "Query",
            "Body",
            "Param",
            "Headers",
            "Req",
            "Request",
            "Cookies",
            "HostParam",
            "UploadedFile",
            "UploadedFiles",
            "Ip",
        ],
        route_decorators: &[],
        request_names: &["req", "request", "ctx"],
    },
    log_calls: LOG_CALLS,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_well_formed() {
        for s in SINKS {
            assert!(!s.pattern.is_empty() && !s.pattern.ends_with('.'), "{}", s.pattern);
        }
        for s in SANITIZERS {
            assert!(!s.pattern.is_empty(), "{}", s.pattern);
        }
    }
}
