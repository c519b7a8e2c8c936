"""Migrations: from an empty database to head, and the models match what the migrations build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

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


def test_0005_keeps_certificates_issued_before_it(tmp_path: Path) -> None:
    """A station on 0002 with a signed certificate and a voucher: after 0005 the signed one counts as
    printed (it was handed over when issued), the voucher stays waiting with a claim code, both are
    vaccination certificates."""
    engine = _make_engine(tmp_path / "old.db", new_data_key())
    try:
        with engine.connect() as conn:
            migrate.upgrade(conn, "0002")
            conn.execute(text("INSERT INTO site (id, tenant, code, name, country, timezone) "
                              "VALUES ('s', 't', 'c', 'Site', 'DE', 'Europe/Berlin')"))
            conn.execute(text("INSERT INTO person (id, family_name, given_name, dob, family_key, given_key, "
                              "phonetic_key, created_at, updated_at) VALUES ('p', 'A', 'B', '1990', 'a', 'b', "
                              "'a', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"))
            conn.execute(text("INSERT INTO product (code, name, mp, ma, vp, doses_per_vial, data) VALUES "
                              "('comirnaty', 'Comirnaty', 'EU/1/20/1528', 'ORG-100030215', '1119349007', 6, '{}')"))
            conn.execute(text("INSERT INTO vaccination (id, person_id, product_code, given_at, dose_number, "
                              "series_doses, external, country, recorded_at) VALUES ('v', 'p', 'comirnaty', "
                              "'2026-01-01 10:00:00', 1, 2, 0, 'DE', '2026-01-01 10:00:00')"))
            for cid, hc1 in (("signed", "'HC1:X'"), ("voucher", "NULL")):
                conn.execute(text("INSERT INTO certificate (id, vaccination_id, uvci, hc1, issued_at) VALUES "
                                  f"('{cid}', 'v', 'URN:UVCI:01:DE:X/{cid.upper()}', {hc1}, '2026-01-01 10:05:00')"))
            conn.commit()
            migrate.check_or_upgrade(conn, upgrade=True)
            conn.commit()
            rows = {r.id: r for r in conn.execute(text(
                "SELECT id, kind, demo, signed_at, printed_at, claim_code, infection_id FROM certificate"))}
        assert (rows["signed"].kind, rows["signed"].demo, rows["signed"].printed_at) == ("v", 0, "2026-01-01 10:05:00")
        assert rows["signed"].signed_at == "2026-01-01 10:05:00"
        assert rows["voucher"].signed_at is None and rows["voucher"].printed_at is None
        assert rows["signed"].claim_code is None and len(rows["voucher"].claim_code) == 9  # to find it when signed
    finally:
        engine.dispose()


def test_search_tables_are_built_from_the_data_of_an_older_schema(store: object, db_path: Path) -> None:
    """A station on 0002 with persons and today's bookings: after the upgrade, search finds them."""
    from datetime import UTC, datetime, timedelta

    from alembic import command

    from app.services.checkin import CheckInDesk
    from app.services.persons import search_columns
    from app.services.unit_of_work import Actor
    from app.storage.engine import Store

    assert isinstance(store, Store)
    now = datetime.now(UTC).replace(microsecond=0)
    with store.engine.connect() as conn:
        command.downgrade(migrate._config(conn), "0002")  # type: ignore[arg-type]
        conn.commit()
        assert migrate.current_revision(conn) == "0002"
        fmt = now.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        conn.execute(text("INSERT INTO slot (id, site_id, starts_at, ends_at, capacity) VALUES "
                          "('s1', :site, :at, :at, 5)"), {"site": store.identity.site_id, "at": fmt})
        for i, (family, given) in enumerate((("Müller", "Anna"), ("Mueller", "Ben"), ("Schmidt", "Jürgen"))):
            keys = search_columns(family, given)
            conn.execute(text(
                "INSERT INTO person (id, family_name, given_name, dob, family_key, given_key, phonetic_key, "
                "created_at, updated_at) VALUES (:id, :f, :g, '1970-01-01', :fk, :gk, :pk, :at, :at)"),
                {"id": f"p{i}", "f": family, "g": given, "fk": keys["family_key"], "gk": keys["given_key"],
                 "pk": keys["phonetic_key"], "at": fmt})
        conn.execute(text("INSERT INTO appointment (id, person_id, slot_id, site_id, booking_code, dose_number, "
                          "state, state_changed_at, booking_state, created_at) VALUES "
                          "('a1', 'p1', 's1', :site, 'OLDCODE01', 1, 'booked', :at, 'confirmed', :at)"),
                     {"site": store.identity.site_id, "at": fmt})
        conn.commit()
        migrate.check_or_upgrade(conn, upgrade=True)
        conn.commit()
        assert migrate.current_revision(conn) == migrate.HEAD
        counts = dict(conn.execute(text("SELECT family_key, persons FROM family_name_key")).all())
        assert counts == {"muller": 2, "schmidt": 1}
    desk = CheckInDesk(store, clock=lambda: now + timedelta(minutes=1))
    result = desk.find(Actor.system(), "Müller")
    assert [m.person_id for m in result.matches] == ["p1", "p0"]  # Ben is booked today
    assert result.matches[0].booking is not None and result.matches[0].booking.appointment_id == "a1"
    # What the list shows of the booking and its person comes from the rows 0010 built from the data.
    listed = result.matches[0]
    assert (listed.family_name, listed.given_name, listed.booking.dose_number) == ("Mueller", "Ben", 1)
    assert listed.booking.booking_code.replace("-", "") == "OLDCODE01"
    assert [m.person_id for m in desk.find(Actor.system(), "Shmidt").matches] == ["p2"]
    # No Jürgen Müller: the given name is ignored, and Ben (booked today) comes first again.
    assert [m.person_id for m in desk.find(Actor.system(), "Mueller Jurgen").matches] == ["p1", "p0"]


