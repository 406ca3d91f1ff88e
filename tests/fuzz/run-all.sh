#!/bin/sh
# Runs every libFuzzer target for TIME seconds each and prints TAP, one case per target:
# "ok" when the target ran its time without a crash, a leak, a timeout or running out of
# memory.
#
#   tests/fuzz/run-all.sh TIME [BUILD_DIR] [TAP_FILE]
#
# BUILD_DIR (default build-fuzz) is configured with clang, -Dfuzzing=true and ASan+UBSan
# when it does not exist yet, and built. Each target starts from its seed corpus
# (tests/fuzz/corpus/<target>) and its regression inputs, copied to a temporary directory so
# that what the fuzzer adds never lands in the repository. A crashing input is kept in
# BUILD_DIR/fuzz-findings/<target>/: reproduce it with
#   BUILD_DIR/tests/fuzz/<target> FILE
# and, once fixed, move it to tests/fuzz/regressions/<target>/ (see README.md).
# With TAP_FILE the TAP is also written there (scripts/test-summary.py counts it).
set -eu

time_per_target=${1:?usage: run-all.sh TIME [BUILD_DIR] [TAP_FILE]}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-$src/build-fuzz}
tap_file=${3:-}
targets="fuzz-complaint fuzz-campaign fuzz-nir fuzz-template fuzz-image fuzz-letter fuzz-site-config"

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dwerror=false >"${TMPDIR:-/tmp}/lp-fuzz-setup.log" 2>&1 \
    || { cat "${TMPDIR:-/tmp}/lp-fuzz-setup.log" >&2; exit 1; }
  rm -f "${TMPDIR:-/tmp}/lp-fuzz-setup.log"
fi
# Only the fuzzers: the unit tests are built and run by the normal and sanitizer runs.
# ninja writes compiler errors to stdout: kept in the build directory, shown on failure.
(cd "$build" && ninja $(for t in $targets; do printf 'tests/fuzz/%s ' "$t"; done)) \
  >"$build/fuzz-build.log" 2>&1 || { tail -n 40 "$build/fuzz-build.log" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/lp-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:${LSAN_OPTIONS:-}"
export G_DEBUG=gc-friendly LC_ALL=C.UTF-8

out() {
  printf '%s\n' "$1"
  if [ -n "$tap_file" ]; then printf '%s\n' "$1" >>"$tap_file"; fi
}

if [ -n "$tap_file" ]; then : >"$tap_file"; fi
n=0
failed=0
out "1..$(echo $targets | wc -w)"
for target in $targets; do
  n=$((n + 1))
  corpus="$work/$target"
  findings="$build/fuzz-findings/$target"
  mkdir -p "$corpus" "$findings"
  cp "$src/tests/fuzz/corpus/$target/"* "$corpus/"
  if [ -d "$src/tests/fuzz/regressions/$target" ]; then
    cp "$src/tests/fuzz/regressions/$target/"* "$corpus/" 2>/dev/null || true
  fi
  log="$work/$target.log"
  # -timeout: one input taking more than 10 s is a finding; -rss_limit_mb: so is 2 GB.
  if "$build/tests/fuzz/$target" -max_total_time="$time_per_target" -timeout=10 \
       -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" \
       "$corpus" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(sed -n 's/^#[0-9]*[[:space:]]*DONE[[:space:]]*cov: \([0-9]*\).*/\1/p' "$log")
    out "ok $n - $target: ${runs:-?} runs in ${time_per_target} s, coverage ${cov:-?} edges"
  else
    failed=$((failed + 1))
    out "not ok $n - $target: finding kept in $findings"
    sed -n '/^==[0-9]*==ERROR\|^SUMMARY\|^artifact_prefix\|runtime error/p' "$log" | head -20 \
      | sed 's/^/# /'
    tail -n 60 "$log" >&2
  fi
done
[ "$failed" -eq 0 ]
