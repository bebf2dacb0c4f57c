//! Inventory × advisories → `PACKAGE_VULNERABILITY` findings in Amazon Inspector's shape, each explained.
//!
//! [`find`] matches every pinned package of a function against an advisory [`Index`] and turns the matches into
//! inspector2 [`Finding`]s:
//!
//! * **One finding per vulnerability per function.** Advisories that are aliases of one another (PYSEC-2020-96,
//!   GHSA-6757-jp84-gxfx and CVE-2020-1747 are one vulnerability) are joined, transitively, into one finding. It is
//!   keyed by a CVE when the group has one (the lowest, as Inspector titles findings by CVE), else by a GHSA id,
//!   else by the lowest advisory id; every other id is in `relatedVulnerabilities`. All affected packages of the
//!   function (the same package in the function and in a layer, or two packages) are in `vulnerablePackages`.
//! * **Title** `"CVE-2020-1747 - PyYAML"`, several packages `"CVE-… - a, b"`. **Description**: the `details` of the
//!   preferred advisory (the one whose id is the key, then GHSA, then the others), else its `summary`.
//! * **Severity** from [`warden_cvss::best`] over every CVSS vector of the group's advisories and matched entries
//!   (v3.1, then v3.0, v4.0, v2.0), `UNTRIAGED` when there is none; that score is `inspectorScore` and
//!   `inspectorScoreDetails.adjustedCvss` (no adjustments), and every valid vector is in `cvss[]`.
//! * **`source`** is the database of the id it names (see [`source_of`]): `NVD` for a CVE, `GITHUB` for GHSA,
//!   `PYSEC`, `GO`, `RUSTSEC`, `OSV` for any other; `sourceUrl` is the id's page on osv.dev.
//! * **`fixedInVersion`** is the lowest fixed version above the installed one (from the advisory ranges); when the
//!   group's advisories give different ones, the highest of them, so that the upgrade clears every advisory of the
//!   vulnerability; `NotAvailable` when none gives one. `fixAvailable` is `YES` when every vulnerable package has
//!   one, `PARTIAL` when some do, `NO` otherwise.
//! * **`findingArn`** = [`finding_arn`]`(region, account, [resource id, vulnerability id])`: stable across rescans.
//!
//! Beside the findings: a [`MatchExplanation`] for every (vulnerable package, advisory) pair (extractor, file,
//! advisory id and what said "affected": the listed version or the range events), the [`UndecidableMatch`]es (an
//! advisory that could not be evaluated against an installed version: never a finding, never dropped), and the
//! count of unpinned packages (no exact version: not matched).

mod ignore;
mod target;

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use warden_advisories::{Advisory, Index, Match, MatchOutcome, NameMatch};
use warden_core::{
    CvssScore, CvssScoreDetails, Ecosystem, Finding, FindingStatus, FindingType, FixAvailable, InspectorScoreDetails,
    MatchExplanation, Package, PackageVulnerabilityDetails, Recommendation, Remediation, Severity, Timestamp,
    UndecidableMatch, VulnerablePackage, finding_arn,
};

pub use ignore::{IgnoreEntry, IgnoreError, IgnoreList, today_utc};
pub use target::{PLACEHOLDER_ACCOUNT, PLACEHOLDER_REGION, Target, TargetError};

/// `fixedInVersion` when no advisory gives a fixed version (Inspector's spelling).
pub const NOT_AVAILABLE: &str = "NotAvailable";

/// What matching one function's packages produced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matched {
    /// Most severe first, then by score (highest first), then by vulnerability id.
    pub findings: Vec<Finding>,
    pub explanations: Vec<MatchExplanation>,
    pub undecidable: Vec<UndecidableMatch>,
    /// Packages with a version, matched.
    pub packages_matched: usize,
    /// Packages without one, not matched.
    pub unpinned: usize,
}

/// One package that an advisory affects.
struct Hit<'a> {
    package: usize,
    found: Match<'a>,
}

