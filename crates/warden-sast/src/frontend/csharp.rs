//! C# (tree-sitter-c-sharp) → IR.
//!
//! Conventions beyond the shared ones:
//! - a bare identifier that names a field or property of the enclosing class (and is not a local or parameter)
//!   reads `this.f` (instance) or `Class.f` (static), as field initializers are written;
//! - a property set on another object (`cmd.CommandText = sql`, `Response.Headers["X"] = v`) is an assignment
//!   followed by the setter call C# makes (`cmd.set_CommandText(sql)`, `Response.Headers.set_Item("X", v)`), so
//!   property sinks live in the call tables;
//! - object and collection initializers (`new X { A = b }`) are named arguments (`A`; collection items `<item>`);
//! - a public method of an ASP.NET controller (a class deriving `Controller`/`ControllerBase` or marked
//!   `[ApiController]`/`[Controller]`, or named `…Controller`) gets the decorator `ControllerAction`, and a lambda
//!   given to a minimal-API route (`app.MapGet("/x", (string q) => …)`) gets the route call's callee (`app.MapGet`)
//!   as its decorator, so both are framework entry points through the table's route decorators.

use super::{Cx, code_children, named_children, other, span, unquote};
use crate::ir::{Arg, Catch, Class, Expr, ExprKind, Function, Param, Span, Stmt};
use std::collections::{HashMap, HashSet};
use tree_sitter::Node;

pub(crate) fn lower(cx: &mut Cx, root: Node) {
    let mut w = W {
        cx,
        fields: HashMap::new(),
        locals: HashSet::new(),
        bindings: Vec::new(),
        type_hint: None,
        pending: Vec::new(),
    };
    let mut out = Vec::new();
    let mut namespace = None;
    for child in code_children(root) {
        top(&mut w, child, &mut out, &mut namespace);
    }
    let path = w.cx.module.path.clone();
    let file = path.rsplit(['/', '\\']).next().unwrap_or(&path);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    if !stem.is_empty() {
        w.cx.module.name = match namespace {
            Some(ns) => format!("{ns}.{stem}"),
            None => stem.to_string(),
        };
    }
    w.cx.set_body(0, out);
}

/// The lowering state: the shared context plus what C# name resolution needs.
struct W<'a, 's> {
    cx: &'a mut Cx<'s>,
    /// Fields and properties of the class being lowered: name ↦ is static.
    fields: HashMap<String, bool>,
    /// Locals and parameters of the function being lowered (flat, nested lambdas included).
    locals: HashSet<String>,
    /// Receivers of the `?.` accesses being lowered (`a` in `a?.B`).
    bindings: Vec<Expr>,
    /// The declared type a target-typed `new(...)` creates.
    type_hint: Option<String>,
    /// Assignments an expression makes as it runs (`out var v`, `x is T v`), placed before the statement that holds
    /// the expression.
    pending: Vec<Stmt>,
}

impl W<'_, '_> {
    fn text(&self, node: Node) -> String {
        self.cx.text(node).to_string()
    }
}

/// Declarations at file or namespace level.
fn top(w: &mut W, node: Node, out: &mut Vec<Stmt>, namespace: &mut Option<String>) {
    match node.kind() {
        "using_directive" => using(w, node),
        "namespace_declaration" | "file_scoped_namespace_declaration" => {
            if let Some(n) = node.child_by_field_name("name")
                && namespace.is_none()
            {
                *namespace = Some(w.text(n));
            }
            let body = node.child_by_field_name("body");
            let members = match body {
                Some(b) => code_children(b),
                None => {
                    code_children(node).into_iter().filter(|c| Some(*c) != node.child_by_field_name("name")).collect()
                }
            };
            for m in members {
                top(w, m, out, namespace);
            }
        }
        "class_declaration" | "struct_declaration" | "record_declaration" | "interface_declaration" => {
            class(w, node, out)
        }
        "global_statement" => {
            for s in code_children(node) {
                stmt(w, s, out);
            }
        }
        "global_attribute" => {
            for a in code_children(node) {
                if a.kind() == "attribute" {
                    let e = attribute(w, a);
                    out.push(Stmt::Expr(e));
                }
            }
        }
        "preproc_if" | "preproc_else" | "preproc_elif" => {
            for c in code_children(node) {
                if c.kind().ends_with("_declaration")
                    || c.kind().starts_with("preproc_")
                    || c.kind() == "global_statement"
                {
                    top(w, c, out, namespace);
                }
            }
        }
        _ => {}
    }
}

/// `using A = B.C;` binds `A`; `using X;` records nothing.
fn using(w: &mut W, node: Node) {
    let Some(alias) = node.child_by_field_name("name") else { return };
    let alias = w.text(alias);
    let target = code_children(node).into_iter().rfind(|c| c.id() != alias_id(node)).map(|t| w.text(t));
    if let Some(target) = target {
        let target = target.replace("global::", "").replace(' ', "");
        w.cx.import(&alias, &target);
    }
}

fn alias_id(node: Node) -> usize {
    node.child_by_field_name("name").map_or(usize::MAX, |n| n.id())
}

fn attribute_lists(w: &mut W, node: Node) -> Vec<Expr> {
    let mut out = Vec::new();
    for list in named_children(node) {
        if list.kind() == "attribute_list" {
            for a in named_children(list) {
                if a.kind() == "attribute" {
                    out.push(attribute(w, a));
                }
            }
        }
    }
    out
}

/// `[HttpGet("{id}")]` → `Call(HttpGet, "{id}")`; `[ApiController]` → `Name(ApiController)`.
fn attribute(w: &mut W, node: Node) -> Expr {
    let s = span(node);
    let name = node.child_by_field_name("name").map(|n| type_expr(w, n)).unwrap_or_else(|| other(vec![], node));
    let list = named_children(node).into_iter().find(|c| c.kind() == "attribute_argument_list");
    match list {
        None => name,
        Some(list) => {
            let mut args = Vec::new();
            for a in code_children(list) {
                if a.kind() != "attribute_argument" {
                    continue;
                }
                let arg_name = a.child_by_field_name("name").map(|n| w.text(n));
                let value = code_children(a)
                    .into_iter()
                    .rfind(|c| Some(c.id()) != a.child_by_field_name("name").map(|n| n.id()))
                    .map(|v| expr(w, v))
                    .unwrap_or_else(|| other(vec![], a));
                args.push(Arg { name: arg_name, value, spread: false });
            }
            Expr::new(ExprKind::Call { callee: Box::new(name), args, new: false }, s)
        }
    }
}

/// The simple name of an attribute (`FromQuery` of `[Microsoft.AspNetCore.Mvc.FromQueryAttribute(Name = "q")]`).
fn attribute_name(e: &Expr) -> Option<String> {
    let callee = match &e.kind {
        ExprKind::Call { callee, .. } => callee.as_ref(),
        _ => e,
    };
    let dotted = callee.dotted()?;
    let last = dotted.rsplit('.').next().unwrap_or(&dotted);
    Some(last.strip_suffix("Attribute").filter(|s| !s.is_empty()).unwrap_or(last).to_string())
}

fn modifiers(w: &W, node: Node) -> Vec<String> {
    named_children(node).into_iter().filter(|c| c.kind() == "modifier").map(|m| w.text(m)).collect()
}

const CONTROLLER_BASES: &[&str] = &["Controller", "ControllerBase", "ApiController", "AbstractController"];

fn class(w: &mut W, node: Node, out: &mut Vec<Stmt>) {
    let name = node.child_by_field_name("name").map(|n| w.text(n)).unwrap_or_default();
    let decorators = attribute_lists(w, node);
    let mut bases = Vec::new();
    if let Some(list) = named_children(node).into_iter().find(|c| c.kind() == "base_list") {
        for b in code_children(list) {
            let t = match b.kind() {
                "primary_constructor_base_type" => b.child_by_field_name("type").map(|t| w.text(t)),
                "argument_list" => None,
                _ => Some(w.text(b)),
            };
            if let Some(t) = t {
                bases.push(t.replace("global::", ""));
            }
        }
    }
    let is_controller =
        bases.iter().any(|b| {
            let simple = b.rsplit('.').next().unwrap_or(b);
            CONTROLLER_BASES.contains(&simple)
        }) || decorators.iter().any(|d| matches!(attribute_name(d).as_deref(), Some("ApiController" | "Controller")))
            || (name.ends_with("Controller") && node.kind() == "class_declaration");
    // Razor Pages: `OnGet(string q)`, `OnPostAsync(…)` handle requests.
    let is_page = bases.iter().any(|b| b.rsplit('.').next() == Some("PageModel"));
    let is_controller = is_controller || is_page;
    let is_static_class = modifiers(w, node).iter().any(|m| m == "static");

    // The class's fields and properties, for bare-name resolution in its methods.
    let saved_fields = std::mem::take(&mut w.fields);
    let body = node.child_by_field_name("body");
    let members = body.map(code_children).unwrap_or_default();
    for m in &members {
        let is_static = is_static_class || modifiers(w, *m).iter().any(|x| x == "static" || x == "const");
        match m.kind() {
            "field_declaration" | "event_field_declaration" => {
                if let Some(decl) = named_children(*m).into_iter().find(|c| c.kind() == "variable_declaration") {
                    for d in named_children(decl) {
                        if d.kind() == "variable_declarator"
                            && let Some(n) = d.child_by_field_name("name")
                        {
                            w.fields.insert(w.text(n), is_static);
                        }
                    }
                }
            }
            "property_declaration" => {
                if let Some(n) = m.child_by_field_name("name") {
                    w.fields.insert(w.text(n), is_static);
                }
            }
            _ => {}
        }
    }
    // Primary constructor parameters (`class Repo(IDbConnection db)`) are fields of the instance.
    let primary = named_children(node).into_iter().find(|c| c.kind() == "parameter_list");
    if let Some(p) = primary {
        for param in named_children(p) {
            if let Some(n) = param.child_by_field_name("name") {
                w.fields.insert(w.text(n), false);
            }
        }
    }

    let saved_class = w.cx.class.replace(name.clone());
    let mut methods = Vec::new();
    if let Some(p) = primary {
        let params = params(w, p);
        let id = w.cx.add_function(Function {
            name: name.clone(),
            class: Some(name.clone()),
            params: params.clone(),
            body: Vec::new(),
            decorators: Vec::new(),
            is_static: false,
            parent: None,
            returns: None,
            span: span(p),
        });
        let body = params
            .iter()
            .map(|p| Stmt::Assign {
                target: field_ref(&p.name, false, &name, p.span),
                value: Some(Expr::new(ExprKind::Name(p.name.clone()), p.span)),
                ty: p.ty.clone(),
                span: p.span,
            })
            .collect();
        w.cx.set_body(id, body);
        methods.push(id);
        out.push(Stmt::Def(id));
    }
    for m in members {
        member(w, m, &name, is_static_class, (is_controller, is_page), out, &mut methods);
    }
    w.cx.class = saved_class;
    w.fields = saved_fields;
    w.cx.module.classes.push(Class { name, bases, decorators, methods, getters: Vec::new(), span: span(node) });
}

