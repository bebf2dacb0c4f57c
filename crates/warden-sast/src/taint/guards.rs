//! Checks that make a value safe where they hold: allow-lists (`x in ALLOWED`, `ALLOWED.includes(x)`), equality
//! with a constant, validation (`x.isdigit()`, `re.fullmatch(...)`, `x.matches("[a-z]+")`), type checks, and a
//! prefix check after path normalisation (`p.startswith(BASE)`); and calls that clean a value for some kinds by
//! their arguments (`s.replace("\n", "")` for logs).

use super::canon::path;
use super::value::Value;
use crate::ir::{Arg, Expr, ExprKind};
use crate::rules::{CallSite, Const};
use crate::tables::{ALL_KINDS, Kind, Kinds};

/// A condition that cleans `path` for `kinds` where it is true (`positive`) or false.
#[derive(Debug, Clone)]
pub struct Guard {
    pub path: String,
    pub kinds: Kinds,
    pub positive: bool,
}

const CONTAINS: &[&str] = &[
    "includes",
    "contains",
    "Contains",
    "include?",
    "has",
    "containsKey",
    "ContainsKey",
    "member?",
    "key?",
    "has_key?",
    "__contains__",
    "indexOf",
];
const VALIDATES_RECEIVER: &[&str] = &[
    "isdigit",
    "isnumeric",
    "isdecimal",
    "isalnum",
    "isalpha",
    "isidentifier",
    "matches",
    "match?",
    "fullmatch",
    "isValid",
    "IsMatch",
];
const VALIDATES_ARG: &[&str] = &[
    "url_has_allowed_host_and_scheme",
    "is_safe_url",
    "url_is_safe",
    "isSafeUrl",
    "is_valid_redirect",
    "IsLocalUrl",
    "fullmatch",
    "match",
    "test",
    "IsMatch",
    "isinstance",
    "isValid",
    "validate",
    "is_valid",
    "isUUID",
    "isInt",
    "isNumeric",
    "isAlphanumeric",
    "isEmail",
    "Number.isInteger",
    "isInteger",
    "uuid.UUID",
];
const PREFIX: &[&str] = &["startswith", "startsWith", "StartsWith", "start_with?"];

pub fn guard(cond: &Expr) -> Option<Guard> {
    guard_of(cond)
}

