//! Whether one installed version is affected by one `affected` entry, with OSV semantics, and why.
//!
//! **An explicit `versions` list decides where one is present** (non-empty): a version is affected exactly when it
//! is listed (equal in the ecosystem's scheme, or, for a listed string the scheme refuses, equal as a string). The
//! list is what the database publishes as its answer, and it is where the data is known to be more exact than its
//! ranges: the PyPI advisories list versions their own ranges exclude, and leave out pre-releases their ranges
//! include. The ranges of such an entry still give `fixed_in`. One exception keeps a stale list from hiding a
//! newer release: a version above every listed version that a range with no upper bound (no `fixed`,
//! `last_affected` or `limit` after its `introduced`) includes is affected by that range
//! ([`Evidence::Range::beyond_list`]), since a list enumerates only the releases that existed when it was written;
//! above the list and beside a range that cannot be read, it is undecidable.
//!
//! **Otherwise the ranges decide**, as the OSV schema evaluates them: each `ECOSYSTEM` or `SEMVER` range's events
//! in version order (`introduced: "0"` first), `introduced` turning "affected" on at its version, `fixed` off at
//! its version, `last_affected` off just after its version; a version at or above every `limit` is outside the
//! range. Several ranges, several introduced/fixed pairs in one range: affected when any range says so. Each range
//! is evaluated by binary search over its sorted events. `GIT` ranges are never evaluated against versions.
//!
//! **Never a silent "not affected"**: when the installed version does not parse in the scheme a range needs, when
//! a range could not be read, or when an entry has no range that can be evaluated, and nothing else says
//! "affected", the outcome is [`MatchOutcome::Undecidable`] with the reason.

use std::cell::OnceCell;
use std::fmt;

use warden_core::Ecosystem;
use warden_versions::{Scheme, Version, VersionError};

use crate::validate::{Advisory, Affected, Bound, EventKind, OrderedRange, Range, RangeKind, VersionScheme};

/// One advisory that concerns an installed package, and why. It borrows from the [`crate::Index`] it came from, so
/// that matching allocates nothing per match beyond the result list.
#[derive(Debug, Clone, Copy)]
pub struct Match<'a> {
    pub advisory: &'a Advisory,
    /// Which `affected` entry of the advisory (its position in [`Advisory::affected`]).
    pub entry_index: usize,
    pub entry: &'a Affected,
    pub name_match: NameMatch,
    pub outcome: MatchOutcome<'a>,
}

impl<'a> Match<'a> {
    /// The advisory id.
    pub fn id(&self) -> &'a str {
        &self.advisory.id
    }

    /// The package name as the advisory writes it.
    pub fn package(&self) -> &'a str {
        &self.entry.name
    }

    pub fn is_affected(&self) -> bool {
        matches!(self.outcome, MatchOutcome::Affected { .. })
    }

    /// The lowest fixed version above the installed one, when affected and one is known.
    pub fn fixed_in(&self) -> Option<&'a str> {
        match &self.outcome {
            MatchOutcome::Affected { fixed_in, .. } => *fixed_in,
            MatchOutcome::Undecidable { .. } => None,
        }
    }
}

impl PartialEq for Match<'_> {
    /// Same advisory id, entry, name rule and outcome (the advisories may live in different indexes).
    fn eq(&self, other: &Self) -> bool {
        self.advisory.id == other.advisory.id
            && self.entry_index == other.entry_index
            && self.name_match == other.name_match
            && self.outcome == other.outcome
    }
}

impl Eq for Match<'_> {}

impl fmt::Display for Match<'_> {
    /// `PYSEC-2020-96: PyYAML affected (listed version 5.3); fixed in 5.3.1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.advisory.id, self.entry.name)?;
        if self.name_match == NameMatch::CaseFolded {
            f.write_str(" (name matched ignoring case)")?;
        }
        match &self.outcome {
            MatchOutcome::Affected { evidence, fixed_in } => {
                write!(f, " affected ({evidence})")?;
                match fixed_in {
                    Some(v) => write!(f, "; fixed in {v}"),
                    None => f.write_str("; no fixed version"),
                }
            }
            MatchOutcome::Undecidable { reason } => write!(f, " could not be evaluated: {reason}"),
        }
    }
}

