//! `warden db`: the local OSV advisory database (import, update, status).
//!
//! The database lives in one directory (`--db DIR`, else `$WARDEN_DB`, else `$XDG_CACHE_HOME/warden/db`, else
//! `~/.cache/warden/db`) as one file written atomically by [`Database::import`]. `warden db update` downloads the
//! OSV bucket's `<Ecosystem>/all.zip` files into `<db>/staging/` ([`fetch`]) and imports that folder, so a failed
//! or interrupted update leaves the previous database as it was.

mod fetch;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use warden_advisories::{Database, EcosystemStats, LoadStats, Meta, NO_ECOSYSTEM, ProblemKind, StoreError};
use warden_core::Ecosystem;

use fetch::{Fetched, Mirror};

/// The OSV project's public bucket.
pub const DEFAULT_BASE: &str = "https://osv-vulnerabilities.storage.googleapis.com";
/// The folder inside the database directory that `db update` downloads into.
const STAGING: &str = "staging";
/// Written into the staging folder by `db update`: the mirror and time (not `.json`, so the loader skips it).
const UPDATE_NOTE: &str = "UPDATE";
/// A database older than this is called stale by `db status`.
const STALE_AFTER: u64 = 7 * 24 * 3600;
/// Ids listed per kind of change after an import.
const IDS_SHOWN: usize = 10;

