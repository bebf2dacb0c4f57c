//! Handlebars and Mustache: `{{{ x }}}` and `{{& x }}` write unescaped (`{{ x }}` escapes).

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)\{\{\{~?(.*?)~?\}\}\}|\{\{&(.*?)\}\}").ok());

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    super::outputs_of(&TAG, text)
}
