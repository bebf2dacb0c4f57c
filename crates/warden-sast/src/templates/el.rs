//! Expressions of Java templates: JSP's EL (`${user.bio}`, `${param.q}`, `${fn:trim(x)}`), Thymeleaf's SpEL/OGNL
//! (`${user.bio}`, `${#strings.trim(x)}`, `${#request.getParameter('q')}`) and JSP's Java expressions
//! (`request.getParameter("q")`, `(String) request.getAttribute("bio")`). Each is read for what it writes: a
//! variable the controller or servlet gave the template (a model or request attribute), a read of the request
//! itself, or nothing (literals, booleans, escaped values).

use super::Written;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Names a template defines for other expressions (`<c:set var="q" value="${param.q}"/>`,
/// `th:each="u : ${users}"`, `<% String bio = (String) request.getAttribute("bio"); %>`).
pub(super) type Aliases = HashMap<String, Vec<Written>>;

/// A function called in the expression, with what it is called on (`fn:escapeXml`, `util.HTMLFilter.filter`).
static CALLED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"([A-Za-z_#][\w.:#]*)\s*\(").ok());
/// Comparisons and logic: the expression writes `true` or `false`.
static BOOLEAN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"==|!=|<|>|&&|\|\||(?:^|[\s(])(?:eq|ne|lt|gt|le|ge|and|or|not|empty|instanceof)\s|^\s*!").ok()
});
/// Arithmetic: the expression writes a number.
static ARITHMETIC: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"[-*/%]|\s(?:div|mod)\s").ok());
/// A servlet request read in Java: `request.getParameter("q")`, `req.getHeader("h")`, `request.getQueryString()`.
static JAVA_READ: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"\b(?:request|req)\s*\.\s*(getParameter|getParameterValues|getHeader|getHeaders|getQueryString|getRequestURI|getRequestURL|getPathInfo|getCookies|getParameterMap)\s*\(\s*(?:"([^"]*)")?"#,
    )
    .ok()
});
/// An attribute read in Java: `request.getAttribute("bio")`, `session.getAttribute("user")`.
static JAVA_ATTRIBUTE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r#"\b(?:request|session|pageContext|application)\s*\.\s*getAttribute\s*\(\s*"([^"]*)""#).ok()
});

/// What an EL or Thymeleaf expression (without `${` `}`) writes.
pub(super) fn written(expr: &str, aliases: &Aliases) -> Vec<Written> {
    // Safe navigation (`user?.bio`) reads like `user.bio`.
    let expr = expr.trim().replace("?.", ".").replace("?[", "[");
    let expr = expr.as_str();
    if expr.is_empty() || escapes(expr) {
        return Vec::new();
    }
    // `c ? a : b` writes `a` or `b`; `a ?: b` (Elvis) writes either.
    let operands: Vec<&str> = match split_top(expr, '?').as_slice() {
        [cond, rest] => {
            let mut out: Vec<&str> = split_top(rest, ':');
            if cond.trim().is_empty() {
                return Vec::new();
            }
            if rest.starts_with(':') {
                out.push(cond);
            }
            out
        }
        _ if BOOLEAN.as_ref().is_some_and(|r| r.is_match(&skeleton(expr))) => return Vec::new(),
        _ => vec![expr],
    };
    // SpEL and EL 3 concatenate with `+` (`+=` in EL): each part is written.
    operands
        .iter()
        .flat_map(|o| split_top(o, '+'))
        .map(|p| p.trim().trim_start_matches('=').trim())
        .filter(|p| !p.is_empty() && !ARITHMETIC.as_ref().is_some_and(|r| r.is_match(&skeleton(p))))
        .flat_map(|p| operand(p, aliases))
        .collect()
}

/// What a JSP Java expression (`<%= … %>`, `out.print(…)`) writes.
pub(super) fn java_written(expr: &str, aliases: &Aliases) -> Vec<Written> {
    let expr = expr.trim().trim_end_matches(';').trim();
    if expr.is_empty() || escapes(expr) {
        return Vec::new();
    }
    let parts = split_top(expr, '+');
    if parts.len() > 1 {
        return parts.iter().flat_map(|p| java_written(p, aliases)).collect();
    }
    if expr.starts_with(['"', '\'']) {
        return Vec::new();
    }
    if let Some(c) = JAVA_READ.as_ref().and_then(|r| r.captures(expr)) {
        let method = c.get(1).map_or("getParameter", |m| m.as_str());
        return vec![Written::Request {
            method: request_method(method),
            key: c.get(2).map(|k| k.as_str().to_string()),
        }];
    }
    if let Some(c) = JAVA_ATTRIBUTE.as_ref().and_then(|r| r.captures(expr)) {
        return c.get(1).map(|k| Written::Var(k.as_str().to_string())).into_iter().collect();
    }
    let mut e = expr;
    // `(String) x`: a cast.
    if let Some(rest) = e.strip_prefix('(')
        && let Some((ty, after)) = rest.split_once(')')
        && ty.trim().chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '<' | '>' | '[' | ']'))
    {
        e = after.trim_start();
    }
    let ident: String = e.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$').collect();
    if ident.is_empty() || ident.starts_with(|c: char| c.is_ascii_digit()) || is_keyword(&ident) {
        return Vec::new();
    }
    aliases.get(&ident).cloned().unwrap_or_else(|| vec![Written::Var(ident)])
}

