"""Backup and restore round trip, refusals, and `vaxdesk audit verify` finding a tampered row."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.errors import AlreadyExists, WrongPassphrase
from app.services.demo import seed_center
from app.storage.backup import MAGIC, BackupError, WrongTenant, restore_backup, write_backup
from app.storage.engine import Store, open_store
from app.storage.schema import AuditLog, Person
from tests.cli_support import vaxdesk
from tests.conftest import PASSPHRASE


@pytest.fixture
def seeded(store: Store) -> Store:
    seed_center(store, persons=12, seed=5)
    return store


def test_backup_restores_on_a_new_machine(seeded: Store, tmp_path: Path) -> None:
    backup = tmp_path / "station.vxbak"
    write_backup(seeded, backup)
    with seeded.read() as session:
        names = sorted(session.scalars(select(Person.family_name)))
    assert b"SQLite format 3" not in backup.read_bytes() and names[0].encode() not in backup.read_bytes()
    new = tmp_path / "elsewhere" / "station.db"
    new.parent.mkdir()
    restore_backup(backup, new, PASSPHRASE, expected_tenant="t-test")
    with open_store(new, PASSPHRASE) as restored, restored.read() as session:
        assert sorted(session.scalars(select(Person.family_name))) == names
        assert restored.identity == seeded.identity
        triggers = session.execute(text("SELECT count(*) FROM sqlite_master WHERE type='trigger'")).scalar_one()
        assert triggers >= 6  # append-only protection came along


def test_restore_refusals_write_nothing(seeded: Store, tmp_path: Path) -> None:
    backup = tmp_path / "b.vxbak"
    write_backup(seeded, backup)
    target = tmp_path / "new.db"
    with pytest.raises(WrongTenant, match="t-test"):
        restore_backup(backup, target, PASSPHRASE, expected_tenant="another-county")
    with pytest.raises(WrongPassphrase):
        restore_backup(backup, target, "not the passphrase")
    truncated = tmp_path / "cut.vxbak"
    truncated.write_bytes(backup.read_bytes()[:-5000])
    with pytest.raises(BackupError, match="truncated"):
        restore_backup(truncated, target, PASSPHRASE)
    (tmp_path / "junk.vxbak").write_bytes(b"hello")
    with pytest.raises(BackupError, match="not a VaxDesk backup"):
        restore_backup(tmp_path / "junk.vxbak", target, PASSPHRASE)
    assert not target.exists() and not Path(f"{target}.key").exists()
    target.write_bytes(b"keep")
    with pytest.raises(AlreadyExists):
        restore_backup(backup, target, PASSPHRASE)
    assert target.read_bytes() == b"keep"
    with pytest.raises(AlreadyExists):
        write_backup(seeded, backup)


def test_backup_and_restore_commands(seeded: Store, db_path: Path, tmp_path: Path) -> None:
    seeded.close()
    backup = tmp_path / "cli.vxbak"
    result = vaxdesk("backup", "--db", str(db_path), "--out", str(backup))
    assert result.returncode == 0, result.stderr
    restored = tmp_path / "restored.db"
    result = vaxdesk("restore", "--backup", str(backup), "--db", str(restored), "--tenant", "t-test")
    assert result.returncode == 0, result.stderr
    refused = vaxdesk("restore", "--backup", str(backup), "--db", str(tmp_path / "x.db"), "--tenant", "other")
    assert refused.returncode == 17 and "Traceback" not in refused.stderr
    assert vaxdesk("audit", "verify", "--db", str(restored)).returncode == 0


def test_audit_verify_names_the_tampered_entry(seeded: Store, db_path: Path) -> None:
    with seeded.read() as session:
        victim = session.scalars(select(AuditLog.seq).order_by(AuditLog.seq).offset(5).limit(1)).one()
        total = session.scalar(select(func.count()).select_from(AuditLog))
    ok = vaxdesk("audit", "verify", "--db", str(db_path))
    assert ok.returncode == 0 and f"{total} entries" in ok.stdout
    with seeded.write() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("UPDATE audit_log SET action = 'person.viewed' WHERE seq = :s"), {"s": victim})
    seeded.close()
    broken = vaxdesk("audit", "verify", "--db", str(db_path))
    assert broken.returncode == 18 and f"entry {victim}" in broken.stderr


_KILLED_RESTORE = """
import os, signal, sys
import struct
from pathlib import Path
from app.storage import backup

