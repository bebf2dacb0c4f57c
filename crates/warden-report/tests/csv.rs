//! The findings-report CSV, read back by Python's `csv` module (an independent RFC 4180 reader): Inspector's
//! header, one record per finding, quoting that survives commas, quotes and line breaks, and the values.
//! Needs `python3`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod findings_fixture;

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};
use warden_report::{CSV_COLUMNS, csv};

/// The records as Python's `csv.reader` reads them (strict mode, so malformed quoting fails).
fn parse_with_python(text: &str) -> Vec<Vec<String>> {
    const READ: &str = r#"
import csv, io, json, sys
data = sys.stdin.buffer.read().decode("utf-8")
rows = list(csv.reader(io.StringIO(data, newline=""), strict=True))
json.dump(rows, sys.stdout)
"#;
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let mut child = Command::new(&python)
        .args(["-c", READ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python's csv module rejected the report:\n{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn records() -> Vec<BTreeMap<String, String>> {
    let text = csv(&findings_fixture::findings());
    let rows = parse_with_python(&text);
    let header = &rows[0];
    rows[1..]
        .iter()
        .map(|row| {
            assert_eq!(row.len(), header.len(), "every record has every column");
            header.iter().cloned().zip(row.iter().cloned()).collect()
        })
        .collect()
}

#[test]
fn header_is_inspectors() {
    let rows = parse_with_python(&csv(&[]));
    assert_eq!(rows.len(), 1, "an empty report is its header");
    assert_eq!(rows[0], CSV_COLUMNS);
    assert_eq!(rows[0].len(), 55);
    assert_eq!(&rows[0][..4], ["AWS Account Id", "Severity", "Fix Available", "Finding Type"]);
    assert_eq!(&rows[0][52..], ["Reference Urls", "Detector Name", "Package Manager"]);
}

#[test]
fn one_record_per_finding_with_rfc4180_quoting() {
    let text = csv(&findings_fixture::findings());
    assert!(text.ends_with("\r\n"));
    let records = records();
    assert_eq!(records.len(), 6);
    // The title with a double quote, a comma and a line feed comes back whole.
    assert_eq!(records[2]["Title"], "CVE-2021-44906 - minimist, \"prototype\"\npollution");
    assert!(text.contains("\"CVE-2021-44906 - minimist, \"\"prototype\"\"\npollution\""));
}

#[test]
fn package_finding_values() {
    let r = &records()[0];
    let expect = [
        ("AWS Account Id", "123456789012"),
        ("Severity", "HIGH"),
        ("Fix Available", "YES"),
        ("Finding Type", "PACKAGE_VULNERABILITY"),
        ("Title", "CVE-2023-30861 - flask"),
        ("Finding ARN", "arn:aws:inspector2:us-east-1:123456789012:finding/0f1e2d3c4b5a69788796a5b4c3d2e1f0"),
        ("First Seen", "2023-11-14T22:13:20Z"),
        ("Last Seen", "2023-11-25T22:13:20Z"),
        ("Last Updated", "2023-11-25T22:13:20Z"),
        ("Resource ID", findings_fixture::FUNCTION_ARN),
        ("Container Image Tags", ""),
        ("Region", "us-east-1"),
        ("Platform", "PYTHON_3_12"),
        ("Resource Tags", "env=prod, team=payments"),
        ("Affected Packages", "flask"),
        ("Package Installed Version", "2.2.0"),
        ("Fixed in Version", "2.2.5"),
        ("Package Remediation", "Upgrade flask to 2.2.5"),
        ("File Path", "/var/task/flask-2.2.0.dist-info/METADATA"),
        ("Network Paths", ""),
        ("Age (Days)", "11"),
        ("Remediation", "None Provided"),
        ("Inspector Score", "7.5"),
        ("Inspector Score Vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"),
        ("Status", "ACTIVE"),
        ("Vulnerability Id", "CVE-2023-30861"),
        ("Vendor", "NVD"),
        ("Vendor Severity", "HIGH"),
        ("Vendor Advisory", "https://nvd.nist.gov/vuln/detail/CVE-2023-30861"),
        ("Vendor Advisory Published", "2023-05-02T22:00:00Z"),
        ("NVD CVSS3 Score", "7.5"),
        ("NVD CVSS3 Vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"),
        ("NVD CVSS2 Score", "5.0"),
        ("NVD CVSS2 Vector", "AV:N/AC:L/Au:N/C:P/I:N/A:N"),
        ("Vendor CVSS3 Score", "7.5"),
        ("Vendor CVSS3 Vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"),
        ("Vendor CVSS2 Score", ""),
        ("Vendor CVSS2 Vector", ""),
        ("Resource Type", "AWS_LAMBDA_FUNCTION"),
        ("Ami", ""),
        ("Resource Vpc", "vpc-0abc"),
        ("Port Range", ""),
        ("Epss Score", "0.00157"),
        ("Exploit Available", "NO"),
        ("Last Exploited At", "2023-09-18T01:20:00Z"),
        ("Lambda Layers", findings_fixture::LAYER_ARN),
        ("Lambda Package Type", "ZIP"),
        ("Lambda Last Updated At", "2023-11-14T19:26:40Z"),
        (
            "Reference Urls",
            "https://github.com/pallets/flask/releases/tag/2.2.5, https://github.com/pallets/flask/releases/tag/2.3.2",
        ),
        ("Detector Name", ""),
        ("Package Manager", "PIP"),
    ];
    for (column, value) in expect {
        assert_eq!(r[column], value, "{column}");
    }
}

#[test]
fn several_packages_share_one_record_position_by_position() {
    let records = records();
    let r = &records[1];
    assert_eq!(r["Fix Available"], "PARTIAL");
    assert_eq!(r["Affected Packages"], "urllib3, urllib3");
    assert_eq!(r["Package Installed Version"], "1.24.1, 1.24.1");
    assert_eq!(r["Fixed in Version"], "1.24.2, NotAvailable");
    assert_eq!(
        r["File Path"],
        "/var/task/urllib3-1.24.1.dist-info/METADATA, /opt/python/lib/python3.12/site-packages/urllib3 1.24.1.egg-info/PKG-INFO"
    );
    assert_eq!(r["Package Manager"], "PIP, PYTHONPKG");
    // Without the function's configuration, the layer the package came from.
    assert_eq!(r["Lambda Layers"], findings_fixture::LAYER_ARN);
    assert_eq!(r["NVD CVSS3 Score"], "7.5");
    assert_eq!(r["NVD CVSS3 Vector"], "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");

    // No fix at all.
    assert_eq!(records[2]["Fixed in Version"], "NotAvailable");
    assert_eq!(records[2]["Vendor CVSS3 Score"], "5.6");
    assert_eq!(records[2]["NVD CVSS3 Score"], "");
    assert_eq!(records[2]["Age (Days)"], "115");
}

#[test]
fn code_finding_values() {
    let records = records();
    let r = &records[3];
    assert_eq!(r["Finding Type"], "CODE_VULNERABILITY");
    assert_eq!(r["Severity"], "CRITICAL");
    assert_eq!(r["Fix Available"], "");
    assert_eq!(r["Detector Name"], "SQL injection");
    assert_eq!(r["File Path"], "/var/task/app.py");
    assert_eq!(r["Vulnerability Id"], "CWE-89");
    assert_eq!(r["Reference Urls"], "https://owasp.org/www-community/attacks/SQL_Injection");
    assert_eq!(r["Affected Packages"], "");
    assert_eq!(r["Remediation"], "Use parameterized queries.");

    let layer = &records[5];
    assert_eq!(layer["Status"], "SUPPRESSED");
    assert_eq!(layer["File Path"], "/opt/python/shared/settings.py");
    assert_eq!(layer["Lambda Layers"], findings_fixture::LAYER_ARN);
    assert_eq!(records[4]["Region"], "eu-west-1");
}

#[test]
fn snapshot() {
    insta::assert_snapshot!("csv", csv(&findings_fixture::findings()));
}
