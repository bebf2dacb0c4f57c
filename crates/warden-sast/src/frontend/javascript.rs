//! JavaScript and TypeScript (tree-sitter-javascript, tree-sitter-typescript) → IR.
//!
//! One lowering serves `.js`/`.mjs`/`.cjs`/`.jsx`, `.ts` and `.tsx`: type annotations become `ty`, TypeScript-only
//! wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) are their inner expression, and declarations that have no
//! run-time effect (interfaces, type aliases, `declare`) are dropped. `require`/`import` bind names in
//! [`crate::ir::Module::imports`]; a function expression or arrow assigned to a variable or property takes that
//! name (`exports.handler = async (event) => …` is `handler`).

use super::{Cx, code_children, decode_escapes, named_children, other, span, unquote};
use crate::ir::{Arg, Catch, Class, Expr, ExprKind, FuncId, Function, Param, Span, Stmt};
use tree_sitter::Node;

/// Nesting of statements and expressions across nested functions (`Cx::depth` restarts in each function, so
/// `() => () => () => …` would otherwise recurse without bound).
const MAX_NESTING: u32 = 160;

thread_local! {
    static NESTING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// One level of nesting, released when dropped; `None` past [`MAX_NESTING`].
struct Nested;

impl Nested {
    fn enter() -> Option<Nested> {
        NESTING.with(|n| {
            let v = n.get();
            (v < MAX_NESTING).then(|| {
                n.set(v + 1);
                Nested
            })
        })
    }
}

impl Drop for Nested {
    fn drop(&mut self) {
        NESTING.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

pub(crate) fn lower(cx: &mut Cx, root: Node) {
    let body = block(cx, root);
    cx.set_body(0, body);
    exported_wrappers(cx, root);
}

/// Exports that name a function defined elsewhere (`exports.handler = main`, `export { main as handler }`,
/// `module.exports = { handler: main }`) or wrapped (`export const handler = middy(async (event) => …)`,
/// `exports.handler = middy(main).use(…)`): the inline function takes the exported name; a named one gets a
/// wrapper function of that name that calls it, so Lambda's `index.handler` finds it.
fn exported_wrappers(cx: &mut Cx, root: Node) {
    let mut exports: Vec<(String, Node)> = Vec::new();
    for st in code_children(root) {
        let st = if st.kind() == "export_statement" {
            if let Some(v) = st.child_by_field_name("value") {
                exports.push(("default".to_string(), v));
                continue;
            }
            for c in code_children(st) {
                if c.kind() == "export_clause" {
                    for spec in code_children(c) {
                        let name = spec.child_by_field_name("name");
                        let alias = spec.child_by_field_name("alias").or(name);
                        if let (Some(n), Some(a)) = (name, alias) {
                            exports.push((key_text(cx, a), n));
                        }
                    }
                }
            }
            match st.child_by_field_name("declaration") {
                Some(d) => d,
                None => continue,
            }
        } else {
            st
        };
        match st.kind() {
            "lexical_declaration" | "variable_declaration" => {
                for d in code_children(st) {
                    let (Some(n), Some(v)) = (d.child_by_field_name("name"), d.child_by_field_name("value")) else {
                        continue;
                    };
                    if n.kind() == "identifier" {
                        exports.push((cx.text(n).to_string(), v));
                    }
                }
            }
            "expression_statement" => {
                let Some(a) = code_children(st).first().copied().filter(|a| a.kind() == "assignment_expression") else {
                    continue;
                };
                let (Some(left), Some(right)) = (a.child_by_field_name("left"), a.child_by_field_name("right")) else {
                    continue;
                };
                let target = cx.text(left);
                if target == "module.exports" || target == "exports" {
                    let right = strip_wrappers(right);
                    if right.kind() == "object" {
                        for pair in code_children(right) {
                            if pair.kind() == "pair"
                                && let (Some(k), Some(v)) =
                                    (pair.child_by_field_name("key"), pair.child_by_field_name("value"))
                            {
                                exports.push((key_text(cx, k), v));
                            }
                        }
                    }
                } else if (target.starts_with("exports.") || target.starts_with("module.exports."))
                    && let Some(name) = assigned_name(cx, left)
                {
                    exports.push((name, right));
                }
            }
            _ => {}
        }
    }
    for (name, value) in exports {
        let Some(w) = wrapped_function(strip_wrappers(value), 0) else { continue };
        if matches!(w.kind(), "arrow_function" | "function_expression" | "function" | "generator_function") {
            if w == strip_wrappers(value) {
                continue; // named when it was lowered
            }
            let ws = span(w);
            if let Some(f) = cx.module.functions.iter_mut().find(|f| f.span == ws && f.name == "<lambda>") {
                f.name = name;
            }
        } else if w.kind() == "identifier" {
            let target = cx.text(w).to_string();
            alias_function(cx, &name, &target, span(value));
        }
    }
}

/// The function an export wraps: itself, or the first function argument down a call chain (`middy(fn).use(x)`).
fn wrapped_function(node: Node, depth: u32) -> Option<Node> {
    if depth > 8 {
        return None;
    }
    match node.kind() {
        "arrow_function" | "function_expression" | "function" | "generator_function" | "identifier" => Some(node),
        "call_expression" => {
            let callee = node.child_by_field_name("function")?;
            if let ExprOrNode::Node(inner) = callee_inner(callee)
                && let Some(f) = wrapped_function(inner, depth + 1)
            {
                return Some(f);
            }
            let args = node.child_by_field_name("arguments")?;
            let first = code_children(args).into_iter().next()?;
            let first = strip_wrappers(first);
            match first.kind() {
                "arrow_function" | "function_expression" | "function" | "identifier" => Some(first),
                "call_expression" => wrapped_function(first, depth + 1),
                _ => match callee_inner(callee) {
                    ExprOrNode::Node(inner) => wrapped_function(inner, depth + 1),
                    ExprOrNode::None => None,
                },
            }
        }
        _ => None,
    }
}

enum ExprOrNode<'t> {
    Node(Node<'t>),
    None,
}

/// `middy(fn)` of `middy(fn).use(x)`.
fn callee_inner(callee: Node) -> ExprOrNode {
    match callee.kind() {
        "member_expression" => match callee.child_by_field_name("object") {
            Some(o) if o.kind() == "call_expression" => ExprOrNode::Node(o),
            _ => ExprOrNode::None,
        },
        _ => ExprOrNode::None,
    }
}

/// Adds `name(params…) { return target(params…); }` for an export of a top-level function under another name.
fn alias_function(cx: &mut Cx, name: &str, target: &str, s: Span) {
    if name == target || cx.module.functions.iter().any(|f| f.name == name && f.parent == Some(0)) {
        return;
    }
    let Some(params) = cx
        .module
        .functions
        .iter()
        .find(|f| f.name == target && f.parent == Some(0) && f.class.is_none())
        .map(|f| f.params.clone())
    else {
        return;
    };
    let args = params
        .iter()
        .map(|p| Arg { name: None, value: Expr::new(ExprKind::Name(p.name.clone()), s), spread: false })
        .collect();
    let call = Expr::new(
        ExprKind::Call { callee: Box::new(Expr::new(ExprKind::Name(target.to_string()), s)), args, new: false },
        s,
    );
    let saved = std::mem::replace(&mut cx.current, 0);
    cx.add_function(Function {
        name: name.to_string(),
        class: None,
        params,
        body: vec![Stmt::Return(Some(call), s)],
        decorators: Vec::new(),
        is_static: true,
        parent: None,
        returns: None,
        span: s,
    });
    cx.current = saved;
}

fn block(cx: &mut Cx, node: Node) -> Vec<Stmt> {
    let mut out = Vec::new();
    for child in code_children(node) {
        stmt(cx, child, &mut out);
    }
    out
}

/// A statement that may be a block or a single statement (`if (c) x();`).
fn body_of(cx: &mut Cx, node: Option<Node>) -> Vec<Stmt> {
    let mut out = Vec::new();
    if let Some(n) = node {
        if n.kind() == "statement_block" {
            out = block(cx, n);
        } else {
            stmt(cx, n, &mut out);
        }
    }
    out
}

fn none(node: Node) -> Expr {
    other(Vec::new(), node)
}

fn field_expr(cx: &mut Cx, node: Node, field: &str) -> Expr {
    node.child_by_field_name(field).map(|n| expr(cx, n)).unwrap_or_else(|| none(node))
}

fn stmt(cx: &mut Cx, node: Node, out: &mut Vec<Stmt>) {
    let Some(_level) = Nested::enter() else { return };
    if cx.depth >= super::MAX_DEPTH {
        return;
    }
    cx.depth += 1;
    stmt_inner(cx, node, out);
    cx.depth -= 1;
}

fn stmt_inner(cx: &mut Cx, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "expression_statement" => {
            for child in code_children(node) {
                expr_stmt(cx, child, out);
            }
        }
        "lexical_declaration" | "variable_declaration" | "using_declaration" => {
            for d in code_children(node) {
                if d.kind() == "variable_declarator" {
                    declarator(cx, d, out);
                }
            }
        }
        "return_statement" => {
            let value = code_children(node).first().map(|e| expr(cx, *e));
            out.push(Stmt::Return(value, span(node)));
        }
        "throw_statement" => {
            let value = code_children(node).first().map(|e| expr(cx, *e));
            out.push(Stmt::Throw(value, span(node)));
        }
        "if_statement" => {
            let cond = field_expr(cx, node, "condition");
            let then = body_of(cx, node.child_by_field_name("consequence"));
            let otherwise = node
                .child_by_field_name("alternative")
                .map(|alt| {
                    let inner = code_children(alt).first().copied();
                    body_of(cx, inner)
                })
                .unwrap_or_default();
            out.push(Stmt::If { cond, then, otherwise, span: span(node) });
        }
        "for_statement" => {
            let mut init = Vec::new();
            if let Some(i) = node.child_by_field_name("initializer") {
                if matches!(i.kind(), "lexical_declaration" | "variable_declaration") {
                    stmt(cx, i, &mut init);
                } else if i.kind() != "empty_statement" {
                    expr_stmt(cx, i, &mut init);
                }
            }
            out.extend(init);
            let cond = node
                .child_by_field_name("condition")
                .filter(|c| c.is_named() && c.kind() != "empty_statement")
                .map(|c| expr(cx, c));
            let mut body = body_of(cx, node.child_by_field_name("body"));
            if let Some(inc) = node.child_by_field_name("increment") {
                expr_stmt(cx, inc, &mut body);
            }
            out.push(Stmt::Loop { var: None, iter: None, cond, body, span: span(node) });
        }
        "for_in_statement" => {
            let iter = node.child_by_field_name("right").map(|n| expr(cx, n));
            let mut body = Vec::new();
            let var = node.child_by_field_name("left").map(|left| {
                if matches!(left.kind(), "object_pattern" | "array_pattern") {
                    // for (const {body} of event.Records): bind a hidden element, destructure it in the body.
                    let item = Expr::new(ExprKind::Name(format!("$item{}", left.start_byte())), span(left));
                    pattern(cx, left, Some(item.clone()), None, span(left), &mut body);
                    item
                } else {
                    expr(cx, left)
                }
            });
            body.extend(body_of(cx, node.child_by_field_name("body")));
            out.push(Stmt::Loop { var, iter, cond: None, body, span: span(node) });
        }
        "while_statement" | "do_statement" => {
            let cond = node.child_by_field_name("condition").map(|c| expr(cx, c));
            let body = body_of(cx, node.child_by_field_name("body"));
            out.push(Stmt::Loop { var: None, iter: None, cond, body, span: span(node) });
        }
        "try_statement" => {
            let body = body_of(cx, node.child_by_field_name("body"));
            let mut catches = Vec::new();
            if let Some(h) = node.child_by_field_name("handler") {
                let mut pre = Vec::new();
                let var = h.child_by_field_name("parameter").map(|p| {
                    if p.kind() == "identifier" {
                        cx.text(p).to_string()
                    } else {
                        let name = format!("$err{}", p.start_byte());
                        let v = Expr::new(ExprKind::Name(name.clone()), span(p));
                        pattern(cx, p, Some(v), None, span(p), &mut pre);
                        name
                    }
                });
                let ty = h.child_by_field_name("type").map(|t| type_text(cx, t));
                pre.extend(body_of(cx, h.child_by_field_name("body")));
                catches.push(Catch { var, ty, body: pre });
            }
            let finally = node
                .child_by_field_name("finalizer")
                .map(|f| body_of(cx, f.child_by_field_name("body")))
                .unwrap_or_default();
            out.push(Stmt::Try { body, catches, finally, span: span(node) });
        }
        "switch_statement" => {
            if let Some(v) = node.child_by_field_name("value") {
                out.push(Stmt::Expr(expr(cx, v)));
            }
            if let Some(b) = node.child_by_field_name("body") {
                for case in code_children(b) {
                    let mut cursor = case.walk();
                    let stmts: Vec<Node> = case.children_by_field_name("body", &mut cursor).collect();
                    let mut body = Vec::new();
                    for s in stmts {
                        stmt(cx, s, &mut body);
                    }
                    out.push(Stmt::Block(body));
                }
            }
        }
        "statement_block" => out.push(Stmt::Block(block(cx, node))),
        "labeled_statement" | "with_statement" => {
            let body = body_of(cx, node.child_by_field_name("body"));
            out.push(Stmt::Block(body));
        }
        "function_declaration" | "generator_function_declaration" => {
            let name = node.child_by_field_name("name").map(|n| cx.text(n).to_string()).unwrap_or_default();
            let id = function(cx, node, name, Vec::new());
            out.push(Stmt::Def(id));
        }
        "class_declaration" | "abstract_class_declaration" => {
            class(cx, node, Vec::new(), out);
        }
        "export_statement" => export(cx, node, out),
        "import_statement" => import(cx, node),
        "internal_module" | "module" => {
            out.push(Stmt::Block(body_of(cx, node.child_by_field_name("body"))));
        }
        "interface_declaration"
        | "type_alias_declaration"
        | "enum_declaration"
        | "ambient_declaration"
        | "abstract_method_signature"
        | "function_signature"
        | "empty_statement"
        | "break_statement"
        | "continue_statement"
        | "debugger_statement"
        | "hash_bang_line"
        | "comment"
        | "import_alias" => {}
        _ => {
            if node.is_named() {
                expr_stmt(cx, node, out);
            }
        }
    }
}

/// An expression in statement position: assignments become [`Stmt::Assign`].
fn expr_stmt(cx: &mut Cx, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "assignment_expression" => assignment(cx, node, out),
        "augmented_assignment_expression" => {
            let Some(left) = node.child_by_field_name("left") else { return };
            let target = expr(cx, left);
            let right = field_expr(cx, node, "right");
            let op = node
                .child_by_field_name("operator")
                .map(|o| cx.text(o).trim_end_matches('=').to_string())
                .unwrap_or_else(|| "+".to_string());
            let value =
                Expr::new(ExprKind::Binary { op, left: Box::new(target.clone()), right: Box::new(right) }, span(node));
            out.push(Stmt::Assign { target, value: Some(value), ty: None, span: span(node) });
        }
        "sequence_expression" | "parenthesized_expression" => {
            for child in code_children(node) {
                expr_stmt(cx, child, out);
            }
        }
        _ => out.push(Stmt::Expr(expr(cx, node))),
    }
}

/// `a = b`, `a.b = c = d`, `({x} = o)`, `exports.handler = async (event) => …`.
fn assignment(cx: &mut Cx, node: Node, out: &mut Vec<Stmt>) {
    let Some(left) = node.child_by_field_name("left") else { return };
    let Some(right) = node.child_by_field_name("right") else { return };
    let right = strip_parens(right);
    let value = if right.kind() == "assignment_expression" {
        assignment(cx, right, out);
        right.child_by_field_name("left").map(|l| expr(cx, l)).unwrap_or_else(|| none(right))
    } else {
        let name = assigned_name(cx, left);
        named_value(cx, right, name)
    };
    if left.kind() == "identifier"
        && let Some(target) = import_target(cx, right)
    {
        cx.import(cx.text(left), &target);
    }
    // Koa's response setters: `ctx.body = html` writes the response and `ctx.type = 'text'` sets its content type;
    // each is lowered as a call too (`ctx.body(html)`, `ctx.type('text')`), so response sinks and the content type
    // see them as they see Express's `res.send(html)` and `res.type('text')`.
    let koa_setter = matches!(
        cx.text(left),
        "ctx.body"
            | "ctx.response.body"
            | "context.body"
            | "context.response.body"
            | "ctx.type"
            | "ctx.response.type"
            | "context.type"
            | "context.response.type"
    );
    let written = koa_setter.then(|| value.clone());
    pattern(cx, left, Some(value), None, span(node), out);
    if let Some(v) = written {
        let callee = expr(cx, left);
        let call = ExprKind::Call {
            callee: Box::new(callee),
            args: vec![Arg { name: None, value: v, spread: false }],
            new: false,
        };
        out.push(Stmt::Expr(Expr::new(call, span(node))));
    }
}

/// The name a function assigned here takes: the variable or the last property (`module.exports.handler` →
/// `handler`); `module.exports = fn` / `exports = fn` keep `exports`.
fn assigned_name(cx: &Cx, left: Node) -> Option<String> {
    match left.kind() {
        "identifier" => Some(cx.text(left).to_string()),
        "member_expression" => left.child_by_field_name("property").map(|p| cx.text(p).to_string()),
        "subscript_expression" => {
            left.child_by_field_name("index").filter(|i| i.kind() == "string").map(|i| unquote(cx.text(i)))
        }
        _ => None,
    }
}

/// An expression that takes `name` if it is a function expression or arrow (or a class expression).
fn named_value(cx: &mut Cx, node: Node, name: Option<String>) -> Expr {
    let inner = strip_wrappers(node);
    match (inner.kind(), name) {
        ("arrow_function" | "function_expression" | "function" | "generator_function", Some(name)) => {
            // The binding's name, not the expression's own (`exports.handler = function main(e) {}` is `handler`):
            // callers and Lambda's Handler setting use the binding.
            let id = function(cx, inner, name, Vec::new());
            Expr::new(ExprKind::Lambda(id), span(inner))
        }
        _ => expr(cx, node),
    }
}

fn strip_parens(mut node: Node) -> Node {
    while node.kind() == "parenthesized_expression" {
        match code_children(node).as_slice() {
            [one] => node = *one,
            _ => break,
        }
    }
    node
}

/// Parentheses, `await` and TypeScript assertions around an expression.
fn strip_wrappers(mut node: Node) -> Node {
    loop {
        match node.kind() {
            "parenthesized_expression"
            | "await_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression"
            | "type_assertion" => {
                let first = code_children(node).into_iter().find(|c| !is_type_node(c.kind()));
                match first {
                    Some(f) => node = f,
                    None => return node,
                }
            }
            _ => return node,
        }
    }
}

fn is_type_node(kind: &str) -> bool {
    kind.ends_with("_type")
        || matches!(
            kind,
            "type_identifier"
                | "predefined_type"
                | "type_arguments"
                | "type_annotation"
                | "nested_type_identifier"
                | "object_type"
                | "literal_type"
                | "type_query"
                | "this_type"
        )
}

/// `const x: T = v`, `let {a, b: c} = o`, `const fs = require('fs')`.
fn declarator(cx: &mut Cx, node: Node, out: &mut Vec<Stmt>) {
    let Some(name) = node.child_by_field_name("name") else { return };
    let ty = node.child_by_field_name("type").map(|t| type_text(cx, t));
    let value_node = node.child_by_field_name("value");
    if let Some(v) = value_node
        && let Some(target) = import_target(cx, v)
    {
        // Imports bind names; no assignment is recorded for them.
        match name.kind() {
            "identifier" => {
                cx.import(cx.text(name), &target);
                return;
            }
            "object_pattern" => {
                import_pattern(cx, name, &target);
                return;
            }
            _ => {}
        }
    }
    let value = value_node.map(|v| {
        let fname = (name.kind() == "identifier").then(|| cx.text(name).to_string());
        named_value(cx, v, fname)
    });
    pattern(cx, name, value, ty, span(node), out);
}

/// `const {a, b: c} = require('m')` → `a` ↦ `m.a`, `c` ↦ `m.b`.
fn import_pattern(cx: &mut Cx, pat: Node, target: &str) {
    let Some(_level) = Nested::enter() else { return };
    for p in code_children(pat) {
        match p.kind() {
            "shorthand_property_identifier_pattern" => {
                let n = cx.text(p);
                cx.import(n, &format!("{target}.{n}"));
            }
            "pair_pattern" => {
                let key = p.child_by_field_name("key").map(|k| key_text(cx, k)).unwrap_or_default();
                if let Some(v) = p.child_by_field_name("value") {
                    let full = format!("{target}.{key}");
                    match v.kind() {
                        "identifier" => cx.import(cx.text(v), &full),
                        "object_pattern" => import_pattern(cx, v, &full),
                        "assignment_pattern" => {
                            if let Some(l) = v.child_by_field_name("left").filter(|l| l.kind() == "identifier") {
                                cx.import(cx.text(l), &full);
                            }
                        }
                        _ => {}
                    }
                }
            }
            "object_assignment_pattern" => {
                if let Some(l) = p.child_by_field_name("left").filter(|l| l.kind().starts_with("shorthand")) {
                    let n = cx.text(l);
                    cx.import(n, &format!("{target}.{n}"));
                }
            }
            _ => {}
        }
    }
}

/// What a `require`-like expression imports: `require('m')`, `require('m').a.b`, `await import('m')`,
/// `util.promisify(require('child_process').exec)`, `promisify(exec)` with `exec` imported.
fn import_target(cx: &Cx, node: Node) -> Option<String> {
    import_target_at(cx, node, 0)
}

fn import_target_at(cx: &Cx, node: Node, depth: u32) -> Option<String> {
    if depth > 12 {
        return None;
    }
    let node = strip_wrappers(node);
    match node.kind() {
        "call_expression" => {
            let callee = node.child_by_field_name("function")?;
            let args = node.child_by_field_name("arguments")?;
            let first = code_children(args).first().copied();
            let callee_text = cx.text(callee);
            match callee_text {
                "require" | "import" => {
                    let spec = first.filter(|f| f.kind() == "string")?;
                    Some(module_target(cx, &unquote(cx.text(spec))))
                }
                "promisify"
                | "util.promisify"
                | "Promise.promisify"
                | "bluebird.promisify"
                | "captureAWS"
                | "AWSXRay.captureAWS"
                | "XRay.captureAWS"
                | "captureAWSClient"
                | "AWSXRay.captureAWSClient"
                | "XRay.captureAWSClient"
                | "__importDefault"
                | "__importStar"
                | "tslib.__importDefault"
                | "tslib.__importStar"
                | "tslib_1.__importDefault"
                | "tslib_1.__importStar"
                | "_interopRequireDefault"
                | "_interopRequireWildcard" => {
                    let arg = first?;
                    import_target_at(cx, arg, depth + 1).or_else(|| {
                        let d = dotted_text(cx, arg, 0)?;
                        let (head, rest) = d.split_once('.').map_or((d.as_str(), ""), |(h, r)| (h, r));
                        let base = cx.module.import(head)?;
                        Some(if rest.is_empty() { base.to_string() } else { format!("{base}.{rest}") })
                    })
                }
                _ => None,
            }
        }
        "member_expression" => {
            let obj = node.child_by_field_name("object")?;
            let base = import_target_at(cx, obj, depth + 1)?;
            let prop = node.child_by_field_name("property")?;
            Some(format!("{base}.{}", cx.text(prop)))
        }
        _ => None,
    }
}

/// A name or member chain as dotted text (`a.b.c`).
fn dotted_text(cx: &Cx, node: Node, depth: u32) -> Option<String> {
    if depth > 12 {
        return None;
    }
    match node.kind() {
        "identifier" => Some(cx.text(node).to_string()),
        "member_expression" => {
            let obj = dotted_text(cx, node.child_by_field_name("object")?, depth + 1)?;
            let prop = node.child_by_field_name("property")?;
            Some(format!("{obj}.{}", cx.text(prop)))
        }
        _ => None,
    }
}

/// The import target for a module specifier: packages as written (`node:` stripped), relative paths as the module
/// name of the file they resolve to.
fn module_target(cx: &Cx, spec: &str) -> String {
    let spec = spec.strip_prefix("node:").unwrap_or(spec);
    // TypeScript/bundler path aliases (`@/lib/db`, `~/lib/db`): the dotted path, which the engine matches as a
    // suffix of the package's module names (`src.lib.db`).
    if let Some(rest) = spec.strip_prefix("@/").or_else(|| spec.strip_prefix("~/")) {
        return super::module_name(&format!("{rest}.js"));
    }
    if !(spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == "..") {
        return spec.to_string();
    }
    let dir = cx.module.path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut parts: Vec<&str> = if dir.is_empty() { Vec::new() } else { dir.split('/').collect() };
    let absolute = cx.module.path.starts_with('/');
    for seg in spec.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| !p.is_empty() && *p != "..") {
                    parts.pop();
                } else {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let mut joined = parts.join("/");
    if absolute && !joined.starts_with('/') {
        joined.insert(0, '/');
    }
    let last = joined.rsplit('/').next().unwrap_or(&joined);
    let known_ext = [".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".json"];
    if !known_ext.iter().any(|e| last.ends_with(e)) {
        joined.push_str(".js");
    }
    super::module_name(&joined)
}

/// `import x from 'm'`, `import * as x from 'm'`, `import {a as b} from 'm'`, `import x = require('m')`.
fn import(cx: &mut Cx, node: Node) {
    let source = node.child_by_field_name("source").map(|s| unquote(cx.text(s)));
    for child in code_children(node) {
        match child.kind() {
            "import_clause" => {
                let Some(src) = source.as_deref() else { continue };
                let target = module_target(cx, src);
                for part in code_children(child) {
                    match part.kind() {
                        "identifier" => cx.import(cx.text(part), &target),
                        "namespace_import" => {
                            if let Some(id) = code_children(part).into_iter().find(|n| n.kind() == "identifier") {
                                cx.import(cx.text(id), &target);
                            }
                        }
                        "named_imports" => {
                            for spec in code_children(part) {
                                if spec.kind() != "import_specifier" {
                                    continue;
                                }
                                let name =
                                    spec.child_by_field_name("name").map(|n| key_text(cx, n)).unwrap_or_default();
                                let alias = spec
                                    .child_by_field_name("alias")
                                    .map(|n| cx.text(n).to_string())
                                    .unwrap_or(name.clone());
                                let full = if name == "default" { target.clone() } else { format!("{target}.{name}") };
                                cx.import(&alias, &full);
                            }
                        }
                        _ => {}
                    }
                }
            }
            "import_require_clause" => {
                let src = child.child_by_field_name("source").map(|s| unquote(cx.text(s)));
                let id = code_children(child).into_iter().find(|n| n.kind() == "identifier");
                if let (Some(src), Some(id)) = (src, id) {
                    let target = module_target(cx, &src);
                    cx.import(cx.text(id), &target);
                }
            }
            _ => {}
        }
    }
}

/// `export const handler = …`, `export async function handler`, `export default …`, `export class …`.
fn export(cx: &mut Cx, node: Node, out: &mut Vec<Stmt>) {
    let decorators: Vec<Expr> = {
        let mut cursor = node.walk();
        let ds: Vec<Node> = node.children_by_field_name("decorator", &mut cursor).collect();
        ds.into_iter().map(|d| decorator(cx, d)).collect()
    };
    if let Some(decl) = node.child_by_field_name("declaration") {
        if matches!(decl.kind(), "class_declaration" | "abstract_class_declaration") {
            class(cx, decl, decorators, out);
        } else {
            stmt(cx, decl, out);
        }
        return;
    }
    if let Some(value) = node.child_by_field_name("value") {
        // export default async (event) => …  / export default function handler(…) {…}
        let inner = strip_wrappers(value);
        match inner.kind() {
            "function_declaration" | "generator_function_declaration" => stmt(cx, inner, out),
            "class" | "class_declaration" => {
                class(cx, inner, decorators, out);
            }
            _ => {
                let v = named_value(cx, value, Some("default".to_string()));
                out.push(Stmt::Expr(v));
            }
        }
        return;
    }
    // export { a as handler } from './x' re-exports nothing we track; export default <identifier> is a read.
    for child in code_children(node) {
        if !matches!(child.kind(), "export_clause" | "namespace_export" | "string" | "decorator") {
            out.push(Stmt::Expr(expr(cx, child)));
        }
    }
}

/// A type annotation's text without the leading `:`.
fn type_text(cx: &Cx, node: Node) -> String {
    let t = cx.text(node).trim();
    t.strip_prefix(':').unwrap_or(t).trim().to_string()
}

/// A property key as text: `a`, `'a'` → `a`, `[k]` → `k` as written.
fn key_text(cx: &Cx, node: Node) -> String {
    match node.kind() {
        "string" => unquote(cx.text(node)),
        "computed_property_name" => code_children(node).first().map(|n| cx.text(*n).to_string()).unwrap_or_default(),
        _ => cx.text(node).to_string(),
    }
}

/// A key as an expression: literal keys are `Str`, computed keys the expression.
fn key_expr(cx: &mut Cx, node: Node) -> Expr {
    match node.kind() {
        "computed_property_name" => match code_children(node).first() {
            Some(k) => expr(cx, *k),
            None => none(node),
        },
        "string" => Expr::new(ExprKind::Str(unquote(cx.text(node))), span(node)),
        "number" => Expr::new(ExprKind::Num(cx.text(node).to_string()), span(node)),
        _ => Expr::new(ExprKind::Str(cx.text(node).to_string()), span(node)),
    }
}

/// Binds a pattern (identifier, member, object or array pattern, with defaults and rest) to `value`: one
/// assignment per name, each reading its own field or element.
fn pattern(cx: &mut Cx, pat: Node, value: Option<Expr>, ty: Option<String>, s: Span, out: &mut Vec<Stmt>) {
    let Some(_level) = Nested::enter() else { return };
    match pat.kind() {
        "object_pattern" => {
            for p in code_children(pat) {
                match p.kind() {
                    "shorthand_property_identifier_pattern" => {
                        let n = cx.text(p).to_string();
                        let v = value.as_ref().map(|v| attr(v.clone(), &n, span(p)));
                        out.push(Stmt::Assign {
                            target: Expr::new(ExprKind::Name(n), span(p)),
                            value: v,
                            ty: None,
                            span: s,
                        });
                    }
                    "pair_pattern" => {
                        let Some(key) = p.child_by_field_name("key") else { continue };
                        let Some(target) = p.child_by_field_name("value") else { continue };
                        let v = value.as_ref().map(|v| member(cx, v.clone(), key, span(p)));
                        pattern(cx, target, v, None, s, out);
                    }
                    "object_assignment_pattern" => {
                        let Some(left) = p.child_by_field_name("left") else { continue };
                        let default = p.child_by_field_name("right").map(|r| expr(cx, r));
                        if left.kind() == "shorthand_property_identifier_pattern" {
                            let n = cx.text(left).to_string();
                            let v = value.as_ref().map(|v| with_default(attr(v.clone(), &n, span(left)), default));
                            out.push(Stmt::Assign {
                                target: Expr::new(ExprKind::Name(n), span(left)),
                                value: v,
                                ty: None,
                                span: s,
                            });
                        } else {
                            pattern(cx, left, value.clone(), None, s, out);
                        }
                    }
                    "rest_pattern" => {
                        if let Some(inner) = code_children(p).first() {
                            pattern(cx, *inner, value.clone(), None, s, out);
                        }
                    }
                    _ => {}
                }
            }
        }
        "array_pattern" => {
            for (i, p) in code_children(pat).into_iter().enumerate() {
                if p.kind() == "rest_pattern" {
                    if let Some(inner) = code_children(p).first() {
                        pattern(cx, *inner, value.clone(), None, s, out);
                    }
                    continue;
                }
                let v = value.as_ref().map(|v| {
                    let index = Expr::new(ExprKind::Num(i.to_string()), span(p));
                    Expr::new(ExprKind::Index { obj: Box::new(v.clone()), index: Box::new(index) }, v.span)
                });
                pattern(cx, p, v, None, s, out);
            }
        }
        "assignment_pattern" => {
            let default = pat.child_by_field_name("right").map(|r| expr(cx, r));
            if let Some(left) = pat.child_by_field_name("left") {
                let v = value.map(|v| with_default(v, default));
                pattern(cx, left, v, ty, s, out);
            }
        }
        "rest_pattern" => {
            if let Some(inner) = code_children(pat).first() {
                pattern(cx, *inner, value, ty, s, out);
            }
        }
        "parenthesized_expression" => {
            if let Some(inner) = code_children(pat).first() {
                pattern(cx, *inner, value, ty, s, out);
            }
        }
        _ => {
            let target = expr(cx, pat);
            out.push(Stmt::Assign { target, value, ty, span: s });
        }
    }
}

fn attr(obj: Expr, name: &str, s: Span) -> Expr {
    Expr::new(ExprKind::Attr { obj: Box::new(obj), name: name.to_string() }, s)
}

/// `o.key` for a literal key, `o[expr]` for a computed one.
fn member(cx: &mut Cx, obj: Expr, key: Node, s: Span) -> Expr {
    match key.kind() {
        "property_identifier" | "identifier" | "private_property_identifier" => attr(obj, cx.text(key), s),
        "string" => attr(obj, &unquote(cx.text(key)), s),
        _ => {
            let k = key_expr(cx, key);
            Expr::new(ExprKind::Index { obj: Box::new(obj), index: Box::new(k) }, s)
        }
    }
}

/// `value ?? default` for destructuring defaults (taint of both flows).
fn with_default(value: Expr, default: Option<Expr>) -> Expr {
    match default {
        Some(d) => {
            let s = value.span;
            Expr::new(ExprKind::Binary { op: "??".to_string(), left: Box::new(value), right: Box::new(d) }, s)
        }
        None => value,
    }
}

fn decorator(cx: &mut Cx, node: Node) -> Expr {
    match code_children(node).first() {
        Some(inner) => expr(cx, *inner),
        None => none(node),
    }
}

/// The name of a decorator without `@` and arguments (`@Query('id')` → `Query`).
fn decorator_name(cx: &Cx, node: Node) -> String {
    let inner = code_children(node).first().copied();
    let target = match inner {
        Some(n) if n.kind() == "call_expression" => n.child_by_field_name("function"),
        other => other,
    };
    target.map(|t| cx.text(t).to_string()).unwrap_or_default()
}

fn class(cx: &mut Cx, node: Node, mut decorators: Vec<Expr>, out: &mut Vec<Stmt>) -> String {
    let name = node
        .child_by_field_name("name")
        .map(|n| cx.text(n).to_string())
        .unwrap_or_else(|| format!("<class{}>", node.start_byte()));
    {
        let mut cursor = node.walk();
        let ds: Vec<Node> = node.children_by_field_name("decorator", &mut cursor).collect();
        for d in ds {
            decorators.push(decorator(cx, d));
        }
    }
    let mut bases = Vec::new();
    for child in code_children(node) {
        if child.kind() != "class_heritage" {
            continue;
        }
        for h in code_children(child) {
            match h.kind() {
                "extends_clause" | "implements_clause" => {
                    for t in code_children(h) {
                        if t.kind() == "type_arguments" {
                            if let Some(last) = bases.pop() {
                                bases.push(format!("{last}{}", cx.text(t)));
                            }
                        } else {
                            bases.push(cx.text(t).to_string());
                        }
                    }
                }
                _ => bases.push(cx.text(h).to_string()),
            }
        }
    }
    let saved = cx.class.replace(name.clone());
    let mut body = Vec::new();
    let mut methods = Vec::new();
    if let Some(b) = node.child_by_field_name("body") {
        let mut pending: Vec<Expr> = Vec::new();
        for member in code_children(b) {
            match member.kind() {
                "decorator" => {
                    let d = decorator(cx, member);
                    pending.push(d);
                }
                "method_definition" => {
                    let mut decos = std::mem::take(&mut pending);
                    let mut cursor = member.walk();
                    let own: Vec<Node> = member.children_by_field_name("decorator", &mut cursor).collect();
                    for d in own {
                        decos.push(decorator(cx, d));
                    }
                    let mname = member.child_by_field_name("name").map(|n| key_text(cx, n)).unwrap_or_default();
                    let id = function(cx, member, mname, decos);
                    if has_token(member, "static")
                        && let Some(f) = cx.module.functions.get_mut(id)
                    {
                        f.is_static = true;
                    }
                    methods.push(id);
                    body.push(Stmt::Def(id));
                }
                "field_definition" | "public_field_definition" => {
                    pending.clear();
                    let key = member.child_by_field_name("property").or_else(|| member.child_by_field_name("name"));
                    let Some(key) = key else { continue };
                    let fname = key_text(cx, key);
                    let is_static = has_token(member, "static");
                    let ty = member.child_by_field_name("type").map(|t| type_text(cx, t));
                    let owner = if is_static { name.clone() } else { "this".to_string() };
                    let target = attr(Expr::new(ExprKind::Name(owner), span(key)), &fname, span(key));
                    let value = member.child_by_field_name("value").map(|v| {
                        let inner = strip_wrappers(v);
                        if matches!(inner.kind(), "arrow_function" | "function_expression") {
                            // handler = async (event) => { … } as a class property: a method.
                            let id = function(cx, inner, fname.clone(), Vec::new());
                            if let Some(f) = cx.module.functions.get_mut(id) {
                                f.class = Some(name.clone());
                                f.is_static = is_static;
                            }
                            methods.push(id);
                            Expr::new(ExprKind::Lambda(id), span(inner))
                        } else {
                            expr(cx, v)
                        }
                    });
                    body.push(Stmt::Assign { target, value, ty, span: span(member) });
                }
                "class_static_block" => {
                    let stmts = body_of(cx, member.child_by_field_name("body"));
                    body.push(Stmt::Block(stmts));
                }
                _ => {}
            }
        }
    }
    cx.class = saved;
    cx.module.classes.push(Class {
        name: name.clone(),
        bases,
        decorators,
        methods,
        getters: Vec::new(),
        span: span(node),
    });
    out.extend(body);
    name
}

/// Whether a node has an anonymous child token `tok` (`static`, `async`, `get`).
fn has_token(node: Node, tok: &str) -> bool {
    let mut cursor = node.walk();
    for c in node.children(&mut cursor) {
        if !c.is_named() && c.kind() == tok {
            return true;
        }
    }
    false
}

/// A function declaration, expression, arrow or method. Methods are lowered with `cx.class` set.
fn function(cx: &mut Cx, node: Node, name: String, decorators: Vec<Expr>) -> FuncId {
    let is_method = node.kind() == "method_definition" && cx.class.is_some();
    let id = cx.add_function(Function {
        name: if name.is_empty() { "<lambda>".to_string() } else { name },
        class: if is_method { cx.class.clone() } else { None },
        params: Vec::new(),
        body: Vec::new(),
        decorators,
        is_static: !is_method,
        parent: None,
        returns: None,
        span: span(node),
    });
    let saved_class = cx.class.take();
    let saved_depth = cx.depth;
    let (params, mut prologue) = cx.in_function(id, |cx| {
        let mut prologue = Vec::new();
        let params = if let Some(p) = node.child_by_field_name("parameters") {
            params(cx, p, &mut prologue)
        } else if let Some(p) = node.child_by_field_name("parameter") {
            vec![Param::plain(cx.text(p).to_string(), span(p))]
        } else {
            Vec::new()
        };
        (params, prologue)
    });
    let body = cx.in_function(id, |cx| match node.child_by_field_name("body") {
        Some(b) if b.kind() == "statement_block" => block(cx, b),
        Some(b) => {
            let e = expr(cx, b);
            vec![Stmt::Return(Some(e), span(b))]
        }
        None => Vec::new(),
    });
    cx.depth = saved_depth;
    cx.class = saved_class;
    prologue.extend(body);
    if let Some(f) = cx.module.functions.get_mut(id) {
        f.params = params;
        f.body = prologue;
    }
    id
}

/// Formal parameters. Destructured parameters get a hidden name (`$arg0`) and their bindings go into `prologue`;
/// TypeScript parameter properties (`constructor(private db: Db)`) also assign `this.db`.
fn params(cx: &mut Cx, node: Node, prologue: &mut Vec<Stmt>) -> Vec<Param> {
    let mut out = Vec::new();
    let mut pending_annotations: Vec<String> = Vec::new();
    for (i, p) in code_children(node).into_iter().enumerate() {
        if p.kind() == "decorator" {
            pending_annotations.push(decorator_name(cx, p));
            continue;
        }
        let (pat, ty, default, mut annotations, property) = match p.kind() {
            "required_parameter" | "optional_parameter" => {
                let pat = p.child_by_field_name("pattern").or_else(|| p.child_by_field_name("name"));
                let ty = p.child_by_field_name("type").map(|t| type_text(cx, t));
                let default = p.child_by_field_name("value").map(|v| expr(cx, v));
                let mut cursor = p.walk();
                let decos: Vec<Node> = p.children_by_field_name("decorator", &mut cursor).collect();
                let annotations: Vec<String> = decos.into_iter().map(|d| decorator_name(cx, d)).collect();
                let property =
                    code_children(p).iter().any(|c| c.kind() == "accessibility_modifier") || has_token(p, "readonly");
                (pat, ty, default, annotations, property)
            }
            "assignment_pattern" => {
                let default = p.child_by_field_name("right").map(|v| expr(cx, v));
                (p.child_by_field_name("left"), None, default, Vec::new(), false)
            }
            _ => (Some(p), None, None, Vec::new(), false),
        };
        annotations.splice(0..0, pending_annotations.drain(..));
        let Some(mut pat) = pat else { continue };
        if pat.kind() == "rest_pattern"
            && let Some(inner) = code_children(pat).first()
        {
            pat = *inner;
        }
        if pat.kind() == "this" {
            continue;
        }
        let props = object_pattern_props(cx, pat);
        let name = match pat.kind() {
            "identifier" => cx.text(pat).to_string(),
            "object_pattern" | "array_pattern" | "assignment_pattern" => {
                let hidden = format!("$arg{i}");
                let v = Expr::new(ExprKind::Name(hidden.clone()), span(pat));
                pattern(cx, pat, Some(v), None, span(pat), prologue);
                hidden
            }
            _ => cx.text(pat).to_string(),
        };
        if property {
            let target = attr(Expr::new(ExprKind::Name("this".to_string()), span(pat)), &name, span(pat));
            let value = Expr::new(ExprKind::Name(name.clone()), span(pat));
            prologue.push(Stmt::Assign { target, value: Some(value), ty: ty.clone(), span: span(p) });
        }
        out.push(Param { ty, annotations, default, props, ..Param::plain(name, span(p)) });
    }
    out
}

/// The properties an object pattern takes apart (`{ reply, dir: root, options = {} }` → reply, dir, options),
/// looking through a default (`{ a } = {}`); none for other patterns, a computed key or a rest element (`...rest`
/// reads what the listed ones leave).
fn object_pattern_props(cx: &Cx, pat: Node) -> Vec<String> {
    let pat = match pat.kind() {
        "assignment_pattern" => match pat.child_by_field_name("left") {
            Some(left) => left,
            None => return Vec::new(),
        },
        _ => pat,
    };
    if pat.kind() != "object_pattern" {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in code_children(pat) {
        let key = match p.kind() {
            "shorthand_property_identifier_pattern" => Some(p),
            "pair_pattern" => p.child_by_field_name("key"),
            "object_assignment_pattern" => p.child_by_field_name("left"),
            _ => return Vec::new(),
        };
        let name = match key {
            Some(k) if matches!(k.kind(), "shorthand_property_identifier_pattern" | "property_identifier") => {
                cx.text(k).to_string()
            }
            Some(k) if k.kind() == "string" => unquote(cx.text(k)),
            _ => return Vec::new(),
        };
        out.push(name);
    }
    out
}

pub(crate) fn expr(cx: &mut Cx, node: Node) -> Expr {
    let Some(_level) = Nested::enter() else { return none(node) };
    cx.deeper(node, |cx| expr_inner(cx, node))
}

fn expr_inner(cx: &mut Cx, node: Node) -> Expr {
    let s = span(node);
    let kind = match node.kind() {
        "identifier"
        | "shorthand_property_identifier"
        | "property_identifier"
        | "type_identifier"
        | "private_property_identifier"
        | "statement_identifier" => ExprKind::Name(cx.text(node).to_string()),
        "this" => ExprKind::Name("this".to_string()),
        "super" => ExprKind::Name("super".to_string()),
        "member_expression" => {
            let object = node.child_by_field_name("object");
            let default_export = node.child_by_field_name("property").is_some_and(|p| cx.text(p) == "default")
                && object.is_some_and(|o| o.kind() == "identifier" && cx.module.import(cx.text(o)).is_some());
            if let Some(target) = is_require_chain(cx, node).then(|| import_target(cx, node)).flatten() {
                ExprKind::Name(target)
            } else if let Some(o) = object.filter(|_| default_export) {
                // `escape_html_1.default(x)` (tsc's `esModuleInterop`, Babel's `_interopRequireDefault`): the
                // module's default export, named as `import escape from 'escape-html'` names it.
                ExprKind::Name(cx.text(o).to_string())
            } else {
                let obj = field_expr(cx, node, "object");
                let name = node.child_by_field_name("property").map(|p| cx.text(p).to_string()).unwrap_or_default();
                ExprKind::Attr { obj: Box::new(obj), name }
            }
        }
        "subscript_expression" => {
            let obj = field_expr(cx, node, "object");
            let index = field_expr(cx, node, "index");
            ExprKind::Index { obj: Box::new(obj), index: Box::new(index) }
        }
        "call_expression" => return call(cx, node),
        "new_expression" => {
            let callee = field_expr(cx, node, "constructor");
            let args = node.child_by_field_name("arguments").map(|a| args(cx, a)).unwrap_or_default();
            ExprKind::Call { callee: Box::new(callee), args, new: true }
        }
        "string" => ExprKind::Str(unquote(cx.text(node))),
        "template_string" => template(cx, node),
        "number" => ExprKind::Num(cx.text(node).to_string()),
        "true" => ExprKind::Bool(true),
        "false" => ExprKind::Bool(false),
        "null" | "undefined" => ExprKind::Null,
        // A regular expression literal as its pattern text (`/\r\n/g` → `\r\n`), so `replace(/\n/g, "")` is seen.
        "regex" => {
            ExprKind::Str(node.child_by_field_name("pattern").map(|p| cx.text(p).to_string()).unwrap_or_default())
        }
        "binary_expression" => {
            let left = field_expr(cx, node, "left");
            let right = field_expr(cx, node, "right");
            let op = node.child_by_field_name("operator").map(|o| cx.text(o).to_string()).unwrap_or_default();
            ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) }
        }
        "unary_expression" | "update_expression" => {
            let operand = field_expr(cx, node, "argument");
            let op = node.child_by_field_name("operator").map(|o| cx.text(o).to_string()).unwrap_or_default();
            ExprKind::Unary { op, operand: Box::new(operand) }
        }
        "ternary_expression" => ExprKind::Cond {
            cond: Box::new(field_expr(cx, node, "condition")),
            then: Box::new(field_expr(cx, node, "consequence")),
            otherwise: Box::new(field_expr(cx, node, "alternative")),
        },
        "array" => ExprKind::List(code_children(node).into_iter().map(|p| expr(cx, p)).collect()),
        "object" => object(cx, node),
        "arrow_function" | "function_expression" | "function" | "generator_function" => {
            let name = node.child_by_field_name("name").map(|n| cx.text(n).to_string()).unwrap_or_default();
            ExprKind::Lambda(function(cx, node, name, Vec::new()))
        }
        "class" => {
            // The methods are lowered as functions; field initialisers of a class expression are dropped.
            let mut stmts = Vec::new();
            let name = class(cx, node, Vec::new(), &mut stmts);
            ExprKind::Name(name)
        }
        "assignment_expression" => {
            // An assignment used as a value (`if ((m = re.exec(s)))`): its value.
            return match node.child_by_field_name("right") {
                Some(r) => expr(cx, r),
                None => none(node),
            };
        }
        "parenthesized_expression"
        | "await_expression"
        | "as_expression"
        | "satisfies_expression"
        | "non_null_expression"
        | "type_assertion"
        | "spread_element"
        | "jsx_expression"
        | "computed_property_name" => {
            let parts: Vec<Node> = code_children(node).into_iter().filter(|c| !is_type_node(c.kind())).collect();
            match parts.as_slice() {
                [one] => return expr(cx, *one),
                many => ExprKind::Other(many.iter().map(|n| expr(cx, *n)).collect()),
            }
        }
        "instantiation_expression" => match node.child_by_field_name("function") {
            Some(f) => return expr(cx, f),
            None => ExprKind::Other(Vec::new()),
        },
        "jsx_text" | "html_comment" | "meta_property" | "import" => ExprKind::Other(Vec::new()),
        k if is_type_node(k) => ExprKind::Other(Vec::new()),
        _ => ExprKind::Other(
            code_children(node).into_iter().filter(|c| !is_type_node(c.kind())).map(|p| expr(cx, p)).collect(),
        ),
    };
    Expr::new(kind, s)
}

/// `require('m').a` read as a value: the imported name.
fn is_require_chain(cx: &Cx, node: Node) -> bool {
    let mut n = node;
    for _ in 0..8 {
        match n.kind() {
            "member_expression" => match n.child_by_field_name("object") {
                Some(o) => n = o,
                None => return false,
            },
            "call_expression" => {
                return n.child_by_field_name("function").is_some_and(|f| matches!(cx.text(f), "require" | "import"));
            }
            _ => return false,
        }
    }
    false
}

fn call(cx: &mut Cx, node: Node) -> Expr {
    let s = span(node);
    let Some(callee_node) = node.child_by_field_name("function") else { return none(node) };
    if matches!(cx.text(callee_node), "require" | "import")
        && let Some(target) = import_target(cx, node)
    {
        // require('m') as a value is the module itself.
        return Expr::new(ExprKind::Name(target), s);
    }
    let callee_node = comma_callee(callee_node);
    let callee = match strip_wrappers(callee_node) {
        // `require('pino')(opts)`, `require('debug')('app')`: the module's export called in place; a hidden import
        // names it so the result is typed by the module (`pino().info`), as with `const pino = require('pino')`.
        inner if inner.kind() == "call_expression" && is_require_chain(cx, inner) => match import_target(cx, inner) {
            Some(target) => {
                let alias: String = std::iter::once('$')
                    .chain(target.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }))
                    .collect();
                cx.import(&alias, &target);
                Expr::new(ExprKind::Name(alias), span(callee_node))
            }
            None => expr(cx, callee_node),
        },
        _ => expr(cx, callee_node),
    };
    let args = match node.child_by_field_name("arguments") {
        Some(a) if a.kind() == "template_string" => tagged_args(cx, a),
        Some(a) => args(cx, a),
        None => Vec::new(),
    };
    Expr::new(ExprKind::Call { callee: Box::new(callee), args, new: false }, s)
}

