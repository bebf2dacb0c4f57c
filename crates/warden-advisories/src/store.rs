//! The on-disk database: one file, `<dir>/advisories.wdb`, written atomically (a temporary file in the same
//! directory, synced, then renamed over the old one), so a failed or interrupted import leaves the previous
//! database usable.
//!
//! ```text
//! "WARDENAD" | format: u32 LE | meta length: u32 | meta (JSON: Meta) | record count: u32
//! | (record length: u32 | record)* | "WDB-END\n"
//! ```
//!
//! A record is one OSV document (the raw model, [`Osv`]) in a compact binary encoding: strings as a `u32` length and
//! UTF-8 bytes, lists as a `u32` count and items, options as a `0`/`1` byte. Opening decodes and re-validates the
//! records in parallel with the same code an import runs, so the index is always what this version of Warden makes
//! of the data; no JSON is parsed but the small meta block. One part is deferred: the explicit `versions` lists
//! (about 140,000 PyPI versions, most of the cost of an open) are parsed when a lookup first reaches their entry
//! ([`crate::VersionList`]). That parse cannot fail (a version the scheme refuses is kept and matched as written,
//! exactly as at import) and is deterministic, so matching does not change; the problems a list holds were counted
//! by the import and are in the meta block. The meta block holds the time of import, the source, the load stats
//! (problems counted per ecosystem and kind) and the diff against the previous database, and can be read alone
//! ([`Database::status`]).
//!
//! The diff: an advisory is ADDED when its id was not in the previous database, CHANGED when its `modified` differs
//! or, with the same `modified`, its content does (a 64-bit FNV-1a fingerprint of its record: the Go vulnerability
//! database exports every `modified` as `0001-01-01T00:00:00Z`, so the time alone would miss its changes), REMOVED
//! when it is gone. The continuous service re-matches stored inventories against exactly the added and changed ones.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::index::Index;
use crate::load::{LoadError, dedup, read_documents, validate_documents};
use crate::osv::{self, Json, Osv};
use crate::stats::LoadStats;
use crate::validate::validate_stored;

/// The database file inside its directory.
pub const FILE_NAME: &str = "advisories.wdb";
/// The format this version writes and reads.
pub const FORMAT: u32 = 1;
const MAGIC: &[u8; 8] = b"WARDENAD";
const END: &[u8; 8] = b"WDB-END\n";

/// What an import recorded, stored in the database's meta block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub format: u32,
    /// Seconds since the Unix epoch.
    pub imported_at: u64,
    /// The path the advisories were imported from.
    pub source: String,
    /// How long the import took (read, validate, write), in milliseconds.
    pub import_millis: u64,
    /// Advisories stored (withdrawn included).
    pub advisories: usize,
    /// What the import's load saw: documents, per-ecosystem counts, problems per ecosystem and kind.
    pub stats: LoadStats,
    pub diff: ImportDiff,
}

/// How an import's advisories differ from the previous database's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDiff {
    /// When the previous database was imported; `None` when there was none (or it could not be read), and then
    /// every advisory is in `added`.
    pub previous_imported_at: Option<u64>,
    /// Ids new in this import, sorted.
    pub added: Vec<String>,
    /// Ids whose `modified` or content changed, sorted.
    pub changed: Vec<String>,
    /// Ids no longer present, sorted.
    pub removed: Vec<String>,
}

