#!/usr/bin/env python3
"""Code scanning side by side: Warden, Bandit and Semgrep on the same trees, in one run.

Usage: scripts/compare_sast.py WARDEN_BINARY TREES_DIR
  TREES_DIR holds unpacked sources (e.g. the sdists of requests, flask, django, boto3 and the npm tarballs of
  express, lodash, axios); every subdirectory is one tree. The labelled fixtures of crates/warden-sast are scored
  too (a `ruleid:` marker is a flaw on the next line, anything else flagged is a false alarm), by line.
Needs `bandit` and `semgrep` on PATH (pip install bandit semgrep) and, for JavaScript, njsscan's Semgrep rules
(pip install njsscan: its `rules/semantic_grep` directory, found via NJSSCAN_RULES or the installed package).
Semgrep runs with bench/semgrep/python.yml (our own rules: it cannot reach its registry here).
Prints a Markdown table for docs/benchmarks.md.
"""
import json, os, re, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "crates/warden-sast/tests/fixtures"
SEMGREP_PY = ROOT / "bench/semgrep/python.yml"


def njsscan_rules():
    if os.environ.get("NJSSCAN_RULES"):
        return os.environ["NJSSCAN_RULES"]
    try:
        import njsscan  # noqa
        return str(Path(njsscan.__file__).parent / "rules/semantic_grep")
    except ImportError:
        for p in Path("/").glob("work/peers/*/lib/python3*/site-packages/njsscan/rules/semantic_grep"):
            return str(p)
    return None


def count_lines(tree, exts):
    n = 0
    for p in Path(tree).rglob("*"):
        if p.suffix in exts and p.is_file() and "node_modules" not in p.parts:
            try:
                n += sum(1 for _ in open(p, errors="ignore"))
            except OSError:
                pass
    return n


def timed(cmd, cwd=None):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    return time.perf_counter() - start, out


def warden(binary, tree):
    secs, out = timed([binary, "scan", str(tree), "--scanners", "code", "--include-third-party", "--format", "json"])
    data = json.loads(out.stdout or "{}")
    hits = set()
    for f in data.get("findings", []):
        d = f["codeVulnerabilityDetails"]
        path = d["filePath"]["filePath"].removeprefix("/var/task/")
        hits.add((path, d["filePath"]["startLine"]))
    return secs, hits


def bandit(tree):
    secs, out = timed(["bandit", "-r", str(tree), "-f", "json", "-q"])
    data = json.loads(out.stdout or "{}")
    hits = {(str(Path(r["filename"]).relative_to(tree)), r["line_number"]) for r in data.get("results", [])}
    return secs, hits


def semgrep(tree, config, lang_exts):
    cmd = ["semgrep", "--config", str(config), "--json", "--metrics=off", "--disable-version-check", "--quiet", str(tree)]
    secs, out = timed(cmd)
    try:
        data = json.loads(out.stdout or "{}")
    except json.JSONDecodeError:
        return secs, set()
    hits = {(str(Path(r["path"]).relative_to(tree)), r["start"]["line"]) for r in data.get("results", [])
            if Path(r["path"]).suffix in lang_exts}
    return secs, hits


def markers(tree, exts):
    expected, ok = set(), set()
    for p in Path(tree).rglob("*"):
        if p.suffix not in exts:
            continue
        lines = p.read_text(errors="ignore").splitlines()
        for i, line in enumerate(lines):
            m = re.search(r"(ruleid|ok):\s*\S+", line)
            if not m or not line.strip().startswith(("#", "//")):
                continue
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or re.search(r"(ruleid|ok):", lines[j])):
                j += 1
            (expected if m.group(1) == "ruleid" else ok).add((str(p.relative_to(tree)), j + 1))
    return expected, ok


def main():
    binary, trees_dir = sys.argv[1], Path(sys.argv[2])
    njs = njsscan_rules()
    py, js = {".py"}, {".js", ".mjs", ".cjs", ".ts"}
    rows = []
    # Labelled fixtures, by line.
    scratch = Path(tempfile.mkdtemp())
    for lang, exts in [("python", py), ("javascript", js)]:
        # A copy outside `tests/`: Semgrep skips test directories by default.
        tree = scratch / lang
        shutil.copytree(FIXTURES / lang, tree)
        expected, _ = markers(tree, exts)
        tools = [("warden", warden(binary, tree))]
        if lang == "python":
            tools += [("bandit", bandit(tree)), ("semgrep (own rules)", semgrep(tree, SEMGREP_PY, py))]
        elif njs:
            tools += [("semgrep (njsscan rules)", semgrep(tree, njs, js))]
        for name, (secs, hits) in tools:
            hits = {h for h in hits if Path(h[0]).suffix in exts}
            tp = len(expected & hits)
            fp = len(hits - expected)
            print(f"| fixtures/{lang} | {name} | {len(expected)} flaws | found {tp} ({100 * tp / max(1, len(expected)):.0f}%) | false alarms {fp} | {secs:.2f} s |")
    print()
    print("| tree | lines | tool | findings | seconds | lines/s |")
    print("|---|---|---|---|---|---|")
    for tree in sorted(p for p in trees_dir.iterdir() if p.is_dir()):
        pylines, jslines = count_lines(tree, py), count_lines(tree, js)
        lines = pylines + jslines
        runs = [("warden", warden(binary, tree))]
        if pylines > jslines:
            runs += [("bandit", bandit(tree)), ("semgrep (own rules)", semgrep(tree, SEMGREP_PY, py))]
        elif njs:
            runs += [("semgrep (njsscan rules)", semgrep(tree, njs, js))]
        for name, (secs, hits) in runs:
            print(f"| {tree.name} | {lines} | {name} | {len(hits)} | {secs:.2f} | {lines / max(secs, 1e-9):,.0f} |")


if __name__ == "__main__":
    main()