/// `this.f` for an instance field, `Class.f` for a static one.
fn field_ref(field: &str, is_static: bool, class: &str, s: Span) -> Expr {
    let obj = if is_static { class } else { "this" };
    Expr::new(
        ExprKind::Attr { obj: Box::new(Expr::new(ExprKind::Name(obj.to_string()), s)), name: field.to_string() },
        s,
    )
}

fn member(
    w: &mut W,
    m: Node,
    class_name: &str,
    static_class: bool,
    (controller, page): (bool, bool),
    out: &mut Vec<Stmt>,
    methods: &mut Vec<usize>,
) {
    let mods = modifiers(w, m);
    let is_static = static_class || mods.iter().any(|x| x == "static" || x == "const");
    match m.kind() {
        "method_declaration"
        | "constructor_declaration"
        | "destructor_declaration"
        | "operator_declaration"
        | "conversion_operator_declaration" => {
            let mut decorators = attribute_lists(w, m);
            let public = mods.iter().any(|x| x == "public");
            if controller
                && public
                && !is_static
                && m.kind() == "method_declaration"
                && !decorators.iter().any(|d| attribute_name(d).as_deref() == Some("NonAction"))
                && (!page || m.child_by_field_name("name").is_some_and(|n| w.cx.text(n).starts_with("On")))
            {
                decorators.push(Expr::new(ExprKind::Name("ControllerAction".to_string()), span(m)));
            }
            let name = match m.kind() {
                "constructor_declaration" => class_name.to_string(),
                "destructor_declaration" => format!("~{class_name}"),
                "operator_declaration" => "operator".to_string(),
                "conversion_operator_declaration" => "operator".to_string(),
                _ => m.child_by_field_name("name").map(|n| w.text(n)).unwrap_or_default(),
            };
            let id = function(w, m, name, decorators, is_static, Some(class_name.to_string()));
            methods.push(id);
            out.push(Stmt::Def(id));
        }
        "field_declaration" => {
            if let Some(decl) = named_children(m).into_iter().find(|c| c.kind() == "variable_declaration") {
                let ty = decl.child_by_field_name("type").map(|t| w.text(t)).filter(|t| t != "var");
                for d in named_children(decl) {
                    if d.kind() != "variable_declarator" {
                        continue;
                    }
                    let Some(n) = d.child_by_field_name("name") else { continue };
                    let field = w.text(n);
                    let value = declarator_value(w, d, ty.clone());
                    out.push(Stmt::Assign {
                        target: field_ref(&field, is_static, class_name, span(n)),
                        value,
                        ty: ty.clone(),
                        span: span(d),
                    });
                }
            }
        }
        "property_declaration" | "indexer_declaration" => {
            let name = m.child_by_field_name("name").map(|n| w.text(n)).unwrap_or_else(|| "Item".to_string());
            let ty = m.child_by_field_name("type").map(|t| w.text(t));
            if let Some(v) = m.child_by_field_name("value") {
                if v.kind() == "arrow_expression_clause" {
                    // `string X => expr;` is a getter.
                    let id = accessor(w, m, v, &format!("get_{name}"), is_static, class_name, &[]);
                    methods.push(id);
                    out.push(Stmt::Def(id));
                } else {
                    let saved = std::mem::replace(&mut w.type_hint, ty.clone());
                    let value = expr(w, v);
                    w.type_hint = saved;
                    out.push(Stmt::Assign {
                        target: field_ref(&name, is_static, class_name, span(m)),
                        value: Some(value),
                        ty: ty.clone(),
                        span: span(m),
                    });
                }
            } else if m.kind() == "property_declaration" {
                // `[BindProperty] public string Term { get; set; }` (Razor Pages, MVC): model binding fills it from
                // the request.
                let bound = attribute_lists(w, m).iter().filter_map(attribute_name).any(|a| {
                    matches!(a.as_str(), "BindProperty" | "FromQuery" | "FromForm" | "FromRoute" | "FromBody")
                }) && !ty.as_deref().is_some_and(crate::handler::is_scalar);
                let value = bound.then(|| {
                    let request = Expr::new(ExprKind::Name("Request".to_string()), span(m));
                    Expr::new(ExprKind::Attr { obj: Box::new(request), name: "Form".to_string() }, span(m))
                });
                out.push(Stmt::Assign {
                    target: field_ref(&name, is_static, class_name, span(m)),
                    value,
                    ty: ty.clone(),
                    span: span(m),
                });
            }
            if let Some(list) = m.child_by_field_name("accessors") {
                for acc in named_children(list) {
                    if acc.kind() != "accessor_declaration" {
                        continue;
                    }
                    let Some(body) = acc.child_by_field_name("body") else { continue };
                    let kind = acc.child_by_field_name("name").map(|n| w.text(n)).unwrap_or_default();
                    let value_param: &[&str] = if kind == "get" { &[] } else { &["value"] };
                    let id = accessor(w, acc, body, &format!("{kind}_{name}"), is_static, class_name, value_param);
                    methods.push(id);
                    out.push(Stmt::Def(id));
                }
            }
        }
        "class_declaration" | "struct_declaration" | "record_declaration" | "interface_declaration" => class(w, m, out),
        "preproc_if" | "preproc_else" | "preproc_elif" => {
            for c in code_children(m) {
                if c.kind().ends_with("_declaration") || c.kind().starts_with("preproc_") {
                    member(w, c, class_name, static_class, (controller, page), out, methods);
                }
            }
        }
        _ => {}
    }
}

/// A property getter or setter body as a method.
fn accessor(
    w: &mut W,
    node: Node,
    body: Node,
    name: &str,
    is_static: bool,
    class_name: &str,
    value_param: &[&str],
) -> usize {
    let params: Vec<Param> = value_param.iter().map(|p| Param::plain((*p).to_string(), span(node))).collect();
    let id = w.cx.add_function(Function {
        name: name.to_string(),
        class: Some(class_name.to_string()),
        params,
        body: Vec::new(),
        decorators: Vec::new(),
        is_static,
        parent: None,
        returns: None,
        span: span(node),
    });
    let saved_locals = std::mem::take(&mut w.locals);
    w.locals.extend(value_param.iter().map(|p| (*p).to_string()));
    collect_locals(w, body);
    let saved = std::mem::replace(&mut w.cx.current, id);
    let saved_depth = std::mem::replace(&mut w.cx.depth, 0);
    let lowered = function_body(w, body);
    w.cx.current = saved;
    w.cx.depth = saved_depth;
    w.cx.set_body(id, lowered);
    w.locals = saved_locals;
    id
}

/// A method, constructor, local function: parameters, attributes and body.
fn function(
    w: &mut W,
    node: Node,
    name: String,
    decorators: Vec<Expr>,
    is_static: bool,
    class_name: Option<String>,
) -> usize {
    let returns = node.child_by_field_name("returns").or_else(|| node.child_by_field_name("type")).map(|t| w.text(t));
    let id = w.cx.add_function(Function {
        name,
        class: class_name,
        params: Vec::new(),
        body: Vec::new(),
        decorators,
        is_static,
        parent: None,
        returns,
        span: span(node),
    });
    let saved_locals = std::mem::take(&mut w.locals);
    // A local function sees the locals around it.
    if node.kind() == "local_function_statement" {
        w.locals.clone_from(&saved_locals);
    }
    let ps = node.child_by_field_name("parameters").map(|p| params(w, p)).unwrap_or_default();
    w.locals.extend(ps.iter().map(|p| p.name.clone()));
    let body = node.child_by_field_name("body");
    if let Some(b) = body {
        collect_locals(w, b);
    }
    let saved = std::mem::replace(&mut w.cx.current, id);
    let saved_depth = std::mem::replace(&mut w.cx.depth, 0);
    let mut lowered = body.map(|b| function_body(w, b)).unwrap_or_default();
    // `: base(x)` / `: this(x)` initializers run first.
    if let Some(init) = named_children(node).into_iter().find(|c| c.kind() == "constructor_initializer") {
        let args = named_children(init).into_iter().find(|c| c.kind() == "argument_list").map(|a| args(w, a));
        let callee = Expr::new(ExprKind::Name("base".to_string()), span(init));
        lowered.insert(
            0,
            Stmt::Expr(Expr::new(
                ExprKind::Call { callee: Box::new(callee), args: args.unwrap_or_default(), new: false },
                span(init),
            )),
        );
    }
    w.cx.current = saved;
    w.cx.depth = saved_depth;
    if let Some(f) = w.cx.module.functions.get_mut(id) {
        f.params = ps;
        f.body = lowered;
    }
    w.locals = saved_locals;
    id
}

