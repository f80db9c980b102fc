#!/usr/bin/env bash
# libFuzzer targets (issue 23): builds them with -sanitize=fuzzer,address into .build-fuzz and runs each for
# SECONDS (default 600) over its seed corpus in Fuzz/Corpus/<target> (new inputs go to .build-fuzz/corpus, so
# the repository's seeds stay as they are). Crashes are written to .build-fuzz/crashes; each becomes a test.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]     (make fuzz FUZZ_SECONDS=600)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzRelative FuzzReport FuzzJSON FuzzCSV FuzzEventFile FuzzGeoJSON FuzzGazetteerImport)
# Linked with lld: gold fails on the sanitizers' objects (an internal error in its DWARF reader).
for t in "${targets[@]}"; do
    GEOMAP_FUZZ=1 swift build -c release --scratch-path .build-fuzz --toolset Fuzz/toolset.json --product "$t" 2>&1 | grep -E "error|warning: unre" || true
    [ -x ".build-fuzz/release/$t" ] || { echo "fuzz: $t did not build" >&2; exit 1; }
done
export GEOMAP_GAZETTEER=${GEOMAP_GAZETTEER:-$PWD/Gazetteer/build/gazetteer.sqlite}
# The gazetteer's caches and Swift's runtime metadata live until exit, which LeakSanitizer calls leaks; memory
# that grows run after run is caught by -rss_limit_mb instead.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Longest input per target: a relative expression is a phrase, a report a few paragraphs, files a few KB.
max_len() { case $1 in FuzzRelative) echo 256 ;; FuzzReport) echo 2048 ;; *) echo 8192 ;; esac; }
mkdir -p .build-fuzz/crashes
run_one() {
    local t=$1 log=".build-fuzz/$1.log" rc runs peak
    mkdir -p ".build-fuzz/corpus/$t"
    set +e
    ".build-fuzz/release/$t" ".build-fuzz/corpus/$t" "Fuzz/Corpus/$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" \
        -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 -artifact_prefix=".build-fuzz/crashes/$t-" > "$log" 2>&1
    rc=$?
    set -e
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
    peak=$(grep -Eo 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
    if [ $rc -eq 0 ]; then
        printf '%-22s %12s executions in %ss, peak %s MB, no crash\n' "$t" "$runs" "$seconds" "$peak"
    else
        printf '%-22s CRASH (exit %s) after %s executions: see %s and .build-fuzz/crashes/\n' "$t" "$rc" "$runs" "$log"
        return 1
    fi
}
# As many targets at once as there are cores (FUZZ_JOBS to change).
jobs=${FUZZ_JOBS:-$(nproc)}
status=0
pids=()
for t in "${targets[@]}"; do
    run_one "$t" > ".build-fuzz/$t.result" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}" || status=1
        pids=("${pids[@]:1}")
    fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
for t in "${targets[@]}"; do cat ".build-fuzz/$t.result"; done
exit $status
