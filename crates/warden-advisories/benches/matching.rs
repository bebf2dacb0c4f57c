//! Matching and loading against the whole shared snapshot (`../shared/osv`, 9,841 advisories).
//!
//! `cargo bench -p warden-advisories --bench matching`
//!
//! Measured on the 2-core development machine while fuzzers ran (load average about 5), release build:
//!
//! | bench | fastest | median |
//! |---|---|---|
//! | `match_10k_inventory` (10,000 packages: each of the 3,488 packages the snapshot names once, the rest unnamed) | 18.4 ms | 22.8–28.5 ms |
//! | `match_10k_stress` (10,000 queries at named packages, drawn per advisory entry: heavy packages often) | 111 ms | 146–200 ms |
//! | `load_snapshot` (unzip, parse and validate the JSON, index) | 472 ms | 543–684 ms |
//! | `open_database` (the imported database file, 14.6 MB: decode, re-validate, index), every list parsed | 206 ms | 213–496 ms |
//! | `open_database`, `versions` lists parsed on first lookup (load average about 6) | 119 ms | 129 ms |
//!
//! The goal for a scan, 10,000 packages against the whole snapshot in under 50 ms, holds for a realistic
//! inventory; the stress case shows the cost of packages with a hundred or more advisories each (every entry is
//! evaluated, by binary search over its sorted events or list).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::sync::OnceLock;

use warden_advisories::{Database, Ecosystem, Index, Range, load};

fn main() {
    divan::main();
}

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/osv")
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(load(&snapshot_dir()).unwrap().advisories))
}

/// Every (ecosystem, name, version) the snapshot names, the version being the entry's first range event or listed
/// version: queries that reach advisories and evaluate their entries.
fn known_packages() -> Vec<(Ecosystem, String, String)> {
    let mut out = Vec::new();
    for advisory in index().advisories() {
        for entry in &advisory.affected {
            let version = entry.versions.iter().next().map(str::to_string).or_else(|| {
                entry.ranges.iter().find_map(|r| match r {
                    Range::Ordered(r) => r.events().iter().find(|e| e.raw != "0").map(|e| e.raw.clone()),
                    _ => None,
                })
            });
            if let Some(version) = version {
                out.push((entry.ecosystem, entry.name.clone(), version));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A 10,000-package inventory in which every package the snapshot names appears once (at a version one of its
/// advisories covers), the rest being packages no advisory names.
fn inventory() -> Vec<(Ecosystem, String, String)> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<_> = known_packages()
        .into_iter()
        .filter(|(eco, name, _)| seen.insert((*eco, warden_core::normalize_name(*eco, name))))
        .collect();
    out.truncate(10_000);
    let known = out.len();
    out.extend((known..10_000).map(|i| (Ecosystem::ALL[i % 8], format!("unlisted-package-{i}"), "1.2.3".to_string())));
    out
}

/// 10,000 queries all at packages the snapshot names, drawn per advisory entry: packages with many advisories
/// (Go's `stdlib`, Django, …) are drawn often, and each query evaluates all their entries.
fn stress() -> Vec<(Ecosystem, String, String)> {
    let known = known_packages();
    (0..10_000).map(|i| known[(i * 7919) % known.len()].clone()).collect()
}

fn run(bencher: divan::Bencher, packages: Vec<(Ecosystem, String, String)>) {
    let index = index();
    bencher.bench(|| {
        let mut matches = 0;
        for (eco, name, version) in &packages {
            matches += index.affected(*eco, name, version).len();
        }
        matches
    });
}

#[divan::bench(sample_count = 20)]
fn match_10k_inventory(bencher: divan::Bencher) {
    let packages = inventory();
    let known = packages.iter().filter(|(e, n, _)| index().knows(*e, n)).count();
    println!("inventory: {known} of 10000 packages named by the snapshot");
    run(bencher, packages);
}

#[divan::bench(sample_count = 20)]
fn match_10k_stress(bencher: divan::Bencher) {
    run(bencher, stress());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_snapshot() -> usize {
    Index::new(load(&snapshot_dir()).unwrap().advisories).len()
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn open_database(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::import(&snapshot_dir(), dir.path()).unwrap();
    println!(
        "database file: {} bytes; import took {} ms",
        std::fs::metadata(dir.path().join(warden_advisories::store::FILE_NAME)).unwrap().len(),
        db.meta().import_millis
    );
    bencher.bench(|| Database::open(dir.path()).unwrap().index().len());
}
