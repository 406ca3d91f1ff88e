#!/bin/sh
# TAP: the desktop file, the AppStream metainfo, the icons, the GSettings schemas (if any) and
# the Flatpak manifest pass the validators Debian 12 has, and agree with one another.
# Usage: check-desktop-integration.sh SOURCE_ROOT DESKTOP_FILE METAINFO_FILE VERSION
# (the desktop file and the metainfo are the merged, translated ones from the build directory).
set -u
srcdir=${1:?source root}
desktop=${2:?merged desktop file}
metainfo=${3:?merged metainfo file}
version=${4:?project version}
app_id=io.github.lettreplainte.LettrePlainte
manifest="$srcdir/flatpak/$app_id.json"

n=0
fail=0
result() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}
# Missing tools fail the test (scripts/deps.sh installs them), they never skip it.
for tool in desktop-file-validate appstreamcli glib-compile-schemas flatpak-builder rsvg-convert python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Bail out! $tool is missing: run scripts/deps.sh"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# dash runs no EXIT trap when a signal kills it (meson's timeout): exit instead.
trap 'exit 143' INT TERM
comment() { sed 's/^/# /' "$1"; }

desktop-file-validate "$desktop" >"$tmp/out" 2>&1
status=$?
comment "$tmp/out"
result $status "desktop-file-validate $(basename "$desktop")"

# --no-net: no URL is fetched (the screenshot addresses are placeholders until published).
appstreamcli validate --no-net --explain "$metainfo" >"$tmp/out" 2>&1
status=$?
comment "$tmp/out"
result $status "appstreamcli validate --no-net $(basename "$metainfo")"

for lang in $(grep -v '^#' "$srcdir/po/LINGUAS"); do
  grep -q "^Name\[$lang\]=" "$desktop"
  result $? "the desktop file has its $lang name (translations merged)"
  grep -q "<name xml:lang=\"$lang\">" "$metainfo"
  result $? "the metainfo has its $lang name (translations merged)"
done

# The pieces must name one another the same way.
python3 - "$desktop" "$metainfo" "$app_id" "$version" "$srcdir" >"$tmp/out" 2>&1 <<'EOF'
import configparser, os, sys, xml.etree.ElementTree as ET
desktop, metainfo, app_id, version, srcdir = sys.argv[1:]
problems = []
entry = configparser.RawConfigParser(interpolation=None, strict=False)
entry.optionxform = str
entry.read(desktop, encoding="utf-8")
d = entry["Desktop Entry"]
if d.get("Icon") != app_id:
    problems.append("Icon= is not the application id")
if d.get("Exec", "").split()[0] != "lettre-plainte":
    problems.append("Exec= does not run lettre-plainte")
root = ET.parse(metainfo).getroot()
if root.findtext("id") != app_id:
    problems.append("the metainfo <id> is not the application id")
if root.findtext("launchable") != app_id + ".desktop":
    problems.append("the launchable is not the desktop file")
releases = [r.get("version") for r in root.iter("release")]
if not releases or releases[0] != version:
    problems.append("the newest <release> is %s, the project is %s" % (releases[:1], version))
for image in root.iter("image"):
    name = image.text.rsplit("/", 1)[-1]
    if not os.path.isfile(os.path.join(srcdir, "assets", "screenshots", name)):
        problems.append("screenshot %s is not in assets/screenshots/" % name)
for icon in ("scalable/apps/%s.svg" % app_id, "symbolic/apps/%s-symbolic.svg" % app_id):
    if not os.path.isfile(os.path.join(srcdir, "assets", "icons", "hicolor", icon)):
        problems.append("icon %s is missing" % icon)
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
status=$?
comment "$tmp/out"
result $status "desktop file, metainfo, icons, screenshots and version agree"

for icon in "$srcdir/assets/icons/hicolor/scalable/apps/$app_id.svg" \
            "$srcdir/assets/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  for size in 16 128; do
    rsvg-convert -w $size -h $size -o "$tmp/icon.png" "$icon" 2>"$tmp/out" && [ -s "$tmp/icon.png" ]
    status=$?
    comment "$tmp/out"
    result $status "$(basename "$icon") renders at $size px"
  done
done
# Symbolic icons are recoloured by GTK through their fill: no strokes, no gradients.
! grep -q 'stroke=\|Gradient' "$srcdir/assets/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
result $? "the symbolic icon is made of plain filled shapes"

# GSettings: the home mode keeps no preference today, so there is no schema; any schema added
# to assets/ is checked here.
schemas=$(find "$srcdir/assets" -maxdepth 1 -name '*.gschema.xml' | sort)
if [ -z "$schemas" ]; then
  result 0 "no GSettings schema to check (the program keeps no preference)"
else
  mkdir "$tmp/schemas"
  cp $schemas "$tmp/schemas/"
  glib-compile-schemas --strict --dry-run "$tmp/schemas" >"$tmp/out" 2>&1
  status=$?
  comment "$tmp/out"
  result $status "glib-compile-schemas --strict --dry-run"
fi

# flatpak-builder only warns on unknown keys and wrong types: fatal-warnings makes them fail.
# The build itself needs the GNOME SDK and the network, which a test does not have.
G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" >"$tmp/manifest.json" 2>"$tmp/out"
status=$?
comment "$tmp/out"
result $status "G_DEBUG=fatal-warnings flatpak-builder --show-manifest"

python3 - "$manifest" "$app_id" >"$tmp/out" 2>&1 <<'EOF'
import json, sys
manifest, app_id = sys.argv[1:]
m = json.load(open(manifest, encoding="utf-8"))
problems = []
if m.get("id") != app_id or m.get("command") != "lettre-plainte":
    problems.append("id or command is wrong")
wanted = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri",
          "--share=network", "--socket=cups"}
args = set(m.get("finish-args", []))
if args != wanted:
    problems.append("finish-args differ: extra %s, missing %s" % (sorted(args - wanted), sorted(wanted - args)))
if any(a.startswith("--filesystem") for a in args):
    problems.append("a --filesystem permission: files go through the portals")
for module in m["modules"]:
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file") and len(source.get("sha256", "")) != 64:
            problems.append("%s: %s has no sha256" % (module["name"], source.get("url")))
app = m["modules"][-1]
if app.get("name") != "lettre-plainte" or not app.get("run-tests"):
    problems.append("the last module is not lettre-plainte with run-tests")
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
status=$?
comment "$tmp/out"
result $status "the manifest: permissions, pinned sources, tests run"

echo "1..$n"
exit $fail
