//! The `warden` binary as a user runs it: exit codes, JSON shape, refused artifacts, SBOMs checked by real
//! third-party validators (`cyclonedx-python-lib`, `spdx-tools`, installed by `.ci/run`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use support::*;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `warden`; a `scan` lists packages only (`--scanners inventory`), so these tests need no advisory database
/// (findings are tested in `scan_findings.rs`).
fn warden(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_warden"));
    command.args(args);
    if args.first() == Some(&"scan") {
        command.args(["--scanners", "inventory"]);
    }
    command.output().unwrap()
}

/// A small function with packages of several ecosystems, and a layer.
fn sample(dir: &Path) -> (String, String) {
    let function = dir.join("function.zip");
    write_zip(
        &function,
        &[
            ("app.py", b"def handler(event, context):\n    return 1\n"),
            ("requests-2.19.0.dist-info/METADATA", b"Metadata-Version: 2.1\nName: requests\nVersion: 2.19.0\n\nbody"),
            ("PyYAML-5.3.dist-info/METADATA", b"Metadata-Version: 2.1\nName: PyYAML\nVersion: 5.3\n"),
            ("node_modules/lodash/package.json", br#"{"name": "lodash", "version": "4.17.15"}"#),
            ("node_modules/@babel/core/package.json", br#"{"name": "@babel/core", "version": "7.0.0"}"#),
        ],
    );
    let layer = dir.join("layer.zip");
    write_zip(
        &layer,
        &[("python/lib/python3.12/site-packages/Jinja2-2.10.dist-info/METADATA", b"Name: Jinja2\nVersion: 2.10\n")],
    );
    let arn = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";
    (function.display().to_string(), format!("{arn}={}", layer.display()))
}

#[test]
fn scan_json_lists_packages_with_their_layer() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = sample(dir.path());
    let out = warden(&["scan", &function, "--layer", &layer, "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"]["statusCode"], "SUCCESSFUL");
    let packages = v["packages"].as_array().unwrap();
    let find = |name: &str| packages.iter().find(|p| p["name"] == name).unwrap_or_else(|| panic!("no {name}"));
    let jinja = find("Jinja2");
    assert_eq!(jinja["layer"], "arn:aws:lambda:us-east-1:123456789012:layer:deps:3");
    assert_eq!(jinja["filePath"], "/opt/python/lib/python3.12/site-packages/Jinja2-2.10.dist-info/METADATA");
    assert_eq!(jinja["packageManager"], "PYTHONPKG");
    assert_eq!(jinja["purl"], "pkg:pypi/jinja2@2.10");
    let requests = find("requests");
    assert!(requests.get("layer").is_none(), "function packages carry no layer");
    assert_eq!(requests["ecosystem"], "PyPI");
    assert_eq!(requests["dev"], false);
    assert_eq!(find("@babel/core")["purl"], "pkg:npm/%40babel/core@7.0.0");
    assert_eq!(find("lodash")["packageManager"], "NODEPKG");
    let ids: Vec<&str> =
        v["status"]["extractors"].as_array().unwrap().iter().filter_map(|x| x["id"].as_str()).collect();
    assert!(ids.contains(&"python/dist-info") && ids.contains(&"javascript/node-modules"), "{ids:?}");
    assert!(v["errors"].as_array().unwrap().is_empty());
}

#[test]
fn scan_table_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = sample(dir.path());
    let out = warden(&["scan", &function, "--layer", &layer]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("ECOSYSTEM"), "{text}");
    assert!(text.lines().any(|l| l.contains("PyYAML") && l.contains("5.3") && l.contains("PYTHONPKG")), "{text}");
    assert!(text.contains("5 packages"), "{text}");
}

#[test]
fn a_hostile_artifact_is_reported_as_invalid_with_exit_code_3() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("evil.zip");
    write_zip(&zip, &[("../../evil.sh", b"rm -rf /")]);
    let out = warden(&["scan", zip.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(3));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"]["statusCode"], "INVALID_ARTIFACT");
    assert!(v["status"]["reason"].as_str().unwrap().contains("escapes the package"), "{v}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("INVALID_ARTIFACT"));
}

#[test]
fn a_zip_bomb_inside_a_nested_jar_refuses_the_artifact() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = zip_bytes(&[("data/zeros.bin", &vec![0u8; 64 << 20])]);
    let fat = zip_bytes(&[("BOOT-INF/lib/evil.jar", &bomb)]);
    let zip = dir.path().join("function.zip");
    write_zip(&zip, &[("app.jar", &fat)]);
    let out = warden(&["scan", zip.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stdout));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reason = v["status"]["reason"].as_str().unwrap();
    assert!(reason.contains("compression ratio") && reason.contains("evil.jar"), "{reason}");
}

