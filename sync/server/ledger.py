"""Server reconciliation: pushed mutations applied exactly once, in each station's order, against the
server's own version of every row; the result numbered as changes that stations pull.

The server's order is the truth. Each mutation is parsed into typed rows (`sync.mutations`), then the
rules of each entity decide (DESIGN.md, Sync):

- persons merge field by field against the values the station started from; a real conflict, or a
  second registration of the same person, becomes a review task; deletes are tombstones;
- slot capacity is the server's: a booking, or a transition that takes a place again (a no-show who
  arrives after all), takes it from the station's lease or from free capacity, or is refused;
- a booking refused for its place stays off, and what its station recorded on it offline (the person
  came anyway: a check-in, a dose) is applied without it, never parked waiting for it;
- booking and visit states follow the same state machine as the station (`app.domain.queue`); a
  transition the server's state does not allow is superseded and the row's current version goes back
  to the station;
- a person checked in at two desks (one booking, or while in a queue elsewhere) keeps both visits and
  gets a review task;
- a lot is one lot per tenant by (product, lot number): a second station's receipt merges into it;
- doses are immutable events: never dropped, a dose that looks recorded twice is flagged, a second void
  or correction of one dose is kept and flagged, a dose given from a lot blocked before it is flagged;
- a mutation that needs a row the server has not seen yet (after a restore, stations re-push in any
  order) is parked and applied when that row arrives.

Every applied row is emitted as `<entity>.put` with the whole row, so a station's view is the server's
latest version with its own still-unconfirmed mutations re-applied on top (`sync.station.apply`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, or_, select, true, update
from sqlalchemy.engine import Connection

from app.domain.gs1 import lot_key
from app.domain.names import search_key
from app.domain.queue import TRANSITIONS, VisitState
from sync import mutations as mx
from sync import protocol as p
from sync.records import ENTITIES, ORDER, RecordError, to_wire
from sync.server import certificates, mail, test_results
from sync.server import tenants as t
from sync.server.tenants import Tenant, utcnow

log = logging.getLogger(__name__)

# A booking refused for these is off: its station cancels it, and the server remembers it (see
# Reconciler._remember_refused_booking).
UNBOOKED = frozenset({"slot_full", "refused_before"})
ACTIVE_VISIT = frozenset({"checked_in", "with_doctor", "observation"})  # the person is in a queue
HOLDING_STATES = frozenset({"booked", "checked_in", "with_doctor", "observation", "done"})
PERSON_FIELDS = ("family_name", "given_name", "dob", "sex", "street", "postcode", "city", "country",
                 "phone", "email", "insurance_number")
Key = tuple[str, str]


class Rejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Parked(Exception):
    """The mutation needs `waiting_for` ("entity:id" or "mutation:id") first."""

    def __init__(self, waiting_for: str) -> None:
        super().__init__(waiting_for)
        self.waiting_for = waiting_for


class SequenceGap(Exception):
    def __init__(self, expected: int, got: int) -> None:
        super().__init__(f"expected station_seq {expected}, got {got}")
        self.expected = expected
        self.got = got


def epoch_of(conn: Connection) -> str:
    return str(conn.execute(_EPOCH).scalar_one())


def latest_change(conn: Connection) -> int:
    return int(conn.execute(_COUNTER).scalar_one())


def last_station_seq(conn: Connection, station_id: str) -> int:
    value = conn.execute(_PROGRESS, {"station": station_id}).scalar_one_or_none()
    return int(value or 0)


def match_index(tenant: Tenant, family_name: str, given_name: str, dob: str) -> str:
    """Keyed hash of the normalised name and date of birth: finds a second registration of a person
    without any plaintext in the index."""
    text = f"{search_key(family_name)}|{search_key(given_name)}|{dob[:10]}"
    return tenant.cipher.index(text)


# ---- the change log -------------------------------------------------------------------------------


class ChangeLog:
    """The changes of one write transaction: numbered by one counter update and inserted by one
    executemany when flushed (still inside the transaction, so the numbers follow commit order)."""

    def __init__(self, tenant: Tenant, conn: Connection) -> None:
        self.tenant = tenant
        self.conn = conn
        self.rows: list[dict[str, Any]] = []

    def add_row(self, *, entity: str, row_id: str, origin: str, site_code: str | None,
                mutation_id: str | None = None, hlc: str | None = None) -> None:
        """A row changed: pulls hand out its version as it then stands in `record`."""
        self.rows.append({"origin": origin, "mutation_id": mutation_id, "kind": f"{entity}.put", "entity": entity,
                          "entity_id": row_id, "hlc": hlc, "at": utcnow(), "site_code": site_code, "payload": None})

    def add(self, *, origin: str, kind: str, payload: dict[str, Any], mutation_id: str | None = None,
            hlc: str | None = None, at: datetime | None = None, site_code: str | None = None) -> None:
        """An event that is not a row (a merge, a parked mutation settled), with its own small payload."""
        self.rows.append({"origin": origin, "mutation_id": mutation_id, "kind": kind, "entity": None,
                          "entity_id": None, "hlc": hlc, "at": at or utcnow(), "site_code": site_code,
                          "payload": payload})

    def flush(self) -> list[int]:
        if not self.rows:
            return []
        first = self.tenant.reserve_change_seqs(self.conn, len(self.rows))
        seal = self.tenant.cipher.seal_json
        rows = []
        for seq, row in enumerate(self.rows, start=first):
            payload = row.pop("payload")
            rows.append({**row, "seq": seq, "data_enc": None if payload is None else seal(payload, f"change:{seq}")})
        self.rows = []
        self.conn.execute(_INSERT_CHANGE, rows)
        return [r["seq"] for r in rows]


def emit(tenant: Tenant, conn: Connection, *, origin: str, kind: str, payload: dict[str, Any],
         mutation_id: str | None = None, hlc: str | None = None, at: datetime | None = None,
         site_code: str | None = None) -> int:
    """One event change on its own; several in one transaction go through a ChangeLog."""
    changes = ChangeLog(tenant, conn)
    changes.add(origin=origin, kind=kind, payload=payload, mutation_id=mutation_id, hlc=hlc, at=at,
                site_code=site_code)
    return changes.flush()[0]


def put_record(tenant: Tenant, conn: Connection, *, entity: str, row_id: str, values: dict[str, Any],
               origin: str = p.SERVER_ORIGIN, site_code: str | None = None) -> int:
    """Store a row as the server's version and announce it (tests, repairs); returns the change number."""
    records = Records(tenant, conn)
    records.put(entity, row_id, values, site_code=site_code)
    records.flush()
    changes = ChangeLog(tenant, conn)
    changes.add_row(entity=entity, row_id=row_id, origin=origin, site_code=site_code)
    return changes.flush()[0]


@dataclass(frozen=True)
class PulledChange:
    """One change of a pull page with its payload as the sealed JSON text it is stored as: the page is
    written out without decoding and encoding every row again (see `page_json`)."""

    seq: int
    origin: str
    mutation_id: str | None
    kind: str
    hlc: str | None
    at: datetime
    payload_json: bytes


def pull_page(tenant: Tenant, conn: Connection, *, after: int, limit: int, site_code: str | None
              ) -> tuple[list[PulledChange], bool, int]:
    """The changes after `after` that `site_code`'s stations may see: at most `limit` of them and about
    MAX_PULL_BYTES, each row once (at the place of its first change in the page) in its current version.
    Returns (changes, has_more, next_cursor)."""
    # Read before the changes: every change numbered up to here is committed (numbers are handed out
    # under the tenant's write lock, in commit order), so the cursor may jump to it.
    latest = latest_change(conn)
    visible = or_(t.change.c.site_code.is_(None), t.change.c.site_code == site_code) if site_code else true()
    rows = conn.execute(
        select(t.change.c.seq, t.change.c.origin, t.change.c.mutation_id, t.change.c.kind, t.change.c.entity,
               t.change.c.entity_id, t.change.c.hlc, t.change.c.at, t.change.c.data_enc,
               t.record.c.data_enc.label("record_enc"))
        .outerjoin(t.record, (t.record.c.entity == t.change.c.entity) & (t.record.c.id == t.change.c.entity_id))
        .where(t.change.c.seq > after, visible).order_by(t.change.c.seq).limit(limit + 1)).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    cipher = tenant.cipher
    out: list[PulledChange] = []
    sent: set[tuple[str, str]] = set()
    size = 0
    last_seq = after
    for seq, origin, mutation_id, kind, entity_name, entity_id, hlc, at, event_enc, record_enc in rows:
        last_seq = seq
        if entity_name is not None:
            if record_enc is None or (entity_name, entity_id) in sent:
                continue
            sent.add((entity_name, entity_id))
            raw = cipher.open(bytes(record_enc), f"{entity_name}:{entity_id}")
        else:
            raw = cipher.open(bytes(event_enc), f"change:{seq}")
        size += len(raw)
        out.append(PulledChange(seq=seq, origin=origin, mutation_id=mutation_id, kind=kind, hlc=hlc,
                                at=at if at.tzinfo else at.replace(tzinfo=UTC), payload_json=raw))
        if size >= p.MAX_PULL_BYTES and seq != rows[-1][0]:
            has_more = True
            break
    # Past every change this site may see, the cursor moves to the tenant's latest, so it is never behind
    # changes the station will never be shown (and never ahead of the server's).
    next_cursor = last_seq if has_more else max(after, latest, last_seq)
    return out, has_more, next_cursor


def page_json(*, epoch: str, server_time: datetime, changes: list[PulledChange], next_cursor: int,
              has_more: bool) -> bytes:
    """A `PullResponse` as JSON, the stored payloads spliced in as they are (they are JSON already)."""
    dump = json.dumps
    parts = [
        b'{"seq":%d,"origin":%s,"mutation_id":%s,"kind":%s,"payload":%s,"hlc":%s,"at":%s}' % (
            c.seq, dump(c.origin).encode(), dump(c.mutation_id).encode(), dump(c.kind).encode(), c.payload_json,
            dump(c.hlc).encode(), dump(c.at.isoformat()).encode())
        for c in changes]
    return b'{"epoch":%s,"server_time":%s,"changes":[%s],"next_cursor":%d,"has_more":%s}' % (
        dump(epoch).encode(), dump(server_time.isoformat()).encode(), b",".join(parts), next_cursor,
        b"true" if has_more else b"false")


