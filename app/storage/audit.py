"""The append-only, hash-chained audit log: append a row, and check that the chain still holds."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.ids import uuid7
from app.storage.schema import AuditLog

GENESIS = "0" * 64


def _digest(prev_hash: str, row: dict[str, Any]) -> str:
    canonical = json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _content(entry: AuditLog) -> dict[str, Any]:
    return {
        "id": entry.id,
        # In UTC, as stored: a clock in another zone (the day simulation's) must hash the same
        # instant the same way when the row is written and when it is read back.
        "at": entry.at.astimezone(UTC).isoformat(),
        "station_id": entry.station_id,
        "staff_id": entry.staff_id,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "details": entry.details,
    }


def append_audit(
    session: Session,
    *,
    at: datetime,
    station_id: str,
    staff_id: str | None,
    action: str,
    entity: str,
    entity_id: str | None,
    details: dict[str, Any] | None = None,
) -> AuditLog:
    """Must run inside a write transaction (BEGIN IMMEDIATE), so reading the tip is race-free."""
    prev = session.scalars(select(AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)).first() or GENESIS
    entry = AuditLog(
        id=uuid7(),
        at=at,
        station_id=station_id,
        staff_id=staff_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=details,
        prev_hash=prev,
        hash="",
    )
    entry.hash = _digest(prev, _content(entry))
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    first_broken_seq: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(session: Session) -> ChainCheck:
    prev = GENESIS
    count = 0
    for entry in session.scalars(select(AuditLog).order_by(AuditLog.seq)).yield_per(2000):
        count += 1
        if entry.prev_hash != prev:
            return ChainCheck(count, entry.seq, "a row before it was removed or changed")
        if _digest(prev, _content(entry)) != entry.hash:
            return ChainCheck(count, entry.seq, "its content was changed after it was written")
        prev = entry.hash
    return ChainCheck(count, None, None)