#[test]
fn jars_nested_deeper_than_the_flag_refuse_the_artifact() {
    let dir = tempfile::tempdir().unwrap();
    let mut jar = zip_bytes(&[("META-INF/maven/g/a/pom.properties", b"groupId=g\nartifactId=a\nversion=1.0\n")]);
    for _ in 0..3 {
        jar = zip_bytes(&[("lib/inner.jar", &jar)]);
    }
    let zip = dir.path().join("function.zip");
    write_zip(&zip, &[("app.jar", &jar)]);
    // app.jar is depth 1 and the innermost jar depth 4.
    let ok = warden(&["scan", zip.to_str().unwrap(), "--format", "json", "--max-nesting-depth", "4"]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stdout));
    let v: Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(v["packages"][0]["name"], "g:a");
    assert_eq!(v["packages"][0]["filePath"], "/var/task/app.jar!/lib/inner.jar!/lib/inner.jar!/lib/inner.jar");
    let refused = warden(&["scan", zip.to_str().unwrap(), "--format", "json", "--max-nesting-depth", "3"]);
    assert_eq!(refused.status.code(), Some(3));
    let v: Value = serde_json::from_slice(&refused.stdout).unwrap();
    assert!(v["status"]["reason"].as_str().unwrap().contains("--max-nesting-depth"), "{v}");
}

#[test]
fn limits_are_flags() {
    let dir = tempfile::tempdir().unwrap();
    let (function, _) = sample(dir.path());
    let out = warden(&["scan", &function, "--max-entries", "2", "--format", "json"]);
    assert_eq!(out.status.code(), Some(3));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["status"]["reason"].as_str().unwrap().contains("--max-entries"));
}

#[test]
fn a_missing_input_is_a_usage_error() {
    let out = warden(&["scan", "/nonexistent/function.zip"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn a_directory_is_scanned_like_its_zip() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pkg/requests-2.19.0.dist-info");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("METADATA"), b"Name: requests\nVersion: 2.19.0\n").unwrap();
    let out = warden(&["scan", dir.path().join("pkg").to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["packages"][0]["filePath"], "/var/task/requests-2.19.0.dist-info/METADATA");
}

fn python_validates(script: &str, file: &Path) {
    let out = Command::new("python3").arg("-c").arg(script).arg(file).output().expect("python3 is needed");
    assert!(
        out.status.success(),
        "validator rejected {}:\n{}\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn cyclonedx_sbom_passes_the_cyclonedx_validator() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = sample(dir.path());
    let bom = dir.path().join("bom.json");
    let out = warden(&["sbom", &function, "--layer", &layer, "--format", "cyclonedx", "-o", bom.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&bom).unwrap()).unwrap();
    assert_eq!(v["specVersion"], "1.5");
    assert_eq!(v["components"].as_array().unwrap().len(), 5);
    python_validates(
        r#"
import sys
from cyclonedx.validation.json import JsonStrictValidator
from cyclonedx.schema import SchemaVersion
errors = JsonStrictValidator(SchemaVersion.V1_5).validate_str(open(sys.argv[1]).read())
if errors:
    print(errors); sys.exit(1)
"#,
        &bom,
    );
}

#[test]
fn spdx_sbom_passes_the_spdx_validator() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = sample(dir.path());
    let doc = dir.path().join("doc.spdx.json");
    let out = warden(&["sbom", &function, "--layer", &layer, "--format", "spdx", "-o", doc.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    python_validates(
        r#"
import sys
from spdx_tools.spdx.parser.parse_anything import parse_file
from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document
doc = parse_file(sys.argv[1])
errors = validate_full_spdx_document(doc)
if errors:
    for e in errors: print(e.validation_message)
    sys.exit(1)
assert len(doc.packages) == 6, len(doc.packages)
"#,
        &doc,
    );
}
