//! The detector fixtures: every file under `tests/fixtures/<language>/` is a package of its own, every directory
//! there one package of several files. A comment `ruleid: <family>/<slug>` says the next code line must have a
//! finding of that rule; `ok: <family>/<slug>` that it must not. Any finding on a line not marked `ruleid` for its
//! rule is Noisy. `FIXTURE_FILTER=python/` narrows the run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use warden_sast::{Options, SourceFile, analyze};

fn packages(root: &Path) -> Vec<Vec<PathBuf>> {
    let mut out = Vec::new();
    let Ok(langs) = std::fs::read_dir(root) else { return out };
    let mut langs: Vec<PathBuf> = langs.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    langs.sort();
    for lang in langs {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&lang).unwrap().flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            if e.is_dir() {
                let mut files: Vec<PathBuf> = walk(&e);
                files.sort();
                out.push(files);
            } else {
                out.push(vec![e]);
            }
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

/// (file, line) → rule ids expected / forbidden there.
#[derive(Default)]
struct Expectations {
    expected: BTreeSet<(String, u32, String)>,
    forbidden: BTreeSet<(String, u32, String)>,
}

/// A comment line of code or of a template (`{# … #}`, `<%# … %>`, `{{!-- … --}}`, Pug's `//-`, Razor's `@* *@`,
/// JSP's `<%-- … --%>`, HTML's `<!-- … -->` in Thymeleaf).
fn is_comment(t: &str) -> bool {
    ["#", "//", "/*", "*", "{#", "<%#", "{{!", "@*", "<%--", "<!--"].iter().any(|c| t.starts_with(c))
}

fn markers(file: &str, text: &str, exp: &mut Expectations) {
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if !is_comment(trimmed) {
            continue;
        }
        for (marker, forbidden) in [("ruleid:", false), ("ok:", true)] {
            let Some(pos) = trimmed.find(marker) else { continue };
            let ids: Vec<String> = trimmed[pos + marker.len()..]
                .split([',', ' '])
                .map(|s| s.trim().trim_end_matches("*/").trim().to_string())
                .filter(|s| s.contains('/'))
                .collect();
            // The next line that is code.
            let target = lines.iter().enumerate().skip(i + 1).find(|(_, l)| {
                let t = l.trim_start();
                !t.is_empty() && !(is_comment(t) && (t.contains("ruleid:") || t.contains("ok:")))
            });
            let Some((j, _)) = target else { continue };
            for id in ids {
                let key = (file.to_string(), j as u32 + 1, id);
                if forbidden {
                    exp.forbidden.insert(key)
                } else {
                    exp.expected.insert(key)
                };
            }
        }
    }
}

#[test]
fn fixtures_have_exactly_the_expected_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let filter = std::env::var("FIXTURE_FILTER").unwrap_or_default();
    let mut missing = Vec::new();
    let mut noisy = Vec::new();
    let mut per_lang: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for package in packages(&root) {
        let files: Vec<SourceFile> = package
            .iter()
            .map(|p| {
                let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                SourceFile { path: rel, text: std::fs::read_to_string(p).unwrap_or_default(), layer: None }
            })
            .filter(|f| f.path.contains(&filter))
            .collect();
        if files.is_empty() {
            continue;
        }
        let mut exp = Expectations::default();
        for f in &files {
            markers(&f.path, &f.text, &mut exp);
        }
        let analysis = analyze(&files, &Options::default());
        if let Some(e) = analysis.errors.first() {
            panic!("{}: {}", e.path, e.message);
        }
        let found: BTreeSet<(String, u32, String)> =
            analysis.findings.iter().map(|f| (f.path.clone(), f.start_line, f.rule.short_id())).collect();
        for key in &exp.expected {
            let lang = key.0.split('/').next().unwrap_or_default().to_string();
            let entry = per_lang.entry(lang).or_default();
            entry.0 += 1;
            if found.contains(key) {
                entry.1 += 1;
            } else {
                missing.push(format!("Missing {}:{} {}", key.0, key.1, key.2));
            }
        }
        for key in &found {
            if !exp.expected.contains(key) {
                let f = analysis.findings.iter().find(|f| f.path == key.0 && f.start_line == key.1).unwrap();
                let kind = if exp.forbidden.contains(key) { "Noisy (marked ok)" } else { "Noisy" };
                noisy.push(format!("{kind} {}:{} {} — {}", key.0, key.1, key.2, f.message));
            }
        }
    }
    for (lang, (expected, found)) in &per_lang {
        println!("{lang}: {found}/{expected} expected findings found");
    }
    for m in missing.iter().chain(&noisy) {
        println!("{m}");
    }
    assert!(missing.is_empty() && noisy.is_empty(), "{} missing, {} noisy", missing.len(), noisy.len());
}
