//! The small language-neutral program form every front end lowers its tree-sitter tree into, and the taint engine
//! and detectors read. It keeps what data flow needs (names, fields, elements, calls, string building, branches,
//! loops, functions and classes) and drops the rest: an unknown construct becomes [`ExprKind::Other`] holding its
//! children, so taint still flows through it.

use crate::lang::Lang;

/// Where something is in its file: 1-based inclusive lines, 0-based byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start_line: u32,
    pub end_line: u32,
    pub start_byte: u32,
    pub end_byte: u32,
}

impl Span {
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start_line: self.start_line.min(other.start_line),
            end_line: self.end_line.max(other.end_line),
            start_byte: self.start_byte.min(other.start_byte),
            end_byte: self.end_byte.max(other.end_byte),
        }
    }
}

/// Index of a function in [`Module::functions`].
pub type FuncId = usize;

/// One source file, lowered.
#[derive(Debug, Clone)]
pub struct Module {
    pub lang: Lang,
    /// The file as the function sees it (`/var/task/app.py`) or as given.
    pub path: String,
    /// Dotted module name used to resolve imports between files of the package: `app`, `handlers.orders`,
    /// `src/index` becomes `src.index`; Java and C# use the package/namespace plus the class (`com.example.App`).
    pub name: String,
    /// Names bound by imports (`import subprocess as sp` → `sp` ↦ `subprocess`; `from os import system` →
    /// `system` ↦ `os.system`; `const { exec } = require("child_process")` → `exec` ↦ `child_process.exec`;
    /// `import java.sql.Statement;` → `Statement` ↦ `java.sql.Statement`).
    pub imports: Vec<Import>,
    /// `functions[0]` is the module's top-level code (`<module>`); nested functions, methods and lambdas follow.
    pub functions: Vec<Function>,
    pub classes: Vec<Class>,
    /// For a template (`templates/page.html`, `views/orders/show.html.erb`): where it writes a value without
    /// escaping it. Code modules have none, and templates have no functions but the empty top level.
    pub template: Option<Vec<TemplateOutput>>,
}

/// A place where a template writes a value into the page unescaped (`{{ bio|safe }}`, `<%== @bio %>`,
/// `<%- bio %>`, `{{{ bio }}}`, `!{bio}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateOutput {
    pub span: Span,
    /// The variable the template was given that the value comes from (`bio`; `@bio` for a Ruby instance variable).
    pub root: String,
    /// The construct as written, for messages.
    pub written: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The local name.
    pub alias: String,
    /// What it stands for, dotted (`os.path`, `child_process.exec`).
    pub target: String,
}

#[derive(Debug, Clone)]
pub struct Class {
    pub name: String,
    /// Superclasses and implemented interfaces as written, generic arguments kept
    /// (`RequestHandler<APIGatewayProxyRequestEvent, String>`).
    pub bases: Vec<String>,
    /// Decorators, annotations and attributes on the class, as expressions (`Name`, `Attr` or `Call`).
    pub decorators: Vec<Expr>,
    pub methods: Vec<FuncId>,
    /// Plain getters left out of `methods` (Java `String getId() { return id; }`): (method, field).
    pub getters: Vec<(String, String)>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Function {
    /// `lambda_handler`; `<module>` for top-level code; `<lambda>` for an anonymous function.
    pub name: String,
    /// The class it is a method of.
    pub class: Option<String>,
    pub params: Vec<Param>,
    pub body: Vec<Stmt>,
    /// Decorators, annotations and attributes (`@app.route("/x")`, `@GetMapping`, `[HttpGet]`) as expressions.
    pub decorators: Vec<Expr>,
    /// Static, class-level or module-level method (no receiver).
    pub is_static: bool,
    /// The function this one is nested in (closures read its variables).
    pub parent: Option<FuncId>,
    /// The declared return type, as written (`long`, `Optional<String>`), where the language declares one.
    pub returns: Option<String>,
    pub span: Span,
}

impl Function {
    /// `__init__`, `constructor`, `initialize` or a method named like its class.
    pub fn is_constructor(&self) -> bool {
        matches!(self.name.as_str(), "__init__" | "constructor" | "initialize")
            || self.class.as_deref() == Some(self.name.as_str())
    }

