//! Pug (Jade): `!{x}` interpolates unescaped, and `tag!= x` buffers unescaped (`#{x}` and `tag= x` escape).

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static INTERPOLATION: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"!\{([^}\n]*)\}").ok());
static BUFFERED: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*[A-Za-z0-9_.#:-]*(?:\([^)\n]*\))?!=[ \t]*(.+)$").ok());

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    let mut out = super::outputs_of(&INTERPOLATION, text);
    out.extend(super::outputs_of(&BUFFERED, text));
    out.sort_by_key(|r| r.start);
    out
}
