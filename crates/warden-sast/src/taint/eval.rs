//! Analysis of one function: statements in order with an environment of access paths, branches joined, loops run
//! twice, lambdas and nested functions analysed in place with the variables around them.

use super::canon::{is_self, path, root, simple_type};
use super::compiled::{Compiled, matches};
use super::env::Env;
use super::guards;
use super::value::{CREDENTIAL, EXCEPTION, FIELD_BITS, FIRST_FIELD_SLOT, Fields, INPUT, Taint, Value, join, label_bit};
use super::{FnRef, Hit, Program, SinkReach, Summary};
use crate::ir::{Arg, Expr, ExprKind, FuncId, Function, Module, Span, Stmt};
use crate::lang::Lang;

mod content_type;
mod render;
use crate::rules::{CallSite, Const};
use crate::tables::{ALL_KINDS, Args, Kind};

/// Work allowed per function analysis (expressions evaluated); past it the function is cut short.
const MAX_WORK: usize = 400_000;
/// Lambdas nested inside lambdas analysed in place, at most.
const MAX_INLINE_DEPTH: usize = 8;

/// What analysing a function produced.
pub struct Output {
    pub summary: Summary,
    /// The functions whose summaries this analysis used.
    pub deps: Vec<FnRef>,
    pub hits: Vec<Hit>,
    pub fields: Vec<(usize, String, Value)>,
    pub env: rustc_hash::FxHashMap<String, Value>,
    /// For a function that encloses others: its variables' types (see [`Program::closure_types`]).
    pub local_types: Vec<(String, String)>,
}

pub fn analyze_function(program: &Program, m: usize, f: FuncId) -> Output {
    let Some(module) = program.modules.get(m) else {
        return Output {
            summary: Summary::default(),
            deps: Vec::new(),
            hits: Vec::new(),
            fields: Vec::new(),
            env: Default::default(),
            local_types: Vec::new(),
        };
    };
    let Some(func) = module.functions.get(f) else {
        return Output {
            summary: Summary::default(),
            deps: Vec::new(),
            hits: Vec::new(),
            fields: Vec::new(),
            env: Default::default(),
            local_types: Vec::new(),
        };
    };
    let mut fx = Fx {
        program,
        m,
        me: (m, f),
        module,
        comp: Compiled::of(module.lang),
        env: Env::default(),
        ret: Value::default(),
        hits: Vec::new(),
        sinks: Vec::new(),
        fields: Vec::new(),
        field_params: Vec::new(),
        event_names: Vec::new(),
        lambda_handler: false,
        class: func.class.clone(),
        work: 0,
        inline_depth: 0,
        loops: 0,
        deps: Vec::new(),
        body_route: returns_body(module, func),
        rendered: false,
        action: func.class.as_ref().map(|_| func.name.clone()),
        plain_type: false,
        html_type: false,
        instance_method: func.is_instance_method(),
        constructed: None,
        content_now: None,
        case_type: None,
        deferred: Vec::new(),
        closures_run: Default::default(),
        canonicalising: false,
    };
    if let Some(parent) = func.parent.filter(|p| *p != 0)
        && let Some(types) = program.closure_types.get(&(m, parent))
    {
        // The variables of the function around this one, by type (their data is the enclosing call's).
        for (name, ty) in types {
            fx.env.insert(name.clone(), Value { ty: Some(ty.clone()), ..Value::default() });
        }
    }
    fx.bind_params(f, func, None);
    if func.is_constructor() {
        fx.constructed =
            func.params.iter().filter_map(|p| fx.env.get(&p.name)).fold(None, |acc, v| join(acc, v.taint.clone()));
    }
    // A nested function is also analysed in place (with its closure) by its parent; alone it gives its summary.
    fx.block(&func.body);
    if !func.is_static && func.class.is_some() {
        fx.implicit_render(&func.name, func.span);
    }
    fx.drop_xss_if_plain();
    let mut ret = std::mem::take(&mut fx.ret);
    if func.returns.as_deref().is_some_and(|t| crate::handler::is_scalar(t.rsplit('.').next().unwrap_or(t))) {
        // `long getFileSize(…)`, `bool IsValid(…)`: a number or a flag carries no injection.
        ret.taint = None;
    }
    let summary = Summary {
        ret_params: ret.taint.as_ref().map_or(0, |t| t.params),
        ret_host_params: ret.taint.as_ref().map_or(0, |t| t.host_params),
        ret_sanitized: ret.taint.as_ref().map(Taint::param_cleaning).unwrap_or_default(),
        ret: ret.taint.clone().filter(|t| t.labels != 0).map(|mut t| {
            t.params = 0;
            t.host_params = 0;
            t
        }),
        ret_ty: ret.ty.clone(),
        ret_steps: ret.taint.as_ref().filter(|t| t.params != 0).map(Taint::steps).unwrap_or_default(),
        field_params: std::mem::take(&mut fx.field_params),
        sinks: std::mem::take(&mut fx.sinks),
        deferred: std::mem::take(&mut fx.deferred),
    };
    let encloses = program.encloses.get(m).and_then(|e| e.get(f)).copied().unwrap_or(false);
    let local_types = if encloses {
        let mut types: Vec<(String, String)> = fx
            .env
            .iter_values()
            .filter(|(name, _)| !name.contains(['.', '[']) && !func.params.iter().any(|p| p.name == **name))
            .filter_map(|(name, v)| v.ty.clone().map(|t| (name.clone(), t)))
            // Only objects of the package's classes and constructor functions: what a closure calls methods on.
            .filter(|(_, t)| program.is_package_type(t.rsplit('.').next().unwrap_or(t)))
            .collect();
        types.sort();
        types
    } else {
        Vec::new()
    };
    // Only top-level code's variables are needed after (a module's globals).
    let env = if f == 0 { fx.env.into_map() } else { Default::default() };
    Output { summary, deps: fx.deps, hits: fx.hits, fields: fx.fields, env, local_types }
}

/// A function decorated as a Flask route (`@app.route`, `@bp.get`) in a module that imports Flask.
/// A web route whose return value is the response body: a Flask view (`@app.route`), a Spring MVC mapping method
/// (`@GetMapping`; a string with markup is no view name) or a JAX-RS resource method (`@GET`).
fn returns_body(module: &Module, func: &Function) -> bool {
    let decorated = |pick: fn(&str) -> bool| {
        func.decorators.iter().any(|d| {
            let callee = match &d.kind {
                ExprKind::Call { callee, .. } => callee.dotted(),
                _ => d.dotted(),
            };
            callee.is_some_and(|c| c.rsplit('.').next().is_some_and(pick))
        })
    };
    match module.lang {
        Lang::Python => {
            let route = |d: &str| matches!(d, "route" | "get" | "post" | "put" | "patch" | "delete");
            let flask = module.imports.iter().any(|i| i.target == "flask" || i.target.starts_with("flask."));
            // FastAPI's `@app.get("/", response_class=HTMLResponse)`.
            let html_class = func.decorators.iter().any(|d| match &d.kind {
                ExprKind::Call { callee, args, .. } => {
                    callee.dotted().is_some_and(|c| c.rsplit('.').next().is_some_and(route))
                        && args.iter().any(|a| {
                            a.name.as_deref() == Some("response_class")
                                && a.value.dotted().is_some_and(|v| v.ends_with("HTMLResponse"))
                        })
                }
                _ => false,
            });
            (flask && decorated(route)) || html_class
        }
        Lang::Java => decorated(|d| d.ends_with("Mapping") || matches!(d, "GET" | "POST" | "PUT" | "PATCH" | "DELETE")),
        _ => false,
    }
}

fn is_method(module: &Module, func: &Function) -> bool {
    func.class.is_some() && module.classes.iter().any(|c| Some(&c.name) == func.class.as_ref())
}

struct Fx<'p, 'a> {
    program: &'p Program<'a>,
    m: usize,
    /// The function analysed (its own summary, met at a recursive call, is last round's).
    me: FnRef,
    module: &'a Module,
    comp: &'static Compiled,
    env: Env,
    ret: Value,
    hits: Vec<Hit>,
    sinks: Vec<SinkReach>,
    fields: Vec<(usize, String, Value)>,
    /// Fields set from parameters: (field, parameter bits), for constructors' summaries.
    field_params: Vec<(String, u64)>,
    event_names: Vec<String>,
    lambda_handler: bool,
    class: Option<String>,
    work: usize,
    inline_depth: usize,
    deps: Vec<FnRef>,
    /// A route whose return value is the response body: a string it returns is sent as HTML.
    body_route: bool,
    /// Whether the function rendered a template itself (Rails then does not render the action's view).
    rendered: bool,
    /// The function's name when it is a method (an MVC action renders the view of its name).
    action: Option<String>,
    /// Whether the function set a non-HTML content type, and whether an HTML one.
    plain_type: bool,
    html_type: bool,
    /// Loops around the statement being analysed: only the outer two run their body twice (nested loops would
    /// otherwise cost 2^depth).
    loops: usize,
    /// A method called on an object: fields its constructor set are that object's (see [`FIRST_FIELD_SLOT`]).
    instance_method: bool,
    /// In a constructor, what the object is built from (its parameters): the object its own method calls see.
    constructed: Option<Taint>,
    /// The content type set on the path to the statement analysed: HTML (true), another one (false), unknown.
    content_now: Option<bool>,
    /// Inside the branch of a test against a MIME constant (`case TEXT_JSON:`): the type it names, taken for a
    /// content type set from a variable there.
    case_type: Option<&'static str>,
    /// Cross-site scripting written into a writer parameter, for the callers to judge (see [`Summary::deferred`]).
    deferred: Vec<(usize, Hit)>,
    /// The closures already run in place where they were called.
    closures_run: rustc_hash::FxHashSet<FuncId>,
    /// The call being evaluated makes a file only to canonicalise its path (see [`Fx::call`]).
    canonicalising: bool,
}

impl<'p, 'a> Fx<'p, 'a> {
    /// Binds a function's parameters: sources where the entry facts say so, symbolic parameters otherwise (only for
    /// the function being summarised, `inline == None`), or the taint a callback receives.
    fn bind_params(&mut self, f: FuncId, func: &Function, inline: Option<Option<Taint>>) {
        let entry = self.program.entries.get(self.m).and_then(|e| e.get(f));
        if let Some(entry) = entry
            && inline.is_none()
        {
            self.lambda_handler = entry.lambda;
            self.event_names = entry.event_names.clone();
        }
        let error_handler = func.params.len() == 4 && func.params.first().is_some_and(|p| is_error_name(&p.name));
        for (i, p) in func.params.iter().enumerate() {
            let source = entry.and_then(|e| e.params.iter().find(|s| s.index == i));
            let taint = if i == 0 && error_handler {
                Some(Taint::source(
                    EXCEPTION,
                    self.m,
                    p.span,
                    format!("`{}` is the error the middleware handles", p.name),
                ))
            } else if let Some(s) = source {
                if let Some(e) = entry
                    && e.event_names.contains(&p.name)
                {
                    self.event_names.push(p.name.clone());
                }
                Some(Taint::source(INPUT, self.m, p.span, s.note.clone()))
            } else {
                match &inline {
                    None => (i < FIRST_FIELD_SLOT)
                        .then(|| Taint::param(i, self.m, p.span, format!("parameter `{}`", p.name))),
                    // A Node error-first callback's error (`(writeError) => …`, `(err, data) => …`) is an error,
                    // not the data the receiver holds (`e` is as often an element or an event).
                    Some(t)
                        if i == 0
                            && p.name != "e"
                            && is_error_name(&p.name)
                            && self.module.lang.family() == Lang::JavaScript =>
                    {
                        t.as_ref().and_then(|t| {
                            let mut t = t.step(self.m, p.span, format!("passed to `{}`", p.name));
                            t.labels &= EXCEPTION;
                            t.params = 0;
                            t.host_params = 0;
                            (!t.is_empty()).then_some(t)
                        })
                    }
                    Some(t) => t.as_ref().map(|t| t.step(self.m, p.span, format!("passed to `{}`", p.name))),
                }
            };
            let ty = p.ty.as_deref().map(|t| self.resolve_type(t));
            let taken_apart = inline.is_none() && source.is_none() && !p.props.is_empty();
            let taint = if taken_apart { None } else { taint };
            let mut v = Value { taint, ty, ..Value::default() };
            if let Some(d) = &p.default
                && v.taint.is_none()
            {
                v = self.expr(d);
            }
            self.env.insert(p.name.clone(), v);
            if taken_apart {
                // `({ reply, route }) => …`: each property is a parameter of its own (the pattern reads `$arg0.route`).
                let props = func.prop_params().filter(|(j, _, bit)| *j == i && *bit < FIRST_FIELD_SLOT);
                for (_, prop, bit) in props {
                    let t = Taint::param(bit, self.m, p.span, format!("parameter `{prop}`"));
                    self.env.insert(format!("{}.{prop}", p.name), Value::tainted(Some(t)));
                }
            }
        }
    }

    fn resolve_type(&self, ty: &str) -> String {
        let t = simple_type(ty);
        match self.module.import(&t) {
            Some(target) => target.to_string(),
            None => t,
        }
    }

    fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            if self.work > MAX_WORK {
                return;
            }
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        self.work += 1;
        match s {
            Stmt::Expr(e) => {
                self.expr(e);
            }
            Stmt::Assign { target, value, ty, span } => {
                let mut v = match value {
                    Some(e) => self.expr(e),
                    None => Value::default(),
                };
                // The type written here, or the one the variable was declared with (`len = in.read(buf)` into an
                // `int len` declared before).
                let declared = match ty {
                    // `char[] out`, `byte[] body`: an array of them carries text.
                    Some(ty) if ty.contains('[') => Some(format!("{}[]", self.resolve_type(ty))),
                    Some(ty) => Some(self.resolve_type(ty)),
                    None => match &target.kind {
                        ExprKind::Name(n) => self.env.get(n).and_then(|old| old.ty.clone()),
                        _ => None,
                    },
                };
                if let Some(t) = declared {
                    if matches!(self.module.lang, Lang::Java | Lang::CSharp) && crate::handler::is_scalar(&t) {
                        // A number or a flag carries no injection (TypeScript's declared types are not checked at
                        // run time).
                        v.taint = None;
                        v.ty = Some(t);
                    } else if ty.is_some()
                        && !matches!(t.as_str(), "var" | "let" | "const" | "auto" | "dynamic" | "object" | "any")
                        && !is_string_buffer(&v)
                    {
                        // (`PrintWriter out = new PrintWriter(buffer)` stays a buffer.)
                        v.ty = Some(t);
                    }
                }
                if let (Some(t), Some(name)) = (v.taint.as_ref(), path(target)) {
                    v.taint = Some(t.step(self.m, *span, format!("flows into `{name}`")));
                }
                self.assign(target, v);
                if let (Some(Expr { kind: ExprKind::Dict(entries), .. }), Some(p)) = (value, path(target)) {
                    self.dict_entries(&p, entries);
                }
            }
            Stmt::Return(value, span) => {
                let mut v = match value {
                    Some(e) => self.expr(e),
                    None => Value::default(),
                };
                if let Some(t) = v.taint.as_ref() {
                    v.taint = Some(t.step(self.m, *span, "returned"));
                }
                if let Some(e) = value {
                    self.check_response(e, &v, *span);
                }
                self.view_returned(&v, *span);
                self.ret = std::mem::take(&mut self.ret).join(v);
            }
            Stmt::Throw(value, _) => {
                if let Some(e) = value {
                    self.expr(e);
                }
            }
            Stmt::If { cond, then, otherwise, .. } => self.if_stmt(cond, then, otherwise),
            Stmt::Loop { var, iter, cond, body, .. } => {
                if let Some(c) = cond {
                    self.expr(c);
                }
                let element = match iter {
                    Some(i) => {
                        let v = self.expr(i);
                        Value { taint: v.taint, ..Value::default() }
                    }
                    None => Value::default(),
                };
                let before = self.env.clone();
                let passes = if self.loops < 2 { 2 } else { 1 };
                self.loops += 1;
                for _ in 0..passes {
                    if let Some(var) = var {
                        self.assign(var, element.clone());
                    }
                    self.block(body);
                }
                self.loops -= 1;
                self.join_env(before);
            }
            Stmt::Try { body, catches, finally, .. } => {
                let before = self.env.clone();
                self.block(body);
                let after_body = self.env.clone();
                let mut out = self.env.clone();
                for c in catches {
                    self.env = before.clone().join(after_body.clone());
                    if let Some(var) = &c.var {
                        let t = Taint::source(
                            EXCEPTION,
                            self.m,
                            c.body.first().map_or(Span::default(), stmt_span),
                            format!("`{var}` holds the caught exception"),
                        );
                        self.env.insert(var.clone(), Value::tainted(Some(t)));
                    }
                    self.block(&c.body);
                    out = out.join(std::mem::take(&mut self.env));
                }
                self.env = out;
                self.block(finally);
            }
            Stmt::Def(id) => self.nested_def(*id),
            Stmt::Block(b) => self.block(b),
        }
    }

    /// A function defined inside another: analysed in place (it sees the variables around it) unless it is a
    /// method or a top-level function, which are analysed on their own.
    fn nested_def(&mut self, id: FuncId) {
        let Some(func) = self.module.functions.get(id) else { return };
        let top_level = func.parent.is_none_or(|p| p == 0) || is_method(self.module, func);
        if top_level {
            return;
        }
        self.inline(id, None);
    }

    /// Runs a lambda or nested function's body here, parameters bound to `param_taint` (a callback's data) or to
    /// their source facts.
    /// Analyses function `id` of this module in place (a callback, a closure called here), its parameters given
    /// `param_taint`; returns what it returns.
    fn inline(&mut self, id: FuncId, param_taint: Option<Taint>) -> Value {
        if self.inline_depth >= MAX_INLINE_DEPTH {
            return Value::default();
        }
        let Some(func) = self.module.functions.get(id) else { return Value::default() };
        self.inline_depth += 1;
        let saved_ret = std::mem::take(&mut self.ret);
        let saved_env = self.env.clone();
        let saved_handler = self.lambda_handler;
        let saved_events = self.event_names.clone();
        let entry_lambda = self.program.entries.get(self.m).and_then(|e| e.get(id)).is_some_and(|e| e.lambda);
        self.lambda_handler = entry_lambda;
        self.bind_params(id, func, Some(param_taint));
        if entry_lambda && let Some(e) = self.program.entries.get(self.m).and_then(|e| e.get(id)) {
            self.event_names.extend(e.event_names.iter().cloned());
        }
        self.block(&func.body);
        // Parameters are the lambda's own; everything else it assigned is visible after (callbacks).
        for p in &func.params {
            match saved_env.get(&p.name) {
                Some(v) => {
                    self.env.insert(p.name.clone(), v.clone());
                }
                None => {
                    self.env.remove(&p.name);
                }
            }
        }
        let env = std::mem::take(&mut self.env);
        self.env = saved_env.join(env);
        let returned = std::mem::replace(&mut self.ret, saved_ret);
        self.lambda_handler = saved_handler;
        self.event_names = saved_events;
        self.inline_depth -= 1;
        returned
    }

    fn if_stmt(&mut self, cond: &Expr, then: &[Stmt], otherwise: &[Stmt]) {
        let c = self.expr(cond);
        if let Some(k) = &c.konst {
            // A branch that can never run does not count.
            if k.truthy() {
                self.block(then);
            } else {
                self.block(otherwise);
            }
            return;
        }
        let guard = guards::guard(cond);
        let before = self.env.clone();
        let content_before = self.content_now;
        if let Some(g) = &guard
            && g.positive
        {
            self.apply_guard(g);
        }
        let case_before = self.case_type;
        self.case_type = content_type::case_type(cond).or(case_before);
        self.block(then);
        self.case_type = case_before;
        let then_env = std::mem::replace(&mut self.env, before);
        let then_content = std::mem::replace(&mut self.content_now, content_before);
        if let Some(g) = &guard
            && !g.positive
        {
            self.apply_guard(g);
        }
        self.block(otherwise);
        let then_exits = ends_in_exit(then);
        let else_exits = !otherwise.is_empty() && ends_in_exit(otherwise);
        self.content_now = match (then_exits, else_exits) {
            (true, false) => self.content_now,
            (false, true) => then_content,
            _ => self.content_now.filter(|c| Some(*c) == then_content),
        };
        match (then_exits, else_exits) {
            (true, false) => {
                // `if not allowed(x): return` — after the if, only the else path continues.
                if let Some(g) = &guard
                    && !g.positive
                {
                    self.apply_guard(g);
                }
            }
            (false, true) => self.env = then_env,
            _ => self.join_env(then_env),
        }
    }

    fn apply_guard(&mut self, g: &guards::Guard) {
        // Checking a URL's host against an allow-list clears the URL for requests and redirects.
        if let Some((parent, part)) = g.path.rsplit_once('.')
            && matches!(part, "host" | "hostname" | "netloc" | "Host" | "origin" | "Authority" | "getHost()")
        {
            let host = guards::Guard {
                path: parent.to_string(),
                kinds: Kind::Ssrf.bit() | Kind::Redirect.bit(),
                positive: g.positive,
            };
            self.apply_guard_to(&host);
        }
        self.apply_guard_to(g);
    }

    fn apply_guard_to(&mut self, g: &guards::Guard) {
        let mut keys = self.env.parts(&g.path);
        keys.push(g.path.clone());
        for key in keys {
            if let Some(v) = self.env.get_mut(&key)
                && let Some(t) = v.taint.as_mut()
            {
                t.clean(g.kinds);
            }
        }
        if !self.env.contains_key(&g.path) {
            let mut v = self.read_path_value(&g.path).unwrap_or_default();
            if let Some(t) = v.taint.as_mut() {
                t.clean(g.kinds);
            }
            self.env.insert(g.path.clone(), v);
        }
    }

    fn join_env(&mut self, other: Env) {
        let mine = std::mem::take(&mut self.env);
        self.env = mine.join(other);
    }

    fn assign(&mut self, target: &Expr, v: Value) {
        if let (ExprKind::Attr { name, .. }, Some(Const::Str(t))) = (&target.kind, &v.konst)
            && matches!(name.as_str(), "ContentType" | "content_type" | "contentType" | "mimetype")
        {
            self.note_content_type_value(t);
        }
        match &target.kind {
            ExprKind::List(targets) => {
                for t in targets {
                    self.assign(t, Value { taint: v.taint.clone(), ..Value::default() });
                }
            }
            _ => match path(target) {
                Some(p) => {
                    self.env.remove_parts(&p);
                    if let ExprKind::Attr { obj, name } = &target.kind
                        && matches!(&obj.kind, ExprKind::Name(n) if is_self(n))
                    {
                        // The field store holds real taint only: another method's parameters are not these.
                        let mut stored = v.clone();
                        if let Some(t) = stored.taint.as_mut() {
                            t.params = 0;
                            t.host_params = 0;
                        }
                        if stored.taint.as_ref().is_some_and(|t| t.labels == 0) {
                            stored.taint = None;
                        }
                        self.fields.push((self.m, name.clone(), stored));
                        if let Some(params) = v.taint.as_ref().map(|t| t.params).filter(|b| *b != 0) {
                            self.field_params.push((name.clone(), params));
                        }
                    }
                    self.env.insert(p, v);
                }
                None => {
                    // `a[i] = v` with a computed index: the container holds v somewhere.
                    if let ExprKind::Index { obj, index } = &target.kind {
                        self.expr(index);
                        if let Some(p) = path(obj) {
                            let old = self.env.remove(&p).unwrap_or_default();
                            self.env.insert(p, old.join(Value { taint: v.taint, ..Value::default() }));
                        }
                    } else {
                        self.expr(target);
                    }
                }
            },
        }
    }

    /// The value at an access path, with its parts' taint (`d` is tainted when `d["k"]` is).
    fn read_path_value(&self, p: &str) -> Option<Value> {
        let exact = self.env.get(p).cloned();
        let parts = self.env.parts_taint(p);
        match (exact, parts) {
            (Some(mut v), parts) => {
                if parts.is_some() {
                    // Entries set since (`opts.route = input`) are not among the ones it was built with.
                    v.fields = None;
                }
                v.taint = join(v.taint, parts);
                Some(v)
            }
            (None, Some(t)) => Some(Value::tainted(Some(t))),
            (None, None) => None,
        }
    }

    pub(super) fn expr(&mut self, e: &Expr) -> Value {
        self.work += 1;
        if self.work > MAX_WORK {
            return Value::default();
        }
        match &e.kind {
            ExprKind::Str(s) => Value::konst(Const::Str(s.clone())),
            ExprKind::Num(n) => Value::konst(Const::Num(parse_num(n))),
            ExprKind::Bool(b) => Value::konst(Const::Bool(*b)),
            ExprKind::Null => Value::konst(Const::Null),
            ExprKind::Name(_) | ExprKind::Attr { .. } | ExprKind::Index { .. } => self.read(e),
            ExprKind::Call { callee, args, new } => self.call(e, callee, args, *new),
            ExprKind::Concat(parts) => {
                let vals: Vec<Value> = parts.iter().map(|p| self.expr(p)).collect();
                let konst = vals
                    .iter()
                    .map(|v| match &v.konst {
                        Some(Const::Str(s)) => Some(s.clone()),
                        Some(Const::Num(n)) => Some(fmt_num(*n)),
                        _ => None,
                    })
                    .collect::<Option<String>>()
                    .map(Const::Str);
                // The first part that is not empty decides the host (the next one after a bare `https://`).
                let mut rest = vals.iter().filter(|v| !matches!(&v.konst, Some(Const::Str(s)) if s.is_empty()));
                let host = match rest.next() {
                    Some(v) if is_bare_scheme(v) => rest.next().map(|h| (h, true)),
                    first => first.map(|v| (v, false)),
                };
                let host = host.map(|(v, after_scheme)| host_state(v, after_scheme));
                let mut taint = vals.into_iter().fold(None, |acc, v| join(acc, v.taint));
                if let (Some(t), Some(h)) = (taint.as_mut(), host) {
                    h.impose(t);
                }
                Value { taint, konst, ..Value::default() }
            }
            ExprKind::Binary { op, left, right } => {
                let l = self.expr(left);
                let r = self.expr(right);
                // `base + "?q=" + x`: the left side decides the host; `"%s?%s" % (base, qs)` and `"https://%s%s" %
                // (host, path)`: the first placeholder's value does.
                let format = l.konst.as_ref().and_then(Const::as_str).filter(|_| op == "%");
                let host = match format {
                    Some(f)
                        if f.starts_with("%s")
                            || f.split_once("://").is_some_and(|(scheme, rest)| {
                                rest.starts_with("%s")
                                    && !scheme.is_empty()
                                    && scheme.chars().all(|c| c.is_ascii_alphanumeric())
                            }) =>
                    {
                        let after_scheme = !f.starts_with("%s");
                        match &right.kind {
                            ExprKind::List(items) => items.first().map(|i| {
                                let first = self.expr(i);
                                host_state(&first, after_scheme)
                            }),
                            _ => Some(host_state(&r, after_scheme)),
                        }
                    }
                    Some(_) => Some(host_state(&l, false)),
                    // `base + x`, and `self.url % kwargs` with a configured pattern: the left side decides.
                    None if op == "+" || op == "%" => Some(host_state(&l, false)),
                    None => None,
                };
                let mut v = binary(op, l, r);
                if let (Some(t), Some(h)) = (v.taint.as_mut(), host) {
                    h.impose(t);
                }
                v
            }
            ExprKind::Unary { op, operand } => {
                let v = self.expr(operand);
                match (op.as_str(), &v.konst) {
                    ("not" | "!", Some(k)) => Value::konst(Const::Bool(!k.truthy())),
                    ("-", Some(Const::Num(n))) => Value::konst(Const::Num(-n)),
                    ("typeof", _) => Value::default(),
                    _ => Value { taint: v.taint, ..Value::default() },
                }
            }
            ExprKind::Cond { cond, then, otherwise } => {
                let c = self.expr(cond);
                match c.konst {
                    Some(k) if k.truthy() => self.expr(then),
                    Some(_) => self.expr(otherwise),
                    None => {
                        let a = self.expr(then);
                        let b = self.expr(otherwise);
                        a.join(b)
                    }
                }
            }
            ExprKind::List(items) => {
                let vals: Vec<Value> = items.iter().map(|i| self.expr(i)).collect();
                let konst = vals.iter().map(|v| v.konst.clone()).collect::<Option<Vec<_>>>().map(Const::List);
                let taint = vals.into_iter().fold(None, |acc, v| join(acc, v.taint));
                Value { taint, konst, ..Value::default() }
            }
            ExprKind::Dict(entries) => {
                let mut taint = None;
                let mut konst = Some(Vec::new());
                // A JavaScript object literal keeps each entry's data apart for a function taking it apart
                // (`send({ reply, route })` into `function ({ reply, route })`); unknown past a spread or a
                // computed key.
                let mut fields = (self.module.lang.family() == Lang::JavaScript).then(Fields::default);
                for (k, v) in entries {
                    let key = k.as_ref().map(|k| match &k.kind {
                        ExprKind::Name(n) => Value::konst(Const::Str(n.clone())),
                        _ => self.expr(k),
                    });
                    let val = self.expr(v);
                    taint = join(taint, val.taint.clone());
                    let key = key.and_then(|k| k.konst);
                    if let (Some(Const::Str(k)), Some(t)) = (&key, &val.taint)
                        && k == "$where"
                        && fields.is_some()
                    {
                        // MongoDB runs a `$where` string as JavaScript, whichever call the filter goes to
                        // (`col.find(criteria())` with the filter built in a helper).
                        self.sink_hit(Kind::NoSql, t, "$where", v.span);
                    }
                    match (&key, fields.as_mut()) {
                        (Some(Const::Str(k)), Some(f)) => f.add(k, val.taint.clone()),
                        _ => fields = None,
                    }
                    match (key, &val.konst, konst.as_mut()) {
                        (Some(Const::Str(k)), Some(c), Some(list)) => list.push((k, c.clone())),
                        (Some(Const::Str(k)), None, Some(list)) => list.push((k, Const::Null)),
                        _ => konst = None,
                    }
                }
                // A clean literal needs no entries: its whole data (none) is what each entry holds.
                let fields = fields.filter(|_| taint.is_some()).map(std::sync::Arc::new);
                Value { taint, konst: konst.map(Const::Dict), fields, ..Value::default() }
            }
            ExprKind::Lambda(id) => Value { func: Some((self.m, *id)), ..Value::default() },
            ExprKind::Other(parts) => {
                let taint = parts.iter().fold(None, |acc, p| {
                    let v = self.expr(p);
                    join(acc, v.taint)
                });
                Value::tainted(taint)
            }
        }
    }

    /// A read of a name, attribute or element.
    fn read(&mut self, e: &Expr) -> Value {
        let found = match &e.kind {
            ExprKind::Name(n) => self.read_path_value(n),
            _ => path(e).and_then(|p| self.read_path_value(&p)),
        };
        if let Some(v) = found {
            return v;
        }
        // Rack's `request.env["devise.mapping"]`: an entry the server and middleware set, not the client's.
        if let ExprKind::Index { obj, index } = &e.kind
            && self.module.lang == Lang::Ruby
            && is_rack_env(obj)
            && index.as_str().is_some_and(|k| !is_client_env_key(k))
        {
            return Value::default();
        }
        // Sources read as attributes or names (`flask.request.args`, Rails `params`).
        let local = root(e).is_some_and(|r| self.env.contains_key(r));
        if !local && let Some(v) = self.source_read(e) {
            return v;
        }
        match &e.kind {
            ExprKind::Name(n) => {
                if let Some(v) = self.program.globals.get(self.m).and_then(|g| g.get(n)) {
                    return v.clone();
                }
                if self.class.is_some()
                    && let Some(v) = self.field(n, e.span)
                {
                    // A field read without `self.` (Ruby `attr_reader`, Java/C# implicit `this`).
                    return v;
                }
                if let Some(v) = self.env_source(e) {
                    return v;
                }
                // An imported module or function as a value (`const client = secure ? https : http`): calls on
                // what it is bound to are its.
                Value { ty: self.module.import(n).map(str::to_string), ..Value::default() }
            }
            ExprKind::Attr { obj, name } => {
                if let ExprKind::Name(n) = &obj.kind
                    && is_self(n)
                    && let Some(v) = self.field(name, e.span)
                {
                    return v;
                }
                if let Some(v) = self.env_source(e) {
                    return v;
                }
                let on_request = matches!(&obj.kind, ExprKind::Name(o) if matches!(o.as_str(), "request" | "req"))
                    || matches!(&obj.kind, ExprKind::Attr { obj: inner, name: n } if n == "request" && matches!(&inner.kind, ExprKind::Name(s) if is_self(s)));
                // Koa's `ctx.body`/`ctx.status`/`ctx.res` are the response being built, not the request.
                let koa_response = self.module.lang.family() == Lang::JavaScript
                    && matches!(&obj.kind, ExprKind::Name(o) if matches!(o.as_str(), "ctx" | "context"))
                    && matches!(
                        name.as_str(),
                        "body"
                            | "response"
                            | "res"
                            | "status"
                            | "message"
                            | "length"
                            | "lastModified"
                            | "etag"
                            | "headerSent"
                            | "writable"
                            | "state"
                            | "type"
                            | "app"
                    );
                // Hono's `c.env` (the Worker's bindings), `c.var` (what middleware set), `c.res`: not the request.
                let hono_context = self.module.lang.family() == Lang::JavaScript
                    && matches!(&obj.kind, ExprKind::Name(o) if o == "c")
                    && matches!(name.as_str(), "env" | "var" | "executionCtx" | "event" | "res" | "error");
                // A Django/Flask middleware reading back `response.headers["Vary"]`: what the application set.
                let own_response_headers = self.module.lang == Lang::Python
                    && matches!(&obj.kind, ExprKind::Name(o) if matches!(o.as_str(), "response" | "resp"))
                    && matches!(name.as_str(), "headers" | "cookies" | "status_code");
                if is_trusted_event_key(name)
                    || (on_request && is_trusted_request_attribute(name))
                    || koa_response
                    || hono_context
                    || own_response_headers
                {
                    return Value::default();
                }
                let mut o = self.expr(obj);
                if on_request
                    && self.module.lang == Lang::Python
                    && matches!(name.as_str(), "path" | "path_info" | "full_path")
                    && let Some(t) = o.taint.as_mut()
                {
                    // A Django or Flask view's own path matched one of its routes (Werkzeug merges `//`): it
                    // stays on this site, though what follows the route's prefix is still input.
                    t.fix_host();
                }
                if matches!(name.as_str(), "origin" | "host" | "hostname") && is_own_url(obj) {
                    // `request.url.origin`, `new URL(req.url).host`: the site this request reached (a fetch
                    // `Request`'s URL is absolute), not a URL the client wrote into it. For where a URL built on it
                    // points it is no origin at all: `${origin}/signin` stays here, `${origin}${input}` goes where
                    // the input says (`@evil.example`).
                    return Value::konst(Const::Str(String::new()));
                }
                if matches!(name.as_str(), "type" | "code" | "name" | "kind" | "status" | "statusCode" | "errno")
                    && let Some(t) = o.taint.as_mut()
                {
                    // An error's class, code or status is a constant of the program, not its details.
                    t.labels &= !EXCEPTION;
                    if t.is_empty() {
                        o.taint = None;
                    }
                }
                let konst = o.konst.as_ref().and_then(|k| k.get(name)).cloned();
                Value { taint: o.taint, konst, ..Value::default() }
            }
            ExprKind::Index { obj, index } => {
                let i = self.expr(index);
                if let Some(v) = self.env_source(e) {
                    return v;
                }
                if index.as_str().is_some_and(is_trusted_event_key) {
                    return Value::default();
                }
                let o = self.expr(obj);
                let konst = match (&o.konst, &i.konst) {
                    (Some(d), Some(Const::Str(k))) => d.get(k).cloned(),
                    _ => None,
                };
                Value { taint: o.taint, konst, ..Value::default() }
            }
            _ => self.expr(e),
        }
    }

    /// `os.environ["AWS_SECRET_ACCESS_KEY"]`, `process.env.DB_PASSWORD`: a secret read from the environment.
    fn env_source(&mut self, e: &Expr) -> Option<Value> {
        let (obj, key) = match &e.kind {
            ExprKind::Index { obj, index } => (obj, index.as_str()?),
            ExprKind::Attr { obj, name } => (obj, name.as_str()),
            _ => return None,
        };
        if !is_secret_name(key) {
            return None;
        }
        let base = self.canon(obj);
        if !ENV_OBJECTS.iter().any(|p| matches(p, &base)) {
            return None;
        }
        Some(Value::tainted(Some(Taint::source(
            CREDENTIAL,
            self.m,
            e.span,
            format!("`{key}` is a secret from the environment"),
        ))))
    }

    fn source_read(&mut self, e: &Expr) -> Option<Value> {
        let last = match &e.kind {
            ExprKind::Name(n) => self.module.import(n).map_or(n.as_str(), |t| t.rsplit('.').next().unwrap_or(t)),
            ExprKind::Attr { name, .. } => name.as_str(),
            ExprKind::Index { .. } => "[]",
            _ => return None,
        };
        if last != "[]" && !self.comp.sources.may_end_with(last) {
            return None;
        }
        let name = self.canon(e);
        let source = self.comp.sources.candidates(&name).find(|s| matches(s.pattern, &name))?;
        let note = format!("`{}` is {}", short(&name), label_words(label_bit(source.label)));
        let mut t = Taint::source(label_bit(source.label), self.m, e.span, note);
        if self.module.lang == Lang::CSharp && name.ends_with("Request.Url") {
            // ASP.NET's `Request.Url` is this request's absolute URL: its host is this site's (`Request.RawUrl` can
            // be `//evil.example/`).
            t.fix_host();
        }
        Some(Value::tainted(Some(t)))
    }

    /// The canonical dotted name of an expression used as a callee or receiver.
    pub(super) fn canon(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Name(n) => {
                if let Some(v) = self.env.get(n) {
                    return v.ty.clone().unwrap_or_else(|| n.clone());
                }
                if let Some(t) = self.module.import(n) {
                    return t.to_string();
                }
                if let Some(ty) = self.program.globals.get(self.m).and_then(|g| g.get(n)).and_then(|v| v.ty.clone()) {
                    return ty;
                }
                n.clone()
            }
            ExprKind::Attr { obj, name } => {
                if let ExprKind::Name(n) = &obj.kind
                    && is_self(n)
                {
                    let key = format!("{n}.{name}");
                    if let Some(ty) = self.env.get(&key).and_then(|v| v.ty.clone()) {
                        return ty;
                    }
                    if let Some(ty) = self.program.fields.get(&(self.m, name.clone())).and_then(|v| v.ty.clone()) {
                        return ty;
                    }
                }
                if let Some(p) = path(e)
                    && let Some(ty) = self.env.get(&p).and_then(|v| v.ty.clone())
                {
                    return ty;
                }
                format!("{}.{name}", self.canon(obj))
            }
            ExprKind::Call { callee, args, .. }
                if callee.dotted().is_some_and(|d| d.ends_with("Objects.requireNonNull")) && !args.is_empty() =>
            {
                // `Objects.requireNonNull(baseRequest).getResponse()`: the object it was given.
                args.first().map_or_else(|| "?".to_string(), |a| self.canon(&a.value))
            }
            ExprKind::Call { callee, new, .. } => {
                // `new Job(…)`, and Python's and Kotlin-style `Job(…)` of a package class: an object of that class.
                let constructs = matches!(&callee.kind, ExprKind::Name(n) if self.program.class(n).is_some());
                if *new || constructs {
                    return self.canon(callee);
                }
                // Java's `append` (a writer's, a builder's) returns its receiver: `writer.append("<p>").append(x)`
                // writes into `writer`.
                if let ExprKind::Attr { obj, name } = &callee.kind
                    && self.module.lang.family() == Lang::Java
                    && name == "append"
                {
                    return self.canon(obj);
                }
                format!("{}()", self.canon(callee))
            }
            ExprKind::Index { obj, .. } => format!("{}[]", self.canon(obj)),
            ExprKind::Str(_) | ExprKind::Concat(_) => "str".to_string(),
            _ => "?".to_string(),
        }
    }

    fn call(&mut self, e: &Expr, callee: &Expr, args: &[Arg], new: bool) -> Value {
        let mut name = self.canon(callee);
        if let ExprKind::Name(n) = &callee.kind
            && !new
            && self.env.get(n).and_then(|v| v.ty.as_deref()).is_some_and(|t| t == name && !t.ends_with("()"))
        {
            // `const line = new Function(…); line(req)`: calling an object made earlier, not making one.
            name.push_str(".call");
        }
        let receiver_expr = match &callee.kind {
            ExprKind::Attr { obj, .. } => Some(obj.as_ref()),
            _ => None,
        };
        // `new File(path).getCanonicalPath()`: a path canonicalised to be checked, not a file opened (what is
        // opened with the result is judged there, after any prefix check).
        let canonicalising = matches!(&callee.kind, ExprKind::Attr { name, .. } if matches!(name.as_str(), "getCanonicalPath" | "getCanonicalFile"))
            && matches!(receiver_expr.map(|r| &r.kind), Some(ExprKind::Call { new: true, .. }));
        let outer = std::mem::replace(&mut self.canonicalising, canonicalising);
        let receiver = receiver_expr.map(|r| self.expr(r)).unwrap_or_default();
        self.canonicalising = outer;
        let mut vals: Vec<Value> = Vec::with_capacity(args.len());
        for a in args {
            let v = self.expr(&a.value);
            vals.push(v);
        }
        // Callbacks: a lambda argument runs here; on a tainted receiver it receives the receiver's data; a promise's
        // `.catch` callback receives the exception.
        let method = name.rsplit('.').next().unwrap_or_default().trim_end_matches("()");
        for (a, v) in args.iter().zip(&vals) {
            if let Some((m, id)) = v.func
                && m == self.m
                && matches!(a.value.kind, ExprKind::Lambda(_))
            {
                let t = if matches!(method, "catch" | "exceptionally" | "rescue" | "on_error" | "onError") {
                    Some(Taint::source(
                        EXCEPTION,
                        self.m,
                        a.value.span,
                        "the callback receives the exception".to_string(),
                    ))
                } else {
                    receiver.taint.clone().map(|t| t.step(self.m, a.value.span, "passed to a callback"))
                };
                self.inline(id, t);
            }
        }
        // `const criteria = () => ({ $where: … }); col.find(criteria())`: a closure of this function called here
        // runs here, seeing this function's variables.
        if let ExprKind::Name(n) = &callee.kind
            && let Some((m, id)) = self.env.get(n).and_then(|v| v.func)
            && m == self.m
            && self.module.functions.get(id).is_some_and(|g| g.parent.is_some_and(|p| p != 0))
            && self.closures_run.insert(id)
        {
            // (Once per analysis: later calls use its summary, so closures calling closures cost no more than
            // their size.)
            let given = vals.iter().fold(None, |acc, v| join(acc, v.taint.clone()));
            return self.inline(id, given);
        }
        let consts: Vec<Option<Const>> = vals.iter().map(|v| v.konst.clone()).collect();
        let site =
            CallSite { callee: &name, args, consts: &consts, receiver: receiver.konst.as_ref(), new, span: e.span };
        self.call_checks(&site);
        self.note_content_type(&site);
        self.lambda_html_body(&site, &vals);
        // `super.authenticate(user, password)`: the base class's method taking as many arguments.
        let inherited = match &callee.kind {
            ExprKind::Attr { obj, name: method } if matches!(&obj.kind, ExprKind::Name(o) if o == "super") => {
                self.class.as_deref().and_then(|c| self.program.super_method(c, method, args.len()))
            }
            _ => None,
        };
        let resolved =
            inherited.map(|t| (t, true)).or_else(|| self.resolve_strength(callee, &name)).and_then(|(t, strong)| {
                self.program.overload(t, args.len()).map(|t| (self.program.implementation(t, args.len()), strong))
            });
        // A call that surely goes to the package's own function is judged by that function's summary, not by a
        // library sink of the same name (`db.query` of the package's `db.js`).
        if !resolved.is_some_and(|(_, strong)| strong) {
            self.sink_checks(&site, &vals, &receiver, receiver_expr);
            self.log_checks(&site, &vals);
            self.render_checks(&site, args, &vals);
        }
        self.callback_functions(args, &vals, &receiver);

        // `event.get("requestContext")`, ASGI `scope.get("root_path")`: set by the platform, not the caller.
        if matches!(site.method(), "get" | "fetch" | "dig") && site.str_arg(0, "").is_some_and(is_trusted_event_key) {
            return Value::default();
        }
        // Rack's `request.get_header("action_dispatch.backtrace_cleaner")`: an entry the server and middleware set,
        // not a client's header (`HTTP_*`) or the request line.
        if matches!(site.method(), "get_header" | "fetch_header")
            && site.str_arg(0, "").is_some_and(|k| !is_client_env_key(k))
        {
            return Value::default();
        }
        // Sanitizers and sources decide the result.
        if let Some(s) = self.comp.sanitizers.candidates(&name).find(|s| matches(s.pattern, &name)) {
            if s.kinds == ALL_KINDS {
                return Value { ty: Some(format!("{name}()")), ..Value::default() };
            }
            let taint = vals.iter().fold(receiver.taint.clone(), |acc, v| join(acc, v.taint.clone()));
            return Value { ty: Some(format!("{name}()")), ..Value::tainted(taint) }.sanitize(s.kinds);
        }
        if let Some(v) = guards::call_sanitizes(&site, &receiver) {
            return v;
        }
        if let Some(s) = self.comp.sources.candidates(&name).find(|s| matches(s.pattern, &name)) {
            let note = format!("`{}(…)` returns {}", short(&name), label_words(label_bit(s.label)));
            return Value {
                taint: Some(Taint::source(label_bit(s.label), self.m, e.span, note)),
                ty: Some(format!("{name}()")),
                ..Value::default()
            };
        }
        if let Some(v) = self.env_call_source(&site) {
            return v;
        }
        // Mutators put their arguments into the receiver (`sb.append(x)`, `cmd.add(x)`, `d.update(x)`); with a
        // constant key or a list position, into that element only.
        let arg_taint = vals.iter().fold(None, |acc, v| join(acc, v.taint.clone()));
        if let Some(r) = receiver_expr
            && let Some(p) = path(r)
            && self.container_put(&p, &site, &vals)
        {
        } else if let (Some(r), Some(t)) = (receiver_expr, arg_taint.clone())
            && (is_mutator(site.method()) || is_setter(site.method()))
            && let Some(p) = path(r)
        {
            let old = self.env.remove(&p).unwrap_or_default();
            let t = t.step(self.m, e.span, format!("added to `{p}`"));
            self.env.insert(p, old.join(Value::tainted(Some(t))));
        }
        if let Some((target, _)) = resolved {
            // Through an interface (`Part part = request.getPart(…); part.write(path)` runs `ApplicationPart.write`):
            // the implementation's own fields hold what its constructor set, not the caller's data.
            let target_fn = self.program.function(target);
            let target_class = target_fn.and_then(|f| f.class.as_deref());
            let declared = receiver.ty.as_deref().map(|t| t.rsplit('.').next().unwrap_or(t));
            let dispatched =
                matches!((declared, target_class), (Some(d), Some(c)) if d != c && self.program.class(d).is_some());
            let mut v = if dispatched {
                let object = Value { taint: None, ..receiver.clone() };
                self.apply_summary(target, callee, args, &vals, &object, e.span)
            } else {
                self.apply_summary(target, callee, args, &vals, &receiver, e.span)
            };
            if let Some(t) = v.taint.as_mut()
                && target_fn.is_some_and(|f| is_markup_encoder(&f.name))
            {
                // The package's own encoder (`hrefEncodeURI(raw)`, `escapeHtml(s)`): written for this, whatever
                // shortcut it takes (Jetty's returns its input unchanged when it holds nothing to encode).
                t.clean(Kind::Xss.bit());
            }
            if new && v.ty.is_none() {
                // `new Dao(db)` of a constructor function: an object of that make.
                v.ty = Some(name.clone());
            }
            let guessed = self.guessed_by_name(callee, &receiver);
            if guessed && let Some(t) = v.taint.as_mut() {
                // `resource.toURI()` matched the package's only `toURI` by name alone: what that class's fields
                // hold is not this receiver's; only what the arguments bring flows.
                t.labels = vals.iter().filter_map(|v| v.taint.as_ref()).fold(0, |acc, t| acc | t.labels);
                if t.labels == 0 && t.params == 0 {
                    v.taint = None;
                }
            }
            // A getter on a tainted object returns part of it (`order.getId()` on the event); a method matched by
            // its name alone may as well be the receiver's own (`request.GET.get("q")` in a module whose view class
            // has a `get`): the receiver's data flows as through any call.
            let getter =
                args.is_empty() && receiver_expr.is_some_and(|r| !matches!(&r.kind, ExprKind::Name(n) if is_self(n)));
            // An object a package constructor built is read field by field (its summary's field slots).
            if (getter && receiver.fields.is_none()) || guessed {
                v.taint = join(v.taint, receiver.taint.clone());
            }
            return v;
        }
        if let Some(v) = self.object_getter(&site, &receiver) {
            return v;
        }
        if let Some(v) = self.container_get(receiver_expr, &site) {
            return v;
        }
        if let (Some(Const::Dict(_)), "get" | "Get" | "getOrDefault" | "fetch") = (&receiver.konst, site.method()) {
            // `ROUTES.get(name, ROUTES["home"])` on a table of constants: one of its values or the default, never
            // the key (as `ROUTES[name]`).
            let default = vals.get(1).and_then(|v| v.taint.clone());
            return Value::tainted(join(receiver.taint.clone(), default));
        }
        let ty = if new && name.ends_with("PrintWriter") && vals.iter().any(is_string_buffer) {
            // `new PrintWriter(new StringWriter())`: what it prints goes into the buffer.
            vals.iter().find(|v| is_string_buffer(v)).and_then(|v| v.ty.clone())
        } else if new {
            Some(name.clone())
        } else {
            Some(format!("{name}()"))
        };
        let arg_taint = if hands_over_exchange(callee, args) {
            // `await interceptor(buffer, proxyRes, req, res)`: a function given the request and the response to
            // answer returns its own output, not the request; what else it was given still flows.
            args.iter()
                .zip(&vals)
                .filter(|(a, _)| exchange_object(&a.value).is_none())
                .fold(None, |acc, (_, v)| join(acc, v.taint.clone()))
        } else {
            arg_taint
        };
        let mut taint = join(receiver.taint, arg_taint);
        if let Some(t) = taint.as_mut()
            && let Some(host) = self.rebuilt_host(&site)
        {
            host.impose(t);
        }
        if self.runs_query(&site) {
            // A query's result is the database's rows, not the text or values it was given: a flaw in the query is
            // reported here, and rows read back are not request data (`HttpResponse(", ".join(u.name for u in
            // User.objects.raw(sql, [id])))`).
            taint = None;
        }
        if let Some(t) = taint.as_mut() {
            if self.is_sink_of(&site, Kind::Ssrf) {
                t.clean(Kind::LoggedCredential.bit());
            }
            if self.is_sink_of(&site, Kind::Path) || is_resource_lookup(site.method()) {
                // What a file holds is the file's, not the request's: the flaw is which file (path traversal,
                // reported here), not its bytes written back as HTML. A resource looked up by its path
                // (`servletContext.getResourceAsStream(p)`, Tomcat's `resources.getResource(p)`) is a served file.
                t.clean(Kind::Xss.bit());
            }
        }
        let konst = fold_call(site.method(), receiver.konst.as_ref(), &consts);
        Value { taint, konst, ty, ..Value::default() }
    }

    /// A dict literal's entries by key, so that `opts["limit"]` is what was written there, not the whole.
    fn dict_entries(&mut self, p: &str, entries: &[(Option<Expr>, Expr)]) {
        for (k, e) in entries {
            let key = match k.as_ref().map(|k| &k.kind) {
                Some(ExprKind::Str(s)) => s.clone(),
                Some(ExprKind::Name(n)) => n.clone(),
                _ => continue,
            };
            let v = self.expr(e);
            self.env.insert(format!("{p}[{key}]"), v.clone());
            self.env.insert(format!("{p}.{key}"), v);
        }
    }

    /// `map.put("k", v)` / `dict.store("k", v)` → the element `p[k]`; `list.add(v)` → the next position;
    /// `list.remove(i)` shifts the positions after it. Returns whether the call was such an update.
    fn container_put(&mut self, p: &str, site: &CallSite, vals: &[Value]) -> bool {
        let method = site.method();
        let elements = |env: &Env| -> Option<usize> { Some(env.count_prefixed(&format!("{p}[#"))) };
        match (method, site.args.len()) {
            ("put" | "Add" | "store" | "set" | "setdefault" | "put_if_absent" | "putIfAbsent", 2) => {
                let (Some(Const::Str(key)), Some(v)) = (site.consts.first().cloned().flatten(), vals.get(1)) else {
                    return false;
                };
                self.env.insert(format!("{p}[{key}]"), v.clone());
                true
            }
            ("add" | "push" | "append" | "Add" | "addLast" | "offer" | "<<", 1) => {
                let Some(n) = elements(&self.env) else { return false };
                if !self.env.contains_key(p) || self.env.get(p).is_some_and(|v| v.taint.is_some()) {
                    // Not a list the function built itself: the element joins the whole.
                    return false;
                }
                if let Some(v) = vals.first() {
                    self.env.insert(format!("{p}[#{n}]"), v.clone());
                }
                true
            }
            ("remove" | "RemoveAt", 1) => {
                let Some(Const::Num(i)) = site.consts.first().cloned().flatten() else { return false };
                let Some(n) = elements(&self.env) else { return false };
                if n == 0 || i < 0.0 {
                    return false;
                }
                let i = i as usize;
                for j in i..n {
                    let next = self.env.remove(&format!("{p}[#{}]", j + 1));
                    match next {
                        Some(v) => {
                            self.env.insert(format!("{p}[#{j}]"), v);
                        }
                        None => {
                            self.env.remove(&format!("{p}[#{j}]"));
                        }
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// `map.get("k")` after `map.put("k", v)`, `list.get(1)` after `add`s: that element.
    fn container_get(&self, receiver: Option<&Expr>, site: &CallSite) -> Option<Value> {
        let p = path(receiver?)?;
        let key = match (site.method(), site.consts.first().cloned().flatten()) {
            ("get" | "Get" | "fetch" | "getOrDefault" | "GetValueOrDefault" | "dig", Some(Const::Str(k))) => {
                format!("{p}[{k}]")
            }
            ("get" | "Get" | "ElementAt" | "elementAt", Some(Const::Num(i))) if i >= 0.0 => {
                format!("{p}[#{}]", i as usize)
            }
            _ => return None,
        };
        if self.env.count_prefixed(&format!("{p}[")) > 0 {
            return Some(self.env.get(&key).cloned().unwrap_or_default());
        }
        None
    }

    /// `records.forEach(processRecord)`: a named user function given as a callback on a tainted receiver gets the
    /// receiver's data as its first argument.
    fn callback_functions(&mut self, args: &[Arg], vals: &[Value], receiver: &Value) {
        let Some(t) = &receiver.taint else { return };
        for (a, v) in args.iter().zip(vals) {
            if v.func.is_some() || !matches!(a.value.kind, ExprKind::Name(_)) {
                continue;
            }
            let Some(target) = self.resolve(&a.value, "") else { continue };
            let element = Value::tainted(Some(t.step(self.m, a.value.span, "passed to a callback")));
            let synthetic = [Arg { name: None, value: a.value.clone(), spread: false }];
            self.apply_summary(target, &a.value, &synthetic, &[element], &Value::default(), a.value.span);
        }
    }

    /// `urlunparse(parts)` / `urlunsplit(parts)` of `parts = list(urlparse(url)); parts[4] = urlencode(query)`:
    /// the URL still points where `url` did, so the host is decided by `url` alone, not by the query.
    fn rebuilt_host(&self, site: &CallSite) -> Option<Host> {
        if !matches!(site.method(), "urlunparse" | "urlunsplit") {
            return None;
        }
        let p = site.arg(0, "").and_then(|a| path(&a.value))?;
        let v = self.env.get(&p)?;
        if (0..2).any(|i| self.env.get(&format!("{p}[{i}]")).is_some_and(|v| v.taint.is_some())) {
            return None;
        }
        Some(match &v.taint {
            None => Host::Fixed,
            Some(t) if t.clean_for(Kind::Redirect.bit()) => Host::Fixed,
            Some(t) => Host::As { held: t.host_held(), params: t.host_params },
        })
    }

    /// `os.environ.get("DB_PASSWORD")`, `System.getenv("API_KEY")`.
    fn env_call_source(&self, site: &CallSite) -> Option<Value> {
        let key = site.str_arg(0, "")?;
        if !is_secret_name(key) || !ENV_CALLS.iter().any(|p| matches(p, site.callee)) {
            return None;
        }
        let note = format!("`{key}` is a secret from the environment");
        Some(Value::tainted(Some(Taint::source(CREDENTIAL, self.m, site.span, note))))
    }

    fn call_checks(&mut self, site: &CallSite) {
        for (rule, check) in self.comp.calls.candidates(site.callee) {
            if matches(check.pattern, site.callee) && check.when.is_none_or(|w| w(site)) {
                self.hits.push(Hit {
                    rule,
                    module: self.m,
                    span: site.span,
                    message: check.message.to_string(),
                    trace: Vec::new(),
                });
            }
        }
    }

    /// The index of the current function's parameter an expression names (`writer` in `writer.println(x)`).
    fn param_named(&self, e: &Expr) -> Option<usize> {
        let ExprKind::Name(n) = &e.kind else { return None };
        let func = self.program.modules.get(self.me.0)?.functions.get(self.me.1)?;
        func.params.iter().position(|p| &p.name == n)
    }

    fn sink_checks(&mut self, site: &CallSite, vals: &[Value], receiver: &Value, receiver_expr: Option<&Expr>) {
        for sink in self.comp.sinks.candidates(site.callee) {
            if !matches(sink.pattern, site.callee) || !sink.when.is_none_or(|w| w(site)) {
                continue;
            }
            let selected: Vec<(&Value, Span)> = match sink.args {
                Args::Any => vals.iter().zip(site.args).map(|(v, a)| (v, a.value.span)).collect(),
                Args::First => site
                    .position(0, "")
                    .and_then(|i| vals.get(i).zip(site.args.get(i)))
                    .map(|(v, a)| (v, a.value.span))
                    .into_iter()
                    .collect(),
                Args::At(i, n) => site
                    .position(i, n)
                    .and_then(|i| vals.get(i).zip(site.args.get(i)))
                    .map(|(v, a)| (v, a.value.span))
                    .into_iter()
                    .collect(),
                Args::From(i) => vals.iter().zip(site.args).skip(i).map(|(v, a)| (v, a.value.span)).collect(),
                Args::Receiver => vec![(receiver, site.span)],
            };
            if sink.kind == Kind::Xss && self.content_now == Some(false) {
                // Written after this function set a non-HTML content type.
                continue;
            }
            if sink.kind == Kind::Path && std::mem::take(&mut self.canonicalising) {
                continue;
            }
            // Into a writer this function was given, with no content type of its own: the caller's to judge.
            let defer = (sink.kind == Kind::Xss && self.content_now.is_none() && !self.html_type)
                .then(|| receiver_expr.and_then(|r| self.param_named(r)))
                .flatten();
            for (v, _) in selected {
                if let Some(t) = &v.taint {
                    match defer {
                        Some(p) => {
                            let (hits, sinks) = (self.hits.len(), self.sinks.len());
                            self.sink_hit(sink.kind, t, site.callee, site.span);
                            for hit in self.hits.drain(hits..) {
                                self.deferred.push((p, hit));
                            }
                            for reach in self.sinks.iter_mut().skip(sinks) {
                                reach.writer = Some(p);
                            }
                        }
                        None => self.sink_hit(sink.kind, t, site.callee, site.span),
                    }
                }
            }
        }
    }

    /// Whether the call is a sink of `kind` by its name, whatever its arguments: one that sends an HTTP request
    /// (`Ssrf`) returns the server's answer, which holds none of the credentials the request was sent with; one that
    /// opens a file by its path (`Path`) returns the file's bytes, not the request's.
    fn is_sink_of(&self, site: &CallSite, kind: Kind) -> bool {
        self.comp.sinks.candidates(site.callee).any(|s| s.kind == kind && matches(s.pattern, site.callee))
    }

    /// A call that runs SQL text (a SQL sink given a query that reads like SQL: `pool.query("… WHERE id = $1",
    /// [id])`, `User.objects.raw(sql, [id])` with `sql` a constant query).
    fn runs_query(&self, site: &CallSite) -> bool {
        let text = site.position(0, "").and_then(|i| site.args.get(i).zip(site.consts.get(i)));
        let sql_text = text.is_some_and(|(a, c)| {
            crate::tables::sqlish(&a.value, 0)
                || c.as_ref().and_then(Const::as_str).is_some_and(crate::tables::reads_like_sql)
        });
        sql_text && self.is_sink_of(site, Kind::Sql)
    }

    /// A tainted value at a sink: a finding if it carries a real source, a summary entry if it came from parameters.
    pub(super) fn sink_hit(&mut self, kind: Kind, t: &Taint, callee: &str, span: Span) {
        if t.fires(kind)
            && let Some(rule) = self.comp.rule_for(kind)
        {
            let mut trace = t.steps();
            trace.push((self.m, span, format!("reaches `{}`", short(callee))));
            self.hits.push(Hit { rule, module: self.m, span, message: sink_message(kind, callee), trace });
        }
        if t.reaches_from_params(kind) {
            let mut steps = t.steps();
            steps.push((self.m, span, format!("reaches `{}`", short(callee))));
            self.sinks.push(SinkReach {
                params: t.params_reaching(kind),
                kind,
                module: self.m,
                span,
                callee: callee.to_string(),
                steps,
                writer: None,
            });
        }
    }

    /// Log calls: input (log injection), secrets (logged credentials) and the whole event (information leak).
    fn log_checks(&mut self, site: &CallSite, vals: &[Value]) {
        // Standard output is the log in Lambda, but printing input is too common to call injection.
        let stdout = matches!(
            site.method(),
            "print"
                | "log"
                | "info"
                | "error"
                | "warn"
                | "debug"
                | "puts"
                | "p"
                | "pp"
                | "println"
                | "printf"
                | "WriteLine"
                | "Write"
        ) && STDOUT.iter().any(|p| matches(p, site.callee));
        if !stdout && !self.comp.logs.candidates(site.callee).any(|p| matches(p, site.callee)) {
            return;
        }
        // `debug("%j", x)`, `util.format("%o", x)`, Python's `log.info("%r", x)`: the value is written encoded
        // (JSON, inspected, repr), its line breaks escaped.
        let encoded: Vec<bool> = match site.consts.first().and_then(|c| c.as_ref()).and_then(Const::as_str) {
            Some(format) => placeholders(format)
                .map(|c| match self.module.lang.family() {
                    Lang::JavaScript => matches!(c, 'j' | 'o' | 'O'),
                    Lang::Python => c == 'r',
                    _ => false,
                })
                .collect(),
            None => Vec::new(),
        };
        for (i, (a, v)) in site.args.iter().zip(vals).enumerate() {
            if i > 0 && encoded.get(i - 1).copied().unwrap_or(false) {
                if let Some(t) = &v.taint {
                    self.sink_hit(Kind::LoggedCredential, t, site.callee, site.span);
                }
                continue;
            }
            if a.name.is_some() || matches!(a.value.kind, ExprKind::Dict(_)) {
                // `extra={...}`, `exc_info=`, pino's `logger.warn({ user }, "msg")`: structured fields, encoded by
                // the logger, not the message.
                continue;
            }
            let whole = self.is_whole_event(&a.value);
            if let Some(t) = &v.taint {
                if !stdout && !whole {
                    self.sink_hit(Kind::Log, t, site.callee, site.span);
                }
                self.sink_hit(Kind::LoggedCredential, t, site.callee, site.span);
            }
            if whole
                && let Some(rule) =
                    crate::rules::registry::of(self.module.lang).iter().find(|r| r.slug == "sensitive-information-leak")
            {
                self.hits.push(Hit {
                    rule,
                    module: self.m,
                    span: site.span,
                    message: "the whole Lambda event is written to the logs".to_string(),
                    trace: Vec::new(),
                });
            }
        }
    }

    /// `event`, `json.dumps(event)`, `f"{event}"`, `JSON.stringify(event)`.
    fn is_whole_event(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name(n) => self.event_names.contains(n),
            ExprKind::Call { args, callee, .. } => {
                // `event.toString()`, `event.to_json`: the whole event, serialised.
                let serialised = args.is_empty()
                    && matches!(&callee.kind, ExprKind::Attr { obj, name } if self.is_whole_event(obj)
                        && matches!(name.as_str(), "toString" | "ToString" | "to_s" | "to_json" | "inspect" | "__str__" | "toJSON"));
                serialised || args.len() <= 3 && args.first().is_some_and(|a| self.is_whole_event(&a.value))
            }
            ExprKind::Concat(parts) => parts.iter().any(|p| self.is_whole_event(p)),
            // Ruby `event.to_json`, `event.inspect` (no parentheses).
            ExprKind::Attr { obj, name } => {
                matches!(name.as_str(), "to_json" | "inspect" | "to_s" | "to_h") && self.is_whole_event(obj)
            }
            ExprKind::Binary { op, left, right } if op == "+" || op == "%" => {
                self.is_whole_event(left) || self.is_whole_event(right)
            }
            _ => false,
        }
    }

    /// A Lambda handler's response: exception details in it, input in an HTML body, or a redirect to input.
    fn check_response(&mut self, e: &Expr, v: &Value, span: Span) {
        let Some(t) = &v.taint else { return };
        if (self.lambda_handler || self.body_route)
            && t.fires(Kind::StackTrace)
            && let Some(rule) = self.comp.rule_for(Kind::StackTrace)
        {
            let mut trace = t.steps();
            trace.push((self.m, span, "returned to the caller".to_string()));
            self.hits.push(Hit {
                rule,
                module: self.m,
                span,
                message: "exception details are returned to the caller".into(),
                trace,
            });
        }
        if self.body_route
            && contains_html_literal(e)
            && let Some(ht) = &v.taint
        {
            // A Flask view or a Spring `@GetMapping` method returning a string sends it as text/html.
            self.sink_hit(Kind::Xss, ht, "an HTML response body", span);
        }
        if starts_with_literal(e, "redirect:")
            && let Some(rt) = &v.taint
        {
            // Spring MVC: a view name `redirect:<url>` redirects.
            self.sink_hit(Kind::Redirect, rt, "a `redirect:` view name", span);
        }
        let ExprKind::Dict(entries) = &e.kind else { return };
        let is_response = entries.iter().any(|(k, _)| {
            k.as_ref()
                .and_then(|k| k.as_str())
                .is_some_and(|k| matches!(k, "statusCode" | "headers" | "StatusCode" | "Headers"))
        });
        if !self.lambda_handler && !is_response {
            return;
        }
        let key_of = |k: &Option<Expr>| k.as_ref().and_then(|k| k.as_str().map(str::to_string).or_else(|| k.dotted()));
        let html = entries.iter().any(|(k, val)| {
            key_of(k).is_some_and(|k| k.eq_ignore_ascii_case("headers")) && dict_has(val, "content-type", "html")
        });
        for (k, val) in entries {
            let Some(key) = key_of(k) else { continue };
            if key.eq_ignore_ascii_case("body") && html {
                let bv = self.expr(val);
                if let Some(bt) = bv.taint {
                    self.sink_hit(Kind::Xss, &bt, "an HTML response body", val.span);
                }
            }
            if key.eq_ignore_ascii_case("headers")
                && let ExprKind::Dict(headers) = &val.kind
            {
                for (hk, hv) in headers {
                    if key_of(hk).is_some_and(|h| h.eq_ignore_ascii_case("location")) {
                        let lv = self.expr(hv);
                        if let Some(lt) = lv.taint {
                            self.sink_hit(Kind::Redirect, &lt, "the Location header", hv.span);
                        }
                    }
                }
            }
        }
    }

    /// The user function a call goes to, if any.
    /// The user function a call goes to, and whether the call names it for sure (by its own module, an import or
    /// `self`) rather than by the only method of that name.
    fn resolve_strength(&self, callee: &Expr, name: &str) -> Option<(FnRef, bool)> {
        let target = self.resolve(callee, name)?;
        let weak = match &callee.kind {
            ExprKind::Attr { obj, .. } => !self.is_self_or_module(obj),
            _ => false,
        };
        Some((target, !weak))
    }

    /// `self`/`this`, or a name bound by an import (a module, a class): a receiver whose methods are known.
    fn is_self_or_module(&self, obj: &Expr) -> bool {
        matches!(&obj.kind, ExprKind::Name(o) if is_self(o) || (!self.env.contains_key(o) && self.module.import(o).is_some()))
    }

    /// Whether a method call's target was found by its name alone: a receiver of no known type or class whose
    /// method name is unique in the package.
    fn guessed_by_name(&self, callee: &Expr, receiver: &Value) -> bool {
        let ExprKind::Attr { obj, .. } = &callee.kind else { return false };
        let known =
            self.is_self_or_module(obj) || matches!(&obj.kind, ExprKind::Name(o) if self.program.class(o).is_some());
        !known && receiver.ty.as_deref().is_none_or(|t| self.program.class(t.rsplit('.').next().unwrap_or(t)).is_none())
    }

    fn resolve(&self, callee: &Expr, name: &str) -> Option<FnRef> {
        let p = self.program;
        if let Some(own) = delegated_constructor(callee) {
            // `this(…)`/`super(…)` (Java, JavaScript), `super().__init__(…)` (Python) in a constructor: another
            // constructor of this class or of its base fills this object.
            let (m, class) = p.class(self.class.as_deref()?)?;
            if own {
                return constructor(p, m, class);
            }
            let base = simple_type(class.bases.first()?);
            let (bm, base_class) = p.class(base.rsplit('.').next().unwrap_or(&base))?;
            return constructor(p, bm, base_class);
        }
        match &callee.kind {
            ExprKind::Name(n) => {
                if self.env.get(n).is_some_and(|v| v.func.is_none()) {
                    return None;
                }
                if let Some(f) = p.function_in(self.m, n, None) {
                    return Some(f);
                }
                if let Some(c) = &self.class
                    && let Some(f) = p.function_in(self.m, n, Some(c))
                {
                    return Some(f);
                }
                if let Some(target) = self.module.import(n)
                    && let Some((module, func)) = target.rsplit_once('.')
                    && let Some(m) = p.module_named(module)
                {
                    return p.exported_function(m, func);
                }
                if let Some((m, class)) = p.class(n) {
                    return constructor(p, m, class);
                }
                // `from helpers import *`, Ruby `require_relative`: the package's only function of that name.
                p.unique(n).filter(|f| p.function(*f).is_some_and(|func| func.class.is_none()))
            }
            ExprKind::Attr { obj, name: method } => {
                if let ExprKind::Name(o) = &obj.kind {
                    if is_self(o) {
                        return self.class.as_deref().and_then(|c| p.function_in(self.m, method, Some(c)));
                    }
                    if !self.env.contains_key(o)
                        && let Some(target) = self.module.import(o)
                        && let Some(m) = p.module_named(target)
                    {
                        return p.exported_function(m, method);
                    }
                    if let Some(f) = p.object_method(self.m, o, method) {
                        return Some(f);
                    }
                    if let Some((m, class)) = p.class(o) {
                        if let Some(f) = p.function_in(m, method, Some(&class.name)) {
                            return Some(f);
                        }
                        if method == "new" {
                            // Ruby `Klass.new(args)` runs `initialize`.
                            return constructor(p, m, class);
                        }
                    }
                }
                let recv_ty = name.rsplit_once('.').map(|(t, _)| t).unwrap_or_default();
                let ty_last = recv_ty.rsplit('.').next().unwrap_or(recv_ty);
                if let Some((m, class)) = p.class_qualified(recv_ty).or_else(|| p.class(ty_last))
                    && let Some(f) =
                        p.function_in(m, method, Some(&class.name)).or_else(|| p.implementing(&class.name, method))
                {
                    return Some(f);
                }
                if let Some(f) = p.constructor_method(ty_last, method) {
                    return Some(f);
                }
                let f = p.unique(method)?;
                // An unknown receiver: only a method of a user class, never a same-named library call; and not a
                // response's method on a request (`@request.set_header` is not `Response#set_header`).
                let receiver = match &obj.kind {
                    ExprKind::Name(n) | ExprKind::Attr { name: n, .. } => n.to_ascii_lowercase(),
                    _ => String::new(),
                };
                p.function(f)
                    .and_then(|func| func.class.as_deref())
                    .is_some_and(|class| {
                        !(receiver.contains("request") && class.contains("Response")
                            || receiver.contains("response") && class.contains("Request"))
                    })
                    .then_some(f)
            }
            _ => None,
        }
    }

    fn apply_summary(
        &mut self,
        target: FnRef,
        callee: &Expr,
        args: &[Arg],
        vals: &[Value],
        receiver: &Value,
        span: Span,
    ) -> Value {
        let Some(func) = self.program.function(target) else {
            return Value::default();
        };
        // Python methods take the receiver as their first parameter.
        let explicit_self = func.params.first().is_some_and(|p| is_self(&p.name));
        let via_instance = matches!(&callee.kind, ExprKind::Attr { obj, .. } if !matches!(&obj.kind, ExprKind::Name(n) if n.chars().next().is_some_and(char::is_uppercase)));
        // `Job(event)` runs `__init__(self, event)`: the arguments start after `self` there too.
        let offset = usize::from(explicit_self && (via_instance || func.is_constructor()));
        let mut bound: Vec<Option<Taint>> = vec![None; func.params.len()];
        if offset == 1
            && let Some(slot) = bound.first_mut()
        {
            *slot = receiver.taint.clone();
        }
        let mut positional = 0;
        // The argument each parameter was given (by position in `args`).
        let mut arg_of: Vec<Option<usize>> = vec![None; func.params.len()];
        for (k, (a, v)) in args.iter().zip(vals).enumerate() {
            let index = match &a.name {
                Some(n) => func.params.iter().position(|p| &p.name == n),
                None => {
                    let i = positional + offset;
                    positional += 1;
                    if i < func.params.len() { Some(i) } else { func.params.len().checked_sub(1) }
                }
            };
            if let Some(slot) = index.and_then(|i| arg_of.get_mut(i)) {
                *slot = Some(k);
            }
            if let Some(slot) = index.and_then(|i| bound.get_mut(i)) {
                let t = v.taint.clone().map(|t| {
                    let pname = func.params.get(index.unwrap_or(0)).map_or("?", |p| p.name.as_str());
                    t.step(self.m, a.value.span, format!("passed to `{}({pname})`", func.name))
                });
                *slot = join(slot.take(), t);
            }
        }
        self.bind_props(func, args, vals, &arg_of, &mut bound);
        let is_ctor = func.is_constructor();
        self.deps.push(target);
        let summary = self.program.summaries.get(&target).cloned();

        let Some(summary) = summary else {
            // Not summarised yet (first round): data flows through.
            let taint = bound.into_iter().fold(None, join);
            return Value::tainted(taint);
        };
        let fields_read = (summary.ret_params
            | summary.sinks.iter().fold(0, |acc, s| acc | s.params)
            | summary.field_params.iter().fold(0, |acc, (_, p)| acc | p))
            & FIELD_BITS;
        if fields_read != 0 {
            self.bind_object(target.0, func, callee, receiver, &mut bound, fields_read, span);
        }
        for reach in &summary.sinks {
            if reach.kind == Kind::Xss && self.content_now == Some(false) {
                continue;
            }
            // The writer it writes into, as given here: a string buffer is no response; this function's own writer
            // parameter hands the question on to its callers.
            let writer_arg = reach.writer.and_then(|w| arg_of.get(w).copied().flatten());
            if writer_arg.and_then(|k| vals.get(k)).is_some_and(is_string_buffer) {
                continue;
            }
            let handed_writer = writer_arg.and_then(|k| args.get(k)).and_then(|a| self.param_named(&a.value));
            for (i, t) in bound.iter().enumerate() {
                let Some(t) = t else { continue };
                if i >= 64 || reach.params & (1 << i) == 0 {
                    continue;
                }
                if t.fires(reach.kind)
                    && let Some(rule) =
                        Compiled::of(self.program.modules.get(reach.module).map_or(self.module.lang, |m| m.lang))
                            .rule_for(reach.kind)
                {
                    let mut trace = t.steps();
                    trace.extend(reach.steps.iter().skip(1).cloned());
                    self.hits.push(Hit {
                        rule,
                        module: reach.module,
                        span: reach.span,
                        message: sink_message(reach.kind, &reach.callee),
                        trace,
                    });
                }
                // A recursive call's summary is the one being computed: its sinks reached from parameters are
                // this body's own (kept alive through itself, a flow an earlier round over-approximated would never
                // go away).
                if t.reaches_from_params(reach.kind) && target != self.me {
                    let mut steps = t.steps();
                    steps.extend(reach.steps.iter().skip(1).cloned());
                    self.sinks.push(SinkReach {
                        params: t.params_reaching(reach.kind),
                        steps,
                        writer: handed_writer,
                        ..reach.clone()
                    });
                }
            }
        }
        if self.content_now != Some(false) {
            for (p, hit) in &summary.deferred {
                let given = arg_of.get(*p).copied().flatten();
                // A writer over a string buffer (`new PrintWriter(new StringWriter())`) writes no response.
                if given.and_then(|k| vals.get(k)).is_some_and(is_string_buffer) {
                    continue;
                }
                // The writer handed on from this function's own parameter: still the caller's to judge.
                let handed = given
                    .and_then(|k| args.get(k))
                    .and_then(|a| self.param_named(&a.value))
                    .filter(|_| self.content_now.is_none() && !self.html_type);
                match handed {
                    Some(q) => self.deferred.push((q, hit.clone())),
                    None => self.hits.push(hit.clone()),
                }
            }
        }
        let mut taint = summary.ret.clone().map(|t| t.step(self.m, span, format!("returned by `{}`", func.name)));
        for (i, t) in bound.iter().cloned().enumerate() {
            if i < 64 && summary.ret_params & (1 << i) != 0 {
                let t = t.map(|mut t| {
                    t.clean(summary.ret_sanitized.of(i));
                    if summary.ret_host_params & (1 << i) == 0 {
                        // This argument's data is returned, but something else decides where the result points.
                        t.fix_host();
                    }
                    for (m, s, note) in summary.ret_steps.iter().skip(1) {
                        t = t.step(*m, *s, note.clone());
                    }
                    t.step(self.m, span, format!("returned by `{}`", func.name))
                });
                taint = join(taint, t);
            }
        }
        // A constructor's arguments stay in the object it returns (which carries them); only a setter's go to the
        // class's field store.
        // `this(…)`/`super(…)`: the constructor delegated to fills this very object.
        let delegation = is_ctor && delegated_constructor(callee).is_some();
        let on_this = is_this_call(callee) || delegation;
        for (field, params) in summary.field_params.iter().filter(|_| !is_ctor || delegation) {
            for (i, t) in bound.iter().enumerate() {
                let Some(t) = t.as_ref().filter(|_| i < 64 && params & (1 << i) != 0) else { continue };
                if t.labels != 0 {
                    // The object remembers what its setter was given.
                    let mut t = t.clone();
                    t.params = 0;
                    t.host_params = 0;
                    self.fields.push((target.0, field.clone(), Value::tainted(Some(t))));
                }
                if on_this && t.params != 0 {
                    // `this.parseParts()` fills this object's `parts` from what this method was given.
                    self.field_params.push((field.clone(), t.params));
                }
            }
        }
        if is_ctor {
            let all = vals.iter().fold(None, |acc, v| join(acc, v.taint.clone()));
            let mut fields = Fields::default();
            for (field, params) in &summary.field_params {
                let given = bound.iter().take(FIRST_FIELD_SLOT).enumerate().filter(|(i, _)| params & (1 << i) != 0);
                fields.add(field, given.fold(None, |acc, (_, t)| join(acc, t.clone())));
            }
            // A constructor given data that it stores in no field the engine sees (`Object.assign(this, opts)`,
            // `**kwargs`): its fields are unknown, so they hold all of it.
            let unknown = summary.field_params.is_empty() && all.is_some();
            return Value {
                taint: all,
                ty: func.class.clone(),
                fields: (!unknown).then(|| std::sync::Arc::new(fields)),
                ..Value::default()
            };
        }
        Value { taint, ty: summary.ret_ty.clone(), ..Value::default() }
    }
}

impl Fx<'_, '_> {
    /// Binds the properties of a callee's destructured parameters: an object literal's own entries
    /// (`send({ reply, route: pathname })`), or else all of the argument's data.
    fn bind_props(
        &self,
        func: &Function,
        args: &[Arg],
        vals: &[Value],
        arg_of: &[Option<usize>],
        bound: &mut Vec<Option<Taint>>,
    ) {
        for (i, prop, bit) in func.prop_params().filter(|(_, _, bit)| *bit < FIRST_FIELD_SLOT) {
            let Some(k) = arg_of.get(i).copied().flatten() else { continue };
            let (Some(arg), Some(v)) = (args.get(k), vals.get(k)) else { continue };
            let given = match (&arg.value.kind, &v.fields) {
                (ExprKind::Dict(_), Some(fields)) => fields.get(prop).cloned(),
                _ => v.taint.clone(),
            };
            if bound.len() <= bit {
                bound.resize(bit + 1, None);
            }
            if let Some(slot) = bound.get_mut(bit) {
                *slot = given.map(|t| t.step(self.m, arg.value.span, format!("passed to `{}({{{prop}}})`", func.name)));
            }
        }
    }

    /// Binds the field slots `wanted` of a method's summary to the object it is called on: the fields a package
    /// constructor gave it, or else the receiver's data; on `this`, this method's own field slots; in a constructor,
    /// everything it is given.
    #[allow(clippy::too_many_arguments)]
    fn bind_object(
        &self,
        module: usize,
        func: &Function,
        callee: &Expr,
        receiver: &Value,
        bound: &mut Vec<Option<Taint>>,
        wanted: u64,
        span: Span,
    ) {
        if !func.is_instance_method() || bound.len() > FIRST_FIELD_SLOT {
            return;
        }
        let on_this = is_this_call(callee);
        bound.resize(64, None);
        for (slot, s) in bound.iter_mut().enumerate().skip(FIRST_FIELD_SLOT) {
            if wanted & (1 << slot) == 0 {
                continue;
            }
            let names = self.program.slot_fields(module, slot);
            *s = if on_this && self.instance_method {
                // The same object: the callee's fields are this method's own field slots.
                names
                    .iter()
                    .filter_map(|n| self.program.field_slot(self.m, n))
                    .map(|own| Taint::param(own, self.m, span, "this object".to_string()))
                    .fold(None, |acc, t| join(acc, Some(t)))
            } else if on_this {
                self.constructed.clone()
            } else {
                let t = match &receiver.fields {
                    Some(fields) => {
                        names.iter().filter_map(|n| fields.get(n).cloned()).fold(None, |acc, t| join(acc, Some(t)))
                    }
                    None => receiver.taint.clone(),
                };
                t.map(|t| t.step(self.m, span, format!("the object `{}` is called on", func.name)))
            };
        }
    }

    /// `name.getDisplay()`, a plain getter (left out of the class's methods), on an object a package constructor
    /// built: that field of that object, and what setters and sources put in the field of any object.
    fn object_getter(&self, site: &CallSite, receiver: &Value) -> Option<Value> {
        let fields = receiver.fields.as_ref()?;
        let ty = receiver.ty.as_deref()?;
        let (m, class) = self.program.class(ty.rsplit('.').next().unwrap_or(ty))?;
        let (_, field) = class.getters.iter().find(|(getter, _)| getter == site.method())?;
        let stored = self.program.fields.get(&(m, field.clone())).cloned().unwrap_or_default();
        let own = fields.get(field).map(|t| t.step(self.m, site.span, format!("field `{field}` of the object")));
        Some(Value { taint: join(stored.taint, own), ty: stored.ty, ..Value::default() })
    }

    /// A field read in a method: what the class's field store holds (data set by setters and read from sources
    /// anywhere) and, for a field the constructor sets from its arguments, the object's own data.
    fn field(&self, name: &str, span: Span) -> Option<Value> {
        let stored = self.program.fields.get(&(self.m, name.to_string())).cloned();
        let Some(slot) = self.program.field_slot(self.m, name).filter(|_| self.instance_method) else {
            return stored;
        };
        let object = Taint::param(slot, self.m, span, format!("field `{name}` of the object"));
        Some(stored.unwrap_or_default().join(Value::tainted(Some(object))))
    }
}

/// A function named as an HTML, XML or URL encoder: `escapeHtml`, `htmlEncode`, `hrefEncodeURI`, `sanitizeXml`,
/// `encodeURL`.
fn is_markup_encoder(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["escape", "encode", "sanitize", "quote"].iter().any(|w| n.contains(w))
        && ["html", "xml", "uri", "url", "href", "attr"].iter().any(|w| n.contains(w))
}

/// A `StringWriter` (or a writer made over one): text written to it stays in memory.
fn is_string_buffer(v: &Value) -> bool {
    v.ty.as_deref().is_some_and(|t| t.ends_with("StringWriter"))
}

/// A call of a function value (a callback, a handler) given both the whole request and the whole response
/// (`handler(req, res)`, `interceptor(buffer, proxyRes, req, res)`).
fn hands_over_exchange(callee: &Expr, args: &[Arg]) -> bool {
    let given = |request| args.iter().any(|a| exchange_object(&a.value) == Some(request));
    matches!(callee.kind, ExprKind::Name(_)) && given(true) && given(false)
}

/// `req` (Some(true)) or `res` (Some(false)): the request or response object itself, passed whole.
fn exchange_object(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Name(n) if matches!(n.as_str(), "req" | "request") => Some(true),
        ExprKind::Name(n) if matches!(n.as_str(), "res" | "response" | "reply") => Some(false),
        _ => None,
    }
}

/// A constructor calling another on the same object: `this(…)` (Some(true)), `super(…)` or Python's
/// `super().__init__(…)` (Some(false)).
fn delegated_constructor(callee: &Expr) -> Option<bool> {
    match &callee.kind {
        ExprKind::Name(n) if n == "this" => Some(true),
        ExprKind::Name(n) if n == "super" => Some(false),
        ExprKind::Attr { obj, name } if name == "__init__" => match &obj.kind {
            ExprKind::Call { callee, .. } if matches!(&callee.kind, ExprKind::Name(n) if n == "super") => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// `helper()`, `this.helper()`, `super.helper()`: a call on the object the caller runs on.
fn is_this_call(callee: &Expr) -> bool {
    match &callee.kind {
        ExprKind::Name(_) => true,
        ExprKind::Attr { obj, .. } => matches!(&obj.kind, ExprKind::Name(n) if is_self(n) || n == "super"),
        _ => false,
    }
}

fn constructor(p: &Program, m: usize, class: &crate::ir::Class) -> Option<FnRef> {
    let module = p.modules.get(m)?;
    class.methods.iter().find(|&&f| module.functions.get(f).is_some_and(Function::is_constructor)).map(|&f| (m, f))
}

/// Writers to standard output (Lambda sends it to CloudWatch Logs).
const STDOUT: &[&str] = &[
    "print",
    "console.log",
    "console.info",
    "console.error",
    "console.warn",
    "console.debug",
    "puts",
    "p",
    "pp",
    "**.System.out.println",
    "**.System.out.print",
    "**.System.out.printf",
    "**.System.err.println",
    "**.Console.WriteLine",
    "**.Console.Write",
    "**.Console.Error.WriteLine",
    "$stdout.puts",
    "STDOUT.puts",
    "$stderr.puts",
    "STDERR.puts",
    "warn",
    "**.LambdaLogger.log",
    "**.getLogger().log",
];

/// Parts of Lambda events that AWS fills in, not the caller: the request context (ids, stage, account, the
/// authorizer's verified claims) and stage variables.
/// Rack/CGI environment keys a client controls: its headers, the request line, the body.
/// Methods that look a resource up by its path and return it (its content, its listing), in the servlet API, class
/// loaders and servers' resource roots.
fn is_resource_lookup(method: &str) -> bool {
    matches!(
        method,
        "getResource" | "getResourceAsStream" | "getResources" | "listResources" | "getClassLoaderResource"
    )
}

/// `request.env` (an attribute, or a call without arguments).
fn is_rack_env(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Attr { name, .. } => name == "env",
        ExprKind::Call { callee, args, .. } => args.is_empty() && is_rack_env(callee),
        _ => false,
    }
}

fn is_client_env_key(key: &str) -> bool {
    key.starts_with("HTTP_")
        || matches!(
            key,
            "QUERY_STRING"
                | "PATH_INFO"
                | "REQUEST_URI"
                | "REQUEST_PATH"
                | "ORIGINAL_FULLPATH"
                | "CONTENT_TYPE"
                | "CONTENT_LENGTH"
                | "SCRIPT_NAME"
                | "SERVER_NAME"
                | "rack.input"
                | "rack.request.query_hash"
                | "rack.request.form_hash"
                | "rack.request.cookie_hash"
        )
        || key.starts_with("action_dispatch.request.") && key.contains("parameters")
}

/// The conversion characters of a printf-style format, in order (`"%s and %j"` → `s`, `j`; `%%` is none).
fn placeholders(format: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = format.chars();
    std::iter::from_fn(move || {
        loop {
            match chars.next()? {
                '%' => match chars.next()? {
                    '%' => continue,
                    c => return Some(c),
                },
                _ => continue,
            }
        }
    })
}

fn is_trusted_event_key(key: &str) -> bool {
    matches!(
        key,
        "requestContext"
            | "RequestContext"
            | "request_context"
            | "stageVariables"
            | "StageVariables"
            | "stage_variables"
            | "root_path"
    )
}

/// A parameter named for an error: `err`, `error`, `e`, `ex`, `exception`, `writeError`, `parseErr`.
fn is_error_name(name: &str) -> bool {
    matches!(name, "err" | "error" | "e" | "ex" | "exception")
        || ["Error", "Err", "Exception"].iter().any(|s| name.len() > s.len() && name.ends_with(s))
}

/// The URL a request was sent to: `request.url`, `req.nextUrl`, `internalRequest.url`, or `new URL(request.url)`
/// (not `new URL(req.query.url)`: the object holding `url` must be a request by its name).
fn is_own_url(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Attr { obj, name } if matches!(name.as_str(), "url" | "nextUrl") => {
            let holder = match &obj.kind {
                ExprKind::Name(n) => n.as_str(),
                ExprKind::Attr { name, .. } => name.as_str(),
                _ => return false,
            };
            let holder = holder.to_ascii_lowercase();
            holder == "req" || holder.ends_with("request")
        }
        ExprKind::Call { callee, args, new: true } => {
            matches!(&callee.kind, ExprKind::Name(n) if n == "URL")
                && args.first().is_some_and(|a| a.name.is_none() && is_own_url(&a.value))
        }
        _ => false,
    }
}

/// Attributes of a web request the framework fills in: the user, the method, the session, routing.
fn is_trusted_request_attribute(name: &str) -> bool {
    matches!(
        name,
        "user"
            | "method"
            | "session"
            | "resolver_match"
            | "current_app"
            | "scheme"
            | "site"
            | "urlconf"
            | "auth"
            | "url_rule"
            | "endpoint"
            | "blueprint"
            | "app"
            | "is_json"
            | "is_secure"
            | "LANGUAGE_CODE"
            | "csrf_processing_done"
            | "_messages"
            | "httpMethod"
            | "http_method"
            // Fastify: the route's own options and the server's objects.
            | "routeOptions"
            | "routeConfig"
            | "server"
            | "log"
            | "id"
    )
}

/// Names of environment objects and getters (for secrets read from the environment).
const ENV_OBJECTS: &[&str] = &["os.environ", "process.env", "ENV"];
const ENV_CALLS: &[&str] = &[
    "os.environ.get",
    "os.getenv",
    "**.System.getenv",
    "**.Environment.GetEnvironmentVariable",
    "ENV.fetch",
    "os.environ.__getitem__",
];

fn is_secret_name(key: &str) -> bool {
    key.len() >= 5
        && ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"]
            .iter()
            .any(|s| key.as_bytes().windows(s.len()).any(|w| w.eq_ignore_ascii_case(s.as_bytes())))
}

fn is_mutator(method: &str) -> bool {
    matches!(
        method,
        "append"
            | "extend"
            | "insert"
            | "add"
            | "addAll"
            | "push"
            | "unshift"
            | "put"
            | "putAll"
            | "update"
            | "concat"
            | "Append"
            | "AppendFormat"
            | "AppendLine"
            | "Add"
            | "AddRange"
            | "Insert"
            | "write"
            | "setdefault"
            | "<<"
            | "merge!"
            | "store"
            | "set"
    )
}

/// `setSku(x)`, `withBody(x)`: a bean setter or builder step stores its argument in the object.
fn is_setter(method: &str) -> bool {
    ["set", "with", "Set", "With"]
        .iter()
        .any(|p| method.strip_prefix(p).and_then(|rest| rest.chars().next()).is_some_and(|c| c.is_ascii_uppercase()))
}

fn stmt_span(s: &Stmt) -> Span {
    match s {
        Stmt::Expr(e) => e.span,
        Stmt::Assign { span, .. }
        | Stmt::Return(_, span)
        | Stmt::Throw(_, span)
        | Stmt::If { span, .. }
        | Stmt::Loop { span, .. }
        | Stmt::Try { span, .. } => *span,
        Stmt::Def(_) | Stmt::Block(_) => Span::default(),
    }
}

fn ends_in_exit(stmts: &[Stmt]) -> bool {
    match stmts.last() {
        Some(Stmt::Return(..) | Stmt::Throw(..)) => true,
        Some(Stmt::Block(b)) => ends_in_exit(b),
        Some(Stmt::Expr(e)) => {
            matches!(&e.kind, ExprKind::Call { callee, .. } if matches!(callee.dotted().as_deref(), Some("abort" | "flask.abort" | "sys.exit" | "exit" | "halt" | "process.exit")))
        }
        _ => false,
    }
}

/// Who decides where a built string points, as far as its first part tells.
enum Host {
    /// A clean first part fixes it (`"/orders?q=" + x`, `base_url + x`).
    Fixed,
    /// A tainted first part decides it as it decides its own (real sources unless held, these parameters).
    As { held: bool, params: u64 },
    /// Nothing is known: every part may (a literal `//`, a bare `"https://" + host` with tainted host).
    Open,
}

impl Host {
    fn impose(self, t: &mut Taint) {
        match self {
            Host::Fixed => t.fix_host(),
            Host::As { held, params } => {
                t.fixed_host = held;
                t.host_params = params;
            }
            Host::Open => {}
        }
    }
}

/// What the part of a string that decides its host tells: a clean variable (a configured base URL) or, right after
/// a bare scheme, any clean value fixes it; so do a literal path (`/orders?`, not `//`) and a literal URL with its
/// host and a `/` (`https://api.example.com/v1/`); a tainted part decides as its own host is decided.
fn host_state(first: &Value, after_scheme: bool) -> Host {
    if let Some(t) = &first.taint {
        return Host::As { held: t.host_held(), params: t.host_params };
    }
    match &first.konst {
        _ if after_scheme => Host::Fixed,
        Some(Const::Str(s)) => {
            let s = s.split(['%', '{']).next().unwrap_or_default();
            let fixed = (s.starts_with('/') && !s.starts_with("//"))
                || s.split_once("://").is_some_and(|(_, rest)| rest.contains('/') && !rest.starts_with('/'));
            if fixed { Host::Fixed } else { Host::Open }
        }
        Some(_) => Host::Open,
        None => Host::Fixed,
    }
}

/// A literal that is only a scheme (`"https://"`): the next part of the string is the host.
fn is_bare_scheme(v: &Value) -> bool {
    v.taint.is_none()
        && matches!(&v.konst, Some(Const::Str(s)) if s.strip_suffix("://").is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '+')))
}

/// Whether a string-building expression holds a literal with HTML markup in it.
fn contains_html_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Str(s) => s.contains('<') && s.contains('>'),
        ExprKind::Concat(parts) => parts.iter().any(contains_html_literal),
        ExprKind::Binary { op, left, right } if op == "+" || op == "%" => {
            contains_html_literal(left) || contains_html_literal(right)
        }
        ExprKind::Call { callee, .. } => {
            matches!(&callee.kind, ExprKind::Attr { obj, name } if name == "format" && contains_html_literal(obj))
        }
        _ => false,
    }
}

