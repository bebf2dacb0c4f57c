//! Amazon Inspector's findings-report CSV (the console's "Export findings" and `CreateFindingsReport` with
//! `reportFormat: CSV`).
//!
//! The columns and their order are Inspector's: the Amazon Inspector User Guide ("Exporting findings reports")
//! lists a sample header of 52 columns, `AWS Account Id` … `Reference Urls`; current exports add `Epss Score`
//! (after `Port Range`), `Detector Name` and `Package Manager` (at the end), the 55 columns of [`CSV_COLUMNS`], as
//! tools that load those exports declare them. Members that only EC2 or ECR findings have (`Container Image
//! Tags`, `Ami`, the IP addresses, `Network Paths`, `Port Range`) stay empty.
//!
//! One row per finding. Like Inspector, a finding with several vulnerable packages lists them in one row, joined
//! by `, `, position by position in `Affected Packages`, `Package Installed Version`, `Fixed in Version`
//! (`NotAvailable` where there is no fix), `Package Remediation`, `File Path` and `Package Manager`. Timestamps
//! are RFC 3339 in UTC; `Age (Days)` counts whole days from first to last seen (not to the export time, so the
//! same findings always give the same report). Quoting follows RFC 4180: a field holding a comma, a double quote,
//! a carriage return or a line feed is quoted, quotes doubled; records end with CRLF.

use std::fmt::Write as _;
use warden_core::rfc3339;
use warden_core::{CvssScore, Finding, Timestamp};

/// The header, in Inspector's order.
pub const CSV_COLUMNS: [&str; 55] = [
    "AWS Account Id",
    "Severity",
    "Fix Available",
    "Finding Type",
    "Title",
    "Description",
    "Finding ARN",
    "First Seen",
    "Last Seen",
    "Last Updated",
    "Resource ID",
    "Container Image Tags",
    "Region",
    "Platform",
    "Resource Tags",
    "Affected Packages",
    "Package Installed Version",
    "Fixed in Version",
    "Package Remediation",
    "File Path",
    "Network Paths",
    "Age (Days)",
    "Remediation",
    "Inspector Score",
    "Inspector Score Vector",
    "Status",
    "Vulnerability Id",
    "Vendor",
    "Vendor Severity",
    "Vendor Advisory",
    "Vendor Advisory Published",
    "NVD CVSS3 Score",
    "NVD CVSS3 Vector",
    "NVD CVSS2 Score",
    "NVD CVSS2 Vector",
    "Vendor CVSS3 Score",
    "Vendor CVSS3 Vector",
    "Vendor CVSS2 Score",
    "Vendor CVSS2 Vector",
    "Resource Type",
    "Ami",
    "Resource Public Ipv4",
    "Resource Private Ipv4",
    "Resource Ipv6",
    "Resource Vpc",
    "Port Range",
    "Epss Score",
    "Exploit Available",
    "Last Exploited At",
    "Lambda Layers",
    "Lambda Package Type",
    "Lambda Last Updated At",
    "Reference Urls",
    "Detector Name",
    "Package Manager",
];

/// The separator of several values in one cell, as Inspector writes them.
const JOIN: &str = ", ";

/// The findings as Inspector's findings-report CSV: the header, then one record per finding.
pub fn csv(findings: &[Finding]) -> String {
    let mut out = String::new();
    push_record(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_owned()));
    for finding in findings {
        push_record(&mut out, row(finding));
    }
    out
}

/// One record: fields quoted where RFC 4180 needs it, separated by commas, ended by CRLF.
fn push_record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

