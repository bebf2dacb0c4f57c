//! RubyGems versions, exactly as `Gem::Version` reads and orders them.
//!
//! * A version must match `Gem::Version::ANCHORED_VERSION_PATTERN`:
//!   `[0-9]+(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?`, with surrounding whitespace
//!   ignored. So `1.0.a1`, `1.0.0.rc1` and `1.0-beta` are versions but `v1.0` is not. (Ruby
//!   reads an empty string as `0`; this module refuses it, since an empty version in a
//!   lockfile or advisory is a gap, not version 0.)
//! * **A leniency**: letters may follow the leading digits directly (`1beta`, `2rc1`): the
//!   first segment is `[0-9][0-9a-zA-Z]*`, as osv-scalibr's RubyGems comparison reads it.
//!   `Gem::Version.new` refuses these ("Malformed version number string"); the letters start a
//!   new segment as anywhere else, so `1beta` is the pre-release `1.beta` and `1beta < 1`.
//!   Advisories only carry versions RubyGems accepts, so the leniency changes no match.
//! * Each `-` becomes `.pre.` (`1.0-1` is `1.0.pre.1`), then the version splits into segments:
//!   runs of digits (numbers) and runs of letters (strings, case kept).
//! * A version is a pre-release when it contains a letter.
//! * Comparison (`<=>`) uses the canonical segments: the numeric segments before the first
//!   string, and the segments from the first string on, each with its trailing zeros dropped
//!   (`1.0.0 = 1`, `1.0.a = 1.a`). Segments are compared in turn, a missing one counting as 0;
//!   numbers numerically, strings by byte order, and a string before any number
//!   (`1.0.a < 1.0 < 1.0.1`).
//!
//! `Display` writes `Gem::Version#to_s`: the stripped string with `-` replaced by `.pre.`.

use std::cmp::Ordering;
use std::fmt;

use crate::num::Num;
use crate::{Scheme, VersionError, precheck};

const SCHEME: Scheme = Scheme::RubyGems;

/// A RubyGems version.
#[derive(Debug, Clone)]
pub struct Version {
    version: String,
    canonical: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Segment {
    Num(Num),
    Str(String),
}

fn cmp_segment(a: &Segment, b: &Segment) -> Ordering {
    match (a, b) {
        (Segment::Num(x), Segment::Num(y)) => x.cmp(y),
        (Segment::Str(x), Segment::Str(y)) => x.cmp(y),
        (Segment::Str(_), Segment::Num(_)) => Ordering::Less,
        (Segment::Num(_), Segment::Str(_)) => Ordering::Greater,
    }
}

/// `ANCHORED_VERSION_PATTERN` on an already stripped string.
fn is_correct(s: &str) -> bool {
    let b = s.as_bytes();
    let run = |from: usize, ok: fn(&u8) -> bool| b.get(from..).map_or(0, |r| r.iter().take_while(|c| ok(c)).count());
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // `[0-9][0-9a-zA-Z]*`: the pattern has `[0-9]+`; letters right after it are the leniency.
    let mut i = run(0, u8::is_ascii_alphanumeric);
    // (\.[0-9a-zA-Z]+)*
    while b.get(i) == Some(&b'.') {
        let n = run(i + 1, u8::is_ascii_alphanumeric);
        if n == 0 {
            return false;
        }
        i += 1 + n;
    }
    // (-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?
    if b.get(i) == Some(&b'-') {
        let ident = |c: &u8| c.is_ascii_alphanumeric() || *c == b'-';
        let n = run(i + 1, ident);
        if n == 0 {
            return false;
        }
        i += 1 + n;
        while b.get(i) == Some(&b'.') {
            let n = run(i + 1, ident);
            if n == 0 {
                return false;
            }
            i += 1 + n;
        }
    }
    i == b.len()
}

/// `_segments`: `scan(/[0-9]+|[a-z]+/i)`.
fn segments(version: &str) -> Vec<Segment> {
    let b = version.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let class: Option<fn(&u8) -> bool> = if c.is_ascii_digit() {
            Some(u8::is_ascii_digit)
        } else if c.is_ascii_alphabetic() {
            Some(u8::is_ascii_alphabetic)
        } else {
            None
        };
        let Some(class) = class else {
            i += 1;
            continue;
        };
        let n = b.get(i..).map_or(1, |r| r.iter().take_while(|c| class(c)).count());
        let text = version.get(i..i + n).unwrap_or_default();
        out.push(if c.is_ascii_digit() { Segment::Num(Num::from_digits(text)) } else { Segment::Str(text.to_owned()) });
        i += n;
    }
    out
}