    /// The properties of destructured parameters, each with the parameter number it takes in a summary (after the
    /// real parameters, in order): (parameter, property, number).
    pub fn prop_params(&self) -> impl Iterator<Item = (usize, &str, usize)> {
        self.params
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.props.iter().map(move |prop| (i, prop.as_str())))
            .enumerate()
            .map(|(k, (i, prop))| (i, prop, self.params.len() + k))
    }

    /// A method called on an object (not static, not a constructor): its fields are that object's.
    pub fn is_instance_method(&self) -> bool {
        self.class.is_some() && !self.is_static && !self.is_constructor()
    }
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    /// The declared type as written (`APIGatewayProxyRequestEvent`, `HttpServletRequest`, `str`), generic
    /// arguments kept.
    pub ty: Option<String>,
    /// Annotations or attributes on the parameter (`RequestParam`, `FromQuery`), names only.
    pub annotations: Vec<String>,
    pub default: Option<Expr>,
    /// A keyword-only parameter (Ruby `event:`, Python after `*`).
    pub keyword: bool,
    /// The properties a JavaScript object pattern takes apart (`({ reply, route }) => …`), each tracked on its own
    /// so a caller's object literal gives each its own entry; empty for other parameters and for a pattern with a
    /// rest element.
    pub props: Vec<String>,
    pub span: Span,
}

impl Param {
    /// A parameter with only a name: no type, annotation, default or pattern.
    pub fn plain(name: String, span: Span) -> Param {
        Param { name, ty: None, annotations: Vec::new(), default: None, keyword: false, props: Vec::new(), span }
    }
}

#[derive(Debug, Clone)]
pub enum Stmt {
    Expr(Expr),
    /// `target = value`; a declaration without a value has `value: None`. Augmented assignment (`x += y`) is lowered
    /// to `x = x + y`; destructuring (`const {a, b: c} = o`, `a, b = t`) to one assignment per name, each reading
    /// its own field or element.
    Assign {
        target: Expr,
        value: Option<Expr>,
        /// The declared type (`Statement stmt = …`, `let q: string = …`).
        ty: Option<String>,
        span: Span,
    },
    Return(Option<Expr>, Span),
    Throw(Option<Expr>, Span),
    If {
        cond: Expr,
        then: Vec<Stmt>,
        otherwise: Vec<Stmt>,
        span: Span,
    },
    /// Any loop. `for x in xs` is `var: Some(x), iter: Some(xs)`; `while c` is `cond: Some(c)`.
    Loop {
        var: Option<Expr>,
        iter: Option<Expr>,
        cond: Option<Expr>,
        body: Vec<Stmt>,
        span: Span,
    },
    Try {
        body: Vec<Stmt>,
        catches: Vec<Catch>,
        finally: Vec<Stmt>,
        span: Span,
    },
    /// A nested function or class method definition at this point (closures see the variables around them).
    Def(FuncId),
    /// A sequence that needs no scope of its own (a `with` body, a `switch` case, a block).
    Block(Vec<Stmt>),
}

