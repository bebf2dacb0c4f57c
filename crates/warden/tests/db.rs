//! `warden db` as a user runs it: import of the shared OSV snapshot, status, the missing-database exit code, and
//! `db update` over a real loopback HTTP server (ETag / 304, 404, a 500 and a cut-off download that must leave the
//! previous database in place) and over `file://`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

const OSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/osv");

/// Advisories per ecosystem in the shared snapshot.
const COUNTS: [(&str, u64); 8] = [
    ("PyPI", 2661),
    ("npm", 482),
    ("Maven", 26),
    ("Go", 4291),
    ("NuGet", 7),
    ("RubyGems", 1170),
    ("crates.io", 1206),
    ("Packagist", 0),
];

fn warden(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warden")).args(args).env_remove("WARDEN_DB").output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status.code(),
        text(&output.stdout),
        text(&output.stderr)
    );
    text(&output.stdout)
}

fn status_json(db: &Path) -> Value {
    let out = warden(&["db", "status", "--json", "--db", db.to_str().unwrap()]);
    serde_json::from_str(&ok(&out)).unwrap()
}

fn advisories(status: &Value, ecosystem: &str) -> u64 {
    status["meta"]["stats"]["ecosystems"][ecosystem]["advisories"].as_u64().unwrap_or(0)
}

#[test]
fn import_status_and_missing_database() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let db_arg = db.to_str().unwrap();

    // No database: exit code 4 and the commands that make one.
    let out = warden(&["db", "status", "--db", db_arg]);
    assert_eq!(out.status.code(), Some(4));
    let err = text(&out.stderr);
    assert!(err.contains("no advisory database in"), "{err}");
    assert!(err.contains(&format!("`warden db update --db {db_arg}`")), "{err}");
    assert!(err.contains(&format!("`warden db import ../shared/osv --db {db_arg}`")), "{err}");

    // The default directory: $XDG_CACHE_HOME/warden/db, and $WARDEN_DB over it.
    let xdg = tmp.path().join("cache");
    let out = Command::new(env!("CARGO_BIN_EXE_warden"))
        .args(["db", "status"])
        .env_remove("WARDEN_DB")
        .env("XDG_CACHE_HOME", &xdg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = text(&out.stderr);
    assert!(err.contains(&xdg.join("warden").join("db").display().to_string()), "{err}");
    assert!(err.contains("run `warden db update`"), "{err}");

    // Import the shared snapshot.
    let out = ok(&warden(&["db", "import", OSV, "--db", db_arg]));
    assert!(out.contains("imported 9,841 advisories (9,841 documents)"), "{out}");
    assert!(out.contains("9,841 added, 0 changed, 0 removed"), "{out}");
    assert!(out.contains("(no previous database)"), "{out}");
    let pypi = out.lines().find(|l| l.starts_with("PyPI ")).unwrap();
    assert!(pypi.contains("2,661") && pypi.contains("malformed affected entry: 1"), "{pypi}");

    let status = status_json(&db);
    for (ecosystem, n) in COUNTS {
        assert_eq!(advisories(&status, ecosystem), n, "{ecosystem}");
    }
    assert_eq!(status["meta"]["advisories"], 9841);
    assert_eq!(status["meta"]["diff"]["added"].as_array().unwrap().len(), 9841);
    assert!(status["meta"]["source"].as_str().unwrap().ends_with("shared/osv"));
    assert!(status["sizeBytes"].as_u64().unwrap() > 1_000_000);

    // The text status, found through $WARDEN_DB.
    let out =
        Command::new(env!("CARGO_BIN_EXE_warden")).args(["db", "status", "-v"]).env("WARDEN_DB", &db).output().unwrap();
    let out = ok(&out);
    assert!(out.contains("imported:   20") && out.contains("(just now)"), "{out}");
    assert!(out.contains("source:     ") && out.contains("shared/osv"), "{out}");
    assert!(out.contains("advisories: 9,841 (from 9,841 documents)"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("Go ") && l.contains("4,291")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("Packagist") && l.contains("no advisories in the data")), "{out}");
    assert!(out.contains("problems in the data: 4 in all; 1 can leave a package undecided"), "{out}");
    assert!(out.contains("[PyPI] PYSEC-2022-15"), "{out}");

    // The same data again: nothing changed.
    let out = ok(&warden(&["db", "import", OSV, "--db", db_arg]));
    assert!(out.contains("since the database imported 20") && out.contains(": 0 added, 0 changed, 0 removed"), "{out}");

    // A source that cannot be read fails and keeps the database.
    let out = warden(&["db", "import", tmp.path().join("nope").to_str().unwrap(), "--db", db_arg]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is unchanged"), "{}", text(&out.stderr));
    assert_eq!(advisories(&status_json(&db), "PyPI"), 2661);
}

/// How the test server answers one ecosystem.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fault {
    Status500,
    /// Announces the whole file, sends a few bytes, and closes the connection.
    CutOff,
    /// Announces the whole file, sends a few bytes, and then nothing for a minute (the client is killed meanwhile).
    Stall,
}

