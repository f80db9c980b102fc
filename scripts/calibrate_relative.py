#!/usr/bin/env python3
"""Calibration harness for relative locations: do the uncertainty areas hold the places they describe?

Usage: scripts/calibrate_relative.py GEOMAP GAZETTEER [--seed N] [--loose] [-v]

Pairs (anchor, target) come from ../shared/data/whosonfirst-sy/wof_sy_places.csv: anchors are its localities of
20,000 people or more (and its governorates for part-of forms), targets its other current localities. For each
pair the harness writes what a reporter would write, in English and French:
  - distance and direction: the straight-line distance rounded as reporters round (below 10 km to the km; below
    50 km to 5 km or to the km; beyond, to 10 km or 5 km), hedged one time in three ("some", "environ"), and the
    eight-point compass word of the true bearing: "some 25 km north-east of Hama", "à 40 km au sud de Homs";
  - distance only: "12 km from X", "à 12 km de X";
  - direction only (targets within 30 km, or anywhere in a city's governorate): "north-east of X", "au nord-est de X";
  - part of a governorate: "in the northern countryside of <governorate>", "dans le nord de la province de …",
    the compass word of the target's bearing from the governorate's point;
  - proximity (targets within 8 km): "near X", "près de X".
With --loose, distances are first multiplied by a ratio drawn from those measured on the dev corpus (straight-line
distance / stated, from dev_gold.jsonl), as a reporter's road distances and guesses would be.
Each expression is one paragraph of a document given to `geomap extract`; the relative mention found there is
scored: found, anchored on the intended place (within 5 km, or the governorate), its area holding the target,
and its area (km², `area_km2`). Prints the shares and median areas by form.
"""
import csv
import json
import math
import os
import random
import statistics
import subprocess
import sys

from polygons import inside
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.join(here, "..", "..", "shared")
POINTS_EN = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
POINTS_FR = ["nord", "nord-est", "est", "sud-est", "sud", "sud-ouest", "ouest", "nord-ouest"]
ADJ_EN = ["northern", "north-eastern", "eastern", "south-eastern", "southern", "south-western", "western", "north-western"]


def inverse(a, b):
    """Great-circle distance (km) and initial bearing (degrees) from a to b, (lat, lon): enough to write text."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    d = 2 * 6371.0088 * math.asin(math.sqrt(h))
    y = math.sin(lo2 - lo1) * math.cos(la2)
    x = math.cos(la1) * math.sin(la2) - math.sin(la1) * math.cos(la2) * math.cos(lo2 - lo1)
    return d, (math.degrees(math.atan2(y, x)) + 360) % 360


def centroid(geometry):
    """Area-weighted planar centroid (lon/lat) of a Polygon or MultiPolygon's exterior rings, as (lat, lon)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    a = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            c = x1 * y2 - x2 * y1
            a += c
            cx += (x1 + x2) * c
            cy += (y1 + y2) * c
    return (cy / (3 * a), cx / (3 * a))


def region_centroids(gazetteer):
    """The centroid of each governorate's outline in the gazetteer, by its WOF id (merged records included)."""
    import sqlite3
    db = sqlite3.connect(f"file:{gazetteer}?mode=ro", uri=True)
    out, shapes = {}, {}
    for wof_id, geojson in db.execute("""SELECT i.id, s.geojson FROM place_ids i JOIN shapes s ON s.place_rowid = i.place_rowid
                                         WHERE i.id LIKE 'wof:%' UNION SELECT p.id, s.geojson FROM places p JOIN shapes s
                                         ON s.place_rowid = p.rowid WHERE p.id LIKE 'wof:%'"""):
        shapes[wof_id[4:]] = json.loads(geojson)
        out[wof_id[4:]] = centroid(shapes[wof_id[4:]])
    return out, shapes


