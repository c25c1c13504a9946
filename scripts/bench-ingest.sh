#!/usr/bin/env bash
# Ingest throughput: release build, a 1M-row CSV from the shared corpus generator, `palaute ingest` under
# /usr/bin/time -v; prints rows/s and peak RSS. The corpus generator lives outside the project:
#   SHARED=../shared ROWS=1000000 scripts/bench-ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
ROWS="${ROWS:-1000000}"
WORK="${WORK:-$(mktemp -d /tmp/palaute-bench.XXXXXX)}"
[ -f "$SHARED/bench/make_corpus.py" ] || { echo "bench-ingest: $SHARED/bench/make_corpus.py not found (set SHARED=)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench-ingest: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

swift build -c release --product palaute >&2
BIN="$(swift build -c release --show-bin-path)/palaute"
CSV="$WORK/load.csv"
[ -f "$CSV" ] || python3 "$SHARED/bench/make_corpus.py" "$ROWS" "$CSV"
rm -f "$WORK"/bench.sqlite*

run() { # label, args...
    local label=$1; shift
    /usr/bin/time -v "$BIN" "$@" >"$WORK/out.txt" 2>"$WORK/time.txt" || true
    local wall user sys rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
    sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time.txt")
    awk -v l="$label" -v n="$ROWS" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
        printf "%-26s %9d rows  wall %7.2f s  %9.0f rows/s  cpu %7.2f s  %9.0f rows/cpu-s  peak RSS %6.1f MiB\n",
            l, n, w, n / w, u + s, n / (u + s), r / 1024 }'
    grep -h "rows read\|rows, \|already" "$WORK/out.txt" | sed "s/^/    /" || true
}

echo "corpus: $CSV ($(du -h "$CSV" | cut -f1)), machine load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
run "read+validate (--check)" ingest --check "$CSV"
run "ingest, new database" ingest --database "$WORK/bench.sqlite" "$CSV"
run "re-ingest (--force)" ingest --force --database "$WORK/bench.sqlite" "$CSV"
run "re-ingest (same checksum)" ingest --database "$WORK/bench.sqlite" "$CSV"
