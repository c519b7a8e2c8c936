"""Applying pushed mutations exactly once, in each station's order, and numbering the changes that
stations pull. Conflict rules by kind of data (DESIGN.md, Sync):

- vaccinations are append-only; a dose that looks like one already recorded is kept and flagged;
- person fields merge field by field in server order, a real conflict becomes a review task;
- deletes are tombstones;
- slot capacity is the server's: a booking takes a place from the station's lease or from free capacity,
  otherwise it is rejected and the station shows the person to rebook.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sync import protocol as p
from sync.server import certificates
from sync.server import tenants as t
from sync.server.tenants import Tenant, utcnow

log = logging.getLogger(__name__)

HOLDING_STATES = frozenset({"booked", "checked_in", "with_doctor", "observation", "done"})
PERSON_FIELDS = ("family_name", "given_name", "dob", "sex", "street", "postcode", "city", "country",
                 "phone", "email", "insurance_number")


class Rejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class SequenceGap(Exception):
    def __init__(self, expected: int, got: int) -> None:
        super().__init__(f"expected station_seq {expected}, got {got}")
        self.expected = expected
        self.got = got


def epoch_of(conn: Connection) -> str:
    return str(conn.execute(_EPOCH).scalar_one())


class ChangeLog:
    """The changes of one write transaction: numbered by one counter update and inserted by one
    executemany when flushed (still inside the transaction, so the numbers follow commit order)."""

    def __init__(self, tenant: Tenant, conn: Connection) -> None:
        self.tenant = tenant
        self.conn = conn
        self.rows: list[dict[str, Any]] = []

    def add(self, *, origin: str, kind: str, payload: dict[str, Any], mutation_id: str | None = None,
            hlc: str | None = None, at: datetime | None = None) -> None:
        self.rows.append({"origin": origin, "mutation_id": mutation_id, "kind": kind, "hlc": hlc,
                          "at": at or utcnow(), "payload": payload})

    def flush(self) -> list[int]:
        if not self.rows:
            return []
        first = self.tenant.reserve_change_seqs(self.conn, len(self.rows))
        seal = self.tenant.cipher.seal_json
        rows = []
        for seq, row in enumerate(self.rows, start=first):
            payload = row.pop("payload")
            rows.append({**row, "seq": seq, "data_enc": seal(payload, f"change:{seq}")})
        self.rows = []
        self.conn.execute(_INSERT_CHANGE, rows)
        return [r["seq"] for r in rows]


def emit(tenant: Tenant, conn: Connection, *, origin: str, kind: str, payload: dict[str, Any],
         mutation_id: str | None = None, hlc: str | None = None, at: datetime | None = None) -> int:
    """One change on its own; several in one transaction go through a ChangeLog."""
    changes = ChangeLog(tenant, conn)
    changes.add(origin=origin, kind=kind, payload=payload, mutation_id=mutation_id, hlc=hlc, at=at)
    return changes.flush()[0]


def last_station_seq(conn: Connection, station_id: str) -> int:
    value = conn.execute(_PROGRESS, {"station": station_id}).scalar_one_or_none()
    return int(value or 0)


def push(tenant: Tenant, conn: Connection, station_id: str, mutations: Sequence[p.Mutation]) -> list[p.MutationResult]:
    """Inside the caller's write transaction. Raises SequenceGap when the first new mutation is not next.

    The whole batch is one transaction: repeats are answered from one query, the mutations applied in
    order (a savepoint only around handlers that may fail after writing), and the ledger rows, entity
    rows and changes written by executemany at the end, the changes numbered by one counter update."""
    last = last_station_seq(conn, station_id)
    known_progress = last
    ordered = sorted(mutations, key=lambda m: m.station_seq)
    earlier = {row.station_seq: row for row in _chunked_rows(
        conn, _EARLIER, [m.station_seq for m in ordered if m.station_seq <= last], station=station_id)}
    fresh = [m for m in ordered if m.station_seq > last]
    used_ids = {str(v) for v in _chunked_scalars(conn, _KNOWN_MUTATION_IDS, [m.mutation_id for m in fresh])}
    batch = _Batch(tenant, conn, station_id)
    batch.prefetch(fresh)
    results: list[p.MutationResult] = []
    for m in ordered:
        if m.station_seq <= last:
            results.append(_repeat(earlier.get(m.station_seq), m))
            continue
        if m.station_seq != last + 1:
            if not results:
                raise SequenceGap(last + 1, m.station_seq)
            break  # the rest is answered on the next push
        outcome: p.Outcome
        code: str | None
        reason: str | None
        if m.mutation_id in used_ids:
            outcome, code, reason = "rejected", "mutation_id_reused", "This mutation id was already used."
        else:
            outcome, code, reason = _apply_one(batch, m)
            used_ids.add(m.mutation_id)
            batch.mutations.append({
                "mutation_id": m.mutation_id, "station_id": station_id, "station_seq": m.station_seq,
                "kind": m.kind, "schema_version": m.schema_version, "hlc": m.hlc,
                "payload_enc": tenant.cipher.seal_json(m.payload, f"mutation:{m.mutation_id}"),
                "received_at": batch.now, "outcome": outcome, "reason_code": code, "reason": reason})
        last = m.station_seq
        results.append(p.MutationResult(
            mutation_id=m.mutation_id, station_seq=m.station_seq,
            result=outcome, outcome=outcome, reason_code=code, reason=reason,
        ))
    batch.flush()
    if last != known_progress:
        if known_progress == 0 and conn.execute(_PROGRESS, {"station": station_id}).first() is None:
            conn.execute(insert(t.station_progress).values(station_id=station_id, last_seq=last))
        else:
            conn.execute(_SET_PROGRESS, {"station": station_id, "last": last})
    return results


def _repeat(row: Any, m: p.Mutation) -> p.MutationResult:
    if row is None or row.mutation_id != m.mutation_id:
        # The station's sequence was reused for something else (a station restored from an old backup).
        return p.MutationResult(mutation_id=m.mutation_id, station_seq=m.station_seq, result="rejected",
                                outcome="rejected", reason_code="sequence_reused",
                                reason="The server already has a different mutation with this number.")
    outcome: p.Outcome = "applied" if row.outcome == "applied" else "rejected"
    return p.MutationResult(mutation_id=m.mutation_id, station_seq=m.station_seq, result="duplicate",
                            outcome=outcome, reason_code=row.reason_code, reason=row.reason)


def _chunked_scalars(conn: Connection, query: Any, values: Sequence[Any], **params: Any) -> Iterator[Any]:
    for i in range(0, len(values), _IN_CHUNK):
        yield from conn.execute(query, {**params, "values": list(values[i:i + _IN_CHUNK])}).scalars()


def _chunked_rows(conn: Connection, query: Any, values: Sequence[Any], **params: Any) -> Iterator[Any]:
    for i in range(0, len(values), _IN_CHUNK):
        yield from conn.execute(query, {**params, "values": list(values[i:i + _IN_CHUNK])})


_IN_CHUNK = 500
_EPOCH = select(t.meta.c.value).where(t.meta.c.key == "epoch")
_PROGRESS = select(t.station_progress.c.last_seq).where(t.station_progress.c.station_id == bindparam("station"))
_SET_PROGRESS = (update(t.station_progress).where(t.station_progress.c.station_id == bindparam("station"))
                 .values(last_seq=bindparam("last")))
_EARLIER = (select(t.mutation.c.station_seq, t.mutation.c.mutation_id, t.mutation.c.outcome,
                   t.mutation.c.reason_code, t.mutation.c.reason)
            .where(t.mutation.c.station_id == bindparam("station"),
                   t.mutation.c.station_seq.in_(bindparam("values", expanding=True))))
_KNOWN_MUTATION_IDS = select(t.mutation.c.mutation_id).where(
    t.mutation.c.mutation_id.in_(bindparam("values", expanding=True)))
_INSERT_CHANGE = insert(t.change)
_KNOWN_VACCINATIONS = select(t.vaccination.c.id).where(t.vaccination.c.id.in_(bindparam("values", expanding=True)))
_LIVE_DOSES = (select(t.vaccination.c.id, t.vaccination.c.person_id, t.vaccination.c.product_code,
                      t.vaccination.c.given_day)
               .where(t.vaccination.c.person_id.in_(bindparam("values", expanding=True)),
                      t.vaccination.c.voided.is_(False)))
_VOID = update(t.vaccination).where(t.vaccination.c.id == bindparam("vid")).values(voided=True)


DoseKey = tuple[str, str | None, str | None]


class _Batch:
    """What one push request writes besides the handlers' own statements: mutation rows, new doses,
    review tasks and changes, all inserted by executemany in `flush()`; and what the dose rules need
    to know about earlier doses, loaded for the whole batch up front."""

    def __init__(self, tenant: Tenant, conn: Connection, station_id: str) -> None:
        self.tenant = tenant
        self.conn = conn
        self.station_id = station_id
        self.now = utcnow()
        self.changes = ChangeLog(tenant, conn)
        self.mutations: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.doses: dict[str, dict[str, Any]] = {}  # new dose rows by id, inserted at flush
        self.known_dose_ids: set[str] = set()  # doses on the server or in this batch
        self.checked_dose_ids: set[str] = set()  # ids whose presence on the server is known
        self.loaded_persons: set[str] = set()  # persons whose live doses are in `live`
        self.live: dict[DoseKey, list[str]] = {}  # live doses by (person, product, day)
        self.key_of: dict[str, DoseKey] = {}

    def prefetch(self, mutations: Sequence[p.Mutation]) -> None:
        ids: set[str] = set()
        persons: set[str] = set()
        for m in mutations:
            if m.kind.split(".", 1)[0] != "vaccination" or m.kind in _HANDLERS:
                continue
            record = _dose_record(m.payload)
            if record is not None:
                if isinstance(record.get("id"), str):
                    ids.add(record["id"])
                if isinstance(record.get("person_id"), str):
                    persons.add(record["person_id"])
        self.check_doses(sorted(ids))
        self.load_persons(sorted(persons))

    def check_doses(self, ids: Sequence[str]) -> None:
        self.known_dose_ids.update(str(v) for v in _chunked_scalars(self.conn, _KNOWN_VACCINATIONS, ids))
        self.checked_dose_ids.update(ids)

    def load_persons(self, persons: Sequence[str]) -> None:
        for row in _chunked_rows(self.conn, _LIVE_DOSES, persons):
            self._add_live(str(row.id), (str(row.person_id), row.product_code, row.given_day))
        self.loaded_persons.update(persons)

    def _add_live(self, dose_id: str, key: DoseKey) -> None:
        self.live.setdefault(key, []).append(dose_id)
        self.key_of[dose_id] = key

    def twin_of(self, dose_id: str, key: DoseKey, voiding: str | None) -> str | None:
        if key[0] not in self.loaded_persons:
            self.load_persons([key[0]])
        return next((d for d in self.live.get(key, ()) if d != dose_id and d != voiding), None)

    def commit(self, ctx: _Ctx) -> None:
        """Take over what a mutation that was applied left to write."""
        for dose_id in ctx.voids:
            if dose_id in self.doses:
                self.doses[dose_id]["voided"] = True
            else:
                self.conn.execute(_VOID, {"vid": dose_id})
            key = self.key_of.pop(dose_id, None)
            if key is not None:
                self.live[key].remove(dose_id)
        for row, key in ctx.doses:
            self.doses[row["id"]] = row
            self.known_dose_ids.add(row["id"])
            self._add_live(row["id"], key)
        self.reviews.extend(ctx.reviews)
        self.changes.rows.extend(ctx.changes.rows)

    def flush(self) -> None:
        if self.doses:
            self.conn.execute(_INSERT_DOSE, list(self.doses.values()))
        if self.reviews:
            self.conn.execute(_INSERT_REVIEW, self.reviews)
        if self.mutations:
            self.conn.execute(_INSERT_MUTATION, self.mutations)
        self.changes.flush()


_INSERT_DOSE = insert(t.vaccination)
_INSERT_REVIEW = insert(t.review_task)
_INSERT_MUTATION = insert(t.mutation)


class _Ctx:
    """One mutation being applied. Handlers write entity rows themselves; changes, review tasks, new doses
    and voids they leave here, and the batch takes them over only if the mutation is applied."""

    def __init__(self, batch: _Batch, m: p.Mutation) -> None:
        self.batch = batch
        self.tenant = batch.tenant
        self.conn = batch.conn
        self.station_id = batch.station_id
        self.m = m
        self.changes = ChangeLog(batch.tenant, batch.conn)
        self.reviews: list[dict[str, Any]] = []
        self.doses: list[tuple[dict[str, Any], DoseKey]] = []
        self.voids: list[str] = []

    def emit(self, kind: str | None = None, payload: dict[str, Any] | None = None, *, server: bool = False) -> None:
        self.changes.add(origin=p.SERVER_ORIGIN if server else self.station_id,
                         kind=kind or self.m.kind, payload=self.m.payload if payload is None else payload,
                         mutation_id=None if server else self.m.mutation_id, hlc=None if server else self.m.hlc)


def _apply_one(batch: _Batch, m: p.Mutation) -> tuple[p.Outcome, str | None, str | None]:
    ctx = _Ctx(batch, m)
    entity = m.kind.split(".", 1)[0]
    handler = _HANDLERS.get(m.kind) or _ENTITY_HANDLERS.get(entity) or _feed_only
    # Handlers that check everything before their only write need no savepoint.
    savepoint = None if handler in _CHECK_FIRST else batch.conn.begin_nested()
    try:
        handler(ctx)
    except Rejected as exc:
        if savepoint is not None:
            savepoint.rollback()
        return "rejected", exc.code, exc.message
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        if savepoint is not None:
            savepoint.rollback()
        log.warning("mutation payload refused", extra={"kind": m.kind, "error": type(exc).__name__})
        return "rejected", "invalid_payload", f"The {m.kind} record is incomplete or malformed."
    except IntegrityError:
        if savepoint is None:
            raise
        savepoint.rollback()
        log.warning("mutation conflicts with stored rows", extra={"kind": m.kind})
        return "rejected", "conflict", f"The {m.kind} record conflicts with data already on the server."
    if savepoint is not None:
        savepoint.commit()
    batch.commit(ctx)
    return "applied", None, None


def _feed_only(ctx: _Ctx) -> None:
    ctx.emit()


def _plain(handler: Any, ctx: _Ctx) -> None:
    """A handler written as `(tenant, conn, payload, *, station_id)` (sync/server/certificates.py): it
    writes its rows, and the change goes to the other stations as it came."""
    handler(ctx.tenant, ctx.conn, ctx.m.payload, station_id=ctx.station_id)
    ctx.emit()


def _need_id(payload: dict[str, Any], key: str = "id") -> str:
    value = payload[key]
    if not isinstance(value, str) or not 1 <= len(value) <= 64:
        raise ValueError(key)
    return value


# ---- persons --------------------------------------------------------------------------------


def _person_record(ctx: _Ctx, person_id: str) -> tuple[dict[str, Any], datetime | None] | None:
    row = ctx.conn.execute(_PERSON, {"pid": person_id}).first()
    if row is None:
        return None
    return ctx.tenant.cipher.open_json(row.data_enc, f"person:{person_id}"), row.deleted_at


def _store_person(ctx: _Ctx, person_id: str, record: dict[str, Any], *, new: bool) -> None:
    blob = ctx.tenant.cipher.seal_json(record, f"person:{person_id}")
    if new:
        ctx.conn.execute(_INSERT_PERSON, {"id": person_id, "data_enc": blob})
    else:
        ctx.conn.execute(_SET_PERSON, {"pid": person_id, "blob": blob})


_PERSON = select(t.person.c.data_enc, t.person.c.deleted_at).where(t.person.c.id == bindparam("pid"))
_PERSON_EXISTS = select(t.person.c.id).where(t.person.c.id == bindparam("pid"))
_INSERT_PERSON = insert(t.person)
_SET_PERSON = update(t.person).where(t.person.c.id == bindparam("pid")).values(data_enc=bindparam("blob"))


def person_created(ctx: _Ctx) -> None:
    pl = ctx.m.payload
    person_id = _need_id(pl)
    for key in ("family_name", "given_name", "dob"):
        if not isinstance(pl[key], str) or not pl[key]:
            raise ValueError(key)
    if ctx.conn.execute(_PERSON_EXISTS, {"pid": person_id}).first() is not None:
        raise Rejected("already_exists", "This person is already on the server.")
    _store_person(ctx, person_id, {k: pl.get(k) for k in PERSON_FIELDS}, new=True)
    ctx.emit()


def person_updated(ctx: _Ctx) -> None:
    """`{"id", "fields": {new values}, "base": {values the editor started from}}`."""
    pl = ctx.m.payload
    person_id = _need_id(pl)
    fields = pl["fields"]
    base = pl.get("base") or {}
    if not isinstance(fields, dict) or not isinstance(base, dict) or set(fields) - set(PERSON_FIELDS):
        raise ValueError("fields")
    found = _person_record(ctx, person_id)
    if found is None:
        raise Rejected("unknown_person", "This person is not on the server.")
    record, deleted_at = found
    if deleted_at is not None:
        raise Rejected("deleted", "This person was deleted; the change was not applied.")
    conflicts = {}
    for name, new in fields.items():
        current = record.get(name)
        if name not in base or base[name] == current or new == current:
            record[name] = new
        else:
            conflicts[name] = {"server": current, "station": new, "base": base[name]}
    _store_person(ctx, person_id, record, new=False)
    ctx.emit("person.merged", {"id": person_id, **record}, server=True)
    if conflicts:
        _review(ctx, kind="person_conflict", entity="person", entity_id=person_id,
                details={"fields": conflicts, "station_id": ctx.station_id})


def person_deleted(ctx: _Ctx) -> None:
    person_id = _need_id(ctx.m.payload)
    if _person_record(ctx, person_id) is None:
        raise Rejected("unknown_person", "This person is not on the server.")
    ctx.conn.execute(update(t.person).where(t.person.c.id == person_id, t.person.c.deleted_at.is_(None))
                     .values(deleted_at=utcnow()))
    ctx.emit()


def _review(ctx: _Ctx, *, kind: str, entity: str, entity_id: str, details: dict[str, Any]) -> None:
    task_id = str(uuid.uuid4())
    ctx.reviews.append({"id": task_id, "kind": kind, "entity": entity, "entity_id": entity_id,
                        "created_at": utcnow(),
                        "data_enc": ctx.tenant.cipher.seal_json(details, f"review:{task_id}")})
    ctx.emit("review.created", {"id": task_id, "kind": kind, "entity": entity, "entity_id": entity_id,
                                "details": details}, server=True)


# ---- slots and appointments -----------------------------------------------------------------


def _parse_dt(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("datetime")
    return datetime.fromisoformat(value)


def slots_opened(ctx: _Ctx) -> None:
    pl = ctx.m.payload
    site_id = _need_id(pl, "site_id")
    rows = []
    for s in pl["slots"]:
        capacity = int(s["capacity"])
        if capacity < 0:
            raise ValueError("capacity")
        rows.append({"id": _need_id(s), "site_id": site_id, "starts_at": _parse_dt(s["starts_at"]),
                     "ends_at": _parse_dt(s["ends_at"]), "capacity": capacity, "booked": 0, "leased": 0,
                     "product_code": s.get("product_code")})
    if rows:
        known = set(ctx.conn.execute(select(t.slot.c.id).where(t.slot.c.id.in_([r["id"] for r in rows]))).scalars())
        fresh = list({r["id"]: r for r in rows if r["id"] not in known}.values())  # first of repeated ids wins
        if fresh:
            ctx.conn.execute(insert(t.slot), fresh)
    ctx.emit()


def take_place(tenant: Tenant, conn: Connection, *, slot_id: str, station_id: str | None) -> str | None:
    """Take one place in a slot: from this station's lease if it holds one, else from free capacity.
    Returns the lease used. The conditional UPDATEs are the capacity check: no read-then-write race."""
    now = utcnow()
    if station_id is not None:
        lease_id = conn.execute(_OWN_LEASE, {"station": station_id, "slot": slot_id, "now": now}
                                ).scalar_one_or_none()
        if lease_id is not None:
            conn.execute(update(t.lease).where(t.lease.c.id == lease_id).values(used=t.lease.c.used + 1))
            conn.execute(update(t.slot).where(t.slot.c.id == slot_id)
                         .values(booked=t.slot.c.booked + 1, leased=t.slot.c.leased - 1))
            return str(lease_id)
    expire_leases(conn, slot_id)
    taken = conn.execute(_TAKE_FREE_PLACE, {"slot": slot_id}).rowcount
    if taken != 1:
        exists = conn.execute(select(t.slot.c.id).where(t.slot.c.id == slot_id)).first()
        if exists is None:
            raise Rejected("unknown_slot", "This slot is not on the server.")
        raise Rejected("slot_full", "The slot was already full; the booking is not confirmed. Rebook the person.")
    return None


_OWN_LEASE = select(t.lease.c.id).where(
    t.lease.c.station_id == bindparam("station"), t.lease.c.slot_id == bindparam("slot"),
    t.lease.c.used < t.lease.c.places, t.lease.c.expires_at > bindparam("now")).limit(1)
_TAKE_FREE_PLACE = (update(t.slot)
                    .where(t.slot.c.id == bindparam("slot"), t.slot.c.booked + t.slot.c.leased < t.slot.c.capacity)
                    .values(booked=t.slot.c.booked + 1))
_EXPIRED_LEASES = select(t.lease.c.id, t.lease.c.places, t.lease.c.used).where(
    t.lease.c.slot_id == bindparam("slot"), t.lease.c.expires_at <= bindparam("now"),
    t.lease.c.used < t.lease.c.places)
_APPOINTMENT_EXISTS = select(t.appointment.c.id).where(t.appointment.c.id == bindparam("aid"))
INSERT_APPOINTMENT = insert(t.appointment)
INSERT_PERSON = insert(t.person)


def expire_leases(conn: Connection, slot_id: str) -> None:
    """Give the unused places of expired leases back to the slot."""
    now = utcnow()
    expired = conn.execute(_EXPIRED_LEASES, {"slot": slot_id, "now": now}).all()
    for row in expired:
        conn.execute(update(t.lease).where(t.lease.c.id == row.id).values(places=row.used))
        conn.execute(update(t.slot).where(t.slot.c.id == slot_id)
                     .values(leased=t.slot.c.leased - (row.places - row.used)))


def appointment_booked(ctx: _Ctx) -> None:
    pl = ctx.m.payload
    appointment_id = _need_id(pl)
    slot_id = _need_id(pl, "slot_id")
    person_id = _need_id(pl, "person_id")
    code = pl.get("booking_code")
    if ctx.conn.execute(_APPOINTMENT_EXISTS, {"aid": appointment_id}).first():
        raise Rejected("already_exists", "This appointment is already on the server.")
    lease_id = take_place(ctx.tenant, ctx.conn, slot_id=slot_id, station_id=ctx.station_id)
    ctx.conn.execute(INSERT_APPOINTMENT, {
        "id": appointment_id, "slot_id": slot_id, "person_id": person_id,
        "code_index": ctx.tenant.cipher.index(code) if isinstance(code, str) else None,
        "state": "booked", "holding": True, "lease_id": lease_id, "origin": ctx.station_id})
    ctx.emit(payload={**pl, "booking_state": "confirmed"})


def appointment_changed(ctx: _Ctx) -> None:
    """Any other appointment.* mutation: follow its `state`, giving the place back when it stops holding."""
    pl = ctx.m.payload
    appointment_id = _need_id(pl)
    state = pl.get("state")
    if isinstance(state, str):
        row = ctx.conn.execute(select(t.appointment.c.slot_id, t.appointment.c.holding)
                               .where(t.appointment.c.id == appointment_id)).first()
        if row is not None:
            holding = state in HOLDING_STATES
            ctx.conn.execute(update(t.appointment).where(t.appointment.c.id == appointment_id)
                             .values(state=state[:16], holding=holding))
            if row.holding != holding:
                ctx.conn.execute(update(t.slot).where(t.slot.c.id == row.slot_id)
                                 .values(booked=t.slot.c.booked + (1 if holding else -1)))
    ctx.emit()


# ---- vaccinations ---------------------------------------------------------------------------


def _dose_record(pl: dict[str, Any]) -> dict[str, Any] | None:
    """The dose a vaccination.* payload records, if any: `{"vaccination": {...}}` or the payload itself."""
    record = pl.get("vaccination")
    if isinstance(record, dict):
        return record
    if "person_id" in pl and "id" in pl and not isinstance(pl.get("void"), dict):
        return pl
    return None


def vaccination_event(ctx: _Ctx) -> None:
    """`{"void": {...}}`, `{"vaccination": {...}}` or both (a correction). Never drops a dose: a dose that
    looks like one already recorded is stored and flagged for review. Everything is checked before
    anything is written, so no savepoint is needed."""
    pl = ctx.m.payload
    void = pl.get("void")
    voiding = _need_id(void, "vaccination_id") if isinstance(void, dict) else None
    record = _dose_record(pl)
    twin = None
    if record is not None:
        dose_id = _need_id(record)
        person_id = _need_id(record, "person_id")
        product = record.get("product_code")
        if product is not None and (not isinstance(product, str) or len(product) > 32):
            raise ValueError("product_code")
        batch = ctx.batch
        if dose_id not in batch.checked_dose_ids:
            batch.check_doses([dose_id])
        if dose_id in batch.known_dose_ids or any(row["id"] == dose_id for row, _key in ctx.doses):
            raise Rejected("already_exists", "This vaccination is already on the server.")
        given = record.get("given_at")
        given_day = str(given)[:10] if given else None
        key: DoseKey = (person_id, product, given_day)
        twin = batch.twin_of(dose_id, key, voiding)
        ctx.doses.append(({"id": dose_id, "person_id": person_id, "product_code": product,
                           "given_day": given_day, "voided": False,
                           "data_enc": ctx.tenant.cipher.seal_json(record, f"vaccination:{dose_id}")}, key))
    if voiding is not None:
        ctx.voids.append(voiding)
    ctx.emit()
    if twin is not None and record is not None:
        _review(ctx, kind="suspected_duplicate_dose", entity="vaccination", entity_id=str(record["id"]),
                details={"other_vaccination_id": twin, "person_id": record["person_id"],
                         "station_id": ctx.station_id})


_HANDLERS = {
    "person.created": person_created,
    "person.updated": person_updated,
    "person.deleted": person_deleted,
    "slots.opened": slots_opened,
    "appointment.booked": appointment_booked,
    "certificate.issued": lambda ctx: _plain(certificates.register_station_certificate, ctx),
    "certificate.signed": lambda ctx: _plain(certificates.register_station_certificate, ctx),
    "certificate.revoked": lambda ctx: _plain(certificates.record_revocation, ctx),
    "infection.recorded": lambda ctx: _plain(certificates.record_infection, ctx),
    "infection.voided": lambda ctx: _plain(certificates.void_infection, ctx),
}
_ENTITY_HANDLERS = {
    "appointment": appointment_changed,
    "vaccination": vaccination_event,
}
_CHECK_FIRST = frozenset({_feed_only, person_created, vaccination_event})


# ---- the server's own writes ----------------------------------------------------------------


def grant_lease(tenant: Tenant, conn: Connection, *, station_id: str, slot_id: str, places: int,
                days: int = 2) -> dict[str, Any]:
    expire_leases(conn, slot_id)
    row = conn.execute(select(t.slot.c.capacity, t.slot.c.booked, t.slot.c.leased)
                       .where(t.slot.c.id == slot_id)).first()
    if row is None:
        raise Rejected("unknown_slot", "This slot is not on the server.")
    granted = max(0, min(places, row.capacity - row.booked - row.leased))
    if granted == 0:
        raise Rejected("slot_full", "No free places are left in this slot to lease.")
    lease_id = str(uuid.uuid4())
    expires = utcnow() + timedelta(days=days)
    conn.execute(insert(t.lease).values(id=lease_id, station_id=station_id, slot_id=slot_id, places=granted,
                                        used=0, expires_at=expires))
    conn.execute(update(t.slot).where(t.slot.c.id == slot_id).values(leased=t.slot.c.leased + granted))
    return {"lease_id": lease_id, "slot_id": slot_id, "places": granted, "used": 0, "expires_at": expires}


def tenant_stats(conn: Connection) -> dict[str, int]:
    def count(query: Any) -> int:
        return int(conn.execute(query).scalar_one())

    return {
        "persons": count(select(func.count()).select_from(t.person).where(t.person.c.deleted_at.is_(None))),
        "appointments": count(select(func.count()).select_from(t.appointment)
                              .where(t.appointment.c.state != "cancelled")),
        "vaccinations": count(select(func.count()).select_from(t.vaccination)
                              .where(t.vaccination.c.voided.is_(False))),
        "mutations": count(select(func.count()).select_from(t.mutation)),
        "rejected_mutations": count(select(func.count()).select_from(t.mutation)
                                    .where(t.mutation.c.outcome == "rejected")),
        "changes": count(select(func.count()).select_from(t.change)),
        "review_tasks": count(select(func.count()).select_from(t.review_task)),
        "overbooked_slots": count(select(func.count()).select_from(t.slot)
                                  .where(t.slot.c.booked > t.slot.c.capacity)),
    }
