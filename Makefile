# The two commands a newcomer needs (README):
#   make run    installs what is missing, builds, and runs Trellis
#   make test   installs what is missing, builds with warnings as errors, runs every test
#               (including a short fuzzing run)
# and for developers:
#   make bench  prints the kernel's throughput figures (Release build)

.PHONY: run test build bench deps fuzz clean

deps:
	@packaging/install-deps.sh

build: deps
	cmake --preset dev
	cmake --build --preset dev

run: build
	packaging/run.sh build/dev

test: deps
	cmake --preset ci
	cmake --build --preset ci
	ctest --preset ci
	$(MAKE) --no-print-directory fuzz

fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz
	ctest --preset fuzz

bench: deps
	cmake --preset bench
	cmake --build --preset bench --target bench

clean:
	rm -rf build
