//! Shared by the binary's end-to-end tests: running `warden`, building zips, and the shared OSV snapshot imported
//! once per test binary.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use zip::write::SimpleFileOptions;

pub const LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";

/// Runs the `warden` binary (without a `WARDEN_DB` from the environment).
pub fn warden(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warden")).args(args).env_remove("WARDEN_DB").output().unwrap()
}

/// `../shared/osv`, the offline OSV snapshot.
pub fn shared_osv() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/osv")
}

/// The shared snapshot imported once into a temporary database.
pub fn db() -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        warden_advisories::Database::import(&shared_osv(), &dir).unwrap();
        dir
    })
}

/// A zip of `entries`, in memory.
pub fn zip_bytes(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A zip of `entries` written to `path`.
pub fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    std::fs::write(path, zip_bytes(entries)).unwrap();
}
