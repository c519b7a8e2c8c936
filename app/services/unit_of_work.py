"""The unit of work every use case runs in: domain rows, one audit row and one outbox mutation,
written together in ONE transaction, or not at all."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.ids import Hlc, uuid7
from app.storage.audit import append_audit
from app.storage.engine import Store
from app.storage.schema import Outbox, Station

# Version of the mutation payloads this station writes; the server reads older ones too.
MUTATION_SCHEMA_VERSION = 1

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


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
    """What a use case changed; the UI refreshes the pages showing this entity."""

    entity: str
    entity_id: str | None
    action: str


@dataclass
class UnitOfWork:
    """`with UnitOfWork(store, actor) as uow:` … `uow.record(...)`; commits on a clean exit."""

    store: Store
    actor: Actor
    clock: Clock = system_clock
    changes: list[Change] = field(default_factory=list)
    _session: Session | None = None
    _cm: Any = None
    _now: datetime | None = None

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
        self._cm = self.store.write()
        self._session = self._cm.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        try:
            return bool(self._cm.__exit__(exc_type, exc, tb))
        finally:
            self._session = None
            if exc_type is not None:
                self.changes.clear()

    def record(
        self,
        *,
        action: str,
        entity: str,
        entity_id: str | None,
        payload: dict[str, Any] | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Audit the action; with a payload, also queue it as a sync mutation of kind `action`.

        `details` is what the audit shows (field names changed, reasons); it stays in the encrypted
        store and is never logged.
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
            station = self.session.scalars(select(Station).where(Station.id == identity.station_id)).one()
            hlc = Hlc.parse(station.hlc).tick(int(time.time() * 1000))
            seq = station.next_seq
            station.next_seq = seq + 1
            station.hlc = str(hlc)
            self.session.add(
                Outbox(
                    mutation_id=uuid7(),
                    station_id=identity.station_id,
                    station_seq=seq,
                    schema_version=MUTATION_SCHEMA_VERSION,
                    kind=action,
                    payload=payload,
                    hlc=str(hlc),
                    created_at=self.now,
                    state="pending",
                )
            )
        self.changes.append(Change(entity=entity, entity_id=entity_id, action=action))
