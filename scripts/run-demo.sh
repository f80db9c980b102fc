#!/usr/bin/env bash
# The main job on the embedded default data. For now: the seed report's places resolved through the embedded
# gazetteer, and its "46 rebels killed at Kantari, 80 km north of Raqa" computed geodesically.
set -euo pipefail
geomap=${1:-.build/debug/geomap}
out=Output/demo
mkdir -p "$out"

echo "== Place names of the seed report (../shared/corpus/000_b936dedbd59c1222.txt), embedded gazetteer"
for name in Raqa Raqqa Azzaz al-Bab Idleb Alep Homs Hassaké Kantari; do
  "$geomap" resolve "$name" --limit 1 --format json
done > "$out/seed_places.json" 2> "$out/seed_places.log"
"$geomap" resolve Raqa --limit 3
echo
for name in Azzaz al-Bab Idleb Homs Hassaké; do "$geomap" resolve "$name" --limit 1 | tail -n +2; done
"$geomap" resolve Kantari || true
echo
echo "== Kantari: 80 km north of Raqa (geodesic direct on WGS84 from the resolved Raqqa, GeoNames 172955)"
raqqa=$("$geomap" resolve Raqa --limit 1 --format json | python3 -c 'import json,sys; p=json.load(sys.stdin)[0]; print("%s,%s" % (p["lat"], p["lon"]))')
"$geomap" destination "$raqqa" 80km north
"$geomap" destination "$raqqa" 80km north --format geojson --out "$out/kantari_80km_north_of_raqqa.geojson"
echo
echo "== The seed's relative locations (geomap locate: point, uncertainty area, precision)"
i=0
for e in "Kantari, à 80 km au nord de Raqa" "à 120 km de Homs" "Ram-Hamdane, au nord-est de la ville d'Idleb"; do
  i=$((i + 1))
  "$geomap" locate "$e" --format geojson --out "$out/relative_$i.geojson"
  "$geomap" locate "$e" --format json | python3 -c 'import json,sys
j=json.load(sys.stdin)
n=j.get("named_place") or {}
print("%-45s -> %s (%s), %.6f N %.6f E, geo_precision %d, uncertainty %.1f km%s" % (j["expression"], j["anchor"]["name"], j["anchor"]["id"], j["lat"], j["lon"], j["geo_precision"], j["uncertainty_km"], ("; named place %s: %s" % (n["text"], n["place"]["id"] if n.get("place") else "not in the gazetteer")) if n else ""))'
done 2>/dev/null
echo
echo "== geomap extract on the seed report"
seed=../shared/corpus/000_b936dedbd59c1222.txt
gazetteer_args=()
wof=../shared/data/whosonfirst-sy/wof_sy_places.csv
if [ -f "$wof" ]; then
  # The seed's villages (Ram Hamdan) are in Who's On First, read in place from ../shared, with the features.
  syria=Gazetteer/build/syria.sqlite
  if [ ! -f "$syria" ] || [ "$syria" -ot Gazetteer/build/gazetteer.sqlite ] || [ "$syria" -ot scripts/run-demo.sh ]; then
    rm -f "$syria"
    "$geomap" gazetteer import "$wof" --format wof --into "$syria"
    # Places that are not settlements (airbases, dams, mountains, crossings…), sourced from Wikipedia (CC BY-SA).
    features=../shared/data/syria-features/features.csv
    if [ -f "$features" ]; then "$geomap" gazetteer import "$features" --format features --country SY --into "$syria"; fi
  fi
  gazetteer_args=(--gazetteer "$syria")
fi
if [ -f "$seed" ]; then
  mkdir -p Output/seed
  # The seed's first line is a capture time stamp; the text dates itself to mid-January 2014 (issue 6).
  "$geomap" extract "$seed" "${gazetteer_args[@]}" --date 2014-01-14 > Output/seed/extract.json
  python3 - Output/seed/extract.json <<'PY'
