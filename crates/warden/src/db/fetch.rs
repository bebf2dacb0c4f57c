//! Fetching `<base>/<Ecosystem>/all.zip` from an OSV mirror (`https://`, `http://` or `file://`) into a staging
//! folder, incrementally.
//!
//! Beside each staged `all.zip` a small text file, `all.zip.validators`, keeps the URL it came from and the ETag and
//! Last-Modified the server sent. The next fetch from the same URL sends them back (`If-None-Match`,
//! `If-Modified-Since`); a `304 Not Modified` keeps the staged copy. A download is written to `all.zip.part`,
//! checked to be a readable zip and only then renamed over `all.zip`, so a staged copy is always a whole one.
//! For a `file://` mirror the file's size and modification time stand in for an ETag.

use anyhow::{Context, bail};
use indicatif::ProgressBar;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};
use warden_core::Ecosystem;

/// The largest `all.zip` accepted (the largest real one, PyPI's, is well under this).
const MAX_DOWNLOAD_BYTES: u64 = 4 << 30;
const ZIP: &str = "all.zip";
const PART: &str = "all.zip.part";
const VALIDATORS: &str = "all.zip.validators";

/// Where advisories are fetched from.
#[derive(Debug)]
pub enum Mirror {
    Http { base: String, agent: ureq::Agent },
    File { base: String, root: PathBuf },
}

/// What one fetch did.
#[derive(Debug)]
pub enum Fetched {
    /// A new copy was staged.
    Downloaded { bytes: u64 },
    /// The mirror's copy is the one already staged.
    NotModified,
    /// The mirror has no such file (HTTP 404 or 410, or no file at a `file://` mirror).
    NotAvailable { reason: String },
}

impl Mirror {
    pub fn new(base: &str) -> anyhow::Result<Mirror> {
        let base = base.trim_end_matches('/').to_string();
        if let Some(path) = base.strip_prefix("file://") {
            if path.is_empty() {
                bail!("--base {base}: a file:// URL needs a path (file:///srv/osv)");
            }
            return Ok(Mirror::File { root: PathBuf::from(path), base });
        }
        let lower = base.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            bail!("--base {base}: expected an https://, http:// or file:// URL of an OSV mirror");
        }
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(30)))
            .timeout_recv_response(Some(Duration::from_secs(120)))
            // A budget for the whole body, so that a stalled mirror cannot hang an update forever.
            .timeout_recv_body(Some(Duration::from_secs(30 * 60)))
            .user_agent(format!("warden/{}", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Ok(Mirror::Http { base, agent })
    }

    pub fn url(&self, ecosystem: Ecosystem) -> String {
        let base = match self {
            Mirror::Http { base, .. } | Mirror::File { base, .. } => base,
        };
        format!("{base}/{}/{ZIP}", ecosystem.as_str())
    }

    /// Brings `<staging>/all.zip` up to date with the mirror's copy for `ecosystem`.
    pub fn fetch(&self, ecosystem: Ecosystem, staging: &Path, bar: &ProgressBar) -> anyhow::Result<Fetched> {
        std::fs::create_dir_all(staging).with_context(|| format!("creating {}", staging.display()))?;
        let url = self.url(ecosystem);
        let staged = staging.join(ZIP).is_file();
        let previous = Validators::read(staging).filter(|v| staged && v.url == url);
        match self {
            Mirror::Http { agent, .. } => fetch_http(agent, &url, staging, previous.as_ref(), bar),
            Mirror::File { root, .. } => {
                let src = root.join(ecosystem.as_str()).join(ZIP);
                fetch_file(&src, &url, staging, previous.as_ref(), bar)
            }
        }
    }
}

fn fetch_http(
    agent: &ureq::Agent,
    url: &str,
    staging: &Path,
    previous: Option<&Validators>,
    bar: &ProgressBar,
) -> anyhow::Result<Fetched> {
    let mut request = agent.get(url);
    if let Some(v) = previous {
        if let Some(etag) = &v.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(last_modified) = &v.last_modified {
            request = request.header("If-Modified-Since", last_modified);
        }
    }
    let mut response = request.call().with_context(|| format!("GET {url}"))?;
    let status = response.status();
    match status.as_u16() {
        304 if previous.is_some() => return Ok(Fetched::NotModified),
        304 => bail!("GET {url}: the server answered 304 Not Modified to a request that was not conditional"),
        404 | 410 => return Ok(Fetched::NotAvailable { reason: format!("HTTP {status}") }),
        200 => {}
        _ => bail!("GET {url}: the server answered HTTP {status}"),
    }
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let validators = Validators { url: url.to_string(), etag: header("etag"), last_modified: header("last-modified") };
    let length = response.body().content_length();
    if let Some(length) = length {
        bar.set_length(length);
    }
    let reader = response.body_mut().as_reader();
    let bytes = stage(reader, staging, &validators, bar).with_context(|| format!("downloading {url}"))?;
    if let Some(length) = length
        && bytes != length
    {
        bail!("downloading {url}: {bytes} bytes received of the {length} announced");
    }
    Ok(Fetched::Downloaded { bytes })
}

