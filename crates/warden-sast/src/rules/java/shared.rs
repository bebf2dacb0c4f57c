//! Helpers for the Java detectors' custom checks: walking one function's expressions, reading call chains and
//! resolving string constants declared as fields.

use crate::ir::{Arg, Expr, ExprKind, Function, Module, Stmt};
use crate::rules::shared_walk::{walk_expr, walk_stmts};

pub use crate::rules::shared_walk::function_expressions as function_exprs;

/// A call's parts: (receiver, method, args, new).
pub fn call_parts(e: &Expr) -> Option<(Option<&Expr>, &str, &[Arg], bool)> {
    let ExprKind::Call { callee, args, new } = &e.kind else { return None };
    match &callee.kind {
        ExprKind::Attr { obj, name } => Some((Some(obj.as_ref()), name.as_str(), args.as_slice(), *new)),
        ExprKind::Name(n) => Some((None, n.as_str(), args.as_slice(), *new)),
        _ => None,
    }
}

/// `a.b().c` for a chain of names, attributes and calls (calls written with `()`, `new T()` as `T`).
pub fn dotted_text(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.clone()),
        ExprKind::Attr { obj, name } => dotted_text(obj).map(|o| format!("{o}.{name}")),
        ExprKind::Call { callee, new, .. } => {
            let c = dotted_text(callee)?;
            Some(if *new { c } else { format!("{c}()") })
        }
        _ => None,
    }
}

/// The calls of a builder chain, outermost first: `A.builder().x(1).build()` → `build`, `x`, `builder`.
pub fn chain_calls(e: &Expr) -> Vec<(&str, &[Arg], bool)> {
    let mut out = Vec::new();
    let mut cur = Some(e);
    while let Some(x) = cur {
        match call_parts(x) {
            Some((recv, method, args, new)) => {
                out.push((method, args, new));
                cur = recv;
            }
            None => match &x.kind {
                ExprKind::Attr { obj, .. } => cur = Some(obj),
                _ => cur = None,
            },
        }
    }
    out
}

/// The last segment of a `new` call's type (`Cookie` of `new javax.servlet.http.Cookie(…)`).
pub fn new_type(e: &Expr) -> Option<&str> {
    let ExprKind::Call { callee, new: true, .. } = &e.kind else { return None };
    match &callee.kind {
        ExprKind::Name(n) => Some(n.rsplit('.').next().unwrap_or(n)),
        ExprKind::Attr { name, .. } => Some(name.as_str()),
        _ => None,
    }
}

/// The string constant an expression is: a literal, a constant concatenation, or a name (`ALGO`, `Config.ALGO`)
/// assigned a literal at the top level of the module.
pub fn const_str(module: &Module, e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Str(s) => Some(s.clone()),
        ExprKind::Binary { op, left, right } if op == "+" => {
            Some(format!("{}{}", const_str(module, left)?, const_str(module, right)?))
        }
        ExprKind::Name(n) => top_level_value(module, n).and_then(|v| match &v.kind {
            ExprKind::Str(s) => Some(s.clone()),
            _ => None,
        }),
        ExprKind::Attr { obj, name } if matches!(&obj.kind, ExprKind::Name(c) if c.chars().next().is_some_and(char::is_uppercase)) => {
            top_level_value(module, name).and_then(|v| v.as_str().map(str::to_string))
        }
        _ => None,
    }
}

/// The value a top-level (static field or constant) name is assigned, if it is assigned once.
pub fn top_level_value<'m>(module: &'m Module, name: &str) -> Option<&'m Expr> {
    let top = module.functions.first()?;
    let mut found = None;
    let mut count = 0;
    for s in &top.body {
        if let Stmt::Assign { target, value: Some(v), .. } = s
            && matches!(&target.kind, ExprKind::Name(n) if n == name)
        {
            count += 1;
            found = Some(v);
        }
    }
    if count == 1 { found } else { None }
}

/// A boolean constant: `true`, `"true"`, `Boolean.TRUE`.
pub fn const_bool(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Bool(b) => Some(*b),
        ExprKind::Str(s) if s.eq_ignore_ascii_case("true") => Some(true),
        ExprKind::Str(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => match e.dotted().as_deref() {
            Some("Boolean.TRUE") => Some(true),
            Some("Boolean.FALSE") => Some(false),
            _ => None,
        },
    }
}

/// Whether any string literal inside `e` satisfies `f`.
pub fn any_str(e: &Expr, f: &dyn Fn(&str) -> bool) -> bool {
    let mut found = false;
    walk_expr(e, &mut |x| {
        if let ExprKind::Str(s) = &x.kind
            && f(s)
        {
            found = true;
        }
    });
    found
}

/// The functions whose bodies are one method each of a class: (function, its name).
pub fn class_methods<'m>(module: &'m Module, class: &crate::ir::Class) -> Vec<&'m Function> {
    class.methods.iter().filter_map(|id| module.functions.get(*id)).collect()
}

/// The simple name of a base type (`X509TrustManager` of `javax.net.ssl.X509TrustManager`).
pub fn simple_base(base: &str) -> &str {
    let b = base.split('<').next().unwrap_or(base).trim();
    b.rsplit('.').next().unwrap_or(b)
}

/// Whether every `return` in a function returns the literal `true` (and there is at least one).
pub fn returns_only_true(func: &Function) -> bool {
    let mut returns = 0;
    let mut only_true = true;
    walk_stmts(&func.body, &mut |s| {
        if let Stmt::Return(v, _) = s {
            returns += 1;
            if !v.as_ref().is_some_and(|e| matches!(e.kind, ExprKind::Bool(true))) {
                only_true = false;
            }
        }
    });
    returns > 0 && only_true
}
