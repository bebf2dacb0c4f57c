//! The boundary: an [`Osv`] document becomes an [`Advisory`] whose every part can be matched, or whose unreadable
//! parts say why they cannot be.
//!
//! * Ecosystems are parsed to [`Ecosystem`]; an entry of any other ecosystem (`Debian:11`, `Hex`, …) is counted
//!   and skipped. Suffixes are not stripped.
//! * Every range event version is parsed with the range's scheme ([`VersionScheme`]); `introduced: "0"` is the
//!   sentinel "from the beginning" ([`Bound::Zero`]) and is never parsed. A range that cannot be read is kept as
//!   [`Range::Invalid`] with the reason, and a package of that name is then reported as "could not evaluate".
//! * `GIT` ranges are kept ([`Range::Git`]) and never matched against package versions.
//! * Explicit `versions` lists are parsed; a listed version the scheme refuses is kept as written and matched by
//!   exact string equality. [`validate`] parses them at once (and counts what it refuses); opening a stored
//!   database defers the parse of each list to its first lookup ([`VersionList`]), which gives the same list.
//! * Withdrawn advisories are kept, flagged ([`Advisory::withdrawn`]); matching skips them.
//!
//! Every problem is returned as a [`Problem`] for [`LoadStats`](crate::LoadStats) to count; nothing here panics.

use std::cmp::Ordering;
use std::fmt;
use std::sync::OnceLock;

use warden_core::{Ecosystem, normalize_name};
use warden_versions::{Version, VersionError, semver};

use crate::osv::{self, Json, Osv};
use crate::stats::{NO_ECOSYSTEM, Problem, ProblemKind};
use crate::time::parse_rfc3339;

/// A validated advisory.
#[derive(Debug, Clone)]
pub struct Advisory {
    pub id: String,
    /// As written (the diff between imports compares it).
    pub modified: String,
    /// `modified` in seconds since the epoch, when it is RFC 3339.
    pub modified_at: Option<i64>,
    pub published: Option<String>,
    pub published_at: Option<i64>,
    /// When set, the advisory was withdrawn: it is kept and never matched.
    pub withdrawn: Option<String>,
    pub aliases: Vec<String>,
    pub related: Vec<String>,
    pub summary: Option<String>,
    pub details: Option<String>,
    pub severity: Vec<osv::Severity>,
    pub references: Vec<osv::Reference>,
    pub database_specific: Option<Json>,
    /// The affected entries of ecosystems Warden scans, in document order (entries of other ecosystems and without
    /// a package name are dropped).
    pub affected: Vec<Affected>,
    /// Set when the document was not valid OSV: only the package names were recovered (see [`osv::Osv::malformed`]).
    pub malformed: Option<String>,
}

impl Advisory {
    pub fn is_withdrawn(&self) -> bool {
        self.withdrawn.is_some()
    }

    /// The (ecosystem, normalized name) of every affected package: what a change to this advisory can touch.
    pub fn packages(&self) -> impl Iterator<Item = (Ecosystem, &str)> {
        self.affected.iter().map(|a| (a.ecosystem, a.normalized_name()))
    }
}

/// One validated `affected` entry.
#[derive(Debug, Clone)]
pub struct Affected {
    pub ecosystem: Ecosystem,
    /// As the advisory writes it.
    pub name: String,
    normalized: String,
    pub purl: Option<String>,
    pub ranges: Vec<Range>,
    pub versions: VersionList,
    pub severity: Vec<osv::Severity>,
    pub ecosystem_specific: Option<Json>,
    pub database_specific: Option<Json>,
}

impl Affected {
    /// The name under [`normalize_name`]: the index key.
    pub fn normalized_name(&self) -> &str {
        &self.normalized
    }

    /// Whether an explicit, non-empty `versions` list decides for this entry (see [`crate::matcher`]).
    pub fn has_version_list(&self) -> bool {
        !self.versions.is_empty()
    }
}