/// Matches `packages` (one function and its layers) against `index`; see the crate documentation.
pub fn find(packages: &[Package], index: &Index, target: &Target, now: Timestamp) -> Matched {
    let mut out = Matched::default();
    let mut hits: Vec<Hit<'_>> = Vec::new();
    for (i, p) in packages.iter().enumerate() {
        if p.version.trim().is_empty() {
            out.unpinned += 1;
            continue;
        }
        out.packages_matched += 1;
        for found in index.affected(p.ecosystem, &p.name, &p.version) {
            match found.outcome {
                MatchOutcome::Affected { .. } => hits.push(Hit { package: i, found }),
                MatchOutcome::Undecidable { reason } => out.undecidable.push(UndecidableMatch {
                    advisory_id: found.id().to_string(),
                    ecosystem: p.ecosystem,
                    package: p.name.clone(),
                    version: p.version.clone(),
                    extractor: p.extractor.clone(),
                    file_path: p.file_path.clone(),
                    layer: p.layer.clone(),
                    reason: reason.to_string(),
                }),
            }
        }
    }

    for group in group_by_vulnerability(hits) {
        let (finding, explanations) = finding_of(&group, packages, target, now);
        out.findings.push(finding);
        out.explanations.extend(explanations);
    }
    out.findings.sort_by(|a, b| {
        let score = |f: &Finding| f.inspector_score.unwrap_or(-1.0);
        b.severity
            .cmp(&a.severity)
            .then_with(|| score(b).total_cmp(&score(a)))
            .then_with(|| vulnerability_id(a).cmp(vulnerability_id(b)))
    });
    out
}

fn vulnerability_id(f: &Finding) -> &str {
    f.package_vulnerability_details.as_ref().map(|d| d.vulnerability_id.as_str()).unwrap_or("")
}

/// The hits of advisories that are one vulnerability.
struct Group<'a> {
    /// The finding's `vulnerabilityId`.
    key: String,
    /// Every other id of the vulnerability, sorted.
    related: Vec<String>,
    /// The advisories, preferred first (see [`preference`]).
    advisories: Vec<&'a Advisory>,
    hits: Vec<Hit<'a>>,
}

/// Joins advisories that share an id or alias (transitively), and keys each group.
fn group_by_vulnerability(hits: Vec<Hit<'_>>) -> Vec<Group<'_>> {
    // Union-find over ids (advisory ids and their aliases).
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    for hit in &hits {
        let a = hit.found.advisory;
        let n = node(&mut ids, &mut parent, &a.id);
        for alias in &a.aliases {
            let m = node(&mut ids, &mut parent, alias);
            let (ra, rb) = (root(&parent, n), root(&parent, m));
            if let Some(slot) = parent.get_mut(ra.max(rb)) {
                *slot = ra.min(rb);
            }
        }
    }

    let mut groups: BTreeMap<usize, Vec<Hit<'_>>> = BTreeMap::new();
    for hit in hits {
        let n = ids.get(hit.found.advisory.id.as_str()).copied().unwrap_or(0);
        let r = root(&parent, n);
        groups.entry(r).or_default().push(hit);
    }
    groups
        .into_values()
        .map(|hits| {
            let mut advisories: Vec<&Advisory> = Vec::new();
            for h in &hits {
                if !advisories.iter().any(|a| a.id == h.found.advisory.id) {
                    advisories.push(h.found.advisory);
                }
            }
            let all: BTreeSet<&str> = advisories
                .iter()
                .flat_map(|a| std::iter::once(a.id.as_str()).chain(a.aliases.iter().map(String::as_str)))
                .collect();
            let key = all
                .iter()
                .copied()
                .filter(|id| id.starts_with("CVE-"))
                .min_by(|a, b| cve_order(a, b))
                .or_else(|| advisories.iter().map(|a| a.id.as_str()).filter(|id| id.starts_with("GHSA-")).min())
                .or_else(|| advisories.iter().map(|a| a.id.as_str()).min())
                .unwrap_or("")
                .to_string();
            let related = all.iter().filter(|id| **id != key).map(|id| id.to_string()).collect();
            advisories.sort_by(|a, b| preference(&key, a).cmp(&preference(&key, b)).then_with(|| a.id.cmp(&b.id)));
            Group { key, related, advisories, hits }
        })
        .collect()
}

/// The union-find node of `id`, created on first sight.
fn node<'a>(ids: &mut HashMap<&'a str, usize>, parent: &mut Vec<usize>, id: &'a str) -> usize {
    let next = parent.len();
    let n = *ids.entry(id).or_insert(next);
    if n == next {
        parent.push(next);
    }
    n
}

