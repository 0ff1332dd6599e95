# crossread's front door. Every target installs what it needs first.
#
#   make run            brief the sample corpus in examples/
#   make test           build and run every test
#   make test-sanitize  the same under AddressSanitizer + UBSan
#   make warnings       warning-free builds with gcc and clang (-Werror)
#   make bench          benchmarks (see bench/README.md)
#   make fuzz           build the libFuzzer harnesses (clang)

BUILD ?= build
MESON ?= meson
FORMAT ?=

.PHONY: all deps build run test test-sanitize warnings bench fuzz clean

all: build

deps:
	@./scripts/install-deps

$(BUILD)/build.ninja:
	@./scripts/install-deps
	$(MESON) setup $(BUILD) --buildtype=debugoptimized >/dev/null

build: $(BUILD)/build.ninja
	@ninja -C $(BUILD) >/dev/null

run: build
	./$(BUILD)/crossread brief $(FORMAT) examples/

test: build
	@./scripts/run-tests $(BUILD)

test-sanitize: deps
	@[ -f build-asan/build.ninja ] || CC=clang $(MESON) setup build-asan \
		-Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug >/dev/null
	@ninja -C build-asan >/dev/null
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	 ./scripts/run-tests build-asan

warnings: deps
	@for c in gcc clang; do \
		[ -f build-$$c/build.ninja ] || CC=$$c $(MESON) setup build-$$c \
			--werror -Dwarning_level=2 >/dev/null || exit 1; \
		ninja -C build-$$c >/dev/null || exit 1; \
		echo "warnings: $$c build is warning-free"; \
	done

bench: build
	@./scripts/install-deps --bench
	@CR_BIN=./$(BUILD)/crossread ./bench/throughput
	@CR_BIN=./$(BUILD)/crossread ./bench/throughput --duc
	@CR_BIN=./$(BUILD)/crossread ./bench/extract-speed

fuzz: deps
	@./tests/fuzz/build-libfuzzer

clean:
	rm -rf $(BUILD) build-asan build-gcc build-clang build-fuzz
