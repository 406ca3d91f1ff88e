#!/bin/sh
# bench/startup/run.sh — start to first frame of the wizard against a minimal GTK 4 window, and
# its memory (architecture.md §9). Usage: bench/startup/run.sh [BUILD_DIR] (default: build),
# after ./scripts/build.sh; RUNS=N (default 20); LP_BENCH_RENDERERS="cairo" (default "cairo
# default") measures only those. See bench/README.md, "Start-up".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
runs=${RUNS:-20}
wizard=$build/ui/lettre-plainte
[ -x "$wizard" ] || { echo "no $wizard: build first (./scripts/build.sh)" >&2; exit 1; }
for tool in cc pkg-config xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: run scripts/deps.sh" >&2; exit 1; }
done

out=$build/bench/startup
mkdir -p "$out"
flags="-std=gnu11 -O2 -Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes -Wshadow"
flags="$flags -Wswitch-default -Wwrite-strings -Wnull-dereference -Wredundant-decls"
# shellcheck disable=SC2046
cc $flags -fPIC -shared "$here/first-frame-shim.c" -o "$out/first-frame-shim.so" \
  $(pkg-config --cflags --libs gtk4) -ldl
# shellcheck disable=SC2046
cc $flags "$here/minimal-window.c" -o "$out/minimal-window" $(pkg-config --cflags --libs gtk4)
# shellcheck disable=SC2046
cc $flags -DMINIMAL_ADW "$here/minimal-window.c" -o "$out/minimal-adw-window" \
  $(pkg-config --cflags --libs libadwaita-1)

echo "machine: $(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1)"
# One private X server (1280x800, like the kiosk) and D-Bus session for every run; the same
# environment for both programs. GSETTINGS_BACKEND=memory: no dconf service on the session.
export GDK_BACKEND=x11 GSETTINGS_BACKEND=memory LANGUAGE=fr LANG=C.UTF-8
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  /usr/bin/python3 "$here/measure.py" "$out/first-frame-shim.so" "$out/minimal-window" \
  "$out/minimal-adw-window" "$wizard" "$runs"
