//! `python/dist-info`: installed packages' `<name>-<version>.dist-info/METADATA` (what pip, uv and Poetry write
//! when they install a wheel), wherever it sits: at the root of a function zip (`/var/task/x.dist-info/METADATA`,
//! from `pip install --target`) or in a layer (`/opt/python/lib/python3.12/site-packages/…`, `/opt/python/…`).
//!
//! Reads the `Name` and `Version` headers and nothing else (see `shared_metadata`): the name as published, the
//! version as installed. Does not read `RECORD`, `Requires-Dist` (the dependencies are installed beside it and have
//! their own `METADATA`) or the directory name. A `METADATA` without a name or version is a file error.

use super::shared_metadata::installed_package;
use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_core::Package;

#[derive(Debug)]
pub struct DistInfo;

impl Extractor for DistInfo {
    fn id(&self) -> &'static str {
        "python/dist-info"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.path.strip_suffix("/METADATA").is_some_and(|dir| dir.ends_with(".dist-info"))
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        Ok(vec![installed_package(input.bytes)?])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use warden_core::PackageManager;

    fn wants(path: &str) -> bool {
        DistInfo.wants(&FileInfo { path, size: 10, executable: false })
    }

    #[test]
    fn wants_metadata_in_dist_info_directories_only() {
        assert!(wants("/var/task/requests-2.32.3.dist-info/METADATA"));
        assert!(wants("/opt/python/lib/python3.12/site-packages/PyYAML-6.0.2.dist-info/METADATA"));
        assert!(wants("/opt/python/boto3-1.35.0.dist-info/METADATA"));
        assert!(!wants("/var/task/requests-2.32.3.dist-info/RECORD"));
        assert!(!wants("/var/task/requests/METADATA"));
        assert!(!wants("/var/task/x.dist-info/METADATA.bak"));
        assert!(!wants("/var/task/x.egg-info/PKG-INFO"));
    }

    #[test]
    fn reads_the_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/lockfiles/python/wheelegg/testdata");
        let budget = Input::default_budget();
        let read = |file: &str| {
            let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
            let input = Input::standalone("/var/task/x.dist-info/METADATA", &bytes, &budget);
            DistInfo
                .extract(&input)
                .map(|ps| ps.iter().map(|p| format!("{}@{}", p.name, p.version)).collect::<Vec<_>>())
        };
        assert_eq!(read("distinfo_meta").ok(), Some(vec!["pip@22.2.2".to_string()]));
        assert_eq!(read("pyopenssl-26.0.0.dist-info").ok(), Some(vec!["pyOpenSSL@26.0.0".to_string()]));
        assert_eq!(read("mixed_case").ok(), Some(vec!["httplib2@1.0".to_string()]));
        assert_eq!(read("special_chars").ok(), Some(vec!["backports.ssl_match_hostname@3.5.0.1".to_string()]));
        assert_eq!(read("repeated_pkginfo").ok(), Some(vec!["root@1.0.0".to_string()]));
        assert_eq!(read("malformed_pkginfo").ok(), Some(vec!["passlib@1.7.4".to_string()]));
        assert!(read("empty").is_err());
    }

    #[test]
    fn the_package_is_installed_metadata_with_a_purl() {
        let budget = Input::default_budget();
        let input = Input::standalone("/var/task/a.dist-info/METADATA", b"Name: Jinja2\nVersion: 3.1.4\n", &budget);
        let got = DistInfo.extract(&input).unwrap_or_default();
        let p = got.first().map(|p| (p.package_manager, p.purl.as_str(), p.file_path.as_str(), p.dev));
        assert_eq!(p, Some((PackageManager::Pythonpkg, "pkg:pypi/jinja2@3.1.4", "", false)));
    }
}
