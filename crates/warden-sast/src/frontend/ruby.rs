//! Ruby (tree-sitter-ruby) → IR.
//!
//! Ruby has no statements apart from expressions, so the lowering decides what is a statement by position: the
//! children of a body are statements, everything else is an expression. The last expression of a method, block or
//! lambda body is its value and becomes a `Return`. A method call with a receiver is a `Call` with an `Attr`
//! callee whether or not it has arguments (`x.to_i`, `s.html_safe`, `request.body.read`); only `self.x` without
//! arguments is the field `Attr(self, x)`, like `@x`. `Foo.new(a)` is `Call{callee: Foo, new: true}`. A setter or
//! index assignment to something that is not a local variable (`response.headers["X"] = v`, `cookies[:k] = {…}`,
//! `http.verify_mode = v`) is also lowered as the method call it is (`headers.[]=(k, v)`, `http.verify_mode=(v)`)
//! after the assignment, so sinks and call checks see it. Entry points get a decorator the table's route patterns
//! know: a Sinatra/Roda route block gets its route call (`get("/x")`), a Rack application's `call(env)` gets
//! `rack.call`.

use super::{Cx, code_children, decode_escapes, named_children, other, span};
use crate::ir::{Arg, Catch, Class, Expr, ExprKind, Function, Param, Span, Stmt};
use crate::lang::Lang;
use crate::tables::Tables;
use std::collections::{HashMap, HashSet};
use tree_sitter::Node;

pub(crate) fn lower(cx: &mut Cx, root: Node) {
    let mut r = Rb {
        cx,
        heredocs: HashMap::new(),
        locals: vec![HashSet::new()],
        captured: vec![Vec::new()],
        singleton: false,
        attrs: HashSet::new(),
        defined: HashSet::new(),
        nesting: 0,
    };
    r.pair_heredocs(root);
    let body = r.block(root);
    r.cx.set_body(0, body);
}

/// The lowering state: the shared context plus what Ruby needs on top.
struct Rb<'c, 's, 't> {
    cx: &'c mut Cx<'s>,
    /// `heredoc_beginning` start byte → its `heredoc_body` (the body follows the line, elsewhere in the tree).
    heredocs: HashMap<usize, Node<'t>>,
    /// Local variables of each function being lowered (innermost last); blocks see their parents' locals.
    locals: Vec<HashSet<String>>,
    /// Per scope of [`Rb::locals`]: the enclosing locals named like a request source (`params`, `cookies`,
    /// `request`) that a block reads (see [`Rb::capture`]).
    captured: Vec<Vec<String>>,
    /// Inside `class << self`: methods are static.
    singleton: bool,
    /// Readers declared with `attr_reader`/`attr_accessor` in the class being lowered: a bare `name` in its methods
    /// reads `@name`.
    attrs: HashSet<String>,
    /// The names of the methods the file defines (`def x`, `def self.x`): a call to one is not a Rails route helper.
    defined: HashSet<String>,
    /// Statement nesting (through branches, loops, blocks, methods and classes), never reset: past
    /// [`MAX_NESTING`] deeper statements are dropped, so a hostile file cannot exhaust the stack.
    nesting: u32,
}

/// The call a Rails route helper's call is wrapped in (the Ruby table cleans its value for redirects; keep the two
/// names in step).
const ROUTE_HELPER: &str = "__route_helper__";

/// Whether a name is the first part of a Ruby source pattern read as a name (`params`, `cookies`, `request`).
fn is_source_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && Tables::of(Lang::Ruby).sources.iter().any(|s| s.pattern.split('.').next() == Some(name))
}

/// The parameters a block gets for the enclosing locals it captures (see [`Rb::capture`]): `params` defaulting to
/// the enclosing `params`.
fn captured_params(names: Vec<String>, at: Span) -> impl Iterator<Item = Param> {
    names.into_iter().map(move |name| Param {
        default: Some(Expr::new(ExprKind::Name(name.clone()), at)),
        keyword: true,
        ..Param::plain(name, at)
    })
}

/// How deep statements may nest (the expression depth inside each is guarded by [`super::MAX_DEPTH`]).
const MAX_NESTING: u32 = 64;

