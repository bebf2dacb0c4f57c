//! Java (tree-sitter-java) → IR.
//!
//! Beyond the shared conventions: the module name is the package plus the file stem (`com.example.Handler`);
//! `import a.b.C;` binds `C` ↦ `a.b.C` (static imports bind the member); fields with initializers become
//! assignments in the module's top-level function (`this.f` for instance fields, `f` for static ones) and an
//! unqualified read of a field inside a method is lowered the same way, so `f` and `this.f` are one place; an
//! unqualified call of an instance method of the enclosing class is `this.m(…)`. An assignment used as an
//! expression (`while ((line = r.readLine()) != null)`) is hoisted into an assignment before its statement (and
//! repeated at the end of a loop body). Casts to primitive numeric types become calls of `(int)`, `(long)`, …, which
//! the tables list as sanitizers. Anonymous classes are recorded as classes named `<anonymous T>` whose methods are
//! defined at the point of the `new` expression. A method reference (`this::save`, `Order::getId`) becomes a
//! one-parameter lambda calling it; `switch` cases become an if/else chain; `a.equals(b)` is a comparison
//! (`Binary` with op `equals`); abstract and interface methods (no body) are left out so a call through an
//! interface reaches its implementation. Statements, expressions and nested functions share one depth guard.

use super::{Cx, code_children, name_expr, named_children, other, span, unquote};
use crate::ir::{Arg, Catch, Class, Expr, ExprKind, FuncId, Function, Param, Stmt};
use std::collections::HashSet;
use tree_sitter::Node;

pub(crate) fn lower(cx: &mut Cx, root: Node) {
    let mut lw = Lw { cx, scopes: Vec::new(), classes: Vec::new(), pending: Vec::new() };
    let mut package = String::new();
    let mut body = Vec::new();
    for child in code_children(root) {
        if child.kind() == "package_declaration" {
            if let Some(n) =
                code_children(child).into_iter().find(|n| matches!(n.kind(), "scoped_identifier" | "identifier"))
            {
                package = lw.cx.text(n).split_whitespace().collect();
            }
            continue;
        }
        lw.stmt(child, &mut body);
    }
    let path = lw.cx.module.path.clone();
    let file = path.rsplit(['/', '\\']).next().unwrap_or(&path);
    let stem = file.strip_suffix(".java").unwrap_or(file);
    lw.cx.module.name = if package.is_empty() { stem.to_string() } else { format!("{package}.{stem}") };
    lw.cx.set_body(0, body);
}

/// What lowering needs to know about an enclosing class.
#[derive(Default)]
struct ClassInfo {
    fields: HashSet<String>,
    static_fields: HashSet<String>,
    methods: HashSet<String>,
    static_methods: HashSet<String>,
}

struct Lw<'c, 's> {
    cx: &'c mut Cx<'s>,
    /// Local variables and parameters in scope, innermost last (a method's scope includes the scopes it is
    /// nested in: lambdas and anonymous classes capture).
    scopes: Vec<HashSet<String>>,
    classes: Vec<ClassInfo>,
    /// Assignments found inside expressions, emitted before the statement being lowered.
    pending: Vec<Stmt>,
}

const PRIMITIVE_NUMBERS: &[&str] = &["int", "long", "short", "byte", "double", "float", "boolean"];

fn has_modifier(cx: &Cx, node: Node, word: &str) -> bool {
    for m in named_children(node) {
        if m.kind() != "modifiers" {
            continue;
        }
        let mut cursor = m.walk();
        if m.children(&mut cursor).any(|t| !t.is_named() && cx.text(t) == word) {
            return true;
        }
    }
    false
}

fn modifiers(node: Node) -> Option<Node> {
    named_children(node).into_iter().find(|c| c.kind() == "modifiers")
}

/// The simple name of an annotation (`RequestParam` of `@org.springframework…RequestParam(…)`).
fn annotation_name(cx: &Cx, node: Node) -> String {
    let name = node.child_by_field_name("name").map(|n| cx.text(n)).unwrap_or_default();
    name.rsplit('.').next().unwrap_or(name).trim().to_string()
}

