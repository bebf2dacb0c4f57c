//! `go/go-mod`: a module's `go.mod`, the modules it requires as written.
//!
//! Reads `require` lines and blocks (`// indirect` ones too: since Go 1.17 the file lists every module the build
//! needs), applies `replace` directives (a version-specific one before a path-wide one; a local directory
//! replacement becomes its path with no version; a replacement of a module that is not required is ignored), and
//! reports `stdlib` at the `toolchain` directive's release, else at the `go` directive's version. Versions without
//! Go's `v` (see `shared_module`). A line whose directive Go does not know makes the file an error, as it does for
//! the `go` command.
//!
//! Not read: `go.sum` (before Go 1.17, `go.mod` omitted indirect dependencies that only `go.sum` and the build
//! list know), `exclude` and `retract` (they do not change what a build uses), `vendor/modules.txt`.

use super::shared_module;
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use warden_core::{Package, PackageManager};

#[derive(Debug)]
pub struct GoMod;

/// Every directive `go.mod` may hold.
const DIRECTIVES: &[&str] =
    &["module", "go", "toolchain", "godebug", "require", "replace", "exclude", "retract", "tool", "ignore"];

impl Extractor for GoMod {
    fn id(&self) -> &'static str {
        "go/go-mod"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "go.mod"
            && !["/vendor/", "/node_modules/", "/pkg/mod/"].iter().any(|dir| file.path.contains(dir))
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let file = parse(text::utf8(input.bytes)?)?;
        let manager = PackageManager::Gomod;
        let mut packages: Vec<Package> = Vec::new();
        for (path, version) in &file.require {
            let replaced = file
                .replace
                .iter()
                .find(|r| r.old == *path && r.old_version.as_deref() == Some(version.as_str()))
                .or_else(|| file.replace.iter().find(|r| r.old == *path && r.old_version.is_none()));
            let package = match replaced {
                Some(r) => shared_module::module(&r.new, r.new_version.as_deref().unwrap_or_default(), manager),
                None => shared_module::module(path, version, manager),
            };
            if !packages.iter().any(|p| p.name == package.name && p.version == package.version) {
                packages.push(package);
            }
        }
        let toolchain = file.toolchain.or(file.go);
        packages.extend(toolchain.and_then(|t| shared_module::stdlib(&t, manager)));
        Ok(packages)
    }
}

#[derive(Debug, Default)]
struct GoModFile {
    go: Option<String>,
    toolchain: Option<String>,
    require: Vec<(String, String)>,
    replace: Vec<Replace>,
}

#[derive(Debug)]
struct Replace {
    old: String,
    old_version: Option<String>,
    new: String,
    new_version: Option<String>,
}

fn parse(text: &str) -> Result<GoModFile, ExtractError> {
    let mut file = GoModFile::default();
    let mut block: Option<(String, usize)> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let tokens = tokens(line).map_err(|e| ExtractError::parse(format!("go.mod line {number}: {e}")))?;
        let Some(first) = tokens.first() else {
            continue;
        };
        let (verb, args) = match &block {
            Some(_) if first == ")" && tokens.len() == 1 => {
                block = None;
                continue;
            }
            Some((verb, _)) => (verb.clone(), tokens.as_slice()),
            None => {
                if !DIRECTIVES.contains(&first.as_str()) {
                    return Err(ExtractError::parse(format!("go.mod line {number}: unknown directive `{first}`")));
                }
                let args = tokens.get(1..).unwrap_or_default();
                if let [open] = args
                    && open == "("
                {
                    block = Some((first.clone(), number));
                    continue;
                }
                (first.clone(), args)
            }
        };
        directive(&mut file, &verb, args).map_err(|e| ExtractError::parse(format!("go.mod line {number}: {e}")))?;
    }
    if let Some((verb, number)) = block {
        return Err(ExtractError::parse(format!("go.mod line {number}: the `{verb} (` block is never closed")));
    }
    Ok(file)
}

fn directive(file: &mut GoModFile, verb: &str, args: &[String]) -> Result<(), String> {
    match verb {
        "go" => file.go = Some(one(verb, args)?),
        "toolchain" => file.toolchain = Some(one(verb, args)?),
        "require" => match args {
            [path, version] => file.require.push((path.clone(), version.clone())),
            _ => return Err("`require` needs a module path and a version".to_string()),
        },
        "replace" => {
            let arrow = args.iter().position(|a| a == "=>").ok_or("`replace` needs `=>`")?;
            let (old, new) = (args.get(..arrow).unwrap_or_default(), args.get(arrow + 1..).unwrap_or_default());
            let (Some(old_path), Some(new_path)) = (old.first(), new.first()) else {
                return Err("`replace` needs a module path on each side of `=>`".to_string());
            };
            if old.len() > 2 || new.len() > 2 {
                return Err("`replace` has too many words".to_string());
            }
            file.replace.push(Replace {
                old: old_path.clone(),
                old_version: old.get(1).cloned(),
                new: new_path.clone(),
                new_version: new.get(1).cloned(),
            });
        }
        _ => {}
    }
    Ok(())
}