/// A block body, or an expression body (`=> expr`) as its return.
fn function_body(w: &mut W, body: Node) -> Vec<Stmt> {
    match body.kind() {
        "block" => block(w, body),
        "arrow_expression_clause"
            if code_children(body).first().is_some_and(|e| e.kind() == "assignment_expression") =>
        {
            let mut out = Vec::new();
            for e in code_children(body) {
                expression_statement(w, e, &mut out);
            }
            out
        }
        "assignment_expression" => {
            let mut out = Vec::new();
            expression_statement(w, body, &mut out);
            out
        }
        "arrow_expression_clause" => {
            let saved = std::mem::take(&mut w.pending);
            let e = code_children(body).first().map(|e| expr(w, *e));
            let mut out = std::mem::replace(&mut w.pending, saved);
            out.push(Stmt::Return(e, span(body)));
            out
        }
        _ => {
            let saved = std::mem::take(&mut w.pending);
            let e = expr(w, body);
            let mut out = std::mem::replace(&mut w.pending, saved);
            out.push(Stmt::Return(Some(e), span(body)));
            out
        }
    }
}

fn params(w: &mut W, list: Node) -> Vec<Param> {
    let mut out = Vec::new();
    for p in code_children(list) {
        match p.kind() {
            "parameter" => {
                let name = p.child_by_field_name("name").map(|n| w.text(n)).unwrap_or_default();
                let ty = p.child_by_field_name("type").map(|t| w.text(t));
                let annotations: Vec<String> = attribute_lists(w, p).iter().filter_map(attribute_name).collect();
                let default = code_children(p)
                    .into_iter()
                    .rfind(|c| {
                        !matches!(c.kind(), "attribute_list" | "modifier" | "identifier")
                            && Some(c.id()) != p.child_by_field_name("type").map(|t| t.id())
                    })
                    .map(|d| expr(w, d));
                out.push(Param { ty, annotations, default, ..Param::plain(name, span(p)) });
            }
            "identifier" | "implicit_parameter" => out.push(Param::plain(w.text(p), span(p))),
            _ => {}
        }
    }
    out
}

/// Every name declared in a body (locals, loop and catch variables, `out var`, patterns, lambda parameters).
fn collect_locals(w: &mut W, node: Node) {
    let mut stack = vec![node];
    let mut seen = 0usize;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 200_000 {
            break;
        }
        match n.kind() {
            "variable_declarator"
            | "declaration_expression"
            | "declaration_pattern"
            | "catch_declaration"
            | "parameter"
            | "local_function_statement"
            | "recursive_pattern"
            | "var_pattern"
            | "from_clause"
            | "let_clause"
            | "join_clause" => {
                if let Some(name) = n.child_by_field_name("name") {
                    w.locals.insert(w.text(name));
                }
            }
            "foreach_statement" => {
                if let Some(left) = n.child_by_field_name("left")
                    && left.kind() == "identifier"
                {
                    w.locals.insert(w.text(left));
                }
            }
            "implicit_parameter" => {
                w.locals.insert(w.text(n));
            }
            "lambda_expression" => {
                if let Some(p) = n.child_by_field_name("parameters")
                    && p.kind() == "identifier"
                {
                    w.locals.insert(w.text(p));
                }
            }
            _ => {}
        }
        if matches!(n.kind(), "tuple_pattern" | "parenthesized_variable_designation" | "var_pattern") {
            for c in named_children(n) {
                if c.kind() == "identifier" {
                    w.locals.insert(w.text(c));
                }
            }
        }
        stack.extend(named_children(n));
    }
}

fn block(w: &mut W, node: Node) -> Vec<Stmt> {
    let mut out = Vec::new();
    for child in code_children(node) {
        stmt(w, child, &mut out);
    }
    out
}

/// A statement that may be a block or a single statement, as a list.
fn body_of(w: &mut W, node: Option<Node>) -> Vec<Stmt> {
    match node {
        Some(n) if n.kind() == "block" => block(w, n),
        Some(n) => {
            let mut out = Vec::new();
            stmt(w, n, &mut out);
            out
        }
        None => Vec::new(),
    }
}

/// Lowers a statement, preceded by the assignments its expressions make (`out var v`).
fn stmt(w: &mut W, node: Node, out: &mut Vec<Stmt>) {
    let saved = std::mem::take(&mut w.pending);
    let mark = out.len();
    stmt_inner(w, node, out);
    let mine = std::mem::replace(&mut w.pending, saved);
    if !mine.is_empty() {
        let at = mark.min(out.len());
        out.splice(at..at, mine);
    }
}

fn stmt_inner(w: &mut W, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "expression_statement" => {
            for child in code_children(node) {
                expression_statement(w, child, out);
            }
        }
        "local_declaration_statement" => {
            for decl in named_children(node) {
                if decl.kind() == "variable_declaration" {
                    variable_declaration(w, decl, out);
                }
            }
        }
        "return_statement" => {
            let value = code_children(node).first().map(|e| expr(w, *e));
            out.push(Stmt::Return(value, span(node)));
        }
        "yield_statement" => {
            if let Some(e) = code_children(node).first() {
                let value = expr(w, *e);
                out.push(Stmt::Return(Some(value), span(node)));
            }
        }
        "throw_statement" => {
            let value = code_children(node).first().map(|e| expr(w, *e));
            out.push(Stmt::Throw(value, span(node)));
        }
        "block" => out.push(Stmt::Block(block(w, node))),
        "if_statement" => {
            let cond = node.child_by_field_name("condition").map(|n| expr(w, n)).unwrap_or_else(|| other(vec![], node));
            let then = body_of(w, node.child_by_field_name("consequence"));
            let otherwise = body_of(w, node.child_by_field_name("alternative"));
            out.push(Stmt::If { cond, then, otherwise, span: span(node) });
        }
        "foreach_statement" => {
            let var = node.child_by_field_name("left").map(|n| match n.kind() {
                "identifier" => Expr::new(ExprKind::Name(w.text(n)), span(n)),
                _ => expr(w, n),
            });
            let iter = node.child_by_field_name("right").map(|n| expr(w, n));
            let body = body_of(w, node.child_by_field_name("body"));
            out.push(Stmt::Loop { var, iter, cond: None, body, span: span(node) });
        }
        "for_statement" => {
            let mut cursor = node.walk();
            let inits: Vec<Node> = node.children_by_field_name("initializer", &mut cursor).collect();
            for i in inits {
                match i.kind() {
                    "variable_declaration" => variable_declaration(w, i, out),
                    "," => {}
                    _ => expression_statement(w, i, out),
                }
            }
            let cond = node.child_by_field_name("condition").map(|n| expr(w, n));
            let mut body = body_of(w, node.child_by_field_name("body"));
            let mut cursor = node.walk();
            let updates: Vec<Node> = node.children_by_field_name("update", &mut cursor).collect();
            for u in updates {
                if u.kind() != "," {
                    expression_statement(w, u, &mut body);
                }
            }
            out.push(Stmt::Loop { var: None, iter: None, cond, body, span: span(node) });
        }
        "while_statement" | "do_statement" => {
            let cond = node.child_by_field_name("condition").map(|n| expr(w, n));
            let body = body_of(w, node.child_by_field_name("body"));
            out.push(Stmt::Loop { var: None, iter: None, cond, body, span: span(node) });
        }
        "switch_statement" => {
            if let Some(v) = node.child_by_field_name("value") {
                let value = expr(w, v);
                out.push(Stmt::Expr(value));
            }
            if let Some(body) = node.child_by_field_name("body") {
                for section in named_children(body) {
                    if section.kind() != "switch_section" {
                        continue;
                    }
                    let mut stmts = Vec::new();
                    for c in code_children(section) {
                        if is_statement(c.kind()) {
                            stmt(w, c, &mut stmts);
                        }
                    }
                    out.push(Stmt::Block(stmts));
                }
            }
        }
        "try_statement" => {
            let body = body_of(w, node.child_by_field_name("body"));
            let mut catches = Vec::new();
            let mut finally = Vec::new();
            for c in named_children(node) {
                match c.kind() {
                    "catch_clause" => {
                        let decl = named_children(c).into_iter().find(|d| d.kind() == "catch_declaration");
                        let var = decl.and_then(|d| d.child_by_field_name("name")).map(|n| w.text(n));
                        let ty = decl.and_then(|d| d.child_by_field_name("type")).map(|n| w.text(n));
                        let body = body_of(w, c.child_by_field_name("body"));
                        catches.push(Catch { var, ty, body });
                    }
                    "finally_clause" => {
                        for b in named_children(c) {
                            if b.kind() == "block" {
                                finally.extend(block(w, b));
                            }
                        }
                    }
                    _ => {}
                }
            }
            out.push(Stmt::Try { body, catches, finally, span: span(node) });
        }
        "using_statement" | "lock_statement" | "fixed_statement" => {
            let body_node = node.child_by_field_name("body");
            let mut inner = Vec::new();
            for c in code_children(node) {
                if Some(c.id()) == body_node.map(|b| b.id()) {
                    continue;
                }
                match c.kind() {
                    "variable_declaration" => variable_declaration(w, c, &mut inner),
                    k if is_statement(k) => stmt(w, c, &mut inner),
                    _ => {
                        let e = expr(w, c);
                        inner.push(Stmt::Expr(e));
                    }
                }
            }
            inner.extend(body_of(w, body_node));
            out.push(Stmt::Block(inner));
        }
        "checked_statement" | "unsafe_statement" | "labeled_statement" => {
            for c in code_children(node) {
                if is_statement(c.kind()) {
                    stmt(w, c, out);
                }
            }
        }
        "local_function_statement" => {
            let name = node.child_by_field_name("name").map(|n| w.text(n)).unwrap_or_default();
            let decorators = attribute_lists(w, node);
            // A local function has no receiver of its own.
            let id = function(w, node, name, decorators, true, None);
            out.push(Stmt::Def(id));
        }
        "preproc_if" | "preproc_else" | "preproc_elif" => {
            for c in code_children(node) {
                if is_statement(c.kind()) || c.kind().starts_with("preproc_") {
                    stmt(w, c, out);
                }
            }
        }
        "break_statement" | "continue_statement" | "empty_statement" | "goto_statement" => {}
        k if k.starts_with("preproc_") => {}
        "class_declaration" | "struct_declaration" | "record_declaration" | "interface_declaration" => {
            class(w, node, out)
        }
        _ => {
            let e = expr(w, node);
            out.push(Stmt::Expr(e));
        }
    }
}

