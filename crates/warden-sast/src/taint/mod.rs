//! The taint engine: every function of the package is analysed on its own with its parameters as symbolic
//! sources, which yields both real findings (where a real source reaches a sink) and a summary (which parameters
//! reach the return value and which reach sinks); rounds repeat until the summaries settle, so flows through
//! helpers, modules and classes are found without analysing any function twice per round.

pub mod canon;
mod compiled;
mod env;
mod eval;
mod guards;
pub mod value;

use crate::handler::{Entry, HandlerSpec};
use crate::ir::{Expr, ExprKind, Module, Span, Stmt};
use crate::rules::Rule;
use crate::tables::Kind;
pub use compiled::Compiled;
use rayon::prelude::*;
use std::collections::HashMap;
use value::{ParamCleaning, Taint, Value};

/// A function of the package: (module index, function index).
pub type FnRef = (usize, usize);

/// A sink reached from parameters of a function.
#[derive(Debug, Clone)]
pub struct SinkReach {
    pub params: u64,
    pub kind: Kind,
    pub module: usize,
    pub span: Span,
    pub callee: String,
    /// Steps inside the function from the parameter to the sink, oldest first.
    pub steps: Vec<(usize, Span, String)>,
    /// For cross-site scripting written into a writer the function was given: that parameter (a caller handing
    /// it a string buffer writes no response).
    pub writer: Option<usize>,
}

/// What decides whether two rounds agree on a summary.
type SummaryFingerprint = (u64, u64, ParamCleaning, u8, Vec<(u64, Kind, Span)>, usize, Vec<(usize, Span)>);

/// What a call of a function does with its arguments.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Parameters whose data reaches the return value.
    pub ret_params: u64,
    /// Those of them that decide where the returned value points (for redirects and requests).
    pub ret_host_params: u64,
    /// Kinds each parameter's returned data has been cleaned for.
    pub ret_sanitized: ParamCleaning,
    /// Real taint the function returns on its own (a helper reading the request).
    pub ret: Option<Taint>,
    pub ret_ty: Option<String>,
    /// How parameter data gets to the return value inside the function (oldest first, the parameter step first).
    pub ret_steps: Vec<(usize, Span, String)>,
    /// Fields the function sets from its parameters (constructors, setters).
    pub field_params: Vec<(String, u64)>,
    pub sinks: Vec<SinkReach>,
    /// Cross-site scripting the function writes into a writer it was given (parameter index), with no content type
    /// of its own: the caller decides whether it is a page (Jetty's `writeErrorPlain(request, writer, …)` after the
    /// caller's `setContentType("text/plain")`). Reported by callers that do not make it plain text, or, when nothing in
    /// the package calls the function, as its own findings.
    pub deferred: Vec<(usize, Hit)>,
}

impl Summary {
    fn fingerprint(&self) -> SummaryFingerprint {
        (
            self.ret_params,
            self.ret_host_params,
            self.ret_sanitized,
            self.ret.as_ref().map_or(0, |t| t.labels),
            self.sinks.iter().map(|s| (s.params, s.kind, s.span)).collect(),
            self.field_params.len(),
            self.deferred.iter().map(|(p, h)| (*p, h.span)).collect(),
        )
    }
}

/// A finding of the engine, before it is dressed.
#[derive(Debug, Clone)]
pub struct Hit {
    pub rule: &'static Rule,
    pub module: usize,
    pub span: Span,
    pub message: String,
    /// (module, span, note), oldest first; empty for non-taint checks.
    pub trace: Vec<(usize, Span, String)>,
}

