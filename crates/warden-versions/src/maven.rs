//! Maven versions, exactly as `ComparableVersion` (maven-artifact 3.8.6) parses and orders them.
//!
//! The version (lowercased) becomes a list of items: numbers, strings (qualifiers) and
//! sub-lists. `.` separates items; `-` starts a sub-list; a change between digits and letters
//! separates items too and starts a sub-list (`1.0alpha1` → `1, [alpha, [1]]`); an empty item
//! is `0`. Qualifiers `a`, `b` and `m` directly followed by a digit mean `alpha`, `beta` and
//! `milestone`; `ga`, `final` and `release` mean the empty qualifier and `cr` means `rc`. Each
//! list then drops its trailing "null" items (`0`, the empty qualifier, empty lists), including
//! those just before a trailing sub-list, so `1 = 1.0 = 1.0.0 = 1-0 = 1.ga`.
//!
//! **One addition**: when dropping a `ga`/`final`/`release` qualifier (the empty qualifier)
//! leaves a list holding nothing but the sub-list that followed it, that sub-list takes the
//! list's place: the qualifier is normalized away together with the `-` that opened it, so
//! `1-ga-1 = 1-1`, as the POM reference's example has it (and as the canonical form already
//! writes it). `ComparableVersion` keeps the extra nesting (`[1, [[1]]]`) and orders
//! `1-ga-1 < 1-1`. Only a dropped release qualifier does this: `1-0-1` stays `[1, [[1]]]`.
//!
//! Comparison: numbers numerically (any length); qualifiers
//! `alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp`, then
//! unknown qualifiers in lexical order after all of them; a number is greater than a qualifier
//! or a list, a list greater than a qualifier; a missing item compares as null (so `1-rc < 1`,
//! `1-sp > 1`, `1.1 > 1`), a list against a missing item by its items in turn (MNG-6964:
//! `1-0.alpha < 1`).
//!
//! Which Maven: the fixtures generated from OSV's Maven data used maven-artifact 3.8.6, and
//! OSV orders these versions the same way. Maven 3.8.7 and later (MNG-7559) read a qualifier
//! after a dot followed by a digit as if after a hyphen (`1.0.RC1` like `1.0-RC1`), which
//! reverses the order of pairs such as `1.0.0.RC8-beta` / `1.0.0-RC16` and `1.5.9.RC1` /
//! `1.5.9-RC0` (18 lines of the generated fixture). Everything else here agrees with Maven
//! 3.8.7's `ComparableVersion`, checked line by line against its jar, except for the addition
//! above (`1-ga-1`).
//!
//! One deliberate difference: Maven classifies a number by the length of its digits after
//! stripping leading zeros, except that a run of ten or more zeros keeps its length and so
//! counts as a `long` greater than every `int` (`1.0000000000.5 > 1.5`). That is a bug in
//! Maven; this module compares numbers by value.
//!
//! Whitespace and control characters are refused (Maven coordinates cannot carry them).

use std::cmp::Ordering;
use std::fmt;

use crate::num::Num;
use crate::{Scheme, VersionError, precheck};

const SCHEME: Scheme = Scheme::Maven;

/// A Maven version: its item tree after `ComparableVersion`'s normalization, and the string
/// it was parsed from.
#[derive(Debug, Clone)]
pub struct Version {
    items: Vec<Item>,
    original: String,
}

/// `ComparableVersion.equals`: the same normalized items.
impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl Eq for Version {}

impl std::hash::Hash for Version {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.items.hash(state);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Item {
    Int(Num),
    /// A qualifier after alias resolution (`ga` → `""`, `cr` → `rc`, `a1` → `alpha`…).
    Str(String),
    List(Vec<Item>),
}

const QUALIFIERS: [&str; 7] = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
const RELEASE_INDEX: usize = 5;

/// `comparableQualifier`: known qualifiers by their index, then unknown ones lexically.
fn qualifier_key(q: &str) -> (usize, &str) {
    match QUALIFIERS.iter().position(|k| *k == q) {
        Some(i) => (i, ""),
        None => (QUALIFIERS.len(), q),
    }
}

impl Item {
    fn is_null(&self) -> bool {
        match self {
            Item::Int(n) => n.is_zero(),
            Item::Str(s) => s.is_empty(),
            Item::List(l) => l.is_empty(),
        }
    }

    /// `Item.compareTo(null)`.
    fn cmp_null(&self) -> Ordering {
        match self {
            Item::Int(n) => {
                if n.is_zero() {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }
            }
            Item::Str(s) => qualifier_key(s).cmp(&(RELEASE_INDEX, "")),
            Item::List(l) => l.iter().map(Item::cmp_null).find(|o| o.is_ne()).unwrap_or(Ordering::Equal),
        }
    }