impl<'c, 's, 't> Rb<'c, 's, 't> {
    fn text(&self, node: Node) -> &'s str {
        self.cx.text(node)
    }

    /// Pairs heredoc beginnings with their bodies in document order.
    fn pair_heredocs(&mut self, root: Node<'t>) {
        let mut beginnings = Vec::new();
        let mut bodies = Vec::new();
        let mut cursor = root.walk();
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            match node.kind() {
                "heredoc_beginning" => beginnings.push(node),
                "heredoc_body" => bodies.push(node),
                "method" | "singleton_method" => {
                    if let Some(n) = node.child_by_field_name("name") {
                        let name = self.text(n).to_string();
                        self.defined.insert(name);
                    }
                }
                _ => {}
            }
            let children: Vec<Node<'t>> = node.children(&mut cursor).collect();
            stack.extend(children.into_iter().rev());
        }
        beginnings.sort_by_key(|n| n.start_byte());
        bodies.sort_by_key(|n| n.start_byte());
        for (b, body) in beginnings.into_iter().zip(bodies) {
            self.heredocs.insert(b.start_byte(), body);
        }
    }

    fn is_local(&self, name: &str) -> bool {
        self.locals.iter().any(|scope| scope.contains(name))
    }

    /// A read of `name`: when it is a local of an enclosing scope named like a request source (`def build(params)`
    /// with `params.each { … params[:k] … }`, `params = ProtectedParams.new(…)` before `assert_raises { where(params) }`),
    /// every block between that scope and here captures it. Each such block gets it as a last parameter that
    /// defaults to the enclosing variable ([`captured_params`]): run in place it reads the enclosing value, and
    /// analysed alone it is a parameter, never the framework's `params` of a controller.
    fn capture(&mut self, name: &str) {
        let Some(owner) = self.locals.iter().rposition(|scope| scope.contains(name)) else { return };
        if owner + 1 == self.locals.len() || !is_source_name(name) {
            return;
        }
        for blocks in self.captured.iter_mut().skip(owner + 1) {
            if !blocks.iter().any(|n| n == name) {
                blocks.push(name.to_string());
            }
        }
    }

    fn declare(&mut self, name: &str) {
        if let Some(scope) = self.locals.last_mut() {
            scope.insert(name.to_string());
        }
    }

    /// Runs `f` as the body of function `id` (like [`Cx::in_function`]); `fresh` starts a new scope of locals
    /// (methods), otherwise the enclosing locals stay visible (blocks, lambdas).
    fn in_function<T>(&mut self, id: usize, fresh: bool, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = std::mem::replace(&mut self.cx.current, id);
        let saved_depth = std::mem::replace(&mut self.cx.depth, 0);
        let saved_locals =
            if fresh { Some((std::mem::take(&mut self.locals), std::mem::take(&mut self.captured))) } else { None };
        self.locals.push(HashSet::new());
        self.captured.push(Vec::new());
        let out = f(self);
        self.locals.pop();
        self.captured.pop();
        if let Some((l, c)) = saved_locals {
            self.locals = l;
            self.captured = c;
        }
        self.cx.current = saved;
        self.cx.depth = saved_depth;
        out
    }

    // ----- statements -----

    fn block(&mut self, node: Node) -> Vec<Stmt> {
        let mut out = Vec::new();
        for child in code_children(node) {
            self.stmt(child, &mut out);
        }
        out
    }

    fn field_block(&mut self, node: Node, field: &str) -> Vec<Stmt> {
        node.child_by_field_name(field).map(|b| self.block(b)).unwrap_or_default()
    }

    /// A body that may carry `rescue`/`else`/`ensure` clauses (`def … rescue … end`, `begin … end`, `do … end`).
    fn body(&mut self, node: Node) -> Vec<Stmt> {
        let children = code_children(node);
        if !children.iter().any(|c| matches!(c.kind(), "rescue" | "ensure")) {
            let mut out = Vec::new();
            for child in children {
                if child.kind() == "else" {
                    out.extend(self.block(child));
                } else {
                    self.stmt(child, &mut out);
                }
            }
            return out;
        }
        let mut body = Vec::new();
        let mut catches = Vec::new();
        let mut finally = Vec::new();
        for child in children {
            match child.kind() {
                "rescue" => catches.push(self.rescue(child)),
                "else" | "ensure" => finally.extend(self.block(child)),
                _ => self.stmt(child, &mut body),
            }
        }
        vec![Stmt::Try { body, catches, finally, span: span(node) }]
    }

    fn rescue(&mut self, node: Node) -> Catch {
        let ty = node.child_by_field_name("exceptions").map(|e| self.text(e).to_string());
        let var = node
            .child_by_field_name("variable")
            .and_then(|v| code_children(v).first().map(|n| self.text(*n).to_string()));
        if let Some(v) = &var {
            let v = v.clone();
            self.declare(&v);
        }
        let body = self.field_block(node, "body");
        Catch { var, ty, body }
    }

    fn stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        if self.nesting >= MAX_NESTING {
            return;
        }
        self.nesting += 1;
        self.stmt_inner(node, out);
        self.nesting -= 1;
    }

    fn stmt_inner(&mut self, node: Node, out: &mut Vec<Stmt>) {
        match node.kind() {
            "assignment" => self.assignment(node, out),
            "operator_assignment" => self.operator_assignment(node, out),
            "return" => {
                let value = self.jump_value(node);
                out.push(Stmt::Return(value, span(node)));
            }
            "next" | "break" => self.jump_stmt(node, out),
            "if" | "unless" => {
                let s = self.if_stmt(node, out);
                out.push(s);
            }
            "if_modifier" | "unless_modifier" => self.modifier_if_stmt(node, out),
            "while" | "until" | "while_modifier" | "until_modifier" => self.loop_stmt(node, out),
            "for" => self.for_loop_stmt(node, out),
            "case" => {
                let s = self.case_stmt(node, out);
                out.push(s);
            }
            "case_match" => self.case_match_stmt(node, out),
            "begin" => {
                let b = self.body(node);
                out.push(Stmt::Block(b));
            }
            "parenthesized_statements" | "then" | "else" | "do" | "body_statement" | "block_body" => {
                let b = self.body(node);
                out.extend(b);
            }
            "method" => {
                let id = self.method(node, false);
                out.push(Stmt::Def(id));
            }
            "singleton_method" => {
                let id = self.method(node, true);
                out.push(Stmt::Def(id));
            }
            "class" | "module" => self.class(node, out),
            "singleton_class" => self.singleton_class_stmt(node, out),
            "call" => self.call_stmt(node, out),
            "begin_block" | "end_block" => {
                let b = self.block(node);
                out.push(Stmt::Block(b));
            }
            "heredoc_body" | "empty_statement" | "comment" | "redo" | "retry" | "undef" | "alias" | "uninterpreted" => {
            }
            _ => {
                let e = self.expr(node);
                out.push(Stmt::Expr(e));
            }
        }
    }

    #[inline(never)]
    fn singleton_class_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let saved = std::mem::replace(&mut self.singleton, true);
        if let Some(b) = node.child_by_field_name("body") {
            for child in code_children(b) {
                self.stmt(child, out);
            }
        }
        self.singleton = saved;
    }

    #[inline(never)]
    fn case_match_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        if let Some(v) = node.child_by_field_name("value") {
            let e = self.expr(v);
            out.push(Stmt::Expr(e));
        }
        for clause in code_children(node) {
            match clause.kind() {
                "in_clause" => {
                    let b = self.field_block(clause, "body");
                    out.push(Stmt::Block(b));
                }
                "else" => {
                    let b = self.block(clause);
                    out.push(Stmt::Block(b));
                }
                _ => {}
            }
        }
    }

    #[inline(never)]
    fn for_loop_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let var = node.child_by_field_name("pattern").map(|p| {
            self.declare_lhs(p);
            self.expr(p)
        });
        let iter = node.child_by_field_name("value").map(|v| match code_children(v).as_slice() {
            [one] => self.expr(*one),
            _ => self.expr(v),
        });
        let body = self.field_block(node, "body");
        out.push(Stmt::Loop { var, iter, cond: None, body, span: span(node) });
    }

    #[inline(never)]
    fn loop_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let cond = self.condition(node, out);
        let cond = if node.kind().starts_with("until") { negate(cond) } else { cond };
        let body = match node.child_by_field_name("body") {
            Some(b) if node.kind().ends_with("modifier") => {
                let mut v = Vec::new();
                self.stmt(b, &mut v);
                v
            }
            Some(b) => self.block(b),
            None => Vec::new(),
        };
        out.push(Stmt::Loop { var: None, iter: None, cond: Some(cond), body, span: span(node) });
    }

    #[inline(never)]
    fn modifier_if_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let cond = self.condition(node, out);
        let cond = if node.kind() == "unless_modifier" { negate(cond) } else { cond };
        let mut then = Vec::new();
        if let Some(b) = node.child_by_field_name("body") {
            self.stmt(b, &mut then);
        }
        out.push(Stmt::If { cond, then, otherwise: Vec::new(), span: span(node) });
    }

    #[inline(never)]
    fn jump_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        // A block's `next v` is its value.
        if let Some(v) = self.jump_value(node) {
            if node.kind() == "next" {
                out.push(Stmt::Return(Some(v), span(node)));
            } else {
                out.push(Stmt::Expr(v));
            }
        }
    }

    /// `require`/`require_relative`, `raise` and `attr_*` are statements; other calls are expressions.
    fn call_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let receiver = node.child_by_field_name("receiver");
        let method = node.child_by_field_name("method").map(|m| self.text(m)).unwrap_or_default();
        if receiver.is_none() {
            match method {
                "require" | "require_relative" | "load" | "autoload" => {
                    let path = node
                        .child_by_field_name("arguments")
                        .and_then(|a| code_children(a).into_iter().find(|c| c.kind() == "string"))
                        .map(|s| self.string_text(s));
                    if let Some(path) = path {
                        self.require(method == "require_relative", &path);
                        return;
                    }
                }
                // `private def x … end`, `private_class_method def self.y … end`
                "private"
                | "protected"
                | "public"
                | "private_class_method"
                | "public_class_method"
                | "module_function"
                    if node.child_by_field_name("arguments").is_some_and(|a| {
                        code_children(a).iter().any(|c| matches!(c.kind(), "method" | "singleton_method"))
                    }) =>
                {
                    let defs: Vec<Node> = node
                        .child_by_field_name("arguments")
                        .map(code_children)
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|c| matches!(c.kind(), "method" | "singleton_method"))
                        .collect();
                    for d in defs {
                        let id = self.method(d, d.kind() == "singleton_method");
                        out.push(Stmt::Def(id));
                    }
                    return;
                }
                "raise" | "fail" => {
                    let args = self.args_of(node);
                    let value = match args.len() {
                        0 => None,
                        1 => args.into_iter().next().map(|a| a.value),
                        _ => Some(other(args.into_iter().map(|a| a.value).collect(), node)),
                    };
                    out.push(Stmt::Throw(value, span(node)));
                    return;
                }
                _ => {}
            }
        }
        let e = self.expr(node);
        out.push(Stmt::Expr(e));
    }

    /// `require "net/http"` → `http` ↦ `net.http`; `require_relative "lib/db"` → `db` ↦ the module of that file.
    fn require(&mut self, relative: bool, path: &str) {
        let path = path.trim_end_matches(".rb");
        let target = if relative {
            let here = self.cx.module.path.clone();
            let dir = here.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            let joined = if dir.is_empty() { path.to_string() } else { format!("{dir}/{path}") };
            super::module_name(&normalize(&format!("{joined}.rb")))
        } else {
            path.replace('/', ".")
        };
        let alias = target.rsplit('.').next().unwrap_or(&target).to_string();
        self.cx.import(&alias, &target);
    }

    fn jump_value(&mut self, node: Node) -> Option<Expr> {
        let list = code_children(node).into_iter().find(|c| c.kind() == "argument_list")?;
        let mut args: Vec<Expr> = self.args(list).into_iter().map(|a| a.value).collect();
        match args.len() {
            0 => None,
            1 => args.pop(),
            _ => Some(Expr::new(ExprKind::List(args), span(list))),
        }
    }

    /// The condition of an `if`/`while`; an assignment in it (`if (m = x)`) is lowered before the statement.
    fn condition(&mut self, node: Node, out: &mut Vec<Stmt>) -> Expr {
        let Some(c) = node.child_by_field_name("condition") else { return other(vec![], node) };
        let inner = if c.kind() == "parenthesized_statements" {
            match code_children(c).as_slice() {
                [one] => *one,
                _ => c,
            }
        } else {
            c
        };
        if inner.kind() == "assignment" {
            self.assignment(inner, out);
            if let Some(l) = inner.child_by_field_name("left") {
                return self.expr(l);
            }
        }
        self.expr(c)
    }

    fn if_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) -> Stmt {
        let cond = self.condition(node, out);
        let cond = if node.kind() == "unless" { negate(cond) } else { cond };
        let then = self.field_block(node, "consequence");
        let otherwise = match node.child_by_field_name("alternative") {
            Some(alt) if alt.kind() == "elsif" => {
                let mut pre = Vec::new();
                let s = self.if_stmt(alt, &mut pre);
                pre.push(s);
                pre
            }
            Some(alt) => self.block(alt),
            None => Vec::new(),
        };
        Stmt::If { cond, then, otherwise, span: span(node) }
    }

    /// `case x when a then … when b then … else … end` → nested ifs on `x == a`.
    fn case_stmt(&mut self, node: Node, out: &mut Vec<Stmt>) -> Stmt {
        let value = node.child_by_field_name("value").map(|v| self.expr(v));
        let clauses = code_children(node);
        let mut otherwise = Vec::new();
        let mut whens = Vec::new();
        for clause in clauses {
            match clause.kind() {
                "when" => whens.push(clause),
                "else" => otherwise = self.block(clause),
                _ => {}
            }
        }
        let mut lowered = Vec::new();
        for w in whens {
            let mut cursor = w.walk();
            let patterns: Vec<Node> = w.children_by_field_name("pattern", &mut cursor).collect();
            let pats: Vec<Expr> = patterns.iter().flat_map(|p| code_children(*p)).map(|p| self.expr(p)).collect();
            let literals = pats.len() > 1 && pats.iter().all(|p| matches!(p.kind, ExprKind::Str(_) | ExprKind::Num(_)));
            let pat = match <[Expr; 1]>::try_from(pats) {
                Ok([one]) => one,
                // `when "a", "b"` is `["a", "b"].include?(x)` (an allow-list).
                Err(many) if literals => Expr::new(ExprKind::List(many), span(w)),
                Err(many) => other(many, w),
            };
            let cond = match &value {
                Some(v) if literals => Expr::new(
                    ExprKind::Call {
                        callee: Box::new(Expr::new(
                            ExprKind::Attr { obj: Box::new(pat), name: "include?".to_string() },
                            span(w),
                        )),
                        args: vec![Arg { name: None, value: v.clone(), spread: false }],
                        new: false,
                    },
                    span(w),
                ),
                Some(v) => Expr::new(
                    ExprKind::Binary { op: "===".to_string(), left: Box::new(pat), right: Box::new(v.clone()) },
                    span(w),
                ),
                None => pat,
            };
            let then = self.field_block(w, "body");
            lowered.push((cond, then, span(w)));
        }
        if let Some(v) = &value
            && lowered.is_empty()
        {
            out.push(Stmt::Expr(v.clone()));
        }
        for (cond, then, s) in lowered.into_iter().rev() {
            otherwise = vec![Stmt::If { cond, then, otherwise, span: s }];
        }
        Stmt::Block(otherwise)
    }

    fn class(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let name = node
            .child_by_field_name("name")
            .map(|n| {
                let full = self.text(n);
                full.rsplit("::").next().unwrap_or(full).to_string()
            })
            .unwrap_or_default();
        let bases = node
            .child_by_field_name("superclass")
            .map(|s| code_children(s).into_iter().map(|b| self.text(b).replace("::", ".")).collect())
            .unwrap_or_default();
        let saved = self.cx.class.replace(name.clone());
        let saved_singleton = std::mem::replace(&mut self.singleton, false);
        let readers = node.child_by_field_name("body").map(|b| self.readers(b)).unwrap_or_default();
        let saved_attrs = std::mem::replace(&mut self.attrs, readers);
        let mut body = Vec::new();
        if let Some(b) = node.child_by_field_name("body") {
            for child in code_children(b) {
                self.stmt(child, &mut body);
            }
        }
        self.attrs = saved_attrs;
        self.singleton = saved_singleton;
        self.cx.class = saved;
        let methods = body
            .iter()
            .filter_map(|s| if let Stmt::Def(id) = s { Some(*id) } else { None })
            .filter(|id| self.cx.module.functions.get(*id).is_some_and(|f| f.class.as_deref() == Some(name.as_str())))
            .collect();
        self.cx.module.classes.push(Class {
            name,
            bases,
            decorators: Vec::new(),
            methods,
            getters: Vec::new(),
            span: span(node),
        });
        out.extend(body);
    }

    /// The names declared by `attr_reader :a, :b` / `attr_accessor` / `attr` in a class body.
    fn readers(&mut self, body: Node) -> HashSet<String> {
        let mut out = HashSet::new();
        for child in code_children(body) {
            if child.kind() != "call" || child.child_by_field_name("receiver").is_some() {
                continue;
            }
            let method = child.child_by_field_name("method").map(|m| self.text(m)).unwrap_or_default();
            if !matches!(method, "attr_reader" | "attr_accessor" | "attr") {
                continue;
            }
            if let Some(args) = child.child_by_field_name("arguments") {
                for a in code_children(args) {
                    if matches!(a.kind(), "simple_symbol" | "string") {
                        let name = self.text(a).trim_start_matches(':').trim_matches(['"', '\'']).to_string();
                        out.insert(name);
                    }
                }
            }
        }
        out
    }

    fn method(&mut self, node: Node, singleton: bool) -> usize {
        let name = node.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default();
        let on_self = singleton
            && node
                .child_by_field_name("object")
                .is_some_and(|o| o.kind() == "self" || Some(self.text(o)) == self.cx.class.as_deref());
        let is_static = self.cx.class.is_none() || self.singleton || singleton;
        let class = if singleton && !on_self { None } else { self.cx.class.clone() };
        let id = self.cx.add_function(Function {
            name,
            class,
            params: Vec::new(),
            body: Vec::new(),
            decorators: Vec::new(),
            is_static,
            parent: None,
            returns: None,
            span: span(node),
        });
        let saved_class = self.cx.class.take();
        let saved_singleton = std::mem::replace(&mut self.singleton, false);
        let (params, body) = self.in_function(id, true, |r| {
            let params = node.child_by_field_name("parameters").map(|p| r.params(p)).unwrap_or_default();
            let mut body = match node.child_by_field_name("body") {
                Some(b) if matches!(b.kind(), "body_statement") => r.body(b),
                Some(b) => {
                    // `def x = expr`, `def x = expr rescue y`
                    let e = r.expr(b);
                    vec![Stmt::Return(Some(e), span(b))]
                }
                None => Vec::new(),
            };
            implicit_return(&mut body);
            (params, body)
        });
        self.singleton = saved_singleton;
        self.cx.class = saved_class;
        // A Rack application's `call(env)`: the environment is the request. Marked with the decorator `rack.call`
        // (the table's route decorators), so no other method with a parameter named `env` is taken for one.
        let rack = matches!(params.as_slice(), [p] if p.name == "env" || p.name == "rack_env");
        if let Some(f) = self.cx.module.functions.get_mut(id) {
            if rack && f.name == "call" && f.class.is_some() {
                let s = span(node);
                let rack_name = Expr::new(ExprKind::Name("rack".to_string()), s);
                f.decorators.push(Expr::new(ExprKind::Attr { obj: Box::new(rack_name), name: "call".to_string() }, s));
            }
            f.params = params;
            f.body = body;
        }
        id
    }

    fn params(&mut self, node: Node) -> Vec<Param> {
        let mut out = Vec::new();
        for p in code_children(node) {
            let (name, default, keyword) = match p.kind() {
                "identifier" => (self.text(p).to_string(), None, false),
                "optional_parameter" => {
                    let name = p.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default();
                    let default = p.child_by_field_name("value").map(|v| self.expr(v));
                    (name, default, false)
                }
                "keyword_parameter" => {
                    let name = p.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default();
                    let default = p.child_by_field_name("value").map(|v| self.expr(v));
                    (name, default, true)
                }
                "splat_parameter" | "hash_splat_parameter" | "block_parameter" => {
                    let name = p.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default();
                    if name.is_empty() {
                        continue;
                    }
                    (name, None, p.kind() == "hash_splat_parameter")
                }
                "destructured_parameter" => {
                    // |(a, b)|: one parameter; its names are locals reading it (approximated as the whole).
                    let names: Vec<String> = code_children(p)
                        .into_iter()
                        .map(|n| self.text(n).trim_start_matches('*').to_string())
                        .collect();
                    for n in &names {
                        self.declare(n);
                    }
                    (names.join(","), None, false)
                }
                _ => continue,
            };
            self.declare(&name);
            out.push(Param { default, keyword, ..Param::plain(name, span(p)) });
        }
        out
    }

    /// Marks the names an assignment target binds as locals.
    fn declare_lhs(&mut self, node: Node) {
        match node.kind() {
            "identifier" => {
                let n = self.text(node).to_string();
                self.declare(&n);
            }
            "left_assignment_list" | "destructured_left_assignment" | "rest_assignment" => {
                for c in code_children(node) {
                    self.declare_lhs(c);
                }
            }
            _ => {}
        }
    }

    fn assignment(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let Some(left) = node.child_by_field_name("left") else { return };
        let right = node.child_by_field_name("right");
        let value = right.map(|r| self.rhs(r, out));
        // The setter call must be decided before the target becomes a local.
        let setter = self.setter_call(left, value.as_ref(), node);
        self.declare_lhs(left);
        let target = self.target(left);
        // `x = c ? a : b` is `if c then x = a else x = b end`, so checks in `c` guard the value.
        if let Some(Expr { kind: ExprKind::Cond { cond, then, otherwise }, span: vspan }) = &value
            && matches!(target.kind, ExprKind::Name(_) | ExprKind::Attr { .. })
        {
            let assign =
                |v: &Expr| Stmt::Assign { target: target.clone(), value: Some(v.clone()), ty: None, span: *vspan };
            out.push(Stmt::If {
                cond: cond.as_ref().clone(),
                then: vec![assign(then)],
                otherwise: vec![assign(otherwise)],
                span: span(node),
            });
        } else {
            super::python::destructure(target, value, None, span(node), out);
        }
        if let Some(call) = setter {
            out.push(Stmt::Expr(call));
        }
    }

    /// An assignment target: `obj.attr` is the field, not a call.
    fn target(&mut self, left: Node) -> Expr {
        match left.kind() {
            "call" => {
                let obj = left.child_by_field_name("receiver").map(|r| self.expr(r));
                let name = left.child_by_field_name("method").map(|m| self.text(m).to_string());
                match (obj, name) {
                    (Some(obj), Some(name)) => Expr::new(ExprKind::Attr { obj: Box::new(obj), name }, span(left)),
                    _ => self.expr(left),
                }
            }
            "left_assignment_list" | "destructured_left_assignment" => {
                Expr::new(ExprKind::List(code_children(left).into_iter().map(|c| self.target(c)).collect()), span(left))
            }
            "rest_assignment" => match code_children(left).first() {
                Some(inner) => self.target(*inner),
                None => other(vec![], left),
            },
            _ => self.expr(left),
        }
    }

    /// The right side of an assignment; a chained `a = b = v` lowers the inner one first.
    fn rhs(&mut self, r: Node, out: &mut Vec<Stmt>) -> Expr {
        match r.kind() {
            "assignment" => {
                self.assignment(r, out);
                r.child_by_field_name("left").map(|l| self.expr(l)).unwrap_or_else(|| other(vec![], r))
            }
            "right_assignment_list" => {
                Expr::new(ExprKind::List(code_children(r).into_iter().map(|c| self.expr(c)).collect()), span(r))
            }
            _ => self.expr(r),
        }
    }

    /// `recv.attr = v` / `recv[k] = v` where `recv` is not a local variable or `self`: the method call
    /// `recv.attr=(v)` / `recv.[]=(k, v)`, so that sinks on setters (`response.headers["X"] = v`) are seen.
    fn setter_call(&mut self, left: Node, value: Option<&Expr>, node: Node) -> Option<Expr> {
        let value = value?;
        let (recv, method, mut args) = match left.kind() {
            "call" => {
                let recv = left.child_by_field_name("receiver")?;
                let m = left.child_by_field_name("method").map(|m| self.text(m).to_string())?;
                (recv, format!("{m}="), Vec::new())
            }
            "element_reference" => {
                let recv = left.child_by_field_name("object")?;
                let keys: Vec<Arg> = code_children(left)
                    .into_iter()
                    .filter(|c| c.start_byte() > recv.start_byte())
                    .filter(|c| !matches!(c.kind(), "block" | "do_block"))
                    .map(|c| Arg { name: None, value: self.expr(c), spread: false })
                    .collect();
                (recv, "[]=".to_string(), keys)
            }
            _ => return None,
        };
        let plain_local = match recv.kind() {
            "identifier" => self.is_local(self.text(recv)),
            "self" | "instance_variable" | "class_variable" => true,
            _ => false,
        };
        if plain_local {
            return None;
        }
        let obj = self.expr(recv);
        args.push(Arg { name: None, value: value.clone(), spread: false });
        let callee = Expr::new(ExprKind::Attr { obj: Box::new(obj), name: method }, span(left));
        Some(Expr::new(ExprKind::Call { callee: Box::new(callee), args, new: false }, span(node)))
    }

    /// `x += v` → `x = x + v`; `x ||= v` → `x = x || v`.
    fn operator_assignment(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let Some(left) = node.child_by_field_name("left") else { return };
        let op = node.child_by_field_name("operator").map(|o| self.text(o).trim_end_matches('=')).unwrap_or("+");
        let value = node.child_by_field_name("right").map(|r| self.expr(r));
        self.declare_lhs(left);
        let target = self.target(left);
        let value = value.map(|v| {
            let s = target.span.to(v.span);
            Expr::new(ExprKind::Binary { op: op.to_string(), left: Box::new(target.clone()), right: Box::new(v) }, s)
        });
        out.push(Stmt::Assign { target, value, ty: None, span: span(node) });
    }

    // ----- expressions -----

    fn expr(&mut self, node: Node) -> Expr {
        if self.cx.depth >= super::MAX_DEPTH {
            return other(Vec::new(), node);
        }
        self.cx.depth += 1;
        let e = self.expr_inner(node);
        self.cx.depth -= 1;
        e
    }

    fn expr_inner(&mut self, node: Node) -> Expr {
        let s = span(node);
        let kind = match node.kind() {
            "identifier" => {
                let name = self.text(node);
                self.capture(name);
                if self.cx.current != 0 && !self.is_local(name) && self.attrs.contains(name) {
                    ExprKind::Attr {
                        obj: Box::new(Expr::new(ExprKind::Name("self".to_string()), s)),
                        name: name.to_string(),
                    }
                } else {
                    ExprKind::Name(name.to_string())
                }
            }
            "constant" | "global_variable" => ExprKind::Name(self.text(node).to_string()),
            "self" => ExprKind::Name("self".to_string()),
            "super" => ExprKind::Name("super".to_string()),
            "instance_variable" | "class_variable" => ExprKind::Attr {
                obj: Box::new(Expr::new(ExprKind::Name("self".to_string()), s)),
                name: self.text(node).trim_start_matches('@').to_string(),
            },
            "scope_resolution" => {
                let name = node.child_by_field_name("name").map(|n| self.text(n).to_string()).unwrap_or_default();
                match node.child_by_field_name("scope") {
                    Some(scope) => ExprKind::Attr { obj: Box::new(self.expr(scope)), name },
                    None => ExprKind::Name(name),
                }
            }
            "call" => return self.call(node),
            "element_reference" => self.element_reference_kind(node),
            "string" | "bare_string" | "delimited_symbol" | "bare_symbol" | "regex" | "heredoc_body" => {
                self.string(node)
            }
            "heredoc_beginning" => match self.heredocs.get(&node.start_byte()).copied() {
                Some(body) => self.string(body),
                None => ExprKind::Str(String::new()),
            },
            "chained_string" => {
                let parts: Vec<Expr> = code_children(node).into_iter().map(|p| self.expr(p)).collect();
                if parts.iter().all(|p| p.as_str().is_some()) {
                    ExprKind::Str(parts.iter().filter_map(|p| p.as_str()).collect())
                } else {
                    ExprKind::Concat(parts)
                }
            }
            "subshell" => self.subshell_kind(node),
            "simple_symbol" => ExprKind::Str(self.text(node).trim_start_matches(':').to_string()),
            "hash_key_symbol" => ExprKind::Str(self.text(node).to_string()),
            "character" => ExprKind::Str(self.text(node).trim_start_matches('?').to_string()),
            "integer" | "float" | "rational" | "complex" => ExprKind::Num(self.text(node).replace('_', "")),
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "nil" => ExprKind::Null,
            "array"
            | "string_array"
            | "symbol_array"
            | "left_assignment_list"
            | "destructured_left_assignment"
            | "right_assignment_list" => {
                ExprKind::List(code_children(node).into_iter().map(|c| self.expr(c)).collect())
            }
            "hash" => self.hash_kind(node),
            "binary" => self.binary_kind(node),
            "unary" => {
                let operand =
                    node.child_by_field_name("operand").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
                let op = node.child_by_field_name("operator").map(|o| self.text(o).to_string()).unwrap_or_default();
                ExprKind::Unary { op, operand: Box::new(operand) }
            }
            "conditional" => self.conditional_kind(node),
            "parenthesized_statements"
            | "pattern"
            | "splat_argument"
            | "hash_splat_argument"
            | "block_argument"
            | "rest_assignment"
            | "interpolation"
            | "in" => match code_children(node).as_slice() {
                [one] => return self.expr(*one),
                many => ExprKind::Other(many.iter().map(|n| self.expr(*n)).collect()),
            },
            "if" | "unless" | "case" | "begin" | "while" | "until" | "case_match" => {
                // As a value: the values of its branches (their last expressions).
                let mut stmts = Vec::new();
                self.stmt(node, &mut stmts);
                let mut values = Vec::new();
                branch_values(&stmts, &mut values);
                ExprKind::Other(values)
            }
            "rescue_modifier" => {
                let body = node.child_by_field_name("body").map(|n| self.expr(n));
                let handler = node.child_by_field_name("handler").map(|n| self.expr(n));
                ExprKind::Other(body.into_iter().chain(handler).collect())
            }
            "lambda" => {
                return self.lambda(node, node.child_by_field_name("parameters"), node.child_by_field_name("body"));
            }
            "block" | "do_block" => return self.lambda(node, node.child_by_field_name("parameters"), Some(node)),
            "yield" => {
                let args = code_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "argument_list")
                    .map(|a| self.args(a))
                    .unwrap_or_default();
                ExprKind::Call { callee: Box::new(Expr::new(ExprKind::Name("yield".to_string()), s)), args, new: false }
            }
            "assignment" | "operator_assignment" => {
                // An assignment used as a value (`foo(x = v)`): its value.
                let value = node.child_by_field_name("right");
                match value {
                    Some(v) => return self.expr(v),
                    None => ExprKind::Other(Vec::new()),
                }
            }
            "range" => ExprKind::Other(code_children(node).into_iter().map(|c| self.expr(c)).collect()),
            "method" | "singleton_method" => {
                // `private def x … end`: the definition; its value is the method's name.
                let id = self.method(node, node.kind() == "singleton_method");
                let name = self.cx.module.functions.get(id).map(|f| f.name.clone()).unwrap_or_default();
                ExprKind::Str(name)
            }
            _ => ExprKind::Other(code_children(node).into_iter().map(|c| self.expr(c)).collect()),
        };
        Expr::new(kind, s)
    }

    #[inline(never)]
    fn conditional_kind(&mut self, node: Node) -> ExprKind {
        let s = span(node);
        let _ = s;
        let cond = node.child_by_field_name("condition").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
        let then = node.child_by_field_name("consequence").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
        let otherwise =
            node.child_by_field_name("alternative").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
        ExprKind::Cond { cond: Box::new(cond), then: Box::new(then), otherwise: Box::new(otherwise) }
    }
    #[inline(never)]
    fn binary_kind(&mut self, node: Node) -> ExprKind {
        let s = span(node);
        let _ = s;
        let left = node.child_by_field_name("left").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
        let right = node.child_by_field_name("right").map(|n| self.expr(n)).unwrap_or_else(|| other(vec![], node));
        let op = node.child_by_field_name("operator").map(|o| self.text(o).to_string()).unwrap_or_default();
        match op.as_str() {
            // `s << x` appends to `s` (a method call, like `push`).
            "<<" => ExprKind::Call {
                callee: Box::new(Expr::new(ExprKind::Attr { obj: Box::new(left), name: op }, s)),
                args: vec![Arg { name: None, value: right, spread: false }],
                new: false,
            },
            // `x =~ /re/` is `x.match?(/re/)` (a validation when the regex is constant).
            "=~" | "!~" => {
                let (subject, re) = if matches!(left.kind, ExprKind::Str(_)) { (right, left) } else { (left, right) };
                let call = ExprKind::Call {
                    callee: Box::new(Expr::new(
                        ExprKind::Attr { obj: Box::new(subject), name: "match?".to_string() },
                        s,
                    )),
                    args: vec![Arg { name: None, value: re, spread: false }],
                    new: false,
                };
                if op == "!~" {
                    ExprKind::Unary { op: "!".to_string(), operand: Box::new(Expr::new(call, s)) }
                } else {
                    call
                }
            }
            _ => ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) },
        }
    }
    #[inline(never)]
    fn hash_kind(&mut self, node: Node) -> ExprKind {
        let s = span(node);
        let _ = s;
        let mut entries = Vec::new();
        for c in code_children(node) {
            match c.kind() {
                "pair" => {
                    let key = c.child_by_field_name("key").map(|k| self.expr(k));
                    let value = match c.child_by_field_name("value") {
                        Some(v) => self.expr(v),
                        // `{x:}` shorthand reads `x`.
                        None => {
                            let k = key.as_ref().and_then(|k| k.as_str()).unwrap_or_default().to_string();
                            Expr::new(ExprKind::Name(k), span(c))
                        }
                    };
                    entries.push((key, value));
                }
                "hash_splat_argument" => {
                    let v = match code_children(c).first() {
                        Some(inner) => self.expr(*inner),
                        None => other(vec![], c),
                    };
                    entries.push((None, v));
                }
                _ => {
                    let v = self.expr(c);
                    entries.push((None, v));
                }
            }
        }
        ExprKind::Dict(entries)
    }
    #[inline(never)]
    fn subshell_kind(&mut self, node: Node) -> ExprKind {
        let s = span(node);
        let _ = s;
        let command = Expr::new(self.string(node), s);
        ExprKind::Call {
            callee: Box::new(Expr::new(ExprKind::Name("`".to_string()), s)),
            args: vec![Arg { name: None, value: command, spread: false }],
            new: false,
        }
    }
    #[inline(never)]
    fn element_reference_kind(&mut self, node: Node) -> ExprKind {
        let s = span(node);
        let _ = s;
        let obj = node.child_by_field_name("object");
        let o = obj.map(|o| self.expr(o)).unwrap_or_else(|| other(vec![], node));
        let start = obj.map_or(0, |o| o.end_byte());
        let idx: Vec<Expr> = code_children(node)
            .into_iter()
            .filter(|c| c.start_byte() >= start && !matches!(c.kind(), "block" | "do_block"))
            .map(|c| self.expr(c))
            .collect();
        let index = match <[Expr; 1]>::try_from(idx) {
            Ok([one]) => one,
            Err(many) => other(many, node),
        };
        ExprKind::Index { obj: Box::new(o), index: Box::new(index) }
    }

    fn call(&mut self, node: Node) -> Expr {
        let s = span(node);
        let receiver = node.child_by_field_name("receiver");
        let method_node = node.child_by_field_name("method");
        let method = method_node.map(|m| self.text(m).to_string()).unwrap_or_default();
        let has_args = node.child_by_field_name("arguments").is_some();
        let block = node.child_by_field_name("block");
        let recv = receiver.map(|r| self.expr(r));
        // `self.x` with no arguments reads the field like `@x`.
        if let Some(r) = &recv
            && !has_args
            && block.is_none()
            && matches!(&r.kind, ExprKind::Name(n) if n == "self")
            && method_node.is_some()
        {
            return Expr::new(ExprKind::Attr { obj: Box::new(r.clone()), name: method }, s);
        }
        let mut args = self.args_of(node);
        // `logger.debug { "… #{x}" }`: the block's value is the message.
        if let Some(message) =
            block.filter(|_| args.is_empty() && recv.is_some()).and_then(|b| self.log_block(&method, b))
        {
            args.push(Arg { name: None, value: message, spread: false });
        } else if let Some(b) = block {
            let lambda = self.expr(b);
            self.decorate_route(&lambda, recv.as_ref(), &method, &args, s);
            args.push(Arg { name: None, value: lambda, spread: false });
        }
        let (callee, new) = match (recv, method_node) {
            // `Foo::Bar.new(x)` constructs `Foo.Bar`; `klass.new` on a computed class stays a method call.
            (Some(r), Some(_)) if method == "new" && is_constant_path(&r) => (r, true),
            (Some(r), Some(_)) => (Expr::new(ExprKind::Attr { obj: Box::new(r), name: method }, s), false),
            // `x.(a)` / `x.call(a)`
            (Some(r), None) => (Expr::new(ExprKind::Attr { obj: Box::new(r), name: "call".to_string() }, s), false),
            (None, _) => (Expr::new(ExprKind::Name(method), s), false),
        };
        let route = self.is_route_helper(&callee, &args);
        let call = Expr::new(ExprKind::Call { callee: Box::new(callee), args, new }, s);
        if route {
            // Wrapped in the call the table knows as a route helper (its URL is local, its parameters escaped).
            let wrapper = Expr::new(ExprKind::Name(ROUTE_HELPER.to_string()), s);
            let args = vec![Arg { name: None, value: call, spread: false }];
            return Expr::new(ExprKind::Call { callee: Box::new(wrapper), args, new: false }, s);
        }
        call
    }

    /// A Rails route helper: `article_path(@a)`, `edit_user_url(u, anchor: "x")`, `main_app.root_path`,
    /// `Rails.application.routes.url_helpers.post_url(p)`, named `*_path`/`*_url`, not a method of this file or a
    /// local variable, and not given a `host:`/`domain:`/`subdomain:`/`protocol:`/`port:` (which moves the URL off the
    /// site).
    fn is_route_helper(&self, callee: &Expr, args: &[Arg]) -> bool {
        let (name, routes_receiver) = match &callee.kind {
            ExprKind::Name(n) => (n.as_str(), true),
            ExprKind::Attr { obj, name } => {
                let routes = match &obj.kind {
                    ExprKind::Name(n) => n == "main_app",
                    ExprKind::Call { callee, args, .. } if args.is_empty() => {
                        matches!(&callee.kind, ExprKind::Attr { name, .. } if name == "url_helpers")
                    }
                    ExprKind::Attr { name, .. } => name == "url_helpers",
                    _ => false,
                };
                (name.as_str(), routes)
            }
            _ => return false,
        };
        routes_receiver
            && (name.ends_with("_path") || name.ends_with("_url"))
            && name.len() > 5
            && !self.defined.contains(name)
            && !self.is_local(name)
            && !args.iter().any(|a| {
                a.spread
                    || a.name.as_deref().is_some_and(|n| {
                        matches!(n, "host" | "domain" | "subdomain" | "protocol" | "port" | "only_path")
                    })
            })
    }

    /// A Sinatra/Roda route block (`get "/x/:id" do |id| … end`): its parameters are request data; the route call
    /// becomes the block's decorator.
    #[inline(never)]
    fn decorate_route(&mut self, lambda: &Expr, recv: Option<&Expr>, method: &str, args: &[Arg], s: Span) {
        if let ExprKind::Lambda(id) = lambda.kind
            && is_route(recv, method, args)
        {
            let route_callee = match recv {
                Some(r) => Expr::new(ExprKind::Attr { obj: Box::new(r.clone()), name: method.to_string() }, s),
                None => Expr::new(ExprKind::Name(method.to_string()), s),
            };
            let decorator =
                Expr::new(ExprKind::Call { callee: Box::new(route_callee), args: args.to_vec(), new: false }, s);
            if let Some(f) = self.cx.module.functions.get_mut(id) {
                f.decorators.push(decorator);
                // Sinatra sends the block's value as the response body: `body(value)`.
                if recv.is_none() && method != "route" {
                    body_returns(&mut f.body);
                }
            }
        }
    }

    /// The message of a logger call given as a block without parameters holding one expression.
    fn log_block(&mut self, method: &str, block: Node) -> Option<Expr> {
        if !matches!(method, "debug" | "info" | "warn" | "error" | "fatal" | "unknown")
            || block.child_by_field_name("parameters").is_some()
        {
            return None;
        }
        let body = block.child_by_field_name("body")?;
        match code_children(body).as_slice() {
            [one] if !matches!(one.kind(), "assignment" | "operator_assignment" | "rescue" | "ensure") => {
                Some(self.expr(*one))
            }
            _ => None,
        }
    }

    fn args_of(&mut self, node: Node) -> Vec<Arg> {
        node.child_by_field_name("arguments").map(|a| self.args(a)).unwrap_or_default()
    }

    fn args(&mut self, node: Node) -> Vec<Arg> {
        let mut out = Vec::new();
        for a in code_children(node) {
            match a.kind() {
                "pair" => {
                    let key = a.child_by_field_name("key");
                    let name = key.map(|k| match k.kind() {
                        "hash_key_symbol" => self.text(k).to_string(),
                        "simple_symbol" => self.text(k).trim_start_matches(':').to_string(),
                        "string" => self.string_text(k),
                        _ => self.text(k).to_string(),
                    });
                    let value = match a.child_by_field_name("value") {
                        Some(v) => self.expr(v),
                        None => Expr::new(ExprKind::Name(name.clone().unwrap_or_default()), span(a)),
                    };
                    out.push(Arg { name, value, spread: false });
                }
                "splat_argument" | "hash_splat_argument" | "forward_argument" => {
                    let value = self.expr(a);
                    out.push(Arg { name: None, value, spread: true });
                }
                // `&blk`, `&:sym`: the block, named `&` so that it is no positional argument (`instance_eval(&blk)`
                // runs the block, it evaluates no string) and binds to no positional parameter.
                "block_argument" => {
                    let value = self.expr(a);
                    out.push(Arg { name: Some("&".to_string()), value, spread: false });
                }
                _ => {
                    let value = self.expr(a);
                    out.push(Arg { name: None, value, spread: false });
                }
            }
        }
        out
    }

    /// The implicit parameters a block without `|…|` uses: `_1`, `_2`, … or `it` (not a local of its own).
    fn implicit_params(&self, body: Node) -> Vec<(String, Span)> {
        let mut numbered: Vec<(usize, Span)> = Vec::new();
        let mut it: Option<Span> = None;
        let mut stack = vec![body];
        let mut cursor = body.walk();
        let mut seen = 0usize;
        while let Some(n) = stack.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match n.kind() {
                // A nested block has its own implicit parameters.
                "block" | "do_block" | "lambda" if n.id() != body.id() => continue,
                "identifier" => {
                    let t = self.text(n);
                    if let Some(d) = t.strip_prefix('_').and_then(|d| d.parse::<usize>().ok())
                        && (1..=9).contains(&d)
                    {
                        numbered.push((d, span(n)));
                    } else if t == "it" && !self.is_local("it") {
                        it.get_or_insert(span(n));
                    }
                }
                _ => {}
            }
            stack.extend(n.children(&mut cursor).collect::<Vec<_>>());
        }
        if let Some(max) = numbered.iter().map(|(d, _)| *d).max() {
            let at = numbered.first().map_or_else(|| span(body), |(_, s)| *s);
            return (1..=max).map(|d| (format!("_{d}"), at)).collect();
        }
        it.map(|s| vec![("it".to_string(), s)]).unwrap_or_default()
    }

    /// A block (`do |x| … end`, `{ |x| … }`) or lambda (`->(x) { … }`) as a function.
    fn lambda(&mut self, node: Node, params: Option<Node>, body: Option<Node>) -> Expr {
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
        let implicit =
            if params.is_none() { body.map(|b| self.implicit_params(b)).unwrap_or_default() } else { Vec::new() };
        let (params, body) = self.in_function(id, false, |r| {
            let mut params = params.map(|p| r.params(p)).unwrap_or_default();
            // `{ _1.strip }`, `{ it.strip }`: numbered and `it` parameters.
            for (name, at) in implicit {
                r.declare(&name);
                params.push(Param::plain(name, at));
            }
            let mut stmts = match body {
                Some(b) => match b.kind() {
                    "block" | "do_block" => match b.child_by_field_name("body") {
                        Some(inner) => r.body(inner),
                        None => Vec::new(),
                    },
                    _ => r.body(b),
                },
                None => Vec::new(),
            };
            implicit_return(&mut stmts);
            let captured = r.captured.last().cloned().unwrap_or_default();
            params.extend(captured_params(captured, s));
            (params, stmts)
        });
        if let Some(f) = self.cx.module.functions.get_mut(id) {
            f.params = params;
            f.body = body;
        }
        Expr::new(ExprKind::Lambda(id), s)
    }

    /// A string-like node: `Str` when it has no interpolation, `Concat` otherwise.
    fn string(&mut self, node: Node) -> ExprKind {
        let single = self.text(node).starts_with('\'')
            || self.text(node).starts_with("%q")
            || self.text(node).starts_with("%w")
            || self.text(node).starts_with("%i");
        let mut parts: Vec<Expr> = Vec::new();
        let mut buf = String::new();
        let mut buf_span: Option<Span> = None;
        for child in named_children(node) {
            match child.kind() {
                "string_content" | "heredoc_content" => {
                    let t = self.text(child);
                    if single {
                        buf.push_str(&t.replace("\\'", "'").replace("\\\\", "\\"));
                    } else {
                        buf.push_str(t);
                    }
                    buf_span = Some(buf_span.map_or(span(child), |b| b.to(span(child))));
                }
                "escape_sequence" => {
                    buf.push_str(&decode_escapes(self.text(child)));
                    buf_span = Some(buf_span.map_or(span(child), |b| b.to(span(child))));
                }
                "interpolation" => {
                    if let Some(bs) = buf_span.take() {
                        parts.push(Expr::new(ExprKind::Str(std::mem::take(&mut buf)), bs));
                    }
                    let inner = code_children(child);
                    let e = match inner.as_slice() {
                        [one] => self.expr(*one),
                        many => other(many.iter().map(|n| self.expr(*n)).collect(), child),
                    };
                    parts.push(e);
                }
                _ => {}
            }
        }
        if parts.is_empty() {
            return ExprKind::Str(buf);
        }
        if let Some(bs) = buf_span {
            parts.push(Expr::new(ExprKind::Str(buf), bs));
        }
        ExprKind::Concat(parts)
    }

    /// The decoded text of a string literal (interpolations dropped).
    fn string_text(&mut self, node: Node) -> String {
        match self.string(node) {
            ExprKind::Str(s) => s,
            ExprKind::Concat(parts) => parts.iter().filter_map(|p| p.as_str()).collect(),
            _ => String::new(),
        }
    }
}