import json, sys
x = json.load(open(sys.argv[1]))
print(f"{x['source']} ({x['lang']}): {len(x['mentions'])} mentions")
for m in x["mentions"]:
    p = m["place"] or {}
    where = f"{p.get('id') or '-'} {p.get('name') or ''}".strip()
    if m["relative"]:
        r = m["relative"]
        where = f"{p['lat']:.4f} N {p['lon']:.4f} E (from {r['anchor']['name']}, geo_precision {r['geo_precision']}, ±{r['uncertainty_km']:.0f} km)"
    print(f"  {m['start']:>5}  {m['text'][:40]:<40} → {where}")
print("events:")
for e in x["events"]:
    claims = ", ".join(f"{c['count']} ({c['source'] or '?'})" for c in e["fatality_claims"])
    print(f"  {e['date']}  {e['sub_type']:<10} {'/'.join(e['actors']) or '-':<40} at {e['location_text'] or '-'}  dead: {claims or '-'}")
print("control:")
for c in x["control"]:
    print(f"  {c['actor']} {c['status']} {c['place_text']} ({c['place_id']})")
PY
  echo "wrote Output/seed/extract.json"
  echo
  echo "== geomap build on the seed report: GIS layers (open them in QGIS: Layer > Add Layer > Add Vector Layer)"
  "$geomap" build "$seed" "${gazetteer_args[@]}" --date 2014-01-14 --out Output/seed
  if command -v ogrinfo >/dev/null; then
    for layer in incidents control_zones places uncertainty; do
      printf '%-16s' "$layer"; ogrinfo -ro -so -al "Output/seed/$layer.geojson" | grep -E "Feature Count" || true
    done
  fi
  echo "== The same layers in one GeoPackage, control zones as a timeline (QGIS's temporal controller plays it)"
  "$geomap" build "$seed" "${gazetteer_args[@]}" --date 2014-01-14 --format gpkg --timeline --out Output/seed
  if command -v ogrinfo >/dev/null; then
    ogrinfo -ro -q Output/seed/layers.gpkg -sql "SELECT actor, status, start_date, end_date, area_km2 FROM control_zones" | grep -E "=" || true
  fi
  echo
  echo "== geomap map: the seed's layers over the Natural Earth basemap"
  "$geomap" map Output/seed "${gazetteer_args[@]}" --title "Northern Syria: incidents and control, 12-14 January 2014" --out Output/seed/map.svg
  "$geomap" map Output/seed "${gazetteer_args[@]}" --title "Northern Syria: incidents and control, 12-14 January 2014" --out Output/seed/map.png
  echo
  echo "== geomap map: the interactive map, one offline HTML file (open Output/seed/map.html in a browser)"
  # Built from the report itself: the control timeline for the day slider, the evidence sentences for the popups.
  "$geomap" map "$seed" "${gazetteer_args[@]}" --date 2014-01-14 --title "Northern Syria: incidents and control, 12-14 January 2014" --out Output/seed/map.html
  if command -v chromium >/dev/null; then
    # Its screenshot in headless Chromium (offline, as the page is meant to open), beside the static PNG.
    python3 scripts/browser_check.py "file://$PWD/Output/seed/map.html" <(echo '[{"eval": "window.geomap.shownIncidents()"}, {"screenshot": "Output/seed/map_html.png"}]') \
      --width 1400 --height 900 | python3 -c 'import json, sys
v = json.load(sys.stdin)
errors = [c for c in v["console"] if c["type"] == "error"] + v["exceptions"] + [e for e in v["log"] if e["level"] == "error"]
print("headless Chromium: drawn in %.0f ms, %d incidents on the map, %d browser errors, requests: %s; wrote Output/seed/map_html.png"
      % (v["ready_ms"], v["results"][0], len(errors), sorted({r.split(":")[0] for r in v["requests"]})))'
  fi
fi
echo
echo "== Raqqa to Homs (geodesic inverse)"
"$geomap" distance Raqa Homs
"$geomap" distance Raqa Homs --format json > "$out/raqqa_homs_distance.json"
echo
echo "wrote $out/seed_places.json, $out/relative_{1,2,3}.geojson, $out/kantari_80km_north_of_raqqa.geojson, $out/raqqa_homs_distance.json"
if command -v ogrinfo >/dev/null; then
  echo "== ogrinfo (GDAL) reads the layer:"
  ogrinfo -ro -so -al "$out/kantari_80km_north_of_raqqa.geojson" | grep -E "Feature Count|Extent" || true
fi
