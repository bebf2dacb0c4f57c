//! Folding packages that describe the same installed thing.

use crate::registry::reads_installed;
use std::collections::HashMap;
use warden_core::{Ecosystem, Package};

pub use warden_core::normalize_name;

/// One package per (ecosystem, name, version, layer). Installed metadata wins over a lockfile or manifest (and its
/// `dev` flag stands: it knows what was built in), then a runtime dependency over a dev-only one, then the first
/// path; the others are kept in `also_found_in`. Packages without a pinned version are never folded into pinned
/// ones. Expects `extractor` to be set.
pub fn dedup(mut packages: Vec<Package>) -> Vec<Package> {
    packages.sort_by_cached_key(|p| (!reads_installed(&p.extractor), p.dev, p.file_path.clone()));
    let mut index: HashMap<(Ecosystem, String, String, Option<String>), usize> = HashMap::new();
    let mut out: Vec<Package> = Vec::with_capacity(packages.len());
    for p in packages {
        let key = (p.ecosystem, normalize_name(p.ecosystem, &p.name), p.version.clone(), p.layer.clone());
        if p.version.is_empty() {
            out.push(p);
            continue;
        }
        match index.get(&key).and_then(|&i| out.get_mut(i)) {
            Some(kept) => {
                if !reads_installed(&kept.extractor) {
                    kept.dev &= p.dev;
                }
                if kept.file_path != p.file_path && !kept.also_found_in.contains(&p.file_path) {
                    kept.also_found_in.push(p.file_path);
                }
            }
            None => {
                index.insert(key, out.len());
                out.push(p);
            }
        }
    }
    out.sort_by(|a, b| {
        (a.ecosystem, &a.name, &a.version, &a.layer, &a.file_path).cmp(&(
            b.ecosystem,
            &b.name,
            &b.version,
            &b.layer,
            &b.file_path,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use warden_core::PackageManager;

    fn pkg(name: &str, version: &str, pm: PackageManager, path: &str, dev: bool) -> Package {
        let mut p = Package::new(Ecosystem::PyPI, name, version, pm).dev(dev);
        p.file_path = path.to_string();
        p.extractor = match pm {
            PackageManager::Pythonpkg => "python/dist-info",
            PackageManager::Cargo if path.ends_with("bootstrap") => "rust/cargo-auditable",
            PackageManager::Cargo => "rust/cargo-lock",
            _ => "python/poetry-lock",
        }
        .to_string();
        p
    }

    #[test]
    fn installed_metadata_wins_and_keeps_the_lockfile_as_a_location() {
        let out = dedup(vec![
            pkg("Jinja2", "2.10", PackageManager::Poetry, "/var/task/poetry.lock", true),
            pkg("jinja2", "2.10", PackageManager::Pythonpkg, "/var/task/jinja2-2.10.dist-info/METADATA", false),
            pkg("jinja2", "2.11", PackageManager::Poetry, "/var/task/poetry.lock", false),
        ]);
        assert_eq!(out.len(), 2);
        let kept =
            out.iter().find(|p| p.version == "2.10").map(|p| (p.package_manager, p.dev, p.also_found_in.clone()));
        assert_eq!(kept, Some((PackageManager::Pythonpkg, false, vec!["/var/task/poetry.lock".to_string()])));
    }

    #[test]
    fn a_binary_wins_over_a_lockfile_of_the_same_manager_and_keeps_its_dev_flag() {
        let out = dedup(vec![
            pkg("autocfg", "1.4.0", PackageManager::Cargo, "/var/task/Cargo.lock", false),
            pkg("autocfg", "1.4.0", PackageManager::Cargo, "/var/task/bootstrap", true),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].file_path.as_str(), out[0].dev), ("/var/task/bootstrap", true));
    }

    #[test]
    fn unpinned_requirements_are_not_folded() {
        let out = dedup(vec![
            pkg("requests", "", PackageManager::Pip, "/var/task/requirements.txt", false),
            pkg("requests", "2.19.0", PackageManager::Pythonpkg, "/var/task/r/METADATA", false),
        ]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn pep503_names() {
        assert_eq!(normalize_name(Ecosystem::PyPI, "Zope.Interface"), "zope-interface");
        assert_eq!(normalize_name(Ecosystem::PyPI, "a__b"), "a-b");
        assert_eq!(normalize_name(Ecosystem::NuGet, "Newtonsoft.Json"), "newtonsoft.json");
        assert_eq!(normalize_name(Ecosystem::Npm, "React"), "React");
    }
}
