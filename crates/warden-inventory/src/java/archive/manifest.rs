//! Maven coordinates guessed for a jar that carries no `pom.properties` (built by Gradle, Ant, bnd, or repackaged),
//! from the main section of `META-INF/MANIFEST.MF` and the jar's file name. Every rule here is a heuristic; they are
//! listed from the most to the least trustworthy.
//!
//! - **Ivy title** (high confidence): `Implementation-Title: org.elasticsearch#server;8.14.3` names group, artifact
//!   and version outright.
//! - **Artifact**: the file name `name-1.2.3.jar` (Maven's and Gradle's default layout: the artifactId, then the
//!   version from the last `-` followed by a digit, preferring one whose rest holds a `.`), else the first of
//!   `Implementation-Title`, `Specification-Title`, `Bundle-Name` that looks like an id (no spaces, no `${…}` or
//!   `%key` placeholders).
//! - **Version**: `Implementation-Version`, else the file name's, else `Bundle-Version`; a version must start with a
//!   digit and hold no spaces (`1.4 1855 April 22 2006` is refused).
//! - **Group**, in order: a short table of well-known families that publish without `pom.properties` (the Spring
//!   Framework modules, Spring Boot, Spring Security, Kotlin); `Implementation-Vendor-Id` (which `maven-archiver`
//!   sets to the groupId); `Bundle-SymbolicName` read back through the Maven bundle plugin's naming rule
//!   (`com.google.guava.failureaccess` + artifact `failureaccess` → `com.google.guava`; `org.apache.commons.lang3` +
//!   `commons-lang3` → `org.apache.commons`; where the rule is ambiguous — `com.google.guava` for `guava` may be group
//!   `com.google.guava` or `com.google` — the plugin's default rule, the shorter group, is taken, which is wrong for
//!   `guava` and `jansi`, right for `snakeyaml` and `jackson-databind`); finally the artifact itself
//!   (`commons-io:commons-io`, `log4j:log4j`: right for many older artifacts, and harmless when wrong, as no advisory
//!   names it). Measured on the 54 Maven-built jars of a Debian system, judged by their own `pom.properties`: the
//!   artifact and version are right for all 54, the group for 7 (most carry no group hint at all); a jar without
//!   `pom.properties` is therefore a low-confidence identification.
//!
//! Without an artifact and a version nothing is reported: a name alone cannot be matched.

/// Guessed `groupId`, `artifactId`, `version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Coordinates {
    pub(super) group: String,
    pub(super) artifact: String,
    pub(super) version: String,
}

/// The coordinates of a jar named `file_name` whose manifest (if any) is `manifest`.
pub(super) fn identify(manifest: Option<&str>, file_name: &str) -> Option<Coordinates> {
    let attrs = manifest.map(main_section).unwrap_or_default();
    let get = |name: &str| attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str());
    let from_file = split_file_name(file_name);

    if let Some((group, artifact, version)) = get("Implementation-Title").and_then(ivy_title) {
        let version = version.or(get("Implementation-Version")).filter(|v| is_version(v))?;
        return Some(Coordinates { group: group.into(), artifact: artifact.into(), version: version.into() });
    }
    let artifact = from_file.map(|(a, _)| a).or_else(|| {
        ["Implementation-Title", "Specification-Title", "Bundle-Name"].into_iter().filter_map(get).find(|v| is_id(v))
    })?;
    let version = get("Implementation-Version")
        .filter(|v| is_version(v))
        .or(from_file.map(|(_, v)| v))
        .or(get("Bundle-Version").filter(|v| is_version(v)))?;
    let symbolic = get("Bundle-SymbolicName").map(|s| s.split(';').next().unwrap_or_default().trim());
    let group = known_group(artifact)
        .or(get("Implementation-Vendor-Id").filter(|g| is_id(g)))
        .or_else(|| symbolic.and_then(|s| group_from_symbolic_name(s, artifact)))
        .unwrap_or(artifact);
    Some(Coordinates { group: group.into(), artifact: artifact.into(), version: version.into() })
}

/// The main section's attributes (up to the first blank line), continuation lines joined.
fn main_section(text: &str) -> Vec<(String, String)> {
    let mut attrs: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if let Some(more) = line.strip_prefix(' ') {
            if let Some((_, value)) = attrs.last_mut() {
                value.push_str(more);
            }
            continue;
        }
        if let Some((key, value)) = line.split_once(':') {
            attrs.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    attrs
}

/// `group#artifact;version` or `group#artifact` (Ivy's `Implementation-Title`).
fn ivy_title(title: &str) -> Option<(&str, &str, Option<&str>)> {
    let (group, rest) = title.split_once('#')?;
    let (artifact, version) = match rest.split_once(';') {
        Some((a, v)) => (a, Some(v.trim())),
        None => (rest, None),
    };
    (is_id(group) && is_id(artifact)).then_some((group, artifact, version))
}

/// `artifact-1.2.3.jar` → (`artifact`, `1.2.3`).
pub(super) fn split_file_name(file_name: &str) -> Option<(&str, &str)> {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    let starts: Vec<usize> = stem
        .match_indices('-')
        .map(|(i, _)| i)
        .filter(|&i| stem.get(i + 1..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())))
        .collect();
    let cut = starts
        .iter()
        .rev()
        .find(|&&i| stem.get(i + 1..).is_some_and(|r| r.contains('.')))
        .or(starts.last())
        .copied()?;
    let (artifact, version) = (stem.get(..cut)?, stem.get(cut + 1..)?);
    (is_id(artifact) && is_version(version)).then_some((artifact, version))
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

fn is_version(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit()) && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Families that publish jars without `pom.properties`.
fn known_group(artifact: &str) -> Option<&'static str> {
    const SPRING_FRAMEWORK: &[&str] = &[
        "spring-aop",
        "spring-aspects",
        "spring-beans",
        "spring-context",
        "spring-context-indexer",
        "spring-context-support",
        "spring-core",
        "spring-expression",
        "spring-instrument",
        "spring-jcl",
        "spring-jdbc",
        "spring-jms",
        "spring-messaging",
        "spring-orm",
        "spring-oxm",
        "spring-r2dbc",
        "spring-test",
        "spring-tx",
        "spring-web",
        "spring-webflux",
        "spring-webmvc",
        "spring-websocket",
    ];
    if SPRING_FRAMEWORK.contains(&artifact) {
        Some("org.springframework")
    } else if artifact == "spring-boot" || artifact.starts_with("spring-boot-") {
        Some("org.springframework.boot")
    } else if artifact.starts_with("spring-security-") {
        Some("org.springframework.security")
    } else if artifact.starts_with("kotlin-stdlib") || artifact == "kotlin-reflect" {
        Some("org.jetbrains.kotlin")
    } else if artifact.starts_with("kotlinx-coroutines-") {
        Some("org.jetbrains.kotlinx")
    } else {
        None
    }
}

