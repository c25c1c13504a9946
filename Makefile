# The README's quick start: `make demo` and `make test`. Both install missing Debian packages first.
SWIFT      ?= swift
BIN        := .build/debug/palaute
SAMPLE     := examples/sample
DB         := palaute.sqlite

.PHONY: deps build demo test release bench bench-ingest sample clean llm-smoke

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	@mkdir -p out
	@# The sample holds a few broken rows on purpose: exit 3 (rows rejected) is expected here.
	$(BIN) ingest --database $(DB) $(SAMPLE)/*.csv $(SAMPLE)/*.jsonl || [ $$? -eq 3 ]

test: deps
	$(SWIFT) test

release: deps
	$(SWIFT) build -c release

# Protocol check of the LLM second opinion against a real llama-cpp-python server (slow: not in CI).
llm-smoke: deps
	@scripts/llm-smoke.sh

# Regenerates the bundled sample exports (deterministic).
sample:
	python3 examples/make_sample.py $(SAMPLE)

# Ingest throughput on a 1M-row corpus; SHARED defaults to ../shared (see docs/bench-ingest.md).
bench-ingest: deps
	scripts/bench-ingest.sh

clean:
	rm -rf .build out $(DB) $(DB)-wal $(DB)-shm palaute-rejects.csv
