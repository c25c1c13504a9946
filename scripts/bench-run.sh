#!/usr/bin/env bash
# End-to-end benchmark of `palaute run`: release build, a fresh database, the load corpus of N responses.
# usage: scripts/bench-run.sh [N=1000000] [CORPUS_SCRIPT=../shared/bench/make_corpus.py]
# Prints wall time, responses/s and peak RSS; the corpus and database live in a temp dir that is removed.
set -euo pipefail
N=${1:-1000000}
MAKE_CORPUS=${2:-../shared/bench/make_corpus.py}
cd "$(dirname "$0")/.."
swift build -c release --product palaute >/dev/null
BIN=$(swift build -c release --show-bin-path)/palaute
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 "$MAKE_CORPUS" "$N" "$TMP/load.csv"
echo "corpus: $N responses, $(du -h "$TMP/load.csv" | cut -f1)"
/usr/bin/time -v "$BIN" run "$TMP/load.csv" --database "$TMP/bench.sqlite" --out "$TMP/out" --json \
    >"$TMP/summary.json" 2>"$TMP/stderr.txt" || { tail -20 "$TMP/stderr.txt"; exit 1; }
WALL=$(grep "Elapsed (wall clock)" "$TMP/stderr.txt" | awk '{print $NF}')
RSS=$(grep "Maximum resident set size" "$TMP/stderr.txt" | awk '{print $NF}')
SECS=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(sum(float(x)*60**i for i,x in enumerate(reversed(p))))" "$WALL")
python3 - "$TMP/summary.json" "$SECS" "$RSS" "$N" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); secs = float(sys.argv[2]); rss = int(sys.argv[3]); n = int(sys.argv[4])
t = s["timings"]
print(f"wall {secs:.1f} s  ({n / secs:,.0f} responses/s end to end)  peak RSS {rss / 1024:.0f} MB")
print(f"steps: ingest {t.get('ingest', 0):.1f} s, classify+store {t.get('classify', 0):.1f} s "
      f"(classifier busy {t.get('classifier', 0):.1f} s, writer busy {t.get('store', 0):.1f} s, overlapping), "
      f"report {t.get('report', 0):.1f} s; classified {s['classified']}, new follow-ups {s['newFollowups']}")
PY
grep -E "User time|System time|Percent of CPU" "$TMP/stderr.txt"
