#!/usr/bin/env bash
# Text-analysis benchmark: palaute's analysis alone (tokens, normalisation, Voikko, language, redaction) against
# the Python libvoikko speed peer on the same load file. Figures go to docs/bench-text.md.
#
# usage: scripts/bench-text.sh [SHARED_BENCH_DIR] [N]
#   SHARED_BENCH_DIR holds make_corpus.py and peer_voikko.py (default ../shared/bench); N responses (default 100000).
set -euo pipefail
bench_dir=${1:-../shared/bench}
n=${2:-100000}
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$bench_dir/make_corpus.py" "$n" "$tmp/load.jsonl"
(cd "$here" && swift build -c release --product palaute >/dev/null)
bin="$here/.build/release/palaute"

echo "== peer: peer_voikko.py"
# The wall ratio uses the peer's own timer (its loop only). The CPU ratio uses the peer's whole-process user+system
# CPU from bash's `time`, which also counts Python start-up and JSON reading (about 1 s): slightly in our favour.
TIMEFORMAT='%U %S'
{ time python3 "$bench_dir/peer_voikko.py" "$tmp/load.jsonl" "$tmp/peer.jsonl" 2>"$tmp/peer.err"; } 2>"$tmp/peer.time"
peer=$(tail -1 "$tmp/peer.err")
echo "$peer"
peer_rate=$(echo "$peer" | sed -E 's/.*: ([0-9]+) responses\/s.*/\1/')
peer_cpu=$(awk '{ print $1 + $2 }' "$tmp/peer.time")
echo "peer CPU (user+sys, whole process): $peer_cpu s"

for w in 1 2; do
    echo "== palaute analyze --bench, $w worker(s)"
    out=$("$bin" analyze --bench "$tmp/load.jsonl" --workers "$w" --lexicons "$here/lexicons")
    echo "$out"
    for pass in cold warm; do
        rate=$(echo "$out" | grep "^$pass cache:" | sed -E 's/.* ([0-9]+) responses\/s.*/\1/')
        cpu=$(echo "$out" | grep "^$pass cache CPU:" | sed -E 's/.*CPU: ([0-9.]+) s.*/\1/')
        awk -v r="$rate" -v p="$peer_rate" -v c="$cpu" -v pc="$peer_cpu" -v pass="$pass" -v w="$w" \
            'BEGIN { printf "ratio to peer (%s, %d worker(s)): wall %.1fx, CPU %.1fx\n", pass, w, r / p, pc / c }'
    done
done