/// How the installed package's name met the advisory's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameMatch {
    /// Equal under the ecosystem's rule ([`warden_core::normalize_name`]).
    Normalized,
    /// An npm advisory names the package with capital letters (`Axios`) and has no explicit `versions` list to say
    /// a legacy mixed-case package is meant; the registry has taken only lower-case names since 2017, so it is
    /// matched against the lower-case name too.
    CaseFolded,
}

/// What an entry says about an installed version (entries that say "not affected" produce no [`Match`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchOutcome<'a> {
    Affected {
        evidence: Evidence<'a>,
        /// The lowest `fixed` version above the installed one across the entry's ranges that the entry does not itself
        /// call affected, as written.
        fixed_in: Option<&'a str>,
    },
    /// The entry could not be evaluated for this version: reported as a gap, never as "not affected".
    Undecidable { reason: Undecidable<'a> },
}

/// What said "affected".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence<'a> {
    /// The explicit `versions` list holds the installed version (as written in the list).
    Listed { version: &'a str },
    /// A range includes the installed version.
    Range {
        /// Its position in the entry's `ranges`.
        range: usize,
        kind: RangeKind,
        /// The `introduced` event that opened the interval holding the version (`0`: from the beginning).
        introduced: &'a str,
        /// The event that closes that interval, if any.
        fixed: Option<&'a str>,
        last_affected: Option<&'a str>,
        /// The range's lowest `limit` above the version, if any.
        limit: Option<&'a str>,
        /// The entry has an explicit `versions` list; the version is above all of it, in a range with no upper
        /// bound (see the module documentation).
        beyond_list: bool,
    },
}

impl fmt::Display for Evidence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Listed { version } => write!(f, "listed version {version}"),
            Evidence::Range { range, kind, introduced, fixed, last_affected, limit, beyond_list } => {
                write!(f, "{} range {range}: introduced {introduced}", kind.as_str())?;
                if let Some(v) = fixed {
                    write!(f, ", fixed {v}")?;
                }
                if let Some(v) = last_affected {
                    write!(f, ", last_affected {v}")?;
                }
                if let Some(v) = limit {
                    write!(f, ", limit {v}")?;
                }
                if *beyond_list {
                    f.write_str("; above every version in the explicit list")?;
                }
                Ok(())
            }
        }
    }
}

/// Why an entry could not be evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undecidable<'a> {
    /// The installed version does not parse in the scheme the entry needs.
    InstalledVersion { version: &'a str, error: VersionErrorKind },
    /// A range of the entry could not be read (unparsable version, malformed events, unknown type, or the whole
    /// advisory was not valid OSV).
    Range { range: usize, reason: &'a str },
    /// The entry has no range that can be evaluated against a package version (only `GIT` ranges, or nothing).
    NoVersionRange,
}

/// Why an installed version was refused (see [`warden_versions::VersionError`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionErrorKind {
    Empty { scheme: Scheme },
    TooLong { scheme: Scheme },
    Invalid { scheme: Scheme, reason: &'static str },
}

impl From<&VersionError> for VersionErrorKind {
    fn from(e: &VersionError) -> VersionErrorKind {
        match e {
            VersionError::Empty { scheme } => VersionErrorKind::Empty { scheme: *scheme },
            VersionError::TooLong { scheme, .. } => VersionErrorKind::TooLong { scheme: *scheme },
            VersionError::Invalid { scheme, reason, .. } => VersionErrorKind::Invalid { scheme: *scheme, reason },
        }
    }
}

impl fmt::Display for VersionErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionErrorKind::Empty { scheme } => write!(f, "empty {scheme} version"),
            VersionErrorKind::TooLong { scheme } => write!(f, "{scheme} version over the length limit"),
            VersionErrorKind::Invalid { scheme, reason } => write!(f, "not a {scheme} version: {reason}"),
        }
    }
}

impl fmt::Display for Undecidable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Undecidable::InstalledVersion { version, error } => {
                write!(f, "installed version {version:?} cannot be compared ({error})")
            }
            Undecidable::Range { range, reason } => write!(f, "the advisory's range {range} cannot be read: {reason}"),
            Undecidable::NoVersionRange => f.write_str("the advisory gives neither versions nor a version range"),
        }
    }
}

