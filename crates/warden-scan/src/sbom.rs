//! CycloneDX JSON SBOMs (1.4–1.6; 1.5 is the target) as an input to matching: `warden scan --sbom bom.json`, the
//! use case of Inspector's `inspector-scan` `ScanSbom`.
//!
//! Every component (nested `components` too) with a package URL of a matched ecosystem becomes a [`Package`]:
//!
//! - ecosystem, name and version from the purl (`pkg:pypi/…`, `pkg:npm/%40scope/name`, `pkg:maven/group/artifact`,
//!   `pkg:golang/…`, `pkg:nuget/…`, `pkg:gem/…`, `pkg:cargo/…`, `pkg:composer/…`; percent-decoded; qualifiers and
//!   subpath ignored). The component's own `group`/`name` is kept as the display name when it names the same
//!   package (`PyYAML` for `pkg:pypi/pyyaml`). Go versions lose their leading `v`, as the inventory writes them.
//! - `packageManager` from the property `warden:packageManager` (Warden's own SBOMs), else Trivy's
//!   `aquasecurity:trivy:PkgType`, else the installed form of the ecosystem (`PYTHONPKG`, `NODEPKG`, `JAR`,
//!   `GOBINARY`, `DOTNET_CORE`, `GEMSPEC`, `CARGO`, `COMPOSER`).
//! - `filePath` from `warden:filePath`, the first `evidence.occurrences[].location`, Trivy's or Syft's path
//!   property, else the `bom-ref`; the layer from `aws:lambda:layerArn`; development-only from `scope: excluded`.
//!
//! A component without a purl (of a package type), with an unparsable purl, or of another ecosystem (`pkg:deb/…`)
//! is skipped and counted, one [`FileError`] per reason. A component whose purl has no version stays a package
//! without one, which matching counts as unpinned. A document that is not CycloneDX JSON is an [`SbomError`].

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use warden_core::{Ecosystem, FileError, Package, PackageManager, SbomInput, normalize_name};

/// The extractor named by packages read from a CycloneDX SBOM (in explanations and `status.extractors`).
pub const EXTRACTOR: &str = "sbom/cyclonedx";
/// Bumped when what is read from an SBOM changes.
pub const EXTRACTOR_VERSION: u32 = 1;
/// Larger documents are refused.
pub const MAX_SBOM_BYTES: u64 = 256 * 1024 * 1024;
/// The `specVersion`s read.
const SPEC_VERSIONS: [&str; 3] = ["1.4", "1.5", "1.6"];

/// Why an SBOM could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum SbomError {
    #[error("cannot read it: {0}")]
    Io(std::io::Error),
    #[error("{size} bytes is more than the {limit} bytes an SBOM may have")]
    TooLarge { size: u64, limit: u64 },
    #[error("this is CycloneDX XML; `warden scan --sbom` reads CycloneDX JSON (1.4–1.6)")]
    Xml,
    #[error("not JSON: {0}")]
    NotJson(serde_json::Error),
    #[error("not a CycloneDX document ({found}); `warden scan --sbom` reads CycloneDX JSON (1.4–1.6)")]
    NotCycloneDx { found: String },
    #[error("CycloneDX specVersion {0:?} is not read (1.4, 1.5 and 1.6 are)")]
    SpecVersion(String),
    #[error("`components` is not a list: {0}")]
    Components(serde_json::Error),
}

/// What was read from an SBOM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sbom {
    /// The packages, in document order (depth first).
    pub packages: Vec<Package>,
    /// One entry per reason components were skipped, with how many and the first of them.
    pub skipped: Vec<FileError>,
    /// The name of the subject (`metadata.component.name`): what Warden's own SBOMs name the function by.
    pub subject: Option<String>,
    /// Format, version and counts, for `status.sbom`.
    pub input: SbomInput,
}