# ---- the server's rows ------------------------------------------------------------------------------


@dataclass
class Stored:
    values: dict[str, Any]  # wire form (ISO text), including "id"
    site_code: str | None
    new: bool = False


class Records:
    """The server's rows for one write transaction: read once (in bulk where the batch allows), kept
    in memory, written back by executemany at the end. A mutation's writes are staged and kept only
    if the mutation is applied."""

    def __init__(self, tenant: Tenant, conn: Connection) -> None:
        self.tenant = tenant
        self.conn = conn
        self.cache: dict[Key, Stored | None] = {}
        self.dirty: set[Key] = set()
        self._stage: dict[Key, Stored] | None = None

    def prefetch(self, keys: Iterable[Key]) -> None:
        by_entity: dict[str, list[str]] = {}
        for entity, row_id in keys:
            if (entity, row_id) not in self.cache:
                by_entity.setdefault(entity, []).append(row_id)
        for entity, ids in by_entity.items():
            for i in range(0, len(ids), _IN_CHUNK):
                chunk = ids[i:i + _IN_CHUNK]
                for key in chunk:
                    self.cache[(entity, key)] = None
                for row in self.conn.execute(_RECORDS, {"entity": entity, "ids": chunk}):
                    self.cache[(entity, row.id)] = Stored(self._open(entity, row.id, row.data_enc), row.site_code)

    def _open(self, entity: str, row_id: str, blob: bytes) -> dict[str, Any]:
        return dict(self.tenant.cipher.open_json(blob, f"{entity}:{row_id}"))

    def get(self, entity: str, row_id: str) -> Stored | None:
        key = (entity, row_id)
        if self._stage is not None and key in self._stage:
            return self._stage[key]
        if key not in self.cache:
            self.prefetch([key])
        return self.cache[key]

    def put(self, entity: str, row_id: str, values: dict[str, Any], *, site_code: str | None) -> Stored:
        current = self.get(entity, row_id)
        stored = Stored({**values, "id": row_id}, site_code, new=current is None or current.new)
        if self._stage is not None:
            self._stage[(entity, row_id)] = stored
        else:
            self.cache[(entity, row_id)] = stored
            self.dirty.add((entity, row_id))
        return stored

    def begin(self) -> None:
        self._stage = {}

    def commit(self) -> None:
        assert self._stage is not None
        self.cache.update(self._stage)
        self.dirty.update(self._stage)
        self._stage = None

    def rollback(self) -> None:
        self._stage = None

    def flush(self) -> None:
        fresh: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for key in self.dirty:
            stored = self.cache[key]
            assert stored is not None
            entity, row_id = key
            row = {"entity": entity, "id": row_id, "site_code": stored.site_code,
                   "person_id": stored.values.get("person_id") if entity != "person" else row_id,
                   "data_enc": self.tenant.cipher.seal_json(stored.values, f"{entity}:{row_id}")}
            (fresh if stored.new else changed).append(row)
            stored.new = False
        self.dirty.clear()
        if fresh:
            self.conn.execute(insert(t.record), fresh)
        if changed:
            self.conn.execute(_UPDATE_RECORD, [{**r, "e": r.pop("entity"), "i": r.pop("id")} for r in changed])


# ---- one push ------------------------------------------------------------------------------------------


def push(tenant: Tenant, conn: Connection, station_id: str, mutations: Sequence[p.Mutation], *,
         site_code: str | None = None) -> list[p.MutationResult]:
    """Inside the caller's write transaction. Raises SequenceGap when the first new mutation is not next."""
    last = last_station_seq(conn, station_id)
    known_progress = last
    ordered = sorted(mutations, key=lambda m: m.station_seq)
    earlier = {row.station_seq: row for row in _chunked_rows(
        conn, _EARLIER, [m.station_seq for m in ordered if m.station_seq <= last], station=station_id)}
    fresh = [m for m in ordered if m.station_seq > last]
    used_ids = {str(v) for v in _chunked_scalars(conn, _KNOWN_MUTATION_IDS, [m.mutation_id for m in fresh])}
    rec = Reconciler(tenant, conn, station_id=station_id, site_code=site_code)
    rec.prefetch(fresh)
    results: list[p.MutationResult] = []
    for m in ordered:
        if m.station_seq <= last:
            results.append(_repeat(earlier.get(m.station_seq), m))
            continue
        if m.station_seq != last + 1:
            if not results:
                raise SequenceGap(last + 1, m.station_seq)
            break  # the rest is answered on the next push
        if m.mutation_id in used_ids:
            outcome = Outcome("rejected", "mutation_id_reused", "This mutation id was already used.")
        else:
            outcome = rec.receive(m)
            used_ids.add(m.mutation_id)
        last = m.station_seq
        results.append(outcome.result(m))
    rec.flush()
    seqs = rec.change_seqs
    results = [r.model_copy(update={"change_seq": seqs.get(r.mutation_id)}) if r.result == "applied" else r
               for r in results]
    if last != known_progress:
        if known_progress == 0 and conn.execute(_PROGRESS, {"station": station_id}).first() is None:
            conn.execute(insert(t.station_progress).values(station_id=station_id, last_seq=last))
        else:
            conn.execute(_SET_PROGRESS, {"station": station_id, "last": last})
    return results


@dataclass(frozen=True)
class Outcome:
    outcome: str  # applied | rejected | parked
    code: str | None = None
    reason: str | None = None

    def result(self, m: p.Mutation) -> p.MutationResult:
        return p.MutationResult(mutation_id=m.mutation_id, station_seq=m.station_seq,
                                result=self.outcome, outcome=self.outcome,  # type: ignore[arg-type]
                                reason_code=self.code, reason=self.reason)


def _repeat(row: Any, m: p.Mutation) -> p.MutationResult:
    if row is None or row.mutation_id != m.mutation_id:
        # The station's sequence was reused for something else (a station restored from an old backup).
        return p.MutationResult(mutation_id=m.mutation_id, station_seq=m.station_seq, result="rejected",
                                outcome="rejected", reason_code="sequence_reused",
                                reason="The server already has a different mutation with this number.")
    outcome: p.Outcome = row.outcome if row.outcome in ("applied", "rejected", "parked") else "rejected"
    return p.MutationResult(mutation_id=m.mutation_id, station_seq=m.station_seq, result="duplicate",
                            outcome=outcome, reason_code=row.reason_code, reason=row.reason,
                            change_seq=row.change_seq)


def _chunked_scalars(conn: Connection, query: Any, values: Sequence[Any], **params: Any) -> Iterator[Any]:
    for i in range(0, len(values), _IN_CHUNK):
        yield from conn.execute(query, {**params, "values": list(values[i:i + _IN_CHUNK])}).scalars()


def _chunked_rows(conn: Connection, query: Any, values: Sequence[Any], **params: Any) -> Iterator[Any]:
    for i in range(0, len(values), _IN_CHUNK):
        yield from conn.execute(query, {**params, "values": list(values[i:i + _IN_CHUNK])})


_IN_CHUNK = 500
_REVIEW_NS = uuid.UUID("6f0b7c3e-0d5e-4c59-9a57-2f7f6f1f5a10")
_EPOCH = select(t.meta.c.value).where(t.meta.c.key == "epoch")
_COUNTER = select(t.meta.c.value).where(t.meta.c.key == "change_seq")
_PROGRESS = select(t.station_progress.c.last_seq).where(t.station_progress.c.station_id == bindparam("station"))
_SET_PROGRESS = (update(t.station_progress).where(t.station_progress.c.station_id == bindparam("station"))
                 .values(last_seq=bindparam("last")))
_EARLIER = (select(t.mutation.c.station_seq, t.mutation.c.mutation_id, t.mutation.c.outcome,
                   t.mutation.c.reason_code, t.mutation.c.reason, t.mutation.c.change_seq)
            .where(t.mutation.c.station_id == bindparam("station"),
                   t.mutation.c.station_seq.in_(bindparam("values", expanding=True))))
_KNOWN_MUTATION_IDS = select(t.mutation.c.mutation_id).where(
    t.mutation.c.mutation_id.in_(bindparam("values", expanding=True)))
_INSERT_CHANGE = insert(t.change)
_RECORDS = select(t.record.c.id, t.record.c.site_code, t.record.c.data_enc).where(
    t.record.c.entity == bindparam("entity"), t.record.c.id.in_(bindparam("ids", expanding=True)))
_UPDATE_RECORD = (update(t.record).where(t.record.c.entity == bindparam("e"), t.record.c.id == bindparam("i"))
                  .values(site_code=bindparam("site_code"), person_id=bindparam("person_id"),
                          data_enc=bindparam("data_enc")))


# ---- reconciling one mutation -----------------------------------------------------------------------------


@dataclass
class _Work:
    """What one mutation will do once every check has passed: nothing is written before that."""

    m: p.Mutation | None
    parsed: mx.Parsed | None
    replay: bool
    origin: str
    writes: list[Any] = field(default_factory=list)  # callables run in order when the mutation is applied
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (entity:id, reason) superseded rows
    applied_rows: int = 0
    created: list[Key] = field(default_factory=list)
    touched: set[Key] = field(default_factory=set)

    def later(self, fn: Any) -> None:
        self.writes.append(fn)


_Rule = Callable[["Reconciler", _Work, mx.Row], None]
# How the rows of an (entity, op) are reconciled, each rule marked at its method; a row with none here
# goes through Reconciler._generic.
_RULES: dict[tuple[str, str], _Rule] = {}


def _rule(entity: str, op: str) -> Callable[[_Rule], _Rule]:
    """Marks a Reconciler method as the rule for the `op` rows of `entity`."""
    def register(method: _Rule) -> _Rule:
        _RULES[(entity, op)] = method
        return method
    return register


