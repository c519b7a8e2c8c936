"""Sending the station's audit log to the tenant API, part of every sync round.

The entries after the last one the server acknowledged go up in batches with the head the key file
holds; the server's answer (the head it now keeps) is stored in the key file, where `vaxdesk audit
verify` holds the local chain against it. A refusal (the log was rewritten, or restored from an older
backup) never stops the sync of doses: it is kept in the station's meta table and reported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from app.storage.audit import EMPTY
from app.storage.engine import Store
from app.storage.keyfile import AuditHead
from app.storage.schema import AuditLog, Meta
from sync import audit_protocol as ap
from sync.errors import ServerRefused
from sync.station.client import SyncClient
from sync.station.meta import K_PUSHED, K_REFUSED

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuditPushReport:
    sent: int
    server_head: AuditHead | None
    refused: str | None = None  # the server's code when it would not take the log


def _meta(store: Store, key: str) -> str | None:
    with store.read() as session:
        row = session.get(Meta, key)
        return None if row is None else row.value


def _set_meta(store: Store, key: str, value: str | None) -> None:
    with store.write() as session:
        row = session.get(Meta, key)
        if value is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Meta(key=key, value=value))
        else:
            row.value = value


def _wire(entry: AuditLog) -> ap.AuditEntry:
    return ap.AuditEntry(seq=entry.seq, id=entry.id, at=entry.at, staff_id=entry.staff_id, action=entry.action,
                         entity=entry.entity, entity_id=entry.entity_id, details=entry.details,
                         prev_hash=entry.prev_hash, hash=entry.hash)


def push_audit(store: Store, client: SyncClient, *, batch: int = ap.MAX_AUDIT_BATCH) -> AuditPushReport:
    """Push every entry the server does not hold yet; returns what was sent and the head it acknowledged."""
    sent = 0
    server_head: AuditHead | None = None
    rewound = False
    while True:
        after = int(_meta(store, K_PUSHED) or 0)
        with store.read() as session:
            entries = session.scalars(select(AuditLog).where(AuditLog.seq > after).order_by(AuditLog.seq)
                                      .limit(batch)).all()
        if not entries:
            break
        anchor = store.audit_anchor()
        head = anchor.pending or anchor.committed or EMPTY
        request = ap.AuditPushRequest(station_id=store.identity.station_id, entries=[_wire(e) for e in entries],
                                      station_head=ap.AuditHeadWire(seq=head.seq, hash=head.hash))
        try:
            answer = client.audit_push(request)
        except ServerRefused as refusal:
            if refusal.code == "audit_gap" and not rewound:
                # The server holds less than we think (it was restored): start again from its head.
                held = client.audit_head()
                _set_meta(store, K_PUSHED, str(held.seq))
                rewound = True
                continue
            if refusal.code in ("audit_conflict", "audit_gap"):
                log.warning("audit log refused by the sync server (%s)", refusal.code)
                _set_meta(store, K_REFUSED, refusal.code)
                return AuditPushReport(sent, server_head, refused=refusal.code)
            raise
        server_head = AuditHead(answer.head.seq, answer.head.hash)
        store.record_server_audit_head(server_head)
        _set_meta(store, K_PUSHED, str(answer.head.seq))
        _set_meta(store, K_REFUSED, None)
        sent += answer.stored
        if len(entries) < batch:
            break
    return AuditPushReport(sent, server_head)


def server_audit_head(client: SyncClient) -> AuditHead:
    """The head the server holds for this station, asked now."""
    held = client.audit_head()
    return AuditHead(held.seq, held.hash)