/// An installed version, parsed at most once per scheme.
#[derive(Debug)]
pub(crate) struct Installed<'a> {
    raw: &'a str,
    ecosystem: Ecosystem,
    native: OnceCell<Result<Version, VersionError>>,
    semver: OnceCell<Result<Version, VersionError>>,
}

impl<'a> Installed<'a> {
    pub(crate) fn new(ecosystem: Ecosystem, raw: &'a str) -> Installed<'a> {
        Installed { raw, ecosystem, native: OnceCell::new(), semver: OnceCell::new() }
    }

    fn get(&self, scheme: VersionScheme) -> Result<&Version, &VersionError> {
        let cell = match scheme {
            VersionScheme::Ecosystem(_) => &self.native,
            VersionScheme::SemVer => &self.semver,
        };
        // An `Ecosystem` scheme is always the entry's, which is the installed package's.
        let scheme = match scheme {
            VersionScheme::Ecosystem(_) => VersionScheme::Ecosystem(self.ecosystem),
            VersionScheme::SemVer => VersionScheme::SemVer,
        };
        cell.get_or_init(|| scheme.parse(self.raw)).as_ref()
    }

    fn undecidable<'e>(&self, error: &VersionError) -> MatchOutcome<'e>
    where
        'a: 'e,
    {
        MatchOutcome::Undecidable { reason: Undecidable::InstalledVersion { version: self.raw, error: error.into() } }
    }
}

/// What `entry` says about `installed`: `None` for "not affected".
pub(crate) fn evaluate<'e>(entry: &'e Affected, installed: &Installed<'e>) -> Option<MatchOutcome<'e>> {
    if entry.has_version_list() { evaluate_list(entry, installed) } else { evaluate_ranges(entry, installed) }
}

fn evaluate_list<'e>(entry: &'e Affected, installed: &Installed<'e>) -> Option<MatchOutcome<'e>> {
    let v = match installed.get(VersionScheme::Ecosystem(entry.ecosystem)) {
        Ok(v) => v,
        Err(err) => {
            return match entry.versions.find_raw(installed.raw) {
                Some(listed) => {
                    Some(MatchOutcome::Affected { evidence: Evidence::Listed { version: listed }, fixed_in: None })
                }
                None => Some(installed.undecidable(err)),
            };
        }
    };
    if let Some(listed) = entry.versions.find(v).or_else(|| entry.versions.find_raw(installed.raw)) {
        return Some(MatchOutcome::Affected {
            evidence: Evidence::Listed { version: listed },
            fixed_in: fixed_above(entry, installed),
        });
    }
    // Above the whole list, in a range the list could not have enumerated to its end; or in a range that cannot be
    // read, which might be one.
    if entry.versions.max().is_some_and(|max| v > max) {
        let mut gap = None;
        for (i, range) in entry.ranges.iter().enumerate() {
            match range {
                Range::Ordered(range) => {
                    let Ok(v) = installed.get(range.scheme()) else { continue };
                    if let Some(evidence) = contains(range, i, v).filter(open_ended) {
                        let evidence = match evidence {
                            Evidence::Range { range, kind, introduced, fixed, last_affected, limit, .. } => {
                                Evidence::Range {
                                    range,
                                    kind,
                                    introduced,
                                    fixed,
                                    last_affected,
                                    limit,
                                    beyond_list: true,
                                }
                            }
                            listed @ Evidence::Listed { .. } => listed,
                        };
                        return Some(MatchOutcome::Affected { evidence, fixed_in: None });
                    }
                }
                Range::Invalid(invalid) => {
                    gap.get_or_insert(MatchOutcome::Undecidable {
                        reason: Undecidable::Range { range: i, reason: &invalid.reason },
                    });
                }
                Range::Git(_) => {}
            }
        }
        return gap;
    }
    None
}

fn open_ended(evidence: &Evidence<'_>) -> bool {
    matches!(evidence, Evidence::Range { fixed: None, last_affected: None, limit: None, .. })
}

fn evaluate_ranges<'e>(entry: &'e Affected, installed: &Installed<'e>) -> Option<MatchOutcome<'e>> {
    let mut gap: Option<MatchOutcome<'e>> = None;
    let mut evaluated = false;
    for (i, range) in entry.ranges.iter().enumerate() {
        match range {
            Range::Ordered(range) => match installed.get(range.scheme()) {
                Ok(v) => {
                    evaluated = true;
                    if let Some(evidence) = contains(range, i, v) {
                        return Some(MatchOutcome::Affected { evidence, fixed_in: fixed_above(entry, installed) });
                    }
                }
                Err(err) => {
                    gap.get_or_insert_with(|| installed.undecidable(err));
                }
            },
            Range::Git(_) => {}
            Range::Invalid(invalid) => {
                gap.get_or_insert_with(|| MatchOutcome::Undecidable {
                    reason: Undecidable::Range { range: i, reason: &invalid.reason },
                });
            }
        }
    }
    match gap {
        Some(gap) => Some(gap),
        None if !evaluated => Some(MatchOutcome::Undecidable { reason: Undecidable::NoVersionRange }),
        None => None,
    }
}

impl OrderedRange {
    /// Whether the range includes `v` (parsed in [`OrderedRange::scheme`]).
    pub fn includes(&self, v: &Version) -> bool {
        contains(self, 0, v).is_some()
    }
}

/// Whether `range` includes `v`, and the events that say so.
///
/// The events are sorted, so the ones that have "fired" for `v` (`introduced` and `fixed` at or below it,
/// `last_affected` below it) are a prefix, bar `last_affected` events at exactly `v`; the state after the prefix is
/// the effect of its last firing event, found by binary search and a short step back.
pub(crate) fn contains<'e>(range: &'e OrderedRange, index: usize, v: &Version) -> Option<Evidence<'e>> {
    let limits = range.limits();
    let under_limit = limits.iter().find(|l| l.at.cmp_version(v).is_gt());
    if !limits.is_empty() && under_limit.is_none() {
        return None;
    }
    let events = range.events();
    let end = events.partition_point(|e| e.at.le(v));
    let fired =
        events.get(..end)?.iter().rposition(|e| !(e.kind == EventKind::LastAffected && e.at.cmp_version(v).is_eq()))?;
    let opened = events.get(fired)?;
    if opened.kind != EventKind::Introduced {
        return None;
    }
    let closing = events.get(fired + 1..).and_then(|rest| rest.iter().find(|e| e.kind != EventKind::Introduced));
    let closing_of = |kind: EventKind| closing.filter(|e| e.kind == kind).map(|e| e.raw.as_str());
    Some(Evidence::Range {
        range: index,
        kind: range.kind(),
        introduced: &opened.raw,
        fixed: closing_of(EventKind::Fixed),
        last_affected: closing_of(EventKind::LastAffected),
        limit: under_limit.map(|l| l.raw.as_str()),
        beyond_list: false,
    })
}

