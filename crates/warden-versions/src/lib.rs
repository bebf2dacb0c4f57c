//! Exact version parsing and ordering for each ecosystem Warden scans.
//!
//! One module per version scheme, each following its ecosystem's own implementation (the one
//! named in the module's documentation) and tested against fixtures that implementation
//! produced:
//!
//! | ecosystem | module | follows |
//! |---|---|---|
//! | PyPI | [`pep440`] | Python `packaging` (PEP 440, plus `LegacyVersion` for older uploads) |
//! | npm | [`semver`] ([`semver::Mode::Npm`]) | node-semver, loose |
//! | crates.io | [`semver`] ([`semver::Mode::CratesIo`]) | SemVer 2.0.0 as Cargo accepts it, plus a `v` prefix, partial versions and extra components |
//! | Go | [`go`] | `golang.org/x/mod/semver`, plus Go toolchain tags for `stdlib` |
//! | Maven | [`maven`] | `org.apache.maven.artifact.versioning.ComparableVersion` (maven-artifact 3.8.6) |
//! | NuGet | [`nuget`] | `NuGet.Versioning.NuGetVersion` |
//! | RubyGems | [`rubygems`] | `Gem::Version` |
//! | Packagist | [`composer`] | PHP `version_compare`, as Composer's `Comparator` calls it (with `#` as a special form: see [`compare`]) |
//!
//! Version strings are untrusted input: parsing never panics, strings over
//! [`MAX_VERSION_LEN`] bytes or with non-ASCII characters are refused before any other work,
//! and every parser is linear in its input.
//!
//! ```
//! use warden_versions::{compare, parse, Ecosystem};
//! use std::cmp::Ordering;
//!
//! assert_eq!(compare(Ecosystem::PyPI, "1.0", "1.0.0"), Ok(Ordering::Equal));
//! assert_eq!(compare(Ecosystem::Maven, "1.0-SNAPSHOT", "1.0"), Ok(Ordering::Less));
//! assert!(parse(Ecosystem::CratesIo, "1.2.3-").is_err());
//! ```

pub mod composer;
pub mod go;
pub mod maven;
pub mod nuget;
mod num;
pub mod pep440;
pub mod rubygems;
pub mod semver;

use std::cmp::Ordering;
use std::fmt;

pub use warden_core::Ecosystem;

/// The longest version string accepted, in bytes. Real versions are far shorter; the cap keeps
/// the work on a hostile string small.
pub const MAX_VERSION_LEN: usize = 256;

/// A parsed version of one ecosystem's scheme.
///
/// `Ord` compares within a scheme exactly as the ecosystem does, and `Eq` and `Hash` follow it
/// (`1.0 == 1.0.0` in PEP 440 and Maven). Versions of different schemes never meet in practice;
/// they are ordered by scheme (the variant order), then within the scheme.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    Pep440(pep440::Version),
    /// npm and crates.io.
    Semver(semver::Version),
    Go(go::Version),
    Maven(maven::Version),
    NuGet(nuget::Version),
    RubyGems(rubygems::Version),
    Composer(composer::Version),
}

impl Version {
    /// Whether the ecosystem counts this version as a pre-release (PEP 440 pre and dev releases,
    /// SemVer pre-release identifiers, Maven qualifiers that sort before the release, NuGet release
    /// labels, RubyGems letters, Composer stabilities below stable).
    pub fn is_prerelease(&self) -> bool {
        match self {
            Version::Pep440(v) => v.is_prerelease(),
            Version::Semver(v) => v.is_prerelease(),
            Version::Go(v) => v.is_prerelease(),
            Version::Maven(v) => v.is_prerelease(),
            Version::NuGet(v) => v.is_prerelease(),
            Version::RubyGems(v) => v.is_prerelease(),
            Version::Composer(v) => v.is_prerelease(),
        }
    }
}

/// Parses `s` with the version scheme of `ecosystem`.
pub fn parse(ecosystem: Ecosystem, s: &str) -> Result<Version, VersionError> {
    Ok(match ecosystem {
        Ecosystem::PyPI => Version::Pep440(pep440::Version::parse(s)?),
        Ecosystem::Npm => Version::Semver(semver::Version::parse(s, semver::Mode::Npm)?),
        Ecosystem::CratesIo => Version::Semver(semver::Version::parse(s, semver::Mode::CratesIo)?),
        Ecosystem::Go => Version::Go(go::Version::parse(s)?),
        Ecosystem::Maven => Version::Maven(maven::Version::parse(s)?),
        Ecosystem::NuGet => Version::NuGet(nuget::Version::parse(s)?),
        Ecosystem::RubyGems => Version::RubyGems(rubygems::Version::parse(s)?),
        Ecosystem::Packagist => Version::Composer(composer::Version::parse(s)?),
    })
}

/// Compares two version strings of `ecosystem`; an error names the first string that does not
/// parse.
///
/// This is `parse(a)?.cmp(&parse(b)?)` for every version, except Packagist versions holding
/// `#`: those compare with [`composer::compare`], PHP's piecewise `version_compare`, where `#`
/// equals any number, which no total order can reproduce (`1.2.3.# = 1.2.3` and
/// `1.2.3.# = 1.2.3.1`). `Ord` on [`Version`] stays a total order and passes `#` over.
pub fn compare(ecosystem: Ecosystem, a: &str, b: &str) -> Result<Ordering, VersionError> {
    let a = parse(ecosystem, a)?;
    let b = parse(ecosystem, b)?;
    Ok(match (&a, &b) {
        (Version::Composer(x), Version::Composer(y)) => composer::compare(x, y),
        _ => a.cmp(&b),
    })
}