/// One validated range.
#[derive(Debug, Clone)]
pub enum Range {
    /// `ECOSYSTEM` or `SEMVER`: evaluated against package versions.
    Ordered(OrderedRange),
    /// `GIT`: commit hashes, kept for reference and never evaluated against package versions.
    Git(GitRange),
    /// A range that could not be read: any package of this entry's name is "could not evaluate".
    Invalid(InvalidRange),
}

/// The two range types whose events are versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeKind {
    Ecosystem,
    Semver,
}

impl RangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RangeKind::Ecosystem => "ECOSYSTEM",
            RangeKind::Semver => "SEMVER",
        }
    }
}

/// How the events of a range, and the installed version compared with them, are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VersionScheme {
    /// The ecosystem's own scheme: every `ECOSYSTEM` range, and `SEMVER` ranges of npm, crates.io and Go (whose
    /// schemes are SemVer already; Go's also takes the `v` prefix and toolchain tags).
    Ecosystem(Ecosystem),
    /// Strict SemVer 2.0.0: a `SEMVER` range in an ecosystem whose own scheme is not SemVer (PyPI, Maven, …), as
    /// the OSV schema defines the type.
    SemVer,
}

impl VersionScheme {
    /// The scheme of a range of `kind` in `ecosystem`.
    pub fn of(kind: RangeKind, ecosystem: Ecosystem) -> VersionScheme {
        match (kind, ecosystem) {
            (RangeKind::Ecosystem, eco)
            | (RangeKind::Semver, eco @ (Ecosystem::Npm | Ecosystem::CratesIo | Ecosystem::Go)) => {
                VersionScheme::Ecosystem(eco)
            }
            (RangeKind::Semver, _) => VersionScheme::SemVer,
        }
    }

    pub fn parse(self, s: &str) -> Result<Version, VersionError> {
        match self {
            VersionScheme::Ecosystem(eco) => warden_versions::parse(eco, s),
            VersionScheme::SemVer => semver::Version::parse(s, semver::Mode::Strict).map(Version::Semver),
        }
    }
}

/// An `ECOSYSTEM` or `SEMVER` range with every version parsed. Its events are sorted (OSV evaluates them in version
/// order, whatever order the document wrote), `limit` events apart.
#[derive(Debug, Clone)]
pub struct OrderedRange {
    kind: RangeKind,
    scheme: VersionScheme,
    events: Vec<Event>,
    limits: Vec<Event>,
}

impl OrderedRange {
    pub fn kind(&self) -> RangeKind {
        self.kind
    }

    pub fn scheme(&self) -> VersionScheme {
        self.scheme
    }

    /// The `introduced`, `fixed` and `last_affected` events in evaluation order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The `limit` events.
    pub fn limits(&self) -> &[Event] {
        &self.limits
    }
}

/// One event of an [`OrderedRange`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub kind: EventKind,
    pub at: Bound,
    /// As the advisory writes it (shown in explanations and `fixed_in`).
    pub raw: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    Introduced,
    Fixed,
    LastAffected,
    Limit,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Introduced => "introduced",
            EventKind::Fixed => "fixed",
            EventKind::LastAffected => "last_affected",
            EventKind::Limit => "limit",
        }
    }
}

/// Where an event sits: `introduced: "0"` is [`Bound::Zero`], below every version.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bound {
    Zero,
    Version(Version),
}

impl Bound {
    /// Whether this bound is at or below `v`.
    pub fn le(&self, v: &Version) -> bool {
        match self {
            Bound::Zero => true,
            Bound::Version(at) => at <= v,
        }
    }

    pub fn cmp_version(&self, v: &Version) -> Ordering {
        match self {
            Bound::Zero => Ordering::Less,
            Bound::Version(at) => at.cmp(v),
        }
    }
}

/// A `GIT` range: kept, never matched against package versions.
#[derive(Debug, Clone)]
pub struct GitRange {
    pub repo: Option<String>,
    pub events: Vec<osv::Event>,
}

/// A range that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRange {
    /// The range `type` as written.
    pub kind: String,
    pub reason: String,
    /// [`ProblemKind::MalformedRange`], [`ProblemKind::UnparsableVersion`] or [`ProblemKind::MalformedDocument`].
    pub problem: ProblemKind,
}