/// The whole package under analysis.
#[derive(Debug)]
pub struct Program<'a> {
    pub modules: &'a [Module],
    pub entries: Vec<Vec<Entry>>,
    pub summaries: HashMap<FnRef, Summary>,
    /// Values written to `self.f`/`this.f`, by (module, field): what a method reads when it has not set the field.
    pub fields: rustc_hash::FxHashMap<(usize, String), Value>,
    /// Per module, the fields its constructors set from their arguments, in name order: field slot `i` of a
    /// method's summary is field `i` here (see [`value::FIRST_FIELD_SLOT`]).
    pub layouts: Vec<Vec<String>>,
    /// Each module's top-level variables after its top-level code ran.
    pub globals: Vec<rustc_hash::FxHashMap<String, Value>>,
    /// The types of the variables of functions that enclose others, after they ran (sorted by name): a closure
    /// analysed on its own calls methods on them (`const dao = new AllocationsDAO(db); this.show = (req, res) =>
    /// dao.find(req.query.q)`).
    pub closure_types: HashMap<FnRef, Vec<(String, String)>>,
    /// Per module and function: whether other functions are nested in it.
    pub encloses: Vec<Vec<bool>>,
    by_name: HashMap<String, Vec<FnRef>>,
    /// Every dotted suffix of every module name (`c`, `b.c`, `a.b.c`) → the module, `None` when ambiguous.
    module_by_suffix: HashMap<String, Option<usize>>,
    /// Per module: function name → its functions.
    functions_by_name: Vec<HashMap<String, Vec<usize>>>,
    classes_by_name: HashMap<String, (usize, usize)>,
    /// Methods of objects a module's top-level code builds as literals (`const listing = { page(res) {…} }`), by
    /// (module, `listing.page`).
    object_methods: HashMap<(usize, String), usize>,
    /// Methods of constructor functions (`function Dao(db) { this.find = (id) => … }`, `Dao.prototype.find =
    /// function …`) by (`Dao`, `find`); None when two modules define the same.
    constructor_methods: HashMap<(String, String), Option<FnRef>>,
    /// The constructor functions that give their objects methods (`Dao` above).
    constructor_types: std::collections::HashSet<String>,
    /// The package's classes by the simple name of each base class or interface they extend or implement.
    implementations: HashMap<String, Vec<(usize, usize)>>,
    /// The modules that are templates.
    templates: Vec<usize>,
}

/// How many rounds of summaries at most (each round analyses every function once).
const MAX_ROUNDS: usize = 6;

