"""The anchored audit chain: every way of trimming or rewriting the log of a real SQLCipher station is
found — an edit, entries removed at the start, in the middle, at the end, all of them, a rewrite with a
recomputed plain hash chain, a forged head in the key file — and stays found after the station writes on."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.services.audit import verify_audit
from app.services.demo import seed_center
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage import keyfile as kf
from app.storage.audit import GENESIS, _content, _legacy_digest
from app.storage.engine import Store, open_store
from app.storage.schema import AuditLog
from tests.cli_support import vaxdesk
from tests.conftest import PASSPHRASE

SYSTEM = Actor.system()


@pytest.fixture
def station(store: Store) -> Iterator[Store]:
    seed_center(store, persons=4, seed=3)
    yield store


def _entries(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditLog)) or 0)


def _tamper(store: Store, *statements: str) -> None:
    """What someone with the database key and a SQLite shell would do: drop the guards and edit."""
    with store.write() as session:
        session.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        session.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        for statement in statements:
            session.execute(text(statement))


def _code(store: Store) -> str | None:
    check = verify_audit(store, SYSTEM)
    return check.reason.code if check.reason else None


def test_an_untouched_log_verifies_and_every_write_moves_the_anchor(station: Store) -> None:
    check = verify_audit(station, SYSTEM)
    # A seeded center's log (staff, lots, slots, one entry for the bulk import of its persons).
    assert check.ok and check.rows == _entries(station) and check.rows >= 10
    anchor = station.audit_anchor()
    assert anchor.pending == check.tip and anchor.legacy_rows == 0
    with UnitOfWork(station, SYSTEM) as uow:
        uow.record(action="station.checked", entity="station", entity_id=None)
    assert station.audit_anchor().pending is not None
    assert station.audit_anchor().pending.seq == check.tip.seq + 1  # type: ignore[union-attr]
    assert verify_audit(station, SYSTEM).ok


def test_an_edited_entry_is_found(station: Store) -> None:
    _tamper(station, "UPDATE audit_log SET entity_id = 'someone-else' WHERE seq = 7")
    check = verify_audit(station, SYSTEM)
    assert (check.reason.code if check.reason else None, check.first_broken_seq) == ("audit_entry_changed", 7)


def test_entries_removed_at_the_start_are_found(station: Store) -> None:
    _tamper(station, "DELETE FROM audit_log WHERE seq <= 3")
    check = verify_audit(station, SYSTEM)
    assert (check.reason.code if check.reason else None, check.first_broken_seq) == ("audit_start_removed", 4)


def test_an_entry_removed_in_the_middle_is_found(station: Store) -> None:
    _tamper(station, "DELETE FROM audit_log WHERE seq = 12")
    check = verify_audit(station, SYSTEM)
    assert (check.reason.code if check.reason else None, check.first_broken_seq) == ("audit_entry_removed", 13)


def test_the_last_ten_entries_removed_are_found_by_the_command(station: Store, db_path: Path) -> None:
    total = _entries(station)
    _tamper(station, f"DELETE FROM audit_log WHERE seq > {total - 10}")
    station.close()
    result = vaxdesk("audit", "verify", "--db", str(db_path))
    assert result.returncode == 18, result.stderr
    assert f"entries from {total - 9} on are missing" in result.stderr
    assert f"anchored at entry {total}" in result.stderr and "Traceback" not in result.stderr


def test_all_entries_removed_are_found(station: Store) -> None:
    _tamper(station, "DELETE FROM audit_log")
    assert _code(station) == "audit_all_removed"


def test_a_rewrite_with_a_recomputed_plain_chain_is_found(station: Store) -> None:
    """The old, unkeyed chain could be recomputed by anyone after an edit; the keyed one cannot."""
    with station.read() as session:
        rows = session.execute(select(AuditLog).order_by(AuditLog.seq)).scalars().all()
    prev = GENESIS
    statements = []
    for row in rows:
        content = {"id": row.id, "at": row.at.isoformat(), "station_id": row.station_id, "staff_id": row.staff_id,
                   "action": "person.viewed" if row.seq == 5 else row.action, "entity": row.entity,
                   "entity_id": row.entity_id, "details": row.details}
        digest = hashlib.sha256((prev + json.dumps(content, sort_keys=True, separators=(",", ":"))).encode())
        statements.append(f"UPDATE audit_log SET action = '{content['action']}', prev_hash = '{prev}', "
                          f"hash = '{digest.hexdigest()}' WHERE seq = {row.seq}")
        prev = digest.hexdigest()
    _tamper(station, *statements)
    check = verify_audit(station, SYSTEM)
    assert (check.reason.code if check.reason else None, check.first_broken_seq) == ("audit_entry_changed", 1)


def test_moving_the_head_in_the_key_file_by_hand_is_found(station: Store) -> None:
    """Trim the tail and set the key file's head to the new tip: the head's seal no longer holds."""
    total = _entries(station)
    _tamper(station, f"DELETE FROM audit_log WHERE seq > {total - 3}")
    with station.read() as session:
        tip = session.execute(select(AuditLog.seq, AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)).one()
    doc = json.loads(station.key_path.read_text())
    doc["audit"]["pending"] = doc["audit"]["committed"] = {"seq": tip[0], "hash": tip[1]}
    station.key_path.write_text(json.dumps(doc))
    assert _code(station) == "audit_anchor_altered"


def test_a_trim_stays_reported_after_the_station_writes_on(station: Store, db_path: Path) -> None:
    total = _entries(station)
    _tamper(station, f"DELETE FROM audit_log WHERE seq > {total - 5}")
    station.close()
    with open_store(db_path, PASSPHRASE) as reopened:
        for _ in range(3):
            with UnitOfWork(reopened, SYSTEM) as uow:
                uow.record(action="station.checked", entity="station", entity_id=None)
        check = verify_audit(reopened, SYSTEM)
    assert check.reason is not None and check.reason.code == "audit_removed_earlier"
    assert check.first_broken_seq == total - 5


def test_a_power_cut_that_undoes_the_last_anchor_rename_is_not_a_trim(station: Store) -> None:
    """Anchors are renamed into place without waiting for the folder: a power cut may bring back the
    key file of one write earlier. That is told apart from a trim, and the next write catches up."""
    earlier = station.key_path.read_bytes()
    with UnitOfWork(station, SYSTEM) as uow:
        uow.record(action="station.checked", entity="station", entity_id=None)
    station.key_path.write_bytes(earlier)  # what the disk may hold after the power cut
    assert verify_audit(station, SYSTEM).ok
    with UnitOfWork(station, SYSTEM) as uow:
        uow.record(action="station.checked", entity="station", entity_id=None)
    assert verify_audit(station, SYSTEM).ok and station.audit_anchor().trimmed is None
    assert station.audit_anchor().pending == verify_audit(station, SYSTEM).tip


def test_a_failed_write_leaves_a_log_that_verifies(station: Store) -> None:
    """The head is anchored before COMMIT; a use case that fails after that must not look like a trim."""
    before = _entries(station)
    with pytest.raises(RuntimeError), UnitOfWork(station, SYSTEM) as uow:
        uow.record(action="station.checked", entity="station", entity_id=None)
        uow.session.flush()
        raise RuntimeError("the use case failed after writing its audit row")
    assert _entries(station) == before and verify_audit(station, SYSTEM).ok


def _rewrite_as_plain_chain(store: Store, *, change_seq: int | None = None) -> None:
    """Give every entry the plain SHA-256 links VaxDesk wrote before chains were keyed."""
    with store.read() as session:
        rows = session.execute(select(AuditLog).order_by(AuditLog.seq)).scalars().all()
    prev, statements = GENESIS, []
    for row in rows:
        if row.seq == change_seq:
            row.action = "person.viewed"
        digest = _legacy_digest(prev, _content(row))
        statements.append(f"UPDATE audit_log SET action = '{row.action}', prev_hash = '{prev}', hash = '{digest}' "
                          f"WHERE seq = {row.seq}")
        prev = digest
    _tamper(store, *statements)


def test_a_station_from_before_keyed_chains_is_anchored_on_open(station: Store, db_path: Path) -> None:
    """An older station: plain links and a key file without an audit key. On open its entries so far
    become legacy rows, sealed by the first keyed entry; rewriting them afterwards is still found."""
    _rewrite_as_plain_chain(station)
    total = _entries(station)
    station.close()
    old = kf.read_keyfile(kf.key_path_for(db_path))
    (data_key,) = kf.unwrap_all(old, PASSPHRASE)
    kf.write_keyfile_atomically(kf.key_path_for(db_path), kf.KeyFile(
        database_id=old.database_id, tenant=old.tenant, keys=(kf.wrap(data_key, PASSPHRASE, old.database_id),)))
    with open_store(db_path, PASSPHRASE) as reopened:
        anchor = reopened.audit_anchor()
        assert anchor.legacy_rows == total and anchor.pending is not None and anchor.pending.seq == total
        assert verify_audit(reopened, SYSTEM).ok
        with UnitOfWork(reopened, SYSTEM) as uow:
            uow.record(action="station.checked", entity="station", entity_id=None)
        assert verify_audit(reopened, SYSTEM).ok
        _rewrite_as_plain_chain(reopened, change_seq=3)  # recomputes the legacy links after an edit
        check = verify_audit(reopened, SYSTEM)
    assert check.reason is not None and check.reason.code == "audit_entry_changed"
    assert check.first_broken_seq == total + 1  # the first keyed entry no longer matches its predecessor