/// `canonical_segments`: trailing zeros dropped from the numeric head and from the rest.
fn canonical(mut segs: Vec<Segment>) -> Vec<Segment> {
    fn drop_trailing_zeros(v: &mut Vec<Segment>) {
        while matches!(v.last(), Some(Segment::Num(n)) if n.is_zero()) {
            v.pop();
        }
    }
    let first_string = segs.iter().position(|s| matches!(s, Segment::Str(_))).unwrap_or(segs.len());
    let mut tail = segs.split_off(first_string);
    drop_trailing_zeros(&mut segs);
    drop_trailing_zeros(&mut tail);
    segs.append(&mut tail);
    segs
}

impl Version {
    pub fn parse(input: &str) -> Result<Version, VersionError> {
        precheck(SCHEME, input)?;
        // Ruby's `\s`: space, \t, \n, \v, \f, \r.
        let s = input.trim_matches([' ', '\t', '\n', '\x0B', '\x0C', '\r']);
        if s.is_empty() {
            return Err(VersionError::Empty { scheme: SCHEME });
        }
        if !is_correct(s) {
            return Err(VersionError::invalid(SCHEME, input, "malformed version number string"));
        }
        let version = s.replace('-', ".pre.");
        let canonical = canonical(segments(&version));
        Ok(Version { version, canonical })
    }

    /// `prerelease?`: the version contains a letter.
    pub fn is_prerelease(&self) -> bool {
        self.version.bytes().any(|b| b.is_ascii_alphabetic())
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        let zero = Segment::Num(Num::zero());
        let len = self.canonical.len().max(other.canonical.len());
        for i in 0..len {
            let a = self.canonical.get(i).unwrap_or(&zero);
            let b = other.canonical.get(i).unwrap_or(&zero);
            let o = cmp_segment(a, b);
            if o.is_ne() {
                return o;
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Equal canonical segments are exactly the versions `<=>` calls equal: canonical segments
/// never end in a zero, so padding with zeros cannot make two different ones compare equal.
impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.canonical == other.canonical
    }
}

impl Eq for Version {}

impl std::hash::Hash for Version {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.canonical.hash(state);
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn documented_order() {
        // Gem::Version's own example, newest last.
        let order = ["0.9", "1.0.a.2", "1.0.b1", "1.0", "1.0.1"];
        for pair in order.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{pair:?}");
        }
        assert!(v("1.0.a10") > v("1.0.a9"));
        assert!(v("1.0.A") < v("1.0.a"));
        assert!(v("3.10") > v("3.2"));
    }

    #[test]
    fn canonical_equality() {
        use std::collections::HashSet;
        assert_eq!(v("1.0.a2"), v("1.0.a.2"));
        assert_eq!(v("1.0.0"), v("1"));
        assert_eq!(v("1.0.a"), v("1.a"));
        assert_eq!(v("1.a.0"), v("1.a"));
        assert_ne!(v("1.a.0.1"), v("1.a.1"));
        let set: HashSet<Version> = ["1", "1.0", "1.0.0", " 1.0.0 "].into_iter().map(v).collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn hyphen_means_pre() {
        let x = v("1.0-beta");
        assert_eq!(x.to_string(), "1.0.pre.beta");
        assert!(x.is_prerelease());
        assert!(x < v("1.0"));
        assert_eq!(v("1.0-1"), v("1.0.pre.1"));
        assert!(!v("1.0.0").is_prerelease());
    }

    #[test]
    fn letters_right_after_the_first_number() {
        assert_eq!(v("1beta"), v("1.beta"));
        assert!(v("1beta") < v("1"));
        assert!(v("1beta") < v("1gamma"));
        assert!(v("1beta").is_prerelease());
        assert_eq!(v("2rc1.0").to_string(), "2rc1.0");
        assert_eq!(v("2rc1.0"), v("2.rc.1"));
    }

    #[test]
    fn refusals() {
        for s in ["v1.0", "beta1", "1..0", "1.0.", "1.0-", "1.0-a..b", ".1", "1_0", "", "  "] {
            assert!(Version::parse(s).is_err(), "{s:?}");
        }
    }
}