/// Analyses a package and returns its hits (taint, call checks; not secrets or custom checks).
///
/// Round 0 analyses every function; later rounds only the functions that may see something new: those that
/// called a function whose summary changed, and those of a module whose fields or top-level variables changed. The
/// others keep their last output.
pub fn analyze(modules: &[Module], spec: Option<&HandlerSpec>) -> Vec<Hit> {
    let mut program = Program::new(modules, spec);
    let tests: Vec<bool> = modules.iter().map(|m| is_test_path(&m.path)).collect();
    let mut outputs: Vec<Vec<Option<eval::Output>>> =
        modules.iter().map(|m| (0..m.functions.len()).map(|_| None).collect()).collect();
    let mut dirty: Vec<Vec<bool>> = modules.iter().map(|m| vec![true; m.functions.len()]).collect();
    for _round in 0..MAX_ROUNDS {
        // Every function of a round reads only the previous round's facts: they are analysed in parallel.
        let fresh: Vec<Vec<Option<eval::Output>>> = modules
            .par_iter()
            .enumerate()
            .map(|(m, module)| {
                (0..module.functions.len())
                    .map(|f| {
                        let wanted = dirty.get(m).and_then(|d| d.get(f)).copied().unwrap_or(true);
                        wanted.then(|| eval::analyze_function(&program, m, f))
                    })
                    .collect()
            })
            .collect();
        for (slots, new) in outputs.iter_mut().zip(fresh) {
            for (slot, out) in slots.iter_mut().zip(new) {
                if out.is_some() {
                    *slot = out;
                }
            }
        }
        let mut summaries = HashMap::new();
        let mut fields: rustc_hash::FxHashMap<(usize, String), Value> = Default::default();
        let mut globals = Vec::with_capacity(modules.len());
        let mut closure_types = HashMap::new();
        for (m, outs) in outputs.iter().enumerate() {
            globals.push(outs.first().and_then(|o| o.as_ref()).map(|o| o.env.clone()).unwrap_or_default());
            for (f, out) in outs.iter().enumerate() {
                let Some(out) = out else { continue };
                if !out.local_types.is_empty() {
                    closure_types.insert((m, f), out.local_types.clone());
                }
                for (owner, field, v) in &out.fields {
                    if tests.get(m).copied().unwrap_or(false) && !tests.get(*owner).copied().unwrap_or(false) {
                        // What a test puts into the library's objects is the test's, not a caller's.
                        continue;
                    }
                    let slot = fields.entry((*owner, field.clone())).or_default();
                    *slot = std::mem::take(slot).join(v.clone());
                }
                summaries.insert((m, f), out.summary.clone());
            }
        }
        // What changed decides what runs again.
        let changed: std::collections::HashSet<FnRef> = summaries
            .iter()
            .filter(|(k, s)| program.summaries.get(*k).map(Summary::fingerprint) != Some(s.fingerprint()))
            .map(|(k, _)| *k)
            .collect();
        let mut changed_modules = vec![false; modules.len()];
        for (m, flag) in changed_modules.iter_mut().enumerate() {
            let before = program.globals.get(m).map(globals_fingerprint).unwrap_or_default();
            let after = globals.get(m).map(globals_fingerprint).unwrap_or_default();
            *flag = before != after;
        }
        for (m, _) in fields_fingerprint(&fields)
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>()
            .symmetric_difference(&fields_fingerprint(&program.fields).into_iter().collect())
            .map(|(m, f, _, _)| (*m, f.clone()))
        {
            if let Some(flag) = changed_modules.get_mut(m) {
                *flag = true;
            }
        }
        let layouts = constructor_fields(modules, &summaries);
        for (m, flag) in changed_modules.iter_mut().enumerate() {
            if layouts.get(m) != program.layouts.get(m) {
                *flag = true;
            }
        }
        // A closure runs again when what the function around it holds changed type.
        let retyped: std::collections::HashSet<FnRef> = closure_types
            .iter()
            .filter(|(k, v)| program.closure_types.get(*k) != Some(*v))
            .map(|(k, _)| *k)
            .chain(program.closure_types.keys().filter(|k| !closure_types.contains_key(*k)).copied())
            .collect();
        program.closure_types = closure_types;
        program.summaries = summaries;
        program.layouts = layouts;
        program.fields = fields;
        program.globals = globals;
        let mut any = false;
        for (m, outs) in outputs.iter().enumerate() {
            for (f, out) in outs.iter().enumerate() {
                let parent = modules.get(m).and_then(|md| md.functions.get(f)).and_then(|func| func.parent);
                let again = changed_modules.get(m).copied().unwrap_or(false)
                    || out.as_ref().is_some_and(|o| o.deps.iter().any(|d| changed.contains(d)))
                    || parent.is_some_and(|p| p != 0 && retyped.contains(&(m, p)));
                if let Some(slot) = dirty.get_mut(m).and_then(|d| d.get_mut(f)) {
                    *slot = again;
                }
                any |= again;
            }
        }
        if !any {
            break;
        }
    }
    // A test drives library code with made-up requests: its flows count in the test, not in the library.
    let tests = &tests;
    // Writer findings deferred to callers, of functions nothing in the library code calls: their own findings.
    let called: std::collections::HashSet<FnRef> = outputs
        .iter()
        .enumerate()
        .filter(|(m, _)| !tests.get(*m).copied().unwrap_or(false))
        .flat_map(|(m, outs)| {
            outs.iter()
                .enumerate()
                .flat_map(move |(f, o)| o.iter().flat_map(|o| o.deps.iter().copied()).filter(move |d| *d != (m, f)))
        })
        .collect();
    for (m, outs) in outputs.iter_mut().enumerate() {
        for (f, out) in outs.iter_mut().enumerate() {
            if let Some(out) = out.as_mut()
                && !called.contains(&(m, f))
            {
                out.hits.extend(out.summary.deferred.iter().map(|(_, h)| h.clone()));
            }
        }
    }
    let hits: Vec<Hit> = outputs
        .into_iter()
        .enumerate()
        .flat_map(|(m, outs)| {
            let from_test = tests.get(m).copied().unwrap_or(false);
            outs.into_iter()
                .flatten()
                .flat_map(|o| o.hits)
                .filter(move |h| !from_test || tests.get(h.module).copied().unwrap_or(false))
        })
        .collect();
    dedup(hits)
}

