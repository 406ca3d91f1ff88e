#!/bin/sh
# Command 2 of the README: install the dependencies, build, and run every test.
# Three runs: the suite (gcc), the suite again under ASan+UBSan (build-asan), and every fuzz
# target for a bounded time (build-fuzz, clang). Ends with one line "N passed, N failed"
# counted from the TAP results of all three; exits non-zero when a test failed or when no
# test ran.
set -eu
cd "$(dirname "$0")/.."
# The print and kiosk tests start a private CUPS server (its cups-pdf backend runs only as
# root) and a test account for cage: say so at once rather than fail them at the end.
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/test.sh must run as root (sudo ./scripts/test.sh): the print and kiosk tests" >&2
  echo "start a private CUPS server and create a test account." >&2
  exit 1
fi
# Results of an earlier run must not be counted again if a build fails this time.
rm -f build/meson-logs/testlog.json build-asan/meson-logs/testlog.json
./scripts/deps.sh
./scripts/build.sh
set +e
meson test -C build --print-errorlogs --num-processes 2
meson_status=$?

# The whole suite again, built with AddressSanitizer + UndefinedBehaviorSanitizer, leak
# checking on (system-library suppressions, each with its reason, in tests/lsan.supp;
# GDK_DEBUG=gl-disable keeps mesa out of the GUI tests, see there).
./scripts/build-asan.sh \
  && GDK_DEBUG=gl-disable \
     ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
     UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp" \
     meson test -C build-asan --print-errorlogs --num-processes 2
asan_status=$?

# Every libFuzzer target for a bounded time, from its seed corpus (tests/fuzz/README.md);
# each target is one TAP case. LP_FUZZ_SECONDS changes the time per target.
rm -f build-fuzz/fuzz-results.tap
tests/fuzz/run-all.sh "${LP_FUZZ_SECONDS:-30}" "$(pwd)/build-fuzz" build-fuzz/fuzz-results.tap
fuzz_status=$?
set -e
python3 scripts/test-summary.py build/meson-logs/testlog.json \
  build-asan/meson-logs/testlog.json build-fuzz/fuzz-results.tap
summary_status=$?
if [ "$meson_status" -ne 0 ] || [ "$asan_status" -ne 0 ] || [ "$fuzz_status" -ne 0 ] \
   || [ "$summary_status" -ne 0 ]; then
  exit 1
fi
