"""The bulk import (`vaxdesk demo` and the benchmark fixtures): batches in one transaction each, every
person validated, the same mutations a single registration queues, one audit entry per batch, and a
second station that pulls it all from a real server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from app.errors import RuleViolation, ValidationError
from app.services.audit import verify_audit
from app.services.booking import SlotPlan, book_appointment, open_slots
from app.services.checkin import CheckInDesk
from app.services.person_import import ImportRow, import_persons
from app.services.persons import PersonInput, add_person
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Appointment, AuditLog, Outbox, Person, Slot, Station
from tests.integration.sync_support import (
    enrolled_station,
    new_station,
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


# ---- the batch writes the search tables itself (the per-row insert triggers dropped for it) ----------


def _varied_rows(slots: list[str]) -> list[ImportRow]:
    """Repeated and new names, persons without a booking, names that fold (ß, ü), two slots."""
    names = [("Müller", "Anna"), ("Mueller", "Ben"), ("Strauß", "Jürgen"), ("Straus", "Ida"), ("Öztürk", "Ayşe")]
    return [ImportRow(PersonInput(family_name=f"{family}{'' if i % 7 else 'berg'}", given_name=given,
                                  dob=f"19{50 + i % 40}-0{1 + i % 9}-1{i % 10}"),
                      slot_id=slots[i % 2] if i % 5 else None, product_code="comirnaty" if i % 3 else None)
            for i, (family, given) in enumerate(names[i % len(names)] for i in range(230))]


def _search_tables(store: Store) -> dict[str, object]:
    with store.read() as session:
        def rows(sql: str) -> list[tuple[object, ...]]:
            return sorted(tuple(r) for r in session.execute(text(sql)))
        return {
            "family_name_key": rows("SELECT family_key, phonetic_key, length, persons FROM family_name_key"),
            "given_name_key": rows("SELECT given_key, persons FROM given_name_key"),
            "name_key_variant": rows("SELECT variant, kind, key FROM name_key_variant"),
            # ids are random: each search row as its person, booking and slot say it
            "booking_search": rows("SELECT b.family_key, b.given_key, b.dob, b.starts_at, b.state, b.live, "
                                   "p.family_key = b.family_key AND p.given_key = b.given_key AND p.dob = b.dob "
                                   "AND s.starts_at = b.starts_at AND a.state = b.state "
                                   # what the check-in list shows (migration 0010)
                                   "AND a.booking_code = b.booking_code AND a.product_code IS b.product_code "
                                   "AND a.dose_number = b.dose_number AND a.site_id = b.site_id "
                                   "AND a.slot_id = b.slot_id AND p.family_name = b.family_name "
                                   "AND p.given_name = b.given_name AND typeof(b.dose_number) = 'integer' "
                                   "FROM booking_search b JOIN appointment a ON a.id = b.appointment_id "
                                   "JOIN person p ON p.id = b.person_id AND p.id = a.person_id "
                                   "JOIN slot s ON s.id = a.slot_id"),
            "counts": [session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                       for t in ("person", "appointment", "booking_search")],
            "triggers": rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"),
        }


def test_the_batch_writes_the_search_rows_the_triggers_would_have(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rows imported twice: the batch writing its own search rows (now), and the per-row
    triggers doing it (as before): the key tables, variants, search rows, counts and triggers agree."""
    import app.services.person_import as person_import

    tables = []
    for name in ("bulk", "triggers"):
        store = new_station(tmp_path, name, tenant="t-bulk")
        try:
            if name == "triggers":
                monkeypatch.setattr(person_import, "_search_rows_in_bulk", lambda session: nullcontext())
                monkeypatch.setattr(person_import, "_index_batch", lambda *args: None)
            slots = _slots(store, capacity=200, count=2)
            import_persons(store, SYSTEM, _varied_rows(slots), clock=clock, batch_size=100)
            tables.append(_search_tables(store))
            assert verify_audit(store, SYSTEM).ok
        finally:
            store.close()
    bulk, by_triggers = tables
    assert bulk == by_triggers
    assert bulk["counts"] == [230, 184, 184]
    assert all(row[-1] == 1 for row in bulk["booking_search"])  # type: ignore[attr-defined]
    assert {"person_name_key_insert", "appointment_search_insert"} <= {n for n, _ in bulk["triggers"]}  # type: ignore[attr-defined]


