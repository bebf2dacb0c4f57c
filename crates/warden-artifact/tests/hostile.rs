//! One test per kind of hostile or broken deployment package: each must be refused with a clear error, quickly,
//! without panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::Write;
use std::path::Path;
use warden_artifact::{Archive, Artifact, ArtifactError, Budget, Limits, ReadError, SourceSpec};
use zip::write::SimpleFileOptions;

fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, data) in entries {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
}

fn open(path: &Path, limits: Limits) -> Result<Artifact, ArtifactError> {
    Artifact::open(&[SourceSpec::function(path)], limits)
}

/// Reads every file, returning the first error (what a scan does).
fn read_all(artifact: &Artifact) -> Result<usize, ReadError> {
    let mut reader = artifact.reader();
    let mut total = 0;
    for entry in artifact.entries() {
        total += reader.read(entry)?.len();
    }
    Ok(total)
}

/// Overwrites every occurrence of `from` with `to` (same length) in a file.
fn patch(path: &Path, from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut bytes = std::fs::read(path).unwrap();
    let mut hits = 0;
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
            hits += 1;
        }
        i += 1;
    }
    assert!(hits > 0, "pattern not found");
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_plain_zip_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("f.zip");
    write_zip(&zip, &[("app.py", b"print(1)"), ("lib/a.txt", b"x")]);
    let artifact = open(&zip, Limits::default()).unwrap();
    let paths: Vec<_> = artifact.entries().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["/var/task/app.py", "/var/task/lib/a.txt"]);
    assert_eq!(read_all(&artifact).unwrap(), 9);
}

#[test]
fn zip_bomb_by_compression_ratio_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("bomb.zip");
    let zeros = vec![0u8; 64 << 20];
    write_zip(&zip, &[("zeros.bin", &zeros)]);
    let err = open(&zip, Limits::default()).unwrap_err();
    assert!(matches!(err, ArtifactError::RatioExceeded { .. }), "{err}");
    assert!(err.to_string().contains("--max-compression-ratio"), "{err}");
}

#[test]
fn zip_bomb_by_total_size_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("big.zip");
    // Many modest, individually unremarkable entries that add up past the limit.
    let chunk: Vec<u8> = (0..(2u32 << 20)).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let names: Vec<String> = (0..8).map(|i| format!("part{i}.bin")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), chunk.as_slice())).collect();
    write_zip(&zip, &entries);
    let limits = Limits { max_inflated_bytes: 10 << 20, ..Limits::default() };
    let err = open(&zip, limits).unwrap_err();
    assert!(matches!(err, ArtifactError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("--max-inflated-bytes"), "{err}");
}

#[test]
fn inflated_bytes_are_charged_across_reads() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("two.zip");
    let data = vec![7u8; 600 << 10];
    write_zip(&zip, &[("a.bin", &data)]);
    let limits = Limits { max_inflated_bytes: 1 << 20, ..Limits::default() };
    // A function and a layer each under the limit, together over it.
    let artifact =
        Artifact::open(&[SourceSpec::function(&zip), SourceSpec::layer(zip.to_str().unwrap())], limits).unwrap();
    let err = read_all(&artifact).unwrap_err();
    assert!(matches!(err, ReadError::Artifact(ArtifactError::TooLarge { .. })), "{err}");
}

#[test]
fn an_entry_inflating_past_its_declared_size_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("forged.zip");
    let data = vec![b'a'; 100_000];
    write_zip(&zip, &[("a.txt", &data)]);
    // Declare 16 bytes instead of 100,000 in both the local header and the central directory.
    patch(&zip, &100_000u32.to_le_bytes(), &16u32.to_le_bytes());
    let err = match open(&zip, Limits::default()) {
        Err(e) => ReadError::Artifact(e),
        Ok(artifact) => read_all(&artifact).unwrap_err(),
    };
    assert!(
        matches!(err, ReadError::Artifact(ArtifactError::SizeMismatch { .. } | ArtifactError::Corrupt { .. })),
        "{err}"
    );
}

