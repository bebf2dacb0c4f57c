//! SARIF 2.1.0 (<https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html>), shaped for GitHub code scanning.
//!
//! One run whose `tool.driver` is `warden`, with one rule per vulnerability (the `vulnerabilityId` of a package
//! finding, the `detectorId` of a code finding) and one result per finding and vulnerable package. What GitHub asks
//! of an upload is kept: every result has a `ruleId` and a `level` of `error`, `warning` or `note`, locations are
//! relative URIs (`var/task/requirements.txt`, the package's `filePath` without its leading `/`) with a 1-based
//! region, rules carry the `security` tag and a `security-severity` score, and `partialFingerprints` stay the
//! same across rescans so alerts are tracked rather than re-opened.

use serde_json::{Map, Value, json};
use warden_core::{
    CodeFindingDetails, CodeVulnerabilityDetails, Finding, PackageVulnerabilityDetails, Severity, VulnerablePackage,
    siphash24_128,
};

/// The `$schema` of the document (the OASIS schema as SchemaStore serves it, which editors and GitHub know).
pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of Warden's entry in `partialFingerprints`; bump its version if what it hashes ever changes.
pub const FINGERPRINT_KEY: &str = "wardenFinding/v1";

/// The fixed SipHash key of fingerprints. Never change it: GitHub tracks alerts by the values.
const FINGERPRINT_HASH_KEY: [u8; 16] = *b"warden/sarif/fp1";

/// The findings as a SARIF 2.1.0 log with a single run of `warden` `tool_version`.
///
/// Results come in the order of `findings` (and of each finding's `vulnerablePackages`); rules in the order
/// their first result appears. A finding without a package (or code) location still gets one result, located at
/// the function's code root, so that nothing reported elsewhere is missing here.
pub fn sarif(findings: &[Finding], tool_version: &str) -> String {
    sarif_with_code(findings, &[], tool_version)
}

