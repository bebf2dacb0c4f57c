//! Code scanning throughput: the labelled fixtures of every language, copied into a package of about 100k lines
//! (each copy a module of its own, so cross-module resolution and summaries work at that size), parsed, lowered
//! and analysed with every detector. `cargo bench -p warden-sast --bench analyze`; numbers in docs/benchmarks.md.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use warden_sast::{Options, SourceFile, analyze};

fn main() {
    divan::main();
}

fn fixtures() -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                let path = p.strip_prefix(&root).unwrap().to_string_lossy().to_string();
                out.push(SourceFile { path, text, layer: None });
            }
        }
    }
    out
}

/// The fixtures copied `n` times under distinct directories.
fn package(n: usize) -> (Vec<SourceFile>, usize) {
    let base = fixtures();
    let mut files = Vec::new();
    for i in 0..n {
        for f in &base {
            files.push(SourceFile { path: format!("copy{i}/{}", f.path), text: f.text.clone(), layer: None });
        }
    }
    let lines = files.iter().map(|f| f.text.lines().count()).sum();
    (files, lines)
}

#[divan::bench]
fn fixtures_once(bencher: divan::Bencher) {
    let (files, lines) = package(1);
    bencher.counter(divan::counter::ItemsCount::new(lines)).bench(|| analyze(&files, &Options::default()));
}

#[divan::bench(sample_count = 10)]
fn hundred_thousand_lines(bencher: divan::Bencher) {
    let (files, lines) = package(100_000 / fixtures().iter().map(|f| f.text.lines().count()).sum::<usize>().max(1) + 1);
    bencher.counter(divan::counter::ItemsCount::new(lines)).bench(|| analyze(&files, &Options::default()));
}