/// Reads an SBOM file, refusing one larger than [`MAX_SBOM_BYTES`].
pub fn read(path: &Path) -> Result<Sbom, SbomError> {
    let io = SbomError::Io;
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_SBOM_BYTES {
        return Err(SbomError::TooLarge { size, limit: MAX_SBOM_BYTES });
    }
    let mut bytes = Vec::new();
    file.take(MAX_SBOM_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    parse(&bytes, &path.display().to_string())
}

/// Parses a CycloneDX JSON document; `source` names it in file errors and the status.
pub fn parse(bytes: &[u8], source: &str) -> Result<Sbom, SbomError> {
    let size = bytes.len() as u64;
    if size > MAX_SBOM_BYTES {
        return Err(SbomError::TooLarge { size, limit: MAX_SBOM_BYTES });
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return Err(SbomError::Xml);
    }
    let document: Value = serde_json::from_slice(bytes).map_err(SbomError::NotJson)?;
    let Some(object) = document.as_object() else {
        return Err(SbomError::NotCycloneDx { found: "not a JSON object".to_string() });
    };
    match object.get("bomFormat").and_then(Value::as_str) {
        Some("CycloneDX") => {}
        Some(other) => return Err(SbomError::NotCycloneDx { found: format!("bomFormat {other:?}") }),
        None if object.contains_key("spdxVersion") => {
            return Err(SbomError::NotCycloneDx { found: "an SPDX document".to_string() });
        }
        None => return Err(SbomError::NotCycloneDx { found: "no bomFormat".to_string() }),
    }
    let spec_version = object.get("specVersion").and_then(Value::as_str).unwrap_or_default();
    if !SPEC_VERSIONS.contains(&spec_version) {
        return Err(SbomError::SpecVersion(spec_version.to_string()));
    }
    let subject = object
        .get("metadata")
        .and_then(|m| m.get("component"))
        .and_then(|c| c.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let top: Vec<Value> = match object.get("components") {
        None | Some(Value::Null) => Vec::new(),
        Some(c) => Vec::deserialize(c).map_err(SbomError::Components)?,
    };

    let mut reader = Reader { source, packages: Vec::new(), skipped: BTreeMap::new(), components: 0 };
    // Depth first, in document order, without recursion (serde_json already bounds the nesting depth).
    let mut stack: Vec<Value> = top.into_iter().rev().collect();
    while let Some(value) = stack.pop() {
        reader.components += 1;
        match Component::deserialize(&value) {
            Ok(component) => {
                reader.component(&component);
                stack.extend(component.components.into_iter().rev());
            }
            Err(e) => reader.skip("not a valid component".to_string(), &format!("{e}")),
        }
    }

    let skipped_count = reader.skipped.values().map(|(n, _)| n).sum();
    let skipped = reader
        .skipped
        .into_iter()
        .map(|(reason, (n, first))| FileError {
            file_path: source.to_string(),
            layer: None,
            extractor: EXTRACTOR.to_string(),
            message: format!("{n} component{} skipped: {reason} (first: {first})", if n == 1 { "" } else { "s" }),
        })
        .collect();
    Ok(Sbom {
        input: SbomInput {
            file: source.to_string(),
            format: "CycloneDX".to_string(),
            spec_version: spec_version.to_string(),
            components: reader.components,
            packages: reader.packages.len(),
            skipped: skipped_count,
        },
        packages: reader.packages,
        skipped,
        subject,
    })
}

/// The parts of a CycloneDX component that are read; anything else is ignored.
#[derive(Debug, Deserialize)]
struct Component {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(rename = "bom-ref", default)]
    bom_ref: Option<String>,
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    purl: Option<String>,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    properties: Vec<Property>,
    #[serde(default)]
    evidence: Option<Evidence>,
    #[serde(default)]
    components: Vec<Value>,
}

#[derive(Debug, Deserialize)]
struct Property {
    name: String,
    #[serde(default)]
    value: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Evidence {
    #[serde(default)]
    occurrences: Vec<Occurrence>,
}

#[derive(Debug, Deserialize)]
struct Occurrence {
    location: String,
}

impl Component {
    fn property(&self, name: &str) -> Option<&str> {
        self.properties.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref()).filter(|v| !v.is_empty())
    }

    /// How the component is named in a skip message.
    fn reference(&self) -> String {
        let name = self.name.as_deref().unwrap_or("");
        let joined = match self.group.as_deref() {
            Some(g) if !g.is_empty() => format!("{g}/{name}"),
            _ => name.to_string(),
        };
        let version = self.version.as_deref().map(|v| format!("@{v}")).unwrap_or_default();
        self.bom_ref.clone().unwrap_or(format!("{joined}{version}"))
    }
}

struct Reader<'a> {
    source: &'a str,
    packages: Vec<Package>,
    /// Reason → (count, first component).
    skipped: BTreeMap<String, (usize, String)>,
    components: usize,
}

