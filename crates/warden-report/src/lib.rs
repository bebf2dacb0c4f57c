//! Renderers of a scan result: JSON, a table for people, CycloneDX 1.5 and SPDX 2.3 SBOMs.

mod clock;
mod csv;
mod cyclonedx;
mod json;
mod sarif;
mod spdx;
mod table;

pub use clock::Stamp;
pub use csv::{CSV_COLUMNS, csv};
pub use cyclonedx::cyclonedx;
pub use json::json;
pub use sarif::{FINGERPRINT_KEY, SARIF_SCHEMA_URI, sarif, sarif_level, sarif_with_code};
pub use spdx::spdx;
pub use table::{table, table_colored};
pub use warden_core::rfc3339;

/// What an SBOM describes: the function (or the file it was given as) and when it was made.
#[derive(Debug, Clone)]
pub struct SbomSubject {
    pub name: String,
    pub stamp: Stamp,
}
