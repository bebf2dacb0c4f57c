//! Sources, sinks and sanitizers of Ruby: Lambda handlers (`handler(event:, context:)`), Rails controllers, Sinatra
//! and Rack; ActiveRecord/Sequel/pg/mysql2/sqlite3, Mongo and DynamoDB; Kernel and Open3 commands; eval and
//! reflection; File/IO/FileUtils; Net::HTTP, open-uri, HTTParty, Faraday, RestClient; Nokogiri/REXML/LibXML;
//! Net::LDAP; Marshal/YAML/Oj; Rails views and responses.
//!
//! How the front end lowers what these match: `Foo::Bar.new(x)` is a `new` call whose canonical name is `Foo.Bar`
//! (and a variable assigned from it has that type: `http = Net::HTTP.new(h)` makes `http.get` `Net.HTTP.get`);
//! `params` and `request` are plain names; a receiver call without arguments keeps `()` in the chain
//! (`request.body.read` is `request.body().read`); `headers["X"] = v` on a non-local is the call `headers.[]=(k, v)`;
//! backticks and `%x()` are the call `` ` ``.

use super::{
    ALL_KINDS, Args, Kind, Label, ParamSources, Sanitizer, Sink, Source, Tables, sets_location, sets_other_header,
};
use crate::ir::ExprKind;
use crate::rules::{CallSite, Const};

/// The call the front end wraps a Rails route helper's call in (`redirect_to article_path(a)` is
/// `redirect_to __route_helper__(article_path(a))`): a local URL, its parameters escaped as path segments or query,
/// so clean for redirects.
pub const ROUTE_HELPER: &str = "__route_helper__";

const fn input(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Input }
}

const fn credential(pattern: &'static str) -> Source {
    Source { pattern, label: Label::Credential }
}

const fn sink(kind: Kind, pattern: &'static str, args: Args) -> Sink {
    Sink { kind, pattern, args, when: None }
}

const fn sink_when(kind: Kind, pattern: &'static str, args: Args, when: fn(&CallSite) -> bool) -> Sink {
    Sink { kind, pattern, args, when: Some(when) }
}

const fn clean(pattern: &'static str, kinds: u32) -> Sanitizer {
    Sanitizer { pattern, kinds }
}

/// The SQL text argument: ActiveRecord methods take it first (`where("a = ?", x)` only has the string as sink).
const fn sql(pattern: &'static str) -> Sink {
    sink_when(Kind::Sql, pattern, Args::First, sql_text)
}

/// The first argument is SQL text: not a hash of conditions (`where(name: x)`, `where({name: x})`) and not an
/// array whose first element is constant SQL with placeholders (`where(["name = ?", x])`).
fn sql_text(site: &CallSite) -> bool {
    match site.arg(0, "").map(|a| &a.value.kind) {
        Some(ExprKind::Dict(_)) => false,
        Some(ExprKind::List(items)) => !items.first().is_some_and(|i| matches!(i.kind, ExprKind::Str(_))),
        _ => true,
    }
}

/// A command run through a shell: one string argument (`system("ls #{x}")`); `system("ls", x)` runs no shell.
/// A leading environment hash (`system({"A" => "1"}, cmd)`) does not count.
fn one_command_string(site: &CallSite) -> bool {
    let positional: Vec<_> = site
        .args
        .iter()
        .filter(|a| a.name.is_none() && !a.spread && !matches!(a.value.kind, ExprKind::Lambda(_)))
        .collect();
    let without_env: Vec<_> = positional.iter().skip_while(|a| matches!(a.value.kind, ExprKind::Dict(_))).collect();
    match without_env.as_slice() {
        [one] => !matches!(one.value.kind, ExprKind::List(_)),
        // `system(*cmd)`, `exec(cmd, *args)`: unknown, treat as a shell string only when the splat is absent.
        _ => false,
    }
}

/// `IO.popen(cmd)` with a string (an array runs no shell).
/// `open(name)`, `IO.read(name)` run a command when the name starts with `|`: not when it starts with a literal
/// path (`"/tmp/#{name}"`).
fn may_start_with_pipe(site: &CallSite) -> bool {
    fn leftmost(e: &crate::ir::Expr) -> Option<&str> {
        match &e.kind {
            ExprKind::Str(s) => Some(s),
            ExprKind::Concat(parts) => parts.first().and_then(leftmost),
            ExprKind::Binary { op, left, .. } if op == "+" => leftmost(left),
            _ => None,
        }
    }
    let prefix = site.arg(0, "").and_then(|a| leftmost(&a.value));
    !prefix.is_some_and(|p| !p.is_empty() && !p.starts_with('|'))
}

fn not_an_array(site: &CallSite) -> bool {
    site.arg(0, "").is_some_and(|a| !matches!(a.value.kind, ExprKind::List(_)))
}

/// A Mongo query with a `$where` clause (JavaScript evaluated by the server).
fn has_where_clause(site: &CallSite) -> bool {
    site.has_keyword("$where")
        || site.args.iter().any(|a| match &a.value.kind {
            ExprKind::Dict(entries) => {
                entries.iter().any(|(k, _)| k.as_ref().and_then(|k| k.as_str()) == Some("$where"))
            }
            _ => false,
        })
}

/// A Mongo-style filter document on a collection variable (`orders.find(owner: x)`, `users.find(JSON.parse(b))`):
/// ActiveRecord's `find` takes ids, never a hash, and model classes (`User.find`) and association chains
/// (`user.orders.find(id)`) are left alone.
fn mongo_filter(site: &CallSite) -> bool {
    let receiver = site.callee.rsplit_once('.').map_or("", |(r, _)| r);
    let plain_variable = !receiver.contains("()")
        && !receiver.contains('.')
        && receiver.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        || receiver.ends_with("[]")
        || receiver.starts_with("self.");
    let filter = site.args.iter().any(|a| a.name.is_some())
        || site.arg(0, "").is_some_and(|a| match &a.value.kind {
            ExprKind::Dict(_) => true,
            ExprKind::Call { callee, .. } => {
                callee.dotted().is_some_and(|d| matches!(d.as_str(), "JSON.parse" | "Oj.load" | "MultiJson.load"))
            }
            _ => false,
        });
    plain_variable && filter
}

