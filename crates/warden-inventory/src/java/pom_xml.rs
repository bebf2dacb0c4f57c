//! `java/pom-xml`: the dependencies a Maven `pom.xml` declares.
//!
//! Reads `project/dependencies` and the `dependencies` of every profile that is `activeByDefault`. A `${…}` reference
//! in a coordinate, version or scope is filled from `<properties>` (an active profile's win), `project.version`,
//! `project.groupId`, `project.artifactId`, `project.parent.*` (the parent's version stands in for a missing project
//! version). A dependency without a version takes it from `dependencyManagement` (the project's and active
//! profiles'). A version range takes its inclusive lower bound (see `shared_range`), the range kept as the constraint.
//! Scope `test` is marked dev. The same `groupId:artifactId` declared twice (another type, classifier or version) is
//! one package: the first declaration.
//!
//! Deliberately not read: build plugins and their dependencies (build time only), `dependencyManagement` entries
//! no dependency uses (they constrain, they do not add), BOMs imported with scope `import`, profiles activated by
//! JDK, OS, property or file conditions, and anything in a parent POM or BOM: the extractor sees one file, so a
//! dependency whose version (or group) lives only in a parent is left out, as is one whose property stays unresolved.
//! A parent POM that ships in the function is scanned on its own. `pom.xml` files under `META-INF/maven/` (copies
//! inside unpacked jars, describing how a dependency was built) are not wanted: `java/archive` reads the
//! `pom.properties` beside them.

use super::shared_interpolate::{Syntax, interpolate};
use super::shared_range::{is_range, lowest_version};
use super::shared_xml::{self, Element};
use crate::{ExtractError, Extractor, FileInfo, Input};
use std::collections::{HashMap, HashSet};
use warden_core::{Ecosystem, Package, PackageManager};

#[derive(Debug)]
pub struct PomXml;

impl Extractor for PomXml {
    fn id(&self) -> &'static str {
        "java/pom-xml"
    }

    fn version(&self) -> u32 {
        1
    }

    fn wants(&self, file: &FileInfo) -> bool {
        file.file_name() == "pom.xml" && !file.path.contains("/META-INF/maven/")
    }

    fn extract(&self, input: &Input) -> Result<Vec<Package>, ExtractError> {
        let root = shared_xml::parse(input.bytes, "pom.xml")?;
        if root.name != "project" {
            return Err(ExtractError::parse(format!("not a Maven POM: the root element is <{}>", root.name)));
        }
        Ok(Pom::new(&root).packages())
    }
}

/// The parts of one POM that decide its dependencies, with active profiles merged in.
struct Pom<'a> {
    properties: HashMap<String, String>,
    dependencies: Vec<&'a Element>,
    managed: Vec<&'a Element>,
}

