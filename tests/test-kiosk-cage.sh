#!/bin/sh
# TAP: the kiosk as a mairie runs it. The installed deployment's session script
# (assets/kiosk/lettre-plainte-kiosk-session) starts the program in kiosk mode inside cage,
# on cage's headless output (no screen needed), as an unprivileged account, with a site
# configuration; grim (a second Wayland client, wlroots screencopy) captures the output.
#
#  - cage refuses to run as root (tech-notes.md §3.4): as root, the test creates the account
#    lp-kiosk-test if needed and runs everything as that account (runuser); otherwise it runs
#    as the current account, which is unprivileged already.
#  - XDG_RUNTIME_DIR is a fresh 0700 directory on tmpfs (/dev/shm) owned by that account: the
#    session script refuses anything else, as it would on a kiosk.
#  - The dconf lock of the GTK inspector's keybinding is compiled from assets/kiosk/dconf and
#    checked (false, and not writable) through the same profile the session uses.
#  - The capture must be the whole output (1280x720, wlroots' headless default), not blank
#    (pixel standard deviation), with the program's own background in every corner (no
#    compositor background around a window), and the window must show no window controls
#    (AT-SPI: no showing "Close"/"Minimize"/"Maximize" button): fullscreen, as issue 5 asks.
#
# The capture is kept as kiosk-cage-welcome.png in the build's tests directory: look at it.
#
# Usage: test-kiosk-cage.sh PROGRAM SESSION_SCRIPT SOURCE_ROOT
set -u
program=${1:?program}
session_script=${2:?session script}
srcdir=${3:?source root}
out_dir=${G_TEST_BUILDDIR:-$(pwd)}
capture="$out_dir/kiosk-cage-welcome.png"
test_user=lp-kiosk-test
expected_size=1280x720

n=0
fail=0
result() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
bail() {
  echo "Bail out! $1"
  exit 1
}

# Missing tools fail the test (scripts/deps.sh installs them), they never skip it.
for tool in cage grim Xwayland dbus-run-session dconf gsettings identify /usr/bin/python3; do
  command -v "$tool" >/dev/null 2>&1 || bail "$tool is missing: run scripts/deps.sh"
done
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || bail "pyatspi is missing: run scripts/deps.sh"

tmp=$(mktemp -d /dev/shm/lp-kiosk-cage.XXXXXX) || bail "cannot create a directory in /dev/shm"
chmod 755 "$tmp"
runtime="$tmp/runtime"
mkdir -m 700 "$runtime"
cage_pid=""
stage=""
cleanup() {
  if [ -n "$cage_pid" ]; then
    kill "$cage_pid" 2>/dev/null
    wait "$cage_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
  [ -z "$stage" ] || rm -rf "$stage"
}
trap cleanup EXIT
# dash runs no EXIT trap when a signal kills it (meson's timeout): exit instead.
trap 'exit 143' INT TERM

# as_user CMD...: runs CMD as the unprivileged account.
if [ "$(id -u)" -eq 0 ]; then
  if ! id "$test_user" >/dev/null 2>&1; then
    useradd --create-home --shell /usr/sbin/nologin "$test_user" \
      || bail "cannot create the account $test_user"
  fi
  chown "$test_user:" "$runtime"
  as_user() { runuser -u "$test_user" -- "$@"; }
else
  as_user() { "$@"; }
fi

# The unprivileged account runs copies: the build and source trees may sit where it cannot
# go (a checkout in root's 0700 home, as on a fresh Debian 12 set up as root). The copies
# get the campaigns and the translations they would have found in the trees (LP_DATA_DIR,
# LP_LOCALEDIR); everything else is compiled into the program.
# Not under /dev/shm: it may be mounted noexec.
stage=$(mktemp -d /var/tmp/lp-kiosk-cage-stage.XXXXXX) || bail "cannot create a directory in /var/tmp"
chmod 755 "$stage"
mkdir -p "$stage/data" "$stage/locale"
cp "$program" "$stage/lettre-plainte" || bail "cannot copy $program"
cp "$session_script" "$stage/lettre-plainte-kiosk-session" || bail "cannot copy $session_script"
cp -r "$srcdir/assets/campaigns" "$stage/data/" || bail "cannot copy the campaigns"
if [ -n "${LP_LOCALEDIR:-}" ] && [ -d "$LP_LOCALEDIR" ]; then
  cp -r "$LP_LOCALEDIR/." "$stage/locale/" || bail "cannot copy the translations"
fi
chmod -R a+rX "$stage"
program="$stage/lettre-plainte"
session_script="$stage/lettre-plainte-kiosk-session"
as_user test -x "$program" || bail "$program cannot be run by the unprivileged account"
as_user test -r "$session_script" || bail "$session_script cannot be read by the unprivileged account"

# The site configuration: a kiosk in French, nothing to send through.
cat >"$tmp/site.conf" <<'EOF'
[site]
name=Mairie de Test — espace France Services
mode=kiosk
language=fr

[kiosk]
inactivity-warning=600
inactivity-grace=60
EOF
chmod 644 "$tmp/site.conf"

