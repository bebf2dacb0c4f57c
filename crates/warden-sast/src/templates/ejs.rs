//! EJS: `<%- x %>` writes unescaped (`<%= x %>` escapes); `<%- include(…) %>` pulls in another template.

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)<%-(.*?)[-_]?%>").ok());

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    let Some(tag) = TAG.as_ref() else { return Vec::new() };
    tag.captures_iter(text)
        .filter_map(|c| {
            let (whole, expr) = (c.get(0)?, c.get(1)?);
            Some(Raw { start: whole.start(), end: whole.end(), expr: expr.as_str() })
        })
        .collect()
}
