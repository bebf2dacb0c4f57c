//! Property references in build manifests: Maven's `${name}` (`pom.xml`) and MSBuild's `$(Name)` (`*.csproj`, which
//! reaches it as `crate::java::shared_interpolate`). Values are expanded recursively; unknown references stay as
//! written. A hostile file cannot make this explode: at most [`MAX_EXPANSIONS`] references are expanded per call,
//! [`MAX_DEPTH`] deep, and the result is cut at [`MAX_LEN`] bytes.

pub(crate) const MAX_EXPANSIONS: usize = 256;
pub(crate) const MAX_DEPTH: usize = 10;
pub(crate) const MAX_LEN: usize = 4096;

/// Maven's `${name}` syntax, or MSBuild's `$(Name)`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Syntax {
    Maven,
    MsBuild,
}

impl Syntax {
    fn delimiters(self) -> (&'static str, char) {
        match self {
            Syntax::Maven => ("${", '}'),
            Syntax::MsBuild => ("$(", ')'),
        }
    }
}

/// `text` with every reference whose value `lookup` knows replaced by it.
pub(crate) fn interpolate<'v>(text: &str, syntax: Syntax, lookup: &dyn Fn(&str) -> Option<&'v str>) -> String {
    let mut expansions = MAX_EXPANSIONS;
    expand(text, syntax, lookup, 0, &mut expansions)
}

fn expand<'v>(
    text: &str,
    syntax: Syntax,
    lookup: &dyn Fn(&str) -> Option<&'v str>,
    depth: usize,
    expansions: &mut usize,
) -> String {
    let (open, close) = syntax.delimiters();
    let mut out = String::with_capacity(text.len().min(MAX_LEN));
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let (before, reference) = rest.split_at(start);
        out.push_str(before);
        let Some(end) = reference.find(close) else {
            rest = reference;
            break;
        };
        let name = reference.get(open.len()..end).unwrap_or_default();
        match lookup(name) {
            Some(value) if depth < MAX_DEPTH && *expansions > 0 && out.len() < MAX_LEN => {
                *expansions -= 1;
                out.push_str(&expand(value, syntax, lookup, depth + 1, expansions));
            }
            _ => out.push_str(reference.get(..=end).unwrap_or_default()),
        }
        rest = reference.get(end + close.len_utf8()..).unwrap_or_default();
    }
    out.push_str(rest);
    out.truncate(out.floor_char_boundary(MAX_LEN.max(text.len())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn expands_known_references_recursively() {
        let props: HashMap<&str, &str> = [("a", "${b}.0"), ("b", "1"), ("self", "${self}")].into();
        let lookup = |n: &str| props.get(n).copied();
        assert_eq!(interpolate("v${a}-${zz}", Syntax::Maven, &lookup), "v1.0-${zz}");
        assert_eq!(interpolate("${self}", Syntax::Maven, &lookup), "${self}");
        assert_eq!(interpolate("${open", Syntax::Maven, &lookup), "${open");
        assert_eq!(interpolate("$(b)", Syntax::MsBuild, &|n| (n == "b").then_some("2")), "2");
    }

    #[test]
    fn doubling_references_stay_bounded() {
        let props: HashMap<String, String> =
            (0..40).map(|i| (format!("p{i}"), format!("${{p{}}}", i + 1).repeat(50))).collect();
        let lookup = |n: &str| props.get(n).map(String::as_str);
        let started = std::time::Instant::now();
        let out = interpolate("${p0}", Syntax::Maven, &lookup);
        assert!(out.len() <= MAX_LEN);
        assert!(started.elapsed().as_secs() < 2);
    }
}
