//! Shared bodies of the fuzz targets: each target feeds arbitrary bytes to one parser, which must return (an
//! error is fine) without panicking, hanging or allocating without bound.

use warden_artifact::{Archive, Budget, Limits};
use warden_inventory::{Input, registry};

/// Runs one extractor over `data` as if it were the file at `path`.
pub fn extract(id: &str, path: &str, data: &[u8]) {
    let budget = Budget::new(Limits { max_inflated_bytes: 64 << 20, ..Limits::default() });
    if let Some(extractor) = registry::by_id(id) {
        let input = Input::standalone(path, data, &budget);
        let _ = extractor.extract(&input);
    }
}

/// Opens `data` as a zip and reads every entry.
pub fn zip_reader(data: &[u8]) {
    let budget = Budget::new(Limits { max_inflated_bytes: 64 << 20, ..Limits::default() });
    if let Ok(mut archive) = Archive::open_nested(data.to_vec(), "fuzz.zip".to_string(), 1, &budget) {
        let entries = archive.entries().to_vec();
        for entry in &entries {
            let _ = archive.read(entry);
        }
    }
}

/// Analyses `data` (as lossy UTF-8) as a one-file package named `path`: front end, handler discovery, taint
/// engine and every detector of the language.
pub fn analyze(path: &str, data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let files = [warden_sast::SourceFile { path: path.to_string(), text, layer: None }];
    let _ = warden_sast::analyze(&files, &warden_sast::Options::default());
}
