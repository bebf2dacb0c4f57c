//! Python (tree-sitter-python) → IR.

use super::{Cx, code_children, named_children, other, span, unquote};
use crate::ir::{Arg, Catch, Class, Expr, ExprKind, Function, Param, Stmt};
use tree_sitter::Node;

pub(crate) fn lower(cx: &mut Cx, root: Node) {
    let body = block(cx, root);
    cx.set_body(0, body);
}

fn block(cx: &mut Cx, node: Node) -> Vec<Stmt> {
    let mut out = Vec::new();
    if !cx.enter_block() {
        return out;
    }
    for child in code_children(node) {
        stmt(cx, child, &mut out);
    }
    cx.leave_block();
    out
}

fn field_block(cx: &mut Cx, node: Node, field: &str) -> Vec<Stmt> {
    node.child_by_field_name(field).map(|b| block(cx, b)).unwrap_or_default()
}

fn stmt(cx: &mut Cx, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "expression_statement" => {
            for child in code_children(node) {
                match child.kind() {
                    "assignment" | "augmented_assignment" => assignment(cx, child, out),
                    _ => out.push(Stmt::Expr(expr(cx, child))),
                }
            }
        }
        "return_statement" => {
            let value = code_children(node).first().map(|e| expr(cx, *e));
            out.push(Stmt::Return(value, span(node)));
        }
        "raise_statement" => {
            let value = code_children(node).first().map(|e| expr(cx, *e));
            out.push(Stmt::Throw(value, span(node)));
        }
        "if_statement" => out.push(if_stmt(cx, node)),
        "for_statement" => {
            let var = node.child_by_field_name("left").map(|n| expr(cx, n));
            let iter = node.child_by_field_name("right").map(|n| expr(cx, n));
            let body = field_block(cx, node, "body");
            out.push(Stmt::Loop { var, iter, cond: None, body, span: span(node) });
            if let Some(alt) = node.child_by_field_name("alternative") {
                out.push(Stmt::Block(block(cx, alt)));
            }
        }
        "while_statement" => {
            let cond = node.child_by_field_name("condition").map(|n| expr(cx, n));
            let body = field_block(cx, node, "body");
            out.push(Stmt::Loop { var: None, iter: None, cond, body, span: span(node) });
        }
        "try_statement" => out.push(try_stmt(cx, node)),
        "with_statement" => {
            for item in named_children(node) {
                if item.kind() == "with_clause" {
                    for with_item in named_children(item) {
                        if let Some(value) = with_item.child_by_field_name("value") {
                            with_value(cx, value, out);
                        }
                    }
                }
            }
            out.push(Stmt::Block(field_block(cx, node, "body")));
        }
        "function_definition" => {
            let id = function(cx, node, Vec::new());
            out.push(Stmt::Def(id));
        }
        "decorated_definition" => {
            let decorators: Vec<Expr> = named_children(node)
                .into_iter()
                .filter(|n| n.kind() == "decorator")
                .filter_map(|d| code_children(d).first().map(|e| expr(cx, *e)))
                .collect();
            if let Some(def) = node.child_by_field_name("definition") {
                match def.kind() {
                    "function_definition" => {
                        let id = function(cx, def, decorators);
                        out.push(Stmt::Def(id));
                    }
                    "class_definition" => class(cx, def, decorators, out),
                    _ => {}
                }
            }
        }
        "class_definition" => class(cx, node, Vec::new(), out),
        "import_statement" => {
            for name in named_children(node) {
                match name.kind() {
                    "dotted_name" => {
                        let full = cx.text(name);
                        let first = full.split('.').next().unwrap_or(full);
                        cx.import(first, first);
                        cx.import(full, full);
                    }
                    "aliased_import" => {
                        let target = name.child_by_field_name("name").map(|n| cx.text(n)).unwrap_or_default();
                        let alias = name.child_by_field_name("alias").map(|n| cx.text(n)).unwrap_or_default();
                        cx.import(alias, target);
                    }
                    _ => {}
                }
            }
        }
        "import_from_statement" => {
            let written = node.child_by_field_name("module_name").map(|n| cx.text(n)).unwrap_or_default();
            let module = relative_module(&cx.module, written);
            let module = module.as_str();
            let mut cursor = node.walk();
            let names: Vec<Node> = node.children_by_field_name("name", &mut cursor).collect();
            for name in names {
                let (target, alias) = match name.kind() {
                    "aliased_import" => (
                        name.child_by_field_name("name").map(|n| cx.text(n)).unwrap_or_default(),
                        name.child_by_field_name("alias").map(|n| cx.text(n)).unwrap_or_default(),
                    ),
                    _ => (cx.text(name), cx.text(name)),
                };
                let full = if module.is_empty() { target.to_string() } else { format!("{module}.{target}") };
                cx.import(alias, &full);
            }
        }
        "block" | "else_clause" | "finally_clause" => out.extend(block(cx, node)),
        "match_statement" => {
            let subject = node.child_by_field_name("subject").map(|n| expr(cx, n));
            if let Some(s) = subject {
                out.push(Stmt::Expr(s));
            }
            out.push(Stmt::Block(field_block(cx, node, "body")));
        }
        "case_clause" => out.push(Stmt::Block(field_block(cx, node, "consequence"))),
        "assert_statement" | "delete_statement" | "print_statement" | "exec_statement" => {
            for child in code_children(node) {
                out.push(Stmt::Expr(expr(cx, child)));
            }
        }
        "pass_statement"
        | "break_statement"
        | "continue_statement"
        | "global_statement"
        | "nonlocal_statement"
        | "future_import_statement"
        | "comment" => {}
        _ => out.push(Stmt::Expr(expr(cx, node))),
    }
}

