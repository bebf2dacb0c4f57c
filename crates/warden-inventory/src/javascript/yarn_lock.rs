//! `javascript/yarn-lock`: `yarn.lock`, both Yarn classic (v1, `version "1.0.0"`) and Yarn berry (v2+, a YAML
//! subset with `__metadata`, `version: 1.0.0` and `resolution: "name@npm:1.0.0"`).
//!
//! Each top-level entry is one resolved package, keyed by the comma-separated specs that resolved to it. The name
//! comes from berry's `resolution` (the real name behind an alias) or from the first spec, where an alias
//! `alias@npm:real@^1.0.0` names the real package; the version is the entry's `version`. Yarn records no dev flag,
//! so nothing is marked dev.
//!
//! The file is read line by line rather than as YAML: classic lockfiles are not YAML, and only the top-level
//! entries and their own `version`/`resolution` lines matter (nested `dependencies` blocks are skipped).
//!
//! Deliberately not read: `__metadata`, the workspace root (`resolution: "app@workspace:."`, the project itself;
//! other workspaces are reported as yarn lists them), entries without a `version`, and any `yarn.lock` inside
//! `node_modules` (a dependency's own development lockfile, shipped by some packages, describes nothing installed).

use crate::javascript::shared_npm;
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct YarnLock;

impl Extractor for YarnLock {
    fn id(&self) -> &'static str {
        "javascript/yarn-lock"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "yarn.lock" && !file.path.contains("/node_modules/")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let text = text::utf8(input.bytes)?;
        let mut out = Vec::new();
        let mut current: Option<Block> = None;
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            if indent == 0 {
                out.extend(current.take().and_then(Block::package));
                let Some(key) = line.trim_end().strip_suffix(':') else {
                    return Err(ExtractError::parse(format!(
                        "line {}: expected an entry such as `name@^1.0.0:`, found `{}`",
                        number + 1,
                        line.chars().take(80).collect::<String>()
                    )));
                };
                current = Some(Block { key: key.to_string(), indent: None, version: None, resolution: None });
                continue;
            }
            let Some(block) = current.as_mut() else {
                continue;
            };
            // Properties sit at the entry's first indentation; deeper lines belong to nested blocks.
            if *block.indent.get_or_insert(indent) != indent {
                continue;
            }
            let (field, value) = property(trimmed);
            match field {
                "version" => block.version = Some(value.to_string()),
                "resolution" => block.resolution = Some(value.to_string()),
                _ => {}
            }
        }
        out.extend(current.and_then(Block::package));
        Ok(out)
    }
}

/// One top-level entry while it is being read.
struct Block {
    key: String,
    indent: Option<usize>,
    version: Option<String>,
    resolution: Option<String>,
}

impl Block {
    fn package(self) -> Option<Package> {
        if self.key == "__metadata" {
            return None;
        }
        let version = self.version.filter(|v| !v.is_empty())?;
        let name = match &self.resolution {
            Some(resolution) => {
                if resolution.ends_with("@workspace:.") {
                    return None;
                }
                shared_npm::split_name_spec(resolution).map_or(resolution.as_str(), |(name, _)| name)
            }
            None => name_from_spec(first_spec(&self.key)),
        };
        if name.is_empty() {
            return None;
        }
        Some(Package::new(Ecosystem::Npm, name, version, PackageManager::Yarn))
    }
}

/// The first of the comma-separated specs of an entry key, unquoted.
fn first_spec(key: &str) -> &str {
    let key = key.trim();
    match key.strip_prefix('"') {
        Some(rest) => rest.split('"').next().unwrap_or(rest),
        None => key.split(',').next().unwrap_or(key).trim(),
    }
}

/// The package a spec resolves: `a@^1.0.0` → `a`, `alias@npm:@s/real@^1` → `@s/real`, `balanced-match` → itself.
fn name_from_spec(spec: &str) -> &str {
    match shared_npm::split_name_spec(spec) {
        Some((name, range)) => shared_npm::alias_target(range).map_or(name, |(real, _)| real),
        None => spec,
    }
}

/// Splits `version "1.0.0"`, `version: 1.0.0`, `"version" "1.0.0"` or `"version": 1.0.0` into field and value.
fn property(line: &str) -> (&str, &str) {
    let (field, rest) = match line.strip_prefix('"') {
        Some(quoted) => quoted.split_once('"').unwrap_or((quoted, "")),
        None => line.split_once([' ', ':']).unwrap_or((line, "")),
    };
    let value = rest.trim_start_matches(':').trim();
    let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
    (field, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Result<Vec<(String, String)>, ExtractError> {
        let budget = Input::default_budget();
        let ps = YarnLock.extract(&Input::standalone("/var/task/yarn.lock", text.as_bytes(), &budget))?;
        assert!(ps.iter().all(|p| p.package_manager == PackageManager::Yarn && !p.dev));
        Ok(ps.into_iter().map(|p| (p.name, p.version)).collect())
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    #[test]
    fn classic_entries_with_aliases_and_scopes() {
        let lock = "# yarn lockfile v1\n\n\n\"alias@npm:@babel/code-frame@^7.0.0\", \"@babel/code-frame@^7.12.13\":\n  \
                    version \"7.12.13\"\n  dependencies:\n    version \"9.9.9\"\n\nbalanced-match:\n  version \"1.0.2\"\n";
        assert_eq!(extract(lock).unwrap(), pairs(&[("@babel/code-frame", "7.12.13"), ("balanced-match", "1.0.2")]));
    }

    #[test]
    fn berry_uses_the_resolution_and_skips_the_root() {
        let lock = "__metadata:\n  version: 8\n\n\"alias@npm:ansi-regex@^5.0.0\":\n  version: 5.0.1\n  \
                    resolution: \"ansi-regex@npm:5.0.1\"\n\n\"@ws/a@workspace:a\":\n  version: 0.0.0-use.local\n  \
                    resolution: \"@ws/a@workspace:a\"\n\n\"app@workspace:.\":\n  version: 0.0.0-use.local\n  \
                    resolution: \"app@workspace:.\"\n";
        assert_eq!(extract(lock).unwrap(), pairs(&[("ansi-regex", "5.0.1"), ("@ws/a", "0.0.0-use.local")]));
    }

    #[test]
    fn quoted_fields_and_crlf() {
        let lock = "concat-map@0.0.1:\r\n  \"version\" \"0.0.1\"\r\n\"a@npm:^2\":\r\n  \"version\": 2.0.0\r\n";
        assert_eq!(extract(lock).unwrap(), pairs(&[("concat-map", "0.0.1"), ("a", "2.0.0")]));
    }

    #[test]
    fn entries_without_a_version_are_skipped() {
        assert_eq!(extract("a@^1:\n  resolved \"x\"\n").unwrap(), vec![]);
    }

    #[test]
    fn text_that_is_not_a_lockfile_is_an_error() {
        let err = extract("this is not a lockfile\n").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
        assert!(
            YarnLock.extract(&Input::standalone("/var/task/yarn.lock", b"\xff", &Input::default_budget())).is_err()
        );
    }

    #[test]
    fn wants_project_lockfiles_only() {
        let wants = |path| YarnLock.wants(&FileInfo { path, size: 10, executable: false });
        assert!(wants("/var/task/yarn.lock"));
        assert!(!wants("/var/task/node_modules/some-dep/yarn.lock"));
        assert!(!wants("/var/task/yarn.lock.bak"));
    }
}
