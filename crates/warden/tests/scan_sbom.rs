//! `warden scan --sbom`: CycloneDX SBOMs matched against the real shared OSV snapshot (`../shared/osv`, imported
//! once into a temporary database). Warden's own SBOM of a function gives exactly the findings of scanning the
//! function; an SBOM in the style of Syft or Trivy (purls only) is matched too; malformed documents are refused
//! with exit code 2, and components that cannot be used are counted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use support::*;

use serde_json::Value;
use std::path::Path;
use std::process::Output;

/// A function with PyYAML 5.3, a log4j-core 2.14.1 jar and a go.mod requiring golang.org/x/net v0.1.0, and a layer
/// with lodash 4.17.15: (function, `ARN=layer`).
fn vulnerable(dir: &Path) -> (String, String) {
    let jar = zip_bytes(&[(
        "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties",
        b"groupId=org.apache.logging.log4j\nartifactId=log4j-core\nversion=2.14.1\n",
    )]);
    let function = dir.join("function.zip");
    let go_mod = b"module example.com/app\n\ngo 1.21.0\n\nrequire golang.org/x/net v0.1.0\n";
    std::fs::write(
        &function,
        zip_bytes(&[
            ("PyYAML-5.3.dist-info/METADATA", b"Metadata-Version: 2.1\nName: PyYAML\nVersion: 5.3\n"),
            ("lib/log4j-core-2.14.1.jar", &jar),
            ("go.mod", go_mod),
            ("app.py", b"def handler(event, context):\n    return 1\n"),
        ]),
    )
    .unwrap();
    let layer = dir.join("layer.zip");
    std::fs::write(
        &layer,
        zip_bytes(&[("nodejs/node_modules/lodash/package.json", br#"{"name": "lodash", "version": "4.17.15"}"#)]),
    )
    .unwrap();
    (function.display().to_string(), format!("{LAYER_ARN}={}", layer.display()))
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn scan(args: &[&str]) -> Output {
    let mut all = vec!["scan", "--db", db().to_str().unwrap()];
    all.extend_from_slice(args);
    warden(&all)
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The findings without their timestamps, sorted by ARN.
fn findings(v: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .cloned()
        .map(|mut f| {
            let o = f.as_object_mut().unwrap();
            for key in ["firstObservedAt", "lastObservedAt", "updatedAt"] {
                o.remove(key);
            }
            f
        })
        .collect();
    out.sort_by(|a, b| a["findingArn"].as_str().cmp(&b["findingArn"].as_str()));
    out
}

fn ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["packageVulnerabilityDetails"]["vulnerabilityId"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// The packages as matching sees them, sorted.
fn packages(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {} {} {} {} {}",
                p["ecosystem"],
                p["name"],
                p["version"],
                p["purl"],
                p["packageManager"],
                p["filePath"],
                p["layer"],
                p["dev"]
            )
        })
        .collect();
    out.sort();
    out
}

fn vulnerable_package<'a>(v: &'a Value, id: &str) -> &'a Value {
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["packageVulnerabilityDetails"]["vulnerabilityId"] == id)
        .unwrap_or_else(|| panic!("no finding {id} in {:?}", ids(v)));
    &f["packageVulnerabilityDetails"]["vulnerablePackages"][0]
}

