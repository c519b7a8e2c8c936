"""The check-in desk's lookups, keypress to rows through `CheckInDesk.find`, on demo centers (everyone
booked today, names by Zipf's law plus a long tail):

- checkin_code_lookup_p95_ms: a scanned booking code (200,000 persons);
- checkin_name_search_p95_ms: the mix of typed names (surname, surname + given name, surname + date of
  birth, a surname with two letters swapped, a three-letter prefix) at 200,000 persons;
- checkin_name_search_worst_ms: the slowest of the query shapes (each shape's p95), the most frequent
  surname among them, at 200,000 persons; with the engine's share of it (time inside SQLite);
- checkin_name_search_p95_ms_1m: the mix at a million persons; and the mix at 10,000 for the growth.

Beside each wall-time figure, `…_cpu_…` is the CPU time of the searching thread: on a shared machine a
search waits for a core about as long as it runs, which shows in the wall time only.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from app.domain.booking_code import format_booking_code
from app.services.checkin import CheckInDesk
from app.services.unit_of_work import Actor
from app.storage import statements
from app.storage.engine import Store, open_store
from benchmarks.population import PASSPHRASE, Center, cached_center, demo_center


def _p95(samples: list[float]) -> float:
    return round(statistics.quantiles(samples, n=20)[-1], 2) if len(samples) > 1 else round(samples[0], 2)


def _typo(rng: random.Random, name: str) -> str:
    if len(name) < 5:
        return name
    i = rng.randrange(2, len(name) - 1)
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]  # swap two letters


def _dob(dob: str) -> str:
    d = dob.split("-")
    return f"{d[2]}.{d[1]}.{d[0]}" if len(d) == 3 else dob


def shapes(center: Center, rng: random.Random, per_shape: int) -> dict[str, list[str]]:
    """Query shapes a nurse types, each with `per_shape` queries drawn from the center's persons."""
    people = center.samples[:per_shape]
    common = center.most_frequent
    return {
        "most_frequent_surname": [common] * per_shape,
        "most_frequent_surname_given": [f"{common} {giv}" for _, giv, _ in people],
        "surname": [fam for fam, _, _ in people],
        "surname_given": [f"{fam} {giv}" for fam, giv, _ in people],
        "surname_dob": [f"{fam} {_dob(dob)}" for fam, _, dob in people],
        "surname_typo": [_typo(rng, fam) for fam, _, _ in people],
        "given_typo": [f"{fam} {_typo(rng, giv)}" for fam, giv, _ in people],
        "prefix_3": [fam[:3] for fam, _, _ in people],
        "prefix_1": [fam[:1] for fam, _, _ in people],
    }


def mix(center: Center, rng: random.Random, count: int) -> list[str]:
    """The p95 mix as it was measured before: surname, + given name, + date of birth, a typo, a prefix."""
    queries = []
    for fam, giv, dob in center.samples:
        queries += [fam, f"{fam} {giv}", f"{fam} {_dob(dob)}", _typo(rng, fam), fam[:3]]
    rng.shuffle(queries)
    return queries[:count]


@contextmanager
def engine_time(store: Store) -> Iterator[Callable[[], float]]:
    """Milliseconds spent inside SQLite since the last call of the yielded function: the statements the
    search and its access record run on the DB-API connection (`app.storage.statements`, execute and
    fetch), and those run through SQLAlchemy (its cursor events: execute only, such as BEGIN)."""
    spent = [0.0]
    started: dict[int, float] = {}

    def before(conn: Any, cursor: Any, *_: Any) -> None:
        started[id(cursor)] = time.perf_counter()

    def after(conn: Any, cursor: Any, *_: Any) -> None:
        spent[0] += time.perf_counter() - started.pop(id(cursor), time.perf_counter())

    event.listen(store.engine, "before_cursor_execute", before)
    event.listen(store.engine, "after_cursor_execute", after)

    try:
        with statements.timing() as direct:

            def take() -> float:
                value, spent[0] = spent[0] * 1000 + direct(), 0.0
                return value

            yield take
    finally:
        event.remove(store.engine, "before_cursor_execute", before)
        event.remove(store.engine, "after_cursor_execute", after)


NURSE = Actor(staff_id=None, role="nurse", display_name="benchmark nurse")