class Reconciler:
    """Applies mutations of one station in one write transaction (see the module doc for the rules)."""

    def __init__(self, tenant: Tenant, conn: Connection, *, station_id: str, site_code: str | None) -> None:
        self.tenant = tenant
        self.conn = conn
        self.station_id = station_id
        self.site_code = site_code
        self.now = utcnow()
        self.records = Records(tenant, conn)
        self.changes = ChangeLog(tenant, conn)
        self.mutation_rows: list[dict[str, Any]] = []
        self.mutation_updates: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.change_seqs: dict[str, int] = {}
        self._change_owner: list[str | None] = []  # mutation id of each change, in ChangeLog order
        self._aliases: dict[Key, str] = {}
        self._sites: dict[str, str] | None = None
        self._parked_by_station: dict[str, dict[str, set[str]]] = {}  # station -> parked mutation -> rows
        self._slots: dict[str, dict[str, Any]] = {}
        self._new_persons: dict[str, str] = {}  # persons inserted in this transaction -> match index
        self._new_lots: dict[tuple[str, str], str] = {}
        self._new_doses: dict[str, tuple[str, Any, str]] = {}
        self._voided: set[str] = set()
        self._lease_use: dict[str, int] = {}
        self._taking: dict[str, int] = {}
        self._dose_index: dict[str, tuple[str, Any, str | None, bool]] = {}  # dose -> person, product, day, voided
        self._dose_persons: set[str] = set()
        self._live_by_key: dict[tuple[str, Any, str | None], set[str]] = {}
        self._waiting: set[str] = set()
        self._index_inserts: dict[str, list[dict[str, Any]]] = {}  # table -> rows, written at flush
        self._voids: set[str] = set()  # doses to mark voided at flush
        self._dirty_slots: set[str] = set()
        self._lease_used: dict[str, int] = {}  # lease -> places used now
        self._new_appointments: dict[str, dict[str, Any]] = {}  # appointment index rows still to insert
        self._appointment_states: dict[str, dict[str, Any]] = {}  # appointment -> state to write at flush
        self._refused_bookings: dict[str, bool] = {}  # appointment -> its booking was refused

    # -- batch preparation -------------------------------------------------------------------

    def prefetch(self, batch: Sequence[p.Mutation]) -> None:
        keys: set[Key] = set()
        for m in batch:
            rows = m.payload.get("rows") if isinstance(m.payload, dict) else None
            if not isinstance(rows, list):
                continue
            for raw in rows[:mx.MAX_ROWS]:
                if not isinstance(raw, dict) or not isinstance(raw.get("entity"), str) or \
                        not isinstance(raw.get("id"), str) or raw["entity"] not in ENTITIES:
                    continue
                keys.add((raw["entity"], raw["id"][:64]))
                values = raw.get("values")
                if isinstance(values, dict):
                    for column, parent in ENTITIES[raw["entity"]].parents.items():
                        if isinstance(values.get(column), str):
                            keys.add((parent, values[column][:64]))
        self.records.prefetch(keys)
        self._load_refused(sorted(i for e, i in keys if e == "appointment"))
        self._load_aliases({k for k in keys if k[0] in ("lot", "person")})
        self._load_doses({i for e, i in keys if e == "person"}, {i for e, i in keys if e == "vaccination"})
        self._load_lot_keys(batch)
        self._load_waiting()

    def _load_doses(self, persons: set[str], doses: set[str]) -> None:
        """The live doses of the batch's persons (for the duplicate-dose rule) and whether the batch's
        doses are voided already (for the conflicting-void rule), in two queries for the batch."""
        for ids, column in ((sorted(persons), t.vaccination.c.person_id), (sorted(doses), t.vaccination.c.id)):
            for i in range(0, len(ids), _IN_CHUNK):
                for row in self.conn.execute(select(t.vaccination).where(column.in_(ids[i:i + _IN_CHUNK]))):
                    self._index_dose(str(row.id), str(row.person_id), row.product_code, row.given_day,
                                     voided=bool(row.voided))
        self._dose_persons.update(persons)

    def _index_dose(self, dose_id: str, person_id: str, product: Any, day: str | None, *, voided: bool) -> None:
        self._dose_index[dose_id] = (person_id, product, day, voided)
        live = self._live_by_key.setdefault((person_id, product, day), set())
        (live.discard if voided else live.add)(dose_id)

    def _live_dose_like(self, person_id: str, product: Any, day: str, *, besides: str | None) -> str | None:
        if person_id not in self._dose_persons:
            self._load_doses({person_id}, set())
        return next(iter(sorted(self._live_by_key.get((person_id, product, day), set()) - {besides})), None)

    def _load_lot_keys(self, batch: Sequence[p.Mutation]) -> None:
        numbers = {lot_key(str(raw["values"].get("lot_number"))[:32]) for m in batch if m.kind == "lot.received"
                   for raw in (m.payload.get("rows") or []) if isinstance(raw, dict) and raw.get("entity") == "lot"
                   and isinstance(raw.get("values"), dict)}
        for row in self.conn.execute(select(t.lot_key).where(t.lot_key.c.lot_number.in_(sorted(numbers)))) \
                if numbers else ():
            self._new_lots[(str(row.product_code), str(row.lot_number))] = str(row.lot_id)

    def _load_refused(self, ids: list[str]) -> None:
        for i in range(0, len(ids), _IN_CHUNK):
            chunk = ids[i:i + _IN_CHUNK]
            found = set(self.conn.execute(select(t.refused_booking.c.id).where(
                t.refused_booking.c.id.in_(chunk))).scalars())
            self._refused_bookings.update((a, a in found) for a in chunk)

    def _load_waiting(self) -> None:
        self._waiting = {str(k) for k in self.conn.execute(select(t.parked.c.waiting_for).distinct()).scalars()}

    def _load_aliases(self, keys: set[Key]) -> None:
        for entity in ("lot", "person"):
            ids = [i for e, i in keys if e == entity]
            for i in range(0, len(ids), _IN_CHUNK):
                for row in self.conn.execute(select(t.alias.c.from_id, t.alias.c.into_id).where(
                        t.alias.c.entity == entity, t.alias.c.from_id.in_(ids[i:i + _IN_CHUNK]))):
                    self._aliases[(entity, row.from_id)] = row.into_id

    def _alias(self, entity: str, row_id: str) -> str:
        key = (entity, row_id)
        if key not in self._aliases:
            found = self.conn.execute(select(t.alias.c.into_id).where(
                t.alias.c.entity == entity, t.alias.c.from_id == row_id)).scalar_one_or_none()
            self._aliases[key] = found or row_id
        return self._aliases[key] or row_id

    def _site_code_of(self, station_id: str) -> str | None:
        return self.conn.execute(select(t.device.c.site_code).where(t.device.c.station_id == station_id)
                                 .limit(1)).scalar_one_or_none()

    def site_codes(self) -> dict[str, str]:
        """Every site id stations of this tenant use -> the site's code."""
        if self._sites is None:
            self._sites = {str(k): str(v) for k, v in self.conn.execute(
                select(t.device.c.site_id, t.device.c.site_code).distinct())}
        return self._sites

    # -- receiving ----------------------------------------------------------------------------

    def receive(self, m: p.Mutation) -> Outcome:
        """A new mutation of this station: parse, apply or park, and keep its ledger row."""
        replay = m.prior_outcome == "applied"
        outcome: Outcome
        if m.prior_outcome == "rejected":
            # Refused under an earlier epoch: the station already told its staff; it stays refused.
            outcome = Outcome("rejected", "refused_before", "The server refused this change before its restore.")
            with contextlib.suppress(mx.MutationError):  # refused at the boundary before: nothing to remember
                self._remember_refused_booking(mx.parse(m.kind, m.payload), "refused_before")
        else:
            try:
                parsed = mx.parse(m.kind, m.payload)
            except mx.MutationError as exc:
                log.warning("mutation refused at the boundary", extra={"kind": m.kind[:64], "code": exc.code})
                outcome = Outcome("rejected", exc.code, f"The {m.kind[:64]} record is not valid ({exc.code}).")
            else:
                outcome = self._attempt(m, parsed, replay=replay, waiting_ok=True)
        self.mutation_rows.append({
            "mutation_id": m.mutation_id, "station_id": self.station_id, "station_seq": m.station_seq,
            "kind": m.kind, "schema_version": m.schema_version, "hlc": m.hlc,
            "payload_enc": self.tenant.cipher.seal_json(
                {"payload": m.payload, "prior_outcome": m.prior_outcome}, f"mutation:{m.mutation_id}"),
            "received_at": self.now, "outcome": outcome.outcome, "reason_code": outcome.code,
            "reason": outcome.reason, "change_seq": None})
        return outcome

    def _attempt(self, m: p.Mutation, parsed: mx.Parsed, *, replay: bool, waiting_ok: bool) -> Outcome:
        touches = {f"{r.entity}:{r.id}" for r in parsed.rows}
        blocker = self._blocking_parked(touches, exclude=m.mutation_id)
        if blocker is not None:
            self._park(m, f"mutation:{blocker}", touches, replay=replay)
            return Outcome("parked", "waiting", "Waiting for an earlier change of this station.")
        work = _Work(m=m, parsed=parsed, replay=replay, origin=self.station_id)
        self.records.begin()
        try:
            self._plan(work)
        except Parked as wait:
            self.records.rollback()
            if not waiting_ok:
                raise
            self._park(m, wait.waiting_for, touches, replay=replay)
            return Outcome("parked", "waiting", "Waiting for a record the server has not received yet.")
        except Rejected as exc:
            self.records.rollback()
            self._send_back(parsed)
            if exc.code in UNBOOKED:
                self._remember_refused_booking(parsed, exc.code)
            return Outcome("rejected", exc.code, exc.message)
        if work.applied_rows == 0 and work.skipped:
            self.records.rollback()
            self._send_back(parsed)
            where, why = work.skipped[0]
            return Outcome("rejected", why, f"Superseded on the server ({where.split(':')[0]}).")
        for fn in work.writes:
            fn()
        self.records.commit()
        self._settle_waiters(work.created, m.mutation_id)
        return Outcome("applied", "superseded" if work.skipped else None,
                       "Partly superseded by a newer change on the server." if work.skipped else None)

    def _remember_refused_booking(self, parsed: mx.Parsed, code: str) -> None:
        """A booking refused for its place is off for good: the person may have come and been vaccinated on
        it while the station was offline, and what the station recorded on it then is applied without it
        (see `_resolved`) instead of waiting for it for ever."""
        if parsed.kind.name != "appointment.booked":
            return
        for row in parsed.rows:
            if row.entity == "appointment" and row.op == "insert" and not self._refused(row.id) and \
                    self.records.get("appointment", row.id) is None:
                self.conn.execute(insert(t.refused_booking).values(
                    id=row.id, station_id=self.station_id, reason_code=code, refused_at=self.now))
                self._refused_bookings[row.id] = True

    def _refused(self, appointment_id: str) -> bool:
        found = self._refused_bookings.get(appointment_id)
        if found is None:
            found = self.conn.execute(select(t.refused_booking.c.id).where(
                t.refused_booking.c.id == appointment_id)).first() is not None
            self._refused_bookings[appointment_id] = found
        return found

    # -- parking ------------------------------------------------------------------------------

    def _parked(self) -> dict[str, set[str]]:
        found = self._parked_by_station.get(self.station_id)
        if found is None:
            found = {str(row.mutation_id): set(json.loads(row.touches))
                     for row in self.conn.execute(select(t.parked.c.mutation_id, t.parked.c.touches)
                                                  .where(t.parked.c.station_id == self.station_id))}
            self._parked_by_station[self.station_id] = found
        return found

    def _blocking_parked(self, touches: set[str], *, exclude: str) -> str | None:
        for mutation_id, theirs in self._parked().items():
            if mutation_id != exclude and theirs & touches:
                return mutation_id
        return None

    def _park(self, m: p.Mutation, waiting_for: str, touches: set[str], *, replay: bool) -> None:
        existing = self.conn.execute(select(t.parked.c.mutation_id).where(
            t.parked.c.mutation_id == m.mutation_id)).first()
        if existing is None:
            self.conn.execute(insert(t.parked).values(
                mutation_id=m.mutation_id, station_id=self.station_id, station_seq=m.station_seq,
                waiting_for=waiting_for[:140], touches=json.dumps(sorted(touches)), replay=replay,
                received_at=self.now))
        else:
            self.conn.execute(update(t.parked).where(t.parked.c.mutation_id == m.mutation_id)
                              .values(waiting_for=waiting_for[:140]))
        self._parked()[m.mutation_id] = touches
        self._waiting.add(waiting_for[:140])

    def _settle_waiters(self, created: list[Key], mutation_id: str) -> None:
        """Rows just created (or a blocking mutation just settled): apply what waited for them."""
        queue = [f"{e}:{i}" for e, i in created] + [f"mutation:{mutation_id}"]
        while queue:
            key = queue.pop(0)
            if key not in self._waiting:
                continue
            waiting = self.conn.execute(
                select(t.parked.c.mutation_id, t.parked.c.station_id, t.parked.c.replay)
                .where(t.parked.c.waiting_for == key).order_by(t.parked.c.received_at, t.parked.c.station_seq)).all()
            for row in waiting:
                queue.extend(self._retry(str(row.mutation_id), str(row.station_id), bool(row.replay)))

    def _retry(self, mutation_id: str, station_id: str, replay: bool) -> list[str]:
        row: Any = self.conn.execute(select(t.mutation).where(t.mutation.c.mutation_id == mutation_id)).first()
        if row is None:  # parked in this very batch: its ledger row is still to be written
            pending = next((r for r in self.mutation_rows if r["mutation_id"] == mutation_id), None)
            if pending is None:
                return []
            row = _Row(pending)
        body = self.tenant.cipher.open_json(row.payload_enc, f"mutation:{mutation_id}")
        m = p.Mutation(mutation_id=mutation_id, station_seq=row.station_seq, schema_version=row.schema_version,
                       kind=row.kind, payload=body["payload"], hlc=row.hlc, prior_outcome=body.get("prior_outcome"))
        parsed = mx.parse(m.kind, m.payload)
        saved = self.station_id, self.site_code
        self.station_id, self.site_code = station_id, self._site_code_of(station_id)
        try:
            self._parked().pop(mutation_id, None)
            outcome = self._attempt(m, parsed, replay=replay, waiting_ok=True)
        finally:
            self.station_id, self.site_code = saved
        if outcome.outcome == "parked":
            return []
        self.conn.execute(delete(t.parked).where(t.parked.c.mutation_id == mutation_id))
        self._record_outcome(mutation_id, outcome)
        self.changes.add(origin=station_id, kind="mutation.settled", mutation_id=mutation_id, payload={
            "mutation_id": mutation_id, "outcome": outcome.outcome, "reason_code": outcome.code})
        self._change_owner.append(mutation_id)
        return [f"mutation:{mutation_id}"]

    def _record_outcome(self, mutation_id: str, outcome: Outcome) -> None:
        for pending in self.mutation_rows:
            if pending["mutation_id"] == mutation_id:
                pending.update(outcome=outcome.outcome, reason_code=outcome.code, reason=outcome.reason)
                return
        self.mutation_updates.append({"mid": mutation_id, "outcome": outcome.outcome, "code": outcome.code,
                                      "reason": outcome.reason})

    # -- the plan of one mutation ----------------------------------------------------------

    def _plan(self, w: _Work) -> None:
        assert w.parsed is not None
        if w.parsed.kind.name == "person.merged":
            self._merge_persons(w)
            return
        for row in w.parsed.rows:
            if row.entity == "appointment" and row.op == "update" and self._refused(row.id):
                w.skipped.append((f"appointment:{row.id}", "booking_refused"))  # the booking is off
                continue
            resolved = self._resolved(row)
            rule = _RULES.get((row.entity, row.op), Reconciler._generic)
            rule(self, w, resolved)
            hook = _AFTER.get(row.entity)
            if hook is not None:
                stored = self.records.get(row.entity, resolved.id)
                if stored is not None:
                    hook(self, w, resolved, stored)

    def _certificate_register(self, w: _Work, row: mx.Row, stored: Stored) -> None:
        """A certificate this tenant's stations signed or revoked: the register that signing and the
        revocation list rely on follows (sync/server/certificates.py)."""
        values = stored.values
        hc1 = values.get("hc1")
        if "hc1" in row.values and isinstance(hc1, str):
            if not certificates.readable(hc1, uvci=values.get("uvci")):
                raise Rejected("invalid_certificate", "The signed certificate cannot be read or names another UVCI.")
            w.later(lambda: certificates.register_station_certificate(self.tenant, self.conn, values,
                                                                       station_id=w.origin))
        if row.values.get("revoked_at") is not None:
            w.later(lambda: certificates.record_revocation(self.tenant, self.conn, values, station_id=w.origin))

    def _infection_index(self, w: _Work, row: mx.Row, stored: Stored) -> None:
        values = stored.values
        if row.op == "insert":
            w.later(lambda: certificates.record_infection(self.tenant, self.conn, values, station_id=w.origin))
        if row.values.get("voided_at") is not None:
            w.later(lambda: certificates.void_infection(self.tenant, self.conn, values, station_id=w.origin))

    def _test_result_mail(self, w: _Work, row: mx.Row, stored: Stored) -> None:
        """A result the person asked to get by mail: the mail is queued with the push (issue 18), and the
        test's `mail_state` goes back to the stations."""
        values = stored.values
        if row.op != "update" or "result" not in row.values or not test_results.wants_mail(values):
            return

        def queue() -> None:
            person = self.records.get("person", self._alias("person", str(values["person_id"])))
            state = test_results.queue_for_test(self.tenant, self.conn, values, station_id=w.origin,
                                                person=person.values if person is not None else None)
            if state is not None:
                server = _Work(m=None, parsed=None, replay=False, origin=p.SERVER_ORIGIN)
                self._store(server, "covid_test", str(values["id"]), {**values, "mail_state": state},
                            site_code=stored.site_code, created=False)
                for fn in server.writes:
                    fn()

        w.later(queue)

    def _resolved(self, row: mx.Row) -> mx.Row:
        """The row with merged-away lots and persons replaced by the rows they were merged into, and
        without its link to a booking the server refused (the visit stands on its own, as a walk-in's)."""
        row_id = self._alias(row.entity, row.id) if row.entity in ("lot", "person") else row.id
        values = dict(row.values)
        for column, parent in ENTITIES[row.entity].parents.items():
            if parent in ("lot", "person") and isinstance(values.get(column), str):
                values[column] = self._alias(parent, values[column])
            elif parent == "appointment" and isinstance(values.get(column), str) and self._refused(values[column]):
                values[column] = None
        return mx.Row(entity=row.entity, id=row_id, op=row.op, values=values, before=row.before)

    def _need(self, entity: str, row_id: str) -> Stored:
        found = self.records.get(entity, row_id)
        if found is None:
            raise Parked(f"{entity}:{row_id}")
        return found

    def _existing(self, row: mx.Row) -> tuple[Stored, str | None]:
        """The stored row an update changes (the update parks until it arrives) and its site."""
        found = self._need(row.entity, row.id)
        return found, self._site_of(row, found)

    def _state_update(self, row: mx.Row) -> tuple[Stored, str | None, dict[str, Any], str]:
        """An update of a row with a state (an appointment, a visit): the stored row, its site, the values
        the update writes and the state the stored row is in."""
        found, site = self._existing(row)
        return found, site, to_wire(row.values), str(found.values.get("state"))

    def _parents(self, row: mx.Row) -> None:
        for column, parent in ENTITIES[row.entity].parents.items():
            value = row.values.get(column)
            if isinstance(value, str) and not (parent == row.entity and value == row.id):
                self._need(parent, value)

    def _site_of(self, row: mx.Row, current: Stored | None) -> str | None:
        """The site a row belongs to (None: tenant-wide). A station writes only its own site's rows."""
        if not ENTITIES[row.entity].site_scoped:
            return None
        named = row.values.get("site_id")
        if self.station_id != p.SERVER_ORIGIN and isinstance(named, str) and self.site_codes().get(named) is None:
            # A station naming a site no station of the tenant is at: no other station could file the row
            # anywhere. (The server's own rows, an online booking's, name the site of a slot it holds.)
            raise Rejected("other_site", "This record belongs to another site.")
        code: str | None = None
        if current is not None:
            code = current.site_code
        elif isinstance(row.values.get("site_id"), str):
            code = self.site_codes().get(row.values["site_id"])
        if code is None and current is None:
            for column, parent in ENTITIES[row.entity].parents.items():
                value = row.values.get(column)
                parent_row = self.records.get(parent, value) if isinstance(value, str) else None
                if parent_row is not None and ENTITIES[parent].site_scoped and parent_row.site_code is not None:
                    code = parent_row.site_code
                    break
        code = code or self.site_code
        if self.site_code is not None and code not in (None, self.site_code):
            raise Rejected("other_site", "This record belongs to another site.")
        return code

    def _store(self, w: _Work, entity: str, row_id: str, values: dict[str, Any], *, site_code: str | None,
               created: bool) -> None:
        """Keep the row (staged) and emit it whole when the mutation is applied."""
        stored = self.records.put(entity, row_id, values, site_code=site_code)
        w.applied_rows += 1
        w.touched.add((entity, row_id))
        if created:
            w.created.append((entity, row_id))
        mutation_id = w.m.mutation_id if w.m is not None else None

        def emit_put() -> None:
            self.changes.add_row(entity=entity, row_id=row_id, origin=w.origin, site_code=stored.site_code,
                                 mutation_id=mutation_id, hlc=w.m.hlc if w.m is not None else None)
            self._change_owner.append(mutation_id)

        w.later(emit_put)

    def _send_back(self, parsed: mx.Parsed) -> None:
        """A refused or superseded update: the station gets the server's version back, so it converges."""
        for row in parsed.rows:
            current = self.records.get(row.entity, self._alias(row.entity, row.id)
                                       if row.entity in ("lot", "person") else row.id)
            if current is not None and row.op == "update":
                self.changes.add_row(entity=row.entity, row_id=str(current.values["id"]), origin=p.SERVER_ORIGIN,
                                     site_code=current.site_code)
                self._change_owner.append(None)

    # -- rules ------------------------------------------------------------------------------

    def _generic(self, w: _Work, row: mx.Row) -> None:
        current = self.records.get(row.entity, row.id)
        if row.op == "insert":
            if current is not None:
                if ENTITIES[row.entity].immutable and _same(current.values, row.values):
                    w.applied_rows += 1  # the same event again (a re-push): nothing new
                    return
                if not ENTITIES[row.entity].immutable and _same(current.values, row.values):
                    w.applied_rows += 1
                    return
                raise Rejected("already_exists", f"The server already has this {row.entity}.")
            self._parents(row)
            site = self._site_of(row, None)
            self._store(w, row.entity, row.id, to_wire(row.values), site_code=site, created=True)
            return
        if ENTITIES[row.entity].immutable:
            raise Rejected("immutable", f"A {row.entity} is never changed.")
        found, site = self._existing(row)
        self._parents(row)
        self._store(w, row.entity, row.id, {**found.values, **to_wire(row.values)}, site_code=site, created=False)

    @_rule("person", "insert")
    def _person_insert(self, w: _Work, row: mx.Row) -> None:
        current = self.records.get("person", row.id)
        if current is not None:
            if _same(current.values, row.values):
                w.applied_rows += 1
                return
            raise Rejected("already_exists", "This person is already on the server.")
        values = to_wire(row.values)
        index = match_index(self.tenant, values["family_name"], values["given_name"], values["dob"])
        twins = {str(r) for r in self.conn.execute(
            select(t.person.c.id).where(t.person.c.match_index == index, t.person.c.deleted_at.is_(None))).scalars()}
        twins |= {pid for pid, other in self._new_persons.items() if other == index and pid != row.id}
        self._store(w, "person", row.id, values, site_code=None, created=True)

        def keep() -> None:
            self._new_persons[row.id] = index
            self._index_inserts.setdefault("person", []).append({"id": row.id, "match_index": index})

        w.later(keep)
        if twins:
            other = sorted(twins)[0]
            self._review(w, kind="possible_duplicate_person", entity="person", entity_id=row.id,
                         details={"other_person_id": other, "station_id": self.station_id},
                         identity=(row.id, other))

    @_rule("person", "update")
    def _person_update(self, w: _Work, row: mx.Row) -> None:
        found = self._need("person", row.id)
        record = dict(found.values)
        new = to_wire(row.values)
        before = to_wire(row.before)
        if record.get("deleted_at") and "deleted_at" not in new:
            raise Rejected("deleted", "This person was deleted; the change was not applied.")
        conflicts: dict[str, Any] = {}
        for name, value in new.items():
            current = record.get(name)
            if name not in before or before[name] == current or value == current or name == "updated_at":
                record[name] = value
            else:
                conflicts[name] = {"server": current, "station": value, "base": before[name]}
        self._store(w, "person", row.id, record, site_code=None, created=False)
        if {"family_name", "given_name", "dob"} & set(new):
            index = match_index(self.tenant, record["family_name"], record["given_name"], record["dob"])
            w.later(lambda: self.conn.execute(update(t.person).where(t.person.c.id == row.id)
                                              .values(match_index=index)))
        if record.get("deleted_at"):
            w.later(lambda: self.conn.execute(update(t.person).where(t.person.c.id == row.id)
                                              .values(deleted_at=_dt(record["deleted_at"]))))
        if conflicts:
            self._review(w, kind="person_conflict", entity="person", entity_id=row.id,
                         details={"fields": conflicts, "station_id": self.station_id},
                         identity=[row.id, *(f"{name}={json.dumps(c['base'])}>{json.dumps(sorted(map(str, (c['server'], c['station']))))}"
                                             for name, c in sorted(conflicts.items()))])

    def _merge_persons(self, w: _Work) -> None:
        """`person.merged` (a duplicate registration resolved at a desk): every row of `from` moves to
        `into` on the server — also rows the desk never saw — and `from` becomes a tombstone."""
        assert w.parsed is not None
        into, gone = str(w.parsed.extras.get("into")), str(w.parsed.extras.get("from"))
        if not into or not gone or into == gone:
            raise Rejected("invalid_payload", "A merge names two different persons.")
        into = self._alias("person", into)
        target, victim = self._need("person", into), self._need("person", gone)
        del target
        owned = list(self.conn.execute(select(t.record.c.entity, t.record.c.id)
                                       .where(t.record.c.person_id == gone, t.record.c.entity != "person")))
        self.records.prefetch([(str(r.entity), str(r.id)) for r in owned])
        for entity_, row_id in [(str(r.entity), str(r.id)) for r in owned]:
            stored = self.records.get(entity_, row_id)
            if stored is None:
                continue
            self._store(w, entity_, row_id, {**stored.values, "person_id": into}, site_code=stored.site_code,
                        created=False)
        self._store(w, "person", gone, {**victim.values, "deleted_at": self.now.isoformat()}, site_code=None,
                    created=False)

        def repoint() -> None:
            for pending in (*self._index_inserts.get("appointment", ()), *self._index_inserts.get("vaccination", ())):
                if pending.get("person_id") == gone:
                    pending["person_id"] = into
            for table in (t.appointment, t.vaccination):
                self.conn.execute(update(table).where(table.c.person_id == gone).values(person_id=into))
            self.conn.execute(update(t.person).where(t.person.c.id == gone).values(deleted_at=self.now))
            _set_alias(self.conn, "person", gone, into)
            self._aliases[("person", gone)] = into
            self.changes.add(origin=p.SERVER_ORIGIN, kind="person.merged", payload={"from": gone, "into": into})
            self._change_owner.append(w.m.mutation_id if w.m is not None else None)

        w.later(repoint)
        for task in self.conn.execute(select(t.review_task.c.id).where(
                t.review_task.c.kind == "possible_duplicate_person", t.review_task.c.resolved_at.is_(None),
                t.review_task.c.entity_id.in_([into, gone]))).scalars():
            self._resolve_review(w, str(task))

    @_rule("slot", "insert")
    def _slot_insert(self, w: _Work, row: mx.Row) -> None:
        before = w.applied_rows
        self._generic(w, row)
        if w.applied_rows == before or self.records.get("slot", row.id) is None:
            return
        stored = self.records.get("slot", row.id)
        assert stored is not None
        if not stored.new:
            return
        values = row.values

        def keep() -> None:
            slot = {"id": row.id, "site_id": values["site_id"], "site_code": stored.site_code,
                    "starts_at": values["starts_at"], "ends_at": values["ends_at"], "capacity": values["capacity"],
                    "booked": 0, "leased": 0, "product_code": values.get("product_code")}
            self._index_inserts.setdefault("slot", []).append(dict(slot))
            self._slots[row.id] = slot  # bookings later in this batch find it before it is written

        w.later(keep)

    @_rule("appointment", "insert")
    def _appointment_insert(self, w: _Work, row: mx.Row) -> None:
        current = self.records.get("appointment", row.id)
        if current is not None:
            if current.values.get("booking_code") == row.values.get("booking_code"):
                w.applied_rows += 1
                return
            raise Rejected("already_exists", "This appointment is already on the server.")
        self._parents(row)
        slot = self._slot(str(row.values["slot_id"]))
        site = self._site_of(row, None)
        if self.site_code is not None and slot["site_code"] not in (None, self.site_code):
            raise Rejected("other_site", "This slot belongs to another site.")
        lease_id = self._place(w, slot, forced=w.replay)
        values = {**to_wire(row.values), "state": "booked", "booking_state": "confirmed"}
        self._store(w, "appointment", row.id, values, site_code=site, created=True)
        code = row.values.get("booking_code")
        def keep() -> None:
            index = {"id": row.id, "slot_id": row.values["slot_id"], "person_id": row.values["person_id"],
                     "code_index": self.tenant.cipher.index(str(code)) if code else None, "state": "booked",
                     "holding": True, "lease_id": lease_id, "origin": w.origin}
            self._index_inserts.setdefault("appointment", []).append(index)
            self._new_appointments[row.id] = index

        w.later(keep)

    @_rule("appointment", "update")
    def _appointment_update(self, w: _Work, row: mx.Row) -> None:
        found, site, values, current_state = self._state_update(row)
        target = values.get("state")
        if isinstance(target, str) and target != current_state:
            if not _allowed(current_state, target):
                if not w.replay:
                    w.skipped.append((f"appointment:{row.id}", "superseded"))
                return
            holding_now, holding_next = current_state in HOLDING_STATES, target in HOLDING_STATES
            if holding_next and not holding_now:
                slot = self._slot(str(found.values["slot_id"]))
                try:
                    self._place(w, slot, forced=w.replay)
                except Rejected:
                    w.skipped.append((f"appointment:{row.id}", "slot_full"))
                    return
            elif holding_now and not holding_next:
                slot_id = str(found.values["slot_id"])
                self._slot(slot_id)
                w.later(lambda: self._release(slot_id))
            w.later(lambda: self._set_appointment_state(row.id, target[:16], holding=holding_next))
        elif isinstance(target, str):
            values.pop("state")
            values.pop("state_changed_at", None)
            if not values:
                w.applied_rows += 1  # already in that state: nothing to do
                return
        self._store(w, "appointment", row.id, {**found.values, **values}, site_code=site, created=False)

    @_rule("visit", "insert")
    def _visit_insert(self, w: _Work, row: mx.Row) -> None:
        """Both desks' check-ins are kept (each is what a nurse did), but a second visit of a person on the
        same booking, or while another of theirs is still in a queue, puts the person in two queues: a
        review task says so at every desk, so the one not used is ended instead of waiting for ever."""
        before = w.applied_rows
        new = self.records.get("visit", row.id) is None
        self._generic(w, row)
        if not new or w.applied_rows == before:
            return
        person_id, booking = str(row.values["person_id"]), row.values.get("appointment_id")
        for other_id, other in self._visits_of(person_id).items():
            if other_id == row.id:
                continue
            if (booking is not None and other.get("appointment_id") == booking) or other.get("state") in ACTIVE_VISIT:
                self._review(w, kind="visit_checked_in_twice", entity="visit", entity_id=row.id,
                             identity=(row.id, other_id),
                             details={"other_visit_id": other_id, "person_id": person_id,
                                      "appointment_id": booking, "station_id": self.station_id})
                return

    def _visits_of(self, person_id: str) -> dict[str, dict[str, Any]]:
        """The server's visits of a person: those stored, and those of this transaction not written yet."""
        ids = {str(i) for i in self.conn.execute(select(t.record.c.id).where(
            t.record.c.entity == "visit", t.record.c.person_id == person_id)).scalars()}
        self.records.prefetch(("visit", i) for i in ids)
        ids |= {i for (entity, i), stored in self.records.cache.items()
                if entity == "visit" and stored is not None and stored.values.get("person_id") == person_id}
        found = {i: self.records.get("visit", i) for i in sorted(ids)}
        return {i: stored.values for i, stored in found.items() if stored is not None}

    @_rule("visit", "update")
    def _visit_update(self, w: _Work, row: mx.Row) -> None:
        found, site, values, current_state = self._state_update(row)
        target = values.get("state")
        if isinstance(target, str) and target != current_state and not _allowed(current_state, target):
            # A state the server's visit cannot reach from where it is: the other fields still count.
            for name in ("state", "state_changed_at", "called_at", "observation_started_at",
                         "observation_ended_at", "left_reason"):
                values.pop(name, None)
            if not w.replay:
                w.skipped.append((f"visit:{row.id}", "superseded"))
            if not values:
                return
        self._store(w, "visit", row.id, {**found.values, **values}, site_code=site, created=False)

    @_rule("covid_test", "update")
    def _test_update(self, w: _Work, row: mx.Row) -> None:
        """A test's result is written once: a second station's different result for the same test, or a
        result for a test voided meanwhile, is refused (the station gets the server's test back and shows
        it); the one who entered it in error voids the test instead."""
        found = self._need("covid_test", row.id)
        stored, values = found.values, to_wire(row.values)
        if "result" in values and stored.get("voided_at") is not None and values.get("voided_at") is None:
            raise Rejected("test_voided", "This test was voided; its result was not recorded.")
        if "result" in values and stored.get("result") not in (None, values["result"]):
            raise Rejected("test_already_resulted", "This test already has another result on the server.")
        if "sampled_at" in values and stored.get("sampled_at") not in (None, values["sampled_at"]) \
                and values.get("sampled_at") is not None:
            raise Rejected("test_already_sampled", "This test's sample was already taken at another station.")
        self._generic(w, row)

    @_rule("lot", "insert")
    def _lot_insert(self, w: _Work, row: mx.Row) -> None:
        values = to_wire(row.values)
        key = (str(values["product_code"]), lot_key(str(values["lot_number"])))
        known = self._new_lots.get(key)  # loaded for the batch, and kept up to date within it
        if known is None or known == row.id:
            if self.records.get("lot", row.id) is not None:
                w.applied_rows += 1
                return
            self._store(w, "lot", row.id, values, site_code=None, created=True)
            self._new_lots[key] = row.id
            w.later(lambda: self._index_inserts.setdefault("lot_key", []).append(
                {"product_code": key[0], "lot_number": key[1], "lot_id": row.id}))
            return
        # The same lot, received at another desk: one lot, the vials of both receipts.
        into = str(known)
        canonical = self._need("lot", into)
        merged = {**canonical.values,
                  "vials_received": int(canonical.values.get("vials_received") or 0) + int(values["vials_received"])}
        self._store(w, "lot", into, merged, site_code=None, created=False)
        self._aliases[("lot", row.id)] = into

        def alias_lot() -> None:
            _set_alias(self.conn, "lot", row.id, into)
            self.changes.add(origin=p.SERVER_ORIGIN, kind="lot.merged", payload={"from": row.id, "into": into})
            self._change_owner.append(w.m.mutation_id if w.m is not None else None)

        w.later(alias_lot)
        w.created.append(("lot", row.id))  # what waited for the merged-away id can go on now

    @_rule("staff", "insert")
    def _staff_insert(self, w: _Work, row: mx.Row) -> None:
        """A staff account's id comes from the tenant and the login, so the same login set up at two desks
        (each desk's demo, or two admins) is one account: the first to arrive is kept, and the later desk's
        own version is written again as the server's, so that desk takes the kept one on its next pull."""
        current = self.records.get("staff", row.id)
        if current is None:
            self._generic(w, row)
        elif _same(current.values, row.values):
            w.applied_rows += 1
        else:
            self._store(w, "staff", row.id, dict(current.values), site_code=None, created=False)

    @_rule("vaccination", "insert")
    def _vaccination_insert(self, w: _Work, row: mx.Row) -> None:
        current = self.records.get("vaccination", row.id)
        if current is not None:
            if _same(current.values, row.values, ignore=("person_id", "lot_id")):
                w.applied_rows += 1
                return
            raise Rejected("already_exists", "This vaccination is already on the server.")
        self._parents(row)
        values = to_wire(row.values)
        person_id, product = str(values["person_id"]), values.get("product_code")
        day = str(values["given_at"])[:10]
        twin = self._live_dose_like(person_id, product, day, besides=str(values.get("corrects_id") or ""))
        self._store(w, "vaccination", row.id, values, site_code=None, created=True)

        def keep() -> None:
            self._index_dose(row.id, person_id, product, day, voided=False)
            self._index_inserts.setdefault("vaccination", []).append(
                {"id": row.id, "person_id": person_id, "product_code": product, "given_day": day, "voided": False})

        w.later(keep)
        if twin is not None and twin != values.get("corrects_id"):
            self._review(w, kind="suspected_duplicate_dose", entity="vaccination", entity_id=row.id,
                         identity=(row.id, str(twin)),
                         details={"other_vaccination_id": str(twin), "person_id": person_id,
                                  "station_id": self.station_id})
        lot = self.records.get("lot", str(values["lot_id"])) if values.get("lot_id") else None
        blocked = lot.values.get("blocked_at") if lot is not None else None
        if lot is not None and blocked is not None and _dt(values["given_at"]) >= _dt(blocked):
            # Blocked at another desk before the dose was given here, offline: the person must be told.
            self._review(w, kind="dose_from_blocked_lot", entity="vaccination", entity_id=row.id, identity=(row.id,),
                         details={"lot_id": str(values["lot_id"]), "lot_number": lot.values.get("lot_number"),
                                  "block_reason": lot.values.get("block_reason"), "person_id": person_id,
                                  "station_id": self.station_id})

    @_rule("vaccination_void", "insert")
    def _void_insert(self, w: _Work, row: mx.Row) -> None:
        if self.records.get("vaccination_void", row.id) is not None:
            w.applied_rows += 1
            return
        self._parents(row)
        dose_id = str(row.values["vaccination_id"])
        if dose_id not in self._dose_index:
            self._load_doses(set(), {dose_id})
        known = self._dose_index.get(dose_id)
        already = (known is not None and known[3]) or dose_id in self._voided
        self._store(w, "vaccination_void", row.id, to_wire(row.values), site_code=None, created=True)

        def keep() -> None:
            self._voided.add(dose_id)
            self._voids.add(dose_id)
            if known is not None:
                self._index_dose(dose_id, known[0], known[1], known[2], voided=True)

        w.later(keep)
        if already:
            # Voided or corrected at two stations: both are kept, a person decides which is right.
            self._review(w, kind="conflicting_dose_changes", entity="vaccination", entity_id=dose_id,
                         identity=(dose_id,),
                         details={"void_id": row.id, "station_id": self.station_id})

    @_rule("review_task", "update")
    def _review_update(self, w: _Work, row: mx.Row) -> None:
        found = self.records.get("review_task", row.id)
        if found is None:
            w.applied_rows += 1  # a task the server no longer raises (gone with a restore): nothing to resolve
            return
        if found.values.get("resolved_at"):
            w.applied_rows += 1  # resolved at another desk already
            return
        self._store(w, "review_task", row.id, {**found.values, **to_wire(row.values)}, site_code=None, created=False)
        resolved = row.values.get("resolved_at")
        w.later(lambda: self.conn.execute(update(t.review_task).where(t.review_task.c.id == row.id)
                                          .values(resolved_at=resolved)))

    # -- capacity -----------------------------------------------------------------------------

    def _slot(self, slot_id: str) -> dict[str, Any]:
        found = self._slots.get(slot_id)
        if found is None:
            row = self.conn.execute(select(t.slot).where(t.slot.c.id == slot_id)).first()
            if row is None:
                raise Parked(f"slot:{slot_id}")
            found = dict(row._mapping)
            self._slots[slot_id] = found
        return found

    def _place(self, w: _Work, slot: dict[str, Any], *, forced: bool) -> str | None:
        """Decide now where a place comes from (every writer of this tenant waits for this transaction,
        so what was read stays true); take it when the mutation is applied."""
        slot_id = str(slot["id"])
        lease = self.conn.execute(_OWN_LEASE, {"station": self.station_id, "slot": slot_id, "now": self.now}
                                  ).first()
        used = self._lease_used.get(str(lease.id), lease.used) if lease is not None else 0
        if lease is not None and used + self._lease_use.get(lease.id, 0) < lease.places:
            self._lease_use[lease.id] = self._lease_use.get(lease.id, 0) + 1
            lease_id = str(lease.id)

            def take_leased() -> None:
                self._lease_use[lease_id] -= 1
                self._lease_used[lease_id] = self._lease_used.get(lease_id, lease.used) + 1
                slot["booked"] += 1
                slot["leased"] -= 1
                self._dirty_slots.add(slot_id)

            w.later(take_leased)
            return lease_id
        expire_leases(self.conn, slot_id, now=self.now, slot=slot)
        free = slot["capacity"] - slot["booked"] - slot["leased"] - self._taking.get(slot_id, 0)
        if free <= 0 and not forced:
            raise Rejected("slot_full", "The slot was already full; the booking is not confirmed. Rebook the person.")
        self._taking[slot_id] = self._taking.get(slot_id, 0) + 1

        def take_free() -> None:
            self._taking[slot_id] -= 1
            slot["booked"] += 1
            self._dirty_slots.add(slot_id)

        w.later(take_free)
        if free <= 0:
            # Confirmed before the server was restored: the promise is kept, a person checks the day.
            self._review(w, kind="overbooked_after_restore", entity="slot", entity_id=slot_id, identity=(slot_id,),
                         details={"station_id": self.station_id})
        return None

    def _set_appointment_state(self, appointment_id: str, state: str, *, holding: bool) -> None:
        pending = self._new_appointments.get(appointment_id)
        if pending is not None:  # inserted earlier in this batch, not written yet
            pending.update(state=state, holding=holding)
        else:
            self._appointment_states[appointment_id] = {"aid": appointment_id, "state": state, "holding": holding}

    def _release(self, slot_id: str) -> None:
        self._slots[slot_id]["booked"] -= 1
        self._dirty_slots.add(slot_id)

    # -- review tasks -----------------------------------------------------------------------

    def _review(self, w: _Work, *, kind: str, entity: str, entity_id: str, details: dict[str, Any],
                identity: Iterable[str]) -> None:
        """A review task, its id derived from what the conflict is about (`identity`, order-free): when a
        restore makes stations push the same work again, the same conflict is the same task, so a station's
        copy and its resolution still fit, and nothing is counted twice."""
        task_id = str(uuid.uuid5(_REVIEW_NS, "|".join([kind, *sorted(identity)])))
        if self.records.get("review_task", task_id) is not None:
            return
        values = {"kind": kind, "entity": entity, "entity_id": entity_id, "details": details,
                  "created_at": self.now.isoformat(), "resolved_at": None}
        server = _Work(m=None, parsed=None, replay=False, origin=p.SERVER_ORIGIN)
        self._store(server, "review_task", task_id, values, site_code=None, created=True)

        def keep() -> None:
            self.reviews.append({"id": task_id, "kind": kind, "entity": entity, "entity_id": entity_id,
                                 "created_at": self.now,
                                 "data_enc": self.tenant.cipher.seal_json(details, f"review:{task_id}")})
            for fn in server.writes:
                fn()

        w.later(keep)

    def _resolve_review(self, w: _Work, task_id: str) -> None:
        stored = self.records.get("review_task", task_id)
        if stored is None:
            return
        server = _Work(m=None, parsed=None, replay=False, origin=p.SERVER_ORIGIN)
        self._store(server, "review_task", task_id, {**stored.values, "resolved_at": self.now.isoformat()},
                    site_code=None, created=False)

        def keep() -> None:
            self.conn.execute(update(t.review_task).where(t.review_task.c.id == task_id)
                              .values(resolved_at=self.now))
            for fn in server.writes:
                fn()

        w.later(keep)

    # -- writing ----------------------------------------------------------------------------

    def flush(self) -> None:
        self.records.flush()
        tables = {"person": t.person, "appointment": t.appointment, "vaccination": t.vaccination, "slot": t.slot,
                  "lot_key": t.lot_key}
        for name, rows in self._index_inserts.items():
            if rows:
                self.conn.execute(insert(tables[name]), rows)
        self._index_inserts = {}
        self._new_appointments = {}
        if self._appointment_states:
            self.conn.execute(_SET_APPOINTMENT_STATE, list(self._appointment_states.values()))
            self._appointment_states = {}
        if self._voids:
            self.conn.execute(_SET_VOIDED, [{"vid": v} for v in sorted(self._voids)])
            self._voids = set()
        if self._dirty_slots:
            # Absolute figures: every writer of the tenant waits for this transaction.
            self.conn.execute(_SET_SLOT_COUNTS, [{"sid": sid, "booked": self._slots[sid]["booked"],
                                                  "leased": self._slots[sid]["leased"]} for sid in self._dirty_slots])
            self._dirty_slots = set()
        if self._lease_used:
            self.conn.execute(_SET_LEASE_USED, [{"lid": k, "used": v} for k, v in self._lease_used.items()])
            self._lease_used = {}
        if self.reviews:
            self.conn.execute(insert(t.review_task), self.reviews)
        if self.mutation_rows:
            self.conn.execute(insert(t.mutation), self.mutation_rows)
        for u in self.mutation_updates:
            self.conn.execute(update(t.mutation).where(t.mutation.c.mutation_id == u["mid"]).values(
                outcome=u["outcome"], reason_code=u["code"], reason=u["reason"]))
        owners = self._change_owner
        seqs = self.changes.flush()
        for seq, owner in zip(seqs, owners, strict=True):
            if owner is not None:
                self.change_seqs[owner] = max(seq, self.change_seqs.get(owner, 0))
        self._change_owner = []
        if self.change_seqs:
            self.conn.execute(update(t.mutation).where(t.mutation.c.mutation_id == bindparam("mid"))
                              .values(change_seq=bindparam("cs")),
                              [{"mid": k, "cs": v} for k, v in self.change_seqs.items()])


