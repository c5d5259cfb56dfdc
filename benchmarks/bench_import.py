"""Watchlist import benchmark: the full bundled OFAC SDN (with aliases and addresses) on SQLite
and PostgreSQL, first import and a no-change re-import, time and peak memory.

    .venv/bin/python benchmarks/bench_import.py [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]

Baseline printed in the same run: parsing alone (no database), the floor for an import.
Aims (issue #3): first import under 10 s on SQLite, re-import under 2 s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

import psycopg

from monitor.db import Database
from monitor.watchlists import import_path, parse_path

SDN = Path(__file__).resolve().parent.parent / "watchlists" / "ofac_sdn"


def timed(fn):  # noqa: ANN001, ANN201
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def traced_peak_mb(fn) -> float:  # noqa: ANN001
    """Peak Python memory of a call (traced separately: tracing slows a call several times)."""
    tracemalloc.start()
    fn()
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def run(label: str, db: Database) -> None:
    db.upgrade()
    first, s1 = timed(lambda: import_path(db, "ofac-sdn", SDN))
    again, s2 = timed(lambda: import_path(db, "ofac-sdn", SDN))
    print(f"{label:10} first import {s1:6.2f} s  ({first.entities} entities, skipped {first.skipped})")
    print(f"{label:10} re-import    {s2:6.2f} s  (unchanged: {again.unchanged}; {100 * s2 / s1:.0f}% of the first)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    parsed, s0 = timed(lambda: parse_path("ofac-sdn", SDN))
    print(f"{'parse only':10} (baseline) {s0:6.2f} s  ({len(parsed.entities)} entities)")
    run("sqlite", Database(f"sqlite:///{tempfile.mkdtemp()}/bench.db"))
    mem_db = Database(f"sqlite:///{tempfile.mkdtemp()}/mem.db")
    mem_db.upgrade()
    print(f"{'sqlite':10} first import peak traced memory {traced_peak_mb(lambda: import_path(mem_db, 'ofac-sdn', SDN)):.0f} MB")
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    conninfo = args.pg.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        run("postgresql", Database(f"{args.pg}?options=-csearch_path%3D{schema}"))
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
