//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use warden_artifact::{Limits, SourceSpec};

#[derive(Debug, Parser)]
#[command(name = "warden", version, about = "Vulnerability scanning for AWS Lambda functions and layers")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every third-party package in a function's deployment package and its layers.
    ///
    /// Exit codes: 0 scanned, 2 usage or I/O error, 3 the artifact was refused (INVALID_ARTIFACT).
    Scan {
        #[command(flatten)]
        input: InputArgs,
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
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScanFormat {
    Json,
    Table,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SbomFormat {
    Cyclonedx,
    Spdx,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// The function's deployment package: a .zip, or a directory holding an unpacked one (seen at /var/task).
    pub function: PathBuf,
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

    pub fn specs(&self) -> Vec<SourceSpec> {
        let mut specs = vec![SourceSpec::function(&self.function)];
        specs.extend(self.layer_specs());
        specs
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