class _Row:
    """A ledger row not yet written (its mutation was parked earlier in the same batch)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def _set_alias(conn: Connection, entity: str, gone: str, into: str) -> None:
    """`gone` now means `into`; aliases stay flat (what meant `gone` means `into` too)."""
    conn.execute(update(t.alias).where(t.alias.c.entity == entity, t.alias.c.into_id == gone).values(into_id=into))
    conn.execute(delete(t.alias).where(t.alias.c.entity == entity, t.alias.c.from_id.in_([gone, into])))
    conn.execute(insert(t.alias).values(entity=entity, from_id=gone, into_id=into))


def _allowed(current: str, target: str) -> bool:
    try:
        return VisitState(target) in TRANSITIONS[VisitState(current)]
    except ValueError:
        return False


def _same(stored: dict[str, Any], values: dict[str, Any], *, ignore: tuple[str, ...] = ()) -> bool:
    wire = to_wire(values)
    return all(_norm(stored.get(k)) == _norm(v) for k, v in wire.items() if k not in ignore)


def _norm(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 19 and value[10:11] == "T":
        try:
            return datetime.fromisoformat(value).timestamp()
        except ValueError:
            return value
    return value


def _dt(value: Any) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


_SET_APPOINTMENT_STATE = update(t.appointment).where(t.appointment.c.id == bindparam("aid")).values(
    state=bindparam("state"), holding=bindparam("holding"))
_SET_VOIDED = update(t.vaccination).where(t.vaccination.c.id == bindparam("vid")).values(voided=True)
_SET_SLOT_COUNTS = update(t.slot).where(t.slot.c.id == bindparam("sid")).values(
    booked=bindparam("booked"), leased=bindparam("leased"))
_SET_LEASE_USED = update(t.lease).where(t.lease.c.id == bindparam("lid")).values(used=bindparam("used"))
_AFTER: dict[str, Any] = {
    "certificate": Reconciler._certificate_register,
    "infection": Reconciler._infection_index,
    "covid_test": Reconciler._test_result_mail,
}


def _result_mail_finished(tenant: Tenant, conn: Connection, mail_id: str, state: str) -> None:
    """The outbox sent (or gave up on) a result mail: its test says so at every station."""
    test_id = test_results.mail_finished(tenant, conn, mail_id, state)
    if test_id is not None:
        try:
            server_update(tenant, conn, entity="covid_test", row_id=test_id, values={"mail_state": state})
        except (Rejected, Parked):
            log.warning("mail state not recorded", extra={"tenant": tenant.name, "state": state})


mail.OUTCOME_HOOKS[test_results.MAIL_KIND] = _result_mail_finished

_OWN_LEASE = select(t.lease.c.id, t.lease.c.places, t.lease.c.used).where(
    t.lease.c.station_id == bindparam("station"), t.lease.c.slot_id == bindparam("slot"),
    t.lease.c.used < t.lease.c.places, t.lease.c.expires_at > bindparam("now")).limit(1)
_EXPIRED_LEASES = select(t.lease.c.id, t.lease.c.places, t.lease.c.used).where(
    t.lease.c.slot_id == bindparam("slot"), t.lease.c.expires_at <= bindparam("now"),
    t.lease.c.used < t.lease.c.places)


def expire_leases(conn: Connection, slot_id: str, *, now: datetime | None = None,
                  slot: dict[str, Any] | None = None) -> None:
    """Give the unused places of expired leases back to the slot."""
    now = now or utcnow()
    for row in conn.execute(_EXPIRED_LEASES, {"slot": slot_id, "now": now}).all():
        conn.execute(update(t.lease).where(t.lease.c.id == row.id).values(places=row.used))
        conn.execute(update(t.slot).where(t.slot.c.id == slot_id)
                     .values(leased=t.slot.c.leased - (row.places - row.used)))
        if slot is not None:
            slot["leased"] -= row.places - row.used


# ---- the server's own writes ------------------------------------------------------------------------


def store_server_rows(tenant: Tenant, conn: Connection, rows: Sequence[tuple[str, str, dict[str, Any]]], *,
                      forced: bool = False) -> None:
    """Rows the server makes itself (an online booking), or rows it made before a restore that a station
    offers back: stored and emitted as the server's own, with the same rules as a station's (a booking
    takes a place, or with `forced` keeps the place it was promised). All or nothing: Rejected, Parked or
    RecordError leave nothing behind."""
    rec = Reconciler(tenant, conn, station_id=p.SERVER_ORIGIN, site_code=None)
    work = _Work(m=None, parsed=None, replay=forced, origin=p.SERVER_ORIGIN)
    rec.records.begin()
    try:
        for entity_name, row_id, values in rows:
            target = ENTITIES[entity_name]
            typed = target.check({k: v for k, v in values.items()
                                  if k != "id" and k not in mx.SERVER_OWNED.get(entity_name, ())}, complete=True)
            row = mx.Row(entity=entity_name, id=row_id, op="insert", values=typed)
            _RULES.get((entity_name, "insert"), Reconciler._generic)(rec, work, row)
    except (Rejected, Parked, RecordError):
        rec.records.rollback()
        raise
    for fn in work.writes:
        fn()
    rec.records.commit()
    rec.flush()


def reoffer(tenant: Tenant, conn: Connection, rows: Sequence[p.OfferedRow]) -> tuple[int, int, int]:
    """Rows the server made itself, offered back by a station after a restore (see ReofferRequest):
    those it lacks are stored as its own again, persons first. Returns (accepted, known, refused)."""
    accepted = known = refused = 0
    offered = {(r.entity, r.id): r for r in rows}
    for (entity, row_id), row in sorted(offered.items(), key=lambda kv: kv[0][0] != "person"):
        exists = conn.execute(select(t.record.c.id).where(t.record.c.entity == entity,
                                                          t.record.c.id == row_id)).first()
        if exists is not None:
            known += 1
            continue
        try:
            store_server_rows(tenant, conn, [(entity, row_id, row.values)], forced=True)
            accepted += 1
        except (Rejected, Parked, RecordError):
            refused += 1
    return accepted, known, refused


def server_update(tenant: Tenant, conn: Connection, *, entity: str, row_id: str, values: dict[str, Any]) -> bool:
    """A change the server makes itself to one of its rows (a citizen cancels online), through the same
    entity rules as a station's (a cancelled booking gives its place back). False when the rules refuse
    it (the state machine does not allow it); raises Parked when the row does not exist."""
    rec = Reconciler(tenant, conn, station_id=p.SERVER_ORIGIN, site_code=None)
    work = _Work(m=None, parsed=None, replay=False, origin=p.SERVER_ORIGIN)
    typed = ENTITIES[entity].check(values, complete=False)
    row = mx.Row(entity=entity, id=row_id, op="update", values=typed)
    rec.records.begin()
    try:
        _RULES.get((entity, "update"), Reconciler._generic)(rec, work, row)
    except (Rejected, Parked):
        rec.records.rollback()
        raise
    if work.skipped or not work.applied_rows:
        rec.records.rollback()
        return False
    for fn in work.writes:
        fn()
    rec.records.commit()
    rec.flush()
    return True


def move_booking(tenant: Tenant, conn: Connection, *, appointment_id: str, slot_id: str) -> None:
    """A citizen moves a booking to another slot of the same site: a place is taken there (free capacity,
    else Rejected("slot_full")) and the old one given back, the server's row and index follow."""
    rec = Reconciler(tenant, conn, station_id=p.SERVER_ORIGIN, site_code=None)
    work = _Work(m=None, parsed=None, replay=False, origin=p.SERVER_ORIGIN)
    found = rec._need("appointment", appointment_id)
    old_slot = str(found.values["slot_id"])
    holding = str(found.values.get("state")) in HOLDING_STATES
    rec.records.begin()
    try:
        rec._place(work, rec._slot(slot_id), forced=False)
    except (Rejected, Parked):
        rec.records.rollback()
        raise
    if holding:
        rec._slot(old_slot)
        work.later(lambda: rec._release(old_slot))
    rec._store(work, "appointment", appointment_id,
               {**found.values, "slot_id": slot_id, "state": "booked", "state_changed_at": utcnow().isoformat()},
               site_code=found.site_code, created=False)
    work.later(lambda: conn.execute(update(t.appointment).where(t.appointment.c.id == appointment_id)
                                    .values(slot_id=slot_id, state="booked", holding=True, lease_id=None)))
    for fn in work.writes:
        fn()
    rec.records.commit()
    rec.flush()





