//! Render calls: which template a call renders and what it gives it (`render_template("page.html", bio=bio)`,
//! `render(request, "page.html", {"bio": bio})`, `res.render("page", { bio })`, Sinatra `erb :page`, Rails
//! `render :show` or an action's own view, Spring MVC views and servlet forwards: [`java`]), checked against the template's unescaped outputs
//! ([`crate::templates`]): input written unescaped is cross-site scripting, reported in the template.

mod java;

use super::Fx;
use crate::ir::{Arg, ExprKind, Span};
use crate::lang::Lang;
use crate::rules::CallSite;
use crate::tables::Kind;
use crate::taint::SinkReach;
use crate::taint::compiled::matches;
use crate::taint::value::Value;

/// Templates rendered by one render call, at most, counting those included.
const MAX_INCLUDED: usize = 32;

/// Calls that render a template, per language family.
const PYTHON: &[&str] = &[
    "flask.render_template",
    "**.render_template",
    "django.shortcuts.render",
    "**.render_to_string",
    "**.render_to_response",
    "**.TemplateResponse",
];
const JAVASCRIPT: &[&str] = &["**.render", "**.renderFile"];
const CSHARP: &[&str] = &["View", "PartialView", "this.View", "this.PartialView"];
const RUBY: &[&str] = &["render", "erb", "haml", "slim", "**.render", "redirect_to", "head", "send_file", "send_data"];

impl Fx<'_, '_> {
    /// A render call: its template's unescaped outputs checked against what the call gives it.
    pub(super) fn render_checks(&mut self, site: &CallSite, args: &[Arg], vals: &[Value]) {
        if self.module.lang.family() == Lang::Java {
            if !self.program.templates.is_empty() {
                self.java_render_call(site, args, vals);
            }
            return;
        }
        let renders = match self.module.lang.family() {
            Lang::Python => PYTHON,
            Lang::JavaScript => JAVASCRIPT,
            Lang::Ruby => RUBY,
            Lang::CSharp => CSHARP,
            _ => return,
        };
        if self.program.templates.is_empty() || !renders.iter().any(|p| matches(p, site.callee)) {
            return;
        }
        self.rendered = true;
        // The template is the first constant string (`render(request, "page.html", …)`) or Rails' `template:`.
        let named = args.iter().position(|a| matches!(a.name.as_deref(), Some("template" | "action")));
        let position =
            named.or_else(|| args.iter().position(|a| a.name.is_none() && matches!(a.value.kind, ExprKind::Str(_))));
        let found = position.and_then(|i| match args.get(i).map(|a| &a.value.kind) {
            Some(ExprKind::Str(name)) => Some((i, name.clone())),
            _ => None,
        });
        let (i, name) = match (found, self.module.lang.family()) {
            (Some(found), _) => found,
            // ASP.NET MVC's `View(model)` renders the action's own view.
            (None, Lang::CSharp) => match self.action.clone() {
                Some(action) => (usize::MAX, action),
                None => return,
            },
            (None, _) => return,
        };
        let name = self.template_name(&name);
        if self.module.lang.family() == Lang::CSharp {
            // The model is the argument that is not the view's name.
            let model = args.iter().enumerate().find(|(j, a)| *j != i && a.name.is_none()).map(|(_, a)| &a.value);
            self.render_into(&name, site.callee, site.span, args, vals, model);
            return;
        }
        // What it is given: keyword arguments, the dict or object after the name, Ruby's `locals:`.
        let context = args
            .iter()
            .skip(i.saturating_add(1))
            .find(|a| a.name.is_none() || a.spread || a.name.as_deref() == Some("locals"))
            .map(|a| &a.value);
        self.render_into(&name, site.callee, site.span, args, vals, context);
    }

    /// Rails renders an action's own view when the action does not: `OrdersController#show` renders
    /// `orders/show` with the instance variables it set.
    pub(super) fn implicit_render(&mut self, action: &str, span: Span) {
        let Some(controller) = self.class.as_deref().and_then(|c| c.strip_suffix("Controller")) else { return };
        if self.module.lang != Lang::Ruby || self.program.templates.is_empty() || self.rendered {
            return;
        }
        let name = format!("{}/{action}", snake(controller));
        self.render_into(&name, "(the action's view)", span, &[], &[], None);
    }

    /// `show` in `OrdersController` is `orders/show`.
    fn template_name(&self, name: &str) -> String {
        match self.class.as_deref().and_then(|c| c.strip_suffix("Controller")) {
            Some(controller) if self.module.lang == Lang::Ruby && !name.contains('/') => {
                format!("{}/{name}", snake(controller))
            }
            // `HomeController.Index` → `Views/Home/Index.cshtml`.
            Some(controller) if self.module.lang == Lang::CSharp && !name.contains('/') => {
                format!("Views/{controller}/{name}")
            }
            _ => name.to_string(),
        }
    }