/// [`sarif`], with each code finding's taint trace (source → steps → sink) as a `codeFlows` thread flow.
pub fn sarif_with_code(findings: &[Finding], code: &[CodeFindingDetails], tool_version: &str) -> String {
    let mut rules: Vec<Value> = Vec::new();
    let mut rule_ids: Vec<String> = Vec::new();
    let mut results: Vec<Value> = Vec::new();

    for finding in findings {
        let id = rule_id(finding);
        let index = match rule_ids.iter().position(|r| *r == id) {
            Some(i) => i,
            None => {
                rules.push(rule(finding, &id));
                rule_ids.push(id.clone());
                rule_ids.len() - 1
            }
        };
        let flow = code.iter().find(|c| c.finding_arn == finding.finding_arn).filter(|c| !c.trace.is_empty());
        for located in locate(finding) {
            let mut r = result(finding, &id, index, &located);
            if let (Some(details), Some(obj)) = (flow, r.as_object_mut()) {
                obj.insert("codeFlows".into(), code_flow(details));
            }
            results.push(r);
        }
    }

    let mut driver = Map::new();
    driver.insert("name".into(), json!("warden"));
    if !tool_version.is_empty() {
        driver.insert("version".into(), json!(tool_version));
    }
    driver.insert("rules".into(), Value::Array(rules));

    let log = json!({
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": Value::Object(driver)},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// A taint trace as one thread flow.
fn code_flow(details: &CodeFindingDetails) -> Value {
    let locations: Vec<Value> = details
        .trace
        .iter()
        .map(|step| {
            json!({"location": {
                "physicalLocation": {
                    "artifactLocation": {"uri": relative_uri(&step.file_path)},
                    "region": {"startLine": step.start_line.max(1), "endLine": step.end_line.max(step.start_line.max(1))},
                },
                "message": {"text": step.note},
            }})
        })
        .collect();
    json!([{"threadFlows": [{"locations": locations}]}])
}

/// SARIF's level for a severity: `error` for CRITICAL and HIGH, `warning` for MEDIUM, `note` for the rest.
pub fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Informational | Severity::Untriaged => "note",
    }
}

/// The rule a finding reports under: its vulnerability id, or its detector id for a code finding.
fn rule_id(finding: &Finding) -> String {
    if let Some(p) = &finding.package_vulnerability_details {
        return p.vulnerability_id.clone();
    }
    if let Some(c) = &finding.code_vulnerability_details {
        return c.detector_id.clone();
    }
    // Neither detail: a finding of a kind Warden does not produce; its title still names it.
    finding.title.clone().unwrap_or_else(|| finding.finding_type.as_str().to_owned())
}

fn rule(finding: &Finding, id: &str) -> Value {
    let title = finding.title.clone().unwrap_or_else(|| id.to_owned());
    let full = if finding.description.trim().is_empty() { title.clone() } else { finding.description.clone() };
    let mut rule = Map::new();
    rule.insert("id".into(), json!(id));
    if let Some(c) = &finding.code_vulnerability_details {
        rule.insert("name".into(), json!(c.detector_name));
    }
    rule.insert("shortDescription".into(), json!({"text": first_line(&title)}));
    rule.insert("fullDescription".into(), json!({"text": full}));
    if let Some(uri) = help_uri(finding) {
        rule.insert("helpUri".into(), json!(uri));
    }
    rule.insert("help".into(), help(finding, &full));
    rule.insert("defaultConfiguration".into(), json!({"level": sarif_level(finding.severity)}));

    let mut properties = Map::new();
    properties.insert("tags".into(), json!(tags(finding)));
    if let Some(score) = security_severity(finding) {
        properties.insert("security-severity".into(), json!(score));
    }
    properties.insert(
        "precision".into(),
        json!(if finding.code_vulnerability_details.is_some() { "high" } else { "very-high" }),
    );
    properties.insert("problem.severity".into(), json!(problem_severity(finding.severity)));
    rule.insert("properties".into(), Value::Object(properties));
    Value::Object(rule)
}

/// The advisory's page (`sourceUrl`), else the first reference, else the remediation's link: only absolute
/// `http(s)` URLs, as `helpUri` must be a URI.
fn help_uri(finding: &Finding) -> Option<String> {
    let recommendation = finding.remediation.recommendation.as_ref().and_then(|r| r.url.clone());
    let candidates: Vec<Option<String>> =
        match (&finding.package_vulnerability_details, &finding.code_vulnerability_details) {
            (Some(p), _) => vec![p.source_url.clone(), p.reference_urls.first().cloned(), recommendation],
            (None, Some(c)) => vec![recommendation, c.reference_urls.first().cloned()],
            (None, None) => vec![recommendation],
        };
    candidates.into_iter().flatten().find(|u| is_web_url(u))
}

fn is_web_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'))
}

/// The rule's help: the description, what to do, and the references.
fn help(finding: &Finding, full: &str) -> Value {
    let mut text = full.to_owned();
    let mut markdown = escape_markdown(full);
    if let Some(fix) = finding.remediation.recommendation.as_ref().and_then(|r| r.text.as_deref()) {
        text.push_str("\n\nRemediation: ");
        text.push_str(fix);
        markdown.push_str("\n\n**Remediation:** ");
        markdown.push_str(&escape_markdown(fix));
    }
    let references: Vec<&String> = match (&finding.package_vulnerability_details, &finding.code_vulnerability_details) {
        (Some(p), _) => p.source_url.iter().chain(&p.reference_urls).collect(),
        (None, Some(c)) => c.reference_urls.iter().collect(),
        (None, None) => Vec::new(),
    };
    let mut seen = Vec::new();
    for url in references.into_iter().filter(|u| is_web_url(u)) {
        if seen.contains(&url) {
            continue;
        }
        if seen.is_empty() {
            text.push_str("\n\nReferences:");
            markdown.push_str("\n\n**References:**\n");
        }
        seen.push(url);
        text.push_str("\n- ");
        text.push_str(url);
        markdown.push_str(&format!("\n- <{url}>"));
    }
    json!({"text": text, "markdown": markdown})
}

