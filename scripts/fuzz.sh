#!/usr/bin/env bash
# Runs cargo-fuzz targets one after another, each for SECONDS (default 600), and appends a line per run to
# docs/fuzzing.md. Needs cargo-fuzz (`cargo install cargo-fuzz`); the stable toolchain is used with
# RUSTC_BOOTSTRAP=1 for the sanitizer flags. Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}; shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz list)
fi
log=${FUZZ_LOG:-docs/fuzzing.md}
mkdir -p "$(dirname "$log")"
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  mkdir -p fuzz/logs
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" -- -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1) > "fuzz/logs/$t.log" 2>&1 && rc=0 || rc=$?
  runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "fuzz/logs/$t.log" | tail -1 | grep -oE '[0-9]+$')
  cov=$(grep -oE 'cov: [0-9]+' "fuzz/logs/$t.log" | tail -1 | cut -d' ' -f2)
  verdict=$([ $rc -eq 0 ] && echo "no crash" || echo "FAILED (exit $rc)")
  echo "| $t | $seconds s | ${runs:-?} | ${cov:-?} | $verdict | $(date -u +%Y-%m-%d) |" | tee -a "$log"
done
