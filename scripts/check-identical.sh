#!/usr/bin/env bash
# Byte identity of geomap's outputs between a reference commit and the work tree: `extract` of every report
# under ../shared/corpus (default gazetteer and the Who's On First Syria import), `extract --format yaml` of the
# seed, `locate` of the seed's expressions, and the seed's `geomap build` layers (GeoJSON and CSV).
# Usage: scripts/check-identical.sh [REF]   (REF defaults to origin/main, else HEAD)
# The reference is built in a worktree under .build-ref/ (its own build folder); both binaries read the same
# gazetteer files. Prints one line per output and exits 1 on the first difference summary.
set -euo pipefail
cd "$(dirname "$0")/.."
# Resolved here: "HEAD" given as is would name the worktree's own HEAD there.
ref=$(git rev-parse --verify "${1:-$(git rev-parse --verify -q origin/main || git rev-parse HEAD)}^{commit}")
shared=../shared
worktree=.build-ref/tree
mkdir -p .build-ref
if [ ! -d "$worktree" ]; then git worktree add -f --detach "$worktree" "$ref" >/dev/null; fi
git -C "$worktree" checkout -q --detach "$ref"
echo "reference $(git -C "$worktree" rev-parse --short HEAD), work tree $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
(cd "$worktree" && swift build -q --product geomap)
swift build -q --product geomap
old=$worktree/.build/debug/geomap
new=.build/debug/geomap
default_gaz=Gazetteer/build/gazetteer.sqlite
syria=Gazetteer/build/syria.sqlite
[ -f "$syria" ] || "$new" gazetteer import "$shared/data/whosonfirst-sy/wof_sy_places.csv" --format wof --into "$syria"
out=.build-ref/out
rm -rf "$out"; mkdir -p "$out/old" "$out/new"
fails=0
compare() { # name, then the command's arguments after the binary
    local name=$1; shift
    "$old" "$@" > "$out/old/$name" 2>/dev/null || true
    "$new" "$@" > "$out/new/$name" 2>/dev/null || true
    if cmp -s "$out/old/$name" "$out/new/$name"; then
        echo "identical  $name ($(wc -c < "$out/new/$name") bytes)"
    else
        echo "DIFFERENT  $name"; fails=$((fails + 1))
    fi
}
for f in "$shared"/corpus/*.txt "$shared"/corpus/dev/*.txt; do
    b=$(basename "$f" .txt)
    compare "$b.default.json" extract "$f" --gazetteer "$default_gaz" --date 2014-01-14
    compare "$b.syria.json" extract "$f" --gazetteer "$syria" --date 2014-01-14
done
for f in Tests/ReportsTests/Fixtures/acled_sample.csv Tests/ReportsTests/Fixtures/seed_events.yaml; do
    compare "$(basename "$f").json" extract "$f" --gazetteer "$syria" --skip-bad-rows
done
seed=$shared/corpus/000_b936dedbd59c1222.txt
compare seed.syria.yaml extract "$seed" --gazetteer "$syria" --date 2014-01-14 --format yaml
cat "$shared"/corpus/dev/*.txt "$seed" "$seed" "$seed" > "$out/corpus3.txt"
compare corpus3.streamed.json extract "$out/corpus3.txt" --gazetteer "$syria" --date 2014-01-14 --stream-above 0 --chunk-bytes 6000
for e in "Kantari, à 80 km au nord de Raqa" "à 120 km de Homs" "Ram-Hamdane, au nord-est de la ville d'Idleb" "in the northern countryside of Hama"; do
    compare "locate.$(echo "$e" | tr -c 'a-zA-Z0-9' '_').json" locate "$e" --gazetteer "$syria" --format json
done
for fmt in geojson geojsonseq csv; do
    for bin in old new; do
        b=$old; [ $bin = new ] && b=$new
        rm -rf "$out/$bin/build-$fmt"
        "$b" build "$seed" Tests/ReportsTests/Fixtures/seed_events.yaml Tests/ReportsTests/Fixtures/acled_sample.csv --skip-bad-rows --gazetteer "$syria" --date 2014-01-14 --format "$fmt" --out "$out/$bin/build-$fmt" 2>/dev/null
    done
    for f in "$out"/new/build-$fmt/*; do
        n=$(basename "$f")
        if cmp -s "$out/old/build-$fmt/$n" "$f"; then echo "identical  build $fmt/$n"; else echo "DIFFERENT  build $fmt/$n"; fails=$((fails + 1)); fi
    done
done
echo "$fails different"
[ "$fails" -eq 0 ]
