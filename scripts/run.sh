#!/bin/sh
# Command 1 of the README: install the dependencies, build, and start the program.
# Arguments are passed to the program (e.g. --check FILE.json).
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
./scripts/build.sh
exec ./build/ui/lettre-plainte "$@"
