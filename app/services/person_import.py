"""Bulk import of persons and their bookings: a county's register in minutes, not hours.

The documented bulk path beside the single-person use cases (`add_person`, `book_appointment`):

- every person goes through the same validation and normalisation (`person_row`), every booking
  through the same capacity rule (a slot never holds more than its capacity);
- one transaction per batch (thousands of rows), written with prepared statements (executemany);
- one outbox mutation per person and per booking, the very `person.created` / `appointment.booked`
  a single registration queues, so sync carries an imported person like any other;
- ONE audit entry per batch (`person.imported`: how many persons and bookings, the first and last
  person id), instead of one per person: the audit trail records the import as the one act it is.

A bad row stops the import at its batch with the row's number; the batches before it are complete
and stay, the bad batch writes nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import islice
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.booking_code import new_booking_code
from app.domain.ids import Hlc, uuid7
from app.errors import NotFound, RuleViolation, ValidationError
from app.services.booking import HOLDING_STATES
from app.services.permissions import use_case
from app.services.persons import PersonInput, person_row
from app.services.unit_of_work import MUTATION_SCHEMA_VERSION, Actor, Clock, UnitOfWork, system_clock
from app.storage.engine import PAGE_CACHE_KIB, PAGE_CACHE_TOTAL_BYTES, Store
from app.storage.schema import Appointment, Base, Outbox, Person, Slot, Station, stored_datetime
from sync import mutations
from sync.records import ENTITIES

__all__ = ["BATCH_SIZE", "ImportRow", "ImportSummary", "import_persons"]

BATCH_SIZE = 10_000
IMPORT_CACHE_KIB = 128 * 1024


@dataclass(frozen=True)
class ImportRow:
    """One person to register, and the slot to book them into (None: registered only)."""

    person: PersonInput
    slot_id: str | None = None
    product_code: str | None = None
    dose_number: int = 1


@dataclass(frozen=True)
class ImportSummary:
    persons: int
    appointments: int
    batches: int


def _batches(rows: Iterable[ImportRow], size: int) -> Iterator[list[ImportRow]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


@dataclass(frozen=True)
class _Prepared:
    """A batch made ready without the database: person rows validated and normalised, ids, the
    `person.created` payloads serialised. What needs the database (capacity, codes) is done when written."""

    now: datetime
    items: list[ImportRow]
    persons: list[dict[str, Any]]
    person_payloads: list[str]


def _prepare(batch: list[ImportRow], *, first_row: int, clock: Clock) -> _Prepared:
    now = clock()
    today = now.date()
    persons: list[dict[str, Any]] = []
    for number, item in enumerate(batch, start=first_row):
        try:
            persons.append(person_row(item.person, today=today, now=now))
        except ValidationError as exc:
            raise ValidationError(code="import_row_invalid", params={"row": number, "reason": exc.code, "detail": str(exc)},
                                  field=exc.field) from None
    return _Prepared(now, batch, persons, [_created("person", p) for p in persons])


@use_case
def import_persons(
    store: Store,
    actor: Actor,
    rows: Iterable[ImportRow],
    *,
    clock: Clock = system_clock,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Register (and book) every row, `batch_size` rows per transaction; `on_batch(rows done)` after each.

    While one batch is written, the next is prepared on a second thread: preparing is Python, writing
    is mostly SQLite and encryption, which run without holding the interpreter, so two cores share the work.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    persons = appointments = batches = done = 0
    batch_iter = _batches(rows, batch_size)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-prepare") as pool:

        def submit(first_row: int) -> Future[_Prepared] | None:
            batch = next(batch_iter, None)
            return None if batch is None else pool.submit(_prepare, batch, first_row=first_row, clock=clock)

        upcoming = submit(1)
        while upcoming is not None:
            prepared = upcoming.result()  # a bad row raises here, before its batch writes anything
            upcoming = submit(done + len(prepared.items) + 1)
            with UnitOfWork(store, actor, _at(prepared.now)) as uow:
                written = _write_batch(uow, prepared)
            persons += len(prepared.persons)
            appointments += written
            batches += 1
            done += len(prepared.items)
            if on_batch is not None:
                on_batch(done)
    return ImportSummary(persons=persons, appointments=appointments, batches=batches)


def _at(moment: datetime) -> Clock:
    """The batch's clock: its rows, its audit entry and its mutations carry the time it was prepared."""
    return lambda: moment


def _write_batch(uow: UnitOfWork, prepared: _Prepared) -> int:
    """Writes the batch; returns how many bookings it made.

    A batch's index entries land all over the indexes, so it reads and changes far more pages than a
    connection's cache holds: with the station's small cache each of them would be decrypted again and
    again, and spilled to the WAL before the commit. For the batch the connection gets a large cache;
    it shrinks back to the station's size as the commit releases the pages."""
    connection = uow.session.connection()
    # The station's limit on all page caches together is lifted for the batch as well (it is the
    # process's, and nothing else reads while an import writes).
    connection.exec_driver_sql(f"PRAGMA soft_heap_limit = {PAGE_CACHE_TOTAL_BYTES + IMPORT_CACHE_KIB * 1024}")
    connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        return _write_rows(uow, prepared)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        connection.exec_driver_sql(f"PRAGMA soft_heap_limit = {PAGE_CACHE_TOTAL_BYTES}")


