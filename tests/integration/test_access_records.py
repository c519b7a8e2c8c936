"""Access records (a read of personal data on record) are committed without waiting for the disk and
anchored in the key file soon after: every read is still in the audit log at once, survives a kill -9 of
the station, and the chain verifies all along; the anchor catches up after ACCESS_ANCHOR_RECORDS reads,
with the next durable write, and on close."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.domain.booking_code import format_booking_code
from app.services.audit import verify_audit
from app.services.checkin import CheckInDesk
from app.services.demo import seed_center
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage import engine as storage
from app.storage.engine import Store, open_store
from app.storage.schema import Appointment, AuditLog
from tests.conftest import PASSPHRASE, REPO

NURSE = Actor(staff_id=None, role="nurse", display_name="test nurse")
SYSTEM = Actor.system()


@pytest.fixture
def station(store: Store) -> Iterator[Store]:
    seed_center(store, persons=6, seed=5)
    yield store


def _codes(store: Store) -> list[str]:
    with store.read() as session:
        return [format_booking_code(c) + "\r" for c in session.scalars(select(Appointment.booking_code))]


def _searches(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditLog)
                                  .where(AuditLog.action == "person.searched")) or 0)


def _tip_seq(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.max(AuditLog.seq))) or 0)


def _anchored_seq(store: Store) -> int:
    head = store.audit_anchor().pending
    return head.seq if head else 0


def test_every_scan_is_on_record_at_once_and_the_anchor_catches_up(station: Store) -> None:
    desk = CheckInDesk(station)
    code = _codes(station)[0]
    before, anchored = _searches(station), _anchored_seq(station)
    for _ in range(3):
        assert desk.find(NURSE, code).matches
    # Each scan is in the log when find returns; the key file's anchor has not moved for them yet.
    assert _searches(station) == before + 3
    assert _anchored_seq(station) == anchored < _tip_seq(station)
    assert verify_audit(station, SYSTEM).ok
    # A durable write anchors everything before it.
    with UnitOfWork(station, SYSTEM) as uow:
        uow.record(action="station.checked", entity="station", entity_id=None)
    assert _anchored_seq(station) == _tip_seq(station)
    # So does the ACCESS_ANCHOR_RECORDS-th unanchored read.
    for _ in range(storage.ACCESS_ANCHOR_RECORDS):
        desk.find(NURSE, code)
    assert _anchored_seq(station) == _tip_seq(station)
    assert verify_audit(station, SYSTEM).ok


def test_close_anchors_the_last_reads_so_removing_one_is_found(station: Store, db_path: Path) -> None:
    desk = CheckInDesk(station)
    desk.find(NURSE, _codes(station)[0])
    station.close()
    with open_store(db_path, PASSPHRASE) as reopened:
        assert _anchored_seq(reopened) == _tip_seq(reopened)
        with reopened.write() as session:  # someone with the key and a SQLite shell
            session.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
            session.execute(text("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)"))
        check = verify_audit(reopened, SYSTEM)
        assert check.reason is not None and check.reason.code == "audit_tail_removed"


_KILLED_STATION = textwrap.dedent("""
    import os, signal, sys
    from app.services.checkin import CheckInDesk
    from app.services.unit_of_work import Actor
    from app.storage.engine import open_store
    store = open_store(sys.argv[1], sys.argv[2])
    desk = CheckInDesk(store)
    for code in sys.argv[3:]:
        assert desk.find(Actor(staff_id=None, role="nurse", display_name="n"), code).matches
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no atexit: the station dies mid-shift
""")


def test_a_killed_station_loses_no_access_record_and_its_chain_verifies(station: Store, db_path: Path) -> None:
    codes = _codes(station)[:4]
    before, anchored = _searches(station), _anchored_seq(station)
    station.close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", _KILLED_STATION, str(db_path), PASSPHRASE, *codes],
                          env=env, cwd=REPO, timeout=120, capture_output=True, text=True)
    assert done.returncode == -9, done.stderr
    with open_store(db_path, PASSPHRASE) as reopened:
        assert _searches(reopened) == before + len(codes)
        assert _anchored_seq(reopened) == anchored  # never anchored: the process died first
        assert verify_audit(reopened, SYSTEM).ok
        with UnitOfWork(reopened, SYSTEM) as uow:
            uow.record(action="station.checked", entity="station", entity_id=None)
        assert _anchored_seq(reopened) == _tip_seq(reopened)
        assert verify_audit(reopened, SYSTEM).ok
