"""The append-only audit log, chained and anchored: append a row, and check that nothing was edited,
removed or rewritten.

Each row's `hash` is an HMAC-SHA256, under the station's audit key, over the row (its sequence number
included) and the previous row's hash. The audit key lives in the key file, not in the database, and so
does the chain's head (`keyfile.AuditAnchor`), sealed with the same key: whoever edits the database
cannot recompute the chain, and whoever removes its last entries (or all of them) leaves a tip that no
longer matches the head. The head is also pushed to the tenant API, which keeps each station's entries
append-only (`sync/server/audit.py`); the last head it acknowledged is the anchor nobody at the station
can move. Rows written before the chain was keyed (`legacy_rows`) keep their plain SHA-256 links; the
first keyed row covers their tip, so they cannot be rewritten unnoticed either.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.ids import uuid7
from app.reasons import Reason
from app.storage import statements
from app.storage.keyfile import AuditAnchor, AuditHead
from app.storage.schema import AuditLog, stored_datetime

GENESIS = "0" * 64
EMPTY = AuditHead(0, GENESIS)
# Where append_audit leaves, for Store.write, what the transaction appended: (tip found, tip left).
APPENDED = "vaxdesk_audit_appended"


def _legacy_digest(prev_hash: str, row: dict[str, Any]) -> str:
    canonical = json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def _keyed_digest(key: bytes, prev_hash: str, seq: int, row: dict[str, Any]) -> str:
    canonical = json.dumps({"seq": seq, **row}, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           default=str)
    return hmac.new(key, (prev_hash + canonical).encode("utf-8"), hashlib.sha256).hexdigest()


def _content(entry: AuditLog) -> dict[str, Any]:
    return _content_of(entry.id, entry.at, entry.station_id, entry.staff_id, entry.action, entry.entity,
                       entry.entity_id, entry.details)


def _content_of(entry_id: str, at: datetime, station_id: str, staff_id: str | None, action: str, entity: str,
                entity_id: str | None, details: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "id": entry_id,
        # In UTC, as stored: a clock in another zone (the day simulation's) must hash the same
        # instant the same way when the row is written and when it is read back.
        "at": at.astimezone(UTC).isoformat(),
        "station_id": station_id,
        "staff_id": staff_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "details": details,
    }


def entry_digest(entry: AuditLog, *, key: bytes, legacy_rows: int) -> str:
    """The hash `entry` must carry (keyed unless it was written before the chain was keyed)."""
    if entry.seq <= legacy_rows:
        return _legacy_digest(entry.prev_hash, _content(entry))
    return _keyed_digest(key, entry.prev_hash, entry.seq, _content(entry))


_TIP = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"


def tip(session: Session) -> AuditHead:
    # SQL text on the driver: every write reads the tip, and SQLAlchemy around it cost more than running it.
    return _tip(statements.driver(session))


def _tip(db: statements.Driver) -> AuditHead:
    found = statements.rows(db, _TIP)
    return AuditHead(found[0][0], found[0][1]) if found else EMPTY


# The row as the ORM would store it (naive UTC text, JSON text — `null` for None), written as SQL text on
# the driver: an access record is written on every read of personal data, and the ORM's flush was half
# its cost, SQLAlchemy's Connection most of the rest.
_INSERT = ("INSERT INTO audit_log (seq, id, at, station_id, staff_id, action, entity, entity_id, details, "
           "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def append_audit(
    session: Session,
    *,
    key: bytes,
    at: datetime,
    station_id: str,
    staff_id: str | None,
    action: str,
    entity: str,
    entity_id: str | None,
    details: dict[str, Any] | None = None,
) -> AuditHead:
    """Must run inside a write transaction (BEGIN IMMEDIATE), so reading the tip is race-free; the
    store anchors the new tip in the key file before the transaction commits. Returns the new tip."""
    if at.tzinfo is None:
        raise ValueError("naive datetime given to the store; use aware UTC datetimes")
    db = statements.driver(session)
    prev = _tip(db)
    seq, entry_id = prev.seq + 1, uuid7()
    digest = _keyed_digest(key, prev.hash, seq, _content_of(entry_id, at, station_id, staff_id, action, entity,
                                                            entity_id, details))
    statements.rows(db, _INSERT, (seq, entry_id, stored_datetime(at), station_id, staff_id, action, entity,
                                  entity_id, json.dumps(details), prev.hash, digest))
    left = AuditHead(seq, digest)
    found, _ = session.info.get(APPENDED, (prev, prev))
    session.info[APPENDED] = (found, left)
    return left


def holds_entry(session: Session, point: AuditHead) -> bool:
    """Whether the chain still has `point` (its entry at that sequence number with that hash)."""
    if point.seq == 0:
        return True
    return session.scalar(select(AuditLog.hash).where(AuditLog.seq == point.seq)) == point.hash


def advance_anchor(anchor: AuditAnchor, *, found: AuditHead, left: AuditHead, seal_holds: bool,
                   extends_anchor: bool, now: datetime) -> AuditAnchor:
    """The anchor after a write that found the tip `found` and leaves `left` (not yet sealed).

    A tip the anchor does not know means entries were removed or replaced while nobody was writing:
    the first such finding is kept for good, so carrying on writing never launders it. A tip beyond
    the anchor whose chain still holds the anchored entry (`extends_anchor`) is a key-file rename a
    power cut undid (anchors are renamed into place without waiting for the folder, see Store): the
    anchor simply catches up.
    """
    trimmed = anchor.trimmed
    if trimmed is None:
        if not seal_holds:
            trimmed = {"kind": "anchor_altered", "found_seq": found.seq, "noticed": now.isoformat()}
        elif found not in _known_tips(anchor) and not extends_anchor:
            expected = anchor.pending or anchor.committed or EMPTY
            trimmed = {"kind": "tip_moved", "expected_seq": expected.seq, "found_seq": found.seq,
                       "noticed": now.isoformat()}
    return AuditAnchor(legacy_rows=anchor.legacy_rows, committed=found, pending=left, server=anchor.server,
                       trimmed=trimmed)


def _known_tips(anchor: AuditAnchor) -> tuple[AuditHead, ...]:
    known = tuple(h for h in (anchor.committed, anchor.pending) if h is not None)
    return known or (EMPTY,)


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of walking the chain. `reason` says what is wrong (a code of `app.reasons`)."""

    rows: int
    first_broken_seq: int | None
    reason: Reason | None = None
    tip: AuditHead = EMPTY

    @property
    def ok(self) -> bool:
        return self.reason is None

    @property
    def problem(self) -> str | None:
        return str(self.reason) if self.reason else None