    /// `Item.compareTo(Item)`.
    fn cmp_item(&self, other: &Item) -> Ordering {
        match (self, other) {
            (Item::Int(a), Item::Int(b)) => a.cmp(b),
            (Item::Int(_), _) => Ordering::Greater,
            (Item::Str(_), Item::Int(_)) => Ordering::Less,
            (Item::Str(a), Item::Str(b)) => qualifier_key(a).cmp(&qualifier_key(b)),
            (Item::Str(_), Item::List(_)) => Ordering::Less,
            (Item::List(_), Item::Int(_)) => Ordering::Less,
            (Item::List(_), Item::Str(_)) => Ordering::Greater,
            (Item::List(a), Item::List(b)) => cmp_lists(a, b),
        }
    }
}

fn cmp_lists(a: &[Item], b: &[Item]) -> Ordering {
    let mut left = a.iter();
    let mut right = b.iter();
    loop {
        let result = match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (Some(l), Some(r)) => l.cmp_item(r),
            (Some(l), None) => l.cmp_null(),
            (None, Some(r)) => r.cmp_null().reverse(),
        };
        if result.is_ne() {
            return result;
        }
    }
}

/// `ListItem.normalize`: drop trailing nulls, looking through trailing sub-lists. Returns
/// whether it dropped a release qualifier (`ga`, `final`, `release`: the empty string).
fn normalize(list: &mut Vec<Item>) -> bool {
    let mut dropped_release = false;
    let mut i = list.len();
    while i > 0 {
        i -= 1;
        let Some(item) = list.get(i) else { break };
        if item.is_null() {
            dropped_release |= matches!(item, Item::Str(_));
            list.remove(i);
        } else if !matches!(item, Item::List(_)) {
            break;
        }
    }
    dropped_release
}

/// A `StringItem`: the single-letter shorthands, then the aliases.
fn string_item(s: &str, followed_by_digit: bool) -> Item {
    let s = match s {
        "a" if followed_by_digit => "alpha",
        "b" if followed_by_digit => "beta",
        "m" if followed_by_digit => "milestone",
        "ga" | "final" | "release" => "",
        "cr" => "rc",
        other => other,
    };
    Item::Str(s.to_owned())
}

fn parse_item(is_digit: bool, s: &str) -> Item {
    if is_digit { Item::Int(Num::from_digits(s)) } else { string_item(s, false) }
}

/// The lists under construction: `current` is the newest, and each list in `parents` gets the
/// one after it as its last item (`ComparableVersion` only ever appends to the newest list).
struct Builder {
    parents: Vec<Vec<Item>>,
    current: Vec<Item>,
}

impl Builder {
    fn open_list(&mut self) {
        self.parents.push(std::mem::take(&mut self.current));
    }

    /// Normalizes the lists innermost first and nests each in its parent. A list left holding
    /// only a sub-list once a release qualifier was dropped is replaced by that sub-list (the
    /// module's one addition to `ComparableVersion`: `1-ga-1 = 1-1`).
    fn finish(mut self) -> Vec<Item> {
        let mut list = self.current;
        normalize(&mut list);
        while let Some(mut parent) = self.parents.pop() {
            parent.push(Item::List(list));
            let dropped_release = normalize(&mut parent);
            list = match parent.pop() {
                Some(Item::List(only)) if dropped_release && parent.is_empty() => only,
                Some(last) => {
                    parent.push(last);
                    parent
                }
                None => parent,
            };
        }
        list
    }
}

impl Version {
    pub fn parse(s: &str) -> Result<Version, VersionError> {
        precheck(SCHEME, s)?;
        if s.is_empty() {
            return Err(VersionError::Empty { scheme: SCHEME });
        }
        if s.bytes().any(|b| b.is_ascii_whitespace() || b.is_ascii_control()) {
            return Err(VersionError::invalid(SCHEME, s, "whitespace or control character"));
        }
        let version = s.to_ascii_lowercase();
        let bytes = version.as_bytes();
        let text = |from: usize, to: usize| version.get(from..to).unwrap_or_default();

        let mut b = Builder { parents: Vec::new(), current: Vec::new() };
        let mut is_digit = false;
        let mut start = 0;
        for (i, &c) in bytes.iter().enumerate() {
            if c == b'.' {
                if i == start {
                    b.current.push(Item::Int(Num::zero()));
                } else {
                    b.current.push(parse_item(is_digit, text(start, i)));
                }
                start = i + 1;
            } else if c == b'-' {
                if i == start {
                    b.current.push(Item::Int(Num::zero()));
                } else {
                    b.current.push(parse_item(is_digit, text(start, i)));
                }
                start = i + 1;
                b.open_list();
            } else if c.is_ascii_digit() {
                if !is_digit && i > start {
                    b.current.push(string_item(text(start, i), true));
                    start = i;
                    b.open_list();
                }
                is_digit = true;
            } else {
                if is_digit && i > start {
                    b.current.push(parse_item(true, text(start, i)));
                    start = i;
                    b.open_list();
                }
                is_digit = false;
            }
        }
        if bytes.len() > start {
            b.current.push(parse_item(is_digit, text(start, bytes.len())));
        }
        Ok(Version { items: b.finish(), original: s.to_owned() })
    }

