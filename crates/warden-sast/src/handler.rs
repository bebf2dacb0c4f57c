//! Entry points: which functions are Lambda handlers (from Lambda's `Handler` setting or each runtime's
//! conventions) and which parameters of which functions carry attacker data (the handler's event; web-framework
//! requests by type, annotation, route decorator or name).

use crate::ir::{Function, Module};
use crate::lang::Lang;
use crate::tables::{self, Tables};
use crate::taint::canon::simple_type;

/// Lambda's `Handler` setting, parsed per runtime family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlerSpec {
    /// The module (dotted, as [`Module::name`]) or class the handler lives in; `None` when only the function is known.
    pub module: Option<String>,
    pub class: Option<String>,
    pub function: String,
}

impl HandlerSpec {
    /// `app.lambda_handler`, `src/index.handler`, `com.example.Handler::handleRequest`,
    /// `Assembly::Namespace.Class::Method`, `function.handler`, `lib/app.App::Handler.process`.
    pub fn parse(handler: &str) -> Option<HandlerSpec> {
        let handler = handler.trim();
        if handler.is_empty() {
            return None;
        }
        let parts: Vec<&str> = handler.split("::").collect();
        match parts.as_slice() {
            // .NET: Assembly::Namespace.Class::Method
            [_, class, method] => Some(HandlerSpec {
                module: None,
                class: class.rsplit('.').next().map(str::to_string),
                function: method.to_string(),
            }),
            // Java: package.Class::method
            [class, method] if !class.contains('/') && !method.contains('.') => Some(HandlerSpec {
                module: None,
                class: class.rsplit('.').next().map(str::to_string),
                function: method.to_string(),
            }),
            // Ruby: file.Module::Class.method
            [file_and_module, class_and_method] => {
                let (class, method) = class_and_method.rsplit_once('.')?;
                let file = file_and_module.rsplit_once('.').map_or(*file_and_module, |(f, _)| f);
                Some(HandlerSpec {
                    module: Some(crate::frontend::module_name(&format!("{file}.x"))),
                    class: Some(class.rsplit("::").next().unwrap_or(class).to_string()),
                    function: method.to_string(),
                })
            }
            [plain] => {
                let (file, function) = plain.rsplit_once('.')?;
                Some(HandlerSpec {
                    module: Some(crate::frontend::module_name(&format!("{file}.x"))),
                    class: None,
                    function: function.to_string(),
                })
            }
            _ => None,
        }
    }

    fn is(&self, module: &Module, f: &Function) -> bool {
        f.name == self.function
            && self.class.as_ref().is_none_or(|c| f.class.as_deref() == Some(c.as_str()))
            && self.module.as_ref().is_none_or(|m| &module.name == m || module.name.ends_with(&format!(".{m}")))
    }
}

/// A parameter that carries tainted data, and why.
#[derive(Debug, Clone)]
pub struct SourceParam {
    pub index: usize,
    pub note: String,
}

/// What the engine needs to know about a function before analysing it.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// A Lambda handler (its return value is the response).
    pub lambda: bool,
    pub params: Vec<SourceParam>,
    /// The names of the event parameter (for "the whole event was logged").
    pub event_names: Vec<String>,
}

/// The entry facts of every function of a module.
pub fn entries(module: &Module, spec: Option<&HandlerSpec>) -> Vec<Entry> {
    let tables = Tables::of(module.lang);
    module.functions.iter().map(|f| entry(module, f, spec, tables)).collect()
}

