"""Sync under ordinary concurrent work, each scenario the way desks met it (issue 12): real server
processes on SQLite and on a self-started PostgreSQL, real encrypted stations, the real services."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.domain.questionnaire import Answer
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.persons import PersonInput, add_person, merge_persons
from app.services.stats import station_stats
from app.services.unit_of_work import UnitOfWork
from app.services.vaccinations import DoctorStation
from app.storage.engine import Store
from app.storage.schema import (
    Appointment,
    Lot,
    Outbox,
    ReviewTask,
    StockEvent,
    SyncLease,
    SyncQuarantine,
    Vaccination,
    VaccinationVoid,
    Vial,
    Visit,
)
from sync.server.tenants import Registry
from tests.cli_support import vaxdesk_here
from tests.conftest import PASSPHRASE, REPO
from tests.integration.sync_support import (
    ADMIN,
    DOCTOR,
    NURSE,
    ServerProcess,
    Stations,
    WatchedTransport,
    book,
    device_token,
    enrolled_station,
    enrolled_stations,
    external_dose,
    fresh_tenant,
    open_day,
    push_raw,
    server_stats,
    station_view,
    sync,
)
from tests.integration.sync_support import (
    add_person as add_named_person,
)


@pytest.fixture
def tenant(server: ServerProcess) -> str:
    return fresh_tenant(server)


@pytest.fixture
def stations(server: ServerProcess, tenant: str, tmp_path: Path) -> Iterator[Stations]:
    """`stations("a")`: a station enrolled with the tenant, in this test's folder; all closed after the test."""
    yield from enrolled_stations(server, tenant, tmp_path)


def _today_slots(store: Store, *, capacity: int, slots: int = 2) -> list[str]:
    now = datetime.now(UTC)
    return open_day(store, capacity=capacity, slots=slots, day=now.date())


def _booked_today(store: Store, family: str, given: str) -> str:
    """A new person booked at `store` into the one slot it opens today: the appointment's id."""
    slot = _today_slots(store, capacity=3, slots=1)[0]
    return book(store, add_named_person(store, family, given), slot)


def _no_show_at_b_then_check_in_at_a(a: Store, b: Store, family: str, given: str) -> str:
    """A booking made at A that both desks know; B marks it a no-show and pushes that, then A, which has not
    pulled since, checks the person in (not pushed yet): the appointment's id."""
    appointment = _booked_today(a, family, given)
    sync(a)
    sync(b)
    CheckInDesk(b).mark_no_show(NURSE, appointment)  # desk B, a little earlier
    sync(b)
    CheckInDesk(a).check_in(NURSE, appointment, confirmed=True)  # desk A had not heard: the person is here
    return appointment


def _row(store: Store, model: Any, row_id: str) -> Any:
    with store.read() as session:
        row = session.get(model, row_id)
        assert row is not None, f"{model.__name__} {row_id} missing"
        session.expunge(row)
        return row


def _count(store: Store, model: Any, *where: Any) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _consent_answers() -> dict[str, Answer]:
    answers = {q: Answer(yes=False) for q in ("acute_illness", "anticoagulation", "pregnancy", "immunosuppression",
                                              "earlier_vaccinations", "earlier_infection", "allergies",
                                              "earlier_reaction")}
    answers["consent"] = Answer(yes=True)
    return answers


# ---- identity: one lot, however many desks received it --------------------------------------------