/// An explicit `versions` list: the versions as written, and, parsed on first use (or at once by [`validate`]),
/// the ones the scheme accepts sorted for binary search, the ones it refuses kept as written.
///
/// The parse is deferred so that opening a database does not parse the ~140,000 versions the PyPI advisories list
/// (most of the cost of an open) when a scan looks up a handful of packages. It is deterministic: a deferred list
/// parses to exactly what an import's eager parse made of it, so matching does not depend on when it happened.
#[derive(Debug, Clone, Default)]
pub struct VersionList {
    /// `None` only for the empty default list.
    ecosystem: Option<Ecosystem>,
    raw: Vec<String>,
    parsed: OnceLock<ParsedList>,
}

/// A [`VersionList`] parsed: positions in its `raw`.
#[derive(Debug, Clone, Default)]
struct ParsedList {
    /// The versions the scheme accepts, in version order (equal ones in list order).
    parsed: Vec<(Version, usize)>,
    /// The ones it refuses, in string order.
    unparsed: Vec<usize>,
}

impl ParsedList {
    fn new(ecosystem: Ecosystem, raw: &[String], mut refused: impl FnMut(&VersionError)) -> ParsedList {
        let mut list = ParsedList::default();
        for (i, s) in raw.iter().enumerate() {
            match ecosystem_parse(ecosystem, s) {
                Ok(v) => list.parsed.push((v, i)),
                Err(err) => {
                    refused(&err);
                    list.unparsed.push(i);
                }
            }
        }
        list.parsed.sort_by(|a, b| a.0.cmp(&b.0));
        list.unparsed.sort_by(|&a, &b| raw.get(a).cmp(&raw.get(b)));
        list
    }
}

impl VersionList {
    /// A list whose parse is deferred to its first use.
    fn deferred(ecosystem: Ecosystem, raw: Vec<String>) -> VersionList {
        VersionList { ecosystem: Some(ecosystem), raw, parsed: OnceLock::new() }
    }

    fn parsed(&self) -> &ParsedList {
        self.parsed.get_or_init(|| match self.ecosystem {
            Some(ecosystem) => ParsedList::new(ecosystem, &self.raw, |_| {}),
            None => ParsedList::default(),
        })
    }

    fn raw_at(&self, i: usize) -> &str {
        self.raw.get(i).map_or("", String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    pub fn len(&self) -> usize {
        self.raw.len()
    }

    /// The listed version equal to `v` in the scheme (`1.0` and `1.0.0` are equal in PEP 440), as written.
    pub fn find(&self, v: &Version) -> Option<&str> {
        let parsed = &self.parsed().parsed;
        let at = parsed.binary_search_by(|(listed, _)| listed.cmp(v)).ok()?;
        parsed.get(at).map(|&(_, i)| self.raw_at(i))
    }

    /// The listed version written exactly as `raw` (needs no parse).
    pub fn find_raw(&self, raw: &str) -> Option<&str> {
        self.raw.iter().find(|listed| listed.as_str() == raw).map(String::as_str)
    }

    /// The highest listed version the scheme could parse.
    pub fn max(&self) -> Option<&Version> {
        self.parsed().parsed.last().map(|(v, _)| v)
    }

    /// Every listed version, as written: parsed ones in version order, then the unparsed ones.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let parsed = self.parsed();
        parsed.parsed.iter().map(|&(_, i)| i).chain(parsed.unparsed.iter().copied()).map(|i| self.raw_at(i))
    }
}

/// The result of validating one document: the advisory when it names at least one package Warden scans, and every
/// problem found on the way.
#[derive(Debug)]
pub struct Validated {
    pub advisory: Option<Advisory>,
    pub problems: Vec<Problem>,
}

/// Validates one document. `hint` is the ecosystem the source stands for (the `<Ecosystem>/` folder of the bucket
/// layout), used to attribute problems of the document as a whole.
pub fn validate(osv: Osv, hint: Option<&str>) -> Validated {
    validate_with(osv, hint, Lists::Parse)
}

/// Validates a document of a stored database, which its import validated: `versions` lists are left to be parsed
/// on first use and their problems (counted by the import) are not counted again.
pub(crate) fn validate_stored(osv: Osv) -> Option<Advisory> {
    validate_with(osv, None, Lists::Defer).advisory
}

/// When `versions` lists are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lists {
    /// Now, counting the versions the scheme refuses.
    Parse,
    /// On first use.
    Defer,
}