fn is_statement(kind: &str) -> bool {
    kind.ends_with("_statement") || kind == "block" || kind == "preproc_if"
}

/// `T a = x, b;` → one assignment per declarator; `var (a, b) = t;` destructures.
fn variable_declaration(w: &mut W, decl: Node, out: &mut Vec<Stmt>) {
    let ty = decl.child_by_field_name("type").map(|t| w.text(t)).filter(|t| t != "var");
    for d in named_children(decl) {
        if d.kind() != "variable_declarator" {
            continue;
        }
        let value = declarator_value(w, d, ty.clone());
        match d.child_by_field_name("name") {
            Some(n) => {
                let target = Expr::new(ExprKind::Name(w.text(n)), span(n));
                out.push(Stmt::Assign { target, value, ty: ty.clone(), span: span(d) });
            }
            None => {
                if let Some(t) = named_children(d).into_iter().find(|c| c.kind() == "tuple_pattern") {
                    let target = expr(w, t);
                    super::python::destructure(target, value, None, span(d), out);
                }
            }
        }
    }
}

/// The initial value of a declarator (`= x`), with the declared type as the hint for `new()`.
fn declarator_value(w: &mut W, d: Node, ty: Option<String>) -> Option<Expr> {
    let name_id = d.child_by_field_name("name").map(|n| n.id());
    let v = code_children(d)
        .into_iter()
        .rfind(|c| Some(c.id()) != name_id && !matches!(c.kind(), "tuple_pattern" | "bracketed_argument_list"))?;
    let saved = std::mem::replace(&mut w.type_hint, ty);
    let e = expr(w, v);
    w.type_hint = saved;
    Some(e)
}

/// An expression in statement position: assignments become [`Stmt::Assign`] (plus the setter call for properties
/// of other objects), everything else an expression statement.
fn expression_statement(w: &mut W, node: Node, out: &mut Vec<Stmt>) {
    let node = unparen(node);
    if node.kind() == "assignment_expression" {
        assignment(w, node, out);
        return;
    }
    let e = expr(w, node);
    out.push(Stmt::Expr(e));
}

fn unparen(mut node: Node) -> Node {
    while node.kind() == "parenthesized_expression" {
        match code_children(node).as_slice() {
            [one] => node = *one,
            _ => break,
        }
    }
    node
}

fn assignment(w: &mut W, node: Node, out: &mut Vec<Stmt>) {
    let (Some(left), Some(right)) = (node.child_by_field_name("left"), node.child_by_field_name("right")) else {
        let e = expr(w, node);
        out.push(Stmt::Expr(e));
        return;
    };
    let op = node.child_by_field_name("operator").map(|o| w.text(o)).unwrap_or_else(|| "=".to_string());
    let right = unparen(right);
    let value = if right.kind() == "assignment_expression" {
        // a = b = value: the inner one first, then read its target.
        assignment(w, right, out);
        right.child_by_field_name("left").map(|l| expr(w, l)).unwrap_or_else(|| other(vec![], right))
    } else {
        expr(w, right)
    };
    let target = expr(w, left);
    let s = span(node);
    let value = if op == "=" {
        value
    } else {
        let bop = op.trim_end_matches('=').to_string();
        let vs = target.span.to(value.span);
        Expr::new(ExprKind::Binary { op: bop, left: Box::new(target.clone()), right: Box::new(value) }, vs)
    };
    let setter = setter_call(&target, &value, s);
    if let ExprKind::List(_) = target.kind {
        super::python::destructure(target, Some(value), None, s, out);
    } else {
        out.push(Stmt::Assign { target, value: Some(value), ty: None, span: s });
    }
    if let Some(call) = setter {
        out.push(Stmt::Expr(call));
    }
}

/// The setter C# calls for a property of another object (`cmd.set_CommandText(v)`) or an indexer
/// (`headers.set_Item(k, v)`).
fn setter_call(target: &Expr, value: &Expr, s: Span) -> Option<Expr> {
    match &target.kind {
        ExprKind::Attr { obj, name } => {
            if matches!(&obj.kind, ExprKind::Name(n) if n == "this" || n == "base") {
                return None;
            }
            if !name.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            let callee = Expr::new(ExprKind::Attr { obj: obj.clone(), name: format!("set_{name}") }, target.span);
            let args = vec![Arg { name: None, value: value.clone(), spread: false }];
            Some(Expr::new(ExprKind::Call { callee: Box::new(callee), args, new: false }, s))
        }
        ExprKind::Index { obj, index } => {
            let callee = Expr::new(ExprKind::Attr { obj: obj.clone(), name: "set_Item".to_string() }, target.span);
            let args = vec![
                Arg { name: None, value: index.as_ref().clone(), spread: false },
                Arg { name: None, value: value.clone(), spread: false },
            ];
            Some(Expr::new(ExprKind::Call { callee: Box::new(callee), args, new: false }, s))
        }
        _ => None,
    }
}

fn expr(w: &mut W, node: Node) -> Expr {
    if w.cx.depth >= super::MAX_DEPTH {
        return other(vec![], node);
    }
    w.cx.depth += 1;
    let e = expr_inner(w, node);
    w.cx.depth -= 1;
    e
}

/// A name, resolving the enclosing class's fields.
fn identifier(w: &W, name: &str, node: Node) -> ExprKind {
    if !w.locals.contains(name)
        && let Some(is_static) = w.fields.get(name)
    {
        let class = w.cx.class.clone().unwrap_or_default();
        let obj = if *is_static && !class.is_empty() { class } else { "this".to_string() };
        return ExprKind::Attr { obj: Box::new(Expr::new(ExprKind::Name(obj), span(node))), name: name.to_string() };
    }
    ExprKind::Name(name.to_string())
}

/// A type or qualified name as a name/attribute chain (`System.IO.File` → `Attr(Attr(System, IO), File)`), generic
/// arguments dropped.
fn type_expr(w: &mut W, node: Node) -> Expr {
    if w.cx.depth >= super::MAX_DEPTH {
        return other(vec![], node);
    }
    w.cx.depth += 1;
    let e = type_expr_inner(w, node);
    w.cx.depth -= 1;
    e
}

fn type_expr_inner(w: &mut W, node: Node) -> Expr {
    let s = span(node);
    match node.kind() {
        "qualified_name" => {
            let q = node.child_by_field_name("qualifier").map(|q| type_expr(w, q));
            let n = node.child_by_field_name("name").map(|n| simple_name(w, n)).unwrap_or_default();
            match q {
                Some(q) => Expr::new(ExprKind::Attr { obj: Box::new(q), name: n }, s),
                None => Expr::new(ExprKind::Name(n), s),
            }
        }
        "alias_qualified_name" => {
            let n = node.child_by_field_name("name").map(|n| simple_name(w, n)).unwrap_or_default();
            Expr::new(ExprKind::Name(n), s)
        }
        "nullable_type" | "array_type" | "pointer_type" | "ref_type" | "scoped_type" => {
            match node.child_by_field_name("type") {
                Some(t) => type_expr(w, t),
                None => Expr::new(ExprKind::Name(w.text(node)), s),
            }
        }
        _ => Expr::new(ExprKind::Name(simple_name(w, node)), s),
    }
}

/// `Foo` of `Foo<T>`.
fn simple_name(w: &W, node: Node) -> String {
    if node.kind() == "generic_name" {
        if let Some(id) = named_children(node).into_iter().find(|c| c.kind() == "identifier") {
            return w.text(id);
        }
        let t = w.text(node);
        return t.split('<').next().unwrap_or(&t).trim().to_string();
    }
    w.text(node)
}