fn guard_of(cond: &Expr) -> Option<Guard> {
    match &cond.kind {
        ExprKind::Unary { op, operand } if op == "not" || op == "!" => {
            guard_of(operand).map(|g| Guard { positive: !g.positive, ..g })
        }
        ExprKind::Binary { op, left, right } => match op.as_str() {
            "in" => path(left).map(|p| Guard { path: p, kinds: ALL_KINDS, positive: true }),
            "not in" => path(left).map(|p| Guard { path: p, kinds: ALL_KINDS, positive: false }),
            "==" | "===" | "equals" => {
                let (var, other) = if is_const(right) { (left, right) } else { (right, left) };
                (is_const(other)).then_some(())?;
                path(var).map(|p| Guard { path: p, kinds: ALL_KINDS, positive: true })
            }
            "!=" | "!==" => {
                let (var, other) = if is_const(right) { (left, right) } else { (right, left) };
                (is_const(other)).then_some(())?;
                path(var).map(|p| Guard { path: p, kinds: ALL_KINDS, positive: false })
            }
            "and" | "&&" => {
                guard_of(left).filter(|g| g.positive).or_else(|| guard_of(right).filter(|g| g.positive)).or_else(|| {
                    // `if (url or ...) and not is_safe(url): url = "/"`: where the condition fails, either the URL was
                    // checked or the left side failed, which (as it tests `url` itself) leaves nothing to follow.
                    guard_of(right).filter(|g| !g.positive && mentions(left, &g.path))
                })
            }
            "or" | "||" => match (guard_of(left), guard_of(right)) {
                // `x == "a" || x == "b"`: an allow-list written out.
                (Some(l), Some(r)) if l.positive && r.positive && l.path == r.path => {
                    Some(Guard { kinds: l.kinds & r.kinds, ..l })
                }
                (l, r) => l.filter(|g| !g.positive).or_else(|| r.filter(|g| !g.positive)),
            },
            // `if (name.lastIndexOf('/') >= 0) name = name.substring(…)`: where it fails, the name has no directory;
            // `ALLOWED.indexOf(x) >= 0`: an allow-list.
            ">=" | ">" => match separator_search(left) {
                Some(p) => Some(Guard { path: p, kinds: Kind::Path.bit(), positive: false }),
                None if is_index_of(left) => guard_of(left).map(|g| Guard { positive: true, ..g }),
                None => None,
            },
            _ => None,
        },
        ExprKind::Call { callee, args, .. } => {
            let ExprKind::Attr { obj, name } = &callee.kind else {
                // isinstance(x, int), validate(x)
                let n = callee.dotted()?;
                let last = n.rsplit('.').next().unwrap_or(&n);
                if VALIDATES_ARG.contains(&last) || VALIDATES_ARG.contains(&n.as_str()) {
                    return validated_arg(last, args).map(|p| Guard { path: p, kinds: ALL_KINDS, positive: true });
                }
                return path_check(last).and_then(|positive| {
                    checked_path(args).map(|p| Guard { path: p, kinds: Kind::Path.bit(), positive })
                });
            };
            if PREFIX.contains(&name.as_str()) {
                return path(obj).map(|p| Guard {
                    path: p,
                    kinds: Kind::Path.bit() | Kind::Ssrf.bit() | Kind::Redirect.bit(),
                    positive: true,
                });
            }
            if CONTAINS.contains(&name.as_str()) {
                return args.first().and_then(|a| path(&a.value)).map(|p| Guard {
                    path: p,
                    kinds: ALL_KINDS,
                    positive: true,
                });
            }
            if VALIDATES_RECEIVER.contains(&name.as_str())
                && args.iter().all(|a| is_const(&a.value))
                && path(obj).is_some()
            {
                return path(obj).map(|p| Guard { path: p, kinds: ALL_KINDS, positive: true });
            }
            if VALIDATES_ARG.contains(&name.as_str()) {
                return validated_arg(name, args).map(|p| Guard { path: p, kinds: ALL_KINDS, positive: true });
            }
            path_check(name)
                .and_then(|positive| checked_path(args).map(|p| Guard { path: p, kinds: Kind::Path.bit(), positive }))
        }
        _ => None,
    }
}

/// A check of a path the program defines, known by its name: `isSafePath(p)`, `is_path_inside(p, root)`,
/// `isValidFilename(name)` hold for a good path (`Some(true)`); `isNonCanonicalPathname(p)`, `hasPathTraversal(p)`,
/// `is_unsafe_path(p)` for a bad one (`Some(false)`).
fn path_check(name: &str) -> Option<bool> {
    let n = name.to_ascii_lowercase();
    if !["path", "filename", "file_name", "dir"].iter().any(|w| n.contains(w)) {
        return None;
    }
    let bad = ["noncanonical", "notcanonical", "unsafe", "invalid", "traversal", "outside", "malicious", "disallowed"];
    let good = ["safe", "valid", "canonical", "allowed", "inside", "within", "contained"];
    if bad.iter().any(|w| n.contains(w)) {
        Some(false)
    } else if good.iter().any(|w| n.contains(w)) {
        Some(true)
    } else {
        None
    }
}

/// The path a path check judges: its first variable argument that is not the directory it must stay in
/// (`is_safe_path(BASE_DIR, name)`, `isPathInside(file, root)`).
fn checked_path(args: &[Arg]) -> Option<String> {
    let vars: Vec<String> =
        args.iter().filter(|a| a.name.is_none() && !is_const(&a.value)).filter_map(|a| path(&a.value)).collect();
    let is_base = |p: &String| {
        let last = p.rsplit(['.', '[']).next().unwrap_or(p);
        let l = last.to_ascii_lowercase();
        ["root", "base", "parent", "allowed"].iter().any(|w| l.contains(w))
            || (last.len() > 1 && last.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()))
    };
    vars.iter().find(|p| !is_base(p)).or_else(|| vars.first()).cloned()
}

