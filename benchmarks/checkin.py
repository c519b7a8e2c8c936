"""checkin_code_lookup_p95_ms and checkin_name_search_p95_ms: keypress to rows, through the service."""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from app.domain.booking_code import format_booking_code
from app.services.checkin import CheckInDesk
from app.services.unit_of_work import Actor
from app.storage.engine import open_store
from benchmarks.population import WORKDIR, shared_center


def _p95(samples: list[float]) -> float:
    return round(statistics.quantiles(samples, n=20)[-1], 2)


def _typo(rng: random.Random, name: str) -> str:
    if len(name) < 5:
        return name
    i = rng.randrange(2, len(name) - 1)
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]  # swap two letters


PASSPHRASE = "benchmark passphrase"


def checkin_lookups(quick: bool) -> dict[str, Any]:
    persons, today = 200_000, 5_000
    rng = random.Random(7)
    t0 = time.perf_counter()
    db, codes, samples = shared_center(WORKDIR, PASSPHRASE)
    build_s = time.perf_counter() - t0
    store = open_store(db, PASSPHRASE)
    try:
        desk = CheckInDesk(store)
        # Each search is audited (who, which persons shown): the figures include that write.
        nurse = Actor(staff_id=None, role="nurse", display_name="benchmark nurse")
        code_ms = []
        for code in rng.sample(codes, 300 if quick else 1000):
            scanned = format_booking_code(code) + "\r"
            t = time.perf_counter()
            result = desk.find(nurse, scanned)
            code_ms.append((time.perf_counter() - t) * 1000)
            assert result.matches, "benchmark code not found"
        name_ms = []
        queries = []
        for fam, giv, dob in samples:
            d = dob.split("-")
            queries += [fam, f"{fam} {giv}", f"{fam} {d[2]}.{d[1]}.{d[0]}", _typo(rng, fam), fam[:3]]
        rng.shuffle(queries)
        for q in queries[: 200 if quick else len(queries)]:
            t = time.perf_counter()
            desk.find(nurse, q)
            name_ms.append((time.perf_counter() - t) * 1000)
    finally:
        store.close()
    return {
        "checkin_code_lookup_p95_ms": _p95(code_ms),
        "checkin_name_search_p95_ms": _p95(name_ms),
        "checkin_sizes": f"{persons} persons, {today} appointments today, {len(code_ms)} scans, "
                         f"{len(name_ms)} name searches; population ready in {build_s:.0f} s",
    }