#[derive(Debug, Clone)]
pub struct Catch {
    /// The exception variable (`e` in `except ValueError as e`).
    pub var: Option<String>,
    pub ty: Option<String>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    /// A variable, parameter, function, class or module name (`self`/`this` included).
    Name(String),
    /// `obj.name` (also `obj?.name`, Ruby `obj.name` without arguments when it cannot be told from a call).
    Attr {
        obj: Box<Expr>,
        name: String,
    },
    /// `obj[index]`.
    Index {
        obj: Box<Expr>,
        index: Box<Expr>,
    },
    /// `callee(args)`. A method call has an `Attr` callee; `new T(args)` has `callee: Name("T")`, `new: true`.
    Call {
        callee: Box<Expr>,
        args: Vec<Arg>,
        new: bool,
    },
    /// A string literal with escapes decoded where the front end can (`"abc"`, `'abc'`, a template with no holes).
    Str(String),
    /// Numbers, kept as written.
    Num(String),
    Bool(bool),
    /// `None`, `null`, `nil`, `undefined`.
    Null,
    /// String building whose parts are all pasted together: f-strings, template literals, `"#{x}"`, `$"{x}"`,
    /// adjacent literals.
    Concat(Vec<Expr>),
    /// `left op right` (`+`, `%`, `==`, `and`, `in`, `instanceof`, …), op as written.
    Binary {
        op: String,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `op operand` (`not`, `!`, `-`, `typeof`).
    Unary {
        op: String,
        operand: Box<Expr>,
    },
    /// `cond ? then : otherwise`, `a if c else b`.
    Cond {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// A list, array, tuple or set literal.
    List(Vec<Expr>),
    /// A dict, object or hash literal; a key that is not a literal or plain name is kept as an expression.
    /// A spread (`{...o}`) is an entry with key `None`.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// An anonymous function (lambda, arrow function, block) defined here.
    Lambda(FuncId),
    /// Anything else, with its sub-expressions (taint flows through it).
    Other(Vec<Expr>),
}

#[derive(Debug, Clone)]
pub struct Arg {
    /// A keyword argument's name (`shell` in `shell=True`; Ruby `key: value` in a call).
    pub name: Option<String>,
    pub value: Expr,
    /// `*args`, `...args`, `**kwargs`.
    pub spread: bool,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }

    /// The literal string this expression is, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The dotted text of a name or attribute chain (`os.path.join`), if it is one.
    pub fn dotted(&self) -> Option<String> {
        match &self.kind {
            ExprKind::Name(n) => Some(n.clone()),
            ExprKind::Attr { obj, name } => obj.dotted().map(|o| format!("{o}.{name}")),
            _ => None,
        }
    }

    /// The sub-expressions, in source order.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Name(_)
            | ExprKind::Str(_)
            | ExprKind::Num(_)
            | ExprKind::Bool(_)
            | ExprKind::Null
            | ExprKind::Lambda(_) => Vec::new(),
            ExprKind::Attr { obj, .. } => vec![obj],
            ExprKind::Index { obj, index } => vec![obj, index],
            ExprKind::Call { callee, args, .. } => {
                std::iter::once(callee.as_ref()).chain(args.iter().map(|a| &a.value)).collect()
            }
            ExprKind::Concat(parts) | ExprKind::List(parts) | ExprKind::Other(parts) => parts.iter().collect(),
            ExprKind::Binary { left, right, .. } => vec![left, right],
            ExprKind::Unary { operand, .. } => vec![operand],
            ExprKind::Cond { cond, then, otherwise } => vec![cond, then, otherwise],
            ExprKind::Dict(entries) => entries.iter().flat_map(|(k, v)| k.iter().chain(std::iter::once(v))).collect(),
        }
    }
}

impl Module {
    /// An empty module with its top-level function.
    pub fn new(lang: Lang, path: &str, name: &str) -> Self {
        Module {
            lang,
            path: path.to_string(),
            name: name.to_string(),
            imports: Vec::new(),
            functions: vec![Function {
                name: "<module>".to_string(),
                class: None,
                params: Vec::new(),
                body: Vec::new(),
                decorators: Vec::new(),
                is_static: true,
                parent: None,
                returns: None,
                span: Span::default(),
            }],
            classes: Vec::new(),
            template: None,
        }
    }

    /// Where an import alias points, if the module imports it.
    pub fn import(&self, alias: &str) -> Option<&str> {
        self.imports.iter().rev().find(|i| i.alias == alias).map(|i| i.target.as_str())
    }
}
