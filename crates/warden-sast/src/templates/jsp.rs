//! JSP (`.jsp`, `.jspx`, `.jspf`, `.tag`): `<%= x %>`, `out.print(x)` in a scriptlet and EL `${x}` in the page's
//! text or an HTML attribute write unescaped; `<c:out value="${x}"/>` and `${fn:escapeXml(x)}` escape. EL in the
//! attributes of other tag-library tags (`<c:if test="${…}">`, `<c:forEach items="${…}">`) is not output, except
//! `<c:out … escapeXml="false">`. `<c:set var>`, `<c:forEach var>` and scriptlet variables name values for the
//! expressions after them. A page whose `contentType` is not HTML writes no markup; `isELIgnored="true"` turns EL off.

use super::el::{self, Aliases};
use super::{Out, Written};
use regex::Regex;
use std::sync::LazyLock;

static COMMENT: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)<%--.*?--%>").ok());
static CONTENT_TYPE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r#"(?:<%@\s*page\b|<jsp:directive\.page\b)[^>]*?\bcontentType\s*=\s*["']([^"']*)["']"#).ok()
});
static EL_IGNORED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r#"isELIgnored\s*=\s*["']true["']"#).ok());
static EXPRESSION: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?s)<%=(.*?)%>|<jsp:expression>(.*?)</jsp:expression>").ok());
static SCRIPTLET: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?s)<%([^=@!\-].*?)%>|<jsp:scriptlet>(.*?)</jsp:scriptlet>").ok());
static DIRECTIVE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)<%[@!].*?%>").ok());
static PRINT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\bout\s*\.\s*(?:print|println|write|append)\s*\(").ok());
static ASSIGN: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?:^|[;{}\s])(\w+)\s*=\s*([^;=][^;]*);").ok());
static PUBLISH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"\b(?:pageContext|request|session|application)\s*\.\s*setAttribute\s*\(\s*"([^"]+)"\s*,\s*([^;]+)\)\s*;"#,
    )
    .ok()
});
static EL: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"[$#]\{([^}]*)\}").ok());
/// A tag of a tag library (`<c:out …>`, `<fmt:message …/>`), its prefix, name and attributes (whose values may hold
/// `<%= … %>` with quotes of their own).
static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"<([A-Za-z][\w-]*):([\w.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"(?:<%.*?%>|[^"])*"|'(?:<%.*?%>|[^'])*'))*)\s*/?>"#,
    )
    .ok()
});
static ATTR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r#"([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).ok());
static SET_BODY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r#"(?s)<[\w-]+:set\b[^>]*?\bvar\s*=\s*["'](\w+)["'][^>]*[^/]>(.*?)</[\w-]+:set>"#).ok()
});

