#!/bin/sh
# Measures the first three budgets of architecture.md §9 with the program in ./build.
# Usage: bench/run.sh   (after ./scripts/build.sh). Prints the figures; bench/README.md
# records them with the machine they were taken on. Needs hyperfine and GNU time
# (scripts/deps.sh installs both).
set -eu
cd "$(dirname "$0")/.."
prog=${LP_PROGRAM:-./build/ui/lettre-plainte}
work=$(mktemp -d /tmp/lp-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "program: $($prog --version)"

echo
echo "== 1. --render of a typical complaint, no attachment, whole process (budget: median <= 50 ms, PDF <= 100 KB)"
hyperfine --warmup 5 --runs 50 --export-json "$work/render.json" \
  "$prog --render tests/data/complaint-typical.json --output $work/typical.pdf" > /dev/null
python3 - "$work/render.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"median {r['median']*1000:.1f} ms, mean {r['mean']*1000:.1f} ms, "
      f"min {r['min']*1000:.1f} ms, max {r['max']*1000:.1f} ms over {len(r['times'])} runs")
PY
echo "PDF size: $(stat -c %s "$work/typical.pdf") bytes"
pdffonts "$work/typical.pdf" | tail -n +3 | awk '{print "font:", $1, "embedded:", $(NF-4)}'

echo
echo "== 2. N complaints in one --render --output-dir run (budget: 1,000 in <= 10 s, peak memory flat, <= 100 MB)"
for n in 10 100 1000; do
  python3 bench/make-inputs.py batch "$n" "$work/batch-$n.json"
  mkdir -p "$work/out-$n"
  /usr/bin/time -f "%e %M" -o "$work/time-$n" \
    "$prog" --render "$work/batch-$n.json" --output-dir "$work/out-$n"
  read -r secs kib < "$work/time-$n"
  echo "N=$n: ${secs} s, peak RSS $((kib / 1024)) MB, $(ls "$work/out-$n" | wc -l) PDFs"
  rm -rf "$work/out-$n"
done

echo
echo "== 3. two 12-megapixel photos attached (budget: <= 1 s, PDF <= 2 MB)"
# Photo-like content (smooth noise, not flat colour, which would compress unrealistically well).
convert -size 4000x3000 plasma:fractal -blur 0x1 -quality 92 "$work/photo1.jpg"
convert -size 3000x4000 plasma:fractal -blur 0x1 -quality 92 "$work/photo2.jpg"
echo "inputs: $(stat -c %s "$work/photo1.jpg") and $(stat -c %s "$work/photo2.jpg") bytes"
python3 bench/make-inputs.py photos "$work/photo1.jpg" "$work/photo2.jpg" "$work/photos.json"
hyperfine --warmup 1 --runs 10 --export-json "$work/photos-time.json" \
  "$prog --render $work/photos.json --output $work/photos.pdf" > /dev/null
python3 - "$work/photos-time.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"median {r['median']*1000:.0f} ms, max {r['max']*1000:.0f} ms over {len(r['times'])} runs")
PY
echo "PDF size: $(stat -c %s "$work/photos.pdf") bytes, $(pdfinfo "$work/photos.pdf" | awk '/^Pages/ {print $2}') pages"
pdfimages -list "$work/photos.pdf" | tail -n +3 | awk '{print "image:", $4 "x" $5, $9, "ppi", $13, $14}'
