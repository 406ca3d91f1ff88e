#!/bin/sh
# Command 2 of the README: install the dependencies, build, and run every test.
# Ends with one line "N passed, N failed" counted from the tests' TAP results; exits non-zero
# when a test failed or when no test ran.
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
./scripts/build.sh
set +e
meson test -C build --print-errorlogs --num-processes 2
meson_status=$?
set -e
python3 scripts/test-summary.py build/meson-logs/testlog.json
summary_status=$?
if [ "$meson_status" -ne 0 ] || [ "$summary_status" -ne 0 ]; then
  exit 1
fi
