//! ERB (Rails, Sinatra): `<%== x %>`, `<%= raw x %>` / `raw(x)`, `<%= x.html_safe %>`. Rails escapes every other
//! `<%= %>`.

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)<%(==?)(.*?)-?%>").ok());

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    let Some(tag) = TAG.as_ref() else { return Vec::new() };
    tag.captures_iter(text)
        .filter_map(|c| {
            let (whole, op, expr) = (c.get(0)?, c.get(1)?, c.get(2)?);
            let e = expr.as_str().trim();
            let raw = op.as_str() == "==" || e.starts_with("raw ") || e.starts_with("raw(") || e.contains(".html_safe");
            raw.then(|| Raw { start: whole.start(), end: whole.end(), expr: expr.as_str() })
        })
        .collect()
}
