"""Two or three desks working offline on the same people, bookings and lots, then syncing; a desk restored
from an older backup; a station pushing rows no other desk could read. Real server processes (SQLite and
PostgreSQL), real encrypted stations, the real services: what the nurse and the doctor see afterwards."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from app.domain.questionnaire import Answer
from app.services.booking import SlotPlan, open_slots
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.sync_state import bookings_to_rebook, rejected_mutations, sync_status
from app.services.unit_of_work import UnitOfWork
from app.services.vaccinations import DoctorStation
from app.services.vials import Vials
from app.storage.backup import restore_backup, write_backup
from app.storage.engine import Store, open_store
from app.storage.schema import Appointment, Outbox, ReviewTask, Slot, Station, Vaccination, Visit
from tests.conftest import PASSPHRASE
from tests.integration.sync_support import (
    ADMIN,
    DOCTOR,
    NURSE,
    ServerProcess,
    Stations,
    add_person,
    book,
    device_token,
    enrolled_station,
    enrolled_stations,
    external_dose,
    fresh_tenant,
    open_day,
    server_stats,
    station_view,
    sync,
)


@pytest.fixture
def tenant(server: ServerProcess) -> str:
    return fresh_tenant(server)


@pytest.fixture
def stations(server: ServerProcess, tenant: str, tmp_path: Path) -> Iterator[Stations]:
    """`stations("a")`: a station enrolled with the tenant, in this test's folder; all closed after the test."""
    yield from enrolled_stations(server, tenant, tmp_path)


def _consent() -> dict[str, Answer]:
    answers = {q: Answer(yes=False) for q in ("acute_illness", "anticoagulation", "pregnancy", "immunosuppression",
                                              "earlier_vaccinations", "earlier_infection", "allergies",
                                              "earlier_reaction")}
    answers["consent"] = Answer(yes=True)
    return answers


def _with_doctor(store: Store, appointment: str) -> str:
    """The booking checked in, identity and consent taken, the person called in: the visit's id."""
    desk = CheckInDesk(store)
    visit = desk.check_in(NURSE, appointment, confirmed=True)
    desk.record_identity(NURSE, visit, "id_card")
    desk.record_questionnaire(NURSE, visit, _consent())
    desk.call_to_doctor(NURSE, visit)
    return visit


def _today_slot(store: Store, *, capacity: int) -> str:
    return open_day(store, capacity=capacity, slots=1, day=datetime.now(UTC).date())[0]


def _open_vial(store: Store, lot_number: str) -> tuple[str, str]:
    """(lot id, vial id) of a Nuvaxovid lot received and a vial of it opened at `store`."""
    lot = Lots(store).receive_typed(ADMIN, product_code="nuvaxovid", lot_number=lot_number,
                                    expiry=date.today() + timedelta(days=60), vials=10)
    return lot.lot_id, Vials(store).open_vial(ADMIN, lot.lot_id).vial_id


def _tasks(store: Store, kind: str) -> list[ReviewTask]:
    with store.read() as session:
        found = list(session.scalars(select(ReviewTask).where(ReviewTask.kind == kind)))
        for task in found:
            session.expunge(task)
        return found


def _outbox(store: Store) -> list[tuple[int, str, str, str | None]]:
    with store.read() as session:
        return [(o.station_seq, o.kind, o.state, o.reason_code)
                for o in session.scalars(select(Outbox).order_by(Outbox.station_seq))]


# ---- a desk restored from an older backup ---------------------------------------------------------------


def _restored_after_more_work(store: Store, tmp_path: Path) -> tuple[Store, list[str]]:
    """`store` backed up, then two more persons registered and pushed, then the desk restored from the
    backup (the disk died): the restored desk and the persons it no longer has."""
    write_backup(store, tmp_path / "desk.backup")
    lost = [add_person(store, "Nachher", "Eins"), add_person(store, "Nachher", "Zwei")]
    sync(store)
    store.close()
    restore_backup(tmp_path / "desk.backup", tmp_path / "restored.db", PASSPHRASE)
    return open_store(tmp_path / "restored.db", PASSPHRASE), lost


