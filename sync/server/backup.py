"""Backup and restore of one tenant database, the same on SQLite and PostgreSQL.

A backup is one consistent read of every table, written as gzipped JSON lines (sealed columns stay
sealed: the file holds no personal data in the clear, only what the tenant's data key — itself wrapped
by the master key — opens). A restore replaces the tenant's rows with the file's and always starts a
new epoch, so stations push again whatever the backup lacks; an operator cannot forget it.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import secrets
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from app.errors import VaxDeskError
from sync.server import tenants as t
from sync.server.tenants import Registry, utcnow

FORMAT = "vaxdesk-tenant-backup/1"


class BackupError(VaxDeskError):
    """The file is not a backup of this tenant, or cannot be read (a reason code: app/reasons.py)."""

    exit_code = 5


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode()}
    if isinstance(value, datetime | date):
        return {"at": value.isoformat()}
    return value


def _decode(value: Any, column: Any) -> Any:
    if isinstance(value, dict) and "b64" in value:
        return base64.b64decode(value["b64"])
    if isinstance(value, dict) and "at" in value:
        parsed = datetime.fromisoformat(value["at"])
        return parsed.date() if getattr(column.type, "python_type", None) is date else parsed
    return value


def _lines(conn: Connection, tenant: str) -> Iterator[str]:
    yield json.dumps({"format": FORMAT, "tenant": tenant, "schema_version": t.SCHEMA_VERSION,
                      "made_at": utcnow().isoformat()})
    for table in t.metadata.sorted_tables:
        for row in conn.execute(select(table)):
            yield json.dumps({"t": table.name, "r": {k: _encode(v) for k, v in row._mapping.items()}})


def backup_tenant(registry: Registry, name: str, out: Path) -> int:
    """Write the backup to `out` (never over an existing file); returns the number of rows."""
    tenant = registry.get(name)
    tmp = out.with_name(out.name + f".part-{secrets.token_hex(4)}")
    rows = 0
    with tenant.engine.connect() as conn:
        if tenant.is_postgres:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin(), gzip.open(tmp, "wt", encoding="utf-8") as fh:
            for line in _lines(conn, name):
                fh.write(line + "\n")
                rows += 1
    try:
        os.link(tmp, out)  # fails if `out` exists: a backup never replaces another file
    finally:
        tmp.unlink()
    return rows - 1


def restore_tenant(registry: Registry, name: str, source: Path) -> str:
    """Replace the tenant's rows with the backup's in one transaction; returns the new epoch."""
    try:
        with gzip.open(source, "rt", encoding="utf-8") as fh:
            header = json.loads(fh.readline())
            if header.get("format") != FORMAT:
                raise BackupError(code="backup_not_a_backup")
            if header.get("tenant") != name:
                raise BackupError(code="server_backup_other_tenant", params={"found": header.get("tenant"), "tenant": name})
            if header.get("schema_version") != t.SCHEMA_VERSION:
                raise BackupError(code="backup_schema_version")
            rows: dict[str, list[dict[str, Any]]] = {}
            for line in fh:
                entry = json.loads(line)
                table = t.metadata.tables[entry["t"]]
                rows.setdefault(table.name, []).append(
                    {k: _decode(v, table.c[k]) for k, v in entry["r"].items()})
    except (OSError, EOFError, ValueError, KeyError) as exc:
        raise BackupError(code="backup_unreadable", params={"error": type(exc).__name__}) from None
    meta_rows = {r["key"]: r for r in rows.get("meta", [])}
    if "data_key" not in meta_rows or "epoch" not in meta_rows:
        raise BackupError(code="backup_incomplete")
    tenant = registry.get(name)
    epoch = secrets.token_hex(8)
    with tenant.write() as conn:
        for table in reversed(t.metadata.sorted_tables):
            conn.execute(delete(table))
        for table in t.metadata.sorted_tables:
            batch = rows.get(table.name)
            if batch:
                for i in range(0, len(batch), 1000):
                    conn.execute(insert(table), batch[i:i + 1000])
        conn.execute(update(t.meta).where(t.meta.c.key == "epoch").values(value=epoch))
        # The counter must not hand out numbers the stations already saw for other changes.
        restored_seq = int(meta_rows.get("change_seq", {}).get("value", "0"))
        conn.execute(update(t.meta).where(t.meta.c.key == "change_seq").values(value=str(restored_seq)))
        conn.info.pop("vaxdesk_change_seq", None)
    tenant.epoch = epoch
    return epoch