/// A type as written with whitespace squeezed (`Map<String, Object>`).
fn type_text(cx: &Cx, node: Node) -> String {
    let raw = cx.text(node);
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space
            && !out.is_empty()
            && !out.ends_with(['<', '.', '('])
            && !matches!(c, '>' | ',' | '.' | '[' | ']' | ')')
        {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

impl<'c, 's> Lw<'c, 's> {
    fn text(&self, node: Node) -> &'s str {
        self.cx.text(node)
    }

    fn declare(&mut self, name: &str) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name.to_string());
        }
    }

    fn is_local(&self, name: &str) -> bool {
        self.scopes.iter().any(|s| s.contains(name))
    }

    // ---------------------------------------------------------------- statements

    fn block(&mut self, node: Node) -> Vec<Stmt> {
        let mut out = Vec::new();
        if node.kind() == "block" || node.kind() == "constructor_body" {
            self.scopes.push(HashSet::new());
            for child in code_children(node) {
                self.stmt(child, &mut out);
            }
            self.scopes.pop();
        } else {
            self.stmt(node, &mut out);
        }
        out
    }

    fn field_block(&mut self, node: Node, field: &str) -> Vec<Stmt> {
        node.child_by_field_name(field).map(|b| self.block(b)).unwrap_or_default()
    }

    /// Lowers one statement, emitting any hoisted assignments first.
    fn stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        // Statements share the expression depth guard: nested blocks, lambdas and classes all count.
        if self.cx.depth >= super::MAX_DEPTH {
            return;
        }
        self.cx.depth += 1;
        self.stmt_guarded(node, out);
        self.cx.depth -= 1;
    }

    fn stmt_guarded(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let saved = std::mem::take(&mut self.pending);
        let mut here = Vec::new();
        self.stmt_inner(node, &mut here);
        let hoisted = std::mem::replace(&mut self.pending, saved);
        out.extend(hoisted);
        out.extend(here);
    }

    fn expr_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        match node.kind() {
            "assignment_expression" => self.assignment(node, out),
            "switch_expression" => out.extend(self.switch_stmt(node)),
            _ => {
                let e = self.expr(node);
                out.push(Stmt::Expr(e));
            }
        }
    }

    fn stmt_inner(&mut self, node: Node, out: &mut Vec<Stmt>) {
        match node.kind() {
            "expression_statement" => {
                for child in code_children(node) {
                    self.expr_stmt(child, out);
                }
            }
            "local_variable_declaration" | "field_declaration" | "constant_declaration" => {
                self.declaration(node, out, false)
            }
            "return_statement" => {
                let value = code_children(node).first().map(|e| self.expr(*e));
                out.push(Stmt::Return(value, span(node)));
            }
            "yield_statement" => {
                let value = code_children(node).first().map(|e| self.expr(*e));
                if let Some(v) = value {
                    out.push(Stmt::Expr(v));
                }
            }
            "throw_statement" => {
                let value = code_children(node).first().map(|e| self.expr(*e));
                out.push(Stmt::Throw(value, span(node)));
            }
            "if_statement" => {
                let cond =
                    node.child_by_field_name("condition").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
                let then = self.field_block(node, "consequence");
                let otherwise = self.field_block(node, "alternative");
                out.push(Stmt::If { cond, then, otherwise, span: span(node) });
            }
            "while_statement" | "do_statement" => {
                let cond = node.child_by_field_name("condition").map(|n| self.expr(n));
                let hoisted = self.pending.clone();
                let mut body = self.field_block(node, "body");
                body.extend(hoisted);
                out.push(Stmt::Loop { var: None, iter: None, cond, body, span: span(node) });
            }
            "for_statement" => {
                self.scopes.push(HashSet::new());
                let mut cursor = node.walk();
                let inits: Vec<Node> = node.children_by_field_name("init", &mut cursor).collect();
                for init in inits {
                    if init.kind() == "local_variable_declaration" {
                        self.declaration(init, out, false);
                    } else {
                        self.expr_stmt(init, out);
                    }
                }
                let cond = node.child_by_field_name("condition").map(|n| self.expr(n));
                let hoisted = self.pending.clone();
                let mut body = self.field_block(node, "body");
                let mut cursor = node.walk();
                let updates: Vec<Node> = node.children_by_field_name("update", &mut cursor).collect();
                for u in updates {
                    self.expr_stmt(u, &mut body);
                }
                body.extend(hoisted);
                self.scopes.pop();
                out.push(Stmt::Loop { var: None, iter: None, cond, body, span: span(node) });
            }
            "enhanced_for_statement" => {
                let iter = node.child_by_field_name("value").map(|n| self.expr(n));
                self.scopes.push(HashSet::new());
                let var = node.child_by_field_name("name").map(|n| {
                    let name = self.text(n).to_string();
                    self.declare(&name);
                    name_expr(&name, n)
                });
                let body = self.field_block(node, "body");
                self.scopes.pop();
                out.push(Stmt::Loop { var, iter, cond: None, body, span: span(node) });
            }
            "try_statement" | "try_with_resources_statement" => {
                self.scopes.push(HashSet::new());
                let mut body = Vec::new();
                if let Some(resources) = node.child_by_field_name("resources") {
                    for r in code_children(resources) {
                        self.resource(r, &mut body);
                    }
                }
                body.extend(self.field_block(node, "body"));
                self.scopes.pop();
                let mut catches = Vec::new();
                let mut finally = Vec::new();
                for child in named_children(node) {
                    match child.kind() {
                        "catch_clause" => catches.push(self.catch(child)),
                        "finally_clause" => {
                            for b in code_children(child) {
                                finally.extend(self.block(b));
                            }
                        }
                        _ => {}
                    }
                }
                out.push(Stmt::Try { body, catches, finally, span: span(node) });
            }
            "block" => {
                let b = self.block(node);
                out.push(Stmt::Block(b));
            }
            "static_initializer" => {
                for b in code_children(node) {
                    out.extend(self.block(b));
                }
            }
            "labeled_statement" => {
                for child in code_children(node) {
                    if child.kind() != "identifier" {
                        self.stmt_inner(child, out);
                    }
                }
            }
            "synchronized_statement" => {
                for child in code_children(node) {
                    if child.kind() == "parenthesized_expression" {
                        let e = self.expr(child);
                        out.push(Stmt::Expr(e));
                    } else {
                        let b = self.block(child);
                        out.push(Stmt::Block(b));
                    }
                }
            }
            "switch_expression" => out.extend(self.switch_stmt(node)),
            "explicit_constructor_invocation" => {
                let callee = node
                    .child_by_field_name("constructor")
                    .map(|c| name_expr(self.text(c), c))
                    .unwrap_or_else(|| name_expr("super", node));
                let args = node.child_by_field_name("arguments").map(|a| self.args(a)).unwrap_or_default();
                out.push(Stmt::Expr(Expr::new(
                    ExprKind::Call { callee: Box::new(callee), args, new: false },
                    span(node),
                )));
            }
            "assert_statement" => {
                for child in code_children(node) {
                    let e = self.expr(child);
                    out.push(Stmt::Expr(e));
                }
            }
            "class_declaration"
            | "interface_declaration"
            | "enum_declaration"
            | "record_declaration"
            | "annotation_type_declaration" => {
                self.class(node, None, out);
            }
            "method_declaration" => {
                let id = self.function(node);
                out.push(Stmt::Def(id));
            }
            "import_declaration" => self.import(node),
            "break_statement" | "continue_statement" | "package_declaration" | "module_declaration" | ";" => {}
            k if k.contains("comment") => {}
            _ => {
                let e = self.expr(node);
                out.push(Stmt::Expr(e));
            }
        }
    }

    /// `switch (x) { case A: …; case B, C: …; default: … }` as `if x == A … else if … else default`: the cases
    /// are alternatives (fall-through is not followed).
    fn switch_stmt(&mut self, node: Node) -> Vec<Stmt> {
        let subject = node.child_by_field_name("condition").map(|c| self.expr(c));
        let mut cases: Vec<(Option<Expr>, Vec<Stmt>, crate::ir::Span)> = Vec::new();
        let mut default: Vec<Stmt> = Vec::new();
        if let Some(b) = node.child_by_field_name("body") {
            for group in code_children(b) {
                let mut labels: Vec<Expr> = Vec::new();
                let mut is_default = false;
                let mut stmts = Vec::new();
                self.scopes.push(HashSet::new());
                for part in code_children(group) {
                    match part.kind() {
                        "switch_label" => {
                            let values = code_children(part);
                            if values.is_empty() || self.text(part).trim_start().starts_with("default") {
                                is_default = true;
                            }
                            for v in values {
                                if !matches!(v.kind(), "guard" | "pattern") {
                                    labels.push(self.expr(v));
                                }
                            }
                        }
                        "expression_statement" | "block" | "throw_statement" => self.stmt(part, &mut stmts),
                        k if k.ends_with("statement") || k.ends_with("declaration") => self.stmt(part, &mut stmts),
                        _ => {
                            let e = self.expr(part);
                            stmts.push(Stmt::Expr(e));
                        }
                    }
                }
                self.scopes.pop();
                if is_default {
                    default = stmts;
                    continue;
                }
                let cond = match (&subject, <[Expr; 1]>::try_from(labels)) {
                    (Some(subj), Ok([label])) => {
                        let sp = subj.span.to(label.span);
                        Some(Expr::new(
                            ExprKind::Binary {
                                op: "==".to_string(),
                                left: Box::new(subj.clone()),
                                right: Box::new(label),
                            },
                            sp,
                        ))
                    }
                    (_, Ok([label])) => Some(other(vec![label], group)),
                    // `case "a": case "b":` — the subject is one of the labels.
                    (Some(subj), Err(labels)) if !labels.is_empty() => labels
                        .into_iter()
                        .map(|label| {
                            let sp = subj.span.to(label.span);
                            let eq = ExprKind::Binary {
                                op: "==".to_string(),
                                left: Box::new(subj.clone()),
                                right: Box::new(label),
                            };
                            Expr::new(eq, sp)
                        })
                        .reduce(|a, b| {
                            let sp = a.span.to(b.span);
                            Expr::new(
                                ExprKind::Binary { op: "||".to_string(), left: Box::new(a), right: Box::new(b) },
                                sp,
                            )
                        }),
                    (_, Err(labels)) => Some(Expr::new(ExprKind::Other(labels), span(group))),
                };
                cases.push((cond, stmts, span(group)));
            }
        }
        let mut chain = default;
        for (cond, then, sp) in cases.into_iter().rev() {
            let cond = cond.unwrap_or_else(|| other(vec![], node));
            chain = vec![Stmt::If { cond, then, otherwise: chain, span: sp }];
        }
        let mut out = Vec::new();
        if let Some(subj) = subject {
            out.push(Stmt::Expr(subj));
        }
        out.extend(chain);
        out
    }

    fn import(&mut self, node: Node) {
        let mut wildcard = false;
        let mut target = String::new();
        for child in named_children(node) {
            match child.kind() {
                "asterisk" => wildcard = true,
                "scoped_identifier" | "identifier" => target = self.text(child).split_whitespace().collect(),
                _ => {}
            }
        }
        if target.is_empty() {
            return;
        }
        if wildcard {
            // `import a.b.*;` names no class; kept as `*` so that what a module uses can be told.
            self.cx.import("*", &format!("{target}.*"));
            return;
        }
        let alias = target.rsplit('.').next().unwrap_or(&target).to_string();
        self.cx.import(&alias, &target);
    }

    fn resource(&mut self, node: Node, out: &mut Vec<Stmt>) {
        match (node.child_by_field_name("name"), node.child_by_field_name("value")) {
            (Some(name), Some(value)) => {
                let name_text = self.text(name).to_string();
                let ty = node.child_by_field_name("type").map(|t| type_text(self.cx, t)).filter(|t| t != "var");
                let value = self.expr(value);
                self.declare(&name_text);
                out.push(Stmt::Assign {
                    target: name_expr(&name_text, name),
                    value: Some(value),
                    ty,
                    span: span(node),
                });
            }
            _ => {
                let e = self.expr_children(node);
                out.push(Stmt::Expr(e));
            }
        }
    }

    fn catch(&mut self, node: Node) -> Catch {
        let mut var = None;
        let mut ty = None;
        self.scopes.push(HashSet::new());
        for part in code_children(node) {
            if part.kind() == "catch_formal_parameter" {
                var = part.child_by_field_name("name").map(|n| self.text(n).to_string());
                ty = code_children(part).into_iter().find(|c| c.kind() == "catch_type").map(|t| type_text(self.cx, t));
                if let Some(v) = &var {
                    let v = v.clone();
                    self.declare(&v);
                }
            }
        }
        let body = self.field_block(node, "body");
        self.scopes.pop();
        Catch { var, ty, body }
    }

    /// `T a = x, b;` (locals), fields and interface constants.
    fn declaration(&mut self, node: Node, out: &mut Vec<Stmt>, _unused: bool) {
        let is_field = node.kind() != "local_variable_declaration";
        let is_static =
            node.kind() == "constant_declaration" || has_modifier(self.cx, node, "static") || self.classes.is_empty();
        let ty = node.child_by_field_name("type").map(|t| type_text(self.cx, t)).filter(|t| t != "var");
        let mut cursor = node.walk();
        let declarators: Vec<Node> = node.children_by_field_name("declarator", &mut cursor).collect();
        for d in declarators {
            let Some(name_node) = d.child_by_field_name("name") else { continue };
            let name = self.text(name_node).to_string();
            let value = d.child_by_field_name("value").map(|v| self.expr(v));
            let target = if is_field && !is_static {
                Expr::new(
                    ExprKind::Attr { obj: Box::new(name_expr("this", name_node)), name: name.clone() },
                    span(name_node),
                )
            } else {
                if !is_field {
                    self.declare(&name);
                }
                name_expr(&name, name_node)
            };
            out.push(Stmt::Assign { target, value, ty: ty.clone(), span: span(node) });
        }
    }

    fn assignment(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let Some(left) = node.child_by_field_name("left") else { return };
        let right = node.child_by_field_name("right");
        let value = right.map(|r| {
            if r.kind() == "assignment_expression" {
                // a = b = value
                self.assignment(r, out);
                r.child_by_field_name("left").map(|l| self.expr(l)).unwrap_or_else(|| other(vec![], r))
            } else {
                self.expr(r)
            }
        });
        let target = self.expr(left);
        let op = node.child_by_field_name("operator").map(|o| self.text(o)).unwrap_or("=");
        let value = if op != "=" {
            let op = op.trim_end_matches('=').to_string();
            value.map(|v| {
                let s = target.span.to(v.span);
                Expr::new(ExprKind::Binary { op, left: Box::new(target.clone()), right: Box::new(v) }, s)
            })
        } else {
            value
        };
        out.push(Stmt::Assign { target, value, ty: None, span: span(node) });
    }

    // ---------------------------------------------------------------- classes and functions

    fn annotations(&mut self, node: Node) -> Vec<Expr> {
        let Some(m) = modifiers(node) else { return Vec::new() };
        let mut out = Vec::new();
        for a in named_children(m) {
            if matches!(a.kind(), "annotation" | "marker_annotation") {
                out.push(self.annotation(a));
            }
        }
        out
    }

    fn annotation(&mut self, node: Node) -> Expr {
        let callee = node.child_by_field_name("name").map(|n| self.qualified(n)).unwrap_or_else(|| other(vec![], node));
        match node.child_by_field_name("arguments") {
            Some(list) if node.kind() == "annotation" => {
                let mut args = Vec::new();
                for a in code_children(list) {
                    if a.kind() == "element_value_pair" {
                        let name = a.child_by_field_name("key").map(|k| self.text(k).to_string());
                        let value =
                            a.child_by_field_name("value").map(|v| self.expr(v)).unwrap_or_else(|| other(vec![], a));
                        args.push(Arg { name, value, spread: false });
                    } else {
                        let value = self.expr(a);
                        args.push(Arg { name: None, value, spread: false });
                    }
                }
                Expr::new(ExprKind::Call { callee: Box::new(callee), args, new: false }, span(node))
            }
            _ => callee,
        }
    }

    /// `a.b.C` (a scoped identifier or type) as a `Name`/`Attr` chain, without resolving locals or fields.
    fn qualified(&mut self, node: Node) -> Expr {
        match node.kind() {
            "scoped_identifier" | "scoped_type_identifier" => {
                let parts = code_children(node);
                let (scope, name) = match (node.child_by_field_name("scope"), node.child_by_field_name("name")) {
                    (Some(s), Some(n)) => (Some(s), Some(n)),
                    _ => (parts.first().copied(), parts.last().copied()),
                };
                match (scope, name) {
                    (Some(s), Some(n)) if s != n => {
                        let obj = self.qualified(s);
                        let name = self.text(n).to_string();
                        Expr::new(ExprKind::Attr { obj: Box::new(obj), name }, span(node))
                    }
                    _ => name_expr(self.text(node), node),
                }
            }
            "generic_type" => match code_children(node).first() {
                Some(inner) => self.qualified(*inner),
                None => name_expr(self.text(node), node),
            },
            _ => name_expr(self.text(node).trim(), node),
        }
    }

    fn class_info(&self, body: Option<Node>) -> ClassInfo {
        let mut info = ClassInfo::default();
        let Some(body) = body else { return info };
        let mut members = code_children(body);
        // Enum bodies keep their members one level down.
        let nested: Vec<Node> =
            members.iter().filter(|m| m.kind() == "enum_body_declarations").flat_map(|m| code_children(*m)).collect();
        members.extend(nested);
        for m in members {
            let is_static = has_modifier(self.cx, m, "static");
            match m.kind() {
                "field_declaration" | "constant_declaration" => {
                    let is_static = is_static || m.kind() == "constant_declaration";
                    let mut cursor = m.walk();
                    for d in m.children_by_field_name("declarator", &mut cursor) {
                        if let Some(n) = d.child_by_field_name("name") {
                            let name = self.text(n).to_string();
                            if is_static {
                                info.static_fields.insert(name);
                            } else {
                                info.fields.insert(name);
                            }
                        }
                    }
                }
                "method_declaration" => {
                    if let Some(n) = m.child_by_field_name("name") {
                        let name = self.text(n).to_string();
                        if is_static {
                            info.static_methods.insert(name);
                        } else {
                            info.methods.insert(name);
                        }
                    }
                }
                "enum_constant" => {
                    if let Some(n) = m.child_by_field_name("name") {
                        info.static_fields.insert(self.text(n).to_string());
                    }
                }
                _ => {}
            }
        }
        info
    }

    /// A class-like declaration, or the body of an anonymous class (`anonymous: Some((name, base))`).
    fn class(&mut self, node: Node, anonymous: Option<(String, String)>, out: &mut Vec<Stmt>) {
        let (name, mut bases, decorators, body) = match anonymous {
            Some((name, base)) => (name, vec![base], Vec::new(), Some(node)),
            None => {
                let name = node.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default();
                let mut bases = Vec::new();
                for child in named_children(node) {
                    match child.kind() {
                        "superclass" => {
                            bases.extend(code_children(child).into_iter().map(|t| type_text(self.cx, t)));
                        }
                        "super_interfaces" | "extends_interfaces" => {
                            for list in code_children(child) {
                                bases.extend(code_children(list).into_iter().map(|t| type_text(self.cx, t)));
                            }
                        }
                        _ => {}
                    }
                }
                let decorators = self.annotations(node);
                (name, bases, decorators, node.child_by_field_name("body"))
            }
        };
        bases.retain(|b| !b.is_empty());
        let mut info = self.class_info(body);
        // Record components are fields.
        if node.kind() == "record_declaration"
            && let Some(params) = node.child_by_field_name("parameters")
        {
            for p in code_children(params) {
                if let Some(n) = p.child_by_field_name("name") {
                    info.fields.insert(self.text(n).to_string());
                }
            }
        }
        self.classes.push(info);
        let saved_class = self.cx.class.replace(name.clone());
        // Methods do not see the locals of an enclosing method unless the class is anonymous (captures).
        let saved_scopes = if node.kind() == "class_body" { None } else { Some(std::mem::take(&mut self.scopes)) };
        let mut methods = Vec::new();
        let mut getters = Vec::new();
        if let Some(body) = body {
            let mut members = code_children(body);
            let nested: Vec<Node> = members
                .iter()
                .filter(|m| m.kind() == "enum_body_declarations")
                .flat_map(|m| code_children(*m))
                .collect();
            members.retain(|m| m.kind() != "enum_body_declarations");
            members.extend(nested);
            for m in members {
                match m.kind() {
                    // An abstract or interface method has no body: leaving it out lets a call through the
                    // interface reach the one implementation.
                    "method_declaration" if m.child_by_field_name("body").is_none() => {}
                    // A plain getter (`String getId() { return id; }`) is left out, like the ones Lombok generates:
                    // a call to it then carries the receiver's data, so `order.getId()` on a tainted event or
                    // request body is tainted.
                    "method_declaration" if let Some(field) = self.plain_getter(m) => {
                        let name = m.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default();
                        getters.push((name, field));
                    }
                    "method_declaration" | "constructor_declaration" | "compact_constructor_declaration" => {
                        let id = self.function(m);
                        methods.push(id);
                        out.push(Stmt::Def(id));
                    }
                    "field_declaration" | "constant_declaration" => {
                        let saved = std::mem::take(&mut self.pending);
                        let mut here = Vec::new();
                        self.declaration(m, &mut here, true);
                        out.extend(std::mem::replace(&mut self.pending, saved));
                        out.extend(here);
                    }
                    "enum_constant" => {
                        if let Some(n) = m.child_by_field_name("name") {
                            let const_name = self.text(n).to_string();
                            let args = m.child_by_field_name("arguments").map(|a| self.args(a)).unwrap_or_default();
                            let callee = name_expr(&name, m);
                            let value =
                                Expr::new(ExprKind::Call { callee: Box::new(callee), args, new: true }, span(m));
                            out.push(Stmt::Assign {
                                target: name_expr(&const_name, n),
                                value: Some(value),
                                ty: Some(name.clone()),
                                span: span(m),
                            });
                        }
                    }
                    "block" | "static_initializer" => {
                        self.scopes.push(HashSet::new());
                        self.stmt(m, out);
                        self.scopes.pop();
                    }
                    "class_declaration"
                    | "interface_declaration"
                    | "enum_declaration"
                    | "record_declaration"
                    | "annotation_type_declaration" => self.class(m, None, out),
                    _ => {}
                }
            }
        }
        if let Some(saved) = saved_scopes {
            self.scopes = saved;
        }
        self.cx.class = saved_class;
        self.classes.pop();
        self.cx.module.classes.push(Class { name, bases, decorators, methods, getters, span: after_modifiers(node) });
    }

    /// `T getX() { return x; }` / `isX()` / `return this.x;` reading an instance field of the enclosing class: the
    /// field.
    fn plain_getter(&self, node: Node) -> Option<String> {
        let name = node.child_by_field_name("name").map(|n| self.text(n)).unwrap_or_default();
        let getter_name = name
            .strip_prefix("get")
            .or_else(|| name.strip_prefix("is"))
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()));
        let no_params = node.child_by_field_name("parameters").is_some_and(|p| code_children(p).is_empty());
        if !getter_name || !no_params || has_modifier(self.cx, node, "static") {
            return None;
        }
        let body = node.child_by_field_name("body")?;
        let statements = code_children(body);
        let [ret] = statements.as_slice() else { return None };
        if ret.kind() != "return_statement" {
            return None;
        }
        let value = code_children(*ret).first().copied()?;
        let field = match value.kind() {
            "identifier" => self.text(value),
            "field_access" if value.child_by_field_name("object").is_some_and(|o| o.kind() == "this") => {
                value.child_by_field_name("field").map(|f| self.text(f)).unwrap_or_default()
            }
            _ => return None,
        };
        self.classes.last().filter(|c| c.fields.contains(field)).map(|_| field.to_string())
    }

    fn function(&mut self, node: Node) -> FuncId {
        let name = node.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default();
        let decorators = self.annotations(node);
        let is_static = self.cx.class.is_none() || has_modifier(self.cx, node, "static");
        let returns = node.child_by_field_name("type").map(|t| self.text(t).to_string());
        let id = self.cx.add_function(Function {
            name,
            class: self.cx.class.clone(),
            params: Vec::new(),
            body: Vec::new(),
            decorators,
            is_static,
            parent: None,
            returns,
            span: after_modifiers(node),
        });
        self.scopes.push(HashSet::new());
        let params = node.child_by_field_name("parameters").map(|p| self.params(p)).unwrap_or_default();
        let saved_pending = std::mem::take(&mut self.pending);
        let body = self.cx_in_function(id, |lw| lw.field_block(node, "body"));
        self.pending = saved_pending;
        self.scopes.pop();
        if let Some(f) = self.cx.module.functions.get_mut(id) {
            f.params = params;
            f.body = body;
        }
        id
    }

    /// [`Cx::in_function`] for this lowering state, except that the depth is not reset: a function nested in an
    /// expression is deeper still (so thousands of nested lambdas cannot exhaust the stack).
    fn cx_in_function<T>(&mut self, id: FuncId, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = std::mem::replace(&mut self.cx.current, id);
        let out = f(self);
        self.cx.current = saved;
        out
    }

    fn params(&mut self, node: Node) -> Vec<Param> {
        let mut out = Vec::new();
        match node.kind() {
            "identifier" => {
                let name = self.text(node).to_string();
                self.declare(&name);
                out.push(Param::plain(name, span(node)));
                return out;
            }
            "inferred_parameters" => {
                for p in code_children(node) {
                    let name = self.text(p).to_string();
                    self.declare(&name);
                    out.push(Param::plain(name, span(p)));
                }
                return out;
            }
            _ => {}
        }
        for p in code_children(node) {
            let (name, ty) = match p.kind() {
                "formal_parameter" => (
                    p.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default(),
                    p.child_by_field_name("type").map(|t| type_text(self.cx, t)),
                ),
                "spread_parameter" => {
                    let children = code_children(p);
                    let ty = children
                        .iter()
                        .find(|c| !matches!(c.kind(), "modifiers" | "variable_declarator"))
                        .map(|t| format!("{}...", type_text(self.cx, *t)));
                    let name = children
                        .iter()
                        .find(|c| c.kind() == "variable_declarator")
                        .and_then(|d| d.child_by_field_name("name"))
                        .map(|n| self.text(n).to_string())
                        .unwrap_or_default();
                    (name, ty)
                }
                _ => continue,
            };
            let annotations = modifiers(p)
                .map(|m| {
                    named_children(m)
                        .into_iter()
                        .filter(|a| matches!(a.kind(), "annotation" | "marker_annotation"))
                        .map(|a| annotation_name(self.cx, a))
                        .collect()
                })
                .unwrap_or_default();
            self.declare(&name);
            out.push(Param { ty, annotations, ..Param::plain(name, span(p)) });
        }
        out
    }

    // ---------------------------------------------------------------- expressions

    fn expr(&mut self, node: Node) -> Expr {
        if self.cx.depth >= super::MAX_DEPTH {
            return other(Vec::new(), node);
        }
        self.cx.depth += 1;
        let e = self.expr_inner(node);
        self.cx.depth -= 1;
        e
    }

    fn expr_children(&mut self, node: Node) -> Expr {
        let parts = code_children(node).into_iter().map(|c| self.expr(c)).collect();
        other(parts, node)
    }

    fn this_attr(&self, name: &str, node: Node) -> Expr {
        Expr::new(ExprKind::Attr { obj: Box::new(name_expr("this", node)), name: name.to_string() }, span(node))
    }

    /// An identifier read: a local, a field of an enclosing class (`this.f`), or a name.
    fn identifier(&self, node: Node) -> Expr {
        let name = self.text(node);
        if !self.is_local(name) {
            for info in self.classes.iter().rev() {
                if info.fields.contains(name) {
                    return self.this_attr(name, node);
                }
                if info.static_fields.contains(name) {
                    break;
                }
            }
        }
        name_expr(name, node)
    }

    fn expr_inner(&mut self, node: Node) -> Expr {
        let s = span(node);
        let kind = match node.kind() {
            "identifier" => return self.identifier(node),
            "type_identifier" | "scoped_type_identifier" | "generic_type" | "scoped_identifier" => {
                return self.qualified(node);
            }
            "this" => ExprKind::Name("this".to_string()),
            "super" => ExprKind::Name("super".to_string()),
            "field_access" => {
                let obj =
                    node.child_by_field_name("object").map(|o| self.expr(o)).unwrap_or_else(|| other(vec![], node));
                let name = node.child_by_field_name("field").map(|f| self.text(f).to_string()).unwrap_or_default();
                ExprKind::Attr { obj: Box::new(obj), name }
            }
            "method_invocation" => {
                let name_node = node.child_by_field_name("name");
                let name = name_node.map(|n| self.text(n).to_string()).unwrap_or_default();
                let callee = match node.child_by_field_name("object") {
                    Some(o) => {
                        let obj = self.expr(o);
                        let end = name_node.map_or(s, span);
                        Expr::new(ExprKind::Attr { obj: Box::new(obj), name }, span(o).to(end))
                    }
                    None => {
                        let n = name_node.unwrap_or(node);
                        let instance = !self.is_local(&name)
                            && self
                                .classes
                                .last()
                                .is_some_and(|c| c.methods.contains(&name) && !c.static_methods.contains(&name));
                        if instance { self.this_attr(&name, n) } else { name_expr(&name, n) }
                    }
                };
                let mut args = node.child_by_field_name("arguments").map(|a| self.args(a)).unwrap_or_default();
                // `a.equals(b)` is a comparison (guards read it as one).
                if let ExprKind::Attr { obj, name } = &callee.kind
                    && matches!(name.as_str(), "equals" | "equalsIgnoreCase" | "contentEquals")
                    && args.len() == 1
                    && let Some(arg) = args.pop()
                {
                    ExprKind::Binary { op: "equals".to_string(), left: obj.clone(), right: Box::new(arg.value) }
                } else {
                    ExprKind::Call { callee: Box::new(callee), args, new: false }
                }
            }
            "object_creation_expression" => {
                let ty_node = node.child_by_field_name("type");
                let callee = ty_node.map(|t| self.qualified(t)).unwrap_or_else(|| other(vec![], node));
                let args = node.child_by_field_name("arguments").map(|a| self.args(a)).unwrap_or_default();
                if let Some(body) = code_children(node).into_iter().find(|c| c.kind() == "class_body") {
                    let base = ty_node.map(|t| type_text(self.cx, t)).unwrap_or_default();
                    let name = format!("<anonymous {base}>");
                    let mut defs = Vec::new();
                    self.class(body, Some((name, base)), &mut defs);
                    self.pending.extend(defs);
                }
                ExprKind::Call { callee: Box::new(callee), args, new: true }
            }
            "array_creation_expression" => {
                if let Some(v) = node.child_by_field_name("value") {
                    return self.expr(v);
                }
                let dims: Vec<Expr> = named_children(node)
                    .into_iter()
                    .filter(|c| c.kind() == "dimensions_expr")
                    .flat_map(code_children)
                    .map(|d| self.expr(d))
                    .collect();
                ExprKind::Other(dims)
            }
            "array_initializer" | "element_value_array_initializer" => {
                ExprKind::List(code_children(node).into_iter().map(|c| self.expr(c)).collect())
            }
            "array_access" => {
                let obj =
                    node.child_by_field_name("array").map(|o| self.expr(o)).unwrap_or_else(|| other(vec![], node));
                let index =
                    node.child_by_field_name("index").map(|i| self.expr(i)).unwrap_or_else(|| other(vec![], node));
                ExprKind::Index { obj: Box::new(obj), index: Box::new(index) }
            }
            "string_literal" => {
                let holes: Vec<Node> =
                    named_children(node).into_iter().filter(|c| c.kind() == "string_interpolation").collect();
                if holes.is_empty() {
                    let raw = self.text(node);
                    if raw.starts_with("\"\"\"") { ExprKind::Str(text_block(raw)) } else { ExprKind::Str(unquote(raw)) }
                } else {
                    ExprKind::Concat(holes.into_iter().flat_map(code_children).map(|h| self.expr(h)).collect())
                }
            }
            "character_literal" => ExprKind::Str(unquote(self.text(node))),
            "decimal_integer_literal"
            | "hex_integer_literal"
            | "octal_integer_literal"
            | "binary_integer_literal"
            | "decimal_floating_point_literal"
            | "hex_floating_point_literal" => ExprKind::Num(self.text(node).to_string()),
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "null_literal" => ExprKind::Null,
            "binary_expression" => {
                let left =
                    node.child_by_field_name("left").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
                let right =
                    node.child_by_field_name("right").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
                let op = node.child_by_field_name("operator").map(|o| self.text(o).to_string()).unwrap_or_default();
                ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) }
            }
            "instanceof_expression" => {
                let left =
                    node.child_by_field_name("left").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
                let right = node
                    .child_by_field_name("right")
                    .map(|n| self.qualified(n))
                    .or_else(|| node.child_by_field_name("pattern").map(|p| name_expr(self.text(p), p)))
                    .unwrap_or_else(|| other(vec![], node));
                if let Some(n) = node.child_by_field_name("name") {
                    // `x instanceof String s` binds s to x.
                    let name = self.text(n).to_string();
                    self.declare(&name);
                    self.pending.push(Stmt::Assign {
                        target: name_expr(&name, n),
                        value: Some(left.clone()),
                        ty: None,
                        span: s,
                    });
                }
                ExprKind::Binary { op: "instanceof".to_string(), left: Box::new(left), right: Box::new(right) }
            }
            "unary_expression" => {
                let operand =
                    node.child_by_field_name("operand").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
                let op = node.child_by_field_name("operator").map(|o| self.text(o).to_string()).unwrap_or_default();
                ExprKind::Unary { op, operand: Box::new(operand) }
            }
            "update_expression" => {
                let text = self.text(node);
                let op = if text.contains("++") { "++" } else { "--" };
                let operand = code_children(node).first().map(|n| self.expr(*n)).unwrap_or_else(|| other(vec![], node));
                ExprKind::Unary { op: op.to_string(), operand: Box::new(operand) }
            }
            "ternary_expression" => {
                let cond =
                    node.child_by_field_name("condition").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
                let then = node
                    .child_by_field_name("consequence")
                    .map(|n| self.expr(n))
                    .unwrap_or_else(|| other(vec![], node));
                let otherwise = node
                    .child_by_field_name("alternative")
                    .map(|n| self.expr(n))
                    .unwrap_or_else(|| other(vec![], node));
                ExprKind::Cond { cond: Box::new(cond), then: Box::new(then), otherwise: Box::new(otherwise) }
            }
            "cast_expression" => {
                let value =
                    node.child_by_field_name("value").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
                let ty = node.child_by_field_name("type").map(|t| self.text(t).trim().to_string()).unwrap_or_default();
                let literal = matches!(
                    value.kind,
                    ExprKind::Num(_) | ExprKind::Str(_) | ExprKind::Bool(_) | ExprKind::Null
                ) || matches!(&value.kind, ExprKind::Unary { operand, .. } if matches!(operand.kind, ExprKind::Num(_)));
                if literal {
                    // `(byte) 0xB2` is still a constant.
                    return value;
                }
                if PRIMITIVE_NUMBERS.contains(&ty.as_str()) {
                    let callee = name_expr(&format!("({ty})"), node);
                    ExprKind::Call {
                        callee: Box::new(callee),
                        args: vec![Arg { name: None, value, spread: false }],
                        new: false,
                    }
                } else {
                    return value;
                }
            }
            "parenthesized_expression" => match code_children(node).as_slice() {
                [one] => return self.expr(*one),
                many => ExprKind::Other(many.iter().map(|n| self.expr(*n)).collect()),
            },
            "assignment_expression" => {
                let mut hoisted = Vec::new();
                self.assignment(node, &mut hoisted);
                let target =
                    node.child_by_field_name("left").map(|l| self.expr(l)).unwrap_or_else(|| other(vec![], node));
                self.pending.extend(hoisted);
                return target;
            }
            "lambda_expression" => return self.lambda(node),
            "method_reference" => return self.method_reference(node),
            "class_literal" => {
                let obj =
                    code_children(node).first().map(|t| self.qualified(*t)).unwrap_or_else(|| other(vec![], node));
                ExprKind::Attr { obj: Box::new(obj), name: "class".to_string() }
            }
            "switch_expression" => {
                let mut parts = Vec::new();
                if let Some(c) = node.child_by_field_name("condition") {
                    parts.push(self.expr(c));
                }
                if let Some(b) = node.child_by_field_name("body") {
                    for group in code_children(b) {
                        for part in code_children(group) {
                            match part.kind() {
                                "switch_label" => {}
                                "expression_statement" => {
                                    parts.extend(code_children(part).into_iter().map(|e| self.expr(e)))
                                }
                                k if k.ends_with("statement") || k == "block" || k.ends_with("declaration") => {
                                    let mut stmts = Vec::new();
                                    self.stmt(part, &mut stmts);
                                    for st in stmts {
                                        match st {
                                            Stmt::Expr(e) => parts.push(e),
                                            other_stmt => self.pending.push(other_stmt),
                                        }
                                    }
                                }
                                _ => parts.push(self.expr(part)),
                            }
                        }
                    }
                }
                ExprKind::Other(parts)
            }
            "annotation" | "marker_annotation" => return self.annotation(node),
            "template_expression" => {
                return node
                    .child_by_field_name("template_argument")
                    .map(|t| self.expr(t))
                    .unwrap_or_else(|| other(vec![], node));
            }
            k if k.contains("comment") => ExprKind::Other(Vec::new()),
            _ => ExprKind::Other(code_children(node).into_iter().map(|p| self.expr(p)).collect()),
        };
        Expr::new(kind, s)
    }

    fn lambda(&mut self, node: Node) -> Expr {
        let s = span(node);
        let id = self.cx.add_function(Function {
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
        self.scopes.push(HashSet::new());
        let params = node.child_by_field_name("parameters").map(|p| self.params(p)).unwrap_or_default();
        let saved_pending = std::mem::take(&mut self.pending);
        let body = self.cx_in_function(id, |lw| match node.child_by_field_name("body") {
            Some(b) if b.kind() == "block" => lw.block(b),
            Some(b) => {
                let mut out = Vec::new();
                let e = lw.expr(b);
                out.append(&mut lw.pending);
                out.push(Stmt::Return(Some(e), span(b)));
                out
            }
            None => Vec::new(),
        });
        self.pending = saved_pending;
        self.scopes.pop();
        if let Some(f) = self.cx.module.functions.get_mut(id) {
            f.params = params;
            f.body = body;
        }
        Expr::new(ExprKind::Lambda(id), s)
    }

    /// `X::m` as a one-parameter lambda calling it (`arg -> X.m(arg)`; `T::new` → `arg -> new T(arg)`), so a method
    /// reference passed as a callback (`records.forEach(this::process)`) is followed like a lambda.
    fn method_reference(&mut self, node: Node) -> Expr {
        let s = span(node);
        let parts = code_children(node);
        let is_new = self.text(node).trim_end().ends_with("::new");
        let name = if is_new {
            "new".to_string()
        } else {
            parts.last().map(|p| self.text(*p).to_string()).unwrap_or_default()
        };
        let obj = match parts.first() {
            Some(o) if parts.len() > 1 || is_new => self.expr(*o),
            _ => other(vec![], node),
        };
        let id = self.cx.add_function(Function {
            name: "<lambda>".to_string(),
            class: None,
            params: vec![Param::plain("arg".to_string(), s)],
            body: Vec::new(),
            decorators: Vec::new(),
            is_static: true,
            parent: None,
            returns: None,
            span: s,
        });
        let arg = vec![Arg { name: None, value: name_expr("arg", node), spread: false }];
        let call = if is_new {
            ExprKind::Call { callee: Box::new(obj), args: arg, new: true }
        } else {
            let callee = Expr::new(ExprKind::Attr { obj: Box::new(obj), name }, s);
            ExprKind::Call { callee: Box::new(callee), args: arg, new: false }
        };
        self.cx.set_body(id, vec![Stmt::Return(Some(Expr::new(call, s)), s)]);
        Expr::new(ExprKind::Lambda(id), s)
    }

    fn args(&mut self, node: Node) -> Vec<Arg> {
        code_children(node).into_iter().map(|a| Arg { name: None, value: self.expr(a), spread: false }).collect()
    }
}

/// A declaration's span without its modifiers and annotations (as Python's starts at `def`, not at decorators).
fn after_modifiers(node: Node) -> crate::ir::Span {
    let whole = span(node);
    let mut cursor = node.walk();
    let first = node.children(&mut cursor).find(|c| c.kind() != "modifiers" && !c.kind().contains("comment"));
    match first {
        Some(f) => crate::ir::Span { start_line: span(f).start_line, start_byte: span(f).start_byte, ..whole },
        None => whole,
    }
}

/// The content of a text block (`"""\n  a\n  b"""`): the first line dropped, common indentation removed.
fn text_block(raw: &str) -> String {
    let inner = raw.strip_prefix("\"\"\"").and_then(|r| r.strip_suffix("\"\"\"")).unwrap_or(raw);
    let inner = inner.split_once('\n').map_or(inner, |(_, rest)| rest);
    let indent =
        inner.lines().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let lines: Vec<&str> = inner.lines().map(|l| l.get(indent..).unwrap_or(l.trim_start())).collect();
    super::decode_escapes(&lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use crate::frontend::{FileBudget, lower};
    use crate::ir::{Expr, ExprKind, Module, Stmt};
    use crate::lang::Lang;

    fn java(src: &str) -> Module {
        lower(Lang::Java, "src/main/java/com/example/Handler.java", src, FileBudget::default()).unwrap()
    }

    fn func<'m>(m: &'m Module, name: &str) -> &'m crate::ir::Function {
        m.functions.iter().find(|f| f.name == name).unwrap()
    }

    /// A compact rendering of an expression.
    fn ex(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Name(n) => n.clone(),
            ExprKind::Attr { obj, name } => format!("{}.{name}", ex(obj)),
            ExprKind::Index { obj, index } => format!("{}[{}]", ex(obj), ex(index)),
            ExprKind::Call { callee, args, new } => {
                let args: Vec<String> = args
                    .iter()
                    .map(|a| match &a.name {
                        Some(n) => format!("{n}={}", ex(&a.value)),
                        None => ex(&a.value),
                    })
                    .collect();
                format!("{}{}({})", if *new { "new " } else { "" }, ex(callee), args.join(", "))
            }
            ExprKind::Str(s) => format!("{s:?}"),
            ExprKind::Num(n) => n.clone(),
            ExprKind::Bool(b) => b.to_string(),
            ExprKind::Null => "null".into(),
            ExprKind::Concat(p) => format!("concat({})", p.iter().map(ex).collect::<Vec<_>>().join(", ")),
            ExprKind::Binary { op, left, right } => format!("({} {op} {})", ex(left), ex(right)),
            ExprKind::Unary { op, operand } => format!("{op}{}", ex(operand)),
            ExprKind::Cond { cond, then, otherwise } => format!("({} ? {} : {})", ex(cond), ex(then), ex(otherwise)),
            ExprKind::List(p) => format!("[{}]", p.iter().map(ex).collect::<Vec<_>>().join(", ")),
            ExprKind::Dict(_) => "{..}".into(),
            ExprKind::Lambda(id) => format!("lambda#{id}"),
            ExprKind::Other(p) => format!("other({})", p.iter().map(ex).collect::<Vec<_>>().join(", ")),
        }
    }

    fn st(s: &Stmt, out: &mut Vec<String>) {
        match s {
            Stmt::Expr(e) => out.push(ex(e)),
            Stmt::Assign { target, value, ty, .. } => out.push(format!(
                "{}{} = {}",
                ty.as_ref().map(|t| format!("{t} ")).unwrap_or_default(),
                ex(target),
                value.as_ref().map(ex).unwrap_or_default()
            )),
            Stmt::Return(e, _) => out.push(format!("return {}", e.as_ref().map(ex).unwrap_or_default())),
            Stmt::Throw(e, _) => out.push(format!("throw {}", e.as_ref().map(ex).unwrap_or_default())),
            Stmt::If { cond, then, otherwise, .. } => {
                out.push(format!("if {}", ex(cond)));
                then.iter().for_each(|s| st(s, out));
                out.push("else".into());
                otherwise.iter().for_each(|s| st(s, out));
                out.push("end".into());
            }
            Stmt::Loop { var, iter, cond, body, .. } => {
                out.push(format!(
                    "loop {} in {} while {}",
                    var.as_ref().map(ex).unwrap_or_default(),
                    iter.as_ref().map(ex).unwrap_or_default(),
                    cond.as_ref().map(ex).unwrap_or_default()
                ));
                body.iter().for_each(|s| st(s, out));
                out.push("end".into());
            }
            Stmt::Try { body, catches, finally, .. } => {
                out.push("try".into());
                body.iter().for_each(|s| st(s, out));
                for c in catches {
                    out.push(format!("catch {:?} {:?}", c.ty, c.var));
                    c.body.iter().for_each(|s| st(s, out));
                }
                out.push("finally".into());
                finally.iter().for_each(|s| st(s, out));
                out.push("end".into());
            }
            Stmt::Def(id) => out.push(format!("def #{id}")),
            Stmt::Block(b) => b.iter().for_each(|s| st(s, out)),
        }
    }

    fn body(m: &Module, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        func(m, name).body.iter().for_each(|s| st(s, &mut out));
        out
    }

    const HANDLER: &str = r#"package com.example;
