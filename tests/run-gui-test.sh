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
for tool in Xvfb xauth mcookie dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Bail out! $tool is missing: run scripts/deps.sh"; exit 1; }
done

# The X server chooses its own display number and writes it to a pipe once it accepts
# connections (-displayfd). Earlier this script gave xvfb-run a number of its own: two tests
# starting at once could still race for one, and xvfb-run's wait for the server's "ready"
# signal sometimes returned early, so that a test (1 run in 4 of the suite) began with
# "cannot open display". Xvfb's own messages are kept, and shown when the test fails.
state=$(mktemp -d "${TMPDIR:-/tmp}/lp-gui-test.XXXXXX")
mkfifo "$state/displayfd"
# A cookie, as xvfb-run gives: only this account (which alone can read $state) connects to
# the display a test types its invented names and NIRs on. The server reads every cookie of
# its -auth file whatever the display number; the clients want the number, added below.
cookie=$(mcookie)
: >"$state/Xauthority"
xauth -q -f "$state/Xauthority" add :0 . "$cookie"
Xvfb -displayfd 4 -auth "$state/Xauthority" -screen 0 1280x800x24 -nolisten tcp -noreset \
  4>"$state/displayfd" >"$state/xvfb.log" 2>&1 &
xvfb=$!
stop_xvfb() {
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  rm -rf "$state"
}
trap stop_xvfb EXIT
# The read ends when Xvfb writes its number, or when it exits (the pipe's writer closes).
display=$(timeout 30 head -n 1 "$state/displayfd" || true)
if [ -z "$display" ]; then
  echo "Bail out! Xvfb did not start"
  sed 's/^/# Xvfb: /' "$state/xvfb.log"
  exit 1
fi
xauth -q -f "$state/Xauthority" add ":$display" . "$cookie"
export DISPLAY=":$display" XAUTHORITY="$state/Xauthority"

# Only the test program's own output may reach stdout (TAP): the accessibility registry that
# dbus-run-session starts prints "SpiRegistry daemon is running" there, so everything but
# the test goes to stderr. The test writes to the original stdout through fd 3.
# In the background, so that a TERM or INT (meson's timeout, Ctrl+C) reaches the test at
# once and the test's own exit status is the script's.
exec 3>&1
dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' sh "$@" >&2 &
test_pid=$!
trap 'kill -TERM "$test_pid" 2>/dev/null' TERM
trap 'kill -INT "$test_pid" 2>/dev/null' INT
status=0
wait "$test_pid" || status=$?
# A signal interrupts the first wait; the second gives the test's status once it has gone.
if kill -0 "$test_pid" 2>/dev/null; then
  status=0
  wait "$test_pid" || status=$?
fi
if [ "$status" -ne 0 ] && [ -s "$state/xvfb.log" ]; then
  sed 's/^/Xvfb: /' "$state/xvfb.log" >&2
fi
exit "$status"