/// Test code by its directory: Maven's and Gradle's `src/test/`, `test/`, `tests/`, `spec/`, `__tests__/` (not
/// names that merely contain "test", such as the OWASP Benchmark's `testcode/`).
/// The fields each module's constructors set from their arguments, in name order.
fn constructor_fields(modules: &[Module], summaries: &HashMap<FnRef, Summary>) -> Vec<Vec<String>> {
    let mut layouts: Vec<std::collections::BTreeSet<String>> = vec![Default::default(); modules.len()];
    for ((m, f), s) in summaries {
        let ctor = modules
            .get(*m)
            .and_then(|module| module.functions.get(*f))
            .is_some_and(crate::ir::Function::is_constructor);
        if let Some(layout) = layouts.get_mut(*m).filter(|_| ctor) {
            layout.extend(s.field_params.iter().map(|(field, _)| field.clone()));
        }
    }
    layouts.into_iter().map(|l| l.into_iter().collect()).collect()
}

fn is_test_path(path: &str) -> bool {
    path.split('/').any(|seg| matches!(seg, "test" | "tests" | "spec" | "__tests__"))
}

/// What a module's top-level variables are, to tell whether a round changed them.
fn globals_fingerprint(globals: &rustc_hash::FxHashMap<String, Value>) -> Vec<(String, u8, u64, String)> {
    let mut out: Vec<(String, u8, u64, String)> = globals
        .iter()
        .map(|(k, v)| {
            let t = v.taint.as_ref();
            (k.clone(), t.map_or(0, |t| t.labels), t.map_or(0, |t| t.params), format!("{:?}{:?}", v.konst, v.ty))
        })
        .collect();
    out.sort();
    out
}

/// What the field store says, to tell whether a round changed it.
fn fields_fingerprint(fields: &rustc_hash::FxHashMap<(usize, String), Value>) -> Vec<(usize, String, u8, u64)> {
    let mut out: Vec<(usize, String, u8, u64)> = fields
        .iter()
        .map(|((m, f), v)| {
            (*m, f.clone(), v.taint.as_ref().map_or(0, |t| t.labels), v.taint.as_ref().map_or(0, |t| t.params))
        })
        .collect();
    out.sort();
    out
}

fn dedup(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        (a.module, a.span.start_line, a.rule.slug, a.trace.len()).cmp(&(
            b.module,
            b.span.start_line,
            b.rule.slug,
            b.trace.len(),
        ))
    });
    hits.dedup_by(|later, first| {
        later.module == first.module
            && later.span.start_line == first.span.start_line
            && later.rule.slug == first.rule.slug
    });
    hits
}

impl<'a> Program<'a> {
    fn new(modules: &'a [Module], spec: Option<&HandlerSpec>) -> Self {
        let mut by_name: HashMap<String, Vec<FnRef>> = HashMap::new();
        let mut module_by_suffix: HashMap<String, Option<usize>> = HashMap::new();
        let mut functions_by_name = Vec::with_capacity(modules.len());
        let mut classes_by_name = HashMap::new();
        let mut templates = Vec::new();
        let mut object_methods = HashMap::new();
        let mut constructor_methods = HashMap::new();
        let mut implementations: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (m, module) in modules.iter().enumerate() {
            if module.template.is_some() {
                // A template is found by the name a render call gives, not by imports.
                templates.push(m);
                functions_by_name.push(HashMap::new());
                continue;
            }
            let segments: Vec<&str> = module.name.split('.').collect();
            for start in 0..segments.len() {
                let suffix = segments.get(start..).unwrap_or_default().join(".");
                module_by_suffix.entry(suffix).and_modify(|e| *e = None).or_insert(Some(m));
            }
            let mut local: HashMap<String, Vec<usize>> = HashMap::new();
            for (f, func) in module.functions.iter().enumerate() {
                if !func.name.starts_with('<') {
                    by_name.entry(func.name.clone()).or_default().push((m, f));
                    local.entry(func.name.clone()).or_default().push(f);
                }
            }
            functions_by_name.push(local);
            object_methods.extend(literal_methods(module).map(|(path, f)| ((m, path), f)));
            for (key, f) in prototype_methods(module) {
                constructor_methods.entry(key).and_modify(|e| *e = None).or_insert(Some((m, f)));
            }
            for (c, class) in module.classes.iter().enumerate() {
                classes_by_name.entry(class.name.clone()).or_insert((m, c));
                for base in &class.bases {
                    let base = canon::simple_type(base);
                    let simple = base.rsplit('.').next().unwrap_or(&base).to_string();
                    implementations.entry(simple).or_default().push((m, c));
                }
            }
        }
        Program {
            modules,
            entries: modules.iter().map(|m| crate::handler::entries(m, spec)).collect(),
            summaries: HashMap::new(),
            fields: Default::default(),
            layouts: vec![Vec::new(); modules.len()],
            globals: vec![Default::default(); modules.len()],
            closure_types: HashMap::new(),
            encloses: modules
                .iter()
                .map(|module| {
                    let mut out = vec![false; module.functions.len()];
                    for parent in module.functions.iter().filter_map(|g| g.parent).filter(|p| *p != 0) {
                        if let Some(slot) = out.get_mut(parent) {
                            *slot = true;
                        }
                    }
                    out
                })
                .collect(),
            by_name,
            module_by_suffix,
            functions_by_name,
            classes_by_name,
            object_methods,
            constructor_types: constructor_methods.keys().map(|(t, _)| t.clone()).collect(),
            constructor_methods,
            implementations,
            templates,
        }
    }

