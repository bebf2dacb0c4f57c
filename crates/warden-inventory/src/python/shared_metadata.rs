//! The core metadata headers of an installed distribution (`METADATA` in a `.dist-info` directory, `PKG-INFO`
//! of an egg), shared by `python/dist-info` and `python/egg-info`.
//!
//! The file is RFC 822 style: `Key: value` headers, continuation lines indented, then a blank line and the long
//! description (the body), which is never read. Header names are case-insensitive and the first `Name` and
//! `Version` win (as Python's `email` parser returns them). Lines that are neither headers nor indented
//! continuations (old setuptools wrote multi-line `Keywords` unindented) are skipped rather than refused. The header
//! block is decoded leniently: a stray Latin-1 byte in an author's name must not lose the package.

use crate::ExtractError;
use warden_core::{Ecosystem, Package, PackageManager};

/// The installed package the metadata describes, or an error naming the missing header.
pub(super) fn installed_package(bytes: &[u8]) -> Result<Package, ExtractError> {
    let (name, version) = name_and_version(bytes);
    match (name, version) {
        (Some(name), Some(version)) => Ok(Package::new(Ecosystem::PyPI, name, version, PackageManager::Pythonpkg)),
        (None, _) => Err(ExtractError::parse("core metadata has no Name header")),
        (Some(name), None) => Err(ExtractError::parse(format!("core metadata for {name} has no Version header"))),
    }
}

/// The first non-empty `Name` and `Version` headers.
fn name_and_version(bytes: &[u8]) -> (Option<String>, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut name = None;
    let mut version = None;
    for raw in bytes.split(|&b| b == b'\n') {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.is_empty() {
            break; // the body starts
        }
        if raw.first().is_some_and(|b| b.is_ascii_whitespace()) {
            continue; // a continuation line
        }
        let line = String::from_utf8_lossy(raw);
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let key = key.trim_end();
        if name.is_none() && key.eq_ignore_ascii_case("Name") {
            name = Some(value.to_string());
        } else if version.is_none() && key.eq_ignore_ascii_case("Version") {
            version = Some(value.to_string());
        }
        if name.is_some() && version.is_some() {
            break;
        }
    }
    (name, version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nv(text: &str) -> (Option<String>, Option<String>) {
        name_and_version(text.as_bytes())
    }

    fn some(a: &str, b: &str) -> (Option<String>, Option<String>) {
        (Some(a.to_string()), Some(b.to_string()))
    }

    #[test]
    fn headers_are_case_insensitive_and_the_first_wins() {
        assert_eq!(nv("Metadata-Version: 2.1\nname: httplib2\nversion: 1.0\n"), some("httplib2", "1.0"));
        assert_eq!(nv("Name: root\nVersion: 1.0.0\nVersion: 2.0.0\n"), some("root", "1.0.0"));
    }

    #[test]
    fn the_body_is_not_read() {
        assert_eq!(nv("Metadata-Version: 2.1\nName: a\n\nVersion: 9\n"), (Some("a".to_string()), None));
        assert_eq!(nv("Name: a\r\nVersion: 1\r\n\r\nName: b\r\n"), some("a", "1"));
    }

    #[test]
    fn unindented_junk_and_continuations_are_skipped() {
        let text = "Name: passlib\nKeywords: a\ncrypt md5-crypt\n  Version: 0\nVersion: 1.7.4\n";
        assert_eq!(nv(text), some("passlib", "1.7.4"));
    }

    #[test]
    fn latin1_bytes_do_not_lose_the_package() {
        assert_eq!(name_and_version(b"Author: Ren\xe9\nName: x\nVersion: 2\n"), some("x", "2"));
    }

    #[test]
    fn a_missing_header_is_an_error_naming_it() {
        let err = installed_package(b"Name: x\n").err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("core metadata for x has no Version header"));
        assert!(installed_package(b"").is_err());
    }
}