fn expr_inner(w: &mut W, node: Node) -> Expr {
    let s = span(node);
    let kind = match node.kind() {
        "identifier" => {
            let name = w.text(node);
            identifier(w, &name, node)
        }
        "generic_name" => ExprKind::Name(simple_name(w, node)),
        "predefined_type" | "implicit_type" => ExprKind::Name(w.text(node)),
        "qualified_name" | "alias_qualified_name" => return type_expr(w, node),
        "this" => ExprKind::Name("this".to_string()),
        "base" => ExprKind::Name("base".to_string()),
        "member_access_expression" => {
            let obj = node.child_by_field_name("expression").map(|o| expr(w, o)).unwrap_or_else(|| other(vec![], node));
            let name = node.child_by_field_name("name").map(|n| simple_name(w, n)).unwrap_or_default();
            ExprKind::Attr { obj: Box::new(obj), name }
        }
        "conditional_access_expression" => {
            let cond = node.child_by_field_name("condition");
            let receiver = cond.map(|c| expr(w, c)).unwrap_or_else(|| other(vec![], node));
            let rest = code_children(node).into_iter().find(|c| Some(c.id()) != cond.map(|c| c.id()));
            match rest {
                Some(r) => {
                    w.bindings.push(receiver);
                    let e = expr(w, r);
                    w.bindings.pop();
                    return e;
                }
                None => return receiver,
            }
        }
        "member_binding_expression" => {
            let obj = w.bindings.last().cloned().unwrap_or_else(|| other(vec![], node));
            let name = node.child_by_field_name("name").map(|n| simple_name(w, n)).unwrap_or_default();
            ExprKind::Attr { obj: Box::new(obj), name }
        }
        "element_binding_expression" => {
            let obj = w.bindings.last().cloned().unwrap_or_else(|| other(vec![], node));
            let index = index_of(w, node);
            ExprKind::Index { obj: Box::new(obj), index: Box::new(index) }
        }
        "element_access_expression" => {
            let obj = node.child_by_field_name("expression").map(|o| expr(w, o)).unwrap_or_else(|| other(vec![], node));
            let index =
                node.child_by_field_name("subscript").map(|i| index_of(w, i)).unwrap_or_else(|| other(vec![], node));
            ExprKind::Index { obj: Box::new(obj), index: Box::new(index) }
        }
        "invocation_expression" => return invocation(w, node),
        "object_creation_expression" => {
            let callee =
                node.child_by_field_name("type").map(|t| type_expr(w, t)).unwrap_or_else(|| other(vec![], node));
            let mut a = node.child_by_field_name("arguments").map(|a| args(w, a)).unwrap_or_default();
            if let Some(init) = node.child_by_field_name("initializer") {
                a.extend(initializer_args(w, init));
            }
            ExprKind::Call { callee: Box::new(callee), args: a, new: true }
        }
        "implicit_object_creation_expression" => {
            let ty = w.type_hint.clone().unwrap_or_else(|| "object".to_string());
            let ty = ty.split('<').next().unwrap_or(&ty).trim().trim_end_matches('?').to_string();
            let callee = dotted_expr(&ty, s);
            let mut a = Vec::new();
            for c in code_children(node) {
                match c.kind() {
                    "argument_list" => a.extend(args(w, c)),
                    "initializer_expression" => a.extend(initializer_args(w, c)),
                    _ => {}
                }
            }
            ExprKind::Call { callee: Box::new(callee), args: a, new: true }
        }
        "anonymous_object_creation_expression" => {
            let mut entries = Vec::new();
            let children = code_children(node);
            let mut i = 0;
            while let Some(c) = children.get(i) {
                // `Name = value` appears as identifier then expression; a lone expression is a projection.
                if c.kind() == "identifier"
                    && let Some(v) = children.get(i + 1)
                    && w.cx.src.get(c.end_byte()..v.start_byte()).is_some_and(|between| between.contains('='))
                {
                    let key = Expr::new(ExprKind::Str(w.text(*c)), span(*c));
                    entries.push((Some(key), expr(w, *v)));
                    i += 2;
                    continue;
                }
                let value = expr(w, *c);
                let key = match &value.kind {
                    ExprKind::Name(n) | ExprKind::Attr { name: n, .. } => {
                        Some(Expr::new(ExprKind::Str(n.clone()), value.span))
                    }
                    _ => None,
                };
                entries.push((key, value));
                i += 1;
            }
            ExprKind::Dict(entries)
        }
        "array_creation_expression"
        | "implicit_array_creation_expression"
        | "stackalloc_expression"
        | "implicit_stackalloc_expression" => {
            let mut items = Vec::new();
            for c in code_children(node) {
                if c.kind() == "initializer_expression" {
                    items.extend(code_children(c).into_iter().map(|e| expr(w, e)));
                }
            }
            ExprKind::List(items)
        }
        "collection_expression" => {
            let mut items = Vec::new();
            for c in code_children(node) {
                let inner = if c.kind() == "expression_element"
                    || c.kind() == "spread_element"
                    || c.kind() == "collection_element"
                {
                    code_children(c).first().copied()
                } else {
                    Some(c)
                };
                if let Some(i) = inner {
                    items.push(expr(w, i));
                }
            }
            ExprKind::List(items)
        }
        "initializer_expression" => {
            let entries = initializer_args(w, node);
            if entries.iter().all(|a| a.name.as_deref() == Some("<item>")) {
                ExprKind::List(entries.into_iter().map(|a| a.value).collect())
            } else {
                ExprKind::Dict(
                    entries
                        .into_iter()
                        .map(|a| {
                            let key =
                                a.name.filter(|n| n != "<item>").map(|n| Expr::new(ExprKind::Str(n), a.value.span));
                            (key, a.value)
                        })
                        .collect(),
                )
            }
        }
        "tuple_expression" => {
            let mut items = Vec::new();
            for c in code_children(node) {
                let inner = if c.kind() == "argument" { code_children(c).last().copied() } else { Some(c) };
                if let Some(i) = inner {
                    items.push(expr(w, i));
                }
            }
            ExprKind::List(items)
        }
        "tuple_pattern" | "parenthesized_variable_designation" => ExprKind::List(
            code_children(node)
                .into_iter()
                .map(|c| match c.kind() {
                    "identifier" => Expr::new(ExprKind::Name(w.text(c)), span(c)),
                    _ => expr(w, c),
                })
                .collect(),
        ),
        "string_literal" => ExprKind::Str(string_literal(w, node)),
        "verbatim_string_literal" => {
            let t = w.text(node);
            let inner = t.trim_start_matches(['@', '$']).trim_start_matches('@');
            let inner = inner.strip_prefix('"').and_then(|i| i.strip_suffix('"')).unwrap_or(inner);
            ExprKind::Str(inner.replace("\"\"", "\""))
        }
        "raw_string_literal" => {
            let content: String = named_children(node)
                .into_iter()
                .filter(|c| c.kind() == "raw_string_content")
                .map(|c| w.text(c))
                .collect();
            ExprKind::Str(content)
        }
        "character_literal" => ExprKind::Str(unquote(&w.text(node))),
        "interpolated_string_expression" => interpolated(w, node),
        "integer_literal" | "real_literal" => ExprKind::Num(w.text(node)),
        "boolean_literal" => ExprKind::Bool(w.text(node) == "true"),
        "null_literal" | "default_expression" => ExprKind::Null,
        "binary_expression" => {
            let left = node.child_by_field_name("left").map(|n| expr(w, n)).unwrap_or_else(|| other(vec![], node));
            let right = node.child_by_field_name("right").map(|n| expr(w, n)).unwrap_or_else(|| other(vec![], node));
            let op = node.child_by_field_name("operator").map(|o| w.text(o)).unwrap_or_default();
            ExprKind::Binary { op, left: Box::new(left), right: Box::new(right) }
        }
        "prefix_unary_expression" | "unary_expression" => {
            let operand = code_children(node).last().map(|n| expr(w, *n)).unwrap_or_else(|| other(vec![], node));
            let op = node.child(0).filter(|c| !c.is_named()).map(|c| w.text(c)).unwrap_or_default();
            ExprKind::Unary { op, operand: Box::new(operand) }
        }
        "postfix_unary_expression" => {
            // `x!` (null-forgiving) is `x`; `x++` reads x.
            match code_children(node).first() {
                Some(n) => return expr(w, *n),
                None => ExprKind::Other(Vec::new()),
            }
        }
        "cast_expression" => match node.child_by_field_name("value") {
            Some(v) => return expr(w, v),
            None => ExprKind::Other(Vec::new()),
        },
        "as_expression" => match node.child_by_field_name("left") {
            Some(v) => return expr(w, v),
            None => ExprKind::Other(Vec::new()),
        },
        "is_expression" => ExprKind::Other(node.child_by_field_name("left").map(|v| expr(w, v)).into_iter().collect()),
        "is_pattern_expression" => {
            let subject = node.child_by_field_name("expression").map(|v| expr(w, v));
            // `x is string s` binds s to x.
            if let (Some(subject), Some(pattern)) = (&subject, node.child_by_field_name("pattern"))
                && matches!(pattern.kind(), "declaration_pattern" | "recursive_pattern")
                && let Some(n) = pattern.child_by_field_name("name")
            {
                let target = Expr::new(ExprKind::Name(w.text(n)), span(n));
                w.pending.push(Stmt::Assign { target, value: Some(subject.clone()), ty: None, span: s });
            }
            ExprKind::Other(subject.into_iter().collect())
        }
        "conditional_expression" => {
            let cond = node.child_by_field_name("condition").map(|n| expr(w, n)).unwrap_or_else(|| other(vec![], node));
            let then =
                node.child_by_field_name("consequence").map(|n| expr(w, n)).unwrap_or_else(|| other(vec![], node));
            let otherwise =
                node.child_by_field_name("alternative").map(|n| expr(w, n)).unwrap_or_else(|| other(vec![], node));
            ExprKind::Cond { cond: Box::new(cond), then: Box::new(then), otherwise: Box::new(otherwise) }
        }
        "parenthesized_expression"
        | "await_expression"
        | "checked_expression"
        | "ref_expression"
        | "expression_element"
        | "argument" => match code_children(node).last() {
            Some(one) => return expr(w, *one),
            None => ExprKind::Other(Vec::new()),
        },
        "declaration_expression" => {
            let name = node.child_by_field_name("name").map(|n| w.text(n)).unwrap_or_default();
            ExprKind::Name(name)
        }
        "lambda_expression" | "anonymous_method_expression" => ExprKind::Lambda(lambda(w, node, Vec::new())),
        "typeof_expression" => {
            let t = node.child_by_field_name("type").map(|t| type_expr(w, t));
            let callee = Expr::new(ExprKind::Name("typeof".to_string()), s);
            let args = t.into_iter().map(|value| Arg { name: None, value, spread: false }).collect();
            ExprKind::Call { callee: Box::new(callee), args, new: false }
        }
        "sizeof_expression" => ExprKind::Num("0".to_string()),
        "switch_expression" => {
            // The value is one of the arms' values (the subject only selects): `x switch { "a" => 1, _ => 2 }`.
            let mut arms = Vec::new();
            for arm in named_children(node) {
                if arm.kind() == "switch_expression_arm"
                    && let Some(v) = code_children(arm).last()
                {
                    arms.push(expr(w, *v));
                }
            }
            ExprKind::Other(arms)
        }
        "assignment_expression" => {
            let parts: Vec<Expr> = code_children(node).into_iter().map(|c| expr(w, c)).collect();
            ExprKind::Other(parts)
        }
        _ => ExprKind::Other(code_children(node).into_iter().map(|c| expr(w, c)).collect()),
    };
    Expr::new(kind, s)
}

