"""Bulk import of persons and their bookings: a county's register in minutes, not hours.

The documented bulk path beside the single-person use cases (`add_person`, `book_appointment`):

- every person goes through the same validation and normalisation (`person_row`), every booking
  through the same capacity rule (a slot never holds more than its capacity);
- one transaction per batch (tens of thousands of rows), one statement per table for each chunk of it;
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
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
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
from app.storage.schema import (
    Appointment,
    Base,
    BookingSearch,
    Person,
    Slot,
    Station,
    stored_datetime,
)
from sync import mutations
from sync.records import ENTITIES

__all__ = ["BATCH_SIZE", "CHUNK_SIZE", "ImportRow", "ImportSummary", "import_persons"]

BATCH_SIZE = 40_000
CHUNK_SIZE = 5_000  # rows prepared at a time
IMPORT_CACHE_KIB = 384 * 1024


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
    """A batch made ready without writing: person rows validated and normalised, ids, bookings with
    codes drawn, every mutation payload serialised. What needs the writer (capacity, codes not yet
    taken, the station's sequence numbers) is checked when the batch is written."""

    now: datetime
    items: list[ImportRow]
    persons: list[dict[str, Any]]
    person_payloads: list[str]
    bookings: list[dict[str, Any]]
    chosen_products: list[str | None]  # per booking: the row's own product, else None (the slot's)
    booking_payloads: list[str]
    mutation_ids: list[str]  # one per mutation: the persons' and then the bookings'
    person_block: _Block | None  # the person rows ready to insert
    booking_block: _Block | None  # the bookings as prepared (made again by the writer if one changed)
    search_block: _Block | None  # their `booking_search` rows, with the slot starts as read when prepared
    starts: list[datetime]  # per booking: its slot's start as read when prepared
    key_counts: tuple[list[tuple[Any, ...]], list[tuple[str, int]]]  # family and given keys, persons each


class _SlotsSeen:
    """What a booking takes from its slot (site, product, start), read once per slot by the preparing
    thread; the writer checks it against the slot as it is when the batch is written."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.known: dict[str, tuple[str, str | None, datetime]] = {}

    def of(self, slot_ids: set[str]) -> dict[str, tuple[str, str | None, datetime]]:
        missing = slot_ids - self.known.keys()
        if missing:
            with self.store.read() as session:
                for slot_id, site_id, product_code, starts_at in session.execute(
                        select(Slot.id, Slot.site_id, Slot.product_code, Slot.starts_at).where(Slot.id.in_(missing))):
                    self.known[slot_id] = (site_id, product_code, starts_at)
        return self.known


def _prepare(batch: list[ImportRow], *, first_row: int, clock: Clock, slots: _SlotsSeen) -> _Prepared:
    now = clock()
    today = now.date()
    persons: list[dict[str, Any]] = []
    for number, item in enumerate(batch, start=first_row):
        try:
            persons.append(person_row(item.person, today=today, now=now))
        except ValidationError as exc:
            raise ValidationError(code="import_row_invalid", params={"row": number, "reason": exc.code, "detail": str(exc)},
                                  field=exc.field) from None
    seen = slots.of({item.slot_id for item in batch if item.slot_id is not None})
    bookings: list[dict[str, Any]] = []
    chosen: list[str | None] = []
    starts: list[datetime] = []
    search: list[dict[str, Any]] = []
    for item, person in zip(batch, persons, strict=True):
        if item.slot_id is None:
            continue
        chosen.append(item.product_code)
        if item.slot_id not in seen:
            raise NotFound(code="import_slot_missing", params={"slot": item.slot_id})
        site_id, product_code, starts_at = seen[item.slot_id]
        booking = {
            "id": uuid7(), "person_id": person["id"], "slot_id": item.slot_id, "site_id": site_id,
            "booking_code": new_booking_code(), "product_code": item.product_code or product_code,
            "dose_number": item.dose_number, "state": "booked", "state_changed_at": now,
            "booking_state": "confirmed", "created_at": now,
        }
        bookings.append(booking)
        starts.append(starts_at)
        search.append(_search_row(booking, person, starts_at))
    return _Prepared(now, batch, persons, [_created("person", p) for p in persons], bookings, chosen,
                     [_created("appointment", b) for b in bookings],
                     [uuid7() for _ in range(len(persons) + len(bookings))], _block(Person, persons),
                     _block(Appointment, bookings), _block(BookingSearch, search), starts, _key_counts(persons))


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

    The rows are drawn and prepared in chunks on a second thread while the writer inserts the chunk
    before: preparing is Python, writing is mostly SQLite and encryption, which run without holding the
    interpreter, so two cores share the work. Only that thread iterates `rows`, one chunk after the other.
    A large batch commits each index page it changes once, where small ones would write it again each time.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    persons = appointments = batches = done = 0
    chunk = min(batch_size, CHUNK_SIZE)
    batch_iter = _batches(rows, chunk)
    slots = _SlotsSeen(store)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-prepare") as pool:

        def next_chunk(first_row: int) -> _Prepared | None:
            rows = next(batch_iter, None)
            return None if rows is None else _prepare(rows, first_row=first_row, clock=clock, slots=slots)

        # A bad row raises where its chunk's result is taken: before the batch it belongs to writes anything.
        prepared = pool.submit(next_chunk, 1).result()
        while prepared is not None:
            with UnitOfWork(store, actor, _at(prepared.now)) as uow, _large_cache(uow.session):
                first_id, in_batch, booked = prepared.persons[0]["id"], 0, 0
                rooms: dict[str, _SlotRoom] = {}
                while prepared is not None:
                    upcoming = pool.submit(next_chunk, done + in_batch + len(prepared.items) + 1)
                    _write_rows(uow, prepared, rooms)
                    in_batch += len(prepared.persons)
                    booked += len(prepared.bookings)
                    last_id = prepared.persons[-1]["id"]
                    full = in_batch + chunk > batch_size
                    # The next chunk is of this batch unless it is full (a bad row in it rolls this batch back).
                    prepared = None if full else upcoming.result()
                uow.record(action="person.imported", entity="person", entity_id=None,
                           details={"persons": in_batch, "appointments": booked, "first_id": first_id,
                                    "last_id": last_id})
            persons += in_batch
            appointments += booked
            batches += 1
            done += in_batch
            if on_batch is not None:
                on_batch(done)
            if full:
                prepared = upcoming.result()
    return ImportSummary(persons=persons, appointments=appointments, batches=batches)


def _at(moment: datetime) -> Clock:
    """The batch's clock: its rows, its audit entry and its mutations carry the time its first chunk was prepared."""
    return lambda: moment


@contextmanager
def _large_cache(session: Session) -> Iterator[None]:
    """A batch's index entries land all over the indexes, so it reads and changes far more pages than a
    connection's cache holds: with the station's small cache each of them would be decrypted again and
    again, and spilled to the WAL before the commit. For the batch the connection gets a large cache;
    it shrinks back to the station's size as the commit releases the pages."""
    connection = session.connection()
    # The station's limit on all page caches together is lifted for the batch as well (it is the
    # process's, and nothing else reads while an import writes).
    connection.exec_driver_sql(f"PRAGMA soft_heap_limit = {PAGE_CACHE_TOTAL_BYTES + IMPORT_CACHE_KIB * 1024}")
    connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        connection.exec_driver_sql(f"PRAGMA soft_heap_limit = {PAGE_CACHE_TOTAL_BYTES}")


def _write_rows(uow: UnitOfWork, prepared: _Prepared, slots: dict[str, _SlotRoom]) -> None:
    """One prepared chunk into the batch's transaction: capacity, codes, rows, search rows, mutations.
    `slots`: the places left in the slots the batch has booked so far (nobody else writes in between)."""
    session, bookings, payloads = uow.session, prepared.bookings, list(prepared.booking_payloads)
    slots.update(_slots(session, {b["slot_id"] for b in bookings} - slots.keys()))
    for n, booking in enumerate(bookings):
        slot = slots[booking["slot_id"]]
        if slot.free <= 0:
            raise RuleViolation(code="import_slot_full", params={"slot": booking["slot_id"]})
        slot.free -= 1
        product = prepared.chosen_products[n] or slot.product_code
        if (booking["site_id"], booking["product_code"]) != (slot.site_id, product):  # the slot changed since
            booking["site_id"], booking["product_code"] = slot.site_id, product
            payloads[n] = ""
    for n in _codes_taken(session, bookings):
        payloads[n] = ""
    booking_block, search_block = prepared.booking_block, prepared.search_block
    for n, payload in enumerate(payloads):
        if not payload:  # changed since it was prepared: its mutation says what is written
            payloads[n] = _created("appointment", bookings[n])
            booking_block = None
    if booking_block is None:
        booking_block = _block(Appointment, bookings)
    if any(slots[b["slot_id"]].starts_at != starts for b, starts in zip(bookings, prepared.starts, strict=True)):
        by_id = {p["id"]: p for p in prepared.persons}  # a slot moved since: its bookings' rows as it is now
        search_block = _block(BookingSearch, [_search_row(b, by_id[b["person_id"]], slots[b["slot_id"]].starts_at)
                                              for b in bookings])
    with _search_rows_in_bulk(session):
        _insert(session, prepared.person_block)
        _insert(session, booking_block)
        _index_batch(session, prepared.key_counts, search_block)
    _queue(uow, [("person.created", payload) for payload in prepared.person_payloads]
           + [("appointment.booked", payload) for payload in payloads], prepared.mutation_ids)


def _codes_taken(session: Session, bookings: list[dict[str, Any]]) -> list[int]:
    """Draws a new code for each booking whose code another booking has (in the store or in the batch):
    among a million random codes two alike are likely (the birthday problem), and one would fail the
    batch. Returns the positions of the bookings given a new code."""
    changed: list[int] = []
    taken: set[str] = set()
    pending = []
    for n, booking in enumerate(bookings):
        if booking["booking_code"] in taken:
            pending.append(n)
        taken.add(booking["booking_code"])
    in_store = set(session.scalars(select(Appointment.booking_code).where(
        Appointment.booking_code.in_(taken)))) if taken else set()
    pending += [n for n, b in enumerate(bookings) if b["booking_code"] in in_store]
    while pending:
        changed += pending
        for n in pending:
            code = new_booking_code()
            while code in taken:
                code = new_booking_code()
            taken.add(code)
            bookings[n]["booking_code"] = code
        clashes = set(session.scalars(select(Appointment.booking_code).where(
            Appointment.booking_code.in_([bookings[n]["booking_code"] for n in pending]))))
        pending = [n for n in pending if bookings[n]["booking_code"] in clashes]
    return sorted(set(changed))


# The per-row triggers that keep the search tables on insert (migration 0006); a batch writes those rows
# itself, one statement per table.
_ROW_TRIGGERS = ("person_name_key_insert", "appointment_search_insert")


@contextmanager
def _search_rows_in_bulk(session: Session) -> Iterator[None]:
    """The insert triggers of the search tables are dropped for the batch and recreated, exactly as the
    schema holds them, before it commits. It is all one transaction: a batch that fails rolls the drop back
    with its rows, and no other writer can insert a row in between (SQLite has one writer at a time)."""
    connection = session.connection()
    saved = connection.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({', '.join('?' * len(_ROW_TRIGGERS))})",
        _ROW_TRIGGERS).all()
    if len(saved) != len(_ROW_TRIGGERS):
        raise RuntimeError("the search tables' insert triggers are missing")
    for name, _ in saved:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for _, sql in saved:
        connection.exec_driver_sql(sql)