/// `get "/users/:id"` (Sinatra), `route do |r|`, `r.on "users"` (Roda): a route whose block receives the request or
/// path parameters.
fn is_route(recv: Option<&Expr>, method: &str, args: &[Arg]) -> bool {
    match recv.map(|r| &r.kind) {
        // Roda's `route do |r|`: `r` is the request.
        None if method == "route" => args.is_empty(),
        None => {
            matches!(method, "get" | "post" | "put" | "patch" | "delete" | "options" | "head" | "link" | "unlink")
                && args.first().and_then(|a| a.value.as_str()).is_some_and(|p| p.starts_with('/'))
        }
        Some(ExprKind::Name(r)) if r == "r" => {
            matches!(method, "on" | "is" | "get" | "post" | "put" | "patch" | "delete")
        }
        _ => false,
    }
}

/// `Foo`, `Foo::Bar`: a class named in the source.
fn is_constant_path(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(n) => n.chars().next().is_some_and(|c| c.is_ascii_uppercase()),
        ExprKind::Attr { obj, name } => {
            name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && is_constant_path(obj)
        }
        _ => false,
    }
}

fn negate(cond: Expr) -> Expr {
    let s = cond.span;
    Expr::new(ExprKind::Unary { op: "!".to_string(), operand: Box::new(cond) }, s)
}

