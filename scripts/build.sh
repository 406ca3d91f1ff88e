#!/bin/sh
# Configures (once) and builds into ./build. Used by run.sh and test.sh.
set -eu
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  meson setup build
fi
ninja -C build
