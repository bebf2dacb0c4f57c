//! `warden`: scan a Lambda function's deployment package and layers.

mod cli;
mod db;
mod exit;
mod paths;
mod progress;
mod scan_cmd;

use anyhow::Context;
use clap::Parser;
use cli::{Cli, Command, InputArgs, SbomFormat};
use std::io::Write;
use std::process::ExitCode;
use warden_core::{ScanResult, ScanStatusCode};
use warden_report::{SbomSubject, Stamp};

/// Code scanning and inventory allocate many small strings across threads; mimalloc does that faster than glibc's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("warden: {e:#}");
            ExitCode::from(exit::USAGE)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Scan { input, sbom, vuln, code, format, output } => {
            scan_cmd::run(&input, sbom.as_deref(), &vuln, &code, format, output.as_deref())
        }
        Command::Sbom { input, format, output } => {
            let result = scan(&input)?;
            if result.status.status_code != ScanStatusCode::Successful {
                eprintln!("warden: {}", result.status.reason.as_deref().unwrap_or("invalid artifact"));
                return Ok(exit_code(&result));
            }
            let name = input.function()?.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let subject = SbomSubject { stamp: Stamp::now(&name), name };
            let text = match format {
                SbomFormat::Cyclonedx => warden_report::cyclonedx(&result, &subject),
                SbomFormat::Spdx => warden_report::spdx(&result, &subject),
            };
            write_output(output.as_deref(), &text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Db(args) => db::run(args),
    }
}

fn scan(input: &InputArgs) -> anyhow::Result<ScanResult> {
    input.check_exists()?;
    let specs = input.specs()?;
    let progress = progress::Bar::new();
    let result = warden_scan::scan(&specs, input.limits(), &progress);
    progress.finish();
    if let Some(reason) = &result.status.reason {
        eprintln!("warden: INVALID_ARTIFACT: {reason}");
    }
    Ok(result)
}

fn exit_code(result: &ScanResult) -> ExitCode {
    match result.status.status_code {
        ScanStatusCode::Successful => ExitCode::SUCCESS,
        _ => ExitCode::from(exit::INVALID_ARTIFACT),
    }
}

fn write_output(path: Option<&std::path::Path>, text: &str) -> anyhow::Result<()> {
    match path {
        Some(path) => std::fs::write(path, format!("{text}\n")).with_context(|| format!("writing {}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            writeln!(out, "{text}").context("writing to standard output")
        }
    }
}
