//! SemVer, for npm (node-semver, loose), crates.io (SemVer 2.0.0 with a few leniencies) and
//! `SEMVER` ranges (strict SemVer 2.0.0).
//!
//! Every mode orders the same way, by SemVer 2.0.0 precedence: `major.minor.patch` numerically
//! (then any extra numeric components, see below), a version with pre-release identifiers before the same version without, identifiers compared
//! left to right (numeric ones numerically and before alphanumeric ones, alphanumeric ones by
//! ASCII byte order, so `Foo < foo`), a shorter list of equal identifiers first. Build metadata
//! is kept for display but ignored by `Ord`, `Eq` and `Hash` (`1.0.0+a == 1.0.0+b`), as
//! node-semver and the SemVer spec do.
//!
//! Numbers are unbounded (node-semver refuses values over 2^53 − 1 and Cargo's `semver` crate
//! over 2^64 − 1; the SemVer spec sets no limit, and ordering them is well defined).
//!
//! [`Mode::Npm`] accepts what node-semver's loose parser accepts, plus partial versions:
//! * surrounding whitespace, and any run of `v`, `=` and spaces before the number (`v1.2.3`,
//!   `=1.2.3`, `=v1.2.3`);
//! * leading zeros in numbers (`01.2.3` = `1.2.3`, pre-release `-01` = `-1`);
//! * a pre-release without its hyphen (`1.2.3beta.1` = `1.2.3-beta.1`);
//! * **an extension**: one or two components, the missing ones taken as 0 (`1.2` = `1.2.0`,
//!   `1` = `1.0.0`), as npm's `semver.coerce` and OSV's `introduced: "0"` read them.
//!
//! * **an extension**: more than three numeric components (`1.1.3.4.5`). node-semver refuses
//!   them (its loose regex does accept `2.2.01.0`, by backtracking into `2.2.0-1.0`; that
//!   accident is not reproduced). The extra components compare as numbers after the patch,
//!   a missing one counting as 0 (`1.2.3 < 1.2.3.4 < 1.2.3.4.1`, `1.2.3.0 = 1.2.3`), as OSV's
//!   own SemVer comparison reads them; `Display` drops trailing zero components.
//!
//! [`Mode::CratesIo`] is the SemVer 2.0.0 grammar plus three leniencies, for versions Cargo
//! itself refuses but which appear in the fixtures: one leading `v` or `V` (`v1.2.3 = 1.2.3`),
//! one or two components with the missing ones taken as 0 (`1` = `1.0.0`), and more than three
//! numeric components, as in npm mode. Advisories only carry versions Cargo accepts, so the
//! leniencies change no match; no leading zeros, no surrounding whitespace. The bare string
//! `0` stays refused: no crate has that version, and in OSV data it is only the `introduced`
//! sentinel, which the advisory layer reads itself (so `fixed: "0"` in a crates.io range is
//! still an error, as with strict SemVer).
//!
//! [`Mode::Strict`] accepts exactly the SemVer 2.0.0 grammar: three components without leading
//! zeros, no prefix, no surrounding whitespace. (OSV `SEMVER` ranges of other ecosystems.)

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::num::{Num, all_digits};
use crate::{Scheme, VersionError, precheck};

/// How strictly to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// npm: node-semver's loose grammar plus partial versions (see the module documentation).
    Npm,
    /// crates.io: the SemVer 2.0.0 grammar plus a `v` prefix, partial versions and extra
    /// numeric components (see the module documentation).
    CratesIo,
    /// The SemVer 2.0.0 grammar exactly.
    Strict,
}

/// A pre-release identifier; numeric identifiers sort before alphanumeric ones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Ident {
    Num(Num),
    Alpha(String),
}

/// A SemVer version.
#[derive(Debug, Clone)]
pub struct Version {
    major: Num,
    minor: Num,
    patch: Num,
    /// Numeric components after the patch, trailing zeros dropped.
    extra: Vec<Num>,
    pre: Vec<Ident>,
    build: Vec<String>,
}