fn entry(module: &Module, f: &Function, spec: Option<&HandlerSpec>, tables: &Tables) -> Entry {
    let mut out = Entry::default();
    let lambda = match spec {
        Some(spec) if spec.is(module, f) => true,
        _ => is_conventional_handler(module, f),
    };
    if lambda && let Some((index, p)) = event_param(module.lang, f) {
        out.lambda = true;
        out.event_names.push(p.to_string());
        out.params.push(SourceParam { index, note: format!("`{p}` is the Lambda event (attacker-controlled)") });
    }
    if is_function_bean_lambda(module, f) {
        // Spring Cloud Function (also behind Lambda's Spring adapter): the function a `@Bean` returns receives the
        // request's payload.
        out.params.push(SourceParam { index: 0, note: "the function bean's input is the request".to_string() });
    }
    let routed = f.decorators.iter().any(|d| {
        let name = decorator_name(d);
        tables
            .params
            .route_decorators
            .iter()
            .any(|p| tables::matches(p, &name) || tables::matches(&format!("**.{p}"), &name))
    }) || is_class_view_handler(module, f);
    for (index, p) in f.params.iter().enumerate() {
        if out.params.iter().any(|s| s.index == index) || crate::taint::canon::is_self(&p.name) {
            continue;
        }
        if out.lambda && index > 0 && is_context_name(&p.name) {
            // Lambda's context object (`ctx` in `(event, ctx)`) is the runtime's, not the caller's.
            continue;
        }
        let ty = p.ty.as_deref().map(simple_type).unwrap_or_default();
        let ty_last = ty.rsplit('.').next().unwrap_or(&ty);
        let array = p.ty.as_deref().is_some_and(|t| t.contains('[') || t.contains("..."));
        if is_scalar(ty_last) && !array {
            // A number, boolean, date or id bound by the framework cannot carry an injection.
            continue;
        }
        let why = if !ty.is_empty() && tables.params.types.iter().any(|t| *t == ty_last || *t == ty) {
            Some(format!("`{}` is a `{ty_last}` (request data)", p.name))
        } else if let Some(a) = p.annotations.iter().find(|a| {
            let a = a.rsplit('.').next().unwrap_or(a);
            tables.params.annotations.contains(&a)
        }) {
            Some(format!("`{}` is bound from the request (`{a}`)", p.name))
        } else if tables.params.request_names.contains(&p.name.as_str())
            // A parameter with a default (`def content_type(type, params = {})`) is a helper's option, not the
            // framework's request.
            && p.default.is_none()
            && serves_web(module)
            && !not_koa_ctx(module, f, &p.name)
        {
            Some(format!("`{}` is the web request", p.name))
        } else if p.name == "c" && index == 0 && is_hono_handler(module, f) {
            Some("`c` is the web request's context (Hono)".to_string())
        } else if routed && !is_plumbing(&ty) {
            Some(format!("`{}` is a route parameter", p.name))
        } else {
            None
        };
        if let Some(note) = why {
            out.params.push(SourceParam { index, note });
        }
    }
    out
}

/// Whether a parameter named like a web request can be one: always in JavaScript (`req` is Express's), in Python
/// only in a module that imports a web framework (botocore's `request` is an AWS request, not a visitor's).
fn serves_web(module: &Module) -> bool {
    const WEB: &[&str] = &[
        "django",
        "flask",
        "rest_framework",
        "pyramid",
        "starlette",
        "fastapi",
        "aiohttp.web",
        "tornado.web",
        "bottle",
        "falcon",
        "sanic",
        "werkzeug",
        "chalice",
        "quart",
        "litestar",
        "webapp2",
        "cherrypy",
    ];
    module.lang.family() != Lang::Python
        || module.imports.iter().any(|i| WEB.iter().any(|w| i.target == *w || i.target.starts_with(&format!("{w}."))))
}

/// A JavaScript `ctx` that is not Koa's: Koa code imports Koa or its router, takes `(ctx, next)`, or is a route's
/// callback; knex's and other libraries' named functions of `ctx` take their own state.
fn not_koa_ctx(module: &Module, f: &Function, name: &str) -> bool {
    if name != "ctx" || module.lang.family() != Lang::JavaScript {
        return false;
    }
    let imports_koa = module.imports.iter().any(|i| {
        let t = i.target.as_str();
        t == "koa" || t.starts_with("koa.") || t.starts_with("koa-") || t.starts_with("@koa/")
    });
    let koa_shape = matches!(f.params.as_slice(), [c, n] if c.name == "ctx" && n.name == "next");
    // `router.get("/", async (ctx) => …)` in a routes file that got its router from elsewhere.
    let callback = f.name == "<lambda>";
    !(imports_koa || koa_shape || callback)
}

/// A lambda returned by a Spring `@Bean` method typed `Function<…>`, `Consumer<…>` or `BiFunction<…>`.
fn is_function_bean_lambda(module: &Module, f: &Function) -> bool {
    if module.lang != Lang::Java || f.name != "<lambda>" {
        return false;
    }
    let Some(parent) = f.parent.and_then(|p| module.functions.get(p)) else { return false };
    let bean = parent.decorators.iter().any(|d| decorator_name(d).rsplit('.').next() == Some("Bean"));
    let functional = parent.returns.as_deref().is_some_and(|r| {
        ["Function<", "Consumer<", "BiFunction<", "BiConsumer<"]
            .iter()
            .any(|p| r.starts_with(p) || r.contains(&format!(".{p}")))
    });
    bean && functional
}