def test_a_desk_restored_from_an_older_backup_gets_its_new_work_to_the_server(
        server: ServerProcess, tenant: str, tmp_path: Path) -> None:
    """The restored desk numbers its outbox from the backup again, numbers the server already holds other
    mutations under: they were refused as reused, and the walk-ins and doses recorded after the restore
    never reached the server (each desk but this one lacked them)."""
    desk = enrolled_station(tmp_path, "desk", server, tenant=tenant)
    other = enrolled_station(tmp_path, "other", server, tenant=tenant)
    first = add_person(desk, "Vorher", "Anna")
    sync(desk)
    restored, lost = _restored_after_more_work(desk, tmp_path)
    walk_ins = [add_person(restored, "Danach", "Eva"), add_person(restored, "Danach", "Ida")]
    dose = external_dose(restored, walk_ins[0], date(2021, 7, 1))
    report = sync(restored)
    assert report.rejected == 0  # type: ignore[attr-defined]
    assert [state for _seq, _kind, state, _code in _outbox(restored)] == ["applied"] * 4
    assert sync_status(restored).rejected == 0 and not rejected_mutations(restored, NURSE)
    stats = server_stats(server, tenant)
    assert (stats["persons"], stats["vaccinations"], stats["rejected_mutations"]) == (5, 1, 0)
    sync(other)
    everyone = sorted([first, *lost, *walk_ins])
    assert station_view(restored)["persons"] == station_view(other)["persons"] == everyone
    assert station_view(other)["vaccinations"] == [dose]
    # The desk goes on numbering after the server's last: its next work is applied at once.
    later = add_person(restored, "Spaeter", "Uwe")
    assert sync(restored).applied == 1  # type: ignore[attr-defined]
    sync(other)
    assert later in station_view(other)["persons"]  # type: ignore[operator]
    restored.close()
    other.close()


def test_work_refused_as_reused_numbers_by_an_earlier_version_is_pushed_again(
        server: ServerProcess, tenant: str, tmp_path: Path) -> None:
    """A restored desk that synced before this was fixed holds its post-restore work as rejected
    (`sequence_reused`): the next round sends it again under new numbers."""
    desk = enrolled_station(tmp_path, "desk", server, tenant=tenant)
    add_person(desk, "Vorher", "Anna")
    sync(desk)
    restored, _lost = _restored_after_more_work(desk, tmp_path)
    walk_in = add_person(restored, "Danach", "Eva")
    with restored.write() as session:  # what the earlier version stored from the server's answer
        session.execute(update(Outbox).where(Outbox.station_seq == 2).values(
            state="rejected", reason_code="sequence_reused", reason="sequence_reused: The server already has ..."))
    assert sync(restored).rejected == 0  # type: ignore[attr-defined]
    assert [state for _seq, _kind, state, _code in _outbox(restored)] == ["applied", "applied"]
    assert server_stats(server, tenant)["persons"] == 4
    with restored.read() as session:
        station = session.scalars(select(Station)).one()
        assert station.next_seq == 5  # after the server's 1..3 and the renumbered 4
    assert walk_in in station_view(restored)["persons"]  # type: ignore[operator]
    restored.close()


# ---- a long time offline ------------------------------------------------------------------------------------


