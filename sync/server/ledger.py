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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from sync import protocol as p
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
    return str(conn.execute(select(t.meta.c.value).where(t.meta.c.key == "epoch")).scalar_one())


def emit(tenant: Tenant, conn: Connection, *, origin: str, kind: str, payload: dict[str, Any],
         mutation_id: str | None = None, hlc: str | None = None, at: datetime | None = None) -> int:
    seq = tenant.next_change_seq(conn)
    conn.execute(insert(t.change).values(
        seq=seq, origin=origin, mutation_id=mutation_id, kind=kind, hlc=hlc, at=at or utcnow(),
        data_enc=tenant.cipher.seal_json(payload, f"change:{seq}"),
    ))
    return seq


def last_station_seq(conn: Connection, station_id: str) -> int:
    value = conn.execute(
        select(t.station_progress.c.last_seq).where(t.station_progress.c.station_id == station_id)
    ).scalar_one_or_none()
    return int(value or 0)


def push(tenant: Tenant, conn: Connection, station_id: str, mutations: Sequence[p.Mutation]) -> list[p.MutationResult]:
    """Inside the caller's write transaction. Raises SequenceGap when the first new mutation is not next."""
    last = last_station_seq(conn, station_id)
    known_progress = last
    results: list[p.MutationResult] = []
    for m in sorted(mutations, key=lambda m: m.station_seq):
        if m.station_seq <= last:
            results.append(_repeat(conn, station_id, m))
            continue
        if m.station_seq != last + 1:
            if not results:
                raise SequenceGap(last + 1, m.station_seq)
            break  # the rest is answered on the next push
        other = conn.execute(
            select(t.mutation.c.station_seq).where(t.mutation.c.mutation_id == m.mutation_id)
        ).first()
        outcome: p.Outcome
        code: str | None
        reason: str | None
        if other is not None:
            outcome, code, reason = "rejected", "mutation_id_reused", "This mutation id was already used."
        else:
            outcome, code, reason = _apply_one(tenant, conn, station_id, m)
        if other is None:
            conn.execute(insert(t.mutation).values(
                mutation_id=m.mutation_id, station_id=station_id, station_seq=m.station_seq, kind=m.kind,
                schema_version=m.schema_version, hlc=m.hlc,
                payload_enc=tenant.cipher.seal_json(m.payload, f"mutation:{m.mutation_id}"),
                received_at=utcnow(), outcome=outcome, reason_code=code, reason=reason,
            ))
        last = m.station_seq
        results.append(p.MutationResult(
            mutation_id=m.mutation_id, station_seq=m.station_seq,
            result=outcome, outcome=outcome, reason_code=code, reason=reason,
        ))
    if last != known_progress:
        if known_progress == 0 and conn.execute(
            select(t.station_progress.c.station_id).where(t.station_progress.c.station_id == station_id)
        ).first() is None:
            conn.execute(insert(t.station_progress).values(station_id=station_id, last_seq=last))
        else:
            conn.execute(update(t.station_progress).where(t.station_progress.c.station_id == station_id)
                         .values(last_seq=last))
    return results


def _repeat(conn: Connection, station_id: str, m: p.Mutation) -> p.MutationResult:
    row = conn.execute(
        select(t.mutation.c.mutation_id, t.mutation.c.outcome, t.mutation.c.reason_code, t.mutation.c.reason)
        .where(t.mutation.c.station_id == station_id, t.mutation.c.station_seq == m.station_seq)
    ).first()
    if row is None or row.mutation_id != m.mutation_id:
        # The station's sequence was reused for something else (a station restored from an old backup).
        return p.MutationResult(mutation_id=m.mutation_id, station_seq=m.station_seq, result="rejected",
                                outcome="rejected", reason_code="sequence_reused",
                                reason="The server already has a different mutation with this number.")
    outcome: p.Outcome = "applied" if row.outcome == "applied" else "rejected"
    return p.MutationResult(mutation_id=m.mutation_id, station_seq=m.station_seq, result="duplicate",
                            outcome=outcome, reason_code=row.reason_code, reason=row.reason)