/// Markdown's active characters in untrusted text (advisory descriptions) are escaped so they show as written.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `security` (so GitHub files the alerts under security), the kind, and for code its CWEs (as CodeQL writes
/// them, `external/cwe/cwe-798`) and detector tags.
fn tags(finding: &Finding) -> Vec<String> {
    let mut tags = vec!["security".to_owned()];
    if let Some(p) = &finding.package_vulnerability_details {
        tags.push("vulnerability".to_owned());
        tags.push("dependency".to_owned());
        for pm in p.vulnerable_packages.iter().filter_map(|v| v.package_manager) {
            tags.push(pm.as_str().to_ascii_lowercase());
        }
    }
    if let Some(c) = &finding.code_vulnerability_details {
        tags.push("code".to_owned());
        for cwe in &c.cwes {
            let number = cwe.trim().trim_start_matches("CWE-").trim_start_matches("cwe-");
            tags.push(format!("external/cwe/cwe-{number}"));
        }
        tags.extend(c.detector_tags.iter().cloned());
    }
    let mut unique: Vec<String> = Vec::with_capacity(tags.len());
    for t in tags {
        if !t.is_empty() && !unique.contains(&t) {
            unique.push(t);
        }
    }
    unique
}

/// The score GitHub ranks by (`"9.8"`): Inspector's adjusted CVSS score, else its score, else the best published
/// CVSS base score (v3.x, then v4, then v2); for a finding that no CVSS scored, a representative score of its
/// severity band (GitHub's bands: ≥ 9 critical, ≥ 7 high, ≥ 4 medium, > 0 low). None for UNTRIAGED without a score.
fn security_severity(finding: &Finding) -> Option<String> {
    let adjusted = finding.inspector_score_details.as_ref().and_then(|d| d.adjusted_cvss.as_ref()).map(|c| c.score);
    let published = finding.package_vulnerability_details.as_ref().and_then(best_cvss);
    let score = adjusted.or(finding.inspector_score).or(published).or(match finding.severity {
        Severity::Critical => Some(9.5),
        Severity::High => Some(8.0),
        Severity::Medium => Some(5.5),
        Severity::Low => Some(2.0),
        Severity::Informational => Some(0.0),
        Severity::Untriaged => None,
    })?;
    (score.is_finite() && (0.0..=10.0).contains(&score)).then(|| format!("{score:.1}"))
}

fn best_cvss(details: &PackageVulnerabilityDetails) -> Option<f64> {
    let rank = |version: &str| match version.split('.').next() {
        Some("3") => 0,
        Some("4") => 1,
        Some("2") => 2,
        _ => 3,
    };
    details
        .cvss
        .iter()
        .filter(|c| c.base_score.is_finite())
        .min_by_key(|c| (rank(&c.version), u8::from(c.source != "NVD")))
        .map(|c| c.base_score)
}

/// CodeQL's `problem.severity` word, which some SARIF viewers read when `security-severity` is absent.
fn problem_severity(severity: Severity) -> &'static str {
    match sarif_level(severity) {
        "error" => "error",
        "warning" => "warning",
        _ => "recommendation",
    }
}

/// Where one result points, and what it says.
struct Located<'a> {
    package: Option<&'a VulnerablePackage>,
    uri: String,
    start_line: u32,
    end_line: Option<u32>,
    layer: Option<&'a str>,
    /// Distinguishes the results of one finding in its fingerprint.
    key: String,
}

fn locate(finding: &Finding) -> Vec<Located<'_>> {
    let packages = finding.package_vulnerability_details.as_ref().filter(|p| !p.vulnerable_packages.is_empty());
    if let Some(p) = packages {
        return p
            .vulnerable_packages
            .iter()
            .map(|v| {
                let layer = v.source_lambda_layer_arn.as_deref();
                let uri = match v.file_path.as_deref() {
                    Some(path) if !path.trim().is_empty() => relative_uri(path),
                    _ => code_root(layer),
                };
                let key =
                    format!("{}\u{0}{}\u{0}{}", v.name, v.file_path.as_deref().unwrap_or(""), layer.unwrap_or(""));
                Located { package: Some(v), uri, start_line: 1, end_line: None, layer, key }
            })
            .collect();
    }
    if let Some(c) = &finding.code_vulnerability_details {
        let start = c.file_path.start_line.max(1);
        let end = c.file_path.end_line.max(start);
        let layer = c.source_lambda_layer_arn.as_deref();
        let uri = if c.file_path.file_path.trim().is_empty() {
            code_root(layer)
        } else {
            relative_uri(&c.file_path.file_path)
        };
        return vec![Located { package: None, uri, start_line: start, end_line: Some(end), layer, key: String::new() }];
    }
    vec![Located {
        package: None,
        uri: code_root(None),
        start_line: 1,
        end_line: None,
        layer: None,
        key: String::new(),
    }]
}

