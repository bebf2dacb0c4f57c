//! What a load saw: advisories per ecosystem and every problem, counted per ecosystem and per kind, with a few
//! examples of each so a user can look them up.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

use crate::validate::Advisory;

/// How many examples are kept per (ecosystem, kind).
pub const EXAMPLES_PER_KIND: usize = 5;

/// The key under which problems are counted when no ecosystem can be named.
pub const NO_ECOSYSTEM: &str = "(none)";

/// A kind of problem in advisory data. Each is counted; the ones that leave a gap in what can be decided say so in
/// [`ProblemKind::is_gap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A file that is not JSON or has no `id`: nothing could be recovered from it.
    UnreadableDocument,
    /// JSON with an `id` that is not a valid OSV document (a field of the wrong type): its packages were recovered
    /// and each is reported as "could not evaluate".
    MalformedDocument,
    /// An `affected` entry whose ecosystem Warden does not scan (`Debian:11`, `Hex`, …); skipped.
    UnknownEcosystem,
    /// An `affected` entry without a package name or ecosystem (skipped), or with neither ranges nor versions (kept:
    /// reported as "could not evaluate").
    MalformedEntry,
    /// A range of an unknown type, with an event that sets no or several fields, or without an `introduced` event.
    MalformedRange,
    /// A range event version that the ecosystem's scheme refuses: the range cannot be evaluated.
    UnparsableVersion,
    /// A version in an explicit `versions` list that the scheme refuses: kept and matched by exact string equality,
    /// so no gap.
    UnparsableListedVersion,
    /// A `modified`, `published` or `withdrawn` that is not RFC 3339: kept as written.
    BadTimestamp,
    /// An npm name with capital letters (the registry has taken only lower-case names since 2017): matched
    /// exactly, and also under its lower-case form when the entry has no explicit `versions` list (see
    /// [`crate::NameMatch::CaseFolded`]).
    NonCanonicalName,
    /// An advisory that names no affected package at all; skipped.
    NoAffectedPackage,
    /// The same `id` more than once in the input: the one with the latest `modified` is kept.
    DuplicateId,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 11] = [
        ProblemKind::UnreadableDocument,
        ProblemKind::MalformedDocument,
        ProblemKind::UnknownEcosystem,
        ProblemKind::MalformedEntry,
        ProblemKind::MalformedRange,
        ProblemKind::UnparsableVersion,
        ProblemKind::UnparsableListedVersion,
        ProblemKind::BadTimestamp,
        ProblemKind::NonCanonicalName,
        ProblemKind::NoAffectedPackage,
        ProblemKind::DuplicateId,
    ];

    /// Whether a problem of this kind can leave a package's status undecided (such packages are reported as
    /// "could not evaluate", never as "not affected").
    pub fn is_gap(self) -> bool {
        matches!(
            self,
            ProblemKind::UnreadableDocument
                | ProblemKind::MalformedDocument
                | ProblemKind::MalformedEntry
                | ProblemKind::MalformedRange
                | ProblemKind::UnparsableVersion
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProblemKind::UnreadableDocument => "unreadable document",
            ProblemKind::MalformedDocument => "malformed document",
            ProblemKind::UnknownEcosystem => "unknown ecosystem",
            ProblemKind::MalformedEntry => "malformed affected entry",
            ProblemKind::MalformedRange => "malformed range",
            ProblemKind::UnparsableVersion => "unparsable range version",
            ProblemKind::UnparsableListedVersion => "unparsable listed version",
            ProblemKind::BadTimestamp => "bad timestamp",
            ProblemKind::NonCanonicalName => "non-canonical name",
            ProblemKind::NoAffectedPackage => "no affected package",
            ProblemKind::DuplicateId => "duplicate id",
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The ecosystem as the data names it (also when unknown), or [`NO_ECOSYSTEM`].
    pub ecosystem: String,
    /// The advisory id, or the file when no id could be read.
    pub advisory: String,
    pub detail: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] {}: {}", self.kind, self.ecosystem, self.advisory, self.detail)
    }
}

/// Counts for one ecosystem.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EcosystemStats {
    /// Advisories with at least one affected entry of this ecosystem (withdrawn ones included).
    pub advisories: usize,
    /// Of those, withdrawn.
    pub withdrawn: usize,
    /// Affected entries of this ecosystem kept in the index.
    pub entries: usize,
    /// Problems per kind.
    pub problems: BTreeMap<ProblemKind, usize>,
}

impl EcosystemStats {
    /// Problems of the kinds that can leave a package undecided.
    pub fn gaps(&self) -> usize {
        self.problems.iter().filter(|(k, _)| k.is_gap()).map(|(_, n)| n).sum()
    }
}

/// What a load saw.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadStats {
    /// Documents read (files or zip entries named `*.json`).
    pub documents: usize,
    /// Advisories kept (after duplicates were folded and advisories without a known package were skipped).
    pub advisories: usize,
    /// Per ecosystem, keyed by the name the data uses (unknown ones included, to count their problems).
    pub ecosystems: BTreeMap<String, EcosystemStats>,
    /// Up to [`EXAMPLES_PER_KIND`] examples per (ecosystem, kind).
    pub examples: Vec<Problem>,
}

impl LoadStats {
    /// Counts one problem and keeps it as an example if there are few of its kind yet.
    pub fn record(&mut self, problem: Problem) {
        let stats = self.ecosystems.entry(problem.ecosystem.clone()).or_default();
        let count = stats.problems.entry(problem.kind).or_default();
        *count += 1;
        if *count <= EXAMPLES_PER_KIND {
            self.examples.push(problem);
        }
    }

    /// Counts a kept advisory under each ecosystem it affects.
    pub(crate) fn record_advisory(&mut self, advisory: &Advisory) {
        self.advisories += 1;
        let mut seen: Vec<&str> = Vec::new();
        for entry in &advisory.affected {
            let eco = entry.ecosystem.as_str();
            let stats = self.ecosystems.entry(eco.to_string()).or_default();
            stats.entries += 1;
            if !seen.contains(&eco) {
                seen.push(eco);
                stats.advisories += 1;
                if advisory.is_withdrawn() {
                    stats.withdrawn += 1;
                }
            }
        }
    }

    /// Total problems of one kind, over all ecosystems.
    pub fn count(&self, kind: ProblemKind) -> usize {
        self.ecosystems.values().filter_map(|s| s.problems.get(&kind)).sum()
    }

    /// Total problems that can leave a package undecided.
    pub fn gaps(&self) -> usize {
        self.ecosystems.values().map(EcosystemStats::gaps).sum()
    }
}

impl fmt::Display for LoadStats {
    /// A table: one line per ecosystem with its counts and its problems per kind, then the examples.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} documents read, {} advisories kept", self.documents, self.advisories)?;
        writeln!(f, "{:<22} {:>10} {:>9} {:>8}  problems", "ecosystem", "advisories", "withdrawn", "entries")?;
        for (eco, s) in &self.ecosystems {
            let problems: Vec<String> = s.problems.iter().map(|(k, n)| format!("{k}: {n}")).collect();
            let problems = if problems.is_empty() { "none".to_string() } else { problems.join(", ") };
            writeln!(f, "{eco:<22} {:>10} {:>9} {:>8}  {problems}", s.advisories, s.withdrawn, s.entries)?;
        }
        for example in &self.examples {
            writeln!(f, "  {example}")?;
        }
        Ok(())
    }
}