/// Whether a string-building expression begins with a literal that starts with `prefix`.
fn starts_with_literal(e: &Expr, prefix: &str) -> bool {
    match &e.kind {
        ExprKind::Str(s) => s.starts_with(prefix),
        ExprKind::Concat(parts) => parts.first().is_some_and(|p| starts_with_literal(p, prefix)),
        ExprKind::Binary { op, left, .. } if op == "+" => starts_with_literal(left, prefix),
        _ => false,
    }
}

fn dict_has(e: &Expr, key: &str, needle: &str) -> bool {
    let ExprKind::Dict(entries) = &e.kind else { return false };
    entries.iter().any(|(k, v)| {
        k.as_ref().and_then(|k| k.as_str()).is_some_and(|k| k.eq_ignore_ascii_case(key))
            && v.as_str().is_some_and(|v| v.to_ascii_lowercase().contains(needle))
    })
}

fn parse_num(n: &str) -> f64 {
    let clean: String = n.chars().filter(|c| *c != '_').collect();
    let clean = clean.trim_end_matches(['L', 'l', 'f', 'F', 'd', 'D', 'm', 'M', 'n']);
    if let Some(hex) = clean.strip_prefix("0x").or_else(|| clean.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).map_or(f64::NAN, |v| v as f64);
    }
    if let Some(oct) = clean.strip_prefix("0o").or_else(|| clean.strip_prefix("0O")) {
        return i64::from_str_radix(oct, 8).map_or(f64::NAN, |v| v as f64);
    }
    if clean.len() > 1 && clean.starts_with('0') && clean.chars().all(|c| c.is_ascii_digit()) {
        return i64::from_str_radix(clean, 8).map_or(f64::NAN, |v| v as f64);
    }
    clean.parse().unwrap_or(f64::NAN)
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { n.to_string() }
}