fn dotted_expr(dotted: &str, s: Span) -> Expr {
    let mut parts = dotted.split('.');
    let first = parts.next().unwrap_or_default();
    let mut e = Expr::new(ExprKind::Name(first.to_string()), s);
    for p in parts {
        e = Expr::new(ExprKind::Attr { obj: Box::new(e), name: p.to_string() }, s);
    }
    e
}

/// The index of `x[i]` (one argument) or `Other` of several.
fn index_of(w: &mut W, node: Node) -> Expr {
    let list = if node.kind() == "bracketed_argument_list" {
        Some(node)
    } else {
        // `x[i]` has a bracketed list; `?[i]` and `[i] = v` in an initializer hold the arguments directly.
        named_children(node)
            .into_iter()
            .find(|c| c.kind() == "bracketed_argument_list")
            .or_else(|| named_children(node).iter().any(|c| c.kind() == "argument").then_some(node))
    };
    let Some(list) = list else { return other(vec![], node) };
    let items: Vec<Expr> = code_children(list).into_iter().map(|a| expr(w, a)).collect();
    match <[Expr; 1]>::try_from(items) {
        Ok([one]) => one,
        Err(many) => other(many, node),
    }
}

fn invocation(w: &mut W, node: Node) -> Expr {
    let s = span(node);
    let function = node.child_by_field_name("function");
    if let Some(f) = function
        && f.kind() == "identifier"
        && w.cx.text(f) == "nameof"
    {
        let arg = node.child_by_field_name("arguments").map(|a| w.text(a)).unwrap_or_default();
        let arg = arg.trim_matches(['(', ')']).rsplit('.').next().unwrap_or_default().trim().to_string();
        return Expr::new(ExprKind::Str(arg), s);
    }
    let callee = function.map(|f| expr(w, f)).unwrap_or_else(|| other(vec![], node));
    let route = match &callee.kind {
        ExprKind::Attr { name, .. } => name.starts_with("Map") && ROUTE_METHODS.contains(&name.as_str()),
        _ => false,
    };
    let args = match node.child_by_field_name("arguments") {
        Some(a) if route => {
            // Minimal API: the lambda handling the route is an entry point.
            let mut out = Vec::new();
            for arg in code_children(a) {
                let name = arg.child_by_field_name("name").map(|n| w.text(n));
                let value_node = code_children(arg).into_iter().rfind(|c| c.kind() != "identifier" || name.is_none());
                let value = match value_node {
                    Some(v) if matches!(v.kind(), "lambda_expression" | "anonymous_method_expression") => {
                        Expr::new(ExprKind::Lambda(lambda(w, v, vec![callee.clone()])), span(v))
                    }
                    _ => expr(w, arg),
                };
                out.push(Arg { name, value, spread: false });
            }
            out
        }
        Some(a) => {
            let lowered = args(w, a);
            out_arguments(w, a, &callee, &lowered, s);
            lowered
        }
        None => Vec::new(),
    };
    Expr::new(ExprKind::Call { callee: Box::new(callee), args, new: false }, s)
}

/// `d.TryGetValue(k, out var v)` assigns `v = d[k]`; `int.TryParse(s, out var n)` assigns `n = int.Parse(s)`; any
/// other `f(a, out var r)` assigns `r = f(a)`.
fn out_arguments(w: &mut W, list: Node, callee: &Expr, lowered: &[Arg], s: Span) {
    let nodes: Vec<Node> = code_children(list).into_iter().filter(|a| a.kind() == "argument").collect();
    let is_out: Vec<bool> = nodes
        .iter()
        .map(|a| {
            let t = w.cx.text(*a).trim_start();
            t.starts_with("out ") || t.contains(": out ") || t.contains(":out ")
        })
        .collect();
    if !is_out.iter().any(|o| *o) {
        return;
    }
    let inputs: Vec<Arg> = lowered.iter().zip(&is_out).filter(|(_, o)| !**o).map(|(a, _)| a.clone()).collect();
    for (arg, _) in lowered.iter().zip(&is_out).filter(|(_, o)| **o) {
        if !matches!(arg.value.kind, ExprKind::Name(_) | ExprKind::Attr { .. }) {
            continue;
        }
        let value = match &callee.kind {
            ExprKind::Attr { obj, name } if name == "TryGetValue" || name == "TryRemove" => {
                let index =
                    inputs.first().map(|a| a.value.clone()).unwrap_or_else(|| Expr::new(ExprKind::Other(vec![]), s));
                Expr::new(ExprKind::Index { obj: obj.clone(), index: Box::new(index) }, s)
            }
            ExprKind::Attr { obj, name } if name.starts_with("TryParse") => {
                let parse = Expr::new(
                    ExprKind::Attr { obj: obj.clone(), name: name.replacen("TryParse", "Parse", 1) },
                    callee.span,
                );
                Expr::new(ExprKind::Call { callee: Box::new(parse), args: inputs.clone(), new: false }, s)
            }
            _ => Expr::new(ExprKind::Call { callee: Box::new(callee.clone()), args: inputs.clone(), new: false }, s),
        };
        w.pending.push(Stmt::Assign { target: arg.value.clone(), value: Some(value), ty: None, span: s });
    }
}

const ROUTE_METHODS: &[&str] =
    &["MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback"];

fn args(w: &mut W, list: Node) -> Vec<Arg> {
    let mut out = Vec::new();
    for a in code_children(list) {
        if a.kind() != "argument" {
            continue;
        }
        let name_node = a.child_by_field_name("name");
        let name = name_node.map(|n| w.text(n));
        let value = code_children(a)
            .into_iter()
            .rfind(|c| Some(c.id()) != name_node.map(|n| n.id()) && c.kind() != "modifier")
            .map(|v| expr(w, v))
            .unwrap_or_else(|| other(vec![], a));
        let spread = false;
        out.push(Arg { name, value, spread });
    }
    out
}

/// `{ A = b, C = { D = e } }` → named args `A`, `C`; `{ x, y }` → `<item>` args; `{ { k, v } }` and
/// `{ [k] = v }` → `<item>` args holding the list `[k, v]`.
fn initializer_args(w: &mut W, init: Node) -> Vec<Arg> {
    let mut out = Vec::new();
    for c in code_children(init) {
        let left = c.child_by_field_name("left");
        match left {
            Some(l) if c.kind() == "assignment_expression" && l.kind() == "identifier" => {
                let value = c.child_by_field_name("right").map(|r| expr(w, r)).unwrap_or_else(|| other(vec![], c));
                out.push(Arg { name: Some(w.text(l)), value, spread: false });
            }
            Some(l) if c.kind() == "assignment_expression" => {
                // `["k"] = v` is the item (k, v), as `{ "k", v }` is.
                let key = index_of(w, l);
                let value = c.child_by_field_name("right").map(|r| expr(w, r)).unwrap_or_else(|| other(vec![], c));
                let item = Expr::new(ExprKind::List(vec![key, value]), span(c));
                out.push(Arg { name: Some("<item>".to_string()), value: item, spread: false });
            }
            _ => {
                let value = expr(w, c);
                out.push(Arg { name: Some("<item>".to_string()), value, spread: false });
            }
        }
    }
    out
}

