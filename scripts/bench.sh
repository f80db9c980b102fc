#!/usr/bin/env bash
# `make bench`: release build, Python peers from PyPI in bench/.venv, then bench/run.py runs each case
# for geomap and its peer in the same process tree and prints the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
# The SpatiaLite peer of the store benchmark (Debian's package, loaded by geomap-bench into SQLite).
if [ ! -e /usr/lib/x86_64-linux-gnu/mod_spatialite.so ] && ! ls /usr/lib/*/mod_spatialite.so >/dev/null 2>&1; then
  apt-get update -q && apt-get install -y -q libsqlite3-mod-spatialite
fi
swift build -c release -q --product geomap-bench
swift build -c release -q --product geomap
mkdir -p bench/work
cc -O2 -o bench/work/geodesic_c bench/geodesic_c.c -lproj
venv=bench/.venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r bench/requirements.txt
# A throw-away PostGIS cluster for the store benchmark, removed when the benchmarks end.
pgdir=$(mktemp -d /tmp/geomap-bench-pg.XXXXXX)
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'scripts/pg-cluster.sh stop "$pgdir"' EXIT
scripts/pg-cluster.sh start "$pgdir" "$pgport"
"$venv/bin/python" bench/run.py --postgis "postgresql://postgres@127.0.0.1:$pgport/geomap?sslmode=disable" --geomap-bench .build/release/geomap-bench --c-baseline bench/work/geodesic_c --gazetteer Gazetteer/build/gazetteer.sqlite --geomap .build/release/geomap \
  $( [ -f Gazetteer/build/syria.sqlite ] && echo --extract-gazetteer Gazetteer/build/syria.sqlite ) "$@"
