"""The bulk import (`vaxdesk demo` and the benchmark fixtures): batches in one transaction each, every
person validated, the same mutations a single registration queues, one audit entry per batch, and a
second station that pulls it all from a real server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import RuleViolation, ValidationError
from app.services.audit import verify_audit
from app.services.booking import SlotPlan, book_appointment, open_slots
from app.services.checkin import CheckInDesk
from app.services.person_import import ImportRow, import_persons
from app.services.persons import PersonInput, add_person
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Appointment, AuditLog, Outbox, Person, Station
from tests.integration.sync_support import (
    enrolled_station,
    new_tenant,
    start_server,
    station_view,
    sync,
)

NOW = datetime(2030, 5, 6, 8, 0, tzinfo=UTC)
SYSTEM = Actor.system()


def clock() -> datetime:
    return NOW


def _slots(store: Store, *, capacity: int, count: int = 3) -> list[str]:
    with UnitOfWork(store, SYSTEM, clock) as uow:
        return [s.id for s in open_slots(uow, SlotPlan(
            site_id=store.identity.site_id, opens=NOW, closes=NOW + timedelta(minutes=10 * count), slot_minutes=10,
            capacity=capacity, product_code="comirnaty"))]


def _rows(n: int, slots: list[str], *, bad_at: int | None = None) -> Iterator[ImportRow]:
    for i in range(n):
        family = "Müller" if i % 3 else f"Imp{'abcdefghij'[i % 10]}{'klmnopqrst'[i // 10 % 10]}ort"
        dob = "1980-13-40" if i + 1 == bad_at else "1980-02-29"
        yield ImportRow(PersonInput(family_name=family, given_name="Anna", dob=dob, sex="f"),
                        slot_id=slots[i % len(slots)] if i % 4 else None)


def _count(store: Store, model: type, *where: object) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def test_batches_write_persons_bookings_mutations_and_one_audit_entry_each(store: Store) -> None:
    slots = _slots(store, capacity=100)
    audit_before, seq_before = _count(store, AuditLog), _count(store, Outbox)
    done: list[int] = []
    summary = import_persons(store, SYSTEM, _rows(250, slots), clock=clock, batch_size=100, on_batch=done.append)
    assert (summary.persons, summary.appointments, summary.batches) == (250, 187, 3)
    assert done == [100, 200, 250]
    assert _count(store, Person) == 250 and _count(store, Appointment) == 187
    # One audit entry per batch, in the hash chain like any other.
    assert _count(store, AuditLog) - audit_before == 3
    with store.read() as session:
        entries = session.scalars(select(AuditLog).where(AuditLog.action == "person.imported")).all()
        assert [e.details["persons"] for e in entries] == [100, 100, 50]  # type: ignore[index]
        mutations = session.execute(select(Outbox.kind, Outbox.station_seq).order_by(Outbox.station_seq)).all()
        station = session.scalars(select(Station)).one()
    assert verify_audit(store, SYSTEM).ok
    # One mutation per person and per booking, numbered without gaps, the station's counter after them.
    new = mutations[seq_before:]
    assert [k for k, _ in new].count("person.created") == 250
    assert [k for k, _ in new].count("appointment.booked") == 187
    seqs = [s for _, s in mutations]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs))) and station.next_seq == seqs[-1] + 1
    # Capacity held, codes unique, persons searchable (the triggers saw the bulk rows too).
    with store.read() as session:
        codes = session.scalars(select(Appointment.booking_code)).all()
        per_slot = dict(session.execute(select(Appointment.slot_id, func.count()).group_by(Appointment.slot_id)).all())
    assert len(set(codes)) == len(codes) and max(per_slot.values()) <= 100
    found = CheckInDesk(store, clock=clock).find(SYSTEM, "Mueller Anna")
    assert found.total == 166 and found.matches[0].booking is not None


def test_the_import_queues_exactly_what_the_single_use_cases_queue(store: Store) -> None:
    slots = _slots(store, capacity=10)
    with UnitOfWork(store, SYSTEM, clock) as uow:
        person = add_person(uow, PersonInput(family_name="Weber", given_name="Ida", dob="1970-01-01"))
        book_appointment(uow, person_id=person.id, slot_id=slots[0])
    import_persons(store, SYSTEM, [ImportRow(PersonInput(family_name="Weber", given_name="Ida", dob="1970-01-01"),
                                             slot_id=slots[0])], clock=clock)
    with store.read() as session:
        rows = session.execute(select(Outbox.kind, Outbox.payload).order_by(Outbox.station_seq)).all()
    by_kind: dict[str, list[dict[str, object]]] = {}
    for kind, payload in rows:
        by_kind.setdefault(kind, []).append(payload)
    for kind in ("person.created", "appointment.booked"):
        single, imported = by_kind[kind][-2:]
        assert single.keys() == imported.keys() == {"rows"}
        assert len(single["rows"]) == len(imported["rows"]) == 1  # type: ignore[arg-type]
        (one,), (bulk,) = single["rows"], imported["rows"]  # type: ignore[misc]
        assert (one["entity"], one["op"]) == (bulk["entity"], bulk["op"]) == (kind.split(".")[0], "insert")
        assert one["values"].keys() == bulk["values"].keys()  # every synced column, as the unit of work sends it
        assert {k: v for k, v in one["values"].items() if k not in ("person_id", "booking_code")} == \
            {k: v for k, v in bulk["values"].items() if k not in ("person_id", "booking_code")}


def test_a_bad_row_stops_the_import_at_its_batch_and_names_the_row(store: Store) -> None:
    slots = _slots(store, capacity=100)
    with pytest.raises(ValidationError, match="Row 150"):
        import_persons(store, SYSTEM, _rows(250, slots, bad_at=150), clock=clock, batch_size=100)
    # The first batch is complete, the bad one wrote nothing (not even an audit entry).
    assert _count(store, Person) == 100
    assert _count(store, AuditLog, AuditLog.action == "person.imported") == 1
    assert _count(store, Outbox, Outbox.kind == "person.created") == 100


def test_a_full_slot_is_never_overbooked(store: Store) -> None:
    slots = _slots(store, capacity=5, count=1)
    with pytest.raises(RuleViolation, match="full"):
        import_persons(store, SYSTEM, (ImportRow(PersonInput(family_name="Koch", given_name="Eva", dob="1990-01-01"),
                                                 slot_id=slots[0]) for _ in range(7)), clock=clock)
    assert _count(store, Appointment) == 0 and _count(store, Person) == 0


def test_booking_codes_stay_unique_when_random_codes_clash(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.person_import as person_import
    from app.domain.booking_code import new_booking_code

    slots = _slots(store, capacity=50)
    import_persons(store, SYSTEM, _rows(40, slots), clock=clock)
    with store.read() as session:
        existing = session.scalars(select(Appointment.booking_code)).first()
    # The generator repeats an existing code and itself, as a real one will among a million codes.
    codes = iter([existing, existing, "X", *[new_booking_code() for _ in range(200)]])
    monkeypatch.setattr(person_import, "new_booking_code", lambda: next(codes))
    import_persons(store, SYSTEM, _rows(40, slots), clock=clock)
    with store.read() as session:
        all_codes = session.scalars(select(Appointment.booking_code)).all()
    assert len(all_codes) == len(set(all_codes)) == 60


@pytest.mark.slow
def test_an_imported_center_reaches_the_server_and_a_second_station(tmp_path: Path) -> None:
    server = start_server(tmp_path / "server")
    try:
        new_tenant(server, "t-import")
        first = enrolled_station(tmp_path, "one", server, tenant="t-import")
        second = enrolled_station(tmp_path, "two", server, tenant="t-import")
        with first, second:
            tomorrow = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(days=1)
            with UnitOfWork(first, SYSTEM) as uow:
                slots = [s.id for s in open_slots(uow, SlotPlan(
                    site_id=first.identity.site_id, opens=tomorrow, closes=tomorrow + timedelta(minutes=30),
                    slot_minutes=10, capacity=200))]
            import_persons(first, SYSTEM, _rows(600, slots), batch_size=250)
            sync(first)
            sync(second)
            assert station_view(second) == station_view(first)
            assert len(station_view(second)["persons"]) == 600  # type: ignore[arg-type]
            assert _count(first, Outbox, Outbox.state != "applied") == 0
            # At the second station the pulled persons are found by name, their booking with them.
            found = CheckInDesk(second, clock=lambda: tomorrow).find(SYSTEM, "Müller")
            assert found.total == 400 and found.matches[0].booking is not None
    finally:
        server.stop()
