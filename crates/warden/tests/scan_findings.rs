//! `warden scan` end to end against the real shared OSV snapshot (`../shared/osv`, imported once into a temporary
//! database): functions built here with known-vulnerable pins, the advisory ids that snapshot says must appear,
//! Inspector's finding shape, stable ARNs, no findings on fixed versions, filters and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use support::*;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn dist_info(name: &str, version: &str) -> (String, Vec<u8>) {
    (
        format!("{name}-{version}.dist-info/METADATA"),
        format!("Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n").into_bytes(),
    )
}

fn node_module(name: &str, version: &str) -> (String, Vec<u8>) {
    (
        format!("node_modules/{name}/package.json"),
        format!(r#"{{"name": "{name}", "version": "{version}"}}"#).into_bytes(),
    )
}

fn zip_of(path: &Path, entries: &[(String, Vec<u8>)]) -> String {
    let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    write_zip(path, &refs);
    path.display().to_string()
}

/// A function with vulnerable pins and a layer holding Jinja2 2.10: (function, `ARN=layer`).
fn vulnerable(dir: &Path) -> (String, String) {
    let function = zip_of(
        &dir.join("function.zip"),
        &[
            dist_info("PyYAML", "5.3"),
            dist_info("urllib3", "1.24.1"),
            dist_info("requests", "2.19.0"),
            node_module("lodash", "4.17.15"),
            node_module("minimist", "1.2.0"),
            ("app.py".to_string(), b"def handler(event, context):\n    return 1\n".to_vec()),
        ],
    );
    let layer_entries = [(
        "python/lib/python3.12/site-packages/Jinja2-2.10.dist-info/METADATA".to_string(),
        b"Name: Jinja2\nVersion: 2.10\n".to_vec(),
    )];
    let layer = zip_of(&dir.join("layer.zip"), &layer_entries);
    (function, format!("{LAYER_ARN}={layer}"))
}

fn scan_json(args: &[&str]) -> (Value, Output) {
    let mut all = vec!["scan", "--format", "json", "--db", db().to_str().unwrap()];
    all.extend_from_slice(args);
    let out = warden(&all);
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (v, out)
}

fn finding<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["packageVulnerabilityDetails"]["vulnerabilityId"] == id)
        .unwrap_or_else(|| panic!("no finding {id} in {}", ids(v).join(", ")))
}

fn ids(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["packageVulnerabilityDetails"]["vulnerabilityId"].as_str().unwrap().to_string())
        .collect()
}