/// The absolute name of an imported module: `.base` in `django/urls/__init__.py` is `django.urls.base`, `..utils`
/// in `pkg/sub/views.py` is `pkg.utils`; an absolute name stays as written.
fn relative_module(module: &crate::ir::Module, written: &str) -> String {
    let rest = written.trim_start_matches('.');
    let level = written.len() - rest.len();
    if level == 0 {
        return rest.to_string();
    }
    let is_package = module.path.ends_with("__init__.py");
    let mut base: Vec<&str> = module.name.split('.').filter(|s| !s.is_empty()).collect();
    let drop = level - 1 + usize::from(!is_package);
    base.truncate(base.len().saturating_sub(drop));
    base.extend(rest.split('.').filter(|s| !s.is_empty()));
    base.join(".")
}

/// `with open(p) as f:` binds `f` to the value; `with x:` evaluates `x`.
fn with_value(cx: &mut Cx, value: Node, out: &mut Vec<Stmt>) {
    if value.kind() == "as_pattern" {
        let children = code_children(value);
        let source = children.first().map(|n| expr(cx, *n));
        let target = value.child_by_field_name("alias").and_then(|a| code_children(a).first().copied().or(Some(a)));
        if let (Some(source), Some(target)) = (source, target) {
            let target = expr(cx, target);
            out.push(Stmt::Assign { span: target.span.to(source.span), target, value: Some(source), ty: None });
        }
    } else {
        out.push(Stmt::Expr(expr(cx, value)));
    }
}

fn if_stmt(cx: &mut Cx, node: Node) -> Stmt {
    let cond = node.child_by_field_name("condition").map(|n| expr(cx, n)).unwrap_or_else(|| other(vec![], node));
    let then = field_block(cx, node, "consequence");
    let mut cursor = node.walk();
    let alternatives: Vec<Node> = node.children_by_field_name("alternative", &mut cursor).collect();
    let otherwise = alternatives_chain(cx, &alternatives);
    Stmt::If { cond, then, otherwise, span: span(node) }
}

/// `elif a: … elif b: … else: …` as nested ifs.
fn alternatives_chain(cx: &mut Cx, alternatives: &[Node]) -> Vec<Stmt> {
    let Some((first, rest)) = alternatives.split_first() else {
        return Vec::new();
    };
    match first.kind() {
        "elif_clause" => {
            let cond =
                first.child_by_field_name("condition").map(|n| expr(cx, n)).unwrap_or_else(|| other(vec![], *first));
            let then = field_block(cx, *first, "consequence");
            let otherwise = alternatives_chain(cx, rest);
            vec![Stmt::If { cond, then, otherwise, span: span(*first) }]
        }
        _ => first.child_by_field_name("body").map(|b| block(cx, b)).unwrap_or_else(|| block(cx, *first)),
    }
}