#[derive(Clone)]
struct Server {
    base: String,
    /// (path, status) of every request answered.
    log: Arc<Mutex<Vec<(String, u16)>>>,
}

impl Server {
    fn statuses(&self) -> HashMap<u16, usize> {
        let mut counts = HashMap::new();
        for (_, status) in self.log.lock().unwrap().iter() {
            *counts.entry(*status).or_default() += 1;
        }
        counts
    }

    fn clear(&self) {
        self.log.lock().unwrap().clear();
    }
}

/// A tiny HTTP/1.1 file server over `root` on 127.0.0.1: ETag from the content, `If-None-Match` → 304, 404 for
/// missing files, `faults` for chosen first path segments. A thread per connection, `Connection: close`.
fn serve(root: &Path, faults: &[(&str, Fault)]) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let server = Server { base, log: log.clone() };
    let root = root.to_path_buf();
    let faults: Vec<(String, Fault)> = faults.iter().map(|(p, f)| (p.to_string(), *f)).collect();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (root, faults, log) = (root.clone(), faults.clone(), log.clone());
            std::thread::spawn(move || {
                if let Ok((path, status, held)) = answer(stream, &root, &faults) {
                    log.lock().unwrap().push((path, status));
                    if held.is_some() {
                        std::thread::sleep(std::time::Duration::from_secs(60));
                    }
                }
            });
        }
    });
    server
}

/// Answers one request: the path, the status, and the connection when it is to be held open.
fn answer(
    mut stream: TcpStream,
    root: &Path,
    faults: &[(String, Fault)],
) -> std::io::Result<(String, u16, Option<TcpStream>)> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut if_none_match = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(value.trim().to_string());
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("").to_string();
    let fault = faults.iter().find(|(p, _)| *p == first).map(|(_, f)| *f);
    let file: PathBuf = root.join(path.trim_start_matches('/'));
    let respond = |stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]| -> std::io::Result<()> {
        write!(stream, "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n", body.len())?;
        stream.write_all(body)?;
        stream.flush()
    };
    if fault == Some(Fault::Status500) {
        respond(&mut stream, "500 Internal Server Error", "", b"boom")?;
        return Ok((path, 500, None));
    }
    let body = if path.contains("..") { None } else { std::fs::read(&file).ok() };
    let Some(body) = body else {
        respond(&mut stream, "404 Not Found", "", b"not found")?;
        return Ok((path, 404, None));
    };
    let etag = format!("\"{:x}-{}\"", fnv1a(&body), body.len());
    if if_none_match.as_deref() == Some(etag.as_str()) {
        write!(stream, "HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nConnection: close\r\n\r\n")?;
        stream.flush()?;
        return Ok((path, 304, None));
    }
    if let Some(fault @ (Fault::CutOff | Fault::Stall)) = fault {
        write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nETag: {etag}\r\nConnection: close\r\n\r\n",
            body.len()
        )?;
        stream.write_all(body.get(..100).unwrap_or(&body))?;
        stream.flush()?;
        return Ok((path, 200, (fault == Fault::Stall).then_some(stream)));
    }
    let headers =
        format!("ETag: {etag}\r\nLast-Modified: Sun, 29 Nov 2026 09:42:00 GMT\r\nContent-Type: application/zip\r\n");
    respond(&mut stream, "200 OK", &headers, &body)?;
    Ok((path, 200, None))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
