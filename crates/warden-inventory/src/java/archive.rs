//! `java/archive`: Java archives (`.jar`, `.war`, `.ear`, and the same zip layout as `.par`, `.sar`, `.hpi`, `.jpi`),
//! and the `pom.properties` files of a jar unpacked into the deployment package.
//!
//! In each archive, every `META-INF/maven/**/pom.properties` is a package (a shaded jar carries one per library it
//! absorbed): `groupId:artifactId` at `version`, group and artifact taken from the directory names when the file
//! lacks them. An archive with none falls back to `META-INF/MANIFEST.MF` and the file name (heuristics, documented in
//! `archive/manifest.rs`). Every entry that is itself a Java archive (`BOOT-INF/lib/*.jar`, `WEB-INF/lib/*.jar`,
//! `lib/*.jar`, a `.war` in an `.ear`, …) is opened in memory one level deeper and read the same way; its packages
//! are located at `<file>!/<entry>` (`/var/task/app.jar!/BOOT-INF/lib/x.jar`, nesting further with `!/`).
//!
//! A Lambda function built as an uber-jar (maven-shade-plugin, the documented way) reaches Warden unpacked, so this
//! extractor also wants loose `META-INF/maven/<group>/<artifact>/pom.properties` files.
//!
//! Errors: an archive that is not a zip is a file error (a broken nested jar: its packages are missing, the rest of
//! the outer archive still counts, and the error names the inner path); any archive limit
//! (nesting depth, size, ratio, entry count, unsafe names) refuses the whole artifact. Not read: `pom.xml` copies
//! inside jars (they describe a library's own build), `.jmod` files (not plain zips), nested `.zip` files.

mod manifest;
mod properties;

use crate::{ExtractError, Extractor, FileInfo, Input, text};
use warden_artifact::{Archive, ArchiveEntry, ArtifactError, ReadError};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct JavaArchive;

/// File name endings of the zip-based Java archive types.
const ARCHIVE_EXTENSIONS: &[&str] = &[".jar", ".war", ".ear", ".par", ".sar", ".hpi", ".jpi"];

/// Metadata files larger than this are not what Maven or a JDK writes.
const MAX_METADATA_BYTES: u64 = 1 << 20;

impl Extractor for JavaArchive {
    fn id(&self) -> &'static str {
        "java/archive"
    }

    fn version(&self) -> u32 {
        2
    }

    fn wants(&self, file: &FileInfo) -> bool {
        is_java_archive(file.path) || is_loose_pom_properties(file.path)
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        if is_loose_pom_properties(input.path) {
            let dirs = input.path.rsplit_once("/META-INF/maven/").map_or("", |(_, rest)| rest);
            return Ok(pom_properties(dirs, input.bytes)?.into_iter().collect());
        }
        let archive = Archive::open_nested(input.bytes.to_vec(), input.path.to_string(), input.depth + 1, input.budget)
            .map_err(archive_error)?;
        let mut out = Vec::new();
        let mut broken = Vec::new();
        read_archive(archive, "", &mut out, &mut broken)?;
        if broken.is_empty() {
            Ok(out)
        } else {
            Err(ExtractError::Partial { packages: out, message: broken.join("; ") })
        }
    }
}