#[derive(Debug, Args)]
pub struct DbArgs {
    #[command(subcommand)]
    pub command: DbCommand,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Build the database from OSV advisories on disk.
    ///
    /// PATH is a directory of OSV JSON files, a zip of them, or the OSV bucket layout (<dir>/<Ecosystem>/all.zip).
    /// The database is replaced atomically; the counts per ecosystem, the problems found in the data and what
    /// changed since the previous database are printed.
    Import {
        /// A directory, a .zip, or a single OSV .json file.
        path: PathBuf,
        #[command(flatten)]
        db: DbDir,
    },
    /// Show the database: advisories per ecosystem, problems in the data, age and source.
    ///
    /// Exit codes: 0 a database exists, 2 it cannot be read, 4 there is none.
    Status {
        #[command(flatten)]
        db: DbDir,
        /// Print the status as JSON.
        #[arg(long)]
        json: bool,
        /// Also list examples of each kind of problem.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Download the OSV advisories and import them.
    ///
    /// Fetches <base>/<Ecosystem>/all.zip for each ecosystem into <db>/staging, sending the ETag and Last-Modified
    /// of the previous download so that only what changed is transferred, then imports the staging folder. A failed
    /// or interrupted update leaves the previous database in place (exit code 2).
    Update {
        #[command(flatten)]
        db: DbDir,
        /// The mirror: the OSV bucket, or an https://, http:// or file:// copy in the same layout.
        #[arg(long, default_value = DEFAULT_BASE, value_name = "URL")]
        base: String,
        /// Only these ecosystems (repeat); default: all that Warden scans.
        #[arg(long = "ecosystem", value_name = "ECOSYSTEM", value_parser = parse_ecosystem)]
        ecosystems: Vec<Ecosystem>,
    },
}

#[derive(Debug, Args)]
pub struct DbDir {
    /// The database directory [default: $WARDEN_DB, or $XDG_CACHE_HOME/warden/db, or ~/.cache/warden/db].
    #[arg(long = "db", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

fn parse_ecosystem(s: &str) -> Result<Ecosystem, String> {
    Ecosystem::ALL.into_iter().find(|e| e.as_str().eq_ignore_ascii_case(s)).ok_or_else(|| {
        let names: Vec<&str> = Ecosystem::ALL.iter().map(|e| e.as_str()).collect();
        format!("unknown ecosystem {s:?}; one of: {}", names.join(", "))
    })
}

pub fn run(args: DbArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        DbCommand::Import { path, db } => {
            let dir = resolve_dir(db.dir.as_deref());
            import(&path, &dir)
        }
        DbCommand::Status { db, json, verbose } => {
            let explicit = db.dir.is_some();
            let dir = resolve_dir(db.dir.as_deref());
            status(&dir, explicit, json, verbose)
        }
        DbCommand::Update { db, base, ecosystems } => {
            let dir = resolve_dir(db.dir.as_deref());
            update(&dir, &base, &ecosystems)
        }
    }
}

/// The database directory: `explicit` (`--db`), else [`crate::paths::default_db_dir`].
pub fn resolve_dir(explicit: Option<&Path>) -> PathBuf {
    explicit.map_or_else(crate::paths::default_db_dir, Path::to_path_buf)
}

/// What to tell a user who has no database in `dir` (`explicit`: the directory was named with `--db`).
pub fn missing_message(dir: &Path, explicit: bool) -> String {
    let db = if explicit { format!(" --db {}", dir.display()) } else { String::new() };
    format!(
        "no advisory database in {}: run `warden db update{db}` to download the OSV advisories, or \
         `warden db import ../shared/osv{db}` to load a local copy in the OSV bucket layout",
        dir.display()
    )
}

fn import(src: &Path, dir: &Path) -> anyhow::Result<ExitCode> {
    let spinner = spinner(&format!("importing advisories from {}", src.display()));
    let db = Database::import(src, dir);
    spinner.finish_and_clear();
    let db =
        db.with_context(|| format!("importing {} (the database in {} is unchanged)", src.display(), dir.display()))?;
    print!("{}", import_summary(dir, db.meta()));
    Ok(ExitCode::SUCCESS)
}

fn status(dir: &Path, explicit: bool, json: bool, verbose: bool) -> anyhow::Result<ExitCode> {
    let meta = match Database::status(dir) {
        Ok(meta) => meta,
        Err(StoreError::Missing { .. }) => {
            eprintln!("warden: {}", missing_message(dir, explicit));
            return Ok(ExitCode::from(crate::exit::NO_DATABASE));
        }
        Err(e) => return Err(e.into()),
    };
    let file = dir.join(warden_advisories::store::FILE_NAME);
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    let update = read_update_note(dir, &meta);
    if json {
        let value = serde_json::json!({
            "path": file,
            "sizeBytes": size,
            "ageSeconds": now().saturating_sub(meta.imported_at),
            "updatedFrom": update.as_ref().map(|u| &u.base),
            "meta": meta,
        });
        println!("{}", serde_json::to_string_pretty(&value).context("writing JSON")?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    let age = now().saturating_sub(meta.imported_at);
    let _ = writeln!(out, "database:   {} ({}, format {})", file.display(), bytes(size), meta.format);
    let _ = writeln!(
        out,
        "imported:   {} ({}), in {:.1} s",
        format_utc(meta.imported_at),
        ago(age),
        meta.import_millis as f64 / 1000.0
    );
    match &update {
        Some(u) => {
            let _ = writeln!(out, "source:     {} (by `warden db update` at {})", u.base, u.at);
        }
        None => {
            let _ = writeln!(out, "source:     {}", meta.source);
        }
    }
    if age > STALE_AFTER {
        let _ = writeln!(
            out,
            "            older than {} days: run `warden db update` for current advisories",
            STALE_AFTER / 86400
        );
    }
    let _ = writeln!(
        out,
        "advisories: {} (from {} documents)",
        thousands(meta.advisories),
        thousands(meta.stats.documents)
    );
    let _ = writeln!(out);
    out.push_str(&counts_table(&meta.stats, verbose));
    let d = &meta.diff;
    let _ = writeln!(
        out,
        "\nlast import: {} added, {} changed, {} removed{}",
        thousands(d.added.len()),
        thousands(d.changed.len()),
        thousands(d.removed.len()),
        since(d.previous_imported_at)
    );
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn update(dir: &Path, base: &str, selected: &[Ecosystem]) -> anyhow::Result<ExitCode> {
    let mirror = Mirror::new(base)?;
    let ecosystems: Vec<Ecosystem> = if selected.is_empty() {
        Ecosystem::ALL.to_vec()
    } else {
        Ecosystem::ALL.into_iter().filter(|e| selected.contains(e)).collect()
    };
    let staging = dir.join(STAGING);
    std::fs::create_dir_all(&staging).with_context(|| format!("creating {}", staging.display()))?;

    let mut available = 0usize;
    let mut failures: Vec<String> = Vec::new();
    // Staged copies to keep out of this import (not asked for, or gone from the mirror); removed only once every
    // download has succeeded, so a failed update does not cost the next one its cache.
    let mut leave_out: Vec<PathBuf> = Vec::new();
    for ecosystem in Ecosystem::ALL {
        let eco_dir = staging.join(ecosystem.as_str());
        if !ecosystems.contains(&ecosystem) {
            leave_out.push(eco_dir);
            continue;
        }
        let bar = download_bar(ecosystem);
        let fetched = mirror.fetch(ecosystem, &eco_dir, &bar);
        bar.finish_and_clear();
        let name = ecosystem.as_str();
        match fetched {
            Ok(Fetched::Downloaded { bytes: n }) => {
                available += 1;
                println!("{name:<10} downloaded {}", bytes(n));
            }
            Ok(Fetched::NotModified) => {
                available += 1;
                println!("{name:<10} not modified since the last update: kept the downloaded copy");
            }
            Ok(Fetched::NotAvailable { reason }) => {
                println!("{name:<10} not available at this mirror ({reason}: {}): skipped", mirror.url(ecosystem));
                leave_out.push(eco_dir);
            }
            Err(e) => {
                println!("{name:<10} FAILED: {e:#}");
                failures.push(format!("{name}: {e:#}"));
            }
        }
    }
    let unchanged = match Database::status(dir) {
        Ok(meta) => {
            format!("the database in {} is unchanged (imported {})", dir.display(), format_utc(meta.imported_at))
        }
        Err(_) => format!("no database was written in {}", dir.display()),
    };
    if !failures.is_empty() {
        bail!("update failed, {unchanged}:\n  {}", failures.join("\n  "));
    }
    if available == 0 {
        bail!("none of the ecosystems is available at {base} (expected <base>/<Ecosystem>/all.zip); {unchanged}");
    }
    for eco_dir in &leave_out {
        remove_dir(eco_dir)?;
    }
    let note = format!("base {}\nat {}\n", base.trim_end_matches('/'), format_utc(now()));
    std::fs::write(staging.join(UPDATE_NOTE), note).with_context(|| format!("writing in {}", staging.display()))?;

    let spinner = spinner("importing the downloaded advisories");
    let db = Database::import(&staging, dir);
    spinner.finish_and_clear();
    let db = db.with_context(|| format!("importing {} failed, {unchanged}", staging.display()))?;
    print!("{}", import_summary(dir, db.meta()));
    Ok(ExitCode::SUCCESS)
}

fn remove_dir(dir: &Path) -> anyhow::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("removing {}", dir.display()))
        }
        _ => Ok(()),
    }
}

