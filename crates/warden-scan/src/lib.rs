//! The pipeline for one function: artifact → inventory → match, and artifact → code analysis → scan result. An
//! SBOM can stand in for the artifact and inventory ([`sbom`], [`scan_sbom`]).

pub mod code;
pub mod sbom;

use warden_advisories::Database;
use warden_artifact::{Artifact, Limits, SourceSpec};
use warden_core::{ExtractorStatus, MatchingStatus, ScanResult, ScanStatus, ScanStatusCode, Timestamp};
use warden_inventory::Plan;
use warden_match::Target;

/// What matching needs: the advisory database (and where it is, for the status) and the function the findings are
/// about.
#[derive(Debug, Clone, Copy)]
pub struct Vulnerabilities<'a> {
    pub database: &'a Database,
    /// Shown in `status.matching.database`.
    pub database_dir: &'a str,
    pub target: &'a Target,
    /// `firstObservedAt`, `lastObservedAt` and `updatedAt` of the findings.
    pub now: Timestamp,
}

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

/// Lists the packages of a function (first spec) and its layers, without matching them. A refused artifact is a
/// result too: status `INVALID_ARTIFACT` with the reason, and no packages (a partial inventory of a hostile package
/// would be misleading).
pub fn scan(specs: &[SourceSpec], limits: Limits, progress: &dyn Progress) -> ScanResult {
    inventory(&Artifact::open(specs, limits), progress)
}

/// Scans a function and its layers and, when `vulnerabilities` is given and the artifact was read, matches the
/// packages against the advisories: findings, their explanations, undecidable matches and `status.matching`.
pub fn scan_with(
    specs: &[SourceSpec],
    limits: Limits,
    progress: &dyn Progress,
    vulnerabilities: Option<Vulnerabilities<'_>>,
) -> ScanResult {
    scan_function(specs, limits, progress, vulnerabilities, None)
}

/// What code scanning needs: how to scan, and the function the findings are about.
#[derive(Debug, Clone, Copy)]
pub struct CodeRequest<'a> {
    pub options: &'a code::CodeOptions,
    pub target: &'a Target,
    pub now: Timestamp,
}

/// [`scan_with`], and when `code` is given, code scanning of the same artifact: `CODE_VULNERABILITY` findings after
/// the package ones, their details in `code` and `status.code`.
pub fn scan_function(
    specs: &[SourceSpec],
    limits: Limits,
    progress: &dyn Progress,
    vulnerabilities: Option<Vulnerabilities<'_>>,
    code: Option<CodeRequest<'_>>,
) -> ScanResult {
    let artifact = Artifact::open(specs, limits);
    let mut result = inventory(&artifact, progress);
    if result.status.status_code != ScanStatusCode::Successful {
        return result;
    }
    if let Some(v) = vulnerabilities {
        match_packages(&mut result, v);
    }
    if let (Some(c), Ok(artifact)) = (code, artifact.as_ref()) {
        let scan = code::scan_code(artifact, c.options, c.target, c.now);
        result.findings.extend(scan.findings);
        result.code = scan.details;
        result.status.code = Some(scan.status);
    }
    result
}

/// Matches the packages of an SBOM as [`scan_with`] matches a function's: the same findings, explanations and
/// status, with `status.sbom` saying where the packages came from and the skipped components as file errors.
pub fn scan_sbom(sbom: &sbom::Sbom, vulnerabilities: Option<Vulnerabilities<'_>>) -> ScanResult {
    let mut result = ScanResult {
        findings: Vec::new(),
        explanations: Vec::new(),
        undecidable: Vec::new(),
        packages: sbom.packages.clone(),
        errors: sbom.skipped.clone(),
        code: Vec::new(),
        status: ScanStatus {
            status_code: ScanStatusCode::Successful,
            reason: None,
            extractors: vec![ExtractorStatus {
                id: sbom::EXTRACTOR.to_string(),
                version: sbom::EXTRACTOR_VERSION,
                files_read: 1,
                packages_found: sbom.packages.len(),
                file_errors: sbom.skipped.clone(),
            }],
            matching: None,
            code: None,
            sbom: Some(sbom.input.clone()),
        },
    };
    if let Some(v) = vulnerabilities {
        match_packages(&mut result, v);
    }
    result
}

fn match_packages(result: &mut ScanResult, v: Vulnerabilities<'_>) {
    let matched = warden_match::find(&result.packages, v.database.index(), v.target, v.now);
    result.status.matching = Some(MatchingStatus {
        database: v.database_dir.to_string(),
        advisories: v.database.index().len(),
        imported_at: v.database.meta().imported_at,
        packages_matched: matched.packages_matched,
        unpinned: matched.unpinned,
        findings_total: matched.findings.len(),
        ignored: 0,
        filtered_by_severity: 0,
    });
    result.findings = matched.findings;
    result.explanations = matched.explanations;
    result.undecidable = matched.undecidable;
}

fn inventory(artifact: &Result<Artifact, warden_artifact::ArtifactError>, progress: &dyn Progress) -> ScanResult {
    let outcome = artifact.as_ref().map_err(Clone::clone).and_then(|artifact| {
        let plan = Plan::new(artifact);
        progress.start(plan.len() as u64);
        plan.run(&|| progress.advance())
    });
    match outcome {
        Ok(inventory) => ScanResult {
            findings: Vec::new(),
            explanations: Vec::new(),
            undecidable: Vec::new(),
            packages: inventory.packages,
            errors: inventory.errors,
            code: Vec::new(),
            status: ScanStatus {
                status_code: ScanStatusCode::Successful,
                reason: None,
                extractors: inventory.extractors,
                matching: None,
                code: None,
                sbom: None,
            },
        },
        Err(e) => ScanResult {
            findings: Vec::new(),
            explanations: Vec::new(),
            undecidable: Vec::new(),
            packages: Vec::new(),
            errors: Vec::new(),
            code: Vec::new(),
            status: ScanStatus {
                status_code: ScanStatusCode::InvalidArtifact,
                reason: Some(e.to_string()),
                extractors: Vec::new(),
                matching: None,
                code: None,
                sbom: None,
            },
        },
    }
}
