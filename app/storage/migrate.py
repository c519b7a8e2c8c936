"""Alembic migrations, run before any window opens. Alembic itself is loaded only when needed.

A new database does not run the migrations one by one: it replays the snapshot of what they leave at
HEAD (`head.json`: the schema statements in SQLite's own order, and the rows the migrations write), as
Rails loads `schema.rb` rather than replaying years of migrations: 0.02 s instead of 0.4–0.9 s for each
`vaxdesk init` and each station a test makes. A test holds the snapshot equal, statement by statement
and row by row, to what the migrations build; after a new migration, write it again with

    python -m app.storage.migrate --write-snapshot
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from app.errors import SchemaTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SNAPSHOT = MIGRATIONS_DIR / "head.json"
# The newest revision this build knows; a test checks it equals Alembic's head.
HEAD = "0010"
KNOWN = ("0001", "0002", "0003", "0005", "0006", "0007", "0008", "0009", "0010")


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one_or_none()


def _config(conn: Connection) -> object:
    from alembic.config import Config  # Alembic (0.7 s) loads only when a schema must be checked or changed

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = conn
    return cfg


def upgrade(conn: Connection, target: str = "head") -> None:
    from alembic import command  # see _config

    command.upgrade(_config(conn), target)  # type: ignore[arg-type]


def check_or_upgrade(conn: Connection, *, upgrade: bool) -> None:
    rev = current_revision(conn)
    if rev == HEAD:
        return  # the common case: no Alembic import on start-up
    if rev is not None and rev not in KNOWN:
        raise SchemaTooNew(code="schema_too_new")
    if upgrade:
        globals()["upgrade"](conn)


def snapshot(conn: Connection) -> dict[str, Any]:
    """What the migrations left in `conn`: the revision, the schema statements in the order SQLite keeps
    them (a table before its indexes and triggers), and the rows of every table that has any."""
    statements = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").scalars().all()
    tables = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").scalars().all()
    rows = {table: sorted((list(row) for row in conn.exec_driver_sql(f'SELECT * FROM "{table}"')), key=json.dumps) for table in tables}
    return {"revision": current_revision(conn), "statements": list(statements),
            "rows": {table: found for table, found in rows.items() if found}}


def create_at_head(conn: Connection) -> None:
    """Build a new, empty database at HEAD from the snapshot (the caller commits). A snapshot of another
    revision (a migration added without writing it again) is not used: the migrations run instead."""
    recorded = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    if recorded["revision"] != HEAD:
        upgrade(conn)
        return
    for statement in recorded["statements"]:
        conn.exec_driver_sql(statement)
    for table, rows in recorded["rows"].items():
        marks = ", ".join("?" * len(rows[0]))
        conn.exec_driver_sql(f'INSERT INTO "{table}" VALUES ({marks})', [tuple(row) for row in rows])


def _write_snapshot() -> None:
    """Run every migration on an empty database and write what they leave to SNAPSHOT."""
    import tempfile  # only this maintainer's command writes files

    from app.storage.engine import _make_engine  # engine imports this module; only this command needs it
    from app.storage.keyfile import new_data_key  # with the engine, for this command only

    with tempfile.TemporaryDirectory() as folder:
        # A SQLCipher file, as at the desks: SQLite versions write the text of an altered table differently.
        engine = _make_engine(Path(folder) / "head.db", new_data_key())
        with engine.connect() as conn:
            upgrade(conn)
            conn.commit()
            SNAPSHOT.write_text(json.dumps(snapshot(conn), indent=1) + "\n", encoding="utf-8")
        engine.dispose()


if __name__ == "__main__":
    if sys.argv[1:] != ["--write-snapshot"]:
        sys.exit("usage: python -m app.storage.migrate --write-snapshot")
    _write_snapshot()