/// Where a function's code (`var/task`) or a layer's (`opt`) is mounted, for results with no file of their own.
fn code_root(layer: Option<&str>) -> String {
    if layer.is_some() { "opt".to_owned() } else { "var/task".to_owned() }
}

/// A path as the function sees it (`/var/task/requirements.txt`) as a relative URI reference
/// (`var/task/requirements.txt`): leading `/` (and `./`) removed, backslashes as `/`, and every byte that a URI
/// path may not hold literally percent-encoded, `:` included so that no first segment reads as a scheme.
pub fn relative_uri(path: &str) -> String {
    let normalized = path.replace('\\', "/");
    let mut trimmed = normalized.as_str();
    loop {
        if let Some(rest) = trimmed.strip_prefix('/') {
            trimmed = rest;
        } else if let Some(rest) = trimmed.strip_prefix("./") {
            trimmed = rest;
        } else {
            break;
        }
    }
    let mut out = String::with_capacity(trimmed.len());
    for byte in trimmed.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&byte);
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if out.is_empty() { "var/task".to_owned() } else { out }
}

fn result(finding: &Finding, rule_id: &str, rule_index: usize, at: &Located<'_>) -> Value {
    let mut region = Map::new();
    region.insert("startLine".into(), json!(at.start_line));
    if let Some(end) = at.end_line {
        region.insert("endLine".into(), json!(end));
    }
    let mut artifact = Map::new();
    artifact.insert("uri".into(), json!(at.uri));
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": Value::Object(artifact),
            "region": Value::Object(region),
        },
    });
    if let (Some(resource), Some(obj)) = (finding.resources.first(), location.as_object_mut()) {
        obj.insert(
            "logicalLocations".into(),
            json!([{"name": resource_name(&resource.id), "fullyQualifiedName": resource.id, "kind": "module"}]),
        );
    }

    let mut properties = Map::new();
    properties.insert("findingArn".into(), json!(finding.finding_arn));
    properties.insert("severity".into(), json!(finding.severity.as_str()));
    properties.insert("findingType".into(), json!(finding.finding_type.as_str()));
    if let Some(score) = finding.inspector_score {
        properties.insert("inspectorScore".into(), json!(score));
    }
    if let Some(resource) = finding.resources.first() {
        properties.insert("resourceId".into(), json!(resource.id));
    }
    if let Some(p) = at.package {
        properties.insert("packageName".into(), json!(p.name));
        properties.insert("installedVersion".into(), json!(p.version));
        if let Some(fixed) = &p.fixed_in_version {
            properties.insert("fixedInVersion".into(), json!(fixed));
        }
        if let Some(pm) = p.package_manager {
            properties.insert("packageManager".into(), json!(pm.as_str()));
        }
        if let Some(purl) = &p.purl {
            properties.insert("purl".into(), json!(purl));
        }
        if let Some(path) = &p.file_path {
            properties.insert("filePath".into(), json!(path));
        }
    }
    if let Some(layer) = at.layer {
        properties.insert("sourceLambdaLayerArn".into(), json!(layer));
    }

    json!({
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "level": sarif_level(finding.severity),
        "message": {"text": message(finding, rule_id, at)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, at)},
        "properties": Value::Object(properties),
    })
}