/// Whether the expression calls an escaping function: `fn:escapeXml`, `#strings.escapeXml`, `Encode.forHtml`,
/// `StringEscapeUtils.escapeHtml4`, `HtmlUtils.htmlEscape`, `ESAPI.encoder().encodeForHTML`, `e:forHtml`, a filter
/// of an HTML class (`HTMLFilter.filter`); not `htmlUnescape` or `decode`.
pub(super) fn escapes(expr: &str) -> bool {
    let Some(called) = CALLED.as_ref() else { return false };
    called.captures_iter(expr).filter_map(|c| c.get(1)).any(|chain| {
        let chain = chain.as_str().to_ascii_lowercase();
        let (owner, name) = chain.rsplit_once(['.', ':']).unwrap_or(("", chain.as_str()));
        let encoder = ["escape", "encode", "sanitiz", "forhtml", "forxml", "forjavascript", "foruri", "forcss"]
            .iter()
            .any(|w| name.contains(w));
        (encoder && !name.contains("unescape")) || (owner.contains("html") && name.contains("filter"))
    })
}

/// One operand: a path from a name (`user.bio`, `param['q']`, `#request.getParameter('q')`), maybe inside
/// functions that pass their argument on (`fn:trim(x)`, `#strings.toUpperCase(x)`).
fn operand(expr: &str, aliases: &Aliases) -> Vec<Written> {
    let e = expr.trim().trim_start_matches('(').trim_end_matches(')').trim();
    if e.starts_with(['\'', '"']) || e.starts_with(|c: char| c.is_ascii_digit()) {
        return Vec::new();
    }
    // A function of the value: `fn:toUpperCase(x)`, `#strings.trim(x)`, `#strings.concat(a, b)`.
    if let Some((head, args)) = e.split_once('(')
        && (head.contains(':') || head.starts_with("#strings.") || head.starts_with("#objects."))
    {
        let args = args.strip_suffix(')').unwrap_or(args);
        return split_top(args, ',').iter().flat_map(|a| written(a, aliases)).collect();
    }
    let segs = segments(e);
    let seg = |i: usize| segs.get(i).map(String::as_str);
    let read =
        |method: &'static str, key: Option<&str>| vec![Written::Request { method, key: key.map(str::to_string) }];
    match (seg(0), seg(1), seg(2)) {
        (None, _, _) => Vec::new(),
        (Some("param" | "paramValues"), key, _) => match key {
            Some(k) => read("getParameter", Some(k)),
            None => read("getParameterMap", None),
        },
        (Some("header" | "headerValues"), key, _) => read("getHeader", key),
        (Some("cookie"), _, _) => read("getCookies", None),
        (Some("pageContext"), Some("request"), Some(part)) => match request_property(part) {
            Some(m) => read(m, None),
            None => Vec::new(),
        },
        (Some("#request" | "#httpServletRequest" | "request"), Some(m), key) => {
            let m = m.trim_end_matches("()");
            match request_property(m).or_else(|| reads_input(m)) {
                Some(method) => read(method, key.filter(|_| m.starts_with("get"))),
                None => Vec::new(),
            }
        }
        (
            Some(
                "requestScope" | "sessionScope" | "applicationScope" | "pageScope" | "session" | "application"
                | "#session" | "#servletContext",
            ),
            Some(k),
            _,
        ) => vec![Written::Var(k.trim_end_matches("()").to_string())],
        (Some(name), _, _) => {
            if name.starts_with(['#', '@']) || is_keyword(name) {
                // Utility objects (`#dates`, `#messages`), beans (`@bean`), types (`T(…)`) and literals.
                return Vec::new();
            }
            aliases.get(name).cloned().unwrap_or_else(|| vec![Written::Var(name.to_string())])
        }
    }
}

/// `param.q` → `["param", "q"]`, `param['q'][0]` → `["param", "q", "0"]`, `#request.getParameter('q')` →
/// `["#request", "getParameter()", "q"]` (a call's first literal argument follows it).
fn segments(e: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = e.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' | '?' => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            '[' | '(' => {
                let close = if c == '[' { ']' } else { ')' };
                let mut inner = String::new();
                for d in chars.by_ref() {
                    if d == close {
                        break;
                    }
                    inner.push(d);
                }
                if c == '(' {
                    cur.push_str("()");
                }
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                let inner = inner.trim().trim_matches(['\'', '"']).to_string();
                if !inner.is_empty() {
                    out.push(inner);
                }
            }
            c if c.is_alphanumeric() || matches!(c, '_' | '$' | '#' | '@') => cur.push(c),
            _ => break,
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `pageContext.request.queryString` / `#request.requestURI`: the request's parts a client writes.
fn request_property(name: &str) -> Option<&'static str> {
    Some(match name {
        "queryString" | "getQueryString" => "getQueryString",
        "requestURI" | "getRequestURI" => "getRequestURI",
        "requestURL" | "getRequestURL" => "getRequestURL",
        "pathInfo" | "getPathInfo" => "getPathInfo",
        _ => return None,
    })
}

fn reads_input(method: &str) -> Option<&'static str> {
    Some(match method {
        "getParameter" | "getParameterValues" => "getParameter",
        "getHeader" | "getHeaders" => "getHeader",
        "getCookies" => "getCookies",
        "getParameterMap" => "getParameterMap",
        _ => return None,
    })
}