impl fmt::Display for Version {
    /// The canonical form of the scheme (see each module's `Display`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Version::Pep440(v) => v.fmt(f),
            Version::Semver(v) => v.fmt(f),
            Version::Go(v) => v.fmt(f),
            Version::Maven(v) => v.fmt(f),
            Version::NuGet(v) => v.fmt(f),
            Version::RubyGems(v) => v.fmt(f),
            Version::Composer(v) => v.fmt(f),
        }
    }
}

/// A version scheme, as named in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// PyPI.
    Pep440,
    /// npm: node-semver, loose.
    NodeSemver,
    /// crates.io (SemVer 2.0.0 with a `v` prefix, partial versions and extra components
    /// accepted), and strict SemVer 2.0.0 for `SEMVER` ranges.
    SemVer2,
    /// Go modules and the Go toolchain.
    Go,
    Maven,
    NuGet,
    RubyGems,
    /// Packagist.
    Composer,
}

impl Scheme {
    /// The scheme `ecosystem` uses.
    pub fn of(ecosystem: Ecosystem) -> Scheme {
        match ecosystem {
            Ecosystem::PyPI => Scheme::Pep440,
            Ecosystem::Npm => Scheme::NodeSemver,
            Ecosystem::CratesIo => Scheme::SemVer2,
            Ecosystem::Go => Scheme::Go,
            Ecosystem::Maven => Scheme::Maven,
            Ecosystem::NuGet => Scheme::NuGet,
            Ecosystem::RubyGems => Scheme::RubyGems,
            Ecosystem::Packagist => Scheme::Composer,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scheme::Pep440 => "PEP 440",
            Scheme::NodeSemver => "node-semver",
            Scheme::SemVer2 => "SemVer 2.0",
            Scheme::Go => "Go",
            Scheme::Maven => "Maven",
            Scheme::NuGet => "NuGet",
            Scheme::RubyGems => "RubyGems",
            Scheme::Composer => "Composer",
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a version string was refused.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum VersionError {
    #[error("empty {scheme} version")]
    Empty { scheme: Scheme },
    /// Longer than [`MAX_VERSION_LEN`]; `input` holds only the first 64 bytes.
    #[error("{scheme} version of {len} bytes is over the {max}-byte limit: {input:?}…", max = MAX_VERSION_LEN)]
    TooLong { scheme: Scheme, len: usize, input: String },
    #[error("invalid {scheme} version {input:?}: {reason}")]
    Invalid { scheme: Scheme, input: String, reason: &'static str },
}

impl VersionError {
    pub fn scheme(&self) -> Scheme {
        match self {
            VersionError::Empty { scheme }
            | VersionError::TooLong { scheme, .. }
            | VersionError::Invalid { scheme, .. } => *scheme,
        }
    }

    /// The offending string (cut to its first 64 bytes when too long).
    pub fn input(&self) -> &str {
        match self {
            VersionError::Empty { .. } => "",
            VersionError::TooLong { input, .. } | VersionError::Invalid { input, .. } => input,
        }
    }

    pub(crate) fn invalid(scheme: Scheme, input: &str, reason: &'static str) -> VersionError {
        VersionError::Invalid { scheme, input: input.to_owned(), reason }
    }
}

/// The checks every scheme makes before parsing: the length cap and ASCII only. Emptiness is
/// checked by each scheme after its own trimming.
pub(crate) fn precheck(scheme: Scheme, s: &str) -> Result<(), VersionError> {
    if s.len() > MAX_VERSION_LEN {
        let mut cut = 64;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        return Err(VersionError::TooLong { scheme, len: s.len(), input: s.get(..cut).unwrap_or_default().to_owned() });
    }
    if !s.is_ascii() {
        return Err(VersionError::invalid(scheme, s, "non-ASCII character"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ecosystem_parses_a_plain_version() {
        for eco in Ecosystem::ALL {
            let v = parse(eco, "1.2.3");
            assert!(v.is_ok(), "{eco:?}: {v:?}");
        }
    }

    #[test]
    fn refuses_long_and_non_ascii_input_quickly() {
        let long = "1.".repeat(500_000);
        for eco in Ecosystem::ALL {
            let err = parse(eco, &long);
            assert!(matches!(err, Err(VersionError::TooLong { len: 1_000_000, .. })), "{eco:?}");
            assert!(parse(eco, "1.0-ß").is_err(), "{eco:?}");
            assert!(parse(eco, "").is_err(), "{eco:?}");
        }
        let err = parse(Ecosystem::PyPI, &format!("{}é", "1".repeat(300)));
        assert!(matches!(err, Err(VersionError::TooLong { .. })));
        assert_eq!(err.map_err(|e| e.input().len()), Err(64));
    }

    #[test]
    fn errors_name_scheme_and_input() {
        let err = parse(Ecosystem::CratesIo, "01.2.3");
        let Err(err) = err else { unreachable!("01.2.3 is not SemVer") };
        assert_eq!(err.scheme(), Scheme::SemVer2);
        assert_eq!(err.input(), "01.2.3");
        assert!(err.to_string().contains("SemVer 2.0"), "{err}");
    }

    #[test]
    fn compare_uses_the_scheme() {
        assert_eq!(compare(Ecosystem::Maven, "1.0", "1.0.0"), Ok(Ordering::Equal));
        assert_eq!(compare(Ecosystem::Packagist, "1.0", "1.0.0"), Ok(Ordering::Less));
        assert_eq!(compare(Ecosystem::Npm, "1.2.3", "v1.2.3"), Ok(Ordering::Equal));
    }
}
