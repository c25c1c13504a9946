# The README's quick start: `make demo` and `make test`. Both install missing Debian packages first.
SWIFT      ?= swift
BIN        := .build/debug/palaute
SAMPLE     := examples/sample
DB         := out/palaute.sqlite

.PHONY: deps build demo test release bench clean llm-smoke

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# The nightly run on the bundled sample (examples/sample, made by scripts/make-sample.py); everything lands in out/.
# A second `make demo` finds nothing new and says so. Exit 3 (rows rejected) still shows the queue.
demo: build
	@mkdir -p out
	@$(BIN) run --database $(DB) --out out --inbox $(SAMPLE) --summary; st=$$?; [ $$st -eq 0 ] || [ $$st -eq 3 ] || exit $$st
	@echo; echo "Follow-up queue (palaute followups list --database $(DB)):"
	@$(BIN) followups list --database $(DB) --limit 12

test: deps
	$(SWIFT) test

release: deps
	$(SWIFT) build -c release

# Protocol check of the LLM second opinion against a real llama-cpp-python server (slow: not in CI).
llm-smoke: deps
	@scripts/llm-smoke.sh

clean:
	rm -rf .build out palaute.sqlite palaute.sqlite-wal palaute.sqlite-shm palaute.sqlite.lock
