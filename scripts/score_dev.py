#!/usr/bin/env python3
"""Scores `geomap extract` against the dev corpus gold (../shared/corpus/dev/dev_gold.jsonl).

Usage: scripts/score_dev.py GEOMAP GAZETTEER_WITH_WOF
A predicted toponym counts as correct when its span overlaps a gold toponym and its place carries the gold
WOF id (or one of its alt ids) — directly or merged into a GeoNames record — or the gold GeoNames id.
Predictions on spans the gold lists as not_linked "foreign" are left out (the gold links Syrian places only).
The gold links settlements only: on spans it lists as not_linked "feature" or "neighbourhood" (the Euphrates,
Ghouta, Sheikh Maqsoud), a reading of a feature or neighbourhood is left out of precision and recall and listed
("unlinked spans read as features"); a settlement reading there is a false positive. A feature reading of a
gold settlement span ("l'aéroport militaire de Hama", gold: the city) counts as correct only when the feature
lies within 10 km of the gold point (a feature named after the place beside it), and is listed.
"Within 10 km": the reading's point lies within 10 km of the gold point; for an area with an outline in the
gazetteer (a governorate, a country), the gold point lies inside the outline (the two sources' representative
points of one governorate are often 10–30 km apart, and neither is where the area is).
Relative expressions: found when a predicted relative mention overlaps the gold span; for distance+bearing
ones, the computed point is compared with the gold point.
"""
import json
import math
import os
import sqlite3
import subprocess
import sys

from polygons import inside

here = os.path.dirname(os.path.abspath(__file__))
dev = os.path.join(here, "..", "..", "shared", "corpus", "dev")


# Kinds of settlements and administrative areas; any other kind is a feature (mountain, dam, airbase…).
SETTLEMENT_KINDS = {"country", "region", "district", "city", "town", "village", "locality"}


def km(a, b):
    # Haversine is enough for a 10 km threshold in a score; the product itself never uses it.
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


STATUS = {"captured": "controls", "besieged": "contested"}
# The gold's six kinds and the ACLED sub-event types each may be written as.
SUB_EVENTS = {
    "air_strike": {"Air/drone strike"},
    "shelling": {"Shelling/artillery/missile attack"},
    "car_bomb": {"Remote explosive/landmine/IED", "Suicide bomb"},
    "clashes": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "execution": {"Attack"},
    "abduction": {"Abduction/forced disappearance"},
}
counts = {k: 0 for k in ("actor tp", "actor pred", "actor gold", "toll events", "toll exact", "claims", "claims with source",
                         "sub-event right", "matched", "claim actors right")}


actor_notes = []
out_of_scope = []


def score_event(file, e, gold):
    """Actors, tolls and ACLED sub-event type of a predicted event matched to a gold one. The gold names sides
    only: "Civilians" (ACLED's actor 2 for violence against civilians) is left out of the actor counts."""
    counts["matched"] += 1
    predicted = {a for a in e["actors"] if a != "Civilians"}
    wanted = set(gold["actors"])
    counts["actor tp"] += len(predicted & wanted)
    counts["actor pred"] += len(predicted)
    counts["actor gold"] += len(wanted)
    if predicted != wanted:
        actor_notes.append(f"{file}: {gold['sub_type']} at wof:{gold['location_wof_id']}: actors {sorted(predicted)}, gold {sorted(wanted)}")
    counts["sub-event right"] += e["sub_event_type"] in SUB_EVENTS.get(gold["sub_type"], set())
    if gold["fatalities_low"] is not None:
        counts["toll events"] += 1
        counts["toll exact"] += (e["fatalities_low"], e["fatalities_high"]) == (gold["fatalities_low"], gold["fatalities_high"])
    for c in e["fatality_claims"]:
        counts["claims"] += 1
        counts["claims with source"] += c["source"] is not None