/// tsc and Babel call imported functions as `(0, module_1.fn)(…)` (so they run without a `this`): the callee is the
/// comma expression's last operand.
fn comma_callee(node: Node) -> Node {
    let mut n = node;
    for _ in 0..8 {
        let inner = strip_parens(n);
        if inner.kind() != "sequence_expression" {
            return n;
        }
        match code_children(inner).last() {
            Some(last) => n = *last,
            None => return n,
        }
    }
    n
}

/// A tagged template ``sql`SELECT … ${id}` `` is called as `sql(strings, ...values)`: the literal parts as a list
/// first, then each hole as its own argument (so the text argument of a tagged query stays constant).
fn tagged_args(cx: &mut Cx, node: Node) -> Vec<Arg> {
    let mut strings = Vec::new();
    let mut values = Vec::new();
    for child in named_children(node) {
        match child.kind() {
            "string_fragment" => strings.push(Expr::new(ExprKind::Str(cx.text(child).to_string()), span(child))),
            "template_substitution" => {
                for e in code_children(child) {
                    values.push(Arg { name: None, value: expr(cx, e), spread: false });
                }
            }
            _ => {}
        }
    }
    let mut out = vec![Arg { name: None, value: Expr::new(ExprKind::List(strings), span(node)), spread: false }];
    out.extend(values);
    out
}