#[test]
fn dot_dot_entry_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("slip.zip");
    write_zip(&zip, &[("ok.txt", b"x"), ("lib/../../../etc/cron.d/evil", b"x")]);
    let err = open(&zip, Limits::default()).unwrap_err();
    assert!(matches!(err, ArtifactError::UnsafeName { .. }), "{err}");
    assert!(err.to_string().contains(".."), "{err}");
}

#[test]
fn absolute_entry_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("abs.zip");
    write_zip(&zip, &[("Xetc/passwd", b"x")]);
    patch(&zip, b"Xetc/passwd", b"/etc/passwd");
    let err = open(&zip, Limits::default()).unwrap_err();
    assert!(matches!(err, ArtifactError::UnsafeName { why: "absolute path", .. }), "{err}");
}

#[test]
fn symlink_entries_leaving_the_package_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("link.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    w.add_symlink("config", "/etc/passwd", SimpleFileOptions::default()).unwrap();
    w.finish().unwrap();
    let err = open(&zip, Limits::default()).unwrap_err();
    assert!(matches!(err, ArtifactError::EscapingSymlink { .. }), "{err}");

    let zip2 = dir.path().join("link2.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip2).unwrap());
    w.add_symlink("a/b", "../../../secret", SimpleFileOptions::default()).unwrap();
    w.finish().unwrap();
    assert!(matches!(open(&zip2, Limits::default()), Err(ArtifactError::EscapingSymlink { .. })));
}

#[test]
fn symlinks_inside_the_package_are_not_followed_but_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("bin.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    w.start_file("node_modules/x/cli.js", SimpleFileOptions::default()).unwrap();
    w.write_all(b"#!/usr/bin/env node").unwrap();
    w.add_symlink("node_modules/.bin/x", "../x/cli.js", SimpleFileOptions::default()).unwrap();
    w.finish().unwrap();
    let artifact = open(&zip, Limits::default()).unwrap();
    let paths: Vec<_> = artifact.entries().iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["/var/task/node_modules/x/cli.js"]);
}

#[test]
fn symlinks_leaving_a_directory_input_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pkg");
    std::fs::create_dir(&root).unwrap();
    std::fs::write(root.join("app.py"), b"x").unwrap();
    std::os::unix::fs::symlink("/etc/passwd", root.join("passwd")).unwrap();
    let err = open(&root, Limits::default()).unwrap_err();
    assert!(matches!(err, ArtifactError::EscapingSymlink { .. }), "{err}");
}

#[test]
fn more_than_100k_entries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("many.zip");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&zip).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..100_001 {
        w.start_file(format!("f/{i}"), stored).unwrap();
    }
    w.finish().unwrap();
    let err = open(&zip, Limits::default()).unwrap_err();
    assert!(matches!(err, ArtifactError::TooManyEntries { count: 100_001, limit: 100_000, .. }), "{err}");
}

#[test]
fn archives_nested_deeper_than_the_limit_are_refused() {
    // A jar in a jar in … : each level wraps the one inside it.
    let mut inner: Vec<u8> = Vec::new();
    {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut inner));
        w.start_file("META-INF/MANIFEST.MF", SimpleFileOptions::default()).unwrap();
        w.write_all(b"Manifest-Version: 1.0\n").unwrap();
        w.finish().unwrap();
    }
    let budget = Budget::new(Limits::default());
    let mut depth = 1;
    let mut archive = Archive::open_nested(inner.clone(), "a.jar".into(), depth, &budget).unwrap();
    loop {
        let mut outer: Vec<u8> = Vec::new();
        {
            let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut outer));
            w.start_file("lib/inner.jar", SimpleFileOptions::default()).unwrap();
            w.write_all(&inner).unwrap();
            w.finish().unwrap();
        }
        depth += 1;
        match Archive::open_nested(outer.clone(), format!("level{depth}.jar"), depth, &budget) {
            Ok(a) => archive = a,
            Err(e) => {
                assert!(matches!(e, ArtifactError::TooDeep { limit: 5, .. }), "{e}");
                assert_eq!(depth, 6);
                break;
            }
        }
        inner = outer;
    }
    assert_eq!(archive.depth(), 5);
}