/// `a/./b/../c` → `a/c`.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "." | "" if !parts.is_empty() => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(seg),
        }
    }
    parts.join("/")
}

/// Makes the value of the last statement of a body its return value.
fn implicit_return(body: &mut Vec<Stmt>) {
    let Some(last) = body.pop() else { return };
    match last {
        // `puts x`, `logger.error(e.message)` as the last line return nothing anyone reads.
        Stmt::Expr(e) if returns_nothing(&e) => body.push(Stmt::Expr(e)),
        Stmt::Expr(e) => body.push(Stmt::Return(Some(e.clone()), e.span)),
        Stmt::Assign { target, value, ty, span } => {
            let t = target.clone();
            body.push(Stmt::Assign { target, value, ty, span });
            body.push(Stmt::Return(Some(t), span));
        }
        Stmt::If { cond, mut then, mut otherwise, span } => {
            implicit_return(&mut then);
            implicit_return(&mut otherwise);
            body.push(Stmt::If { cond, then, otherwise, span });
        }
        Stmt::Try { body: mut inner, mut catches, finally, span } => {
            implicit_return(&mut inner);
            for c in &mut catches {
                implicit_return(&mut c.body);
            }
            body.push(Stmt::Try { body: inner, catches, finally, span });
        }
        Stmt::Block(mut inner) => {
            implicit_return(&mut inner);
            body.push(Stmt::Block(inner));
        }
        other => body.push(other),
    }
}

