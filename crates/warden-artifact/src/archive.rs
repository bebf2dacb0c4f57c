//! A zip archive (deployment package, layer, jar, war, …) opened for reading in place, checked against the limits.

use crate::budget::RATIO_EXEMPT_BYTES;
use crate::safe_path::{link_stays_inside, unsafe_reason};
use crate::shared_file::SharedFile;
use crate::{ArtifactError, Budget, ReadError};
use std::fs::File;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;
use zip::ZipArchive;

const S_IFMT: u32 = 0o170_000;
const S_IFLNK: u32 = 0o120_000;
const LINK_TARGET_MAX: u64 = 4096;

/// One file inside an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveEntry {
    /// The entry's name in the archive (a relative path, checked safe).
    pub name: String,
    /// Uncompressed size as declared (reads are held to it).
    pub size: u64,
    /// Has an executable bit in its Unix mode.
    pub executable: bool,
    index: usize,
}

#[derive(Debug, Clone)]
enum Source {
    File(SharedFile),
    Memory(Cursor<Arc<[u8]>>),
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Source::File(f) => f.read(buf),
            Source::Memory(m) => m.read(buf),
        }
    }
}

impl Seek for Source {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        match self {
            Source::File(f) => f.seek(pos),
            Source::Memory(m) => m.seek(pos),
        }
    }
}

/// A validated zip archive. Cloning is cheap (the parsed directory is shared), so each thread reads from its own.
#[derive(Debug, Clone)]
pub struct Archive {
    zip: ZipArchive<Source>,
    path: String,
    depth: u32,
    budget: Budget,
    entries: Arc<[ArchiveEntry]>,
}

impl Archive {
    /// Opens a zip file on disk; `display` is how it is named in errors and locations.
    pub fn open_file(path: &Path, display: &str, budget: &Budget) -> Result<Self, ArtifactError> {
        let io_err = |e: io::Error| ArtifactError::Io { path: display.to_string(), message: e.to_string() };
        let file = File::open(path).map_err(io_err)?;
        let shared = SharedFile::new(file).map_err(io_err)?;
        let len = shared.len();
        Self::open(Source::File(shared), len, display.to_string(), 0, budget)
    }

    /// Opens an archive held in memory that was found inside another one at nesting `depth` (1 for a jar in the
    /// function zip). Fails with [`ArtifactError::TooDeep`] past the limit.
    pub fn open_nested(bytes: Vec<u8>, display: String, depth: u32, budget: &Budget) -> Result<Self, ArtifactError> {
        if depth > budget.limits().max_nesting_depth {
            return Err(ArtifactError::TooDeep { path: display, limit: budget.limits().max_nesting_depth });
        }
        let len = bytes.len() as u64;
        Self::open(Source::Memory(Cursor::new(Arc::from(bytes))), len, display, depth, budget)
    }

    fn open(source: Source, len: u64, path: String, depth: u32, budget: &Budget) -> Result<Self, ArtifactError> {
        let limits = *budget.limits();
        let mut zip = ZipArchive::new(source)
            .map_err(|e| ArtifactError::Corrupt { path: path.clone(), message: e.to_string() })?;
        if zip.len() > limits.max_entries {
            return Err(ArtifactError::TooManyEntries { path, count: zip.len(), limit: limits.max_entries });
        }
        let mut entries = Vec::with_capacity(zip.len());
        let mut declared_total: u64 = 0;
        for index in 0..zip.len() {
            let file = zip
                .by_index_raw(index)
                .map_err(|e| ArtifactError::Corrupt { path: path.clone(), message: e.to_string() })?;
            let name = match std::str::from_utf8(file.name_raw()) {
                Ok(name) => name.to_string(),
                Err(_) => {
                    let lossy = String::from_utf8_lossy(file.name_raw()).into_owned();
                    return Err(ArtifactError::NonUtf8Name { path, lossy });
                }
            };
            if let Some(why) = unsafe_reason(&name) {
                return Err(ArtifactError::UnsafeName { path, name, why });
            }
            let size = file.size();
            let compressed = file.compressed_size();
            let mode = file.unix_mode();
            let is_dir = file.is_dir();
            drop(file);
            if is_dir {
                continue;
            }
            declared_total = declared_total.saturating_add(size);
            if declared_total > limits.max_inflated_bytes {
                return Err(ArtifactError::TooLarge { path, limit: limits.max_inflated_bytes });
            }
            if size >= RATIO_EXEMPT_BYTES {
                let ratio = size / compressed.max(1);
                if ratio > limits.max_compression_ratio {
                    return Err(ArtifactError::RatioExceeded {
                        path,
                        name,
                        ratio,
                        limit: limits.max_compression_ratio,
                    });
                }
            }
            if mode.is_some_and(|m| m & S_IFMT == S_IFLNK) {
                let target = read_link_target(&mut zip, index, &path)?;
                if !link_stays_inside(&name, &target) {
                    return Err(ArtifactError::EscapingSymlink { path, name, target });
                }
                // A link inside the package is not followed: the file it names is read at its own path.
                continue;
            }
            let executable = mode.is_some_and(|m| m & 0o111 != 0);
            entries.push(ArchiveEntry { name, size, executable, index });
        }
        // A zip whose whole content inflates far beyond its size is a bomb even if no one entry is.
        if declared_total >= RATIO_EXEMPT_BYTES && declared_total / len.max(1) > limits.max_compression_ratio {
            return Err(ArtifactError::RatioExceeded {
                path,
                name: "(whole archive)".to_string(),
                ratio: declared_total / len.max(1),
                limit: limits.max_compression_ratio,
            });
        }
        Ok(Archive { zip, path, depth, budget: budget.clone(), entries: entries.into() })
    }

    /// The files in the archive (directories and in-package symbolic links left out).
    pub fn entries(&self) -> &[ArchiveEntry] {
        &self.entries
    }

    /// How the archive is named in locations (`/var/task/lib/app.jar`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// 0 for a deployment package, 1 for an archive inside one, and so on.
    pub fn depth(&self) -> u32 {
        self.depth
    }

    pub fn budget(&self) -> &Budget {
        &self.budget
    }

    /// Inflates one entry, charged to the budget and held to its declared size.
    pub fn read(&mut self, entry: &ArchiveEntry) -> Result<Vec<u8>, ReadError> {
        let display = format!("{}!/{}", self.path, entry.name);
        self.budget.charge(entry.size, &display)?;
        let corrupt = |message: String| ArtifactError::Corrupt { path: display.clone(), message };
        let file = self.zip.by_index(entry.index).map_err(|e| corrupt(e.to_string()))?;
        let capacity = usize::try_from(entry.size).unwrap_or(0).min(64 << 20);
        let mut out = Vec::with_capacity(capacity);
        let mut limited = file.take(entry.size.saturating_add(1));
        limited.read_to_end(&mut out).map_err(|e| corrupt(e.to_string()))?;
        if out.len() as u64 > entry.size {
            return Err(ArtifactError::SizeMismatch { path: display }.into());
        }
        Ok(out)
    }
}

fn read_link_target(zip: &mut ZipArchive<Source>, index: usize, path: &str) -> Result<String, ArtifactError> {
    let corrupt = |message: String| ArtifactError::Corrupt { path: path.to_string(), message };
    let file = zip.by_index(index).map_err(|e| corrupt(e.to_string()))?;
    let mut target = Vec::new();
    file.take(LINK_TARGET_MAX).read_to_end(&mut target).map_err(|e| corrupt(e.to_string()))?;
    Ok(String::from_utf8_lossy(&target).into_owned())
}
