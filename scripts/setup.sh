#!/usr/bin/env bash
# Installs what geomap needs from Debian's packages, only what is missing; silent when all is present.
# Idempotent: `make run`, `make test` and `make bench` call it first.
set -euo pipefail

packages=(
  pkg-config
  libproj-dev proj-bin proj-data   # PROJ: geodesics, CRS transforms (CPROJ)
  libgeos-dev                      # GEOS: buffers, unions, Voronoi (CGEOS)
  libpcre2-dev                     # PCRE2: the relative-location grammar and other text patterns (CPCRE2)
  libjemalloc-dev                  # jemalloc: the geomap executable's malloc (faster than glibc's for its many small values)
  libgdal-dev                      # GDAL/OGR: GeoPackage, FlatGeobuf, Shapefile, KML writers and any vector source in (CGDAL)
  gdal-bin                         # ogrinfo/ogr2ogr: the tests read our layers with GDAL
  librsvg2-bin                     # rsvg-convert: SVG maps to PNG
  libjs-leaflet libjs-leaflet.markercluster   # Leaflet 1.7 and its marker clusters, inlined into HTML maps
  chromium                         # headless browser: the HTML map's tests, its screenshot and load benchmark
  python3-qgis                     # QGIS 3.22 headless: a test loads our GeoPackage as QGIS Desktop does
  postgresql-15 postgresql-15-postgis-3   # the PostGIS event store; tests start a throw-away cluster
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.1 or later is required)" >&2; exit 1; }