/// A Django/DRF class-based view's handler (`def get(self, request, pk)` of a `View`, `APIView` or `ViewSet`
/// subclass): the URL's keyword arguments arrive as its parameters.
fn is_class_view_handler(module: &Module, f: &Function) -> bool {
    module.lang == Lang::Python
        && serves_web(module)
        && matches!(
            f.name.as_str(),
            "get"
                | "post"
                | "put"
                | "patch"
                | "delete"
                | "list"
                | "retrieve"
                | "create"
                | "update"
                | "partial_update"
                | "destroy"
        )
        && f.class.as_ref().is_some_and(|c| {
            module
                .classes
                .iter()
                .any(|k| &k.name == c && k.bases.iter().any(|b| b.ends_with("View") || b.ends_with("ViewSet")))
        })
}

/// A callback of a module that uses Hono (`app.get('/', (c) => …)`): its `c` holds the request (`c.req`).
fn is_hono_handler(module: &Module, f: &Function) -> bool {
    module.lang.family() == Lang::JavaScript
        && f.name == "<lambda>"
        && module
            .imports
            .iter()
            .any(|i| i.target == "hono" || i.target.starts_with("hono.") || i.target.starts_with("hono/"))
}

/// `app.route` of `@app.route("/x")`.
fn decorator_name(d: &crate::ir::Expr) -> String {
    match &d.kind {
        crate::ir::ExprKind::Call { callee, .. } => callee.dotted().unwrap_or_default(),
        _ => d.dotted().unwrap_or_default(),
    }
}

/// Types whose values cannot carry an injection (the framework has parsed them; a method declared to return one).
pub(crate) fn is_scalar(ty: &str) -> bool {
    matches!(
        ty.trim_end_matches('?'),
        "int"
            | "long"
            | "short"
            | "byte"
            | "sbyte"
            | "uint"
            | "ulong"
            | "ushort"
            | "double"
            | "float"
            | "decimal"
            | "bool"
            | "boolean"
            | "Boolean"
            | "Guid"
            | "DateTime"
            | "DateTimeOffset"
            | "DateOnly"
            | "TimeOnly"
            | "TimeSpan"
            | "Integer"
            | "Long"
            | "Short"
            | "Byte"
            | "Double"
            | "Float"
            | "BigDecimal"
            | "BigInteger"
            | "UUID"
            | "LocalDate"
            | "LocalDateTime"
            | "Instant"
            | "number"
            | "Int32"
            | "Int64"
            | "Int16"
            | "Single"
            | "Decimal"
            | "char"
            | "Character"
            | "datetime"
            | "date"
            | "UUID4"
            | "PositiveInt"
            | "conint"
    )
}

/// Framework objects injected into route handlers that are not request data.
fn is_plumbing(ty: &str) -> bool {
    let last = ty.rsplit('.').next().unwrap_or(ty);
    matches!(
        last,
        "Model"
            | "ModelMap"
            | "HttpServletResponse"
            | "BindingResult"
            | "Principal"
            | "Authentication"
            | "Session"
            | "HttpSession"
            | "ILogger"
            | "CancellationToken"
            | "Response"
            | "BackgroundTasks"
            | "Depends"
            | "ILambdaContext"
            | "Context"
    ) || last.starts_with("Db")
        || last.ends_with("Service")
        || last.ends_with("Repository")
}

