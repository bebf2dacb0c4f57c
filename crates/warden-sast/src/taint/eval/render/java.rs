//! Java render calls. Spring MVC: a controller method sets its model (`model.addAttribute("bio", bio)`,
//! `modelMap.put`, `mav.addObject`, `new ModelAndView("profile", "bio", bio)`, an `@ModelAttribute` parameter) and
//! returns the view's name (`return "profile";` → `templates/profile.html`, `WEB-INF/views/profile.jsp`) or the
//! `ModelAndView`; `@RestController` and `@ResponseBody` methods return data, not views. Servlets:
//! `request.setAttribute("bio", bio)` then `request.getRequestDispatcher("/WEB-INF/profile.jsp").forward(…)` (or
//! `include`). The attributes are the template's variables.

use super::super::Fx;
use crate::ir::Span;
use crate::ir::{Arg, Expr, ExprKind, Function};
use crate::lang::Lang;
use crate::rules::{CallSite, Const};
use crate::taint::canon::{path, simple_type};
use crate::taint::value::Value;

/// The function's model so far, by attribute name (`(model)[bio]`), whatever object holds it (Spring's `Model`,
/// `ModelMap`, `ModelAndView`, the request or session of a servlet: JSP reads them all by name).
const MODEL: &str = "(model)";
/// The `ModelAndView`'s view name, and the path of a map given as its model.
const VIEW: &str = "(view)";
const MODEL_MAP: &str = "(model-map)";
/// The path a `RequestDispatcher` was asked for.
const DISPATCHER: &str = "(dispatcher)";

impl Fx<'_, '_> {
    /// A call that sets a view's model or name, or a servlet forward (which renders).
    pub(super) fn java_render_call(&mut self, site: &CallSite, args: &[Arg], vals: &[Value]) {
        let key = site.str_arg(0, "").map(str::to_string);
        let text = |s: String| Value::konst(Const::Str(s));
        match site.method() {
            "addAttribute" | "addObject" | "setAttribute" | "put" if site.positional() == 2 => {
                // A plain map's `put` is its own entry (the map may become the model: see `given_java`).
                let model = site.method() != "put" || site.callee.contains("Model");
                if let (true, Some(k), Some(v)) = (model, key, vals.get(1)) {
                    self.env.insert(format!("{MODEL}[{k}]"), v.clone());
                }
            }
            "setViewName" => {
                if let Some(k) = key {
                    self.env.insert(VIEW.into(), text(k));
                }
            }
            "getRequestDispatcher" => {
                if let Some(k) = key {
                    self.env.insert(DISPATCHER.into(), text(k));
                }
            }
            "forward" | "include" if site.callee.contains("RequestDispatcher") => {
                let name = self.env.get(DISPATCHER).and_then(|v| v.konst.as_ref()).and_then(Const::as_str);
                if let Some(name) = name.map(str::to_string) {
                    self.render_into(&name, site.callee, site.span, &[], &[], None);
                }
            }
            "ModelAndView" if site.new => {
                if let Some(k) = key {
                    self.env.insert(VIEW.into(), text(k));
                }
                match (site.str_arg(1, ""), vals.get(2), args.get(1)) {
                    (Some(k), Some(v), _) => {
                        self.env.insert(format!("{MODEL}[{k}]"), v.clone());
                    }
                    (None, None, Some(map)) => {
                        if let Some(p) = path(&map.value) {
                            self.env.insert(MODEL_MAP.into(), text(p));
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// A value returned: a Spring controller's view name, or its `ModelAndView`, renders that view.
    pub(in crate::taint::eval) fn view_returned(&mut self, v: &Value, span: Span) {
        if self.module.lang != Lang::Java || self.program.templates.is_empty() {
            return;
        }
        let model_and_view = v.ty.as_deref().is_some_and(|t| simple_type(t).rsplit('.').next() == Some("ModelAndView"));
        let name = if model_and_view {
            self.env.get(VIEW).and_then(|v| v.konst.as_ref())
        } else if self.spring_view_method() {
            v.konst.as_ref()
        } else {
            None
        };
        // `"users/list :: table"` renders a fragment of `users/list`.
        let Some(name) = name.and_then(Const::as_str).map(|n| n.split("::").next().unwrap_or(n).trim().to_string())
        else {
            return;
        };
        if name.starts_with("redirect:") || name.starts_with("forward:") || name.is_empty() {
            return;
        }
        let callee = if model_and_view { "the returned ModelAndView" } else { "the returned view name" };
        self.render_into(&name, callee, span, &[], &[], None);
    }

    /// The value a Java view gets under `root`: a model or request attribute, an entry of a map that is the model
    /// (a `Map`/`ModelMap` parameter, a `ModelAndView`'s map), or an `@ModelAttribute` parameter.
    pub(super) fn given_java(&self, root: &str) -> Option<Value> {
        let mut found = self.read_path_value(&format!("{MODEL}[{root}]"));
        let mut maps: Vec<String> = Vec::new();
        if let Some(p) = self.env.get(MODEL_MAP).and_then(|v| v.konst.as_ref()).and_then(Const::as_str) {
            maps.push(p.to_string());
        }
        for f in self.own_functions() {
            for p in &f.params {
                let ty = p.ty.as_deref().map(simple_type).unwrap_or_default();
                let ty = ty.rsplit('.').next().unwrap_or_default();
                if matches!(ty, "Map" | "ModelMap" | "ExtendedModelMap" | "HashMap") {
                    maps.push(p.name.clone());
                }
                if p.annotations.iter().any(|a| a.ends_with("ModelAttribute")) && (p.name == root || decap(ty) == root)
                {
                    found = either(found, self.read_path_value(&p.name));
                }
            }
        }
        for m in maps {
            found = either(found, self.read_path_value(&format!("{m}[{root}]")));
        }
        found
    }

    /// The method being analysed (and its overloads).
    fn own_functions(&self) -> impl Iterator<Item = &Function> {
        self.module.functions.iter().filter(|f| f.class == self.class && Some(&f.name) == self.action.as_ref())
    }

    /// A method of a Spring `@Controller` that is not `@ResponseBody`: a string it returns names a view.
    fn spring_view_method(&self) -> bool {
        let Some(class) = self.class.as_ref().and_then(|c| self.module.classes.iter().find(|k| &k.name == c)) else {
            return false;
        };
        let class = annotations(&class.decorators);
        if !class.iter().any(|a| a == "Controller")
            || class.iter().any(|a| a == "RestController" || a == "ResponseBody")
        {
            return false;
        }
        !self.own_functions().any(|f| annotations(&f.decorators).iter().any(|a| a == "ResponseBody"))
    }
}

/// Annotations' simple names (`Controller` of `@org.springframework.stereotype.Controller`).
fn annotations(decorators: &[Expr]) -> Vec<String> {
    decorators
        .iter()
        .filter_map(|d| match &d.kind {
            ExprKind::Call { callee, .. } => callee.dotted(),
            _ => d.dotted(),
        })
        .map(|n| n.rsplit('.').next().unwrap_or(&n).to_string())
        .collect()
}

/// `UserForm` → `userForm`: Spring's default name of a model attribute.
fn decap(ty: &str) -> String {
    let mut c = ty.chars();
    c.next().map(|f| f.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
}

fn either(a: Option<Value>, b: Option<Value>) -> Option<Value> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.join(b)),
        (a, b) => a.or(b),
    }
}
