#!/bin/sh
# Measures the sending budget of architecture.md §9 on loopback: a 20 MB relay upload with
# app/send (bench/lp-send-bench) against the curl tool to the same server (throughput ratio,
# budget >= 0.9), and how long a cancel takes to end the sending (budget <= 200 ms).
# Usage: bench/send.sh [BUILD_DIR]   (default ./build; after ./scripts/build.sh). RUNS=N to change
# the number of runs (default 7). bench/README.md records the figures.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
bench="$build/bench/lp-send-bench"
runs=${RUNS:-7}
token=bench-token
work=$(mktemp -d /tmp/lp-send-bench-XXXXXX)
server_pid=
cleanup () {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

/usr/bin/python3 tests/servers/relay.py --port-file "$work/port" --token "$token" 2>/dev/null &
server_pid=$!
i=0
while [ ! -s "$work/port" ]; do
  i=$((i + 1)); [ $i -lt 200 ] || { echo "relay.py did not start" >&2; exit 1; }
  sleep 0.05
done
base="http://127.0.0.1:$(cat "$work/port")"
url="$base/api/v1/submissions"
reset () { curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' "$base/_control/reset"; }

median () { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(curl --version | head -1 | cut -d' ' -f1-2)"

echo
echo "== 20 MB relay upload on loopback, $runs runs each, alternating (budget: app/send >= 0.9 x curl)"
"$bench" inputs "$work" 20
: > "$work/curl.txt"; : > "$work/app.txt"
for r in $(seq "$runs"); do
  reset
  # The same bytes, the same parts and headers as app/send; a new key per run.
  key=$(cat /proc/sys/kernel/random/uuid)
  sed "s/$(cat "$work/id")/$key/" "$work/metadata.json" > "$work/meta-run.json"
  curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -H "Authorization: Bearer $token" \
    -H "Idempotency-Key: $key" -H 'Expect:' \
    -F "metadata=@$work/meta-run.json;type=application/json" \
    -F "letter=@$work/letter.bin;filename=lettre-plainte.pdf;type=application/pdf" \
    "$url" > "$work/curl-run.txt"
  # A run that was not stored (not 201) measures nothing: stop.
  [ "$(cut -d' ' -f2 "$work/curl-run.txt")" = 201 ] || { echo "curl run not stored" >&2; exit 1; }
  cut -d' ' -f1 "$work/curl-run.txt" >> "$work/curl.txt"
  reset
  "$bench" upload "$url" "$token" 20 1 | cut -d' ' -f1 >> "$work/app.txt"
done
curl_s=$(median < "$work/curl.txt")
app_s=$(median < "$work/app.txt")
awk -v c="$curl_s" -v a="$app_s" 'BEGIN {
  printf "curl tool: median %.3f s = %.0f MB/s\n", c, 20 / c
  printf "app/send:  median %.3f s = %.0f MB/s\n", a, 20 / a
  printf "ratio app/send / curl throughput: %.2f\n", c / a }'

echo
echo "== cancel latency, $runs runs (budget <= 200 ms): cancel 0.3-0.7 s into a 20 MB body the server reads at 2 MB/s"
faults=""
for r in $(seq "$runs"); do faults="$faults{\"slow_body_bytes_per_s\": 2000000},"; done
reset
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d "[${faults%,}]" "$base/_control/faults"
"$bench" cancel "$url" "$token" "$runs" > "$work/cancel.txt"
echo "latency ms: $(tr '\n' ' ' < "$work/cancel.txt")"
echo "median $(median < "$work/cancel.txt") ms, max $(sort -n "$work/cancel.txt" | tail -1) ms"
