//! NuGet versions, as `NuGet.Versioning.NuGetVersion.TryParse` reads them and
//! `VersionComparer.Default` orders them.
//!
//! * Surrounding whitespace is trimmed. The text before the first `-` or `+` is a
//!   `System.Version` of one to four numeric parts (one part is read as `N.0`); leading zeros
//!   are allowed (`1.01` = `1.1`). A leading `v` is refused, as NuGet refuses it.
//! * **A leniency**: a part may be any non-negative number, of any length (compared by value).
//!   `System.Version` holds 32-bit parts, so `NuGetVersion.TryParse` refuses parts over
//!   2147483647; this crate orders them instead (`999999999999999999999999999991 <
//!   999999999999999999999999999999`, as the fixtures ask). Advisories only carry versions NuGet
//!   accepts, so the leniency changes no match.
//! * Release labels follow the first `-`, dot-separated, each non-empty `[0-9A-Za-z-]`, numeric
//!   labels without leading zeros. Build metadata follows the first `+` and is ignored by the
//!   ordering.
//! * Order: major, minor, patch, revision (missing parts are 0, so `1.0 = 1.0.0.0`), then a
//!   version without labels after one with labels, then labels left to right: two labels that
//!   parse as 32-bit integers compare numerically, such a label sorts before any other, others
//!   compare case-insensitively (`OrdinalIgnoreCase`, so `BETA = beta`); fewer labels first.
//!
//! `Display` writes `ToNormalizedString()`: three parts, a fourth only when non-zero, the
//! labels as written, no metadata.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::num::Num;
use crate::{Scheme, VersionError, precheck};

const SCHEME: Scheme = Scheme::NuGet;

/// A NuGet version.
#[derive(Debug, Clone)]
pub struct Version {
    parts: [Num; 4],
    labels: Vec<String>,
    metadata: Option<String>,
}

/// How one release label compares: `Int32.TryParse` success first, else case-insensitively.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum LabelKey {
    Int(i32),
    Text(Vec<u8>),
}

/// `Int32.TryParse` with the invariant culture: an optional sign, then digits, within range.
/// (Labels cannot hold `+`, so only `-` can appear as a sign.)
fn int32(label: &str) -> Option<i32> {
    let digits = label.strip_prefix('-').unwrap_or(label);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    label.parse().ok()
}

fn label_key(label: &str) -> LabelKey {
    match int32(label) {
        Some(n) => LabelKey::Int(n),
        None => LabelKey::Text(label.bytes().map(|b| b.to_ascii_uppercase()).collect()),
    }
}

fn is_label_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

impl Version {
    pub fn parse(input: &str) -> Result<Version, VersionError> {
        precheck(SCHEME, input)?;
        let bad = |reason| VersionError::invalid(SCHEME, input, reason);
        let s = input.trim_matches(|c: char| c.is_ascii_whitespace());
        if s.is_empty() {
            return Err(VersionError::Empty { scheme: SCHEME });
        }
        let (rest, metadata) = match s.split_once('+') {
            Some((r, m)) => (r, Some(m)),
            None => (s, None),
        };
        let (numbers, labels) = match rest.split_once('-') {
            Some((n, l)) => (n, Some(l)),
            None => (rest, None),
        };

        let pieces: Vec<&str> = numbers.split('.').collect();
        if pieces.len() > 4 {
            return Err(bad("more than four version parts"));
        }
        let mut parts = [Num::zero(), Num::zero(), Num::zero(), Num::zero()];
        for (slot, piece) in parts.iter_mut().zip(&pieces) {
            if piece.is_empty() || !piece.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("version parts must be numbers"));
            }
            *slot = Num::from_digits(piece);
        }

        let mut label_list = Vec::new();
        if let Some(labels) = labels {
            for label in labels.split('.') {
                if label.is_empty() || !label.bytes().all(is_label_byte) {
                    return Err(bad("invalid release label"));
                }
                if label.len() > 1 && label.starts_with('0') && label.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad("leading zero in a numeric release label"));
                }
                label_list.push(label.to_owned());
            }
        }
        if let Some(m) = metadata
            && m.split('.').any(|p| p.is_empty() || !p.bytes().all(is_label_byte))
        {
            return Err(bad("invalid build metadata"));
        }
        Ok(Version { parts, labels: label_list, metadata: metadata.map(str::to_owned) })
    }

    /// Whether the version has release labels.
    pub fn is_prerelease(&self) -> bool {
        !self.labels.is_empty()
    }

    /// The build metadata after `+`, if any (ignored by the ordering).
    pub fn metadata(&self) -> Option<&str> {
        self.metadata.as_deref()
    }

    fn key(&self) -> (&[Num; 4], bool, Vec<LabelKey>) {
        (&self.parts, self.labels.is_empty(), self.labels.iter().map(|l| label_key(l)).collect())
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.parts.cmp(&other.parts).then_with(|| match (self.labels.is_empty(), other.labels.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) => self.labels.iter().map(|l| label_key(l)).cmp(other.labels.iter().map(|l| label_key(l))),
        })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Version {}

impl Hash for Version {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [major, minor, patch, revision] = &self.parts;
        write!(f, "{major}.{minor}.{patch}")?;
        if !revision.is_zero() {
            write!(f, ".{revision}")?;
        }
        for (i, label) in self.labels.iter().enumerate() {
            f.write_str(if i == 0 { "-" } else { "." })?;
            f.write_str(label)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn parts_and_normal_form() {
        assert_eq!(v("1").to_string(), "1.0.0");
        assert_eq!(v("1.0.01").to_string(), "1.0.1");
        assert_eq!(v("1.2.3.4-Beta.1+meta").to_string(), "1.2.3.4-Beta.1");
        assert_eq!(v("1.2.3+meta").metadata(), Some("meta"));
        assert_eq!(v(" 1.0 "), v("1.0.0.0"));
        assert_eq!(v("2147483647.0"), v("2147483647"));
        // Parts beyond Int32 (which NuGet itself refuses) compare by value.
        assert!(v("2147483648.0") > v("2147483647.0"));
        assert!(v("999999999999999999999999999991") < v("999999999999999999999999999999"));
        assert_eq!(v("0099999999999999999999.1").to_string(), "99999999999999999999.1.0");
    }

    #[test]
    fn label_order() {
        let order = [
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-ALPHA.2",
            "1.0.0-alpha.a",
            "1.0.0-beta",
            "1.0.0",
            "1.0.0.1-alpha",
            "1.0.0.1",
        ];
        for pair in order.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{pair:?}");
        }
        assert_eq!(v("1.0.0-BETA+a"), v("1.0.0-beta+b"));
        // A numeric label too large for Int32 compares as text, after every number.
        assert!(v("1.0.0-a.9999999999") > v("1.0.0-a.5"));
        assert!(v("1.0.0-a.9999999999") < v("1.0.0-a.a"));
        // Int32.TryParse accepts a sign.
        assert!(v("1.0.0-a.-5") < v("1.0.0-a.0"));
    }

    #[test]
    fn refusals() {
        for s in
            ["v1.0.0", "1.0.0.0.0", "1..0", "1.0.0-", "1.0.0+", "1.0.0-01", "1.0.0-a..b", "1.0.0-a_b", "1.-1", "", "-1"]
        {
            assert!(Version::parse(s).is_err(), "{s:?}");
        }
    }
}