fn fetch_file(
    src: &Path,
    url: &str,
    staging: &Path,
    previous: Option<&Validators>,
    bar: &ProgressBar,
) -> anyhow::Result<Fetched> {
    let meta = match std::fs::metadata(src) {
        Ok(meta) if meta.is_file() => meta,
        Ok(_) => return Ok(Fetched::NotAvailable { reason: "not a file".to_string() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Fetched::NotAvailable { reason: "no such file".to_string() });
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", src.display())),
    };
    let mtime = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).unwrap_or_default();
    let etag = format!("\"{}-{}.{:09}\"", meta.len(), mtime.as_secs(), mtime.subsec_nanos());
    if previous.is_some_and(|v| v.etag.as_deref() == Some(&etag)) {
        return Ok(Fetched::NotModified);
    }
    bar.set_length(meta.len());
    let file = File::open(src).with_context(|| format!("reading {}", src.display()))?;
    let validators = Validators { url: url.to_string(), etag: Some(etag), last_modified: None };
    let bytes = stage(file, staging, &validators, bar).with_context(|| format!("copying {}", src.display()))?;
    Ok(Fetched::Downloaded { bytes })
}

/// Writes `reader` to `all.zip.part`, checks it is a zip, and puts it in place of `all.zip` with its validators.
fn stage(mut reader: impl Read, staging: &Path, validators: &Validators, bar: &ProgressBar) -> anyhow::Result<u64> {
    let part = staging.join(PART);
    let result = (|| -> anyhow::Result<u64> {
        let mut out = BufWriter::new(File::create(&part).with_context(|| format!("creating {}", part.display()))?);
        let mut buf = vec![0u8; 64 << 10];
        let mut total: u64 = 0;
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > MAX_DOWNLOAD_BYTES {
                bail!("larger than {MAX_DOWNLOAD_BYTES} bytes: refused");
            }
            out.write_all(buf.get(..n).unwrap_or_default())?;
            bar.inc(n as u64);
        }
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        zip::ZipArchive::new(File::open(&part)?).context("not a readable zip")?;
        Ok(total)
    })();
    let total = match result {
        Ok(total) => total,
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
    };
    // Validators go last: a crash in between leaves a new zip with no (or the old) validators, which only costs a
    // download next time.
    let _ = std::fs::remove_file(staging.join(VALIDATORS));
    std::fs::rename(&part, staging.join(ZIP)).with_context(|| format!("renaming {}", part.display()))?;
    validators.write(staging)?;
    Ok(total)
}

/// What the mirror said about the staged copy.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Validators {
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
}

impl Validators {
    fn read(staging: &Path) -> Option<Validators> {
        let text = std::fs::read_to_string(staging.join(VALIDATORS)).ok()?;
        let mut v = Validators { url: String::new(), etag: None, last_modified: None };
        for line in text.lines() {
            let (key, value) = line.split_once(' ')?;
            match key {
                "url" => v.url = value.to_string(),
                "etag" => v.etag = Some(value.to_string()),
                "last-modified" => v.last_modified = Some(value.to_string()),
                _ => {}
            }
        }
        (!v.url.is_empty()).then_some(v)
    }

    fn write(&self, staging: &Path) -> anyhow::Result<()> {
        // Header values cannot hold line breaks; drop anything that could break the format anyway.
        let clean = |s: &str| s.replace(['\r', '\n'], "");
        let mut text = format!("url {}\n", clean(&self.url));
        if let Some(etag) = &self.etag {
            text.push_str(&format!("etag {}\n", clean(etag)));
        }
        if let Some(last_modified) = &self.last_modified {
            text.push_str(&format!("last-modified {}\n", clean(last_modified)));
        }
        let path = staging.join(VALIDATORS);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validators_round_trip() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let v = Validators {
            url: "http://127.0.0.1:1/PyPI/all.zip".into(),
            etag: Some("\"abc\"".into()),
            last_modified: Some("Sun, 29 Nov 2026 10:00:00 GMT".into()),
        };
        v.write(dir.path())?;
        assert_eq!(Validators::read(dir.path()), Some(v));
        Ok(())
    }

    #[test]
    fn bases_are_checked() {
        assert!(Mirror::new("ftp://x").is_err());
        assert!(Mirror::new("file://").is_err());
        assert!(matches!(Mirror::new("file:///srv/osv/"), Ok(Mirror::File { .. })));
        let Ok(m) = Mirror::new("http://127.0.0.1:8080/") else { return };
        assert_eq!(m.url(Ecosystem::CratesIo), "http://127.0.0.1:8080/crates.io/all.zip");
    }
}
