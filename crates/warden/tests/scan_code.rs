//! `warden scan --scanners code` end to end: a Lambda deployment package with the function's own code and a
//! real `pip install --target` of jsonpickle beside it (third-party: skipped unless asked), and a layer with shared
//! code; findings in Inspector's `CODE_VULNERABILITY` shape, details beside them with redacted snippets and taint
//! traces, SARIF code flows, `--handler`, `--show-secrets`, `--fail-on`, and no advisory database needed.
//!
//! Needs `python3 -m pip` and PyPI on the first run (cached under `target/warden-test-cache/code-function`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[path = "../../warden-inventory/tests/support/mod.rs"]
mod build_support;
mod support;

use build_support::{cached, run, zip_dir};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::{LAYER_ARN, warden, write_zip};

const SECRET: &str = "Zq8#vR2!mK5@wT9x";

const APP: &str = r#"import json
import os

import jsonpickle
import pymysql

from helpers import build_query

DB_PASSWORD = "Zq8#vR2!mK5@wT9x"
conn = pymysql.connect(host=os.environ["DB_HOST"], user="app", password=DB_PASSWORD)


def lambda_handler(event, context):
    body = json.loads(event["body"])
    sql = build_query(body["customer"])
    with conn.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return {"statusCode": 200, "body": jsonpickle.encode(rows)}


def process(job, options):
    os.system("convert " + job["file"])
"#;

const HELPERS: &str = r#"def build_query(customer):
    return "SELECT * FROM orders WHERE customer = '" + customer + "'"
"#;

const LAYER_CODE: &str = r#"import subprocess


def run_report(event, context):
    subprocess.call("report " + event["name"], shell=True)
"#;

/// The function: app.py, helpers.py and jsonpickle installed with pip beside them; and the layer zip.
fn packages() -> (PathBuf, PathBuf) {
    let dir = cached("code-function", |dir| {
        let site = dir.join("function");
        run(Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "--no-deps", "--target"])
            .arg(&site)
            .arg("jsonpickle==3.0.4"));
    });
    let work = tempfile::tempdir().unwrap().keep();
    let function = work.join("function");
    copy_dir(&dir.join("function"), &function);
    std::fs::write(function.join("app.py"), APP).unwrap();
    std::fs::write(function.join("helpers.py"), HELPERS).unwrap();
    let function_zip = work.join("function.zip");
    zip_dir(&function, &function_zip);
    let layer_zip = work.join("layer.zip");
    write_zip(&layer_zip, &[("python/reports.py", LAYER_CODE.as_bytes())]);
    (function_zip, layer_zip)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target)
        } else {
            std::fs::copy(e.path(), target).map(|_| ()).unwrap()
        }
    }
}

fn scan(extra: &[&str]) -> (Value, std::process::Output) {
    let (function, layer) = packages();
    let layer_arg = format!("{LAYER_ARN}={}", layer.display());
    let mut args =
        vec!["scan", function.to_str().unwrap(), "--layer", &layer_arg, "--scanners", "code", "--format", "json"];
    args.extend_from_slice(extra);
    let out = warden(&args);
    let json =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (json, out)
}

fn by_detector<'a>(json: &'a Value, detector: &str) -> Vec<&'a Value> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["codeVulnerabilityDetails"]["detectorId"] == detector)
        .collect()
}

