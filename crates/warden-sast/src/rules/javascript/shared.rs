//! Helpers shared by the JavaScript call checks: reading options objects (as constants the engine folded or as
//! literals), literal string prefixes, and walks over object literals.

use crate::ir::{Expr, ExprKind, Module, Span};
use crate::rules::shared_walk::{assignments, expressions};
use crate::rules::{CallSite, Const, RawHit};

/// What an options object says about `key`: absent, a known constant, or set to something not constant.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Opt {
    /// The object is known and has no such key.
    Missing,
    Const(Const),
    /// Set to a value the engine could not fold (or the object itself is unknown).
    Unknown,
}

impl Opt {
    pub(super) fn is_false(&self) -> bool {
        matches!(self, Opt::Missing) || matches!(self, Opt::Const(c) if !c.truthy())
    }

    pub(super) fn str(&self) -> Option<&str> {
        match self {
            Opt::Const(Const::Str(s)) => Some(s),
            _ => None,
        }
    }

    pub(super) fn num(&self) -> Option<f64> {
        match self {
            Opt::Const(Const::Num(n)) => Some(*n),
            Opt::Const(Const::Str(s)) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

/// Whether argument `i` is an object (literal or known constant).
pub(super) fn has_object(site: &CallSite, i: usize) -> bool {
    matches!(site.consts.get(i), Some(Some(Const::Dict(_))))
        || matches!(site.args.get(i).map(|a| &a.value.kind), Some(ExprKind::Dict(_)))
}

/// `key` (a dotted path such as `cookie.secure`) in the options object at argument `i`.
pub(super) fn opt(site: &CallSite, i: usize, key: &str) -> Opt {
    // The literal first: its entries tell "set to an expression" from "set to null".
    if let Some(e) = site.args.get(i).map(|a| &a.value)
        && let ExprKind::Dict(_) = e.kind
    {
        return expr_opt(e, key);
    }
    match site.consts.get(i).and_then(Option::as_ref) {
        Some(c @ Const::Dict(_)) => const_opt(c, key),
        _ => Opt::Unknown,
    }
}

fn const_opt(c: &Const, key: &str) -> Opt {
    let mut cur = c;
    for part in key.split('.') {
        match cur {
            Const::Dict(entries) => match entries.iter().rev().find(|(k, _)| k == part) {
                Some((_, v)) => cur = v,
                None => return Opt::Missing,
            },
            _ => return Opt::Unknown,
        }
    }
    // Entries the engine could not fold are recorded as Null.
    if matches!(cur, Const::Null) { Opt::Unknown } else { Opt::Const(cur.clone()) }
}

/// `key` (dotted) in an object literal expression.
pub(super) fn expr_opt(e: &Expr, key: &str) -> Opt {
    let mut cur = e;
    for part in key.split('.') {
        match &cur.kind {
            ExprKind::Dict(entries) => {
                if entries.iter().any(|(k, _)| k.is_none()) && !entries.iter().any(|(k, _)| key_is(k, part)) {
                    // A spread may set it.
                    return Opt::Unknown;
                }
                match entries.iter().rev().find(|(k, _)| key_is(k, part)) {
                    Some((_, v)) => cur = v,
                    None => return Opt::Missing,
                }
            }
            _ => return Opt::Unknown,
        }
    }
    match &cur.kind {
        ExprKind::Str(s) => Opt::Const(Const::Str(s.clone())),
        ExprKind::Num(n) => Opt::Const(Const::Num(parse_num(n))),
        ExprKind::Bool(b) => Opt::Const(Const::Bool(*b)),
        ExprKind::Null => Opt::Const(Const::Null),
        _ => Opt::Unknown,
    }
}

pub(super) fn key_is(k: &Option<Expr>, name: &str) -> bool {
    k.as_ref().and_then(|k| k.as_str()).is_some_and(|k| k == name)
}

/// An object literal's entry `name` (case-insensitive).
pub(super) fn entry<'a>(entries: &'a [(Option<Expr>, Expr)], name: &str) -> Option<&'a Expr> {
    entries
        .iter()
        .rev()
        .find(|(k, _)| k.as_ref().and_then(|k| k.as_str()).is_some_and(|k| k.eq_ignore_ascii_case(name)))
        .map(|(_, v)| v)
}

pub(super) fn parse_num(n: &str) -> f64 {
    let clean: String = n.chars().filter(|c| *c != '_').collect();
    let clean = clean.trim_end_matches('n');
    if let Some(hex) = clean.strip_prefix("0x").or_else(|| clean.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).map_or(f64::NAN, |v| v as f64);
    }
    if let Some(oct) = clean.strip_prefix("0o").or_else(|| clean.strip_prefix("0O")) {
        return i64::from_str_radix(oct, 8).map_or(f64::NAN, |v| v as f64);
    }
    if clean.len() > 1 && clean.starts_with('0') && clean.chars().all(|c| c.is_ascii_digit()) {
        return i64::from_str_radix(clean, 8).map_or(f64::NAN, |v| v as f64);
    }
    clean.parse().unwrap_or(f64::NAN)
}

/// The constant string argument `i`, or the literal text an expression starts with (`'http://' + host`,
/// `` `http://${host}/x` ``).
pub(super) fn leading_text<'a>(site: &'a CallSite, i: usize) -> Option<&'a str> {
    if let Some(s) = site.str_arg(i, "") {
        return Some(s);
    }
    site.args.get(i).and_then(|a| leading(&a.value))
}

pub(super) fn leading(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Str(s) => Some(s),
        ExprKind::Concat(parts) => parts.first().and_then(leading),
        ExprKind::Binary { op, left, .. } if op == "+" => leading(left),
        _ => None,
    }
}

/// A clear-text URL to a host other than the machine itself or the instance metadata service.
pub(super) fn plain_http(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let Some(rest) =
        lower.strip_prefix("http://").or_else(|| lower.strip_prefix("ws://")).or_else(|| lower.strip_prefix("ftp://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = if host.starts_with('[') {
        host.split(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    !host.is_empty()
        && !matches!(
            host,
            "localhost"
                | "0.0.0.0"
                | "[::1"
                | "169.254.169.254"
                | "169.254.170.2"
                | "host.docker.internal"
                | "localstack"
        )
        && !host.starts_with("127.")
        && !host.ends_with(".localhost")
        && !host.ends_with(".local")
        && !host.contains("example.")
        && !host.starts_with("www.w3.org")
        && !host.starts_with("schemas.")
}

/// The entries of an object literal.
pub(super) type Entries = [(Option<Expr>, Expr)];

/// Calls `f(entries, span)` for every object literal of the module.
pub(super) fn objects(module: &Module, f: &mut dyn FnMut(&Entries, Span)) {
    expressions(module, &mut |e| {
        if let ExprKind::Dict(entries) = &e.kind {
            f(entries, e.span);
        }
    });
}

/// Calls `f(target, value, span)` for assignments whose target is a dotted path (`process.env.X`, `tls.Y`), the
/// path given as text.
pub(super) fn dotted_assignments(module: &Module, f: &mut dyn FnMut(&str, &Expr, Span)) {
    assignments(module, &mut |target, value, span| {
        let path = match &target.kind {
            ExprKind::Index { obj, index } => obj.dotted().zip(index.as_str()).map(|(o, k)| format!("{o}.{k}")),
            _ => target.dotted(),
        };
        if let Some(p) = path {
            f(&p, value, span);
        }
    });
}

pub(super) fn hit(out: &mut Vec<RawHit>, span: Span, message: &str) {
    out.push(RawHit { span, message: message.to_string(), trace: Vec::new() });
}
