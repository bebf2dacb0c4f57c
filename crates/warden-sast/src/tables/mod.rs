//! Sources, sinks and sanitizers, one table per language family, shared by every detector of that language.
//!
//! Callee patterns are matched against the *canonical name* of a call the engine computes: imports resolved
//! (`sp.call` with `import subprocess as sp` → `subprocess.call`), a receiver with a known type replaced by the
//! type's simple name (`stmt.executeQuery` with `Statement stmt` → `Statement.executeQuery`), a call in a chain
//! written `()` (`Runtime.getRuntime().exec`). A pattern is dotted segments; `*` as a segment matches any one
//! segment, a leading `**.` any prefix, the empty one included (`**.execute` matches `execute`, `cursor.execute` and
//! `a.b().execute`).

mod csharp;
mod java;
mod javascript;
mod python;
mod ruby;

use crate::ir::{Expr, ExprKind};
use crate::lang::Lang;

/// What kind of flaw a sink is for. Sanitizers clean a value for a set of kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Kind {
    Sql,
    NoSql,
    Command,
    Code,
    Path,
    Ssrf,
    Xxe,
    Ldap,
    Xpath,
    Log,
    Deserialization,
    Xss,
    Redirect,
    Header,
    /// Exception details reaching a response (fires on [`Label::Exception`]).
    StackTrace,
    /// Credentials written to logs (fires on [`Label::Credential`]).
    LoggedCredential,
    /// A template or format string built from input (`render_template_string`, `ejs.render`).
    Template,
    /// Input used as a regular expression.
    Regex,
}

impl Kind {
    pub const fn bit(self) -> u32 {
        1 << (self as u8)
    }

    /// The label a value must carry for this sink to fire.
    pub const fn label(self) -> Label {
        match self {
            Kind::StackTrace => Label::Exception,
            Kind::LoggedCredential => Label::Credential,
            _ => Label::Input,
        }
    }
}

/// A set of kinds as a bit mask.
pub type Kinds = u32;

pub const ALL_KINDS: Kinds = u32::MAX;

/// What a tainted value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// Attacker-controlled: the handler's event, a web request, a queue message.
    Input,
    /// An exception, its message or stack trace.
    Exception,
    /// A secret: AWS credentials from the environment or a session, a password read from configuration.
    Credential,
}

/// A call (or attribute read, or parameter) whose value is tainted.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    pub pattern: &'static str,
    pub label: Label,
}

/// Which arguments of a sink call must not be tainted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Args {
    /// Any argument (and the receiver is not checked).
    Any,
    /// The argument at this position, or named so (keyword arguments), whichever is given.
    At(usize, &'static str),
    /// The first argument only.
    First,
    /// Any argument from this position on.
    From(usize),
    /// The receiver object (`tainted.save()`, `tainted_string.constantize`).
    Receiver,
}

/// A dangerous call: `pattern` with a tainted value in `args` is a `kind` flaw, when `when` holds.
#[derive(Debug, Clone, Copy)]
pub struct Sink {
    pub kind: Kind,
    pub pattern: &'static str,
    pub args: Args,
    /// Extra condition on the call (`shell=True`); `None` means always.
    pub when: Option<fn(&crate::rules::CallSite) -> bool>,
}

/// A call whose result is clean of the given kinds (for `Args::Any` of its inputs): `int()`, `shlex.quote()`,
/// `os.path.basename()`. A sanitizer with kinds [`ALL_KINDS`] returns a value that carries no taint at all.
#[derive(Debug, Clone, Copy)]
pub struct Sanitizer {
    pub pattern: &'static str,
    pub kinds: Kinds,
}

/// Parameters that are sources by how they are declared: web-framework handlers and Lambda event types.
#[derive(Debug, Clone, Copy)]
pub struct ParamSources {
    /// Parameter types whose values come from the caller (`HttpServletRequest`, `APIGatewayProxyRequestEvent`).
    /// Matched against the type's simple name with generic arguments removed.
    pub types: &'static [&'static str],
    /// Parameter annotations or attributes marking request data (`RequestParam`, `FromBody`).
    pub annotations: &'static [&'static str],
    /// Decorators/annotations on a function that make all its parameters (but `self`, `this`, typed framework
    /// plumbing) request data (`app.route`, `router.get`, `GetMapping`): dotted patterns.
    pub route_decorators: &'static [&'static str],
    /// Parameter names that hold a request object in web handlers by convention (`req`, `request`).
    pub request_names: &'static [&'static str],
}

