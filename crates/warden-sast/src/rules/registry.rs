//! Every detector, by language family.

use super::Rule;
use crate::lang::Lang;

/// All detectors.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    [super::python::RULES, super::javascript::RULES, super::java::RULES, super::csharp::RULES, super::ruby::RULES]
        .into_iter()
        .flat_map(|rules| rules.iter().copied())
}

/// The detectors of one language family.
pub fn of(lang: Lang) -> &'static [&'static Rule] {
    match lang.family() {
        Lang::Python => super::python::RULES,
        Lang::Java => super::java::RULES,
        Lang::CSharp => super::csharp::RULES,
        Lang::Ruby => super::ruby::RULES,
        _ => super::javascript::RULES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `rules/<lang>/<slug>.rs` is listed in its language's `RULES`, and ids are unique.
    #[test]
    fn every_rule_file_is_registered() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut ids = std::collections::BTreeSet::new();
        for rule in all() {
            assert!(ids.insert(rule.id()), "duplicate id {}", rule.id());
        }
        for lang in ["python", "javascript", "java", "csharp", "ruby"] {
            let Ok(dir) = std::fs::read_dir(root.join(lang)) else { continue };
            for entry in dir.flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                let Some(slug) = name.strip_suffix(".rs") else { continue };
                if slug == "mod" || slug.starts_with("shared") {
                    continue;
                }
                let id = format!("{lang}/{}@v1.0", slug.replace('_', "-"));
                assert!(ids.contains(&id), "{lang}/{name} is not listed in rules/{lang}/mod.rs RULES");
            }
        }
    }
}