/// Lambda's conventions: a function taking `(event, context)`; Python `lambda_handler`/`handler`; Java
/// `handleRequest` of a `RequestHandler`/`RequestStreamHandler`; C# a method with an `ILambdaContext`; Ruby
/// `handler(event:, context:)`; JavaScript an exported `handler`.
fn is_conventional_handler(module: &Module, f: &Function) -> bool {
    let names: Vec<&str> = f.params.iter().map(|p| p.name.as_str()).collect();
    // Lambda calls a module's function in Python and JavaScript (`app.handler`, `index.handler`), never a method
    // or an anonymous callback (`addEventListener("message", function (event) …)` in a web worker).
    let top_level = f.parent.is_none_or(|p| p == 0) && f.class.is_none() && f.name != "<lambda>";
    if matches!(module.lang.family(), Lang::Python | Lang::JavaScript) && !top_level {
        return false;
    }
    // Java and C# declare types: their parameter names say nothing (a JNDI `Context ctx` is not Lambda's).
    let by_names = !matches!(module.lang.family(), Lang::Java | Lang::CSharp);
    let event_context = by_names && matches!(names.as_slice(), [e, c, ..] if is_event_name(e) && is_context_name(c))
        // `module.exports.resize = async (event) => …`: a top-level function taking `event` first.
        || (matches!(names.as_slice(), ["event"] | ["event", _]) && top_level);
    let typed_context = f.params.len() >= 2 && f.params.iter().any(|p| is_lambda_context(module, p.ty.as_deref()));
    let by_name = match module.lang.family() {
        Lang::Python => matches!(f.name.as_str(), "lambda_handler" | "handler") && !f.params.is_empty(),
        Lang::JavaScript => f.name == "handler" && !f.params.is_empty(),
        Lang::Java => {
            f.name == "handleRequest"
                && f.class.as_ref().is_some_and(|c| {
                    module.classes.iter().any(|k| {
                        &k.name == c
                            && k.bases.iter().any(|b| {
                                let b = simple_type(b);
                                matches!(b.rsplit('.').next(), Some("RequestHandler" | "RequestStreamHandler"))
                            })
                    })
                })
        }
        Lang::Ruby => f.name == "handler" || names.contains(&"event") && names.contains(&"context"),
        _ => false,
    };
    event_context || typed_context || by_name
}

/// Lambda's context type: C#'s `ILambdaContext`; Java's `Context` only when it is
/// `com.amazonaws.services.lambda.runtime.Context` (written so, imported, or the module imports that package), not
/// `javax.naming.Context` or Tomcat's.
fn is_lambda_context(module: &Module, ty: Option<&str>) -> bool {
    const JAVA: &str = "com.amazonaws.services.lambda.runtime.Context";
    let ty = ty.map(simple_type).unwrap_or_default();
    match ty.rsplit('.').next() {
        Some("ILambdaContext") => true,
        Some("Context") if module.lang.family() == Lang::Java => {
            ty == JAVA
                || module.import("Context") == Some(JAVA)
                || (module.import("Context").is_none()
                    && module.imports.iter().any(|i| i.target.starts_with("com.amazonaws.services.lambda.runtime")))
        }
        Some("Context") => module.lang.family() != Lang::CSharp,
        _ => false,
    }
}

fn is_event_name(n: &str) -> bool {
    matches!(n, "event" | "evt" | "_event" | "input" | "request" | "req" | "payload" | "message")
}

fn is_context_name(n: &str) -> bool {
    matches!(n, "context" | "ctx" | "_context" | "lambdaContext" | "_ctx")
}

/// The event parameter of a handler: named `event` if there is one, else the first parameter that is not the
/// receiver.
fn event_param(_lang: Lang, f: &Function) -> Option<(usize, &str)> {
    if let Some(i) = f.params.iter().position(|p| p.name == "event") {
        return f.params.get(i).map(|p| (i, p.name.as_str()));
    }
    f.params.iter().enumerate().find(|(_, p)| !crate::taint::canon::is_self(&p.name)).map(|(i, p)| (i, p.name.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> HandlerSpec {
        HandlerSpec::parse(s).unwrap()
    }

    #[test]
    fn handler_settings_parse_per_runtime() {
        assert_eq!(spec("app.lambda_handler").module.as_deref(), Some("app"));
        assert_eq!(spec("app.lambda_handler").function, "lambda_handler");
        assert_eq!(spec("src/handlers/orders.handler").module.as_deref(), Some("src.handlers.orders"));
        let java = spec("com.example.OrderHandler::handleRequest");
        assert_eq!((java.class.as_deref(), java.function.as_str()), (Some("OrderHandler"), "handleRequest"));
        let dotnet = spec("Orders::Orders.Function::FunctionHandler");
        assert_eq!((dotnet.class.as_deref(), dotnet.function.as_str()), (Some("Function"), "FunctionHandler"));
        let ruby = spec("lib/app.App::Handler.process");
        assert_eq!(
            (ruby.module.as_deref(), ruby.class.as_deref(), ruby.function.as_str()),
            (Some("lib.app"), Some("Handler"), "process")
        );
        assert_eq!(spec("function.handler").module.as_deref(), Some("function"));
        assert!(HandlerSpec::parse("").is_none());
        assert!(HandlerSpec::parse("nodots").is_none());
    }
}