fn args(cx: &mut Cx, node: Node) -> Vec<Arg> {
    let mut out = Vec::new();
    for a in code_children(node) {
        let spread = a.kind() == "spread_element";
        out.push(Arg { name: None, value: expr(cx, a), spread });
    }
    out
}

fn object(cx: &mut Cx, node: Node) -> ExprKind {
    let mut entries = Vec::new();
    for child in code_children(node) {
        match child.kind() {
            "pair" => {
                let Some(key) = child.child_by_field_name("key") else { continue };
                let k = key_expr(cx, key);
                let fname = k.as_str().map(str::to_string);
                let value = match child.child_by_field_name("value") {
                    Some(v) => named_value(cx, v, fname),
                    None => none(child),
                };
                entries.push((Some(k), value));
            }
            "shorthand_property_identifier" => {
                let n = cx.text(child).to_string();
                entries.push((
                    Some(Expr::new(ExprKind::Str(n.clone()), span(child))),
                    Expr::new(ExprKind::Name(n), span(child)),
                ));
            }
            "method_definition" => {
                let Some(key) = child.child_by_field_name("name") else { continue };
                let k = key_expr(cx, key);
                let name = key_text(cx, key);
                let id = function(cx, child, name, Vec::new());
                entries.push((Some(k), Expr::new(ExprKind::Lambda(id), span(child))));
            }
            "spread_element" => entries.push((None, expr(cx, child))),
            _ => {}
        }
    }
    ExprKind::Dict(entries)
}