fn row(f: &Finding) -> [String; 55] {
    let package = f.package_vulnerability_details.as_ref();
    let code = f.code_vulnerability_details.as_ref();
    let packages = package.map(|p| p.vulnerable_packages.as_slice()).unwrap_or_default();
    let resource = f.resources.first();
    let lambda = resource.and_then(|r| r.details.as_ref()).and_then(|d| d.aws_lambda_function.as_ref());
    let cvss = package.map(|p| p.cvss.as_slice()).unwrap_or_default();
    let (nvd3, nvd2) = (pick(cvss, true, "3"), pick(cvss, true, "2"));
    let (vendor3, vendor2) = (pick(cvss, false, "3"), pick(cvss, false, "2"));
    let join_packages = |value: &dyn Fn(&warden_core::VulnerablePackage) -> String| {
        packages.iter().map(value).collect::<Vec<_>>().join(JOIN)
    };
    let file_path = match code {
        Some(c) => c.file_path.file_path.clone(),
        None => join_packages(&|p| p.file_path.clone().unwrap_or_default()),
    };
    let reference_urls = match (package, code) {
        (Some(p), _) => p.reference_urls.join(JOIN),
        (None, Some(c)) => c.reference_urls.join(JOIN),
        (None, None) => String::new(),
    };
    let vulnerability_id = match (package, code) {
        (Some(p), _) => p.vulnerability_id.clone(),
        (None, Some(c)) => c.cwes.join(JOIN),
        (None, None) => String::new(),
    };
    let layers = match lambda {
        Some(l) if !l.layers.is_empty() => l.layers.join(JOIN),
        // Without the function's configuration, the layers the findings came from.
        _ => {
            let mut seen: Vec<&str> = Vec::new();
            let from_packages = packages.iter().filter_map(|p| p.source_lambda_layer_arn.as_deref());
            for arn in from_packages.chain(code.and_then(|c| c.source_lambda_layer_arn.as_deref())) {
                if !seen.contains(&arn) {
                    seen.push(arn);
                }
            }
            seen.join(JOIN)
        }
    };

    [
        f.aws_account_id.clone(),
        f.severity.as_str().to_owned(),
        f.fix_available.map(|x| x.as_str().to_owned()).unwrap_or_default(),
        f.finding_type.as_str().to_owned(),
        f.title.clone().unwrap_or_default(),
        f.description.clone(),
        f.finding_arn.clone(),
        time(f.first_observed_at),
        time(f.last_observed_at),
        f.updated_at.map(time).unwrap_or_default(),
        f.resources.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(JOIN),
        String::new(),
        resource.and_then(|r| r.region.clone()).unwrap_or_else(|| arn_region(&f.finding_arn).to_owned()),
        lambda.map(|l| l.runtime.as_str().to_owned()).unwrap_or_default(),
        resource
            .map(|r| r.tags.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(JOIN))
            .unwrap_or_default(),
        join_packages(&|p| p.name.clone()),
        join_packages(&|p| installed_version(p)),
        join_packages(&|p| p.fixed_in_version.clone().unwrap_or_else(|| "NotAvailable".to_owned())),
        join_packages(&|p| p.remediation.clone().unwrap_or_default()),
        file_path,
        String::new(),
        age_days(f.first_observed_at, f.last_observed_at),
        f.remediation.recommendation.as_ref().and_then(|r| r.text.clone()).unwrap_or_default(),
        f.inspector_score.map(score).unwrap_or_default(),
        f.inspector_score_details
            .as_ref()
            .and_then(|d| d.adjusted_cvss.as_ref())
            .map(|c| c.scoring_vector.clone())
            .unwrap_or_default(),
        f.status.as_str().to_owned(),
        vulnerability_id,
        package.map(|p| p.source.clone()).unwrap_or_default(),
        package.and_then(|p| p.vendor_severity.clone()).unwrap_or_default(),
        package.and_then(|p| p.source_url.clone()).unwrap_or_default(),
        package.and_then(|p| p.vendor_created_at).map(time).unwrap_or_default(),
        nvd3.map(|c| score(c.base_score)).unwrap_or_default(),
        nvd3.map(|c| c.scoring_vector.clone()).unwrap_or_default(),
        nvd2.map(|c| score(c.base_score)).unwrap_or_default(),
        nvd2.map(|c| c.scoring_vector.clone()).unwrap_or_default(),
        vendor3.map(|c| score(c.base_score)).unwrap_or_default(),
        vendor3.map(|c| c.scoring_vector.clone()).unwrap_or_default(),
        vendor2.map(|c| score(c.base_score)).unwrap_or_default(),
        vendor2.map(|c| c.scoring_vector.clone()).unwrap_or_default(),
        resource.map(|r| r.resource_type.as_str().to_owned()).unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        lambda.and_then(|l| l.vpc_config.as_ref()).and_then(|v| v.vpc_id.clone()).unwrap_or_default(),
        String::new(),
        f.epss.as_ref().and_then(|e| e.score).map(|s| s.to_string()).unwrap_or_default(),
        f.exploit_available.map(|x| x.as_str().to_owned()).unwrap_or_default(),
        f.exploitability_details.as_ref().and_then(|e| e.last_known_exploit_at).map(time).unwrap_or_default(),
        layers,
        lambda.and_then(|l| l.package_type).map(|p| p.as_str().to_owned()).unwrap_or_default(),
        lambda.and_then(|l| l.last_modified_at).map(time).unwrap_or_default(),
        reference_urls,
        code.map(|c| c.detector_name.clone()).unwrap_or_default(),
        join_packages(&|p| p.package_manager.map(|m| m.as_str().to_owned()).unwrap_or_default()),
    ]
}