/// Where `db update` fetched the database from, when the database is the staging folder's import.
#[derive(Debug)]
struct UpdateNote {
    base: String,
    at: String,
}

fn read_update_note(dir: &Path, meta: &Meta) -> Option<UpdateNote> {
    let staging = dir.join(STAGING);
    if Path::new(&meta.source) != staging {
        return None;
    }
    let text = std::fs::read_to_string(staging.join(UPDATE_NOTE)).ok()?;
    let field = |key: &str| text.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix(' ')).map(str::to_string);
    Some(UpdateNote { base: field("base")?, at: field("at")? })
}

/// What `db import` and `db update` print after an import.
fn import_summary(dir: &Path, meta: &Meta) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "imported {} advisories ({} documents) from {} into {} in {:.1} s\n",
        thousands(meta.advisories),
        thousands(meta.stats.documents),
        meta.source,
        dir.join(warden_advisories::store::FILE_NAME).display(),
        meta.import_millis as f64 / 1000.0
    );
    out.push_str(&counts_table(&meta.stats, false));
    let d = &meta.diff;
    let _ = writeln!(
        out,
        "\nchanges{}: {} added, {} changed, {} removed",
        since(d.previous_imported_at),
        thousands(d.added.len()),
        thousands(d.changed.len()),
        thousands(d.removed.len())
    );
    if d.previous_imported_at.is_some() {
        for (what, ids) in [("added", &d.added), ("changed", &d.changed), ("removed", &d.removed)] {
            if ids.is_empty() {
                continue;
            }
            let shown: Vec<&str> = ids.iter().take(IDS_SHOWN).map(String::as_str).collect();
            let more = ids.len().saturating_sub(IDS_SHOWN);
            let more = if more > 0 { format!(" and {more} more") } else { String::new() };
            let _ = writeln!(out, "  {what}: {}{more}", shown.join(", "));
        }
    }
    out
}

fn since(previous: Option<u64>) -> String {
    match previous {
        Some(at) => format!(" since the database imported {}", format_utc(at)),
        None => " (no previous database)".to_string(),
    }
}

