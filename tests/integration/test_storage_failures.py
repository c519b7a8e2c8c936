"""Honest storage errors on real SQLCipher files: a read-only location, a full disk, an I/O error and
a file damaged in the middle each get their own message and exit code; an intact database is never
called damaged; `vaxdesk check` names the damaged page; `init` killed at any moment leaves nothing
half made.

Read-only and disk-full use real file systems: a read-only bind mount and a small tmpfs need root
(CI runs as root); without root the read-only case uses chmod, and the disk-full case is skipped.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import CorruptDatabase, DiskFull, ReadOnlyLocation, StorageIOError
from app.services.demo import seed_center
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage import failures
from app.storage import keyfile as kf
from app.storage.engine import PAGE_SIZE, Store, check_database, create_store, open_store
from app.storage.schema import Person
from tests.cli_support import vaxdesk
from tests.conftest import PASSPHRASE

IS_ROOT = os.geteuid() == 0


def _station(path: Path, persons: int = 6) -> None:
    with create_store(path, PASSPHRASE, tenant="t-test", site_code="site-a") as store:
        seed_center(store, persons=persons, seed=2)


def _persons(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[Path]:
    """`folder` seen read-only: a read-only bind mount as root (root ignores file modes), chmod otherwise."""
    if IS_ROOT:
        view = folder.with_name(folder.name + "-ro")
        view.mkdir()
        subprocess.run(["mount", "--bind", str(folder), str(view)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
            yield view
        finally:
            subprocess.run(["umount", str(view)], check=True)
            view.rmdir()
    else:
        modes = {p: p.stat().st_mode for p in folder.iterdir()}
        for p in modes:
            p.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
            for p, mode in modes.items():
                p.chmod(mode)


@contextlib.contextmanager
def _small_tmpfs(where: Path, size: str) -> Iterator[Path]:
    if not IS_ROOT:
        pytest.skip("a full disk is simulated with a small tmpfs, which needs root (CI runs as root)")
    where.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as fh, contextlib.suppress(OSError):
        while True:
            fh.write(b"\0" * 65536)
    return filler


def test_a_read_only_location_is_named_and_the_database_is_not_called_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    _station(folder / "station.db")
    with _read_only(folder) as view:
        with pytest.raises(ReadOnlyLocation) as err:
            open_store(view / "station.db", PASSPHRASE)
        assert "read-only" in str(err.value) and "damaged" not in str(err.value)
        result = vaxdesk("stats", "--db", str(view / "station.db"))
        assert result.returncode == 7, result.stderr
        assert "read-only" in result.stderr and "damaged" not in result.stderr and "backup" not in result.stderr
        refused = vaxdesk("init", "--db", str(view / "new.db"), "--tenant", "t", "--site", "s")
        assert refused.returncode == 7 and "read-only" in refused.stderr
    with open_store(folder / "station.db", PASSPHRASE) as store:  # writable again: all there
        assert _persons(store) == 6


def test_a_full_disk_is_named_loses_nothing_and_recovers(tmp_path: Path) -> None:
    with _small_tmpfs(tmp_path / "stick", "6m") as disk:
        db = disk / "station.db"
        _station(db)
        with open_store(db, PASSPHRASE) as store:
            before = _persons(store)
            filler = _fill(disk)
            with pytest.raises(DiskFull) as err:
                for _ in range(200):  # the page cache absorbs a few writes; the WAL soon needs a page
                    with UnitOfWork(store, Actor.system()) as uow:
                        uow.record(action="station.checked", entity="station", entity_id=None,
                                   details={"padding": "x" * 3000})
            assert "full" in str(err.value) and "damaged" not in str(err.value)
            backup = vaxdesk("backup", "--db", str(db), "--out", str(disk / "b.vxbak"))
            assert backup.returncode == 19, backup.stderr
            assert "full" in backup.stderr and "damaged" not in backup.stderr
            filler.unlink()
            with UnitOfWork(store, Actor.system()) as uow:  # space again: the station writes on
                uow.record(action="station.checked", entity="station", entity_id=None)
            assert _persons(store) == before
        assert check_database(db, PASSPHRASE) == []
        assert vaxdesk("audit", "verify", "--db", str(db)).returncode == 0


def test_storage_errors_from_the_operating_system_are_told_apart(tmp_path: Path) -> None:
    """The errno an OSError carries decides the error; a failing disk (EIO) is not a full one."""
    cases = {errno.EROFS: ReadOnlyLocation, errno.EACCES: ReadOnlyLocation, errno.ENOSPC: DiskFull,
             errno.EIO: StorageIOError}
    for number, kind in cases.items():
        error = failures.from_oserror(OSError(number, os.strerror(number)), tmp_path)
        assert type(error) is kind, number
    exit_codes = {ReadOnlyLocation.exit_code, DiskFull.exit_code, StorageIOError.exit_code,
                  CorruptDatabase.exit_code}
    assert len(exit_codes) == 4
    # SQLite's own words for an I/O error on a disk with room and write access: an I/O error.
    error = failures.from_sqlite("disk I/O error", tmp_path / "station.db")
    assert isinstance(error, StorageIOError)


def _flip(path: Path, page: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(page * PAGE_SIZE + 1000)
        byte = fh.read(1)
        fh.seek(page * PAGE_SIZE + 1000)
        fh.write(bytes([byte[0] ^ 0xFF]))


@pytest.fixture(scope="module")
def damaged_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("damaged") / "station.db"
    _station(db, persons=40)
    pages = db.stat().st_size // PAGE_SIZE
    _flip(db, pages // 2)
    return db


@pytest.mark.parametrize("command", [["check"], ["stats"], ["audit", "verify"], ["backup", "--out", "{out}"]])
def test_damage_mid_file_is_exit_6_with_the_finding(damaged_station: Path, command: list[str]) -> None:
    page = damaged_station.stat().st_size // PAGE_SIZE // 2 + 1  # SQLCipher counts pages from 1
    args = [a.replace("{out}", str(damaged_station.with_name(f"b-{command[0]}.vxbak"))) for a in command]
    result = vaxdesk(*args, "--db", str(damaged_station))
    assert result.returncode == 6, (result.returncode, result.stderr)
    assert f"page {page}" in result.stderr and "unexpected" not in result.stderr
    assert not damaged_station.with_name(f"b-{command[0]}.vxbak").exists()


def test_check_says_a_sound_database_is_sound(tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    _station(db)
    result = vaxdesk("check", "--db", str(db))
    assert result.returncode == 0 and "sound" in result.stdout


def test_init_killed_at_any_moment_leaves_nothing_half_made(tmp_path: Path) -> None:
    """Kill -9 `vaxdesk init` at a sweep of moments: each time there is either no database at all or a
    complete one that opens; where there is none, the next init succeeds and leaves no leftovers."""
    outcomes = set()
    for n, delay in enumerate((0.3, 0.6, 0.9, 1.2, 1.6, 2.2)):
        folder = tmp_path / f"run{n}"
        folder.mkdir()
        db = folder / "station.db"
        proc = subprocess.Popen([sys.executable, "-m", "app", "init", "--db", str(db), "--tenant", "t", "--site", "s"],
                                env=dict(os.environ, VAXDESK_PASSPHRASE=PASSPHRASE), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)  # the moment the power goes is this test's input
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        if db.exists():
            outcomes.add("complete")
            with open_store(db, PASSPHRASE) as store:
                assert store.identity.tenant == "t"
        else:
            outcomes.add("nothing")
            assert not kf.key_path_for(db).exists()
            again = vaxdesk("init", "--db", str(db), "--tenant", "t", "--site", "s")
            assert again.returncode == 0, again.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["station.db", "station.db.key"]
    assert "nothing" in outcomes  # the sweep did cut some runs short
