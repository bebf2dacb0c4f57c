//! Package names as each ecosystem compares them.
//!
//! Two spellings that an ecosystem treats as one package get the same normalized name, so the inventory can fold
//! duplicates and the advisory index can look packages up under one key.

use crate::Ecosystem;

/// The name under which an ecosystem treats two spellings as one package:
///
/// | ecosystem | rule |
/// |---|---|
/// | PyPI | PEP 503: lower-case, every run of `-`, `_`, `.` becomes one `-` (surrounding whitespace trimmed) |
/// | NuGet, Packagist | case-insensitive (ASCII lower-case) |
/// | Maven | `group:artifact`, case-sensitive; whitespace around either part trimmed |
/// | npm | exact (scoped names `@scope/name` included): the registry itself is case-sensitive, and legacy mixed-case packages such as `jQuery` are distinct from their lower-case namesakes |
/// | Go | exact module path (`stdlib` for the standard library) |
/// | crates.io, RubyGems | exact |
///
/// ```
/// use warden_core::{Ecosystem, normalize_name};
/// assert_eq!(normalize_name(Ecosystem::PyPI, "Zope.Interface"), "zope-interface");
/// assert_eq!(normalize_name(Ecosystem::NuGet, "Newtonsoft.Json"), "newtonsoft.json");
/// assert_eq!(normalize_name(Ecosystem::Maven, "org.yaml : snakeyaml"), "org.yaml:snakeyaml");
/// assert_eq!(normalize_name(Ecosystem::Npm, "jQuery"), "jQuery");
/// ```
pub fn normalize_name(ecosystem: Ecosystem, name: &str) -> String {
    match ecosystem {
        Ecosystem::PyPI => pep503(name),
        Ecosystem::NuGet | Ecosystem::Packagist => name.trim().to_ascii_lowercase(),
        Ecosystem::Maven => match name.split_once(':') {
            Some((group, artifact)) => format!("{}:{}", group.trim(), artifact.trim()),
            None => name.trim().to_string(),
        },
        Ecosystem::Npm | Ecosystem::Go | Ecosystem::CratesIo | Ecosystem::RubyGems => name.to_string(),
    }
}

/// PEP 503 normalisation: lower case, every run of `-`, `_`, `.` becomes one `-`.
pub(crate) fn pep503(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_sep = false;
    for c in name.trim().chars() {
        if matches!(c, '-' | '_' | '.') {
            if !in_sep {
                out.push('-');
            }
            in_sep = true;
        } else {
            out.push(c.to_ascii_lowercase());
            in_sep = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_per_ecosystem() {
        assert_eq!(normalize_name(Ecosystem::PyPI, "Zope.Interface"), "zope-interface");
        assert_eq!(normalize_name(Ecosystem::PyPI, "a__b"), "a-b");
        assert_eq!(normalize_name(Ecosystem::PyPI, " PyYAML "), "pyyaml");
        assert_eq!(normalize_name(Ecosystem::PyPI, "jaraco._.functools"), "jaraco-functools");
        assert_eq!(normalize_name(Ecosystem::NuGet, "Newtonsoft.Json"), "newtonsoft.json");
        assert_eq!(normalize_name(Ecosystem::Packagist, "Symfony/Http-Kernel"), "symfony/http-kernel");
        assert_eq!(normalize_name(Ecosystem::Maven, "org.yaml:snakeyaml"), "org.yaml:snakeyaml");
        assert_eq!(normalize_name(Ecosystem::Maven, "Org.Yaml:SnakeYaml"), "Org.Yaml:SnakeYaml");
        assert_eq!(normalize_name(Ecosystem::Npm, "React"), "React");
        assert_eq!(normalize_name(Ecosystem::Npm, "@babel/core"), "@babel/core");
        assert_eq!(normalize_name(Ecosystem::Go, "github.com/BurntSushi/toml"), "github.com/BurntSushi/toml");
        assert_eq!(normalize_name(Ecosystem::CratesIo, "serde_json"), "serde_json");
        assert_eq!(normalize_name(Ecosystem::RubyGems, "RedCloth"), "RedCloth");
    }
}
