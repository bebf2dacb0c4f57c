//! Handlebars and Mustache: `{{{ x }}}` and `{{& x }}` write unescaped (`{{ x }}` escapes).

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)\{\{\{~?(.*?)~?\}\}\}|\{\{&(.*?)\}\}").ok());

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    let Some(tag) = TAG.as_ref() else { return Vec::new() };
    tag.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let expr = c.get(1).or_else(|| c.get(2))?;
            Some(Raw { start: whole.start(), end: whole.end(), expr: expr.as_str() })
        })
        .collect()
}
