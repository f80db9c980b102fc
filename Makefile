# geomap: the two commands a fresh machine needs are `make run` and `make test`.
SWIFT ?= swift
GEOMAP_DEBUG := .build/debug/geomap
GAZETTEER := Gazetteer/build/gazetteer.sqlite
# The index depends on the name-matching code: rebuild when it changes.
GAZETTEER_INPUTS := Gazetteer/aliases.csv $(wildcard Sources/Places/*.swift Sources/Places/Importers/*.swift Sources/Places/Lexicon/*.csv)

.PHONY: setup build gazetteer run test bench fuzz clean

setup:
	@scripts/setup.sh

build: setup
	@$(SWIFT) build -q

## The embedded default gazetteer (GeoNames cities500 + Natural Earth + curated aliases), built by geomap itself.
gazetteer: build $(GAZETTEER)

$(GAZETTEER): $(GAZETTEER_INPUTS)
	@scripts/fetch-gazetteer-sources.sh
	@$(GEOMAP_DEBUG) gazetteer build --sources Gazetteer/build/sources --aliases Gazetteer/aliases.csv --out $@

## Main job on the embedded default data; writes Output/.
run: gazetteer
	@scripts/run-demo.sh $(GEOMAP_DEBUG)

## The whole test suite (Swift Testing), which also reads our layers with GDAL's ogrinfo.
test: gazetteer
	@$(SWIFT) test --disable-xctest

## Benchmarks, each beside a peer (pyproj, a Python dict, SQLite FTS5 …) in the same run, printed as ratios.
bench: gazetteer
	@scripts/bench.sh

## libFuzzer targets (Fuzz/), each run FUZZ_SECONDS (default 600) over its seeds; not part of `make test`.
FUZZ_SECONDS ?= 600
fuzz: gazetteer
	@scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build .build-fuzz Gazetteer/build
