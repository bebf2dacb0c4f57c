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
    super::outputs_of(&RAW, text)
}
