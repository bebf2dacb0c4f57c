use thiserror::Error;

/// Why an artifact was refused. Each of these makes the scan's status `INVALID_ARTIFACT`.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ArtifactError {
    #[error("{path}: cannot be read: {message}")]
    Io { path: String, message: String },
    #[error("{path}: not a readable zip archive: {message}")]
    Corrupt { path: String, message: String },
    #[error("{path}: entry name {name:?} is unsafe ({why})")]
    UnsafeName { path: String, name: String, why: &'static str },
    #[error("{path}: entry name is not valid UTF-8 ({lossy:?})")]
    NonUtf8Name { path: String, lossy: String },
    #[error("{path}: symbolic link {name:?} points outside the package ({target:?})")]
    EscapingSymlink { path: String, name: String, target: String },
    #[error("{path}: {count} entries, more than the limit of {limit} (--max-entries)")]
    TooManyEntries { path: String, count: usize, limit: usize },
    #[error("{path}: inflates to more than {limit} bytes (--max-inflated-bytes); a zip bomb?")]
    TooLarge { path: String, limit: u64 },
    #[error(
        "{path}: entry {name:?} has a compression ratio of {ratio}:1, above the limit of {limit}:1 (--max-compression-ratio); a zip bomb?"
    )]
    RatioExceeded { path: String, name: String, ratio: u64, limit: u64 },
    #[error("{path}: archives nested deeper than {limit} levels (--max-nesting-depth)")]
    TooDeep { path: String, limit: u32 },
    #[error("{path}: inflated to more bytes than its header declares; a forged zip?")]
    SizeMismatch { path: String },
}

/// A failed read of one file: either the whole artifact is refused, or just this file could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ReadError {
    #[error(transparent)]
    Artifact(#[from] ArtifactError),
    #[error("{0}")]
    File(String),
}
