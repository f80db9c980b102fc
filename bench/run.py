#!/usr/bin/env python3
"""Benchmarks geomap beside its peers on the same inputs, in the same run, and prints ratios.

Each case writes one seeded input file, times geomap (the Swift release binary geomap-bench) and the peer
on it (best of N repeats each, taken alternately), checks that both computed the same answers, and prints
throughput and the ratio geomap/peer (above 1 means geomap is faster). Machines here are noisy: read the
ratio, not the absolute times.
"""
import argparse
import json
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geomap-bench", required=True)
    ap.add_argument("--c-baseline", help="plain-C loop on the system libproj, for geomap's own overhead")
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

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
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
