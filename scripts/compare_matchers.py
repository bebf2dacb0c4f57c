#!/usr/bin/env python3
"""Side by side, in one run: Warden's vulnerability matching and its peers' on the same inputs and the same data.

Usage: scripts/compare_matchers.py [--runs N] [--no-build] [--skip-cargo-audit] [--skip-big]
       (WARDEN_BIN=path/to/warden to use a given binary; default: `cargo build --release -p warden`, then
       target/release/warden)

* pip-audit (latest, from PyPI) with `--osv-url` pointed at a loopback OSV-API server (this script, stdlib
  http.server in a thread) that serves `../shared/osv/*/all.zip`: `POST /v1/query`, `POST /v1/querybatch`,
  `GET /v1/vulns/{id}`.
* safety 2.3.5 with `safety-db` (its bundled `insecure_full.json`, 2021-07-17): a different, older data source.
* cargo-audit (`--db DIR --no-fetch`) over a RustSec advisory-db directory converted from
  `../shared/osv/crates.io/all.zip` (a git repository, as cargo-audit expects), installed once with
  `cargo install cargo-audit --locked --root target/peers-cargo`.
* End to end: `warden scan target/bench/lambda-big.zip --db DIR` (scripts/bench-corpus.sh builds it) against
  `--scanners inventory` on the same zip, when that zip exists.
* Warden: `warden db import ../shared/osv --db DIR`, then `warden scan ZIP --format json --db DIR` on a Lambda zip of
  the same pins (`pip install --target`, no deps, wheels only; a minimal `.dist-info` where no wheel exists), and
  on a zip holding the same `Cargo.lock` cargo-audit reads.

Peers are installed into venvs under `target/peers-venv/` (pip-audit and safety 2.3.5 need incompatible
`packaging` versions, so one venv each). Findings are compared as sets of (package, version, key), where key is the
vulnerability's CVE when any id in its alias group is a CVE, else its GHSA, else its id; alias groups are the
union of `id` + `aliases` over the whole OSV snapshot (plus the tool's own alias list). Each tool is timed N times
(median wall-clock). Prints Markdown (for docs/benchmarks.md) and writes raw outputs to
target/peers-work/.
"""
import datetime, glob, http.server, io, json, os, re, shutil, statistics, subprocess, sys, threading, time, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OSV = os.path.normpath(os.path.join(ROOT, "..", "shared", "osv"))
WORK = os.path.join(ROOT, "target", "peers-work")
VENVS = os.path.join(ROOT, "target", "peers-venv")
CARGO_ROOT = os.path.join(ROOT, "target", "peers-cargo")
WARDEN = os.environ.get("WARDEN_BIN") or os.path.join(ROOT, "target", "release", "warden")

# ~45 pins a real Lambda might carry: old vulnerable ones and current clean ones.
PY_PINS = """
Django==3.2.0
Flask==0.12
PyYAML==5.3
Jinja2==2.10
urllib3==1.24.1
requests==2.19.0
cryptography==3.2
Pillow==8.0.0
numpy==1.19.0
lxml==4.6.0
paramiko==2.4.0
Werkzeug==0.15.0
MarkupSafe==1.1.1
certifi==2019.11.28
idna==2.8
sqlparse==0.4.1
aiohttp==3.7.3
bleach==3.1.0
PyJWT==1.7.1
rsa==4.0
httplib2==0.18.0
mistune==0.8.4
Flask-Cors==3.0.8
gunicorn==19.9.0
waitress==1.4.0
pyOpenSSL==19.0.0
Babel==2.8.0
Pygments==2.5.2
protobuf==3.15.0
tqdm==4.64.0
zipp==3.15.0
pydantic==1.10.2
six==1.16.0
python-dateutil==2.8.2
boto3==1.34.0
botocore==1.34.0
s3transfer==0.9.0
jmespath==1.0.1
attrs==23.2.0
packaging==24.1
charset-normalizer==3.3.2
click==8.1.7
itsdangerous==2.2.0
""".split()

CARGO_TOML = """[package]
name = "peer-bench"
version = "0.1.0"
edition = "2021"

[workspace]

[dependencies]
time = "=0.1.43"
smallvec = "=1.6.0"
hyper = { version = "=0.14.9", features = ["full"] }
tokio = { version = "=1.8.0", features = ["full"] }
chrono = "=0.4.19"
regex = "=1.5.4"
openssl = "=0.10.38"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
rand = "0.8"
"""


