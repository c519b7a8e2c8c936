"""The server side of the audit trail: each station's entries, kept append-only, and the heads it
reported. `POST /v1/audit/push` takes a batch of entries that must continue the chain the server holds
(an entry it has is acknowledged again only if it is byte for byte the same: a rewritten or forked log
is refused with 409 `audit_conflict`); `GET /v1/audit/head` is the head it holds, which the station's
`vaxdesk audit verify` compares with. `export_csv` is what `vaxdesk-server audit export` writes for the
data-protection officer.

The server cannot recompute an entry's HMAC (the audit key never leaves the station); it holds the
links, so what it once acknowledged cannot be taken back or replaced by the station.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.domain.spreadsheet import SafeCsvWriter
from sync import audit_protocol as ap
from sync.server import tenants as t
from sync.server.tenants import Tenant, utcnow

GENESIS = "0" * 64


class Refusal(Exception):
    """A push the server will not store; the router turns it into a coded 409."""

    def __init__(self, status: int, code: str, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def _aad(station_id: str, seq: int) -> str:
    return f"audit:{station_id}:{seq}"


def head(conn: Connection, station_id: str) -> ap.AuditHeadWire:
    row = conn.execute(select(t.audit_entry.c.seq, t.audit_entry.c.hash)
                       .where(t.audit_entry.c.station_id == station_id)
                       .order_by(t.audit_entry.c.seq.desc()).limit(1)).first()
    return ap.AuditHeadWire(seq=row.seq, hash=row.hash) if row else ap.AuditHeadWire(seq=0, hash=GENESIS)


def store_entries(tenant: Tenant, station_id: str, request: ap.AuditPushRequest) -> ap.AuditPushResponse:
    """Append the batch after the held head, in one transaction; refuse anything that does not continue it."""
    entries = sorted(request.entries, key=lambda e: e.seq)
    with tenant.write() as conn:
        held = head(conn, station_id)
        known = {r.seq: r.hash for r in conn.execute(
            select(t.audit_entry.c.seq, t.audit_entry.c.hash)
            .where(t.audit_entry.c.station_id == station_id, t.audit_entry.c.seq >= entries[0].seq,
                   t.audit_entry.c.seq <= min(entries[-1].seq, held.seq)))}
        prev = held
        rows, already = [], 0
        for entry in entries:
            if entry.seq <= held.seq:
                if known.get(entry.seq) != entry.hash:
                    raise Refusal(409, "audit_conflict", "This entry differs from the one the server holds: "
                                  "the station's audit log was rewritten or restored from an older backup.",
                                  {"seq": entry.seq, "held_seq": held.seq})
                already += 1
                continue
            if entry.seq != prev.seq + 1 or entry.prev_hash != prev.hash:
                raise Refusal(409, "audit_gap", "The entries do not continue the audit log the server holds.",
                              {"seq": entry.seq, "held_seq": held.seq})
            content = {"id": entry.id, "staff_id": entry.staff_id, "entity": entry.entity,
                       "entity_id": entry.entity_id, "details": entry.details}
            rows.append({"station_id": station_id, "seq": entry.seq, "at": entry.at, "action": entry.action,
                         "sealed": tenant.cipher.seal_json(content, _aad(station_id, entry.seq)),
                         "prev_hash": entry.prev_hash, "hash": entry.hash, "received_at": utcnow()})
            prev = ap.AuditHeadWire(seq=entry.seq, hash=entry.hash)
        if rows:
            conn.execute(insert(t.audit_entry), rows)
        reported = request.station_head
        seen = conn.execute(select(t.audit_head.c.hash).where(
            t.audit_head.c.station_id == station_id, t.audit_head.c.seq == reported.seq)).first()
        if seen is None:
            conn.execute(insert(t.audit_head).values(station_id=station_id, seq=reported.seq, hash=reported.hash,
                                                     reported_at=utcnow()))
        return ap.AuditPushResponse(head=prev, stored=len(rows), already_held=already)


COLUMNS = ("station_id", "seq", "at", "staff_id", "action", "entity", "entity_id", "details", "prev_hash",
           "hash", "received_at")


def rows(tenant: Tenant, *, since: datetime, until: datetime) -> Iterator[dict[str, Any]]:
    """Every station's entries from `since` up to (not including) `until`, by station and sequence."""
    with tenant.read() as conn:
        result = conn.execute(select(t.audit_entry).where(t.audit_entry.c.at >= since, t.audit_entry.c.at < until)
                              .order_by(t.audit_entry.c.station_id, t.audit_entry.c.seq))
        for row in result:
            content = tenant.cipher.open_json(row.sealed, _aad(row.station_id, row.seq))
            yield {"station_id": row.station_id, "seq": row.seq, "at": row.at.isoformat(),
                   "staff_id": content.get("staff_id") or "", "action": row.action, "entity": content.get("entity"),
                   "entity_id": content.get("entity_id") or "",
                   "details": json.dumps(content.get("details"), ensure_ascii=False, sort_keys=True)
                   if content.get("details") is not None else "",
                   "prev_hash": row.prev_hash, "hash": row.hash, "received_at": row.received_at.isoformat()}


def export_csv(tenant: Tenant, *, since: datetime, until: datetime) -> tuple[str, int]:
    out = io.StringIO()
    writer = SafeCsvWriter(out, delimiter=";")
    writer.writerow(COLUMNS)
    count = 0
    for row in rows(tenant, since=since, until=until):
        writer.writerow([row[c] for c in COLUMNS])
        count += 1
    return out.getvalue(), count