import java.sql.Statement;
import static java.util.Objects.requireNonNull;
import java.util.*;
public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, String> {
    private static final String ALGO = "DES";
    private final Connection conn = null;
    @Autowired private JdbcTemplate jdbc;
    @Override
    public String handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String id = event.getQueryStringParameters().get("id");
        Statement st = conn.createStatement();
        st.executeQuery("SELECT * FROM t WHERE id = '" + id + "'");
        String line;
        while ((line = reader.readLine()) != null) { sb.append(line); }
        helper(id);
        util(ALGO);
        count += 1;
        for (SQSMessage msg : event.getRecords()) { process(msg.getBody()); }
        return String.valueOf((int) x);
    }
    void helper(String s) { jdbc.update(s); }
    static void util(String s) {}
}"#;

    #[test]
    fn module_imports_and_classes() {
        let m = java(HANDLER);
        assert_eq!(m.name, "com.example.Handler");
        assert_eq!(m.import("Statement"), Some("java.sql.Statement"));
        assert_eq!(m.import("requireNonNull"), Some("java.util.Objects.requireNonNull"));
        assert_eq!(m.imports.len(), 3, "two classes and the wildcard: {:?}", m.imports);
        assert!(m.imports.iter().any(|i| i.alias == "*" && i.target.ends_with(".*")));
        let class = m.classes.iter().find(|c| c.name == "Handler").unwrap();
        assert_eq!(class.bases, vec!["RequestHandler<APIGatewayProxyRequestEvent, String>".to_string()]);
        assert_eq!(class.methods.len(), 3);
        let h = func(&m, "handleRequest");
        assert_eq!(h.class.as_deref(), Some("Handler"));
        assert!(!h.is_static);
        assert_eq!(h.params[0].name, "event");
        assert_eq!(h.params[0].ty.as_deref(), Some("APIGatewayProxyRequestEvent"));
        assert_eq!(h.params[1].ty.as_deref(), Some("Context"));
        assert_eq!(h.decorators.iter().map(ex).collect::<Vec<_>>(), vec!["Override"]);
        assert!(func(&m, "util").is_static);
        let top = body(&m, "<module>");
        assert_eq!(top[0], "String ALGO = \"DES\"");
        assert_eq!(top[1], "Connection this.conn = null");
        assert_eq!(top[2], "JdbcTemplate this.jdbc = ");
        assert!(top.iter().any(|s| s.starts_with("def #")));
    }

    #[test]
    fn method_bodies_lower() {
        let m = java(HANDLER);
        let b = body(&m, "handleRequest");
        let expect = [
            "String id = event.getQueryStringParameters().get(\"id\")",
            "Statement st = this.conn.createStatement()",
            "st.executeQuery(((\"SELECT * FROM t WHERE id = '\" + id) + \"'\"))",
            "String line = ",
            "line = reader.readLine()",
            "loop  in  while (line != null)",
            "sb.append(line)",
            "line = reader.readLine()",
            "end",
            "this.helper(id)",
            "util(ALGO)",
            "count = (count + 1)",
            "loop msg in event.getRecords() while ",
            "process(msg.getBody())",
            "end",
            "return String.valueOf((int)(x))",
        ];
        assert_eq!(b, expect);
        assert_eq!(body(&m, "helper"), ["this.jdbc.update(s)"]);
    }

    #[test]
    fn spring_controllers_keep_annotations() {
        let m = java(
            r#"@RestController
@RequestMapping("/api")
public class OrderController {
    @GetMapping(value = "/orders/{id}", produces = "application/json")
    public String get(@PathVariable("id") String id, @RequestParam(required = false) String q,
                      @org.springframework.web.bind.annotation.RequestHeader String h, HttpServletRequest req) {
        return jdbcTemplate.queryForObject("select " + q, String.class);
    }
}"#,
        );
        assert_eq!(m.name, "Handler");
        let class = &m.classes[0];
        let decos: Vec<String> = class.decorators.iter().map(ex).collect();
        assert_eq!(decos, ["RestController", "RequestMapping(\"/api\")"]);
        let f = func(&m, "get");
        assert_eq!(ex(&f.decorators[0]), "GetMapping(value=\"/orders/{id}\", produces=\"application/json\")");
        let anns: Vec<Vec<String>> = f.params.iter().map(|p| p.annotations.clone()).collect();
        assert_eq!(
            anns,
            vec![vec!["PathVariable".to_string()], vec!["RequestParam".into()], vec!["RequestHeader".into()], vec![]]
        );
        assert_eq!(f.params[3].ty.as_deref(), Some("HttpServletRequest"));
        assert_eq!(body(&m, "get"), ["return jdbcTemplate.queryForObject((\"select \" + q), String.class)"]);
    }

    #[test]
    fn new_lambdas_and_anonymous_classes() {
        let m = java(
            r#"class A {
    void run(Map<String, Object> input, String... rest) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", cmd);
        java.io.File f = new java.io.File(dir, name);
        List<String> xs = new ArrayList<>();
        byte[] iv = new byte[16];
        byte[] key = {1, 2, 3};
        String[] cmds = new String[] {"ls", arg};
        input.forEach((k, v) -> log.info(k + v));
        items.stream().map(x -> x.trim()).forEach(System.out::println);
        TrustManager[] tms = new TrustManager[] { new X509TrustManager() {
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public X509Certificate[] getAcceptedIssuers() { return null; }
        } };
        try (InputStream in = new FileInputStream(path); var r = new BufferedReader(in)) {
            r.readLine();
        } catch (IOException | RuntimeException e) {
            throw new RuntimeException(e);
        } finally { close(); }
        Object o = (Object) input.get("k");
        String t = """
            SELECT *
              FROM x""";
        if (o instanceof String s) { use(s); } else if (o == null) { nothing(); }
    }
}"#,
        );
        let f = func(&m, "run");
        assert_eq!(f.params[0].ty.as_deref(), Some("Map<String, Object>"));
        assert_eq!(f.params[1].name, "rest");
        assert_eq!(f.params[1].ty.as_deref(), Some("String..."));
        let b = body(&m, "run");
        assert_eq!(b[0], "ProcessBuilder pb = new ProcessBuilder(\"sh\", \"-c\", cmd)");
        assert_eq!(b[1], "java.io.File f = new java.io.File(dir, name)");
        assert_eq!(b[2], "List<String> xs = new ArrayList()");
        assert_eq!(b[3], "byte[] iv = other(16)");
        assert_eq!(b[4], "byte[] key = [1, 2, 3]");
        assert_eq!(b[5], "String[] cmds = [\"ls\", arg]");
        assert!(b[6].starts_with("input.forEach(lambda#"), "{}", b[6]);
        assert!(b[7].starts_with("items.stream().map(lambda#"), "{}", b[7]);
        assert!(b[7].contains(".forEach(lambda#"), "{}", b[7]);
        let println_ref = m.functions.iter().rev().find(|f| f.name == "<lambda>").unwrap();
        let mut ref_body = Vec::new();
        println_ref.body.iter().for_each(|s| st(s, &mut ref_body));
        assert_eq!(ref_body, ["return System.out.println(arg)"]);
        let lambda = m.functions.iter().find(|f| f.name == "<lambda>").unwrap();
        assert_eq!(lambda.params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["k", "v"]);
        assert!(b[8].starts_with("def #") && b[9].starts_with("def #"), "{b:?}");
        assert_eq!(b[10], "TrustManager[] tms = [new X509TrustManager()]");
        let anon = m.classes.iter().find(|c| c.name == "<anonymous X509TrustManager>").unwrap();
        assert_eq!(anon.bases, ["X509TrustManager"]);
        assert_eq!(anon.methods.len(), 2);
        assert_eq!(func(&m, "checkServerTrusted").class.as_deref(), Some("<anonymous X509TrustManager>"));
        let t = b.iter().position(|s| s == "try").unwrap();
        assert_eq!(b[t + 1], "InputStream in = new FileInputStream(path)");
        assert_eq!(b[t + 2], "r = new BufferedReader(in)");
        assert_eq!(b[t + 4], "catch Some(\"IOException | RuntimeException\") Some(\"e\")");
        assert!(b.contains(&"Object o = input.get(\"k\")".to_string()));
        assert!(b.contains(&"String t = \"SELECT *\\n  FROM x\"".to_string()), "{b:?}");
        assert!(b.contains(&"s = o".to_string()));
        assert!(b.contains(&"use(s)".to_string()));
    }

    #[test]
    fn switch_cases_are_alternatives() {
        let m = java(
            r#"class A {
    String f(String p, int k) {
        String bar;
        switch (k) {
            case 1:
                bar = p;
                break;
            case 2, 3:
                bar = "two";
                break;
            default:
                bar = "other";
        }
        switch (p) {
            case "a" -> run(p);
            default -> { stop(); }
        }
        return bar;
    }
}"#,
        );
        let b = body(&m, "f");
        assert_eq!(
            b,
            [
                "String bar = ",
                "k",
                "if (k == 1)",
                "bar = p",
                "else",
                "if ((k == 2) || (k == 3))",
                "bar = \"two\"",
                "else",
                "bar = \"other\"",
                "end",
                "end",
                "p",
                "if (p == \"a\")",
                "run(p)",
                "else",
                "stop()",
                "end",
                "return bar",
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut src = String::from("class A { void f() { String x = ");
        for _ in 0..3000 {
            src.push_str("(a + ");
        }
        src.push('b');
        for _ in 0..3000 {
            src.push(')');
        }
        src.push_str("; } }");
        let m = java(&src);
        assert!(m.functions.len() >= 2);
    }

    /// Scans every `.java` file under `$JAVA_SCAN_DIR` (each file its own package) and prints the findings: a
    /// manual check against real code (`cargo test … scan_directory -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn scan_directory() {
        let Ok(dir) = std::env::var("JAVA_SCAN_DIR") else { return };
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let files = [crate::SourceFile { path: name.clone(), text, layer: None }];
            let started = std::time::Instant::now();
            let analysis = crate::analyze(&files, &crate::Options::default());
            let mut rules: Vec<String> =
                analysis.findings.iter().map(|f| format!("{}@{}", f.rule.slug, f.start_line)).collect();
            rules.sort();
            println!("{name}\t{:?}\t{}", started.elapsed(), rules.join(" "));
        }
    }

    #[test]
    fn nested_blocks_lambdas_and_classes_do_not_overflow() {
        for (open, close) in [("{ ", "} "), ("Runnable r = () -> { ", "}; "), ("new Object() { void m() { ", "} }; ")] {
            let mut src = String::from("class A { void f() { ");
            for _ in 0..4000 {
                src.push_str(open);
            }
            src.push_str("g(x);");
            for _ in 0..4000 {
                src.push_str(close);
            }
            src.push_str("} }");
            let m = java(&src);
            assert!(!m.functions.is_empty());
        }
    }

    #[test]
    fn modern_syntax_lowers() {
        let m = java(
            r#"package p;
@SuppressWarnings({"unchecked", "rawtypes"})
public enum Mode implements Supplier<String> {
    FAST("f") { @Override public String get() { return "fast"; } },
    SLOW("s");
    private final String code;
    Mode(String code) { this.code = code; }
    public String get() { return code; }
}
record Point(int x, int y) {
    Point { if (x < 0) throw new IllegalArgumentException(); }
    int sum() { return x + y; }
}
sealed interface Shape permits Circle {}
final class Circle implements Shape {
    { init(); }
    static int count;
    String describe(Object o, int k) {
        outer:
        for (int i = 0, j = 10; i < j; i++, j--) {
            do { k >>= 1; } while (k > 0);
            if (o instanceof String s && !s.isEmpty()) continue outer;
        }
        String r = switch (k) {
            case 1 -> "one";
            case 2 -> { yield "two"; }
            default -> throw new IllegalStateException();
        };
        synchronized (this) { count++; }
        assert k > 0 : "positive";
        Runnable run = Circle.super::hashCode;
        IntFunction<String[]> mk = String[]::new;
        Class<?> c = int.class;
        List<? extends Number> nums = Collections.<Integer>emptyList();
        Object inner = this.new Inner();
        var t = (Comparable<String> & java.io.Serializable) r;
        char ch = (char) ('a' + 1);
        try (reader) { reader.read(); } catch (Exception ignored) {}
        return r + Mode.FAST.get() + """
            text""".formatted(ch);
    }
    class Inner {}
}"#,
        );
        assert!(m.classes.iter().any(|c| c.name == "Mode"));
        assert!(m.classes.iter().any(|c| c.name == "Point"));
        let d = body(&m, "describe");
        assert!(d.iter().any(|s| s.starts_with("String r = other(")), "{d:?}");
        assert!(d.iter().any(|s| s.starts_with("return ((r + Mode.FAST.get())")), "{d:?}");
        assert_eq!(body(&m, "get").last().map(String::as_str), Some("return this.code"));
        assert_eq!(body(&m, "sum"), ["return (this.x + this.y)"]);
        assert_eq!(m.name, "p.Handler");
    }

    #[test]
    fn broken_code_still_lowers() {
        let m = java("public class X { void f( { int y = ; g(y) } ");
        assert!(!m.functions.is_empty());
    }
}