def _index_batch(session: Session, key_counts: tuple[list[tuple[Any, ...]], list[tuple[str, int]]],
                 search_rows: _Block | None) -> None:
    """The search tables' rows for the chunk, as the insert triggers would have written them."""
    _count_keys(session, key_counts)
    _insert(session, search_rows)


def _key_counts(persons: list[dict[str, Any]]) -> tuple[list[tuple[Any, ...]], list[tuple[str, int]]]:
    """The family keys (with sound and length) and the given keys of `persons`, and how many carry each."""
    families: dict[str, list[Any]] = {}
    givens: dict[str, int] = {}
    for person in persons:
        family, given = person["family_key"], person["given_key"]
        if family:
            families.setdefault(family, [family, person["phonetic_key"], len(family), 0])[3] += 1
        if given:
            givens[given] = givens.get(given, 0) + 1
    return [tuple(entry) for entry in families.values()], list(givens.items())


def _count_keys(session: Session, counts: tuple[list[tuple[Any, ...]], list[tuple[str, int]]]) -> None:
    """What `person_name_key_insert` does per person, per key: new keys (their variants follow by the key
    tables' own triggers) and the number of persons carrying each."""
    families, givens = counts
    connection = session.connection()
    if families:
        connection.exec_driver_sql(
            "INSERT INTO family_name_key (family_key, phonetic_key, length, persons) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (family_key) DO UPDATE SET persons = persons + excluded.persons", families)
    if givens:
        connection.exec_driver_sql(
            "INSERT INTO given_name_key (given_key, persons) VALUES (?, ?) "
            "ON CONFLICT (given_key) DO UPDATE SET persons = persons + excluded.persons", givens)