impl Reader<'_> {
    fn skip(&mut self, reason: String, component: &str) {
        self.skipped.entry(reason).or_insert((0, component.to_string())).0 += 1;
    }

    fn component(&mut self, c: &Component) {
        let Some(purl) = c.purl.as_deref().map(str::trim).filter(|p| !p.is_empty()) else {
            // Applications, files, containers … are not packages; a library without a purl is a gap.
            if matches!(c.kind.as_deref(), None | Some("library" | "framework")) {
                self.skip("no purl".to_string(), &c.reference());
            }
            return;
        };
        let parsed = match Purl::parse(purl) {
            Ok(p) => p,
            Err(e) => return self.skip(format!("unparsable purl ({e})"), purl),
        };
        let Some(ecosystem) = ecosystem(&parsed.kind) else {
            return self.skip(format!("purl type `{}` is not an ecosystem Warden matches", parsed.kind), purl);
        };
        let from_purl = match package_name(ecosystem, &parsed) {
            Ok(name) => name,
            Err(e) => return self.skip(format!("unparsable purl ({e})"), purl),
        };
        let name = display_name(ecosystem, c)
            .filter(|d| normalize_name(ecosystem, d) == normalize_name(ecosystem, &from_purl))
            .unwrap_or(from_purl);
        let raw_version = parsed.version.clone().or_else(|| c.version.clone()).unwrap_or_default();
        let version = match ecosystem {
            Ecosystem::Go if name == "stdlib" => raw_version.strip_prefix("go").unwrap_or(&raw_version),
            Ecosystem::Go => raw_version.strip_prefix('v').unwrap_or(&raw_version),
            _ => raw_version.as_str(),
        };
        let manager = c
            .property("warden:packageManager")
            .and_then(|m| PackageManager::deserialize(Value::from(m)).ok())
            .or_else(|| c.property("aquasecurity:trivy:PkgType").and_then(trivy_package_manager))
            .unwrap_or(default_package_manager(ecosystem));
        let mut package = Package::new(ecosystem, name, version, manager).dev(c.scope.as_deref() == Some("excluded"));
        if parsed.version.is_some() {
            package.purl = purl.to_string();
        }
        if let Some(constraint) = c.property("warden:constraint") {
            package = package.constraint(constraint);
        }
        package.file_path = c
            .property("warden:filePath")
            .or_else(|| c.evidence.as_ref().and_then(|e| e.occurrences.first()).map(|o| o.location.as_str()))
            .or_else(|| c.property("aquasecurity:trivy:FilePath"))
            .or_else(|| c.property("syft:location:0:path"))
            .map(str::to_string)
            .unwrap_or_else(|| c.bom_ref.clone().unwrap_or_else(|| self.source.to_string()));
        package.layer = c.property("aws:lambda:layerArn").map(str::to_string);
        package.extractor = EXTRACTOR.to_string();
        self.packages.push(package);
    }
}

/// A package URL split into its parts, percent-decoded (<https://github.com/package-url/purl-spec>).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Purl {
    /// Lower case (`pypi`).
    kind: String,
    /// The namespace segments joined by `/` (`@babel`, `org.slf4j`, `github.com/gorilla`), empty when none.
    namespace: String,
    name: String,
    version: Option<String>,
}

impl Purl {
    fn parse(purl: &str) -> Result<Purl, String> {
        let rest = purl.strip_prefix("pkg:").ok_or("it does not start with `pkg:`")?.trim_start_matches('/');
        let rest = rest.split_once('#').map_or(rest, |(before, _subpath)| before);
        let rest = rest.split_once('?').map_or(rest, |(before, _qualifiers)| before);
        let (kind, rest) = rest.split_once('/').ok_or("it has no name")?;
        if kind.is_empty() {
            return Err("it has no type".to_string());
        }
        let (path, version) = match rest.rsplit_once('@') {
            Some((path, version)) if !version.contains('/') => (path, Some(decode(version)?)),
            _ => (rest, None),
        };
        let mut segments = path.split('/').filter(|s| !s.is_empty()).map(decode).collect::<Result<Vec<_>, _>>()?;
        let name = segments.pop().filter(|n| !n.is_empty()).ok_or("it has no name")?;
        Ok(Purl {
            kind: kind.to_ascii_lowercase(),
            namespace: segments.join("/"),
            name,
            version: version.filter(|v| !v.is_empty()),
        })
    }
}

/// Percent-decoding; the result must be UTF-8.
fn decode(s: &str) -> Result<String, String> {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hex = |b: Option<u8>| b.and_then(|b| char::from(b).to_digit(16));
            match (hex(bytes.next()), hex(bytes.next())) {
                (Some(hi), Some(lo)) => out.push(u8::try_from(hi * 16 + lo).map_err(|e| e.to_string())?),
                _ => return Err(format!("bad percent-encoding in {s:?}")),
            }
        } else {
            out.push(b);
        }
    }
    String::from_utf8(out).map_err(|_| format!("{s:?} is not UTF-8 once decoded"))
}

fn ecosystem(kind: &str) -> Option<Ecosystem> {
    Ecosystem::ALL.into_iter().find(|e| e.purl_type() == kind)
}

