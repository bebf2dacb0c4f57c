//! Reading OSV documents: one JSON file, a directory of them (searched recursively), a zip of them, or the OSV
//! bucket layout `<dir>/<Ecosystem>/all.zip` (a directory holding zips). Files are read and parsed in parallel.
//!
//! A document that cannot be read is counted ([`ProblemKind::UnreadableDocument`]) and the load goes on; a source
//! that cannot be opened at all (a missing path, a file that is not a zip) fails the load, so that a database is
//! never built with an ecosystem silently missing.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use warden_core::Ecosystem;

use crate::osv::Osv;
use crate::stats::{LoadStats, NO_ECOSYSTEM, Problem, ProblemKind};
use crate::time::parse_rfc3339;
use crate::validate::{Advisory, validate};

/// The largest OSV document read, in bytes (the largest real ones are a few MB).
pub const MAX_DOCUMENT_BYTES: u64 = 64 << 20;

/// Entries of one zip read by each parallel task.
const ZIP_CHUNK: usize = 512;

/// How deep a directory is searched.
const MAX_DEPTH: usize = 16;

/// A source could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: not a readable zip: {source}", path.display())]
    Zip { path: PathBuf, source: zip::result::ZipError },
    #[error("{}: no OSV documents (*.json) or zips of them found", path.display())]
    Empty { path: PathBuf },
}

/// One parsed document and the ecosystem its source stands for, if any.
#[derive(Debug)]
pub struct Document {
    pub osv: Osv,
    /// The `<Ecosystem>` folder of the bucket layout (or the folder a JSON file sits in), used to attribute
    /// problems of a document that names no ecosystem itself.
    pub hint: Option<String>,
}

/// Validated advisories and what the load saw.
#[derive(Debug, Default)]
pub struct Loaded {
    pub advisories: Vec<Advisory>,
    pub stats: LoadStats,
}

/// Reads, validates and folds duplicates: what [`crate::Index::new`] takes.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let (documents, mut stats) = read_documents(path)?;
    let documents = dedup(documents, &mut stats);
    let advisories = validate_documents(documents, &mut stats).into_iter().flatten().collect();
    Ok(Loaded { advisories, stats })
}

/// Reads and parses every document under `path`, in a stable order (by source path, then by entry name). The
/// stats count the documents and the unreadable ones.
pub fn read_documents(path: &Path) -> Result<(Vec<Document>, LoadStats), LoadError> {
    let sources = sources(path)?;
    let mut stats = LoadStats::default();
    let mut documents = Vec::new();
    for source in sources {
        let read = match source.kind {
            SourceKind::Zip => read_zip(&source.path, source.hint.as_deref())?,
            SourceKind::Json => vec![read_json_file(&source.path, source.hint.as_deref())],
        };
        for item in read {
            stats.documents += 1;
            match item {
                Ok(document) => documents.push(document),
                Err(problem) => stats.record(problem),
            }
        }
    }
    Ok((documents, stats))
}

/// Keeps one document per id: the one with the latest `modified` (the first of equals), counting the others.
pub fn dedup(documents: Vec<Document>, stats: &mut LoadStats) -> Vec<Document> {
    let mut first: HashMap<String, usize> = HashMap::with_capacity(documents.len());
    let mut kept: Vec<Option<Document>> = Vec::with_capacity(documents.len());
    for document in documents {
        match first.get(&document.osv.id).copied() {
            Some(at) => {
                let Some(slot) = kept.get_mut(at) else { continue };
                let newer = match slot {
                    Some(old) => parse_rfc3339(&document.osv.modified) > parse_rfc3339(&old.osv.modified),
                    None => true,
                };
                stats.record(Problem {
                    kind: ProblemKind::DuplicateId,
                    ecosystem: document.hint.clone().unwrap_or_else(|| NO_ECOSYSTEM.to_string()),
                    advisory: document.osv.id.clone(),
                    detail: format!("kept the one modified {}", if newer { &document.osv.modified } else { "earlier" }),
                });
                if newer {
                    *slot = Some(document);
                }
            }
            None => {
                first.insert(document.osv.id.clone(), kept.len());
                kept.push(Some(document));
            }
        }
    }
    kept.into_iter().flatten().collect()
}