/// A lambda or anonymous method as a function; `decorators` marks route handlers.
fn lambda(w: &mut W, node: Node, decorators: Vec<Expr>) -> usize {
    let id = w.cx.add_function(Function {
        name: "<lambda>".to_string(),
        class: None,
        params: Vec::new(),
        body: Vec::new(),
        decorators,
        is_static: true,
        parent: None,
        returns: None,
        span: span(node),
    });
    let ps = match node.child_by_field_name("parameters") {
        Some(p) if p.kind() == "parameter_list" => params(w, p),
        Some(p) => vec![Param::plain(w.text(p), span(p))],
        None => Vec::new(),
    };
    let added: Vec<String> = ps.iter().map(|p| p.name.clone()).filter(|n| !w.locals.contains(n)).collect();
    w.locals.extend(added.iter().cloned());
    let body =
        node.child_by_field_name("body").or_else(|| named_children(node).into_iter().rfind(|c| c.kind() == "block"));
    let saved = std::mem::replace(&mut w.cx.current, id);
    let saved_depth = std::mem::replace(&mut w.cx.depth, 0);
    let lowered = body.map(|b| function_body(w, b)).unwrap_or_default();
    w.cx.current = saved;
    w.cx.depth = saved_depth;
    for n in added {
        w.locals.remove(&n);
    }
    if let Some(f) = w.cx.module.functions.get_mut(id) {
        f.params = ps;
        f.body = lowered;
    }
    id
}

fn string_literal(w: &W, node: Node) -> String {
    let mut out = String::new();
    for c in named_children(node) {
        match c.kind() {
            "string_literal_content" => out.push_str(w.cx.text(c)),
            "escape_sequence" => out.push_str(&super::decode_escapes(w.cx.text(c))),
            _ => {}
        }
    }
    out
}

/// `$"a {x} b"` → `Concat([Str("a "), x, Str(" b")])`; without holes, a `Str`.
fn interpolated(w: &mut W, node: Node) -> ExprKind {
    let verbatim = w.cx.text(node).contains('@');
    let mut parts: Vec<Expr> = Vec::new();
    for c in named_children(node) {
        match c.kind() {
            "string_content" => {
                let t = w.text(c);
                let t = if verbatim { t.replace("\"\"", "\"") } else { t };
                parts.push(Expr::new(ExprKind::Str(t), span(c)));
            }
            "escape_sequence" => {
                parts.push(Expr::new(ExprKind::Str(super::decode_escapes(w.cx.text(c))), span(c)));
            }
            "interpolation" => {
                let inner = named_children(c).into_iter().find(|e| {
                    !matches!(
                        e.kind(),
                        "interpolation_brace" | "interpolation_alignment_clause" | "interpolation_format_clause"
                    ) && !e.kind().contains("comment")
                });
                if let Some(e) = inner {
                    parts.push(expr(w, e));
                }
            }
            _ => {}
        }
    }
    // Adjacent literal pieces merge.
    let mut merged: Vec<Expr> = Vec::new();
    for p in parts {
        if let (Some(last), ExprKind::Str(s)) = (merged.last_mut(), &p.kind)
            && let ExprKind::Str(prev) = &mut last.kind
        {
            prev.push_str(s);
            last.span = last.span.to(p.span);
            continue;
        }
        merged.push(p);
    }
    if merged.iter().all(|p| p.as_str().is_some()) {
        return ExprKind::Str(merged.iter().filter_map(|p| p.as_str()).collect());
    }
    ExprKind::Concat(merged)
}

#[cfg(test)]
mod tests {
    use crate::frontend::{FileBudget, lower};
    use crate::ir::{ExprKind, Module, Stmt};
    use crate::lang::Lang;

    fn parse(src: &str) -> Module {
        lower(Lang::CSharp, "/var/task/src/Function.cs", src, FileBudget::default()).unwrap()
    }