    fn render_into(
        &mut self,
        name: &str,
        callee: &str,
        span: Span,
        args: &[Arg],
        vals: &[Value],
        context: Option<&crate::ir::Expr>,
    ) {
        // The template and those it includes (`<%@ include file=… %>`, `th:replace="~{header :: h}"`), which see
        // the same variables.
        let mut pending = vec![name.to_string()];
        let mut seen: Vec<usize> = Vec::new();
        while let Some(part) = pending.pop() {
            let targets: Vec<usize> = self.program.templates_named(&part).filter(|t| !seen.contains(t)).collect();
            for t in targets {
                if seen.len() >= MAX_INCLUDED {
                    break;
                }
                seen.push(t);
                let Some(module) = self.program.modules.get(t) else { continue };
                let included = module.imports.iter().filter(|i| i.alias == crate::templates::INCLUDE);
                pending.extend(included.map(|i| i.target.clone()));
                let label =
                    if part == name { format!("`{name}`") } else { format!("`{name}` (which includes `{part}`)") };
                self.render_outputs(t, &label, (callee, span), args, vals, context);
            }
        }
    }

    /// The outputs of template `t` checked against what a render gives it.
    fn render_outputs(
        &mut self,
        t: usize,
        label: &str,
        (callee, span): (&str, Span),
        args: &[Arg],
        vals: &[Value],
        context: Option<&crate::ir::Expr>,
    ) {
        let Some(outputs) = self.program.modules.get(t).and_then(|m| m.template.as_ref()) else { return };
        {
            for out in outputs {
                let Some(v) = self.given(&out.root, args, vals, context) else { continue };
                let Some(taint) = v.taint.filter(|t| t.fires(Kind::Xss) || t.reaches_from_params(Kind::Xss)) else {
                    continue;
                };
                let mut steps = taint.steps();
                steps.push((self.m, span, format!("rendered by `{callee}` into {label} as `{}`", out.root)));
                steps.push((t, out.span, format!("written unescaped by `{}`", out.written)));
                if taint.fires(Kind::Xss)
                    && let Some(rule) = self.comp.rule_for(Kind::Xss)
                {
                    self.hits.push(super::Hit {
                        rule,
                        module: t,
                        span: out.span,
                        message: format!("the template writes `{}` from attacker-controlled input unescaped", out.root),
                        trace: steps.clone(),
                    });
                }
                if taint.reaches_from_params(Kind::Xss) {
                    self.sinks.push(SinkReach {
                        params: taint.params,
                        kind: Kind::Xss,
                        module: t,
                        span: out.span,
                        callee: format!("template {}", label.replace('`', "")),
                        steps,
                        writer: None,
                    });
                }
            }
        }
    }

    /// The value a render gives a template under `root`.
    fn given(&mut self, root: &str, args: &[Arg], vals: &[Value], context: Option<&crate::ir::Expr>) -> Option<Value> {
        if self.module.lang.family() == Lang::Java {
            return self.given_java(root);
        }
        if let Some(entry) = root.strip_prefix("ViewBag.").or_else(|| root.strip_prefix("ViewData.")) {
            return self
                .read_path_value(&format!("ViewBag.{entry}"))
                .or_else(|| self.read_path_value(&format!("ViewData[{entry}]")));
        }
        if root == "Model" {
            return context.map(|m| self.expr(m));
        }
        if let Some(field) = root.strip_prefix('@') {
            let own = self.read_path_value(&format!("self.{field}"));
            return own.or_else(|| self.program.fields.get(&(self.m, field.to_string())).cloned());
        }
        if let Some(i) = args.iter().position(|a| a.name.as_deref() == Some(root)) {
            return vals.get(i).cloned();
        }
        let context = context?;
        match &context.kind {
            ExprKind::Dict(entries) => {
                let value = entries.iter().find_map(|(k, v)| {
                    let key = k.as_ref().and_then(|k| match &k.kind {
                        ExprKind::Str(s) | ExprKind::Name(s) => Some(s.as_str()),
                        _ => None,
                    });
                    (key == Some(root)).then_some(v)
                })?;
                Some(self.expr(value))
            }
            _ => {
                let p = crate::taint::canon::path(context)?;
                self.read_path_value(&format!("{p}[{root}]")).or_else(|| self.read_path_value(&format!("{p}.{root}")))
            }
        }
    }
}

/// `OrderItems` → `order_items`; `Admin::Users` keeps its last part.
fn snake(name: &str) -> String {
    let name = name.rsplit("::").next().unwrap_or(name);
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
