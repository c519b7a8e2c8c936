"""The unit of work every use case runs in: domain rows, one audit row and one outbox mutation,
written together in ONE transaction, or not at all.

The outbox mutation carries the synced rows the use case actually wrote, collected from the session
as it flushes (`sync.mutations`): a payload can never forget a column, and the server and the other
stations replay exactly what happened here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Protocol

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from app.domain.ids import Hlc, uuid7
from app.errors import ValidationError
from app.storage.audit import append_audit
from app.storage.engine import Store
from app.storage.schema import Outbox, Station
from sync import mutations
from sync.records import ENTITIES, ORDER

# Version of the mutation payloads this station writes; the server reads older ones too.
MUTATION_SCHEMA_VERSION = 1

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


# The changes every unit of work committed inside `collecting_changes()` on this thread: what a
# write tells the UI (Anki's OpChanges), gathered here so no caller has to write them down by hand.
_committed: ContextVar[list[Change] | None] = ContextVar("vaxdesk_committed_changes", default=None)


@contextmanager
def collecting_changes() -> Iterator[list[Change]]:
    """`with collecting_changes() as changes:` — afterwards `changes` holds, in order, what each unit
    of work that committed inside the block recorded, plus every synced row it wrote and did not name."""
    changes: list[Change] = []
    token = _committed.set(changes)
    try:
        yield changes
    finally:
        _committed.reset(token)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in staff member, or the station itself (`staff_id=None`)."""

    staff_id: str | None
    role: str
    display_name: str

    @classmethod
    def system(cls) -> Actor:
        return cls(staff_id=None, role="system", display_name="VaxDesk")


@dataclass(frozen=True)
class Change:
    """What a use case changed (or a sync round pulled); the UI refreshes the pages showing it.

    `entity_id` None: rows of the entity without naming them (a pull too large to list row by row).
    `person_id`: whose data the row is (the person row itself, or the person it names: a booking, a visit,
    a dose), so a page showing one person refreshes for that person only."""

    entity: str
    entity_id: str | None
    action: str
    person_id: str | None = None

    def concerns(self, person_id: str) -> bool:
        """Whether a page showing this person (and the rows that name them) must refresh for this change."""
        if self.person_id is not None:
            return self.person_id == person_id
        if self.entity == "person":
            return self.entity_id in (None, person_id)
        # Rows of an entity that belongs to persons, directly or through a parent (an adverse event through
        # its dose) but not named with theirs: any of them may be this person's.
        return _reaches_person(self.entity)


