"""Stations working offline with overlapping work, then syncing in random orders, converge with the
server: same persons, appointments and vaccinations, nothing duplicated, no slot overbooked.
Against a real server process, on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.integration.sync_support import (
    ServerProcess,
    add_person,
    book,
    enrolled_station,
    external_dose,
    fresh_tenant,
    name_for,
    open_day,
    server_stats,
    station_view,
    sync,
)


def test_two_stations_exchange_persons_slots_bookings_and_doses(server: ServerProcess, tmp_path: Path,
                                                                passphrase: str) -> None:
    tenant = fresh_tenant(server)
    a = enrolled_station(tmp_path, "a", server, tenant=tenant)
    b = enrolled_station(tmp_path, "b", server, tenant=tenant)
    slots = open_day(a, capacity=3)
    anna = add_person(a, "Müller", "Anna")
    book(a, anna, slots[0])
    external_dose(a, anna)
    report = sync(a)
    assert report.complete and report.applied == 4  # type: ignore[attr-defined]
    report_b = sync(b)
    assert report_b.pulled >= 4  # type: ignore[attr-defined]
    assert station_view(a) == station_view(b)
    # b works on what a made: books the second place of a's slot
    ben = add_person(b, "Schmidt", "Ben")
    book(b, ben, slots[0])
    sync(b)
    sync(a)
    assert station_view(a) == station_view(b)
    stats = server_stats(server, tenant)
    assert (stats["persons"], stats["appointments"], stats["vaccinations"]) == (2, 2, 1)
    # a second round changes nothing: every mutation is on the server exactly once
    again = sync(a)
    assert again.pushed == 0 and again.pulled == 0  # type: ignore[attr-defined]
    assert server_stats(server, tenant)["mutations"] == stats["mutations"]
    a.close()
    b.close()


@pytest.mark.parametrize("stations", [2, 3])
def test_offline_stations_with_overlapping_work_converge_in_random_orders(
    server: ServerProcess, tmp_path: Path, passphrase: str, stations: int
) -> None:
    rng = random.Random(stations * 7919)
    tenant = fresh_tenant(server)
    fleet = [enrolled_station(tmp_path, f"s{i}", server, tenant=tenant) for i in range(stations)]
    # Shared starting point: one station opens the day (capacity 2 per slot) and everybody pulls it.
    slots = open_day(fleet[0], capacity=2, slots=3)
    seed_person = add_person(fleet[0], "Seed", "Sam")
    for s in fleet:
        sync(s)
    # Offline: every station registers people, books the SAME last places, records doses, some for
    # the shared person (a dose recorded twice for one person must be kept and flagged, not dropped).
    made_persons = 1
    for i, s in enumerate(fleet):
        for j in range(3):
            pid = add_person(s, name_for(i * 10 + j), "Given")
            made_persons += 1
            book(s, pid, slots[j % len(slots)])
            if j == 0:
                external_dose(s, pid)
        external_dose(s, seed_person)
    for _ in range(3):
        order = list(fleet)
        rng.shuffle(order)
        for s in order:
            sync(s)
    views = [station_view(s) for s in fleet]
    assert all(v == views[0] for v in views[1:])
    stats = server_stats(server, tenant)
    assert stats["persons"] == made_persons == len(views[0]["persons"])  # type: ignore[arg-type]
    assert stats["vaccinations"] == 2 * stations == len(views[0]["vaccinations"])  # type: ignore[arg-type]
    # capacity 2 × 3 slots: the server confirmed at most 6 bookings, the rest were rejected to rebook
    assert stats["appointments"] == len(views[0]["appointments"]) <= 6  # type: ignore[arg-type]
    assert stats["overbooked_slots"] == 0
    assert stats["rejected_mutations"] == 3 * stations - stats["appointments"]
    assert stats["review_tasks"] >= stations - 1  # the shared person's extra doses are flagged
    for s in fleet:
        s.close()
