#!/usr/bin/env python3
"""Peers for the gazetteer benchmark, each run in its own process so its peak memory is its own.

  gazetteer_peers.py dict NAMES QUERIES    Python dict of geomap's own folded names and keys (pre-normalised:
                                           the dict does not pay for normalisation)
  gazetteer_peers.py fts5 NAMES_RAW QUERIES_RAW LIMIT   SQLite FTS5 (unicode61, diacritics removed) over the
                                           raw names, phrase queries for the first LIMIT raw queries
Prints one JSON line.
"""
import json
import resource
import sqlite3
import sys
import time


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_dict(names_path, queries_path):
    t0 = time.perf_counter()
    folds, keys = {}, {}
    with open(names_path, encoding="utf-8") as f:
        for line in f:
            fold, key, place = line.rstrip("\n").split("\t")
            folds.setdefault(fold, []).append(place)
            keys.setdefault(key, []).append(place)
    build = time.perf_counter() - t0
    with open(queries_path, encoding="utf-8") as f:
        queries = [line.rstrip("\n").split("\t") for line in f]
    best = float("inf")
    hits = 0
    for _ in range(3):
        t0 = time.perf_counter()
        h = 0
        for fold, key in queries:
            if fold in folds or key in keys:
                h += 1
        best = min(best, time.perf_counter() - t0)
        hits = h
    return {"build_seconds": build, "lookup_seconds": best, "queries": len(queries), "hits": hits, "peak_mib": peak_mib()}


def run_fts5(names_raw, queries_raw, limit):
    db = sqlite3.connect(":memory:")
    t0 = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE names USING fts5(name, place UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')")
    with open(names_raw, encoding="utf-8") as f:
        db.executemany("INSERT INTO names(place, name) VALUES (?, ?)", (line.rstrip("\n").split("\t", 1) for line in f))
    db.commit()
    build = time.perf_counter() - t0
    with open(queries_raw, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for _, line in zip(range(limit), f)]
    t0 = time.perf_counter()
    hits = 0
    cur = db.cursor()
    for q in queries:
        phrase = '"' + q.replace('"', '""') + '"'
        try:
            if cur.execute("SELECT place FROM names WHERE names MATCH ? LIMIT 1", (phrase,)).fetchone():
                hits += 1
        except sqlite3.OperationalError:
            pass   # a query FTS5 cannot parse counts as a miss
    lookup = time.perf_counter() - t0
    return {"build_seconds": build, "lookup_seconds": lookup, "queries": len(queries), "hits": hits,
            "peak_mib": peak_mib(), "sqlite": sqlite3.sqlite_version}


if __name__ == "__main__":
    if sys.argv[1] == "dict":
        print(json.dumps(run_dict(sys.argv[2], sys.argv[3])))
    else:
        print(json.dumps(run_fts5(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
