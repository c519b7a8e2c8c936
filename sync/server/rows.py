"""Reading the server's version of a row (what a pull hands out), for modules beside the ledger."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sync.server import tenants as t
from sync.server.tenants import Tenant


def record_values(tenant: Tenant, conn: Connection, entity: str, row_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(t.record.c.data_enc).where(t.record.c.entity == entity, t.record.c.id == row_id)).first()
    return None if row is None else dict(tenant.cipher.open_json(row.data_enc, f"{entity}:{row_id}"))


def person_record(tenant: Tenant, conn: Connection, person_id: str) -> dict[str, Any] | None:
    """The server's version of a person (the citizen's own checks: the date of birth)."""
    return record_values(tenant, conn, "person", person_id)