def _broken(rows: int, seq: int | None, code: str, head: AuditHead = EMPTY, **params: Any) -> ChainCheck:
    return ChainCheck(rows, seq, Reason(code, {"seq": seq, **params}), head)


def verify_chain(session: Session, *, key: bytes, anchor: AuditAnchor, database_id: str,
                 server_head: AuditHead | None = None) -> ChainCheck:
    """Walk the whole chain once, then hold its tip against the anchor and the server's last head."""
    if not anchor.seal_holds(key, database_id):
        return _broken(0, None, "audit_anchor_altered")
    prev = EMPTY
    count = 0
    server = server_head or anchor.server
    server_seen = server is None or server.seq == 0
    expected_point = anchor.pending or anchor.committed or EMPTY
    expected_seen = expected_point.seq == 0
    for entry in session.scalars(select(AuditLog).order_by(AuditLog.seq)).yield_per(2000):
        count += 1
        if entry.prev_hash != prev.hash:
            code = "audit_start_removed" if prev.seq == 0 else "audit_entry_removed"
            return _broken(count, entry.seq, code, prev)
        if entry.seq != prev.seq + 1 and entry.seq > anchor.legacy_rows:
            return _broken(count, entry.seq, "audit_entry_removed", prev)
        if entry_digest(entry, key=key, legacy_rows=anchor.legacy_rows) != entry.hash:
            return _broken(count, entry.seq, "audit_entry_changed", prev)
        prev = AuditHead(entry.seq, entry.hash)
        if prev == expected_point:
            expected_seen = True
        if server is not None and entry.seq == server.seq:
            if entry.hash != server.hash:
                return _broken(count, entry.seq, "audit_server_differs", prev)
            server_seen = True
    expected = anchor.pending or anchor.committed or EMPTY
    if anchor.trimmed is not None:
        seq = anchor.trimmed.get("found_seq")
        return _broken(count, seq if isinstance(seq, int) else None, "audit_removed_earlier", prev,
                       noticed=str(anchor.trimmed.get("noticed", ""))[:19])
    if prev not in _known_tips(anchor) and not (prev.seq > expected.seq and expected_seen):
        code = "audit_tail_removed" if prev.seq < expected.seq else "audit_not_anchored"
        if prev.seq == 0:
            code = "audit_all_removed"
        return _broken(count, prev.seq + 1 if prev.seq < expected.seq else prev.seq, code, prev,
                       anchored=expected.seq)
    if not server_seen and server is not None:
        return _broken(count, prev.seq + 1, "audit_behind_server", prev, server_seq=server.seq)
    return ChainCheck(count, None, None, prev)