def _search_row(booking: dict[str, Any], person: dict[str, Any], starts_at: datetime) -> dict[str, Any]:
    """The row `appointment_search_insert` makes for a booking (migrations 0006 and 0010)."""
    return {"appointment_id": booking["id"], "person_id": person["id"], "family_key": person["family_key"],
            "given_key": person["given_key"], "dob": person["dob"], "starts_at": starts_at,
            "state": booking["state"], "live": person.get("deleted_at") is None,
            "booking_code": booking["booking_code"], "product_code": booking["product_code"],
            "dose_number": booking["dose_number"], "site_id": booking["site_id"], "slot_id": booking["slot_id"],
            "family_name": person["family_name"], "given_name": person["given_name"]}


def _created(entity: str, row: dict[str, Any]) -> str:
    """The typed mutation payload (`sync.mutations`) the unit of work queues for a row the ORM inserted:
    every synced column of the new row; here built from the row the import inserts itself. The rows of a
    batch share their timestamps: each is written as text once (what `to_wire` would make of it)."""
    values = {column: _iso(value) if isinstance(value := row.get(column), datetime) else value
              for column in ENTITIES[entity].columns if column != "id"}
    # As a JSON string literal: the outbox block (`_queue`) holds the payload as text.
    return json.dumps(mutations.insert_text(entity, row["id"], values))