def pep503(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pep440_key(v):
    """Enough of PEP 440 equality for pins: case, a leading `v`, trailing zero release segments (3.2 == 3.2.0)."""
    v = v.strip().lower()
    v = v[1:] if v.startswith("v") else v
    m = re.match(r"^(\d+(?:\.\d+)*)(.*)$", v)
    if not m:
        return v
    parts = m.group(1).split(".")
    while len(parts) > 1 and int(parts[-1]) == 0:
        parts.pop()
    return ".".join(str(int(x)) for x in parts) + m.group(2)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# The OSV data, its alias groups, and a loopback OSV-API server over it.

def load_osv():
    docs = {}
    for path in sorted(glob.glob(os.path.join(OSV, "*", "all.zip"))):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".json"):
                    doc = json.loads(z.read(name))
                    docs[doc["id"]] = doc
    return docs


class Aliases:
    """Union-find over ids: an advisory and its aliases are one vulnerability."""

    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, ids):
        ids = [i for i in ids if i]
        for other in ids[1:]:
            a, b = self.find(ids[0]), self.find(other)
            if a != b:
                self.parent[b] = a

    def key(self, ids):
        """The common key of a vulnerability named by any of `ids`: CVE, else GHSA, else the smallest id."""
        ids = [i for i in ids if i]
        group = set(ids)
        for i in ids:
            group.update(self.members.get(self.find(i), []))
        for prefix in ("CVE-", "GHSA-"):
            found = sorted(i for i in group if i.startswith(prefix))
            if found:
                return found[0]
        return sorted(group)[0]

    def freeze(self):
        self.members = {}
        for i in list(self.parent):
            self.members.setdefault(self.find(i), []).append(i)


class OsvIndex:
    def __init__(self, docs):
        self.docs = docs
        self.by_pkg = {}
        self.pypi_entries = self.pypi_without_versions = 0
        for doc in docs.values():
            for aff in doc.get("affected") or []:
                pkg = aff.get("package") or {}
                eco, name = pkg.get("ecosystem"), pkg.get("name")
                if not eco or not name:
                    continue
                key = (eco, pep503(name) if eco == "PyPI" else name)
                listed = {pep440_key(v) if eco == "PyPI" else v for v in aff.get("versions") or []}
                self.by_pkg.setdefault(key, []).append((doc["id"], listed))
                if eco == "PyPI":
                    self.pypi_entries += 1
                    if not aff.get("versions"):
                        self.pypi_without_versions += 1

    def query(self, eco, name, version):
        """OSV `affected` semantics via the explicit `versions` lists (every PyPI entry in the snapshot has one)."""
        key = (eco, pep503(name) if eco == "PyPI" else name)
        hits = []
        version = pep440_key(version) if eco == "PyPI" else version
        for vid, listed in self.by_pkg.get(key, []):
            if self.docs[vid].get("withdrawn"):
                continue
            if version in listed and vid not in hits:
                hits.append(vid)
        return hits


def api_form(doc):
    """As api.osv.dev serves a record: timestamps in UTC with a `Z` (the PyPI snapshot writes `+00:00`, which
    pip-audit's parser rejects)."""
    doc = dict(doc)
    for field in ("modified", "published", "withdrawn"):
        if isinstance(doc.get(field), str):
            try:
                t = datetime.datetime.fromisoformat(doc[field].replace("Z", "+00:00"))
                doc[field] = t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            except ValueError:
                pass
    return doc


