//! PyPI versions: PEP 440, as Python's `packaging.version` implements it.
//!
//! * Parsing follows `packaging`'s `VERSION_PATTERN`: case-insensitive, surrounding whitespace
//!   ignored, optional `v` prefix, epoch `N!`, release `N(.N)*`, pre-release spelled
//!   `a|alpha|b|beta|c|rc|pre|preview` with optional `-_.` separators and an implicit number 0,
//!   post-release `.postN`/`-N`/`revN`/`rN` (implicit 0), `.devN` (implicit 0), and a local
//!   version `+[a-z0-9]+([-_.][a-z0-9]+)*`.
//! * Ordering is `packaging`'s `_cmpkey`: epoch, release with trailing zeros dropped
//!   (`1.0 == 1.0.0`), then a dev-only release before any pre-release of it (`1.0.dev0 < 1.0a0`),
//!   pre-releases before the release, post-releases after it, a dev release before whatever it
//!   develops (`1.0.post1.dev0 < 1.0.post1`), and a local version after the same public version
//!   (`1.0+local > 1.0`; numeric local parts sort after alphanumeric ones).
//! * Strings that are not PEP 440 are parsed as `packaging`'s `LegacyVersion` (removed in
//!   packaging 22, but old uploads and advisories still carry such versions): they sort before
//!   every PEP 440 version and among themselves by `packaging`'s legacy key, reproduced exactly
//!   (including its 8-digit zero padding). A legacy version must still be one printable word:
//!   whitespace inside it is refused.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::num::Num;
use crate::{Scheme, VersionError, precheck};

const SCHEME: Scheme = Scheme::Pep440;

/// A PyPI version: PEP 440, or a legacy (pre-PEP 440) version.
#[derive(Debug, Clone)]
pub struct Version {
    inner: Inner,
}

#[derive(Debug, Clone)]
enum Inner {
    Legacy(Legacy),
    Pep440(Pep440),
}

/// The pre-release kinds, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum PreKind {
    Alpha,
    Beta,
    Rc,
}

impl PreKind {
    fn as_str(self) -> &'static str {
        match self {
            PreKind::Alpha => "a",
            PreKind::Beta => "b",
            PreKind::Rc => "rc",
        }
    }
}

/// A local version part: alphanumeric parts sort before numeric ones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum LocalPart {
    Str(String),
    Num(Num),
}

#[derive(Debug, Clone)]
struct Pep440 {
    epoch: Num,
    release: Vec<Num>,
    pre: Option<(PreKind, Num)>,
    post: Option<Num>,
    dev: Option<Num>,
    local: Vec<LocalPart>,
}

/// `packaging`'s `_cmpkey` pre-release slot.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum PreKey<'a> {
    /// A dev release with neither pre nor post release: before every pre-release.
    NegInf,
    Pre(PreKind, &'a Num),
    /// No pre-release.
    PosInf,
}

/// `packaging`'s `_cmpkey` dev slot.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum DevKey<'a> {
    Dev(&'a Num),
    /// No dev release.
    PosInf,
}

type Key<'a> = (&'a Num, &'a [Num], PreKey<'a>, Option<&'a Num>, DevKey<'a>, &'a [LocalPart]);

impl Pep440 {
    fn key(&self) -> Key<'_> {
        let mut release = self.release.as_slice();
        while let Some((last, rest)) = release.split_last() {
            if !last.is_zero() {
                break;
            }
            release = rest;
        }
        let pre = match (&self.pre, &self.post, &self.dev) {
            (None, None, Some(_)) => PreKey::NegInf,
            (Some((kind, n)), _, _) => PreKey::Pre(*kind, n),
            (None, _, _) => PreKey::PosInf,
        };
        let dev = match &self.dev {
            Some(n) => DevKey::Dev(n),
            None => DevKey::PosInf,
        };
        (&self.epoch, release, pre, self.post.as_ref(), dev, &self.local)
    }
}

/// `packaging`'s `LegacyVersion`: the original string and its comparison key.
#[derive(Debug, Clone)]
struct Legacy {
    original: String,
    parts: Vec<String>,
}

