#!/bin/sh
# Configures (once) and builds ./build-asan: the whole project with AddressSanitizer and
# UndefinedBehaviorSanitizer (meson's b_sanitize; b_lundef=false because the sanitizer
# runtime resolves symbols at load time). Used by test.sh; run the suite there with the
# environment test.sh sets (tests/fuzz/README.md).
set -eu
cd "$(dirname "$0")/.."
if [ ! -f build-asan/build.ninja ]; then
  meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C build-asan
