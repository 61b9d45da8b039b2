# taro-tui — every target installs the Debian packages it needs when they are
# missing (with sudo when not root), so a fresh machine needs only `make run`
# or `make test`.

SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_PKGS := libcurl4-openssl-dev libncurses-dev libssl-dev
TEST_PKGS := $(BUILD_PKGS) tmux ncurses-term coreutils curl python3 python3-pip nginx openssl
# aria2p (PyPI) drives the JSON-RPC end-to-end tests as a client nobody here wrote.
TEST_PIP := aria2p
BENCH_PKGS := $(BUILD_PKGS) curl nginx openssl aria2 axel time python3 tmux

# Installs whichever of the listed packages dpkg does not know as installed.
define ensure_pkgs
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

.PHONY: run demo test build release bench install deps-build deps-test deps-bench clean fuzz sanitize

deps-build:
	$(call ensure_pkgs,$(BUILD_PKGS))

deps-test:
	$(call ensure_pkgs,$(TEST_PKGS))
	@command -v aria2p >/dev/null || [ -x "$$HOME/.local/bin/aria2p" ] || { echo "installing: $(TEST_PIP) (pip)"; \
	  python3 -m pip install -q $(TEST_PIP) 2>/dev/null || python3 -m pip install -q --break-system-packages $(TEST_PIP); }

deps-bench:
	$(call ensure_pkgs,$(BENCH_PKGS))

build: deps-build
	swift build

# The Swift runtime and Foundation linked in: a short command (one small
# file) starts in half the time, without resolving thousands of symbols of
# libFoundation at every launch.
release: deps-build
	swift build -c release --static-swift-stdlib --product taro-tui

# Launches the TUI on the built-in demo (a loopback server, no network needed).
run demo: release
	.build/release/taro-tui --demo

test: deps-test
	swift build --build-tests
	swift test --disable-swift-testing

bench: deps-bench release
	Benchmarks/run.sh

install: release
	install -D -m 0755 .build/release/taro-tui $(DESTDIR)/usr/local/bin/taro-tui
	install -D -m 0644 Resources/taro-tui.1 $(DESTDIR)/usr/local/share/man/man1/taro-tui.1

# libFuzzer over every parser of outside input (see Fuzz/TaroFuzz): each
# target runs FUZZ_SECONDS from the seeds in Tests/FuzzCorpus, with its
# growing corpus in .build/fuzz-corpus; a crash leaves its input in
# .build/fuzz-crashes and fails the run. Built apart, with
# -sanitize=fuzzer,address; the Swift backtracer is off so that libFuzzer
# reports the crash itself.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= headers disposition safename record urllist keys terminaltext
fuzz: deps-build
	TARO_FUZZ=1 swift build --build-path .build/fuzz -Xswiftc -sanitize=fuzzer,address \
	  -Xswiftc -parse-as-library --product taro-fuzz
	mkdir -p .build/fuzz-crashes
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build/fuzz-corpus/$$t; \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  TARO_FUZZ_TARGET=$$t SWIFT_BACKTRACE=enable=no .build/fuzz/debug/taro-fuzz \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -print_final_stats=1 \
	    -artifact_prefix=.build/fuzz-crashes/$$t- .build/fuzz-corpus/$$t Tests/FuzzCorpus/$$t \
	    2>.build/fuzz-$$t.log || { tail -40 .build/fuzz-$$t.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^Done' .build/fuzz-$$t.log; \
	done

# The test suite under AddressSanitizer, then under ThreadSanitizer (with
# -DTARO_TSAN, so the locks are pthread mutexes TSan can see), each in its
# own build directory; any report fails the run. SANITIZE_FILTER picks tests.
# Leak checking is off: the Swift runtime's one-time caches read as leaks.
# The one throughput assertion (SHA-256 speed) is left out: instrumented
# code is several times slower by design, and `make test` checks it.
SANITIZE_FILTER ?=
SANITIZE_RUN = swift test --skip-build --disable-swift-testing --skip SHA256Tests.testHashingSpeed \
	$(if $(SANITIZE_FILTER),--filter '$(SANITIZE_FILTER)')
sanitize: deps-test
	swift build --build-tests --build-path .build/asan -Xswiftc -sanitize=address
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 \
	  $(SANITIZE_RUN) --build-path .build/asan -Xswiftc -sanitize=address
	swift build --build-tests --build-path .build/tsan -Xswiftc -sanitize=thread -Xswiftc -DTARO_TSAN
	SWIFT_BACKTRACE=enable=no TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  $(SANITIZE_RUN) --build-path .build/tsan -Xswiftc -sanitize=thread -Xswiftc -DTARO_TSAN

clean:
	rm -rf .build
