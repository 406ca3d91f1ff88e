#!/bin/sh
# TAP: every source file with translatable strings is listed in po/POTFILES.in, and every
# catalogue in po/LINGUAS is complete (no untranslated or fuzzy message) and compiles.
srcdir=${1:?source dir}
cd "$srcdir" || exit 1
n=0
fail=0
result() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi
}

# One line: a file list over several lines would not be TAP.
missing=$(grep -l '_ *("\|N_ *("' app/*/*.c ui/*.c 2>/dev/null | while read -r f; do
  grep -qx "$f" po/POTFILES.in || echo "$f"
done | tr '\n' ' ')
[ -z "$missing" ]; result $? "POTFILES.in lists every file with translatable strings ${missing:+(missing: $missing)}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# dash runs no EXIT trap when a signal kills it (meson's timeout): exit instead.
trap 'exit 143' INT TERM
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --add-comments=Translators -f po/POTFILES.in -o "$tmp/all.pot" 2>/dev/null
result $? "xgettext extracts the strings"

for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge -q "po/$lang.po" "$tmp/all.pot" -o "$tmp/$lang.po" 2>/dev/null
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*) result 1 "$lang.po is complete ($stats)";;
    *translated*) result 0 "$lang.po is complete ($stats)";;
    *) result 1 "$lang.po compiles ($stats)";;
  esac
done
echo "1..$n"
exit $fail