def book_public(tenant: Tenant, conn: Connection, *, person: dict[str, Any], appointment: dict[str, Any]) -> None:
    """An online booking: the person and the appointment as the server's own rows, the place taken from
    free capacity (Rejected("slot_full") when there is none)."""
    store_server_rows(tenant, conn, [("person", person["id"], person), ("appointment", appointment["id"], appointment)])


def grant_lease(tenant: Tenant, conn: Connection, *, station_id: str, slot_id: str, places: int,
                request_id: str | None = None, site_code: str | None = None, days: int = 2) -> dict[str, Any]:
    """Set aside places of a slot for one station. The same request id always gets the same lease."""
    if request_id is not None:
        row = conn.execute(select(t.lease).where(t.lease.c.station_id == station_id,
                                                 t.lease.c.request_id == request_id)).first()
        if row is not None:
            return {"lease_id": row.id, "slot_id": row.slot_id, "places": row.places, "used": row.used,
                    "expires_at": row.expires_at, "request_id": row.request_id}
    expire_leases(conn, slot_id)
    row = conn.execute(select(t.slot.c.capacity, t.slot.c.booked, t.slot.c.leased, t.slot.c.site_code)
                       .where(t.slot.c.id == slot_id)).first()
    if row is None:
        raise Rejected("unknown_slot", "This slot is not on the server.")
    if site_code is not None and row.site_code not in (None, site_code):
        raise Rejected("other_site", "This slot belongs to another site.")
    granted = max(0, min(places, row.capacity - row.booked - row.leased))
    if granted == 0:
        raise Rejected("slot_full", "No free places are left in this slot to lease.")
    lease_id = str(uuid.uuid4())
    expires = utcnow() + timedelta(days=days)
    conn.execute(insert(t.lease).values(id=lease_id, request_id=request_id, station_id=station_id, slot_id=slot_id,
                                        places=granted, used=0, expires_at=expires))
    conn.execute(update(t.slot).where(t.slot.c.id == slot_id).values(leased=t.slot.c.leased + granted))
    return {"lease_id": lease_id, "slot_id": slot_id, "places": granted, "used": 0, "expires_at": expires,
            "request_id": request_id}


