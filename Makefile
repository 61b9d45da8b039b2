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

.PHONY: run demo test build release bench install deps-build deps-test deps-bench clean

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

clean:
	rm -rf .build