def _definition(sql: str) -> tuple[str, ...]:
    """A statement with its table constraints in a fixed order: Alembic's batch mode, which rebuilds a
    table, writes them (and the table's indexes) in an order that changes from run to run. Columns keep theirs (rows are inserted by
    position)."""
    body, closed = (sql[:-2], True) if sql.endswith("\n)") else (sql, False)
    head, *parts = [part.rstrip(", ") for part in body.split("\n\t")]
    columns = [part for part in parts if not part.startswith(("CONSTRAINT", "FOREIGN KEY", "UNIQUE", "CHECK"))]
    return (head, *columns, *sorted(set(parts) - set(columns)), ")" if closed else "")


def _schema_and_rows(conn: object) -> tuple[list[tuple[object, ...]], dict[str, list[list[object]]]]:
    """Every object SQLite holds (automatic indexes included) and every row, in a fixed order."""
    from sqlalchemy.engine import Connection

    assert isinstance(conn, Connection)
    objects = [(kind, name, table, _definition(sql or "")) for kind, name, table, sql in conn.exec_driver_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")]
    return objects, migrate.snapshot(conn)["rows"]


def test_a_new_database_from_the_snapshot_is_the_migrated_one(tmp_path: Path) -> None:
    """`vaxdesk init` replays head.json instead of running each migration: the result must be the same
    database, down to the automatic indexes and the rows the migrations write. When this fails after a
    new migration: python -m app.storage.migrate --write-snapshot."""
    migrated = _make_engine(tmp_path / "migrated.db", new_data_key())
    replayed = _make_engine(tmp_path / "replayed.db", new_data_key())
    try:
        with migrated.connect() as a, replayed.connect() as b:
            migrate.upgrade(a)
            a.commit()
            recorded, made = json.loads(migrate.SNAPSHOT.read_text(encoding="utf-8")), migrate.snapshot(a)
            stale = "head.json is stale: python -m app.storage.migrate --write-snapshot"
            assert recorded["revision"] == made["revision"] and recorded["rows"] == made["rows"], stale
            assert sorted(map(_definition, recorded["statements"])) == sorted(map(_definition, made["statements"])), stale
            migrate.create_at_head(b)
            b.commit()
            assert migrate.current_revision(b) == migrate.HEAD
            assert _schema_and_rows(b) == _schema_and_rows(a)
            assert compare_metadata(MigrationContext.configure(b), Base.metadata) == []
            assert b.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        migrated.dispose()
        replayed.dispose()


def test_a_snapshot_of_another_revision_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration added without writing the snapshot again: new databases still get every migration."""
    stale = tmp_path / "head.json"
    stale.write_text(json.dumps({"revision": "0007", "statements": ["CREATE TABLE wrong (x)"], "rows": {}}))
    monkeypatch.setattr(migrate, "SNAPSHOT", stale)
    engine = _make_engine(tmp_path / "new.db", new_data_key())
    try:
        with engine.connect() as conn:
            migrate.create_at_head(conn)
            conn.commit()
            assert migrate.current_revision(conn) == migrate.HEAD
            assert not inspect(conn).has_table("wrong")
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


# Run as a separate process: opens the store (migrating it) and kills itself with SIGKILL once the
# migration has run a few hundred thousand SQLite instructions, that is inside the rebuild of 0010.
_KILLED_MID_MIGRATION = """
import os, signal, sys
from pathlib import Path
from app.storage import engine, migrate
calls, migrating, real_connect, real_upgrade = [0], [False], engine._raw_connect, migrate.upgrade

def killing(conn):
    if migrating[0]:
        calls[0] += 1
        if calls[0] >= 300:
            os.kill(os.getpid(), signal.SIGKILL)
    return 0

def connect(path, key):
    conn = real_connect(path, key)
    conn.set_progress_handler(lambda: killing(conn), 1000)
    return conn

def upgrade(conn, target="head"):
    migrating[0] = True
    real_upgrade(conn, target)

engine._raw_connect, migrate.upgrade = connect, upgrade
engine.open_store(Path(sys.argv[1]), sys.argv[2])
raise SystemExit("the migration ended before it was killed")
"""


@pytest.mark.slow
def test_a_migration_killed_while_it_rebuilds_the_search_table_loses_nothing(tmp_path: Path) -> None:
    """0010 drops `booking_search` and builds it again: killed with SIGKILL in between, the store is as
    it was (0009, every search row there), and the next open migrates it whole."""
    import os
    import signal
    import subprocess
    import sys

    from alembic import command

    from app.services.checkin import CheckInDesk
    from app.services.unit_of_work import Actor
    from tests.cli_support import _environment
    from tests.conftest import REPO

    db = tmp_path / "demo.db"
    env = _environment(dict(os.environ), PASSPHRASE, {"VAXDESK_LOG_DIR": str(tmp_path)})
    subprocess.run([sys.executable, "-m", "app", "demo", "--db", str(db), "--persons", "6000"], env=env, cwd=REPO,
                   check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, timeout=300)
    with open_store(db, PASSPHRASE) as store, store.engine.connect() as conn:
        command.downgrade(migrate._config(conn), "0009")  # type: ignore[arg-type]
        conn.commit()
        before = conn.exec_driver_sql("SELECT count(*) FROM booking_search").scalar_one()
    assert before == 6000
    killed = subprocess.run([sys.executable, "-c", _KILLED_MID_MIGRATION, str(db), PASSPHRASE], env=env, cwd=REPO,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with open_store(db, PASSPHRASE, migrate=False) as store, store.engine.connect() as conn:
        assert migrate.current_revision(conn) == "0009"  # the migration's transaction was cut, not committed
        assert conn.exec_driver_sql("SELECT count(*) FROM booking_search").scalar_one() == before
    with open_store(db, PASSPHRASE) as store:
        with store.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD
            (rows, same), = conn.exec_driver_sql(
                "SELECT count(*), sum(a.booking_code = b.booking_code AND p.family_name = b.family_name "
                "AND p.given_name = b.given_name AND a.slot_id = b.slot_id AND a.dose_number = b.dose_number) "
                "FROM booking_search b JOIN appointment a ON a.id = b.appointment_id "
                "JOIN person p ON p.id = a.person_id").all()
            family, given = conn.exec_driver_sql("SELECT family_name, given_name FROM person LIMIT 1").one()
        assert rows == same == before
        found = CheckInDesk(store).find(Actor.system(), f"{family} {given}").matches
        assert any(m.family_name == family and m.given_name == given and m.booking is not None for m in found)
