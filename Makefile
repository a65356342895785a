# DiploWatch — `make demo` to see it work, `make test` to run every test.
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SHARED ?= ../shared
SYSTEM_PACKAGES = libcurl4-openssl-dev libsqlite3-dev libxml2-dev pkg-config systemd
# The tests also run nginx (gzip, HTTP/2, TLS with a private CA) made with the openssl command.
TEST_PACKAGES = nginx-light openssl

.PHONY: all deps test-deps build release demo test eval train-syntax eval-syntax conformance bench fuzz install uninstall format lint clean

all: build

# Installs the Debian packages the build needs, with sudo when not root.
deps:
	@scripts/install-packages.sh $(SYSTEM_PACKAGES)

# Installs the packages the tests need too, without starting the nginx service.
test-deps: deps
	@scripts/install-packages.sh --no-start $(TEST_PACKAGES)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Runs the daemon on Config/demo.toml (bundled sample feeds) and prints alerts as they appear.
# DEMO_SECONDS=N stops it after N seconds (default: run until Ctrl-C).
demo: release
	@scripts/demo.sh

test: test-deps
	$(SWIFT) build
	$(SWIFT) test

# Scores the extractor on the annotated development set in $(SHARED)/data/dev-set.
eval: release
	@scripts/eval.sh "$(SHARED)"

# Trains the tagger, lemmatizer and parser on $(SHARED)/data/treebanks/ud-english-ewt (train, with dev
# for the stopping epoch) and writes Sources/CSyntaxModel/syntax.model. SYNTAX_SEED=N picks the seed.
SYNTAX_SEED ?= 1
train-syntax:
	$(SWIFT) build -c release --product SyntaxTrain
	nice -n 10 .build/release/SyntaxTrain "$(SHARED)/data/treebanks/ud-english-ewt" Sources/CSyntaxModel/syntax.model $(SYNTAX_SEED)
	touch Sources/CSyntaxModel/model.c

# Accuracy (gold tokens, predicted tags, punctuation counted) on EWT test and PUD, and sentences
# per second for tagging and parsing on one core.
eval-syntax:
	$(SWIFT) build -c release --product SyntaxEval
	taskset -c 0 .build/release/SyntaxEval "$(SHARED)/data/treebanks"

# The feed parser against the feedparser project's test corpus in $(SHARED)/data/feeds.
conformance: release
	@python3 scripts/conformance.py "$(SHARED)" .build/release/diplowatch

# The whole daemon against newsboat on a seeded corpus served by nginx on 127.0.0.1, plus
# per-stage throughput on one core. BENCH=large for 2,000 feeds. Results in bench-results/.
bench: deps
	@scripts/bench.sh

# libFuzzer over the feed parser, HTML to text and main text (see Fuzz/README.md), then the
# extractor on mutated articles for as long.
FUZZ_SECONDS ?= 600
fuzz:
	cd Fuzz && swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	@readelf -S Fuzz/.build/debug/FeedFuzzer | grep -q __sancov_cntrs || { echo "fuzz: the fuzzer has no coverage instrumentation (rm -rf Fuzz/.build and retry)" >&2; exit 1; }
	mkdir -p Fuzz/corpus && cp Config/samples/* Tests/DiploWatchTests/Fixtures/*.html Tests/ExtractionTests/Golden/001-consult-meeting-titles.json Fuzz/corpus/
	cd Fuzz && SWIFT_BACKTRACE=enable=no .build/debug/FeedFuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 corpus
	$(SWIFT) build -c release --product DiploWatchBench
	.build/release/DiploWatchBench stress $(FUZZ_SECONDS) Tests/ExtractionTests/Golden

install: release
	install -D -m 0755 .build/release/diplowatch $(DESTDIR)$(PREFIX)/bin/diplowatch
	install -D -m 0644 systemd/diplowatch.service $(DESTDIR)/etc/systemd/system/diplowatch.service
	sed -i 's|/usr/local/bin/diplowatch|$(PREFIX)/bin/diplowatch|' $(DESTDIR)/etc/systemd/system/diplowatch.service
	install -D -m 0644 systemd/diplowatch.logrotate $(DESTDIR)/etc/logrotate.d/diplowatch
	@if [ -e $(DESTDIR)/etc/diplowatch/diplowatch.toml ]; then \
	  echo "keeping existing $(DESTDIR)/etc/diplowatch/diplowatch.toml"; \
	else \
	  install -D -m 0644 Config/diplowatch.toml $(DESTDIR)/etc/diplowatch/diplowatch.toml; \
	fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/diplowatch $(DESTDIR)/etc/systemd/system/diplowatch.service $(DESTDIR)/etc/logrotate.d/diplowatch

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks Plugins Fuzz/Package.swift Fuzz/Sources

lint:
	$(SWIFT) format lint --recursive Package.swift Sources Tests Benchmarks Plugins Fuzz/Package.swift Fuzz/Sources

clean:
	rm -rf .build demo-state
