//! `python/requirements`: pip requirements files: `requirements.txt`, `requirements*.txt`
//! (`requirements-dev.txt`), `*requirements.txt` (`test_requirements.txt`) and `*.txt` in a `requirements/`
//! directory, anywhere in the function or a layer except inside installed third-party code (`site-packages`).
//!
//! Lines are read the way pip reads them: `\` continuations joined, `#` comments dropped (at the start of a line
//! or after whitespace), per-requirement options (`--hash=…`, `--config-settings`, `-C`) cut off at the first
//! word starting with `-`, and option lines (`-i`, `--index-url`, `-f`, `-c constraints.txt`, …) skipped.
//!
//! What each requirement becomes (all reported as `PIP`, never dev: a file name says little about intent):
//! - `name==1.2` and `name===1.2` pin the version `1.2`; with other clauses beside the pin
//!   (`name>=1,==1.2`) the whole specifier is kept as the constraint.
//! - `name~=1.2` is treated as a pin the way Inspector treats it: version `1.2` (the lowest version it allows)
//!   with constraint `~=1.2`, so that a reader sees it is not exact.
//! - Anything else is reported without a version, the requirement in `constraint`: `>=2.8.1,==2.8.*` (wildcards
//!   are not pins), `*` for a bare name, the URL or path for `name @ url`, a URL, a local archive or an `-e`
//!   editable. A URL or path names its package by its `#egg=` fragment or its wheel or sdist file name; one that
//!   names none (`-e .`, a bare repository URL) is left out. A version still holding an environment variable
//!   (`==${VERSION}`) is not a pin either.
//! - Extras (`pkg[extra]`) are dropped from the name. Environment markers (`; python_version < "3.8"`) are not
//!   evaluated: the requirement is reported whatever the marker says.
//!
//! Deliberately not done: `-r other.txt` and `-c constraints.txt` are not followed (an extractor reads one file;
//! an included file whose name matches the patterns above is read on its own, others are a known gap), and a
//! line that is not a valid requirement (`asdf==`, `name 1.0`) is skipped rather than failing the whole file,
//! since the other lines still describe what is installed. Malformed UTF-8 is a file error.

use super::shared_lock::in_installed_code;
use crate::{ExtractError, Extractor, FileInfo, Input, text};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct Requirements;

impl Extractor for Requirements {
    fn id(&self) -> &'static str {
        "python/requirements"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        let name = file.file_name();
        let Some(stem) = name.strip_suffix(".txt") else {
            return false;
        };
        let in_requirements_dir = file.path.strip_suffix(name).is_some_and(|dir| dir.ends_with("/requirements/"));
        (stem.starts_with("requirements") || stem.ends_with("requirements") || in_requirements_dir)
            && !in_installed_code(file.path)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        Ok(parse(text::utf8(input.bytes)?))
    }
}

/// Every requirement of a requirements file.
fn parse(text: &str) -> Vec<Package> {
    logical_lines(text).iter().filter_map(|line| requirement_line(strip_comment(line).trim())).collect()
}

/// Physical lines joined where one ends with `\` (pip's `join_lines`): a comment line ends a continuation.
fn logical_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending: Option<String> = None;
    for line in text.lines() {
        let comment = line.trim_start().starts_with('#');
        if comment || !line.ends_with('\\') {
            match pending.take() {
                Some(mut joined) => {
                    if comment {
                        joined.push(' ');
                    }
                    joined.push_str(line);
                    out.push(joined);
                }
                None => out.push(line.to_string()),
            }
        } else {
            pending.get_or_insert_with(String::new).push_str(line.trim_matches('\\'));
        }
    }
    out.extend(pending);
    out
}

/// The line without its comment: from a `#` at the start or after whitespace (`url#egg=x` keeps its fragment).
fn strip_comment(line: &str) -> &str {
    let mut previous_blank = true;
    for (i, c) in line.char_indices() {
        if c == '#' && previous_blank {
            return line.get(..i).unwrap_or(line);
        }
        previous_blank = c.is_whitespace();
    }
    line
}

/// The package a logical line names, if any.
fn requirement_line(line: &str) -> Option<Package> {
    if line.is_empty() {
        return None;
    }
    // Like pip: the requirement is every space-separated word before the first one starting with `-`.
    let words: Vec<&str> = line.split(' ').collect();
    let cut = words.iter().position(|w| w.starts_with('-')).unwrap_or(words.len());
    let requirement = words.get(..cut).unwrap_or_default().join(" ");
    let requirement = requirement.trim();
    if requirement.is_empty() {
        return option_line(words.get(cut..).unwrap_or_default());
    }
    if is_url(requirement) {
        let url = requirement.split("; ").next().unwrap_or(requirement).trim();
        return reference(url);
    }
    let parsed = pep508(requirement);
    if let Some((name, Spec::Url(url))) = parsed {
        return Some(unpinned(name, url));
    }
    let without_marker = requirement.split(';').next().unwrap_or(requirement).trim();
    if is_archive(without_marker) || looks_like_path(without_marker) {
        return reference(without_marker);
    }
    let (name, Spec::Versions(clauses)) = parsed? else {
        return None;
    };
    Some(versioned(name, &clauses))
}