def _write_rows(uow: UnitOfWork, prepared: _Prepared) -> int:
    now, session = prepared.now, uow.session
    slots = _slots(session, {item.slot_id for item in prepared.items if item.slot_id is not None})
    bookings: list[dict[str, Any]] = []
    for item, person in zip(prepared.items, prepared.persons, strict=True):
        if item.slot_id is None:
            continue
        slot = slots[item.slot_id]
        if slot.free <= 0:
            raise RuleViolation(code="import_slot_full", params={"slot": item.slot_id})
        slot.free -= 1
        bookings.append({
            "id": uuid7(), "person_id": person["id"], "slot_id": item.slot_id, "site_id": slot.site_id,
            "booking_code": "", "product_code": item.product_code or slot.product_code,
            "dose_number": item.dose_number, "state": "booked", "state_changed_at": now,
            "booking_state": "confirmed", "created_at": now,
        })
    _new_codes(session, bookings)
    _insert_many(session, Person, prepared.persons)
    _insert_many(session, Appointment, bookings)
    _queue(uow, [("person.created", payload) for payload in prepared.person_payloads]
           + [("appointment.booked", _created("appointment", b)) for b in bookings])
    uow.record(action="person.imported", entity="person", entity_id=None,
               details={"persons": len(prepared.persons), "appointments": len(bookings),
                        "first_id": prepared.persons[0]["id"], "last_id": prepared.persons[-1]["id"]})
    return len(bookings)


def _new_codes(session: Session, bookings: list[dict[str, Any]]) -> None:
    """A booking code for each, unique among themselves and against the codes already given: among a
    million random codes two alike are likely (the birthday problem), and one would fail the batch."""
    pending = bookings
    taken: set[str] = set()
    while pending:
        for booking in pending:
            code = new_booking_code()
            while code in taken:
                code = new_booking_code()
            taken.add(code)
            booking["booking_code"] = code
        clashes = set(session.scalars(select(Appointment.booking_code).where(
            Appointment.booking_code.in_([b["booking_code"] for b in pending]))))
        pending = [b for b in pending if b["booking_code"] in clashes]


def _created(entity: str, row: dict[str, Any]) -> str:
    """The typed mutation payload (`sync.mutations`) the unit of work queues for a row the ORM inserted:
    every synced column of the new row; here built from the row the import inserts itself."""
    values = {column: row.get(column) for column in ENTITIES[entity].columns if column != "id"}
    body = mutations.payload_of([mutations.Row(entity=entity, id=row["id"], op="insert", values=values)], {})
    return json.dumps(body, separators=(",", ":"))


@dataclass
class _SlotRoom:
    site_id: str
    product_code: str | None
    free: int


def _slots(session: Session, slot_ids: set[str]) -> dict[str, _SlotRoom]:
    if not slot_ids:
        return {}
    held: dict[str, int] = {
        slot_id: n for slot_id, n in session.execute(
            select(Appointment.slot_id, func.count()).where(Appointment.slot_id.in_(slot_ids),
                                                            Appointment.state.in_(HOLDING_STATES))
            .group_by(Appointment.slot_id))
    }
    found = {
        slot_id: _SlotRoom(site_id, product_code, capacity - held.get(slot_id, 0))
        for slot_id, site_id, product_code, capacity in session.execute(
            select(Slot.id, Slot.site_id, Slot.product_code, Slot.capacity).where(Slot.id.in_(slot_ids)))
    }
    missing = slot_ids - found.keys()
    if missing:
        raise NotFound(code="import_slot_missing", params={"slot": sorted(missing)[0]})
    return found


def _queue(uow: UnitOfWork, mutations: list[tuple[str, str]]) -> None:
    """The outbox rows `UnitOfWork.record` writes one by one (payloads given as JSON text), as one block
    of station sequence numbers and clock ticks, inserted with one statement."""
    identity = uow.store.identity
    station = uow.session.scalars(select(Station).where(Station.id == identity.station_id)).one()
    hlc, seq = Hlc.parse(station.hlc), station.next_seq
    wall = int(time.time() * 1000)
    rows = []
    for kind, payload in mutations:
        hlc = hlc.tick(wall)
        rows.append({"mutation_id": uuid7(), "station_id": identity.station_id, "station_seq": seq,
                     "schema_version": MUTATION_SCHEMA_VERSION, "kind": kind, "payload": payload,
                     "hlc": str(hlc), "created_at": uow.now, "state": "pending"})
        seq += 1
    station.next_seq, station.hlc = seq, str(hlc)
    uow.session.flush()
    _insert_many(uow.session, Outbox, rows)


def _insert_many(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """One prepared INSERT for all rows (executemany) with the values as the column types store them.

    SQLAlchemy would process each value of each row in Python (a third of the import's time) and its
    ORM bulk path splits the rows into small multi-row statements."""
    if not rows:
        return
    columns = list(rows[0])
    table = model.__table__.name  # type: ignore[attr-defined]
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    # The first row tells each column's kind; the rows of a batch share their timestamps.
    stored = [_storing(rows[0][c]) for c in columns]
    session.connection().exec_driver_sql(sql, [
        tuple(value if store is None else store(value) for value, store in zip(map(row.__getitem__, columns), stored,
                                                                                  strict=True))
        for row in rows
    ])


_stamp = lru_cache(maxsize=64)(stored_datetime)


def _storing(example: Any) -> Callable[[Any], Any] | None:
    if isinstance(example, datetime):
        return _stamp
    if isinstance(example, dict | list):
        return json.dumps  # as the JSON column type writes it
    return None
