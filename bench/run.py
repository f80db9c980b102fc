#!/usr/bin/env python3
"""Benchmarks geomap beside its peers on the same inputs, in the same run, and prints ratios.

Each case writes one seeded input file, times geomap (the Swift release binary geomap-bench) and the peer
on it (best of N repeats each, taken alternately), checks that both computed the same answers, and prints
throughput and the ratio geomap/peer (above 1 means geomap is faster). Machines here are noisy: read the
ratio, not the absolute times.
"""
import argparse
import datetime
import json
import re
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pyproj


def best_of(repeats, fn):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run_geomap(binary, case, inputs, repeats, workdir):
    src = os.path.join(workdir, f"{case}.in")
    dst = os.path.join(workdir, f"{case}.out")
    inputs.astype("<f8").tofile(src)
    out = subprocess.run([binary, case, src, dst, str(repeats)], check=True, capture_output=True, text=True)
    report = json.loads(out.stdout)
    return report["best_seconds"], np.fromfile(dst, dtype="<f8").reshape(-1, 3)


def run_c_baseline(binary, case, workdir, repeats):
    src = os.path.join(workdir, f"{case}.in")
    out = subprocess.run([binary, case, src, str(repeats)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["best_seconds"]


def angle_diff(a, b):
    d = np.abs(np.mod(a - b + 180.0, 360.0) - 180.0)
    return float(d.max())


def misspell(name, rng):
    """One random letter edit (substitution, deletion or insertion) at a random position."""
    if len(name) < 2:
        return name + "x"
    i = int(rng.integers(0, len(name)))
    letter = "abcdefghijklmnopqrstuvwxyz"[int(rng.integers(0, 26))]
    op = int(rng.integers(0, 3))
    if op == 0:
        return name[:i] + letter + name[i + 1:]
    if op == 1:
        return name[:i] + name[i + 1:]
    return name[:i] + letter + name[i:]


def gazetteer_bench(args):
    """Resolve every name variant of cities500 (shuffled) plus 20 % misspelled, beside a Python dict of the
    same normalised keys and SQLite FTS5 over the same names."""
    import sqlite3 as sq
    rng = np.random.default_rng(3)
    db = sq.connect(f"file:{args.gazetteer}?mode=ro", uri=True)
    variants = [r[0] for r in db.execute(
        "SELECT n.name FROM place_names n JOIN places p ON p.rowid = n.place_rowid WHERE p.source = 'geonames-cities500'")]
    all_names = db.execute("SELECT place_rowid, name FROM place_names").fetchall()
    db.close()
    order = rng.permutation(len(variants))
    queries = [variants[i] for i in order]
    extra = rng.choice(len(variants), size=len(variants) // 5, replace=False)
    queries += [misspell(variants[i], rng) for i in extra]
    queries = [q.replace("\n", " ").replace("\t", " ") for q in queries]
    with tempfile.TemporaryDirectory() as work:
        qraw, nraw = os.path.join(work, "queries.txt"), os.path.join(work, "names.tsv")
        with open(qraw, "w", encoding="utf-8") as f:
            f.writelines(q + "\n" for q in queries)
        with open(nraw + ".raw", "w", encoding="utf-8") as f:
            f.writelines(f"{p}\t{n.replace(chr(10), ' ').replace(chr(9), ' ')}\n" for p, n in all_names)
        g = json.loads(subprocess.run([args.geomap_bench, "gazetteer", args.gazetteer, qraw],
                                      check=True, capture_output=True, text=True).stdout)
        qnorm = os.path.join(work, "queries.norm")
        subprocess.run([args.geomap_bench, "gazetteer-normalise", args.gazetteer, qraw, qnorm, nraw], check=True)
        here = os.path.dirname(os.path.abspath(__file__))
        peer = [sys.executable, os.path.join(here, "gazetteer_peers.py")]
        d = json.loads(subprocess.run(peer + ["dict", nraw, qnorm], check=True, capture_output=True, text=True).stdout)
        fts_limit = min(len(queries), args.fts5_queries)
        f5 = json.loads(subprocess.run(peer + ["fts5", nraw + ".raw", qraw, str(fts_limit)],
                                       check=True, capture_output=True, text=True).stdout)
    n = g["queries"]
    print()
    print(f"gazetteer: {n:,} queries (every name variant of cities500, shuffled, + 20 % with one-letter misspellings);"
          f" index of {g['places']:,} places, {g['entries']:,} entries")
    print(f"{'':<30}{'geomap':>14}{'Python dict':>14}{'SQLite FTS5':>14}")
    print(f"{'index build (s)':<30}{g['build_seconds']:>14.2f}{d['build_seconds']:>14.2f}{f5['build_seconds']:>14.2f}")
    print(f"{'index load from disk (s)':<30}{g['load_seconds']:>14.3f}{'-':>14}{'-':>14}")
    print(f"{'exact-or-key lookups/s':<30}{n / g['lookup_seconds']:>14,.0f}{d['queries'] / d['lookup_seconds']:>14,.0f}"
          f"{f5['queries'] / f5['lookup_seconds']:>14,.0f}")
    print(f"{'  ratio geomap / peer':<30}{'':>14}{(n / g['lookup_seconds']) / (d['queries'] / d['lookup_seconds']):>14.2f}"
          f"{(n / g['lookup_seconds']) / (f5['queries'] / f5['lookup_seconds']):>14.2f}")
    print(f"{'  hits':<30}{g['lookup_hits'] / n:>14.1%}{d['hits'] / d['queries']:>14.1%}{f5['hits'] / f5['queries']:>14.1%}")
    print(f"{'full resolve (ranked) names/s':<30}{n / g['resolve_seconds']:>14,.0f}{'-':>14}{'-':>14}")
    print(f"{'peak memory (MiB)':<30}{g['peak_mib']:>14.0f}{d['peak_mib']:>14.0f}{f5['peak_mib']:>14.0f}")
    print(f"geomap's lookups include folding and keying each query; the dict gets geomap's folds and keys ready-made;"
          f" FTS5 (SQLite {f5['sqlite']}) runs phrase queries on the first {fts_limit:,} raw queries.")
    agree = g["lookup_hits"] == d["hits"]
    if not agree:
        print(f"geomap and the dict disagree on hits: {g['lookup_hits']} vs {d['hits']}", file=sys.stderr)
    return agree


def extract_bench(args):
    """geomap extract (full geoparsing: candidates, disambiguation, relative locations, events) against
    flashgeotext (dictionary lookup only) on text that does not repeat: --extract-mb megabytes from
    ../shared/bench/make_diverse_corpus.py (seed 7, places drawn from the 10,595 WOF localities of Syria), with
    the Syria gazetteer (WOF + features, as `make run` builds it) and with the default one, caches on and off
    (their outputs must be byte-identical). Second, labelled as such: the shared corpus repeated to the same
    size, where caches answer nearly every look-up after the first copy.

    This host's speed drifts by tens of percent within minutes, so flashgeotext is timed right before and right
    after each geomap run and each ratio is taken against the mean of those two: a peer timed once at the start
    made ratios of the later runs drift with the host."""
    import glob, hashlib
    from flashgeotext.geotext import GeoText
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared")
    wof = os.path.join(shared, "data", "whosonfirst-sy", "wof_sy_places.csv")
    files = sorted(glob.glob(os.path.join(shared, "corpus", "*.txt")) + glob.glob(os.path.join(shared, "corpus", "dev", "*.txt")))
    if not files or not os.path.exists(wof):
        print("extract: ../shared (corpus, whosonfirst-sy) not found, skipped")
        return True
    size = args.extract_mb * 1_000_000
    ok = True
    with tempfile.TemporaryDirectory() as work:
        diverse = os.path.join(work, "diverse.txt")
        subprocess.run([sys.executable, os.path.join(shared, "bench", "make_diverse_corpus.py"), wof, diverse, str(args.extract_mb), "7"],
                       check=True, capture_output=True)
        unit = "".join(open(f, encoding="utf-8").read() + "\n\n" for f in files)
        repeated_text = (unit * (size // len(unit) + 1))[:size]
        repeated_text = repeated_text[: repeated_text.rfind("\n") + 1]
        repeated = os.path.join(work, "repeated.txt")
        with open(repeated, "w", encoding="utf-8") as f:
            f.write(repeated_text)

        def geomap_run(path, gazetteer, extra):
            """One geomap extract of the whole file: seconds, peak RSS (MiB), SHA-256 of the JSON, mentions written."""
            cmd = [args.geomap, "extract", path] + (["--gazetteer", gazetteer] if gazetteer else []) + extra
            out_path = os.path.join(work, "extract.json")
            t0 = time.perf_counter()
            # Peak memory is the child's VmHWM read from /proc while it runs (as BoundedMemoryTests reads it): the
            # resource usage wait4 reports counts the pages of this Python process, which the child shares until it
            # executes geomap (a 50 MB text and flashgeotext's tables held here read as geomap's peak).
            peak_kib = 0
            with open(out_path, "wb") as out:
                child = subprocess.Popen(cmd, stdout=out)
                while child.poll() is None:
                    try:
                        with open(f"/proc/{child.pid}/status") as status_file:
                            hwm = next((line for line in status_file if line.startswith("VmHWM:")), None)
                        if hwm:
                            peak_kib = max(peak_kib, int(hwm.split()[1]))
                    except (OSError, ValueError):
                        pass
                    time.sleep(0.02)
            seconds = time.perf_counter() - t0
            if child.returncode != 0:
                raise SystemExit(f"geomap extract failed ({child.returncode})")
            digest, mentions, tail = hashlib.sha256(), 0, b""
            with open(out_path, "rb") as f:
                while block := f.read(1 << 24):
                    digest.update(block)
                    mentions += (tail + block).count(b'"text":') - tail.count(b'"text":')   # only mentions have a "text" key
                    tail = block[-16:]
            return seconds, peak_kib / 1024, digest.hexdigest(), mentions

        geotext = GeoText()
        texts = {}

        def flashgeotext_run(path):
            """One flashgeotext lookup over the whole file (read once): seconds, characters, places counted."""
            if path not in texts:
                texts[path] = open(path, encoding="utf-8").read()
            text = texts[path]
            t0 = time.perf_counter()
            found = geotext.extract(input_text=text)
            return time.perf_counter() - t0, len(text), sum(v.get("count", 0) for kind in found.values() for v in kind.values())

        def bracketed(path, runs):
            """Each geomap run of `runs` (gazetteer, extra arguments) with flashgeotext timed before the first and
            after each: per run its result and the mean of the peer's times on either side; also every peer time."""
            peer = [flashgeotext_run(path)]
            results = []
            for gazetteer, extra in runs:
                g = geomap_run(path, gazetteer, extra)
                peer.append(flashgeotext_run(path))
                results.append((g, (peer[-2][0] + peer[-1][0]) / 2))
            return results, peer

        cases = ([("Syria gazetteer (WOF + features)", args.extract_gazetteer)] if args.extract_gazetteer else []) + [("default gazetteer", None)]
        results, peer = bracketed(diverse, [(gazetteer, extra) for _, gazetteer in cases for extra in ([], ["--cache-limit", "0"])])
        n, p_count = peer[0][1], peer[0][2]
        p_times = [p[0] for p in peer]
        print()
        print(f"extract: {n:,} characters of varied report-like text (make_diverse_corpus.py, seed 7); files over 8 MB are streamed")
        print(f"{'':<56}{'chars/s':>12}{'mentions':>11}{'ratio':>8}{'peak MiB':>10}")
        print(f"{'flashgeotext (lookup only), mean of ' + str(len(p_times)) + ' runs':<56}{n / (sum(p_times) / len(p_times)):>12,.0f}{p_count:>11,}{1:>8.2f}")
        print(f"{'  its runs, slowest to fastest':<56}{n / max(p_times):>12,.0f} to {n / min(p_times):,.0f}   (each ratio: the runs on either side)")
        if not args.extract_gazetteer:
            print("  (no Syria gazetteer: run make run first)")
        for k, (label, gazetteer) in enumerate(cases):
            (on, p_on), (off, p_off) = results[2 * k], results[2 * k + 1]
            goals = ("goal ≥ 1.0", "goal ≥ 0.8") if gazetteer else ("goal ≥ 1.5", "")
            print(f"{'geomap, ' + label:<56}{n / on[0]:>12,.0f}{on[3]:>11,}{p_on / on[0]:>8.2f}{on[1]:>10.0f}   {goals[0]}")
            print(f"{'geomap, ' + label + ', caches off':<56}{n / off[0]:>12,.0f}{off[3]:>11,}{p_off / off[0]:>8.2f}{off[1]:>10.0f}   {goals[1]}")
            same = on[2] == off[2]
            print(f"{'  outputs with caches on and off':<56}{'identical' if same else 'DIFFERENT':>12}")
            ok = ok and same
        [(rg, r_time)], r_peer = bracketed(repeated, [(args.extract_gazetteer, [])])
        r_n, r_count = r_peer[0][1], r_peer[0][2]
        print(f"repeated corpus (the shared corpus repeated to {r_n:,} characters: caches answer nearly everything)")
        print(f"{'geomap, ' + ('Syria' if args.extract_gazetteer else 'default') + ' gazetteer, repeated text':<56}{r_n / rg[0]:>12,.0f}{rg[3]:>11,}{r_time / rg[0]:>8.2f}{rg[1]:>10.0f}")
        print(f"{'flashgeotext, repeated text (mean of 2 runs)':<56}{r_n / r_time:>12,.0f}{r_count:>11,}")
    return ok


def zones_bench(args):
    """Control zones from 10,000 claimed localities: geomap (both modes) beside shapely doing the same
    buffer-and-union (same GEOS family) on the same points and radii, projected with pyproj the same way."""
    import shapely
    from shapely.geometry import Point
    from shapely.ops import unary_union
    gaz = args.extract_gazetteer or args.gazetteer
    with tempfile.TemporaryDirectory() as work:
        tsv = os.path.join(work, "claims.tsv")
        out = subprocess.run([args.geomap_bench, "zones", gaz, str(args.zones_n), tsv, "SY"], check=True, capture_output=True, text=True)
        g = json.loads(out.stdout)
        rows = [line.split("\t") for line in open(tsv, encoding="utf-8").read().splitlines()]
    lons = np.array([float(r[0]) for r in rows]); lats = np.array([float(r[1]) for r in rows])
    radii = [float(r[2]) for r in rows]; actors = [r[3] for r in rows]
    def shapely_zones():
        lon0 = (lons.min() + lons.max()) / 2; lat0 = (lats.min() + lats.max()) / 2
        t = pyproj.Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +ellps=WGS84 +units=m", always_xy=True)
        xs, ys = t.transform(lons, lats)
        by = {}
        for x, y, r, a in zip(xs, ys, radii, actors):
            by.setdefault(a, []).append(Point(x, y).buffer(r, quad_segs=16))
        return {a: unary_union(v) for a, v in by.items()}
    p_time = best_of(1, shapely_zones)
    n = g["n"]
    print()
    print(f"zones: {n:,} claimed localities of Syria (three actors holding the western, middle and eastern thirds), buffer and union (shapely {shapely.__version__}, GEOS {shapely.geos_version_string})")
    print(f"{'':<34}{'seconds':>10}")
    print(f"{'geomap buffer (zones, contested)':<34}{g['buffer_seconds']:>10.2f}   (frontier overlay, connected sets on all cores)")
    print(f"{'geomap naive buffer + union':<34}{g['discs_union_seconds']:>10.2f}   (the peer's algorithm: one union per actor, one core)")
    print(f"{'geomap voronoi':<34}{g['voronoi_seconds']:>10.2f}")
    print(f"{'shapely buffer + union':<34}{p_time:>10.2f}")
    print(f"{'ratio geomap buffer / shapely':<34}{g['buffer_seconds'] / p_time:>10.2f}   (goal ≤ 1.0; geomap also cuts contested overlaps)")
    print(f"{'ratio naive / shapely':<34}{g['discs_union_seconds'] / p_time:>10.2f}   (system GEOS {g.get('geos', '?')} vs shapely's)")
    return True


def export_bench(args):
    """1,000,000 synthetic incidents to GeoJSON: geomap's streaming layer writer beside ogr2ogr converting the
    same rows from CSV; then GeoJSONSeq at a tenth and at the full size, to show memory does not grow."""
    n = args.export_n
    with tempfile.TemporaryDirectory() as work:
        csv = os.path.join(work, "incidents.csv")
        subprocess.run([args.geomap_bench, "export-csv", str(n), csv], check=True)

        def geomap(count, fmt):
            out = subprocess.run([args.geomap_bench, "export", str(count), work, fmt], check=True, capture_output=True, text=True)
            return json.loads(out.stdout)

        g = geomap(n, "geojson")
        target = os.path.join(work, "ogr.geojson")
        t0 = time.perf_counter()
        subprocess.run(["ogr2ogr", "-f", "GeoJSON", target, csv, "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                        "-oo", "KEEP_GEOM_COLUMNS=NO"], check=True, capture_output=True)
        p_time = time.perf_counter() - t0
        # The file must be one GDAL reads back with every feature.
        info = subprocess.run(["ogrinfo", "-ro", "-so", "-al", os.path.join(work, "incidents.geojson")],
                              check=True, capture_output=True, text=True).stdout
        read_back = int(re.search(r"Feature Count: (\d+)", info).group(1))
        seq_small = geomap(n // 10, "geojsonseq")
        seq = geomap(n, "geojsonseq")
    print()
    print(f"export: {n:,} synthetic incidents (generated one at a time, timed with the generation)")
    print(f"{'':<34}{'seconds':>10}{'features/s':>14}{'peak MiB':>10}")
    print(f"{'geomap → GeoJSON':<34}{g['seconds']:>10.2f}{n / g['seconds']:>14,.0f}{g['peak_mib']:>10.0f}   (ogrinfo reads {read_back:,} features)")
    print(f"{'ogr2ogr CSV → GeoJSON':<34}{p_time:>10.2f}{n / p_time:>14,.0f}")
    print(f"{'geomap → GeoJSONSeq, n/10':<34}{seq_small['seconds']:>10.2f}{seq_small['n'] / seq_small['seconds']:>14,.0f}{seq_small['peak_mib']:>10.0f}")
    print(f"{'geomap → GeoJSONSeq':<34}{seq['seconds']:>10.2f}{n / seq['seconds']:>14,.0f}{seq['peak_mib']:>10.0f}")
    print(f"{'ratio ogr2ogr / geomap':<34}{p_time / g['seconds']:>10.2f}   (goal ≥ 3: geomap three times faster)")
    print(f"{'peak memory, n vs n/10':<34}{seq['peak_mib'] / seq_small['peak_mib']:>10.2f}   (flat: about 1)")
    return read_back == n and gpkg_bench(args)


def gpkg_bench(args):
    """1,000,000 synthetic incidents to a GeoPackage through GDAL: geomap writing from its records (typed
    fields, transactions of 100,000, R-tree) beside ogr2ogr converting the same incidents, every column, from
    CSV to GeoPackage with the same GDAL (types detected, its default transactions), in the same run."""
    n = args.export_n
    with tempfile.TemporaryDirectory() as work:
        csv = os.path.join(work, "incidents.csv")
        subprocess.run([args.geomap_bench, "export-csv", str(n), csv, "full"], check=True)

        def geomap(count, folder):
            os.makedirs(folder, exist_ok=True)
            out = subprocess.run([args.geomap_bench, "export", str(count), folder, "gpkg"], check=True, capture_output=True, text=True)
            return json.loads(out.stdout)

        # A quarter, not a tenth: SQLite's page cache (64 MB) fills at about 200,000 features, then stays.
        small = geomap(n // 4, os.path.join(work, "small"))
        g = geomap(n, os.path.join(work, "full"))
        target = os.path.join(work, "ogr.gpkg")
        t0 = time.perf_counter()
        subprocess.run(["ogr2ogr", "-f", "GPKG", target, csv, "-nln", "incidents", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                        "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:4326"], check=True, capture_output=True)
        p_time = time.perf_counter() - t0

        def count(path):
            info = subprocess.run(["ogrinfo", "-ro", "-so", path, "incidents"], check=True, capture_output=True, text=True).stdout
            return int(re.search(r"Feature Count: (\d+)", info).group(1)), "event_date: Date" in info
        ours, typed = count(os.path.join(work, "full", "layers.gpkg"))
        theirs, _ = count(target)
    print()
    print(f"GeoPackage: {n:,} synthetic incidents, 15 fields (GDAL {subprocess.run(['gdal-config', '--version'], capture_output=True, text=True).stdout.strip() or '3.6'})")
    print(f"{'':<34}{'seconds':>10}{'features/s':>14}{'peak MiB':>10}")
    print(f"{'geomap → GeoPackage':<34}{g['seconds']:>10.2f}{n / g['seconds']:>14,.0f}{g['peak_mib']:>10.0f}   (ogrinfo reads {ours:,}; event_date Date: {typed})")
    print(f"{'ogr2ogr CSV → GeoPackage':<34}{p_time:>10.2f}{n / p_time:>14,.0f}   (reads {theirs:,})")
    print(f"{'geomap → GeoPackage, n/4':<34}{small['seconds']:>10.2f}{small['n'] / small['seconds']:>14,.0f}{small['peak_mib']:>10.0f}")
    print(f"{'ratio ogr2ogr / geomap':<34}{p_time / g['seconds']:>10.2f}   (goal ≥ 1.0)")
    print(f"{'peak memory, n vs n/4':<34}{g['peak_mib'] / small['peak_mib']:>10.2f}   (flat: about 1)")
    return ours == n and theirs == n and typed


def timeline_bench(args):
    """The control timeline over 10,000 claims on 200 dates spread over 600 days (the default gazetteer's
    Syrian localities, a moving front line), beside the zones rebuilt as of every calendar day in the same
    process. (With the Who's On First villages a build takes about 1.7 s and the day-by-day peer 17 minutes.)"""
    gaz = args.gazetteer or "Gazetteer/build/gazetteer.sqlite"
    out = subprocess.run([args.geomap_bench, "timeline", gaz, str(args.timeline_claims), str(args.timeline_dates), str(args.timeline_days), "SY"],
                         check=True, capture_output=True, text=True)
    g = json.loads(out.stdout)
    print()
    print(f"timeline: {g['claims']:,} claims on {g['dates']} dates over {g['days']} days, three actors, a moving front (buffer zones, default gazetteer)")
    print(f"{'geomap --timeline':<34}{g['timeline_seconds']:>10.2f} s   ({g['periods']} periods)")
    print(f"{'zones rebuilt day by day':<34}{g['day_by_day_seconds']:>10.2f} s   ({g['days']} builds)")
    print(f"{'ratio day-by-day / timeline':<34}{g['day_by_day_seconds'] / g['timeline_seconds']:>10.2f}")
    return g["periods"] > 0


def store_bench(args):
    """The event store: 1,000,000 events over a Syria-sized box, ingest with the index built, 1,000 near (25 km)
    and 1,000 bbox queries of the same area, beside SpatiaLite (Debian's mod_spatialite loaded into the same
    SQLite by geomap-bench: SpatialIndex, ellipsoidal ST_Distance) on the same data in the same run."""
    with tempfile.TemporaryDirectory() as work:
        command = [args.geomap_bench, "store", str(args.store_n), str(args.store_queries), work]
        if args.postgis:
            command.append(args.postgis)
        out = subprocess.run(command, check=True, capture_output=True, text=True)
    g = json.loads(out.stdout)
    n = g["n"]
    print()
    print(f"store: {n:,} events, {g['queries']:,} queries of each kind (near: 25 km; bbox: {g['side_km']:.1f} km square), SpatiaLite {g['spatialite']}")
    print(f"{'':<28}{'geomap':>12}{'SpatiaLite':>12}{'ratio':>8}")
    g_ingest = g["ingest_seconds"]
    p_ingest = g["peer_insert_seconds"] + g["peer_index_seconds"]
    print(f"{'ingest + index (s)':<28}{g_ingest:>12.2f}{p_ingest:>12.2f}{g_ingest / p_ingest:>8.2f}   "
          f"(geomap {n / g_ingest:,.0f} events/s, goal ≥ 300,000; SpatiaLite insert {g['peer_insert_seconds']:.1f} s + index {g['peer_index_seconds']:.1f} s)")
    for kind in ("near", "bbox"):
        for p in ("p50", "p99"):
            a, b = g[f"{kind}_{p}"] * 1000, g[f"peer_{kind}_{p}"] * 1000
            goal = "   (goal ≤ 0.25)" if p == "p50" and kind == "near" else ""
            print(f"{kind + ' ' + p + ' (ms)':<28}{a:>12.2f}{b:>12.2f}{a / b:>8.2f}{goal}")
        print(f"{kind + ' rows returned':<28}{g[kind + '_rows']:>12,}{g['peer_' + kind + '_rows']:>12,}")
    pg = g.get("postgis")
    if pg:
        print()
        print(f"store on PostGIS (throw-away local cluster) beside the embedded store, same events and near queries")
        print(f"{'':<28}{'embedded':>12}{'PostGIS':>12}{'ratio':>8}")
        print(f"{'ingest (events/s)':<28}{n / g_ingest:>12,.0f}{n / pg['ingest_seconds']:>12,.0f}{pg['ingest_seconds'] / g_ingest:>8.2f}   (PostGIS time / embedded time)")
        for p in ("p50", "p99"):
            a, b = g[f"near_{p}"] * 1000, pg[f"near_{p}"] * 1000
            print(f"{'near ' + p + ' (ms)':<28}{a:>12.2f}{b:>12.2f}{b / a:>8.2f}{'   (goal: PostGIS within 3×)' if p == 'p50' else ''}")
        print(f"{'near rows returned':<28}{g['near_rows']:>12,}{pg['near_rows']:>12,}")
    same = g["near_rows"] == g["peer_near_rows"] and g["bbox_rows"] == g["peer_bbox_rows"]
    return same and (not pg or pg["near_rows"] == g["near_rows"])


def html_map_bench(args):
    """The interactive map: 10,000 incidents spread over Syria and a year (event types, tolls, precisions,
    a 200-character evidence each) written by `geomap map --out FILE.html`, opened from file:// in headless
    Chromium (scripts/browser_check.py: offline, the DevTools protocol) until its first frame is drawn; beside
    the same features through Leaflet's own GeoJSON layer with default markers, in the same browser, same run."""
    import random
    n = args.html_n
    rng = random.Random(22)
    types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments", "Protests", "Riots"]
    words = "rebels forces shelling village market convoy checkpoint killed wounded sources reported town district near east north".split()
    features = []
    for k in range(n):
        day = 1 + rng.randrange(365)
        best = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 46, 100])
        evidence = " ".join(rng.choice(words) for _ in range(30))[:200]
        features.append({"type": "Feature", "id": f"bench.txt:E{k + 1}", "geometry": {"type": "Point", "coordinates": [round(rng.uniform(35.8, 42.0), 6), round(rng.uniform(32.4, 37.2), 6)]},
                         "properties": {"id": f"bench.txt:E{k + 1}", "event_date": (datetime.date(2014, 1, 1) + datetime.timedelta(days=day - 1)).isoformat(),
                                        "event_type": rng.choice(types), "sub_type": "shelling", "actors": "Rebels; Syrian government forces",
                                        "location": f"Place {k}", "admin1": None, "geo_precision": rng.choice([1, 1, 2, 3]),
                                        "fatalities_low": best, "fatalities_best": best, "fatalities_high": best,
                                        "fatality_claims": "" if best is None else f"{best} (SOHR)", "source": "SOHR", "evidence": evidence, "notes": "", "uncertainty_km": None}})
    driver = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "browser_check.py")
    with tempfile.TemporaryDirectory() as work:
        folder = os.path.join(work, "layers")
        os.makedirs(folder)
        with open(os.path.join(folder, "incidents.geojson"), "w") as f:
            json.dump({"type": "FeatureCollection", "features": features}, f)
        page = os.path.join(work, "map.html")
        subprocess.run([args.geomap, "map", folder, "--out", page, "--gazetteer", "Gazetteer/build/gazetteer.sqlite"], check=True, capture_output=True)
        leaflet = "/usr/share/javascript/leaflet"
        peer = os.path.join(work, "peer.html")
        with open(peer, "w") as f:
            f.write("<!DOCTYPE html><html><head><meta charset='utf-8'><style>" + open(os.path.join(leaflet, "leaflet.css")).read()
                    + "html,body,#map{height:100%;margin:0}</style></head><body><div id='map'></div><script type='application/json' id='d'>"
                    + json.dumps({"type": "FeatureCollection", "features": features}).replace("<", "\\u003c") + "</script><script>"
                    + open(os.path.join(leaflet, "leaflet.min.js")).read() + "</script><script>"
                    "L.Icon.Default.imagePath = 'file://" + leaflet + "/images/';"
                    "var m = L.map('map'); var g = L.geoJSON(JSON.parse(document.getElementById('d').textContent), {onEachFeature: function (f, l) { l.bindPopup(f.properties.evidence); }}).addTo(m);"
                    "m.fitBounds(g.getBounds());"
                    "requestAnimationFrame(function () { requestAnimationFrame(function () { document.documentElement.setAttribute('data-geomap-ready', performance.now().toFixed(1)); }); });"
                    "</script></body></html>")
        steps = os.path.join(work, "steps.json")
        with open(steps, "w") as f:
            json.dump([{"eval": "window.geomap ? window.geomap.shownIncidents() : document.querySelectorAll('.leaflet-marker-icon').length"}], f)
        def visit(path):
            runs = []
            for _ in range(args.repeats):
                out = json.loads(subprocess.run([sys.executable, driver, "file://" + path, steps], check=True, capture_output=True, text=True).stdout)
                runs.append(out)
            return min(runs, key=lambda r: r["ready_ms"] or 1e9)
        ours, theirs = visit(page), visit(peer)
        size = os.path.getsize(page)
    errors = [c for c in ours["console"] if c["type"] == "error"] + ours["exceptions"] + [e for e in ours["log"] if e["level"] == "error"]
    if ours["ready_ms"] is None or theirs["ready_ms"] is None:
        print(f"\nHTML map: a page was never drawn: geomap {errors[:3]}, peer {theirs['exceptions'][:3]}")
        return False
    print()
    print(f"HTML map: {n:,} incidents over a year, headless Chromium from file:// (network off), load to first drawn frame, best of {args.repeats}")
    print(f"{'geomap map --out map.html':<34}{ours['ready_ms'] / 1000:>10.2f} s   ({ours['results'][0]:,} incidents on the map, clustered; {size / 1e6:.1f} MB; goal < 2 s)")
    print(f"{'Leaflet GeoJSON, default markers':<34}{theirs['ready_ms'] / 1000:>10.2f} s   ({theirs['results'][0]:,} markers)")
    print(f"{'ratio peer / geomap':<34}{theirs['ready_ms'] / ours['ready_ms']:>10.2f}")
    if errors:
        print(f"  errors in the browser: {errors[:3]}")
    return not errors and ours["results"][0] == n and ours["ready_ms"] < 2000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geomap-bench", required=True)
    ap.add_argument("--c-baseline", help="plain-C loop on the system libproj, for geomap's own overhead")
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--gazetteer", help="gazetteer DB for the name-resolution benchmark")
    ap.add_argument("--fts5-queries", type=int, default=100_000)
    ap.add_argument("--only", choices=["geodesic", "gazetteer", "extract", "zones", "timeline", "export", "store", "htmlmap"])
    ap.add_argument("--html-n", type=int, default=10_000)
    ap.add_argument("--timeline-claims", type=int, default=10_000)
    ap.add_argument("--timeline-dates", type=int, default=200)
    ap.add_argument("--timeline-days", type=int, default=600)
    ap.add_argument("--store-n", type=int, default=1_000_000)
    ap.add_argument("--store-queries", type=int, default=1_000)
    ap.add_argument("--postgis", help="postgresql:// URL of a PostGIS server for the store benchmark")
    ap.add_argument("--zones-n", type=int, default=10_000)
    ap.add_argument("--export-n", type=int, default=1_000_000)
    ap.add_argument("--geomap", help="release geomap binary, for the extraction benchmark")
    ap.add_argument("--extract-mb", type=int, default=50)
    ap.add_argument("--extract-gazetteer")
    args = ap.parse_args()
    ok = True
    if args.only in (None, "geodesic"):
        ok = geodesic_bench(args) and ok
    if args.gazetteer and args.only in (None, "gazetteer"):
        ok = gazetteer_bench(args) and ok
    if args.geomap and args.only in (None, "extract"):
        ok = extract_bench(args) and ok
    if args.only in (None, "zones"):
        ok = zones_bench(args) and ok
    if args.only in (None, "timeline"):
        ok = timeline_bench(args) and ok
    if args.only in (None, "export"):
        ok = export_bench(args) and ok
    if args.only in (None, "store"):
        ok = store_bench(args) and ok
    if args.geomap and args.only in (None, "htmlmap"):
        ok = html_map_bench(args) and ok
    return 0 if ok else 1


def geodesic_bench(args):

    rng = np.random.default_rng(7946)
    n = args.n
    geod = pyproj.Geod(ellps="WGS84")
    rows = []
    with tempfile.TemporaryDirectory() as work:
        # Direct: start points anywhere below ±85°, azimuths 0–360°, distances 1 m – 5,000 km.
        lat1 = rng.uniform(-85, 85, n); lon1 = rng.uniform(-180, 180, n)
        azi = rng.uniform(0, 360, n); dist = rng.uniform(1, 5_000_000, n)
        direct_in = np.column_stack([lat1, lon1, azi, dist])
        g_time, g_out = run_geomap(args.geomap_bench, "geodesic-direct", direct_in, args.repeats, work)
        result = {}
        p_time = best_of(args.repeats, lambda: result.update(r=geod.fwd(lon1, lat1, azi, dist)))
        lon2, lat2, back = result["r"]
        err_pos = max(float(np.abs(g_out[:, 0] - lat2).max()), angle_diff(g_out[:, 1], lon2))
        c_time = run_c_baseline(args.c_baseline, "geodesic-direct", work, args.repeats) if args.c_baseline else None
        rows.append(("geodesic direct", n, g_time, p_time, c_time, f"max |Δ| {err_pos:.1e}°"))
        agree = err_pos < 1e-9

        # Inverse: random pairs of points.
        lat2 = rng.uniform(-85, 85, n); lon2 = rng.uniform(-180, 180, n)
        inverse_in = np.column_stack([lat1, lon1, lat2, lon2])
        g_time, g_out = run_geomap(args.geomap_bench, "geodesic-inverse", inverse_in, args.repeats, work)
        p_time = best_of(args.repeats, lambda: result.update(r=geod.inv(lon1, lat1, lon2, lat2)))
        az12, az21, s12 = result["r"]
        err_s = float(np.abs(g_out[:, 0] - s12).max())
        err_az = angle_diff(g_out[:, 1], az12)
        c_time = run_c_baseline(args.c_baseline, "geodesic-inverse", work, args.repeats) if args.c_baseline else None
        rows.append(("geodesic inverse", n, g_time, p_time, c_time, f"max |Δs| {err_s:.1e} m, |Δaz| {err_az:.1e}°"))
        agree = agree and err_s < 1e-6 and err_az < 1e-9

    print(f"geomap benchmarks (best of {args.repeats}; pyproj {pyproj.__version__}, PROJ {pyproj.proj_version_str};"
          f" numpy {np.__version__}; {os.cpu_count()} cores)")
    print(f"{'case':<18}{'n':>10}{'geomap Mops/s':>15}{'peer':>8}{'peer Mops/s':>13}{'ratio':>7}"
          f"{'C on system PROJ':>18}{'C/geomap':>10}  agreement with pyproj")
    for name, count, g, p, c, agreement in rows:
        c_cols = f"{count / c / 1e6:>18.3f}{g / c:>10.2f}" if c else f"{'-':>18}{'-':>10}"
        print(f"{name:<18}{count:>10,}{count / g / 1e6:>15.3f}{'pyproj':>8}{count / p / 1e6:>13.3f}{p / g:>7.2f}"
              f"{c_cols}  {agreement}")
    print("ratio = pyproj time / geomap time (above 1: geomap faster); C/geomap = geomap time / plain-C time on the"
          " same libproj (geomap's wrapper overhead; 1.00 = none). pyproj bundles its own PROJ build.")
    if not agree:
        print("geomap and pyproj disagree beyond 1e-9° / 1e-6 m: see the agreement column", file=sys.stderr)
    return agree


if __name__ == "__main__":
    sys.exit(main())
