#!/bin/sh
# Runs one GUI test program on a private X server (Xvfb, 1280x800 like a mairie kiosk) and a
# private D-Bus session (the accessibility bus starts on it), with the software renderer so
# screenshots are the same on every machine. Usage: run-gui-test.sh PROGRAM [ARGS...]
# GTK_A11Y may be set by the caller ("atspi" for the AT-SPI tests); widget tests use "test".
set -eu
export GSK_RENDERER=cairo
export GDK_BACKEND=x11
export GSETTINGS_BACKEND=memory
export GTK_A11Y="${GTK_A11Y:-test}"
if [ "$GTK_A11Y" != "atspi" ]; then
  export NO_AT_BRIDGE=1
fi
# Missing tools must fail the test, not skip it (deps.sh installs them).
for tool in xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Bail out! $tool is missing: run scripts/deps.sh"; exit 1; }
done
# Only the test program's own output may reach stdout (TAP): the accessibility registry that
# dbus-run-session starts prints "SpiRegistry daemon is running" there, so everything but
# the test goes to stderr. The test writes to the original stdout through fd 3.
# A display number of our own: with "xvfb-run -a", two GUI tests started at the same moment
# both take the first free number and one of them finds no display. The process id keeps
# concurrent tests apart; a leftover lock moves us on.
display=$(( 200 + $$ % 20000 ))
while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do
  display=$(( display + 1 ))
done
exec 3>&1
exec xvfb-run -n "$display" -s "-screen 0 1280x800x24" \
  dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' sh "$@" >&2