def test_two_desks_demo_the_same_lots_and_keep_syncing(server: ServerProcess, tenant: str, tmp_path: Path) -> None:
    """As reported: init + enroll two desks of one site, `vaxdesk demo` on each, `vaxdesk sync` on each."""
    desks = []
    for name in ("desk1", "desk2"):
        db = tmp_path / f"{name}.db"
        assert vaxdesk_here("init", "--db", str(db), "--tenant", tenant, "--site", "site-a").returncode == 0
        code = server.cli("enrollment-code", "--tenant", tenant, "--site", "site-a").strip().splitlines()[-1]
        assert vaxdesk_here("enroll", "--db", str(db), "--server", server.url, "--code", code).returncode == 0
        assert vaxdesk_here("demo", "--db", str(db), "--persons", "12").returncode == 0
        desks.append(db)
    for _ in range(2):
        for db in desks:
            done = vaxdesk_here("sync", "--db", str(db), "--json")
            assert done.returncode == 0, done.stderr
    figures = [json.loads(vaxdesk_here("stats", "--db", str(db), "--json").stdout.strip().splitlines()[-1]) for db in desks]
    assert figures[0]["stock"] == figures[1]["stock"]  # the same delivery sums on both desks
    assert figures[0]["quarantined_changes"] == figures[1]["quarantined_changes"] == 0
    assert figures[0]["persons"] == figures[1]["persons"] == 24
    # one lot per product and lot number, holding the vials of both receipts
    from app.storage.engine import open_store

    for db in desks:
        with open_store(db, PASSPHRASE) as store, store.read() as session:
            lots = session.execute(select(Lot.product_code, Lot.lot_number, Lot.vials_received)).all()
            assert len(lots) == len({(p, n) for p, n, _ in lots}) == 5
            assert all(v >= 2 * 20 for *_k, v in lots)  # both desks' vials (the demo receives >= 20 each)


@pytest.mark.parametrize("typed_at_b", ["NVX-77", "nvx - 77"])
def test_the_same_lot_received_offline_at_two_desks_merges_and_their_vials_stay_valid(
        server: ServerProcess, tenant: str, stations: Stations, typed_at_b: str) -> None:
    """Also when the second desk types the carton's number in other letters and spaces: one lot, so a
    recall at one desk blocks all of its vials."""
    a = stations("a")
    b = stations("b")
    expiry = date.today() + timedelta(days=60)
    lot_a = Lots(a).receive_typed(ADMIN, product_code="nuvaxovid", lot_number="NVX-77", expiry=expiry, vials=10)
    lot_b = Lots(b).receive_typed(ADMIN, product_code="nuvaxovid", lot_number=typed_at_b, expiry=expiry, vials=4)
    from app.services.vials import Vials

    vial_b = Vials(b).open_vial(ADMIN, lot_b.lot_id)
    for store in (a, b, a, b):
        report = sync(store)
        assert report.rejected == 0 and report.quarantined == 0  # type: ignore[attr-defined]
    for store in (a, b):
        with store.read() as session:
            lots = session.scalars(select(Lot).where(Lot.product_code == "nuvaxovid")).all()
            assert [(lot.id, lot.lot_number, lot.vials_received) for lot in lots] == [(lot_a.lot_id, "NVX-77", 14)]
            assert session.scalar(select(func.sum(StockEvent.doses)).where(StockEvent.kind == "received")) == 140
    assert _row(a, Vial, vial_b.vial_id).lot_id == _row(b, Vial, vial_b.vial_id).lot_id == lot_a.lot_id


# ---- one station cannot stop the tenant --------------------------------------------------------------