impl Version {
    /// Parses a PyPI version: PEP 440 when it is one, else a legacy version.
    pub fn parse(s: &str) -> Result<Version, VersionError> {
        precheck(SCHEME, s)?;
        let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
        if s.is_empty() {
            return Err(VersionError::Empty { scheme: SCHEME });
        }
        if let Some(pep) = parse_pep440(s) {
            return Ok(Version { inner: Inner::Pep440(pep) });
        }
        if s.bytes().any(|b| b.is_ascii_whitespace() || b.is_ascii_control()) {
            return Err(VersionError::invalid(
                SCHEME,
                s,
                "not PEP 440, and whitespace or control characters rule out a legacy version",
            ));
        }
        Ok(Version { inner: Inner::Legacy(Legacy { original: s.to_owned(), parts: legacy_key(s) }) })
    }

    /// Whether this is a pre-release or a dev release (`packaging`'s `is_prerelease`); legacy
    /// versions never are.
    pub fn is_prerelease(&self) -> bool {
        match &self.inner {
            Inner::Pep440(p) => p.pre.is_some() || p.dev.is_some(),
            Inner::Legacy(_) => false,
        }
    }

    /// Whether this is a legacy (non-PEP 440) version.
    pub fn is_legacy(&self) -> bool {
        matches!(self.inner, Inner::Legacy(_))
    }

    /// Whether this has a local version label (`+…`).
    pub fn has_local(&self) -> bool {
        matches!(&self.inner, Inner::Pep440(p) if !p.local.is_empty())
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        match (&self.inner, &other.inner) {
            (Inner::Legacy(a), Inner::Legacy(b)) => a.parts.cmp(&b.parts),
            (Inner::Legacy(_), Inner::Pep440(_)) => Ordering::Less,
            (Inner::Pep440(_), Inner::Legacy(_)) => Ordering::Greater,
            (Inner::Pep440(a), Inner::Pep440(b)) => a.key().cmp(&b.key()),
        }
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
        match &self.inner {
            Inner::Legacy(l) => {
                0u8.hash(state);
                l.parts.hash(state);
            }
            Inner::Pep440(p) => {
                1u8.hash(state);
                p.key().hash(state);
            }
        }
    }
}

impl fmt::Display for Version {
    /// `packaging`'s normalized form (`1.0-alpha1` → `1.0a1`, `1.0-1` → `1.0.post1`,
    /// `1.0+Ubuntu-1` → `1.0+ubuntu.1`); a legacy version as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = match &self.inner {
            Inner::Legacy(l) => return f.write_str(&l.original),
            Inner::Pep440(p) => p,
        };
        if !p.epoch.is_zero() {
            write!(f, "{}!", p.epoch)?;
        }
        for (i, n) in p.release.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{n}")?;
        }
        if let Some((kind, n)) = &p.pre {
            write!(f, "{}{n}", kind.as_str())?;
        }
        if let Some(n) = &p.post {
            write!(f, ".post{n}")?;
        }
        if let Some(n) = &p.dev {
            write!(f, ".dev{n}")?;
        }
        for (i, part) in p.local.iter().enumerate() {
            f.write_str(if i == 0 { "+" } else { "." })?;
            match part {
                LocalPart::Str(s) => f.write_str(s)?,
                LocalPart::Num(n) => write!(f, "{n}")?,
            }
        }
        Ok(())
    }
}

/// A cursor over the lowercased version.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_sep(&mut self) -> bool {
        matches!(self.peek(), Some(b'-' | b'_' | b'.')) && {
            self.pos += 1;
            true
        }
    }

    fn digits(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        self.pos += n;
        rest.get(..n)
    }

    /// The first of `words` that the input continues with, consumed.
    fn word<T: Copy>(&mut self, words: &[(&str, T)]) -> Option<T> {
        let rest = self.rest();
        let &(w, t) = words.iter().find(|(w, _)| rest.starts_with(w))?;
        self.pos += w.len();
        Some(t)
    }

    /// `[-_.]?LABEL[-_.]?N?`, the shape shared by the pre, post and dev segments; the optional
    /// separators are taken greedily, as the regex does. Nothing is consumed without a label.
    fn labelled<T: Copy>(&mut self, labels: &[(&str, T)]) -> Option<(T, Num)> {
        let start = self.pos;
        self.eat_sep();
        let Some(label) = self.word(labels) else {
            self.pos = start;
            return None;
        };
        self.eat_sep();
        let n = self.digits().map_or_else(Num::zero, Num::from_digits);
        Some((label, n))
    }
}

