//! An unpacked deployment package given as a directory.

use crate::safe_path::link_stays_inside;
use crate::{ArtifactError, Budget, ReadError};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A regular file of the tree: its path relative to the root, size and mode.
#[derive(Debug, Clone)]
pub(crate) struct DirFile {
    pub(crate) relative: String,
    pub(crate) full: PathBuf,
    pub(crate) size: u64,
    pub(crate) executable: bool,
}

/// Lists the regular files below `root`; symbolic links are not followed, and one that leaves the tree is refused.
pub(crate) fn list(root: &Path, display: &str, budget: &Budget) -> Result<Vec<DirFile>, ArtifactError> {
    let limit = budget.limits().max_entries;
    let mut files = Vec::new();
    for item in WalkDir::new(root).follow_links(false).sort_by_file_name() {
        let item = item.map_err(|e| ArtifactError::Io { path: display.to_string(), message: e.to_string() })?;
        let Ok(rel) = item.path().strip_prefix(root) else {
            continue;
        };
        if rel.as_os_str().is_empty() {
            continue;
        }
        let Some(relative) = rel.to_str().map(str::to_string) else {
            let lossy = rel.to_string_lossy().into_owned();
            return Err(ArtifactError::NonUtf8Name { path: display.to_string(), lossy });
        };
        let kind = item.file_type();
        if kind.is_symlink() {
            let target = std::fs::read_link(item.path()).map(|t| t.to_string_lossy().into_owned()).unwrap_or_default();
            if !link_stays_inside(&relative, &target) {
                return Err(ArtifactError::EscapingSymlink { path: display.to_string(), name: relative, target });
            }
            continue;
        }
        if !kind.is_file() {
            continue;
        }
        if files.len() >= limit {
            return Err(ArtifactError::TooManyEntries { path: display.to_string(), count: files.len() + 1, limit });
        }
        let meta =
            item.metadata().map_err(|e| ArtifactError::Io { path: display.to_string(), message: e.to_string() })?;
        files.push(DirFile {
            relative,
            full: item.path().to_path_buf(),
            size: meta.len(),
            executable: meta.permissions().mode() & 0o111 != 0,
        });
    }
    Ok(files)
}

/// Reads one file of the tree, charged to the budget.
pub(crate) fn read(full: &Path, display: &str, size: u64, budget: &Budget) -> Result<Vec<u8>, ReadError> {
    budget.charge(size, display)?;
    let bytes = std::fs::read(full).map_err(|e| ReadError::File(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > size {
        // The file grew since it was listed: charge the difference.
        budget.charge(bytes.len() as u64 - size, display)?;
    }
    Ok(bytes)
}