/// Reads one archive's packages into `out`, then each archive nested in it. `location` is the `file_path` its
/// packages get: empty for the file handed to the extractor (the pipeline names it), `<file>!/<entry>` below. A
/// nested archive that is not a readable zip is skipped and named in `broken`; the rest is still read.
fn read_archive(
    mut archive: Archive,
    location: &str,
    out: &mut Vec<Package>,
    broken: &mut Vec<String>,
) -> Result<(), ExtractError> {
    let entries: Vec<ArchiveEntry> = archive.entries().to_vec();
    let mut found = Vec::new();
    for entry in entries.iter().filter(|e| is_pom_properties(&e.name)) {
        let bytes = read_metadata(&mut archive, entry)?;
        let dirs = entry.name.strip_prefix("META-INF/maven/").unwrap_or_default();
        found.extend(pom_properties(dirs, &bytes)?);
    }
    if found.is_empty() {
        let manifest = match entries.iter().find(|e| e.name.eq_ignore_ascii_case("META-INF/MANIFEST.MF")) {
            Some(entry) => Some(read_metadata(&mut archive, entry)?),
            None => None,
        };
        let manifest = manifest.as_deref().map(String::from_utf8_lossy);
        if let Some(c) = manifest::identify(manifest.as_deref(), text::file_name(archive.path())) {
            let name = format!("{}:{}", c.group, c.artifact);
            found.push(Package::new(Ecosystem::Maven, name, c.version, PackageManager::Jar));
        }
    }
    out.extend(found.into_iter().map(|mut p| {
        p.file_path = location.to_string();
        p
    }));
    for entry in entries.iter().filter(|e| is_java_archive(&e.name)) {
        let bytes = archive.read(entry).map_err(read_error)?;
        let inner = format!("{}!/{}", archive.path(), entry.name);
        match Archive::open_nested(bytes, inner.clone(), archive.depth() + 1, archive.budget()).map_err(archive_error) {
            Ok(nested) => read_archive(nested, &inner, out, broken)?,
            Err(ExtractError::Parse(message)) => broken.push(message),
            Err(other) => return Err(other),
        }
    }
    Ok(())
}

/// One `pom.properties`; `dirs` is its path below `META-INF/maven/` (`<group>/<artifact>/pom.properties`), which
/// supplies a missing `groupId` or `artifactId`. `None` when it names no version. (The format is ISO-8859-1 by
/// definition and Maven writes ASCII: bytes that are not UTF-8 are replaced, not refused.)
fn pom_properties(dirs: &str, bytes: &[u8]) -> Result<Option<Package>, ExtractError> {
    let props = properties::parse(&String::from_utf8_lossy(bytes));
    let segments: Vec<&str> = dirs.split('/').collect();
    let (path_group, path_artifact) = match segments.as_slice() {
        [group, artifact, _] => (Some(*group).filter(|g| !g.is_empty()), Some(*artifact).filter(|a| !a.is_empty())),
        _ => (None, None),
    };
    let usable = |key: &str| props.get(key).map(|v| v.trim()).filter(|v| !v.is_empty() && !v.contains("${"));
    let (Some(group), Some(artifact), Some(version)) =
        (usable("groupId").or(path_group), usable("artifactId").or(path_artifact), usable("version"))
    else {
        return Ok(None);
    };
    Ok(Some(Package::new(Ecosystem::Maven, format!("{group}:{artifact}"), version, PackageManager::Jar)))
}

fn read_metadata(archive: &mut Archive, entry: &ArchiveEntry) -> Result<Vec<u8>, ExtractError> {
    if entry.size > MAX_METADATA_BYTES {
        return Err(ExtractError::parse(format!(
            "{}!/{}: {} bytes, too large for Java archive metadata",
            archive.path(),
            entry.name,
            entry.size
        )));
    }
    archive.read(entry).map_err(read_error)
}

/// A broken zip is this file's problem; every other archive error is a limit that refuses the whole artifact.
fn archive_error(e: ArtifactError) -> ExtractError {
    match e {
        ArtifactError::Corrupt { .. } => ExtractError::parse(e),
        other => ExtractError::Artifact(other),
    }
}

fn read_error(e: ReadError) -> ExtractError {
    match e {
        ReadError::Artifact(e) => archive_error(e),
        ReadError::File(message) => ExtractError::parse(message),
    }
}

fn is_java_archive(path: &str) -> bool {
    let name = text::file_name(path);
    let len = name.len();
    ARCHIVE_EXTENSIONS
        .iter()
        .any(|ext| len > ext.len() && name.get(len - ext.len()..).is_some_and(|end| end.eq_ignore_ascii_case(ext)))
}

/// `META-INF/maven/<group>/<artifact>/pom.properties` inside an archive.
fn is_pom_properties(name: &str) -> bool {
    name.starts_with("META-INF/maven/") && name.ends_with("/pom.properties")
}