fn request_method(method: &str) -> &'static str {
    reads_input(method).or_else(|| request_property(method)).unwrap_or("getParameter")
}

fn is_keyword(name: &str) -> bool {
    matches!(name, "true" | "false" | "null" | "new" | "this" | "super" | "empty" | "not" | "T")
}

/// The characters of `s` outside quotes, brackets and parentheses, with their byte offsets (the quotes and brackets
/// themselves left out).
fn top_level(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let (mut depth, mut quote, mut escaped) = (0i32, None::<char>, false);
    s.char_indices().filter(move |&(_, c)| {
        if std::mem::take(&mut escaped) {
            return false;
        }
        match (quote, c) {
            (Some(_), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, _) => return depth == 0,
        }
        false
    })
}

/// `s` without what is inside quotes, brackets and parentheses: `param["a-b"] * 2` → `param * 2`.
fn skeleton(s: &str) -> String {
    top_level(s).map(|(_, c)| c).collect()
}

/// `s` split at `sep` where it is outside quotes, brackets and parentheses.
pub(super) fn split_top(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in top_level(s).filter(|&(_, c)| c == sep) {
        out.push(s.get(start..i).unwrap_or_default());
        start = i + sep.len_utf8();
    }
    out.push(s.get(start..).unwrap_or_default());
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn w(e: &str) -> Vec<Written> {
        written(e, &Aliases::new())
    }

    /// What a template writes: the variable `n` (for the template syntaxes' tests too).
    pub(in crate::templates) fn var(n: &str) -> Written {
        Written::Var(n.into())
    }

    /// What a template writes: the request parameter `k`.
    pub(in crate::templates) fn param(k: &str) -> Written {
        Written::Request { method: "getParameter", key: Some(k.into()) }
    }

    #[test]
    fn variables_reads_and_nothing() {
        assert_eq!(w("user.bio"), vec![var("user")]);
        assert_eq!(w("requestScope.bio"), vec![var("bio")]);
        assert_eq!(w("sessionScope['user'].name"), vec![var("user")]);
        assert_eq!(w("param.q"), vec![param("q")]);
        assert_eq!(w("param['q']"), vec![param("q")]);
        assert_eq!(w("paramValues.q[0]"), vec![param("q")]);
        assert_eq!(w("#request.getParameter('q')"), vec![param("q")]);
        assert_eq!(
            w("pageContext.request.queryString"),
            vec![Written::Request { method: "getQueryString", key: None }]
        );
        assert_eq!(w("fn:toUpperCase(bio)"), vec![var("bio")]);
        assert_eq!(w("#strings.trim(bio)"), vec![var("bio")]);
        assert_eq!(w("ok ? bio : 'none'"), vec![var("bio")]);
        assert_eq!(w("'Hi ' + name"), vec![var("name")]);
        assert!(w("fn:escapeXml(bio)").is_empty());
        assert!(w("#strings.escapeXml(bio)").is_empty());
        assert!(w("empty bio").is_empty());
        assert!(w("a == b").is_empty());
        assert!(w("param['a'] * 2").is_empty());
        assert_eq!(
            w("header['user-agent']"),
            vec![Written::Request { method: "getHeader", key: Some("user-agent".into()) }]
        );
        assert!(w("'x'").is_empty());
        assert!(w("pageContext.request.contextPath").is_empty());
        assert!(w("#messages.msg('x')").is_empty());
    }

    #[test]
    fn java_expressions() {
        let j = |e: &str| java_written(e, &Aliases::new());
        assert_eq!(j(r#"request.getParameter("q")"#), vec![param("q")]);
        assert_eq!(j(r#"(String) request.getAttribute("bio")"#), vec![var("bio")]);
        assert_eq!(j("bio"), vec![var("bio")]);
        assert!(j(r#"Encode.forHtml(request.getParameter("q"))"#).is_empty());
        assert!(j("util.HTMLFilter.filter(request.getRequestURI())").is_empty());
        assert_eq!(j(r#"HtmlUtils.htmlUnescape(request.getParameter("q"))"#), vec![param("q")]);
        assert!(j("new java.util.Date()").is_empty());
        assert!(j("42").is_empty());
    }
}
