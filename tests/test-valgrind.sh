#!/bin/sh
# valgrind memcheck over the command-line paths (issue 7): `lettre-plainte --render` of three
# fixtures and `--check` of a broken file. Each run is one TAP case: ok when valgrind saw
# no memory error and nothing definitely lost (--error-exitcode=99 turns either into exit
# status 99), and the program itself gave the exit code architecture.md §6 expects.
#
#   test-valgrind.sh PROGRAM SOURCE_ROOT
#
# A missing valgrind is a failure, never a skip: scripts/deps.sh installs it.
set -u

program=${1:?usage: test-valgrind.sh PROGRAM SOURCE_ROOT}
src=${2:?usage: test-valgrind.sh PROGRAM SOURCE_ROOT}
data="$src/tests/data"

echo "1..5"
if ! command -v valgrind >/dev/null 2>&1; then
  for i in 1 2 3 4 5; do echo "not ok $i - valgrind is not installed (run scripts/deps.sh)"; done
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lp-valgrind-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# GLib: plain malloc for every allocation and pointers cleared on free, so that what
# valgrind reports is ours. No sanitizer here: this test runs the gcc build.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
unset LD_PRELOAD

n=0
failed=0

# run NAME EXPECTED_STATUS ARGS...
run() {
  name=$1
  expected=$2
  shift 2
  n=$((n + 1))
  log="$work/valgrind-$n.log"
  valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
    --suppressions="$src/tests/valgrind.supp" -v \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --num-callers=30 --log-file="$log" \
    "$program" "$@" >"$work/stdout-$n" 2>"$work/stderr-$n"
  status=$?
  if [ "$status" -eq "$expected" ]; then
    echo "ok $n - $name"
    # A suppression that was needed is said, never hidden (tests/valgrind.supp says why).
    grep -h 'used_suppression' "$log" | sed 's/^[-=]*[0-9]*[-=]* */# valgrind: /'
  else
    failed=$((failed + 1))
    if [ "$status" -eq 99 ]; then
      echo "not ok $n - $name: valgrind found memory errors or definite leaks"
    else
      echo "not ok $n - $name: exit status $status, expected $expected"
    fi
    sed 's/^/# /' "$work/stderr-$n" | head -20
    # -v's own lines (--PID--) left out: the errors and leaks are the ==PID== ones.
    grep -v -e '^==[0-9]*== *$' -e '^--[0-9]*--' "$log" | sed 's/^/# /' | head -150
  fi
}

for fixture in complaint-typical complaint-attachments complaint-names; do
  mkdir -p "$work/out-$fixture"
  run "--render $fixture.json" 0 --render --output-dir "$work/out-$fixture" "$data/$fixture.json"
done

# Broken files: an impossible date (the complaint is invalid: exit 1) and a wrong type (the
# file cannot be read: exit 2). --check must say so, cleanly.
sed -e 's/"birth_date": "1984-12-14"/"birth_date": "1984-02-30"/' \
  "$data/complaint-typical.json" >"$work/invalid.json"
run "--check of an invalid complaint" 1 --check "$work/invalid.json"
sed -e 's/"notified": true/"notified": "oui"/' "$data/complaint-typical.json" >"$work/wrong-type.json"
run "--check of a file with a wrong type" 2 --check "$work/wrong-type.json"

[ "$failed" -eq 0 ]
