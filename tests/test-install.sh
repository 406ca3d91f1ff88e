#!/bin/sh
# TAP: `meson install` into a temporary prefix puts every file where a Debian package would,
# and the installed program works from there: it renders a letter from the INSTALLED campaign
# file and speaks the INSTALLED translations.
#
# How we know the installed copies are the ones read (without strace):
#  - the program is configured for the temporary prefix (PKGDATADIR, LOCALEDIR are compiled in),
#    and that build directory is deleted before the program runs, so nothing in it can be used;
#  - the source tree cannot be hidden, so the installed campaign gets a marker word in its
#    subject line: the marker must show in the letter (the source tree's copy has none);
#  - the translation must change the messages (LANGUAGE=fr against LANGUAGE=), and the only
#    French catalogue left is the installed one.
# LP_DATA_DIR and LP_LOCALEDIR are unset for the installed program.
#
# Usage: test-install.sh SOURCE_ROOT
set -u
srcdir=${1:?source root}
app_id=io.github.lettreplainte.LettrePlainte
campaign=viamedis-almerys-2024
fixture="$srcdir/tests/data/complaint-typical.json"
marker=MARQUEINSTALLATION

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

for tool in meson ninja pdftotext python3; do
  command -v "$tool" >/dev/null 2>&1 || bail "$tool is missing: run scripts/deps.sh"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# dash runs no EXIT trap when a signal kills it (meson's timeout): exit instead.
trap 'exit 143' INT TERM
build="$tmp/build"
prefix="$tmp/prefix"

# A plain build of only what gets installed keeps this test short.
meson setup "$build" "$srcdir" --prefix="$prefix" --buildtype=plain >"$tmp/setup.log" 2>&1 \
  || { sed 's/^/# /' "$tmp/setup.log"; bail "meson setup failed"; }
ninja -C "$build" ui/lettre-plainte lettre-plainte-gmo \
  "assets/$app_id.desktop" "assets/$app_id.metainfo.xml" >"$tmp/build.log" 2>&1 \
  || { tail -n 40 "$tmp/build.log" | sed 's/^/# /'; bail "the build failed"; }
meson install -C "$build" --no-rebuild >"$tmp/install.log" 2>&1
status=$?
[ $status -eq 0 ] || tail -n 20 "$tmp/install.log" | sed 's/^/# /'
result $status "meson install into a temporary prefix"

share="$prefix/share"
for f in \
  "bin/lettre-plainte" \
  "share/lettre-plainte/campaigns/$campaign.json" \
  "share/applications/$app_id.desktop" \
  "share/metainfo/$app_id.metainfo.xml" \
  "share/icons/hicolor/scalable/apps/$app_id.svg" \
  "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  [ -f "$prefix/$f" ]; result $? "installs $f"
done
for lang in $(grep -v '^#' "$srcdir/po/LINGUAS"); do
  [ -f "$share/locale/$lang/LC_MESSAGES/lettre-plainte.mo" ]
  result $? "installs the $lang translation in share/locale"
done
[ ! -e "$share/lettre-plainte/campaigns/README.md" ]
result $? "does not install the campaigns' README"
[ -x "$prefix/bin/lettre-plainte" ]; result $? "the installed program is executable"

# Nothing of the build directory may be used from now on.
rm -rf "$build"

# The marker goes into the installed campaign only.
python3 - "$share/lettre-plainte/campaigns/$campaign.json" "$marker" <<'EOF'
import json, sys
path, marker = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    campaign = json.load(f)
campaign["texts"]["subject"] = marker + " " + campaign["texts"]["subject"]
with open(path, "w", encoding="utf-8") as f:
    json.dump(campaign, f, ensure_ascii=False, indent=2)
EOF
result $? "marks the installed campaign"

run_installed() {
  env -u LP_DATA_DIR -u LP_LOCALEDIR LC_ALL=C.UTF-8 "$@"
}

run_installed "$prefix/bin/lettre-plainte" --render "$fixture" --output "$tmp/letter.pdf" \
  2>"$tmp/render.err"
status=$?
[ $status -eq 0 ] || sed 's/^/# /' "$tmp/render.err"
result $status "the installed program renders complaint-typical.json (exit $status)"

text=$(pdftotext -q -enc UTF-8 "$tmp/letter.pdf" - 2>/dev/null)
case "$text" in
  *"Direction de la Police Judiciaire"*) result 0 "the PDF is a letter pdftotext can read";;
  *) result 1 "the PDF is a letter pdftotext can read";;
esac
case "$text" in
  *"$marker"*) result 0 "the letter comes from the installed campaign file";;
  *) result 1 "the letter comes from the installed campaign file (no marker in the text)";;
esac
if grep -q "$marker" "$srcdir/assets/campaigns/$campaign.json"; then
  result 1 "the source tree's campaign has no marker"
else
  result 0 "the source tree's campaign has no marker"
fi

# Translations: an invalid file gives the same message, in English and then in French.
printf '{"format": "not-a-complaint"}\n' >"$tmp/invalid.json"
english=$(LANGUAGE= run_installed "$prefix/bin/lettre-plainte" --check "$tmp/invalid.json" 2>&1)
french=$(LANGUAGE=fr run_installed "$prefix/bin/lettre-plainte" --check "$tmp/invalid.json" 2>&1)
echo "# en: $english"
echo "# fr: $french"
[ -n "$english" ] && [ -n "$french" ] && [ "$english" != "$french" ]
result $? "the installed program finds the installed French translation"

echo "1..$n"
exit $fail
