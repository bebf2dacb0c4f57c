//! `java/gradle-lockfile`: Gradle dependency locks: `gradle.lockfile` and `buildscript-gradle.lockfile` (Gradle 6+),
//! and the older per-configuration `gradle/dependency-locks/*.lockfile`.
//!
//! Each line `group:artifact:version=configuration,…` (or `group:artifact:version` in the older files) is one Maven
//! package. Inspector has no Gradle `packageManager` value, so these are reported as `POM` (Maven coordinates from a
//! build manifest). A package is dev when every configuration that locks it is a test, annotation-processor or
//! `developmentOnly` one (none of those reach the deployed classpath); everything in `buildscript-gradle.lockfile`
//! (the build's own plugins) is dev.
//!
//! Deliberately skipped without an error: comments, `empty=` lines and lines that are not three non-empty
//! coordinates (Gradle itself never writes them; a hand-edited lock is read as far as it makes sense).

use crate::{ExtractError, Extractor, FileInfo, Input, text};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct GradleLockfile;

impl Extractor for GradleLockfile {
    fn id(&self) -> &'static str {
        "java/gradle-lockfile"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        matches!(file.file_name(), "gradle.lockfile" | "buildscript-gradle.lockfile")
            || (file.path.contains("/gradle/dependency-locks/") && file.path.ends_with(".lockfile"))
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let buildscript = text::file_name(input.path) == "buildscript-gradle.lockfile";
        let mut out = Vec::new();
        for line in text::utf8(input.bytes)?.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (coordinates, configurations) = line.split_once('=').unwrap_or((line, ""));
            let mut parts = coordinates.split(':').map(str::trim);
            let (Some(group), Some(artifact), Some(version), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            if group.is_empty() || artifact.is_empty() || version.is_empty() {
                continue;
            }
            let dev = buildscript || only_build_configurations(configurations);
            out.push(
                Package::new(Ecosystem::Maven, format!("{group}:{artifact}"), version, PackageManager::Pom).dev(dev),
            );
        }
        Ok(out)
    }
}

/// True when the list names configurations and none of them reaches the runtime classpath of the deployed code.
fn only_build_configurations(configurations: &str) -> bool {
    let mut names = configurations.split(',').map(str::trim).filter(|c| !c.is_empty()).peekable();
    names.peek().is_some()
        && names.all(|c| {
            c.starts_with("test")
                || c.contains("Test")
                || c == "developmentOnly"
                || c.starts_with("kapt")
                || c == "annotationProcessor"
                || c.ends_with("AnnotationProcessor")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(path: &str, text: &str) -> Vec<Package> {
        let budget = Input::default_budget();
        GradleLockfile.extract(&Input::standalone(path, text.as_bytes(), &budget)).unwrap()
    }

    #[test]
    fn wants_the_lockfiles_gradle_writes() {
        let wants = |path| GradleLockfile.wants(&FileInfo { path, size: 1, executable: false });
        assert!(wants("/var/task/gradle.lockfile"));
        assert!(wants("/var/task/buildscript-gradle.lockfile"));
        assert!(wants("/var/task/gradle/dependency-locks/compileClasspath.lockfile"));
        assert!(!wants("/var/task/gradle.lockfile.bak"));
    }

    #[test]
    fn test_only_and_build_script_packages_are_dev() {
        let lock = "a:runtime:1=compileClasspath,testRuntimeClasspath\n\
                    a:junit:4=testCompileClasspath,testRuntimeClasspath,integrationTestRuntimeClasspath\n\
                    a:proc:2=annotationProcessor\n\
                    a:bad:3:x=runtimeClasspath\nempty=\n";
        let got: Vec<_> = extract("/var/task/gradle.lockfile", lock).iter().map(|p| (p.name.clone(), p.dev)).collect();
        assert_eq!(
            got,
            [("a:runtime".to_string(), false), ("a:junit".to_string(), true), ("a:proc".to_string(), true)]
        );
        let script = extract("/var/task/buildscript-gradle.lockfile", "g:plugin:1=classpath\n");
        assert!(script.iter().all(|p| p.dev && p.package_manager == PackageManager::Pom));
    }

    #[test]
    fn older_per_configuration_locks_have_no_configurations() {
        let got = extract("/var/task/gradle/dependency-locks/runtimeClasspath.lockfile", "# c\ng:a:1.0\n");
        assert_eq!(
            got.iter().map(|p| (p.name.as_str(), p.version.as_str(), p.dev)).collect::<Vec<_>>(),
            [("g:a", "1.0", false)]
        );
    }
}