def serve_osv(index):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def reply(self, code, body):
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def one(self, q):
            pkg = q.get("package") or {}
            version = q.get("version")
            if not version or not pkg.get("name"):
                return None
            return index.query(pkg.get("ecosystem", "PyPI"), pkg["name"], version)

        def do_POST(self):
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            except ValueError:
                return self.reply(400, {"code": 3, "message": "invalid JSON"})
            if self.path == "/v1/query":
                ids = self.one(body)
                if ids is None:
                    return self.reply(400, {"code": 3, "message": "package name and version required"})
                return self.reply(200, {"vulns": [api_form(index.docs[i]) for i in ids]} if ids else {})
            if self.path == "/v1/querybatch":
                results = []
                for q in body.get("queries") or []:
                    ids = self.one(q) or []
                    results.append({"vulns": [{"id": i, "modified": index.docs[i].get("modified")} for i in ids]}
                                   if ids else {})
                return self.reply(200, {"results": results})
            self.reply(404, {"code": 5, "message": "not found"})

        def do_GET(self):
            m = re.fullmatch(r"/v1/vulns/([^/]+)", self.path)
            if m and m.group(1) in index.docs:
                return self.reply(200, api_form(index.docs[m.group(1)]))
            self.reply(404, {"code": 5, "message": "Bug not found."})

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------------------------------------------------------
# Tools and inputs.

def run(cmd, ok=(0,), **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode not in ok:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}\n{proc.stdout[-2000:]}")
    return proc


def timed(cmd, runs, ok=(0,), **kw):
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        proc = run(cmd, ok=ok, **kw)
        times.append(time.perf_counter() - t)
        out = proc.stdout
    return statistics.median(times), out


def venv(name, packages):
    path = os.path.join(VENVS, name)
    if not os.path.exists(os.path.join(path, "bin", "python")):
        run([sys.executable, "-m", "venv", path])
    run([os.path.join(path, "bin", "pip"), "install", "--quiet", "--disable-pip-version-check", *packages])
    return os.path.join(path, "bin")


