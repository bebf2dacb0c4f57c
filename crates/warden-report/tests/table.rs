//! The table people read: findings grouped by severity, most severe first, one row per vulnerable package, then
//! what could not be decided and the gaps.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::json;
use warden_core::ScanResult;
use warden_report::{table, table_colored};

fn finding(id: &str, severity: &str, score: Option<f64>, packages: serde_json::Value) -> serde_json::Value {
    let mut f = json!({
        "findingArn": format!("arn:aws:inspector2:local:000000000000:finding/{id}"),
        "awsAccountId": "000000000000",
        "type": "PACKAGE_VULNERABILITY",
        "description": format!("{id} is bad.\nMore details."),
        "title": format!("{id} - x"),
        "remediation": {},
        "severity": severity,
        "firstObservedAt": 0,
        "lastObservedAt": 0,
        "status": "ACTIVE",
        "resources": [{"type": "AWS_LAMBDA_FUNCTION", "id": "arn:aws:lambda:local:000000000000:function:f:$LATEST"}],
        "packageVulnerabilityDetails": {"vulnerabilityId": id, "source": "NVD", "vulnerablePackages": packages},
    });
    if let Some(score) = score {
        f["inspectorScore"] = json!(score);
    }
    f
}

fn result() -> ScanResult {
    let pkg = |name: &str, version: &str, fixed: &str, path: &str| json!({"name": name, "version": version, "fixedInVersion": fixed, "filePath": path});
    serde_json::from_value(json!({
        "findings": [
            finding("CVE-2021-44906", "CRITICAL", Some(9.8), json!([pkg("minimist", "1.2.0", "1.2.6", "/var/task/node_modules/minimist/package.json")])),
            finding("CVE-2020-1747", "UNTRIAGED", None, json!([
                pkg("PyYAML", "5.3", "5.3.1", "/var/task/PyYAML-5.3.dist-info/METADATA"),
                pkg("PyYAML", "5.3", "5.3.1", "/opt/python/PyYAML-5.3.dist-info/METADATA"),
            ])),
        ],
        "undecidable": [{"advisoryId": "OSV-2", "ecosystem": "PyPI", "package": "gamma", "version": "1.0",
            "extractor": "python/dist-info", "filePath": "/var/task/gamma-1.0.dist-info/METADATA",
            "reason": "the advisory's range 0 cannot be read: bad"}],
        "packages": [],
        "errors": [{"filePath": "/var/task/bad/package.json", "extractor": "javascript/node-modules", "message": "not JSON"}],
        "status": {"statusCode": "SUCCESSFUL", "extractors": [], "matching": {"database": "/db", "advisories": 9841,
            "importedAt": 0, "packagesMatched": 4, "unpinned": 1, "findingsTotal": 3, "ignored": 1, "filteredBySeverity": 0}},
    }))
    .unwrap()
}

#[test]
fn findings_grouped_by_severity() {
    insta::assert_snapshot!("findings", table(&result()));
}

#[test]
fn colors_only_when_asked() {
    assert!(!table(&result()).contains('\x1b'));
    let colored = table_colored(&result(), true);
    assert!(colored.contains("\x1b[1;31mCRITICAL (1)\x1b[0m"), "{colored}");
}
