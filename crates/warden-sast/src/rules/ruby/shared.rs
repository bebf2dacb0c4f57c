//! What several Ruby detectors share: a walk over every statement and expression of a module, and small
//! predicates on call sites and literal expressions.

use crate::ir::{Expr, ExprKind, Function, Module, Span, Stmt};
use crate::rules::{CallSite, Const, RawHit};
use std::collections::BTreeSet;

/// A statement or an expression met by [`walk`].
#[derive(Clone, Copy)]
pub enum Visit<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// Calls `visit` for every statement and every expression (outer before inner) of every function.
pub fn walk(module: &Module, visit: &mut dyn FnMut(&Function, Visit)) {
    for f in &module.functions {
        walk_stmts(f, &f.body, visit);
        for p in &f.params {
            if let Some(d) = &p.default {
                walk_expr(f, d, visit);
            }
        }
    }
}

/// Every expression of one function (not of the functions nested in it).
pub fn each_expr_of(f: &Function, on_expr: &mut dyn FnMut(&Expr)) {
    walk_stmts(f, &f.body, &mut |_, v| {
        if let Visit::Expr(e) = v {
            on_expr(e);
        }
    });
}

/// Every expression of every function.
pub fn each_expr(module: &Module, on_expr: &mut dyn FnMut(&Function, &Expr)) {
    walk(module, &mut |f, v| {
        if let Visit::Expr(e) = v {
            on_expr(f, e);
        }
    });
}

/// Every statement of every function.
pub fn each_stmt(module: &Module, on_stmt: &mut dyn FnMut(&Function, &Stmt)) {
    walk(module, &mut |f, v| {
        if let Visit::Stmt(s) = v {
            on_stmt(f, s);
        }
    });
}

fn walk_stmts(f: &Function, stmts: &[Stmt], visit: &mut dyn FnMut(&Function, Visit)) {
    for s in stmts {
        visit(f, Visit::Stmt(s));
        match s {
            Stmt::Expr(e) => walk_expr(f, e, visit),
            Stmt::Assign { target, value, .. } => {
                walk_expr(f, target, visit);
                if let Some(v) = value {
                    walk_expr(f, v, visit);
                }
            }
            Stmt::Return(v, _) | Stmt::Throw(v, _) => {
                if let Some(v) = v {
                    walk_expr(f, v, visit);
                }
            }
            Stmt::If { cond, then, otherwise, .. } => {
                walk_expr(f, cond, visit);
                walk_stmts(f, then, visit);
                walk_stmts(f, otherwise, visit);
            }
            Stmt::Loop { var, iter, cond, body, .. } => {
                for e in [var, iter, cond].into_iter().flatten() {
                    walk_expr(f, e, visit);
                }
                walk_stmts(f, body, visit);
            }
            Stmt::Try { body, catches, finally, .. } => {
                walk_stmts(f, body, visit);
                for c in catches {
                    walk_stmts(f, &c.body, visit);
                }
                walk_stmts(f, finally, visit);
            }
            Stmt::Block(b) => walk_stmts(f, b, visit),
            Stmt::Def(_) => {}
        }
    }
}

fn walk_expr(f: &Function, e: &Expr, visit: &mut dyn FnMut(&Function, Visit)) {
    // Iterative, so a deep expression cannot exhaust the stack.
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        visit(f, Visit::Expr(e));
        let mut children = e.children();
        children.reverse();
        stack.extend(children);
    }
}

/// Hits, at most one per line.
#[derive(Default)]
pub struct Hits {
    lines: BTreeSet<u32>,
    pub out: Vec<RawHit>,
}

impl Hits {
    pub fn add(&mut self, span: Span, message: &str) {
        if self.lines.insert(span.start_line) {
            self.out.push(RawHit { span, message: message.to_string(), trace: Vec::new() });
        }
    }
}

/// The key of a hash entry or keyword argument as a string (`:secure`, `secure:`, `"secure"`).
pub fn key_str(k: &Option<Expr>) -> Option<&str> {
    k.as_ref().and_then(|k| match &k.kind {
        ExprKind::Str(s) => Some(s.as_str()),
        ExprKind::Name(n) => Some(n.as_str()),
        _ => None,
    })
}

/// The last name of an assignment target: `token` of `token`, `@token`, `self.token`, `h[:token]`.
pub fn target_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attr { name, .. } => Some(name),
        ExprKind::Index { index, .. } => index.as_str(),
        _ => None,
    }
}

/// The dotted name of a callee through calls without arguments (`Rails.logger.info` for
/// `Rails.logger.info(…)`, whose receiver `Rails.logger` is itself a call).
pub fn chain(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.clone()),
        ExprKind::Attr { obj, name } => chain(obj).map(|o| format!("{o}.{name}")),
        ExprKind::Call { callee, args, .. } if args.is_empty() => chain(callee),
        _ => None,
    }
}

/// A literal string, or the literal start of an interpolated one.
pub fn literal_prefix(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Str(s) => Some(s),
        ExprKind::Concat(parts) => parts.first().and_then(|p| p.as_str()),
        _ => None,
    }
}

/// A number argument (folded) at `index`/`name`.
pub fn num_arg(site: &CallSite, index: usize, name: &str) -> Option<f64> {
    match site.konst(index, name) {
        Some(Const::Num(n)) => Some(*n),
        _ => None,
    }
}

/// All constant string arguments, lower-cased.
pub fn str_args(site: &CallSite) -> Vec<String> {
    site.consts.iter().flatten().filter_map(Const::as_str).map(str::to_ascii_lowercase).collect()
}

/// A hash argument's entries: a literal hash expression, else its folded constant.
pub fn hash_keys(site: &CallSite, index: usize) -> Option<Vec<(String, Option<Const>)>> {
    let arg = site.arg(index, "")?;
    if let ExprKind::Dict(entries) = &arg.value.kind {
        return Some(
            entries
                .iter()
                .filter_map(|(k, v)| {
                    key_str(k).map(|k| {
                        let c = match &v.kind {
                            ExprKind::Bool(b) => Some(Const::Bool(*b)),
                            ExprKind::Str(s) => Some(Const::Str(s.clone())),
                            ExprKind::Num(n) => n.parse().ok().map(Const::Num),
                            ExprKind::Null => Some(Const::Null),
                            _ => None,
                        };
                        (k.to_ascii_lowercase(), c)
                    })
                })
                .collect(),
        );
    }
    match site.konst(index, "") {
        Some(Const::Dict(d)) => Some(d.iter().map(|(k, v)| (k.to_ascii_lowercase(), Some(v.clone()))).collect()),
        _ => None,
    }
}

/// The name of the function a block or lambda belongs to: `generate_token` for `Array.new(8) { … }` inside it;
/// `<module>` for one at the top level.
pub fn enclosing_name<'m>(module: &'m Module, mut f: &'m Function) -> &'m str {
    for _ in 0..64 {
        if !f.name.starts_with('<') {
            break;
        }
        match f.parent.and_then(|p| module.functions.get(p)) {
            Some(parent) => f = parent,
            None => break,
        }
    }
    &f.name
}