impl ImportDiff {
    /// The ids to re-match stored inventories against: added and changed.
    pub fn to_rematch(&self) -> impl Iterator<Item = &str> {
        self.added.iter().chain(&self.changed).map(String::as_str)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no advisory database in {}: import one first (`warden db import PATH` or `warden db update`)", dir.display())]
    Missing { dir: PathBuf },
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: not a readable Warden advisory database: {reason}", path.display())]
    Corrupt { path: PathBuf, reason: String },
    #[error("{}: database format {found}; this Warden reads format {FORMAT}: import the advisories again", path.display())]
    Format { path: PathBuf, found: u32 },
}

/// An opened advisory database: the index and what its import recorded.
#[derive(Debug)]
pub struct Database {
    index: Index,
    meta: Meta,
}

impl Database {
    /// Opens the database in `dir`.
    pub fn open(dir: &Path) -> Result<Database, StoreError> {
        let path = dir.join(FILE_NAME);
        let bytes = read_file(dir, &path)?;
        let file = parse_file(&path, &bytes)?;
        let advisories: Result<Vec<_>, String> =
            file.records.par_iter().map(|record| decode(record).map(validate_stored)).collect();
        let advisories = advisories.map_err(|reason| StoreError::Corrupt { path: path.clone(), reason })?;
        Ok(Database { index: Index::new(advisories.into_iter().flatten().collect()), meta: file.meta })
    }

    /// Reads only the meta block of the database in `dir` (counts, problems, age, last diff).
    pub fn status(dir: &Path) -> Result<Meta, StoreError> {
        let path = dir.join(FILE_NAME);
        let mut file = File::open(&path).map_err(|source| missing_or_io(dir, &path, source))?;
        let mut head = [0u8; 16];
        file.read_exact(&mut head).map_err(|_| corrupt(&path, "shorter than its header"))?;
        let meta_len = check_header(&path, &head)?;
        let mut meta = vec![0u8; meta_len];
        file.read_exact(&mut meta).map_err(|_| corrupt(&path, "the meta block is cut short"))?;
        serde_json::from_slice(&meta).map_err(|e| corrupt(&path, &format!("meta block: {e}")))
    }

    /// Loads every advisory under `src` (see [`crate::load()`]), validates it, and replaces the database in `dir`
    /// (created if missing) with the result, recording the diff against the database it replaces. Advisories that
    /// name no package Warden scans are not stored (they are counted in the stats).
    pub fn import(src: &Path, dir: &Path) -> Result<Database, StoreError> {
        let started = Instant::now();
        let (documents, mut stats) = read_documents(src)?;
        let documents = dedup(documents, &mut stats);
        let records: Vec<Vec<u8>> = documents.par_iter().map(|d| encode(&d.osv)).collect();
        let validated = validate_documents(documents, &mut stats);
        let mut kept: Vec<(Vec<u8>, crate::Advisory)> =
            records.into_iter().zip(validated).filter_map(|(record, advisory)| Some((record, advisory?))).collect();
        kept.sort_by(|a, b| a.1.id.cmp(&b.1.id));

        let diff = diff(dir, &kept);
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
        let mut meta = Meta {
            format: FORMAT,
            imported_at: SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0),
            source: src.display().to_string(),
            import_millis: 0,
            advisories: kept.len(),
            stats,
            diff,
        };
        meta.import_millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        write_atomically(dir, &meta, kept.iter().map(|(record, _)| record.as_slice()))?;
        Ok(Database { index: Index::new(kept.into_iter().map(|(_, a)| a).collect()), meta })
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// See [`Index::affected`].
    pub fn affected<'a>(
        &'a self,
        ecosystem: warden_core::Ecosystem,
        name: &str,
        version: &'a str,
    ) -> Vec<crate::Match<'a>> {
        self.index.affected(ecosystem, name, version)
    }
}

fn missing_or_io(dir: &Path, path: &Path, source: std::io::Error) -> StoreError {
    if source.kind() == std::io::ErrorKind::NotFound {
        StoreError::Missing { dir: dir.to_path_buf() }
    } else {
        StoreError::Io { path: path.to_path_buf(), source }
    }
}

fn corrupt(path: &Path, reason: &str) -> StoreError {
    StoreError::Corrupt { path: path.to_path_buf(), reason: reason.to_string() }
}

fn read_file(dir: &Path, path: &Path) -> Result<Vec<u8>, StoreError> {
    std::fs::read(path).map_err(|source| missing_or_io(dir, path, source))
}