fn validate_with(osv: Osv, hint: Option<&str>, lists: Lists) -> Validated {
    let doc_eco = osv
        .affected
        .iter()
        .find_map(|a| a.package.as_ref().map(|p| p.ecosystem.clone()).filter(|e| !e.is_empty()))
        .or_else(|| hint.map(str::to_string))
        .unwrap_or_else(|| NO_ECOSYSTEM.to_string());
    let mut sink = Sink { advisory: osv.id.clone(), problems: Vec::new() };
    if osv.id.trim().is_empty() {
        sink.push(ProblemKind::UnreadableDocument, &doc_eco, "empty id".to_string());
        return Validated { advisory: None, problems: sink.problems };
    }
    if let Some(message) = &osv.malformed {
        sink.push(ProblemKind::MalformedDocument, &doc_eco, message.clone());
    }
    let modified_at = if osv.modified.is_empty() {
        if osv.malformed.is_none() {
            sink.push(ProblemKind::BadTimestamp, &doc_eco, "no modified time".to_string());
        }
        None
    } else {
        sink.timestamp(&doc_eco, "modified", Some(&osv.modified))
    };
    let published_at = sink.timestamp(&doc_eco, "published", osv.published.as_deref());
    sink.timestamp(&doc_eco, "withdrawn", osv.withdrawn.as_deref());

    if osv.affected.is_empty() {
        sink.push(ProblemKind::NoAffectedPackage, &doc_eco, "no affected entries".to_string());
        return Validated { advisory: None, problems: sink.problems };
    }
    let mut affected = Vec::with_capacity(osv.affected.len());
    for (index, entry) in osv.affected.into_iter().enumerate() {
        if let Some(entry) = validate_entry(entry, index, osv.malformed.as_deref(), lists, &mut sink) {
            affected.push(entry);
        }
    }
    if affected.is_empty() {
        return Validated { advisory: None, problems: sink.problems };
    }
    let advisory = Advisory {
        id: osv.id,
        modified: osv.modified,
        modified_at,
        published: osv.published,
        published_at,
        withdrawn: osv.withdrawn,
        aliases: osv.aliases,
        related: osv.related,
        summary: osv.summary,
        details: osv.details,
        severity: osv.severity,
        references: osv.references,
        database_specific: osv.database_specific,
        affected,
        malformed: osv.malformed,
    };
    Validated { advisory: Some(advisory), problems: sink.problems }
}

/// Collects the problems of one document.
struct Sink {
    advisory: String,
    problems: Vec<Problem>,
}

impl Sink {
    fn push(&mut self, kind: ProblemKind, ecosystem: &str, detail: String) {
        self.problems.push(Problem { kind, ecosystem: ecosystem.to_string(), advisory: self.advisory.clone(), detail });
    }

    fn timestamp(&mut self, ecosystem: &str, field: &str, value: Option<&str>) -> Option<i64> {
        let value = value?;
        let parsed = parse_rfc3339(value);
        if parsed.is_none() {
            self.push(ProblemKind::BadTimestamp, ecosystem, format!("{field} {value:?} is not RFC 3339"));
        }
        parsed
    }
}

