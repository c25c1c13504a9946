#!/usr/bin/env bash
# Throughput of `palaute classify` (release build, all cores) beside the Python/libvoikko peer on the same
# 100k-response corpus. usage: scripts/bench-classify.sh [N] [SHARED_DIR]
set -euo pipefail
N="${1:-100000}"
SHARED="${2:-../shared}"
cd "$(dirname "$0")/.."
OUT="${TMPDIR:-/tmp}/palaute-bench-classify"
mkdir -p "$OUT"
CORPUS="$OUT/corpus-$N.jsonl"
[ -f "$CORPUS" ] || python3 "$SHARED/bench/make_corpus.py" "$N" "$CORPUS"
swift build -c release --product palaute >/dev/null
BIN="$(swift build -c release --show-bin-path)/palaute"

t0=$(date +%s.%N)
"$BIN" classify "$CORPUS" --output "$OUT/palaute.jsonl"
t1=$(date +%s.%N)
python3 "$SHARED/bench/peer_voikko.py" "$CORPUS" "$OUT/peer.jsonl"
t2=$(date +%s.%N)

python3 - "$N" "$t0" "$t1" "$t2" <<'PY'
import sys
n, t0, t1, t2 = int(sys.argv[1]), *map(float, sys.argv[2:])
ours, peer = n / (t1 - t0), n / (t2 - t1)
print(f"palaute classify : {t1 - t0:7.2f} s  {ours:10.0f} responses/s")
print(f"peer_voikko.py   : {t2 - t1:7.2f} s  {peer:10.0f} responses/s")
print(f"ratio            : {ours / peer:.2f}x")
PY
