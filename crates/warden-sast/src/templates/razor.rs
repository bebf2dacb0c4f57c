//! Razor (`.cshtml`, ASP.NET MVC and Razor Pages): `@Html.Raw(x)` and `new HtmlString(x)` write unescaped (every
//! other `@x` is encoded).

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static RAW: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:Html\.Raw|new\s+(?:Microsoft\.AspNetCore\.Html\.)?HtmlString)\(([^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)",
    )
    .ok()
});

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    let Some(raw) = RAW.as_ref() else { return Vec::new() };
    raw.captures_iter(text)
        .filter_map(|c| {
            let (whole, expr) = (c.get(0)?, c.get(1)?);
            Some(Raw { start: whole.start(), end: whole.end(), expr: expr.as_str() })
        })
        .collect()
}
