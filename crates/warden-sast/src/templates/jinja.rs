//! Jinja2 and Django templates: `{{ x|safe }}` anywhere, and every `{{ x }}` inside `{% autoescape false %}` /
//! `{% autoescape off %}` … `{% endautoescape %}`. Flask and Django escape everything else.

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static OUTPUT: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)\{\{-?(.*?)-?\}\}").ok());
static OFF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?s)\{%-?\s*autoescape\s+(?:false|off)\s*-?%\}(.*?)\{%-?\s*endautoescape\s*-?%\}").ok()
});
static SAFE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\|\s*safe\b").ok());

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    let (Some(output), Some(off), Some(safe)) = (OUTPUT.as_ref(), OFF.as_ref(), SAFE.as_ref()) else {
        return Vec::new();
    };
    let unescaped: Vec<(usize, usize)> =
        off.captures_iter(text).filter_map(|c| c.get(1)).map(|m| (m.start(), m.end())).collect();
    output
        .captures_iter(text)
        .filter_map(|c| {
            let (whole, expr) = (c.get(0)?, c.get(1)?);
            let in_off = unescaped.iter().any(|(s, e)| whole.start() >= *s && whole.end() <= *e);
            (in_off || safe.is_match(expr.as_str())).then(|| Raw {
                start: whole.start(),
                end: whole.end(),
                expr: expr.as_str(),
            })
        })
        .collect()
}
