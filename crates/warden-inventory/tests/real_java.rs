//! End to end with real jars: the Maven-built jars Debian ships (`/usr/share/java`, each with its
//! `META-INF/maven/**/pom.properties`; Debian's guice jar carries only the pom.properties of the cglib it shades)
//! assembled the ways Java Lambda functions are packaged:
//!
//! - a function zip with jars directly under `lib/` (the layout of AWS's Gradle `buildZip` recipe),
//! - in the same zip, a Spring-Boot-style fat jar `app.jar`: its own `pom.properties`, `BOOT-INF/classes`, and more
//!   real jars stored under `BOOT-INF/lib/`,
//! - a layer with a jar under `java/lib/` (mounted at `/opt/java/lib`),
//! - a jar nested seven archives deep, which must refuse the whole artifact.
//!
//! The expected inventory is read from the built zips by this test with the `zip` crate (every
//! `META-INF/maven/**/pom.properties` of every jar, and where it sits), never by Warden's code.
//!
//! Needs the Debian packages `libcommons-lang3-java libguava-java libslf4j-java libcommons-io-java
//! libcommons-cli-java libjansi-java libguice-java libjackson2-databind-java`; the build is cached under
//! `target/warden-test-cache/java-jars`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use warden_artifact::{Artifact, ArtifactError, Limits, SourceSpec};
use warden_core::{Ecosystem, PackageManager};
use zip::write::SimpleFileOptions;

/// Jars (Debian's file names in `/usr/share/java`) placed directly under the function's `lib/`.
const LIB_JARS: &[&str] = &["commons-lang3", "guava", "guice"];
/// Jars nested in the fat jar's `BOOT-INF/lib/`.
const BOOT_JARS: &[&str] =
    &["jackson-databind", "jackson-core", "jackson-annotations", "commons-io", "commons-cli", "jansi"];
/// The jar in the layer's `java/lib/`.
const LAYER_JAR: &str = "slf4j-api";
const LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:java-deps:2";
const APP_POM_PROPERTIES: &str =
    "#Created by Apache Maven 3.8.7\ngroupId=com.example\nartifactId=demo-lambda\nversion=1.0.0\n";

fn real_jar(name: &str) -> Vec<u8> {
    let path = Path::new("/usr/share/java").join(format!("{name}.jar"));
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!("{}: {e}; install the Debian packages listed at the top of tests/real_java.rs", path.display())
    })
}

fn zip_bytes(files: &[(String, Vec<u8>)], stored: impl Fn(&str) -> bool) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        let method = if stored(name) { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        w.start_file(name.as_str(), SimpleFileOptions::default().compression_method(method)).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// `function.zip`, `layer.zip` and `deep.zip`, built once.
fn build() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        support::cached("java-jars", |dir| {
            // The fat jar, laid out as spring-boot-maven-plugin writes it (nested jars stored, not deflated).
            let mut app = vec![
                (
                    "META-INF/MANIFEST.MF".to_string(),
                    b"Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.JarLauncher\r\n\
                      Start-Class: com.example.Handler\r\nSpring-Boot-Lib: BOOT-INF/lib/\r\n\r\n"
                        .to_vec(),
                ),
                ("META-INF/maven/com.example/demo-lambda/pom.properties".to_string(), APP_POM_PROPERTIES.into()),
                ("BOOT-INF/classes/com/example/Handler.class".to_string(), b"\xCA\xFE\xBA\xBE".to_vec()),
            ];
            app.extend(BOOT_JARS.iter().map(|j| (format!("BOOT-INF/lib/{j}.jar"), real_jar(j))));
            let app = zip_bytes(&app, |n| n.starts_with("BOOT-INF/lib/"));

            let function = dir.join("function");
            std::fs::create_dir_all(function.join("lib")).unwrap();
            std::fs::create_dir_all(function.join("com/example")).unwrap();
            std::fs::write(function.join("com/example/Handler.class"), b"\xCA\xFE\xBA\xBE").unwrap();
            std::fs::write(function.join("app.jar"), app).unwrap();
            for j in LIB_JARS {
                std::fs::write(function.join(format!("lib/{j}.jar")), real_jar(j)).unwrap();
            }
            support::zip_dir(&function, &dir.join("function.zip"));

            let layer = dir.join("layer");
            std::fs::create_dir_all(layer.join("java/lib")).unwrap();
            std::fs::write(layer.join(format!("java/lib/{LAYER_JAR}.jar")), real_jar(LAYER_JAR)).unwrap();
            support::zip_dir(&layer, &dir.join("layer.zip"));

            // commons-lang3 wrapped six times: seven archives deep from the function zip.
            let mut deep = real_jar("commons-lang3");
            for _ in 0..6 {
                deep = zip_bytes(&[("lib/nested.jar".to_string(), deep)], |_| false);
            }
            let deep_dir = dir.join("deep");
            std::fs::create_dir_all(deep_dir.join("lib")).unwrap();
            std::fs::write(deep_dir.join("lib/deep.jar"), deep).unwrap();
            support::zip_dir(&deep_dir, &dir.join("deep.zip"));
        })
    })
}

