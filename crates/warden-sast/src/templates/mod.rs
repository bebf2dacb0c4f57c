//! Templates as sinks of cross-site scripting: each template file becomes a module with no code whose
//! [`TemplateOutput`]s are the places it writes a value without escaping it. The taint engine connects them to
//! the code: a render call (`render_template("page.html", bio=…)`, `res.render("page", { bio })`, a Rails action's
//! instance variables) that gives a template input, where the template writes that variable unescaped, is a finding
//! in the template with the trace through the render call.
//!
//! Parsing is by pattern, per syntax (one file each); it finds the unescaped outputs only, and never fails: text
//! that is not a template simply has none.

mod ejs;
mod el;
mod erb;
mod handlebars;
mod jinja;
mod jsp;
mod pug;
mod razor;
mod request;
mod thymeleaf;

use crate::frontend::module_name;
use crate::ir::{Import, Module, Span, TemplateOutput};
use crate::lang::Lang;

/// The alias of a template's [`Import`]s that name the templates it includes (`<%@ include file="header.jspf" %>`,
/// `th:replace="~{fragments/header :: header}"`): they see the variables it was given.
pub const INCLUDE: &str = "<include>";

/// The template syntaxes understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Jinja2 and Django templates (`.html`, `.jinja`, `.j2`): `{{ x|safe }}`, `{% autoescape false/off %}`.
    Jinja,
    /// Rails and Sinatra ERB: `<%== x %>`, `<%= raw x %>`, `<%= x.html_safe %>`.
    Erb,
    /// EJS: `<%- x %>`.
    Ejs,
    /// Handlebars and Mustache: `{{{ x }}}`, `{{& x }}`.
    Handlebars,
    /// Pug (Jade): `!{x}`, `p!= x`.
    Pug,
    /// Razor: `@Html.Raw(x)`, `new HtmlString(x)`.
    Razor,
    /// Thymeleaf (`.html` with `th:` attributes, or under a Spring `templates/` resource folder): `th:utext`,
    /// `[(${x})]`.
    Thymeleaf,
    /// JSP (`.jsp`, `.jspx`, `.jspf`, `.tag`, `.tagx`): `<%= x %>`, `out.print(x)`, EL `${x}` outside tags.
    Jsp,
}

/// A template file's syntax and the language whose code renders it, by its name alone (`.html` is Jinja's until
/// its text says otherwise: see [`syntax_for`]).
pub fn syntax_of(path: &str) -> Option<(Lang, Syntax)> {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    Some(match ext {
        "erb" | "rhtml" => (Lang::Ruby, Syntax::Erb),
        "ejs" => (Lang::JavaScript, Syntax::Ejs),
        "hbs" | "handlebars" | "mustache" => (Lang::JavaScript, Syntax::Handlebars),
        "pug" | "jade" => (Lang::JavaScript, Syntax::Pug),
        "cshtml" | "razor" => (Lang::CSharp, Syntax::Razor),
        "jsp" | "jspx" | "jspf" | "tag" | "tagx" => (Lang::Java, Syntax::Jsp),
        "html" | "htm" | "jinja" | "jinja2" | "j2" | "djhtml" => (Lang::Python, Syntax::Jinja),
        _ => return None,
    })
}

/// A template file's syntax from its name and text: an `.html` file is Thymeleaf (rendered by Java) when it uses
/// Thymeleaf's attributes or inlining, or sits in a Spring resource folder of templates; Jinja otherwise.
pub fn syntax_for(path: &str, text: &str) -> Option<(Lang, Syntax)> {
    let found = syntax_of(path)?;
    let spring = ["src/main/resources/templates/", "BOOT-INF/classes/templates/", "WEB-INF/templates/"];
    let html = [".html", ".htm"].iter().any(|e| path.to_ascii_lowercase().ends_with(e));
    if html && (spring.iter().any(|d| path.contains(d)) || thymeleaf::is_thymeleaf(text)) {
        return Some((Lang::Java, Syntax::Thymeleaf));
    }
    Some(found)
}