const PRE_LABELS: &[(&str, PreKind)] = &[
    ("alpha", PreKind::Alpha),
    ("a", PreKind::Alpha),
    ("beta", PreKind::Beta),
    ("b", PreKind::Beta),
    ("preview", PreKind::Rc),
    ("pre", PreKind::Rc),
    ("c", PreKind::Rc),
    ("rc", PreKind::Rc),
];
const POST_LABELS: &[(&str, ())] = &[("post", ()), ("rev", ()), ("r", ())];
const DEV_LABELS: &[(&str, ())] = &[("dev", ())];

/// `packaging`'s `VERSION_PATTERN`, or `None` when `s` (already trimmed) does not match it.
fn parse_pep440(s: &str) -> Option<Pep440> {
    let lower = s.to_ascii_lowercase();
    let mut c = Cursor { s: &lower, pos: 0 };
    c.eat(b'v');

    // Epoch: digits followed by `!`, else those digits start the release.
    let mark = c.pos;
    let mut epoch = Num::zero();
    if let Some(d) = c.digits() {
        if c.eat(b'!') {
            epoch = Num::from_digits(d);
        } else {
            c.pos = mark;
        }
    }

    let mut release = vec![Num::from_digits(c.digits()?)];
    loop {
        let mark = c.pos;
        if !c.eat(b'.') {
            break;
        }
        match c.digits() {
            Some(d) => release.push(Num::from_digits(d)),
            None => {
                c.pos = mark;
                break;
            }
        }
    }

    let pre = c.labelled(PRE_LABELS);

    // Post: `-N` first, then the labelled forms.
    let mark = c.pos;
    let mut post = None;
    if c.eat(b'-') {
        match c.digits() {
            Some(d) => post = Some(Num::from_digits(d)),
            None => c.pos = mark,
        }
    }
    if post.is_none() {
        post = c.labelled(POST_LABELS).map(|((), n)| n);
    }

    let dev = c.labelled(DEV_LABELS).map(|((), n)| n);

    let mut local = Vec::new();
    if c.eat(b'+') {
        for part in c.rest().split(['-', '_', '.']) {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            local.push(if crate::num::all_digits(part) {
                LocalPart::Num(Num::from_digits(part))
            } else {
                LocalPart::Str(part.to_owned())
            });
        }
        c.pos = c.s.len();
    }

    if c.peek().is_some() {
        return None;
    }
    Some(Pep440 { epoch, release, pre, post, dev, local })
}

/// `packaging`'s `_legacy_cmpkey` (without the constant epoch of -1).
fn legacy_key(s: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for part in legacy_parts(&s.to_ascii_lowercase()) {
        if part.starts_with('*') {
            if part.as_str() < "*final" {
                while parts.last().is_some_and(|p| p == "*final-") {
                    parts.pop();
                }
            }
            while parts.last().is_some_and(|p| p == "00000000") {
                parts.pop();
            }
        }
        parts.push(part);
    }
    parts
}