/// Advisories per scanned ecosystem, the rest summarized, then problems per kind.
fn counts_table(stats: &LoadStats, verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:<10} {:>10} {:>9} {:>8}  problems", "ecosystem", "advisories", "withdrawn", "entries");
    let empty = EcosystemStats::default();
    for ecosystem in Ecosystem::ALL {
        let name = ecosystem.as_str();
        let s = stats.ecosystems.get(name).unwrap_or(&empty);
        let problems: Vec<String> = s.problems.iter().map(|(k, n)| format!("{k}: {}", thousands(*n))).collect();
        let problems = if problems.is_empty() {
            if s.advisories == 0 { "none (no advisories in the data)".to_string() } else { "none".to_string() }
        } else {
            problems.join(", ")
        };
        let _ = writeln!(
            out,
            "{name:<10} {:>10} {:>9} {:>8}  {problems}",
            thousands(s.advisories),
            thousands(s.withdrawn),
            thousands(s.entries)
        );
    }
    let known = |name: &str| Ecosystem::ALL.iter().any(|e| e.as_str() == name);
    let others: Vec<(&String, &EcosystemStats)> =
        stats.ecosystems.iter().filter(|(name, _)| !known(name) && name.as_str() != NO_ECOSYSTEM).collect();
    if !others.is_empty() {
        let entries: usize = others.iter().filter_map(|(_, s)| s.problems.get(&ProblemKind::UnknownEcosystem)).sum();
        let names: Vec<&str> = others.iter().take(5).map(|(n, _)| n.as_str()).collect();
        let more = if others.len() > names.len() { ", …" } else { "" };
        let _ = writeln!(
            out,
            "other ecosystems, not scanned: {} affected entries skipped in {} ecosystems ({}{more})",
            thousands(entries),
            others.len(),
            names.join(", ")
        );
    }
    if let Some(s) = stats.ecosystems.get(NO_ECOSYSTEM) {
        let problems: Vec<String> = s.problems.iter().map(|(k, n)| format!("{k}: {}", thousands(*n))).collect();
        let _ = writeln!(out, "no ecosystem named: {}", problems.join(", "));
    }
    let total: usize = ProblemKind::ALL.iter().map(|k| stats.count(*k)).sum();
    let _ = writeln!(
        out,
        "\nproblems in the data: {} in all; {} can leave a package undecided (reported as \"could not evaluate\", \
         never as \"not affected\")",
        thousands(total),
        thousands(stats.gaps())
    );
    for kind in ProblemKind::ALL {
        let n = stats.count(kind);
        if n == 0 {
            continue;
        }
        let _ =
            writeln!(out, "  {:<28} {:>7}{}", kind.as_str(), thousands(n), if kind.is_gap() { "  (gap)" } else { "" });
        if verbose {
            for example in stats.examples.iter().filter(|p| p.kind == kind) {
                let _ = writeln!(out, "      [{}] {}: {}", example.ecosystem, example.advisory, example.detail);
            }
        }
    }
    out
}

fn stderr_target() -> ProgressDrawTarget {
    if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() }
}

fn download_bar(ecosystem: Ecosystem) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, stderr_target());
    let style = ProgressStyle::with_template("{msg:10} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(ecosystem.as_str());
    bar
}

fn spinner(message: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, stderr_target());
    let style =
        ProgressStyle::with_template("{spinner} {msg} {elapsed}").unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.set_message(message.to_string());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn now() -> u64 {
    warden_core::now_epoch_seconds()
}

/// `2026-11-29 10:52:03 UTC`.
fn format_utc(secs: u64) -> String {
    let rem = secs % 86400;
    format!("{} {:02}:{:02}:{:02} UTC", warden_core::date_utc(secs), rem / 3600, rem % 3600 / 60, rem % 60)
}

/// `just now`, `5 minutes ago`, `3 days ago`.
fn ago(secs: u64) -> String {
    let (n, unit) = match secs {
        0..60 => return "just now".to_string(),
        60..3600 => (secs / 60, "minute"),
        3600..86400 => (secs / 3600, "hour"),
        _ => (secs / 86400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn bytes(n: u64) -> String {
    match n {
        0..1_000 => format!("{n} B"),
        1_000..1_000_000 => format!("{:.1} kB", n as f64 / 1e3),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(format_utc(1_709_251_199), "2024-02-29 23:59:59 UTC");
        assert_eq!(format_utc(1_798_543_923), "2026-12-29 11:32:03 UTC");
        assert_eq!(thousands(2661), "2,661");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(ago(59), "just now");
        assert_eq!(ago(61), "1 minute ago");
        assert_eq!(ago(3 * 86400), "3 days ago");
        assert_eq!(bytes(14_616_748), "14.6 MB");
    }

    #[test]
    fn ecosystems_parse_case_insensitively() {
        assert_eq!(parse_ecosystem("pypi"), Ok(Ecosystem::PyPI));
        assert_eq!(parse_ecosystem("crates.io"), Ok(Ecosystem::CratesIo));
        assert!(parse_ecosystem("Debian").is_err());
    }
}
