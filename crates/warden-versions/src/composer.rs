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
//!   digits and the separators `.`, `-`, `_`, `+`. A version starts and ends with a letter or
//!   digit (Composer refuses `1.2.3.#` and `1.0.`).
//! * `version_compare` splits the version into runs of digits and runs of letters (every other
//!   character separates them) and compares them in turn: two numbers numerically; otherwise
//!   by rank, case-sensitively by prefix: `dev` < `alpha`/`a…` < `beta`/`b…` < `RC`/`rc` <
//!   a number < `pl`/`p…` (patch), and any other word below `dev` (words of one rank are
//!   equal). When one version runs out, the next part of the other decides: a number or
//!   `p…` makes the longer one greater, anything else smaller
//!   (`1.0 < 1.0.0`, `1.0rc1 < 1.0 < 1.0pl1`).
//!
//! Numbers are compared at any length (PHP clamps them at `PHP_INT_MAX`).

use std::fmt;

use crate::num::Num;
use crate::{Scheme, VersionError, precheck};

const SCHEME: Scheme = Scheme::Composer;

/// One part of the version: `(rank, number)`. Words have their rank and no number; numbers
/// have rank 4 and their value; the end of the version is `(4, None)`, which sorts just below
/// every number, so comparing the part lists with the end appended is `version_compare`.
type Part = (i8, Option<Num>);

const NUMBER_RANK: i8 = 4;

/// A Packagist version.
#[derive(Debug, Clone)]
pub struct Version {
    key: Vec<Part>,
    text: String,
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
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
        } else if !text.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'+')) {
            return Err(bad("a version holds only letters, digits and the separators . - _ +"));
        }
        let alnum_ends = text.starts_with(|c: char| c.is_ascii_alphanumeric())
            && text.ends_with(|c: char| c.is_ascii_alphanumeric());
        if !alnum_ends {
            return Err(bad("a version starts and ends with a letter or digit"));
        }

        let bytes = text.as_bytes();
        let mut key = Vec::new();
        let mut i = 0;
        while let Some(&c) = bytes.get(i) {
            let class: fn(&u8) -> bool = if c.is_ascii_digit() {
                u8::is_ascii_digit
            } else if c.is_ascii_alphabetic() {
                u8::is_ascii_alphabetic
            } else {
                i += 1;
                continue;
            };
            let n = bytes.get(i..).map_or(1, |r| r.iter().take_while(|b| class(b)).count());
            let part = text.get(i..i + n).unwrap_or_default();
            key.push(if c.is_ascii_digit() { (NUMBER_RANK, Some(Num::from_digits(part))) } else { (rank(part), None) });
            i += n;
        }
        key.push((NUMBER_RANK, None));
        Ok(Version { key, text })
    }

    /// Whether the version has a `dev`, alpha, beta or RC part (Composer's stabilities below
    /// `stable`).
    pub fn is_prerelease(&self) -> bool {
        self.key.iter().any(|(r, n)| n.is_none() && (0..=3).contains(r))
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
    fn refusals() {
        for s in ["1.2.3.#", "1.0.", ".1", "1.0 beta", "", "dev-a b", "1.0/2"] {
            assert!(Version::parse(s).is_err(), "{s:?}");
        }
    }
}
