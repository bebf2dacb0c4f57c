//! One read-only view of a Lambda function and its layers.
//!
//! The function's deployment package is seen under `/var/task`, each layer under `/opt`, in order: a later layer's
//! file hides an earlier one's at the same path, as in Lambda. Zips are read in place (never extracted); archives
//! inside them (jars in jars) are opened in memory through [`Archive`]. Every read is charged to one [`Budget`], so a
//! hostile package is refused in bounded time and memory with an [`ArtifactError`] that says why.

mod archive;
mod budget;
mod dir_source;
mod error;
mod safe_path;
mod shared_file;
mod view;

pub use archive::{Archive, ArchiveEntry};
pub use budget::{Budget, Limits};
pub use error::{ArtifactError, ReadError};
pub use view::{Artifact, Entry, Mount, SourceSpec};