/// The representative of `i` (roots point at themselves; a parent is always lower than its child).
fn root(parent: &[usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        i = p;
    }
    i
}

/// `CVE-2020-1747` before `CVE-2020-14343`: by year, then number.
fn cve_order(a: &str, b: &str) -> Ordering {
    let parts = |s: &str| -> (u64, u64) {
        let mut it = s.trim_start_matches("CVE-").split('-').map(|p| p.parse::<u64>().unwrap_or(u64::MAX));
        (it.next().unwrap_or(u64::MAX), it.next().unwrap_or(u64::MAX))
    };
    parts(a).cmp(&parts(b)).then_with(|| a.cmp(b))
}

/// Which advisory speaks for the vulnerability: the one whose id is the key, then GitHub's (reviewed, with CVSS
/// vectors), then the others.
fn preference(key: &str, a: &Advisory) -> u8 {
    if a.id == key {
        0
    } else if a.id.starts_with("GHSA-") {
        1
    } else {
        2
    }
}

/// The database an id belongs to, as `packageVulnerabilityDetails.source` and `cvss[].source` name it: `NVD` for
/// `CVE-…`, `GITHUB` for `GHSA-…`, `PYSEC`, `GO`, `RUSTSEC`, `MAL` (OpenSSF malicious packages), and `OSV` for
/// anything else. (Inspector names its own feeds; these are the databases an OSV snapshot carries.)
pub fn source_of(id: &str) -> &'static str {
    let prefix = id.split('-').next().unwrap_or("");
    match prefix {
        "CVE" => "NVD",
        "GHSA" => "GITHUB",
        "PYSEC" => "PYSEC",
        "GO" => "GO",
        "RUSTSEC" => "RUSTSEC",
        "MAL" => "MAL",
        _ => "OSV",
    }
}

/// `https://osv.dev/vulnerability/<id>`.
pub fn source_url(id: &str) -> String {
    format!("https://osv.dev/vulnerability/{id}")
}

