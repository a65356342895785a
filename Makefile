# DiploWatch — `make demo` to see it work, `make test` to run every test.
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# What `make release` builds and `make install` installs (relative, so a copy of the tree works).
RELEASE_DIR ?= .build/release
SHARED ?= ../shared
SYSTEM_PACKAGES = libcurl4-openssl-dev libsqlite3-dev libxml2-dev pkg-config systemd
# The tests also run nginx (gzip, HTTP/2, TLS with a private CA) made with the openssl command,
# and render the HTML digest in headless chromium.
TEST_PACKAGES = nginx-light openssl chromium

.PHONY: all deps test-deps build release demo test eval train-syntax eval-syntax conformance peer-conformance bench fuzz install uninstall format lint clean

all: build

# Installs the Debian packages the build needs, with sudo when not root.
deps:
	@scripts/install-packages.sh $(SYSTEM_PACKAGES)

# Installs the packages the tests need too, without starting the nginx service.
test-deps: deps
	@scripts/install-packages.sh --no-start $(TEST_PACKAGES)

build: deps
	$(SWIFT) build

# The release build of every product and a man page for every command, both made by
# swift-argument-parser's generate-manual plugin (it builds the package in release mode itself; a
# separate `swift build -c release` would use other flags and rebuild everything). The pages are
# kept beside the binary, so that `make install` needs no build.
release: deps
	$(SWIFT) package --disable-sandbox generate-manual --multi-page --date "$$(date -u +%Y-%m-%d)" --authors "The DiploWatch authors"
	rm -rf $(RELEASE_DIR)/man && mkdir -p $(RELEASE_DIR)/man
	cp .build/plugins/GenerateManual/outputs/diplowatch/*.1 $(RELEASE_DIR)/man/

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

# The feed parser against the expectations of gofeed's, feedjira's and miniflux's own test suites in
# $(SHARED)/data/peer-feeds (VERBOSE=1 lists every miss and what is not counted, with the reason).
peer-conformance: release
	@python3 scripts/peer-conformance.py "$(SHARED)" .build/release/diplowatch $(if $(VERBOSE),--verbose)

# The whole daemon against newsboat and a feedparser loop on a seeded corpus served gzipped by nginx
# on 127.0.0.1 (wall and CPU seconds), plus per-stage throughput on one core. BENCH=large for 2,000
# feeds; BENCH=scale grows one database past 1,000,000 articles and 500,000 alerts; OLD_BIN=path
# also times an older build. Results in bench-results/.
bench: deps
	@scripts/bench.sh

# libFuzzer over the feed parser, HTML to text and main text, then over the config file's TOML
# parser (see Fuzz/README.md); then the extractor on mutated articles and the whole config loader on
# mutated configs, each for as long.
FUZZ_SECONDS ?= 600
fuzz:
	cd Fuzz && swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	@for f in FeedFuzzer ConfigFuzzer; do readelf -S Fuzz/.build/debug/$$f | grep -q __sancov_cntrs || { echo "fuzz: $$f has no coverage instrumentation (rm -rf Fuzz/.build and retry)" >&2; exit 1; }; done
	mkdir -p Fuzz/corpus && cp Config/samples/* Tests/DiploWatchTests/Fixtures/*.html Tests/ExtractionTests/Golden/001-consult-meeting-titles.json Fuzz/corpus/
	cd Fuzz && SWIFT_BACKTRACE=enable=no .build/debug/FeedFuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 corpus
	mkdir -p Fuzz/config-corpus && cp Config/*.toml Fuzz/config-corpus/
	cd Fuzz && SWIFT_BACKTRACE=enable=no .build/debug/ConfigFuzzer -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -dict=toml.dict config-corpus
	$(SWIFT) build -c release --product DiploWatchBench
	.build/release/DiploWatchBench stress $(FUZZ_SECONDS) Tests/ExtractionTests/Golden
	.build/release/DiploWatchBench config-stress $(FUZZ_SECONDS) Config

# Installs the release build as it is: nothing is built, so it works as root and from any copy of
# the tree. The daemon's user comes from systemd-sysusers.
install:
	@test -x $(RELEASE_DIR)/diplowatch || { echo "install: no release build in $(RELEASE_DIR): run make release first (as yourself, not root)" >&2; exit 1; }
	@ls $(RELEASE_DIR)/man/*.1 >/dev/null 2>&1 || { echo "install: no man pages in $(RELEASE_DIR)/man: run make release first" >&2; exit 1; }
	install -D -m 0755 $(RELEASE_DIR)/diplowatch $(DESTDIR)$(PREFIX)/bin/diplowatch
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0644 $(RELEASE_DIR)/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	$(RELEASE_DIR)/diplowatch --generate-completion-script bash >$(DESTDIR)$(PREFIX)/share/bash-completion/completions/diplowatch
	$(RELEASE_DIR)/diplowatch --generate-completion-script zsh >$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_diplowatch
	$(RELEASE_DIR)/diplowatch --generate-completion-script fish >$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/diplowatch.fish
	install -D -m 0644 systemd/diplowatch.service $(DESTDIR)/etc/systemd/system/diplowatch.service
	sed -i 's|/usr/local/bin/diplowatch|$(PREFIX)/bin/diplowatch|' $(DESTDIR)/etc/systemd/system/diplowatch.service
	install -D -m 0644 systemd/diplowatch.sysusers $(DESTDIR)/usr/lib/sysusers.d/diplowatch.conf
	install -D -m 0644 systemd/diplowatch.logrotate $(DESTDIR)/etc/logrotate.d/diplowatch
	@if [ -e $(DESTDIR)/etc/diplowatch/diplowatch.toml ]; then \
	  echo "keeping existing $(DESTDIR)/etc/diplowatch/diplowatch.toml"; \
	else \
	  install -D -m 0644 Config/diplowatch.toml $(DESTDIR)/etc/diplowatch/diplowatch.toml; \
	fi
	install -d $(DESTDIR)/etc/diplowatch/feeds.d
	@if [ -z "$(DESTDIR)" ] && command -v systemd-sysusers >/dev/null; then systemd-sysusers /usr/lib/sysusers.d/diplowatch.conf; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/diplowatch $(DESTDIR)/etc/systemd/system/diplowatch.service $(DESTDIR)/etc/logrotate.d/diplowatch
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/diplowatch.1 $(DESTDIR)$(PREFIX)/share/man/man1/diplowatch-*.1 $(DESTDIR)/usr/lib/sysusers.d/diplowatch.conf
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/diplowatch $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_diplowatch $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/diplowatch.fish

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests Benchmarks Plugins Fuzz/Package.swift Fuzz/Sources

lint:
	$(SWIFT) format lint --recursive Package.swift Sources Tests Benchmarks Plugins Fuzz/Package.swift Fuzz/Sources

clean:
	rm -rf .build demo-state
