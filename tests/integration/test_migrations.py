"""Migrations: from an empty database to head, and the models match what the migrations build."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.storage import migrate
from app.storage.engine import _make_engine, open_store
from app.storage.keyfile import new_data_key
from app.storage.schema import Base
from tests.conftest import PASSPHRASE


def test_head_constant_matches_alembic() -> None:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == migrate.HEAD
    assert {rev.revision for rev in script.walk_revisions()} == set(migrate.KNOWN)


def test_empty_encrypted_database_migrates_to_head_matching_the_models(tmp_path: Path) -> None:
    engine = _make_engine(tmp_path / "empty.db", new_data_key())
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) is None
            migrate.check_or_upgrade(conn, upgrade=True)
            conn.commit()
            assert migrate.current_revision(conn) == migrate.HEAD
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            assert diff == []
            triggers = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
            assert "vaccination_no_update" in triggers and "audit_log_no_delete" in triggers
    finally:
        engine.dispose()


def test_newer_schema_is_refused_untouched(store: object, db_path: Path) -> None:
    from app.errors import SchemaTooNew
    from app.storage.engine import Store

    assert isinstance(store, Store)
    with store.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    try:
        open_store(db_path, PASSPHRASE)
    except SchemaTooNew as exc:
        assert "newer VaxDesk" in str(exc)
    else:
        raise AssertionError("a database from a newer VaxDesk was opened")
