//! Thymeleaf (Spring MVC): `th:utext="${x}"` and the inlined `[(${x})]` write unescaped (`th:text` and `[[${x}]]`
//! escape). `*{bio}` reads the enclosing `th:object`; `th:each="u : ${users}"` and `th:with="q=${param.q}"` name
//! values for the expressions after them. Comments are not processed, except the prototype-only `<!--/*/ … /*/-->`.

use super::el::{self, Aliases};
use super::{Out, Written};
use regex::Regex;
use std::sync::LazyLock;

/// `th:NAME="value"` (or `data-th-NAME`), the value in group 1 or 2.
fn attribute(name: &str) -> Option<Regex> {
    Regex::new(&format!(r#"\b(?:th:|data-th-){name}\s*=\s*(?:"([^"]*)"|'([^']*)')"#)).ok()
}

static UTEXT: LazyLock<Option<Regex>> = LazyLock::new(|| attribute("utext"));
static OBJECT: LazyLock<Option<Regex>> = LazyLock::new(|| attribute("object"));
static EACH: LazyLock<Option<Regex>> = LazyLock::new(|| attribute("each"));
static WITH: LazyLock<Option<Regex>> = LazyLock::new(|| attribute("with"));
static INLINE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\[\((.*?)\)\]").ok());
static EXPRESSION: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"([$*])\{([^}]*)\}").ok());
static COMMENT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?s)<!--(?:-->|(?:[^/]|/[^*]|/\*[^/]).*?-->)").ok());

/// Whether an `.html` file is a Thymeleaf template: it declares the namespace, uses `th:` attributes or inlines.
pub(super) fn is_thymeleaf(text: &str) -> bool {
    static MARK: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r#"xmlns:th\s*=|\s(?:th:|data-th-)[a-z]+\s*=\s*["']|\[\[\$\{|\[\(\$\{"#).ok());
    MARK.as_ref().is_some_and(|m| m.is_match(text))
}

pub(super) fn outputs(text: &str) -> Vec<Out> {
    let text = super::blank(text, &COMMENT);
    let text = text.as_str();
    let aliases = aliases(text);
    let objects: Vec<(usize, Vec<Written>)> = matches(&OBJECT, text)
        .map(|(start, _, value)| (start, expressions(value).flat_map(|(_, e)| el::written(e, &aliases)).collect()))
        .collect();
    let mut out = Vec::new();
    let constructs = matches(&UTEXT, text).chain(matches(&INLINE, text));
    for (start, end, value) in constructs {
        for (sigil, expr) in expressions(value) {
            let written = match sigil {
                '*' => match objects.iter().rev().find(|(at, _)| *at < start) {
                    Some((_, object)) => object.clone(),
                    None => el::written(expr, &aliases),
                },
                _ => el::written(expr, &aliases),
            };
            out.extend(written.into_iter().map(|what| Out { start, end, what }));
        }
    }
    out.sort_by_key(|o| o.start);
    out.dedup();
    out
}

/// `th:each="u, stat : ${users}"` → `u` is what `users` holds; `th:with="q=${param.q}, n=${name}"`.
fn aliases(text: &str) -> Aliases {
    let mut aliases = Aliases::new();
    let mut defs: Vec<(usize, String, &str)> = Vec::new();
    for (start, _, value) in matches(&EACH, text) {
        if let Some((names, expr)) = value.split_once(':') {
            let name = names.split(',').next().unwrap_or_default().trim();
            defs.push((start, name.to_string(), expr));
        }
    }
    for (start, _, value) in matches(&WITH, text) {
        for def in el::split_top(value, ',') {
            if let Some((name, expr)) = def.split_once('=') {
                defs.push((start, name.trim().to_string(), expr));
            }
        }
    }
    defs.sort_by_key(|d| d.0);
    for (_, name, expr) in defs {
        let written: Vec<Written> = expressions(expr).flat_map(|(_, e)| el::written(e, &aliases)).collect();
        if !name.is_empty() {
            aliases.insert(name, written);
        }
    }
    aliases
}

static INCLUDE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"\b(?:th:|data-th-|layout:)(?:replace|insert|include|decorate|decorator)\s*=\s*["']\s*(?:~\{)?\s*([\w./-]+)"#,
    )
    .ok()
});

/// The templates this one includes or is decorated by (`th:replace="~{fragments/header :: header}"`,
/// `th:insert="footer"`, `layout:decorate="~{layouts/main}"`): they see its model.
pub(super) fn includes(text: &str) -> Vec<String> {
    let text = super::blank(text, &COMMENT);
    matches(&INCLUDE, &text).map(|(_, _, name)| name.to_string()).filter(|n| n != "this").collect()
}

/// Each match: its bytes and its first group.
fn matches<'t>(re: &'t Option<Regex>, text: &'t str) -> impl Iterator<Item = (usize, usize, &'t str)> + 't {
    re.iter().flat_map(move |re| {
        re.captures_iter(text).filter_map(|c| {
            let whole = c.get(0)?;
            let value = c.iter().skip(1).flatten().next().map_or("", |m| m.as_str());
            Some((whole.start(), whole.end(), value))
        })
    })
}

/// The `${…}` and `*{…}` expressions in an attribute value or inlined text.
fn expressions(value: &str) -> impl Iterator<Item = (char, &str)> {
    EXPRESSION.iter().flat_map(move |re| {
        re.captures_iter(value).filter_map(|c| {
            let sigil = c.get(1)?.as_str().chars().next()?;
            Some((sigil, c.get(2)?.as_str()))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<Written> {
        outputs(text).into_iter().map(|o| o.what).collect()
    }

    #[test]
    fn unescaped_outputs_and_their_values() {
        let var = |n: &str| Written::Var(n.into());
        assert_eq!(found(r#"<p th:text="${bio}">x</p><p th:utext="${bio}">x</p>"#), vec![var("bio")]);
        assert_eq!(found("<script>var a = [[${a}]]; var b = [(${b})];</script>"), vec![var("b")]);
        assert_eq!(found(r#"<div th:object="${user}"><p th:utext="*{bio}"></p></div>"#), vec![var("user")]);
        assert_eq!(found(r#"<tr th:each="u : ${users}"><td th:utext="${u.bio}"></td></tr>"#), vec![var("users")]);
        assert_eq!(
            found(r#"<p th:with="q=${param.q}" th:utext="${q}"></p>"#),
            vec![Written::Request { method: "getParameter", key: Some("q".into()) }]
        );
        assert!(found(r##"<!-- <p th:utext="${bio}"></p> --><p th:utext="#{home.welcome}"></p>"##).is_empty());
        assert!(found(r#"<p th:utext="${#strings.escapeXml(bio)}"></p>"#).is_empty());
    }

    #[test]
    fn included_templates() {
        let text = r#"<div th:replace="~{fragments/header :: header}"></div><div th:insert="footer :: f"></div>
<html layout:decorate="~{layouts/main}"><div th:replace="~{::local}"></div><div th:insert="${view}"></div>"#;
        assert_eq!(includes(text), vec!["fragments/header", "footer", "layouts/main"]);
    }

    #[test]
    fn recognised_by_its_attributes() {
        assert!(is_thymeleaf(r#"<html xmlns:th="http://www.thymeleaf.org">"#));
        assert!(is_thymeleaf(r#"<p th:text="${x}">"#));
        assert!(!is_thymeleaf("<p>{{ x|safe }}</p>"));
    }
}