/// What the jars themselves say: `name@version in file_path [layer]` for every pom.properties of every jar in the
/// zip `bytes` mounted at `location` (recursing into jars in jars), located the way Warden names places inside
/// archives (`<jar>!/<entry>`).
fn expected_from_zip(
    bytes: &[u8],
    location: &str,
    is_jar: &dyn Fn(&str) -> bool,
    out: &mut BTreeSet<String>,
    layer: &str,
) {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    for name in &names {
        let mut content = Vec::new();
        zip.by_name(name).unwrap().read_to_end(&mut content).unwrap();
        let path = format!("{location}/{name}");
        if name.starts_with("META-INF/maven/") && name.ends_with("/pom.properties") {
            let text = String::from_utf8(content).unwrap();
            let get = |key: &str| {
                text.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix('=')).unwrap_or_default().trim().to_string()
            };
            let at = location.strip_suffix("!").unwrap_or(location);
            out.insert(format!("{}:{}@{} in {at} [{layer}]", get("groupId"), get("artifactId"), get("version")));
        } else if is_jar(name) {
            expected_from_zip(&content, &format!("{path}!"), &|n| n.ends_with(".jar"), out, layer);
        }
    }
}

fn expected() -> BTreeSet<String> {
    let dir = build();
    let mut out = BTreeSet::new();
    let function = std::fs::read(dir.join("function.zip")).unwrap();
    expected_from_zip(&function, "/var/task", &|n| n.ends_with(".jar"), &mut out, "");
    let layer = std::fs::read(dir.join("layer.zip")).unwrap();
    expected_from_zip(&layer, "/opt", &|n| n.ends_with(".jar"), &mut out, LAYER_ARN);
    out
}

#[test]
fn jars_in_lib_in_a_fat_jar_and_in_a_layer_are_found_as_their_pom_properties_say() {
    let dir = build();
    let specs = [
        SourceSpec::function(dir.join("function.zip")),
        SourceSpec::layer(&format!("{LAYER_ARN}={}", dir.join("layer.zip").display())),
    ];
    let artifact = Artifact::open(&specs, Limits::default()).unwrap();
    let inventory = warden_inventory::scan(&artifact).unwrap();
    assert!(inventory.errors.is_empty(), "file errors: {:?}", inventory.errors);
    let maven: Vec<_> = inventory.packages.iter().filter(|p| p.ecosystem == Ecosystem::Maven).collect();
    let got: BTreeSet<String> = maven
        .iter()
        .map(|p| format!("{}@{} in {} [{}]", p.name, p.version, p.file_path, p.layer.as_deref().unwrap_or_default()))
        .collect();
    let want = expected();
    // Sanity of the expectation itself: every jar contributed, the shaded cglib and the app's own coordinates too.
    assert_eq!(want.len(), LIB_JARS.len() + BOOT_JARS.len() + 2, "{want:#?}");
    assert!(want.contains("cglib:cglib@3.2.12 in /var/task/lib/guice.jar []"), "{want:#?}");
    assert!(want.contains("com.example:demo-lambda@1.0.0 in /var/task/app.jar []"), "{want:#?}");
    assert_eq!(got, want);
    assert!(maven.iter().all(|p| p.package_manager == PackageManager::Jar && p.extractor == "java/archive"));
    let databind = maven.iter().find(|p| p.name == "com.fasterxml.jackson.core:jackson-databind").unwrap();
    assert_eq!(databind.file_path, "/var/task/app.jar!/BOOT-INF/lib/jackson-databind.jar");
    assert_eq!(databind.purl, format!("pkg:maven/com.fasterxml.jackson.core/jackson-databind@{}", databind.version));
}

#[test]
fn a_jar_nested_seven_deep_refuses_the_artifact() {
    let dir = build();
    let artifact = Artifact::open(&[SourceSpec::function(dir.join("deep.zip"))], Limits::default()).unwrap();
    let err = warden_inventory::scan(&artifact).unwrap_err();
    assert!(matches!(err, ArtifactError::TooDeep { limit: 5, .. }), "{err:?}");
    // With the limit raised past the nesting, the real jar at the bottom is found, named through every level.
    let limits = Limits { max_nesting_depth: 7, ..Limits::default() };
    let artifact = Artifact::open(&[SourceSpec::function(dir.join("deep.zip"))], limits).unwrap();
    let inventory = warden_inventory::scan(&artifact).unwrap();
    let lang3: Vec<_> = inventory.packages.iter().filter(|p| p.name == "org.apache.commons:commons-lang3").collect();
    assert_eq!(lang3.len(), 1);
    assert_eq!(lang3[0].file_path, format!("/var/task/lib/deep.jar{}", "!/lib/nested.jar".repeat(6)));
}