/// Validates documents in parallel; the result is aligned with the input (`None`: no advisory kept). Problems and
/// kept advisories are counted in `stats`.
pub fn validate_documents(documents: Vec<Document>, stats: &mut LoadStats) -> Vec<Option<Advisory>> {
    let validated: Vec<_> = documents.into_par_iter().map(|d| validate(d.osv, d.hint.as_deref())).collect();
    validated
        .into_iter()
        .map(|v| {
            for problem in v.problems {
                stats.record(problem);
            }
            if let Some(advisory) = &v.advisory {
                stats.record_advisory(advisory);
            }
            v.advisory
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SourceKind {
    Json,
    Zip,
}

#[derive(Debug)]
struct Source {
    path: PathBuf,
    kind: SourceKind,
    hint: Option<String>,
}

fn sources(path: &Path) -> Result<Vec<Source>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    let mut found = Vec::new();
    if meta.is_file() {
        let kind = if has_extension(path, "json") { SourceKind::Json } else { SourceKind::Zip };
        found.push(Source { path: path.to_path_buf(), kind, hint: hint_of(path) });
        return Ok(found);
    }
    for entry in walkdir::WalkDir::new(path).max_depth(MAX_DEPTH).sort_by_file_name() {
        let entry = entry.map_err(|e| LoadError::Io {
            path: e.path().map_or_else(|| path.to_path_buf(), Path::to_path_buf),
            source: e.into_io_error().unwrap_or_else(|| std::io::Error::other("directory loop")),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let p = entry.path();
        let kind = if has_extension(p, "json") {
            SourceKind::Json
        } else if has_extension(p, "zip") {
            SourceKind::Zip
        } else {
            continue;
        };
        found.push(Source { path: p.to_path_buf(), kind, hint: hint_of(p) });
    }
    if found.is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
    }
    Ok(found)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The ecosystem a file's folder names (`…/PyPI/all.zip`, `…/npm/GHSA-x.json`), if it names one.
fn hint_of(path: &Path) -> Option<String> {
    let parent = path.parent()?.file_name()?.to_str()?;
    Ecosystem::ALL.iter().any(|e| e.as_str() == parent).then(|| parent.to_string())
}

fn unreadable(hint: Option<&str>, origin: String, detail: String) -> Problem {
    Problem {
        kind: ProblemKind::UnreadableDocument,
        ecosystem: hint.unwrap_or(NO_ECOSYSTEM).to_string(),
        advisory: origin,
        detail,
    }
}

fn parse_document(bytes: &[u8], hint: Option<&str>, origin: impl Fn() -> String) -> Result<Document, Problem> {
    match Osv::parse(bytes) {
        Ok(osv) => Ok(Document { osv, hint: hint.map(str::to_string) }),
        Err(message) => Err(unreadable(hint, origin(), message)),
    }
}

fn read_json_file(path: &Path, hint: Option<&str>) -> Result<Document, Problem> {
    let origin = || path.display().to_string();
    let file = File::open(path).map_err(|e| unreadable(hint, origin(), e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| unreadable(hint, origin(), e.to_string()))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(unreadable(hint, origin(), format!("over {MAX_DOCUMENT_BYTES} bytes")));
    }
    parse_document(&bytes, hint, origin)
}

type Read1 = Result<Document, Problem>;

/// Every `*.json` entry of a zip, parsed; chunks of entries are read in parallel, each with its own handle.
fn read_zip(path: &Path, hint: Option<&str>) -> Result<Vec<Read1>, LoadError> {
    let open = || -> Result<zip::ZipArchive<BufReader<File>>, LoadError> {
        let file = File::open(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
        zip::ZipArchive::new(BufReader::new(file)).map_err(|source| LoadError::Zip { path: path.to_path_buf(), source })
    };
    let count = open()?.len();
    let chunks: Vec<(usize, usize)> =
        (0..count).step_by(ZIP_CHUNK).map(|start| (start, (start + ZIP_CHUNK).min(count))).collect();
    let read: Vec<Result<Vec<Read1>, LoadError>> = chunks
        .into_par_iter()
        .map(|(start, end)| {
            let mut archive = open()?;
            let mut out = Vec::with_capacity(end - start);
            for i in start..end {
                if let Some(doc) = read_zip_entry(&mut archive, i, path, hint) {
                    out.push(doc);
                }
            }
            Ok(out)
        })
        .collect();
    let mut out = Vec::with_capacity(count);
    for chunk in read {
        out.extend(chunk?);
    }
    Ok(out)
}

/// One zip entry: `None` when it is not a `*.json` file.
fn read_zip_entry(
    archive: &mut zip::ZipArchive<BufReader<File>>,
    i: usize,
    path: &Path,
    hint: Option<&str>,
) -> Option<Read1> {
    let origin = |name: &str| format!("{}!{name}", path.display());
    let mut entry = match archive.by_index(i) {
        Ok(entry) => entry,
        Err(e) => return Some(Err(unreadable(hint, origin(&format!("#{i}")), e.to_string()))),
    };
    let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
    if !entry.is_file() || !name.to_ascii_lowercase().ends_with(".json") {
        return None;
    }
    if entry.size() > MAX_DOCUMENT_BYTES {
        return Some(Err(unreadable(
            hint,
            origin(&name),
            format!("{} bytes, over {MAX_DOCUMENT_BYTES}", entry.size()),
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
    if let Err(e) = (&mut entry).take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes) {
        return Some(Err(unreadable(hint, origin(&name), e.to_string())));
    }
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Some(Err(unreadable(hint, origin(&name), format!("over {MAX_DOCUMENT_BYTES} bytes"))));
    }
    Some(parse_document(&bytes, hint, || origin(&name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn doc(id: &str, modified: &str) -> String {
        format!(
            r#"{{"id":"{id}","modified":"{modified}","affected":[{{"package":{{"ecosystem":"PyPI","name":"p"}},
            "ranges":[{{"type":"ECOSYSTEM","events":[{{"introduced":"0"}},{{"fixed":"1.0"}}]}}]}}]}}"#
        )
    }

    #[test]
    fn reads_directories_zips_and_the_bucket_layout() {
        let dir = tempfile::tempdir().unwrap();
        let pypi = dir.path().join("PyPI");
        std::fs::create_dir(&pypi).unwrap();
        let mut zip = zip::ZipWriter::new(File::create(pypi.join("all.zip")).unwrap());
        let options = zip::write::SimpleFileOptions::default();
        for (name, body) in [
            ("A-1.json", doc("A-1", "2024-01-01T00:00:00Z")),
            ("A-2.json", doc("A-2", "2024-01-01T00:00:00Z")),
            ("broken.json", "{not json".to_string()),
            ("README.txt", "ignored".to_string()),
        ] {
            zip.start_file(name, options).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        let loose = dir.path().join("loose");
        std::fs::create_dir(&loose).unwrap();
        std::fs::write(loose.join("A-1.json"), doc("A-1", "2024-06-01T00:00:00Z")).unwrap();
        std::fs::write(loose.join("notes.md"), "ignored").unwrap();

        let loaded = load(dir.path()).unwrap();
        assert_eq!(loaded.stats.documents, 4);
        assert_eq!(loaded.stats.count(ProblemKind::UnreadableDocument), 1);
        assert_eq!(loaded.stats.count(ProblemKind::DuplicateId), 1);
        assert_eq!(loaded.stats.ecosystems["PyPI"].problems[&ProblemKind::UnreadableDocument], 1);
        let ids: Vec<(&str, &str)> = loaded.advisories.iter().map(|a| (a.id.as_str(), a.modified.as_str())).collect();
        assert_eq!(ids, [("A-1", "2024-06-01T00:00:00Z"), ("A-2", "2024-01-01T00:00:00Z")]);

        let zip_only = load(&pypi.join("all.zip")).unwrap();
        assert_eq!(zip_only.advisories.len(), 2);
        let one = load(&loose.join("A-1.json")).unwrap();
        assert_eq!(one.advisories.len(), 1);
    }

    #[test]
    fn unreadable_sources_fail_the_load() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(load(&dir.path().join("missing")), Err(LoadError::Io { .. })));
        assert!(matches!(load(dir.path()), Err(LoadError::Empty { .. })));
        let fake = dir.path().join("all.zip");
        std::fs::write(&fake, b"PK not really").unwrap();
        assert!(matches!(load(&fake), Err(LoadError::Zip { .. })));
    }
}