def tool_version(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else "?"


def build_python_zip(pip):
    """pip install --target of the pins (wheels only, no deps); a minimal .dist-info where no wheel exists."""
    target = os.path.join(WORK, "py-target")
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    synthesized = []
    wheels = os.path.join(WORK, "py-wheels")
    os.makedirs(wheels, exist_ok=True)
    common = ["--no-deps", "--only-binary=:all:", "--python-version", "3.8", "--implementation", "cp",
              "--abi", "cp38", "--platform", "manylinux2014_x86_64", "--platform", "manylinux2010_x86_64",
              "--platform", "manylinux1_x86_64", "--platform", "any", "--quiet", "--disable-pip-version-check"]
    done_file = os.path.join(wheels, "downloaded.json")
    done = json.load(open(done_file)) if os.path.exists(done_file) else {}
    for pin in PY_PINS:
        if pin in done:
            if not done[pin]:
                synthesized.append(pin)
            continue
        proc = subprocess.run([pip, "download", pin, "-d", wheels, *common], capture_output=True, text=True)
        if proc.returncode != 0:
            synthesized.append(pin)
        done[pin] = proc.returncode == 0
    with open(done_file, "w") as f:
        json.dump(done, f)
    installable = [p for p in PY_PINS if p not in synthesized]
    run([pip, "install", "--target", target, *installable, "--find-links", wheels, "--no-index", *common])
    for pin in synthesized:
        name, version = pin.split("==")
        info = os.path.join(target, f"{name.replace('-', '_')}-{version}.dist-info")
        os.makedirs(info, exist_ok=True)
        with open(os.path.join(info, "METADATA"), "w") as f:
            f.write(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        open(os.path.join(info, "RECORD"), "w").close()
    zip_path = os.path.join(WORK, "lambda-py.zip")
    zip_dir(target, zip_path)
    return zip_path, synthesized


def zip_dir(src, zip_path):
    if os.path.exists(zip_path):
        os.remove(zip_path)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        for dirpath, _, files in os.walk(src):
            for f in sorted(files):
                full = os.path.join(dirpath, f)
                z.write(full, os.path.relpath(full, src))


def build_cargo_project():
    proj = os.path.join(WORK, "rust-project")
    os.makedirs(os.path.join(proj, "src"), exist_ok=True)
    with open(os.path.join(proj, "Cargo.toml"), "w") as f:
        f.write(CARGO_TOML)
    with open(os.path.join(proj, "src", "main.rs"), "w") as f:
        f.write("fn main() {}\n")
    if not os.path.exists(os.path.join(proj, "Cargo.lock")):
        run(["cargo", "generate-lockfile", "--manifest-path", os.path.join(proj, "Cargo.toml")])
    zip_path = os.path.join(WORK, "lambda-rust.zip")
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(proj, "Cargo.lock"), "Cargo.lock")
        z.write(os.path.join(proj, "Cargo.toml"), "Cargo.toml")
    return proj, zip_path


def toml_str(s):
    return json.dumps(s)  # a JSON string is a valid TOML basic string


def strip_pre0(v):
    # kept as written: `0.10.0-0` is semver's lowest pre-release, and rustsec rejects the overlaps that stripping
    # it would create (`< 0.10.0` next to `>= 0.10.0-alpha.2`)
    return v


def osv_to_rustsec(docs, out):
    """The crates.io OSV records back into the advisory-db layout (`crates/<name>/<id>.md`, TOML front matter)."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    written, skipped = 0, []
    for doc in docs.values():
        affs = [a for a in doc.get("affected") or [] if (a.get("package") or {}).get("ecosystem") == "crates.io"]
        if not affs:
            continue
        if len(affs) != 1:
            skipped.append((doc["id"], "several crates.io packages"))
            continue
        aff = affs[0]
        ranges = [r for r in aff.get("ranges") or [] if r.get("type") == "SEMVER"]
        patched, unaffected = [], []
        ok = True
        for r in ranges:
            events = r.get("events") or []
            intervals, cur = [], None
            for ev in events:
                if "introduced" in ev:
                    cur = strip_pre0(ev["introduced"])
                elif "fixed" in ev:
                    intervals.append((cur, strip_pre0(ev["fixed"])))
                    cur = None
                elif "last_affected" in ev:
                    ok = False
            if cur is not None:
                intervals.append((cur, None))
            # affected = union of [introduced, fixed); express the complement as unaffected/patched requirements
            for i, (lo, hi) in enumerate(intervals):
                if i == 0 and lo not in (None, "0.0.0", "0"):
                    unaffected.append(f"< {lo}")
                if hi is not None:
                    nxt = intervals[i + 1][0] if i + 1 < len(intervals) else None
                    patched.append(f">= {hi}, < {nxt}" if nxt else f">= {hi}")
        if len(ranges) > 1 or not ok:
            skipped.append((doc["id"], "several ranges or last_affected"))
            continue
        if not ranges:
            skipped.append((doc["id"], "no SEMVER range"))
            continue
        name = aff["package"]["name"]
        db_spec = aff.get("database_specific") or {}
        lines = ["```toml", "[advisory]", f"id = {toml_str(doc['id'])}", f"package = {toml_str(name)}",
                 f"date = {toml_str((doc.get('published') or '1970-01-01')[:10])}"]
        aliases = [a for a in doc.get("aliases") or [] if re.match(r"^(CVE|GHSA)-", a)]
        if aliases:
            lines.append(f"aliases = [{', '.join(toml_str(a) for a in aliases)}]")
        if db_spec.get("informational"):
            lines.append(f"informational = {toml_str(db_spec['informational'])}")
        if doc.get("withdrawn"):
            lines.append(f"withdrawn = {toml_str(doc['withdrawn'][:10])}")
        lines += ["", "[versions]", f"patched = [{', '.join(toml_str(p) for p in patched)}]"]
        if unaffected:
            lines.append(f"unaffected = [{', '.join(toml_str(u) for u in unaffected)}]")
        title = (doc.get("summary") or doc["id"]).replace("\n", " ")
        lines += ["```", "", f"# {title}", "", doc.get("details") or title, ""]
        d = os.path.join(out, "crates", name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{doc['id']}.md"), "w") as f:
            f.write("\n".join(lines))
        written += 1
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@localhost",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@localhost"}
    run(["git", "init", "-q", "-b", "main", out], env=env)
    run(["git", "-C", out, "add", "-A"], env=env)
    run(["git", "-C", out, "commit", "-q", "-m", "converted from ../shared/osv/crates.io"], env=env)
    return written, skipped


def cargo_audit_bin():
    path = os.path.join(CARGO_ROOT, "bin", "cargo-audit")
    if os.path.exists(path):
        return path
    log("installing cargo-audit into target/peers-cargo (minutes) ...")
    subprocess.run(["cargo", "install", "cargo-audit", "--locked", "--root", CARGO_ROOT], check=True)
    return path


# ---------------------------------------------------------------------------------------------------------------
# Findings as sets of (package, version, key).

def warden_findings(out, aliases):
    data = json.loads(out)
    found = {}
    for f in data.get("findings", []):
        d = f.get("packageVulnerabilityDetails") or {}
        ids = [d.get("vulnerabilityId")] + list(d.get("relatedVulnerabilities") or [])
        key = aliases.key(ids)
        for p in d.get("vulnerablePackages") or []:
            py = p.get("packageManager") in ("PIP", "PYTHONPKG")
            found[(pep503(p["name"]) if py else p["name"], pep440_key(p["version"]) if py else p["version"], key)] = ids
    return found, data


def pip_audit_findings(out, aliases):
    found = {}
    for dep in json.loads(out).get("dependencies", []):
        for v in dep.get("vulns") or []:
            ids = [v["id"], *v.get("aliases", [])]
            found[(pep503(dep["name"]), pep440_key(dep["version"]), aliases.key(ids))] = ids
    return found


def safety_findings(out, aliases):
    """safety 2.3.5's text report (its JSON formatter crashes on safety-db's records, which lack `more_info_url`):
    blocks of `-> Vulnerability found in NAME version V`, `Vulnerability ID: N`, ..., a line of CVE ids."""
    found, block = {}, None

    def close():
        if block and block.get("id"):
            ids = block["cves"] + [f"pyup.io-{block['id']}"]
            found[(pep503(block["name"]), pep440_key(block["version"]), aliases.key(ids))] = ids

    for line in out.splitlines():
        m = re.match(r"^-> Vulnerability found in (\S+) version (\S+)", line)
        if m:
            close()
            block = {"name": m.group(1), "version": m.group(2), "id": None, "cves": []}
        elif block is not None:
            m = re.match(r"^\s+Vulnerability ID: (\S+)", line)
            if m:
                block["id"] = m.group(1)
            elif re.fullmatch(r"\s*(CVE-\d{4}-\d+[\s,]*)+", line):
                block["cves"] += re.findall(r"CVE-\d{4}-\d+", line)
    close()
    return found


def cargo_audit_findings(out, aliases):
    data = json.loads(out)
    found, informational = {}, {}
    for v in (data.get("vulnerabilities") or {}).get("list", []):
        adv = v["advisory"]
        ids = [adv["id"], *(adv.get("aliases") or [])]
        found[(v["package"]["name"], v["package"]["version"], aliases.key(ids))] = ids
    for kind, items in (data.get("warnings") or {}).items():
        for w in items:
            adv = w.get("advisory")
            if adv:
                ids = [adv["id"], *(adv.get("aliases") or [])]
                informational[(w["package"]["name"], w["package"]["version"], aliases.key(ids))] = kind
    return found, informational


def compare_table(rows):
    print("| tool | version | median time (s) | findings (package, version, vulnerability) | both | only Warden | only peer |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")


def diff_lines(label, keys, ids_of, osv_docs):
    for k in sorted(keys):
        ids = ids_of.get(k) or []
        print(f"- {label}: `{k[0]} {k[1]}` {k[2]} (ids: {', '.join(sorted(set(i for i in ids if i)))})")


def main():
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    os.makedirs(WORK, exist_ok=True)
    t0 = time.perf_counter()
    docs = load_osv()
    aliases = Aliases()
    for doc in docs.values():
        aliases.union([doc["id"], *(doc.get("aliases") or [])])
    aliases.freeze()
    index = OsvIndex(docs)
    server = serve_osv(index)
    port = server.server_address[1]
    log(f"OSV server on 127.0.0.1:{port}: {len(docs)} advisories in {time.perf_counter() - t0:.1f} s; PyPI affected "
        f"entries {index.pypi_entries}, without a versions list {index.pypi_without_versions}")

    if "--no-build" not in sys.argv:
        run(["cargo", "build", "--release", "-q", "-p", "warden"], cwd=ROOT)
    db = os.path.join(WORK, "warden-db")
    import_time, _ = timed([WARDEN, "db", "import", OSV, "--db", db], 1)

    pa_bin = venv("pip-audit", ["pip-audit"])
    sf_bin = venv("safety", ["safety==2.3.5", "safety-db"])
    safety_db = run([os.path.join(sf_bin, "python"), "-c",
                     "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    safety_db = os.path.join(safety_db, "safety_db")  # importing it fails (it opens data/insecure.json relative)

    # ---- Python ----
    req = os.path.join(WORK, "requirements.txt")
    with open(req, "w") as f:
        f.write("\n".join(PY_PINS) + "\n")
    py_zip, synthesized = build_python_zip(os.path.join(pa_bin, "pip"))
    w_cmd = [WARDEN, "scan", py_zip, "--format", "json", "--db", db]
    w_time, w_out = timed(w_cmd, runs, ok=(0, 1))
    warden_py, w_data = warden_findings(w_out, aliases)
    w_pkgs = {(pep503(p["name"]), p["version"]) for p in w_data.get("packages", []) if p.get("ecosystem") == "PyPI"}
    osv_url = f"http://127.0.0.1:{port}/v1/query"
    pa_cmd = [os.path.join(pa_bin, "pip-audit"), "-r", req, "--no-deps", "--disable-pip", "-s", "osv",
              "--osv-url", osv_url, "-f", "json", "--progress-spinner", "off",
              "--cache-dir", os.path.join(WORK, "pip-audit-cache")]
    pa_time, pa_out = timed(pa_cmd, runs, ok=(0, 1))
    pip_audit = pip_audit_findings(pa_out, aliases)
    sf_cmd = [os.path.join(sf_bin, "safety"), "check", "-r", req, "--db", safety_db, "--output", "text"]
    sf_time, sf_out = timed(sf_cmd, runs, ok=(0, 64, 255))
    safety = safety_findings(sf_out, aliases)
    for name, out in (("warden-py.json", w_out), ("pip-audit.json", pa_out), ("safety.json", sf_out)):
        with open(os.path.join(WORK, name), "w") as f:
            f.write(out)

    # ---- Rust ----
    rust = None
    if "--skip-cargo-audit" not in sys.argv:
        advisory_db = os.path.join(WORK, "advisory-db")
        written, skipped = osv_to_rustsec(docs, advisory_db)
        proj, rust_zip = build_cargo_project()
        ca = cargo_audit_bin()
        ca_cmd = [ca, "audit", "--db", advisory_db, "--no-fetch", "--no-yanked", "--json", "--file", os.path.join(proj, "Cargo.lock")]
        ca_time, ca_out = timed(ca_cmd, runs, ok=(0, 1))
        wr_time, wr_out = timed([WARDEN, "scan", rust_zip, "--format", "json", "--db", db], runs, ok=(0, 1))
        warden_rs, _ = warden_findings(wr_out, aliases)
        cargo_audit, informational = cargo_audit_findings(ca_out, aliases)
        for name, out in (("warden-rust.json", wr_out), ("cargo-audit.json", ca_out)):
            with open(os.path.join(WORK, name), "w") as f:
                f.write(out)
        rust = (written, skipped, ca, ca_time, cargo_audit, informational, wr_time, warden_rs, ca_cmd)

    # ---- Report ----
    w_version = tool_version([WARDEN, "--version"])
    print(f"OSV snapshot `../shared/osv`: {len(docs)} advisories. Warden database import: {import_time:.2f} s "
          f"(one run). Median of {runs} runs per tool, wall-clock, one run of this script on one machine.\n")
    print(f"### Python: {len(PY_PINS)} pinned packages\n")
    print(f"Warden scans `lambda-py.zip` ({os.path.getsize(py_zip) / 1e6:.1f} MB, `pip install --target` of the "
          f"pins, wheels for CPython 3.8 manylinux; {len(synthesized)} without a wheel got a minimal `.dist-info`: "
          f"{', '.join(synthesized) or 'none'}); Warden's inventory found {len(w_pkgs)} PyPI packages. pip-audit and "
          f"safety read the same pins from `requirements.txt`.\n")
    w_keys, pa_keys, sf_keys = set(warden_py), set(pip_audit), set(safety)
    compare_table([
        ("warden", w_version, f"{w_time:.2f}", len(w_keys), "", "", ""),
        ("pip-audit (OSV API on loopback, same snapshot)", tool_version([os.path.join(pa_bin, "pip-audit"), "--version"]),
         f"{pa_time:.2f}", len(pa_keys), len(w_keys & pa_keys), len(w_keys - pa_keys), len(pa_keys - w_keys)),
        ("safety 2.3.5 (safety-db 2021.7.17: different data)", tool_version([os.path.join(sf_bin, "safety"), "--version"]),
         f"{sf_time:.2f}", len(sf_keys), len(w_keys & sf_keys), len(w_keys - sf_keys), len(sf_keys - w_keys)),
    ])
    print("\nDifferences, Warden vs pip-audit:\n")
    diff_lines("only Warden", w_keys - pa_keys, warden_py, docs)
    diff_lines("only pip-audit", pa_keys - w_keys, pip_audit, docs)
    if not (w_keys ^ pa_keys):
        print("- none")
    print("\nDifferences, Warden vs safety (keys without a CVE stay `pyup.io-N`: safety-db ids have no OSV alias):\n")
    diff_lines("only safety", sf_keys - w_keys, safety, docs)
    print(f"- only Warden: {len(w_keys - sf_keys)} (advisories published after 2021-07 or absent from safety-db)")
    per_pkg = {}
    for k in w_keys - sf_keys:
        per_pkg[k[0]] = per_pkg.get(k[0], 0) + 1
    print("  by package: " + ", ".join(f"{n} {c}" for n, c in sorted(per_pkg.items())))
    if rust:
        written, skipped, ca, ca_time, cargo_audit, informational, wr_time, warden_rs, ca_cmd = rust
        print(f"\n### Rust: one `Cargo.lock`\n")
        print(f"advisory-db converted from `crates.io/all.zip`: {written} advisories written, {len(skipped)} skipped "
              f"({', '.join(f'{i}: {r}' for i, r in skipped[:10]) or 'none'}).\n")
        r_keys, ca_keys = set(warden_rs), set(cargo_audit)
        inf_keys = set(informational)
        compare_table([
            ("warden", w_version, f"{wr_time:.2f}", len(r_keys), "", "", ""),
            ("cargo-audit (vulnerabilities)", tool_version([ca, "--version"]), f"{ca_time:.2f}",
             len(ca_keys), len(r_keys & ca_keys), len(r_keys - ca_keys), len(ca_keys - r_keys)),
            ("cargo-audit (vulnerabilities + informational warnings)", "", "", len(ca_keys | inf_keys),
             len(r_keys & (ca_keys | inf_keys)), len(r_keys - ca_keys - inf_keys), len((ca_keys | inf_keys) - r_keys)),
        ])
        print("\nDifferences, Warden vs cargo-audit:\n")
        diff_lines("only Warden", r_keys - ca_keys - inf_keys, warden_rs, docs)
        diff_lines("only Warden, informational in cargo-audit", (r_keys - ca_keys) & inf_keys, warden_rs, docs)
        diff_lines("only cargo-audit", (ca_keys | inf_keys) - r_keys, {**cargo_audit, **{k: [k[2]] for k in inf_keys}}, docs)
        print(f"\nCommand: `{' '.join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in ca_cmd)}`")
    big = os.path.join(ROOT, "target", "bench", "lambda-big.zip")
    if os.path.exists(big) and "--skip-big" not in sys.argv:
        b_cmd = [WARDEN, "scan", big, "--format", "json", "--db", db]
        i_cmd = [WARDEN, "scan", big, "--format", "json", "--scanners", "inventory"]
        b_time, b_out = timed(b_cmd, runs, ok=(0, 1))
        i_time, _ = timed(i_cmd, runs, ok=(0, 1))
        b = json.loads(b_out)
        size = os.path.getsize(big) / 1e6
        print(f"\n### End to end: `warden scan` of a {size:.1f} MB zip with the database\n")
        print("| command | median (s) | MB/s | packages | findings |")
        print("|---|---:|---:|---:|---:|")
        print(f"| `warden scan lambda-big.zip --format json --db DB` | {b_time:.2f} | {size / b_time:.0f} | "
              f"{len(b.get('packages', []))} | {len(b.get('findings', []))} |")
        print(f"| `warden scan lambda-big.zip --format json --scanners inventory` | {i_time:.2f} | {size / i_time:.0f} | "
              f"{len(b.get('packages', []))} | – |")
        print(f"\nMatching and the database open add {b_time - i_time:+.2f} s to the inventory.")
    print("\nCommands (paths relative to the repository):\n")
    for cmd in (w_cmd, pa_cmd, sf_cmd):
        print(f"- `{' '.join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd)}`")
    server.shutdown()


if __name__ == "__main__":
    main()
