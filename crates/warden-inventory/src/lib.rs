//! Package inventory: which third-party packages a function and its layers carry.
//!
//! One extractor per file format (`python/dist-info`, `javascript/package-lock`, …), each a small pure function
//! from a file's bytes to packages, listed in [`registry`]. [`scan`] runs them over an [`Artifact`] in parallel,
//! attributes each package to its file and layer, and folds duplicates (installed metadata and a lockfile describing
//! the same tree give one package).
//!
//! [`Artifact`]: warden_artifact::Artifact

mod dedup;
mod extractor;
mod pipeline;
pub mod registry;
mod text;

pub mod dotnet;
pub mod go;
pub mod java;
pub mod javascript;
pub mod php;
pub mod python;
pub mod ruby;
pub mod rust;

pub use dedup::{dedup, normalize_name};
pub use extractor::{ExtractError, Extractor, FileInfo, Input};
pub use pipeline::{Inventory, Plan, scan};
