//! `python/egg-info`: packages installed the setuptools way, described by
//! - `<name>.egg-info/PKG-INFO` (a `setup.py install` or `develop`, and some distribution packages),
//! - a bare `<name>-<version>.egg-info` FILE (older setuptools and distutils wrote the metadata as one file),
//! - `<name>.egg/EGG-INFO/PKG-INFO` inside an unzipped egg directory,
//! - a zipped `<name>.egg` file, whose `EGG-INFO/PKG-INFO` is read through the archive limits (the package is
//!   then located at `…/x.egg!/EGG-INFO/PKG-INFO`; an egg without one yields nothing).
//!
//! Reads `Name` and `Version` only (see `shared_metadata`); `requires.txt`, `SOURCES.txt` and the egg's file name
//! are not read. An egg that is not a readable zip is a file error; one that breaks a limit (a bomb) refuses the
//! artifact like any other archive.

use super::shared_metadata::installed_package;
use crate::{ExtractError, Extractor, FileInfo, Input};
use warden_artifact::{Archive, ArtifactError, ReadError};
use warden_core::Package;

const EGG_PKG_INFO: &str = "EGG-INFO/PKG-INFO";

#[derive(Debug)]
pub struct EggInfo;

impl Extractor for EggInfo {
    fn id(&self) -> &'static str {
        "python/egg-info"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        let path = file.path;
        path.ends_with(".egg")
            || path.ends_with(".egg-info")
            || path.strip_suffix("/PKG-INFO").is_some_and(|dir| dir.ends_with(".egg-info"))
            || path.strip_suffix(EGG_PKG_INFO).is_some_and(|dir| dir.ends_with(".egg/"))
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        if input.path.ends_with(".egg") {
            return zipped_egg(input);
        }
        Ok(vec![installed_package(input.bytes)?])
    }
}

/// The package of a zipped egg, from its `EGG-INFO/PKG-INFO`.
fn zipped_egg(input: &Input) -> Result<Vec<Package>, ExtractError> {
    let opened =
        Archive::open_nested(input.bytes.to_vec(), input.path.to_string(), input.depth.saturating_add(1), input.budget);
    let mut archive = match opened {
        Ok(archive) => archive,
        // Not a zip at all: this egg cannot be read, but nothing about it is hostile.
        Err(ArtifactError::Corrupt { message, .. }) => {
            return Err(ExtractError::parse(format!("egg is not a readable zip archive: {message}")));
        }
        Err(e) => return Err(e.into()),
    };
    let Some(entry) = archive.entries().iter().find(|e| e.name == EGG_PKG_INFO).cloned() else {
        return Ok(Vec::new());
    };
    let bytes = archive.read(&entry).map_err(|e| match e {
        ReadError::Artifact(e) => ExtractError::Artifact(e),
        ReadError::File(message) => ExtractError::parse(message),
    })?;
    let mut package = installed_package(&bytes)?;
    package.file_path = format!("{}!/{EGG_PKG_INFO}", input.path);
    Ok(vec![package])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn wants(path: &str) -> bool {
        EggInfo.wants(&FileInfo { path, size: 10, executable: false })
    }

    #[test]
    fn wants_the_four_egg_shapes() {
        assert!(wants("/var/task/httplib2-0.20.4.egg-info/PKG-INFO"));
        assert!(wants("/opt/python/lib/python3.12/site-packages/pycups-2.0.1.egg-info"));
        assert!(wants("/var/task/setuptools-57.4.0-py3.9.egg/EGG-INFO/PKG-INFO"));
        assert!(wants("/var/task/monotonic-1.6-py3.10.egg"));
        assert!(!wants("/var/task/httplib2.egg-info/SOURCES.txt"));
        assert!(!wants("/var/task/EGG-INFO/PKG-INFO"));
        assert!(!wants("/var/task/x/PKG-INFO"));
        assert!(!wants("/var/task/x.dist-info/METADATA"));
    }

    fn fixture(name: &str) -> Vec<u8> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/lockfiles/python/wheelegg/testdata");
        std::fs::read(dir.join(name)).unwrap()
    }

    fn names(path: &str, bytes: &[u8]) -> Result<Vec<String>, ExtractError> {
        let budget = Input::default_budget();
        let input = Input::standalone(path, bytes, &budget);
        EggInfo
            .extract(&input)
            .map(|ps| ps.iter().map(|p| format!("{}@{} {}", p.name, p.version, p.file_path)).collect())
    }

    #[test]
    fn reads_pkg_info_and_bare_egg_info_files() {
        let got = names("/var/task/pycups-2.0.1.egg-info", &fixture("egginfo")).unwrap();
        assert_eq!(got, ["pycups@2.0.1 "]);
        let got = names("/var/task/setuptools.egg/EGG-INFO/PKG-INFO", &fixture("egginfo_pkginfo")).unwrap();
        assert_eq!(got, ["setuptools@57.4.0 "]);
        let got = names("/var/task/httplib2.egg-info/PKG-INFO", &fixture("pkginfo")).unwrap();
        assert_eq!(got, ["httplib2@0.20.4 "]);
    }

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in files {
            zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_a_zipped_egg_and_names_the_inner_file() {
        let egg = zip_of(&[("monotonic.py", b"x = 1\n"), ("EGG-INFO/PKG-INFO", b"Name: monotonic\nVersion: 1.6\n")]);
        let got = names("/var/task/monotonic-1.6-py3.10.egg", &egg).unwrap();
        assert_eq!(got, ["monotonic@1.6 /var/task/monotonic-1.6-py3.10.egg!/EGG-INFO/PKG-INFO"]);
    }

    #[test]
    fn a_zipped_egg_without_pkg_info_yields_nothing_and_garbage_is_a_file_error() {
        let egg = zip_of(&[("monotonic.py", b"x = 1\n")]);
        assert!(names("/var/task/m.egg", &egg).unwrap().is_empty());
        let err = names("/var/task/m.egg", b"not a zip");
        assert!(matches!(err, Err(ExtractError::Parse(_))), "{err:?}");
    }
}