/// Checks magic and format; returns the meta block's length.
fn check_header(path: &Path, head: &[u8]) -> Result<usize, StoreError> {
    let mut r = Reader { buf: head };
    let magic = r.take(MAGIC.len()).map_err(|_| corrupt(path, "shorter than its header"))?;
    if magic != MAGIC {
        return Err(corrupt(path, "wrong magic bytes"));
    }
    let format = r.u32().map_err(|_| corrupt(path, "shorter than its header"))?;
    if format != FORMAT {
        return Err(StoreError::Format { path: path.to_path_buf(), found: format });
    }
    r.len().map_err(|_| corrupt(path, "shorter than its header"))
}

struct ParsedFile<'a> {
    meta: Meta,
    records: Vec<&'a [u8]>,
}

fn parse_file<'a>(path: &Path, bytes: &'a [u8]) -> Result<ParsedFile<'a>, StoreError> {
    let meta_len = check_header(path, bytes.get(..16).ok_or_else(|| corrupt(path, "shorter than its header"))?)?;
    let mut r = Reader { buf: bytes.get(16..).unwrap_or_default() };
    let cut = |what: &str| corrupt(path, &format!("cut short in {what}"));
    let meta = r.take(meta_len).map_err(|_| cut("the meta block"))?;
    let meta: Meta = serde_json::from_slice(meta).map_err(|e| corrupt(path, &format!("meta block: {e}")))?;
    let count = r.len().map_err(|_| cut("the record count"))?;
    let mut records = Vec::with_capacity(count.min(r.buf.len() / 4));
    for _ in 0..count {
        let len = r.len().map_err(|_| cut("a record"))?;
        records.push(r.take(len).map_err(|_| cut("a record"))?);
    }
    if r.buf != END {
        return Err(corrupt(path, "no end marker (an interrupted write?)"));
    }
    Ok(ParsedFile { meta, records })
}

/// The diff of `kept` against the database in `dir`, if one can be read.
fn diff(dir: &Path, kept: &[(Vec<u8>, crate::Advisory)]) -> ImportDiff {
    let path = dir.join(FILE_NAME);
    let previous = std::fs::read(&path).ok();
    let previous = previous.as_deref().and_then(|bytes| parse_file(&path, bytes).ok());
    let Some(previous) = previous else {
        let mut added: Vec<String> = kept.iter().map(|(_, a)| a.id.clone()).collect();
        added.sort();
        return ImportDiff { previous_imported_at: None, added, ..ImportDiff::default() };
    };
    let mut before: HashMap<String, (String, u64)> = HashMap::with_capacity(previous.records.len());
    for record in &previous.records {
        let mut r = Reader { buf: record };
        if let (Ok(id), Ok(modified)) = (r.string(), r.string()) {
            before.insert(id, (modified, fnv1a(record)));
        }
    }
    let mut diff = ImportDiff { previous_imported_at: Some(previous.meta.imported_at), ..ImportDiff::default() };
    for (record, advisory) in kept {
        match before.remove(&advisory.id) {
            None => diff.added.push(advisory.id.clone()),
            Some((modified, fingerprint)) => {
                if modified != advisory.modified || fingerprint != fnv1a(record) {
                    diff.changed.push(advisory.id.clone());
                }
            }
        }
    }
    diff.removed = before.into_keys().collect();
    diff.added.sort();
    diff.changed.sort();
    diff.removed.sort();
    diff
}