#[test]
fn truncated_zips_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("t.zip");
    write_zip(&zip, &[("a.txt", &vec![b'x'; 50_000])]);
    let bytes = std::fs::read(&zip).unwrap();
    std::fs::write(&zip, &bytes[..bytes.len() / 2]).unwrap();
    let err = open(&zip, Limits::default()).unwrap_err();
    assert!(matches!(err, ArtifactError::Corrupt { .. }), "{err}");
}

#[test]
fn corrupt_entry_data_is_refused_on_read() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("c.zip");
    let text: Vec<u8> = (0..20_000u32).flat_map(|i| format!("line {i}\n").into_bytes()).collect();
    write_zip(&zip, &[("a.txt", &text)]);
    let mut bytes = std::fs::read(&zip).unwrap();
    // Flip bytes in the middle of the compressed data.
    let mid = 30 + 5 + bytes.len() / 8;
    for b in &mut bytes[mid..mid + 64] {
        *b ^= 0x5A;
    }
    std::fs::write(&zip, &bytes).unwrap();
    let artifact = open(&zip, Limits::default()).unwrap();
    let err = read_all(&artifact).unwrap_err();
    assert!(matches!(err, ReadError::Artifact(ArtifactError::Corrupt { .. })), "{err}");
}

#[test]
fn not_a_zip_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("n.zip");
    std::fs::write(&zip, b"this is not a zip file at all").unwrap();
    let err = open(&zip, Limits::default()).unwrap_err();
    assert!(err.to_string().contains("not a readable zip archive"), "{err}");
}

#[test]
fn non_utf8_entry_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("u.zip");
    write_zip(&zip, &[("QQQQ.txt", b"x")]);
    patch(&zip, b"QQQQ", b"\xff\xfe\xc3\x28");
    let err = open(&zip, Limits::default()).unwrap_err();
    assert!(matches!(err, ArtifactError::NonUtf8Name { .. }), "{err}");
}

#[test]
fn later_layers_hide_earlier_ones() {
    let dir = tempfile::tempdir().unwrap();
    let l1 = dir.path().join("l1.zip");
    let l2 = dir.path().join("l2.zip");
    write_zip(&l1, &[("python/a.txt", b"one"), ("python/only1.txt", b"1")]);
    write_zip(&l2, &[("python/a.txt", b"two")]);
    let specs = [
        SourceSpec::function(&l1),
        SourceSpec::layer(&format!("arn:aws:lambda:us-east-1:123456789012:layer:one:1={}", l1.display())),
        SourceSpec::layer(&format!("arn:aws:lambda:us-east-1:123456789012:layer:two:7={}", l2.display())),
    ];
    let artifact = Artifact::open(&specs, Limits::default()).unwrap();
    let mut reader = artifact.reader();
    let a = artifact.entries().iter().find(|e| e.path == "/opt/python/a.txt").unwrap();
    assert_eq!(reader.read(a).unwrap(), b"two");
    assert_eq!(a.layer.as_deref(), Some("arn:aws:lambda:us-east-1:123456789012:layer:two:7"));
    let only1 = artifact.entries().iter().find(|e| e.path == "/opt/python/only1.txt").unwrap();
    assert_eq!(only1.layer.as_deref(), Some("arn:aws:lambda:us-east-1:123456789012:layer:one:1"));
    assert!(artifact.entries().iter().any(|e| e.path == "/var/task/python/a.txt" && e.layer.is_none()));
}