/// The lowest `fixed` version above the installed one, across the entry's ranges, that the entry does not itself
/// say is affected (overlapping ranges, or a `versions` list naming a version its ranges call fixed, can make a
/// `fixed` event of one range fall inside another's interval; such a version is no fix).
fn fixed_above<'e>(entry: &'e Affected, installed: &Installed<'_>) -> Option<&'e str> {
    let mut candidates: Vec<(VersionScheme, &'e Version, &'e str)> = Vec::new();
    for range in &entry.ranges {
        let Range::Ordered(range) = range else { continue };
        let Ok(v) = installed.get(range.scheme()) else { continue };
        let events = range.events();
        let after = events.partition_point(|e| e.at.le(v));
        for e in events.get(after..).unwrap_or_default() {
            if let (EventKind::Fixed, Bound::Version(at)) = (e.kind, &e.at) {
                candidates.push((range.scheme(), at, &e.raw));
            }
        }
    }
    candidates.sort_by(|a, b| a.1.cmp(b.1));
    candidates.into_iter().find(|(scheme, at, _)| !affects(entry, *scheme, at)).map(|(_, _, raw)| raw)
}

/// Whether the entry says `v` (parsed in `scheme`) is affected, by its list where it has one, else by its ranges.
fn affects(entry: &Affected, scheme: VersionScheme, v: &Version) -> bool {
    if entry.has_version_list() && scheme == VersionScheme::Ecosystem(entry.ecosystem) {
        return entry.versions.find(v).is_some();
    }
    entry.ranges.iter().any(|r| matches!(r, Range::Ordered(r) if r.scheme() == scheme && r.includes(v)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::osv::Osv;
    use crate::validate::validate;

    /// The outcome of the only entry of a one-entry advisory, written as JSON `affected[0]` members (the advisory
    /// is leaked: the outcome borrows from it).
    fn outcome(eco: &str, entry: &str, version: &'static str) -> Option<MatchOutcome<'static>> {
        let doc = format!(
            r#"{{"id":"T-1","modified":"2024-01-01T00:00:00Z","affected":[{{"package":{{"ecosystem":"{eco}","name":"p"}},{entry}}}]}}"#
        );
        let advisory: &'static Advisory =
            Box::leak(Box::new(validate(Osv::parse(doc.as_bytes()).unwrap(), None).advisory.unwrap()));
        let entry = &advisory.affected[0];
        evaluate(entry, &Installed::new(entry.ecosystem, version))
    }

    fn affected(eco: &str, entry: &str, version: &'static str) -> bool {
        matches!(outcome(eco, entry, version), Some(MatchOutcome::Affected { .. }))
    }

    fn fixed_in(eco: &str, entry: &str, version: &'static str) -> Option<&'static str> {
        match outcome(eco, entry, version) {
            Some(MatchOutcome::Affected { fixed_in, .. }) => fixed_in,
            other => panic!("{other:?}"),
        }
    }

    const PAIRS: &str = r#""ranges":[{"type":"ECOSYSTEM","events":[
        {"introduced":"0"},{"fixed":"1.2"},{"introduced":"2.0"},{"fixed":"2.3.1"},{"introduced":"3.0"}]}]"#;

    #[test]
    fn several_introduced_fixed_pairs() {
        for (v, want) in [("0.1", true), ("1.1.9", true), ("1.2", false), ("1.9", false), ("2.0", true), ("2.3", true)]
        {
            assert_eq!(affected("PyPI", PAIRS, v), want, "{v}");
        }
        for (v, want) in [("2.3.1", false), ("2.9", false), ("3.0", true), ("99", true), ("2.0rc1", false)] {
            assert_eq!(affected("PyPI", PAIRS, v), want, "{v}");
        }
        assert_eq!(fixed_in("PyPI", PAIRS, "1.0"), Some("1.2"));
        assert_eq!(fixed_in("PyPI", PAIRS, "2.1"), Some("2.3.1"));
        assert_eq!(fixed_in("PyPI", PAIRS, "3.1"), None);
    }

    #[test]
    fn unsorted_events_are_evaluated_in_version_order() {
        let unsorted = r#""ranges":[{"type":"ECOSYSTEM","events":[
            {"fixed":"2.3.1"},{"introduced":"3.0"},{"introduced":"2.0"},{"fixed":"1.2"},{"introduced":"0"}]}]"#;
        for v in ["0.1", "1.2", "2.0", "2.3.1", "3.0", "1!0.1"] {
            assert_eq!(affected("PyPI", unsorted, v), affected("PyPI", PAIRS, v), "{v}");
        }
    }

    #[test]
    fn last_affected_is_inclusive() {
        let entry = r#""ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"last_affected":"1.4.2"}]}]"#;
        assert!(!affected("npm", entry, "0.9.9"));
        assert!(affected("npm", entry, "1.0.0"));
        assert!(affected("npm", entry, "1.4.2"));
        assert!(!affected("npm", entry, "1.4.3"));
        assert!(!affected("npm", entry, "1.4.3-alpha"));
        assert_eq!(fixed_in("npm", entry, "1.4.2"), None);
        match outcome("npm", entry, "1.4.2") {
            Some(MatchOutcome::Affected { evidence: Evidence::Range { last_affected, fixed, .. }, .. }) => {
                assert_eq!((last_affected, fixed), (Some("1.4.2"), None));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn limit_caps_the_range() {
        let entry = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"limit":"2.0"}]}]"#;
        assert!(affected("PyPI", entry, "1.9"));
        assert!(!affected("PyPI", entry, "2.0"));
        assert!(!affected("PyPI", entry, "3.0"));
        let two = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"limit":"2.0"},{"limit":"3.0"}]}]"#;
        assert!(affected("PyPI", two, "2.5"));
        assert!(!affected("PyPI", two, "3.0"));
        assert!(!affected("PyPI", two, "0.5"));
    }

    #[test]
    fn introduced_zero_is_before_everything() {
        let entry = r#""ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.0.1"}]}]"#;
        assert!(affected("crates.io", entry, "0.0.0"));
        assert!(affected("crates.io", entry, "0.0.1-alpha.1"));
        assert!(!affected("crates.io", entry, "0.0.1"));
        let pep = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]"#;
        assert!(affected("PyPI", pep, "0.0.dev0"));
    }

    #[test]
    fn semver_and_ecosystem_ranges_follow_their_scheme() {
        // An ECOSYSTEM range of npm uses node-semver: `v1.2.3` and `1.2` are versions.
        let eco = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"fixed":"1.2.0"}]}]"#;
        assert!(affected("npm", eco, "v1.1.0"));
        // A SEMVER range of PyPI is strict SemVer 2.0.0, as the schema defines the type: a PEP 440 version that is
        // not SemVer cannot be compared, which is reported, not dropped.
        let semver = r#""ranges":[{"type":"SEMVER","events":[{"introduced":"1.0.0"},{"fixed":"1.2.0"}]}]"#;
        assert!(affected("PyPI", semver, "1.1.0"));
        assert!(!affected("PyPI", semver, "1.2.0"));
        assert!(matches!(
            outcome("PyPI", semver, "1.1"),
            Some(MatchOutcome::Undecidable { reason: Undecidable::InstalledVersion { .. } })
        ));
        // In PEP 440 `1.1.0rc1` is a pre-release of 1.1.0, in SemVer `1.1.0-rc.1` is.
        assert!(affected("PyPI", semver, "1.1.0-rc.1"));
    }

    #[test]
    fn maven_and_nuget_versions_compare_in_their_schemes() {
        let maven = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.0-beta9"},{"fixed":"2.15.0"}]}]"#;
        assert!(affected("Maven", maven, "2.14.1"));
        assert!(affected("Maven", maven, "2.0-BETA9"));
        assert!(affected("Maven", maven, "2.15.0-rc1"));
        assert!(!affected("Maven", maven, "2.15"));
        assert!(!affected("Maven", maven, "2.15.0.0"));
        let nuget = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"13.0.1"}]}]"#;
        assert!(affected("NuGet", nuget, "12.0.3"));
        assert!(affected("NuGet", nuget, "13.0.1-BETA1"));
        assert!(!affected("NuGet", nuget, "13.0.1.0"));
    }

    #[test]
    fn go_pseudo_versions_and_stdlib() {
        let xnet = r#""ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"0.0.0-20220906165146-f3363e06e74c"}]}]"#;
        assert!(affected("Go", xnet, "v0.0.0-20220722155237-a158d28d115b"));
        assert!(!affected("Go", xnet, "v0.0.0-20220906165146-f3363e06e74c"));
        assert!(!affected("Go", xnet, "v0.1.0"));
        assert!(!affected("Go", xnet, "v0.0.0-20221004154528-8021a29435af"));
        let stdlib = r#""ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.18.6"},{"introduced":"1.19.0-0"},{"fixed":"1.19.1"}]}]"#;
        assert!(affected("Go", stdlib, "1.18.5"));
        assert!(affected("Go", stdlib, "go1.19"));
        assert!(affected("Go", stdlib, "1.19.0-rc.2"));
        assert!(!affected("Go", stdlib, "1.19.1"));
        assert!(!affected("Go", stdlib, "1.18.6"));
        assert_eq!(fixed_in("Go", stdlib, "1.19.0"), Some("1.19.1"));
    }

    #[test]
    fn git_ranges_are_never_evaluated() {
        let git = r#""ranges":[{"type":"GIT","repo":"https://x","events":[{"introduced":"0"},{"fixed":"abcdef"}]}]"#;
        assert_eq!(
            outcome("PyPI", git, "1.0"),
            Some(MatchOutcome::Undecidable { reason: Undecidable::NoVersionRange })
        );
        let both = r#""ranges":[{"type":"GIT","repo":"https://x","events":[{"introduced":"0"},{"fixed":"1.5"}]},
            {"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"fixed":"2.0"}]}]"#;
        assert!(!affected("PyPI", both, "0.5"));
        match outcome("PyPI", both, "1.6") {
            Some(MatchOutcome::Affected { evidence: Evidence::Range { range: 1, .. }, fixed_in }) => {
                assert_eq!(fixed_in, Some("2.0"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn explicit_versions_decide() {
        // 1.5 is listed though the range excludes it; 1.1rc1 is in the range but not listed.
        let entry = r#""versions":["1.0","1.1","1.5","weird-tag"],
            "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"fixed":"1.2"}]}]"#;
        assert!(affected("PyPI", entry, "1.5"));
        assert!(affected("PyPI", entry, "1.0.0"));
        assert!(!affected("PyPI", entry, "1.1rc1"));
        assert!(affected("PyPI", entry, "weird-tag"));
        assert_eq!(fixed_in("PyPI", entry, "1.0"), Some("1.2"));
        assert!(matches!(
            outcome("PyPI", entry, "other tag"),
            Some(MatchOutcome::Undecidable { reason: Undecidable::InstalledVersion { .. } })
        ));
        // An open range goes on above the list: releases after the list was written.
        let open = r#""versions":["1.0","1.1"],"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"}]}]"#;
        assert!(affected("PyPI", open, "1.3"));
        assert!(!affected("PyPI", open, "1.0.post1"));
        // An empty list is no list (crates.io writes `"versions": []`).
        let empty = r#""versions":[],"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.0.0"}]}]"#;
        assert!(affected("crates.io", empty, "0.9.0"));
    }

    #[test]
    fn unreadable_data_is_undecidable_not_unaffected() {
        // PEP 440 takes any one word as a legacy version; a space makes it unparsable.
        let bad = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0 x"}]}]"#;
        assert!(matches!(
            outcome("PyPI", bad, "0.5"),
            Some(MatchOutcome::Undecidable { reason: Undecidable::Range { range: 0, .. } })
        ));
        // …unless another range says "affected".
        let mixed = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0 x"}]},
            {"type":"ECOSYSTEM","events":[{"introduced":"0.1"},{"fixed":"0.9"}]}]"#;
        assert!(affected("PyPI", mixed, "0.5"));
        assert!(matches!(outcome("PyPI", mixed, "0.95"), Some(MatchOutcome::Undecidable { .. })));
        let plain = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.0"}]}]"#;
        assert!(matches!(
            outcome("PyPI", plain, "not a version"),
            Some(MatchOutcome::Undecidable { reason: Undecidable::InstalledVersion { .. } })
        ));
        let nothing = r#""ranges":[]"#;
        assert_eq!(
            outcome("PyPI", nothing, "1.0"),
            Some(MatchOutcome::Undecidable { reason: Undecidable::NoVersionRange })
        );
    }

    #[test]
    fn fixed_in_is_a_version_the_entry_does_not_call_affected() {
        // Overlapping ranges: 1.6 closes the first range but lies inside the second.
        let overlap = r#""ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.6"}]},
            {"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"fixed":"2.0"}]}]"#;
        assert_eq!(fixed_in("PyPI", overlap, "1.5"), Some("2.0"));
        assert_eq!(fixed_in("PyPI", overlap, "0.5"), Some("2.0"));
        // A list naming the range's fixed version: that version is no fix, and nothing later is known.
        let listed =
            r#""versions":["1.0","1.2"],"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2"}]}]"#;
        assert_eq!(fixed_in("PyPI", listed, "1.0"), None);
    }

    #[test]
    fn equal_introduced_and_fixed_is_empty() {
        let entry = r#""ranges":[{"type":"ECOSYSTEM","events":[{"fixed":"1.0"},{"introduced":"1.0"}]}]"#;
        assert!(!affected("PyPI", entry, "1.0"));
        assert!(!affected("PyPI", entry, "0.9"));
    }
}