fn related(f: &Value) -> Vec<&str> {
    f["packageVulnerabilityDetails"]["relatedVulnerabilities"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect()
}

#[test]
fn known_vulnerable_pins_become_inspector_findings() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = vulnerable(dir.path());
    let (v, out) = scan_json(&[&function, "--layer", &layer]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Every advisory the snapshot lists for these versions, keyed by its CVE.
    for (cve, advisory) in [
        ("CVE-2020-1747", "PYSEC-2020-96"),
        ("CVE-2020-14343", "PYSEC-2021-142"),
        ("CVE-2019-10906", "PYSEC-2019-217"),
        ("CVE-2020-28493", "PYSEC-2021-66"),
        ("CVE-2019-11236", "PYSEC-2019-132"),
        ("CVE-2019-11324", "PYSEC-2019-133"),
        ("CVE-2018-18074", "PYSEC-2018-28"),
        ("CVE-2023-32681", "PYSEC-2023-74"),
        ("CVE-2021-23337", "GHSA-35jh-r3h4-6jhm"),
        ("CVE-2020-8203", "GHSA-p6mc-m468-83gw"),
        ("CVE-2021-44906", "GHSA-xvch-5gv4-984h"),
    ] {
        let f = finding(&v, cve);
        assert!(related(f).contains(&advisory), "{cve}: {:?}", related(f));
        assert_eq!(f["type"], "PACKAGE_VULNERABILITY");
        assert_eq!(f["status"], "ACTIVE");
        assert_eq!(f["packageVulnerabilityDetails"]["source"], "NVD");
        assert_eq!(f["packageVulnerabilityDetails"]["sourceUrl"], format!("https://osv.dev/vulnerability/{cve}"));
    }
    // An advisory without a CVE keeps its own id.
    assert_eq!(finding(&v, "NSWG-ECO-516")["packageVulnerabilityDetails"]["source"], "OSV");

    // Aliases collapse: PYSEC-2020-96 and GHSA-6757-jp84-gxfx are CVE-2020-1747, one finding.
    let yaml = finding(&v, "CVE-2020-1747");
    assert_eq!(related(yaml), ["GHSA-6757-jp84-gxfx", "PYSEC-2020-96"]);
    assert_eq!(ids(&v).iter().filter(|i| i.as_str() == "CVE-2020-1747").count(), 1);
    assert!(!ids(&v).iter().any(|i| i.starts_with("PYSEC-") || i.starts_with("GHSA-")), "{:?}", ids(&v));
    assert_eq!(yaml["title"], "CVE-2020-1747 - PyYAML");
    // The PyPA advisory carries no CVSS vector in the snapshot.
    assert_eq!(yaml["severity"], "UNTRIAGED");
    assert!(yaml.get("inspectorScore").is_none());
    assert_eq!(yaml["fixAvailable"], "YES");
    assert_eq!(yaml["remediation"]["recommendation"]["text"], "Upgrade PyYAML to 5.3.1");
    let pkg = &yaml["packageVulnerabilityDetails"]["vulnerablePackages"][0];
    assert_eq!(pkg["name"], "PyYAML");
    assert_eq!(pkg["version"], "5.3");
    assert_eq!(pkg["packageManager"], "PYTHONPKG");
    assert_eq!(pkg["filePath"], "/var/task/PyYAML-5.3.dist-info/METADATA");
    assert_eq!(pkg["fixedInVersion"], "5.3.1");
    assert_eq!(pkg["purl"], "pkg:pypi/pyyaml@5.3");
    assert!(pkg.get("sourceLambdaLayerArn").is_none(), "the function's own package");
    assert_eq!(
        finding(&v, "CVE-2020-14343")["packageVulnerabilityDetails"]["vulnerablePackages"][0]["fixedInVersion"],
        "5.4"
    );

    // Severity from the CVSS v3.1 vector: minimist's GHSA scores 9.8.
    let minimist = finding(&v, "CVE-2021-44906");
    assert_eq!(minimist["title"], "CVE-2021-44906 - minimist");
    assert_eq!(minimist["severity"], "CRITICAL");
    assert_eq!(minimist["inspectorScore"], 9.8);
    let adjusted = &minimist["inspectorScoreDetails"]["adjustedCvss"];
    assert_eq!(adjusted["version"], "3.1");
    assert_eq!(adjusted["scoreSource"], "GITHUB");
    assert!(adjusted["scoringVector"].as_str().unwrap().starts_with("CVSS:3.1/AV:N/AC:L/PR:N/UI:N"));
    assert_eq!(minimist["packageVulnerabilityDetails"]["cvss"][0]["baseScore"], 9.8);
    assert_eq!(minimist["packageVulnerabilityDetails"]["vulnerablePackages"][0]["fixedInVersion"], "1.2.6");
    assert_eq!(minimist["packageVulnerabilityDetails"]["vulnerablePackages"][0]["packageManager"], "NODEPKG");
    assert_eq!(finding(&v, "CVE-2021-23337")["severity"], "HIGH");

    // A layer's package names the layer version.
    let jinja = finding(&v, "CVE-2019-10906");
    let pkg = &jinja["packageVulnerabilityDetails"]["vulnerablePackages"][0];
    assert_eq!(pkg["sourceLambdaLayerArn"], LAYER_ARN);
    assert_eq!(pkg["filePath"], "/opt/python/lib/python3.12/site-packages/Jinja2-2.10.dist-info/METADATA");
    assert_eq!(pkg["fixedInVersion"], "2.10.1");

    // Without --function-config: the placeholder function named after the file.
    assert_eq!(yaml["resources"][0]["type"], "AWS_LAMBDA_FUNCTION");
    assert_eq!(yaml["resources"][0]["id"], "arn:aws:lambda:local:000000000000:function:function-zip:$LATEST");
    assert!(yaml["findingArn"].as_str().unwrap().starts_with("arn:aws:inspector2:local:000000000000:finding/"));

    // Each finding explains itself, beside the inspector2 JSON.
    assert!(yaml.get("explanations").is_none());
    let explanation =
        v["explanations"].as_array().unwrap().iter().find(|e| e["findingArn"] == yaml["findingArn"]).unwrap();
    assert_eq!(explanation["advisoryId"], "PYSEC-2020-96");
    assert_eq!(explanation["extractor"], "python/dist-info");
    assert_eq!(explanation["evidence"], "listed version 5.3");
    let minimist_why =
        v["explanations"].as_array().unwrap().iter().find(|e| e["findingArn"] == minimist["findingArn"]).unwrap();
    assert_eq!(minimist_why["evidence"], "ECOSYSTEM range 0: introduced 1.0.0, fixed 1.2.6");

    let matching = &v["status"]["matching"];
    assert_eq!(matching["packagesMatched"], 6);
    assert_eq!(matching["unpinned"], 0);
    assert!(v["undecidable"].as_array().unwrap().is_empty());
    // Most severe first.
    let severities: Vec<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["severity"].as_str().unwrap()).collect();
    assert_eq!(severities.first(), Some(&"CRITICAL"));
    assert_eq!(severities.last(), Some(&"UNTRIAGED"));
}