/// The package name as the advisories write it, from a purl of the ecosystem.
fn package_name(ecosystem: Ecosystem, purl: &Purl) -> Result<String, String> {
    let ns = purl.namespace.as_str();
    let name = purl.name.as_str();
    Ok(match ecosystem {
        Ecosystem::Npm if ns.is_empty() => name.to_string(),
        Ecosystem::Npm => format!("@{}/{name}", ns.trim_start_matches('@')),
        Ecosystem::Maven if ns.is_empty() => return Err("a Maven purl needs a group".to_string()),
        Ecosystem::Maven => format!("{ns}:{name}"),
        Ecosystem::Go | Ecosystem::Packagist if ns.is_empty() => name.to_string(),
        Ecosystem::Go | Ecosystem::Packagist => format!("{ns}/{name}"),
        Ecosystem::PyPI | Ecosystem::NuGet | Ecosystem::RubyGems | Ecosystem::CratesIo => name.to_string(),
    })
}

/// The component's own `group` and `name` joined as the ecosystem writes a name.
fn display_name(ecosystem: Ecosystem, c: &Component) -> Option<String> {
    let name = c.name.as_deref().map(str::trim).filter(|n| !n.is_empty())?;
    let group = c.group.as_deref().map(str::trim).filter(|g| !g.is_empty());
    Some(match (ecosystem, group) {
        (_, None) => name.to_string(),
        (Ecosystem::Maven, Some(g)) => format!("{g}:{name}"),
        (Ecosystem::Npm, Some(g)) => format!("@{}/{name}", g.trim_start_matches('@')),
        (Ecosystem::Go | Ecosystem::Packagist, Some(g)) => format!("{g}/{name}"),
        (_, Some(_)) => name.to_string(),
    })
}

/// What an SBOM that does not say is assumed to describe: installed packages, as a deployment package holds them.
fn default_package_manager(ecosystem: Ecosystem) -> PackageManager {
    match ecosystem {
        Ecosystem::PyPI => PackageManager::Pythonpkg,
        Ecosystem::Npm => PackageManager::Nodepkg,
        Ecosystem::Maven => PackageManager::Jar,
        Ecosystem::Go => PackageManager::Gobinary,
        Ecosystem::NuGet => PackageManager::DotnetCore,
        Ecosystem::RubyGems => PackageManager::Gemspec,
        Ecosystem::CratesIo => PackageManager::Cargo,
        Ecosystem::Packagist => PackageManager::Composer,
    }
}

