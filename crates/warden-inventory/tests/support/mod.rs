//! Shared by the end-to-end tests that build real deployment packages with the ecosystems' own tools.
//!
//! Builds are cached under `target/warden-test-cache/<name>` so the tests run offline after the first run; a
//! cache entry is only used when its build finished (a `.done` marker), so an interrupted build is redone.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace's `target/warden-test-cache`.
pub fn cache_root() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("warden-test-cache")
}

/// `../shared` beside the checkout.
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// A cached build: runs `build(dir)` once into a fresh directory and returns it. Tests of one binary run in
/// parallel threads and several may ask for the same build: builds are made one at a time, so a second caller
/// waits and then finds the first one's `.done` marker instead of deleting the directory being built.
pub fn cached(name: &str, build: impl FnOnce(&Path)) -> PathBuf {
    static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = BUILDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = cache_root().join(name);
    let done = cache_root().join(format!("{name}.done"));
    if done.exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    build(&dir);
    std::fs::write(&done, b"").unwrap();
    dir
}

/// Runs a command to completion; panics with its output when it fails.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Zips a directory the way `zip -r` does for a Lambda deployment package: relative names, Unix modes kept,
/// directories as entries, deflate. Symbolic links are stored as links.
pub fn zip_dir(dir: &Path, out: &Path) {
    use zip::write::SimpleFileOptions;
    let file = std::fs::File::create(out).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let mut stack = vec![dir.to_path_buf()];
    let mut paths = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let ft = e.file_type().unwrap();
            if ft.is_dir() {
                stack.push(p.clone());
            }
            paths.push((p, ft));
        }
    }
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, ft) in paths {
        let rel = p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        let meta = std::fs::symlink_metadata(&p).unwrap();
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o7777;
        let opts = SimpleFileOptions::default().unix_permissions(mode).large_file(meta.len() > u32::MAX as u64);
        if ft.is_symlink() {
            let target = std::fs::read_link(&p).unwrap();
            zip.add_symlink(rel, target.to_string_lossy(), opts).unwrap();
        } else if ft.is_dir() {
            zip.add_directory(format!("{rel}/"), opts).unwrap();
        } else {
            zip.start_file(rel, opts).unwrap();
            zip.write_all(&std::fs::read(&p).unwrap()).unwrap();
        }
    }
    zip.finish().unwrap();
}