fn try_stmt(cx: &mut Cx, node: Node) -> Stmt {
    let body = field_block(cx, node, "body");
    let mut catches = Vec::new();
    let mut finally = Vec::new();
    for child in named_children(node) {
        match child.kind() {
            "except_clause" | "except_group_clause" => {
                let mut var = None;
                let mut ty = None;
                let mut body = Vec::new();
                for part in named_children(child) {
                    match part.kind() {
                        "block" => body = block(cx, part),
                        "as_pattern" => {
                            ty = code_children(part).first().map(|t| cx.text(*t).to_string());
                            var = part.child_by_field_name("alias").map(|a| cx.text(a).to_string());
                        }
                        "comment" => {}
                        _ => ty = Some(cx.text(part).to_string()),
                    }
                }
                catches.push(Catch { var, ty, body });
            }
            "else_clause" => finally.extend(block(cx, child)),
            "finally_clause" => finally.extend(block(cx, child)),
            _ => {}
        }
    }
    Stmt::Try { body, catches, finally, span: span(node) }
}

fn class(cx: &mut Cx, node: Node, decorators: Vec<Expr>, out: &mut Vec<Stmt>) {
    let name = node.child_by_field_name("name").map(|n| cx.text(n).to_string()).unwrap_or_default();
    let bases = node
        .child_by_field_name("superclasses")
        .map(|s| code_children(s).into_iter().map(|b| cx.text(b).to_string()).collect())
        .unwrap_or_default();
    let saved = cx.class.replace(name.clone());
    let mut body = Vec::new();
    if let Some(b) = node.child_by_field_name("body") {
        for child in code_children(b) {
            stmt(cx, child, &mut body);
        }
    }
    cx.class = saved;
    let methods = body.iter().filter_map(|s| if let Stmt::Def(id) = s { Some(*id) } else { None }).collect();
    cx.module.classes.push(Class { name, bases, decorators, methods, getters: Vec::new(), span: span(node) });
    // Class-level assignments run when the module loads.
    out.extend(body);
}

fn function(cx: &mut Cx, node: Node, decorators: Vec<Expr>) -> usize {
    let name = node.child_by_field_name("name").map(|n| cx.text(n).to_string()).unwrap_or_default();
    let is_static = cx.class.is_none()
        || decorators.iter().any(|d| matches!(d.dotted().as_deref(), Some("staticmethod" | "classmethod")));
    let id = cx.add_function(Function {
        name,
        class: cx.class.clone(),
        params: Vec::new(),
        body: Vec::new(),
        decorators,
        is_static,
        parent: None,
        returns: None,
        span: span(node),
    });
    let saved_class = cx.class.take();
    let params = node.child_by_field_name("parameters").map(|p| params(cx, p)).unwrap_or_default();
    let body = cx.in_function(id, |cx| field_block(cx, node, "body"));
    cx.class = saved_class;
    if let Some(f) = cx.module.functions.get_mut(id) {
        f.params = params;
        f.body = body;
    }
    id
}

fn params(cx: &mut Cx, node: Node) -> Vec<Param> {
    let mut out = Vec::new();
    let mut keyword = false;
    for p in code_children(node) {
        let (name, ty, default) = match p.kind() {
            "identifier" => (cx.text(p).to_string(), None, None),
            "typed_parameter" => {
                let name = code_children(p).first().map(|n| cx.text(*n).trim_start_matches('*').to_string());
                let ty = p.child_by_field_name("type").map(|t| cx.text(t).to_string());
                (name.unwrap_or_default(), ty, None)
            }
            "default_parameter" | "typed_default_parameter" => {
                let name = p.child_by_field_name("name").map(|n| cx.text(n).to_string()).unwrap_or_default();
                let ty = p.child_by_field_name("type").map(|t| cx.text(t).to_string());
                let default = p.child_by_field_name("value").map(|v| expr(cx, v));
                (name, ty, default)
            }
            "list_splat_pattern" | "dictionary_splat_pattern" => {
                (cx.text(p).trim_start_matches('*').to_string(), None, None)
            }
            "keyword_separator" => {
                keyword = true;
                continue;
            }
            _ => continue,
        };
        out.push(Param { ty, default, keyword, ..Param::plain(name, span(p)) });
    }
    out
}

