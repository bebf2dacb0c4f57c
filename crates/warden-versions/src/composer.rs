//! Packagist versions, ordered by PHP's `version_compare` as Composer's `Comparator` applies it.
//!
//! Composer compares versions with PHP's `version_compare` (after `VersionParser::normalize`).
//! This module takes from `normalize` what does not change the order and refuses what it
//! refuses, but compares the version as written: `normalize` pads every version to four
//! numbers, which makes `1.0 = 1.0.0`, whereas `version_compare` on the versions themselves,
//! which is how OSV's Packagist data is ordered (and what the fixtures from PHP hold), has
//! `1.0 < 1.0.0`.
//!
//! * Surrounding whitespace is trimmed and a `v`/`V` before a digit dropped (`v1.0 = 1.0`);
//!   `master`, `trunk` and `default` mean `dev-master`, `dev-trunk`, `dev-default`.
//! * A branch (`dev-…`) may hold any printable characters; any other version only letters,
//!   digits, `#` and the separators `.`, `-`, `_`, `+`. A version starts and ends with a
//!   letter, a digit or `#` (Composer refuses `1.0.`).
//! * `version_compare` splits the version into runs of digits and runs of letters (every other
//!   character separates them) and compares them in turn: two numbers numerically; otherwise
//!   by rank, case-sensitively by prefix: `dev` < `alpha`/`a…` < `beta`/`b…` < `RC`/`rc` <
//!   a number < `pl`/`p…` (patch), and any other word below `dev` (words of one rank are
//!   equal). When one version runs out, the next part of the other decides: a number or
//!   `p…` makes the longer one greater, anything else smaller
//!   (`1.0 < 1.0.0`, `1.0rc1 < 1.0 < 1.0pl1`).
//!
//! Numbers are compared at any length (PHP clamps them at `PHP_INT_MAX`).
//!
//! **`#`, and the one place the order is not total.** `version_compare`'s table of special
//! forms holds `#` at the rank of a number (a number meets a word as the form `#N#`). This
//! module accepts `#` as a part of its own (Composer's `normalize` refuses it; OSV's own
//! Packagist comparison, osv-scalibr, reads it as that special form), so [`compare`] has
//! `1.2.3.# = 1.2.3`, `1.2.3.# = 1.2.3.1` (a `#` equals any number), `1.2.3.#.1 > 1.2.3` and
//! `1.2.3.#.beta < 1.2.3` (when one version runs out, `#` parts of the other are passed over).
//! That relation is not transitive (`1.2.3 < 1.2.3.1`), so it cannot be an `Ord`:
//!
//! * [`compare`] (which [`crate::compare`] calls for Packagist) is the piecewise comparison
//!   above, `#` included;
//! * `Ord`, `Eq` and `Hash` are a total order that passes `#` parts over entirely
//!   (`1.2.3.# == 1.2.3 < 1.2.3.1`), used for sorting and searching.
//!
//! The two agree on every pair of versions without `#`; `#` is the only source of
//! disagreement. (PHP itself turns a `#` after the first character into a separator, so
//! `version_compare("1.2.3.#", "1.2.3")` is -1; advisories never carry `#`.)

use std::cmp::Ordering;
use std::fmt;

use crate::num::Num;
use crate::{Scheme, VersionError, precheck};

const SCHEME: Scheme = Scheme::Composer;

/// One part of the version, as `version_compare` splits it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Num(Num),
    /// A run of letters, by its rank ([`rank`]).
    Word(i8),
    /// The special form `#`, of a number's rank.
    Hash,
}

/// One part of the total order's key: `(rank, number)`. Words have their rank and no number;
/// numbers have rank 4 and their value; the end of the version is `(4, None)`, which sorts just
/// below every number, so comparing the key lists with the end appended is `version_compare`
/// (for versions without `#`, which the key leaves out).
type Key = (i8, Option<Num>);

const NUMBER_RANK: i8 = 4;

/// A Packagist version.
#[derive(Debug, Clone)]
pub struct Version {
    parts: Vec<Part>,
    key: Vec<Key>,
    text: String,
}