fn update_over_http_is_incremental() {
    let server = serve(Path::new(OSV), &[]);
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let db_arg = db.to_str().unwrap();

    let out = ok(&warden(&["db", "update", "--db", db_arg, "--base", &server.base]));
    assert!(out.lines().any(|l| l.starts_with("PyPI ") && l.contains("downloaded 2.6 MB")), "{out}");
    assert!(out.contains("Packagist  not available at this mirror (HTTP 404 Not Found"), "{out}");
    assert!(out.contains("imported 9,841 advisories"), "{out}");
    let statuses = server.statuses();
    assert_eq!(statuses.get(&200), Some(&7), "{statuses:?}");
    assert_eq!(statuses.get(&404), Some(&1), "{statuses:?}");
    assert_eq!(server.log.lock().unwrap().len(), 8);
    let status = status_json(&db);
    for (ecosystem, n) in COUNTS {
        assert_eq!(advisories(&status, ecosystem), n, "{ecosystem}");
    }
    assert_eq!(status["updatedFrom"], server.base.as_str());
    let imported_at = status["meta"]["imported_at"].as_u64().unwrap();

    // The text status names the mirror.
    let out = ok(&warden(&["db", "status", "--db", db_arg]));
    assert!(out.contains(&format!("source:     {} (by `warden db update` at 20", server.base)), "{out}");

    // Again: every staged zip is still current (304), nothing is downloaded, nothing changed.
    server.clear();
    let out = ok(&warden(&["db", "update", "--db", db_arg, "--base", &format!("{}/", server.base)]));
    let statuses = server.statuses();
    assert_eq!(statuses.get(&304), Some(&7), "{statuses:?}");
    assert_eq!(statuses.get(&200), None, "{statuses:?}");
    assert_eq!(out.matches("not modified since the last update").count(), 7, "{out}");
    assert!(out.contains(": 0 added, 0 changed, 0 removed"), "{out}");
    let status = status_json(&db);
    assert_eq!(advisories(&status, "Go"), 4291);
    assert_eq!(status["meta"]["diff"]["previous_imported_at"].as_u64(), Some(imported_at));

    // Only some ecosystems: the others leave the staging folder and the database.
    let out = ok(&warden(&["db", "update", "--db", db_arg, "--base", &server.base, "--ecosystem", "nuget"]));
    assert!(out.contains("imported 7 advisories"), "{out}");
    assert!(out.contains("removed: "), "{out}");
    assert!(!db.join("staging").join("PyPI").exists());
    assert_eq!(advisories(&status_json(&db), "PyPI"), 0);
}