fn write_atomically<'a>(dir: &Path, meta: &Meta, records: impl Iterator<Item = &'a [u8]>) -> Result<(), StoreError> {
    let path = dir.join(FILE_NAME);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let tmp = dir.join(format!(".{FILE_NAME}.{}.{nanos}.tmp", std::process::id()));
    let io = |source| StoreError::Io { path: tmp.clone(), source };
    let too_big = || StoreError::Io { path: tmp.clone(), source: std::io::Error::other("a part over 4 GiB") };
    let records: Vec<&[u8]> = records.collect();
    let meta = serde_json::to_vec(meta).map_err(|e| StoreError::Io { path: tmp.clone(), source: e.into() })?;
    let mut out = Writer::default();
    out.buf.extend_from_slice(MAGIC);
    out.u32(FORMAT);
    out.u32(u32::try_from(meta.len()).map_err(|_| too_big())?);
    out.buf.extend_from_slice(&meta);
    out.u32(u32::try_from(records.len()).map_err(|_| too_big())?);
    for record in records {
        out.u32(u32::try_from(record.len()).map_err(|_| too_big())?);
        out.buf.extend_from_slice(record);
    }
    out.buf.extend_from_slice(END);
    let written = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(&out.buf)?;
        file.sync_all()
    })();
    if let Err(source) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(source));
    }
    if let Err(source) = std::fs::rename(&tmp, &path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(source));
    }
    // Make the rename itself durable where the platform allows syncing a directory.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[derive(Default)]
struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Lengths and counts over `u32::MAX` cannot come from a document under the loader's size cap.
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }

    fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }

    fn severities(&mut self, v: &[osv::Severity]) {
        self.len(v.len());
        for s in v {
            self.str(&s.kind);
            self.str(&s.score);
        }
    }
}

fn encode(osv: &Osv) -> Vec<u8> {
    let mut w = Writer::default();
    w.str(&osv.id);
    w.str(&osv.modified);
    w.opt(osv.published.as_deref());
    w.opt(osv.withdrawn.as_deref());
    w.strs(&osv.aliases);
    w.strs(&osv.related);
    w.opt(osv.summary.as_deref());
    w.opt(osv.details.as_deref());
    w.severities(&osv.severity);
    w.len(osv.affected.len());
    for a in &osv.affected {
        match &a.package {
            Some(p) => {
                w.u8(1);
                w.str(&p.ecosystem);
                w.str(&p.name);
                w.opt(p.purl.as_deref());
            }
            None => w.u8(0),
        }
        w.severities(&a.severity);
        w.len(a.ranges.len());
        for r in &a.ranges {
            w.str(&r.kind);
            w.opt(r.repo.as_deref());
            w.len(r.events.len());
            for e in &r.events {
                for field in [&e.introduced, &e.fixed, &e.last_affected, &e.limit] {
                    w.opt(field.as_deref());
                }
            }
            w.opt(r.database_specific.as_ref().map(Json::get));
        }
        w.strs(&a.versions);
        w.opt(a.ecosystem_specific.as_ref().map(Json::get));
        w.opt(a.database_specific.as_ref().map(Json::get));
    }
    w.len(osv.references.len());
    for r in &osv.references {
        w.str(&r.kind);
        w.str(&r.url);
    }
    w.opt(osv.database_specific.as_ref().map(Json::get));
    w.opt(osv.malformed.as_deref());
    w.buf
}

struct Reader<'a> {
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let head = self.buf.get(..n).ok_or_else(|| format!("{n} bytes wanted, {} left", self.buf.len()))?;
        self.buf = self.buf.get(n..).unwrap_or_default();
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, String> {
        self.take(1)?.first().copied().ok_or_else(|| "empty".to_string())
    }

    fn u32(&mut self) -> Result<u32, String> {
        let bytes: [u8; 4] = self.take(4)?.try_into().map_err(|_| "short u32".to_string())?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn len(&mut self) -> Result<usize, String> {
        usize::try_from(self.u32()?).map_err(|e| e.to_string())
    }

    /// A count of items each at least `min` bytes long, checked against what is left.
    fn count(&mut self, min: usize) -> Result<usize, String> {
        let n = self.len()?;
        if n.saturating_mul(min) > self.buf.len() {
            return Err(format!("a count of {n} cannot fit in {} bytes", self.buf.len()));
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, String> {
        let n = self.len()?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).map(str::to_string).map_err(|e| e.to_string())
    }

    fn opt(&mut self) -> Result<Option<String>, String> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.string().map(Some),
            tag => Err(format!("option tag {tag}")),
        }
    }

    fn json(&mut self) -> Result<Option<Json>, String> {
        Ok(self.opt()?.map(Json::from_stored))
    }

    fn strings(&mut self) -> Result<Vec<String>, String> {
        let n = self.count(4)?;
        (0..n).map(|_| self.string()).collect()
    }

    fn severities(&mut self) -> Result<Vec<osv::Severity>, String> {
        let n = self.count(8)?;
        (0..n).map(|_| Ok(osv::Severity { kind: self.string()?, score: self.string()? })).collect()
    }
}