/// `return "…#{x}"` → `return body("…#{x}")` (Sinatra route blocks), through branches.
fn body_returns(stmts: &mut [Stmt]) {
    for st in stmts {
        match st {
            // Only what is plainly the body text: a string being built, or a variable or element holding one (a call's
            // value, like `redirect …` or `erb :page`, is not text made here).
            Stmt::Return(Some(v), _)
                if matches!(
                    v.kind,
                    ExprKind::Concat(_) | ExprKind::Binary { .. } | ExprKind::Name(_) | ExprKind::Index { .. }
                ) =>
            {
                let s = v.span;
                let value = std::mem::replace(v, Expr::new(ExprKind::Null, s));
                *v = Expr::new(
                    ExprKind::Call {
                        callee: Box::new(Expr::new(ExprKind::Name("body".to_string()), s)),
                        args: vec![Arg { name: None, value, spread: false }],
                        new: false,
                    },
                    s,
                );
            }
            Stmt::If { then, otherwise, .. } => {
                body_returns(then);
                body_returns(otherwise);
            }
            Stmt::Try { body, catches, .. } => {
                body_returns(body);
                for c in catches {
                    body_returns(&mut c.body);
                }
            }
            Stmt::Block(b) => body_returns(b),
            _ => {}
        }
    }
}