#[test]
fn warden_sbom_of_a_function_scans_as_the_function_does() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = vulnerable(dir.path());
    let bom = dir.path().join("bom.json").display().to_string();
    let out = warden(&["sbom", &function, "--layer", &layer, "--format", "cyclonedx", "--output", &bom]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let direct = scan(&[&function, "--layer", &layer, "--format", "json"]);
    let from_sbom = scan(&["--sbom", &bom, "--format", "json"]);
    assert!(direct.status.success(), "{}", String::from_utf8_lossy(&direct.stderr));
    assert!(from_sbom.status.success(), "{}", String::from_utf8_lossy(&from_sbom.stderr));
    let (direct, from_sbom_out) = (json_of(&direct), from_sbom);
    let from_sbom = json_of(&from_sbom_out);

    // Every ecosystem of the function found its advisories, the layer's package names the layer.
    for id in ["CVE-2020-1747", "CVE-2021-23337", "CVE-2021-44228", "CVE-2022-41723"] {
        assert!(ids(&direct).contains(&id.to_string()), "{id} not in {:?}", ids(&direct));
    }
    assert_eq!(vulnerable_package(&from_sbom, "CVE-2021-23337")["sourceLambdaLayerArn"], LAYER_ARN);
    assert_eq!(vulnerable_package(&from_sbom, "CVE-2021-44228")["name"], "org.apache.logging.log4j:log4j-core");
    assert_eq!(vulnerable_package(&from_sbom, "CVE-2022-41723")["version"], "0.1.0");
    assert_eq!(vulnerable_package(&from_sbom, "CVE-2020-1747")["name"], "PyYAML");

    // The same findings, whole (same ARNs: the SBOM names the function's file), and the same packages.
    assert_eq!(ids(&from_sbom), ids(&direct));
    assert_eq!(findings(&from_sbom), findings(&direct));
    assert_eq!(packages(&from_sbom), packages(&direct));
    assert_eq!(from_sbom["status"]["matching"]["packagesMatched"], direct["status"]["matching"]["packagesMatched"]);

    // The status says where the packages came from.
    let sbom = &from_sbom["status"]["sbom"];
    assert_eq!(sbom["format"], "CycloneDX");
    assert_eq!(sbom["specVersion"], "1.5");
    assert_eq!(sbom["skipped"], 0);
    assert_eq!(sbom["packages"], direct["packages"].as_array().unwrap().len());
    assert_eq!(from_sbom["status"]["extractors"][0]["id"], "sbom/cyclonedx");
    assert!(direct["status"].get("sbom").is_none());
    assert!(String::from_utf8_lossy(&from_sbom_out.stderr).contains("(CycloneDX 1.5)"));

    // The other formats and the exit codes are those of a zip scan.
    let sarif = |args: &[&str]| String::from_utf8(scan(&[args, &["--format", "sarif"][..]].concat()).stdout).unwrap();
    assert_eq!(sarif(&["--sbom", &bom]), sarif(&[&function, "--layer", &layer]));
    let table = scan(&["--sbom", &bom, "--format", "table", "--fail-on", "CRITICAL"]);
    assert_eq!(table.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&table.stdout).contains("CVE-2021-44228"));
    let csv = scan(&["--sbom", &bom, "--format", "csv"]);
    assert!(String::from_utf8_lossy(&csv.stdout).contains("CVE-2021-44228"));
}