/// Everything the engine knows about one language family.
#[derive(Debug, Clone, Copy)]
pub struct Tables {
    pub sources: &'static [Source],
    pub sinks: &'static [Sink],
    pub sanitizers: &'static [Sanitizer],
    pub params: ParamSources,
    /// Calls that write to logs (for log injection, credential and event logging).
    pub log_calls: &'static [&'static str],
}

impl Tables {
    pub fn of(lang: Lang) -> &'static Tables {
        match lang.family() {
            Lang::Python => &python::TABLES,
            Lang::Java => &java::TABLES,
            Lang::CSharp => &csharp::TABLES,
            Lang::Ruby => &ruby::TABLES,
            _ => &javascript::TABLES,
        }
    }
}

/// A call or store that names the `Location` header first (`res.setHeader("Location", url)`, Ruby's
/// `headers["Location"] = url`, Python's `response["Location"] = url`, which their front ends lower to a call of
/// `<container>.[]=` with the key and the value): the value is a redirect.
pub fn sets_location(site: &crate::rules::CallSite) -> bool {
    site.str_arg(0, "").is_some_and(|k| k.eq_ignore_ascii_case("location"))
}

/// The same for any header but `Location` (header injection).
pub fn sets_other_header(site: &crate::rules::CallSite) -> bool {
    !sets_location(site)
}

/// Whether a canonical dotted name matches a pattern (see the module documentation). Allocation-free: it runs for
/// every candidate of every call.
pub fn matches(pattern: &str, name: &str) -> bool {
    if let Some(rest) = pattern.strip_prefix("**.") {
        // Any prefix: the pattern's segments against the name's last ones.
        let mut names = name.rsplit('.');
        return rest.rsplit('.').all(|p| names.next().is_some_and(|n| segment_matches(p, n)));
    }
    let mut names = name.split('.');
    pattern.split('.').all(|p| names.next().is_some_and(|n| segment_matches(p, n))) && names.next().is_none()
}

fn segment_matches(p: &str, n: &str) -> bool {
    p == "*" || p == n || strip_call(n) == p
}

/// `client()` and `client` are the same segment for matching unless the pattern insists on `()`.
fn strip_call(segment: &str) -> &str {
    segment.strip_suffix("()").unwrap_or(segment)
}

const SQL_WORDS: &[&str] = &[
    "select ", "insert ", "update ", "delete ", " where ", " from ", "drop ", "create ", "alter ", " values", " set ",
    "exec ",
];

/// Whether a string reads like SQL.
pub(crate) fn reads_like_sql(s: &str) -> bool {
    let l = format!(" {} ", s.to_ascii_lowercase());
    SQL_WORDS.iter().any(|w| l.contains(w))
}

/// Whether an expression has a string part that reads like SQL.
pub(crate) fn sqlish(e: &Expr, depth: u32) -> bool {
    if depth > 6 {
        return false;
    }
    match &e.kind {
        ExprKind::Str(s) => reads_like_sql(s),
        ExprKind::Concat(parts) | ExprKind::List(parts) | ExprKind::Other(parts) => {
            parts.iter().any(|p| sqlish(p, depth + 1))
        }
        ExprKind::Binary { left, right, .. } => sqlish(left, depth + 1) || sqlish(right, depth + 1),
        ExprKind::Call { callee, args, .. } => {
            sqlish(callee, depth + 1) || args.iter().any(|a| sqlish(&a.value, depth + 1))
        }
        ExprKind::Attr { obj, .. } => sqlish(obj, depth + 1),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_dotted_names() {
        assert!(matches("os.system", "os.system"));
        assert!(!matches("os.system", "xos.system"));
        assert!(matches("**.execute", "cursor.execute"));
        assert!(matches("**.execute", "conn.cursor().execute"));
        assert!(matches("**.execute", "execute"), "the prefix may be empty");
        assert!(matches("subprocess.*", "subprocess.run"));
        assert!(matches("Runtime.getRuntime.exec", "Runtime.getRuntime().exec"));
        assert!(matches("**.getRuntime.exec", "java.lang.Runtime.getRuntime().exec"));
        assert!(!matches("subprocess.*", "subprocess"));
    }

    #[test]
    fn kinds_fit_the_mask() {
        assert!((Kind::Regex as u8) < 32);
    }
}