fn assignment(cx: &mut Cx, node: Node, out: &mut Vec<Stmt>) {
    let Some(left) = node.child_by_field_name("left") else { return };
    let ty = node.child_by_field_name("type").map(|t| cx.text(t).to_string());
    let right = node.child_by_field_name("right");
    let value = right.map(|r| {
        if r.kind() == "assignment" {
            // a = b = value: lower the inner one first, then read its target.
            assignment(cx, r, out);
            r.child_by_field_name("left").map(|l| expr(cx, l)).unwrap_or_else(|| other(vec![], r))
        } else {
            expr(cx, r)
        }
    });
    let target = expr(cx, left);
    let value = if node.kind() == "augmented_assignment" {
        let op = node.child_by_field_name("operator").map(|o| cx.text(o).trim_end_matches('=')).unwrap_or("+");
        value.map(|v| {
            let span = target.span.to(v.span);
            Expr::new(ExprKind::Binary { op: op.to_string(), left: Box::new(target.clone()), right: Box::new(v) }, span)
        })
    } else {
        value
    };
    let setter = setter_call(&target);
    destructure(target, value, ty, span(node), out);
    out.extend(setter.map(Stmt::Expr));
}

/// `a, b = x, y` pairs up; `a, b = t` gives each `t[i]`.
pub(crate) fn destructure(
    target: Expr,
    value: Option<Expr>,
    ty: Option<String>,
    span: crate::ir::Span,
    out: &mut Vec<Stmt>,
) {
    if let ExprKind::List(targets) = &target.kind {
        match value.as_ref().map(|v| &v.kind) {
            Some(ExprKind::List(values)) if values.len() == targets.len() => {
                for (t, v) in targets.iter().zip(values) {
                    destructure(t.clone(), Some(v.clone()), None, span, out);
                }
            }
            _ => {
                for (i, t) in targets.iter().enumerate() {
                    let element = value.as_ref().map(|v| {
                        let index = Expr::new(ExprKind::Num(i.to_string()), v.span);
                        Expr::new(ExprKind::Index { obj: Box::new(v.clone()), index: Box::new(index) }, v.span)
                    });
                    destructure(t.clone(), element, None, span, out);
                }
            }
        }
        return;
    }
    out.push(Stmt::Assign { target, value, ty, span });
}

/// `resp["X-Name"] = v` also calls `resp.[]=("X-Name", resp["X-Name"])` (Python's `__setitem__`, named as Ruby's
/// front end names it), so that sinks on stores into an element (a response's headers) are seen. Only for a literal
/// key: a header is set by its name.
fn setter_call(target: &Expr) -> Option<Expr> {
    let ExprKind::Index { obj, index } = &target.kind else { return None };
    if !matches!(index.kind, ExprKind::Str(_)) {
        return None;
    }
    let arg = |value: Expr| Arg { name: None, value, spread: false };
    let callee = Expr::new(ExprKind::Attr { obj: obj.clone(), name: "[]=".to_string() }, target.span);
    let args = vec![arg(index.as_ref().clone()), arg(target.clone())];
    Some(Expr::new(ExprKind::Call { callee: Box::new(callee), args, new: false }, target.span))
}

pub(crate) fn expr(cx: &mut Cx, node: Node) -> Expr {
    cx.deeper(node, |cx| expr_inner(cx, node))
}

