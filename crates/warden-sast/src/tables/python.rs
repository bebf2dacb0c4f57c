//! Sources, sinks and sanitizers of Python: the standard library, DB-API drivers, SQLAlchemy, Django, Flask,
//! FastAPI, boto3, requests/urllib3/httpx, lxml, PyYAML, pickle and friends.

use super::{
    ALL_KINDS, Args, Kind, Label, ParamSources, Sanitizer, Sink, Source, Tables, sets_location, sets_other_header,
};
use crate::rules::CallSite;

const fn sink(kind: Kind, pattern: &'static str, args: Args) -> Sink {
    Sink { kind, pattern, args, when: None }
}

const fn input(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Input }
}

const fn clean(pattern: &'static str, kinds: u32) -> Sanitizer {
    Sanitizer { pattern, kinds }
}

/// `shell=True` (or a truthy constant).
/// `Response(content_type=content_types.TEXT_HTML, body=…)` or `content_type="text/html"`.
fn html_content_type(site: &CallSite) -> bool {
    let Some(i) = site.position(99, "content_type") else { return false };
    site.consts.get(i).and_then(|c| c.as_ref()).and_then(|c| c.as_str()).is_some_and(|t| t.contains("html"))
        || site.args.get(i).and_then(|a| a.value.dotted()).is_some_and(|d| d.ends_with("TEXT_HTML"))
}

/// Flask's `Response(body, mimetype="text/plain")`, Django's `HttpResponse(body, content_type="application/json")`:
/// a page unless a constant non-HTML type is given.
fn not_plain_type(site: &CallSite) -> bool {
    let given = ["mimetype", "content_type"].iter().find_map(|k| site.keyword(k)).and_then(|c| c.as_str());
    given.is_none_or(|t| ["html", "xml", "svg"].iter().any(|h| t.to_ascii_lowercase().contains(h)))
}

/// Chalice's `Response(body=…, headers={"Content-Type": "text/html"})`.
fn html_headers(site: &CallSite) -> bool {
    let Some(i) = site.position(99, "headers") else { return false };
    matches!(site.consts.get(i).and_then(|c| c.as_ref()), Some(crate::rules::Const::Dict(entries))
        if entries.iter().any(|(k, v)| k.eq_ignore_ascii_case("content-type") && v.as_str().is_some_and(|t| t.contains("html"))))
}

fn shell_true(site: &CallSite) -> bool {
    site.keyword("shell").is_some_and(|c| c.truthy())
}

/// Without a shell only the program matters: a list literal whose program is not a constant.
fn command_without_shell(site: &CallSite) -> bool {
    use crate::ir::ExprKind;
    !shell_true(site)
        && site.arg(0, "args").is_some_and(|a| match &a.value.kind {
            ExprKind::List(items) => items.first().is_some_and(|p| p.as_str().is_none()),
            _ => false,
        })
}

/// A MongoDB collection (by its name) or a query document literal.
fn mongo_query(site: &CallSite) -> bool {
    let c = site.callee.to_ascii_lowercase();
    c.contains("collection")
        || c.contains("mongo")
        || c.contains(".db")
        || c.starts_with("db")
        || site.arg(0, "").is_some_and(|a| matches!(a.value.kind, crate::ir::ExprKind::Dict(_)))
}

/// An LDAP connection's search (`conn.search(base, filter)`), not `re.search`.
fn ldap_search(site: &CallSite) -> bool {
    let c = site.callee.to_ascii_lowercase();
    !c.starts_with("re.") && (c.contains("ldap") || c.contains("conn"))
}

/// Not a regular expression (`re.findall`, `_cookie_re.findall`, `pattern.findall` take a string to search, not
/// an XPath).
fn not_re(site: &CallSite) -> bool {
    let receiver = site.callee.rsplit_once('.').map_or("", |(r, _)| r);
    let last = receiver.rsplit('.').next().unwrap_or(receiver).to_ascii_lowercase();
    let regex_name = ["_re", "regex", "pattern", "_pat", "_rx"].iter().any(|s| last.ends_with(s)) || last == "re";
    !site.callee.starts_with("re.")
        && !site.callee.starts_with("regex.")
        && !receiver.contains("compile()")
        && !regex_name
}