/// Nokogiri/LibXML parse options that load external entities or DTDs (`NOENT`, `DTDLOAD`, `noent`).
pub fn expands_entities(site: &CallSite) -> bool {
    fn mentions(e: &crate::ir::Expr) -> bool {
        let hit = |s: &str| {
            let u = s.to_ascii_uppercase();
            u.contains("NOENT") || u.contains("DTDLOAD") || u.contains("DTDATTR")
        };
        match &e.kind {
            ExprKind::Name(n) => hit(n),
            ExprKind::Attr { name, obj } => hit(name) || mentions(obj),
            ExprKind::Str(s) => hit(s),
            _ => e.children().into_iter().any(mentions),
        }
    }
    site.args.iter().any(|a| mentions(&a.value))
        || site
            .consts
            .iter()
            .flatten()
            .any(|c| matches!(c, Const::Num(n) if (*n as i64) & 2 != 0 && site.positional() >= 4))
}

/// `Oj.load(x)` in its default (object) mode, or `mode: :object`; `mode: :strict|:compat|:json|:null` are safe.
fn oj_object_mode(site: &CallSite) -> bool {
    match site.keyword("mode").and_then(Const::as_str) {
        Some(m) => m == "object" || m == "custom",
        None => !site.has_keyword("mode"),
    }
}

/// `JSON.parse(x, create_additions: true)`.
fn json_additions(site: &CallSite) -> bool {
    site.keyword("create_additions").is_some_and(Const::truthy)
}

/// `Ox.load(x, mode: :object)`.
fn ox_object_mode(site: &CallSite) -> bool {
    site.keyword("mode").and_then(Const::as_str) == Some("object")
}

/// `User.exists?("name = '#{n}'")`: SQL text built in place (a plain value, `exists?(params[:id])`, is looked up
/// as a primary key); never `File.exists?(path)` / `Dir.exists?`.
fn model_exists(site: &CallSite) -> bool {
    !["File.", "Dir.", "FileTest.", "Pathname"].iter().any(|p| site.callee.starts_with(p))
        && sql_text(site)
        && site
            .arg(0, "")
            .is_some_and(|a| matches!(a.value.kind, ExprKind::Concat(_) | ExprKind::Binary { .. } | ExprKind::List(_)))
}

/// `obj.send(name, …)` picks a method; `socket.send(data, flags)` writes to a socket.
fn not_a_socket(site: &CallSite) -> bool {
    let receiver = site.callee.rsplit_once('.').map_or("", |(r, _)| r).to_ascii_lowercase();
    !["socket", "sock", "udp", "tcp", "ssl", "conn"].iter().any(|w| receiver.contains(w))
}

/// `redirect_to article_path(@article)`, `redirect_to url_for(…)`, `redirect_to @article`: Rails route helpers and
/// records build local URLs; a target
/// that starts with a fixed local path or a fixed host (`"/search?q=#{q}"`, `"https://example.com/#{p}"`) cannot
/// leave the site.
fn not_route_helper(site: &CallSite) -> bool {
    !site.arg(0, "").is_some_and(|a| match &a.value.kind {
        ExprKind::Call { callee, args, .. } => match &callee.kind {
            ExprKind::Name(n) => {
                (n.ends_with("_path") || n.ends_with("_url") || n == "url_for" || n == ROUTE_HELPER)
                    && !args.iter().any(moves_host)
            }
            ExprKind::Attr { name, .. } => own_url_with_options(name, args),
            _ => false,
        },
        ExprKind::Name(n) => n.ends_with("_path") || n.ends_with("_url"),
        ExprKind::Concat(parts) => parts.first().and_then(|p| p.as_str()).is_some_and(fixed_target),
        // `redirect_to @article`: a record's own URL.
        ExprKind::Attr { obj, name } => {
            site.method() == "redirect_to"
                && matches!(&obj.kind, ExprKind::Name(n) if n == "self")
                && !["url", "uri", "path", "location", "target", "return", "redirect", "next", "back"]
                    .iter()
                    .any(|w| name.contains(w))
        }
        _ => false,
    })
}

/// `link_to "Home", params[:url]`: the URL (a `javascript:` URL runs script), unless a route helper.
fn not_route_helper_second(site: &CallSite) -> bool {
    !site.arg(1, "").is_some_and(|a| match &a.value.kind {
        ExprKind::Call { callee, args, .. } => {
            matches!(&callee.kind, ExprKind::Name(n)
            if n.ends_with("_path") || n.ends_with("_url") || n == "url_for" || n == ROUTE_HELPER)
                && !args.iter().any(moves_host)
        }
        ExprKind::Concat(parts) => parts.first().and_then(|p| p.as_str()).is_some_and(fixed_target),
        _ => false,
    })
}

/// `blob.url(disposition: params[:d])`, `record.avatar_url(expires_in: 5.minutes)`: an object's own URL, the
/// options only deciding its query or expiry (not `host:`/`domain:`/`protocol:`/`port:`, which move it).
fn own_url_with_options(method: &str, args: &[crate::ir::Arg]) -> bool {
    (method == "url" || method.ends_with("_url") || method.ends_with("_path"))
        && !args.is_empty()
        && args.iter().all(|a| a.name.is_some() && !moves_host(a))
}

/// `host: params[:h]`, `domain:`, `only_path: false`: an option that moves a URL off the site.
fn moves_host(a: &crate::ir::Arg) -> bool {
    a.name.as_deref().is_some_and(|n| {
        matches!(n, "host" | "domain" | "subdomain" | "protocol" | "port" | "only_path" | "url" | "location")
    })
}

fn fixed_target(prefix: &str) -> bool {
    if let Some(rest) = prefix.strip_prefix('/') {
        return !rest.starts_with(['/', '\\']);
    }
    ["https://", "http://"].iter().any(|scheme| prefix.strip_prefix(scheme).is_some_and(|rest| rest.contains('/')))
}

/// `render file: x`, `render inline: x` and friends are matched by keyword; a positional first argument that is
/// not a literal is a template path (`render params[:page]`).
fn render_positional(site: &CallSite) -> bool {
    // `render @articles` renders model partials: not a path.
    site.arg(0, "")
        .is_some_and(|a| matches!(a.value.kind, ExprKind::Concat(_) | ExprKind::Index { .. } | ExprKind::Name(_)))
}

