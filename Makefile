# The README's quick start: `make demo` and `make test`. Both install missing Debian packages first.
SWIFT      ?= swift
BIN        := .build/debug/palaute
SAMPLE     := examples/sample
DB         := palaute.sqlite

.PHONY: deps build demo test release bench clean llm-smoke

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	@mkdir -p out
	$(BIN) ingest --database $(DB) $(SAMPLE)/*.csv $(SAMPLE)/*.jsonl

test: deps
	$(SWIFT) test

release: deps
	$(SWIFT) build -c release

# Protocol check of the LLM second opinion against a real llama-cpp-python server (slow: not in CI).
llm-smoke: deps
	@scripts/llm-smoke.sh

clean:
	rm -rf .build out $(DB) $(DB)-wal $(DB)-shm