def _timed(desk: CheckInDesk, queries: list[str], take: Callable[[], float]) -> tuple[list[float], list[float], list[float]]:
    """Per query: wall ms, ms inside SQLite, and the CPU ms of this thread (what a busy shared machine
    does not inflate: waiting for a core shows in the wall time only)."""
    total, engine, cpu = [], [], []
    for q in queries:
        take()
        t, c = time.perf_counter(), time.thread_time()
        desk.find(NURSE, q)
        total.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
        engine.append(take())
    return total, engine, cpu


def name_search(center: Center, *, quick: bool) -> dict[str, Any]:
    """The p95 mix on `center` (warm: one pass first), in ms."""
    rng = random.Random(7)
    queries = mix(center, rng, 300 if quick else 1500)
    with open_store(center.db, PASSPHRASE) as store, engine_time(store) as take:
        desk = CheckInDesk(store)
        _timed(desk, queries[:100], take)
        total, engine, cpu = _timed(desk, queries, take)
    return {"p95_ms": _p95(total), "engine_p95_ms": _p95(engine), "cpu_p95_ms": _p95(cpu), "queries": len(queries)}


def checkin_lookups(quick: bool) -> dict[str, Any]:
    rng = random.Random(7)
    center = demo_center(200_000)
    with open_store(center.db, PASSPHRASE) as store, engine_time(store) as take:
        desk = CheckInDesk(store)
        # Each search is audited (who, which persons shown): the figures include that write.
        nurse = NURSE
        code_ms, code_cpu = [], []
        for code in center.codes[: 300 if quick else 1000]:
            scanned = format_booking_code(code) + "\r"
            t, c = time.perf_counter(), time.thread_time()
            result = desk.find(nurse, scanned)
            code_ms.append((time.perf_counter() - t) * 1000)
            code_cpu.append((time.thread_time() - c) * 1000)
            assert result.matches, "benchmark code not found"
        by_shape = shapes(center, rng, 20 if quick else 60)
        for queries in by_shape.values():  # warm: every shape once
            _timed(desk, queries[:3], take)
        per_shape = {}
        for shape, queries in by_shape.items():
            total, engine, cpu = _timed(desk, queries, take)
            per_shape[shape] = (_p95(total), _p95(engine), _p95(cpu))
    worst = max(per_shape, key=lambda s: per_shape[s][0])
    at_200k = name_search(center, quick=quick)
    return {
        "checkin_code_lookup_p95_ms": _p95(code_ms),
        "checkin_code_lookup_cpu_p95_ms": _p95(code_cpu),
        "checkin_name_search_p95_ms": at_200k["p95_ms"],
        "checkin_name_search_engine_p95_ms": at_200k["engine_p95_ms"],
        "checkin_name_search_cpu_p95_ms": at_200k["cpu_p95_ms"],
        "checkin_name_search_worst_ms": per_shape[worst][0],
        "checkin_name_search_worst_engine_ms": per_shape[worst][1],
        "checkin_name_search_worst_cpu_ms": per_shape[worst][2],
        "checkin_name_search_worst_shape": worst,
        "checkin_name_search_shapes_p95_ms": {s: t for s, (t, _, _) in per_shape.items()},
        "checkin_name_search_shapes_cpu_p95_ms": {s: c for s, (_, _, c) in per_shape.items()},
        "checkin_sizes": f"{center.persons} persons, all booked today, most frequent surname {center.most_frequent}; "
                         f"{len(code_ms)} scans, {at_200k['queries']} searches in the mix",
        "demo_200k_s": round(center.build_s or 0.0, 1),
        "demo_200k_cpu_s": round(center.build_cpu_s or 0.0, 1),
    }


def checkin_growth(quick: bool) -> dict[str, Any]:
    """The mix at 10,000, (200,000 from `checkin_lookups`) and 1,000,000 persons."""
    small = name_search(demo_center(10_000), quick=quick)
    million = cached_center(1_000_000)
    large = name_search(million, quick=quick)
    return {
        "checkin_name_search_p95_ms_10k": small["p95_ms"],
        "checkin_name_search_engine_p95_ms_10k": small["engine_p95_ms"],
        "checkin_name_search_cpu_p95_ms_10k": small["cpu_p95_ms"],
        "checkin_name_search_p95_ms_1m": large["p95_ms"],
        "checkin_name_search_engine_p95_ms_1m": large["engine_p95_ms"],
        "checkin_name_search_cpu_p95_ms_1m": large["cpu_p95_ms"],
        "checkin_1m_store": "built in this run in " + f"{million.build_s:.0f} s" if million.build_s else "cached",
    }