/// A template as a module: its path and name like code's, its unescaped outputs; reads of the request written
/// unescaped become a servlet method of the module ([`request`]).
pub fn lower(lang: Lang, syntax: Syntax, path: &str, text: &str) -> Module {
    let found = match syntax {
        Syntax::Thymeleaf => thymeleaf::outputs(text),
        Syntax::Jsp => jsp::outputs(text),
        _ => {
            let raw = match syntax {
                Syntax::Erb => erb::outputs(text),
                Syntax::Ejs => ejs::outputs(text),
                Syntax::Handlebars => handlebars::outputs(text),
                Syntax::Pug => pug::outputs(text),
                Syntax::Razor => razor::outputs(text),
                _ => jinja::outputs(text),
            };
            raw.into_iter()
                .filter_map(|r| Some(Out { start: r.start, end: r.end, what: Written::Var(root_of(r.expr, syntax)?) }))
                .collect()
        }
    };
    let mut module = Module::new(lang, path, &module_name(path));
    let included = match syntax {
        Syntax::Thymeleaf => thymeleaf::includes(text),
        Syntax::Jsp => jsp::includes(text),
        _ => Vec::new(),
    };
    module.imports = included.into_iter().map(|target| Import { alias: INCLUDE.to_string(), target }).collect();
    let mut outputs = Vec::new();
    let mut reads = Vec::new();
    for out in found {
        let span = span_of(text, out.start, out.end);
        let written = text.get(out.start..out.end).unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ");
        let written = written.chars().take(120).collect();
        match out.what {
            Written::Var(root) => outputs.push(TemplateOutput { span, root, written }),
            Written::Request { method, key } => reads.push(request::Read { span, written, method, key }),
        }
    }
    if lang == Lang::Java
        && let Some(servlet) = request::servlet(&reads)
    {
        module.functions.push(servlet);
    }
    module.template = Some(outputs);
    module
}

/// What an unescaped output writes: a variable the template was given, or a read of the request itself.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Written {
    Var(String),
    Request { method: &'static str, key: Option<String> },
}

/// An unescaped output as resolved: its bytes and what it writes.
#[derive(Debug, PartialEq, Eq)]
struct Out {
    start: usize,
    end: usize,
    what: Written,
}

/// `text` with every match of `re` (comments) blanked: the same bytes and lines, spaces for the rest.
fn blank(text: &str, re: &Option<regex::Regex>) -> String {
    let Some(re) = re.as_ref() else { return text.to_string() };
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for m in re.find_iter(text) {
        out.push_str(text.get(at..m.start()).unwrap_or_default());
        for c in m.as_str().chars() {
            match c {
                '\n' => out.push('\n'),
                c => out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            }
        }
        at = m.end();
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// Whether a render call naming `name` (`"page.html"`, `"orders/show"`, `"index"`) means the template at `path`:
/// the path ends with the name, with or without the template's extensions.
pub fn names(path: &str, name: &str) -> bool {
    let name = name.trim_start_matches("./").trim_start_matches('/');
    if name.is_empty() {
        return false;
    }
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let stem = file.split_once('.').map_or(file, |(s, _)| s);
    let ends = |full: &str| full == name || full.ends_with(&format!("/{name}"));
    ends(path) || ends(&format!("{dir}/{stem}"))
}

/// Every match of `re` as an output: the whole match, and the first capture group that matched as the expression.
fn outputs_of<'t>(re: &Option<regex::Regex>, text: &'t str) -> Vec<Raw<'t>> {
    let Some(re) = re.as_ref() else { return Vec::new() };
    re.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let expr = c.iter().skip(1).flatten().next()?;
            Some(Raw { start: whole.start(), end: whole.end(), expr: expr.as_str() })
        })
        .collect()
}

/// An unescaped output as found: the bytes of the whole construct and of the expression written.
struct Raw<'t> {
    start: usize,
    end: usize,
    expr: &'t str,
}

/// The variable an expression starts from: `user.bio|safe` → `user`, `raw(@bio)` → `@bio`, `this.bio` → `bio`,
/// `locals.bio` → `bio`; `None` for a literal or nothing usable.
fn root_of(expr: &str, syntax: Syntax) -> Option<String> {
    let mut e = expr.trim().trim_start_matches('(').trim();
    for prefix in ["raw(", "raw ", "this.", "locals.", "@root.", "../"] {
        if let Some(rest) = e.strip_prefix(prefix) {
            e = rest.trim_start();
        }
    }
    if syntax == Syntax::Handlebars {
        // `{{{ markdown post.body }}}`: a helper applied to a value; the value is what was given.
        let mut words = e.split_whitespace();
        if let (Some(_helper), Some(arg)) = (words.next(), words.next()) {
            e = arg;
        }
    }
    let sigil = if e.starts_with('@') && syntax == Syntax::Erb { "@" } else { "" };
    let body = e.strip_prefix(sigil).unwrap_or(e);
    let ident: String = body.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$').collect();
    if syntax == Syntax::Razor && matches!(ident.as_str(), "ViewBag" | "ViewData") {
        // `ViewBag.Bio`, `ViewData["Bio"]`: the entry is what was given.
        let rest = body.get(ident.len()..).unwrap_or_default().trim_start_matches(['.', '[', '"', '\'', ' ']);
        let key: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        return (!key.is_empty()).then(|| format!("{ident}.{key}"));
    }
    if ident.is_empty() || ident.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if matches!(ident.as_str(), "true" | "false" | "nil" | "null" | "None" | "include" | "yield" | "render" | "super") {
        return None;
    }
    Some(format!("{sigil}{ident}"))
}