/// `` `a ${x} b` `` → `Concat([Str("a "), x, Str(" b")])`; no holes → `Str`.
fn template(cx: &mut Cx, node: Node) -> ExprKind {
    let mut parts: Vec<Expr> = Vec::new();
    let mut text = String::new();
    let mut text_span: Option<Span> = None;
    let mut holes = false;
    for child in named_children(node) {
        match child.kind() {
            "string_fragment" | "escape_sequence" => {
                let piece = if child.kind() == "escape_sequence" {
                    decode_escapes(cx.text(child))
                } else {
                    cx.text(child).to_string()
                };
                text.push_str(&piece);
                text_span = Some(text_span.map_or(span(child), |t| t.to(span(child))));
            }
            "template_substitution" => {
                holes = true;
                if let Some(ts) = text_span.take() {
                    parts.push(Expr::new(ExprKind::Str(std::mem::take(&mut text)), ts));
                }
                let inner: Vec<Node> = code_children(child);
                match inner.as_slice() {
                    [one] => parts.push(expr(cx, *one)),
                    many => parts.push(other(many.iter().map(|n| expr(cx, *n)).collect(), child)),
                }
            }
            _ => {}
        }
    }
    if !holes {
        return ExprKind::Str(text);
    }
    if let Some(ts) = text_span {
        parts.push(Expr::new(ExprKind::Str(text), ts));
    }
    ExprKind::Concat(parts)
}