def main():
    geomap, gaz = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(f"file:{gaz}?mode=ro", uri=True)
    other_ids = {}
    for pid, oid in db.execute("SELECT p.id, i.id FROM place_ids i JOIN places p ON p.rowid = i.place_rowid"):
        other_ids.setdefault(pid, set()).add(oid)
    geonames = dict(db.execute("SELECT id, geonames_id FROM places WHERE geonames_id IS NOT NULL"))
    shapes = {pid: json.loads(g) for pid, g in db.execute("SELECT p.id, s.geojson FROM shapes s JOIN places p ON p.rowid = s.place_rowid")}
    gold = [json.loads(l) for l in open(os.path.join(dev, "dev_gold.jsonl"), encoding="utf-8")]
    tp = fp = fn = 0
    within10 = 0
    rel_found = rel_total = 0
    rel_points = []
    rel_held = rel_checked = gold_points = gold_points_held = 0
    wof_points = {}
    import csv as _csv
    for r in _csv.DictReader(open(os.path.join(dev, "..", "..", "data", "whosonfirst-sy", "wof_sy_places.csv"), encoding="utf-8")):
        wof_points[int(r["wof_id"])] = (float(r["lat"]), float(r["lon"]))
    ev_tp = ev_pred = ev_gold = 0
    ctl_tp = ctl_pred = ctl_gold = 0
    errors = []
    unlinked_read = []
    feature_of_gold = []
    far = []
    for g in gold:
        path = os.path.join(dev, g["file"])
        out = subprocess.run([geomap, "extract", path, "--gazetteer", gaz], check=True, capture_output=True, text=True).stdout
        x = json.loads(out)
        text = open(path, encoding="utf-8").read()
        foreign = [(n["start"], n["end"]) for n in g["not_linked"] if n["type"] == "foreign"]
        unlinked_features = [(n["start"], n["end"]) for n in g["not_linked"] if n["type"] in ("feature", "neighbourhood")]
        preds = [m for m in x["mentions"] if m["relative"] is None and m["place"] is not None]
        rels = [m for m in x["mentions"] if m["relative"] is not None]
        matched_gold = set()
        for m in preds:
            assert text[m["start"]:m["end"]] == m["text"], (g["file"], m)
            if any(m["start"] < e and s < m["end"] for s, e in foreign):
                continue
            hits = [k for k, t in enumerate(g["toponyms"]) if m["start"] < t["end"] and t["start"] < m["end"]]
            is_feature = m["place"]["kind"] not in SETTLEMENT_KINDS
            if not hits and is_feature and any(m["start"] < e and s < m["end"] for s, e in unlinked_features):
                unlinked_read.append(f"{g['file']}: {m['text']!r} → {m['place']['id']} ({m['place']['kind']})")
                continue
            if not hits:
                fp += 1
                errors.append(f"{g['file']}: extra {m['text']!r} → {m['place']['id']} {m['place']['name']}")
                continue
            t = g["toponyms"][hits[0]]
            ids = {m["place"]["id"]} | other_ids.get(m["place"]["id"], set())
            gold_ids = {f"wof:{t['wof_id']}"} | {f"wof:{a}" for a in t["alt_wof_ids"]}
            ok = bool(ids & gold_ids) or (t["geonames_id"] is not None and geonames.get(m["place"]["id"]) == t["geonames_id"])
            if not ok and is_feature and km((m["place"]["lat"], m["place"]["lon"]), (t["lat"], t["lon"])) <= 10:
                ok = True
                feature_of_gold.append(f"{g['file']}: {m['text']!r} → {m['place']['id']} (gold {t['name']}, "
                                       f"{km((m['place']['lat'], m['place']['lon']), (t['lat'], t['lon'])):.1f} km)")
            if ok:
                tp += 1
                matched_gold.add(hits[0])
            else:
                fp += 1
                errors.append(f"{g['file']}: wrong {m['text']!r} → {m['place']['id']} {m['place']['name']} (gold wof:{t['wof_id']} {t['name']})")
            shape = shapes.get(m["place"]["id"])
            if shape is not None and inside((t["lat"], t["lon"]), shape) or km((m["place"]["lat"], m["place"]["lon"]), (t["lat"], t["lon"])) <= 10:
                within10 += 1
            else:
                far.append(f"{g['file']}: {m['text']!r} → {m['place']['id']} {m['place']['kind']} "
                           f"{km((m['place']['lat'], m['place']['lon']), (t['lat'], t['lon'])):.0f} km from gold {t['name']} ({t['kind']})")
        for k, t in enumerate(g["toponyms"]):
            if k not in matched_gold:
                fn += 1
                if not any(m["start"] < t["end"] and t["start"] < m["end"] for m in preds):
                    errors.append(f"{g['file']}: missed {t['surface']!r} ({t['name']}, {t['kind']})")
        # Events: same sub_type at the gold place (WOF id, alt id or GeoNames id), any date.
        def same_place(pid, wof):
            ids = {pid} | other_ids.get(pid, set())
            return f"wof:{wof}" in ids
        gold_events = list(g["events"])
        ev_gold += len(gold_events)
        for e in x["events"]:
            if e["sub_type"] not in SUB_EVENTS:
                # The gold codes six kinds (its README); an incident of another ACLED kind (a non-violent transfer
                # of territory, an arrest, a protest) is outside it: listed, not scored.
                out_of_scope.append(f"{g['file']}: {e['event_type']} / {e['sub_event_type']} at {e['place_id']} ({e['location_text']})")
                continue
            ev_pred += 1
            hit = next((ge for ge in gold_events if ge["sub_type"] == e["sub_type"] and e["place_id"] and ge["location_wof_id"]
                        and same_place(e["place_id"], ge["location_wof_id"])), None)
            if hit:
                ev_tp += 1
                gold_events.remove(hit)
                score_event(g["file"], e, hit)
            else:
                errors.append(f"{g['file']}: extra event {e['sub_type']} at {e.get('place_id')} ({e.get('location_text')})")
        for ge in gold_events:
            errors.append(f"{g['file']}: missed event {ge['sub_type']} at wof:{ge['location_wof_id']}")
        # Control claims: the place and what the claim says of it (captured and controls are both "controls",
        # besieged is "contested"), any actor; the actor is scored apart.
        gold_ctl = [c for c in g["control"] if c["place_wof_id"]]
        ctl_gold += len(gold_ctl)
        for c in x["control"]:
            ctl_pred += 1
            status = STATUS.get(c["status"], c["status"])
            hit = next((gc for gc in gold_ctl if c["place_id"] and same_place(c["place_id"], gc["place_wof_id"]) and gc["status"] == status), None)
            if hit:
                ctl_tp += 1
                gold_ctl.remove(hit)
                counts["claim actors right"] += c["actor"] == hit["actor"]
            else:
                errors.append(f"{g['file']}: extra claim {c['actor']} {c['status']} {c['place_text']} ({c['place_id']})")
        for gc in gold_ctl:
            errors.append(f"{g['file']}: missed claim {gc['actor']} {gc['status']} wof:{gc['place_wof_id']}")
        for r in g["relative"]:
            rel_total += 1
            hit = [m for m in rels if m["start"] < r["end"] and r["start"] < m["end"]]
            if hit:
                rel_found += 1
                if r["lat"] is not None:
                    p = hit[0]["place"]
                    rel_points.append(km((p["lat"], p["lon"]), (r["lat"], r["lon"])))
                # The area holds the places described (their WOF points), else the gold point. The gold point is
                # the words' geodesic reading, which may lie at sea ("à 22 km au sud de Lattaquié", 12 km off
                # Jablé, the place meant): counted apart.
                described = [wof_points[w] for w in r["describes_wof_ids"] if w in wof_points]
                targets = described or ([(r["lat"], r["lon"])] if r["lat"] is not None else [])
                for t in targets:
                    rel_checked += 1
                    if inside(t, hit[0]["relative"]["uncertainty"]):
                        rel_held += 1
                    else:
                        errors.append(f"{g['file']}: area of {r['surface']!r} does not hold {t}")
                if r["lat"] is not None:
                    gold_points += 1
                    if inside((r["lat"], r["lon"]), hit[0]["relative"]["uncertainty"]):
                        gold_points_held += 1
                    else:
                        errors.append(f"{g['file']}: area of {r['surface']!r} does not hold the gold point {(r['lat'], r['lon'])}")
            else:
                errors.append(f"{g['file']}: missed relative {r['surface']!r}")
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    predicted = tp + fp
    print(f"toponyms: precision {precision:.1%} ({tp}/{tp + fp}), recall {recall:.1%} ({tp}/{tp + fn}), "
          f"F1 {2 * precision * recall / max(1e-9, precision + recall):.1%}, "
          f"within 10 km of the gold point {within10 / max(1, predicted):.1%} of predictions")
    print(f"relative expressions: found {rel_found}/{rel_total}; distance+bearing points within 1 km of gold "
          f"{sum(d <= 1 for d in rel_points)}/{len(rel_points)}; areas holding the place described {rel_held}/{rel_checked}, "
          f"the gold point {gold_points_held}/{gold_points}")
    print(f"events (sub_type and place): precision {ev_tp / max(1, ev_pred):.1%} ({ev_tp}/{ev_pred}), "
          f"recall {ev_tp / max(1, ev_gold):.1%} ({ev_tp}/{ev_gold})")
    print(f"control claims (place and status): precision {ctl_tp / max(1, ctl_pred):.1%} ({ctl_tp}/{ctl_pred}), "
          f"recall {ctl_tp / max(1, ctl_gold):.1%} ({ctl_tp}/{ctl_gold})")
    c = counts
    print(f"actors of matched events: recall {c['actor tp'] / max(1, c['actor gold']):.1%} ({c['actor tp']}/{c['actor gold']}), "
          f"precision {c['actor tp'] / max(1, c['actor pred']):.1%} ({c['actor tp']}/{c['actor pred']}); "
          f"ACLED sub-event type right {c['sub-event right']}/{c['matched']}")
    print(f"tolls: low and high as the gold's {c['toll exact']}/{c['toll events']} events with a toll; "
          f"fatality claims with their source {c['claims with source'] / max(1, c['claims']):.1%} ({c['claims with source']}/{c['claims']}); "
          f"control claims with the gold's actor {c['claim actors right']}/{ctl_tp}")
    print(f"unlinked feature/neighbourhood spans read as features: {len(unlinked_read)}; "
          f"feature readings of gold settlement spans counted correct (≤ 10 km): {len(feature_of_gold)}")
    if "-v" in sys.argv:
        print("\n".join(unlinked_read + feature_of_gold))
        print("\n".join(errors))
        print("\n".join(actor_notes))
        print("incidents of kinds the gold does not code:\n" + "\n".join(out_of_scope))
        print("\n".join(far))


if __name__ == "__main__":
    main()