fn decode(record: &[u8]) -> Result<Osv, String> {
    let mut r = Reader { buf: record };
    let mut osv = Osv {
        id: r.string()?,
        modified: r.string()?,
        published: r.opt()?,
        withdrawn: r.opt()?,
        aliases: r.strings()?,
        related: r.strings()?,
        summary: r.opt()?,
        details: r.opt()?,
        severity: r.severities()?,
        ..Osv::default()
    };
    let entries = r.count(1)?;
    osv.affected.reserve(entries);
    for _ in 0..entries {
        let package = match r.u8()? {
            0 => None,
            1 => Some(osv::Package { ecosystem: r.string()?, name: r.string()?, purl: r.opt()? }),
            tag => return Err(format!("package tag {tag}")),
        };
        let severity = r.severities()?;
        let n = r.count(4)?;
        let mut ranges = Vec::with_capacity(n);
        for _ in 0..n {
            let kind = r.string()?;
            let repo = r.opt()?;
            let events = r.count(4)?;
            let events = (0..events)
                .map(|_| {
                    Ok(osv::Event { introduced: r.opt()?, fixed: r.opt()?, last_affected: r.opt()?, limit: r.opt()? })
                })
                .collect::<Result<Vec<_>, String>>()?;
            ranges.push(osv::Range { kind, repo, events, database_specific: r.json()? });
        }
        osv.affected.push(osv::Affected {
            package,
            severity,
            ranges,
            versions: r.strings()?,
            ecosystem_specific: r.json()?,
            database_specific: r.json()?,
        });
    }
    let n = r.count(8)?;
    osv.references =
        (0..n).map(|_| Ok(osv::Reference { kind: r.string()?, url: r.string()? })).collect::<Result<_, String>>()?;
    osv.database_specific = r.json()?;
    osv.malformed = r.opt()?;
    if !r.buf.is_empty() {
        return Err(format!("{} bytes left after advisory {}", r.buf.len(), osv.id));
    }
    Ok(osv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_refuse_garbage() {
        let doc = br#"{"id":"X-1","modified":"2024-01-01T00:00:00Z","aliases":["CVE-1"],"summary":"s",
            "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N"}],
            "affected":[{"package":{"ecosystem":"PyPI","name":"p","purl":"pkg:pypi/p"},
              "ranges":[{"type":"GIT","repo":"r","events":[{"introduced":"0"},{"fixed":"ab"}]},
                        {"type":"ECOSYSTEM","events":[{"introduced":"0"},{"last_affected":"1.0"}],"database_specific":{"a":1}}],
              "versions":["0.1"],"ecosystem_specific":{"imports":[]}},{}],
            "references":[{"type":"WEB","url":"https://x"}],"database_specific":{"k":"v"}}"#;
        let osv = Osv::parse(doc).unwrap();
        let record = encode(&osv);
        let back = decode(&record).unwrap();
        assert_eq!(encode(&back), record);
        assert_eq!(back.affected.len(), 2);
        assert_eq!(back.database_specific.as_ref().map(Json::get), Some(r#"{"k":"v"}"#));
        assert_eq!(back.affected[0].ranges[1].events[1].last_affected.as_deref(), Some("1.0"));
        for cut in 0..record.len() {
            assert!(decode(&record[..cut]).is_err(), "cut at {cut}");
        }
        let mut huge = record.clone();
        huge[3] = 0x7f; // the id's length
        assert!(decode(&huge).is_err());
    }
}