/// The same file unpacked into the deployment package (or a layer).
fn is_loose_pom_properties(path: &str) -> bool {
    path.ends_with("/pom.properties") && path.contains("/META-INF/maven/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use warden_artifact::{Budget, Limits};
    use zip::write::SimpleFileOptions;

    fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in files {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn props(g: &str, a: &str, v: &str) -> Vec<u8> {
        format!("#Generated by Maven\ngroupId={g}\nartifactId={a}\nversion={v}\n").into_bytes()
    }

    fn extract_with(path: &str, bytes: &[u8], budget: &Budget) -> Result<Vec<Package>, ExtractError> {
        JavaArchive.extract(&Input::standalone(path, bytes, budget))
    }

    fn extract(path: &str, bytes: &[u8]) -> Result<Vec<Package>, ExtractError> {
        extract_with(path, bytes, &Input::default_budget())
    }

    fn found(packages: &[Package]) -> Vec<String> {
        let mut v: Vec<String> =
            packages.iter().map(|p| format!("{}@{} in {:?}", p.name, p.version, p.file_path)).collect();
        v.sort();
        v
    }

    #[test]
    fn wants_java_archives_and_loose_pom_properties() {
        let wants = |path| JavaArchive.wants(&FileInfo { path, size: 1, executable: false });
        assert!(wants("/var/task/lib/x.jar"));
        assert!(wants("/opt/java/lib/X.JAR"));
        assert!(wants("/var/task/app.war"));
        assert!(wants("/var/task/META-INF/maven/org.slf4j/slf4j-api/pom.properties"));
        assert!(!wants("/var/task/.jar"));
        assert!(!wants("/var/task/lib/x.jar.sha1"));
        assert!(!wants("/var/task/pom.properties"));
    }

    #[test]
    fn every_pom_properties_of_a_shaded_jar_is_a_package() {
        let files = zip(&[
            (
                "META-INF/MANIFEST.MF",
                b"Manifest-Version: 1.0\nImplementation-Title: ignored\nImplementation-Version: 9\n",
            ),
            ("META-INF/maven/com.example/app/pom.properties", &props("com.example", "app", "1.0")),
            ("META-INF/maven/org.slf4j/slf4j-api/pom.properties", &props("org.slf4j", "slf4j-api", "2.0.9")),
            // Missing coordinates come from the path (only a `<group>/<artifact>/` one); no version: not a package.
            ("META-INF/maven/g/from-path/pom.properties", b"version=3\n"),
            ("META-INF/maven/pom.properties", b"version=4\n"),
            ("META-INF/maven/latin1/pom.properties", b"groupId=g\nartifactId=caf\xE9\nversion=5\n"),
            ("META-INF/maven/g/no-version/pom.properties", b"groupId=g\nartifactId=no-version\n"),
        ]);
        let got = extract("/var/task/app.jar", &files).unwrap();
        assert_eq!(
            found(&got),
            [
                "com.example:app@1.0 in \"\"",
                "g:caf\u{FFFD}@5 in \"\"",
                "g:from-path@3 in \"\"",
                "org.slf4j:slf4j-api@2.0.9 in \"\""
            ]
        );
        assert!(got.iter().all(|p| p.package_manager == PackageManager::Jar && p.ecosystem == Ecosystem::Maven));
        assert_eq!(
            got.iter().find(|p| p.name == "org.slf4j:slf4j-api").unwrap().purl,
            "pkg:maven/org.slf4j/slf4j-api@2.0.9"
        );
    }

    #[test]
    fn nested_jars_are_located_through_the_outer_one() {
        let inner = zip(&[("META-INF/maven/a/inner/pom.properties", &props("a", "inner", "1"))]);
        let middle =
            zip(&[("META-INF/maven/a/middle/pom.properties", &props("a", "middle", "2")), ("lib/inner-1.jar", &inner)]);
        let manifest_only =
            zip(&[("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\nImplementation-Version: 5.3.26\n")]);
        let outer = zip(&[
            ("BOOT-INF/lib/middle-2.jar", &middle),
            ("BOOT-INF/lib/spring-core-5.3.26.jar", &manifest_only),
            ("BOOT-INF/classes/app.class", b"\xCA\xFE"),
        ]);
        let got = extract("/var/task/app.jar", &outer).unwrap();
        assert_eq!(
            found(&got),
            [
                "a:inner@1 in \"/var/task/app.jar!/BOOT-INF/lib/middle-2.jar!/lib/inner-1.jar\"",
                "a:middle@2 in \"/var/task/app.jar!/BOOT-INF/lib/middle-2.jar\"",
                "org.springframework:spring-core@5.3.26 in \"/var/task/app.jar!/BOOT-INF/lib/spring-core-5.3.26.jar\"",
            ]
        );
    }

    #[test]
    fn a_jar_without_metadata_falls_back_to_its_file_name() {
        let bare = zip(&[("x/Y.class", b"\xCA\xFE")]);
        assert_eq!(
            found(&extract("/var/task/lib/commons-io-2.11.0.jar", &bare).unwrap()),
            ["commons-io:commons-io@2.11.0 in \"\""]
        );
        assert!(extract("/var/task/lib/app.jar", &bare).unwrap().is_empty());
    }

    #[test]
    fn a_broken_jar_is_a_file_error() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/lockfiles/java/archive/testdata");
        for name in ["invalid_jar.jar", "not_jar"] {
            let bytes = std::fs::read(dir.join(name)).unwrap();
            assert!(matches!(extract("/var/task/x.jar", &bytes), Err(ExtractError::Parse(_))), "{name}");
        }
    }

    #[test]
    fn a_broken_nested_jar_is_an_error_but_the_rest_of_the_archive_still_counts() {
        let good = zip(&[("META-INF/maven/a/good/pom.properties", &props("a", "good", "1"))]);
        let outer = zip(&[
            ("WEB-INF/lib/broken.jar", b"not a zip at all, but long enough to look for a directory"),
            ("WEB-INF/lib/good-1.jar", &good),
        ]);
        match extract("/var/task/app.war", &outer).unwrap_err() {
            ExtractError::Partial { packages, message } => {
                assert!(message.contains("app.war!/WEB-INF/lib/broken.jar"), "{message}");
                assert_eq!(found(&packages), ["a:good@1 in \"/var/task/app.war!/WEB-INF/lib/good-1.jar\""]);
            }
            other => panic!("expected a partial result, got {other}"),
        }
    }

    #[test]
    fn nesting_past_the_limit_refuses_the_artifact() {
        let mut jar = zip(&[("META-INF/maven/a/deep/pom.properties", &props("a", "deep", "1"))]);
        for _ in 0..6 {
            jar = zip(&[("lib/nested.jar", &jar)]);
        }
        let err = extract("/var/task/deep.jar", &jar).unwrap_err();
        assert!(matches!(err, ExtractError::Artifact(ArtifactError::TooDeep { .. })), "{err:?}");
        // Within the limit (a jar at depth 1 holding four levels): found.
        let mut ok = zip(&[("META-INF/maven/a/deep/pom.properties", &props("a", "deep", "1"))]);
        for _ in 0..4 {
            ok = zip(&[("lib/nested.jar", &ok)]);
        }
        assert_eq!(extract("/var/task/ok.jar", &ok).unwrap().len(), 1);
    }

    #[test]
    fn the_inflation_budget_is_shared_with_nested_jars() {
        let inner = zip(&[("META-INF/maven/a/b/pom.properties", &props("a", "b", "1"))]);
        let outer = zip(&[("lib/b.jar", &inner)]);
        let limits = Limits { max_inflated_bytes: inner.len() as u64 - 1, ..Limits::default() };
        let err = extract_with("/var/task/a.jar", &outer, &Budget::new(limits)).unwrap_err();
        assert!(matches!(err, ExtractError::Artifact(ArtifactError::TooLarge { .. })), "{err:?}");
    }

    #[test]
    fn loose_pom_properties_of_an_unpacked_uber_jar() {
        let path = "/var/task/META-INF/maven/com.amazonaws/aws-lambda-java-core/pom.properties";
        let got = extract(path, &props("com.amazonaws", "aws-lambda-java-core", "1.2.3")).unwrap();
        assert_eq!(found(&got), ["com.amazonaws:aws-lambda-java-core@1.2.3 in \"\""]);
    }
}