impl<'a> Pom<'a> {
    fn new(root: &'a Element) -> Self {
        let parent = root.child("parent");
        let parent_text = |name: &str| parent.and_then(|p| p.child_text(name));
        let mut properties = HashMap::new();
        let version = root.child_text("version").or_else(|| parent_text("version"));
        let group = root.child_text("groupId").or_else(|| parent_text("groupId"));
        let builtins = [
            (["project.version", "pom.version", "version"], version),
            (["project.groupId", "pom.groupId", "groupId"], group),
            (["project.artifactId", "pom.artifactId", "artifactId"], root.child_text("artifactId")),
            (["project.parent.version", "parent.version", "pom.parent.version"], parent_text("version")),
            (["project.parent.groupId", "parent.groupId", "pom.parent.groupId"], parent_text("groupId")),
        ];
        for (names, value) in builtins {
            if let Some(value) = value {
                properties.extend(names.map(|n| (n.to_string(), value.to_string())));
            }
        }
        let active: Vec<&Element> = root
            .at(&["profiles", "profile"])
            .into_iter()
            .filter(|p| p.child("activation").and_then(|a| a.child_text("activeByDefault")) == Some("true"))
            .collect();
        let scopes: Vec<&Element> = std::iter::once(root).chain(active).collect();
        for scope in &scopes {
            for prop in scope.at(&["properties"]).into_iter().flat_map(Element::children) {
                properties.insert(prop.name.clone(), prop.text().to_string());
            }
        }
        let collect = |path: &'static [&'static str]| scopes.iter().flat_map(|s| s.at(path)).collect::<Vec<_>>();
        Pom {
            properties,
            dependencies: collect(&["dependencies", "dependency"]),
            managed: collect(&["dependencyManagement", "dependencies", "dependency"]),
        }
    }

    fn packages(&self) -> Vec<Package> {
        let managed: Vec<(String, String, String)> = self
            .managed
            .iter()
            .filter_map(|d| {
                let (group, artifact) = self.coordinates(d)?;
                Some((group, artifact, self.field(d, "version")?))
            })
            .collect();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for dep in &self.dependencies {
            let Some((group, artifact)) = self.coordinates(dep) else {
                continue;
            };
            let requirement = self
                .field(dep, "version")
                .or_else(|| managed.iter().find(|(g, a, _)| *g == group && *a == artifact).map(|(_, _, v)| v.clone()));
            let Some(requirement) = requirement.filter(|r| !r.contains("${")) else {
                continue;
            };
            let name = format!("{group}:{artifact}");
            if !seen.insert(name.clone()) {
                continue;
            }
            let dev = self.field(dep, "scope").as_deref() == Some("test");
            let package = match lowest_version(&requirement) {
                Some(version) => {
                    let p = Package::new(Ecosystem::Maven, name, version, PackageManager::Pom);
                    if is_range(&requirement) { p.constraint(requirement.clone()) } else { p }
                }
                None => Package::new(Ecosystem::Maven, name, "", PackageManager::Pom).constraint(requirement.clone()),
            };
            out.push(package.dev(dev));
        }
        out
    }

    /// `groupId` and `artifactId`, interpolated; `None` when either is missing or unresolved.
    fn coordinates(&self, dep: &Element) -> Option<(String, String)> {
        let group = self.field(dep, "groupId").filter(|g| !g.contains("${"))?;
        let artifact = self.field(dep, "artifactId").filter(|a| !a.contains("${"))?;
        Some((group, artifact))
    }

    /// A child's text with properties filled in; `None` when absent or empty.
    fn field(&self, dep: &Element, name: &str) -> Option<String> {
        let lookup = |name: &str| self.properties.get(name).map(String::as_str);
        let value = interpolate(dep.child_text(name)?, Syntax::Maven, &lookup);
        let value = value.trim();
        (!value.is_empty()).then(|| value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(xml: &str) -> Result<Vec<Package>, ExtractError> {
        let budget = Input::default_budget();
        PomXml.extract(&Input::standalone("/var/task/pom.xml", xml.as_bytes(), &budget))
    }

    fn names(xml: &str) -> Vec<String> {
        extract(xml).unwrap().iter().map(|p| format!("{}@{}", p.name, p.version)).collect()
    }

    #[test]
    fn wants_pom_xml_but_not_copies_inside_unpacked_jars() {
        let wants = |path| PomXml.wants(&FileInfo { path, size: 1, executable: false });
        assert!(wants("/var/task/pom.xml"));
        assert!(!wants("/var/task/META-INF/maven/org.slf4j/slf4j-api/pom.xml"));
        assert!(!wants("/var/task/xpom.xml"));
    }

    #[test]
    fn interpolates_properties_project_and_parent_versions() {
        let xml = r#"<project>
          <parent><groupId>org.p</groupId><artifactId>parent</artifactId><version>7.1</version></parent>
          <properties><a>${b}</a><b>1.${c}</b><c>2</c><self>${self}</self></properties>
          <dependencies>
            <dependency><groupId>x</groupId><artifactId>a</artifactId><version>${a}</version></dependency>
            <dependency><groupId>${project.groupId}</groupId><artifactId>b</artifactId><version>${project.version}</version></dependency>
            <dependency><groupId>x</groupId><artifactId>loop</artifactId><version>${self}</version></dependency>
            <dependency><groupId>x</groupId><artifactId>unknown</artifactId><version>${nope}</version></dependency>
          </dependencies></project>"#;
        assert_eq!(names(xml), ["x:a@1.2", "org.p:b@7.1"]);
    }

    #[test]
    fn ranges_keep_their_constraint_and_test_scope_is_dev() {
        let xml = r#"<project><dependencies>
            <dependency><groupId>x</groupId><artifactId>r</artifactId><version>[1.5,2.0)</version></dependency>
            <dependency><groupId>x</groupId><artifactId>open</artifactId><version>(,2.0]</version></dependency>
            <dependency><groupId>x</groupId><artifactId>t</artifactId><version>1</version><scope>test</scope></dependency>
          </dependencies></project>"#;
        let got = extract(xml).unwrap();
        let r = got.iter().find(|p| p.name == "x:r").unwrap();
        assert_eq!((r.version.as_str(), r.constraint.as_deref()), ("1.5", Some("[1.5,2.0)")));
        let open = got.iter().find(|p| p.name == "x:open").unwrap();
        assert_eq!((open.version.as_str(), open.constraint.as_deref()), ("", Some("(,2.0]")));
        assert!(got.iter().find(|p| p.name == "x:t").unwrap().dev);
        assert!(!r.dev);
        assert_eq!(r.package_manager, PackageManager::Pom);
        assert_eq!(r.purl, "pkg:maven/x/r@1.5");
    }

    #[test]
    fn inactive_profiles_and_plugins_are_not_dependencies() {
        let xml = r#"<project>
          <build><plugins><plugin><dependencies>
            <dependency><groupId>p</groupId><artifactId>plugin-dep</artifactId><version>1</version></dependency>
          </dependencies></plugin></plugins></build>
          <profiles>
            <profile><id>on</id><activation><activeByDefault>true</activeByDefault></activation>
              <properties><v>3</v></properties>
              <dependencyManagement><dependencies>
                <dependency><groupId>m</groupId><artifactId>managed</artifactId><version>${v}</version></dependency>
              </dependencies></dependencyManagement>
              <dependencies><dependency><groupId>m</groupId><artifactId>managed</artifactId></dependency></dependencies>
            </profile>
            <profile><id>off</id><activation><jdk>1.8</jdk></activation>
              <dependencies><dependency><groupId>o</groupId><artifactId>off</artifactId><version>1</version></dependency></dependencies>
            </profile>
          </profiles></project>"#;
        assert_eq!(names(xml), ["m:managed@3"]);
    }

    #[test]
    fn a_parent_pom_is_read_on_its_own() {
        // The `with-parent.xml` fixture's parent: its dependency is found here, not through the child (a deviation).
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/lockfiles/java/pomxml/testdata/parent/pom.xml");
        assert_eq!(names(&std::fs::read_to_string(dir).unwrap()), ["org.dave:dave@4.0.0"]);
    }

    #[test]
    fn refuses_what_is_not_a_pom() {
        assert!(extract("<settings/>").is_err());
        assert!(extract("this is not a pom.xml file!").is_err());
        assert!(extract("<project><dependencies>").is_err());
    }

    #[test]
    fn interpolation_is_bounded() {
        let mut props = String::new();
        for i in 0..30 {
            props.push_str(&format!("<p{i}>${{p{n}}}${{p{n}}}</p{i}>", n = i + 1));
        }
        let xml = format!(
            "<project><properties>{props}</properties><dependencies><dependency><groupId>g</groupId>\
             <artifactId>a</artifactId><version>${{p0}}</version></dependency></dependencies></project>"
        );
        // Unresolvable after the depth bound: dropped, and quickly.
        assert!(names(&xml).is_empty());
    }
}
