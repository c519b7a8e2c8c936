"""The encrypted station store on real SQLCipher files: encryption, every failure path, key changes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.errors import (
    AlreadyExists,
    CannotWrite,
    CorruptDatabase,
    DatabaseMissing,
    NotAVaxDeskDatabase,
    ValidationError,
    WrongPassphrase,
)
from app.services.audit import record_access
from app.storage import keyfile as kf
from app.storage.engine import Store, change_passphrase, create_store, open_store, rekey
from app.storage.schema import Meta, Site, Station
from app.storage.statements import driver
from tests.conftest import NURSE, PASSPHRASE

SECRET_NAME = "Zwetschgenbaum-Oberhuber"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _new(path: Path, passphrase: str = PASSPHRASE) -> None:
    create_store(path, passphrase, tenant="t1", site_code="s1").close()


def _open_refused_untouched(path: Path, error: type[Exception], *, match: str | None = None,
                            passphrase: str = PASSPHRASE) -> None:
    """Opening `path` fails with `error` and leaves the file as it was, byte for byte."""
    before = _digest(path)
    with pytest.raises(error, match=match):
        open_store(path, passphrase)
    assert _digest(path) == before


def test_new_database_is_sqlcipher_4_and_opens_again(db_path: Path) -> None:
    with create_store(db_path, PASSPHRASE, tenant="t1", site_code="s1", site_name="Halle 3") as store:
        station_id = store.identity.station_id
        with store.read() as session:
            version = session.execute(text("PRAGMA cipher_version")).scalar_one()
            journal = session.execute(text("PRAGMA journal_mode")).scalar_one()
            fks = session.execute(text("PRAGMA foreign_keys")).scalar_one()
            sync = session.execute(text("PRAGMA synchronous")).scalar_one()
    assert str(version).startswith("4.")
    assert (journal, fks, sync) == ("wal", 1, 2)  # synchronous FULL = 2
    with open_store(db_path, PASSPHRASE) as store, store.read() as session:
        assert store.identity.station_id == station_id
        assert session.scalars(select(Site.name)).one() == "Halle 3"
        assert session.scalars(select(Station.tenant)).one() == "t1"


def test_raw_files_hold_no_plaintext(db_path: Path) -> None:
    from app.services.persons import PersonInput, add_person
    from app.services.unit_of_work import Actor, UnitOfWork

    store = create_store(db_path, PASSPHRASE, tenant="t1", site_code="s1")
    try:
        with UnitOfWork(store, Actor.system()) as uow:
            add_person(uow, PersonInput(family_name=SECRET_NAME, given_name="Walburga", dob="1950-03-04"))
        # While open, the write-ahead log holds the newest pages: it must be encrypted too.
        files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
        assert any(p.name.endswith("-wal") for p in files)
        for path in files:
            raw = path.read_bytes()
            assert SECRET_NAME.encode() not in raw, path.name
            assert "Walburga".encode("utf-16-le") not in raw
            assert b"SQLite format 3" not in raw[:16]
    finally:
        store.close()
    assert SECRET_NAME.encode() not in db_path.read_bytes()


def test_wrong_passphrase_is_refused_and_nothing_changes(db_path: Path) -> None:
    _new(db_path)
    _open_refused_untouched(db_path, WrongPassphrase, passphrase="not the passphrase")


def test_missing_database_is_never_created_by_open(tmp_path: Path) -> None:
    path = tmp_path / "nothing.db"
    with pytest.raises(DatabaseMissing):
        open_store(path, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


def test_plain_sqlite_file_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    _open_refused_untouched(path, NotAVaxDeskDatabase, match="unencrypted")


def test_database_without_key_file_is_not_ours(db_path: Path) -> None:
    _new(db_path)
    kf.key_path_for(db_path).unlink()
    with pytest.raises(NotAVaxDeskDatabase, match="key file"):
        open_store(db_path, PASSPHRASE)


def test_key_file_of_another_database_is_refused(tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    _new(a)
    _new(b)
    kf.key_path_for(a).write_bytes(kf.key_path_for(b).read_bytes())
    with pytest.raises((NotAVaxDeskDatabase, CorruptDatabase)):
        open_store(a, PASSPHRASE)


def test_garbage_key_file_gets_a_clear_message(db_path: Path) -> None:
    _new(db_path)
    kf.key_path_for(db_path).write_text("{not json")
    with pytest.raises(NotAVaxDeskDatabase, match="not a VaxDesk key file"):
        open_store(db_path, PASSPHRASE)


@pytest.mark.parametrize("offset", [20, 100, 2000])
def test_corrupt_first_page_is_reported_and_left_untouched(db_path: Path, offset: int) -> None:
    _new(db_path)
    raw = bytearray(db_path.read_bytes())
    raw[offset] ^= 0xFF
    db_path.write_bytes(bytes(raw))
    _open_refused_untouched(db_path, CorruptDatabase, match="backup")


def test_truncated_file_is_corrupt(db_path: Path) -> None:
    _new(db_path)
    raw = db_path.read_bytes()
    db_path.write_bytes(raw[: len(raw) // 2 + 100])
    with pytest.raises(CorruptDatabase):
        open_store(db_path, PASSPHRASE)


def test_init_refuses_existing_files(db_path: Path) -> None:
    _new(db_path)
    before = _digest(db_path), _digest(kf.key_path_for(db_path))
    with pytest.raises(AlreadyExists):
        create_store(db_path, PASSPHRASE, tenant="t2", site_code="s2")
    assert (_digest(db_path), _digest(kf.key_path_for(db_path))) == before


def test_init_refuses_a_stray_key_file(db_path: Path) -> None:
    kf.key_path_for(db_path).write_text("keep me")
    with pytest.raises(AlreadyExists):
        create_store(db_path, PASSPHRASE, tenant="t2", site_code="s2")
    assert not db_path.exists()
    assert kf.key_path_for(db_path).read_text() == "keep me"


def test_short_passphrase_is_refused_before_anything_is_written(db_path: Path) -> None:
    with pytest.raises(ValidationError):
        create_store(db_path, "short", tenant="t", site_code="s")
    assert not db_path.exists()


@pytest.fixture
def readonly_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to; as root (CI) that takes a read-only mount, since root ignores modes."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0
    yield folder if mounted else Path("/sys")
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)


def test_read_only_folder_gives_a_clear_error_and_leaves_nothing(readonly_dir: Path) -> None:
    with pytest.raises(CannotWrite, match="read-only"):
        create_store(readonly_dir / "station.db", PASSPHRASE, tenant="t", site_code="s")
    assert not (readonly_dir / "station.db").exists()


def test_change_passphrase_rewraps_the_key(db_path: Path) -> None:
    _new(db_path)
    db_before = _digest(db_path)
    change_passphrase(db_path, PASSPHRASE, "a much better passphrase")
    with pytest.raises(WrongPassphrase):
        open_store(db_path, PASSPHRASE)
    open_store(db_path, "a much better passphrase").close()
    assert _digest(db_path) == db_before  # only the key file changed


def test_change_passphrase_needs_the_old_one(db_path: Path) -> None:
    _new(db_path)
    with pytest.raises(WrongPassphrase):
        change_passphrase(db_path, "guessing wildly", "another passphrase")
    open_store(db_path, PASSPHRASE).close()


def test_rekey_replaces_the_data_key_and_keeps_the_data(db_path: Path) -> None:
    _new(db_path)
    old_keys = kf.unwrap_all(kf.read_keyfile(kf.key_path_for(db_path)), PASSPHRASE)
    with open_store(db_path, PASSPHRASE) as store:
        station_id = store.identity.station_id
    rekey(db_path, PASSPHRASE)
    new_keys = kf.unwrap_all(kf.read_keyfile(kf.key_path_for(db_path)), PASSPHRASE)
    assert len(new_keys) == 1 and new_keys != old_keys
    with open_store(db_path, PASSPHRASE) as store, store.read() as session:
        assert store.identity.station_id == station_id
        assert session.scalars(select(Meta.value).where(Meta.key == "database_id")).one()


def test_interrupted_rekey_still_opens(db_path: Path) -> None:
    """A crash after the key file lists both keys but before the pages were re-encrypted."""
    _new(db_path)
    keyfile = kf.read_keyfile(kf.key_path_for(db_path))
    (old,) = kf.unwrap_all(keyfile, PASSPHRASE)
    pending = kf.KeyFile(
        database_id=keyfile.database_id,
        tenant=keyfile.tenant,
        keys=(kf.wrap(kf.new_data_key(), PASSPHRASE, keyfile.database_id), kf.wrap(old, PASSPHRASE, keyfile.database_id)),
    )
    kf.write_keyfile_atomically(kf.key_path_for(db_path), pending)
    open_store(db_path, PASSPHRASE).close()
    # Opening finished the rekey's bookkeeping: only the working key is left.
    assert kf.unwrap_all(kf.read_keyfile(kf.key_path_for(db_path)), PASSPHRASE) == [old]


def test_one_desk_works_on_the_connection_it_used_last(store: Store) -> None:
    # Each pooled connection has its own page cache. Handed out in turn (the pool's default), a desk's
    # searches and their access records rotated over every idle connection and found their pages cold;
    # measured: the name search's p95 at 200,000 persons 10.8 ms against 9.3 ms (docs/performance.md).
    with store.read() as a, store.read() as b, store.read() as c:  # three connections in the pool now
        pooled = {id(driver(s)) for s in (a, b, c)}
    assert len(pooled) == 3
    used = set()
    for _ in range(6):
        with store.read() as session:
            used.add(id(driver(session)))
        record_access(store, NURSE, action="person.searched", entity="person", entity_id=None, persons=[])
        with store.write() as session:
            used.add(id(driver(session)))
    assert len(used) == 1 and used <= pooled


@pytest.mark.parametrize("part", ["ciphertext", "audit_ciphertext"])
def test_one_flipped_bit_in_the_wrapped_keys_is_damage_not_a_wrong_passphrase(db_path: Path, part: str) -> None:
    """The data key and the audit key are sealed under the same passphrase-derived key: when one of
    them opens and the other does not, the passphrase is right and the key file is damaged. It was
    told as "Wrong passphrase", so the admin tried other passphrases instead of restoring a backup."""
    import base64
    import json

    _new(db_path)
    key_path = kf.key_path_for(db_path)
    doc = json.loads(key_path.read_text())
    sealed = bytearray(base64.b64decode(doc["keys"][0][part]))
    sealed[3] ^= 0x01
    doc["keys"][0][part] = base64.b64encode(bytes(sealed)).decode()
    key_path.write_text(json.dumps(doc))
    _open_refused_untouched(db_path, NotAVaxDeskDatabase, match="damaged")
    _open_refused_untouched(db_path, WrongPassphrase, passphrase="not the passphrase")  # nothing opens: wrong