fn finding_of(
    group: &Group<'_>,
    packages: &[Package],
    target: &Target,
    now: Timestamp,
) -> (Finding, Vec<MatchExplanation>) {
    let arn = finding_arn(&target.region, &target.account, &[&target.resource.id, &group.key]);

    // CVSS vectors, preferred advisories first, each with the database that published it.
    let mut vectors: Vec<(String, &'static str)> = Vec::new();
    for a in &group.advisories {
        let entries = group.hits.iter().filter(|h| h.found.advisory.id == a.id).map(|h| &h.found.entry.severity);
        for s in a.severity.iter().chain(entries.flatten()) {
            let v = s.score.trim().to_string();
            if !v.is_empty() && !vectors.iter().any(|(x, _)| *x == v) {
                vectors.push((v, source_of(&a.id)));
            }
        }
    }
    let cvss: Vec<CvssScore> = vectors
        .iter()
        .filter_map(|(v, source)| {
            warden_cvss::score(v).ok().map(|s| CvssScore {
                base_score: s.base_score,
                scoring_vector: s.vector,
                version: s.version.as_str().to_string(),
                source: source.to_string(),
            })
        })
        .collect();
    let refs: Vec<&str> = vectors.iter().map(|(v, _)| v.as_str()).collect();
    let best = warden_cvss::best(&refs);
    let severity = warden_cvss::severity_of(best.as_ref().map(|s| s.base_score));
    let adjusted = best.as_ref().map(|s| CvssScoreDetails {
        score_source: vectors.iter().find(|(v, _)| *v == s.vector).map(|(_, src)| src.to_string()).unwrap_or_default(),
        cvss_source: None,
        version: s.version.as_str().to_string(),
        score: s.base_score,
        scoring_vector: s.vector.clone(),
        adjustments: Vec::new(),
    });

    // The vulnerable packages, in inventory order, each with the advisories that matched it.
    let mut by_package: BTreeMap<usize, Vec<&Hit<'_>>> = BTreeMap::new();
    for h in &group.hits {
        by_package.entry(h.package).or_default().push(h);
    }
    let mut vulnerable = Vec::new();
    let mut explanations = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut fixes: Vec<String> = Vec::new();
    for (&i, hits) in &by_package {
        let Some(p) = packages.get(i) else { continue };
        if !names.contains(&p.name.as_str()) {
            names.push(&p.name);
        }
        let fixed = highest(p.ecosystem, hits.iter().filter_map(|h| h.found.fixed_in()));
        let mut vp = VulnerablePackage::new(&p.name, &p.version);
        vp.package_manager = Some(p.package_manager);
        vp.file_path = Some(p.file_path.clone());
        vp.fixed_in_version = Some(fixed.unwrap_or(NOT_AVAILABLE).to_string());
        vp.remediation = fixed.map(|f| format!("Upgrade {} to {f}", p.name));
        vp.source_lambda_layer_arn = p.layer.clone().filter(|l| l.starts_with("arn:"));
        vp.purl = Some(p.purl.clone());
        if let Some(f) = fixed {
            let text = format!("Upgrade {} to {f}", p.name);
            if !fixes.contains(&text) {
                fixes.push(text);
            }
        }
        vulnerable.push(vp);
        for h in hits {
            let mut evidence = match h.found.outcome {
                MatchOutcome::Affected { evidence, .. } => evidence.to_string(),
                MatchOutcome::Undecidable { reason } => reason.to_string(),
            };
            if h.found.name_match == NameMatch::CaseFolded {
                evidence.push_str(" (name matched ignoring case)");
            }
            explanations.push(MatchExplanation {
                finding_arn: arn.clone(),
                vulnerability_id: group.key.clone(),
                advisory_id: h.found.id().to_string(),
                ecosystem: p.ecosystem,
                package: p.name.clone(),
                version: p.version.clone(),
                extractor: p.extractor.clone(),
                file_path: p.file_path.clone(),
                layer: p.layer.clone(),
                advisory_package: h.found.package().to_string(),
                evidence,
                fixed_in: h.found.fixed_in().map(str::to_string),
            });
        }
    }
    let with_fix = vulnerable.iter().filter(|v| v.fixed_in_version.as_deref() != Some(NOT_AVAILABLE)).count();
    let fix_available = match with_fix {
        0 => FixAvailable::No,
        n if n == vulnerable.len() => FixAvailable::Yes,
        _ => FixAvailable::Partial,
    };
    let recommendation = if fixes.is_empty() {
        format!("No fixed version of {} is known for {}.", names.join(", "), group.key)
    } else {
        fixes.join("; ")
    };

    let preferred = group.advisories.first();
    let description = group
        .advisories
        .iter()
        .find_map(|a| a.details.as_deref().map(str::trim).filter(|d| !d.is_empty()))
        .or_else(|| group.advisories.iter().find_map(|a| a.summary.as_deref().map(str::trim).filter(|s| !s.is_empty())))
        .map(str::to_string)
        .unwrap_or_else(|| format!("{} affects {}.", group.key, names.join(", ")));
    let mut reference_urls: Vec<String> = Vec::new();
    for a in &group.advisories {
        for r in &a.references {
            if !r.url.is_empty() && !reference_urls.contains(&r.url) {
                reference_urls.push(r.url.clone());
            }
        }
    }
    let vendor_severity = group.advisories.iter().find_map(|a| {
        let value = a.database_specific.as_ref()?.value().ok()?;
        value.get("severity")?.as_str().map(str::to_string)
    });

    let details = PackageVulnerabilityDetails {
        vulnerability_id: group.key.clone(),
        vulnerable_packages: vulnerable,
        source: source_of(&group.key).to_string(),
        cvss,
        related_vulnerabilities: group.related.clone(),
        source_url: Some(source_url(&group.key)),
        vendor_severity,
        vendor_created_at: group.advisories.iter().filter_map(|a| a.published_at).min().map(Timestamp::from),
        vendor_updated_at: group.advisories.iter().filter_map(|a| a.modified_at).max().map(Timestamp::from),
        reference_urls,
    };
    let finding = Finding {
        finding_arn: arn,
        aws_account_id: target.account.clone(),
        finding_type: FindingType::PackageVulnerability,
        description,
        title: Some(format!("{} - {}", group.key, names.join(", "))),
        remediation: Remediation {
            recommendation: Some(Recommendation {
                text: Some(recommendation),
                url: preferred.map(|_| source_url(&group.key)),
            }),
        },
        severity,
        first_observed_at: now,
        last_observed_at: now,
        updated_at: Some(now),
        status: FindingStatus::Active,
        resources: vec![target.resource.clone()],
        inspector_score: best.as_ref().map(|s| s.base_score),
        inspector_score_details: adjusted.map(|a| InspectorScoreDetails { adjusted_cvss: Some(a) }),
        package_vulnerability_details: Some(details),
        fix_available: Some(fix_available),
        exploit_available: None,
        exploitability_details: None,
        code_vulnerability_details: None,
        epss: None,
    };
    (finding, explanations)
}

/// The highest of `versions` in the ecosystem's order (a version that does not parse loses to one that does).
fn highest<'a>(ecosystem: Ecosystem, versions: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    versions.fold(None, |best, v| match best {
        None => Some(v),
        Some(b) => match warden_versions::compare(ecosystem, v, b) {
            Ok(Ordering::Greater) => Some(v),
            Ok(_) => Some(b),
            Err(_) if warden_versions::parse(ecosystem, b).is_err() => Some(v),
            Err(_) => Some(b),
        },
    })
}