pub static TABLES: Tables = Tables {
    sources: &[
        // Rails / Sinatra / Rack request data.
        input("params"),
        input("cookies"),
        input("request.params"),
        input("request.parameters"),
        input("request.query_parameters"),
        input("request.request_parameters"),
        input("request.path_parameters"),
        input("request.GET"),
        input("request.POST"),
        input("request.body"),
        input("request.raw_post"),
        input("request.headers"),
        input("request.cookies"),
        input("request.env"),
        input("request.query_string"),
        input("request.url"),
        input("request.original_url"),
        input("request.fullpath"),
        input("request.original_fullpath"),
        input("request.path"),
        input("request.path_info"),
        input("request.referer"),
        input("request.referrer"),
        input("request.user_agent"),
        input("request.host"),
        input("request.authorization"),
        input("request.content_type"),
        input("request.form_data"),
        input("request.get_header"),
        input("Rack.Request.params"),
        input("Rack.Request.body"),
        input("Rack.Request.GET"),
        input("Rack.Request.POST"),
        input("Rack.Request.cookies"),
        input("Rack.Request.url"),
        input("Rack.Request.path"),
        input("Rack.Request.query_string"),
        input("ActionDispatch.Request.params"),
        input("Sinatra.Request.params"),
        // SQS/SNS/Kinesis messages fetched by the function itself.
        input("**.receive_message"),
        // AWS credentials read from an SDK object.
        credential("**.secret_access_key"),
        credential("**.session_token"),
        credential("**.credentials.secret_access_key"),
        credential("**.get_secret_value.secret_string"),
    ],
    sinks: &[
        // ---- SQL: ActiveRecord (only the SQL text, the first argument).
        sql("**.where"),
        sql("**.where.not"),
        sql("**.rewhere"),
        sql("**.find_by_sql"),
        sql("**.count_by_sql"),
        sql("**.order"),
        sql("**.reorder"),
        sql("**.pluck"),
        sql("**.joins"),
        sql("**.left_joins"),
        sql("**.left_outer_joins"),
        sql("**.select"),
        sql("**.reselect"),
        sql("**.group"),
        sql("**.having"),
        sql("**.lock"),
        sink_when(Kind::Sql, "**.exists?", Args::First, model_exists),
        sql("**.find_by"),
        sql("**.find_or_create_by"),
        sql("**.update_all"),
        sql("**.delete_all"),
        sql("**.destroy_by"),
        sql("**.delete_by"),
        sql("**.destroy_all"),
        sql("**.execute"),
        sql("**.exec_query"),
        sql("**.exec_update"),
        sql("**.exec_delete"),
        sql("**.exec_insert"),
        sql("**.select_all"),
        sql("**.select_one"),
        sql("**.select_value"),
        sql("**.select_values"),
        sql("**.select_rows"),
        sql("**.insert_sql"),
        sql("**.update_sql"),
        sql("**.delete_sql"),
        sql("Arel.sql"),
        // pg, mysql2, sqlite3, Sequel.
        sql("PG.Connection.exec"),
        sql("PG.Connection.async_exec"),
        sql("PG.Connection.exec_params"),
        sql("PG.Connection.query"),
        sql("PG.Connection.prepare"),
        sql("PG.connect.exec"),
        sql("PG.connect.async_exec"),
        sql("PG.connect.exec_params"),
        sql("PG.connect.query"),
        sql("PG.connect.prepare"),
        sql("**.conn.exec"),
        sql("**.connection.exec"),
        sql("**.db.exec"),
        sql("**.DB.exec"),
        sql("**.CONN.exec"),
        sql("**.pg.exec"),
        sql("**.async_exec"),
        sql("**.exec_params"),
        sql("**.query"),
        sql("**.execute_batch"),
        sink(Kind::Sql, "**.start_query_execution", Args::At(99, "query_string")),
        sink(Kind::Sql, "**.execute_statement", Args::At(99, "sql")),
        sink(Kind::Sql, "**.batch_execute_statement", Args::At(99, "sql")),
        sql("**.db.prepare"),
        sql("**.conn.prepare"),
        sql("**.connection.prepare"),
        sql("**.client.prepare"),
        sql("SQLite3.Database.prepare"),
        sql("Mysql2.Client.prepare"),
        sql("Sequel.connect.fetch"),
        sql("Sequel.connect.run"),
        sql("**.db.fetch"),
        sql("**.db.run"),
        sql("**.DB.fetch"),
        sql("**.DB.run"),
        sql("**.execute2"),
        sql("**.get_first_row"),
        sql("**.get_first_value"),
        sql("Sequel.lit"),
        // ---- NoSQL: Mongo `$where`, whole query objects from input, DynamoDB expressions.
        sink_when(Kind::NoSql, "**.find", Args::Any, has_where_clause),
        sink_when(Kind::NoSql, "**.where", Args::Any, has_where_clause),
        sink_when(Kind::NoSql, "**.find_one", Args::Any, has_where_clause),
        sink_when(Kind::NoSql, "**.count_documents", Args::Any, has_where_clause),
        sink_when(Kind::NoSql, "**.aggregate", Args::Any, has_where_clause),
        sink_when(Kind::NoSql, "**.find", Args::Any, mongo_filter),
        sink_when(Kind::NoSql, "**.find_one", Args::Any, mongo_filter),
        sink_when(Kind::NoSql, "**.find_one_and_update", Args::Any, mongo_filter),
        sink_when(Kind::NoSql, "**.find_one_and_delete", Args::Any, mongo_filter),
        sink_when(Kind::NoSql, "**.delete_one", Args::Any, mongo_filter),
        sink_when(Kind::NoSql, "**.delete_many", Args::Any, mongo_filter),
        sink_when(Kind::NoSql, "**.update_one", Args::First, mongo_filter),
        sink_when(Kind::NoSql, "**.update_many", Args::First, mongo_filter),
        sink_when(Kind::NoSql, "**.count_documents", Args::Any, mongo_filter),
        sink(Kind::NoSql, "Mongo.Client[].find", Args::First),
        sink(Kind::NoSql, "Mongo.Client[].find_one_and_update", Args::First),
        sink(Kind::NoSql, "Mongo.Client[].find_one_and_delete", Args::First),
        sink(Kind::NoSql, "Mongo.Client[].delete_one", Args::First),
        sink(Kind::NoSql, "Mongo.Client[].delete_many", Args::First),
        sink(Kind::NoSql, "Mongo.Client[].update_one", Args::First),
        sink(Kind::NoSql, "Mongo.Client[].update_many", Args::First),
        sink(Kind::NoSql, "Mongo.Client[].aggregate", Args::First),
        sink(Kind::NoSql, "Mongo.Client[].count_documents", Args::First),
        sink(Kind::NoSql, "**.query", Args::At(99, "key_condition_expression")),
        sink(Kind::NoSql, "**.query", Args::At(99, "filter_expression")),
        sink(Kind::NoSql, "**.query", Args::At(99, "projection_expression")),
        sink(Kind::NoSql, "**.scan", Args::At(99, "filter_expression")),
        sink(Kind::NoSql, "**.scan", Args::At(99, "projection_expression")),
        sink(Kind::NoSql, "**.update_item", Args::At(99, "update_expression")),
        sink(Kind::NoSql, "**.update_item", Args::At(99, "condition_expression")),
        sink(Kind::NoSql, "**.delete_item", Args::At(99, "condition_expression")),
        sink(Kind::NoSql, "**.put_item", Args::At(99, "condition_expression")),
        sink(Kind::NoSql, "**.execute_statement", Args::At(99, "statement")),
        sink(Kind::NoSql, "**.batch_execute_statement", Args::At(99, "statements")),
        // ---- OS commands.
        sink(Kind::Command, "`", Args::Any),
        sink_when(Kind::Command, "system", Args::Any, one_command_string),
        sink_when(Kind::Command, "Kernel.system", Args::Any, one_command_string),
        sink_when(Kind::Command, "exec", Args::Any, one_command_string),
        sink_when(Kind::Command, "Kernel.exec", Args::Any, one_command_string),
        sink_when(Kind::Command, "spawn", Args::Any, one_command_string),
        sink_when(Kind::Command, "Kernel.spawn", Args::Any, one_command_string),
        sink_when(Kind::Command, "Process.spawn", Args::Any, one_command_string),
        sink_when(Kind::Command, "Process.exec", Args::Any, one_command_string),
        sink_when(Kind::Command, "PTY.spawn", Args::Any, one_command_string),
        sink_when(Kind::Command, "Open3.capture2", Args::Any, one_command_string),
        sink_when(Kind::Command, "Open3.capture2e", Args::Any, one_command_string),
        sink_when(Kind::Command, "Open3.capture3", Args::Any, one_command_string),
        sink_when(Kind::Command, "Open3.popen2", Args::Any, one_command_string),
        sink_when(Kind::Command, "Open3.popen2e", Args::Any, one_command_string),
        sink_when(Kind::Command, "Open3.popen3", Args::Any, one_command_string),
        sink(Kind::Command, "Open3.pipeline", Args::Any),
        sink(Kind::Command, "Open3.pipeline_r", Args::Any),
        sink(Kind::Command, "Open3.pipeline_w", Args::Any),
        sink(Kind::Command, "Open3.pipeline_rw", Args::Any),
        sink_when(Kind::Command, "IO.popen", Args::First, not_an_array),
        sink_when(Kind::Command, "open", Args::First, may_start_with_pipe),
        sink_when(Kind::Command, "Kernel.open", Args::First, may_start_with_pipe),
        sink_when(Kind::Command, "IO.read", Args::First, may_start_with_pipe),
        sink_when(Kind::Command, "IO.readlines", Args::First, may_start_with_pipe),
        sink_when(Kind::Command, "IO.foreach", Args::First, may_start_with_pipe),
        sink_when(Kind::Command, "IO.write", Args::First, may_start_with_pipe),
        sink(Kind::Command, "Shell.new.system", Args::Any),
        sink(Kind::Command, "**.exec!", Args::First),
        sink(Kind::Command, "Net.SSH.start.exec!", Args::Any),
        // ---- Code: eval and reflection on input.
        sink(Kind::Code, "eval", Args::First),
        sink(Kind::Code, "Kernel.eval", Args::First),
        sink(Kind::Code, "**.eval", Args::First),
        sink(Kind::Code, "instance_eval", Args::First),
        sink(Kind::Code, "**.instance_eval", Args::First),
        sink(Kind::Code, "class_eval", Args::First),
        sink(Kind::Code, "**.class_eval", Args::First),
        sink(Kind::Code, "module_eval", Args::First),
        sink(Kind::Code, "**.module_eval", Args::First),
        sink(Kind::Code, "instance_exec", Args::First),
        sink(Kind::Code, "send", Args::First),
        sink_when(Kind::Code, "**.send", Args::First, not_a_socket),
        sink(Kind::Code, "public_send", Args::First),
        sink(Kind::Code, "**.public_send", Args::First),
        sink(Kind::Code, "__send__", Args::First),
        sink(Kind::Code, "**.__send__", Args::First),
        sink(Kind::Code, "**.try", Args::First),
        sink(Kind::Code, "method", Args::First),
        sink(Kind::Code, "**.method", Args::First),
        sink(Kind::Code, "**.instance_method", Args::First),
        sink(Kind::Code, "**.constantize", Args::Receiver),
        sink(Kind::Code, "**.safe_constantize", Args::Receiver),
        sink(Kind::Code, "**.const_get", Args::First),
        sink(Kind::Code, "const_get", Args::First),
        sink(Kind::Code, "**.instance_variable_get", Args::First),
        sink(Kind::Code, "**.instance_variable_set", Args::First),
        sink(Kind::Code, "**.define_method", Args::First),
        sink(Kind::Code, "RubyVM.InstructionSequence.compile", Args::First),
        sink(Kind::Template, "ERB", Args::First),
        sink(Kind::Template, "Erubi.Engine", Args::First),
        sink(Kind::Template, "Liquid.Template.parse", Args::First),
        sink(Kind::Template, "Haml.Engine", Args::First),
        sink(Kind::Template, "Slim.Template", Args::First),
        sink(Kind::Template, "Tilt.ERBTemplate", Args::First),
        sink(Kind::Template, "erb", Args::First),
        sink(Kind::Template, "haml", Args::First),
        sink(Kind::Template, "slim", Args::First),
        // ---- Paths.
        sink(Kind::Path, "File.read", Args::First),
        sink(Kind::Path, "File.binread", Args::First),
        sink(Kind::Path, "File.readlines", Args::First),
        sink(Kind::Path, "File.foreach", Args::First),
        sink(Kind::Path, "File.open", Args::First),
        sink(Kind::Path, "File", Args::First),
        sink(Kind::Path, "File.write", Args::First),
        sink(Kind::Path, "File.binwrite", Args::First),
        sink(Kind::Path, "File.delete", Args::Any),
        sink(Kind::Path, "File.unlink", Args::Any),
        sink(Kind::Path, "File.rename", Args::Any),
        sink(Kind::Path, "File.symlink", Args::Any),
        sink(Kind::Path, "File.link", Args::Any),
        sink(Kind::Path, "File.truncate", Args::First),
        sink(Kind::Path, "File.chmod", Args::From(1)),
        sink(Kind::Path, "File.chown", Args::From(2)),
        sink(Kind::Path, "File.stat", Args::First),
        sink(Kind::Path, "File.size", Args::First),
        sink(Kind::Path, "IO.read", Args::First),
        sink(Kind::Path, "IO.binread", Args::First),
        sink(Kind::Path, "IO.readlines", Args::First),
        sink(Kind::Path, "IO.foreach", Args::First),
        sink(Kind::Path, "IO.write", Args::First),
        sink(Kind::Path, "IO.binwrite", Args::First),
        sink(Kind::Path, "IO.copy_stream", Args::Any),
        sink(Kind::Path, "open", Args::First),
        sink(Kind::Path, "Kernel.open", Args::First),
        sink(Kind::Path, "FileUtils.*", Args::Any),
        sink(Kind::Path, "Dir.glob", Args::First),
        sink(Kind::Path, "Dir.entries", Args::First),
        sink(Kind::Path, "Dir.children", Args::First),
        sink(Kind::Path, "Dir.each_child", Args::First),
        sink(Kind::Path, "Dir.foreach", Args::First),
        sink(Kind::Path, "Dir.mkdir", Args::First),
        sink(Kind::Path, "Dir.rmdir", Args::First),
        sink(Kind::Path, "Dir.delete", Args::First),
        sink(Kind::Path, "Dir.open", Args::First),
        sink(Kind::Path, "Dir.chdir", Args::First),
        sink(Kind::Path, "Pathname.read", Args::Receiver),
        sink(Kind::Path, "Pathname.write", Args::Receiver),
        sink(Kind::Path, "Pathname.open", Args::Receiver),
        sink(Kind::Path, "Pathname.delete", Args::Receiver),
        sink(Kind::Path, "Pathname.unlink", Args::Receiver),
        sink(Kind::Path, "YAML.load_file", Args::First),
        sink(Kind::Path, "YAML.safe_load_file", Args::First),
        sink(Kind::Path, "Psych.load_file", Args::First),
        sink(Kind::Path, "JSON.load_file", Args::First),
        sink(Kind::Path, "CSV.read", Args::First),
        sink(Kind::Path, "CSV.foreach", Args::First),
        sink(Kind::Path, "CSV.open", Args::First),
        sink(Kind::Path, "Zip.File.open", Args::First),
        sink(Kind::Path, "send_file", Args::First),
        sink(Kind::Path, "render", Args::At(99, "file")),
        sink(Kind::Path, "render", Args::At(99, "template")),
        sink(Kind::Path, "render", Args::At(99, "partial")),
        sink_when(Kind::Path, "render", Args::First, render_positional),
        sink(Kind::Path, "load", Args::First),
        sink(Kind::Path, "require", Args::First),
        sink(Kind::Path, "require_relative", Args::First),
        sink(Kind::Path, "**.get_object", Args::At(99, "response_target")),
        sink(Kind::Path, "**.download_file", Args::First),
        sink(Kind::Path, "**.upload_file", Args::First),
        // ---- SSRF.
        sink(Kind::Ssrf, "Net.HTTP.get", Args::First),
        sink(Kind::Ssrf, "Net.HTTP.get_response", Args::First),
        sink(Kind::Ssrf, "Net.HTTP.get_print", Args::First),
        sink(Kind::Ssrf, "Net.HTTP.post", Args::First),
        sink(Kind::Ssrf, "Net.HTTP.post_form", Args::First),
        sink(Kind::Ssrf, "Net.HTTP.put", Args::First),
        sink(Kind::Ssrf, "Net.HTTP.start", Args::First),
        sink(Kind::Ssrf, "Net.HTTP", Args::First),
        sink(Kind::Ssrf, "Net.HTTP.new", Args::First),
        sink(Kind::Ssrf, "URI.open", Args::First),
        sink(Kind::Ssrf, "URI.open", Args::Receiver),
        sink(Kind::Ssrf, "URI.parse.open", Args::Receiver),
        sink(Kind::Ssrf, "URI.parse.read", Args::Receiver),
        sink(Kind::Ssrf, "URI.read", Args::Receiver),
        sink(Kind::Ssrf, "OpenURI.open_uri", Args::First),
        sink(Kind::Ssrf, "HTTParty.*", Args::First),
        sink(Kind::Ssrf, "Faraday.get", Args::First),
        sink(Kind::Ssrf, "Faraday.post", Args::First),
        sink(Kind::Ssrf, "Faraday.put", Args::First),
        sink(Kind::Ssrf, "Faraday.delete", Args::First),
        sink(Kind::Ssrf, "Faraday.head", Args::First),
        sink(Kind::Ssrf, "Faraday.new", Args::At(0, "url")),
        sink(Kind::Ssrf, "Faraday", Args::At(0, "url")),
        sink(Kind::Ssrf, "Faraday.Connection", Args::At(0, "url")),
        sink(Kind::Ssrf, "Faraday.new.get", Args::First),
        sink(Kind::Ssrf, "Faraday.new.post", Args::First),
        sink(Kind::Ssrf, "Faraday.Connection.get", Args::First),
        sink(Kind::Ssrf, "RestClient.*", Args::First),
        sink(Kind::Ssrf, "RestClient.Request.execute", Args::At(0, "url")),
        sink(Kind::Ssrf, "RestClient.Resource", Args::First),
        sink(Kind::Ssrf, "Excon.*", Args::First),
        sink(Kind::Ssrf, "Excon.new", Args::First),
        sink(Kind::Ssrf, "Excon", Args::First),
        sink(Kind::Ssrf, "Typhoeus.*", Args::First),
        sink(Kind::Ssrf, "Typhoeus.Request", Args::First),
        sink(Kind::Ssrf, "HTTP.get", Args::First),
        sink(Kind::Ssrf, "HTTP.post", Args::First),
        sink(Kind::Ssrf, "HTTP.put", Args::First),
        sink(Kind::Ssrf, "HTTP.delete", Args::First),
        sink(Kind::Ssrf, "HTTP.request", Args::At(1, "")),
        sink(Kind::Ssrf, "HTTPClient.get", Args::First),
        sink(Kind::Ssrf, "HTTPClient.post", Args::First),
        sink(Kind::Ssrf, "HTTPClient.get_content", Args::First),
        sink(Kind::Ssrf, "HTTPClient.new.get", Args::First),
        sink(Kind::Ssrf, "HTTPClient.new.get_content", Args::First),
        sink(Kind::Ssrf, "HTTPClient.request", Args::At(1, "")),
        sink(Kind::Ssrf, "Mechanize.get", Args::First),
        sink(Kind::Ssrf, "Mechanize.new.get", Args::First),
        sink(Kind::Ssrf, "TCPSocket", Args::First),
        sink(Kind::Ssrf, "TCPSocket.open", Args::First),
        sink(Kind::Ssrf, "Socket.tcp", Args::First),
        // ---- XML external entities.
        sink_when(Kind::Xxe, "Nokogiri.XML", Args::First, expands_entities),
        sink_when(Kind::Xxe, "Nokogiri.XML.Document.parse", Args::First, expands_entities),
        sink_when(Kind::Xxe, "Nokogiri.XML.parse", Args::First, expands_entities),
        sink_when(Kind::Xxe, "Nokogiri.XML.Reader", Args::First, expands_entities),
        sink_when(Kind::Xxe, "Nokogiri.XML.SAX.Parser.parse", Args::First, expands_entities),
        sink_when(Kind::Xxe, "LibXML.XML.Document.string", Args::First, expands_entities),
        sink_when(Kind::Xxe, "LibXML.XML.Parser.string", Args::First, expands_entities),
        sink_when(Kind::Xxe, "XML.Document.string", Args::First, expands_entities),
        sink_when(Kind::Xxe, "XML.Parser.string", Args::First, expands_entities),
        // ---- LDAP.
        sink(Kind::Ldap, "Net.LDAP.search", Args::At(99, "filter")),
        sink(Kind::Ldap, "**.search", Args::At(99, "filter")),
        sink(Kind::Ldap, "Net.LDAP.open.search", Args::At(99, "filter")),
        sink(Kind::Ldap, "Net.LDAP.bind_as", Args::At(99, "filter")),
        sink(Kind::Ldap, "**.bind_as", Args::At(99, "filter")),
        sink(Kind::Ldap, "LDAP.Conn.search", Args::At(2, "")),
        sink(Kind::Ldap, "LDAP.Conn.search2", Args::At(2, "")),
        // ---- XPath.
        sink(Kind::Xpath, "**.xpath", Args::First),
        sink(Kind::Xpath, "**.at_xpath", Args::First),
        sink(Kind::Xpath, "xpath", Args::First),
        sink(Kind::Xpath, "REXML.XPath.first", Args::At(1, "")),
        sink(Kind::Xpath, "REXML.XPath.match", Args::At(1, "")),
        sink(Kind::Xpath, "REXML.XPath.each", Args::At(1, "")),
        sink(Kind::Xpath, "**.elements.each", Args::First),
        sink(Kind::Xpath, "**.get_elements", Args::First),
        sink(Kind::Xpath, "**.find_first", Args::First),
        // ---- Deserialization.
        sink(Kind::Deserialization, "Marshal.load", Args::First),
        sink(Kind::Deserialization, "Marshal.restore", Args::First),
        sink(Kind::Deserialization, "YAML.load", Args::First),
        sink(Kind::Deserialization, "YAML.unsafe_load", Args::First),
        sink(Kind::Deserialization, "YAML.load_stream", Args::First),
        sink(Kind::Deserialization, "YAML.load_documents", Args::First),
        sink(Kind::Deserialization, "YAML.unsafe_load_file", Args::First),
        sink(Kind::Deserialization, "Psych.load", Args::First),
        sink(Kind::Deserialization, "Psych.unsafe_load", Args::First),
        sink(Kind::Deserialization, "Psych.load_stream", Args::First),
        sink(Kind::Deserialization, "Syck.load", Args::First),
        sink_when(Kind::Deserialization, "Oj.load", Args::First, oj_object_mode),
        sink(Kind::Deserialization, "Oj.object_load", Args::First),
        sink(Kind::Deserialization, "Oj.load_file", Args::First),
        sink(Kind::Deserialization, "JSON.load", Args::First),
        sink(Kind::Deserialization, "JSON.restore", Args::First),
        sink_when(Kind::Deserialization, "JSON.parse", Args::First, json_additions),
        sink_when(Kind::Deserialization, "Ox.load", Args::First, ox_object_mode),
        sink(Kind::Deserialization, "Ox.parse_obj", Args::First),
        sink(Kind::Deserialization, "MessagePack.unpack", Args::At(99, "ext_types")),
        // ---- XSS.
        sink(Kind::Xss, "**.html_safe", Args::Receiver),
        sink(Kind::Xss, "raw", Args::First),
        sink(Kind::Xss, "body", Args::First),
        sink(Kind::Xss, "halt", Args::Any),
        sink_when(Kind::Xss, "link_to", Args::At(1, ""), not_route_helper_second),
        sink(Kind::Xss, "render", Args::At(99, "inline")),
        sink(Kind::Xss, "render", Args::At(99, "html")),
        sink(Kind::Xss, "render", Args::At(99, "text")),
        sink(Kind::Xss, "render", Args::At(99, "body")),
        sink(Kind::Xss, "render_to_string", Args::At(99, "inline")),
        sink(Kind::Xss, "safe_concat", Args::First),
        sink(Kind::Xss, "**.safe_concat", Args::First),
        sink(Kind::Xss, "response.write", Args::First),
        sink(Kind::Xss, "response.body=", Args::First),
        sink(Kind::Xss, "Rack.Response", Args::First),
        sink(Kind::Xss, "Rack.Response.write", Args::First),
        sink(Kind::Xss, "**.response.write", Args::First),
        // ---- Open redirect.
        sink_when(Kind::Redirect, "redirect_to", Args::First, not_route_helper),
        sink(Kind::Redirect, "redirect_to", Args::At(99, "location")),
        sink_when(Kind::Redirect, "redirect", Args::First, not_route_helper),
        sink_when(Kind::Redirect, "redirect!", Args::First, not_route_helper),
        sink_when(Kind::Redirect, "**.redirect", Args::First, not_route_helper),
        sink_when(Kind::Redirect, "response.headers.[]=", Args::At(1, ""), sets_location),
        sink_when(Kind::Redirect, "headers.[]=", Args::At(1, ""), sets_location),
        sink_when(Kind::Redirect, "response.[]=", Args::At(1, ""), sets_location),
        sink_when(Kind::Redirect, "response.set_header", Args::At(1, ""), sets_location),
        sink(Kind::Redirect, "response.location=", Args::First),
        // ---- Response headers.
        sink_when(Kind::Header, "response.headers.[]=", Args::Any, sets_other_header),
        sink_when(Kind::Header, "headers.[]=", Args::Any, sets_other_header),
        sink_when(Kind::Header, "response.[]=", Args::Any, sets_other_header),
        sink_when(Kind::Header, "response.set_header", Args::Any, sets_other_header),
        sink(Kind::Header, "response.add_header", Args::Any),
        sink(Kind::Header, "headers", Args::Any),
        sink(Kind::Header, "response.headers.merge!", Args::Any),
        sink(Kind::Header, "response.headers.store", Args::Any),
        sink(Kind::Header, "response.content_type=", Args::First),
        sink(Kind::Header, "content_type", Args::First),
        sink(Kind::Header, "send_data", Args::At(99, "filename")),
        sink(Kind::Header, "send_file", Args::At(99, "filename")),
        sink(Kind::Header, "Rack.Utils.set_cookie_header!", Args::Any),
        // ---- Exception details sent back (the engine also checks Lambda responses).
        sink(Kind::StackTrace, "render", Args::Any),
        sink(Kind::StackTrace, "halt", Args::Any),
        sink(Kind::StackTrace, "body", Args::Any),
        sink(Kind::StackTrace, "json", Args::Any),
        sink(Kind::StackTrace, "response.write", Args::Any),
        sink(Kind::StackTrace, "response.body=", Args::Any),
        sink(Kind::StackTrace, "Rack.Response", Args::Any),
    ],
    sanitizers: &[
        clean("**.to_i", ALL_KINDS),
        clean("**.to_f", ALL_KINDS),
        clean("**.to_r", ALL_KINDS),
        clean("**.to_c", ALL_KINDS),
        clean("**.to_d", ALL_KINDS),
        clean("**.to_bool", ALL_KINDS),
        clean("**.to_boolean", ALL_KINDS),
        clean("**.zero?", ALL_KINDS),
        clean("**.nil?", ALL_KINDS),
        clean("**.empty?", ALL_KINDS),
        clean("**.present?", ALL_KINDS),
        clean("**.blank?", ALL_KINDS),
        clean("**.size", ALL_KINDS),
        clean("**.length", ALL_KINDS),
        clean("**.count", ALL_KINDS),
        clean("**.hash", ALL_KINDS),
        clean("**.id", ALL_KINDS),
        clean("Integer", ALL_KINDS),
        clean("Float", ALL_KINDS),
        clean("Rational", ALL_KINDS),
        clean("BigDecimal", ALL_KINDS),
        clean("Kernel.Integer", ALL_KINDS),
        clean("Kernel.Float", ALL_KINDS),
        clean("SecureRandom.*", ALL_KINDS),
        clean("Digest.SHA256.hexdigest", ALL_KINDS),
        clean("Digest.SHA256.digest", ALL_KINDS),
        clean("OpenSSL.HMAC.hexdigest", ALL_KINDS),
        // A digest in hex or Base64 is a fixed alphabet of fixed length, whatever was hashed (`Digest::SHA1.hexdigest`,
        // `ActiveSupport::Digest.hexdigest`, `OpenSSL::Digest.new(…).base64digest`).
        clean("**.hexdigest", ALL_KINDS),
        clean("**.base64digest", ALL_KINDS),
        // A MIME type looked up in a registry is the registry's (`Rack::Mime.mime_type(File.extname(path))`,
        // Sinatra's `mime_type(ext)` helper); Rails' `Mime::Type.lookup` returns a registered type or one that
        // matched `MIME_REGEXP`.
        clean("Rack.Mime.mime_type", ALL_KINDS),
        clean("mime_type", ALL_KINDS),
        clean("settings.mime_type", ALL_KINDS),
        clean("Base.mime_type", ALL_KINDS),
        clean("Sinatra.Base.mime_type", ALL_KINDS),
        clean("Mime.Type.lookup", ALL_KINDS),
        clean("Mime.Type.lookup_by_extension", ALL_KINDS),
        clean("MIME.Types.type_for", ALL_KINDS),
        clean("MiniMime.lookup_by_extension", ALL_KINDS),
        clean("MiniMime.lookup_by_filename", ALL_KINDS),
        // Rack's static file response (`Rack::Files#serving`): its headers are Rack's (a registry MIME type, a
        // length, dates, byte ranges) and its body is the file.
        clean("Rack.File.serving", ALL_KINDS),
        clean("Rack.Files.serving", ALL_KINDS),
        clean("**.bytesize", ALL_KINDS),
        // A logger is the program's object, whoever it was reached through (`request.logger`, `logger(request)`).
        clean("**.logger", ALL_KINDS),
        // Rails keeps only registered MIME types in `request.format(s)` (`Mime[:json]`), whatever the client sent.
        clean("**.request.format", ALL_KINDS),
        clean("**.request.formats", ALL_KINDS),
        clean("ActionDispatch.Request.format", ALL_KINDS),
        clean("ActionDispatch.Request.formats", ALL_KINDS),
        // Rails route helpers (`article_path(@a)`, `main_app.root_url`): the front end wraps them in this call. Only
        // for redirects, as `redirect_to` treats a route helper given to it directly: a helper of another file named
        // `*_url` may still build a URL to fetch or a string to print from its input.
        clean(ROUTE_HELPER, Kind::Redirect.bit()),
        clean("**.exists?", ALL_KINDS),
        clean("**.include?", ALL_KINDS),
        clean("**.match?", ALL_KINDS),
        clean("**.start_with?", ALL_KINDS),
        clean("**.end_with?", ALL_KINDS),
        // HTML escaping.
        clean("ERB.Util.html_escape", Kind::Xss.bit() | Kind::Log.bit()),
        clean("ERB.Util.h", Kind::Xss.bit() | Kind::Log.bit()),
        clean("html_escape", Kind::Xss.bit() | Kind::Log.bit()),
        clean("h", Kind::Xss.bit() | Kind::Log.bit()),
        clean("CGI.escapeHTML", Kind::Xss.bit() | Kind::Log.bit()),
        clean("CGI.escape_html", Kind::Xss.bit() | Kind::Log.bit()),
        clean("Rack.Utils.escape_html", Kind::Xss.bit() | Kind::Log.bit()),
        clean("escape_javascript", Kind::Xss.bit()),
        clean("j", Kind::Xss.bit()),
        clean("json_escape", Kind::Xss.bit()),
        clean("ERB.Util.json_escape", Kind::Xss.bit()),
        clean("sanitize", Kind::Xss.bit() | Kind::Log.bit()),
        clean("strip_tags", Kind::Xss.bit() | Kind::Log.bit()),
        clean("Rails.Html.SafeListSanitizer.new.sanitize", Kind::Xss.bit()),
        clean("Rails.Html.FullSanitizer.new.sanitize", Kind::Xss.bit()),
        clean("Loofah.fragment.scrub!", Kind::Xss.bit()),
        clean("Sanitize.fragment", Kind::Xss.bit()),
        clean("Sanitize.clean", Kind::Xss.bit()),
        // URL / shell / SQL / LDAP / path escaping.
        clean(
            "CGI.escape",
            Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit() | Kind::Command.bit() | Kind::Path.bit(),
        ),
        clean("ERB.Util.url_encode", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit() | Kind::Path.bit()),
        clean(
            "URI.encode_www_form_component",
            Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit() | Kind::Path.bit(),
        ),
        clean("URI.encode_www_form", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("URI.encode_uri_component", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit() | Kind::Path.bit()),
        clean("Rack.Utils.escape", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit() | Kind::Path.bit()),
        clean("Rack.Utils.escape_path", Kind::Xss.bit() | Kind::Header.bit() | Kind::Log.bit()),
        clean("Shellwords.escape", Kind::Command.bit()),
        clean("Shellwords.shellescape", Kind::Command.bit()),
        clean("Shellwords.join", Kind::Command.bit()),
        clean("Shellwords.shelljoin", Kind::Command.bit()),
        clean("ActiveRecord.Base.sanitize_sql", Kind::Sql.bit()),
        clean("ActiveRecord.Base.connection.quote", Kind::Sql.bit()),
        clean("Net.LDAP.Filter.escape", Kind::Ldap.bit()),
        clean("Net.LDAP.Filter.eq", Kind::Ldap.bit()),
        clean("Net.LDAP.Filter.equals", Kind::Ldap.bit()),
        clean("Net.LDAP.Filter.begins", Kind::Ldap.bit()),
        clean("Net.LDAP.Filter.contains", Kind::Ldap.bit()),
        clean("File.basename", Kind::Path.bit() | Kind::Command.bit()),
        clean("Regexp.escape", Kind::Regex.bit() | Kind::Xpath.bit()),
        clean("Regexp.quote", Kind::Regex.bit()),
        // Logs: `inspect` and JSON escape line breaks.
        clean("**.inspect", Kind::Log.bit()),
        clean("**.to_json", Kind::Log.bit() | Kind::Header.bit() | Kind::Xss.bit()),
        clean("JSON.generate", Kind::Log.bit() | Kind::Header.bit() | Kind::Xss.bit()),
        clean("JSON.dump", Kind::Log.bit() | Kind::Header.bit() | Kind::Xss.bit()),
        clean("JSON.pretty_generate", Kind::Log.bit() | Kind::Header.bit() | Kind::Xss.bit()),
        // Redirects: only the path of a URL.
        clean("URI.path", Kind::Redirect.bit() | Kind::Ssrf.bit()),
        clean("URI.parse.path", Kind::Redirect.bit()),
        clean("URI.parse.request_uri", Kind::Redirect.bit()),
        clean("url_for", Kind::Redirect.bit()),
        clean("**.quote", Kind::Sql.bit()),
        clean("**.quote_string", Kind::Sql.bit()),
        clean("**.escape_string", Kind::Sql.bit()),
        clean("**.escape", Kind::Sql.bit()),
        clean("**.escape_literal", Kind::Sql.bit()),
        clean("**.escape_identifier", Kind::Sql.bit()),
        clean("**.quote_ident", Kind::Sql.bit()),
        clean("**.quote_table_name", Kind::Sql.bit()),
        clean("**.quote_column_name", Kind::Sql.bit()),
        clean("**.sanitize_sql", Kind::Sql.bit()),
        clean("**.sanitize_sql_array", Kind::Sql.bit()),
        clean("**.sanitize_sql_for_conditions", Kind::Sql.bit()),
        clean("**.sanitize_sql_for_order", Kind::Sql.bit()),
        clean("**.basename", Kind::Path.bit()),
        clean("**.dump", Kind::Log.bit()),
        clean("**.shellescape", Kind::Command.bit()),
        clean("**.to_s", Kind::NoSql.bit()),
        clean("**.permit", Kind::Sql.bit() | Kind::NoSql.bit()),
        // `order(params[:sort].to_sym)`: ActiveRecord quotes a symbol as a column name.
        clean("**.to_sym", Kind::Sql.bit()),
    ],
    params: ParamSources {
        types: &[],
        annotations: &[],
        route_decorators: &[
            "get",
            "post",
            "put",
            "patch",
            "delete",
            "options",
            "head",
            "link",
            "unlink",
            "r.on",
            "r.is",
            "r.get",
            "r.post",
            "r.put",
            "r.patch",
            "r.delete",
            "rack.call",
            "route",
        ],
        request_names: &[],
    },
    log_calls: &[
        "puts",
        "print",
        "p",
        "pp",
        "warn",
        "printf",
        "Kernel.puts",
        "Kernel.print",
        "Kernel.p",
        "$stdout.puts",
        "$stdout.print",
        "$stdout.write",
        "$stderr.puts",
        "$stderr.print",
        "$stderr.write",
        "STDOUT.puts",
        "STDOUT.print",
        "STDOUT.write",
        "STDERR.puts",
        "STDERR.print",
        "STDERR.write",
        "**.logger.debug",
        "**.logger.info",
        "**.logger.warn",
        "**.logger.error",
        "**.logger.fatal",
        "**.logger.unknown",
        "**.logger.add",
        "**.logger.log",
        "**.logger.tagged",
        "**.LOGGER.debug",
        "**.LOGGER.info",
        "**.LOGGER.warn",
        "**.LOGGER.error",
        "**.LOGGER.fatal",
        "**.log.debug",
        "**.log.info",
        "**.log.warn",
        "**.log.error",
        "**.log.fatal",
        "Logger.debug",
        "Logger.info",
        "Logger.warn",
        "Logger.error",
        "Logger.fatal",
        "Logger.unknown",
        "Logger.add",
        "Logger.log",
        "Syslog.log",
        "Syslog.info",
        "Syslog.err",
        "Syslog.warning",
        "SemanticLogger.*.info",
        "SemanticLogger.*.error",
        "SemanticLogger.*.warn",
        "SemanticLogger.*.debug",
        "Ougai.Logger.info",
        "Ougai.Logger.error",
    ],
};