def area_km2(geometry):
    """Area of a GeoJSON (multi)polygon in km², on a local equirectangular projection: for binaries that print no
    `area_km2` (older versions, compared before and after)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    total = 0.0
    for polygon in polygons:
        for k, ring in enumerate(polygon):
            lat0 = math.radians(sum(p[1] for p in ring) / len(ring))
            pts = [(math.radians(x) * 6371.0088 * math.cos(lat0), math.radians(y) * 6371.0088) for x, y in ring]
            a = abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:]))) / 2
            total += a if k == 0 else -a
    return total


def stated(d, rng):
    if d < 10:
        return max(1, round(d))
    if d < 50:
        return round(d / 5) * 5 if rng.random() < 0.6 else round(d)
    return round(d / 10) * 10 if rng.random() < 0.7 else round(d / 5) * 5


def dev_ratios():
    wof = {int(r["wof_id"]): (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(open(os.path.join(shared, "data/whosonfirst-sy/wof_sy_places.csv"), encoding="utf-8"))}
    out = []
    for line in open(os.path.join(shared, "corpus/dev/dev_gold.jsonl"), encoding="utf-8"):
        for r in json.loads(line)["relative"]:
            if r["distance_km"] and r["anchor_wof_id"] in wof:
                for t in r["describes_wof_ids"]:
                    if t in wof:
                        out.append(inverse(wof[r["anchor_wof_id"]], wof[t])[0] / r["distance_km"])
    return out


def main():
    geomap, gazetteer = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 18
    loose = "--loose" in sys.argv
    rng = random.Random(seed)
    ratios = dev_ratios()
    rows = [r for r in csv.DictReader(open(os.path.join(shared, "data/whosonfirst-sy/wof_sy_places.csv"), encoding="utf-8"))
            if r["is_current"] != "0"]
    localities = [r for r in rows if r["placetype"] == "locality"]
    for r in localities:
        r["at"] = (float(r["lat"]), float(r["lon"]))
    # Names as a Latin-script report writes them (a few big cities' WOF main names are in Arabic script).
    anchors = [r for r in localities if int(r["population"] or 0) >= 20000 and r["name"].replace(" ", "").replace("-", "").isalpha()
               and r["name"].isascii() and all(w[0].isupper() for w in r["name"].split())]
    regions = [r for r in rows if r["placetype"] == "region" and r["name"] not in ("United Nations Disengagement Observer Force", "Akkar")]
    cases = []   # (form, text, anchor point or region id, target point)
    for a in anchors:
        near = [(inverse(a["at"], t["at"]), t) for t in localities if t is not a]
        for lo, hi, n in ((3, 10, 2), (10, 30, 3), (30, 60, 2), (60, 150, 2)):
            pool = [(dg, t) for dg, t in near if lo <= dg[0] < hi]
            for (d, b), t in rng.sample(pool, min(n, len(pool))):
                k = int(((b + 22.5) % 360) // 45)
                s = stated(d * (rng.choice(ratios) if loose else 1), rng)
                hedge = rng.random() < 1 / 3
                cases.append(("distance_direction", f"{'some ' if hedge else ''}{s} km {POINTS_EN[k]} of {a['name']}", a, t))
                cases.append(("distance_direction", f"à {'environ ' if hedge else ''}{s} km au {POINTS_FR[k]} de {a['name']}"
                              if POINTS_FR[k][0] not in "eo" else f"à {'environ ' if hedge else ''}{s} km à l'{POINTS_FR[k]} de {a['name']}", a, t))
                cases.append(("distance", f"{s} km from {a['name']}", a, t))
                # A heading alone: a nearby place, or a city's place anywhere in its governorate.
                if d < 30 or (int(a["population"] or 0) >= 100000 and t["region_id"] == a["region_id"]):
                    cases.append(("direction", f"{POINTS_EN[k]} of {a['name']}", a, t))
                if d < 8:
                    cases.append(("proximity", f"near {a['name']}", a, t))
    # A reporter places a village in "the north of the province" by the province's middle: its outline's
    # centroid; villages within 15 km of it are in no part.
    # Targets lie inside the gazetteer's outline of the governorate (WOF and Natural Earth draw a few borders
    # differently: the Golan, the coast).
    middles, outlines = region_centroids(gazetteer)
    for g in regions:
        if g["wof_id"] not in middles:
            continue
        g["middle"] = middles[g["wof_id"]]
        members = [t for t in localities if t["region_id"] == g["wof_id"] and inverse(g["middle"], t["at"])[0] >= 15
                   and inside(t["at"], outlines[g["wof_id"]])]
        for t in rng.sample(members, min(20, len(members))):
            k = int(((inverse(g["middle"], t["at"])[1] + 22.5) % 360) // 45)
            cases.append(("part_of", f"in the {ADJ_EN[k]} countryside of {g['name']}", g, t))
            cases.append(("part_of", f"dans le {POINTS_FR[k]} de la province de {g['name']}", g, t))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        starts = []
        pos = 0
        for _, text, _, _ in cases:
            line = f"Clashes were reported {text} on Monday.\n\n" if not text.startswith(("à", "dans")) else f"Des combats ont eu lieu {text} lundi.\n\n"
            starts.append((pos, pos + len(line)))
            f.write(line)
            pos += len(line)
        path = f.name
    out = json.loads(subprocess.run([geomap, "extract", path, "--gazetteer", gazetteer], check=True, capture_output=True, text=True).stdout)
    os.unlink(path)
    rel = sorted((m for m in out["mentions"] if m["relative"]), key=lambda m: m["start"])
    by_form = {}
    j = 0
    for (form, text, a, t), (s, e) in zip(cases, starts):
        while j < len(rel) and rel[j]["start"] < s:
            j += 1
        hit = rel[j] if j < len(rel) and rel[j]["start"] < e else None
        st = by_form.setdefault(form, {"n": 0, "found": 0, "anchored": 0, "held": 0, "areas": [], "missed": []})
        st["n"] += 1
        if hit is None:
            st["missed"].append(f"not found: {text}")
            continue
        st["found"] += 1
        anchor = hit["relative"]["anchor"]
        if a["placetype"] == "region":
            ok = inside(t["at"], hit["relative"]["uncertainty"]) or True   # a governorate anchor is its own outline
            anchored = inverse((anchor["lat"], anchor["lon"]), (float(a["lat"]), float(a["lon"])))[0] < 80
        else:
            anchored = inverse((anchor["lat"], anchor["lon"]), a["at"])[0] < 5
        if not anchored:
            st["missed"].append(f"anchor {anchor['name']}: {text}")
            continue
        st["anchored"] += 1
        st["areas"].append(hit["relative"].get("area_km2") or area_km2(hit["relative"]["uncertainty"]))
        if inside(t["at"], hit["relative"]["uncertainty"]):
            st["held"] += 1
        else:
            d, b = inverse(a["at"] if a["placetype"] != "region" else a["middle"], t["at"])
            st["missed"].append(f"outside ({d:.1f} km at {b:.0f}°: {t['name']} {t['lat']},{t['lon']}): {text}")
    print(f"calibration ({'loose: dev-measured distance ratios' if loose else 'rounded and quantised'}), seed {seed}, {len(cases)} expressions")
    print(f"{'form':20} {'n':>5} {'found':>6} {'anchored':>9} {'held':>7} {'median km²':>11}")
    areas = []
    held = anchored = 0
    for form, st in sorted(by_form.items()):
        areas += st["areas"]
        held += st["held"]
        anchored += st["anchored"]
        share = st["held"] / max(1, st["anchored"])
        med = statistics.median(st["areas"]) if st["areas"] else 0
        print(f"{form:20} {st['n']:5} {st['found']:6} {st['anchored']:9} {share:7.1%} {med:11,.0f}")
    print(f"{'all':20} {len(cases):5} {'':6} {anchored:9} {held / max(1, anchored):7.1%} {statistics.median(areas) if areas else 0:11,.0f}")
    if "-v" in sys.argv:
        for form, st in sorted(by_form.items()):
            for m in st["missed"][:25]:
                print(f"{form}: {m}")


if __name__ == "__main__":
    main()
