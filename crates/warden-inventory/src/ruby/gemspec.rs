//! `ruby/gemspec`: `*.gemspec` files, chiefly those RubyGems writes for each installed gem
//! (`…/gems/<ruby>/specifications/rack-2.2.3.gemspec`, `vendor/bundle/ruby/<ruby>/specifications/…`, Lambda
//! layers' `/opt/ruby/gems/<ruby>/specifications/…`, default gems under `specifications/default/`).
//!
//! The file is Ruby, not data: this reads the `Gem::Specification.new do |s|` block's `s.name = …` and
//! `s.version = …` assignments without running anything. A value is a string literal (`"rack"`, `'rack'`,
//! `%q{rack}`, optionally `.freeze`), or for the version a constant assigned a literal in the same file
//! (`VERSION = '3.0.0'` … `s.version = VERSION`).
//!
//! RubyGems always writes literals, so in a `specifications/` directory a gemspec without a readable name and
//! version is a file error. A gem's own source gemspec is Ruby that often takes its version from another file
//! (`require_relative 'lib/x/version'` … `s.version = X::VERSION`); outside `specifications/` a gemspec that cannot
//! be read this way yields nothing rather than a guess or an error (the installed copy in `specifications/`, or
//! `Gemfile.lock`, names the gem). Not read: the gem's dependencies (each installed one has its own gemspec),
//! `s.platform`.

use crate::{ExtractError, Extractor, FileInfo, Input, text};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct Gemspec;

impl Extractor for Gemspec {
    fn id(&self) -> &'static str {
        "ruby/gemspec"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.path.ends_with(".gemspec")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        match read(input.bytes) {
            Ok(package) => Ok(vec![package]),
            // RubyGems wrote this file: failing to read it is a gap worth reporting.
            Err(e) if input.path.contains("/specifications/") => Err(e),
            // A gem's own source gemspec: Ruby code that may compute anything; not an inventory source then.
            Err(_) => Ok(Vec::new()),
        }
    }
}

/// The gem a gemspec names, when both its name and version can be read without running Ruby.
fn read(bytes: &[u8]) -> Result<Package, ExtractError> {
    let text = text::utf8(bytes)?;
    let var = block_variable(text)
        .ok_or_else(|| ExtractError::parse("no `Gem::Specification.new do |spec|` block: not a gemspec"))?;
    let value = |field: &str| {
        assigned(text, var, field).and_then(|v| literal(v).or_else(|| constant(text, v))).filter(|v| !v.is_empty())
    };
    let name = value("name").ok_or_else(|| ExtractError::parse(format!("the gemspec sets no literal `{var}.name`")))?;
    let version = value("version")
        .ok_or_else(|| ExtractError::parse(format!("the gemspec of {name} sets no literal version")))?;
    Ok(Package::new(Ecosystem::RubyGems, name, version, PackageManager::Gemspec))
}

/// The block variable of `Gem::Specification.new do |s|` (or `{ |s|`).
fn block_variable(text: &str) -> Option<&str> {
    let after = text.split_once("Gem::Specification.new")?.1;
    let open = after.find('|')?;
    // The variable opens the block on the same line (`new do |s|`, `new(args) { |s|`).
    if after.get(..open)?.contains('\n') {
        return None;
    }
    let rest = after.get(open + 1..)?;
    let var = rest.get(..rest.find('|')?)?.trim();
    (!var.is_empty() && var.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')).then_some(var)
}

/// The right-hand side of the first `<var>.<field> = …` line (trailing modifiers such as `if …` left on).
fn assigned<'a>(text: &'a str, var: &str, field: &str) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let rest = line.trim_start().strip_prefix(var)?.strip_prefix('.')?.strip_prefix(field)?;
        let value = rest.trim_start().strip_prefix('=')?;
        (!value.starts_with(['=', '~'])).then(|| value.trim())
    })
}

/// A string literal at the start of `value` (`"x"`, `'x'`, `%q{x}`, `%q<x>`, `%q(x)`, `%q[x]`, `%Q…`), with
/// an optional `.freeze`; `None` for anything else.
fn literal(value: &str) -> Option<&str> {
    let value = value.trim_start();
    let (close, body) = if let Some(body) = value.strip_prefix('"') {
        ('"', body)
    } else if let Some(body) = value.strip_prefix('\'') {
        ('\'', body)
    } else {
        let body = value.strip_prefix("%q").or_else(|| value.strip_prefix("%Q"))?;
        let mut chars = body.chars();
        let close = match chars.next()? {
            '{' => '}',
            '<' => '>',
            '(' => ')',
            '[' => ']',
            other => other,
        };
        (close, chars.as_str())
    };
    let end = body.find(close)?;
    let string = body.get(..end)?;
    // Escapes and interpolation would make the literal something else; RubyGems writes neither in names/versions.
    (!string.contains(['\\', '#'])).then_some(string)
}