/// An option line: `-e`/`--editable` names a package; every other option (`-r`, `-c`, `-i`, …) names none.
fn option_line(words: &[&str]) -> Option<Package> {
    let mut words = words.iter().copied().filter(|w| !w.is_empty());
    let first = words.next()?;
    let target = match first {
        "-e" | "--editable" => words.next()?,
        _ => first.strip_prefix("--editable=").or_else(|| first.strip_prefix("-e").filter(|t| !t.starts_with('-')))?,
    };
    reference(target)
}

/// A URL or path requirement, named by its `#egg=` fragment or its file name.
fn reference(target: &str) -> Option<Package> {
    let name = egg_fragment(target).or_else(|| name_from_file(target))?;
    valid_name(name).then(|| unpinned(name, target))
}

fn egg_fragment(target: &str) -> Option<&str> {
    let (_, fragment) = target.split_once('#')?;
    let egg = fragment.split('&').find_map(|part| part.strip_prefix("egg="))?;
    egg.split('[').next().filter(|n| !n.is_empty())
}

/// The project name in a wheel (`name-1.0-py3-none-any.whl`) or sdist (`name-1.0.tar.gz`) file name.
fn name_from_file(target: &str) -> Option<&str> {
    let path = target.split(['#', '?']).next().unwrap_or(target);
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    if let Some(wheel) = file.strip_suffix(".whl") {
        return wheel.split_once('-').map(|(name, _)| name).filter(|n| !n.is_empty());
    }
    let stem = SDIST_EXTENSIONS.iter().find_map(|ext| file.strip_suffix(ext))?;
    let dash = stem
        .match_indices('-')
        .find(|(i, _)| stem.get(i + 1..).is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit())));
    dash.and_then(|(i, _)| stem.get(..i)).filter(|n| !n.is_empty())
}

const SDIST_EXTENSIONS: &[&str] = &[".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".txz", ".tar", ".zip"];

/// pip's `is_url`: a scheme pip can download from or a VCS scheme.
fn is_url(text: &str) -> bool {
    let Some((scheme, _)) = text.split_once(':') else {
        return false;
    };
    let scheme = scheme.to_ascii_lowercase();
    matches!(scheme.as_str(), "http" | "https" | "file" | "ftp")
        || ["git", "hg", "svn", "bzr"]
            .iter()
            .any(|vcs| scheme.strip_prefix(vcs).is_some_and(|rest| rest.is_empty() || rest.starts_with('+')))
}

fn is_archive(text: &str) -> bool {
    text.ends_with(".whl") || SDIST_EXTENSIONS.iter().any(|ext| text.ends_with(ext))
}

fn looks_like_path(text: &str) -> bool {
    text.starts_with('.') || text.contains('/') || text.contains('\\')
}

/// What follows the name in a PEP 508 requirement.
enum Spec<'a> {
    /// `name @ url`.
    Url(&'a str),
    /// `name op version, …` (empty for a bare name).
    Versions(Vec<(&'static str, &'a str)>),
}

const OPERATORS: &[&str] = &["===", "==", "~=", "!=", "<=", ">=", "<", ">"];

/// A PEP 508 requirement: name, optional extras, then a URL or version clauses, then an optional marker.
fn pep508(text: &str) -> Option<(&str, Spec<'_>)> {
    let end = text.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))).unwrap_or(text.len());
    let name = text.get(..end)?;
    if !valid_name(name) {
        return None;
    }
    let mut rest = text.get(end..)?.trim_start();
    if let Some(extras) = rest.strip_prefix('[') {
        let close = extras.find(']')?;
        rest = extras.get(close + 1..)?.trim_start();
    }
    if let Some(url) = rest.strip_prefix('@') {
        // After a URL the marker must be separated by whitespace (PEP 508).
        let url = url.trim_start();
        let (url, after) = url.split_once(char::is_whitespace).unwrap_or((url, ""));
        let after = after.trim_start();
        return (!url.is_empty() && (after.is_empty() || after.starts_with(';'))).then_some((name, Spec::Url(url)));
    }
    let spec = rest.split(';').next().unwrap_or(rest).trim();
    let spec = spec.strip_prefix('(').and_then(|s| s.strip_suffix(')')).unwrap_or(spec).trim();
    if spec.is_empty() {
        return Some((name, Spec::Versions(Vec::new())));
    }
    let mut clauses = Vec::new();
    for clause in spec.split(',') {
        let clause = clause.trim();
        let op = OPERATORS.iter().copied().find(|op| clause.starts_with(op))?;
        let version = clause.get(op.len()..)?.trim();
        let junk = |c: char| c.is_whitespace() || "\"'()[];,@<>=~".contains(c);
        if version.is_empty() || version.contains(junk) {
            return None;
        }
        clauses.push((op, version));
    }
    Some((name, Spec::Versions(clauses)))
}