#[test]
fn finding_arns_are_stable_and_follow_the_function_config() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = vulnerable(dir.path());
    let arns = |v: &Value| -> Vec<String> {
        let mut a: Vec<String> =
            v["findings"].as_array().unwrap().iter().map(|f| f["findingArn"].as_str().unwrap().to_string()).collect();
        a.sort();
        a
    };
    let (first, _) = scan_json(&[&function, "--layer", &layer]);
    let (second, _) = scan_json(&[&function, "--layer", &layer]);
    assert_eq!(arns(&first), arns(&second));
    assert_ne!(first["findings"][0]["firstObservedAt"], Value::Null);

    let config = dir.path().join("get-function.json");
    std::fs::write(
        &config,
        format!(
            r#"{{"Configuration": {{"FunctionName": "orders", "FunctionArn": "arn:aws:lambda:eu-west-1:111122223333:function:orders",
            "Runtime": "python3.12", "Role": "arn:aws:iam::111122223333:role/orders", "CodeSha256": "abc=",
            "Version": "$LATEST", "PackageType": "Zip", "Architectures": ["x86_64"],
            "Layers": [{{"Arn": "{LAYER_ARN}", "CodeSize": 10}}]}}, "Tags": {{"team": "payments"}}}}"#
        ),
    )
    .unwrap();
    // The layer given as a plain path takes its ARN from the configuration.
    let plain_layer = layer.rsplit_once('=').unwrap().1;
    let (v, out) = scan_json(&[&function, "--layer", plain_layer, "--function-config", config.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let f = finding(&v, "CVE-2019-10906");
    assert!(f["findingArn"].as_str().unwrap().starts_with("arn:aws:inspector2:eu-west-1:111122223333:finding/"));
    assert_eq!(f["awsAccountId"], "111122223333");
    let resource = &f["resources"][0];
    assert_eq!(resource["id"], "arn:aws:lambda:eu-west-1:111122223333:function:orders:$LATEST");
    assert_eq!(resource["region"], "eu-west-1");
    assert_eq!(resource["tags"]["team"], "payments");
    assert_eq!(resource["details"]["awsLambdaFunction"]["runtime"], "PYTHON_3_12");
    assert_eq!(resource["details"]["awsLambdaFunction"]["functionName"], "orders");
    assert_eq!(f["packageVulnerabilityDetails"]["vulnerablePackages"][0]["sourceLambdaLayerArn"], LAYER_ARN);
    assert!(!arns(&v).iter().any(|a| arns(&first).contains(a)), "another function, other findings");
}

#[test]
fn fixed_versions_have_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    let function = zip_of(
        &dir.path().join("fixed.zip"),
        &[
            dist_info("PyYAML", "5.4"),
            dist_info("Jinja2", "3.1.6"),
            node_module("lodash", "4.17.21"),
            node_module("minimist", "1.2.8"),
        ],
    );
    let (v, out) = scan_json(&[&function, "--fail-on", "LOW"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(v["findings"].as_array().unwrap().is_empty(), "{:?}", ids(&v));
    assert_eq!(v["status"]["matching"]["packagesMatched"], 4);
}

#[test]
fn unpinned_packages_are_counted_not_matched() {
    let dir = tempfile::tempdir().unwrap();
    let function = zip_of(
        &dir.path().join("f.zip"),
        &[("requirements.txt".to_string(), b"PyYAML>=5.0\nrequests==2.19.0\n".to_vec())],
    );
    let (v, _) = scan_json(&[&function]);
    assert_eq!(v["status"]["matching"]["unpinned"], 1);
    assert_eq!(v["status"]["matching"]["packagesMatched"], 1);
    let names: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["packageVulnerabilityDetails"]["vulnerablePackages"].as_array().unwrap())
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(names.contains(&"requests") && !names.contains(&"PyYAML"), "{names:?}");
}

#[test]
fn fail_on_severity_and_ignore_file() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = vulnerable(dir.path());
    let db = db().to_str().unwrap();
    let code = |extra: &[&str]| {
        let mut args = vec!["scan", &function, "--layer", &layer, "--db", db, "--format", "json"];
        args.extend_from_slice(extra);
        warden(&args).status.code()
    };
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--fail-on", "CRITICAL"]), Some(1));
    assert_eq!(code(&["--fail-on", "high"]), Some(1));
    // Only LOW findings are reported (there are none), so nothing fails.
    assert_eq!(code(&["--severity", "LOW", "--fail-on", "CRITICAL"]), Some(0));
    assert_eq!(code(&["--fail-on", "SEVERE"]), Some(2));

    let (v, _) = scan_json(&[&function, "--layer", &layer, "--severity", "CRITICAL,HIGH"]);
    assert_eq!(ids(&v).len(), 4, "{:?}", ids(&v));
    assert_eq!(
        v["status"]["matching"]["filteredBySeverity"],
        v["status"]["matching"]["findingsTotal"].as_u64().unwrap() - 4
    );

    // An alias ignores the CVE finding; an expired entry no longer ignores, and says so.
    let ignore = dir.path().join(".wardenignore");
    std::fs::write(
        &ignore,
        "# accepted\nGHSA-xvch-5gv4-984h until 2999-01-01 # minimist is only used at build time\nCVE-2021-23337 until 2001-01-01 # expired\n",
    )
    .unwrap();
    let (v, out) =
        scan_json(&[&function, "--layer", &layer, "--ignore-file", ignore.to_str().unwrap(), "--fail-on", "CRITICAL"]);
    assert_eq!(out.status.code(), Some(0), "the only CRITICAL finding is ignored");
    assert!(!ids(&v).contains(&"CVE-2021-44906".to_string()));
    assert!(ids(&v).contains(&"CVE-2021-23337".to_string()), "expired entries do not ignore");
    assert_eq!(v["status"]["matching"]["ignored"], 1);
    assert!(!v["explanations"].as_array().unwrap().iter().any(|e| e["vulnerabilityId"] == "CVE-2021-44906"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("CVE-2021-23337 expired on 2001-01-01"), "{stderr}");

    std::fs::write(&ignore, "CVE-1 until someday\n").unwrap();
    let out = warden(&["scan", &function, "--db", db, "--ignore-file", ignore.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}

#[test]
fn the_table_groups_findings_by_severity() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = vulnerable(dir.path());
    let out = warden(&["scan", &function, "--layer", &layer, "--db", db().to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Total: "), "{text}");
    assert!(!text.contains('\x1b'), "no colors when stdout is not a terminal");
    let critical = text.find("\nCRITICAL (1)").unwrap();
    let high = text.find("\nHIGH (").unwrap();
    let untriaged = text.find("\nUNTRIAGED (").unwrap();
    assert!(critical < high && high < untriaged, "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("CVE-2021-44906") && l.contains("minimist") && l.contains("1.2.6")),
        "{text}"
    );
}

#[test]
fn without_a_database_the_scan_says_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let (function, _) = vulnerable(dir.path());
    let empty = dir.path().join("no-db");
    let out = warden(&["scan", &function, "--db", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no advisory database in") && stderr.contains("warden db update"), "{stderr}");
    // The default location comes from $WARDEN_DB.
    let out =
        Command::new(env!("CARGO_BIN_EXE_warden")).args(["scan", &function]).env("WARDEN_DB", &empty).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains(empty.to_str().unwrap()));
    // Packages only: no database needed.
    let out =
        warden(&["scan", &function, "--db", empty.to_str().unwrap(), "--scanners", "inventory", "--format", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().is_empty());
    assert!(v["status"].get("matching").is_none());
    assert_eq!(v["packages"].as_array().unwrap().len(), 5);
}

#[test]
fn sarif_and_csv_carry_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let (function, layer) = vulnerable(dir.path());
    let db = db().to_str().unwrap();
    let out =
        warden(&["scan", &function, "--layer", &layer, "--db", db, "--format", "sarif", "--severity", "CRITICAL"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "CVE-2021-44906");
    let out = warden(&["scan", &function, "--layer", &layer, "--db", db, "--format", "csv", "--severity", "CRITICAL"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("AWS Account Id,Severity,"), "{text}");
    assert!(text.contains("CVE-2021-44906 - minimist"), "{text}");
}