    /// The function a reference names.
    pub fn function(&self, f: FnRef) -> Option<&'a crate::ir::Function> {
        self.modules.get(f.0)?.functions.get(f.1)
    }

    /// The method of module `m` named `name`, of class `class`, taking `arity` parameters.
    fn method_of_arity(&self, m: usize, name: &str, class: Option<&str>, arity: usize) -> Option<FnRef> {
        let candidates = self.functions_by_name.get(m)?.get(name)?;
        candidates
            .iter()
            .find(|&&i| self.function((m, i)).is_some_and(|g| g.class.as_deref() == class && g.params.len() == arity))
            .map(|&i| (m, i))
    }

    /// The method `method` of the package's one class implementing or extending `class` that has it, with a body
    /// (`@Autowired SearchService service; service.search(q)` runs `SearchServiceImpl.search`); None when no class
    /// or several have it.
    pub fn implementing(&self, class: &str, method: &str) -> Option<FnRef> {
        let mut found = self.implementations.get(class).into_iter().flatten().filter_map(|&(m, c)| {
            let name = &self.modules.get(m)?.classes.get(c)?.name;
            self.function_in(m, method, Some(name)).filter(|&f| self.function(f).is_some_and(|g| !g.body.is_empty()))
        });
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// What a call with `arity` arguments to `target` runs when `target` has no body (an interface's or abstract
    /// method) or is another overload (the interface's `default` method beside the abstract one called): the one
    /// implementation's overload taking `arity` arguments; `target` itself otherwise.
    pub fn implementation(&self, target: FnRef, arity: usize) -> FnRef {
        let Some(module) = self.modules.get(target.0) else { return target };
        let Some(func) = module.functions.get(target.1) else { return target };
        let typed = matches!(module.lang, crate::lang::Lang::Java | crate::lang::Lang::CSharp);
        let other_overload = typed && func.params.len() != arity;
        let Some(class) = func.class.as_deref().filter(|_| func.body.is_empty() || other_overload) else {
            return target;
        };
        self.implementing(class, &func.name)
            .and_then(|f| self.overload(f, arity))
            .filter(|&f| !other_overload || self.function(f).is_some_and(|g| g.params.len() == arity))
            .unwrap_or(target)
    }

    /// `super.name(…)` with `arity` arguments in class `class`: the nearest base class's or interface's method of that
    /// name and arity (walking up at most eight levels).
    pub fn super_method(&self, class: &str, name: &str, arity: usize) -> Option<FnRef> {
        let mut frontier = vec![class.to_string()];
        for _ in 0..8 {
            let mut next = Vec::new();
            for c in &frontier {
                let Some((_, c)) = self.class(c) else { continue };
                for base in &c.bases {
                    let base = canon::simple_type(base);
                    let base = base.rsplit('.').next().unwrap_or(&base).to_string();
                    let Some((bm, b)) = self.class(&base) else { continue };
                    if let Some(found) = self.method_of_arity(bm, name, Some(&b.name), arity) {
                        return Some(found);
                    }
                    next.push(base);
                }
            }
            if next.is_empty() {
                return None;
            }
            frontier = next;
        }
        None
    }

    /// The class a fully qualified name (`org.eclipse.jetty.util.resource.Resource`) names: the one in the module of
    /// that name, when two classes share the simple name.
    pub fn class_qualified(&self, full: &str) -> Option<(usize, &'a crate::ir::Class)> {
        let (_, simple) = full.rsplit_once('.')?;
        let m = *self.module_by_suffix.get(full)?.as_ref()?;
        self.modules.get(m)?.classes.iter().find(|c| c.name == simple).map(|c| (m, c))
    }

    /// Whether `ty` names one of the package's classes or constructor functions.
    pub fn is_package_type(&self, ty: &str) -> bool {
        self.classes_by_name.contains_key(ty) || self.constructor_types.contains(ty)
    }

    /// The method `method` objects made by the constructor function `ty` have (`new Dao(db).find(id)`).
    pub fn constructor_method(&self, ty: &str, method: &str) -> Option<FnRef> {
        *self.constructor_methods.get(&(ty.to_string(), method.to_string()))?
    }

    /// The method `method` of the object literal module `m`'s top-level code binds to `object`.
    pub fn object_method(&self, m: usize, object: &str, method: &str) -> Option<FnRef> {
        self.object_methods.get(&(m, format!("{object}.{method}"))).map(|&f| (m, f))
    }

    /// The templates a render call naming `name` may mean.
    pub fn templates_named<'n>(&'n self, name: &'n str) -> impl Iterator<Item = usize> + 'n {
        self.templates
            .iter()
            .copied()
            .filter(move |&m| self.modules.get(m).is_some_and(|module| crate::templates::names(&module.path, name)))
    }

    /// The module a dotted import target names (`handlers.db`), also by suffix (`db` for `src.db`), or the module
    /// whose whole name ends the target (`db` for `orders.db`: the package root may be the scanned directory).
    pub fn module_named(&self, name: &str) -> Option<usize> {
        if let Some(found) = self.module_by_suffix.get(name) {
            return *found;
        }
        let mut rest = name;
        while let Some((_, tail)) = rest.split_once('.') {
            if let Some(Some(m)) = self.module_by_suffix.get(tail)
                && self.modules.get(*m).is_some_and(|module| module.name == tail)
            {
                return Some(*m);
            }
            rest = tail;
        }
        None
    }

    /// A top-level function or method of module `m` named `name` (in class `class` when given).
    pub fn function_in(&self, m: usize, name: &str, class: Option<&str>) -> Option<FnRef> {
        let module = self.modules.get(m)?;
        let candidates = self.functions_by_name.get(m)?.get(name)?;
        candidates
            .iter()
            .find(|&&i| {
                module.functions.get(i).is_some_and(|f| match class {
                    Some(c) => f.class.as_deref() == Some(c),
                    None => f.parent == Some(0) || f.parent.is_none(),
                })
            })
            .map(|&i| (m, i))
    }

    /// Java's and C#'s overloads: the method of `target`'s name and class that takes `arity` arguments, if `target`
    /// does not (`getListHTML(base, parent)` calls `getListHTML(base, parent, null)`); None when the call is to the
    /// class's plain getter of that name (left out of its methods: `getHeaders()` beside `getHeaders(String name)`).
    pub fn overload(&self, target: FnRef, arity: usize) -> Option<FnRef> {
        let (m, f) = target;
        let Some(module) = self.modules.get(m) else { return Some(target) };
        let Some(func) = module.functions.get(f) else { return Some(target) };
        if func.params.len() == arity || !matches!(module.lang, crate::lang::Lang::Java | crate::lang::Lang::CSharp) {
            return Some(target);
        }
        if let Some(sibling) = self.method_of_arity(m, &func.name, func.class.as_deref(), arity) {
            return Some(sibling);
        }
        let plain_getter = arity == 0
            && module.classes.iter().any(|c| {
                Some(&c.name) == func.class.as_ref() && c.getters.iter().any(|(getter, _)| *getter == func.name)
            });
        (!plain_getter).then_some(target)
    }

    /// A top-level function of module `m` named `name`, or the one it imports under that name (a package's
    /// `__init__.py` re-exporting `from .base import translate_url`), following up to three re-exports.
    pub fn exported_function(&self, m: usize, name: &str) -> Option<FnRef> {
        let mut m = m;
        let mut name = name.to_string();
        for _ in 0..4 {
            if let Some(f) = self.function_in(m, &name, None) {
                return Some(f);
            }
            let target = self.modules.get(m)?.import(&name)?;
            let (module, func) = target.rsplit_once('.')?;
            let next = self.module_named(module)?;
            if next == m && func == name {
                return None;
            }
            (m, name) = (next, func.to_string());
        }
        None
    }

    /// The only user function or method named `name` in the package, if exactly one has that name.
    pub fn unique(&self, name: &str) -> Option<FnRef> {
        match self.by_name.get(name).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        }
    }

    /// A user class named `name` anywhere in the package, with its module.
    /// The summary slot of module `m`'s constructor field `field`, if its constructors set it from their arguments.
    pub fn field_slot(&self, m: usize, field: &str) -> Option<usize> {
        // The layout is in name order.
        let i = self.layouts.get(m)?.binary_search_by(|f| f.as_str().cmp(field)).ok()?;
        Some(value::FIRST_FIELD_SLOT + i.min(value::FIELD_SLOTS - 1))
    }

    /// The fields of module `m` a summary slot stands for (the last slot holds all fields past it).
    pub fn slot_fields(&self, m: usize, slot: usize) -> &[String] {
        let layout = self.layouts.get(m).map_or(&[][..], Vec::as_slice);
        let i = slot.saturating_sub(value::FIRST_FIELD_SLOT);
        if i + 1 >= value::FIELD_SLOTS {
            layout.get(i..).unwrap_or_default()
        } else {
            layout.get(i..=i).unwrap_or_default()
        }
    }

    pub fn class(&self, name: &str) -> Option<(usize, &'a crate::ir::Class)> {
        let (m, c) = *self.classes_by_name.get(name)?;
        self.modules.get(m).and_then(|module| module.classes.get(c)).map(|class| (m, class))
    }
}

