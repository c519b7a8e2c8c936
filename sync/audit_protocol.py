"""The audit log on the wire: a station pushes its chained entries, the tenant API keeps them
append-only and answers with the head it now holds (shared by both ends; limits are the server's)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from sync.protocol import MAX_SEQ, PROTOCOL_VERSION, Wire

MAX_AUDIT_BATCH = 500
HASH = r"^[0-9a-f]{64}$"
ID = r"^[0-9A-Za-z-]{1,64}$"


class AuditEntry(Wire):
    """One entry as the station chained it. The server cannot recompute the hash (the audit key stays
    at the station) but holds the links: each entry names its predecessor's hash."""

    seq: int = Field(ge=1, le=MAX_SEQ)
    id: str = Field(pattern=ID)
    at: datetime
    staff_id: str | None = Field(default=None, pattern=ID)
    action: str = Field(min_length=1, max_length=64, pattern=r"^[a-z_.]+$")
    entity: str = Field(min_length=1, max_length=32, pattern=r"^[a-z_]+$")
    entity_id: str | None = Field(default=None, pattern=ID)
    details: dict[str, Any] | None = None
    prev_hash: str = Field(pattern=HASH)
    hash: str = Field(pattern=HASH)


class AuditHeadWire(Wire):
    seq: int = Field(ge=0, le=MAX_SEQ)
    hash: str = Field(pattern=HASH)


class AuditPushRequest(Wire):
    protocol: int = PROTOCOL_VERSION
    station_id: str = Field(min_length=1, max_length=64)
    entries: list[AuditEntry] = Field(min_length=1, max_length=MAX_AUDIT_BATCH)
    # The head the station's key file holds (it may be ahead of the entries in this batch).
    station_head: AuditHeadWire


class AuditPushResponse(Wire):
    """The head the server holds for this station after the push (what it acknowledges)."""

    head: AuditHeadWire
    stored: int
    already_held: int
