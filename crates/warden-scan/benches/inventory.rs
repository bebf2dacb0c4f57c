//! Inventory of a real ≥ 100 MB deployment package (built by `scripts/bench-corpus.sh`; or set
//! `WARDEN_BENCH_ZIP`): open the zip, plan, read and extract every wanted file, fold duplicates.
//!
//! `cargo bench -p warden-scan --bench inventory`; throughput is reported in bytes of zip per second.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use divan::counter::BytesCount;
use std::path::PathBuf;
use warden_artifact::{Limits, SourceSpec};
use warden_scan::{Silent, scan};

fn corpus() -> PathBuf {
    let path = std::env::var_os("WARDEN_BENCH_ZIP")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench/lambda-big.zip"));
    assert!(path.exists(), "{} is missing: run scripts/bench-corpus.sh first", path.display());
    path
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn inventory_of_a_large_zip(bencher: divan::Bencher) {
    let zip = corpus();
    let size = std::fs::metadata(&zip).unwrap().len();
    let specs = [SourceSpec::function(&zip)];
    bencher.counter(BytesCount::new(size)).bench(|| {
        let result = scan(&specs, Limits::default(), &Silent);
        assert!(result.packages.len() > 100, "{:?}", result.status);
        result.packages.len()
    });
}