fn one(verb: &str, args: &[String]) -> Result<String, String> {
    match args {
        [value] => Ok(value.clone()),
        _ => Err(format!("`{verb}` takes one value")),
    }
}

/// The words of a line without its `//` comment; `"…"` and `` `…` `` strings are one word each.
fn tokens(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '/' && line_rest_starts_comment(&mut chars) {
            break;
        } else if c == '"' || c == '`' {
            chars.next();
            let mut word = String::new();
            loop {
                match chars.next() {
                    None => return Err("unterminated string".to_string()),
                    Some(q) if q == c => break,
                    Some('\\') if c == '"' => word.extend(chars.next()),
                    Some(other) => word.push(other),
                }
            }
            out.push(word);
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' || c == '`' {
                    break;
                }
                if c == '/' && line_rest_starts_comment(&mut chars.clone()) {
                    break;
                }
                word.push(c);
                chars.next();
            }
            out.push(word);
        }
    }
    Ok(out)
}

fn line_rest_starts_comment(chars: &mut std::iter::Peekable<std::str::Chars>) -> bool {
    let mut ahead = chars.clone();
    ahead.next() == Some('/') && ahead.next() == Some('/')
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn extract(text: &str) -> Result<Vec<(String, String)>, ExtractError> {
        let budget = Input::default_budget();
        let found = GoMod.extract(&Input::standalone("/var/task/go.mod", text.as_bytes(), &budget))?;
        Ok(found.into_iter().map(|p| (p.name, p.version)).collect())
    }

    fn names(text: &str) -> Vec<String> {
        extract(text).unwrap().into_iter().map(|(n, v)| format!("{n}@{v}")).collect()
    }

    #[test]
    fn requires_with_comments_quotes_and_indirect() {
        let text = "module \"example.com/my mod\" // the module\n\ngo 1.21\n\nrequire (\n\t\
            github.com/a/b v1.2.3 // indirect\n\t\"github.com/c/d\" v0.0.0-20220715151400-c0bba94af5f8\n)\n\
            require example.com/e/v2 v2.0.0+incompatible\n";
        assert_eq!(
            names(text),
            [
                "github.com/a/b@1.2.3",
                "github.com/c/d@0.0.0-20220715151400-c0bba94af5f8",
                "example.com/e/v2@2.0.0+incompatible",
                "stdlib@1.21"
            ]
        );
    }

    #[test]
    fn version_specific_replace_wins_over_path_wide() {
        let text = "require (\n x.org/net v1.0.0\n x.org/net v2.0.0\n)\nreplace x.org/net => fork.org/all v9.0.0\n\
            replace x.org/net v1.0.0 => fork.org/one v1.0.1\n";
        assert_eq!(names(text), ["fork.org/one@1.0.1", "fork.org/all@9.0.0"]);
    }

    #[test]
    fn toolchain_beats_go_directive() {
        assert_eq!(names("go 1.21\ntoolchain go1.22.3\n"), ["stdlib@1.22.3"]);
        assert!(names("module m\n").is_empty());
    }

    #[test]
    fn malformed_files_are_errors() {
        assert!(extract("this is not a go.mod file!").is_err());
        assert!(extract("require (\n a.b/c v1.0.0\n").is_err());
        assert!(extract("require a.b/c\n").is_err());
        assert!(extract("replace a.b/c v1 v2\n").is_err());
        assert!(extract("module \"unterminated\n").is_err());
        assert!(extract("").unwrap().is_empty());
    }

    #[test]
    fn url_slashes_are_not_comments() {
        assert_eq!(tokens("require x.org/a/b v1 // c").unwrap(), ["require", "x.org/a/b", "v1"]);
        assert_eq!(tokens("a//b").unwrap(), ["a"]);
    }

    #[test]
    fn wants_go_mod_outside_vendored_trees() {
        let info = |path| FileInfo { path, size: 10, executable: false };
        assert!(GoMod.wants(&info("/var/task/go.mod")));
        assert!(!GoMod.wants(&info("/var/task/vendor/x.org/y/go.mod")));
        assert!(!GoMod.wants(&info("/var/task/go.sum")));
    }
}