/// `flask 2.2.0 (PIP) in /var/task/flask-2.2.0.dist-info/METADATA is affected by CVE-2023-30861 (HIGH). Fixed in
/// 2.3.2: Upgrade flask to 2.3.2.`
fn message(finding: &Finding, rule_id: &str, at: &Located<'_>) -> String {
    let severity = finding.severity.as_str();
    let mut text = if let Some(p) = at.package {
        let mut s = format!("{} {}", p.name, p.version);
        if let Some(pm) = p.package_manager {
            s.push_str(&format!(" ({pm})"));
        }
        if let Some(path) = p.file_path.as_deref().filter(|f| !f.is_empty()) {
            s.push_str(&format!(" in {path}"));
        }
        s.push_str(&format!(" is affected by {rule_id} ({severity})."));
        match p.fixed_in_version.as_deref() {
            Some(fixed) if !fixed.is_empty() && fixed != "NotAvailable" => {
                s.push_str(&format!(" Fixed in {fixed}"));
                match p.remediation.as_deref().filter(|r| !r.is_empty()) {
                    Some(r) => s.push_str(&format!(": {r}.")),
                    None => s.push('.'),
                }
            }
            _ => s.push_str(" No fixed version is available."),
        }
        s
    } else if let Some(c) = &finding.code_vulnerability_details {
        code_message(finding, c)
    } else {
        format!("{} ({severity}).", finding.title.as_deref().unwrap_or(rule_id))
    };
    if let Some(layer) = at.layer {
        text.push_str(&format!(" From layer {layer}."));
    }
    text
}

fn code_message(finding: &Finding, c: &CodeVulnerabilityDetails) -> String {
    let lines = if c.file_path.end_line > c.file_path.start_line {
        format!("lines {}-{}", c.file_path.start_line, c.file_path.end_line)
    } else {
        format!("line {}", c.file_path.start_line)
    };
    let mut s = format!("{} ({})", c.detector_name, finding.severity.as_str());
    if !c.cwes.is_empty() {
        s.push_str(&format!(" [{}]", c.cwes.join(", ")));
    }
    s.push_str(&format!(" in {} {lines}", c.file_path.file_path));
    let description = first_line(&finding.description);
    if description.is_empty() {
        s.push('.');
    } else {
        s.push_str(": ");
        s.push_str(description.trim_end_matches('.'));
        s.push('.');
    }
    if let Some(fix) = finding.remediation.recommendation.as_ref().and_then(|r| r.text.as_deref()) {
        s.push(' ');
        s.push_str(first_line(fix));
    }
    s
}

/// The stable fingerprint of one result: the finding's ARN (itself stable across rescans) and, for a package
/// result, the package's name, file and layer, hashed with SipHash-2-4-128 under a fixed key.
fn fingerprint(finding: &Finding, at: &Located<'_>) -> String {
    let mut input = Vec::new();
    for part in [finding.finding_arn.as_str(), at.key.as_str()] {
        input.extend_from_slice(&(part.len() as u64).to_le_bytes());
        input.extend_from_slice(part.as_bytes());
    }
    siphash24_128(&FINGERPRINT_HASH_KEY, &input).iter().map(|b| format!("{b:02x}")).collect()
}

/// `my-function` from `arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST`.
fn resource_name(id: &str) -> &str {
    let mut parts = id.split(':');
    match (parts.nth(5), parts.next()) {
        (Some("function"), Some(name)) => name,
        _ => id,
    }
}

fn first_line(text: &str) -> &str {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_relative_uri_references() {
        assert_eq!(relative_uri("/var/task/requirements.txt"), "var/task/requirements.txt");
        assert_eq!(relative_uri("//opt/python/a b.txt"), "opt/python/a%20b.txt");
        assert_eq!(relative_uri("./x:y/ü"), "x%3Ay/%C3%BC");
        assert_eq!(relative_uri("/"), "var/task");
        assert_eq!(relative_uri("C:\\x\\y#z?"), "C%3A/x/y%23z%3F");
    }

    #[test]
    fn levels_follow_severity() {
        assert_eq!(sarif_level(Severity::Critical), "error");
        assert_eq!(sarif_level(Severity::High), "error");
        assert_eq!(sarif_level(Severity::Medium), "warning");
        assert_eq!(sarif_level(Severity::Low), "note");
        assert_eq!(sarif_level(Severity::Informational), "note");
        assert_eq!(sarif_level(Severity::Untriaged), "note");
    }

    #[test]
    fn resource_names() {
        assert_eq!(resource_name("arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST"), "fn");
        assert_eq!(resource_name("not-an-arn"), "not-an-arn");
    }
}