#[cfg(test)]
mod tests {
    use crate::frontend::{FileBudget, lower};
    use crate::ir::{ExprKind, Module, Stmt};
    use crate::lang::Lang;

    fn js(src: &str) -> Module {
        lower(Lang::JavaScript, "/var/task/src/app.js", src, FileBudget::default()).unwrap()
    }

    fn ts(src: &str) -> Module {
        lower(Lang::TypeScript, "/var/task/src/app.ts", src, FileBudget::default()).unwrap()
    }

    fn func<'m>(m: &'m Module, name: &str) -> &'m crate::ir::Function {
        m.functions.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no function {name}: {m:#?}"))
    }

    #[test]
    fn requires_and_imports_bind_names() {
        let m = js("const cp = require('child_process');\n\
                    const { exec, spawn: sp } = require('node:child_process');\n\
                    const db = require('./lib/db');\n\
                    const q = require('../db').query;\n\
                    import fs from 'fs';\n\
                    import * as path from 'path';\n\
                    import { a as b, c } from '@aws-sdk/client-dynamodb';\n\
                    const util = require('util');\n\
                    const run = util.promisify(require('child_process').exec);\n\
                    const run2 = util.promisify(exec);\n");
        assert_eq!(m.import("cp"), Some("child_process"));
        assert_eq!(m.import("exec"), Some("child_process.exec"));
        assert_eq!(m.import("sp"), Some("child_process.spawn"));
        assert_eq!(m.import("db"), Some("src.lib.db"));
        assert_eq!(m.import("q"), Some("db.query"));
        assert_eq!(m.import("fs"), Some("fs"));
        assert_eq!(m.import("path"), Some("path"));
        assert_eq!(m.import("b"), Some("@aws-sdk/client-dynamodb.a"));
        assert_eq!(m.import("c"), Some("@aws-sdk/client-dynamodb.c"));
        assert_eq!(m.import("run"), Some("child_process.exec"));
        assert_eq!(m.import("run2"), Some("child_process.exec"));
        // Imports are not assignments.
        assert!(m.functions[0].body.is_empty(), "{:#?}", m.functions[0].body);
    }

    #[test]
    fn relative_and_aliased_modules_resolve_to_module_names() {
        let m = js("const a = require('./lib');\n\
                    const b = require('../other/x.js');\n\
                    const c = require('@/services/orders');\n\
                    import d from '~/util/db';\n\
                    const e = require('./');\n");
        assert_eq!(m.import("a"), Some("src.lib"));
        assert_eq!(m.import("b"), Some("other.x"));
        assert_eq!(m.import("c"), Some("services.orders"));
        assert_eq!(m.import("d"), Some("util.db"));
        assert_eq!(m.import("e"), Some("src"));
        let rel = lower(
            Lang::TypeScript,
            "pkg/handlers/api.ts",
            "import { q } from '../db/index.js';\n",
            FileBudget::default(),
        )
        .unwrap();
        assert_eq!(rel.import("q"), Some("pkg.db.q"));
    }

    #[test]
    fn handlers_are_named() {
        let m = js("exports.handler = async (event, context) => { return event.body; };\n\
                    module.exports.other = function (event) {};\n\
                    module.exports = { third: async (e) => e, fourth(e) { return e; } };\n");
        assert_eq!(func(&m, "handler").params.len(), 2);
        assert_eq!(func(&m, "handler").params[0].name, "event");
        func(&m, "other");
        func(&m, "third");
        func(&m, "fourth");
        let m = js("export const handler = async (event) => {};\nexport async function h2(event) {}\n");
        func(&m, "handler");
        func(&m, "h2");
    }

    #[test]
    fn calls_members_and_templates() {
        let m = js("const q = `SELECT * FROM t WHERE id = ${event.id}`;\ndb.query(q, [1]);\nnew Foo.Bar(x);\n");
        let body = &m.functions[0].body;
        let Stmt::Assign { value: Some(v), .. } = &body[0] else { panic!("{body:#?}") };
        let ExprKind::Concat(parts) = &v.kind else { panic!("{v:#?}") };
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].as_str(), Some("SELECT * FROM t WHERE id = "));
        assert_eq!(parts[1].dotted().as_deref(), Some("event.id"));
        let Stmt::Expr(call) = &body[1] else { panic!() };
        let ExprKind::Call { callee, args, new } = &call.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("db.query"));
        assert_eq!(args.len(), 2);
        assert!(!new);
        let Stmt::Expr(call) = &body[2] else { panic!() };
        let ExprKind::Call { callee, new, .. } = &call.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("Foo.Bar"));
        assert!(new);
    }

    #[test]
    fn destructuring_reads_fields() {
        let m = js("const { body, headers: { host }, x = 1, ...rest } = event;\nconst [a, b] = list;\n");
        let body = &m.functions[0].body;
        let pairs: Vec<(String, String)> = body
            .iter()
            .filter_map(|s| match s {
                Stmt::Assign { target, value: Some(v), .. } => {
                    let v = match &v.kind {
                        ExprKind::Binary { left, .. } => left.as_ref().clone(),
                        _ => v.clone(),
                    };
                    Some((target.dotted()?, v.dotted().unwrap_or_else(|| format!("{:?}", v.kind))))
                }
                _ => None,
            })
            .collect();
        assert!(pairs.contains(&("body".into(), "event.body".into())), "{pairs:?}");
        assert!(pairs.contains(&("host".into(), "event.headers.host".into())), "{pairs:?}");
        assert!(pairs.contains(&("x".into(), "event.x".into())), "{pairs:?}");
        assert!(pairs.contains(&("rest".into(), "event".into())), "{pairs:?}");
        assert_eq!(pairs.iter().filter(|(t, _)| t == "a" || t == "b").count(), 2);
    }

    #[test]
    fn typescript_types_and_wrappers() {
        let m = ts("import { APIGatewayProxyEvent } from 'aws-lambda';\n\
                    export const handler = async (event: APIGatewayProxyEvent): Promise<any> => {\n\
                      const id: string = (event.pathParameters!.id as string);\n\
                      return <any>id;\n\
                    };\n");
        let h = func(&m, "handler");
        assert_eq!(h.params[0].ty.as_deref(), Some("APIGatewayProxyEvent"));
        let Stmt::Assign { target, value: Some(v), ty, .. } = &h.body[0] else { panic!("{:#?}", h.body) };
        assert_eq!(target.dotted().as_deref(), Some("id"));
        assert_eq!(ty.as_deref(), Some("string"));
        assert_eq!(v.dotted().as_deref(), Some("event.pathParameters.id"));
    }

    #[test]
    fn classes_fields_and_decorators() {
        let m = ts("@Controller('users')\n\
                    export class UsersController extends Base<T> implements Foo {\n\
                      private table = 'users';\n\
                      static count = 0;\n\
                      constructor(private readonly db: Db) {}\n\
                      @Get(':id')\n\
                      find(@Param('id') id: string, @Query() q: any) { return this.db.q(id); }\n\
                      static make() {}\n\
                    }\n");
        let c = &m.classes[0];
        assert_eq!(c.name, "UsersController");
        assert_eq!(c.bases, vec!["Base<T>".to_string(), "Foo".to_string()]);
        assert_eq!(c.decorators.len(), 1);
        let find = func(&m, "find");
        assert_eq!(find.class.as_deref(), Some("UsersController"));
        assert!(!find.is_static);
        assert_eq!(find.decorators.len(), 1);
        assert_eq!(find.params[0].annotations, vec!["Param".to_string()]);
        assert_eq!(find.params[1].annotations, vec!["Query".to_string()]);
        assert!(func(&m, "make").is_static);
        let ctor = func(&m, "constructor");
        assert!(matches!(&ctor.body[0], Stmt::Assign { target, .. } if target.dotted().as_deref() == Some("this.db")));
        let top = &m.functions[0].body;
        assert!(
            top.iter()
                .any(|s| matches!(s, Stmt::Assign { target, .. } if target.dotted().as_deref() == Some("this.table")))
        );
        assert!(top.iter().any(
            |s| matches!(s, Stmt::Assign { target, .. } if target.dotted().as_deref() == Some("UsersController.count"))
        ));
    }

    #[test]
    fn loops_over_records_and_destructured_params() {
        let m = js("exports.handler = async ({ Records }) => {\n\
                      for (const { body } of Records) { run(body); }\n\
                      Records.forEach(r => run(r));\n\
                    };\n");
        let h = func(&m, "handler");
        assert_eq!(h.params[0].name, "$arg0");
        assert!(matches!(&h.body[0], Stmt::Assign { target, .. } if target.dotted().as_deref() == Some("Records")));
        assert!(matches!(&h.body[1], Stmt::Loop { var: Some(_), iter: Some(_), body, .. } if body.len() == 2));
        assert!(m.functions.iter().any(|f| f.name == "<lambda>" && f.params.len() == 1));
    }

    #[test]
    fn exported_aliases_and_wrappers_are_handlers() {
        let m = js("async function main(event, context) { return event; }\n\
                    exports.handler = main;\n\
                    module.exports = { other: main };\n\
                    export const wrapped = middy(async (event) => event).use(jsonBodyParser());\n\
                    export { main as third };\n");
        let h = func(&m, "handler");
        assert_eq!(h.params.len(), 2);
        assert!(matches!(&h.body[0], Stmt::Return(Some(e), _) if matches!(&e.kind, ExprKind::Call { .. })));
        func(&m, "other");
        func(&m, "third");
        assert_eq!(func(&m, "wrapped").params.len(), 1);
        let m = js("const base = async (event) => event;\nexports.handler = middy(base).use(cors());\n");
        func(&m, "handler");
    }

    #[test]
    fn koa_body_assignment_is_a_response_write() {
        let m = js("router.get('/', async (ctx) => { ctx.body = `<p>${ctx.query.q}</p>`; });\n");
        let f = m.functions.iter().find(|f| f.params.first().is_some_and(|p| p.name == "ctx")).unwrap();
        assert!(matches!(&f.body[0], Stmt::Assign { .. }));
        let Stmt::Expr(call) = &f.body[1] else { panic!("{:#?}", f.body) };
        let ExprKind::Call { callee, args, .. } = &call.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("ctx.body"));
        assert!(matches!(args[0].value.kind, ExprKind::Concat(_)));
    }

    #[test]
    fn koa_type_assignment_sets_the_content_type() {
        let m = js("async function respond(ctx) { ctx.response.type = 'text'; ctx.state.type = 'html'; }\n");
        let f = func(&m, "respond");
        let Stmt::Expr(call) = &f.body[1] else { panic!("{:#?}", f.body) };
        let ExprKind::Call { callee, args, .. } = &call.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("ctx.response.type"));
        assert_eq!(args[0].value.as_str(), Some("text"));
        assert_eq!(f.body.len(), 3, "another object's `type` is a plain assignment: {:#?}", f.body);
    }

    #[test]
    fn regex_literals_keep_their_pattern() {
        let m = js("s.replace(/[\\r\\n]/g, '');\n");
        let Stmt::Expr(call) = &m.functions[0].body[0] else { panic!() };
        let ExprKind::Call { args, .. } = &call.kind else { panic!() };
        assert_eq!(args[0].value.as_str(), Some("[\\r\\n]"));
    }

    #[test]
    fn catch_switch_and_loops_lower() {
        let m = js("function f(event) {\n\
                      try { g(); } catch ({ message }) { log(message); } finally { done(); }\n\
                      switch (event.kind) { case 'a': run(event.a); break; default: other(); }\n\
                      for (const [k, v] of Object.entries(event)) { use(k, v); }\n\
                      for (let i = 0; i < 3; i++) { step(i); }\n\
                      do { x += 1; } while (x < 10);\n\
                      label: while (true) { break label; }\n\
                    }\n");
        let f = func(&m, "f");
        let Stmt::Try { catches, finally, .. } = &f.body[0] else { panic!("{:#?}", f.body) };
        assert!(catches[0].var.as_deref().is_some_and(|v| v.starts_with("$err")));
        assert!(
            matches!(&catches[0].body[0], Stmt::Assign { target, .. } if target.dotted().as_deref() == Some("message"))
        );
        assert_eq!(finally.len(), 1);
        assert_eq!(f.body.iter().filter(|s| matches!(s, Stmt::Loop { .. })).count(), 3);
        assert!(f.body.iter().any(|s| matches!(s, Stmt::Block(b) if matches!(b.first(), Some(Stmt::Loop { .. })))));
        assert!(f.body.iter().any(|s| matches!(s, Stmt::Block(b) if !b.is_empty())));
    }

    #[test]
    fn xray_wrapped_sdk_is_the_sdk() {
        let m =
            js("const AWSXRay = require('aws-xray-sdk-core');\nconst AWS = AWSXRay.captureAWS(require('aws-sdk'));\n");
        assert_eq!(m.import("AWS"), Some("aws-sdk"));
    }

    #[test]
    fn named_function_expressions_take_the_binding_name() {
        let m = js("exports.handler = function main(event) { return event; };\n");
        func(&m, "handler");
    }

    #[test]
    fn tagged_templates_keep_text_constant() {
        let m = js("sql`SELECT * FROM t WHERE id = ${id}`;\n");
        let Stmt::Expr(call) = &m.functions[0].body[0] else { panic!() };
        let ExprKind::Call { args, .. } = &call.kind else { panic!() };
        assert!(matches!(args[0].value.kind, ExprKind::List(_)));
        assert_eq!(args[1].value.dotted().as_deref(), Some("id"));
    }

    #[test]
    fn inline_require_is_the_module() {
        let m = js("require('child_process').exec(cmd);\n");
        let Stmt::Expr(call) = &m.functions[0].body[0] else { panic!() };
        let ExprKind::Call { callee, .. } = &call.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("child_process.exec"));
    }

    /// `JS_CORPUS=<file listing paths> cargo test … -- --ignored corpus`: lowers real files, reporting the slowest.
    #[test]
    #[ignore]
    fn corpus_lowers_without_panics() {
        let list = std::env::var("JS_CORPUS").unwrap_or_default();
        let paths = std::fs::read_to_string(list).unwrap_or_default();
        let mut slowest = Vec::new();
        for p in paths.lines() {
            let Ok(src) = std::fs::read_to_string(p) else { continue };
            let lang = crate::lang::Lang::of_path(p).unwrap_or(Lang::JavaScript);
            let t = std::time::Instant::now();
            let m = lower(lang, p, &src, FileBudget::default());
            slowest.push((t.elapsed(), p.to_string(), m.map(|m| m.functions.len()).unwrap_or(0)));
        }
        slowest.sort();
        for s in slowest.iter().rev().take(5) {
            println!("{:?} {} ({} functions)", s.0, s.1, s.2);
        }
        println!("{} files", slowest.len());
    }

    /// `JS_CORPUS=<list> cargo test … -- --ignored corpus_findings`: every file analysed as its own package; prints
    /// the count of findings per rule and a sample of each.
    #[test]
    #[ignore]
    fn corpus_findings() {
        let list = std::env::var("JS_CORPUS").unwrap_or_default();
        let paths = std::fs::read_to_string(list).unwrap_or_default();
        let mut counts: std::collections::BTreeMap<String, (usize, String)> = std::collections::BTreeMap::new();
        for p in paths.lines() {
            let Ok(text) = std::fs::read_to_string(p) else { continue };
            if text.len() > 300_000 {
                continue;
            }
            let files = vec![crate::SourceFile { path: p.to_string(), text, layer: None }];
            let analysis = crate::analyze(&files, &crate::Options::default());
            for f in analysis.findings {
                let e = counts.entry(f.rule.short_id()).or_insert((0, String::new()));
                e.0 += 1;
                if e.1.is_empty() || e.0.is_multiple_of(7) {
                    e.1 = format!("{}:{} {}", f.path, f.start_line, f.message);
                }
            }
        }
        for (rule, (n, sample)) in counts {
            println!("{n:5} {rule}  e.g. {sample}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let src = format!("x = {}1;", "() => ".repeat(20000));
        let _ = js(&src);
        let src = format!("{}x();{}", "function f() {".repeat(5000), "}".repeat(5000));
        let _ = js(&src);
        let src = format!("{}x();{}", "if (a) {".repeat(5000), "}".repeat(5000));
        let _ = js(&src);
        let src = format!("const {}b{} = o;", "{ a: ".repeat(5000), " }".repeat(5000));
        let _ = js(&src);
        let src = format!("const {}b{} = require('m');", "{ a: ".repeat(5000), " }".repeat(5000));
        let _ = js(&src);
        let src = format!("const {}b{} = o;", "[".repeat(5000), "]".repeat(5000));
        let _ = js(&src);
        let src = format!("x = {}1{};", "(".repeat(3000), ")".repeat(3000));
        let _ = js(&src);
        let src = format!("x = {}1;", "a + ".repeat(5000));
        let _ = js(&src);
    }

    #[test]
    fn tsx_and_control_flow_lower() {
        let m = lower(
            Lang::Tsx,
            "a.tsx",
            "export default function Page({ q }: Props) { if (q) { return <div>{q}</div>; } else { try { f(); } catch (e) { g(e); } } switch (q) { case 1: h(); } }",
            FileBudget::default(),
        )
        .unwrap();
        let f = func(&m, "Page");
        assert!(f.body.iter().any(|s| matches!(s, Stmt::If { .. })));
    }
}
