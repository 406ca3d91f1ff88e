#!/bin/sh
# The accessibility test of the wizard (issue 3): fill-wizard.py drives the real program through
# AT-SPI on a private X server and D-Bus session with the accessibility bus (run-gui-test.sh,
# GTK_A11Y=atspi). Usage: tests/a11y/fill-wizard.sh [PATH/TO/lettre-plainte]
# (default: $LP_TEST_PROGRAM, which meson sets). TAP on stdout.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
program=${1:-${LP_TEST_PROGRAM:-}}
[ -n "$program" ] || { echo "Bail out! usage: $0 PATH/TO/lettre-plainte"; exit 1; }
# Debian's python3 (not a pyenv or venv one: pyatspi is a Debian package, tech-notes.md §3.6).
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null \
  || { echo "Bail out! /usr/bin/python3 cannot import pyatspi: run scripts/deps.sh"; exit 1; }
# libatspi itself warns (a GTK 4 application has no AT-SPI cache object): G_DEBUG's
# fatal-warnings is for the program under test, which fill-wizard.py gives it back.
LP_PROGRAM_G_DEBUG=${G_DEBUG:-}
unset G_DEBUG
GTK_A11Y=atspi
export GTK_A11Y LP_PROGRAM_G_DEBUG
# The AT-SPI registry, started by the session bus, prints a line on the session's stdout: the
# TAP goes to a file (LP_TAP_FILE), printed when the session ends; all else goes to stderr.
LP_TAP_FILE=$(mktemp "${TMPDIR:-/tmp}/lp-a11y-tap.XXXXXX")
export LP_TAP_FILE
trap 'rm -f "$LP_TAP_FILE"' EXIT
# dash runs no EXIT trap when a signal kills it (meson's timeout): exit instead.
trap 'exit 143' INT TERM
status=0
"$here/../run-gui-test.sh" /usr/bin/python3 "$here/fill-wizard.py" "$program" 1>&2 || status=$?
cat "$LP_TAP_FILE"
if [ "$status" -ne 0 ] && ! grep -q '^not ok\|^Bail out!' "$LP_TAP_FILE"; then
  echo "Bail out! the test ended with status $status before it could say why (see stderr)"
fi
exit "$status"