#[test]
fn failed_update_keeps_the_previous_database() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let db_arg = db.to_str().unwrap();
    let nuget = format!("{OSV}/NuGet");
    ok(&warden(&["db", "import", &nuget, "--db", db_arg]));
    let before = status_json(&db);
    assert_eq!(advisories(&before, "NuGet"), 7);

    // npm answers 500, Maven's download is cut off: the update fails and says so; the database stays.
    let server = serve(Path::new(OSV), &[("npm", Fault::Status500), ("Maven", Fault::CutOff)]);
    let args = ["db", "update", "--db", db_arg, "--base", &server.base, "--ecosystem", "npm", "--ecosystem", "Maven"];
    let out = warden(&[&args[..], &["--ecosystem", "crates.io"]].concat());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("update failed, the database in") && err.contains("is unchanged (imported 20"), "{err}");
    assert!(err.contains("npm: GET ") && err.contains("answered HTTP 500 Internal Server Error"), "{err}");
    assert!(err.contains("Maven: downloading "), "{err}");
    let after = status_json(&db);
    assert_eq!(after["meta"]["imported_at"], before["meta"]["imported_at"]);
    assert_eq!(after["meta"]["source"], before["meta"]["source"]);
    assert_eq!(advisories(&after, "NuGet"), 7);
    // No half-written download is kept; the ecosystem that succeeded stays staged for next time.
    let staging = db.join("staging");
    assert!(!staging.join("Maven").join("all.zip").exists());
    assert!(!staging.join("Maven").join("all.zip.part").exists());
    assert!(staging.join("crates.io").join("all.zip").is_file());

    // A mirror with none of the files fails too.
    let empty = tempfile::tempdir().unwrap();
    let server = serve(empty.path(), &[]);
    let out = warden(&["db", "update", "--db", db_arg, "--base", &server.base]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("none of the ecosystems is available at"), "{}", text(&out.stderr));
    assert_eq!(status_json(&db)["meta"]["imported_at"], before["meta"]["imported_at"]);

    // Not a URL.
    let out = warden(&["db", "update", "--db", db_arg, "--base", "ftp://example.com"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn update_from_a_file_mirror() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let db_arg = db.to_str().unwrap();
    let base = format!("file://{}", std::fs::canonicalize(OSV).unwrap().display());
    let args = ["db", "update", "--db", db_arg, "--base", &base, "--ecosystem", "NuGet", "--ecosystem", "Maven"];
    let out = ok(&warden(&[&args[..], &["--ecosystem", "Packagist"]].concat()));
    assert!(out.lines().any(|l| l.starts_with("NuGet ") && l.contains("downloaded 15.6 kB")), "{out}");
    assert!(out.contains("Packagist  not available at this mirror (no such file"), "{out}");
    let status = status_json(&db);
    assert_eq!(advisories(&status, "NuGet"), 7);
    assert_eq!(advisories(&status, "Maven"), 26);
    assert_eq!(status["updatedFrom"], base.as_str());

    let out = ok(&warden(&args));
    assert_eq!(out.matches("not modified since the last update").count(), 2, "{out}");
    assert!(out.contains(": 0 added, 0 changed, 0 removed"), "{out}");
}

#[test]
fn killed_update_keeps_the_previous_database() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db");
    let db_arg = db.to_str().unwrap();
    ok(&warden(&["db", "import", &format!("{OSV}/NuGet"), "--db", db_arg]));
    let before = status_json(&db);

    // Kill `db update` while the Maven download hangs half-way.
    let server = serve(Path::new(OSV), &[("Maven", Fault::Stall)]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_warden"))
        .args(["db", "update", "--db", db_arg, "--base", &server.base, "--ecosystem", "Maven"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while server.log.lock().unwrap().is_empty() {
        assert!(started.elapsed().as_secs() < 60, "the update never reached the server");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    child.kill().unwrap();
    child.wait().unwrap();

    let after = status_json(&db);
    assert_eq!(after["meta"]["imported_at"], before["meta"]["imported_at"]);
    assert_eq!(advisories(&after, "NuGet"), 7);
    assert!(!db.join("staging").join("Maven").join("all.zip").exists());

    // The next update starts over and succeeds.
    let server = serve(Path::new(OSV), &[]);
    let out = ok(&warden(&["db", "update", "--db", db_arg, "--base", &server.base, "--ecosystem", "Maven"]));
    assert!(out.contains("imported 26 advisories"), "{out}");
    assert!(!db.join("staging").join("Maven").join("all.zip.part").exists());
}
