//! `warden scan`: inventory, matching against the local advisory database, filters, output and exit code.

use anyhow::Context;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use warden_advisories::{Database, StoreError};
use warden_core::{ScanResult, ScanStatusCode, Timestamp};
use warden_match::{IgnoreList, Target};
use warden_scan::Vulnerabilities;
use warden_scan::code::CodeOptions;

use crate::cli::{CodeArgs, InputArgs, ScanFormat, VulnArgs};

pub fn run(
    input: &InputArgs,
    sbom: Option<&Path>,
    vuln: &VulnArgs,
    code: &CodeArgs,
    format: ScanFormat,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    // The packages come from an SBOM or from the artifact; an SBOM that cannot be read is a usage error.
    let bom = match sbom {
        Some(path) => Some(warden_scan::sbom::read(path).with_context(|| format!("{}", path.display()))?),
        None => {
            input.check_exists()?;
            None
        }
    };
    let ignore = match &vuln.ignore_file {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            IgnoreList::parse(&text).with_context(|| format!("{}", path.display()))?
        }
        None => IgnoreList::default(),
    };
    let mut configured = (None, None);
    let target = match &vuln.function_config {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            configured = handler_and_runtime(&text);
            Target::from_get_function(&text).with_context(|| format!("{}", path.display()))?
        }
        None => {
            // Warden's own SBOMs name the function's file as their subject.
            let name = match (&bom, sbom) {
                (Some(bom), Some(path)) => bom.subject.clone().unwrap_or_else(|| file_name(path)),
                _ => file_name(input.function()?),
            };
            Target::placeholder(&name)
        }
    };

    let database = if vuln.matching() {
        let dir = crate::db::resolve_dir(vuln.db.as_deref());
        match Database::open(&dir) {
            Ok(db) => Some((db, dir.display().to_string())),
            Err(StoreError::Missing { dir }) => {
                let advice = crate::db::missing_message(&dir, vuln.db.is_some());
                eprintln!(
                    "warden: {advice}; or scan with `--scanners inventory` (packages only) or `--scanners code` (code \
                     only), which need none"
                );
                return Ok(ExitCode::from(crate::exit::NO_DATABASE));
            }
            Err(e) => return Err(e).context("opening the advisory database"),
        }
    } else {
        None
    };

    let vulnerabilities = database.as_ref().map(|(db, dir)| Vulnerabilities {
        database: db,
        database_dir: dir,
        target: &target,
        now: Timestamp::now(),
    });
    let mut result = match &bom {
        Some(bom) => {
            let s = &bom.input;
            eprintln!(
                "warden: SBOM {} ({} {}): {} packages from {} components, {} skipped",
                s.file, s.format, s.spec_version, s.packages, s.components, s.skipped
            );
            warden_scan::scan_sbom(bom, vulnerabilities)
        }
        None => {
            let code_options = vuln.code().then(|| code_options(code, configured));
            scan_artifact(input, &target, vulnerabilities, code_options.as_ref())?
        }
    };

    let today = warden_match::today_utc();
    for e in ignore.expired(&today) {
        eprintln!(
            "warden: ignore file line {}: {} expired on {}; it no longer ignores",
            e.line,
            e.id,
            e.until.as_deref().unwrap_or("")
        );
    }
    apply_filters(&mut result, vuln, &ignore, &today);

    let text = match format {
        ScanFormat::Json => warden_report::json(&result),
        ScanFormat::Table => {
            let color = output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            warden_report::table_colored(&result, color)
        }
        ScanFormat::Sarif => warden_report::sarif_with_code(&result.findings, &result.code, env!("CARGO_PKG_VERSION")),
        ScanFormat::Csv => warden_report::csv(&result.findings),
    };
    crate::write_output(output, &text)?;
    Ok(exit_code(&result, vuln))
}

/// `Configuration.Handler` and `Configuration.Runtime` of a GetFunction response.
fn handler_and_runtime(get_function: &str) -> (Option<String>, Option<String>) {
    let value: serde_json::Value = serde_json::from_str(get_function).unwrap_or_default();
    let config = value.get("Configuration");
    let field = |name: &str| config.and_then(|c| c.get(name)).and_then(|v| v.as_str()).map(str::to_string);
    (field("Handler"), field("Runtime"))
}

fn code_options(code: &CodeArgs, configured: (Option<String>, Option<String>)) -> CodeOptions {
    let handler = code.handler.clone().or(configured.0);
    let runtime = code.runtime.clone().or(configured.1);
    CodeOptions {
        analysis: warden_sast::Options {
            handler: handler.as_deref().and_then(warden_sast::HandlerSpec::parse),
            runtime,
            budget: warden_sast::FileBudget::default(),
        },
        include_third_party: code.include_third_party,
        show_secrets: code.show_secrets,
    }
}

fn scan_artifact(
    input: &InputArgs,
    target: &Target,
    vulnerabilities: Option<Vulnerabilities<'_>>,
    code: Option<&CodeOptions>,
) -> anyhow::Result<ScanResult> {
    let mut specs = input.specs()?;
    // Layers given as plain paths take their version ARN from the GetFunction response, by position.
    if let Some(layers) =
        target.resource.details.as_ref().and_then(|d| d.aws_lambda_function.as_ref()).map(|f| &f.layers)
    {
        for (spec, arn) in specs.iter_mut().skip(1).zip(layers) {
            if !spec.label.as_deref().is_some_and(|l| l.starts_with("arn:")) {
                spec.label = Some(arn.clone());
            }
        }
    }
    let progress = crate::progress::Bar::new();
    let request = code.map(|options| warden_scan::CodeRequest { options, target, now: Timestamp::now() });
    let result = warden_scan::scan_function(&specs, input.limits(), &progress, vulnerabilities, request);
    progress.finish();
    if let Some(reason) = &result.status.reason {
        eprintln!("warden: INVALID_ARTIFACT: {reason}");
    }
    Ok(result)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn apply_filters(result: &mut ScanResult, vuln: &VulnArgs, ignore: &IgnoreList, today: &str) {
    let filtered = warden_match::filter(&mut result.findings, &mut result.explanations, &vuln.severity, ignore, today);
    let kept: std::collections::HashSet<String> = result.findings.iter().map(|f| f.finding_arn.clone()).collect();
    result.code.retain(|c| kept.contains(&c.finding_arn));
    if let Some(matching) = &mut result.status.matching {
        matching.ignored = filtered.ignored;
        matching.filtered_by_severity = filtered.by_severity;
    }
}

fn exit_code(result: &ScanResult, vuln: &VulnArgs) -> ExitCode {
    if result.status.status_code != ScanStatusCode::Successful {
        return ExitCode::from(crate::exit::INVALID_ARTIFACT);
    }
    match vuln.fail_on {
        Some(threshold) if result.findings.iter().any(|f| f.severity >= threshold) => {
            ExitCode::from(crate::exit::FINDINGS)
        }
        _ => ExitCode::SUCCESS,
    }
}