/// `yaml.load` without a safe loader.
fn unsafe_yaml(site: &CallSite) -> bool {
    let loader = site.arg(1, "Loader").and_then(|a| a.value.dotted()).unwrap_or_default();
    !(loader.ends_with("SafeLoader") || loader.ends_with("CSafeLoader") || loader.ends_with("BaseLoader"))
}

/// lxml parsing with a parser that resolves entities, or the default parser of old lxml.
fn lxml_parser_unsafe(site: &CallSite) -> bool {
    site.arg(1, "parser").is_none_or(|a| !a.value.dotted().is_some_and(|d| d.to_ascii_lowercase().contains("safe")))
}

pub static TABLES: Tables = Tables {
    sources: &[
        // Flask / Werkzeug: the request proxy and everything on it.
        input("flask.request"),
        // Powertools for AWS Lambda's event handler: `app.current_event` of a resolver (or a `Router`) is the event.
        input("**.current_event"),
        // Chalice: `app.current_request` (its `json_body`, `query_params`, `uri_params`, `headers`, …).
        input("**.current_request"),
        input("werkzeug.wrappers.Request"),
        // Django / DRF
        input("**.request.GET"),
        input("**.request.POST"),
        input("**.request.body"),
        input("**.request.data"),
        input("**.request.query_params"),
        input("**.request.COOKIES"),
        input("**.request.META"),
        input("**.request.headers"),
        input("**.request.FILES"),
        // CGI (standard input and argv are the operator's, not an attacker's: not sources)
        input("cgi.FieldStorage"),
        // Messages pulled from queues are input too.
        input("**.receive_message"),
        // Exception details
        Source { pattern: "traceback.format_exc", label: Label::Exception },
        Source { pattern: "traceback.format_exception", label: Label::Exception },
        Source { pattern: "traceback.format_stack", label: Label::Exception },
        Source { pattern: "traceback.extract_tb", label: Label::Exception },
        Source { pattern: "sys.exc_info", label: Label::Exception },
        // Credentials
        Source { pattern: "**.get_credentials", label: Label::Credential },
        Source { pattern: "**.get_frozen_credentials", label: Label::Credential },
        Source { pattern: "**.get_secret_value", label: Label::Credential },
        Source { pattern: "getpass.getpass", label: Label::Credential },
    ],
    sinks: &[
        // SQL: DB-API cursors and connections (sqlite3, psycopg2, pymysql, mysql-connector, pyodbc, cx_Oracle)
        sink(Kind::Sql, "**.execute", Args::At(0, "operation")),
        sink(Kind::Sql, "**.executemany", Args::At(0, "operation")),
        sink(Kind::Sql, "**.executescript", Args::First),
        sink(Kind::Sql, "**.mogrify", Args::First),
        sink(Kind::Sql, "**.execute_sql", Args::First),
        sink(Kind::Sql, "sqlalchemy.text", Args::First),
        sink(Kind::Sql, "sqlalchemy.sql.text", Args::First),
        sink(Kind::Sql, "sqlalchemy.sql.expression.text", Args::First),
        sink(Kind::Sql, "**.objects.raw", Args::First),
        sink(Kind::Sql, "**.objects.extra", Args::Any),
        sink(Kind::Sql, "**.raw", Args::At(0, "raw_query")),
        sink(Kind::Sql, "**.RawSQL", Args::First),
        sink(Kind::Sql, "pandas.read_sql", Args::First),
        sink(Kind::Sql, "pandas.read_sql_query", Args::First),
        sink(Kind::Sql, "**.execute_statement", Args::At(0, "Statement")),
        sink(Kind::Sql, "**.execute_statement", Args::At(99, "sql")),
        sink(Kind::Sql, "**.batch_execute_statement", Args::At(99, "sql")),
        sink(Kind::Sql, "**.start_query_execution", Args::At(99, "QueryString")),
        // NoSQL: DynamoDB expressions and PartiQL, MongoDB $where / JavaScript
        sink(Kind::NoSql, "**.scan", Args::At(99, "FilterExpression")),
        sink(Kind::NoSql, "**.query", Args::At(99, "KeyConditionExpression")),
        sink(Kind::NoSql, "**.query", Args::At(99, "FilterExpression")),
        sink(Kind::NoSql, "**.scan", Args::At(99, "ProjectionExpression")),
        sink(Kind::NoSql, "**.update_item", Args::At(99, "UpdateExpression")),
        sink(Kind::NoSql, "**.update_item", Args::At(99, "ConditionExpression")),
        sink(Kind::NoSql, "**.delete_item", Args::At(99, "ConditionExpression")),
        sink(Kind::NoSql, "**.put_item", Args::At(99, "ConditionExpression")),
        sink(Kind::NoSql, "**.execute_statement", Args::At(99, "Statement")),
        Sink { kind: Kind::NoSql, pattern: "**.find", args: Args::First, when: Some(mongo_query) },
        Sink { kind: Kind::NoSql, pattern: "**.find_one", args: Args::First, when: Some(mongo_query) },
        Sink { kind: Kind::NoSql, pattern: "**.aggregate", args: Args::First, when: Some(mongo_query) },
        Sink { kind: Kind::NoSql, pattern: "**.count_documents", args: Args::First, when: Some(mongo_query) },
        Sink { kind: Kind::NoSql, pattern: "**.delete_many", args: Args::First, when: Some(mongo_query) },
        Sink { kind: Kind::NoSql, pattern: "**.update_many", args: Args::First, when: Some(mongo_query) },
        sink(Kind::NoSql, "**.$where", Args::Any),
        // OS commands
        sink(Kind::Command, "os.system", Args::First),
        sink(Kind::Command, "os.popen", Args::First),
        sink(Kind::Command, "os.popen2", Args::First),
        sink(Kind::Command, "os.popen3", Args::First),
        sink(Kind::Command, "os.spawnl", Args::From(1)),
        sink(Kind::Command, "os.spawnlp", Args::From(1)),
        sink(Kind::Command, "os.spawnv", Args::From(1)),
        sink(Kind::Command, "os.spawnvp", Args::From(1)),
        sink(Kind::Command, "os.execl", Args::Any),
        sink(Kind::Command, "os.execlp", Args::Any),
        sink(Kind::Command, "os.execv", Args::Any),
        sink(Kind::Command, "os.execvp", Args::Any),
        sink(Kind::Command, "os.execve", Args::Any),
        sink(Kind::Command, "os.startfile", Args::First),
        sink(Kind::Command, "commands.getoutput", Args::First),
        sink(Kind::Command, "commands.getstatusoutput", Args::First),
        sink(Kind::Command, "subprocess.getoutput", Args::First),
        sink(Kind::Command, "subprocess.getstatusoutput", Args::First),
        Sink { kind: Kind::Command, pattern: "subprocess.*", args: Args::At(0, "args"), when: Some(shell_true) },
        Sink {
            kind: Kind::Command,
            pattern: "subprocess.*",
            args: Args::At(0, "args"),
            when: Some(command_without_shell),
        },
        Sink { kind: Kind::Command, pattern: "asyncio.create_subprocess_shell", args: Args::First, when: None },
        sink(Kind::Command, "asyncio.create_subprocess_exec", Args::First),
        sink(Kind::Command, "pty.spawn", Args::First),
        sink(Kind::Command, "**.exec_command", Args::First),
        sink(Kind::Command, "fabric.api.run", Args::First),
        sink(Kind::Command, "fabric.api.local", Args::First),
        sink(Kind::Command, "fabric.api.sudo", Args::First),
        // Code
        sink(Kind::Code, "eval", Args::First),
        sink(Kind::Code, "exec", Args::First),
        sink(Kind::Code, "compile", Args::First),
        sink(Kind::Code, "execfile", Args::First),
        sink(Kind::Code, "builtins.eval", Args::First),
        sink(Kind::Code, "builtins.exec", Args::First),
        sink(Kind::Code, "__import__", Args::First),
        sink(Kind::Code, "importlib.import_module", Args::First),
        sink(Kind::Code, "code.InteractiveInterpreter.runsource", Args::First),
        sink(Kind::Code, "**.runsource", Args::First),
        sink(Kind::Template, "flask.render_template_string", Args::First),
        sink(Kind::Template, "jinja2.Template", Args::First),
        sink(Kind::Template, "**.from_string", Args::First),
        sink(Kind::Template, "mako.template.Template", Args::First),
        sink(Kind::Template, "django.template.Template", Args::First),
        // Paths
        sink(Kind::Path, "open", Args::At(0, "file")),
        sink(Kind::Path, "io.open", Args::At(0, "file")),
        sink(Kind::Path, "codecs.open", Args::First),
        sink(Kind::Path, "os.open", Args::First),
        sink(Kind::Path, "os.remove", Args::First),
        sink(Kind::Path, "os.unlink", Args::First),
        sink(Kind::Path, "os.rmdir", Args::First),
        sink(Kind::Path, "os.removedirs", Args::First),
        sink(Kind::Path, "os.rename", Args::Any),
        sink(Kind::Path, "os.replace", Args::Any),
        sink(Kind::Path, "os.listdir", Args::First),
        sink(Kind::Path, "os.makedirs", Args::First),
        sink(Kind::Path, "os.mkdir", Args::First),
        sink(Kind::Path, "os.chmod", Args::First),
        sink(Kind::Path, "shutil.copy", Args::Any),
        sink(Kind::Path, "shutil.copyfile", Args::Any),
        sink(Kind::Path, "shutil.copytree", Args::Any),
        sink(Kind::Path, "shutil.move", Args::Any),
        sink(Kind::Path, "shutil.rmtree", Args::First),
        // The archive written (`base_name`) and the directory archived (`root_dir`).
        sink(Kind::Path, "shutil.make_archive", Args::Any),
        sink(Kind::Path, "shutil.unpack_archive", Args::Any),
        sink(Kind::Path, "pathlib.Path", Args::Any),
        sink(Kind::Path, "pathlib.PurePath", Args::Any),
        sink(Kind::Path, "flask.send_file", Args::First),
        sink(Kind::Path, "flask.send_from_directory", Args::At(1, "path")),
        sink(Kind::Path, "django.http.FileResponse", Args::First),
        sink(Kind::Path, "tarfile.open", Args::First),
        sink(Kind::Path, "zipfile.ZipFile", Args::First),
        sink(Kind::Path, "**.download_file", Args::At(2, "Filename")),
        sink(Kind::Path, "**.upload_file", Args::At(0, "Filename")),
        sink(Kind::Path, "**.extractall", Args::At(0, "path")),
        // SSRF
        sink(Kind::Ssrf, "requests.get", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.post", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.put", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.patch", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.delete", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.head", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.options", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.request", Args::At(1, "url")),
        sink(Kind::Ssrf, "requests.Session().get", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.Session().post", Args::At(0, "url")),
        sink(Kind::Ssrf, "requests.Session().request", Args::At(1, "url")),
        sink(Kind::Ssrf, "urllib.request.urlopen", Args::At(0, "url")),
        sink(Kind::Ssrf, "urllib.request.Request", Args::At(0, "url")),
        sink(Kind::Ssrf, "urllib.request.urlretrieve", Args::First),
        sink(Kind::Ssrf, "urllib.urlopen", Args::First),
        sink(Kind::Ssrf, "urllib2.urlopen", Args::First),
        sink(Kind::Ssrf, "urllib2.Request", Args::First),
        sink(Kind::Ssrf, "urllib3.PoolManager().request", Args::At(1, "url")),
        sink(Kind::Ssrf, "urllib3.PoolManager().urlopen", Args::At(1, "url")),
        sink(Kind::Ssrf, "**.PoolManager().request", Args::At(1, "url")),
        sink(Kind::Ssrf, "httpx.get", Args::At(0, "url")),
        sink(Kind::Ssrf, "httpx.post", Args::At(0, "url")),
        sink(Kind::Ssrf, "httpx.request", Args::At(1, "url")),
        sink(Kind::Ssrf, "httpx.Client().get", Args::At(0, "url")),
        sink(Kind::Ssrf, "httpx.AsyncClient().get", Args::At(0, "url")),
        sink(Kind::Ssrf, "aiohttp.ClientSession().get", Args::At(0, "url")),
        sink(Kind::Ssrf, "aiohttp.ClientSession().post", Args::At(0, "url")),
        sink(Kind::Ssrf, "http.client.HTTPConnection", Args::At(0, "host")),
        sink(Kind::Ssrf, "http.client.HTTPSConnection", Args::At(0, "host")),
        sink(Kind::Ssrf, "httplib2.Http().request", Args::First),
        // XML external entities
        Sink { kind: Kind::Xxe, pattern: "lxml.etree.fromstring", args: Args::First, when: Some(lxml_parser_unsafe) },
        Sink { kind: Kind::Xxe, pattern: "lxml.etree.parse", args: Args::First, when: Some(lxml_parser_unsafe) },
        Sink { kind: Kind::Xxe, pattern: "lxml.etree.XML", args: Args::First, when: Some(lxml_parser_unsafe) },
        sink(Kind::Xxe, "xml.dom.minidom.parseString", Args::First),
        sink(Kind::Xxe, "xml.dom.minidom.parse", Args::First),
        sink(Kind::Xxe, "xml.dom.pulldom.parseString", Args::First),
        sink(Kind::Xxe, "xml.sax.parseString", Args::First),
        sink(Kind::Xxe, "xml.sax.parse", Args::First),
        sink(Kind::Xxe, "xml.etree.ElementTree.fromstring", Args::First),
        sink(Kind::Xxe, "xml.etree.ElementTree.parse", Args::First),
        sink(Kind::Xxe, "xml.etree.ElementTree.XML", Args::First),
        sink(Kind::Xxe, "xml.etree.cElementTree.fromstring", Args::First),
        sink(Kind::Xxe, "xmltodict.parse", Args::First),
        // LDAP
        sink(Kind::Ldap, "**.search_s", Args::At(2, "filterstr")),
        sink(Kind::Ldap, "**.search_st", Args::At(2, "filterstr")),
        sink(Kind::Ldap, "**.search_ext_s", Args::At(2, "filterstr")),
        Sink { kind: Kind::Ldap, pattern: "**.search", args: Args::At(1, "search_filter"), when: Some(ldap_search) },
        // XPath
        sink(Kind::Xpath, "**.xpath", Args::First),
        sink(Kind::Xpath, "lxml.etree.XPath", Args::First),
        Sink { kind: Kind::Xpath, pattern: "**.findall", args: Args::First, when: Some(not_re) },
        Sink { kind: Kind::Xpath, pattern: "**.iterfind", args: Args::First, when: Some(not_re) },
        // Deserialization
        sink(Kind::Deserialization, "pickle.loads", Args::First),
        sink(Kind::Deserialization, "pickle.load", Args::First),
        sink(Kind::Deserialization, "_pickle.loads", Args::First),
        sink(Kind::Deserialization, "cPickle.loads", Args::First),
        sink(Kind::Deserialization, "pickle.Unpickler", Args::First),
        sink(Kind::Deserialization, "dill.loads", Args::First),
        sink(Kind::Deserialization, "shelve.open", Args::First),
        sink(Kind::Deserialization, "marshal.loads", Args::First),
        sink(Kind::Deserialization, "jsonpickle.decode", Args::First),
        sink(Kind::Deserialization, "pandas.read_pickle", Args::First),
        sink(Kind::Deserialization, "joblib.load", Args::First),
        sink(Kind::Deserialization, "torch.load", Args::First),
        sink(Kind::Deserialization, "numpy.load", Args::First),
        Sink { kind: Kind::Deserialization, pattern: "yaml.load", args: Args::First, when: Some(unsafe_yaml) },
        sink(Kind::Deserialization, "yaml.unsafe_load", Args::First),
        sink(Kind::Deserialization, "yaml.full_load", Args::First),
        sink(Kind::Deserialization, "yaml.load_all", Args::First),
        // Cross-site scripting
        sink(Kind::Xss, "flask.make_response", Args::First),
        Sink { kind: Kind::Xss, pattern: "flask.Response", args: Args::At(0, "response"), when: Some(not_plain_type) },
        Sink {
            kind: Kind::Xss,
            pattern: "django.http.HttpResponse",
            args: Args::At(0, "content"),
            when: Some(not_plain_type),
        },
        Sink {
            kind: Kind::Xss,
            pattern: "aiohttp.web.Response",
            args: Args::At(99, "text"),
            when: Some(html_content_type),
        },
        Sink {
            kind: Kind::Xss,
            pattern: "aiohttp.web.Response",
            args: Args::At(99, "body"),
            when: Some(html_content_type),
        },
        sink(Kind::Xss, "django.utils.safestring.mark_safe", Args::First),
        sink(Kind::Xss, "markupsafe.Markup", Args::First),
        sink(Kind::Xss, "flask.Markup", Args::First),
        sink(Kind::Xss, "fastapi.responses.HTMLResponse", Args::At(0, "content")),
        sink(Kind::Xss, "starlette.responses.HTMLResponse", Args::At(0, "content")),
        Sink {
            kind: Kind::Xss,
            pattern: "aws_lambda_powertools.event_handler.Response",
            args: Args::At(99, "body"),
            when: Some(html_content_type),
        },
        Sink { kind: Kind::Xss, pattern: "chalice.Response", args: Args::At(0, "body"), when: Some(html_headers) },
        // Redirects
        sink(Kind::Redirect, "flask.redirect", Args::At(0, "location")),
        sink(Kind::Redirect, "django.shortcuts.redirect", Args::First),
        sink(Kind::Redirect, "django.http.HttpResponseRedirect", Args::First),
        sink(Kind::Redirect, "django.http.HttpResponsePermanentRedirect", Args::First),
        sink(Kind::Redirect, "fastapi.responses.RedirectResponse", Args::At(0, "url")),
        sink(Kind::Redirect, "starlette.responses.RedirectResponse", Args::At(0, "url")),
        // Headers
        sink(Kind::Header, "**.headers.add", Args::From(1)),
        sink(Kind::Header, "**.headers.set", Args::From(1)),
        sink(Kind::Header, "**.set_header", Args::From(1)),
        sink(Kind::Header, "**.add_header", Args::From(1)),
        // `resp.headers["X-Name"] = v` (Flask, Starlette), `response["X-Name"] = v` (a Django response).
        Sink { kind: Kind::Header, pattern: "**.headers.[]=", args: Args::At(1, ""), when: Some(sets_other_header) },
        Sink { kind: Kind::Header, pattern: "django.http.*.[]=", args: Args::At(1, ""), when: Some(sets_other_header) },
        Sink {
            kind: Kind::Header,
            pattern: "django.shortcuts.*.[]=",
            args: Args::At(1, ""),
            when: Some(sets_other_header),
        },
        Sink { kind: Kind::Redirect, pattern: "**.headers.[]=", args: Args::At(1, ""), when: Some(sets_location) },
        Sink { kind: Kind::Redirect, pattern: "django.http.*.[]=", args: Args::At(1, ""), when: Some(sets_location) },
        Sink {
            kind: Kind::Redirect,
            pattern: "django.shortcuts.*.[]=",
            args: Args::At(1, ""),
            when: Some(sets_location),
        },
        // Exception details in web responses
        sink(Kind::StackTrace, "flask.jsonify", Args::Any),
        sink(Kind::StackTrace, "flask.make_response", Args::Any),
        sink(Kind::StackTrace, "flask.Response", Args::Any),
        sink(Kind::StackTrace, "django.http.HttpResponse", Args::Any),
        sink(Kind::StackTrace, "django.http.JsonResponse", Args::Any),
        sink(Kind::StackTrace, "fastapi.responses.JSONResponse", Args::Any),
        sink(Kind::StackTrace, "fastapi.HTTPException", Args::At(1, "detail")),
        // Regular expressions built from input (ReDoS)
        sink(Kind::Regex, "re.compile", Args::First),
        sink(Kind::Regex, "re.search", Args::First),
        sink(Kind::Regex, "re.match", Args::First),
    ],
    sanitizers: &[
        clean("int", ALL_KINDS),
        clean("float", ALL_KINDS),
        clean("bool", ALL_KINDS),
        clean("len", ALL_KINDS),
        clean("abs", ALL_KINDS),
        clean("round", ALL_KINDS),
        clean("hash", ALL_KINDS),
        clean("id", ALL_KINDS),
        clean("uuid.UUID", ALL_KINDS),
        clean("decimal.Decimal", ALL_KINDS),
        clean("datetime.datetime.fromisoformat", ALL_KINDS),
        clean("isinstance", ALL_KINDS),
        clean("hashlib.*", ALL_KINDS),
        clean("**.hexdigest", ALL_KINDS),
        clean("hmac.compare_digest", ALL_KINDS),
        clean("secrets.compare_digest", ALL_KINDS),
        clean("**.count", ALL_KINDS),
        clean("**.isdigit", ALL_KINDS),
        clean("**.startswith", ALL_KINDS),
        clean("**.endswith", ALL_KINDS),
        clean("uuid.uuid4", ALL_KINDS),
        clean("shlex.quote", Kind::Command.bit()),
        clean("pipes.quote", Kind::Command.bit()),
        clean("shlex.split", Kind::Command.bit()),
        clean("os.path.basename", Kind::Path.bit()),
        clean("werkzeug.utils.secure_filename", Kind::Path.bit()),
        clean("**.secure_filename", Kind::Path.bit()),
        clean("html.escape", Kind::Xss.bit()),
        clean("cgi.escape", Kind::Xss.bit()),
        clean("markupsafe.escape", Kind::Xss.bit()),
        clean("flask.escape", Kind::Xss.bit()),
        clean("django.utils.html.escape", Kind::Xss.bit()),
        clean("**.conditional_escape", Kind::Xss.bit()),
        clean("**.format_html", Kind::Xss.bit()),
        clean("**.render_to_string", Kind::Xss.bit()),
        clean("**.render", Kind::Xss.bit()),
        clean("flask.render_template", Kind::Xss.bit()),
        clean("**.escape", Kind::Xss.bit()),
        clean("bleach.clean", Kind::Xss.bit()),
        clean("urllib.parse.quote", Kind::Xss.bit() | Kind::Path.bit() | Kind::Header.bit() | Kind::Command.bit()),
        clean("urllib.parse.quote_plus", Kind::Xss.bit() | Kind::Path.bit() | Kind::Header.bit() | Kind::Command.bit()),
        clean("ldap.filter.escape_filter_chars", Kind::Ldap.bit()),
        clean("ldap3.utils.conv.escape_filter_chars", Kind::Ldap.bit()),
        clean("**.escape_filter_chars", Kind::Ldap.bit()),
        clean("re.escape", Kind::Regex.bit() | Kind::Command.bit()),
        clean("defusedxml.*", Kind::Xxe.bit()),
        clean("**.url_has_allowed_host_and_scheme", Kind::Redirect.bit()),
        // Same-origin URLs: the request's own path, reversed routes.
        clean("**.get_full_path", Kind::Redirect.bit() | Kind::Ssrf.bit()),
        clean("**.get_full_path_info", Kind::Redirect.bit() | Kind::Ssrf.bit()),
        clean("**.build_absolute_uri", Kind::Redirect.bit() | Kind::Ssrf.bit()),
        clean("django.urls.reverse", Kind::Redirect.bit() | Kind::Ssrf.bit()),
        // Django's `request.get_host()` is checked against `ALLOWED_HOSTS` (it raises `DisallowedHost`).
        clean("**.get_host", Kind::Redirect.bit() | Kind::Ssrf.bit()),
        clean("django.shortcuts.resolve_url", Kind::Redirect.bit() | Kind::Ssrf.bit()),
        clean("flask.url_for", Kind::Redirect.bit() | Kind::Ssrf.bit()),
        // SQLAlchemy Core statements bind the values they are given as parameters.
        clean("**.insert().values", Kind::Sql.bit()),
        clean("**.update().values", Kind::Sql.bit()),
        clean("**.select().where", Kind::Sql.bit()),
        clean("**.update().where", Kind::Sql.bit()),
        clean("**.delete().where", Kind::Sql.bit()),
        clean("**.select().filter_by", Kind::Sql.bit()),
        // Validation errors (pydantic, marshmallow, DRF serializers) are written for the client: field and message.
        clean("**.errors", Kind::StackTrace.bit()),
        // Rows the ORM found: stored data, not the request (stored XSS is out of scope of this analysis).
        clean("**.objects.get", ALL_KINDS),
        clean("**.objects.filter", ALL_KINDS),
        clean("**.objects.get_or_create", ALL_KINDS),
        clean("**.get_object_or_404", ALL_KINDS),
        clean("**.query.get", ALL_KINDS),
        clean("**.query.filter_by", ALL_KINDS),
        // Joins that raise when the result leaves the base directory.
        clean("django.utils._os.safe_join", Kind::Path.bit()),
        clean("werkzeug.utils.safe_join", Kind::Path.bit()),
        clean("werkzeug.security.safe_join", Kind::Path.bit()),
        clean("flask.helpers.safe_join", Kind::Path.bit()),
        // Numbers and dates formatted from them (`http_date(timegm(t))`).
        clean("calendar.timegm", ALL_KINDS),
        clean("time.mktime", ALL_KINDS),
        clean("email.utils.formatdate", ALL_KINDS),
        clean("django.utils.http.http_date", ALL_KINDS),
        clean("json.dumps", Kind::Command.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean(
            "base64.b64encode",
            Kind::Command.bit() | Kind::Sql.bit() | Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit(),
        ),
    ],
    params: ParamSources {
        types: &[
            "Request",
            "HttpRequest",
            "WSGIRequest",
            "APIGatewayProxyEvent",
            "APIGatewayProxyEventV2",
            "UploadFile",
        ],
        annotations: &[],
        route_decorators: &[
            "*.route",
            "*.get",
            "*.post",
            "*.put",
            "*.patch",
            "*.delete",
            "*.api_route",
            "*.websocket",
            "api_view",
            "app.resolve",
            "*.head",
        ],
        request_names: &["request"],
    },
    log_calls: &[
        "logging.debug",
        "logging.info",
        "logging.warning",
        "logging.warn",
        "logging.error",
        "logging.critical",
        "logging.exception",
        "logging.log",
        "**.logger.debug",
        "**.logger.info",
        "**.logger.warning",
        "**.logger.warn",
        "**.logger.error",
        "**.logger.critical",
        "**.logger.exception",
        "**.log.debug",
        "**.log.info",
        "**.log.warning",
        "**.log.error",
        "**.log.critical",
        "logging.getLogger().info",
        "logging.getLogger().debug",
        "logging.getLogger().warning",
        "logging.getLogger().error",
        "logger.info",
        "logger.debug",
        "logger.warning",
        "logger.error",
        "logger.critical",
        "logger.exception",
        "print",
    ],
};
