//! Runs every extractor over an artifact: plan (which extractor wants which file), then read and extract in
//! parallel, then attribute and fold.

use crate::{ExtractError, FileInfo, Input, dedup, registry};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use warden_artifact::{Artifact, ArtifactError, Entry, ReadError};
use warden_core::{ExtractorStatus, FileError, Package};

/// What a scan found: packages (folded), the files that could not be read, and each extractor's part.
#[derive(Debug, Default)]
pub struct Inventory {
    pub packages: Vec<Package>,
    pub errors: Vec<FileError>,
    pub extractors: Vec<ExtractorStatus>,
}

/// The files that extractors want, found by a cheap pass over the artifact's listing.
#[derive(Debug)]
pub struct Plan<'a> {
    artifact: &'a Artifact,
    jobs: Vec<(&'a Entry, Vec<usize>)>,
}

impl<'a> Plan<'a> {
    pub fn new(artifact: &'a Artifact) -> Self {
        let extractors = registry::all();
        let jobs = artifact
            .entries()
            .iter()
            .filter_map(|entry| {
                let info = FileInfo { path: &entry.path, size: entry.size, executable: entry.executable };
                let wanting: Vec<usize> =
                    extractors.iter().enumerate().filter(|(_, x)| x.wants(&info)).map(|(i, _)| i).collect();
                (!wanting.is_empty()).then_some((entry, wanting))
            })
            .collect();
        Plan { artifact, jobs }
    }

    /// How many files will be read.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// Reads and extracts every planned file; `progress` is called once per file done. An archive limit broken
    /// anywhere (a bomb in a nested jar, say) refuses the whole artifact.
    pub fn run(self, progress: &(dyn Fn() + Sync)) -> Result<Inventory, ArtifactError> {
        let extractors = registry::all();
        let paths: HashSet<&str> = self.artifact.entries().iter().map(|e| e.path.as_str()).collect();
        let exists = |p: &str| paths.contains(p);
        let budget = self.artifact.budget();
        let results: Vec<FileOutcome> = self
            .jobs
            .par_iter()
            .map_init(
                || self.artifact.reader(),
                |reader, (entry, wanting)| {
                    let outcome = match reader.read(entry) {
                        Err(ReadError::Artifact(e)) => FileOutcome::Fatal(e),
                        Err(ReadError::File(message)) => FileOutcome::Unreadable(entry, message),
                        Ok(bytes) => {
                            let input = Input { path: &entry.path, bytes: &bytes, exists: &exists, budget, depth: 0 };
                            let per = wanting
                                .iter()
                                .filter_map(|&i| extractors.get(i).map(|x| (i, x.extract(&input))))
                                .collect();
                            FileOutcome::Extracted(entry, per)
                        }
                    };
                    progress();
                    outcome
                },
            )
            .collect();
        let mut statuses: BTreeMap<usize, ExtractorStatus> = extractors
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let status = ExtractorStatus {
                    id: x.id().to_string(),
                    version: x.version(),
                    files_read: 0,
                    packages_found: 0,
                    file_errors: Vec::new(),
                };
                (i, status)
            })
            .collect();
        let mut packages = Vec::new();
        let mut errors = Vec::new();
        for outcome in results {
            match outcome {
                FileOutcome::Fatal(e) => return Err(e),
                FileOutcome::Unreadable(entry, message) => errors.push(FileError {
                    file_path: entry.path.clone(),
                    layer: entry.layer.clone(),
                    extractor: "artifact".to_string(),
                    message,
                }),
                FileOutcome::Extracted(entry, per) => {
                    for (i, result) in per {
                        let Some(status) = statuses.get_mut(&i) else {
                            continue;
                        };
                        status.files_read += 1;
                        let (found, problem) = match result {
                            Ok(found) => (found, None),
                            Err(ExtractError::Artifact(e)) => return Err(e),
                            Err(ExtractError::Partial { packages: found, message }) => (found, Some(message)),
                            Err(ExtractError::Parse(message)) => (Vec::new(), Some(message)),
                        };
                        status.packages_found += found.len();
                        packages.extend(found.into_iter().map(|p| attribute(p, entry, &status.id)));
                        if let Some(message) = problem {
                            let error = FileError {
                                file_path: entry.path.clone(),
                                layer: entry.layer.clone(),
                                extractor: status.id.clone(),
                                message,
                            };
                            status.file_errors.push(error.clone());
                            errors.push(error);
                        }
                    }
                }
            }
        }
        errors.sort_by(|a, b| (&a.file_path, &a.extractor).cmp(&(&b.file_path, &b.extractor)));
        Ok(Inventory { packages: dedup(packages), errors, extractors: statuses.into_values().collect() })
    }
}

enum FileOutcome<'a> {
    Fatal(ArtifactError),
    Unreadable(&'a Entry, String),
    Extracted(&'a Entry, Vec<(usize, Result<Vec<Package>, ExtractError>)>),
}

fn attribute(mut p: Package, entry: &Entry, extractor: &str) -> Package {
    if p.file_path.is_empty() {
        p.file_path = entry.path.clone();
    }
    p.layer = entry.layer.clone();
    if p.extractor.is_empty() {
        p.extractor = extractor.to_string();
    }
    p
}

/// Plans and runs in one call, without progress reporting.
pub fn scan(artifact: &Artifact) -> Result<Inventory, ArtifactError> {
    Plan::new(artifact).run(&|| {})
}
