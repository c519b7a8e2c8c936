"""Reading the audit log (filters for the viewer) and recording that staff looked at a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select

from app.services.permissions import use_case
from app.services.unit_of_work import Actor, Clock, UnitOfWork, record_alone, system_clock
from app.storage.audit import ChainCheck, verify_chain
from app.storage.engine import Store
from app.storage.keyfile import AuditHead
from app.storage.schema import AuditLog, Staff

MAX_ROWS = 2000


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    staff: str | None  # display name
    action: str
    entity: str
    entity_id: str | None
    details: dict[str, Any] | None


@use_case
def query_audit(
    store: Store,
    actor: Actor,
    *,
    entity_id: str | None = None,
    staff_id: str | None = None,
    action_prefix: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 500,
) -> list[AuditRow]:
    """Newest first. `entity_id` finds everything about one person, visit, dose…"""
    filters: list[ColumnElement[bool]] = []
    if entity_id:
        filters.append(AuditLog.entity_id == entity_id)
    if staff_id:
        filters.append(AuditLog.staff_id == staff_id)
    if action_prefix:
        filters.append(AuditLog.action.startswith(action_prefix, autoescape=True))
    if since:
        filters.append(AuditLog.at >= since)
    if until:
        filters.append(AuditLog.at < until)
    with store.read() as session:
        rows = session.execute(
            select(AuditLog, Staff.display_name).outerjoin(Staff, Staff.id == AuditLog.staff_id)
            .where(*filters).order_by(AuditLog.seq.desc()).limit(min(limit, MAX_ROWS))
        ).all()
    return [AuditRow(a.seq, a.at, name, a.action, a.entity, a.entity_id, a.details) for a, name in rows]


@use_case
def record_person_view(store: Store, actor: Actor, person_id: str, *, purpose: str,
                       clock: Clock = system_clock) -> None:
    """Every opening of a person's record by staff is audited (who, when, why); not synced as data."""
    with UnitOfWork(store, actor, clock) as uow:
        uow.record(action="person.viewed", entity="person", entity_id=person_id, details={"purpose": purpose[:64]})


@use_case
def record_access(store: Store, actor: Actor, *, action: str, entity: str, entity_id: str | None,
                  persons: list[str] | None = None, details: dict[str, Any] | None = None,
                  clock: Clock = system_clock) -> None:
    """A read of personal data on record (GDPR Art. 30/32): who, when, which person(s), never what was
    typed. `persons`: the persons whose data was shown, when the entity is not the person itself."""
    recorded = dict(details or {})
    if persons is not None:
        recorded["persons"] = persons[:50]
    # Not durable: a read must not wait for the disk twice; the store anchors these records soon after
    # (Store.write, ACCESS_ANCHOR_RECORDS), and a crash of the program loses none.
    record_alone(store, actor, clock, action=action, entity=entity, entity_id=entity_id, details=recorded or None)


@use_case
def verify_audit(store: Store, actor: Actor, *, server_head: AuditHead | None = None) -> ChainCheck:
    """Walk the whole chain once and hold its tip against the key file's anchor and the last head the
    tenant API acknowledged (`server_head` when just asked, else the one the key file kept)."""
    with store.read() as session:
        return verify_chain(session, key=store.audit_key, anchor=store.audit_anchor(),
                            database_id=store.identity.database_id, server_head=server_head)
