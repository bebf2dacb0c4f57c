//! Walks over a module's IR for custom checks: every assignment, every expression.

use crate::ir::{Expr, Function, Module, Span, Stmt};

/// Calls `f(target, value, span)` for every assignment with a value, in every function.
pub fn assignments(module: &Module, f: &mut dyn FnMut(&Expr, &Expr, Span)) {
    for func in &module.functions {
        walk_stmts(&func.body, &mut |s| {
            if let Stmt::Assign { target, value: Some(value), span, .. } = s {
                f(target, value, *span);
            }
        });
    }
}

/// Calls `f` for every expression (outermost first), in every function, decorators and defaults included.
pub fn expressions(module: &Module, f: &mut dyn FnMut(&Expr)) {
    for func in &module.functions {
        for d in &func.decorators {
            walk_expr(d, f);
        }
        for p in &func.params {
            if let Some(d) = &p.default {
                walk_expr(d, f);
            }
        }
        function_expressions(func, f);
    }
}

/// Calls `f` for every expression of one function's body (nested statements included, nested functions not).
pub fn function_expressions(func: &Function, f: &mut dyn FnMut(&Expr)) {
    walk_stmts(&func.body, &mut |s| match s {
        Stmt::Expr(e) => walk_expr(e, f),
        Stmt::Assign { target, value, .. } => {
            walk_expr(target, f);
            if let Some(v) = value {
                walk_expr(v, f);
            }
        }
        Stmt::Return(Some(e), _) | Stmt::Throw(Some(e), _) => walk_expr(e, f),
        Stmt::If { cond, .. } => walk_expr(cond, f),
        Stmt::Loop { var, iter, cond, .. } => {
            for e in [var, iter, cond].into_iter().flatten() {
                walk_expr(e, f);
            }
        }
        _ => {}
    });
}

/// Calls `f` for every statement, nested ones included (not nested function bodies: they are functions of their own).
pub fn walk_stmts(stmts: &[Stmt], f: &mut dyn FnMut(&Stmt)) {
    for s in stmts {
        f(s);
        match s {
            Stmt::If { then, otherwise, .. } => {
                walk_stmts(then, f);
                walk_stmts(otherwise, f);
            }
            Stmt::Loop { body, .. } | Stmt::Block(body) => walk_stmts(body, f),
            Stmt::Try { body, catches, finally, .. } => {
                walk_stmts(body, f);
                for c in catches {
                    walk_stmts(&c.body, f);
                }
                walk_stmts(finally, f);
            }
            _ => {}
        }
    }
}

/// Calls `f` for `e` and every expression inside it.
pub fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    for c in e.children() {
        walk_expr(c, f);
    }
}