/// A constant reference (`VERSION`, `Foo::VERSION`) resolved through a `VERSION = "…"` assignment in the file.
fn constant<'a>(text: &'a str, value: &str) -> Option<&'a str> {
    let reference = value.split_whitespace().next()?;
    let name = reference.rsplit("::").next()?;
    if !name.starts_with(|c: char| c.is_ascii_uppercase())
        || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        return None;
    }
    text.lines().find_map(|line| {
        let rest = line.trim_start().strip_prefix(name)?.trim_start().strip_prefix('=')?;
        if rest.starts_with(['=', '~']) {
            return None;
        }
        literal(rest)
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::path::Path;

    fn extract_at(path: &str, text: &str) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let found = Gemspec.extract(&Input::standalone(path, text.as_bytes(), &budget))?;
        Ok(found.into_iter().map(|p| format!("{}@{} {}", p.name, p.version, p.purl)).collect())
    }

    fn fixture(name: &str) -> String {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/lockfiles/ruby/gemspec/testdata");
        std::fs::read_to_string(dir.join(name)).unwrap()
    }

    const INSTALLED: &str = "/opt/ruby/gems/3.3.0/specifications/x.gemspec";
    const SOURCE: &str = "/var/task/vendor/bundle/ruby/3.3.0/bundler/gems/x-abc/x.gemspec";

    #[test]
    fn rubygems_written_specs() {
        assert_eq!(extract_at(INSTALLED, &fixture("rss-0.2.9.gemspec")).unwrap(), ["rss@0.2.9 pkg:gem/rss@0.2.9"]);
        assert_eq!(extract_at(INSTALLED, &fixture("yaml-0.2.1.gemspec")).unwrap(), ["yaml@0.2.1 pkg:gem/yaml@0.2.1"]);
        let old = "Gem::Specification.new do |s|\n  s.name = %q{rack}\n  s.version = \"1.1.0\"\nend\n";
        assert_eq!(extract_at(INSTALLED, old).unwrap(), ["rack@1.1.0 pkg:gem/rack@1.1.0"]);
    }

    #[test]
    fn version_from_a_constant_in_the_same_file() {
        assert_eq!(
            extract_at(SOURCE, &fixture("version_inline.gemspec")).unwrap(),
            ["example_inline@3.0.0 pkg:gem/example_inline@3.0.0"]
        );
    }

    #[test]
    fn version_from_another_file_yields_nothing_outside_specifications() {
        for dir in ["version_constant", "version_method", "version_load_path", "version_constant_missing"] {
            let text = fixture(&format!("{dir}/{dir}.gemspec"));
            assert_eq!(extract_at(SOURCE, &text).unwrap(), Vec::<String>::new(), "{dir}");
            assert!(extract_at(INSTALLED, &text).is_err(), "{dir}");
        }
    }

    #[test]
    fn broken_gemspecs_are_errors_only_where_rubygems_wrote_them() {
        for name in ["badspec.gemspec", "empty.gemspec", "invalid.gemspec"] {
            assert!(extract_at(INSTALLED, &fixture(name)).is_err(), "{name}");
            assert_eq!(extract_at(SOURCE, &fixture(name)).unwrap(), Vec::<String>::new(), "{name}");
        }
    }

    #[test]
    fn name_from_a_constant_too() {
        let text = "NAME = 'mygem'\nGem::Specification.new do |s|\n  s.name = NAME\n  s.version = '0.1'\nend\n";
        assert_eq!(extract_at(SOURCE, text).unwrap(), ["mygem@0.1 pkg:gem/mygem@0.1"]);
    }

    #[test]
    fn comparisons_and_other_fields_are_not_assignments() {
        let text = "Gem::Specification.new do |spec|\n  spec.name_prefix = 'no'\n  spec.name == 'no'\n  \
            spec.name = 'yes'\n  spec.version = \"1.0\".freeze\nend\n";
        assert_eq!(extract_at(INSTALLED, text).unwrap(), ["yes@1.0 pkg:gem/yes@1.0"]);
    }
}
