//! The on-disk database: an import of the full snapshot opens to the same index (same advisories, same matches),
//! the meta block records counts, problems and the diff, broken files are refused with a reason, and the diff of a
//! second import names exactly the advisories added, changed (by `modified`, or by content when `modified` stays
//! the same, as in the Go database) and removed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::Read;
use std::path::{Path, PathBuf};

use warden_advisories::store::FILE_NAME;
use warden_advisories::{Database, Ecosystem, Range, StoreError};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The first `n` documents of an ecosystem's zip in the snapshot, as (file name, JSON).
fn documents(ecosystem: &str, n: usize) -> Vec<(String, String)> {
    let file = std::fs::File::open(shared().join("osv").join(ecosystem).join("all.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        out.push((name, text));
        if out.len() == n {
            break;
        }
    }
    out
}

fn write_dir(dir: &Path, docs: &[(String, String)]) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, text) in docs {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

fn id_of(doc: &(String, String)) -> String {
    doc.0.trim_end_matches(".json").to_string()
}

#[test]
fn the_full_snapshot_round_trips() {
    let tmp = tempfile::tempdir().unwrap();
    let db_dir = tmp.path().join("db");
    let imported = Database::import(&shared().join("osv"), &db_dir).unwrap();
    let meta = imported.meta().clone();
    assert_eq!(meta.advisories, 9_841);
    assert_eq!(meta.diff.previous_imported_at, None);
    assert_eq!(meta.diff.added.len(), 9_841);
    assert!(meta.imported_at > 1_700_000_000);
    let size = std::fs::metadata(db_dir.join(FILE_NAME)).unwrap().len();
    println!("database: {size} bytes, import took {} ms", meta.import_millis);

    let started = std::time::Instant::now();
    let opened = Database::open(&db_dir).unwrap();
    println!("open (debug build): {:?}", started.elapsed());
    assert_eq!(opened.meta(), &meta);
    assert_eq!(Database::status(&db_dir).unwrap(), meta);
    assert_eq!(opened.index().len(), imported.index().len());
    assert_eq!(opened.index().package_count(), imported.index().package_count());

    // Every advisory's every package at its first event version and its first listed version: the same matches.
    let mut queries = 0;
    for advisory in imported.index().advisories() {
        let reopened = opened.index().get(&advisory.id).expect("same ids");
        assert_eq!(
            (&reopened.modified, &reopened.aliases, &reopened.details),
            (&advisory.modified, &advisory.aliases, &advisory.details)
        );
        for entry in &advisory.affected {
            let first_event = entry.ranges.iter().find_map(|r| match r {
                Range::Ordered(r) => r.events().iter().find(|e| e.raw != "0").map(|e| e.raw.clone()),
                _ => None,
            });
            for version in first_event.into_iter().chain(entry.versions.iter().next().map(str::to_string)) {
                queries += 1;
                assert_eq!(
                    opened.affected(entry.ecosystem, &entry.name, &version),
                    imported.affected(entry.ecosystem, &entry.name, &version),
                    "{} {version}",
                    entry.name
                );
            }
        }
    }
    assert!(queries > 10_000, "{queries}");
    assert!(!opened.affected(Ecosystem::PyPI, "PyYAML", "5.3").is_empty());
}

#[test]
fn broken_databases_are_refused_with_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(matches!(Database::open(tmp.path()), Err(StoreError::Missing { .. })));
    assert!(matches!(Database::status(tmp.path()), Err(StoreError::Missing { .. })));
    let src = tmp.path().join("src");
    write_dir(&src, &documents("npm", 20));
    let db = tmp.path().join("db");
    Database::import(&src, &db).unwrap();
    let path = db.join(FILE_NAME);
    let bytes = std::fs::read(&path).unwrap();

    for cut in [0, 7, 15, 100, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let err = Database::open(&db).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "cut at {cut}: {err}");
    }
    let mut other_format = bytes.clone();
    other_format[8] = 99;
    std::fs::write(&path, &other_format).unwrap();
    assert!(matches!(Database::open(&db), Err(StoreError::Format { found: 99, .. })));
    // A flipped byte inside a record: refused or read, never a panic.
    for at in (bytes.len() / 2..bytes.len() - 8).step_by(97) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0xff;
        std::fs::write(&path, &flipped).unwrap();
        let _ = Database::open(&db);
    }
    // A failed import (an unreadable source) leaves the database as it was.
    std::fs::write(&path, &bytes).unwrap();
    let bad = tmp.path().join("bad.zip");
    std::fs::write(&bad, b"not a zip").unwrap();
    assert!(matches!(Database::import(&bad, &db), Err(StoreError::Load(_))));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(Database::open(&db).unwrap().index().len(), 20);
}