def leases_of(conn: Connection, station_id: str) -> list[Any]:
    """The station's leases that have not ended."""
    return list(conn.execute(select(t.lease).where(t.lease.c.station_id == station_id,
                                                   t.lease.c.expires_at > utcnow())).all())


def take_place(tenant: Tenant, conn: Connection, *, slot_id: str, station_id: str | None) -> str | None:
    """One place of a slot for a booking outside any mutation (the public edge): free capacity only."""
    del tenant, station_id
    expire_leases(conn, slot_id)
    taken = conn.execute(update(t.slot).where(
        t.slot.c.id == slot_id, t.slot.c.booked + t.slot.c.leased < t.slot.c.capacity)
        .values(booked=t.slot.c.booked + 1)).rowcount
    if taken != 1:
        if conn.execute(select(t.slot.c.id).where(t.slot.c.id == slot_id)).first() is None:
            raise Rejected("unknown_slot", "This slot is not on the server.")
        raise Rejected("slot_full", "The slot was already full.")
    return None


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
        "parked_mutations": count(select(func.count()).select_from(t.parked)),
        "changes": count(select(func.count()).select_from(t.change)),
        "review_tasks": count(select(func.count()).select_from(t.review_task)),
        "open_review_tasks": count(select(func.count()).select_from(t.review_task)
                                   .where(t.review_task.c.resolved_at.is_(None))),
        "overbooked_slots": count(select(func.count()).select_from(t.slot)
                                  .where(t.slot.c.booked > t.slot.c.capacity)),
    }


__all__ = [
    "ORDER",
    "ChangeLog",
    "Parked",
    "Reconciler",
    "RecordError",
    "Rejected",
    "SequenceGap",
    "book_public",
    "emit",
    "epoch_of",
    "grant_lease",
    "last_station_seq",
    "latest_change",
    "push",
    "store_server_rows",
    "take_place",
    "tenant_stats",
]
