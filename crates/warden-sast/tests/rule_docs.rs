//! Each detector's documentation page `docs/rules/<language>/<slug>.md` is generated from its file's `//!` doc
//! comment and metadata, and `docs/rules/README.md` lists them all. This test fails when a page is missing or
//! stale; `WARDEN_BLESS=1 cargo test -p warden-sast --test rule_docs` rewrites them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::path::Path;
use warden_sast::rules::{Rule, registry};

fn page(rule: &Rule, source: &str) -> String {
    let doc: Vec<&str> = source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| l.strip_prefix("//! ").or_else(|| l.strip_prefix("//!")).unwrap_or(l))
        .collect();
    let mut out = String::new();
    let mut lines = doc.iter();
    if let Some(title) = lines.next() {
        out.push_str(title);
        out.push_str("\n\n");
    }
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| Detector id | `{}` |", rule.id());
    let _ = writeln!(out, "| Severity | {} |", rule.severity.as_str());
    let _ = writeln!(out, "| CWE | {} |", rule.cwes.join(", "));
    let _ = writeln!(out, "| Tags | {} |", rule.tags.join(", "));
    let _ = writeln!(out, "| Remediation | {} |", rule.remediation.replace('|', "\\|"));
    out.push('\n');
    let body: Vec<&str> = lines.copied().skip_while(|l| l.is_empty()).collect();
    out.push_str(&body.join("\n"));
    out.push('\n');
    out
}

#[test]
fn rule_pages_are_generated_from_the_detectors() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = crate_dir.join("../../docs/rules");
    let bless = std::env::var("WARDEN_BLESS").is_ok();
    let mut stale = Vec::new();
    let mut index = String::from(
        "# Code scanning detectors\n\nGenerated from `crates/warden-sast/src/rules/` by `cargo test -p warden-sast --test rule_docs` \
         (`WARDEN_BLESS=1` to rewrite). TypeScript uses the JavaScript detectors.\n\n| Detector | Name | Severity | CWE |\n|---|---|---|---|\n",
    );
    let mut rules: Vec<&Rule> = registry::all().collect();
    rules.sort_by_key(|r| r.id());
    for rule in rules {
        let prefix = rule.lang.rule_prefix();
        let file = rule.slug.replace('-', "_");
        let source = std::fs::read_to_string(crate_dir.join(format!("src/rules/{prefix}/{file}.rs")))
            .unwrap_or_else(|e| panic!("{}: {e}", rule.id()));
        assert!(source.starts_with("//! # "), "{}: the file must start with a `//! # Name` doc comment", rule.id());
        for section in ["## What it finds", "## Why it matters", "## Example", "## Fix", "## References"] {
            assert!(source.contains(&format!("//! {section}")), "{}: doc comment lacks `{section}`", rule.id());
        }
        let want = page(rule, &source);
        let path = docs.join(prefix).join(format!("{}.md", rule.slug));
        let _ = writeln!(
            index,
            "| [`{}`]({prefix}/{}.md) | {} | {} | {} |",
            rule.id(),
            rule.slug,
            rule.name,
            rule.severity.as_str(),
            rule.cwes.join(", ")
        );
        if std::fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, want).unwrap();
            } else {
                stale.push(path.display().to_string());
            }
        }
    }
    let index_path = docs.join("README.md");
    if std::fs::read_to_string(&index_path).ok().as_deref() != Some(index.as_str()) {
        if bless {
            std::fs::create_dir_all(&docs).unwrap();
            std::fs::write(&index_path, index).unwrap();
        } else {
            stale.push(index_path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale rule pages (run WARDEN_BLESS=1 cargo test -p warden-sast --test rule_docs): {stale:?}"
    );
}
