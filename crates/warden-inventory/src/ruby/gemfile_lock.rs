//! `ruby/gemfile-lock`: Bundler's `Gemfile.lock` (and `gems.locked`, its name beside a `gems.rb`).
//!
//! Reads the `specs:` of every source section (`GEM`, `GIT`, `PATH`, `PLUGIN SOURCE`), wherever it sits in the
//! file: each gem is a line indented by exactly four spaces, `name (version)` or `name (version-platform)`, split at
//! the first `-` as Bundler does (`nokogiri (1.13.3-x86_64-linux)` is nokogiri 1.13.3). Lines indented by six
//! are a gem's own requirements and are skipped, as are entries without a version. The lock does not record
//! Gemfile groups, so nothing is marked dev. Locks inside installed gems (`…/gems/<gem>/Gemfile.lock`) describe
//! that gem's development and are skipped.

use crate::{ExtractError, Extractor, FileInfo, Input, text};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct GemfileLock;

/// Sections whose `specs:` list locked gems.
const SOURCES: &[&str] = &["GEM", "GIT", "PATH", "PLUGIN SOURCE"];

impl Extractor for GemfileLock {
    fn id(&self) -> &'static str {
        "ruby/gemfile-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        matches!(file.file_name(), "Gemfile.lock" | "gems.locked") && !file.path.contains("/gems/")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let text = text::utf8(input.bytes)?;
        let mut packages: Vec<Package> = Vec::new();
        let mut in_source = false;
        let mut in_specs = false;
        for line in text.lines() {
            if line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(' ') {
                in_source = SOURCES.contains(&line.trim_end());
                in_specs = false;
                continue;
            }
            if !in_source {
                continue;
            }
            let indent = line.len() - line.trim_start_matches(' ').len();
            if indent == 2 {
                in_specs = line.trim_end() == "  specs:";
            } else if indent == 4 && in_specs {
                packages.extend(spec(line.trim()));
            }
        }
        Ok(packages)
    }
}

/// `name (version[-platform])` → the gem; `None` without a version.
fn spec(entry: &str) -> Option<Package> {
    let (name, rest) = entry.split_once(" (")?;
    let inner = rest.strip_suffix(')')?;
    let version = inner.split_once('-').map_or(inner, |(version, _platform)| version);
    if name.is_empty() || version.is_empty() {
        return None;
    }
    Some(Package::new(Ecosystem::RubyGems, name, version, PackageManager::Bundler))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Vec<String> {
        let budget = Input::default_budget();
        let found = GemfileLock.extract(&Input::standalone("/var/task/Gemfile.lock", text.as_bytes(), &budget));
        found.unwrap().into_iter().map(|p| format!("{}@{}", p.name, p.version)).collect()
    }

    #[test]
    fn platform_suffixes_requirements_and_crlf() {
        let text = "GEM\r\n  remote: https://rubygems.org/\r\n  specs:\r\n    nokogiri (1.16.5-x86_64-linux-musl)\r\n\
            \x20     racc (~> 1.4)\r\n    racc (1.7.3)\r\n    grpc (1.62.0-x86_64-linux)\r\n\r\n\
            PLATFORMS\r\n  x86_64-linux\r\n\r\nDEPENDENCIES\r\n  nokogiri (~> 1.16)\r\n";
        assert_eq!(extract(text), ["nokogiri@1.16.5", "racc@1.7.3", "grpc@1.62.0"]);
    }

    #[test]
    fn only_source_sections_count() {
        // DEPENDENCIES entries look like specs but are requirements; a `specs:` under PLATFORMS is nothing.
        let text = "DEPENDENCIES\n  rack (= 2.2.3)\n    x (1.0)\nPLUGIN SOURCE\n  remote: x\n  specs:\n    \
            plug (0.1.0)\nGIT\n  remote: g\n  specs:\n    fromgit (2.0.0.alpha1)\n";
        assert_eq!(extract(text), ["plug@0.1.0", "fromgit@2.0.0.alpha1"]);
    }

    #[test]
    fn entries_without_versions_are_skipped() {
        assert!(extract("GEM\n  specs:\n    invalid-name\n    other (\n").is_empty());
    }

    #[test]
    fn wants_lockfiles_outside_installed_gems() {
        let info = |path| FileInfo { path, size: 10, executable: false };
        assert!(GemfileLock.wants(&info("/var/task/Gemfile.lock")));
        assert!(GemfileLock.wants(&info("/var/task/gems.locked")));
        assert!(!GemfileLock.wants(&info("/opt/ruby/gems/3.3.0/gems/rack-2.2.3/Gemfile.lock")));
    }
}