#[test]
fn a_second_import_records_what_was_added_changed_and_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let mut pypi = documents("PyPI", 40);
    let go = documents("Go", 10);
    let (subset_pypi, extra_pypi) = pypi.split_at(30);
    let (subset_pypi, extra_pypi) = (subset_pypi.to_vec(), extra_pypi.to_vec());

    // The subset: 30 PyPI and 10 Go advisories.
    let subset = tmp.path().join("subset");
    write_dir(&subset.join("PyPI"), &subset_pypi);
    write_dir(&subset.join("Go"), &go);
    let first = Database::import(&subset, &db).unwrap();
    assert_eq!(first.meta().diff.added.len(), 40);
    assert_eq!(first.meta().diff.previous_imported_at, None);

    // The superset: 10 more PyPI advisories, one PyPI advisory's `modified` bumped, and one Go advisory's content
    // changed with the same `modified` (the Go database exports every `modified` as the zero time).
    let bumped = id_of(&pypi[3]);
    let text = &pypi[3].1;
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let old_modified = value["modified"].as_str().unwrap().to_string();
    pypi[3].1 = text.replacen(&old_modified, "2030-01-01T00:00:00Z", 1);
    let mut go_changed = go.clone();
    let reworded = id_of(&go_changed[5]);
    assert!(go_changed[5].1.contains("\"modified\": \"0001-01-01T00:00:00Z\""));
    go_changed[5].1 = go_changed[5].1.replacen("\"summary\": \"", "\"summary\": \"(reworded) ", 1);
    let superset = tmp.path().join("superset");
    write_dir(&superset.join("PyPI"), &pypi[..30]);
    write_dir(&superset.join("PyPI"), &extra_pypi);
    write_dir(&superset.join("Go"), &go_changed);
    let second = Database::import(&superset, &db).unwrap();
    let diff = &second.meta().diff;
    let mut added: Vec<String> = extra_pypi.iter().map(id_of).collect();
    added.sort();
    assert_eq!(diff.added, added);
    let mut changed = vec![bumped.clone(), reworded.clone()];
    changed.sort();
    assert_eq!(diff.changed, changed);
    assert!(diff.removed.is_empty());
    assert_eq!(diff.previous_imported_at, Some(first.meta().imported_at));
    assert_eq!(diff.to_rematch().count(), 12);
    assert_eq!(Database::status(&db).unwrap().diff, *diff);
    // The packages a re-match would look at.
    let touched: Vec<(Ecosystem, &str)> =
        diff.to_rematch().filter_map(|id| second.index().get(id)).flat_map(|a| a.packages()).collect();
    assert!(touched.len() >= 12);

    // The same source again: nothing added or changed.
    let third = Database::import(&superset, &db).unwrap();
    assert!(third.meta().diff.added.is_empty() && third.meta().diff.changed.is_empty());

    // Back to the subset: the 10 are removed, the two changed ones change back.
    let fourth = Database::import(&subset, &db).unwrap();
    assert_eq!(fourth.meta().diff.removed, added);
    assert_eq!(fourth.meta().diff.changed, changed);
    assert!(fourth.meta().diff.added.is_empty());
}