    fn func<'m>(m: &'m Module, name: &str) -> &'m crate::ir::Function {
        m.functions.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no function {name}"))
    }

    /// Prints the tree of the file in `CS_DUMP` (a debugging aid).
    #[test]
    #[ignore]
    fn dump() {
        let Ok(path) = std::env::var("CS_DUMP") else { return };
        let src = std::fs::read_to_string(&path).unwrap();
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&Lang::CSharp.grammar()).unwrap();
        let tree = parser.parse(&src, None).unwrap();
        println!("{}", tree.root_node().to_sexp());
        println!("{:#?}", parse(&src));
    }

    /// Scans every `.cs` file under `CS_SCAN` as one package and prints the findings (a debugging aid).
    #[test]
    #[ignore]
    fn scan() {
        let Ok(dir) = std::env::var("CS_SCAN") else { return };
        let mut files = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "cs") {
                    let text = std::fs::read_to_string(&p).unwrap_or_default();
                    files.push(crate::SourceFile { path: p.to_string_lossy().to_string(), text, layer: None });
                }
            }
        }
        let analysis = crate::analyze(&files, &crate::Options::default());
        for f in &analysis.findings {
            println!("{}:{} {} {}", f.path, f.start_line, f.rule.short_id(), f.message);
        }
        println!("{} files, {} findings, {} errors", files.len(), analysis.findings.len(), analysis.errors.len());
    }

    #[test]
    fn lambda_handler_is_lowered() {
        let m = parse(
            r#"
using Amazon.Lambda.Core;
using Db = System.Data.SqlClient;
[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
namespace Orders;
public class Function {
    private readonly string _conn = "Server=x";
    private static HttpClient client = new HttpClient();
    public async Task<APIGatewayProxyResponse> Handler(APIGatewayProxyRequest request, ILambdaContext context) {
        var id = request.QueryStringParameters["id"];
        string sql = $"SELECT * FROM t WHERE id = '{id}'";
        using var cmd = new SqlCommand(sql, new SqlConnection(_conn)) { CommandTimeout = 5 };
        cmd.CommandText = sql + id;
        var r = await client.GetStringAsync(request?.Body);
        return new APIGatewayProxyResponse { StatusCode = 200, Body = r };
    }
}
"#,
        );
        assert_eq!(m.name, "Orders.Function");
        assert_eq!(m.import("Db"), Some("System.Data.SqlClient"));
        let h = func(&m, "Handler");
        assert_eq!(h.class.as_deref(), Some("Function"));
        assert!(!h.is_static);
        assert_eq!(h.params.len(), 2);
        assert_eq!(h.params[0].name, "request");
        assert_eq!(h.params[0].ty.as_deref(), Some("APIGatewayProxyRequest"));
        assert_eq!(h.params[1].ty.as_deref(), Some("ILambdaContext"));
        let Stmt::Assign { target, value: Some(v), ty, .. } = &h.body[0] else { panic!("{:?}", h.body[0]) };
        assert_eq!(target.dotted().as_deref(), Some("id"));
        assert!(ty.is_none());
        let ExprKind::Index { obj, index } = &v.kind else { panic!() };
        assert_eq!(obj.dotted().as_deref(), Some("request.QueryStringParameters"));
        assert_eq!(index.as_str(), Some("id"));
        let Stmt::Assign { value: Some(v), ty, .. } = &h.body[1] else { panic!() };
        assert_eq!(ty.as_deref(), Some("string"));
        let ExprKind::Concat(parts) = &v.kind else { panic!("{v:?}") };
        assert_eq!(parts[0].as_str(), Some("SELECT * FROM t WHERE id = '"));
        assert_eq!(parts[1].dotted().as_deref(), Some("id"));
        let Stmt::Assign { value: Some(v), .. } = &h.body[2] else { panic!() };
        let ExprKind::Call { callee, args, new } = &v.kind else { panic!() };
        assert!(*new);
        assert_eq!(callee.dotted().as_deref(), Some("SqlCommand"));
        assert_eq!(args.len(), 3);
        assert_eq!(args[2].name.as_deref(), Some("CommandTimeout"));
        // The field read resolves to this._conn.
        let ExprKind::Call { args: inner, .. } = &args[1].value.kind else { panic!() };
        assert_eq!(inner[0].value.dotted().as_deref(), Some("this._conn"));
        // Property set: assignment then setter call.
        let Stmt::Assign { target, .. } = &h.body[3] else { panic!() };
        assert_eq!(target.dotted().as_deref(), Some("cmd.CommandText"));
        let Stmt::Expr(call) = &h.body[4] else { panic!() };
        let ExprKind::Call { callee, .. } = &call.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("cmd.set_CommandText"));
        // Static field and ?. access.
        let Stmt::Assign { value: Some(v), .. } = &h.body[5] else { panic!() };
        let ExprKind::Call { callee, args, .. } = &v.kind else { panic!("{v:?}") };
        assert_eq!(callee.dotted().as_deref(), Some("Function.client.GetStringAsync"));
        assert_eq!(args[0].value.dotted().as_deref(), Some("request.Body"));
        // Field initializers are in the module body.
        let top = &m.functions[0].body;
        assert!(top.iter().any(|s| matches!(s, Stmt::Assign { target, ty: Some(t), .. }
            if target.dotted().as_deref() == Some("this._conn") && t == "string")));
        assert!(top.iter().any(|s| matches!(s, Stmt::Assign { target, .. }
            if target.dotted().as_deref() == Some("Function.client"))));
        assert_eq!(m.classes.len(), 1);
        assert!(m.classes[0].methods.contains(&m.functions.iter().position(|f| f.name == "Handler").unwrap()));
    }

    #[test]
    fn controllers_and_attributes() {
        let m = parse(
            r#"
namespace Web.Controllers {
    [ApiController]
    [Route("api/[controller]")]
    public class UsersController : ControllerBase {
        [HttpGet("{id}")]
        public IActionResult Get([FromRoute] int id, [FromQuery(Name = "q")] string q) {
            var h = Request.Headers["X-Name"];
            return Content("<b>" + q + "</b>", "text/html");
        }
        public IActionResult Search(string term) => Ok(term);
        private void Helper(string x) {}
    }
}
"#,
        );
        assert_eq!(m.name, "Web.Controllers.Function");
        let c = &m.classes[0];
        assert_eq!(c.bases, vec!["ControllerBase".to_string()]);
        assert_eq!(c.decorators.len(), 2);
        let get = func(&m, "Get");
        assert_eq!(get.params[0].annotations, vec!["FromRoute".to_string()]);
        assert_eq!(get.params[1].annotations, vec!["FromQuery".to_string()]);
        assert_eq!(get.params[0].ty.as_deref(), Some("int"));
        assert!(
            matches!(&get.decorators[0].kind, ExprKind::Call { callee, .. } if callee.dotted().as_deref() == Some("HttpGet"))
        );
        assert!(get.decorators.iter().any(|d| d.dotted().as_deref() == Some("ControllerAction")));
        let search = func(&m, "Search");
        assert!(search.decorators.iter().any(|d| d.dotted().as_deref() == Some("ControllerAction")));
        assert!(matches!(&search.body[0], Stmt::Return(Some(_), _)));
        assert!(func(&m, "Helper").decorators.is_empty());
        let Stmt::Assign { value: Some(v), .. } = &get.body[0] else { panic!() };
        let ExprKind::Index { obj, index } = &v.kind else { panic!() };
        assert_eq!(obj.dotted().as_deref(), Some("Request.Headers"));
        assert_eq!(index.as_str(), Some("X-Name"));
    }

    #[test]
    fn initializers_and_expression_bodies() {
        let m = parse(
            r#"
class A {
    private string _root;
    public A(string root) => _root = root;
    object M(string next) => new Dictionary<string, string> { ["Location"] = next, { "X", "y" } };
}
"#,
        );
        let ctor = func(&m, "A");
        assert!(
            matches!(&ctor.body[0], Stmt::Assign { target, .. } if target.dotted().as_deref() == Some("this._root"))
        );
        let f = func(&m, "M");
        let Stmt::Return(Some(v), _) = &f.body[0] else { panic!() };
        let ExprKind::Call { args, new: true, .. } = &v.kind else { panic!() };
        assert_eq!(args.len(), 2);
        assert!(args.iter().all(|a| a.name.as_deref() == Some("<item>")));
        let ExprKind::List(kv) = &args[0].value.kind else { panic!() };
        assert_eq!(kv[0].as_str(), Some("Location"));
        assert_eq!(kv[1].dotted().as_deref(), Some("next"));
    }

    #[test]
    fn razor_page_handlers_are_actions() {
        let m = parse(
            r#"
public class SearchModel : PageModel {
    public void OnGet(string q) {}
    public string Format(string q) => q;
}
"#,
        );
        assert!(func(&m, "OnGet").decorators.iter().any(|d| d.dotted().as_deref() == Some("ControllerAction")));
        assert!(func(&m, "Format").decorators.is_empty());
    }

    #[test]
    fn minimal_api_lambdas_are_routes() {
        let m = parse(
            r#"
var app = WebApplication.Create(args);
app.MapGet("/files", (string name) => Results.Text(File.ReadAllText(Path.Combine("/data", name))));
app.MapPost("/run", async (HttpContext ctx) => { var cmd = ctx.Request.Query["c"]; Process.Start("sh", "-c " + cmd); });
app.Run();
"#,
        );
        let lambdas: Vec<_> = m.functions.iter().filter(|f| f.name == "<lambda>").collect();
        assert_eq!(lambdas.len(), 2);
        assert_eq!(lambdas[0].decorators[0].dotted().as_deref(), Some("app.MapGet"));
        assert_eq!(lambdas[0].params[0].name, "name");
        assert_eq!(lambdas[0].params[0].ty.as_deref(), Some("string"));
        assert_eq!(lambdas[1].params[0].ty.as_deref(), Some("HttpContext"));
        assert_eq!(lambdas[1].parent, Some(0));
        assert!(matches!(&lambdas[0].body[0], Stmt::Return(Some(_), _)));
        assert_eq!(m.functions[0].body.len(), 4);
    }

    #[test]
    fn statements_and_literals() {
        let m = parse(
            r#"
class A {
    static void M(SQSEvent evt) {
        foreach (var record in evt.Records) { Log(record.Body); }
        for (int i = 0; i < 3; i++) { x += i; }
        try { Do(); } catch (Exception ex) when (ex != null) { throw; } finally { Done(); }
        var s = @"C:\dir\""q""";
        var (a, b) = Pair();
        if (a == null) return; else { b = "x" + 'c'; }
        var p = new ProcessStartInfo { FileName = "sh", Arguments = $"-c {b}" };
        int n = int.Parse(a);
        var k = a switch { "x" => "one", _ => "two" };
        Func<string, string> f = v => v.Trim();
        headers["X-Id"] = a;
        System.IO.File.WriteAllText(path: a, contents: b);
    }
}
"#,
        );
        let f = func(&m, "M");
        assert!(f.is_static);
        let Stmt::Loop { var: Some(v), iter: Some(it), .. } = &f.body[0] else { panic!() };
        assert_eq!(v.dotted().as_deref(), Some("record"));
        assert_eq!(it.dotted().as_deref(), Some("evt.Records"));
        assert!(matches!(&f.body[1], Stmt::Assign { ty: Some(t), .. } if t == "int"));
        assert!(matches!(&f.body[2], Stmt::Loop { cond: Some(_), .. }));
        let Stmt::Try { catches, finally, .. } = &f.body[3] else { panic!() };
        assert_eq!(catches[0].var.as_deref(), Some("ex"));
        assert_eq!(catches[0].ty.as_deref(), Some("Exception"));
        assert_eq!(finally.len(), 1);
        let Stmt::Assign { value: Some(v), .. } = &f.body[4] else { panic!() };
        assert_eq!(v.as_str(), Some("C:\\dir\\\"q\""));
        assert!(matches!(&f.body[5], Stmt::Assign { target, value: Some(v), .. }
            if target.dotted().as_deref() == Some("a") && matches!(v.kind, ExprKind::Index { .. })));
        assert!(matches!(&f.body[6], Stmt::Assign { .. }));
        let Stmt::If { otherwise, .. } = &f.body[7] else { panic!("{:?}", f.body[7]) };
        assert!(
            matches!(&otherwise[0], Stmt::Assign { value: Some(v), .. } if matches!(v.kind, ExprKind::Binary { .. }))
        );
        let Stmt::Assign { value: Some(v), .. } = &f.body[8] else { panic!() };
        let ExprKind::Call { args, new: true, .. } = &v.kind else { panic!() };
        assert_eq!(args[0].name.as_deref(), Some("FileName"));
        assert!(matches!(args[1].value.kind, ExprKind::Concat(_)));
        let Stmt::Assign { value: Some(v), .. } = &f.body[9] else { panic!() };
        let ExprKind::Call { callee, .. } = &v.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("int.Parse"));
        let Stmt::Assign { value: Some(v), .. } = &f.body[10] else { panic!() };
        let ExprKind::Other(arms) = &v.kind else { panic!() };
        assert_eq!(arms.len(), 2);
        let Stmt::Assign { value: Some(v), .. } = &f.body[11] else { panic!() };
        assert!(matches!(v.kind, ExprKind::Lambda(_)));
        let Stmt::Expr(set) = &f.body[13] else { panic!("{:?}", f.body[13]) };
        let ExprKind::Call { callee, args, .. } = &set.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("headers.set_Item"));
        assert_eq!(args[0].value.as_str(), Some("X-Id"));
        let Stmt::Expr(call) = &f.body[14] else { panic!() };
        let ExprKind::Call { callee, args, .. } = &call.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("System.IO.File.WriteAllText"));
        assert_eq!(args[0].name.as_deref(), Some("path"));
    }

    #[test]
    fn out_variables_are_assigned_before_their_statement() {
        let m = parse(
            r#"
class A {
    void M(APIGatewayProxyRequest request) {
        if (request.QueryStringParameters.TryGetValue("id", out var id)) { Use(id); }
        if (int.TryParse(id, out int n) && request.Body is string body) { Use(n, body); }
    }
}
"#,
        );
        let f = func(&m, "M");
        let Stmt::Assign { target, value: Some(v), .. } = &f.body[0] else { panic!("{:?}", f.body[0]) };
        assert_eq!(target.dotted().as_deref(), Some("id"));
        let ExprKind::Index { obj, index } = &v.kind else { panic!() };
        assert_eq!(obj.dotted().as_deref(), Some("request.QueryStringParameters"));
        assert_eq!(index.as_str(), Some("id"));
        let Stmt::If { then, .. } = &f.body[1] else { panic!() };
        assert!(matches!(&then[0], Stmt::Expr(_)));
        let Stmt::Assign { target, value: Some(v), .. } = &f.body[2] else { panic!("{:?}", f.body[2]) };
        assert_eq!(target.dotted().as_deref(), Some("n"));
        let ExprKind::Call { callee, .. } = &v.kind else { panic!() };
        assert_eq!(callee.dotted().as_deref(), Some("int.Parse"));
        let Stmt::Assign { target, value: Some(v), .. } = &f.body[3] else { panic!("{:?}", f.body[3]) };
        assert_eq!(target.dotted().as_deref(), Some("body"));
        assert_eq!(v.dotted().as_deref(), Some("request.Body"));
        assert!(matches!(&f.body[4], Stmt::If { .. }));
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let deep = format!("class A {{ void M() {{ var x = {}1{}; }} }}", "(".repeat(3000), ")".repeat(3000));
        let _ = parse(&deep);
        let _ = parse("class { void ( { [ } ");
        let _ = parse("namespace; using = ; [assembly:] $\"{\" ");
    }
}