def _reaches_person(entity: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether rows of `entity` belong to a person: they name one, or a parent row does (lots do not)."""
    target = ENTITIES.get(entity)
    if target is None or entity in seen:
        return False
    return any(parent == "person" or _reaches_person(parent, seen | {entity})
               for parent in target.parents.values())


class SyncedRow(Protocol):
    """A new row of a synced table (`sync.records.ENTITIES`), as `UnitOfWork.insert` takes it."""

    __tablename__: str

    @property
    def id(self) -> str: ...


@dataclass
class UnitOfWork:
    """`with UnitOfWork(store, actor) as uow:` … `uow.record(...)`; commits on a clean exit."""

    store: Store
    actor: Actor
    clock: Clock = system_clock
    changes: list[Change] = field(default_factory=list)
    # False for access records only (Store.write): committed without waiting for the disk.
    durable: bool = True
    _session: Session | None = None
    _cm: Any = None
    _now: datetime | None = None
    _capture: _RowCapture | None = None
    _mutations: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its 'with' block")
        return self._session

    @property
    def now(self) -> datetime:
        """One timestamp for the whole use case, so its rows agree with each other."""
        if self._now is None:
            self._now = self.clock()
        return self._now

    def __enter__(self) -> UnitOfWork:
        self._cm = self.store.write(durable=self.durable)
        self._session = self._cm.__enter__()
        self._capture = _RowCapture(self._session)
        self._mutations = []
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        try:
            if exc_type is None:
                try:
                    self._queue_mutations()
                except BaseException as queue_error:
                    self._cm.__exit__(type(queue_error), queue_error, queue_error.__traceback__)
                    raise
            suppressed = bool(self._cm.__exit__(exc_type, exc, tb))
            if exc_type is None:
                self._publish_committed()
            return suppressed
        finally:
            if self._capture is not None:
                self._capture.close()
            self._session = None
            self._capture = None
            if exc_type is not None:
                self.changes.clear()

    def _publish_committed(self) -> None:
        sink = _committed.get()
        if sink is None or self._capture is None:
            return
        written = self._capture.written()
        owners = {key: owner for key, _op, owner in written}
        sink.extend(replace(c, person_id=owners.get((c.entity, c.entity_id or ""),
                                                     c.entity_id if c.entity == "person" else None))
                    for c in self.changes)
        named = {(c.entity, c.entity_id) for c in self.changes}
        for (entity, row_id), op, owner in written:
            if (entity, row_id) not in named:
                sink.append(Change(entity=entity, entity_id=row_id, action=f"{entity}.{op}", person_id=owner))

    def _queue_mutations(self) -> None:
        """The synced rows the use case wrote, as outbox mutations: each row goes to the recorded action
        named for its entity, else the first one whose kind may write it; each kind that got rows is one
        mutation, in the order the actions were recorded. A row no recorded kind may write is a bug:
        nothing is committed."""
        assert self._capture is not None
        self.session.flush()
        rows = self._capture.rows()
        kinds = [mutations.kind(action) for action, _ in self._mutations]
        if any(not k.sync for k in kinds):
            return  # a local-only use case (retention purge): the server keeps its own copy
        share: list[list[mutations.Row]] = [[] for _ in kinds]
        for row in rows:
            # A row goes to the action named for its entity (a certificate's revocation to
            # certificate.revoked), else to the first action whose kind may write it.
            fitting = [i for i, k in enumerate(kinds) if _may_write(k, row)]
            slot = next((i for i in fitting if kinds[i].name.split(".", 1)[0] == row.entity),
                        fitting[0] if fitting else None)
            if slot is None:
                raise RuntimeError(f"{row.op} of {row.entity} written without a mutation kind that allows it "
                                   f"(recorded: {[k.name for k in kinds]})")
            share[slot].append(row)
        for k, (_action, payload), own in zip(kinds, self._mutations, share, strict=True):
            extras = {name: payload[name] for name in k.extras if payload.get(name) is not None}
            # A use case writing many rows (a month of slots) goes out as several bounded mutations.
            for chunk in mutations.chunks(own):
                self._queue(k, chunk, extras)

    def _queue(self, kind: mutations.Kind, rows: list[mutations.Row], extras: dict[str, Any]) -> None:
        try:
            body = mutations.payload_of(rows, extras)
            mutations.parse(kind.name, body)
        except mutations.MutationError as exc:
            raise ValidationError(code="mutation_refused", params={"code": exc.code, "detail": exc.detail},
                                  field=exc.field) from None
        identity = self.store.identity
        station = self.session.scalars(select(Station).where(Station.id == identity.station_id)).one()
        hlc = Hlc.parse(station.hlc).tick(int(time.time() * 1000))
        seq = station.next_seq
        station.next_seq = seq + 1
        station.hlc = str(hlc)
        self.session.add(Outbox(
            mutation_id=uuid7(), station_id=identity.station_id, station_seq=seq,
            schema_version=MUTATION_SCHEMA_VERSION, kind=kind.name, payload=body, hlc=str(hlc),
            created_at=self.now, state="pending"))

    def insert(self, row: SyncedRow, *, action: str, details: dict[str, Any] | None = None) -> None:
        """Add a new synced row, flush it, and `record` the action on it: audited, and queued for sync
        as kind `action` (the entity is the row's table)."""
        self.session.add(row)
        self.session.flush()
        self.record(action=action, entity=row.__tablename__, entity_id=row.id, payload={}, details=details)

    def record(
        self,
        *,
        action: str,
        entity: str,
        entity_id: str | None,
        payload: dict[str, Any] | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Audit the action; with a payload, the use case is also queued for sync as kind `action`.

        The mutation's rows are collected from the session when the unit of work ends; from `payload`
        only the kind's intent fields (a reason, the kind of arrival) are kept. `details` is what the
        audit shows (field names changed, reasons); it stays in the encrypted store and is never logged.
        """
        identity = self.store.identity
        append_audit(
            self.session,
            key=self.store.audit_key,
            at=self.now,
            station_id=identity.station_id,
            staff_id=self.actor.staff_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details,
        )
        if payload is not None:
            self._mutations.append((action, payload))
        self.changes.append(Change(entity=entity, entity_id=entity_id, action=action))


def record_alone(store: Store, actor: Actor, clock: Clock, *, action: str, entity: str, entity_id: str | None,
                 details: dict[str, Any] | None) -> None:
    """What `with UnitOfWork(store, actor, clock, durable=False) as uow: uow.record(...)` does (one audit
    entry in a write transaction that does not wait for the disk, its change published to
    `collecting_changes`), without the unit of work's watch over synced rows, for it writes none: the
    access record of every search at the desk, where that watch was a tenth of the search's time."""
    at = clock()
    with store.write(durable=False) as session:
        append_audit(session, key=store.audit_key, at=at, station_id=store.identity.station_id,
                     staff_id=actor.staff_id, action=action, entity=entity, entity_id=entity_id, details=details)
    sink = _committed.get()
    if sink is not None:
        sink.append(Change(entity=entity, entity_id=entity_id, action=action,
                           person_id=entity_id if entity == "person" else None))


def _owner(key: tuple[str, str], obj: Any) -> str | None:
    """The person whose data a written row is: the person row itself, or the person it names."""
    entity, row_id = key
    owner = row_id if entity == "person" else getattr(obj, "person_id", None)
    return owner if isinstance(owner, str) else None


def _may_write(kind: mutations.Kind, row: mutations.Row) -> bool:
    access = kind.writes.get(row.entity)
    return access is not None and (access.insert if row.op == "insert" else access.update)


class _RowCapture:
    """Watches one session's flushes and remembers, per synced row, whether it was inserted or which
    columns changed (with their values before), so the unit of work can describe what it wrote."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.inserted: dict[tuple[str, str], Any] = {}
        self.updated: dict[tuple[str, str], tuple[Any, dict[str, Any], set[str]]] = {}
        event.listen(session, "after_flush", self._after_flush)

    def close(self) -> None:
        event.remove(self.session, "after_flush", self._after_flush)

    def _after_flush(self, session: Session, _context: Any) -> None:
        for obj in session.new:
            name = getattr(obj, "__tablename__", None)
            if name in ENTITIES:
                self.inserted[(name, obj.id)] = obj
        for obj in session.dirty:
            name = getattr(obj, "__tablename__", None)
            if name not in ENTITIES or (name, obj.id) in self.inserted:
                continue
            columns = ENTITIES[name].columns
            state = inspect(obj)
            _obj, before, fields = self.updated.setdefault((name, obj.id), (obj, {}, set()))
            for attr in state.mapper.column_attrs:
                key = attr.key
                if key not in columns:
                    continue
                history = state.attrs[key].history
                if not history.has_changes():
                    continue
                if key not in fields and history.deleted:
                    before[key] = history.deleted[0]
                fields.add(key)

    def written(self) -> list[tuple[tuple[str, str], str, str | None]]:
        """(entity, id) of every synced row flushed, with "insert" or "update" and the person whose row it is."""
        return ([(key, "insert", _owner(key, obj)) for key, obj in self.inserted.items()]
                + [(key, "update", _owner(key, obj)) for key, (obj, _b, _f) in self.updated.items()
                   if key not in self.inserted])

    def rows(self) -> list[mutations.Row]:
        out: list[mutations.Row] = []
        for (name, row_id), obj in self.inserted.items():
            columns = ENTITIES[name].columns
            out.append(mutations.Row(entity=name, id=row_id, op="insert",
                                     values={c: getattr(obj, c) for c in columns if c != "id"}))
        for (name, row_id), (obj, before, fields) in self.updated.items():
            values = {c: getattr(obj, c) for c in sorted(fields)}
            changed = {c: v for c, v in values.items() if c not in before or before[c] != v}
            if changed:
                out.append(mutations.Row(entity=name, id=row_id, op="update", values=changed,
                                         before={c: before[c] for c in changed if c in before}))
        # Parents before children, inserts before updates: the order the server can apply them in.
        return sorted(out, key=lambda r: (r.op != "insert", ORDER.index(r.entity)))
