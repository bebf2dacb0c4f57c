//! Code scanning of a function: pick its source files (and its layers'), leave third-party code out unless asked,
//! analyse them with `warden-sast`, and dress what it finds as inspector2 `CODE_VULNERABILITY` findings, with the
//! snippet, suggested fixes and taint trace beside each (secrets masked unless asked).

use warden_artifact::{Artifact, Entry};
use warden_core::{
    CodeFilePath, CodeFindingDetails, CodeLine, CodeStatus, CodeVulnerabilityDetails, FileError, Finding,
    FindingStatus, FindingType, Recommendation, Remediation, SuggestedFix, Timestamp, TraceStep, finding_arn,
};
use warden_match::Target;
use warden_sast::{Analysis, CodeFinding, Options, SourceFile};

/// How to scan code.
#[derive(Debug, Clone, Default)]
pub struct CodeOptions {
    pub analysis: Options,
    /// Analyse installed packages, `node_modules` and vendored code too.
    pub include_third_party: bool,
    /// Show secrets in snippets as they are.
    pub show_secrets: bool,
}

/// Snippets show at most this many lines, each cut to this many characters.
const SNIPPET_LINES: u32 = 20;
const SNIPPET_WIDTH: usize = 240;
/// Lines of context around the flagged lines.
const CONTEXT: u32 = 3;

/// What code scanning adds to a scan result.
#[derive(Debug, Default)]
pub struct CodeScan {
    pub findings: Vec<Finding>,
    pub details: Vec<CodeFindingDetails>,
    pub status: CodeStatus,
}

/// Whether a file is third-party code by where it lives: installed Python packages (listed in a `RECORD`, or under
/// `site-packages`), `node_modules`, vendored gems, minified bundles.
pub fn is_third_party(path: &str, installed: &std::collections::HashSet<String>) -> bool {
    const DIRS: &[&str] = &[
        "/site-packages/",
        "/dist-packages/",
        "/node_modules/",
        "/vendor/bundle/",
        "/.bundle/",
        "/bower_components/",
        "/__pycache__/",
        "/.venv/",
        "/venv/",
        "/jspm_packages/",
        "/ruby/gems/",
        "/gems/",
        "/vendor/cache/",
    ];
    let name = path.rsplit('/').next().unwrap_or(path);
    DIRS.iter().any(|d| path.contains(d))
        || name.ends_with(".min.js")
        || name.ends_with(".bundle.js")
        || installed.contains(path)
}

/// Files installed by pip (the `RECORD` of every `.dist-info`, whatever their language: urllib3 ships JavaScript):
/// their paths as the function sees them.
fn installed_python_files(artifact: &Artifact) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let mut reader = artifact.reader();
    for entry in artifact.entries() {
        if !(entry.path.ends_with(".dist-info/RECORD") || entry.path.ends_with(".egg-info/installed-files.txt")) {
            continue;
        }
        let Some((dist_dir, _)) = entry.path.rsplit_once('/') else { continue };
        let Some((site, _)) = dist_dir.rsplit_once('/') else { continue };
        let Ok(bytes) = reader.read(entry) else { continue };
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            let file = line.split(',').next().unwrap_or_default().trim();
            if !file.is_empty() && !file.starts_with("..") {
                out.insert(format!("{site}/{file}"));
            }
        }
    }
    out
}

/// Reads the source files of an artifact and analyses them.
pub fn scan_code(artifact: &Artifact, options: &CodeOptions, target: &Target, now: Timestamp) -> CodeScan {
    let installed = if options.include_third_party { Default::default() } else { installed_python_files(artifact) };
    let mut status = CodeStatus { secrets_redacted: !options.show_secrets, ..CodeStatus::default() };
    let mut files = Vec::new();
    let mut reader = artifact.reader();
    let candidates: Vec<&Entry> = artifact.entries().iter().filter(|e| warden_sast::is_analysed(&e.path)).collect();
    for entry in candidates {
        if !options.include_third_party && is_third_party(&entry.path, &installed) {
            status.third_party_skipped += 1;
            continue;
        }
        let error = |message: String| FileError {
            file_path: entry.path.clone(),
            layer: entry.layer.clone(),
            extractor: "code".to_string(),
            message,
        };
        if entry.size > options.analysis.budget.max_bytes as u64 {
            status.file_errors.push(error(format!(
                "not analysed: {} bytes is over the {}-byte limit for one source file",
                entry.size, options.analysis.budget.max_bytes
            )));
            continue;
        }
        match reader.read(entry) {
            // Old sources in Windows-1252 or Latin-1 are read with their odd characters replaced: code is ASCII.
            Ok(bytes) => {
                let text =
                    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                files.push(SourceFile { path: entry.path.clone(), text, layer: entry.layer.clone() })
            }
            Err(e) => status.file_errors.push(error(format!("not analysed: {e}"))),
        }
    }
    let analysis = warden_sast::analyze(&files, &options.analysis);
    dress(analysis, &files, options, target, now, status)
}

