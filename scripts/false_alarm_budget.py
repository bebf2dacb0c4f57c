"""Per-tree false-alarm budget: scans each tree with --include-third-party, splits findings and lines into library
code and tests/examples/docs by path, prints a markdown row per tree plus per-detector library counts.
Usage: scripts/false_alarm_budget.py WARDEN EXTS TREE... (numbers in docs/benchmarks.md) (EXTS like .py or .java or .js,.ts)"""
import json, os, re, subprocess, sys, collections
TEST = re.compile(r'(/|\.)(tests?|testing|testdata|test-data|samples?|examples?|demos?|mocks?|fixtures?|testutils?|spec|specs|__tests__|docs?|docs_src|dummyserver|benchmarks?)(/|\.|$)|/src/it/|tests?\.cs$|/[^/]*Tests?/|/[^/]*\.Tests?[./]|/test_[^/]*\.py$|\.test\.[jt]sx?$|\.spec\.[jt]sx?$|_spec\.rb$|_test\.rb$', re.I)
warden, exts = sys.argv[1], tuple(sys.argv[2].split(','))
LANG = {'.py': 'python', '.java': 'java', '.cs': 'csharp', '.rb': 'ruby', '.js': 'javascript', '.ts': 'javascript'}[exts[0]]
tot_lib_lines = tot_lib = 0
for tree in sys.argv[3:]:
    out = '/tmp/budget-run.json'
    subprocess.run([warden, 'scan', tree, '--scanners', 'code', '--include-third-party', '--format', 'json', '-o', out],
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    d = json.load(open(out))
    lib_lines = test_lines = 0
    for root, _, files in os.walk(tree):
        for f in files:
            if f.endswith(exts) and not f.endswith('.d.ts') and not f.endswith('.min.js'):
                p = os.path.join(root, f)
                try:
                    n = sum(1 for _ in open(p, 'rb'))
                except OSError:
                    continue
                if TEST.search('/' + os.path.relpath(p, tree)):
                    test_lines += n
                else:
                    lib_lines += n
    lib = collections.Counter(); tests = 0
    for f in d.get('findings', []):
        det = f['codeVulnerabilityDetails']['detectorId']
        p = f['codeVulnerabilityDetails']['filePath']['filePath'].replace('/var/task', '')
        if det.split('/')[0] != LANG:
            continue
        if TEST.search(p):
            tests += 1
        else:
            lib[det.split('/')[1].split('@')[0]] += 1
    n = sum(lib.values())
    tot_lib += n; tot_lib_lines += lib_lines
    print(f"| {os.path.basename(tree.rstrip('/'))} | {lib_lines:,} | {test_lines:,} | {n} | {tests} | {n*10000/max(lib_lines,1):.2f} | "
          + ', '.join(f'{k} {v}' for k, v in lib.most_common()) + ' |', flush=True)
print(f"| **total** | {tot_lib_lines:,} | | {tot_lib} | | {tot_lib*10000/max(tot_lib_lines,1):.2f} | |")
