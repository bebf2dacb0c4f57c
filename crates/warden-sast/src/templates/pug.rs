//! Pug (Jade): `!{x}` interpolates unescaped, and `tag!= x` buffers unescaped (`#{x}` and `tag= x` escape).

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static INTERPOLATION: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"!\{([^}\n]*)\}").ok());
static BUFFERED: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*[A-Za-z0-9_.#:-]*(?:\([^)\n]*\))?!=[ \t]*(.+)$").ok());

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    let (Some(interpolation), Some(buffered)) = (INTERPOLATION.as_ref(), BUFFERED.as_ref()) else {
        return Vec::new();
    };
    let mut out: Vec<Raw> = [interpolation, buffered]
        .into_iter()
        .flat_map(|re| re.captures_iter(text))
        .filter_map(|c| {
            let (whole, expr) = (c.get(0)?, c.get(1)?);
            Some(Raw { start: whole.start(), end: whole.end(), expr: expr.as_str() })
        })
        .collect();
    out.sort_by_key(|r| r.start);
    out
}