fn expr_inner(cx: &mut Cx, node: Node) -> Expr {
    let s = span(node);
    let kind = match node.kind() {
        "identifier" | "type_identifier" => ExprKind::Name(cx.text(node).to_string()),
        "attribute" => {
            let obj = node.child_by_field_name("object").map(|o| expr(cx, o)).unwrap_or_else(|| other(vec![], node));
            let name = node.child_by_field_name("attribute").map(|a| cx.text(a).to_string()).unwrap_or_default();
            ExprKind::Attr { obj: Box::new(obj), name }
        }
        "subscript" => {
            let obj = node.child_by_field_name("value").map(|o| expr(cx, o)).unwrap_or_else(|| other(vec![], node));
            let mut cursor = node.walk();
            let subs: Vec<Node> = node.children_by_field_name("subscript", &mut cursor).collect();
            let index = match subs.as_slice() {
                [one] => expr(cx, *one),
                many => other(many.iter().map(|n| expr(cx, *n)).collect(), node),
            };
            ExprKind::Index { obj: Box::new(obj), index: Box::new(index) }
        }
        "call" => {
            let callee =
                node.child_by_field_name("function").map(|f| expr(cx, f)).unwrap_or_else(|| other(vec![], node));
            let args = node.child_by_field_name("arguments").map(|a| args(cx, a)).unwrap_or_default();
            ExprKind::Call { callee: Box::new(callee), args, new: false }
        }
        "string" => string(cx, node),
        "concatenated_string" => {
            let parts: Vec<Expr> = code_children(node).into_iter().map(|p| expr(cx, p)).collect();
            if parts.iter().all(|p| p.as_str().is_some()) {
                ExprKind::Str(parts.iter().filter_map(|p| p.as_str()).collect())
            } else {
                ExprKind::Concat(parts)
            }
        }
        "integer" | "float" => ExprKind::Num(cx.text(node).to_string()),
        "true" => ExprKind::Bool(true),
        "false" => ExprKind::Bool(false),
        "none" => ExprKind::Null,
        "binary_operator" | "boolean_operator" => {
            let left = node.child_by_field_name("left").map(|n| expr(cx, n)).unwrap_or_else(|| other(vec![], node));
            let right = node.child_by_field_name("right").map(|n| expr(cx, n)).unwrap_or_else(|| other(vec![], node));
            let op = node.child_by_field_name("operator").map(|o| cx.text(o).to_string()).unwrap_or_default();
            ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) }
        }
        "comparison_operator" => {
            let parts = code_children(node);
            let mut cursor = node.walk();
            let ops: Vec<String> =
                node.children_by_field_name("operators", &mut cursor).map(|o| cx.text(o).to_string()).collect();
            let op = ops.join(" ");
            match parts.as_slice() {
                [l, r] => ExprKind::Binary { op, left: Box::new(expr(cx, *l)), right: Box::new(expr(cx, *r)) },
                many => ExprKind::Other(many.iter().map(|n| expr(cx, *n)).collect()),
            }
        }
        "not_operator" => {
            let operand =
                node.child_by_field_name("argument").map(|n| expr(cx, n)).unwrap_or_else(|| other(vec![], node));
            ExprKind::Unary { op: "not".to_string(), operand: Box::new(operand) }
        }
        "unary_operator" => {
            let operand =
                node.child_by_field_name("argument").map(|n| expr(cx, n)).unwrap_or_else(|| other(vec![], node));
            let op = node.child_by_field_name("operator").map(|o| cx.text(o).to_string()).unwrap_or_default();
            ExprKind::Unary { op, operand: Box::new(operand) }
        }
        "conditional_expression" => {
            let parts: Vec<Expr> = code_children(node).into_iter().map(|p| expr(cx, p)).collect();
            match <[Expr; 3]>::try_from(parts) {
                Ok([then, cond, otherwise]) => {
                    ExprKind::Cond { cond: Box::new(cond), then: Box::new(then), otherwise: Box::new(otherwise) }
                }
                Err(parts) => ExprKind::Other(parts),
            }
        }
        "list" | "tuple" | "set" | "pattern_list" | "tuple_pattern" | "list_pattern" | "expression_list" => {
            ExprKind::List(code_children(node).into_iter().map(|p| expr(cx, p)).collect())
        }
        "dictionary" => {
            let mut entries = Vec::new();
            for child in code_children(node) {
                match child.kind() {
                    "pair" => {
                        let key = child.child_by_field_name("key").map(|k| expr(cx, k));
                        let value = child
                            .child_by_field_name("value")
                            .map(|v| expr(cx, v))
                            .unwrap_or_else(|| other(vec![], child));
                        entries.push((key, value));
                    }
                    _ => entries.push((None, expr(cx, child))),
                }
            }
            ExprKind::Dict(entries)
        }
        "parenthesized_expression" | "await" | "list_splat" | "dictionary_splat" | "expression_statement" => {
            match code_children(node).as_slice() {
                [one] => return expr(cx, *one),
                many => ExprKind::Other(many.iter().map(|n| expr(cx, *n)).collect()),
            }
        }
        "named_expression" => {
            // (x := value) is the value; the binding is rare in flows that matter.
            match node.child_by_field_name("value") {
                Some(v) => return expr(cx, v),
                None => ExprKind::Other(Vec::new()),
            }
        }
        "lambda" => {
            let id = cx.add_function(Function {
                name: "<lambda>".to_string(),
                class: None,
                params: Vec::new(),
                body: Vec::new(),
                decorators: Vec::new(),
                is_static: true,
                parent: None,
                returns: None,
                span: s,
            });
            let params = node.child_by_field_name("parameters").map(|p| params(cx, p)).unwrap_or_default();
            let body = cx.in_function(id, |cx| {
                node.child_by_field_name("body").map(|b| vec![Stmt::Return(Some(expr(cx, b)), span(b))])
            });
            if let Some(f) = cx.module.functions.get_mut(id) {
                f.params = params;
                f.body = body.unwrap_or_default();
            }
            ExprKind::Lambda(id)
        }
        "list_comprehension" | "set_comprehension" | "generator_expression" | "dictionary_comprehension" => {
            // [f(x) for x in xs]: the element expression, with the loop variable reading the iterable.
            return comprehension(cx, node);
        }
        _ => ExprKind::Other(code_children(node).into_iter().map(|p| expr(cx, p)).collect()),
    };
    Expr::new(kind, s)
}

