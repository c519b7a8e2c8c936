"""sqlcipher_overhead_ratio: the same read/write mix on the encrypted store and on plain SQLite."""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.storage.keyfile import new_data_key

SCHEMA = """
CREATE TABLE person (id TEXT PRIMARY KEY, family_key TEXT, given_key TEXT, dob TEXT, payload TEXT);
CREATE INDEX ix_person_family_dob ON person (family_key, dob);
"""
PRAGMAS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
           "PRAGMA temp_store = MEMORY")


def _workload(conn: Any, rng: random.Random, *, seed_rows: int, writes: int, reads: int,
              cache_kib: int | None = None) -> float:
    conn.executescript(SCHEMA)
    if cache_kib is not None:
        # Seed with room to spare: a transaction larger than the cache spills and re-spills its pages.
        conn.execute("PRAGMA cache_size = -262144")
    names = [f"name{i:05d}" for i in range(2000)]
    # One transaction for the seed rows: the connections are in autocommit mode, where `with conn:`
    # would let every row commit (and fsync) on its own.
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO person VALUES (?, ?, ?, ?, ?)",
        [(f"id{i:08d}", rng.choice(names), "anna", f"19{rng.randint(10, 99)}-01-01", "x" * 200)
         for i in range(seed_rows)],
    )
    conn.execute("COMMIT")
    if cache_kib is not None:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA shrink_memory")  # the seeding's pages leave the cache: the mix starts cold
        conn.execute(f"PRAGMA cache_size = -{cache_kib}")
    t0 = time.perf_counter()
    for i in range(writes):
        # One use case = one small transaction, as the services write.
        with conn:
            conn.execute("INSERT INTO person VALUES (?, ?, ?, ?, ?)",
                         (f"new{i:08d}", rng.choice(names), "ben", "1980-01-01", "y" * 200))
        for _ in range(reads // max(1, writes)):
            conn.execute("SELECT * FROM person WHERE id = ?", (f"id{rng.randrange(seed_rows):08d}",)).fetchall()
            conn.execute("SELECT id, dob FROM person WHERE family_key = ? ORDER BY dob LIMIT 20",
                         (rng.choice(names),)).fetchall()
    return time.perf_counter() - t0


def _run(encrypted: bool, folder: Path, seed: int, *, seed_rows: int, writes: int, reads: int,
         cache_kib: int | None = None) -> float:
    path = folder / ("enc.db" if encrypted else "plain.db")
    if encrypted:
        conn = sqlcipher.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{new_data_key().hex()}'\"")
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    try:
        return _workload(conn, random.Random(seed), seed_rows=seed_rows, writes=writes, reads=reads,
                         cache_kib=cache_kib)
    finally:
        conn.close()


def sqlcipher_overhead(quick: bool) -> dict[str, Any]:
    runs = 3 if quick else 7
    sizes = {"seed_rows": 10_000 if quick else 100_000, "writes": 120 if quick else 500, "reads": 2400}
    ratios = []
    for i in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            # Alternate which store goes first so disk caches favour neither.
            order = (True, False) if i % 2 == 0 else (False, True)
            times = {enc: _run(enc, Path(tmp), i, **sizes) for enc in order}
        ratios.append(times[True] / times[False])
    return {"sqlcipher_overhead_ratio": round(statistics.median(ratios), 3),
            "sqlcipher_overhead_sizes": f"{sizes['seed_rows']} rows, {sizes['writes']} write tx, "
                                        f"{sizes['reads']} reads, median of {runs}"}


def sqlcipher_overhead_cold(quick: bool) -> dict[str, Any]:
    """The same mix on a store several times larger than the station's page cache per connection, so the
    reads go to pages SQLCipher must decrypt (from the operating system's file cache, not the disk)."""
    from app.storage.engine import PAGE_CACHE_KIB

    runs = 3 if quick else 5
    # Four times the cache (a row with its index entry takes about 330 bytes).
    sizes = {"seed_rows": 4 * PAGE_CACHE_KIB * 1024 // 330, "writes": 120 if quick else 500, "reads": 2400}
    ratios, megabytes = [], 0.0
    for i in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            order = (True, False) if i % 2 == 0 else (False, True)
            times = {enc: _run(enc, Path(tmp), i, cache_kib=PAGE_CACHE_KIB, **sizes) for enc in order}
            megabytes = (Path(tmp) / "enc.db").stat().st_size / 1e6
        ratios.append(times[True] / times[False])
    return {"sqlcipher_overhead_ratio_cold": round(statistics.median(ratios), 3),
            "sqlcipher_overhead_cold_sizes": f"{sizes['seed_rows']} rows ({megabytes:.0f} MB) against a "
                                             f"{PAGE_CACHE_KIB // 1024} MiB cache, {sizes['writes']} write tx, "
                                             f"{sizes['reads']} reads, median of {runs}"}
