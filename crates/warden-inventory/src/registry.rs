//! Every extractor, in one explicit list. A test fails when a format file is not listed here.

use crate::{Extractor, dotnet, go, java, javascript, php, python, ruby, rust};

static ALL: &[&dyn Extractor] = &[
    &python::DistInfo,
    &python::EggInfo,
    &python::Requirements,
    &python::PipfileLock,
    &python::PoetryLock,
    &python::UvLock,
    &python::PdmLock,
    &python::Pylock,
    &javascript::NodeModules,
    &javascript::PackageLock,
    &javascript::YarnLock,
    &javascript::PnpmLock,
    &javascript::BunLock,
    &java::JavaArchive,
    &java::PomXml,
    &java::GradleLockfile,
    &go::GoBinary,
    &go::GoMod,
    &dotnet::DepsJson,
    &dotnet::PackagesLock,
    &dotnet::PackagesConfig,
    &dotnet::Csproj,
    &ruby::GemfileLock,
    &ruby::Gemspec,
    &rust::CargoAuditable,
    &rust::CargoLock,
    &php::ComposerLock,
    &php::InstalledJson,
];

/// Every registered extractor.
pub fn all() -> &'static [&'static dyn Extractor] {
    ALL
}

/// Extractors that read what is installed (metadata written by the package manager at install time, build info
/// in binaries), as opposed to lockfiles and manifests that describe what would be installed. When both describe
/// one package, the installed record is the one reported.
const READS_INSTALLED: &[&str] = &[
    "python/dist-info",
    "python/egg-info",
    "javascript/node-modules",
    "java/archive",
    "go/binary",
    "dotnet/deps-json",
    "ruby/gemspec",
    "rust/cargo-auditable",
    "php/installed-json",
];

/// Whether the extractor with this id reads installed metadata (see `READS_INSTALLED`).
pub fn reads_installed(id: &str) -> bool {
    READS_INSTALLED.contains(&id)
}

/// The extractor with this id.
pub fn by_id(id: &str) -> Option<&'static dyn Extractor> {
    ALL.iter().copied().find(|x| x.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Each `src/<language>/<format>.rs` must be registered under the id `<language>/<format>` (`_` as `-`).
    #[test]
    fn every_format_file_is_registered() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        let mut files = 0;
        for lang in ["python", "javascript", "java", "go", "dotnet", "ruby", "rust", "php"] {
            let Ok(dir) = std::fs::read_dir(src.join(lang)) else {
                continue;
            };
            for file in dir.flatten() {
                let name = file.file_name().to_string_lossy().into_owned();
                let Some(stem) = name.strip_suffix(".rs") else {
                    continue;
                };
                if stem == "mod" || stem.starts_with("shared") {
                    continue;
                }
                files += 1;
                let id = format!("{lang}/{}", stem.replace('_', "-"));
                if by_id(&id).is_none() {
                    missing.push(id);
                }
            }
        }
        assert!(files >= ALL.len(), "found {files} format files for {} extractors", ALL.len());
        assert!(missing.is_empty(), "format files not in the registry: {missing:?}");
    }

    #[test]
    fn installed_readers_are_registered() {
        for id in READS_INSTALLED {
            assert!(by_id(id).is_some(), "{id}");
        }
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = ALL.iter().map(|x| x.id()).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before);
    }
}
