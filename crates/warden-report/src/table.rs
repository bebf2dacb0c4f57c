use std::fmt::Write;
use warden_core::{CodeStatus, Finding, ScanResult, ScanStatusCode, Severity};

/// A table for people, without colors: see [`table_colored`].
pub fn table(result: &ScanResult) -> String {
    table_colored(result, false)
}

/// A table for people. When the packages were matched against advisories (`status.matching` is set): a total by
/// severity, then the findings grouped by severity, most severe first, one row per vulnerable package (like
/// Trivy's), then the matches that could not be decided and the gaps. Otherwise (inventory only): one row a
/// package. Then file errors. `color` adds ANSI colors to the severity headings (for a terminal).
pub fn table_colored(result: &ScanResult, color: bool) -> String {
    let mut out = String::new();
    if result.status.status_code != ScanStatusCode::Successful {
        let reason = result.status.reason.as_deref().unwrap_or("");
        let _ = writeln!(out, "INVALID_ARTIFACT: {reason}");
        return out;
    }
    let package_findings: Vec<Finding> =
        result.findings.iter().filter(|f| f.code_vulnerability_details.is_none()).cloned().collect();
    match &result.status.matching {
        Some(matching) => {
            findings(&mut out, &package_findings, color);
            if !result.undecidable.is_empty() {
                let _ = writeln!(
                    out,
                    "\n{} advisories could not be evaluated (not findings, not cleared):",
                    result.undecidable.len()
                );
                for u in &result.undecidable {
                    let _ = writeln!(
                        out,
                        "  {} {} {} ({}): {}",
                        u.advisory_id, u.package, u.version, u.file_path, u.reason
                    );
                }
            }
            let _ = write!(
                out,
                "\n{} packages, {} matched against {} advisories",
                result.packages.len(),
                matching.packages_matched,
                matching.advisories
            );
            if matching.unpinned > 0 {
                let _ = write!(out, "; {} without a pinned version (not matched)", matching.unpinned);
            }
            let _ = writeln!(out);
            if matching.ignored > 0 || matching.filtered_by_severity > 0 {
                let _ = writeln!(
                    out,
                    "{} findings hidden: {} by --ignore-file, {} by --severity",
                    matching.ignored + matching.filtered_by_severity,
                    matching.ignored,
                    matching.filtered_by_severity
                );
            }
        }
        None if result.status.code.is_none() => packages(&mut out, result),
        None => {}
    }
    if let Some(code) = &result.status.code {
        code_findings(&mut out, result, code, color);
    }
    if !result.errors.is_empty() {
        let _ = writeln!(out, "\n{} files could not be read:", result.errors.len());
        for e in &result.errors {
            let _ = writeln!(out, "  {} ({}): {}", e.file_path, e.extractor, e.message);
        }
    }
    out
}

fn findings(out: &mut String, findings: &[Finding], color: bool) {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let totals: Vec<String> = Severity::RANKED.iter().map(|&s| format!("{s}: {}", count(s))).collect();
    let _ = writeln!(out, "Total: {} ({})", findings.len(), totals.join(", "));
    for severity in Severity::RANKED {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        let heading = format!("{severity} ({})", group.len());
        let _ = writeln!(out, "\n{}", if color { paint(severity, &heading) } else { heading });
        let header = ["VULNERABILITY", "PACKAGE", "INSTALLED", "FIXED", "SCORE", "PATH", "DESCRIPTION"];
        let mut rows: Vec<Vec<String>> = Vec::new();
        for f in group {
            let Some(d) = &f.package_vulnerability_details else { continue };
            let score = f.inspector_score.map(|s| format!("{s:.1}")).unwrap_or_else(|| "-".to_string());
            let description = first_line(&f.description, 60);
            for p in &d.vulnerable_packages {
                rows.push(vec![
                    d.vulnerability_id.clone(),
                    p.name.clone(),
                    p.version.clone(),
                    p.fixed_in_version.clone().unwrap_or_default(),
                    score.clone(),
                    p.file_path.clone().unwrap_or_default(),
                    description.clone(),
                ]);
            }
        }
        grid(out, &header, &rows);
    }
}