# The dconf lock, compiled as `dconf update` would, read through a profile file.
mkdir -p "$tmp/dconf/db.d/locks"
cp "$srcdir/assets/kiosk/dconf/00-lettre-plainte-kiosk" "$tmp/dconf/db.d/"
cp "$srcdir/assets/kiosk/dconf/locks" "$tmp/dconf/db.d/locks/lettre-plainte-kiosk"
dconf compile "$tmp/dconf/db" "$tmp/dconf/db.d" || bail "dconf compile failed on assets/kiosk/dconf"
printf 'user-db:user\nfile-db:%s\n' "$tmp/dconf/db" >"$tmp/dconf/profile"
chmod -R a+rX "$tmp/dconf"
schema=org.gtk.gtk4.Settings.Debug
key=enable-inspector-keybinding
settings=$(as_user env HOME="$runtime" XDG_RUNTIME_DIR="$runtime" \
  DCONF_PROFILE="$tmp/dconf/profile" GSETTINGS_BACKEND=dconf \
  dbus-run-session -- sh -c "gsettings get $schema $key; gsettings writable $schema $key" 2>/dev/null \
  | tr '\n' ' ')
[ "$settings" = "false false " ]
result $? "the kiosk's dconf profile locks $key off (got: $settings)"

# Looks for the window controls through AT-SPI, as a screen reader would see them.
cat >"$tmp/controls.py" <<'EOF'
import sys, time
import pyatspi

CONTROLS = {"Close", "Minimize", "Maximize", "Fermer", "Réduire", "Maximiser"}