/// The value a validator checks: its `url=`/`value=` argument, the string after the pattern of Python's
/// `re.match(pattern, s)`, else the first argument that is not a constant (`is_safe_url(url, hosts)`,
/// `Regex.IsMatch(input, PATTERN)`, `isEmail(s)`).
fn validated_arg(name: &str, args: &[Arg]) -> Option<String> {
    let named = args.iter().find(|a| matches!(a.name.as_deref(), Some("url" | "value" | "string" | "input" | "s")));
    let arg = match named {
        Some(a) => Some(a),
        None if matches!(name, "fullmatch" | "match") && args.len() > 1 => args.last(),
        None => args.iter().find(|a| a.name.is_none() && !is_const(&a.value)),
    };
    arg.and_then(|a| path(&a.value))
}

/// Whether `e` reads the value at `p` (or a part of it).
fn mentions(e: &Expr, p: &str) -> bool {
    path(e).is_some_and(|q| q == p || q.strip_prefix(p).is_some_and(|r| r.starts_with(['.', '['])))
        || e.children().into_iter().any(|c| mentions(c, p))
}

fn is_index_of(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { callee, .. } if matches!(&callee.kind, ExprKind::Attr { name, .. } if name == "indexOf"))
}

fn is_const(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Str(_) | ExprKind::Num(_) | ExprKind::Bool(_) | ExprKind::Null)
        || e.dotted().is_some_and(|d| {
            d.rsplit('.').next().is_some_and(|l| l.len() > 1 && l.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        })
}

/// Calls that clean their receiver for some kinds by what they are given: `s.replace("\n", "")` removes line
/// breaks (log injection).
pub fn call_sanitizes(site: &CallSite, receiver: &Value) -> Option<Value> {
    let method = site.method();
    // Ruby `ids.map(&:to_i)`: every element converted to a number.
    if matches!(method, "map" | "collect" | "map!" | "flat_map")
        && site
            .consts
            .first()
            .cloned()
            .flatten()
            .is_some_and(|c| matches!(c.as_str(), Some("to_i" | "to_f" | "to_r" | "to_c")))
    {
        return Some(Value::default());
    }
    if matches!(method, "substring" | "Substring" | "slice" | "substr") && after_last_separator(site) {
        // `name.substring(name.lastIndexOf('/') + 1)`: the file name without its directories.
        let mut v = Value { taint: receiver.taint.clone(), ..Value::default() };
        if let Some(t) = v.taint.as_mut() {
            t.clean(Kind::Path.bit());
        }
        return Some(v);
    }
    if matches!(method, "replace" | "replaceAll" | "gsub" | "Replace" | "tr" | "delete") {
        let pattern = site.consts.first().and_then(|c| c.as_ref());
        let strips_breaks = match pattern {
            Some(Const::Str(s)) => s.contains('\n') || s.contains('\r') || s.contains("\\n") || s.contains("\\r"),
            _ => false,
        };
        if strips_breaks {
            let mut v = Value { taint: receiver.taint.clone(), ..Value::default() };
            if let Some(t) = v.taint.as_mut() {
                t.clean(Kind::Log.bit() | Kind::Header.bit());
            }
            return Some(v);
        }
    }
    None
}

/// The start argument is one past the last path separator: `lastIndexOf('/') + 1`, `LastIndexOf('\\') + 1`.
fn after_last_separator(site: &CallSite) -> bool {
    let Some(start) = site.arg(0, "").map(|a| &a.value) else { return false };
    let ExprKind::Binary { op, left, right } = &start.kind else { return false };
    op == "+" && matches!(&right.kind, ExprKind::Num(n) if n == "1") && separator_search(left).is_some()
}

/// `name.lastIndexOf('/')` (or `'\\'`): the path of the value searched for its last directory separator.
fn separator_search(e: &Expr) -> Option<String> {
    let ExprKind::Call { callee, args, .. } = &e.kind else { return None };
    let ExprKind::Attr { obj, name } = &callee.kind else { return None };
    let separator = args.first().is_some_and(|a| matches!(&a.value.kind, ExprKind::Str(s) if s == "/" || s == "\\"));
    (matches!(name.as_str(), "lastIndexOf" | "LastIndexOf") && separator).then(|| path(obj)).flatten()
}
