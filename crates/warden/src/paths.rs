//! Where Warden keeps its files.

use std::path::PathBuf;

/// The advisory database directory when `--db` is not given: `$WARDEN_DB`, else `$XDG_CACHE_HOME/warden/db`, else
/// `~/.cache/warden/db` (`$HOME`), else `.warden/db` in the current directory. Empty variables count as unset.
pub fn default_db_dir() -> PathBuf {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("WARDEN_DB") {
        return dir;
    }
    if let Some(cache) = var("XDG_CACHE_HOME") {
        return cache.join("warden").join("db");
    }
    if let Some(home) = var("HOME") {
        return home.join(".cache").join("warden").join("db");
    }
    PathBuf::from(".warden").join("db")
}