impl Version {
    /// Parses `s` under `mode`.
    pub fn parse(s: &str, mode: Mode) -> Result<Version, VersionError> {
        let rules = match mode {
            Mode::Npm => Rules::NPM,
            Mode::CratesIo => Rules::CRATES_IO,
            Mode::Strict => Rules::STRICT,
        };
        if mode == Mode::CratesIo && s == "0" {
            return Err(VersionError::invalid(
                rules.scheme,
                s,
                "a bare `0` is OSV's `introduced` sentinel, not a crate version",
            ));
        }
        parse_with(s, &rules)
    }

    /// Whether this version has pre-release identifiers.
    pub fn is_prerelease(&self) -> bool {
        !self.pre.is_empty()
    }

    /// The build metadata identifiers (ignored by the ordering).
    pub fn build(&self) -> &[String] {
        &self.build
    }

    pub(crate) fn new_release(major: Num, minor: Num, patch: Num) -> Version {
        Version { major, minor, patch, extra: Vec::new(), pre: Vec::new(), build: Vec::new() }
    }

    pub(crate) fn with_pre(mut self, pre: Vec<Ident>) -> Version {
        self.pre = pre;
        self
    }

    /// `extra` never ends in a zero, so comparing it as a list is comparing it zero-padded.
    fn key(&self) -> (&Num, &Num, &Num, &[Num], bool, &[Ident]) {
        (&self.major, &self.minor, &self.patch, &self.extra, self.pre.is_empty(), &self.pre)
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Version {}

impl Hash for Version {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl fmt::Display for Version {
    /// `major.minor.patch[-pre][+build]`, numbers without leading zeros and without any prefix.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        for n in &self.extra {
            write!(f, ".{n}")?;
        }
        for (i, id) in self.pre.iter().enumerate() {
            f.write_str(if i == 0 { "-" } else { "." })?;
            match id {
                Ident::Num(n) => write!(f, "{n}")?,
                Ident::Alpha(s) => f.write_str(s)?,
            }
        }
        for (i, b) in self.build.iter().enumerate() {
            f.write_str(if i == 0 { "+" } else { "." })?;
            f.write_str(b)?;
        }
        Ok(())
    }
}

/// What a SemVer dialect accepts.
pub(crate) struct Rules {
    pub(crate) scheme: Scheme,
    /// Trim surrounding ASCII whitespace.
    pub(crate) trim: bool,
    /// Skip any run of `v`, `=` and spaces before the number (node-semver loose).
    pub(crate) loose_prefix: bool,
    /// Skip one of these characters before the number (`v` for Go, `v` or `V` for crates.io).
    pub(crate) optional_v: &'static [char],
    /// Accept one or two components; `partial_suffix` also lets a pre-release or build follow.
    pub(crate) partial: bool,
    pub(crate) partial_suffix: bool,
    /// Accept more than three numeric components.
    pub(crate) extra_components: bool,
    /// Accept leading zeros in numbers and numeric pre-release identifiers.
    pub(crate) leading_zeros: bool,
    /// Accept a pre-release without its hyphen.
    pub(crate) hyphenless_pre: bool,
}

impl Rules {
    const NPM: Rules = Rules {
        scheme: Scheme::NodeSemver,
        trim: true,
        loose_prefix: true,
        optional_v: &[],
        partial: true,
        partial_suffix: true,
        extra_components: true,
        leading_zeros: true,
        hyphenless_pre: true,
    };
    const CRATES_IO: Rules = Rules {
        scheme: Scheme::SemVer2,
        trim: false,
        loose_prefix: false,
        optional_v: &['v', 'V'],
        partial: true,
        partial_suffix: true,
        extra_components: true,
        leading_zeros: false,
        hyphenless_pre: false,
    };
    const STRICT: Rules = Rules {
        scheme: Scheme::SemVer2,
        trim: false,
        loose_prefix: false,
        optional_v: &[],
        partial: false,
        partial_suffix: false,
        extra_components: false,
        leading_zeros: false,
        hyphenless_pre: false,
    };
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

pub(crate) fn parse_with(input: &str, rules: &Rules) -> Result<Version, VersionError> {
    let scheme = rules.scheme;
    precheck(scheme, input)?;
    let bad = |reason| VersionError::invalid(scheme, input, reason);
    let mut s = input;
    if rules.trim {
        s = s.trim_matches(|c: char| c.is_ascii_whitespace());
    }
    if s.is_empty() {
        return Err(VersionError::Empty { scheme });
    }
    if rules.loose_prefix {
        s = s.trim_start_matches(|c: char| c == 'v' || c == '=' || c.is_ascii_whitespace());
    } else if let Some(rest) = s.strip_prefix(rules.optional_v) {
        s = rest;
    }

    // The numeric core: dot-separated numbers, three unless the rules allow fewer or more.
    let core_len = s.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let (core, mut rest) = s.split_at_checked(core_len).unwrap_or((s, ""));
    let mut nums = Vec::with_capacity(3);
    for piece in core.split('.') {
        if piece.is_empty() {
            // `1..2`, `1.`, or a core that is not there at all.
            if nums.is_empty() {
                return Err(bad("does not start with a number"));
            }
            return Err(bad("empty version component"));
        }
        if !rules.leading_zeros && piece.len() > 1 && piece.starts_with('0') {
            return Err(bad("leading zero in a version component"));
        }
        nums.push(Num::from_digits(piece));
    }
    if nums.len() > 3 && !rules.extra_components {
        return Err(bad("more than three version components"));
    }
    if nums.len() < 3 {
        if !rules.partial {
            return Err(bad("fewer than three version components"));
        }
        if !rules.partial_suffix && !rest.is_empty() {
            return Err(bad("a shortened version cannot carry a pre-release or build"));
        }
    }
    let mut nums = nums.into_iter();
    let major = nums.next().unwrap_or_else(Num::zero);
    let minor = nums.next().unwrap_or_else(Num::zero);
    let patch = nums.next().unwrap_or_else(Num::zero);
    let mut extra: Vec<Num> = nums.collect();
    while extra.last().is_some_and(Num::is_zero) {
        extra.pop();
    }

    let mut pre = Vec::new();
    let pre_text = if let Some(r) = rest.strip_prefix('-') {
        Some(r)
    } else if rules.hyphenless_pre && rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        Some(rest)
    } else {
        None
    };
    if let Some(text) = pre_text {
        let end = text.find('+').unwrap_or(text.len());
        let (ids, after) = text.split_at_checked(end).unwrap_or((text, ""));
        for id in ids.split('.') {
            if id.is_empty() {
                return Err(bad("empty pre-release identifier"));
            }
            if !id.bytes().all(is_ident_byte) {
                return Err(bad("invalid character in pre-release"));
            }
            if all_digits(id) {
                if !rules.leading_zeros && id.len() > 1 && id.starts_with('0') {
                    return Err(bad("leading zero in a numeric pre-release identifier"));
                }
                pre.push(Ident::Num(Num::from_digits(id)));
            } else {
                pre.push(Ident::Alpha(id.to_owned()));
            }
        }
        rest = after;
    }

