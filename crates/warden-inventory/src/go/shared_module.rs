//! Go modules and the Go toolchain as packages, shared by `go/binary` and `go/go-mod`.
//!
//! Versions are reported the way OSV writes Go versions: without Go's leading `v` (`v1.9.3` → `1.9.3`,
//! `v2.0.0+incompatible` → `2.0.0+incompatible`); the purl keeps the module version as Go spells it
//! (`pkg:golang/github.com/sirupsen/logrus@v1.9.3`). The toolchain is the package `stdlib` with the Go release as
//! a version (`go1.22.4` → `1.22.4`; a release candidate `go1.21rc2` → `1.21.0-rc.2`, as the Go vulnerability
//! database writes it), purl `pkg:golang/stdlib@1.22.4`.

use warden_core::{Ecosystem, Package, PackageManager, purl};

/// A module at a version (`v1.2.3`, or empty for a local directory); `(devel)` counts as no version.
pub(crate) fn module(path: &str, version: &str, manager: PackageManager) -> Package {
    let version = if version == "(devel)" { "" } else { version };
    let bare = version.strip_prefix('v').unwrap_or(version);
    let mut package = Package::new(Ecosystem::Go, path, bare, manager);
    if !version.is_empty() {
        package.purl = purl(Ecosystem::Go, path, version);
    }
    package
}

/// The standard library at a Go toolchain version (`go1.22.4`, `go1.22.4 X:boringcrypto`, `go1.23.6-xyz`, or a
/// `go` directive's `1.17`); `None` for a development build or anything else that names no release.
pub(crate) fn stdlib(toolchain: &str, manager: PackageManager) -> Option<Package> {
    let version = toolchain_version(toolchain)?;
    Some(Package::new(Ecosystem::Go, "stdlib", version, manager))
}

fn toolchain_version(toolchain: &str) -> Option<String> {
    let word = toolchain.split_whitespace().next()?;
    let word = word.strip_prefix("go").unwrap_or(word);
    let release = word.split_once('-').map_or(word, |(release, _)| release);
    let (numbers, pre) =
        match ["rc", "beta"].iter().find_map(|tag| release.split_once(tag).map(|(n, p)| (n, (*tag, p)))) {
            Some((numbers, (tag, n))) => (numbers, Some((tag, n))),
            None => (release, None),
        };
    let parts: Vec<&str> = numbers.split('.').collect();
    let numeric = |s: &&str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if parts.len() > 3 || !parts.iter().all(numeric) {
        return None;
    }
    match pre {
        None => Some(numbers.to_string()),
        Some((tag, n)) if numeric(&n) => {
            let padded = if parts.len() == 2 { format!("{numbers}.0") } else { numbers.to_string() };
            Some(format!("{padded}-{tag}.{n}"))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_versions_drop_the_v_but_purls_keep_it() {
        let p = module("github.com/sirupsen/logrus", "v1.9.3", PackageManager::Gomod);
        assert_eq!(p.version, "1.9.3");
        assert_eq!(p.purl, "pkg:golang/github.com/sirupsen/logrus@v1.9.3");
        let p = module("example.com/app", "(devel)", PackageManager::Gobinary);
        assert_eq!((p.version.as_str(), p.purl.as_str()), ("", "pkg:golang/example.com/app"));
        assert_eq!(module("x.org/y", "v2.0.0+incompatible", PackageManager::Gomod).version, "2.0.0+incompatible");
    }

    #[test]
    fn toolchain_versions() {
        let v = |s: &str| toolchain_version(s);
        assert_eq!(v("go1.22.4").as_deref(), Some("1.22.4"));
        assert_eq!(v("go1.22.4 X:boringcrypto").as_deref(), Some("1.22.4"));
        assert_eq!(v("go1.23.6-xyz").as_deref(), Some("1.23.6"));
        assert_eq!(v("1.17").as_deref(), Some("1.17"));
        assert_eq!(v("go1.21rc2").as_deref(), Some("1.21.0-rc.2"));
        assert_eq!(v("go1.18beta1").as_deref(), Some("1.18.0-beta.1"));
        assert_eq!(v("devel go1.23-4d5e6f Tue Jan 1"), None);
        assert_eq!(v("go1.x"), None);
        assert_eq!(v(""), None);
        assert_eq!(
            stdlib("go1.19.8", PackageManager::Gobinary).map(|p| p.purl).as_deref(),
            Some("pkg:golang/stdlib@1.19.8")
        );
    }
}
