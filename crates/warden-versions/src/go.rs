//! Go module versions, as `golang.org/x/mod/semver` reads them, plus Go toolchain versions for
//! the `stdlib` and `toolchain` pseudo-modules.
//!
//! * The `v` prefix is optional (go.mod writes `v1.2.3`, OSV writes `1.2.3`).
//! * `vMAJOR` and `vMAJOR.MINOR` are shorthands for `vMAJOR.0.0` and `vMAJOR.MINOR.0`, but only
//!   without a pre-release or build suffix; numbers have no leading zeros; pre-release and build
//!   identifiers follow SemVer 2.0.0.
//! * **A leniency**: more than three numeric components (`1.1.3.4.5`), which
//!   `golang.org/x/mod/semver` calls invalid, compare as in [`crate::semver`]: the extra
//!   components as numbers after the patch (`1.2.3 < 1.2.3.4`, `1.2.3.0 = 1.2.3`). Module
//!   versions in advisories are always valid, so this changes no match.
//! * Ordering is SemVer precedence ([`crate::semver`]); build metadata such as `+incompatible`
//!   is ignored (`v2.0.0+incompatible == v2.0.0`), as `semver.Compare` ignores it.
//! * Pseudo-versions (`v0.0.0-20220715151400-c0bba94af5f8`, `v1.2.4-0.20191109021931-daa7c04131f5`)
//!   are ordinary pre-releases and sort as such, which is how Go orders them.
//! * Go toolchain tags are converted as the Go vulnerability database's `GoTagToSemver` does:
//!   `go1.20` → `1.20.0`, `go1.21rc2` → `1.21.0-rc.2`, `go1.9.2beta1` → `1.9.2-beta.1`,
//!   `go1` → `1.0.0`. The same forms without `go` (`1.21rc2`) are accepted too, since they are
//!   not valid SemVer and OSV writes stdlib versions without the prefix.
//!
//! `Display` writes the OSV form: no `v`, build metadata kept (`2.0.0+incompatible`).

use std::cmp::Ordering;
use std::fmt;

use crate::num::{Num, all_digits};
use crate::semver::{self, Ident, Rules};
use crate::{Scheme, VersionError, precheck};

const SCHEME: Scheme = Scheme::Go;

const RULES: Rules = Rules {
    scheme: SCHEME,
    trim: false,
    loose_prefix: false,
    optional_v: &['v'],
    partial: true,
    partial_suffix: false,
    extra_components: true,
    leading_zeros: false,
    hyphenless_pre: false,
};

/// A Go module or toolchain version.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version {
    inner: semver::Version,
}

impl Version {
    pub fn parse(s: &str) -> Result<Version, VersionError> {
        precheck(SCHEME, s)?;
        if let Some(tag) = s.strip_prefix("go") {
            return toolchain(s, tag);
        }
        if s.ends_with(|c: char| c.is_ascii_digit())
            && (s.contains("rc") || s.contains("beta"))
            && s.starts_with(|c: char| c.is_ascii_digit())
            && !s.contains(['-', '+'])
        {
            return toolchain(s, s);
        }
        Ok(Version { inner: semver::parse_with(s, &RULES)? })
    }

    pub fn is_prerelease(&self) -> bool {
        self.inner.is_prerelease()
    }

    /// Whether the build metadata is `+incompatible` (a v2+ module without a go.mod).
    pub fn is_incompatible(&self) -> bool {
        self.inner.build() == ["incompatible"]
    }
}