/// The group the Maven bundle plugin's naming rule implies for a symbolic name and an artifact: `group.artifact`, or
/// `group.rest` when the artifact is `<last part of group>-rest`.
fn group_from_symbolic_name<'a>(symbolic: &'a str, artifact: &str) -> Option<&'a str> {
    if !is_id(symbolic) {
        return None;
    }
    let is_reverse_domain = |g: &str| g.contains('.');
    if let Some(group) = symbolic.strip_suffix(artifact).and_then(|g| g.strip_suffix('.')) {
        return is_reverse_domain(group).then_some(group);
    }
    symbolic.match_indices('.').map(|(i, _)| i).find_map(|i| {
        let (group, rest) = (symbolic.get(..i)?, symbolic.get(i + 1..)?);
        let last = group.rsplit('.').next()?;
        let expected = artifact.strip_prefix(last)?.strip_prefix('-')?;
        (expected == rest && is_reverse_domain(group)).then_some(group)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fixture(name: &str) -> String {
        let dir =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/lockfiles/java/archive/testdata");
        std::fs::read_to_string(dir.join(name).join("MANIFEST.MF")).unwrap()
    }

    fn coords(manifest: Option<&str>, file_name: &str) -> Option<String> {
        identify(manifest, file_name).map(|c| format!("{}:{}@{}", c.group, c.artifact, c.version))
    }

    #[test]
    fn file_names() {
        assert_eq!(split_file_name("commons-lang3-3.12.0.jar"), Some(("commons-lang3", "3.12.0")));
        assert_eq!(split_file_name("guava-31.1-jre.jar"), Some(("guava", "31.1-jre")));
        assert_eq!(split_file_name("log4j-1.2-api-2.17.1.jar"), Some(("log4j-1.2-api", "2.17.1")));
        assert_eq!(split_file_name("foo-2.0.0-beta-1.jar"), Some(("foo", "2.0.0-beta-1")));
        assert_eq!(split_file_name("bcprov-jdk18on-1.76.jar"), Some(("bcprov-jdk18on", "1.76")));
        assert_eq!(split_file_name("app.jar"), None);
        assert_eq!(split_file_name("-1.0.jar"), None);
    }

    #[test]
    fn ivy_titles_name_everything() {
        let m = fixture("manifest-implementation-title");
        assert_eq!(coords(Some(&m), "x.jar").as_deref(), Some("org.elasticsearch:server@8.14.3"));
    }

    #[test]
    fn spring_jars_get_their_group_from_the_table() {
        let m = fixture("known-group-id");
        assert_eq!(coords(Some(&m), "x.jar").as_deref(), Some("org.springframework:spring-web@5.3.26"));
    }

    #[test]
    fn bundle_symbolic_names_give_the_group() {
        let m = fixture("manifest-symbolicname");
        assert_eq!(
            coords(Some(&m), "failureaccess-1.0.1.jar").as_deref(),
            Some("com.google.guava:failureaccess@1.0.1")
        );
        // No artifact anywhere but in the symbolic name: not guessed.
        assert_eq!(coords(Some(&m), "x.jar"), None);
        let lang3 = "Bundle-SymbolicName: org.apache.commons.lang3\nBundle-Version: 3.12.0\n";
        assert_eq!(
            coords(Some(lang3), "commons-lang3-3.12.0.jar").as_deref(),
            Some("org.apache.commons:commons-lang3@3.12.0")
        );
        let ivy = fixture("combine-manifest-filename");
        assert_eq!(coords(Some(&ivy), "ivy-2.4.0.jar").as_deref(), Some("org.apache:ivy@2.4.0"));
    }

    #[test]
    fn placeholders_and_sentences_are_not_ids() {
        let m = fixture("invalid-ids");
        assert_eq!(coords(Some(&m), "x.jar").as_deref(), Some("correct.name:correct.name@1.2.3"));
    }

    #[test]
    fn per_entry_sections_are_ignored_and_the_file_name_decides() {
        let m = fixture("axis");
        assert_eq!(coords(Some(&m), "x.jar"), None);
        assert_eq!(coords(Some(&m), "axis-1.4.jar").as_deref(), Some("axis:axis@1.4"));
        assert_eq!(coords(None, "commons-io-2.11.0.jar").as_deref(), Some("commons-io:commons-io@2.11.0"));
        let m = fixture("manifest-no-group-id");
        assert_eq!(coords(Some(&m), "x.jar"), None);
    }
}