pub(super) fn outputs(text: &str) -> Vec<Out> {
    let text = super::blank(text, &COMMENT);
    let text = text.as_str();
    if let Some(ty) = first(&CONTENT_TYPE, text).and_then(|c| c.get(1)) {
        let ty = ty.as_str().to_ascii_lowercase();
        if !ty.contains("html") && !ty.contains("xml") {
            return Vec::new();
        }
    }
    let el_on = !EL_IGNORED.as_ref().is_some_and(|r| r.is_match(text));
    let mut defs: Vec<(usize, String, Def)> = Vec::new();
    let mut skip: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    let mut raw_tags: Vec<(usize, usize, &str)> = Vec::new();
    for c in all(&TAG, text) {
        let (Some(whole), Some(name)) = (c.get(0), c.get(2)) else { continue };
        skip.push((whole.start(), whole.end()));
        let attrs = attributes(c.get(3).map_or("", |a| a.as_str()));
        let attr = |n: &str| attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)).map(|(_, v)| *v);
        match name.as_str() {
            "out" if attr("escapeXml").is_some_and(|v| v.trim().eq_ignore_ascii_case("false")) => {
                if let Some(v) = attr("value") {
                    raw_tags.push((whole.start(), whole.end(), v));
                }
            }
            "set" => {
                if let (Some(var), Some(v)) = (attr("var"), attr("value")) {
                    defs.push((whole.start(), var.to_string(), Def::El(v)));
                }
            }
            "forEach" => {
                if let (Some(var), Some(v)) = (attr("var"), attr("items")) {
                    defs.push((whole.start(), var.to_string(), Def::El(v)));
                }
            }
            _ => {}
        }
    }
    let tags = merged(skip.clone());
    for c in all(&SET_BODY, text) {
        let (Some(whole), Some(var), Some(body)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        skip.push((whole.start(), whole.end()));
        defs.push((whole.start(), var.as_str().to_string(), Def::El(body.as_str())));
    }
    for c in all(&DIRECTIVE, text).chain(all(&EXPRESSION, text)) {
        if let Some(whole) = c.get(0) {
            skip.push((whole.start(), whole.end()));
        }
    }
    let scriptlets: Vec<(usize, usize, usize, &str)> = all(&SCRIPTLET, text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let code = c.iter().skip(1).flatten().next()?;
            Some((whole.start(), whole.end(), code.start(), code.as_str()))
        })
        .collect();
    for (start, end, _, code) in &scriptlets {
        skip.push((*start, *end));
        for a in all(&ASSIGN, code) {
            if let (Some(name), Some(value)) = (a.get(1), a.get(2)) {
                defs.push((start + name.start(), name.as_str().to_string(), Def::Java(value.as_str())));
            }
        }
        for a in all(&PUBLISH, code) {
            if let (Some(name), Some(value)) = (a.get(1), a.get(2)) {
                defs.push((start + name.start(), name.as_str().to_string(), Def::Publish(value.as_str())));
            }
        }
    }
    defs.sort_by_key(|d| d.0);
    // EL sees attributes (`<c:set>`, `pageContext.setAttribute`), Java the scriptlets' variables.
    let (mut aliases, mut locals) = (Aliases::new(), Aliases::new());
    for (_, name, def) in defs {
        let (written, value, into) = match def {
            Def::El(v) => (el_exprs(v).flat_map(|e| el::written(e, &aliases)).collect(), v, &mut aliases),
            Def::Java(v) => (el::java_written(v, &locals), v, &mut locals),
            Def::Publish(v) => (el::java_written(v, &locals), v, &mut aliases),
        };
        // `if (q == null) q = "";` keeps what `q` held; `q = Encode.forHtml(q);` does not.
        if written.is_empty() && !el::escapes(value) && into.contains_key(&name) {
            continue;
        }
        into.insert(name, written);
    }
    for c in all(&EXPRESSION, text) {
        let (Some(whole), Some(expr)) = (c.get(0), c.iter().skip(1).flatten().next()) else { continue };
        if inside(&tags, whole.start()) {
            // A request-time attribute of a tag (`<jsp:include page="<%= url %>">`) is the tag's, not output.
            continue;
        }
        let written = el::java_written(expr.as_str(), &locals);
        out.extend(written.into_iter().map(|what| Out { start: whole.start(), end: whole.end(), what }));
    }
    for (_, _, at, code) in &scriptlets {
        for p in all(&PRINT, code) {
            let Some(open) = p.get(0) else { continue };
            let Some(arg) = code.get(open.end()..).and_then(balanced) else { continue };
            let (start, end) = (at + open.start(), at + open.end() + arg.len() + 1);
            let written = el::java_written(arg, &locals);
            out.extend(written.into_iter().map(|what| Out { start, end, what }));
        }
    }
    let skip = merged(skip);
    if el_on {
        for (start, end, value) in raw_tags {
            let written: Vec<Written> = el_exprs(value).flat_map(|e| el::written(e, &aliases)).collect();
            out.extend(written.into_iter().map(|what| Out { start, end, what }));
        }
        for c in all(&EL, text) {
            let (Some(whole), Some(expr)) = (c.get(0), c.get(1)) else { continue };
            let escaped = text.get(..whole.start()).is_some_and(|t| t.ends_with('\\'));
            if escaped || inside(&skip, whole.start()) {
                continue;
            }
            let written = el::written(expr.as_str(), &aliases);
            out.extend(written.into_iter().map(|what| Out { start: whole.start(), end: whole.end(), what }));
        }
    }
    out.sort_by_key(|o| o.start);
    out.dedup();
    out
}

/// Whether `at` is in one of `ranges` (sorted by start and merged: see [`merged`]).
fn inside(ranges: &[(usize, usize)], at: usize) -> bool {
    let i = ranges.partition_point(|(s, _)| *s <= at);
    i.checked_sub(1).and_then(|j| ranges.get(j)).is_some_and(|(_, e)| at < *e)
}

/// Ranges sorted and overlapping ones merged.
fn merged(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

static INCLUDE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"(?:<%@\s*include\s+file|<jsp:directive\.include\s+file|<jsp:include\s+page|<[\w-]+:import\s+url)\s*=\s*["']([^"'<$?#]+)"#,
    )
    .ok()
});

/// The pages this one includes (`<%@ include file="header.jspf" %>`, `<jsp:include page="/WEB-INF/footer.jsp"/>`,
/// `<c:import url="/menu.jsp"/>`), which see its request attributes.
pub(super) fn includes(text: &str) -> Vec<String> {
    all(&INCLUDE, text)
        .filter_map(|c| c.get(1).map(|m| m.as_str().trim().to_string()))
        .filter(|p| !p.is_empty() && !p.contains("://"))
        .collect()
}

