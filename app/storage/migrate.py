"""Alembic migrations, run before any window opens. Alembic itself is loaded only when needed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from app.errors import SchemaTooNew

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision this build knows; a test checks it equals Alembic's head.
HEAD = "0008"
KNOWN = ("0001", "0002", "0003", "0005", "0006", "0007", "0008")


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
