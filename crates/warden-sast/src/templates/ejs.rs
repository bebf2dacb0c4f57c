//! EJS: `<%- x %>` writes unescaped (`<%= x %>` escapes); `<%- include(…) %>` pulls in another template.

use super::Raw;
use regex::Regex;
use std::sync::LazyLock;

static TAG: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)<%-(.*?)[-_]?%>").ok());

pub(super) fn outputs(text: &str) -> Vec<Raw<'_>> {
    super::outputs_of(&TAG, text)
}
