# Yardstick: two commands do everything on a fresh Debian machine with Swift 6.3.
#   make run    the main job on the embedded default data
#   make test   the test suite
SWIFT ?= swift
BIN := .build/debug/yardstick

.PHONY: all deps build run test fuzz sanitize bench embed screenshot install man clean

all: build

# OpenBLAS (BLAS + LAPACK) and the LAPACK header; installed with apt when missing (as root), otherwise the exact
# command is printed and make stops.
deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists openblas && [ -f /usr/include/lapack.h ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing libopenblas-dev liblapacke-dev pkg-config with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libopenblas-dev liblapacke-dev pkg-config; \
	else \
	  echo "Yardstick needs OpenBLAS and the LAPACK header. Run:"; \
	  echo "  sudo apt-get update && sudo apt-get install -y libopenblas-dev liblapacke-dev pkg-config"; \
	  exit 1; \
	fi

build: deps
	$(SWIFT) build

run: build
	$(BIN) report

test: deps
	$(SWIFT) build
	$(SWIFT) test
	if [ -f ../shared/checks/contract.py ]; then python3 ../shared/checks/contract.py $(BIN); fi

# libFuzzer + AddressSanitizer on every reader (Fuzz/: a package of its own, built in .build-fuzz so that .build is
# never touched), one target after another, FUZZ_SECONDS each, one process at a time; -max_len, -timeout=10 and the
# seeds are set per target in Fuzz/run.sh. Crashes and hangs go to .build-fuzz/artifacts/TARGET/.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= long wdi sdmx eurostat wide metadata xlsx text
# The test suite under AddressSanitizer, then ThreadSanitizer, each in a build folder of its own.
sanitize: deps
	scripts/sanitize.sh

fuzz: deps
	Fuzz/build.sh
	for t in $(FUZZ_TARGETS); do Fuzz/run.sh $$t $(FUZZ_SECONDS) $(FUZZ_ARGS) || exit 1; done

# Benchmarks (release build of Benchmarks/, ordo-one benchmark) beside the numpy and pandas peers, with their ratios.
# The peers run in a virtual environment of their own (Benchmarks/.venv) from a pinned requirements file.
# `make bench BENCH_ARGS=--quick` leaves out the 1 000 000-series cases.
BENCH_VENV := Benchmarks/.venv
bench: deps
	@[ -x $(BENCH_VENV)/bin/python ] || python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q -r Benchmarks/peers/requirements.txt
	$(BENCH_VENV)/bin/python Benchmarks/compare.py $(BENCH_ARGS)

clean:
	rm -rf .build

# The release binary, its bash, zsh and fish completions and its man page under PREFIX (scripts/install.sh).
PREFIX ?= /usr/local
install: deps
	$(SWIFT) build -c release --product yardstick
	scripts/install.sh .build/release/yardstick $(PREFIX)

# Regenerates docs/yardstick.1 from the commands' help (swift-argument-parser's generate-manual plugin).
man: deps
	$(SWIFT) package plugin generate-manual --configuration debug
	cp .build/plugins/GenerateManual/outputs/YardstickCLI/yardstick.1 docs/yardstick.1

# Regenerates the Swift sources that embed the default data (Sources/Yardstick/Model/EmbeddedData/, one per file).
embed:
	python3 scripts/embed_data.py

# The HTML report of the embedded data and its screenshots (needs Debian's chromium; skipped without it).
screenshot: build
	bash scripts/screenshot.sh docs
