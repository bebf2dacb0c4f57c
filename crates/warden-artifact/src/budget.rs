use crate::ArtifactError;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The limits that keep a hostile artifact from exhausting time, memory or disk. Each is a `warden scan` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Total bytes that may be inflated across the whole artifact, nested archives included.
    pub max_inflated_bytes: u64,
    /// Largest uncompressed:compressed ratio of one entry (entries under 1 MiB are exempt: small files of repeated
    /// bytes compress well and are harmless).
    pub max_compression_ratio: u64,
    /// Most entries in one archive (or files in one directory tree).
    pub max_entries: usize,
    /// Deepest nesting of archives in archives (a jar in a jar in the function zip is depth 2).
    pub max_nesting_depth: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_inflated_bytes: 1 << 30, max_compression_ratio: 200, max_entries: 100_000, max_nesting_depth: 5 }
    }
}

/// Entries smaller than this are not held to the compression-ratio limit.
pub(crate) const RATIO_EXEMPT_BYTES: u64 = 1 << 20;

/// The limits plus what has been spent of them; shared by every reader of one artifact.
#[derive(Debug, Clone)]
pub struct Budget {
    limits: Limits,
    spent: Arc<AtomicU64>,
}

impl Budget {
    pub fn new(limits: Limits) -> Self {
        Budget { limits, spent: Arc::new(AtomicU64::new(0)) }
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Bytes inflated so far.
    pub fn spent(&self) -> u64 {
        self.spent.load(Ordering::Relaxed)
    }

    /// Charges `bytes` of inflated output; fails once the total passes the limit.
    pub(crate) fn charge(&self, bytes: u64, path: &str) -> Result<(), ArtifactError> {
        let total = self.spent.fetch_add(bytes, Ordering::Relaxed).saturating_add(bytes);
        if total > self.limits.max_inflated_bytes {
            return Err(ArtifactError::TooLarge { path: path.to_string(), limit: self.limits.max_inflated_bytes });
        }
        Ok(())
    }
}