fn validate_entry(
    entry: osv::Affected,
    index: usize,
    malformed: Option<&str>,
    lists: Lists,
    sink: &mut Sink,
) -> Option<Affected> {
    let Some(package) = entry.package else {
        sink.push(ProblemKind::MalformedEntry, NO_ECOSYSTEM, format!("affected[{index}] has no package"));
        return None;
    };
    let raw_eco = package.ecosystem.as_str();
    if raw_eco.is_empty() {
        sink.push(ProblemKind::MalformedEntry, NO_ECOSYSTEM, format!("affected[{index}] has no ecosystem"));
        return None;
    }
    let Some(ecosystem) = Ecosystem::ALL.into_iter().find(|e| e.as_str() == raw_eco) else {
        sink.push(ProblemKind::UnknownEcosystem, raw_eco, format!("affected[{index}] {:?}", package.name));
        return None;
    };
    let eco = ecosystem.as_str();
    if package.name.trim().is_empty() {
        sink.push(ProblemKind::MalformedEntry, eco, format!("affected[{index}] has no package name"));
        return None;
    }
    if ecosystem == Ecosystem::Npm && package.name.chars().any(|c| c.is_ascii_uppercase()) {
        sink.push(ProblemKind::NonCanonicalName, eco, format!("npm name {:?} has capital letters", package.name));
    }

    let mut ranges = Vec::with_capacity(entry.ranges.len());
    if let Some(message) = malformed {
        ranges.push(Range::Invalid(InvalidRange {
            kind: String::new(),
            reason: format!("the advisory is not valid OSV ({message})"),
            problem: ProblemKind::MalformedDocument,
        }));
    }
    for (r, range) in entry.ranges.into_iter().enumerate() {
        let validated = validate_range(range, ecosystem);
        if let Range::Invalid(invalid) = &validated {
            sink.push(invalid.problem, eco, format!("{} ranges[{r}]: {}", package.name, invalid.reason));
        }
        ranges.push(validated);
    }

    let list = VersionList::deferred(ecosystem, entry.versions);
    if lists == Lists::Parse {
        let parsed = ParsedList::new(ecosystem, &list.raw, |err| {
            sink.push(ProblemKind::UnparsableListedVersion, eco, format!("{} versions: {err}", package.name));
        });
        let _ = list.parsed.set(parsed);
    }
    if ranges.is_empty() && list.is_empty() {
        sink.push(ProblemKind::MalformedEntry, eco, format!("{} has neither ranges nor versions", package.name));
    }

    Some(Affected {
        ecosystem,
        normalized: normalize_name(ecosystem, &package.name),
        name: package.name,
        purl: package.purl,
        ranges,
        versions: list,
        severity: entry.severity,
        ecosystem_specific: entry.ecosystem_specific,
        database_specific: entry.database_specific,
    })
}

fn ecosystem_parse(ecosystem: Ecosystem, s: &str) -> Result<Version, VersionError> {
    warden_versions::parse(ecosystem, s)
}

/// Validates one range of an entry of `ecosystem`.
pub fn validate_range(range: osv::Range, ecosystem: Ecosystem) -> Range {
    let kind = match range.kind.as_str() {
        "ECOSYSTEM" => RangeKind::Ecosystem,
        "SEMVER" => RangeKind::Semver,
        "GIT" => return Range::Git(GitRange { repo: range.repo, events: range.events }),
        other => return malformed(&range.kind, format!("unknown range type {other:?}")),
    };
    let scheme = VersionScheme::of(kind, ecosystem);
    let mut events = Vec::with_capacity(range.events.len());
    let mut limits = Vec::new();
    for (i, event) in range.events.into_iter().enumerate() {
        let fields = [
            (EventKind::Introduced, event.introduced),
            (EventKind::Fixed, event.fixed),
            (EventKind::LastAffected, event.last_affected),
            (EventKind::Limit, event.limit),
        ];
        let mut set = fields.into_iter().filter_map(|(k, v)| v.map(|v| (k, v)));
        let (Some((kind_of, raw)), None) = (set.next(), set.next()) else {
            return malformed(
                kind.as_str(),
                format!("event {i} must set exactly one of introduced, fixed, last_affected, limit"),
            );
        };
        let at = if kind_of == EventKind::Introduced && raw == "0" {
            Bound::Zero
        } else {
            match scheme.parse(&raw) {
                Ok(v) => Bound::Version(v),
                Err(err) => {
                    return Range::Invalid(InvalidRange {
                        kind: kind.as_str().to_string(),
                        reason: format!("{} {raw:?} is not a valid version: {err}", kind_of.as_str()),
                        problem: ProblemKind::UnparsableVersion,
                    });
                }
            }
        };
        let event = Event { kind: kind_of, at, raw };
        if kind_of == EventKind::Limit {
            limits.push(event);
        } else {
            events.push(event);
        }
    }
    if !events.iter().any(|e| e.kind == EventKind::Introduced) {
        return malformed(kind.as_str(), "no introduced event".to_string());
    }
    // Version order; at one version, `introduced` first, so that `introduced: X, fixed: X` is empty.
    events.sort_by(|a, b| a.at.cmp(&b.at).then(a.kind.cmp(&b.kind)));
    limits.sort_by(|a, b| a.at.cmp(&b.at));
    Range::Ordered(OrderedRange { kind, scheme, events, limits })
}