@dataclass
class _Ctx:
    tenant: Tenant
    conn: Connection
    station_id: str
    m: p.Mutation

    def emit(self, kind: str | None = None, payload: dict[str, Any] | None = None, *, server: bool = False) -> None:
        emit(self.tenant, self.conn, origin=p.SERVER_ORIGIN if server else self.station_id,
             kind=kind or self.m.kind, payload=self.m.payload if payload is None else payload,
             mutation_id=None if server else self.m.mutation_id, hlc=None if server else self.m.hlc)


def _apply_one(
    tenant: Tenant, conn: Connection, station_id: str, m: p.Mutation
) -> tuple[p.Outcome, str | None, str | None]:
    ctx = _Ctx(tenant, conn, station_id, m)
    entity = m.kind.split(".", 1)[0]
    handler = _HANDLERS.get(m.kind) or _ENTITY_HANDLERS.get(entity) or _feed_only
    savepoint = conn.begin_nested()
    try:
        handler(ctx)
    except Rejected as exc:
        savepoint.rollback()
        return "rejected", exc.code, exc.message
    except (KeyError, TypeError, ValueError) as exc:
        savepoint.rollback()
        log.warning("mutation payload refused", extra={"kind": m.kind, "error": type(exc).__name__})
        return "rejected", "invalid_payload", f"The {m.kind} record is incomplete or malformed."
    savepoint.commit()
    return "applied", None, None


def _feed_only(ctx: _Ctx) -> None:
    ctx.emit()


def _need_id(payload: dict[str, Any], key: str = "id") -> str:
    value = payload[key]
    if not isinstance(value, str) or not 1 <= len(value) <= 64:
        raise ValueError(key)
    return value


# ---- persons --------------------------------------------------------------------------------


def _person_record(ctx: _Ctx, person_id: str) -> tuple[dict[str, Any], datetime | None] | None:
    row = ctx.conn.execute(select(t.person.c.data_enc, t.person.c.deleted_at).where(t.person.c.id == person_id)).first()
    if row is None:
        return None
    return ctx.tenant.cipher.open_json(row.data_enc, f"person:{person_id}"), row.deleted_at


def _store_person(ctx: _Ctx, person_id: str, record: dict[str, Any], *, new: bool) -> None:
    blob = ctx.tenant.cipher.seal_json(record, f"person:{person_id}")
    if new:
        ctx.conn.execute(insert(t.person).values(id=person_id, data_enc=blob))
    else:
        ctx.conn.execute(update(t.person).where(t.person.c.id == person_id).values(data_enc=blob))


def person_created(ctx: _Ctx) -> None:
    pl = ctx.m.payload
    person_id = _need_id(pl)
    for key in ("family_name", "given_name", "dob"):
        if not isinstance(pl[key], str) or not pl[key]:
            raise ValueError(key)
    if _person_record(ctx, person_id) is not None:
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
    ctx.conn.execute(insert(t.review_task).values(
        id=task_id, kind=kind, entity=entity, entity_id=entity_id, created_at=utcnow(),
        data_enc=ctx.tenant.cipher.seal_json(details, f"review:{task_id}"),
    ))
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
        fresh = [r for r in rows if r["id"] not in known]
        if fresh:
            ctx.conn.execute(insert(t.slot), fresh)
    ctx.emit()


def take_place(tenant: Tenant, conn: Connection, *, slot_id: str, station_id: str | None) -> str | None:
    """Take one place in a slot: from this station's lease if it holds one, else from free capacity.
    Returns the lease used. The conditional UPDATEs are the capacity check: no read-then-write race."""
    now = utcnow()
    if station_id is not None:
        lease_id = conn.execute(
            select(t.lease.c.id).where(
                t.lease.c.station_id == station_id, t.lease.c.slot_id == slot_id,
                t.lease.c.used < t.lease.c.places, t.lease.c.expires_at > now,
            ).limit(1)
        ).scalar_one_or_none()
        if lease_id is not None:
            conn.execute(update(t.lease).where(t.lease.c.id == lease_id).values(used=t.lease.c.used + 1))
            conn.execute(update(t.slot).where(t.slot.c.id == slot_id)
                         .values(booked=t.slot.c.booked + 1, leased=t.slot.c.leased - 1))
            return str(lease_id)
    expire_leases(conn, slot_id)
    taken = conn.execute(
        update(t.slot).where(t.slot.c.id == slot_id, t.slot.c.booked + t.slot.c.leased < t.slot.c.capacity)
        .values(booked=t.slot.c.booked + 1)
    ).rowcount
    if taken != 1:
        exists = conn.execute(select(t.slot.c.id).where(t.slot.c.id == slot_id)).first()
        if exists is None:
            raise Rejected("unknown_slot", "This slot is not on the server.")
        raise Rejected("slot_full", "The slot was already full; the booking is not confirmed. Rebook the person.")
    return None


