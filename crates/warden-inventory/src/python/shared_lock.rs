//! Shared by the Python lockfile and manifest extractors: where such files are worth reading, which group names
//! mean "development only", and turning a locked entry into a package.

use warden_core::{Ecosystem, Package, PackageManager};

/// Whether a manifest or lockfile sits inside installed third-party code (`site-packages`, `dist-packages`,
/// `node_modules`), where it describes how that package was developed, not what the function runs.
pub(super) fn in_installed_code(path: &str) -> bool {
    path.contains("/site-packages/") || path.contains("/dist-packages/") || path.contains("/node_modules/")
}

/// Dependency-group or extra names that by near-universal convention hold development tools (`dev`, `test`,
/// `lint`, `docs`, …). Used only where a format names groups without saying which are for development; a group
/// with any other name is treated as needed at run time.
pub(super) fn is_dev_group(name: &str) -> bool {
    const DEV: &[&str] = &[
        "dev",
        "devel",
        "develop",
        "development",
        "test",
        "tests",
        "testing",
        "lint",
        "linting",
        "doc",
        "docs",
        "typing",
    ];
    DEV.iter().any(|d| d.eq_ignore_ascii_case(name))
}

/// A locked PyPI package, or `None` when the entry has no name or no version (editable, local or VCS entries
/// that the lock does not pin to a version are left out: there is nothing to match them against).
pub(super) fn locked(name: &str, version: &str, manager: PackageManager, dev: bool) -> Option<Package> {
    let (name, version) = (name.trim(), version.trim());
    if name.is_empty() || version.is_empty() {
        return None;
    }
    Some(Package::new(Ecosystem::PyPI, name, version, manager).dev(dev))
}

/// A file holding nothing but whitespace (an empty lockfile describes no packages; it is not an error).
pub(super) fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installed_code_is_recognised() {
        assert!(in_installed_code("/opt/python/lib/python3.12/site-packages/x/requirements.txt"));
        assert!(in_installed_code("/var/task/node_modules/x/poetry.lock"));
        assert!(!in_installed_code("/var/task/requirements.txt"));
        assert!(!in_installed_code("/var/task/my-site-packages.txt"));
    }

    #[test]
    fn dev_groups() {
        assert!(is_dev_group("dev"));
        assert!(is_dev_group("Tests"));
        assert!(!is_dev_group("default"));
        assert!(!is_dev_group("security"));
    }

    #[test]
    fn entries_without_name_or_version_are_left_out() {
        assert!(locked("x", " ", PackageManager::Pip, false).is_none());
        assert!(locked("", "1", PackageManager::Pip, false).is_none());
        let p = locked(" six ", "1.16.0", PackageManager::Poetry, true).unwrap();
        assert_eq!((p.name.as_str(), p.version.as_str(), p.dev), ("six", "1.16.0", true));
    }
}