def find_app(name, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == name:
                return app
        time.sleep(0.5)
    return None

def showing_controls(acc, found):
    for child in acc:
        if child is None:
            continue
        state = child.getState()
        if not state.contains(pyatspi.STATE_SHOWING):
            continue
        if child.getRoleName() == "push button" and child.name in CONTROLS:
            found.append(child.name)
        showing_controls(child, found)
    return found

app = find_app("lettre-plainte", 30)
if app is None:
    print("no application lettre-plainte on the accessibility bus")
    sys.exit(2)
frames = [c for c in app if c is not None and c.getRoleName() == "frame"]
if not frames:
    print("the application has no window")
    sys.exit(2)
found = showing_controls(frames[0], [])
print("window controls showing: " + (", ".join(found) if found else "none"))

# The site's language=fr, from the first screen on: the stepper says "Étape 1 sur 8".
def names(acc, out, depth=0):
    for child in acc:
        if child is None or depth > 40:
            continue
        if child.name:
            out.append(child.name)
        names(child, out, depth + 1)
    return out
stepper = [n for n in names(frames[0], []) if n.startswith("Étape ") or n.startswith("Step ")]
with open(sys.argv[1], "w") as f:
    f.write((stepper[0] if stepper else "no stepper") + "\n")
sys.exit(1 if found else 0)
EOF

# Inside the D-Bus session: cage with the session script, then grim until the welcome screen
# is drawn and stable, then the AT-SPI probe. Writes its results into $tmp/inside.*.
cat >"$tmp/inside.sh" <<'EOF'
#!/bin/sh
set -u
tmp=$1
export XDG_RUNTIME_DIR="$tmp/runtime"
export WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman
export GTK_A11Y=atspi
# -r -r (the output turned 180 degrees; grim turns the capture back): Debian 12's cage 0.1.4
# (wlroots 0.15) shows a view that covers the whole output, as a fullscreen kiosk does, by
# handing the client's buffer straight to the output (direct scan-out). On the headless
# output, a capture then makes cage draw the frame itself, with damage tracking that never
# saw the client's frames: grim gets a completely black picture of a window that is there.
# A turned output cannot take the client's buffer as it is, so cage draws every frame and
# the capture shows what the program drew. A real output (DRM) is not concerned: nothing
# captures it.
cage -d -r -r -- "$LP_SESSION_SCRIPT" >"$tmp/cage.log" 2>&1 &
cage=$!
display=""
for _ in $(seq 1 100); do
  if [ -S "$XDG_RUNTIME_DIR/wayland-0" ]; then display=wayland-0; break; fi
  kill -0 "$cage" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$display" ]; then
  echo "cage did not create its Wayland socket" >"$tmp/inside.error"
  kill "$cage" 2>/dev/null
  exit 1
fi
# The first frames may be the compositor's background, then the window being laid out: wait
# for two identical captures in a row that are not uniform.
previous=""
for i in $(seq 1 60); do
  sleep 1
  kill -0 "$cage" 2>/dev/null || { echo "cage exited" >"$tmp/inside.error"; exit 1; }
  WAYLAND_DISPLAY=$display grim "$tmp/shot-$i.png" 2>>"$tmp/grim.log" || continue
  sum=$(md5sum <"$tmp/shot-$i.png")
  deviation=$(identify -format '%[fx:standard_deviation]' "$tmp/shot-$i.png" 2>/dev/null || echo 0)
  if [ "$sum" = "$previous" ] && [ "$deviation" != 0 ]; then
    cp "$tmp/shot-$i.png" "$tmp/capture.png"
    break
  fi
  previous=$sum
done
[ -f "$tmp/capture.png" ] || cp "$tmp/shot-$i.png" "$tmp/capture.png" 2>/dev/null
/usr/bin/python3 "$tmp/controls.py" "$tmp/stepper.out" >"$tmp/controls.out" 2>"$tmp/controls.err"
echo $? >"$tmp/controls.status"
# The process tree: the program must run as this account, with the session's environment.
pid=$(pgrep -n -u "$(id -u)" -f -- "--kiosk --config" || true)
if [ -n "$pid" ]; then
  stat -c %U "/proc/$pid" >"$tmp/program.user"
  tr '\0' '\n' <"/proc/$pid/environ" >"$tmp/program.environ"
fi
kill "$cage"
wait "$cage"
exit 0
EOF
chmod 755 "$tmp/inside.sh" "$tmp/controls.py"
chmod 777 "$tmp"

as_user env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$runtime" LANG=C.UTF-8 \
  LP_SESSION_SCRIPT="$session_script" \
  LETTRE_PLAINTE_PROGRAM="$program" LETTRE_PLAINTE_CONFIG="$tmp/site.conf" \
  LETTRE_PLAINTE_DCONF_PROFILE="$tmp/dconf/profile" \
  LP_DATA_DIR="$stage/data" LP_LOCALEDIR="$stage/locale" \
  dbus-run-session -- "$tmp/inside.sh" "$tmp" >"$tmp/inside.log" 2>&1 &
cage_pid=$!
wait "$cage_pid"
cage_pid=""

if [ -f "$tmp/inside.error" ]; then
  sed 's/^/# /' "$tmp/inside.error" "$tmp/cage.log" 2>/dev/null | tail -n 30
  bail "the kiosk session did not start"
fi

[ -f "$tmp/capture.png" ]
result $? "grim captured cage's output"
[ -f "$tmp/capture.png" ] && cp "$tmp/capture.png" "$capture" && echo "# capture: $capture"

size=$(identify -format '%wx%h' "$capture" 2>/dev/null)
[ "$size" = "$expected_size" ]
result $? "the capture is the whole output, $expected_size (got: $size)"

deviation=$(identify -format '%[fx:standard_deviation]' "$capture" 2>/dev/null || echo 0)
awk -v d="$deviation" 'BEGIN { exit !(d > 0.05) }'
result $? "the capture is not blank (standard deviation $deviation)"

# Every corner has the program's light background: no compositor background (black) around
# a smaller window.
corners_ok=0
for xy in 0,0 1279,0 0,719 1279,719; do
  pixel=$(identify -format "%[fx:int(255*p{$xy}.intensity)]" "$capture" 2>/dev/null || echo 0)
  [ "${pixel:-0}" -ge 128 ] || { corners_ok=1; echo "# corner $xy has intensity $pixel"; }
done
result $corners_ok "the window covers the whole output, corners included"

controls_status=$(cat "$tmp/controls.status" 2>/dev/null || echo 2)
sed 's/^/# /' "$tmp/controls.out" "$tmp/controls.err" 2>/dev/null
[ "$controls_status" -eq 0 ]
result $? "fullscreen: no window controls (close, minimize, maximize) are showing"

stepper=$(cat "$tmp/stepper.out" 2>/dev/null)
case "$stepper" in "Étape 1 sur "*) true ;; *) false ;; esac
result $? "the first screen is in the site's language, French (stepper: ${stepper:-none})"

user=$(cat "$tmp/program.user" 2>/dev/null)
expected_user=$(if [ "$(id -u)" -eq 0 ]; then echo "$test_user"; else id -un; fi)
[ -n "$user" ] && [ "$user" = "$expected_user" ] && [ "$user" != root ]
result $? "the program ran as the unprivileged account (got: ${user:-no process})"

environ_ok=0
grep -qx 'GDK_BACKEND=wayland' "$tmp/program.environ" 2>/dev/null || environ_ok=1
grep -q '^GTK_DEBUG=' "$tmp/program.environ" 2>/dev/null && environ_ok=1
grep -qx "HOME=$runtime/lettre-plainte-session\.[A-Za-z0-9]*/home" "$tmp/program.environ" 2>/dev/null \
  || environ_ok=1
result $environ_ok "the session script gave the program GDK_BACKEND=wayland, no GTK_DEBUG, HOME on tmpfs"

# The session script removes it once the program has gone, a moment after cage.
for _ in $(seq 1 50); do
  leftover=$(find "$runtime" -maxdepth 1 -name 'lettre-plainte-session.*' 2>/dev/null | wc -l)
  [ "$leftover" -eq 0 ] && break
  sleep 0.2
done
[ "$leftover" -eq 0 ]
result $? "the session directory was removed when the session ended"

if [ $fail -ne 0 ]; then
  echo "# cage log:"
  tail -n 20 "$tmp/cage.log" 2>/dev/null | sed 's/^/#   /'
fi
echo "1..$n"
exit $fail