/// Code findings by severity: detector, file and line, what is wrong, and the taint trace's lines.
fn code_findings(out: &mut String, result: &ScanResult, status: &CodeStatus, color: bool) {
    let code: Vec<&Finding> = result.findings.iter().filter(|f| f.code_vulnerability_details.is_some()).collect();
    let count = |s: Severity| code.iter().filter(|f| f.severity == s).count();
    let totals: Vec<String> = Severity::RANKED.iter().map(|&s| format!("{s}: {}", count(s))).collect();
    let _ = writeln!(out, "\nCode findings: {} ({})", code.len(), totals.join(", "));
    for severity in Severity::RANKED {
        let group: Vec<&&Finding> = code.iter().filter(|f| f.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        let heading = format!("{severity} ({})", group.len());
        let _ = writeln!(out, "\n{}", if color { paint(severity, &heading) } else { heading });
        let header = ["DETECTOR", "LOCATION", "PROBLEM", "TRACE"];
        let rows: Vec<Vec<String>> = group
            .iter()
            .filter_map(|f| {
                let c = f.code_vulnerability_details.as_ref()?;
                let details = result.code.iter().find(|d| d.finding_arn == f.finding_arn);
                let problem = details.map_or_else(|| c.detector_name.clone(), |d| first_line(&d.message, 70));
                let trace = details.map(|d| trace_lines(&d.trace, &c.file_path.file_path)).unwrap_or_default();
                Some(vec![
                    c.detector_id.clone(),
                    format!("{}:{}", c.file_path.file_path, c.file_path.start_line),
                    problem,
                    trace,
                ])
            })
            .collect();
        grid(out, &header, &rows);
    }
    let _ = writeln!(
        out,
        "\n{} source files ({} lines) analysed by {} detectors; {} third-party files skipped{}",
        status.files_analyzed,
        status.lines_analyzed,
        status.detectors,
        status.third_party_skipped,
        if status.secrets_redacted { "; secrets masked in snippets" } else { "" }
    );
    for e in &status.file_errors {
        let _ = writeln!(out, "  {}: {}", e.file_path, e.message);
    }
}

/// `12 → 30 → db.py:8`: the trace's lines, naming a file only where it changes.
fn trace_lines(trace: &[warden_core::TraceStep], file: &str) -> String {
    let mut current = file;
    let parts: Vec<String> = trace
        .iter()
        .map(|s| {
            let part = if s.file_path == current {
                s.start_line.to_string()
            } else {
                let name = s.file_path.rsplit('/').next().unwrap_or(&s.file_path);
                format!("{name}:{}", s.start_line)
            };
            current = &s.file_path;
            part
        })
        .collect();
    parts.join(" → ")
}

fn paint(severity: Severity, text: &str) -> String {
    let code = match severity {
        Severity::Critical => "1;31",
        Severity::High => "31",
        Severity::Medium => "33",
        Severity::Low => "34",
        Severity::Informational | Severity::Untriaged => "2",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// The first line of `text`, cut to `max` characters.
fn first_line(text: &str, max: usize) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    if line.chars().count() > max {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

fn packages(out: &mut String, result: &ScanResult) {
    let header = ["ECOSYSTEM", "NAME", "VERSION", "MANAGER", "PATH", "LAYER"];
    let rows: Vec<Vec<String>> = result
        .packages
        .iter()
        .map(|p| {
            let version = match (&p.version, &p.constraint) {
                (v, Some(c)) if v.is_empty() => format!("({c})"),
                (v, _) => v.clone(),
            };
            let name = if p.dev { format!("{} (dev)", p.name) } else { p.name.clone() };
            vec![
                p.ecosystem.to_string(),
                name,
                version,
                p.package_manager.to_string(),
                p.file_path.clone(),
                p.layer.clone().unwrap_or_else(|| "-".to_string()),
            ]
        })
        .collect();
    grid(out, &header, &rows);
    let _ = writeln!(out, "\n{} packages", result.packages.len());
}

/// Left-aligned columns two spaces apart; the last column is not padded.
fn grid(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[&str]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(cell);
            } else {
                let pad = w.saturating_sub(cell.chars().count());
                let _ = write!(s, "{cell}{}  ", " ".repeat(pad));
            }
        }
        s.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(header));
    for row in rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        let _ = writeln!(out, "{}", line(&cells));
    }
}