#[test]
fn code_findings_have_inspectors_shape_and_details_beside_them() {
    let (json, out) = scan(&[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let sql = by_detector(&json, "python/sql-injection@v1.0");
    assert_eq!(sql.len(), 1, "{json:#}");
    let f = sql[0];
    assert_eq!(f["type"], "CODE_VULNERABILITY");
    assert_eq!(f["title"], "CWE-89 - SQL injection");
    assert_eq!(f["severity"], "HIGH");
    let d = &f["codeVulnerabilityDetails"];
    assert_eq!(d["cwes"], serde_json::json!(["CWE-89"]));
    assert_eq!(d["filePath"]["filePath"], "/var/task/app.py");
    assert_eq!(d["filePath"]["fileName"], "app.py");
    assert_eq!(d["filePath"]["startLine"], 17);
    assert!(d.get("sourceLambdaLayerArn").is_none());
    assert!(f["findingArn"].as_str().unwrap().starts_with("arn:aws:inspector2:local:000000000000:finding/"));

    let details = json["code"].as_array().unwrap().iter().find(|c| c["findingArn"] == f["findingArn"]).unwrap();
    let snippet = details["codeSnippet"].as_array().unwrap();
    assert!(!snippet.is_empty() && snippet.len() <= 20);
    assert!(
        snippet.iter().any(|l| l["number"] == 17 && l["content"].as_str().unwrap().contains("cursor.execute(sql)"))
    );
    let trace = details["trace"].as_array().unwrap();
    assert_eq!(trace.first().unwrap()["startLine"], 13, "starts at the event parameter: {trace:#?}");
    assert!(trace.iter().any(|s| s["startLine"] == 14), "through `body`: {trace:#?}");
    assert!(trace.iter().any(|s| s["filePath"] == "/var/task/helpers.py"), "goes through the helper: {trace:#?}");
    assert_eq!(trace.last().unwrap()["startLine"], 17);
    assert!(!details["suggestedFixes"].as_array().unwrap().is_empty());

    // The layer's code is scanned and attributed to the layer.
    let command = by_detector(&json, "python/os-command-injection@v1.0");
    let from_layer: Vec<_> = command
        .iter()
        .filter(|f| f["codeVulnerabilityDetails"]["filePath"]["filePath"] == "/opt/python/reports.py")
        .collect();
    assert_eq!(from_layer.len(), 1, "{json:#}");
    assert_eq!(from_layer[0]["codeVulnerabilityDetails"]["sourceLambdaLayerArn"], LAYER_ARN);
    // `process(job, options)` is not a handler by convention.
    assert!(command.iter().all(|f| f["codeVulnerabilityDetails"]["filePath"]["filePath"] != "/var/task/app.py"));
}

#[test]
fn secrets_are_masked_unless_asked() {
    let (json, out) = scan(&[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(by_detector(&json, "python/hardcoded-credentials@v1.0").len(), 1);
    assert!(!text.contains(SECRET), "the secret leaked into the output");
    assert!(text.contains("****"));
    assert_eq!(json["status"]["code"]["secretsRedacted"], true);
    let (_, shown) = scan(&["--show-secrets"]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains(SECRET));
}

#[test]
fn third_party_code_is_skipped_unless_included() {
    let (json, _) = scan(&[]);
    let status = &json["status"]["code"];
    assert!(status["thirdPartySkipped"].as_u64().unwrap() > 5, "{status}");
    assert_eq!(status["filesAnalyzed"], 3, "app.py, helpers.py and the layer's reports.py: {status}");
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["codeVulnerabilityDetails"]["filePath"]["filePath"].as_str().unwrap().contains("jsonpickle"))
    );
    let (all, _) = scan(&["--include-third-party"]);
    assert!(all["status"]["code"]["filesAnalyzed"].as_u64().unwrap() > 5);
    assert_eq!(all["status"]["code"]["thirdPartySkipped"], 0);
}

#[test]
fn the_handler_setting_names_the_entry_point() {
    let (json, _) = scan(&["--handler", "app.process"]);
    let command = by_detector(&json, "python/os-command-injection@v1.0");
    assert!(
        command.iter().any(|f| f["codeVulnerabilityDetails"]["filePath"]["filePath"] == "/var/task/app.py"),
        "{json:#}"
    );
}

#[test]
fn sarif_carries_the_trace_as_a_code_flow_and_fail_on_sets_the_exit_code() {
    let (function, _) = packages();
    let out =
        warden(&["scan", function.to_str().unwrap(), "--scanners", "code", "--format", "sarif", "--fail-on", "HIGH"]);
    assert_eq!(out.status.code(), Some(1), "a HIGH code finding fails the run");
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let sql = results.iter().find(|r| r["ruleId"].as_str().unwrap().contains("sql-injection")).unwrap();
    let flow = sql["codeFlows"][0]["threadFlows"][0]["locations"].as_array().unwrap();
    assert!(flow.len() >= 3);
    assert_eq!(flow.last().unwrap()["location"]["physicalLocation"]["artifactLocation"]["uri"], "var/task/app.py");
    let table = warden(&["scan", function.to_str().unwrap(), "--scanners", "code"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("python/sql-injection@v1.0") && text.contains("/var/task/app.py:17"), "{text}");
}

#[test]
fn a_template_writing_input_unescaped_is_reported_in_the_template() {
    let app = r#"from flask import Flask, render_template, request

app = Flask(__name__)


@app.route("/profile")
def profile():
    bio = request.args.get("bio", "")
    return render_template("profile.html", bio=bio, title="Profile")
"#;
    let template = "<h1>{{ title|safe }}</h1>\n<p>{{ bio }}</p>\n<div class=\"bio\">{{ bio|safe }}</div>\n";
    let zip = tempfile::tempdir().unwrap().keep().join("site.zip");
    write_zip(&zip, &[("app.py", app.as_bytes()), ("templates/profile.html", template.as_bytes())]);
    let out = warden(&["scan", zip.to_str().unwrap(), "--scanners", "code", "--format", "json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let xss = by_detector(&json, "python/cross-site-scripting@v1.0");
    assert_eq!(xss.len(), 1, "only the `bio|safe` line, not the constant title: {json:#}");
    let path = &xss[0]["codeVulnerabilityDetails"]["filePath"];
    assert_eq!(path["filePath"], "/var/task/templates/profile.html");
    assert_eq!(path["startLine"], 3);
    let details = json["code"].as_array().unwrap().iter().find(|c| c["findingArn"] == xss[0]["findingArn"]).unwrap();
    assert!(
        details["codeSnippet"].as_array().unwrap().iter().any(|l| l["content"].as_str().unwrap().contains("bio|safe"))
    );
    let trace = details["trace"].as_array().unwrap();
    assert_eq!(trace.first().unwrap()["filePath"], "/var/task/app.py", "{trace:#?}");
    assert!(trace.iter().any(|s| s["filePath"] == "/var/task/app.py" && s["startLine"] == 9), "{trace:#?}");
    assert_eq!(trace.last().unwrap()["filePath"], "/var/task/templates/profile.html");
}
