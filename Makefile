# LoopLab — the two commands of the README's quick start, plus a few more.
#   make run    install missing Debian packages, build, run LoopLab
#   make test   same set-up, then the whole test suite through ctest (release build, then the
#               unit tests, C++ scenarios and the interpreter's corpus again at -O0 under
#               AddressSanitizer + UBSan)
#   make bench  release build, then LoopLab's benchmarks side by side with CPython and uvloop
#   make generated  5,000 random scenarios through looplab and CPython (CI runs 200)
#   make build  (or just `make`) set-up and release build;  make clean  removes build/

# Debian packages the build and tests need; bench adds uvloop for the comparison. The GUI:
# Dear ImGui 1.86 with its GLFW/OpenGL3 backends, GLFW, glad (generates the GL loader at build
# time, offline), stb (PNG screenshots), Mesa, fonts for Latin/Cyrillic and Chinese; its tests
# run under Xvfb.
PACKAGES       := g++ cmake make catch2 python3 pkg-config libimgui-dev libglfw3-dev python3-glad libstb-dev \
                  libgl1-mesa-dri xvfb xauth fonts-dejavu-core fonts-noto-cjk
BENCH_PACKAGES := python3-uvloop
PYTHON         := /usr/bin/python3
JOBS           ?= 2
# Tests that run Python code through the interpreter (plus the differential corpus, whose
# `looplab run` is then the sanitized one). Under the sanitize preset they run with
# LeakSanitizer off: the interpreter has no cycle collector yet, so reference cycles among
# Python objects (a class, its methods, their module's globals) outlive a run, as they would in
# CPython without its gc. ASan's memory-error checks and UBSan stay on for them.
RUNS_PYTHON := ^(arith|os_error|traceback_object|builtins|builtins_iter|dict|float_format|format_spec|hash|number_parse|parser|random|scanner|str_methods|unicode_text|set|list_methods|modules|lessons|lesson_facts|builder|corpus|recording|snapshot)_test:

.PHONY: all build run test bench generated clean deps bench-deps

all: build

deps:
	@PACKAGES="$(PACKAGES)" sh tools/install-deps.sh

bench-deps:
	@PACKAGES="$(PACKAGES) $(BENCH_PACKAGES)" sh tools/install-deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

# run builds only the app, so a first `make run` does not wait for the test binaries.
run: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target looplab
	@./build/looplab

test: build
	@cd build && ctest --output-on-failure -j $(JOBS)
	@cmake --preset sanitize >/dev/null
	@cmake --build --preset sanitize -j $(JOBS)
	@cd build/sanitize && ctest --output-on-failure -j $(JOBS) -R "_test:|fidelity:" -E "$(RUNS_PYTHON)"
	@cd build/sanitize && ASAN_OPTIONS=detect_leaks=0 ctest --output-on-failure -j $(JOBS) -R "$(RUNS_PYTHON)|^interp: (tut|edge)_"

bench: bench-deps build
	@$(PYTHON) bench/compare.py --looplab build/looplab-bench --looplab-trace
	@$(PYTHON) bench/py_compare.py --looplab build/looplab

# The random-scenario differential test at scale (CI runs 200 of these).
generated: build
	@$(PYTHON) tests/interp/generated.py --looplab build/looplab --seed 1 --count 5000 -j $(JOBS)

clean:
	rm -rf build