#[test]
fn an_sbom_with_purls_only_is_matched() {
    let dir = tempfile::tempdir().unwrap();
    // Syft and Trivy style: purls, evidence or tool properties, nested components, other ecosystems.
    let bom = write(
        dir.path(),
        "syft.json",
        r#"{
  "$schema": "http://cyclonedx.org/schema/bom-1.5.schema.json",
  "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
  "metadata": {"component": {"bom-ref": "app", "type": "file", "name": "/src"}},
  "components": [
    {"bom-ref": "pkg:pypi/pyyaml@5.3?package-id=1", "type": "library", "name": "PyYAML", "version": "5.3",
     "purl": "pkg:pypi/pyyaml@5.3",
     "properties": [{"name": "syft:location:0:path", "value": "/site-packages/PyYAML-5.3.dist-info/METADATA"}]},
    {"type": "application", "name": "package-lock.json", "properties": [{"name": "aquasecurity:trivy:Type", "value": "npm"}],
     "components": [
       {"bom-ref": "lodash-ref", "type": "library", "name": "lodash", "version": "4.17.15",
        "purl": "pkg:npm/lodash@4.17.15",
        "properties": [{"name": "aquasecurity:trivy:PkgType", "value": "npm"}]}]},
    {"type": "library", "group": "org.apache.logging.log4j", "name": "log4j-core", "version": "2.14.1",
     "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar",
     "evidence": {"occurrences": [{"location": "/lib/log4j-core-2.14.1.jar"}]}},
    {"type": "library", "name": "golang.org/x/net", "version": "v0.1.0", "purl": "pkg:golang/golang.org/x/net@v0.1.0"},
    {"type": "library", "name": "openssl", "version": "3.0.2", "purl": "pkg:deb/ubuntu/openssl@3.0.2?arch=amd64"},
    {"type": "library", "name": "mystery", "version": "1.0"}
  ]
}"#,
    );
    let out = scan(&["--sbom", &bom, "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json_of(&out);
    for id in ["CVE-2020-1747", "CVE-2021-23337", "CVE-2021-44228", "CVE-2022-41723"] {
        assert!(ids(&v).contains(&id.to_string()), "{id} not in {:?}", ids(&v));
    }
    let yaml = vulnerable_package(&v, "CVE-2020-1747");
    assert_eq!((&yaml["name"], &yaml["packageManager"]), (&"PyYAML".into(), &"PYTHONPKG".into()));
    assert_eq!(yaml["filePath"], "/site-packages/PyYAML-5.3.dist-info/METADATA");
    let lodash = vulnerable_package(&v, "CVE-2021-23337");
    assert_eq!((&lodash["packageManager"], &lodash["filePath"]), (&"NPM".into(), &"lodash-ref".into()));
    assert!(lodash.get("sourceLambdaLayerArn").is_none());
    let log4j = vulnerable_package(&v, "CVE-2021-44228");
    assert_eq!((&log4j["packageManager"], &log4j["filePath"]), (&"JAR".into(), &"/lib/log4j-core-2.14.1.jar".into()));
    assert_eq!(log4j["purl"], "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar");
    let net = vulnerable_package(&v, "CVE-2022-41723");
    assert_eq!((&net["packageManager"], &net["version"]), (&"GOBINARY".into(), &"0.1.0".into()));
    // Without a subject file name, findings name a placeholder function after the SBOM's subject.
    assert!(v["findings"][0]["resources"][0]["id"].as_str().unwrap().contains(":function:-src:"));

    // The deb package and the library without a purl are counted, not silently dropped.
    let sbom = &v["status"]["sbom"];
    assert_eq!(
        (sbom["components"].as_u64(), sbom["packages"].as_u64(), sbom["skipped"].as_u64()),
        (Some(7), Some(4), Some(2))
    );
    let errors: Vec<&str> = v["errors"].as_array().unwrap().iter().map(|e| e["message"].as_str().unwrap()).collect();
    assert!(errors.iter().any(|m| m.contains("purl type `deb`")), "{errors:?}");
    assert!(errors.contains(&"1 component skipped: no purl (first: mystery@1.0)"), "{errors:?}");

    // Inventory only needs no database.
    let out = warden(&["scan", "--sbom", &bom, "--scanners", "inventory", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json_of(&out)["packages"].as_array().unwrap().len(), 4);
}

#[test]
fn malformed_sboms_are_refused_with_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, message) in [
        ("not-json.json", "this is not json", "not JSON"),
        (
            "spdx.json",
            r#"{"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "packages": []}"#,
            "an SPDX document",
        ),
        ("spdx-format.json", r#"{"bomFormat": "SPDX", "specVersion": "1.5"}"#, r#"bomFormat "SPDX""#),
        ("old.json", r#"{"bomFormat": "CycloneDX", "specVersion": "1.1"}"#, r#"specVersion "1.1""#),
        ("bom.xml", r#"<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>"#, "CycloneDX XML"),
    ] {
        let path = write(dir.path(), name, text);
        let out = scan(&["--sbom", &path, "--format", "json"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(message) && stderr.contains(name), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}");
    }
    let missing = scan(&["--sbom", &dir.path().join("nope.json").display().to_string()]);
    assert_eq!(missing.status.code(), Some(2));

    // A component without a purl is a counted skip, the rest is matched.
    let bom = write(
        dir.path(),
        "partial.json",
        r#"{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
            {"type": "library", "name": "left-pad", "version": "1.0.0"},
            {"type": "library", "name": "lodash", "version": "4.17.15", "purl": "pkg:npm/lodash@4.17.15"}]}"#,
    );
    let out = scan(&["--sbom", &bom, "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json_of(&out);
    assert_eq!(v["status"]["sbom"]["skipped"], 1);
    assert_eq!(v["errors"][0]["message"], "1 component skipped: no purl (first: left-pad@1.0.0)");
    assert!(ids(&v).contains(&"CVE-2021-23337".to_string()));

    // FUNCTION or --sbom, not both; no layers beside an SBOM.
    let (function, layer) = vulnerable(dir.path());
    assert_eq!(scan(&["--sbom", &bom, &function]).status.code(), Some(2));
    assert_eq!(scan(&["--sbom", &bom, "--layer", &layer]).status.code(), Some(2));
    assert_eq!(scan(&[]).status.code(), Some(2));
}