fn span_of(text: &str, start: usize, end: usize) -> Span {
    let line = |at: usize| text.get(..at).map_or(1, |t| t.matches('\n').count() as u32 + 1);
    Span {
        start_line: line(start),
        end_line: line(end.saturating_sub(1).max(start)),
        start_byte: start as u32,
        end_byte: end as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(path: &str, text: &str) -> Vec<(u32, String)> {
        let (lang, syntax) = syntax_for(path, text).unwrap();
        lower(lang, syntax, path, text).template.unwrap().into_iter().map(|o| (o.span.start_line, o.root)).collect()
    }

    #[test]
    fn each_syntax_finds_its_unescaped_outputs() {
        let jinja = "<p>{{ name }}</p>\n<p>{{ user.bio|safe }}</p>\n{% autoescape false %}\n{{ note }}\n{% endautoescape %}\n{{ x|e }}";
        assert_eq!(roots("templates/p.html", jinja), vec![(2, "user".into()), (4, "note".into())]);
        let erb = "<%= @name %>\n<%== @bio %>\n<%= raw(comment) %>\n<%= @sig.html_safe %>\n<%= render 'x' %>";
        assert_eq!(
            roots("app/views/u/show.html.erb", erb),
            vec![(2, "@bio".into()), (3, "comment".into()), (4, "@sig".into())]
        );
        let ejs = "<%= name %>\n<%- include('header') %>\n<%- bio %>\n<%- locals.sig -%>";
        assert_eq!(roots("views/p.ejs", ejs), vec![(3, "bio".into()), (4, "sig".into())]);
        let hbs = "{{name}}\n{{{bio}}}\n{{{ markdown post.body }}}\n{{& sig }}";
        assert_eq!(roots("views/p.hbs", hbs), vec![(2, "bio".into()), (3, "post".into()), (4, "sig".into())]);
        let pug = "p= name\np!= bio\ndiv\n  span !{sig} here";
        assert_eq!(roots("views/p.pug", pug), vec![(2, "bio".into()), (4, "sig".into())]);
        let razor = "<p>@Model.Name</p>\n<div>@Html.Raw(Model.Bio)</div>\n@Html.Raw(ViewBag.Note)\n@Html.Raw(ViewData[\"Sig\"])";
        assert_eq!(
            roots("Views/Home/Index.cshtml", razor),
            vec![(2, "Model".into()), (3, "ViewBag.Note".into()), (4, "ViewData.Sig".into())]
        );
    }

    #[test]
    fn java_templates_by_name_and_text() {
        assert_eq!(syntax_for("templates/p.html", "{{ x|safe }}"), Some((Lang::Python, Syntax::Jinja)));
        assert_eq!(syntax_for("t/p.html", "<p th:utext=\"${x}\">"), Some((Lang::Java, Syntax::Thymeleaf)));
        assert_eq!(syntax_for("src/main/resources/templates/p.html", "<p>"), Some((Lang::Java, Syntax::Thymeleaf)));
        assert_eq!(syntax_for("WEB-INF/views/p.jsp", ""), Some((Lang::Java, Syntax::Jsp)));
        let thymeleaf = "<p th:text=\"${name}\"></p>\n<p th:utext=\"${bio}\"></p>\n<p th:utext=\"${param.q}\"></p>";
        assert_eq!(roots("templates/p.html", thymeleaf), vec![(2, "bio".into())]);
        let jsp = "<%-- c --%>\n<p>${bio}</p>\n<c:out value=\"${name}\"/>\n<%= request.getParameter(\"q\") %>";
        assert_eq!(roots("WEB-INF/p.jsp", jsp), vec![(2, "bio".into())]);
        let (lang, syntax) = syntax_for("WEB-INF/p.jsp", jsp).unwrap();
        let module = lower(lang, syntax, "WEB-INF/p.jsp", jsp);
        let servlet = module.functions.get(1).unwrap();
        assert_eq!((servlet.name.as_str(), servlet.span.start_line), ("_jspService", 4));
    }

    #[test]
    fn literals_and_static_text_are_not_outputs() {
        assert!(roots("t.html", "<html>{{ 'x'|safe }} {{ 3|safe }}</html>").is_empty());
        assert!(roots("t.html", "<script>if (a && b) { c(); }</script>").is_empty());
        assert!(roots("t.ejs", "<%- include('a') %>").is_empty());
    }

    #[test]
    fn render_names_match_template_paths() {
        assert!(names("/var/task/templates/page.html", "page.html"));
        assert!(names("/var/task/app/views/orders/show.html.erb", "orders/show"));
        assert!(names("/var/task/views/index.ejs", "index"));
        assert!(names("/var/task/views/index.ejs", "index.ejs"));
        assert!(!names("/var/task/views/myindex.ejs", "index"));
        assert!(!names("/var/task/templates/page.html", ""));
    }
}