/// A name's definition: an attribute value with EL in it (`<c:set var="q" value="${param.q}"/>`), a scriptlet's
/// variable (`String q = request.getParameter("q");`), or an attribute a scriptlet sets for EL
/// (`pageContext.setAttribute("q", q);`).
enum Def<'t> {
    El(&'t str),
    Java(&'t str),
    Publish(&'t str),
}

fn all<'t>(re: &'t Option<Regex>, text: &'t str) -> impl Iterator<Item = regex::Captures<'t>> + 't {
    re.iter().flat_map(move |re| re.captures_iter(text))
}

fn first<'t>(re: &Option<Regex>, text: &'t str) -> Option<regex::Captures<'t>> {
    re.as_ref().and_then(|re| re.captures(text))
}

fn attributes(s: &str) -> Vec<(&str, &str)> {
    all(&ATTR, s)
        .filter_map(|c| Some((c.get(1)?.as_str(), c.iter().skip(2).flatten().next().map_or("", |m| m.as_str()))))
        .collect()
}

/// The EL expressions (`${…}`, `#{…}`) in a value.
fn el_exprs(value: &str) -> impl Iterator<Item = &str> {
    all(&EL, value).filter_map(|c| c.get(1).map(|m| m.as_str()))
}

/// The text up to the parenthesis that closes one already open: `a(b), c) + d` → `a(b), c`.
fn balanced(s: &str) -> Option<&str> {
    let (mut depth, mut quote, mut escaped) = (0i32, None::<char>, false);
    for (i, c) in s.char_indices() {
        if std::mem::take(&mut escaped) {
            continue;
        }
        match (quote, c) {
            (Some(_), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') if depth == 0 => return s.get(..i),
            (None, ')') => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::el::tests::{param, var};
    use super::*;

    fn found(text: &str) -> Vec<Written> {
        outputs(text).into_iter().map(|o| o.what).collect()
    }

    #[test]
    fn unescaped_outputs() {
        assert_eq!(found("<p>${bio}</p><p><c:out value=\"${bio}\"/></p><p>${fn:escapeXml(bio)}</p>"), vec![var("bio")]);
        assert_eq!(found("<c:out value=\"${sig}\" escapeXml=\"false\"/>"), vec![var("sig")]);
        assert_eq!(found("<c:if test=\"${not empty note}\">x</c:if><input value=\"${param.q}\">"), vec![param("q")]);
        assert_eq!(found("<%= request.getParameter(\"q\") %>"), vec![param("q")]);
        assert!(found("<jsp:include page=\"<%= request.getParameter(\"p\") %>\"/>").is_empty());
        assert_eq!(found("<% String bio = (String) request.getAttribute(\"bio\"); %>\n<%= bio %>"), vec![var("bio")]);
        assert_eq!(
            found("<% String q = request.getParameter(\"q\"); out.println(\"<b>\" + q + \"</b>\"); %>"),
            vec![param("q")]
        );
        assert_eq!(found("<c:set var=\"q\" value=\"${param.q}\"/>${q}"), vec![param("q")]);
        let scriptlet = "<% String q = request.getParameter(\"q\"); if (q == null) q = \"\"; %>\n<%= q %>\n${q}";
        // EL does not see a scriptlet's variables: `${q}` is an attribute named `q`.
        assert_eq!(found(scriptlet), vec![param("q"), var("q")]);
        let escaped = "<% String q = request.getParameter(\"q\"); q = Encode.forHtml(q); %><%= q %>";
        assert!(found(escaped).is_empty());
        let published = "<% String q = request.getParameter(\"q\"); pageContext.setAttribute(\"q\", q); %>${q}";
        assert_eq!(found(published), vec![param("q")]);
        assert_eq!(found("<c:forEach var=\"u\" items=\"${users}\">${u.bio}</c:forEach>"), vec![var("users")]);
    }

    #[test]
    fn included_pages() {
        let text =
            "<%@ include file=\"header.jspf\" %><jsp:include page=\"/WEB-INF/f.jsp?x=1\"/><c:import url=\"http://x\"/>";
        assert_eq!(includes(text), vec!["header.jspf".to_string(), "/WEB-INF/f.jsp".to_string()]);
    }

    #[test]
    fn comments_escapes_and_content_types() {
        assert!(found("<%-- ${bio} --%>\\${bio}").is_empty());
        assert!(found("<%@ page contentType=\"application/json\" %>${bio}").is_empty());
        assert!(found("<%@ page isELIgnored=\"true\" %>${bio}").is_empty());
        assert_eq!(found("<%@ page contentType=\"text/html; charset=UTF-8\" %>${bio}"), vec![var("bio")]);
    }
}
