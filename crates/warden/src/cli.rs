//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use warden_artifact::{Limits, SourceSpec};
use warden_core::Severity;

#[derive(Debug, Parser)]
#[command(name = "warden", version, about = "Vulnerability scanning for AWS Lambda functions and layers")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per run: the size of the `scan` variant's flags does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find the known vulnerabilities of the packages in a function's deployment package and its layers.
    ///
    /// Or match the packages of a CycloneDX JSON SBOM instead (`--sbom bom.json`, Inspector's ScanSbom).
    ///
    /// Exit codes: 0 scanned, 1 a finding at or above --fail-on remains, 2 usage or I/O error (an unreadable SBOM
    /// too), 3 the artifact was refused (INVALID_ARTIFACT), 4 no advisory database (run `warden db update`; or
    /// `--scanners inventory`).
    #[command(mut_arg("function", |a| a.required(false).required_unless_present("sbom")))]
    Scan {
        #[command(flatten)]
        input: InputArgs,
        /// Match the packages of this CycloneDX JSON SBOM (1.4–1.6; e.g. one `warden sbom --format cyclonedx`,
        /// Syft or Trivy wrote) instead of reading a deployment package.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["function", "layers"])]
        sbom: Option<PathBuf>,
        #[command(flatten)]
        vuln: VulnArgs,
        #[command(flatten)]
        code: CodeArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ScanFormat::Table)]
        format: ScanFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Write a software bill of materials of a function and its layers.
    Sbom {
        #[command(flatten)]
        input: InputArgs,
        /// SBOM format: CycloneDX 1.5 JSON or SPDX 2.3 JSON.
        #[arg(long, value_enum)]
        format: SbomFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Manage the local OSV advisory database: update (download), import, status.
    Db(crate::db::DbArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScanFormat {
    Json,
    Table,
    /// SARIF 2.1.0 of the findings (GitHub code scanning).
    Sarif,
    /// Inspector's findings-report CSV columns.
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SbomFormat {
    Cyclonedx,
    Spdx,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// The function's deployment package: a .zip, or a directory holding an unpacked one (seen at /var/task).
    // Required; `Command::Scan` relaxes it to "unless --sbom", hence the `Option`.
    #[arg(required = true)]
    pub function: Option<PathBuf>,
    /// A layer (.zip or directory), seen under /opt; repeat in the function's layer order (a later layer's file
    /// hides an earlier one's). Name it with its version ARN as ARN=PATH
    /// (arn:aws:lambda:us-east-1:123456789012:layer:deps:3=deps.zip) so packages are attributed to the ARN.
    #[arg(long = "layer", value_name = "[ARN=]PATH")]
    pub layers: Vec<String>,
    /// Refuse the artifact when more than this many bytes would be inflated in all (zip bombs).
    #[arg(long, default_value_t = Limits::default().max_inflated_bytes, value_name = "BYTES")]
    pub max_inflated_bytes: u64,
    /// Refuse an entry of 1 MiB or more that inflates more than this many times its compressed size.
    #[arg(long, default_value_t = Limits::default().max_compression_ratio, value_name = "RATIO")]
    pub max_compression_ratio: u64,
    /// Refuse an archive (or directory tree) with more entries than this.
    #[arg(long, default_value_t = Limits::default().max_entries, value_name = "N")]
    pub max_entries: usize,
    /// Refuse archives nested deeper than this (jars in jars).
    #[arg(long, default_value_t = Limits::default().max_nesting_depth, value_name = "N")]
    pub max_nesting_depth: u32,
}

impl InputArgs {
    pub fn layer_specs(&self) -> Vec<SourceSpec> {
        self.layers.iter().map(|l| SourceSpec::layer(l)).collect()
    }

    /// The deployment package (only `warden scan --sbom` goes without one).
    pub fn function(&self) -> anyhow::Result<&Path> {
        self.function.as_deref().ok_or_else(|| anyhow::anyhow!("give the FUNCTION to scan"))
    }

    pub fn specs(&self) -> anyhow::Result<Vec<SourceSpec>> {
        let mut specs = vec![SourceSpec::function(self.function()?)];
        specs.extend(self.layer_specs());
        Ok(specs)
    }

    /// Fails with a usage error naming the first input that does not exist.
    pub fn check_exists(&self) -> anyhow::Result<()> {
        for path in std::iter::once(self.function()?).chain(self.layer_specs().iter().map(|s| s.path.as_path())) {
            anyhow::ensure!(path.exists(), "{}: no such file or directory", path.display());
        }
        Ok(())
    }

    pub fn limits(&self) -> Limits {
        Limits {
            max_inflated_bytes: self.max_inflated_bytes,
            max_compression_ratio: self.max_compression_ratio,
            max_entries: self.max_entries,
            max_nesting_depth: self.max_nesting_depth,
        }
    }
}

/// What a scan looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scanner {
    /// Package vulnerabilities: the packages matched against the advisory database (needs one).
    Vuln,
    /// The packages only (no database needed).
    Inventory,
    /// Code vulnerabilities: static analysis of the function's own code and its layers' (no database needed).
    Code,
}

/// Matching packages against advisories, and which findings to report.
#[derive(Debug, Args)]
pub struct VulnArgs {
    /// What to scan for, comma-separated: `vuln` (package vulnerabilities; the packages are listed too), `code`
    /// (code vulnerabilities in the function's own code), `inventory` (packages only). `vuln` needs the advisory
    /// database; `code` and `inventory` do not.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "vuln,code", value_name = "LIST")]
    pub scanners: Vec<Scanner>,
    /// The advisory database directory [default: $WARDEN_DB, else $XDG_CACHE_HOME/warden/db, else
    /// ~/.cache/warden/db].
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// The function's Lambda GetFunction response (`aws lambda get-function --function-name F > f.json`): names
    /// the finding's resource, region and account. Without it, findings name a placeholder function
    /// `arn:aws:lambda:local:000000000000:function:<file name>:$LATEST`.
    #[arg(long, value_name = "FILE")]
    pub function_config: Option<PathBuf>,
    /// Report only findings of these severities, comma-separated (CRITICAL,HIGH,MEDIUM,LOW,INFORMATIONAL,UNTRIAGED).
    #[arg(long, value_delimiter = ',', value_parser = parse_severity, value_name = "LIST")]
    pub severity: Vec<Severity>,
    /// Exit with code 1 when a reported finding is at or above this severity (UNTRIAGED ranks lowest).
    #[arg(long, value_parser = parse_severity, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,
    /// Vulnerabilities to leave out, one a line: `ID [until YYYY-MM-DD] [# reason]` (an alias id works too; an
    /// entry whose date has passed no longer ignores).
    #[arg(long, value_name = "FILE")]
    pub ignore_file: Option<PathBuf>,
}

impl VulnArgs {
    pub fn matching(&self) -> bool {
        self.scanners.contains(&Scanner::Vuln)
    }

    pub fn code(&self) -> bool {
        self.scanners.contains(&Scanner::Code)
    }
}

/// Code scanning.
#[derive(Debug, Args)]
pub struct CodeArgs {
    /// Lambda's Handler setting (`app.lambda_handler`, `src/index.handler`, `com.example.Handler::handleRequest`,
    /// `Assembly::Namespace.Class::Method`, `function.handler`): its first argument is the attacker-controlled
    /// event. Default: Configuration.Handler of --function-config, else each runtime's conventions.
    #[arg(long, value_name = "HANDLER")]
    pub handler: Option<String>,
    /// Lambda's runtime (`python3.12`, `nodejs20.x`, `java21`, `dotnet8`, `ruby3.3`): only its language is analysed.
    /// Default: Configuration.Runtime of --function-config, else every supported language.
    #[arg(long, value_name = "RUNTIME")]
    pub runtime: Option<String>,
    /// Analyse third-party code too (installed Python packages, node_modules, vendored gems, minified bundles).
    #[arg(long)]
    pub include_third_party: bool,
    /// Show secrets in code snippets and messages (masked by default).
    #[arg(long)]
    pub show_secrets: bool,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.trim().parse::<Severity>().map_err(|e| e.to_string())
}