def expire_leases(conn: Connection, slot_id: str) -> None:
    """Give the unused places of expired leases back to the slot."""
    now = utcnow()
    expired = conn.execute(
        select(t.lease.c.id, t.lease.c.places, t.lease.c.used)
        .where(t.lease.c.slot_id == slot_id, t.lease.c.expires_at <= now, t.lease.c.used < t.lease.c.places)
    ).all()
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
    if ctx.conn.execute(select(t.appointment.c.id).where(t.appointment.c.id == appointment_id)).first():
        raise Rejected("already_exists", "This appointment is already on the server.")
    lease_id = take_place(ctx.tenant, ctx.conn, slot_id=slot_id, station_id=ctx.station_id)
    ctx.conn.execute(insert(t.appointment).values(
        id=appointment_id, slot_id=slot_id, person_id=person_id,
        code_index=ctx.tenant.cipher.index(code) if isinstance(code, str) else None,
        state="booked", holding=True, lease_id=lease_id, origin=ctx.station_id,
    ))
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


def _record_vaccination(ctx: _Ctx, v: dict[str, Any]) -> str | None:
    """Store one dose; returns the id of an earlier live dose it looks like (same person, product, day)."""
    vaccination_id = _need_id(v)
    person_id = _need_id(v, "person_id")
    if ctx.conn.execute(select(t.vaccination.c.id).where(t.vaccination.c.id == vaccination_id)).first():
        raise Rejected("already_exists", "This vaccination is already on the server.")
    given = v.get("given_at")
    given_day = str(given)[:10] if given else None
    product = v.get("product_code")
    ctx.conn.execute(insert(t.vaccination).values(
        id=vaccination_id, person_id=person_id, product_code=product, given_day=given_day, voided=False,
        data_enc=ctx.tenant.cipher.seal_json(v, f"vaccination:{vaccination_id}"),
    ))
    twin = ctx.conn.execute(
        select(t.vaccination.c.id).where(
            t.vaccination.c.person_id == person_id, t.vaccination.c.id != vaccination_id,
            t.vaccination.c.product_code == product, t.vaccination.c.given_day == given_day,
            t.vaccination.c.voided.is_(False),
        ).limit(1)
    ).scalar_one_or_none()
    return None if twin is None else str(twin)


def vaccination_event(ctx: _Ctx) -> None:
    """`{"void": {...}}`, `{"vaccination": {...}}` or both (a correction). Never drops a dose: a dose that
    looks like one already recorded is stored and flagged for review."""
    pl = ctx.m.payload
    void = pl.get("void")
    if isinstance(void, dict):
        vaccination_id = _need_id(void, "vaccination_id")
        ctx.conn.execute(update(t.vaccination).where(t.vaccination.c.id == vaccination_id).values(voided=True))
    twin = None
    record = pl.get("vaccination")
    if isinstance(record, dict):
        twin = _record_vaccination(ctx, record)
    elif "person_id" in pl and "id" in pl and not isinstance(void, dict):
        record = pl
        twin = _record_vaccination(ctx, pl)
    ctx.emit()
    if twin is not None and isinstance(record, dict):
        _review(ctx, kind="suspected_duplicate_dose", entity="vaccination", entity_id=str(record["id"]),
                details={"other_vaccination_id": twin, "person_id": record["person_id"],
                         "station_id": ctx.station_id})


_HANDLERS = {
    "person.created": person_created,
    "person.updated": person_updated,
    "person.deleted": person_deleted,
    "slots.opened": slots_opened,
    "appointment.booked": appointment_booked,
}
_ENTITY_HANDLERS = {
    "appointment": appointment_changed,
    "vaccination": vaccination_event,
}


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