def test_an_outbox_larger_than_one_request_goes_out_in_requests_the_server_takes(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    """Three months of 5-minute slots opened offline (about 7 MB of mutations): the first push was refused
    as too large (body_too_large), the same one every round, and nothing of the station reached the
    server again."""
    desk, other = stations("desk"), stations("other")
    start = datetime.combine(date.today() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    with UnitOfWork(desk, ADMIN) as uow:
        opened = open_slots(uow, SlotPlan(site_id=desk.identity.site_id, opens=start,
                                          closes=start + timedelta(days=90), slot_minutes=5, capacity=3))
    walk_in = add_person(desk, "Spaet", "Paul")  # queued behind the slots
    with desk.read() as session:
        queued = sum(len(json.dumps(o.payload)) for o in session.scalars(select(Outbox)))
    assert queued > 4 * 1024 * 1024  # more than the server takes in one request
    report = sync(desk)
    assert (report.pending_after, report.rejected) == (0, 0)  # type: ignore[attr-defined]
    assert report.pushed == len(_outbox(desk)) > 0  # type: ignore[attr-defined]
    sync(other)
    assert station_view(other)["persons"] == [walk_in]
    with other.read() as session:
        assert len(session.scalars(select(Slot.id)).all()) == len(opened)


# ---- a booking the server refused, on which the person came anyway ------------------------------------------


def test_a_dose_given_on_a_booking_the_server_refused_reaches_the_server_and_every_desk(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    """Desk B books the last place offline; desk A had already given it away. The person comes, is checked
    in and vaccinated at B. The booking is refused (slot full) — and the visit and the dose on it waited on
    the server for ever for a booking that would never come: the dose reached no other desk."""
    a, b = stations("a"), stations("b")
    slot = _today_slot(a, capacity=1)
    _lot, vial = _open_vial(b, "NVX-1")
    sync(a)
    sync(b)
    book(a, add_person(a, "Erst", "Anna"), slot)
    sync(a)
    refused = book(b, add_person(b, "Zweit", "Berta"), slot)
    visit = _with_doctor(b, refused)
    dose = DoctorStation(b).record_dose(DOCTOR, visit, vial_id=vial, injection_site="left_deltoid").vaccination_id
    for store in (b, a, b):
        sync(store)
    assert not [row for row in _outbox(b) if row[2] in ("pending", "parked")]
    stats = server_stats(server, tenant)
    assert (stats["vaccinations"], stats["parked_mutations"], stats["overbooked_slots"]) == (1, 0, 0)
    for store in (a, b):
        with store.read() as session:
            at_visit = session.get(Visit, visit)
            given = session.get(Vaccination, dose)
            # The visit stands on its own, as a walk-in's; the person is in observation after the dose.
            assert at_visit is not None and (at_visit.appointment_id, at_visit.state) == (None, "observation")
            assert given is not None and given.visit_id == visit
        assert station_view(store)["vaccinations"] == [dose]
    with b.read() as session:
        booking = session.get(Appointment, refused)
        assert booking is not None and (booking.state, booking.booking_state) == ("cancelled", "rejected")
    assert bookings_to_rebook(b, NURSE) == []  # nobody calls a person who was vaccinated
    refusals = {r.kind: r.reason.split(":")[0] for r in rejected_mutations(b, NURSE)}
    assert refusals == {"appointment.booked": "slot_full", "appointment.checked_in": "booking_refused"}


def test_a_refused_booking_nobody_came_on_is_listed_to_rebook_at_its_own_desk_only(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a, b = stations("a"), stations("b")
    slot = _today_slot(a, capacity=1)
    sync(a)
    sync(b)
    book(a, add_person(a, "Erst", "Anna"), slot)
    sync(a)
    refused = book(b, add_person(b, "Zweit", "Berta"), slot)
    for store in (b, a):
        sync(store)
    assert [r.appointment_id for r in bookings_to_rebook(b, NURSE)] == [refused]
    assert bookings_to_rebook(a, NURSE) == []


# ---- one person in two queues -----------------------------------------------------------------------------


def test_one_booking_checked_in_at_two_offline_desks_is_a_review_task_at_both(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    """Both check-ins are kept (each is what a nurse did), and the person stood in both desks' queues
    twice with nothing saying why: now a review task names both visits at every desk."""
    a, b = stations("a"), stations("b")
    booking = book(a, add_person(a, "Keller", "Tom"), _today_slot(a, capacity=3))
    sync(a)
    sync(b)
    at_a = CheckInDesk(a).check_in(NURSE, booking, confirmed=True)
    at_b = CheckInDesk(b).check_in(NURSE, booking, confirmed=True)
    for store in (a, b, a):
        sync(store)
    for store in (a, b):
        with store.read() as session:
            visits = sorted(session.scalars(select(Visit.id).where(Visit.appointment_id == booking)))
        assert visits == sorted([at_a, at_b])
        tasks = _tasks(store, "visit_checked_in_twice")
        assert len(tasks) == 1 and tasks[0].resolved_at is None
        assert {tasks[0].entity_id, (tasks[0].details or {})["other_visit_id"]} == {at_a, at_b}
    assert server_stats(server, tenant)["open_review_tasks"] == 1


def test_a_walk_in_checked_in_again_while_in_the_queue_elsewhere_is_a_review_task(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a, b = stations("a"), stations("b")
    person = add_person(a, "Roth", "Ida")
    sync(a)
    sync(b)
    CheckInDesk(a).start_walk_in_visit(NURSE, person)
    CheckInDesk(b).start_walk_in_visit(NURSE, person)
    for store in (a, b, a):
        sync(store)
    assert len(_tasks(a, "visit_checked_in_twice")) == len(_tasks(b, "visit_checked_in_twice")) == 1


def test_a_second_visit_after_the_first_one_ended_is_no_review_task(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a, b = stations("a"), stations("b")
    person = add_person(a, "Roth", "Mia")
    first = CheckInDesk(a).start_walk_in_visit(NURSE, person)
    CheckInDesk(a).left_without_vaccination(NURSE, first, "felt unwell")
    sync(a)
    sync(b)
    CheckInDesk(b).start_walk_in_visit(NURSE, person)
    sync(b)
    assert _tasks(b, "visit_checked_in_twice") == [] and server_stats(server, tenant)["review_tasks"] == 0


# ---- a lot blocked while another booth draws from it offline ------------------------------------------------


def test_a_dose_from_a_lot_blocked_at_another_desk_is_a_review_task_at_every_desk(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    """The back office blocks a lot (cold chain broken); a booth offline still draws from its open vial.
    The doses are kept — and nobody learnt that these people had a dose from a blocked lot."""
    office, booth = stations("office"), stations("booth")
    slot = _today_slot(office, capacity=5)
    lot, vial = _open_vial(office, "NVX-9")
    before = _with_doctor(office, book(office, add_person(office, "Vorher", "Ole"), slot))
    DoctorStation(office).record_dose(DOCTOR, before, vial_id=vial, injection_site="left_deltoid")
    appointments = [book(office, add_person(office, f"Danach{c}", "Eva"), slot) for c in "ab"]
    sync(office)
    sync(booth)
    Lots(office).block(ADMIN, lot, reason="cold chain broken")
    sync(office)
    after = []
    for appointment in appointments:
        visit = _with_doctor(booth, appointment)
        after.append(DoctorStation(booth).record_dose(DOCTOR, visit, vial_id=vial,
                                                      injection_site="left_deltoid").vaccination_id)
    for store in (booth, office):
        sync(store)
    for store in (office, booth):
        tasks = _tasks(store, "dose_from_blocked_lot")
        assert sorted(t.entity_id for t in tasks) == sorted(after)  # not the dose given before the block
        assert all((t.details or {})["lot_number"] == "NVX-9" and (t.details or {})["block_reason"] ==
                   "cold chain broken" for t in tasks)
    assert server_stats(server, tenant)["vaccinations"] == 3  # every dose is kept


# ---- rows no other desk could read ----------------------------------------------------------------------------


def _push(server: ServerProcess, station_id: str, headers: dict[str, str], seq: int, kind: str,
          rows: list[dict[str, Any]]) -> httpx.Response:
    return httpx.post(f"{server.url}/v1/sync/push", headers=headers, timeout=30, json={
        "station_id": station_id, "mutations": [{"mutation_id": f"raw-{station_id[:8]}-{seq}", "station_seq": seq,
                                                 "schema_version": 1, "kind": kind, "payload": {"rows": rows},
                                                 "hlc": "0000000000001-00000-x"}]})


def test_a_station_cannot_empty_a_required_column_or_file_a_row_under_an_unknown_site(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    """An update emptying a column every row has failed inside the server (500, for ever: that station's
    push never got past it) or was stored, and then every other desk quarantined the row; a row under a
    site id no station uses was stored and quarantined everywhere as well."""
    station_id, headers = device_token(server, tenant)
    desk = stations("desk")
    person = add_person(desk, "Berger", "Lena")
    slot = _today_slot(desk, capacity=3)
    booking = book(desk, person, slot)
    sync(desk)
    tries = [
        ("person.updated", [{"entity": "person", "id": person, "op": "update", "values": {"family_name": None}}],
         "missing_field"),
        ("appointment.cancelled", [{"entity": "appointment", "id": booking, "op": "update",
                                    "values": {"slot_id": None, "state": "cancelled"}}], "missing_field"),
        ("slots.opened", [{"entity": "slot", "id": "slot-nowhere", "op": "insert", "values": {
            "site_id": "no-such-site", "starts_at": "2026-12-01T08:00:00+00:00",
            "ends_at": "2026-12-01T08:10:00+00:00", "capacity": 5}}], "other_site"),
    ]
    for seq, (kind, rows, code) in enumerate(tries, start=1):
        answer = _push(server, station_id, headers, seq, kind, rows)
        assert answer.status_code == 200, answer.text
        result = answer.json()["results"][0]
        assert (result["outcome"], result["reason_code"]) == ("rejected", code)
    # The same station goes on: its next mutation is applied.
    after = _push(server, station_id, headers, len(tries) + 1, "person.updated", [
        {"entity": "person", "id": person, "op": "update", "values": {"phone": "+49 30 1234"}}])
    assert after.json()["results"][0]["outcome"] == "applied"
    fresh = stations("fresh")
    report = sync(fresh)
    assert report.quarantined == 0  # type: ignore[attr-defined]
    assert station_view(fresh) == station_view(desk)