fn malformed(kind: &str, reason: String) -> Range {
    Range::Invalid(InvalidRange { kind: kind.to_string(), reason, problem: ProblemKind::MalformedRange })
}

impl fmt::Display for OrderedRange {
    /// `SEMVER introduced 0, fixed 1.2.3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.as_str())?;
        for (i, e) in self.events.iter().chain(&self.limits).enumerate() {
            write!(f, "{} {} {}", if i == 0 { "" } else { "," }, e.kind.as_str(), e.raw)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(kind: &str, events: &[(&str, &str)]) -> osv::Range {
        osv::Range {
            kind: kind.to_string(),
            events: events
                .iter()
                .map(|(k, v)| {
                    let v = Some(v.to_string());
                    match *k {
                        "introduced" => osv::Event { introduced: v, ..Default::default() },
                        "fixed" => osv::Event { fixed: v, ..Default::default() },
                        "last_affected" => osv::Event { last_affected: v, ..Default::default() },
                        _ => osv::Event { limit: v, ..Default::default() },
                    }
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn events_are_sorted_and_zero_is_a_sentinel() {
        let Range::Ordered(r) = validate_range(
            range("ECOSYSTEM", &[("fixed", "2.0"), ("introduced", "1.5"), ("fixed", "1.2"), ("introduced", "0")]),
            Ecosystem::PyPI,
        ) else {
            panic!("valid")
        };
        let raws: Vec<&str> = r.events().iter().map(|e| e.raw.as_str()).collect();
        assert_eq!(raws, ["0", "1.2", "1.5", "2.0"]);
        assert_eq!(r.events()[0].at, Bound::Zero);
        assert_eq!(r.to_string(), "ECOSYSTEM introduced 0, fixed 1.2, introduced 1.5, fixed 2.0");
    }

    #[test]
    fn unreadable_ranges_say_why() {
        let bad = |r: Range| match r {
            Range::Invalid(i) => i.reason,
            other => panic!("{other:?}"),
        };
        assert!(
            bad(validate_range(range("ECOSYSTEM", &[("introduced", "not a version!")]), Ecosystem::PyPI))
                .contains("is not a valid version")
        );
        assert!(
            bad(validate_range(range("ECOSYSTEM", &[("fixed", "1.0")]), Ecosystem::PyPI)).contains("no introduced")
        );
        assert!(
            bad(validate_range(range("WEIRD", &[("introduced", "0")]), Ecosystem::PyPI)).contains("unknown range type")
        );
        let two = osv::Range {
            kind: "SEMVER".into(),
            events: vec![osv::Event {
                introduced: Some("0".into()),
                fixed: Some("1.0.0".into()),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert!(bad(validate_range(two, Ecosystem::Npm)).contains("exactly one"));
        // `0` is only a sentinel for `introduced`; strict SemVer refuses it elsewhere.
        assert!(
            bad(validate_range(range("SEMVER", &[("introduced", "0"), ("fixed", "0")]), Ecosystem::CratesIo))
                .contains("is not a valid version")
        );
    }

    #[test]
    fn semver_ranges_outside_semver_ecosystems_use_strict_semver() {
        assert_eq!(VersionScheme::of(RangeKind::Semver, Ecosystem::PyPI), VersionScheme::SemVer);
        assert_eq!(VersionScheme::of(RangeKind::Semver, Ecosystem::Go), VersionScheme::Ecosystem(Ecosystem::Go));
        assert!(matches!(
            validate_range(range("SEMVER", &[("introduced", "1.0")]), Ecosystem::PyPI),
            Range::Invalid(_)
        ));
        assert!(matches!(
            validate_range(range("ECOSYSTEM", &[("introduced", "1.0")]), Ecosystem::PyPI),
            Range::Ordered(_)
        ));
        assert!(matches!(validate_range(range("GIT", &[("introduced", "abc123")]), Ecosystem::PyPI), Range::Git(_)));
    }

    #[test]
    fn problems_are_counted_not_fatal() {
        let doc = br#"{"id":"X-1","modified":"yesterday","affected":[
            {"package":{"ecosystem":"Debian:11","name":"openssl"}},
            {"package":{"ecosystem":"PyPI","name":"Foo_Bar"},"versions":["1.0","not a version!"],
             "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.x y"}]}]},
            {"package":{"ecosystem":"npm","name":"Axios"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]},
            {"package":{"ecosystem":"npm","name":""}},
            {"package":{"ecosystem":"Go","name":"example.com/m"}}]}"#;
        let v = validate(Osv::parse(doc).unwrap(), Some("PyPI"));
        let kinds: Vec<ProblemKind> = v.problems.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::BadTimestamp,
                ProblemKind::UnknownEcosystem,
                ProblemKind::UnparsableVersion,
                ProblemKind::UnparsableListedVersion,
                ProblemKind::NonCanonicalName,
                ProblemKind::MalformedEntry,
                ProblemKind::MalformedEntry,
            ]
        );
        let a = v.advisory.unwrap();
        assert_eq!(a.affected.len(), 3);
        assert_eq!(a.affected[0].normalized_name(), "foo-bar");
        assert_eq!(a.affected[0].versions.iter().collect::<Vec<_>>(), ["1.0", "not a version!"]);
        assert_eq!(a.modified_at, None);
        assert_eq!(v.problems[1].ecosystem, "Debian:11");
    }