@dataclass
class _SlotRoom:
    site_id: str
    product_code: str | None
    free: int
    starts_at: datetime


def _slots(session: Session, slot_ids: set[str]) -> dict[str, _SlotRoom]:
    if not slot_ids:
        return {}
    # From `ix_appointment_slot_state` alone: no appointment row is read to count a slot's bookings.
    held: dict[str, int] = {
        slot_id: n for slot_id, n in session.execute(
            select(Appointment.slot_id, func.count()).where(Appointment.slot_id.in_(slot_ids),
                                                            Appointment.state.in_(HOLDING_STATES))
            .group_by(Appointment.slot_id))
    }
    found = {
        slot_id: _SlotRoom(site_id, product_code, capacity - held.get(slot_id, 0), starts_at)
        for slot_id, site_id, product_code, capacity, starts_at in session.execute(
            select(Slot.id, Slot.site_id, Slot.product_code, Slot.capacity, Slot.starts_at).where(Slot.id.in_(slot_ids)))
    }
    missing = slot_ids - found.keys()
    if missing:
        raise NotFound(code="import_slot_missing", params={"slot": sorted(missing)[0]})
    return found


def _queue(uow: UnitOfWork, mutations: list[tuple[str, str]], mutation_ids: list[str]) -> None:
    """The outbox rows `UnitOfWork.record` writes one by one (each payload given as a JSON string literal
    of its text, kinds and mutation ids as plain identifiers), as one block of station sequence numbers
    and clock ticks, inserted with one statement."""
    identity = uow.store.identity
    station = uow.session.scalars(select(Station).where(Station.id == identity.station_id)).one()
    hlc, seq = Hlc.parse(station.hlc), station.next_seq
    wall = int(time.time() * 1000)
    # The block's text is put together here (the payloads come as JSON string literals, escaped when
    # prepared): serialising 10,000 rows with their payloads held the interpreter for seconds a batch.
    fixed = f'{json.dumps(identity.station_id)},{{seq}},{MUTATION_SCHEMA_VERSION},'
    created_at = json.dumps(stored_datetime(uow.now))
    rows = []
    for (kind, payload), mutation_id in zip(mutations, mutation_ids, strict=True):
        hlc = hlc.tick(wall)
        rows.append(f'["{mutation_id}",{fixed.format(seq=seq)}"{kind}",{payload},{json.dumps(str(hlc))},'
                    f'{created_at},"pending"]')
        seq += 1
    station.next_seq, station.hlc = seq, str(hlc)
    uow.session.flush()
    _insert(uow.session, _Block("outbox", _OUTBOX_COLUMNS, f"[{','.join(rows)}]") if rows else None)


