"""Pulled changes name their rows (issue 13): what a sync round wrote reaches the pages as a local write's
changes do, by entity and id with the person each row belongs to, so a page showing one person refreshes
for that person and not for everyone. Two real encrypted stations and a real tenant server on loopback."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.unit_of_work import collecting_changes
from app.station.sync_round import RoundOutcome
from app.storage.engine import Store
from app.ui.changes import touches, touches_person
from sync.station.apply import PulledRow
from sync.station.engine import RoundReport, named_rows
from tests.integration.sync_support import (
    ServerProcess,
    add_person,
    book,
    enrolled_station,
    new_tenant,
    open_day,
    start_server,
    sync,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = start_server(tmp_path_factory.mktemp("server"))
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def stations(server: ServerProcess, tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Store]:
    tenant = "t-" + uuid.uuid4().hex[:10]
    new_tenant(server, tenant)
    folder: Path = tmp_path_factory.mktemp("stations")
    desk, other = (enrolled_station(folder, name, server, tenant=tenant) for name in ("desk", "other"))
    sync(desk)
    sync(other)  # both start from the same tenant: the slots, the catalogue
    return desk, other


def _outcome(report: object) -> RoundOutcome:
    assert isinstance(report, RoundReport)
    return RoundOutcome(status=None, report=report, error=None)  # type: ignore[arg-type]


def test_a_pulled_booking_refreshes_the_page_of_its_person_only(stations: tuple[Store, Store]) -> None:
    desk, other = stations
    bystander = add_person(other, "Nowak", "Piotr")  # the other desk shows this person meanwhile
    sync(other)
    slots = open_day(desk, capacity=4)
    person = add_person(desk, "Okafor", "Chidi")
    appointment = book(desk, person, slots[0])
    sync(desk)

    changes = _outcome(sync(other)).changes
    named = {(c.entity, c.entity_id, c.person_id) for c in changes}
    assert ("person", person, person) in named and ("appointment", appointment, person) in named
    assert touches_person(changes, person)  # the page showing the booked person reloads
    assert not touches_person(changes, bystander)  # the page showing someone else does not
    assert touches(changes, "appointment")  # a list of today's bookings still hears of it

    # A second booking of the same person, pulled later: the person row did not change, their booking did.
    second = book(desk, person, slots[1])
    sync(desk)
    changes = _outcome(sync(other)).changes
    assert [(c.entity, c.entity_id) for c in changes if c.entity != "outbox"] == [("appointment", second)]
    assert touches_person(changes, person) and not touches_person(changes, bystander)


def test_a_round_that_pulled_nothing_refreshes_no_page(stations: tuple[Store, Store]) -> None:
    _desk, other = stations
    bystander = add_person(other, "Quispe", "Rosa")
    sync(other)  # pushes the new person (and pulls it back)
    changes = _outcome(sync(other)).changes
    assert not touches_person(changes, bystander) and not touches(changes, "person", "appointment")


def test_a_local_write_names_the_person_of_each_row_as_a_pull_does(stations: tuple[Store, Store]) -> None:
    desk, _other = stations
    person = add_person(desk, "Lindqvist", "Maja")
    with collecting_changes() as changes:
        appointment = book(desk, person, open_day(desk, capacity=4)[0])
    assert ("appointment", appointment, person) in {(c.entity, c.entity_id, c.person_id) for c in changes}
    assert touches_person(changes, person) and not touches_person(changes, "someone-else")


def test_a_pull_too_large_to_list_names_its_entities_and_refreshes_every_person_page() -> None:
    rows = [PulledRow("appointment", f"a{i}", f"p{i}") for i in range(6)] + [PulledRow("lot", "l1")]
    assert named_rows(rows, limit=10) == tuple(rows)
    unnamed = named_rows(rows, limit=5)
    assert unnamed == (PulledRow("appointment", None), PulledRow("lot", None))
    changes = _outcome(RoundReport(pushed=0, applied=0, duplicates=0, rejected=0, pulled=7, pending_after=0,
                                   clock_skew_s=0.0, epoch_changed=False, written=unnamed)).changes
    assert touches_person(changes, "p-anyone")  # any person's booking may be among them
    lots_only = _outcome(RoundReport(pushed=0, applied=0, duplicates=0, rejected=0, pulled=7, pending_after=0,
                                     clock_skew_s=0.0, epoch_changed=False,
                                     written=(PulledRow("lot", None),))).changes
    assert not touches_person(lots_only, "p-anyone") and touches(lots_only, "lot")