target, backup_path, passphrase, moment = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
real_write = backup._write_new

def write_then_die(path, data):
    # The power goes while the restore writes: half of the database's bytes are down, or the key file
    # is whole and the database not yet begun.
    if moment == "mid-database" and not path.name.endswith(".key"):
        with open(path, "wb") as fh:
            fh.write(data[: len(data) // 2])
            fh.flush()
            os.fsync(fh.fileno())
        os.kill(os.getpid(), signal.SIGKILL)
    real_write(path, data)
    if moment == "after-key" and path.name.endswith(".key"):
        os.kill(os.getpid(), signal.SIGKILL)

real_rename, renames = os.rename, []

def rename_then_die(source, target):
    # The key file is in place, the database not yet (the restore's two renames).
    renames.append(target)
    if len(renames) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    real_rename(source, target)

backup._write_new = write_then_die
if moment == "between-renames":
    os.rename = rename_then_die
backup.restore_backup(backup_path, target, passphrase)
"""


@pytest.mark.parametrize("moment", ["mid-database", "after-key", "between-renames"])
def test_a_restore_killed_midway_leaves_no_half_restored_station(seeded: Store, tmp_path: Path, moment: str) -> None:
    """kill -9 (or a power cut) during `vaxdesk restore`: the target folder holds either nothing, so the
    restore can simply run again, or the whole station. A half-written database beside its key file was
    left at the target, which the station then called damaged and a second restore refused to replace."""
    import os
    import signal
    import subprocess
    import sys

    backup = tmp_path / "station.vxbak"
    write_backup(seeded, backup)
    with seeded.read() as session:
        names = sorted(session.scalars(select(Person.family_name)))
    folder = tmp_path / "new-pc"
    folder.mkdir()
    target = folder / "station.db"
    killed = subprocess.run([sys.executable, "-c", _KILLED_RESTORE, str(target), str(backup), PASSPHRASE, moment],
                            capture_output=True, text=True, timeout=120, env=dict(os.environ, PYTHONPATH="."))
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not target.exists(), sorted(p.name for p in folder.iterdir())
    restore_backup(backup, target, PASSPHRASE)  # simply again
    with open_store(target, PASSPHRASE) as restored, restored.read() as session:
        assert sorted(session.scalars(select(Person.family_name))) == names
    assert sorted(p.name for p in folder.iterdir()) == ["station.db", "station.db.key"]


def _sealed(body: bytes) -> bytes:
    """A file with a correct digest: the digest shows it is whole, not that VaxDesk wrote it."""
    import hashlib

    return body + hashlib.sha256(body).digest()


@pytest.mark.parametrize("body", [
    MAGIC + b"\x00\x01",  # shorter than one length field
    MAGIC + struct.pack(">Q", 2**62) + b"{}",  # a part longer than the file
    MAGIC + struct.pack(">Q", 2) + b"[]" + struct.pack(">Q", 0) * 2,  # a header that is no object
    MAGIC + struct.pack(">Q", 3) + b"{x}" + struct.pack(">Q", 0) * 2,  # a header that is no JSON
    MAGIC + struct.pack(">Q", 39) + b'{"format":"vaxdesk-backup","version":1}' + struct.pack(">Q", 0) * 2,
], ids=["short", "overlong-part", "list-header", "not-json", "no-tenant"])
def test_a_whole_file_that_vaxdesk_did_not_write_is_refused_as_not_a_backup(tmp_path: Path, body: bytes) -> None:
    """A file with the magic and a matching digest but parts that do not fit: a struct.error, a
    JSONDecodeError or an AttributeError escaped ("an unexpected error") instead of the refusal."""
    backup = tmp_path / "odd.vxbak"
    backup.write_bytes(_sealed(body))
    target = tmp_path / "new" / "station.db"
    target.parent.mkdir()
    with pytest.raises(BackupError) as refused:
        restore_backup(backup, target, PASSPHRASE)
    assert refused.value.code == "backup_not_ours"
    assert list(target.parent.iterdir()) == []


def test_a_backup_from_before_a_rekey_and_a_passphrase_change_restores_with_the_passphrase_of_its_day(
        seeded: Store, db_path: Path, tmp_path: Path) -> None:
    """The backup keeps the key file of its day. After `rekey` it still restores; after `passwd` the
    new passphrase does not open it, and the admin was told "Wrong passphrase for this station
    database", which reads as if the backup were lost, instead of which passphrase opens it."""
    from app.storage.engine import change_passphrase, rekey

    backup = tmp_path / "before.vxbak"
    info = write_backup(seeded, backup)
    seeded.close()
    rekey(db_path, PASSPHRASE)
    change_passphrase(db_path, PASSPHRASE, "a passphrase chosen later")
    target = tmp_path / "restored" / "station.db"
    target.parent.mkdir()
    with pytest.raises(WrongPassphrase) as refused:
        restore_backup(backup, target, "a passphrase chosen later")
    assert refused.value.code == "backup_passphrase_wrong"
    assert info.created_at[:10] in str(refused.value) and "when the backup was made" in str(refused.value)
    assert list(target.parent.iterdir()) == []
    restore_backup(backup, target, PASSPHRASE)
    with open_store(target, PASSPHRASE) as restored, restored.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 12


def test_a_backup_killed_while_it_writes_leaves_no_file_under_the_backups_name(seeded: Store, db_path: Path,
                                                                               tmp_path: Path) -> None:
    """kill -9 during `vaxdesk backup`: half a file lay under the backup's name, looking like a backup
    (it was found damaged only when restored), and the next backup to that name was refused."""
    import os
    import signal
    import subprocess
    import sys

    seeded.close()
    out = tmp_path / "nightly.vxbak"
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from app.storage import backup\n"
        "from app.storage.engine import open_store\n"
        "def half_then_die(path, data):\n"
        "    with open(path, 'wb') as fh:\n"
        "        fh.write(data[: len(data) // 2]); fh.flush(); os.fsync(fh.fileno())\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "backup._write_new = half_then_die\n"
        "with open_store(Path(sys.argv[1]), sys.argv[3]) as store:\n"
        "    backup.write_backup(store, Path(sys.argv[2]))\n")
    killed = subprocess.run([sys.executable, "-c", script, str(db_path), str(out), PASSPHRASE], capture_output=True,
                            text=True, timeout=120, env=dict(os.environ, PYTHONPATH="."))
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not out.exists()
    with open_store(db_path, PASSPHRASE) as store:
        write_backup(store, out)  # the next run simply writes it
    assert [p.name for p in tmp_path.iterdir() if "vxbak" in p.name] == ["nightly.vxbak"]
    (tmp_path / "check").mkdir()
    restore_backup(out, tmp_path / "check" / "station.db", PASSPHRASE)  # and it is whole


def test_a_backup_goes_onto_a_file_system_without_hard_links(seeded: Store, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A USB stick's FAT has no link(): the backup is renamed into place there (the link is refused
    with EPERM), and still never over an existing file."""
    import errno
    import os

    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "stick.vxbak"
    write_backup(seeded, out)
    assert out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    (tmp_path / "check").mkdir()
    restore_backup(out, tmp_path / "check" / "station.db", PASSPHRASE)
    with pytest.raises(AlreadyExists):
        write_backup(seeded, out)