_OUTBOX_COLUMNS = ("mutation_id", "station_id", "station_seq", "schema_version", "kind", "payload", "hlc",
                   "created_at", "state")


@dataclass(frozen=True)
class _Block:
    """Rows of one table as one JSON array of arrays, inserted by one statement that reads it with
    `json_each`: SQLite then runs the whole insert in one step without holding the interpreter. With
    executemany the writer gave the interpreter up after every row and waited for it while the
    preparing thread held it, so the two threads took turns instead of working at once."""

    table: str
    columns: tuple[str, ...]
    text: str


def _block(model: type[Base], rows: list[dict[str, Any]]) -> _Block | None:
    """The rows with their values as the column types store them (`_storing`): the first row tells each
    column's kind; the rows of a batch share their timestamps. Only the columns that need it are converted."""
    if not rows:
        return None
    columns = tuple(rows[0])
    converted = [(i, store) for i, c in enumerate(columns) if (store := _storing(rows[0][c])) is not None]
    values: list[list[Any]] = [[row[c] for c in columns] for row in rows]
    for listed in values if converted else ():
        for i, store in converted:
            listed[i] = store(listed[i])
    return _Block(model.__table__.name, columns, json.dumps(values, ensure_ascii=False))  # type: ignore[attr-defined]


def _insert(session: Session, block: _Block | None) -> None:
    if block is None:
        return
    picked = ", ".join(f"value ->> {i}" for i in range(len(block.columns)))
    session.connection().exec_driver_sql(
        f"INSERT INTO {block.table} ({', '.join(block.columns)}) SELECT {picked} FROM json_each(?)", (block.text,))


_stamp = lru_cache(maxsize=64)(stored_datetime)
_iso = lru_cache(maxsize=64)(datetime.isoformat)


def _storing(example: Any) -> Callable[[Any], Any] | None:
    if isinstance(example, datetime):
        return _stamp
    if isinstance(example, dict | list):
        return json.dumps  # as the JSON column type writes it
    return None