def test_a_batch_failing_after_its_rows_keeps_the_triggers_and_writes_nothing(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.person_import as person_import

    slots = _slots(store, capacity=200, count=2)
    before = _search_tables(store)

    def broken(*args: object) -> None:
        raise OSError("disk I/O error")  # after the batch's persons and bookings went in, triggers dropped

    with monkeypatch.context() as patch:
        patch.setattr(person_import, "_index_batch", broken)
        with pytest.raises(OSError):
            import_persons(store, SYSTEM, _varied_rows(slots)[:50], clock=clock)
    assert _search_tables(store) == before
    # The triggers came back with the rollback: a person booked one by one is found by name.
    with UnitOfWork(store, SYSTEM, clock) as uow:
        person = add_person(uow, PersonInput(family_name="Nachher", given_name="Nora", dob="1970-01-01"))
        book_appointment(uow, person_id=person.id, slot_id=slots[0])
    found = CheckInDesk(store, clock=clock).find(SYSTEM, "Nachher")
    assert found.total == 1 and found.matches[0].booking is not None


def test_bookings_made_between_two_batches_count_against_the_slot(store: Store) -> None:
    """Another desk books the slot's places while the import runs: the next batch counts them and stops."""
    slots = _slots(store, capacity=10, count=1)

    def rows() -> Iterator[ImportRow]:
        for i in range(12):
            if i == 5:  # the first batch (5 rows) is written by now: a desk books four places
                with UnitOfWork(store, SYSTEM, clock) as uow:
                    for n in range(4):
                        walk_in = add_person(uow, PersonInput(family_name=f"Desk{'abcd'[n]}", given_name="Eva",
                                                              dob="1990-01-01"))
                        book_appointment(uow, person_id=walk_in.id, slot_id=slots[0])
            yield ImportRow(PersonInput(family_name="Koch", given_name="Eva", dob="1990-01-01"), slot_id=slots[0])

    with pytest.raises(RuleViolation, match="full"):
        import_persons(store, SYSTEM, rows(), clock=clock, batch_size=5)
    assert _count(store, Appointment) == 9  # 5 imported, 4 at the desk; the second batch wrote nothing


def test_a_slot_changed_after_its_batch_was_prepared_books_what_the_slot_says(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preparing thread reads a slot once; the writer books by the slot as it is when it writes."""
    import app.services.person_import as person_import

    slots = _slots(store, capacity=10, count=1)
    real = person_import._write_rows

    def product_changed_first(uow: UnitOfWork, prepared: object, rooms: dict[str, object]) -> None:
        uow.session.execute(update(Slot).where(Slot.id == slots[0]).values(
            product_code="spikevax", starts_at=NOW + timedelta(minutes=5)))
        real(uow, prepared, rooms)  # type: ignore[arg-type]

    monkeypatch.setattr(person_import, "_write_rows", product_changed_first)
    import_persons(store, SYSTEM, [ImportRow(PersonInput(family_name="Koch", given_name="Eva", dob="1990-01-01"),
                                             slot_id=slots[0])], clock=clock)
    with store.read() as session:
        product = session.scalars(select(Appointment.product_code)).one()
        payload = session.scalars(select(Outbox.payload).where(Outbox.kind == "appointment.booked")).one()
    assert product == payload["rows"][0]["values"]["product_code"] == "spikevax"
    # Its search row has the slot's start as it is now (the check-in finds it at the new time).
    assert all(row[-1] == 1 for row in _search_tables(store)["booking_search"])  # type: ignore[attr-defined]


def test_a_batch_of_several_chunks_is_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows are prepared 40 at a time, written 100 to a transaction: a bad row in the second chunk of the
    second batch leaves the first batch whole and nothing of the second."""
    import app.services.person_import as person_import

    monkeypatch.setattr(person_import, "CHUNK_SIZE", 40)
    slots = _slots(store, capacity=100)
    done: list[int] = []
    with pytest.raises(ValidationError, match="Row 150"):
        import_persons(store, SYSTEM, _rows(250, slots, bad_at=150), clock=clock, batch_size=100,
                       on_batch=done.append)
    assert done == [80]  # two chunks of 40 fill a batch of 100 as far as whole chunks go
    assert _count(store, Person) == 80
    assert _count(store, Outbox, Outbox.kind == "person.created") == 80
    with store.read() as session:
        (entry,) = session.scalars(select(AuditLog).where(AuditLog.action == "person.imported")).all()
    assert entry.details is not None and entry.details["persons"] == 80
    summary = import_persons(store, SYSTEM, _rows(250, slots), clock=clock, batch_size=100)
    assert (summary.persons, summary.batches) == (250, 4)


def test_imported_rows_are_stored_as_the_orm_stores_a_single_registration(store: Store) -> None:
    """Every column of an imported person, booking and mutation has the value and SQLite type the single
    use cases give it (the bulk rows go in as one JSON array; a number must stay a number, text text)."""
    slots = _slots(store, capacity=10)
    given = PersonInput(family_name="Weber", given_name="Ida", dob="1970-01-01", sex="f", street='Am "Markt" 3 \\ Hof',
                        postcode="10115", city="Berlin", phone="+49 30 1234567")
    with UnitOfWork(store, SYSTEM, clock) as uow:
        person = add_person(uow, given)
        book_appointment(uow, person_id=person.id, slot_id=slots[0], product_code="comirnaty")
    import_persons(store, SYSTEM, [ImportRow(given, slot_id=slots[0], product_code="comirnaty")], clock=clock)

    def typed(table: str, order: str, skip: set[str]) -> list[list[tuple[object, str]]]:
        with store.read() as session:
            columns = [c for c in session.execute(text(f"SELECT name FROM pragma_table_info('{table}')")).scalars()
                       if c not in skip]
            picked = ", ".join(f"{c}, typeof({c})" for c in columns)
            return [[(row[i], row[i + 1]) for i in range(0, len(row), 2)]
                    for row in session.execute(text(f"SELECT {picked} FROM {table} ORDER BY {order}"))]

    single, imported = typed("person", "rowid", {"id"})
    assert single == imported
    single, imported = typed("appointment", "rowid", {"id", "person_id", "booking_code"})
    assert single == imported
    with store.read() as session:
        kinds = [r for r in session.execute(text(
            "SELECT kind, typeof(station_seq), typeof(schema_version), typeof(payload), typeof(created_at), state "
            "FROM outbox WHERE kind IN ('person.created', 'appointment.booked') ORDER BY station_seq"))]
    assert kinds[:2] == kinds[2:]


@pytest.mark.slow
def test_an_import_killed_mid_batch_leaves_whole_batches_and_the_search_triggers(tmp_path: Path) -> None:
    """`vaxdesk demo` killed with SIGKILL while it writes its second batch (its search triggers dropped
    inside that transaction): the store opens, holds the first batch whole, every row searchable, the
    triggers in place, the audit chain intact; the next registration is found by name."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from app.storage.engine import open_store
    from tests.cli_support import _environment
    from tests.conftest import PASSPHRASE, REPO

    db = tmp_path / "demo.db"
    proc = subprocess.Popen([sys.executable, "-m", "app", "demo", "--db", str(db), "--persons", "90000"],
                            env=_environment(dict(os.environ), PASSPHRASE, {"VAXDESK_LOG_DIR": str(tmp_path)}),
                            cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                proc.wait(timeout=0.5)  # the demo must not end before it is killed (asserted below)
                break
            except subprocess.TimeoutExpired:
                pass
            if db.exists() and (db.parent / f"{db.name}.key").exists():
                try:
                    with open_store(db, PASSPHRASE, migrate=False) as peek:
                        if _count(peek, Person) >= 40_000:  # the first batch is in; the second is being written
                            break
                except Exception:  # the demo is still creating the store: not yet one to open
                    continue
        # The first batch is committed: the writer is in the second one (its first chunk was ready).
        assert proc.poll() is None, "the demo ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
    with open_store(db, PASSPHRASE) as store:
        persons = _count(store, Person)
        assert persons in (40_000, 80_000)  # whole batches only
        tables = _search_tables(store)
        assert tables["counts"] == [persons, persons, persons]
        assert all(row[-1] == 1 for row in tables["booking_search"])  # type: ignore[attr-defined]
        assert {"person_name_key_insert", "appointment_search_insert"} <= {n for n, _ in tables["triggers"]}  # type: ignore[attr-defined]
        with store.read() as session:
            counted = session.execute(text("SELECT sum(persons) FROM family_name_key")).scalar_one()
        assert counted == persons
        assert verify_audit(store, SYSTEM).ok
        with UnitOfWork(store, SYSTEM, clock) as uow:
            add_person(uow, PersonInput(family_name="Nachher", given_name="Nora", dob="1970-01-01"))
        first = CheckInDesk(store, clock=clock).find(SYSTEM, "Nachher").matches[0]
        assert (first.family_name, first.given_name) == ("Nachher", "Nora")