    #[test]
    fn a_deferred_list_parses_to_the_eager_one() {
        let doc = br#"{"id":"X-2","modified":"2024-01-01T00:00:00Z","affected":[
            {"package":{"ecosystem":"PyPI","name":"p"},
             "versions":["2.0","1.0.0","zz top","1.0","0.9","a b","1.10"]}]}"#;
        let eager = validate(Osv::parse(doc).unwrap(), None);
        assert_eq!(eager.problems.iter().filter(|p| p.kind == ProblemKind::UnparsableListedVersion).count(), 2);
        let eager = eager.advisory.unwrap();
        let deferred = validate_stored(Osv::parse(doc).unwrap()).unwrap();
        let (eager, deferred) = (&eager.affected[0].versions, &deferred.affected[0].versions);
        assert!(eager.parsed.get().is_some(), "validate parses at once");
        assert!(deferred.parsed.get().is_none(), "a stored advisory's list waits for its first use");
        assert_eq!((deferred.len(), deferred.is_empty()), (7, false));
        assert_eq!(deferred.find_raw("a b"), Some("a b"));
        assert!(deferred.parsed.get().is_none(), "find_raw needs no parse");
        assert_eq!(deferred.iter().collect::<Vec<_>>(), eager.iter().collect::<Vec<_>>());
        assert_eq!(eager.iter().collect::<Vec<_>>(), ["0.9", "1.0.0", "1.0", "1.10", "2.0", "a b", "zz top"]);
        let one = ecosystem_parse(Ecosystem::PyPI, "1").unwrap();
        assert_eq!(deferred.find(&one), eager.find(&one));
        assert!(matches!(deferred.find(&one), Some("1.0" | "1.0.0")));
        assert_eq!(deferred.max(), eager.max());
        assert!(VersionList::default().iter().next().is_none());
    }
}