/// The functions a module's top-level code puts in object literals bound to names (`const listing = { page() {…},
/// send: function () {…} }`), as (`listing.page`, function).
fn literal_methods(module: &Module) -> impl Iterator<Item = (String, usize)> + '_ {
    let top = module.functions.first().map_or(&[][..], |f| f.body.as_slice());
    top.iter().flat_map(|s| {
        let Stmt::Assign { target: Expr { kind: ExprKind::Name(object), .. }, value: Some(value), .. } = s else {
            return Vec::new();
        };
        let ExprKind::Dict(entries) = &value.kind else { return Vec::new() };
        entries
            .iter()
            .filter_map(|(k, v)| match (k.as_ref().map(|k| &k.kind), &v.kind) {
                (Some(ExprKind::Str(key) | ExprKind::Name(key)), ExprKind::Lambda(f)) => {
                    Some((format!("{object}.{key}"), *f))
                }
                _ => None,
            })
            .collect()
    })
}

/// The methods a module gives the objects of its constructor functions: `this.find = (id) => …` in the body of a
/// capitalised function, and `Dao.prototype.find = function …` at the top level, as ((`Dao`, `find`), function).
fn prototype_methods(module: &Module) -> Vec<((String, String), usize)> {
    let method = |s: &Stmt, owner: &dyn Fn(&Expr) -> Option<String>| match s {
        Stmt::Assign { target: Expr { kind: ExprKind::Attr { obj, name }, .. }, value: Some(value), .. } => {
            match (&value.kind, owner(obj)) {
                (ExprKind::Lambda(f), Some(ty)) => Some(((ty, name.clone()), *f)),
                _ => None,
            }
        }
        _ => None,
    };
    let mut out = Vec::new();
    for func in module.functions.iter().filter(|f| f.class.is_none()) {
        if func.name.starts_with(|c: char| c.is_ascii_uppercase()) {
            let this = |o: &Expr| matches!(&o.kind, ExprKind::Name(n) if n == "this").then(|| func.name.clone());
            out.extend(func.body.iter().filter_map(|s| method(s, &this)));
        }
    }
    let prototype = |o: &Expr| match &o.kind {
        ExprKind::Attr { obj, name } if name == "prototype" => match &obj.kind {
            ExprKind::Name(ty) => Some(ty.clone()),
            _ => None,
        },
        _ => None,
    };
    let top = module.functions.first().map_or(&[][..], |f| f.body.as_slice());
    out.extend(top.iter().filter_map(|s| method(s, &prototype)));
    out
}