    /// Whether the version sorts before its release: its first qualifier is below the empty one
    /// (`alpha`, `beta`, `milestone`, `rc`, `snapshot`).
    pub fn is_prerelease(&self) -> bool {
        fn first_qualifier(items: &[Item]) -> Option<&str> {
            items.iter().find_map(|i| match i {
                Item::Str(s) => Some(s.as_str()),
                Item::List(l) => first_qualifier(l),
                Item::Int(_) => None,
            })
        }
        first_qualifier(&self.items).is_some_and(|q| qualifier_key(q) < (RELEASE_INDEX, ""))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_lists(&self.items, &other.items)
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[Item]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(if matches!(item, Item::List(_)) { "-" } else { "." })?;
        }
        match item {
            Item::Int(n) => write!(f, "{n}")?,
            Item::Str(s) => f.write_str(s)?,
            Item::List(l) => write_list(f, l)?,
        }
    }
    Ok(())
}

impl Version {
    /// `ComparableVersion.getCanonical()`: `1.0-SNAPSHOT` → `1-snapshot`, `1.0.0` → `1`, `0` →
    /// the empty string. Equal versions have the same canonical form, but it does not always
    /// parse back to the same items (`1-0-1` → `1-1`, which orders after `1-0-1`).
    pub fn canonical(&self) -> String {
        struct Canonical<'a>(&'a [Item]);
        impl fmt::Display for Canonical<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write_list(f, self.0)
            }
        }
        Canonical(&self.items).to_string()
    }
}

impl fmt::Display for Version {
    /// The version as written, as `ComparableVersion.toString()` gives it: Maven's canonical
    /// form ([`Version::canonical`]) can be empty and does not always parse back to an equal
    /// version.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.original)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn canonical_forms() {
        for (input, canonical) in [
            ("1.0-SNAPSHOT", "1-snapshot"),
            ("1.0.0", "1"),
            ("1.0alpha1", "1-alpha-1"),
            ("1-1.foo-bar-1-baz-0.1", "1-1.foo-bar-1-baz-0.1"),
            ("1.0.0.Final", "1"),
            ("2.0.0.RELEASE", "2"),
            ("1.0.0.X1", "1.0.0.x-1"),
            ("1.2.3-cr1", "1.2.3-rc-1"),
        ] {
            assert_eq!(v(input).canonical(), canonical, "{input}");
            assert_eq!(v(input).to_string(), input);
        }
    }

    #[test]
    fn qualifier_order() {
        let order = [
            "1-alpha-1",
            "1-beta-1",
            "1-milestone-1",
            "1-rc-1",
            "1-snapshot",
            "1",
            "1-sp",
            "1-abc",
            "1-xyz",
            "1-1",
            "1.0.1",
        ];
        for pair in order.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{pair:?}");
        }
        assert_eq!(v("1cr"), v("1rc"));
        // Before MNG-7559 (Maven 3.8.7) a dotted qualifier is an item of the outer list, which
        // beats a sub-list: 1.0.RC2 > 1.0-RC3.
        assert_eq!(v("1.0.RC2").cmp(&v("1.0-RC3")), Ordering::Greater);
        assert_eq!(v("1.0-RC3").cmp(&v("1.0.1")), Ordering::Less);
        assert!(v("1-0.alpha") < v("1"));
        assert!(v("1-0.alpha") < v("1-0.beta"));
        // As the POM reference's example has it (ComparableVersion orders 1-ga-1 < 1-1): the
        // dropped release qualifier takes its hyphen with it. A dropped 0 does not.
        assert_eq!(v("1-ga-1"), v("1-1"));
        assert_eq!(v("1-final-release-1"), v("1-1"));
        assert_eq!(v("1-ga-1").canonical(), "1-1");
        assert!(v("1-ga-1") > v("1-0-1"));
        assert!(v("1-0-1") < v("1-1"));
    }

    #[test]
    fn equality_and_hash() {
        use std::collections::HashSet;
        let set: HashSet<Version> =
            ["1", "1.0", "1.0.0", "1-0", "1.ga", "1-final", "1.0.0-0.0.0", "01"].into_iter().map(v).collect();
        assert_eq!(set.len(), 1);
        assert_eq!(v("1.0a1"), v("1-alpha-1"));
    }

    #[test]
    fn numbers_of_any_length() {
        assert!(v("20190126.230843") < v("1234567890.12345"));
        assert!(v("1234567890.12345") < v("123456789012345.1H.5-beta"));
        assert!(v("123456789012345.1H.5-beta") < v("12345678901234567890.1H.5-beta"));
        assert!(v("1.0000000000.5") < v("1.5"));
    }

    #[test]
    fn prerelease_flag_and_refusals() {
        assert!(v("1.0-SNAPSHOT").is_prerelease());
        assert!(v("1.0.0-RC1").is_prerelease());
        assert!(!v("1.0.0").is_prerelease());
        assert!(!v("1.0-sp1").is_prerelease());
        assert!(!v("1.0.0.Final").is_prerelease());
        assert!(Version::parse("1.0 beta").is_err());
        assert!(Version::parse("").is_err());
        // The deepest nesting the length cap allows: one sub-list per character.
        let deep = "1a".repeat(128);
        assert!(v(&deep) < v("1"));
        assert_eq!(v(&deep), v(&deep.to_uppercase()));
        let hyphens = "1-".repeat(128);
        assert!(v(&hyphens) > v("1"));
    }
}