/// `packaging`'s `_parse_version_parts`: split into digit runs, letter runs, `.` and `-` (and
/// the text between them), map `pre`/`preview`/`rc` to `c`, `dev` to `@` and `-` to `final-`,
/// zero-pad numbers to 8 digits and mark words with `*`; end with `*final`.
fn legacy_parts(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |raw: &str| {
        let part = match raw {
            "pre" | "preview" | "rc" => "c",
            "-" => "final-",
            "dev" => "@",
            other => other,
        };
        if part.is_empty() || part == "." {
            return;
        }
        if part.starts_with(|c: char| c.is_ascii_digit()) {
            out.push(format!("{part:0>8}"));
        } else {
            out.push(format!("*{part}"));
        }
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut other_start = 0;
    while let Some(&b) = bytes.get(i) {
        let len = if b.is_ascii_digit() {
            bytes.get(i..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count())
        } else if b.is_ascii_lowercase() {
            bytes.get(i..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_lowercase()).count())
        } else if b == b'.' || b == b'-' {
            1
        } else {
            0
        };
        if len == 0 {
            i += 1;
            continue;
        }
        push(s.get(other_start..i).unwrap_or_default());
        push(s.get(i..i + len).unwrap_or_default());
        i += len;
        other_start = i;
    }
    push(s.get(other_start..).unwrap_or_default());
    out.push("*final".to_owned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn normalizes_like_packaging() {
        for (input, normal) in [
            ("1.0-alpha1", "1.0a1"),
            ("v1.0", "1.0"),
            ("V1.0", "1.0"),
            ("1.0.post-1", "1.0.post1"),
            ("1.0-1", "1.0.post1"),
            ("1.0.r", "1.0.post0"),
            ("1.0rev2", "1.0.post2"),
            ("1.0c1", "1.0rc1"),
            ("1.0.PREVIEW_2", "1.0rc2"),
            ("1.0pre", "1.0rc0"),
            ("1.0.dev", "1.0.dev0"),
            ("1.0a.", "1.0a0"),
            ("1.0-a-1", "1.0a1"),
            ("1!2.0", "1!2.0"),
            ("0!2.0", "2.0"),
            ("01.002", "1.2"),
            ("1.0+Ubuntu-1_2", "1.0+ubuntu.1.2"),
            ("1.0+local.01", "1.0+local.1"),
            ("  1.0  ", "1.0"),
            ("1.2a3.post4.dev5+x", "1.2a3.post4.dev5+x"),
            ("1.0a-.post1", "1.0a0.post1"),
        ] {
            assert_eq!(v(input).to_string(), normal, "{input}");
            assert!(!v(input).is_legacy(), "{input}");
        }
    }

    #[test]
    fn orders_dev_pre_post() {
        let order = [
            "1.0.dev0",
            "1.0a0.dev0",
            "1.0a0",
            "1.0a1.post1.dev1",
            "1.0a1.post1",
            "1.0b1",
            "1.0rc1.dev1",
            "1.0rc1",
            "1.0",
            "1.0+abc",
            "1.0+abc.1",
            "1.0+1",
            "1.0.post0.dev0",
            "1.0.post0",
            "1.0.post1",
            "1.0.1",
            "1!0.1",
        ];
        for pair in order.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{} < {}", pair[0], pair[1]);
        }
    }

    #[test]
    fn equality_and_hash_follow_the_scheme() {
        use std::collections::HashSet;
        assert_eq!(v("1.0"), v("1.0.0"));
        assert_eq!(v("1.0a"), v("1.0.alpha.0"));
        assert_eq!(v("1.0+A.01"), v("1.0+a-1"));
        let set: HashSet<Version> = ["1.0", "1.0.0", "1", "v1.0.0.0"].into_iter().map(v).collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn legacy_versions_sort_first_and_by_the_legacy_key() {
        let legacy = v("0.1-bulbasaur");
        assert!(legacy.is_legacy());
        assert!(!legacy.is_prerelease());
        assert!(legacy < v("0.0.1.dev0"));
        assert!(v("1.0-rc1-foo") < v("1.0-rc2-foo"));
        assert_eq!(v("1.0.0-foo"), v("1.0-foo"));
        assert_eq!(v("Custom_Build"), v("custom_build"));
        assert!(Version::parse("1.0 beta").is_err());
        assert!(Version::parse("   ").is_err());
    }

    #[test]
    fn invalid_pep440_becomes_legacy() {
        for s in ["1.0+", "1.0+a..b", "1..0", "1.0-", "1.0a1b1", "a1.0", "1.0+a_", "1.0.post1-1", "1.0-.post1"] {
            assert!(v(s).is_legacy(), "{s}");
        }
    }

    #[test]
    fn prerelease_flag() {
        assert!(v("1.0a1").is_prerelease());
        assert!(v("1.0.dev1").is_prerelease());
        assert!(v("1.0.post1.dev1").is_prerelease());
        assert!(!v("1.0.post1").is_prerelease());
        assert!(v("1.0+local").has_local());
    }
}
