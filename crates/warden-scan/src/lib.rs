//! The pipeline for one function: artifact → inventory → scan result (later: match and code analysis).

use warden_artifact::{Artifact, Limits, SourceSpec};
use warden_core::{ScanResult, ScanStatus, ScanStatusCode};
use warden_inventory::Plan;

/// How a scan reports progress: told the number of files once, then called per file.
pub trait Progress: Sync {
    fn start(&self, files: u64);
    fn advance(&self);
}

/// No progress reporting.
#[derive(Debug)]
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _files: u64) {}
    fn advance(&self) {}
}

/// Scans a function (first spec) and its layers. A refused artifact is a result too: status `INVALID_ARTIFACT`
/// with the reason, and no packages (a partial inventory of a hostile package would be misleading).
pub fn scan(specs: &[SourceSpec], limits: Limits, progress: &dyn Progress) -> ScanResult {
    let outcome = Artifact::open(specs, limits).and_then(|artifact| {
        let plan = Plan::new(&artifact);
        progress.start(plan.len() as u64);
        plan.run(&|| progress.advance())
    });
    match outcome {
        Ok(inventory) => ScanResult {
            packages: inventory.packages,
            errors: inventory.errors,
            status: ScanStatus {
                status_code: ScanStatusCode::Successful,
                reason: None,
                extractors: inventory.extractors,
            },
        },
        Err(e) => ScanResult {
            packages: Vec::new(),
            errors: Vec::new(),
            status: ScanStatus {
                status_code: ScanStatusCode::InvalidArtifact,
                reason: Some(e.to_string()),
                extractors: Vec::new(),
            },
        },
    }
}