/// How [`filter`] changed a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filtered {
    pub ignored: usize,
    pub by_severity: usize,
}

/// Keeps the findings whose severity is in `severities` (all when empty) and that no live entry of `ignore`
/// names (on `today`, `YYYY-MM-DD`); the explanations of removed findings go with them.
pub fn filter(
    findings: &mut Vec<Finding>,
    explanations: &mut Vec<MatchExplanation>,
    severities: &[Severity],
    ignore: &IgnoreList,
    today: &str,
) -> Filtered {
    let mut filtered = Filtered::default();
    findings.retain(|f| {
        if !severities.is_empty() && !severities.contains(&f.severity) {
            filtered.by_severity += 1;
            false
        } else if ignore.ignoring(f, today).is_some() {
            filtered.ignored += 1;
            false
        } else {
            true
        }
    });
    explanations.retain(|e| findings.iter().any(|f| f.finding_arn == e.finding_arn));
    filtered
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use warden_advisories::osv::Osv;
    use warden_advisories::validate::validate;
    use warden_core::PackageManager;

    fn index(docs: &[&str]) -> Index {
        Index::new(docs.iter().filter_map(|d| validate(Osv::parse(d.as_bytes()).unwrap(), None).advisory).collect())
    }

    fn package(eco: Ecosystem, name: &str, version: &str, path: &str, layer: Option<&str>) -> Package {
        let mut p = Package::new(eco, name, version, PackageManager::Pythonpkg);
        p.file_path = path.to_string();
        p.layer = layer.map(str::to_string);
        p.extractor = "python/dist-info".to_string();
        p
    }

    const PYSEC: &str = r#"{"id": "PYSEC-1", "modified": "2024-01-01T00:00:00Z", "aliases": ["GHSA-aaaa-bbbb-cccc"],
        "affected": [{"package": {"ecosystem": "PyPI", "name": "alpha"},
                      "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.1"}]}]}]}"#;
    const GHSA: &str = r#"{"id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-01-01T00:00:00Z", "aliases": ["CVE-2024-9"],
        "summary": "Bad things", "details": "Very bad things.",
        "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}],
        "database_specific": {"severity": "HIGH"},
        "affected": [{"package": {"ecosystem": "PyPI", "name": "alpha"},
                      "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2"}]}]},
                     {"package": {"ecosystem": "PyPI", "name": "beta"},
                      "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]}]}"#;
    const BROKEN: &str = r#"{"id": "OSV-2", "modified": "2024-01-01T00:00:00Z",
        "affected": [{"package": {"ecosystem": "PyPI", "name": "gamma"},
                      "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "not a version!"}]}]}]}"#;

    #[test]
    fn aliases_collapse_into_one_finding_keyed_by_the_cve() {
        let index = index(&[PYSEC, GHSA, BROKEN]);
        let packages = [
            package(Ecosystem::PyPI, "alpha", "1.0", "/var/task/alpha-1.0.dist-info/METADATA", None),
            package(
                Ecosystem::PyPI,
                "beta",
                "2.0",
                "/opt/python/beta-2.0.dist-info/METADATA",
                Some("arn:aws:lambda:r:1:layer:l:1"),
            ),
            package(Ecosystem::PyPI, "gamma", "1.0", "/var/task/gamma-1.0.dist-info/METADATA", None),
            package(Ecosystem::PyPI, "delta", "", "/var/task/requirements.txt", None),
        ];
        let target = Target::placeholder("f.zip");
        let now = Timestamp::from(1_700_000_000);
        let m = find(&packages, &index, &target, now);
        assert_eq!(m.findings.len(), 1, "{:#?}", m.findings);
        let f = &m.findings[0];
        let d = f.package_vulnerability_details.as_ref().unwrap();
        assert_eq!(d.vulnerability_id, "CVE-2024-9");
        assert_eq!(d.related_vulnerabilities, ["GHSA-aaaa-bbbb-cccc", "PYSEC-1"]);
        assert_eq!(f.title.as_deref(), Some("CVE-2024-9 - alpha, beta"));
        assert_eq!(f.description, "Very bad things.");
        assert_eq!(f.severity, Severity::High);
        assert_eq!(f.inspector_score, Some(7.5));
        assert_eq!(d.vendor_severity.as_deref(), Some("HIGH"));
        // The two advisories disagree on alpha's fix: the higher one clears both.
        assert_eq!(d.vulnerable_packages[0].fixed_in_version.as_deref(), Some("1.2"));
        assert_eq!(d.vulnerable_packages[1].fixed_in_version.as_deref(), Some(NOT_AVAILABLE));
        assert_eq!(d.vulnerable_packages[1].source_lambda_layer_arn.as_deref(), Some("arn:aws:lambda:r:1:layer:l:1"));
        assert_eq!(f.fix_available, Some(FixAvailable::Partial));
        assert_eq!(f.remediation.recommendation.as_ref().and_then(|r| r.text.as_deref()), Some("Upgrade alpha to 1.2"));
        assert_eq!(f.finding_arn, finding_arn("local", "000000000000", &[&target.resource.id, "CVE-2024-9"]));
        assert_eq!(f.first_observed_at, now);
        // alpha matched two advisories, beta one: three explanations.
        assert_eq!(m.explanations.len(), 3);
        assert!(m.explanations.iter().all(|e| e.finding_arn == f.finding_arn));
        // gamma's advisory cannot be read: visible, not a finding; delta has no version: counted.
        assert_eq!(m.undecidable.len(), 1);
        assert_eq!(m.undecidable[0].advisory_id, "OSV-2");
        assert_eq!(m.undecidable[0].package, "gamma");
        assert_eq!(m.unpinned, 1);
        assert_eq!(m.packages_matched, 3);
    }

    #[test]
    fn filters_drop_findings_and_their_explanations() {
        let index = index(&[PYSEC, GHSA]);
        let packages = [package(Ecosystem::PyPI, "alpha", "1.0", "/var/task/a", None)];
        let m = find(&packages, &index, &Target::placeholder("f"), Timestamp::from(0));
        let (mut findings, mut explanations) = (m.findings.clone(), m.explanations.clone());
        let none = IgnoreList::default();
        assert_eq!(
            filter(&mut findings, &mut explanations, &[Severity::High], &none, "2024-01-01"),
            Filtered::default()
        );
        let f = filter(&mut findings, &mut explanations, &[Severity::Low], &none, "2024-01-01");
        assert_eq!((f.by_severity, findings.len(), explanations.len()), (1, 0, 0));
        let (mut findings, mut explanations) = (m.findings.clone(), m.explanations.clone());
        let ignore = IgnoreList::parse("pysec-1 until 2024-06-30").unwrap();
        assert_eq!(filter(&mut findings, &mut explanations, &[], &ignore, "2024-07-01").ignored, 0);
        assert_eq!(filter(&mut findings, &mut explanations, &[], &ignore, "2024-06-30").ignored, 1);
    }

    #[test]
    fn sources_and_cve_order() {
        assert_eq!(source_of("CVE-2020-1747"), "NVD");
        assert_eq!(source_of("GHSA-6757-jp84-gxfx"), "GITHUB");
        assert_eq!(source_of("PYSEC-2020-96"), "PYSEC");
        assert_eq!(source_of("NSWG-ECO-516"), "OSV");
        assert_eq!(cve_order("CVE-2020-1747", "CVE-2020-14343"), Ordering::Less);
        assert_eq!(highest(Ecosystem::PyPI, ["5.3.1", "5.10", "5.4"].into_iter()), Some("5.10"));
        assert_eq!(highest(Ecosystem::PyPI, std::iter::empty()), None);
    }
}
