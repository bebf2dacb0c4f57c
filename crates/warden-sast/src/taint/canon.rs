//! Canonical names of calls and access paths of expressions.

use crate::ir::{Expr, ExprKind};

/// The access path of an l-value or read: `x`, `x.f`, `x[k]` (literal keys only).
pub fn path(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.clone()),
        ExprKind::Attr { obj, name } => path(obj).map(|p| format!("{p}.{name}")),
        ExprKind::Index { obj, index } => {
            let key = match &index.kind {
                ExprKind::Str(s) => s.clone(),
                ExprKind::Num(n) => n.clone(),
                _ => return None,
            };
            path(obj).map(|p| format!("{p}[{key}]"))
        }
        _ => None,
    }
}

/// The root variable of an access path (`x` of `x.f[k]`).
pub fn root(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attr { obj, .. } | ExprKind::Index { obj, .. } => root(obj),
        _ => None,
    }
}

/// A type as written, reduced to what tables match: generic arguments, array brackets, nullability and a namespace
/// kept only as dots (`List<String>` → `List`, `Foo?` → `Foo`, `a.b.C` → `a.b.C`).
pub fn simple_type(ty: &str) -> String {
    let t = ty.split('<').next().unwrap_or(ty);
    let t = t.split('[').next().unwrap_or(t);
    t.trim().trim_end_matches('?').trim().replace("::", ".")
}

/// Whether `name` is the receiver of the enclosing method.
pub fn is_self(name: &str) -> bool {
    matches!(name, "self" | "this" | "cls" | "Me")
}