/// Output and logging calls, whose value (`nil`, `true`) is never the point of a method's last line.
fn returns_nothing(e: &Expr) -> bool {
    let ExprKind::Call { callee, .. } = &e.kind else { return false };
    match &callee.kind {
        ExprKind::Name(n) => matches!(n.as_str(), "puts" | "print" | "warn" | "printf" | "sleep" | "exit" | "abort"),
        ExprKind::Attr { name, obj } => {
            matches!(name.as_str(), "debug" | "info" | "warn" | "error" | "fatal" | "unknown" | "puts" | "print")
                && obj.dotted().is_none_or(|o| {
                    let o = o.to_ascii_lowercase();
                    o.contains("log") || o.contains("stdout") || o.contains("stderr")
                })
        }
        _ => false,
    }
}

/// The value expressions at the ends of lowered branches (for `x = if … end`).
fn branch_values(stmts: &[Stmt], out: &mut Vec<Expr>) {
    let mut v = stmts.to_vec();
    implicit_return(&mut v);
    collect_returns(&v, out);
}

fn collect_returns(stmts: &[Stmt], out: &mut Vec<Expr>) {
    for s in stmts {
        match s {
            Stmt::Return(Some(e), _) => out.push(e.clone()),
            Stmt::Expr(e) => out.push(e.clone()),
            Stmt::If { then, otherwise, cond, .. } => {
                out.push(cond.clone());
                collect_returns(then, out);
                collect_returns(otherwise, out);
            }
            Stmt::Try { body, catches, .. } => {
                collect_returns(body, out);
                for c in catches {
                    collect_returns(&c.body, out);
                }
            }
            Stmt::Block(b) | Stmt::Loop { body: b, .. } => collect_returns(b, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::frontend::{FileBudget, lower};
    use crate::ir::{Expr, ExprKind, Module, Stmt};
    use crate::lang::Lang;

    fn module(src: &str) -> Module {
        lower(Lang::Ruby, "/var/task/app.rb", src, FileBudget::default()).unwrap()
    }

    /// A compact rendering of an expression.
    fn e(x: &Expr) -> String {
        match &x.kind {
            ExprKind::Name(n) => n.clone(),
            ExprKind::Attr { obj, name } => format!("{}.{name}", e(obj)),
            ExprKind::Index { obj, index } => format!("{}[{}]", e(obj), e(index)),
            ExprKind::Call { callee, args, new } => {
                let a: Vec<String> = args
                    .iter()
                    .map(|a| {
                        let v = e(&a.value);
                        let v = if a.spread { format!("*{v}") } else { v };
                        match &a.name {
                            Some(n) => format!("{n}: {v}"),
                            None => v,
                        }
                    })
                    .collect();
                format!("{}{}({})", if *new { "new " } else { "" }, e(callee), a.join(", "))
            }
            ExprKind::Str(s) => format!("{s:?}"),
            ExprKind::Num(n) => n.clone(),
            ExprKind::Bool(b) => b.to_string(),
            ExprKind::Null => "nil".into(),
            ExprKind::Concat(p) => format!("concat({})", p.iter().map(e).collect::<Vec<_>>().join(", ")),
            ExprKind::Binary { op, left, right } => format!("({} {op} {})", e(left), e(right)),
            ExprKind::Unary { op, operand } => format!("{op}{}", e(operand)),
            ExprKind::Cond { cond, then, otherwise } => format!("({} ? {} : {})", e(cond), e(then), e(otherwise)),
            ExprKind::List(p) => format!("[{}]", p.iter().map(e).collect::<Vec<_>>().join(", ")),
            ExprKind::Dict(d) => format!(
                "{{{}}}",
                d.iter()
                    .map(|(k, v)| format!("{} => {}", k.as_ref().map_or("**".into(), e), e(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ExprKind::Lambda(id) => format!("fn#{id}"),
            ExprKind::Other(p) => format!("other({})", p.iter().map(e).collect::<Vec<_>>().join(", ")),
        }
    }

    fn st(s: &Stmt) -> String {
        let b = |v: &Vec<Stmt>| v.iter().map(st).collect::<Vec<_>>().join("; ");
        match s {
            Stmt::Expr(x) => e(x),
            Stmt::Assign { target, value, .. } => format!("{} = {}", e(target), value.as_ref().map_or("_".into(), e)),
            Stmt::Return(v, _) => format!("return {}", v.as_ref().map_or(String::new(), e)),
            Stmt::Throw(v, _) => format!("raise {}", v.as_ref().map_or(String::new(), e)),
            Stmt::If { cond, then, otherwise, .. } => {
                format!("if {} {{{}}} else {{{}}}", e(cond), b(then), b(otherwise))
            }
            Stmt::Loop { var, iter, cond, body, .. } => format!(
                "loop({} in {} while {}) {{{}}}",
                var.as_ref().map_or("_".into(), e),
                iter.as_ref().map_or("_".into(), e),
                cond.as_ref().map_or("_".into(), e),
                b(body)
            ),
            Stmt::Try { body, catches, finally, .. } => format!(
                "try {{{}}} {} finally {{{}}}",
                b(body),
                catches
                    .iter()
                    .map(|c| format!("rescue {:?} => {:?} {{{}}}", c.ty, c.var, b(&c.body)))
                    .collect::<Vec<_>>()
                    .join(" "),
                b(finally)
            ),
            Stmt::Def(id) => format!("def#{id}"),
            Stmt::Block(v) => format!("{{{}}}", b(v)),
        }
    }

    /// Every function, one per line: `name(params) [class, static]: body`.
    fn show(src: &str) -> String {
        let m = module(src);
        m.functions
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let params: Vec<String> =
                    f.params.iter().map(|p| if p.keyword { format!("{}:", p.name) } else { p.name.clone() }).collect();
                format!(
                    "#{i} {}({}) {:?} {}: {}",
                    f.name,
                    params.join(", "),
                    f.class,
                    if f.is_static { "static" } else { "inst" },
                    f.body.iter().map(st).collect::<Vec<_>>().join("; ")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn lambda_handlers_and_classes() {
        let src = "module App\n  class Handler < Base::Controller\n    def self.process(event:, context: nil)\n      event['body']\n    end\n\n    def helper(a, b = 1, *rest, k: 2, **opts, &blk)\n      a\n    end\n  end\nend\n\ndef handler(event:, context:)\n  App::Handler.process(event: event, context: context)\nend\n";
        let m = module(src);
        let out = show(src);
        assert!(out.contains("process(event:, context:) Some(\"Handler\") static: return event[\"body\"]"), "{out}");
        assert!(out.contains("helper(a, b, rest, k:, opts:, blk) Some(\"Handler\") inst: return a"), "{out}");
        assert!(
            out.contains(
                "handler(event:, context:) None static: return App.Handler.process(event: event, context: context)"
            ),
            "{out}"
        );
        let classes: Vec<(&str, Vec<String>)> = m.classes.iter().map(|c| (c.name.as_str(), c.bases.clone())).collect();
        assert_eq!(classes, vec![("Handler", vec!["Base.Controller".to_string()]), ("App", vec![])]);
        assert_eq!(m.classes[0].methods.len(), 2);
    }

    #[test]
    fn attr_readers_read_fields() {
        let out = show(
            "class A\n  attr_reader :event, :name\n  def initialize(event)\n    @event = event\n  end\n  def run\n    name = 'x'\n    [event, name]\n  end\nend\n",
        );
        assert!(out.contains("run() Some(\"A\") inst: name = \"x\"; return [self.event, name]"), "{out}");
    }

    #[test]
    fn singleton_class_methods_are_static() {
        let out = show("class A\n  class << self\n    def run(x)\n      x\n    end\n  end\nend\n");
        assert!(out.contains("run(x) Some(\"A\") static: return x"), "{out}");
    }

    #[test]
    fn strings_symbols_and_heredocs() {
        let src = "a = 'it\\'s'\nb = \"x\\n#{y}z\"\nc = :sym\nd = %w[a b]\ne = <<~SQL\n  SELECT #{q}\nSQL\nf = `ls #{dir}`\ng = %x(whoami)\nh = \"a\" \"b\"\n";
        let out = show(src);
        assert!(out.contains("a = \"it's\""), "{out}");
        assert!(out.contains("b = concat(\"x\\n\", y, \"z\")"), "{out}");
        assert!(out.contains("c = \"sym\""), "{out}");
        assert!(out.contains("d = [\"a\", \"b\"]"), "{out}");
        assert!(out.contains("e = concat(\"\\n  SELECT \", q, \"\\n\")"), "{out}");
        assert!(out.contains("f = `(concat(\"ls \", dir))"), "{out}");
        assert!(out.contains("g = `(\"whoami\")"), "{out}");
        assert!(out.contains("h = \"ab\""), "{out}");
    }

    #[test]
    fn two_heredocs_on_one_line() {
        let out = show("foo(<<~A, <<~'B')\n  a #{x}\nA\n  b #{y}\nB\nbar\n");
        assert!(out.contains("foo(concat(\"\\n  a \", x, \"\\n\"), \"\\n  b #{y}\\n\"); bar"), "{out}");
    }

    #[test]
    fn calls_arguments_and_blocks() {
        let src = "system \"ls #{x}\"\nf(a, b: 1, :c => 2, 'd' => 3, *rest, **opts, &blk)\nFoo::Bar.new(1)\nklass.new(2)\nitems.each { |i| puts i }\nself.name\nself.run(1)\nparams[:id].to_i\nobj&.call_me\n";
        let out = show(src);
        assert!(out.contains("system(concat(\"ls \", x))"), "{out}");
        assert!(out.contains("f(a, b: 1, c: 2, d: 3, *rest, *opts, &: blk)"), "{out}");
        assert!(out.contains("new Foo.Bar(1)"), "{out}");
        assert!(out.contains("klass.new(2)"), "{out}");
        assert!(out.contains("items.each(fn#1)"), "{out}");
        assert!(out.contains("#1 <lambda>(i) None static: puts(i)"), "{out}");
        assert!(out.contains("; self.name; self.run(1); params[\"id\"].to_i(); obj.call_me()"), "{out}");
    }

    #[test]
    fn blocks_capture_enclosing_locals_named_like_sources() {
        let src = "def build(params)\n  [1].each { |i| [2].each { where(params[:x]) } }\nend\ndef show\n  [1].each { |i| where(params[:x]) }\nend\n";
        let out = show(src);
        // Both blocks between the method and the read take the method's `params`.
        assert!(out.contains("<lambda>(i, params:) None static:"), "{out}");
        assert!(out.contains("<lambda>(params:) None static:"), "{out}");
        // A controller action's `params` is no local: its block takes nothing for it.
        assert!(out.contains("<lambda>(i) None static: return where(params[\"x\"])"), "{out}");
    }

    #[test]
    fn assignments_setters_and_fields() {
        let src = "def m(resp)\n  @a = 1\n  x = {}\n  x[:k] = params[:v]\n  headers['X-A'] = v\n  response.headers['Location'] = u\n  resp.status = 200\n  a, b = 1, 2\n  c, d = pair\n  n += 1\n  m ||= 2\n  s << t\n  y = ok ? u : 'v'\nend\n";
        let out = show(src);
        assert!(out.contains("self.a = 1; x = {}; x[\"k\"] = params[\"v\"]; headers"), "{out}");
        assert!(out.contains("headers[\"X-A\"] = v; headers.[]=(\"X-A\", v)"), "{out}");
        assert!(out.contains("response.headers()[\"Location\"] = u; response.headers().[]=(\"Location\", u)"), "{out}");
        assert!(out.contains("resp.status = 200; a = 1; b = 2; c = pair[0]; d = pair[1]"), "{out}");
        assert!(out.contains("n = (n + 1); m = (m || 2); s.<<(t)"), "{out}");
        assert!(out.contains("if ok {y = u; return y} else {y = \"v\"; return y}"), "{out}");
    }

    #[test]
    fn control_flow_and_implicit_returns() {
        let src = "def m(x)\n  return 1 unless x\n  if x == 'a'\n    2\n  elsif x =~ /\\A\\d+\\z/\n    3\n  else\n    4\n  end\nend\n\ndef n(v)\n  case v\n  when 'a', 'b' then 1\n  else 2\n  end\nend\n\ndef o\n  work\nrescue IOError => e\n  e.message\nensure\n  done\nend\n\ndef w(xs)\n  for i in xs do puts i end\n  while (line = gets)\n    puts line\n  end\n  raise ArgumentError, 'bad'\nend\n";
        let out = show(src);
        assert!(out.contains("if !x {return 1} else {}; if (x == \"a\") {return 2} else {if x.match?(\"\\\\A\\\\d+\\\\z\") {return 3} else {return 4}}"), "{out}");
        assert!(out.contains("n(v) None static: {if [\"a\", \"b\"].include?(v) {return 1} else {return 2}}"), "{out}");
        assert!(out.contains("o() None static: try {return work} rescue Some(\"IOError\") => Some(\"e\") {return e.message()} finally {done}"), "{out}");
        assert!(out.contains("loop(i in xs while _) {puts(i)}; line = gets; loop(_ in _ while line) {puts(line)}; raise other(ArgumentError, \"bad\")"), "{out}");
    }

    #[test]
    fn logging_on_the_last_line_is_not_a_return_value() {
        let out = show("def handler(event:, context:)\n  run(event)\nrescue => e\n  LOGGER.error(e.message)\nend\n");
        assert!(out.contains("rescue None => Some(\"e\") {LOGGER.error(e.message())}"), "{out}");
    }

    #[test]
    fn sinatra_routes_send_their_value() {
        let out = show("get '/hi/:name' do |name|\n  \"Hello #{name}\"\nend\n");
        assert!(out.contains("#1 <lambda>(name) None static: return body(concat(\"Hello \", name))"), "{out}");
        let m = module("get '/hi/:name' do |name|\n  name\nend\n");
        assert_eq!(m.functions[1].decorators.len(), 1);
    }

    #[test]
    fn implicit_block_parameters_and_private_defs() {
        let out = show("xs.map { _1.strip }\nys.each { puts it }\nclass A\n  private def x(a)\n    a\n  end\nend\n");
        assert!(out.contains("<lambda>(_1) None static: return _1.strip()"), "{out}");
        assert!(out.contains("<lambda>(it) None static: puts(it)"), "{out}");
        assert!(out.contains("x(a) Some(\"A\") inst: return a"), "{out}");
        assert_eq!(module("class A\n  private def x(a)\n    a\n  end\nend\n").classes[0].methods.len(), 1);
    }

    #[test]
    fn requires_become_imports() {
        let m = module(
            "require 'json'\nrequire 'net/http'\nrequire_relative 'lib/db'\nrequire_relative '../shared/util.rb'\n",
        );
        let imports: Vec<(String, String)> = m.imports.iter().map(|i| (i.alias.clone(), i.target.clone())).collect();
        assert_eq!(
            imports,
            vec![
                ("json".to_string(), "json".to_string()),
                ("http".to_string(), "net.http".to_string()),
                ("db".to_string(), "lib.db".to_string()),
                ("util".to_string(), "var.shared.util".to_string()),
            ]
        );
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let deep = format!("x = {}1{}\n", "[".repeat(3000), "]".repeat(3000));
        let _ = module(&deep);
        let calls = format!("x = {}y{}\n", "f(".repeat(2000), ")".repeat(2000));
        let _ = module(&calls);
        let ifs = format!("{}x\n{}", "if a\n".repeat(5000), "end\n".repeat(5000));
        let _ = module(&ifs);
        let blocks = format!("{}x{}", "f { ".repeat(5000), " }".repeat(5000));
        let _ = module(&blocks);
        let defs = format!("{}x\n{}", "def m\n".repeat(3000), "end\n".repeat(3000));
        let _ = module(&defs);
        let classes = format!("{}x\n{}", "class A\n".repeat(3000), "end\n".repeat(3000));
        let _ = module(&classes);
        // The whole analysis, not only the lowering, survives them.
        for text in [deep, calls, ifs, blocks, defs, classes] {
            let file = crate::SourceFile { path: "app.rb".to_string(), text, layer: None };
            let _ = crate::analyze(std::slice::from_ref(&file), &crate::Options::default());
        }
        for src in [
            "def",
            "class <<",
            "x = <<~A",
            "`",
            "%x(",
            "a.b.c = ",
            "foo(**)",
            "->",
            "case\nwhen\nend",
            "def x = ",
            "@",
            "::A.new",
        ] {
            let _ = module(src);
        }
    }

    /// `RUBY_CORPUS=/usr/lib/ruby cargo test … corpus -- --nocapture`: lowers and analyses every `.rb` file under a
    /// directory (each gem directory as one package), printing slow files and the findings per rule.
    #[test]
    fn corpus() {
        let Ok(root) = std::env::var("RUBY_CORPUS") else { return };
        let mut files = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rb") {
                    files.push(p);
                }
            }
        }
        let mut counts = std::collections::BTreeMap::new();
        for p in &files {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            let start = std::time::Instant::now();
            let lowered = module(&text);
            let lower_took = start.elapsed();
            if lower_took.as_millis() > 200 {
                println!("slow lowering {} {lower_took:?} ({} functions)", p.display(), lowered.functions.len());
            }
            let start = std::time::Instant::now();
            let file = crate::SourceFile { path: p.display().to_string(), text, layer: None };
            let analysis = crate::analyze(std::slice::from_ref(&file), &crate::Options::default());
            let took = start.elapsed();
            if took.as_millis() > 500 {
                println!("slow {} {took:?}", p.display());
            }
            for f in &analysis.findings {
                *counts.entry(f.rule.short_id()).or_insert(0) += 1;
                if std::env::var("RUBY_CORPUS_SHOW").is_ok_and(|r| f.rule.short_id().contains(&r)) {
                    println!("{}:{} {} {}", f.path, f.start_line, f.rule.short_id(), f.message);
                }
            }
        }
        println!("{} files; findings {counts:?}", files.len());
    }

    #[test]
    fn dump_tree() {
        let Ok(path) = std::env::var("RUBY_DUMP") else { return };
        let src = std::fs::read_to_string(path).unwrap();
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&crate::lang::Lang::Ruby.grammar()).unwrap();
        let tree = parser.parse(&src, None).unwrap();
        if std::env::var("RUBY_SEXP").is_ok() {
            println!("{}", tree.root_node().to_sexp());
        }
        println!("{}", show(&src));
        println!("imports {:?}", module(&src).imports);
    }
}