fn binary(op: &str, l: Value, r: Value) -> Value {
    let konst = match (op, &l.konst, &r.konst) {
        ("+", Some(Const::Str(a)), Some(Const::Str(b))) => Some(Const::Str(format!("{a}{b}"))),
        ("+", Some(Const::Str(a)), Some(Const::Num(b))) => Some(Const::Str(format!("{a}{}", fmt_num(*b)))),
        ("+", Some(Const::Num(a)), Some(Const::Num(b))) => Some(Const::Num(a + b)),
        ("|", Some(Const::Num(a)), Some(Const::Num(b))) => Some(Const::Num(((*a as i64) | (*b as i64)) as f64)),
        ("*", Some(Const::Num(a)), Some(Const::Num(b))) => Some(Const::Num(a * b)),
        ("-", Some(Const::Num(a)), Some(Const::Num(b))) => Some(Const::Num(a - b)),
        ("/", Some(Const::Num(a)), Some(Const::Num(b))) if *b != 0.0 => Some(Const::Num(a / b)),
        ("%", Some(Const::Num(a)), Some(Const::Num(b))) if *b != 0.0 => Some(Const::Num(a % b)),
        (">", Some(Const::Num(a)), Some(Const::Num(b))) => Some(Const::Bool(a > b)),
        ("<", Some(Const::Num(a)), Some(Const::Num(b))) => Some(Const::Bool(a < b)),
        (">=", Some(Const::Num(a)), Some(Const::Num(b))) => Some(Const::Bool(a >= b)),
        ("<=", Some(Const::Num(a)), Some(Const::Num(b))) => Some(Const::Bool(a <= b)),
        ("==" | "===" | "is", Some(a), Some(b)) => Some(Const::Bool(a == b)),
        ("!=" | "!==" | "is not", Some(a), Some(b)) => Some(Const::Bool(a != b)),
        ("and" | "&&", Some(a), _) if !a.truthy() => Some(a.clone()),
        ("and" | "&&", Some(_), Some(b)) => Some(b.clone()),
        ("or" | "||", Some(a), _) if a.truthy() => Some(a.clone()),
        ("or" | "||", Some(_), Some(b)) => Some(b.clone()),
        _ => None,
    };
    // Arithmetic and comparisons give numbers and booleans: nothing to inject.
    let clean = matches!(
        op,
        "-" | "*"
            | "/"
            | "//"
            | "**"
            | "<"
            | ">"
            | "<="
            | ">="
            | "=="
            | "!="
            | "==="
            | "!=="
            | "in"
            | "not in"
            | "is"
            | "is not"
            | "instanceof"
            | "<<"
            | ">>"
            | "&"
            | "^"
    );
    let taint = if clean { None } else { join(l.taint, r.taint) };
    Value { taint, konst, ..Value::default() }
}

