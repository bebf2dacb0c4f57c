//! The languages code scanning reads, how a file is recognised, and their tree-sitter grammars.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Python,
    JavaScript,
    /// TypeScript (`.ts`); TSX files are [`Lang::Tsx`].
    TypeScript,
    Tsx,
    Java,
    CSharp,
    Ruby,
}

impl Lang {
    pub const ALL: [Lang; 7] =
        [Lang::Python, Lang::JavaScript, Lang::TypeScript, Lang::Tsx, Lang::Java, Lang::CSharp, Lang::Ruby];

    /// The language of a file, by its name.
    pub fn of_path(path: &str) -> Option<Lang> {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        Some(match ext.as_str() {
            "py" => Lang::Python,
            "js" | "mjs" | "cjs" | "jsx" => Lang::JavaScript,
            "ts" | "mts" | "cts" => {
                if name.ends_with(".d.ts") || name.ends_with(".d.mts") || name.ends_with(".d.cts") {
                    return None;
                }
                Lang::TypeScript
            }
            "tsx" => Lang::Tsx,
            "java" => Lang::Java,
            "cs" => Lang::CSharp,
            "rb" => Lang::Ruby,
            _ => return None,
        })
    }

    /// The prefix of its detector ids (`python/sql-injection@v1.0`); TypeScript shares JavaScript's detectors.
    pub fn rule_prefix(self) -> &'static str {
        match self {
            Lang::Python => "python",
            Lang::JavaScript | Lang::TypeScript | Lang::Tsx => "javascript",
            Lang::Java => "java",
            Lang::CSharp => "csharp",
            Lang::Ruby => "ruby",
        }
    }

    /// The language family whose tables and detectors apply (TypeScript and TSX are JavaScript's).
    pub fn family(self) -> Lang {
        match self {
            Lang::TypeScript | Lang::Tsx => Lang::JavaScript,
            other => other,
        }
    }

    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            Lang::Python => tree_sitter_python::LANGUAGE.into(),
            Lang::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Lang::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Lang::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Lang::Java => tree_sitter_java::LANGUAGE.into(),
            Lang::CSharp => tree_sitter_c_sharp::LANGUAGE.into(),
            Lang::Ruby => tree_sitter_ruby::LANGUAGE.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grammar_loads() {
        for lang in Lang::ALL {
            let mut parser = tree_sitter::Parser::new();
            assert!(parser.set_language(&lang.grammar()).is_ok(), "{lang:?}");
        }
    }

    #[test]
    fn files_are_recognised_by_extension() {
        assert_eq!(Lang::of_path("/var/task/app.py"), Some(Lang::Python));
        assert_eq!(Lang::of_path("src/index.MJS"), Some(Lang::JavaScript));
        assert_eq!(Lang::of_path("types/index.d.ts"), None);
        assert_eq!(Lang::of_path("a.tsx"), Some(Lang::Tsx));
        assert_eq!(Lang::of_path("Handler.java"), Some(Lang::Java));
        assert_eq!(Lang::of_path("Function.cs"), Some(Lang::CSharp));
        assert_eq!(Lang::of_path("function.rb"), Some(Lang::Ruby));
        assert_eq!(Lang::of_path("Makefile"), None);
    }
}