/// The version as Inspector shows it: `epoch:version-release.arch` for OS packages, the version alone otherwise.
fn installed_version(p: &warden_core::VulnerablePackage) -> String {
    let mut v = String::new();
    if let Some(epoch) = p.epoch.filter(|e| *e != 0) {
        let _ = write!(v, "{epoch}:");
    }
    v.push_str(&p.version);
    if let Some(release) = p.release.as_deref().filter(|r| !r.is_empty()) {
        let _ = write!(v, "-{release}");
    }
    if let Some(arch) = p.arch.as_deref().filter(|a| !a.is_empty()) {
        let _ = write!(v, ".{arch}");
    }
    v
}

/// The CVSS entry of one major version from NVD (`nvd`) or from anyone else, the newest minor version first.
fn pick<'a>(cvss: &'a [CvssScore], nvd: bool, major: &str) -> Option<&'a CvssScore> {
    cvss.iter()
        .filter(|c| (c.source == "NVD") == nvd && c.version.split('.').next() == Some(major))
        .max_by(|a, b| a.version.cmp(&b.version))
}

/// `7.5`, `10.0`.
fn score(value: f64) -> String {
    if value.fract() == 0.0 { format!("{value:.1}") } else { value.to_string() }
}

fn time(t: Timestamp) -> String {
    let seconds = t.epoch_seconds();
    if seconds.is_finite() && seconds >= 0.0 { rfc3339(seconds.floor() as u64) } else { rfc3339(0) }
}

fn age_days(first: Timestamp, last: Timestamp) -> String {
    let days = ((last.epoch_seconds() - first.epoch_seconds()) / 86_400.0).floor();
    if days.is_finite() && days >= 0.0 { format!("{}", days as u64) } else { "0".to_owned() }
}

/// The region of `arn:aws:inspector2:<region>:<account>:finding/<id>`.
fn arn_region(arn: &str) -> &str {
    arn.split(':').nth(3).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_where_needed() {
        let mut out = String::new();
        push_record(&mut out, ["a".to_owned(), "b,c".to_owned(), "say \"hi\"".to_owned(), "x\ny".to_owned()]);
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }

    #[test]
    fn scores_and_ages() {
        assert_eq!(score(10.0), "10.0");
        assert_eq!(score(7.5), "7.5");
        assert_eq!(age_days(Timestamp::from(0), Timestamp::from(86_400 * 3 + 5)), "3");
        assert_eq!(age_days(Timestamp::from(100), Timestamp::from(0)), "0");
        assert_eq!(arn_region("arn:aws:inspector2:eu-west-1:123456789012:finding/ab"), "eu-west-1");
    }
}