    let mut build = Vec::new();
    if let Some(text) = rest.strip_prefix('+') {
        for id in text.split('.') {
            if id.is_empty() {
                return Err(bad("empty build identifier"));
            }
            if !id.bytes().all(is_ident_byte) {
                return Err(bad("invalid character in build metadata"));
            }
            build.push(id.to_owned());
        }
        rest = "";
    }
    if !rest.is_empty() {
        return Err(bad("unexpected characters after the version"));
    }
    Ok(Version { major, minor, patch, extra, pre, build })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn npm(s: &str) -> Version {
        Version::parse(s, Mode::Npm).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn strict(s: &str) -> Version {
        Version::parse(s, Mode::Strict).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn spec_precedence() {
        let order = [
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.1.0",
            "2.0.0",
            "18446744073709551616.0.0",
        ];
        for pair in order.windows(2) {
            assert!(strict(pair[0]) < strict(pair[1]), "{pair:?}");
            assert!(npm(pair[0]) < npm(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn build_metadata_is_ignored_but_kept() {
        let a = strict("1.2.3-beta+build.1");
        let b = strict("1.2.3-beta+other");
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "1.2.3-beta+build.1");
        assert_eq!(a.build(), ["build", "1"]);
        let set: std::collections::HashSet<Version> = [a, b].into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn npm_loose_forms() {
        for (input, canonical) in [
            ("v1.2.3", "1.2.3"),
            ("=1.2.3", "1.2.3"),
            ("=v1.2.3", "1.2.3"),
            (" v 1.2.3 ", "1.2.3"),
            ("01.02.03", "1.2.3"),
            ("1.2.3beta.01", "1.2.3-beta.1"),
            ("1.2", "1.2.0"),
            ("1", "1.0.0"),
            ("0", "0.0.0"),
            ("1.2-rc.1", "1.2.0-rc.1"),
        ] {
            assert_eq!(npm(input).to_string(), canonical, "{input}");
        }
        assert_eq!(npm("1.2.3-01"), npm("1.2.3-1"));
    }

    #[test]
    fn crates_io_leniencies() {
        let cargo = |s: &str| Version::parse(s, Mode::CratesIo).unwrap_or_else(|e| panic!("{s}: {e}"));
        for (input, canonical) in [
            ("v1.2.3", "1.2.3"),
            ("V1.2.3-beta+b", "1.2.3-beta+b"),
            ("1", "1.0.0"),
            ("1.2-rc.1", "1.2.0-rc.1"),
            ("1.1.3.4.5", "1.1.3.4.5"),
            ("1.2.3.0", "1.2.3"),
            ("1.2.3.4.0-rc.1", "1.2.3.4-rc.1"),
        ] {
            assert_eq!(cargo(input).to_string(), canonical, "{input}");
            assert_eq!(cargo(input), cargo(canonical), "{input}");
        }
    }

    #[test]
    fn extra_components_compare_as_numbers() {
        let order = ["1.2.3-rc.1", "1.2.3", "1.2.3.4-rc.1", "1.2.3.4", "1.2.3.4.1", "1.2.3.10", "1.2.4"];
        for pair in order.windows(2) {
            assert!(npm(pair[0]) < npm(pair[1]), "{pair:?}");
        }
        assert_eq!(npm("1.2.3.0.0"), npm("1.2.3"));
        assert_eq!(npm("1.1.3.4.5"), npm("v1.1.3.4.5"));
    }

    #[test]
    fn refusals() {
        for s in ["1..2", "1.2.", "x1.2.3", "1.2.3-", "1.2.3-a..b", "1.2.3+", "1.2.3_4", ""] {
            assert!(Version::parse(s, Mode::Npm).is_err(), "npm {s:?}");
        }
        for s in ["v1.2.3", "=1.2.3", "1.2", "01.2.3", "1.2.3-01", "1.2.3beta", " 1.2.3", "1.2.3.4"] {
            assert!(Version::parse(s, Mode::Strict).is_err(), "strict {s:?}");
        }
        for s in ["0", "vv1.2.3", "=1.2.3", "01.2.3", "1.2.3-01", "1.2.3beta", " 1.2.3", "1..2", "1.2.3.", "x1"] {
            assert!(Version::parse(s, Mode::CratesIo).is_err(), "crates.io {s:?}");
        }
    }

    #[test]
    fn identifiers_compare_by_ascii_and_numbers_first() {
        assert!(strict("1.2.3-5-Foo") < strict("1.2.3-5-foo"));
        assert!(strict("1.2.3-r100") < strict("1.2.3-r2"));
        assert!(strict("1.2.3-99999") < strict("1.2.3-a"));
        assert!(strict("1.2.3-a.b.c.5.d.100") < strict("1.2.3-a.b.c.10.d.5"));
        assert!(!strict("1.2.3").is_prerelease());
        assert!(strict("1.2.3-0").is_prerelease());
    }
}