/// The total order: [`compare`] with `#` parts passed over (see the module documentation).
impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// `version_compare` on two parts: two numbers by value, anything else by rank (`#` and a
/// number both have rank 4, so `#` equals every number).
fn cmp_part(a: &Part, b: &Part) -> Ordering {
    let rank = |p: &Part| match p {
        Part::Num(_) | Part::Hash => NUMBER_RANK,
        Part::Word(r) => *r,
    };
    match (a, b) {
        (Part::Num(x), Part::Num(y)) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// The rest of the longer version against the end of the shorter one (`version_compare`
/// against `#N#`): `#` parts are passed over; then a number makes the longer version greater,
/// a word compares by rank with a number's, and nothing left is a tie.
fn rest_against_end(rest: &[Part]) -> Ordering {
    for part in rest {
        match part {
            Part::Hash => {}
            Part::Num(_) => return Ordering::Greater,
            Part::Word(r) => return r.cmp(&NUMBER_RANK),
        }
    }
    Ordering::Equal
}

/// PHP's `version_compare`, part by part, with `#` as the special form of a number's rank.
///
/// For versions without `#` this is exactly `a.cmp(b)`. With `#` it is not transitive
/// (`1.2.3.# = 1.2.3`, `1.2.3.# = 1.2.3.1`, `1.2.3 < 1.2.3.1`), which is why `Ord` passes `#`
/// over instead; see the module documentation.
pub fn compare(a: &Version, b: &Version) -> Ordering {
    let (mut x, mut y) = (a.parts.iter(), b.parts.iter());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (Some(p), Some(q)) => {
                let o = cmp_part(p, q);
                if o.is_ne() {
                    return o;
                }
            }
            (Some(p), None) => {
                return rest_against_end(std::slice::from_ref(p)).then_with(|| rest_against_end(x.as_slice()));
            }
            (None, Some(q)) => {
                return rest_against_end(std::slice::from_ref(q))
                    .then_with(|| rest_against_end(y.as_slice()))
                    .reverse();
            }
        }
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Version {}

impl std::hash::Hash for Version {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state);
    }
}

/// `compare_special_version_forms`: the first of `dev`, `alpha`, `a`, `beta`, `b`, `RC`, `rc`,
/// `#`, `pl`, `p` that the word starts with.
fn rank(word: &str) -> i8 {
    if word.starts_with("dev") {
        0
    } else if word.starts_with('a') {
        1
    } else if word.starts_with('b') {
        2
    } else if word.starts_with("RC") || word.starts_with("rc") {
        3
    } else if word.starts_with('p') {
        5
    } else {
        -1
    }
}

impl Version {
    pub fn parse(input: &str) -> Result<Version, VersionError> {
        precheck(SCHEME, input)?;
        let bad = |reason| VersionError::invalid(SCHEME, input, reason);
        let mut s = input.trim_matches(|c: char| c.is_ascii_whitespace());
        if s.is_empty() {
            return Err(VersionError::Empty { scheme: SCHEME });
        }
        if let Some(rest) = s.strip_prefix(['v', 'V'])
            && rest.starts_with(|c: char| c.is_ascii_digit())
        {
            s = rest;
        }
        let text = if matches!(s, "master" | "trunk" | "default") { format!("dev-{s}") } else { s.to_owned() };
        let is_branch = text.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("dev-"));
        if is_branch {
            if !text.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(bad("whitespace or control character in a branch name"));
            }
        } else if !text.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'#' | b'.' | b'-' | b'_' | b'+')) {
            return Err(bad("a version holds only letters, digits, # and the separators . - _ +"));
        }
        let is_end = |c: char| c.is_ascii_alphanumeric() || c == '#';
        if !(text.starts_with(is_end) && text.ends_with(is_end)) {
            return Err(bad("a version starts and ends with a letter, a digit or #"));
        }

        let bytes = text.as_bytes();
        let mut parts = Vec::new();
        let mut i = 0;
        while let Some(&c) = bytes.get(i) {
            let class: fn(&u8) -> bool = if c.is_ascii_digit() {
                u8::is_ascii_digit
            } else if c.is_ascii_alphabetic() {
                u8::is_ascii_alphabetic
            } else {
                if c == b'#' {
                    parts.push(Part::Hash);
                }
                i += 1;
                continue;
            };
            let n = bytes.get(i..).map_or(1, |r| r.iter().take_while(|b| class(b)).count());
            let part = text.get(i..i + n).unwrap_or_default();
            parts.push(if c.is_ascii_digit() { Part::Num(Num::from_digits(part)) } else { Part::Word(rank(part)) });
            i += n;
        }
        let mut key: Vec<Key> = parts
            .iter()
            .filter_map(|p| match p {
                Part::Num(n) => Some((NUMBER_RANK, Some(n.clone()))),
                Part::Word(r) => Some((*r, None)),
                Part::Hash => None,
            })
            .collect();
        key.push((NUMBER_RANK, None));
        Ok(Version { parts, key, text })
    }

    /// Whether the version has a `dev`, alpha, beta or RC part (Composer's stabilities below
    /// `stable`).
    pub fn is_prerelease(&self) -> bool {
        self.parts.iter().any(|p| matches!(p, Part::Word(r) if (0..=3).contains(r)))
    }

    /// Whether the version holds a `#` part, where [`compare`] and `Ord` may disagree.
    pub fn has_hash(&self) -> bool {
        self.parts.contains(&Part::Hash)
    }

    /// Whether this is a branch (`dev-…`), which Composer never matches against a range.
    pub fn is_branch(&self) -> bool {
        self.text.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("dev-"))
    }
}

