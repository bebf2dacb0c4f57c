//! Helpers shared by the C# detectors: walks over the IR and small predicates on expressions.

use crate::ir::{Expr, ExprKind, Module, Span, Stmt};
use crate::rules::{CallSite, RawHit};

/// Calls `f` on every expression of the module (every function body, nested sub-expressions included), in source
/// order of statements.
pub(super) fn each_expr(m: &Module, f: &mut dyn FnMut(&Expr)) {
    for func in &m.functions {
        for p in &func.params {
            if let Some(d) = &p.default {
                expr_tree(d, f, 0);
            }
        }
        stmts(&func.body, f, 0);
    }
}

fn stmts(body: &[Stmt], f: &mut dyn FnMut(&Expr), depth: u32) {
    if depth > 200 {
        return;
    }
    for s in body {
        match s {
            Stmt::Expr(e) | Stmt::Return(Some(e), _) | Stmt::Throw(Some(e), _) => expr_tree(e, f, 0),
            Stmt::Assign { target, value, .. } => {
                expr_tree(target, f, 0);
                if let Some(v) = value {
                    expr_tree(v, f, 0);
                }
            }
            Stmt::If { cond, then, otherwise, .. } => {
                expr_tree(cond, f, 0);
                stmts(then, f, depth + 1);
                stmts(otherwise, f, depth + 1);
            }
            Stmt::Loop { var, iter, cond, body, .. } => {
                for e in [var, iter, cond].into_iter().flatten() {
                    expr_tree(e, f, 0);
                }
                stmts(body, f, depth + 1);
            }
            Stmt::Try { body, catches, finally, .. } => {
                stmts(body, f, depth + 1);
                for c in catches {
                    stmts(&c.body, f, depth + 1);
                }
                stmts(finally, f, depth + 1);
            }
            Stmt::Block(b) => stmts(b, f, depth + 1),
            Stmt::Return(None, _) | Stmt::Throw(None, _) | Stmt::Def(_) => {}
        }
    }
}

fn expr_tree(e: &Expr, f: &mut dyn FnMut(&Expr), depth: u32) {
    if depth > 200 {
        return;
    }
    f(e);
    for c in e.children() {
        expr_tree(c, f, depth + 1);
    }
}

/// Whether any part of `e` satisfies `p` (bounded).
pub(super) fn any_part(e: &Expr, p: &dyn Fn(&Expr) -> bool) -> bool {
    fn walk(e: &Expr, p: &dyn Fn(&Expr) -> bool, budget: &mut u32) -> bool {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        p(e) || e.children().into_iter().any(|c| walk(c, p, budget))
    }
    walk(e, p, &mut 2000)
}

/// The last segment of a name or attribute (`ECB` of `CipherMode.ECB`).
pub(super) fn last_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) | ExprKind::Attr { name: n, .. } => Some(n),
        _ => None,
    }
}

/// Whether `e` names `needle` somewhere (`FilePermissions.OtherWrite | …` mentions `OtherWrite`).
pub(super) fn mentions_name(e: &Expr, needle: &str) -> bool {
    any_part(e, &|x| last_name(x) == Some(needle))
}

/// Whether a string literal inside `e` contains `needle` (case-insensitive).
pub(super) fn mentions_str(e: &Expr, needle: &str) -> bool {
    let needle = needle.to_ascii_lowercase();
    any_part(e, &|x| x.as_str().is_some_and(|s| s.to_ascii_lowercase().contains(&needle)))
}

/// A lambda whose every `return` is the constant `true` (`(m, c, ch, e) => true`).
pub(super) fn always_true(m: &Module, e: &Expr) -> bool {
    let ExprKind::Lambda(id) = e.kind else { return false };
    m.functions.get(id).is_some_and(returns_only_true)
}

/// A function whose every `return` is the constant `true`.
pub(super) fn returns_only_true(f: &crate::ir::Function) -> bool {
    let mut returns = Vec::new();
    collect_returns(&f.body, &mut returns, 0);
    !returns.is_empty() && returns.iter().all(|r| matches!(r.map(|r| &r.kind), Some(ExprKind::Bool(true))))
}

fn collect_returns<'a>(body: &'a [Stmt], out: &mut Vec<Option<&'a Expr>>, depth: u32) {
    if depth > 100 {
        return;
    }
    for s in body {
        match s {
            Stmt::Return(v, _) => out.push(v.as_ref()),
            Stmt::If { then, otherwise, .. } => {
                collect_returns(then, out, depth + 1);
                collect_returns(otherwise, out, depth + 1);
            }
            Stmt::Block(b) | Stmt::Loop { body: b, .. } => collect_returns(b, out, depth + 1),
            Stmt::Try { body, catches, finally, .. } => {
                collect_returns(body, out, depth + 1);
                for c in catches {
                    collect_returns(&c.body, out, depth + 1);
                }
                collect_returns(finally, out, depth + 1);
            }
            _ => {}
        }
    }
}

/// A constant number argument.
pub(super) fn num_arg(c: &CallSite, index: usize, name: &str) -> Option<f64> {
    match c.konst(index, name) {
        Some(crate::rules::Const::Num(n)) => Some(*n),
        _ => c.arg(index, name).and_then(|a| match &a.value.kind {
            ExprKind::Num(n) => n.trim_end_matches(['L', 'l', 'u', 'U']).parse().ok(),
            _ => None,
        }),
    }
}

/// A value fixed in the code: a byte-array literal (`new byte[16]`, `new byte[] { 1, 2 }`), a string's bytes
/// (`Encoding.UTF8.GetBytes("…")`), a string literal.
pub(super) fn fixed_bytes(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::List(items) => items.iter().all(|i| matches!(i.kind, ExprKind::Num(_) | ExprKind::Str(_))),
        ExprKind::Str(_) => true,
        ExprKind::Call { callee, args, .. } => {
            last_name(callee).is_some_and(|n| n == "GetBytes" || n == "FromBase64String" || n == "FromHexString")
                && args.first().is_some_and(|a| a.value.as_str().is_some())
        }
        _ => false,
    }
}

/// Hits on distinct lines only.
pub(super) fn push_hit(out: &mut Vec<RawHit>, span: Span, message: &str) {
    if out.iter().any(|h| h.span.start_line == span.start_line && h.message == message) {
        return;
    }
    out.push(RawHit { span, message: message.to_string(), trace: Vec::new() });
}

/// Calls `f` on every statement of the module, nested blocks included.
pub(super) fn each_stmt(m: &Module, f: &mut dyn FnMut(&Stmt)) {
    for func in &m.functions {
        stmts_of(&func.body, f);
    }
}

/// Calls `f` on every statement of `body`, nested blocks included (not nested functions).
pub(super) fn stmts_of(body: &[Stmt], f: &mut dyn FnMut(&Stmt)) {
    fn walk(body: &[Stmt], f: &mut dyn FnMut(&Stmt), depth: u32) {
        if depth > 200 {
            return;
        }
        for s in body {
            f(s);
            match s {
                Stmt::If { then, otherwise, .. } => {
                    walk(then, f, depth + 1);
                    walk(otherwise, f, depth + 1);
                }
                Stmt::Loop { body, .. } | Stmt::Block(body) => walk(body, f, depth + 1),
                Stmt::Try { body, catches, finally, .. } => {
                    walk(body, f, depth + 1);
                    for c in catches {
                        walk(&c.body, f, depth + 1);
                    }
                    walk(finally, f, depth + 1);
                }
                _ => {}
            }
        }
    }
    walk(body, f, 0);
}
