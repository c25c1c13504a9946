# The README's quick start: `make demo` and `make test`. Both install missing Debian packages first.
SWIFT      ?= swift
BIN        := .build/debug/palaute
SAMPLE     := examples/sample
DB         := out/palaute.sqlite

.PHONY: deps build demo test release bench bench-ingest bench-run sample clean llm-smoke train-sentiment

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# The nightly run on the bundled sample (examples/sample, made by examples/make_sample.py); everything lands in out/.
# The sample holds a few broken rows on purpose: exit 3 (rows rejected) is expected. A second `make demo` finds
# nothing new and says so.
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

# Regenerates the bundled sample exports (deterministic).
sample:
	python3 examples/make_sample.py $(SAMPLE)

# Ingest throughput on a 1M-row corpus; SHARED defaults to ../shared (see docs/bench-ingest.md).
bench-ingest: deps
	scripts/bench-ingest.sh

# The whole `palaute run` on 1M responses of the load corpus, release build (see docs/bench-nightly.md).
bench-run: deps
	scripts/bench-run.sh 1000000 $${SHARED:-../shared}/bench/make_corpus.py

# Retrains the learned sentiment model models/sentiment/fi.tsv from FinnSentiment splits 2-20 (split 1 held out),
# constrained by dev.jsonl and examples/eval/heldout.jsonl; needs SHARED (default ../shared) and numpy + scipy
# (training only). See docs/sentiment-model.md.
train-sentiment: deps
	$(SWIFT) build -c release
	@mkdir -p out
	.build/release/palaute sentiment-features $${SHARED:-../shared}/data/finnsentiment/finnsentiment.jsonl --finnish > out/fs-features.jsonl
	.build/release/palaute sentiment-features $${SHARED:-../shared}/data/dev.jsonl > out/dev-features.jsonl
	.build/release/palaute sentiment-features examples/eval/heldout.jsonl > out/heldout-features.jsonl
	.build/release/palaute sentiment-features examples/eval/blind.jsonl > out/blind-features.jsonl
	python3 scripts/train-sentiment.py out/fs-features.jsonl models/sentiment/fi.tsv --domain out/dev-features.jsonl out/heldout-features.jsonl out/blind-features.jsonl

clean:
	rm -rf .build out palaute.sqlite palaute.sqlite-wal palaute.sqlite-shm palaute.sqlite.lock palaute-rejects.csv
