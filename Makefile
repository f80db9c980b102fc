# geomap: the two commands a fresh machine needs are `make run` and `make test`.
SWIFT ?= swift
GEOMAP_DEBUG := .build/debug/geomap

.PHONY: setup build run test bench clean

setup:
	@scripts/setup.sh

build: setup
	@$(SWIFT) build -q

## Main job on the embedded default data; writes Output/.
run: build
	@scripts/run-demo.sh $(GEOMAP_DEBUG)

## The whole test suite (Swift Testing), which also reads our layers with GDAL's ogrinfo.
test: setup
	@$(SWIFT) build -q
	@$(SWIFT) test --disable-xctest

## Benchmarks, each beside a peer (pyproj, …) measured in the same run, printed as ratios.
bench: setup
	@scripts/bench.sh

clean:
	rm -rf .build