def test_hostile_payloads_are_refused_at_the_boundary_and_every_station_keeps_syncing(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a = stations("a")
    station_id, headers = device_token(server, tenant)
    deep: Any = {"x": 1}
    for _ in range(300):
        deep = {"x": deep}
    answers = [
        push_raw(server, station_id, headers, 1, "person.created", {"rows": [deep]}),
        push_raw(server, station_id, headers, 1, "lot.received", {"rows": [{
            "entity": "lot", "id": "lot-x", "op": "insert", "values": {
                "product_code": "comirnaty", "lot_number": "X1", "expiry": "2031-01-01", "vials_received": "0",
                "doses_per_vial": 6, "received_at": "2026-12-01T08:00:00+00:00"}}]}),
        push_raw(server, station_id, headers, 1, "slots.opened", {"rows": [{
            "entity": "slot", "id": "s-x", "op": "insert", "values": {
                "site_id": "x", "starts_at": "2026-12-01T08:00:00+00:00", "ends_at": "2026-12-01T08:10:00+00:00",
                "capacity": 10**30}}]}),
        push_raw(server, station_id, headers, 1, "made.up", {"rows": []}),
    ]
    for answer in answers:  # refused with a code, never a 500, and nothing stored
        assert answer.status_code in (200, 422), answer.text
        if answer.status_code == 200:
            assert answer.json()["results"][0]["outcome"] == "rejected"
            assert answer.json()["results"][0]["reason_code"]
    add_named_person(a, "Berger", "Lena")
    assert sync(a).rejected == 0  # type: ignore[attr-defined]
    fresh = stations("fresh")
    report = sync(fresh)
    assert report.quarantined == 0 and len(station_view(fresh)["persons"]) == 1  # type: ignore[attr-defined,arg-type]


def test_a_change_the_station_cannot_interpret_is_quarantined_and_the_pull_goes_on(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    """A newer server (or a damaged record) sends a row this station's model refuses."""
    from sync.server import ledger

    a = stations("a")
    registry = Registry(data_dir=server.data_dir, database_url=server.database_url)
    try:
        ten = registry.get(tenant)
        with ten.write() as conn:
            ledger.put_record(ten, conn, entity="person", row_id="p-odd", values={
                "id": "p-odd", "family_name": "X" * 500, "given_name": "Y", "dob": "1990-01-01"})
            ledger.emit(ten, conn, origin="server", kind="hologram.put", payload={"id": "h-1"})
    finally:
        registry.close()
    add_named_person(a, "Nowak", "Piotr")
    report = sync(a)
    assert report.quarantined == 2  # type: ignore[attr-defined]
    assert station_stats(a)["quarantined_changes"] == 2
    with a.read() as session:
        reasons = sorted(q.reason_code for q in session.scalars(select(SyncQuarantine)))
    assert reasons == ["invalid_field", "unknown_kind"]
    again = sync(a)
    assert again.quarantined == 0 and again.pulled == 0  # type: ignore[attr-defined]
    assert len(station_view(a)["persons"]) == 1  # type: ignore[arg-type]


# ---- the server's order is the truth -------------------------------------------------------------------


def test_a_no_show_at_one_desk_and_a_check_in_at_another_end_checked_in_everywhere(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a = stations("a")
    b = stations("b")
    appointment = _no_show_at_b_then_check_in_at_a(a, b, "Keller", "Tom")
    for store in (a, b, a, b):
        sync(store)
    for store in (a, b):
        assert _row(store, Appointment, appointment).state == "checked_in"


def test_a_check_in_first_then_a_stale_no_show_is_refused_and_the_desk_converges(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a = stations("a")
    b = stations("b")
    appointment = _booked_today(a, "Keller", "Tina")
    sync(a)
    sync(b)
    CheckInDesk(a).check_in(NURSE, appointment, confirmed=True)
    sync(a)
    CheckInDesk(b).mark_no_show(NURSE, appointment)  # B still sees the booking open
    assert _row(b, Appointment, appointment).state == "no_show"
    report = sync(b)
    assert report.rejected == 1  # type: ignore[attr-defined]
    assert _row(b, Appointment, appointment).state == "checked_in"  # B shows what the server has
    with b.read() as session:
        refused = session.scalars(select(Outbox).where(Outbox.state == "rejected")).one()
        assert refused.kind == "appointment.no_show" and refused.reason_code == "superseded"


def test_a_visit_checked_in_at_the_desk_is_called_and_vaccinated_at_another_booth(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    desk = stations("desk")
    booth = stations("booth")
    appointment = _booked_today(desk, "Roth", "Ida")
    checkin = CheckInDesk(desk)
    visit = checkin.check_in(NURSE, appointment, confirmed=True)
    checkin.record_identity(NURSE, visit, "id_card")
    checkin.record_questionnaire(NURSE, visit, _consent_answers())
    sync(desk)
    sync(booth)
    at_booth = _row(booth, Visit, visit)
    assert at_booth.consent_at is not None and at_booth.id_document_type == "id_card"
    CheckInDesk(booth).call_to_doctor(NURSE, visit)  # consent travelled with the visit
    sync(booth)
    sync(desk)
    assert _row(desk, Visit, visit).state == "with_doctor" and _row(desk, Appointment, appointment).state == "with_doctor"


def test_an_unconfirmed_local_change_stays_on_top_of_an_older_pulled_one(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    """Rebase: while a desk's own check-in waits to be pushed, pulling another desk's older change to the
    same booking does not show that older state."""
    from sync.station.engine import SyncEngine

    a = stations("a")
    b = stations("b")
    appointment = _no_show_at_b_then_check_in_at_a(a, b, "Vogel", "Max")
    with SyncEngine(a) as engine:  # pull only: A's check-in is still pending
        from sync.station.engine import K_CURSOR, get_meta

        status = engine.client.status()
        engine._pull_all(status)
        with a.read() as session:
            assert int(get_meta(session, K_CURSOR) or 0) == status.latest_change
    assert _row(a, Appointment, appointment).state == "checked_in"
    sync(a)
    sync(b)
    assert _row(b, Appointment, appointment).state == "checked_in"


# ---- duplicates and conflicts become review tasks -------------------------------------------------------


def test_the_same_walk_in_at_two_offline_desks_becomes_one_review_task_and_a_merge_keeps_every_dose(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a = stations("a")
    b = stations("b")
    anna = PersonInput(family_name="Müller", given_name="Anna", dob="1975-04-01")
    with UnitOfWork(a, NURSE) as uow:
        first = add_person(uow, anna).id
    with UnitOfWork(b, NURSE) as uow:
        second = add_person(uow, PersonInput(family_name="Mueller", given_name="Anna", dob="1975-04-01")).id
    dose_a = external_dose(a, first, date(2021, 5, 1))
    dose_b = external_dose(b, second, date(2021, 9, 1))
    for store in (a, b, a, b):
        sync(store)
    for store in (a, b):
        with store.read() as session:
            tasks = session.scalars(select(ReviewTask).where(ReviewTask.kind == "possible_duplicate_person")).all()
            assert len(tasks) == 1 and tasks[0].resolved_at is None
            assert {tasks[0].entity_id, tasks[0].details["other_person_id"]} == {first, second}
    with UnitOfWork(a, NURSE) as uow:
        merge_persons(uow, keep_id=first, drop_id=second)
    for store in (a, b, a, b):
        sync(store)
    for store in (a, b):
        assert station_view(store)["persons"] == [first]
        with store.read() as session:
            doses = session.execute(select(Vaccination.id, Vaccination.person_id)).all()
            assert sorted(doses) == sorted([(dose_a, first), (dose_b, first)])
            assert session.scalars(select(ReviewTask.resolved_at)).all()[0] is not None
    stats = server_stats(server, tenant)
    assert (stats["persons"], stats["vaccinations"], stats["open_review_tasks"]) == (1, 2, 0)


def test_a_void_and_a_correction_of_one_dose_at_two_desks_are_both_kept_with_one_review_task(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a = stations("a")
    b = stations("b")
    person = add_named_person(a, "Lang", "Eva")
    dose = external_dose(a, person, date(2021, 6, 1))
    sync(a)
    sync(b)
    DoctorStation(a).void_dose(DOCTOR, dose, reason="entered for the wrong person")
    corrected = DoctorStation(b).correct_dose(DOCTOR, dose, reason="wrong date", given_on=date(2021, 6, 3))
    for store in (a, b, a, b):
        sync(store)
    views = [station_view(s) for s in (a, b)]
    assert views[0] == views[1] and views[0]["vaccinations"] == [corrected.vaccination_id]
    for store in (a, b):
        assert _count(store, VaccinationVoid, VaccinationVoid.vaccination_id == dose) == 2
        with store.read() as session:
            kinds = [t.kind for t in session.scalars(select(ReviewTask))]
        assert kinds == ["conflicting_dose_changes"]


def test_the_dose_renumbered_by_a_void_reaches_the_other_desk_without_a_review(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    """Voiding dose 1 makes dose 2 the 1/2 (a correction of it with the new numbers): the other desk
    gets the renumbered dose, and the server takes the correction as one, not as a duplicate dose."""
    a = stations("a")
    b = stations("b")
    person = add_named_person(a, "Roth", "Ida")
    first = external_dose(a, person, date(2021, 6, 1))
    second = external_dose(a, person, date(2021, 7, 1))
    sync(a)
    DoctorStation(a).void_dose(DOCTOR, first, reason="entered for the wrong person")
    for store in (a, b):
        sync(store)
    views = [station_view(s) for s in (a, b)]
    assert views[0] == views[1] and len(views[0]["vaccinations"]) == 1  # type: ignore[arg-type]
    for store in (a, b):
        with store.read() as session:
            live = session.get(Vaccination, views[0]["vaccinations"][0])  # type: ignore[index]
            assert live is not None
            assert (live.dose_number, live.series_doses, live.corrects_id) == (1, 2, second)
            assert session.scalars(select(ReviewTask)).all() == []
    assert server_stats(server, tenant)["open_review_tasks"] == 0


def test_a_no_show_who_arrives_after_all_never_takes_a_place_leased_elsewhere(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    a = stations("a")
    b = stations("b")
    slot = open_day(a, capacity=2, slots=1)[0]  # tomorrow: leases are for slots still to come
    appointment = book(a, add_named_person(a, "Frank", "Ole"), slot)
    sync(a)
    CheckInDesk(a).mark_no_show(NURSE, appointment)
    sync(a)
    sync(b, lease_places=2)  # B holds every free place now
    with b.read() as session:
        assert [x.places for x in session.scalars(select(SyncLease))] == [2]
    CheckInDesk(a).check_in(NURSE, appointment, confirmed=True)  # A thinks the place is still there
    sync(a)
    stats = server_stats(server, tenant)
    assert stats["overbooked_slots"] == 0
    registry = Registry(data_dir=server.data_dir, database_url=server.database_url)
    try:
        from sync.server import tenants as t

        with registry.get(tenant).read() as conn:
            row = conn.execute(select(t.slot).where(t.slot.c.id == slot)).one()
            assert row.booked + row.leased <= row.capacity
    finally:
        registry.close()


# ---- leases that survive faults ---------------------------------------------------------------------------


def test_a_cut_lease_answer_never_makes_the_server_set_places_aside_twice(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    from sync.station.engine import SyncEngine

    a = stations("a")
    slot = open_day(a, capacity=10, slots=1)[0]
    sync(a)
    cut: list[httpx.Request] = []

    def lose_the_first_lease_answer(request: httpx.Request) -> None:
        # The first lease request reaches the server; its answer is lost on the way back.
        if request.method == "POST" and request.url.path == "/v1/leases" and not cut:
            cut.append(request)
            raise httpx.ReadTimeout("answer lost", request=request)

    with SyncEngine(a, transport=WatchedTransport(lose_the_first_lease_answer), lease_places=3,
                    client_options={"retries": 3, "sleep": lambda _s: None}) as engine:
        engine.run_round()
    assert len(cut) == 1
    with a.read() as session:
        assert [(x.slot_id, x.places) for x in session.scalars(select(SyncLease))] == [(slot, 3)]
    registry = Registry(data_dir=server.data_dir, database_url=server.database_url)
    try:
        from sync.server import tenants as t

        with registry.get(tenant).read() as conn:
            assert conn.execute(select(func.count()).select_from(t.lease)).scalar_one() == 1
            assert conn.execute(select(t.slot.c.leased).where(t.slot.c.id == slot)).scalar_one() == 3
    finally:
        registry.close()


def test_vaxdesk_sync_asks_for_leases_for_the_coming_days(server: ServerProcess, tenant: str, tmp_path: Path) -> None:
    a = enrolled_station(tmp_path, "a", server, tenant=tenant)
    open_day(a, capacity=10, slots=3)
    a.close()
    done = vaxdesk_here("sync", "--db", str(tmp_path / "a.db"), "--json")
    assert done.returncode == 0, done.stderr
    from app.storage.engine import open_store

    with open_store(tmp_path / "a.db", PASSPHRASE) as store, store.read() as session:
        assert sorted(x.places for x in session.scalars(select(SyncLease))) == [2, 2, 2]


# ---- restores that lose nothing ---------------------------------------------------------------------------


def _backup(server: ServerProcess, tenant: str, path: Path) -> None:
    server.cli("tenant", "backup", "--tenant", tenant, "--out", str(path))


def _restore(server: ServerProcess, tenant: str, path: Path) -> None:
    server.cli("tenant", "restore", "--tenant", tenant, "--from", str(path))


def test_after_a_restore_a_dose_pushed_before_its_person_waits_and_a_third_station_gets_both(
        server: ServerProcess, tenant: str, tmp_path: Path) -> None:
    a = enrolled_station(tmp_path, "a", server, tenant=tenant)
    b = enrolled_station(tmp_path, "b", server, tenant=tenant)
    c = enrolled_station(tmp_path, "c", server, tenant=tenant)
    backup = tmp_path / "tenant.backup"
    _backup(server, tenant, backup)
    person = add_named_person(a, "Huber", "Lea")
    dose_a = external_dose(a, person, date(2021, 4, 1))
    sync(a)
    sync(b)
    dose_b = external_dose(b, person, date(2021, 10, 1))
    void_target = external_dose(a, person, date(2022, 1, 10))
    sync(a)
    sync(b)
    DoctorStation(b).void_dose(DOCTOR, void_target, reason="recorded twice")
    sync(b)
    _restore(server, tenant, backup)
    first = sync(b)  # b reconnects first: its dose and its void need a's person and dose
    assert first.epoch_changed and first.parked >= 1  # type: ignore[attr-defined]
    assert server_stats(server, tenant)["parked_mutations"] >= 1
    sync(c)
    sync(a)
    for store in (b, c, a, b, c):
        sync(store)
    views = [station_view(s) for s in (a, b, c)]
    assert views[0] == views[1] == views[2]
    assert views[0]["vaccinations"] == sorted([dose_a, dose_b])  # the void found its dose
    stats = server_stats(server, tenant)
    assert (stats["parked_mutations"], stats["vaccinations"], stats["persons"]) == (0, 2, 1)
    for store in (a, b, c):
        assert not _count(store, Outbox, Outbox.state.in_(("pending", "parked")))
        store.close()


def test_after_a_restore_bookings_keep_the_answer_they_had(
        server: ServerProcess, tenant: str, tmp_path: Path, stations: Stations) -> None:
    a = stations("a")
    b = stations("b")
    slot = open_day(a, capacity=1, slots=1)[0]
    sync(a)
    sync(b)
    backup = tmp_path / "tenant.backup"
    _backup(server, tenant, backup)
    confirmed = book(a, add_named_person(a, "Kurz", "Uwe"), slot)
    sync(a)
    refused = book(b, add_named_person(b, "Lang", "Ute"), slot)
    assert sync(b).rejected == 1  # type: ignore[attr-defined]
    _restore(server, tenant, backup)
    sync(b)  # the refused one arrives first after the restore: it stays refused
    sync(a)
    for store in (a, b, a, b):
        sync(store)
    assert _row(a, Appointment, confirmed).state == "booked" and _row(b, Appointment, confirmed).state == "booked"
    assert _row(b, Appointment, refused).booking_state == "rejected"
    stats = server_stats(server, tenant)
    assert stats["appointments"] == 1 and stats["overbooked_slots"] == 0


def test_after_a_restore_online_bookings_only_the_server_held_come_back_from_the_stations(
        server: ServerProcess, tenant: str, tmp_path: Path, stations: Stations) -> None:
    a = stations("a")
    slot = open_day(a, capacity=5, slots=1)[0]
    sync(a)
    backup = tmp_path / "tenant.backup"
    _backup(server, tenant, backup)
    answer = httpx.post(f"{server.url}/v1/public/{tenant}/bookings", json={
        "slot_id": slot, "family_name": "Online", "given_name": "Olga", "dob": "1988-02-02"})
    assert answer.status_code == 201, answer.text
    code = answer.json()["booking_code"]
    sync(a)  # the desk pulled it
    _restore(server, tenant, backup)
    assert httpx.get(f"{server.url}/v1/public/{tenant}/bookings/{code}").status_code == 404  # lost by the restore
    report = sync(a)
    assert report.epoch_changed  # type: ignore[attr-defined]
    assert httpx.get(f"{server.url}/v1/public/{tenant}/bookings/{code}").status_code == 200
    stats = server_stats(server, tenant)
    assert (stats["persons"], stats["appointments"]) == (1, 1)


def test_a_restore_without_a_new_epoch_is_noticed_from_the_cursor(
        server: ServerProcess, tenant: str, tmp_path: Path, stations: Stations) -> None:
    """A database copied back by hand: the station's cursor is ahead of everything the server has."""
    from sync.server import tenants as t

    a = stations("a")
    b = stations("b")
    backup = tmp_path / "tenant.backup"
    _backup(server, tenant, backup)
    registry = Registry(data_dir=server.data_dir, database_url=server.database_url)
    try:
        with registry.get(tenant).read() as conn:
            epoch = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "epoch")).scalar_one()
        person = add_named_person(a, "Stein", "Jan")
        sync(a)
        sync(b)
        _restore(server, tenant, backup)
        ten = registry.get(tenant)
        with ten.write() as conn:  # undo the new epoch: as if the file had been copied back by hand
            conn.execute(t.meta.update().where(t.meta.c.key == "epoch").values(value=epoch))
    finally:
        registry.close()
    report = sync(b)
    assert report.epoch_changed  # type: ignore[attr-defined]
    sync(a)
    sync(b)
    assert station_view(b)["persons"] == [person] and server_stats(server, tenant)["persons"] == 1


def test_an_epoch_change_in_the_middle_of_a_pull_starts_the_round_over(
        server: ServerProcess, tenant: str, tmp_path: Path, stations: Stations) -> None:
    from sync.station.engine import SyncEngine

    a = stations("a")
    b = stations("b")
    people = [add_named_person(a, f"Page{chr(97 + i)}", "Test") for i in range(6)]
    sync(a)
    backup = tmp_path / "tenant.backup"
    _backup(server, tenant, backup)

    pages: list[httpx.Request] = []

    def restore_after_the_first_page(request: httpx.Request) -> None:
        if request.url.path == "/v1/sync/changes":
            pages.append(request)
            if len(pages) == 1:
                _restore(server, tenant, backup)

    with SyncEngine(b, transport=WatchedTransport(restore_after_the_first_page), page_size=2) as engine:
        report = engine.run_round()
    assert report.epoch_changed and len(pages) > 3
    assert station_view(b)["persons"] == sorted(people)


def test_restore_refuses_a_backup_of_another_tenant(server: ServerProcess, tenant: str, tmp_path: Path) -> None:
    other = fresh_tenant(server)
    backup = tmp_path / "other.backup"
    _backup(server, other, backup)
    extra = ["--database-url", server.database_url] if server.database_url else []
    result = subprocess.run([sys.executable, "-m", "sync.server.cli", "tenant", "restore", "--data-dir",
                             str(server.data_dir), *extra, "--tenant", tenant, "--from", str(backup)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 5 and "belongs to tenant" in result.stderr
    again = subprocess.run([sys.executable, "-m", "sync.server.cli", "tenant", "backup", "--data-dir",
                            str(server.data_dir), *extra, "--tenant", other, "--out", str(backup)],
                           capture_output=True, text=True, cwd=REPO)
    assert again.returncode == 8  # never over an existing file


def test_a_minors_guardian_consent_and_the_doctors_review_travel_with_the_visit(
        server: ServerProcess, tenant: str, stations: Stations) -> None:
    desk = stations("desk")
    booth = stations("booth")
    slot = _today_slots(desk, capacity=3, slots=1)[0]
    minor = add_named_person(desk, "Roth", "Mia", dob=(date.today() - timedelta(days=12 * 366)).isoformat())
    checkin = CheckInDesk(desk)
    visit = checkin.check_in(NURSE, book(desk, minor, slot), confirmed=True)
    checkin.record_identity(NURSE, visit, "passport")
    checkin.record_questionnaire(NURSE, visit, _consent_answers() | {"allergies": Answer(yes=True)},
                                 consent_by="guardian", guardian_name="Eva Roth")
    checkin.call_to_doctor(NURSE, visit)
    sync(desk)
    sync(booth)
    at_booth = _row(booth, Visit, visit)
    assert (at_booth.consent_by, at_booth.guardian_name) == ("guardian", "Eva Roth")
    DoctorStation(booth).acknowledge_review(DOCTOR, visit)
    sync(booth)
    sync(desk)
    assert _row(desk, Visit, visit).review_acknowledged_at is not None