/// `GoTagToSemver` on `tag`, the part of `input` after `go` (or all of it): `go1`, or
/// `N.N(.N)?((beta|rc)N)?`. (`-preN` tags predate Go 1 and are not accepted.)
fn toolchain(input: &str, tag: &str) -> Result<Version, VersionError> {
    let bad = |reason| VersionError::invalid(SCHEME, input, reason);
    if tag == "1" {
        return Ok(Version { inner: semver::Version::new_release(Num::from_digits("1"), Num::zero(), Num::zero()) });
    }
    if tag == "1.0" {
        return Err(bad("go1.0 is not a Go release tag (go1 is)"));
    }
    let split = tag.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(tag.len());
    let (numbers, suffix) = tag.split_at_checked(split).unwrap_or((tag, ""));
    let parts: Vec<&str> = numbers.split('.').collect();
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(|p| all_digits(p)) {
        return Err(bad("not a Go toolchain version"));
    }
    let mut nums = parts.iter().map(|p| Num::from_digits(p));
    let major = nums.next().unwrap_or_else(Num::zero);
    let minor = nums.next().unwrap_or_else(Num::zero);
    let patch = nums.next().unwrap_or_else(Num::zero);
    let mut v = semver::Version::new_release(major, minor, patch);
    if !suffix.is_empty() {
        let (kind, n) = if let Some(n) = suffix.strip_prefix("beta") {
            ("beta", n)
        } else if let Some(n) = suffix.strip_prefix("rc") {
            ("rc", n)
        } else {
            return Err(bad("a Go toolchain pre-release is betaN or rcN"));
        };
        if !all_digits(n) {
            return Err(bad("a Go toolchain pre-release is betaN or rcN"));
        }
        v = v.with_pre(vec![Ident::Alpha(kind.to_owned()), Ident::Num(Num::from_digits(n))]);
    }
    Ok(Version { inner: v })
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.inner.cmp(&other.inner)
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn prefix_shorthand_and_incompatible() {
        assert_eq!(v("v1.2.3"), v("1.2.3"));
        assert_eq!(v("v1"), v("1.0.0"));
        assert_eq!(v("v1.2"), v("1.2.0"));
        assert_eq!(v("0"), v("0.0.0"));
        let inc = v("v2.0.0+incompatible");
        assert!(inc.is_incompatible());
        assert_eq!(inc, v("2.0.0"));
        assert_eq!(inc.to_string(), "2.0.0+incompatible");
        assert!(v("10.11.0-rc1+incompatible") < v("10.11.0+incompatible"));
        assert_eq!(v("v1.1.3.4.5").to_string(), "1.1.3.4.5");
        assert!(v("1.2.3") < v("1.2.3.4"));
    }

    #[test]
    fn refusals() {
        for s in [
            "v1.2-pre",
            "v1-pre",
            "v01.2.3",
            "v1.2.3-01",
            "1.2.3.",
            "V1.2.3",
            "vv1.2.3",
            " 1.2.3",
            "go1.0",
            "go1.21rc",
            "go1.21alpha1",
            "gox",
        ] {
            assert!(Version::parse(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn pseudo_versions_order_as_prereleases() {
        let order = [
            "v0.0.0-20190101000000-aaaaaaaaaaaa",
            "v0.0.0-20220715151400-c0bba94af5f8",
            "v0.1.0",
            "v1.2.3",
            "v1.2.4-0.20191109021931-daa7c04131f5",
            "v1.2.4-pre",
            "v1.2.4-pre.0.20200101000000-bbbbbbbbbbbb",
            "v1.2.4",
        ];
        for pair in order.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn toolchain_versions() {
        assert_eq!(v("go1.20").to_string(), "1.20.0");
        assert_eq!(v("go1.21rc2").to_string(), "1.21.0-rc.2");
        assert_eq!(v("1.21rc2"), v("go1.21rc2"));
        assert_eq!(v("go1.9.2beta1").to_string(), "1.9.2-beta.1");
        assert_eq!(v("go1").to_string(), "1.0.0");
        assert_eq!(v("go1.22.4"), v("1.22.4"));
        let order = ["go1.20.14", "go1.21beta1", "go1.21rc1", "go1.21rc2", "go1.21.0", "1.21.1", "go1.22"];
        for pair in order.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{pair:?}");
        }
        // OSV's stdlib ranges open with `1.21.0-0`, before every pre-release of 1.21.0.
        assert!(v("1.21.0-0") < v("go1.21rc1"));
    }
}