/// Trivy's package types (`aquasecurity:trivy:PkgType`) as Inspector's package managers.
fn trivy_package_manager(kind: &str) -> Option<PackageManager> {
    Some(match kind {
        "pip" => PackageManager::Pip,
        "pipenv" => PackageManager::Pipenv,
        "poetry" | "uv" => PackageManager::Poetry,
        "python-pkg" => PackageManager::Pythonpkg,
        "npm" | "pnpm" | "bun" => PackageManager::Npm,
        "yarn" => PackageManager::Yarn,
        "node-pkg" => PackageManager::Nodepkg,
        "jar" => PackageManager::Jar,
        "pom" | "gradle" => PackageManager::Pom,
        "gobinary" => PackageManager::Gobinary,
        "gomod" => PackageManager::Gomod,
        "dotnet-core" => PackageManager::DotnetCore,
        "nuget" => PackageManager::Nuget,
        "bundler" => PackageManager::Bundler,
        "gemspec" => PackageManager::Gemspec,
        "cargo" | "rustbinary" => PackageManager::Cargo,
        "composer" | "composer-vendor" => PackageManager::Composer,
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn purl(s: &str) -> Purl {
        Purl::parse(s).unwrap()
    }

    #[test]
    fn purls_are_split_and_decoded() {
        let p = purl("pkg:npm/%40babel/core@7.0.0?foo=bar@baz#lib/x");
        assert_eq!((p.kind.as_str(), p.namespace.as_str(), p.name.as_str()), ("npm", "@babel", "core"));
        assert_eq!(p.version.as_deref(), Some("7.0.0"));
        let p = purl("pkg:npm/@babel/core");
        assert_eq!((p.namespace.as_str(), p.name.as_str(), p.version), ("@babel", "core", None));
        let p = purl("pkg:golang/github.com/gorilla/mux@v1.8.0");
        assert_eq!(package_name(Ecosystem::Go, &p).unwrap(), "github.com/gorilla/mux");
        let p = purl("pkg:Maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar");
        assert_eq!(
            (p.kind.as_str(), package_name(Ecosystem::Maven, &p).unwrap().as_str()),
            ("maven", "org.apache.logging.log4j:log4j-core")
        );
        assert_eq!(purl("pkg:pypi/django%20x@1.0%2B1").version.as_deref(), Some("1.0+1"));
        for bad in ["npm/lodash@1", "pkg:", "pkg:npm", "pkg:npm/", "pkg:/x@1", "pkg:npm/a%zz@1", "pkg:npm/%ff@1"] {
            assert!(Purl::parse(bad).is_err(), "{bad}");
        }
        assert!(package_name(Ecosystem::Maven, &purl("pkg:maven/log4j@1")).is_err());
    }

    #[test]
    fn components_become_packages() {
        let bom = br#"{"bomFormat": "CycloneDX", "specVersion": "1.5", "metadata": {"component": {"name": "f.zip"}},
          "components": [
            {"type": "library", "name": "PyYAML", "version": "5.3", "purl": "pkg:pypi/pyyaml@5.3",
             "evidence": {"occurrences": [{"location": "/var/task/PyYAML-5.3.dist-info/METADATA"}]}},
            {"type": "library", "group": "@types", "name": "node", "purl": "pkg:npm/%40types/node@18.0.0",
             "scope": "excluded", "properties": [{"name": "aws:lambda:layerArn", "value": "arn:x"}],
             "components": [{"type": "library", "name": "golang.org/x/net", "purl": "pkg:golang/golang.org/x/net@v0.7.0",
               "properties": [{"name": "warden:packageManager", "value": "GOMOD"}]}]},
            {"type": "library", "name": "openssl", "purl": "pkg:deb/debian/openssl@1.1"},
            {"type": "library", "name": "nopurl"},
            {"type": "application", "name": "requirements.txt"},
            {"type": "library", "name": 7},
            {"type": "library", "bom-ref": "r", "purl": "pkg:nuget/Newtonsoft.Json"}
          ]}"#;
        let sbom = parse(bom, "bom.json").unwrap();
        assert_eq!(sbom.subject.as_deref(), Some("f.zip"));
        let got: Vec<_> = sbom
            .packages
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_str(), p.package_manager, p.file_path.as_str(), p.dev))
            .collect();
        assert_eq!(
            got,
            [
                ("PyYAML", "5.3", PackageManager::Pythonpkg, "/var/task/PyYAML-5.3.dist-info/METADATA", false),
                ("@types/node", "18.0.0", PackageManager::Nodepkg, "bom.json", true),
                ("golang.org/x/net", "0.7.0", PackageManager::Gomod, "bom.json", false),
                ("Newtonsoft.Json", "", PackageManager::DotnetCore, "r", false),
            ]
        );
        assert_eq!(sbom.packages[1].layer.as_deref(), Some("arn:x"));
        assert_eq!(sbom.packages[2].purl, "pkg:golang/golang.org/x/net@v0.7.0");
        assert_eq!(sbom.packages[3].purl, "pkg:nuget/Newtonsoft.Json");
        assert_eq!((sbom.input.components, sbom.input.packages, sbom.input.skipped), (8, 4, 3));
        let messages: Vec<_> = sbom.skipped.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages.contains(&"1 component skipped: no purl (first: nopurl)"), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("purl type `deb` is not an ecosystem")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("not a valid component")), "{messages:?}");
    }

    #[test]
    fn documents_that_are_not_cyclonedx_json_are_errors() {
        let err = |b: &[u8]| parse(b, "x").unwrap_err().to_string();
        assert!(err(b"not json").starts_with("not JSON"));
        assert!(err(b"  <?xml version=\"1.0\"?><bom/>").contains("CycloneDX XML"));
        assert!(err(br#"{"spdxVersion": "SPDX-2.3"}"#).contains("an SPDX document"));
        assert!(err(br#"{"bomFormat": "SPDX"}"#).contains("bomFormat \"SPDX\""));
        assert!(err(br#"{"bomFormat": "CycloneDX", "specVersion": "1.2"}"#).contains("specVersion \"1.2\""));
        assert!(err(br#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": {}}"#).contains("not a list"));
        assert!(err(b"[1]").contains("not a JSON object"));
        let empty = parse(br#"{"bomFormat": "CycloneDX", "specVersion": "1.4"}"#, "x").unwrap();
        assert!(empty.packages.is_empty());
        let deep = format!(
            r#"{{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{}{}]}}"#,
            r#"{"components": ["#.repeat(5000),
            "]}".repeat(5000)
        );
        assert!(parse(deep.as_bytes(), "x").is_err());
    }
}