impl fmt::Display for Version {
    /// The version as compared: trimmed, without a `v` prefix.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn cmp(a: &str, b: &str) -> Ordering {
        v(a).cmp(&v(b))
    }

    #[test]
    fn stabilities() {
        let order = [
            "1.0-dev",
            "1.0alpha1",
            "1.0a2",
            "1.0b1",
            "1.0beta2",
            "1.0RC1",
            "1.0rc2",
            "1.0",
            "1.0.0",
            "1.0pl1",
            "1.0-p2",
        ];
        for pair in order.windows(2) {
            assert_eq!(cmp(pair[0], pair[1]), Ordering::Less, "{pair:?}");
        }
        // A patch level outranks a number in `version_compare`.
        assert_eq!(cmp("1.0.1", "1.0-p2"), Ordering::Less);
        assert_eq!(cmp("1.0RC1", "1.0rc1"), Ordering::Equal);
        assert_eq!(cmp("1.0-foo", "1.0-xyz"), Ordering::Equal);
        assert_eq!(cmp("1.0-foo", "1.0-dev"), Ordering::Less);
        assert_eq!(cmp("1.25.0-beta2.1", "1.25.0-b.2.1"), Ordering::Equal);
    }

    #[test]
    fn prefixes_and_branches() {
        assert_eq!(cmp("v1.0.0", "V1.0.0"), Ordering::Equal);
        assert_eq!(cmp("v1.0.0", "1.0.0"), Ordering::Equal);
        assert_eq!(v("v1.2").to_string(), "1.2");
        assert_eq!(cmp("dev-foo", "1.26.0"), Ordering::Less);
        assert_eq!(cmp("master", "dev-master"), Ordering::Equal);
        assert!(v("dev-feature/x#1").is_branch());
        assert!(v("dev-master").is_prerelease());
        assert!(!v("1.0pl1").is_prerelease());
        assert!(v("1.0RC1").is_prerelease());
    }

    #[test]
    fn big_numbers() {
        assert_eq!(cmp("999999999999999999999999999991", "999999999999999999999999999999"), Ordering::Less);
    }

    #[test]
    fn hash_special_form() {
        let pc = |a: &str, b: &str| compare(&v(a), &v(b));
        assert_eq!(pc("1.2.3.#", "1.2.3"), Ordering::Equal);
        assert_eq!(pc("1.2.3.#", "1.2.3.1"), Ordering::Equal);
        assert_eq!(pc("1.2.3.#", "1.2.3.#"), Ordering::Equal);
        assert_eq!(pc("1.2.3.#.1", "1.2.3"), Ordering::Greater);
        assert_eq!(pc("1.2.3.#.p3", "1.2.3"), Ordering::Greater);
        assert_eq!(pc("1.2.3.#.beta", "1.2.3"), Ordering::Less);
        assert_eq!(pc("1.2.3", "1.2.3.#.beta"), Ordering::Greater);
        assert_eq!(pc("1.2.3.#", "1.2.3.RC1"), Ordering::Greater);
        // The total order passes `#` over.
        assert_eq!(cmp("1.2.3.#", "1.2.3"), Ordering::Equal);
        assert_eq!(cmp("1.2.3.#", "1.2.3.1"), Ordering::Less);
        assert!(v("1.2.3.#").has_hash());
        assert_eq!(v("1.2.3.#").to_string(), "1.2.3.#");
    }

    #[test]
    fn piecewise_agrees_with_ord_without_hash() {
        let all = [
            "1.0-dev",
            "1.0alpha1",
            "1.0a2",
            "1.0b1",
            "1.0RC1",
            "1.0",
            "1.0.0",
            "1.0pl1",
            "1.0-p2",
            "1.0.1",
            "1.0-foo",
            "1",
            "2",
            "1.0.0.0",
            "1.0.0-beta",
            "dev-master",
            "1.0.0-foo.1",
            "0.9",
        ];
        for a in all {
            for b in all {
                assert_eq!(compare(&v(a), &v(b)), cmp(a, b), "{a} {b}");
            }
        }
    }

    #[test]
    fn refusals() {
        for s in ["1.0.", ".1", "1.0-#-", "1.0 beta", "", "dev-a b", "1.0/2"] {
            assert!(Version::parse(s).is_err(), "{s:?}");
        }
    }
}