/// Turns an analysis into findings and their details.
pub fn dress(
    analysis: Analysis,
    files: &[SourceFile],
    options: &CodeOptions,
    target: &Target,
    now: Timestamp,
    mut status: CodeStatus,
) -> CodeScan {
    status.files_analyzed = analysis.files - analysis.errors.len();
    status.lines_analyzed = analysis.lines;
    status.detectors = warden_sast::rules::registry::all().count();
    for e in analysis.errors {
        let layer = files.iter().find(|f| f.path == e.path).and_then(|f| f.layer.clone());
        status.file_errors.push(FileError {
            file_path: e.path,
            layer,
            extractor: "code".to_string(),
            message: e.message,
        });
    }
    let mut out = CodeScan { status, ..CodeScan::default() };
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for f in analysis.findings {
        let text = files.iter().find(|s| s.path == f.path).map_or("", |s| s.text.as_str());
        let line_text = text.lines().nth(f.start_line.saturating_sub(1) as usize).unwrap_or_default();
        let normalized: String = line_text.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = f.rule.id();
        let key = format!("{id}\u{0}{}\u{0}{normalized}", f.path);
        let occurrence = seen.entry(key).and_modify(|n| *n += 1).or_insert(0).to_string();
        let arn = finding_arn(
            &target.region,
            &target.account,
            &[&target.resource.id, &id, &f.path, &normalized, &occurrence],
        );
        let details = details(&f, text, &arn, options.show_secrets);
        out.findings.push(finding(&f, arn, target, now));
        out.details.push(details);
    }
    out
}

fn finding(f: &CodeFinding, arn: String, target: &Target, now: Timestamp) -> Finding {
    let rule = f.rule;
    let cwe = rule.cwes.first().copied().unwrap_or("CWE-0");
    let file_name = f.path.rsplit('/').next().unwrap_or(&f.path).to_string();
    Finding {
        finding_arn: arn,
        aws_account_id: target.account.clone(),
        finding_type: FindingType::CodeVulnerability,
        description: format!("{}: {} ({}:{}).", rule.name, f.message, f.path, f.start_line),
        title: Some(format!("{cwe} - {}", rule.name)),
        remediation: Remediation {
            recommendation: Some(Recommendation {
                text: Some(rule.remediation.to_string()),
                url: rule.references.first().map(|u| u.to_string()),
            }),
        },
        severity: f.severity,
        first_observed_at: now,
        last_observed_at: now,
        updated_at: Some(now),
        status: FindingStatus::Active,
        resources: vec![target.resource.clone()],
        inspector_score: None,
        inspector_score_details: None,
        package_vulnerability_details: None,
        fix_available: None,
        exploit_available: None,
        exploitability_details: None,
        code_vulnerability_details: Some(CodeVulnerabilityDetails {
            file_path: CodeFilePath {
                file_name,
                file_path: f.path.clone(),
                start_line: f.start_line,
                end_line: f.end_line.max(f.start_line),
            },
            detector_tags: rule.tags.iter().take(10).map(|t| t.to_string()).collect(),
            reference_urls: rule.references.iter().take(10).map(|t| t.to_string()).collect(),
            rule_id: Some(rule.short_id()),
            source_lambda_layer_arn: f.layer.clone().filter(|l| l.starts_with("arn:")),
            detector_id: rule.id(),
            detector_name: rule.name.to_string(),
            cwes: rule.cwes.iter().take(10).map(|c| c.to_string()).collect(),
        }),
        epss: None,
    }
}

fn details(f: &CodeFinding, text: &str, arn: &str, show_secrets: bool) -> CodeFindingDetails {
    let end = f.end_line.max(f.start_line);
    let first = f.start_line.saturating_sub(CONTEXT).max(1);
    let last = (end + CONTEXT).min(first + SNIPPET_LINES - 1);
    let code_snippet = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l))
        .filter(|(n, _)| *n >= first && *n <= last)
        .map(|(number, l)| {
            let cut: String = l.chars().take(SNIPPET_WIDTH).collect();
            let content = if show_secrets { cut } else { warden_sast::secrets::redact(&cut) };
            CodeLine { number, content }
        })
        .collect();
    let mut suggested_fixes = vec![SuggestedFix { description: f.rule.remediation.to_string(), code: None }];
    if let Some(doc) = f.rule.references.first() {
        suggested_fixes.push(SuggestedFix { description: format!("See {doc}"), code: None });
    }
    suggested_fixes.truncate(5);
    let trace = f
        .trace
        .iter()
        .map(|s| TraceStep {
            file_path: s.file.clone(),
            start_line: s.span.start_line,
            end_line: s.span.end_line,
            note: if show_secrets { s.note.clone() } else { warden_sast::secrets::redact(&s.note) },
        })
        .collect();
    CodeFindingDetails {
        finding_arn: arn.to_string(),
        message: if show_secrets { f.message.clone() } else { warden_sast::secrets::redact(&f.message) },
        code_snippet,
        suggested_fixes,
        trace,
    }
}