/// A PEP 508 project name: ASCII letters, digits, `.`, `-`, `_`, starting and ending with a letter or digit.
fn valid_name(name: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    alnum(name.chars().next())
        && alnum(name.chars().last())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// The package for version clauses (see the module documentation for what counts as a pin).
fn versioned(name: &str, clauses: &[(&str, &str)]) -> Package {
    let spec: Vec<String> = clauses.iter().map(|(op, v)| format!("{op}{v}")).collect();
    let spec = if spec.is_empty() { "*".to_string() } else { spec.join(",") };
    let resolved = |v: &&str| !v.contains('$');
    let exact = clauses.iter().find(|(op, v)| *op == "===" || (*op == "==" && !v.contains('*'))).map(|(_, v)| *v);
    let compatible = clauses.iter().find(|(op, _)| *op == "~=").map(|(_, v)| *v);
    match (exact.filter(resolved), compatible.filter(resolved)) {
        (Some(version), _) => {
            let package = Package::new(Ecosystem::PyPI, name, version, PackageManager::Pip);
            if clauses.len() > 1 { package.constraint(spec) } else { package }
        }
        (None, Some(version)) => Package::new(Ecosystem::PyPI, name, version, PackageManager::Pip).constraint(spec),
        (None, None) => unpinned(name, &spec),
    }
}

fn unpinned(name: &str, constraint: &str) -> Package {
    Package::new(Ecosystem::PyPI, name, "", PackageManager::Pip).constraint(constraint)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `name@version` plus ` (constraint)` when there is one.
    fn show(text: &str) -> Vec<String> {
        parse(text)
            .iter()
            .map(|p| match &p.constraint {
                Some(c) => format!("{}@{} ({c})", p.name, p.version),
                None => format!("{}@{}", p.name, p.version),
            })
            .collect()
    }

    fn fixture(name: &str) -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/lockfiles/python/requirements/testdata");
        show(&std::fs::read_to_string(dir.join(name)).unwrap())
    }

    #[test]
    fn wants_requirements_files_outside_installed_code() {
        let wants = |path| Requirements.wants(&FileInfo { path, size: 1, executable: false });
        assert!(wants("/var/task/requirements.txt"));
        assert!(wants("/var/task/requirements-dev.txt"));
        assert!(wants("/var/task/app/test_requirements.txt"));
        assert!(wants("/var/task/requirements/base.txt"));
        assert!(wants("/opt/python/requirements.txt"));
        assert!(!wants("/var/task/requirements.in"));
        assert!(!wants("/var/task/notes.txt"));
        assert!(!wants("/var/task/requirements.txt/x"));
        assert!(!wants("/opt/python/lib/python3.12/site-packages/botocore/requirements.txt"));
    }

    #[test]
    fn pins_compatible_releases_and_everything_else() {
        assert_eq!(
            show("a==1.0\nb===1.0-weird\nc~=1.1\nd>=2,==2.5\ne>=1.0\nf\ng==2.8.*\nh!=3.5\ni<=1.2.3\n"),
            [
                "a@1.0",
                "b@1.0-weird",
                "c@1.1 (~=1.1)",
                "d@2.5 (>=2,==2.5)",
                "e@ (>=1.0)",
                "f@ (*)",
                "g@ (==2.8.*)",
                "h@ (!=3.5)",
                "i@ (<=1.2.3)",
            ]
        );
    }

    #[test]
    fn extras_markers_parentheses_and_spacing() {
        assert_eq!(
            show(
                "pyjwt [crypto] == 2.1.0\ncelery[redis, pytest]==4.4.7\nfoo5==1.0; python_version < \"2.7\"\nx (>=1.0, <2)\ny ;python_version<'3'\n"
            ),
            ["pyjwt@2.1.0", "celery@4.4.7", "foo5@1.0", "x@ (>=1.0,<2)", "y@ (*)"]
        );
    }

    #[test]
    fn continuations_comments_and_hashes() {
        let got =
            show("# c\npkgA==1.0 \\\n  --hash=sha256:123\n# c \\\npkgB==2.0 # trailing\nq \\\n  == 0.1\nlast==1 \\");
        assert_eq!(got, ["pkgA@1.0", "pkgB@2.0", "q@0.1", "last@1"]);
        // A comment inside a continuation ends it, as in pip.
        assert_eq!(show("a==1 \\\n# note\nb==2\n"), ["a@1", "b@2"]);
    }

    #[test]
    fn urls_paths_and_editables_name_their_package_without_a_version() {
        let got = show(
            "urllib3 @ https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip\n\
             ./downloads/numpy-1.9.2-cp34-none-win32.whl\n\
             -e git+https://github.com/org/repo.git@v1#egg=MyPkg[extra]\n\
             --editable=./libs/python-dateutil-2.9.0.tar.gz\n\
             git+https://github.com/org/norepo.git\n\
             -e .\n\
             https://example.com/pkgs/Foo_Bar-1.0.0-py3-none-any.whl ; python_version >= \"3\"\n\
             Pkg[extra] @ file:///wheels/pkg.whl\n",
        );
        assert_eq!(
            got,
            [
                "urllib3@ (https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip)",
                "numpy@ (./downloads/numpy-1.9.2-cp34-none-win32.whl)",
                "MyPkg@ (git+https://github.com/org/repo.git@v1#egg=MyPkg[extra])",
                "python-dateutil@ (./libs/python-dateutil-2.9.0.tar.gz)",
                "Foo_Bar@ (https://example.com/pkgs/Foo_Bar-1.0.0-py3-none-any.whl)",
                "Pkg@ (file:///wheels/pkg.whl)",
            ]
        );
    }

    #[test]
    fn option_lines_and_includes_name_no_package() {
        assert!(
            show(
                "-r other.txt\n--requirement=x.txt\n-c c.txt\n-i https://x/simple\n--extra-index-url https://y\n--pre\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn invalid_lines_are_skipped_and_env_vars_are_not_pins() {
        assert_eq!(
            fixture("invalid.txt"),
            ["urllib3@ (https://github.com/urllib3/urllib3/archive/refs/tags/==1.26.8.zip)"]
        );
        assert_eq!(fixture("env_var.txt"), ["asdf@1.2", "qwert@ (==${MY_VARIABLE_1})", "another@1.0"]);
    }

    #[test]
    fn reads_the_fixtures() {
        assert_eq!(fixture("comments.txt"), ["PyCrypto@1.2-alpha", "GMPY2@1", "SymPy@1.2", "requests@1.0", "six@1.2"]);
        assert_eq!(fixture("extras.txt"), ["pyjwt@2.1.0", "celery@4.4.7"]);
        assert_eq!(fixture("no_version.txt"), ["PyCrypto@ (*)", "GMPY2@ (*)", "SymPy@ (*)"]);
        assert_eq!(fixture("multiline_and_comments.txt"), ["pkgA@1.0", "pkgB@2.0"]);
        assert_eq!(fixture("trailing_backslash.txt"), ["pkg1@1.0"]);
        assert_eq!(fixture("other-requirements.txt"), ["pandas@2.2.3"]);
        assert!(fixture("loop.txt").is_empty());
        assert_eq!(
            fixture("with_versions.txt"),
            [
                "nltk@3.2.2",
                "tabulate@0.7.7",
                "newspaper3k@ (>=0.2.2)",
                "asdf@ (==0.7.*)",
                "qwerty@0.1",
                "hy-phen@1.2",
                "under_score@1.3",
                "pkg.dot.name@5.0.0",
                "combination-._-.also_-._valid@ (>=3.5)",
                "yolo@1.0",
                "pkg@ (<=1.2.3)",
            ]
        );
        assert_eq!(
            fixture("example.txt"),
            [
                "pytest@ (*)",
                "pytest-cov@ (*)",
                "beautifulsoup4@ (*)",
                "docopt@0.6.1",
                "requests@ (>=2.8.1,==2.8.*)",
                "urllib3@ (https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip)",
                "keyring@ (>=4.1.1)",
                "coverage@ (!=3.5)",
                "Mopidy-Dirble@1.1 (~=1.1)",
                "numpy@ (./downloads/numpy-1.9.2-cp34-none-win32.whl)",
                "wxPython_Phoenix@ (http://wxpython.org/Phoenix/snapshot-builds/wxPython_Phoenix-3.0.3.dev1820+49a8884-cp34-none-win_amd64.whl)",
            ]
        );
        let options = fixture("per_req_options.txt");
        let want: Vec<String> = [1, 2, 3, 4, 5, 6, 8, 9, 11, 12, 13, 14]
            .iter()
            .map(|i| format!("foo{i}@1.0"))
            .chain(["foo16-Client@1.0", "foo17--hash@1.0", "foo18-Client@1.0"].map(String::from))
            .collect();
        assert_eq!(options, want);
    }

    #[test]
    fn malformed_utf8_is_an_error() {
        let budget = Input::default_budget();
        let input = Input::standalone("/var/task/requirements.txt", b"a==1\n\xff\xfe\n", &budget);
        assert!(Requirements.extract(&input).is_err());
    }
}