/// A comprehension is lowered to its element expression with every `for` variable replaced by what it iterates:
/// `[q + x for x in xs]` reads `q` and `xs`.
fn comprehension(cx: &mut Cx, node: Node) -> Expr {
    let mut parts = Vec::new();
    for child in code_children(node) {
        match child.kind() {
            "for_in_clause" => {
                if let Some(right) = child.child_by_field_name("right") {
                    parts.push(expr(cx, right));
                }
            }
            "if_clause" => {}
            _ => parts.push(expr(cx, child)),
        }
    }
    Expr::new(ExprKind::Other(parts), span(node))
}

fn args(cx: &mut Cx, node: Node) -> Vec<Arg> {
    let mut out = Vec::new();
    for a in code_children(node) {
        match a.kind() {
            "keyword_argument" => {
                let name = a.child_by_field_name("name").map(|n| cx.text(n).to_string());
                let value = a.child_by_field_name("value").map(|v| expr(cx, v)).unwrap_or_else(|| other(vec![], a));
                out.push(Arg { name, value, spread: false });
            }
            "list_splat" | "dictionary_splat" => {
                let value = expr(cx, a);
                out.push(Arg { name: None, value, spread: true });
            }
            _ => out.push(Arg { name: None, value: expr(cx, a), spread: false }),
        }
    }
    out
}

fn string(cx: &mut Cx, node: Node) -> ExprKind {
    let children = named_children(node);
    let holes: Vec<Node> = children.iter().copied().filter(|c| c.kind() == "interpolation").collect();
    if holes.is_empty() {
        return ExprKind::Str(unquote(cx.text(node)));
    }
    let mut parts = Vec::new();
    for child in children {
        match child.kind() {
            "string_content" => parts.push(Expr::new(ExprKind::Str(cx.text(child).to_string()), span(child))),
            "interpolation" => {
                if let Some(e) = child.child_by_field_name("expression") {
                    parts.push(expr(cx, e));
                }
            }
            _ => {}
        }
    }
    ExprKind::Concat(parts)
}