/// String methods on constants that matter for checks (`"MD5".lower()`).
fn fold_call(method: &str, receiver: Option<&Const>, args: &[Option<Const>]) -> Option<Const> {
    let s = receiver?.as_str()?;
    match method {
        "lower" | "toLowerCase" | "downcase" | "ToLower" | "ToLowerInvariant" => Some(Const::Str(s.to_lowercase())),
        "upper" | "toUpperCase" | "upcase" | "ToUpper" | "ToUpperInvariant" => Some(Const::Str(s.to_uppercase())),
        "strip" | "trim" | "Trim" => Some(Const::Str(s.trim().to_string())),
        "encode" | "getBytes" | "GetBytes" | "freeze" | "to_s" | "toString" | "ToString" => {
            Some(Const::Str(s.to_string()))
        }
        "format" if args.iter().all(Option::is_some) => Some(Const::Str(s.to_string())),
        _ => None,
    }
}

fn short(name: &str) -> String {
    name.replace("()", "").rsplit('.').take(2).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join(".")
}

fn label_words(bit: u8) -> &'static str {
    match bit {
        EXCEPTION => "exception details",
        CREDENTIAL => "a secret",
        _ => "attacker-controlled input",
    }
}

fn sink_message(kind: Kind, callee: &str) -> String {
    if callee.contains(' ') {
        // A place rather than a call: "an HTML response body", "the Location header".
        return match kind.label() {
            crate::tables::Label::Input => format!("attacker-controlled input reaches {callee}"),
            crate::tables::Label::Exception => format!("exception details reach {callee}"),
            crate::tables::Label::Credential => format!("a secret reaches {callee}"),
        };
    }
    let what = match kind {
        Kind::Sql => "builds a SQL statement",
        Kind::NoSql => "builds a NoSQL query",
        Kind::Command => "runs a command",
        Kind::Code => "runs code",
        Kind::Path => "opens a file path",
        Kind::Ssrf => "requests a URL",
        Kind::Xxe => "parses XML",
        Kind::Ldap => "builds an LDAP query",
        Kind::Xpath => "builds an XPath query",
        Kind::Log => "writes a log entry",
        Kind::Deserialization => "deserializes data",
        Kind::Xss => "writes an HTML response",
        Kind::Redirect => "redirects",
        Kind::Header => "sets a response header",
        Kind::StackTrace | Kind::LoggedCredential => "",
        Kind::Template => "renders a template",
        Kind::Regex => "compiles a regular expression",
    };
    match kind {
        Kind::LoggedCredential => format!("`{}` writes a secret to the logs", short(callee)),
        Kind::StackTrace => format!("`{}` returns exception details to the caller", short(callee)),
        _ => format!("`{}` {what} from attacker-controlled input", short(callee)),
    }
}
