# The two commands of the README. Both install missing Debian packages first (as root),
# configure and build (Release, -j2); `run` then serves, `test` runs every test.
BUILD_DIR ?= build
JOBS ?= 2
PACKAGES := $(shell grep -v '^\#' packaging/debian-packages.txt | tr '\n' ' ')
DATA_DIR ?= $(CURDIR)/var

.PHONY: run test build deps configure bench clean screenshots fuzz format package oidc-deps

run: build
	@mkdir -p "$(DATA_DIR)"
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -x "$(BUILD_DIR)/app/gatehouse" ]; then \
		exec "$(BUILD_DIR)/app/gatehouse" --data-dir "$(DATA_DIR)"; \
	else \
		exec "$(BUILD_DIR)/app/gatehoused" --data-dir "$(DATA_DIR)" --listen 0.0.0.0:3539; \
	fi

test: build oidc-deps
	cd "$(BUILD_DIR)" && ctest --output-on-failure --timeout 600 -j$(JOBS)

# The OpenID provider of the relying-party tests (tests/oidc: npm's oidc-provider, exactly as
# package-lock.json pins it), installed again whenever the lock file is newer than the install.
# npm writes node_modules/.package-lock.json last, so an interrupted install is redone.
OIDC_DIR := tests/oidc
oidc-deps: deps $(OIDC_DIR)/node_modules/.package-lock.json

$(OIDC_DIR)/node_modules/.package-lock.json: $(OIDC_DIR)/package-lock.json $(OIDC_DIR)/package.json
	npm ci --prefix $(OIDC_DIR) --no-audit --no-fund
	@touch $@

build: deps configure
	cmake --build "$(BUILD_DIR)" -j$(JOBS)

configure:
	@[ -f "$(BUILD_DIR)/CMakeCache.txt" ] || cmake -S . -B "$(BUILD_DIR)" -G Ninja -DCMAKE_BUILD_TYPE=Release

deps:
	@missing=$$(dpkg-query -W -f='$${Package} $${db:Status-Status}\n' $(PACKAGES) 2>/dev/null \
		| awk '$$2 != "installed" {print $$1}'; \
		for p in $(PACKAGES); do dpkg-query -W -f='$${Package}\n' $$p >/dev/null 2>&1 || echo $$p; done); \
	missing=$$(echo $$missing | tr ' ' '\n' | sort -u | tr '\n' ' '); \
	if [ -n "$$(echo $$missing | tr -d ' ')" ]; then \
		if [ "$$(id -u)" != 0 ]; then \
			echo "Missing Debian packages: $$missing-- run 'sudo make deps' (or install them) first."; exit 1; \
		fi; \
		echo "Installing Debian packages: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The installers of this platform (CPack; docs/PACKAGING.md) into dist/.
package: build
	cpack --config "$(BUILD_DIR)/CPackConfig.cmake" -B "$(BUILD_DIR)/cpack"
	@mkdir -p dist && cp "$(BUILD_DIR)"/cpack/*.deb dist/ && ls -l dist/

bench: build
	tests/bench/run.sh "$(BUILD_DIR)"

# The README's pictures of the control panel: a scripted data set, one PNG per page, under Xvfb.
screenshots: deps configure
	cmake --build "$(BUILD_DIR)" -j$(JOBS) --target gatehouse_screenshots
	xvfb-run -a -s "-screen 0 1280x900x24" "$(BUILD_DIR)/tests/gatehouse_screenshots" docs/screenshots

# libFuzzer harnesses (tests/fuzz/) in their own clang build with sanitizers, each run for
# FUZZ_SECONDS (or FUZZ_RUNS executions); `make test` only replays their committed corpora.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz: deps
	@[ -f "$(FUZZ_BUILD_DIR)/CMakeCache.txt" ] || CC=clang-14 CXX=clang++-14 cmake -S . -B "$(FUZZ_BUILD_DIR)" \
		-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGATEHOUSE_FUZZ=ON
	cmake --build "$(FUZZ_BUILD_DIR)" -j$(JOBS) --target fuzzers
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh "$(FUZZ_BUILD_DIR)" $(FUZZERS)

# Every C++ file as .clang-format writes it; `make test` (checks_format) fails otherwise.
format: deps
	git ls-files -- '*.cpp' '*.h' | xargs clang-format-14 -i

clean:
	rm -rf "$(BUILD_DIR)" "$(FUZZ_BUILD_DIR)"
