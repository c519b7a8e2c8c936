"""Open, create and re-key the station's SQLCipher database under SQLAlchemy 2.

The only module that knows about `sqlcipher3`. Every failure to open maps to one error of
`app.errors` with a message an admin can act on; nothing is ever created over or "repaired".
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.errors import (
    AlreadyExists,
    CannotWrite,
    CorruptDatabase,
    DatabaseMissing,
    NotAVaxDeskDatabase,
    StoreError,
)
from app.storage import keyfile as kf
from app.storage.schema import Meta, Station

log = logging.getLogger(__name__)

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4 default
# Decrypted pages: up to PAGE_CACHE_KIB per pooled connection, and no more than PAGE_CACHE_TOTAL_BYTES
# for all of them together (SQLite's soft heap limit, process-wide). Without the total, resident memory
# grew by the cache size for every connection that had read much (up to the pool's 12); with it, the
# connection doing the work keeps its pages and the others recycle theirs (docs/performance.md).
PAGE_CACHE_KIB = 32 * 1024
PAGE_CACHE_TOTAL_BYTES = 48 * 1024 * 1024


def _raw_connect(path: Path, key: bytes) -> Any:
    """A DB-API connection with the key applied and checked by a read; raises sqlcipher.DatabaseError."""
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None, timeout=30)
    try:
        # SQLCipher reports HMAC failures on stderr itself; we report them in words instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4."):
            raise StoreError("This build's SQLite has no SQLCipher 4; refusing to store personal data unencrypted.")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files for sorts
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
        conn.execute(f"PRAGMA soft_heap_limit = {PAGE_CACHE_TOTAL_BYTES}")
    except BaseException:
        conn.close()
        raise
    return conn


def _make_engine(path: Path, key: bytes) -> Engine:
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: _raw_connect(path, key),
        module=sqlcipher,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=8,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the lock up front (BEGIN IMMEDIATE) so the audit chain and outbox sequence
        # are read and extended atomically; readers stay deferred and never block on them.
        mode = "IMMEDIATE" if conn.get_execution_options().get("vaxdesk_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@dataclass
class StationIdentity:
    station_id: str
    site_id: str
    tenant: str
    database_id: str


class Store:
    """An open station database. Sessions from `read()` and `write()`; close when done."""

    def __init__(self, path: Path, engine: Engine, identity: StationIdentity, *, key: bytes) -> None:
        self.path = path
        self.engine = engine
        self.identity = identity
        self._key = key
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(vaxdesk_write=True), expire_on_commit=False)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back whole on any exception."""
        with self._write() as session, session.begin():
            yield session

    def snapshot_to(self, target: Path) -> None:
        """A consistent copy of the whole database into the new file `target`, encrypted under the
        same key (sqlcipher_export re-encrypts every page as it copies)."""
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute(f"ATTACH DATABASE ? AS snapshot KEY \"x'{self._key.hex()}'\"", (str(target),))
            try:
                raw.execute("SELECT sqlcipher_export('snapshot')")
            finally:
                raw.execute("DETACH DATABASE snapshot")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseMissing(f"No station database at '{path}'. Create one with 'vaxdesk init'.")
    if not path.is_file():
        raise NotAVaxDeskDatabase(f"'{path}' is not a file.")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
        size = path.stat().st_size
    except OSError as exc:
        raise CannotWrite(f"Cannot read '{path}': {exc.strerror}.") from None
    if head == PLAIN_SQLITE_HEADER:
        raise NotAVaxDeskDatabase(f"'{path}' is a plain, unencrypted SQLite file, not a VaxDesk station database.")
    if size == 0 or size % PAGE_SIZE:
        raise CorruptDatabase(
            f"'{path}' is damaged (truncated or not a database). Restore it from a backup; "
            "the file was left untouched."
        )


def _unlock(path: Path, passphrase: str) -> tuple[kf.KeyFile, bytes]:
    """Find the data key that opens the database (two are tried while a rekey was interrupted)."""
    _check_file(path)
    keyfile = kf.read_keyfile(kf.key_path_for(path))
    for key in kf.unwrap_all(keyfile, passphrase):
        try:
            conn = _raw_connect(path, key)
        except sqlcipher.DatabaseError:
            continue
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
        except sqlcipher.DatabaseError as exc:
            raise CorruptDatabase(f"'{path}' opens but its contents are damaged ({exc}).") from None
        finally:
            conn.close()
        if not row or row[0] != keyfile.database_id:
            raise NotAVaxDeskDatabase(f"The key file beside '{path.name}' belongs to another database.")
        return keyfile, key
    raise CorruptDatabase(
        f"'{path}' cannot be decrypted with its key: the file is damaged or was replaced. "
        "Restore it from a backup; the file was left untouched."
    )


def _load_identity(engine: Engine, database_id: str) -> StationIdentity:
    with Session(engine) as session:
        station = session.scalars(select(Station)).one()
        return StationIdentity(
            station_id=station.id, site_id=station.site_id, tenant=station.tenant, database_id=database_id
        )


def open_store(path: Path, passphrase: str, *, migrate: bool = True) -> Store:
    """Open an existing station database; runs pending migrations unless told not to."""
    from app.storage import migrate as migrations

    path = Path(path)
    keyfile, key = _unlock(path, passphrase)
    if len(keyfile.keys) > 1:
        # A rekey was interrupted after the database changed: finish it by dropping the stale key.
        _finish_rekey(path, keyfile, key, passphrase)
    engine = _make_engine(path, key)
    try:
        with engine.connect() as conn:
            migrations.check_or_upgrade(conn, upgrade=migrate)
            conn.commit()
        return Store(path, engine, _load_identity(engine, keyfile.database_id), key=key)
    except sqlcipher.DatabaseError as exc:
        engine.dispose()
        raise CorruptDatabase(f"'{path}' is damaged: {exc}. Restore it from a backup.") from None
    except BaseException:
        engine.dispose()
        raise


def _oserror_to_store_error(exc: OSError, where: Path) -> StoreError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return CannotWrite(f"Cannot write in '{where}': the folder is read-only or not yours.")
    if exc.errno == errno.ENOENT:
        return CannotWrite(f"The folder '{where}' does not exist.")
    if exc.errno == errno.ENOSPC:
        return CannotWrite(f"No space left on the disk holding '{where}'.")
    return CannotWrite(f"Cannot write in '{where}': {exc.strerror}.")


def create_store(
    path: Path,
    passphrase: str,
    *,
    tenant: str,
    site_code: str,
    site_name: str | None = None,
    station_name: str | None = None,
    country: str = "DE",
) -> Store:
    """Create a new station database and its key file. Refuses to touch anything that exists."""
    from app.storage import migrate as migrations
    from app.storage.bootstrap import initialise_station

    path = Path(path)
    key_path = kf.key_path_for(path)
    for p in (path, key_path, path.with_name(path.name + "-wal")):
        if p.exists():
            raise AlreadyExists(f"'{p}' already exists; VaxDesk never overwrites a database.")
    if len(passphrase) < kf.MIN_PASSPHRASE_LENGTH:
        from app.errors import ValidationError

        raise ValidationError(f"The station passphrase must have at least {kf.MIN_PASSPHRASE_LENGTH} characters.")

    from app.domain.ids import uuid7

    database_id = uuid7()
    data_key = kf.new_data_key()
    keyfile = kf.KeyFile(database_id=database_id, tenant=tenant, keys=(kf.wrap(data_key, passphrase, database_id),))
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # claim the name first
        os.close(fd)
    except FileExistsError:
        raise AlreadyExists(f"'{path}' already exists; VaxDesk never overwrites a database.") from None
    except OSError as exc:
        raise _oserror_to_store_error(exc, path.parent) from None
    engine = None
    try:
        kf.write_keyfile_atomically(key_path, keyfile)
        engine = _make_engine(path, data_key)
        with engine.connect() as conn:
            migrations.check_or_upgrade(conn, upgrade=True)
            conn.commit()
        with Session(engine.execution_options(vaxdesk_write=True)) as session, session.begin():
            session.add(Meta(key="database_id", value=database_id))
            initialise_station(
                session,
                tenant=tenant,
                site_code=site_code,
                site_name=site_name or site_code,
                station_name=station_name or "Station 1",
                country=country,
            )
        return Store(path, engine, _load_identity(engine, database_id), key=data_key)
    except BaseException:
        if engine is not None:
            engine.dispose()
        for p in (path, key_path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        raise


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-wrap the data key under a new passphrase; the database itself is not touched."""
    if len(new) < kf.MIN_PASSPHRASE_LENGTH:
        from app.errors import ValidationError

        raise ValidationError(f"The new passphrase must have at least {kf.MIN_PASSPHRASE_LENGTH} characters.")
    path = Path(path)
    keyfile, key = _unlock(path, old)
    new_file = kf.KeyFile(
        database_id=keyfile.database_id, tenant=keyfile.tenant, keys=(kf.wrap(key, new, keyfile.database_id),)
    )
    kf.write_keyfile_atomically(kf.key_path_for(path), new_file)


def rekey(path: Path, passphrase: str) -> None:
    """Replace the data key: re-encrypt every page with a new random key.

    The key file holds the new key *and* the old one while the database is re-encrypted, so an
    interruption at any point leaves a database that opens with the same passphrase.
    """
    path = Path(path)
    keyfile, old_key = _unlock(path, passphrase)
    new_key = kf.new_data_key()
    both = kf.KeyFile(
        database_id=keyfile.database_id,
        tenant=keyfile.tenant,
        keys=(kf.wrap(new_key, passphrase, keyfile.database_id), kf.wrap(old_key, passphrase, keyfile.database_id)),
    )
    kf.write_keyfile_atomically(kf.key_path_for(path), both)
    conn = _raw_connect(path, old_key)
    try:
        # SQLCipher re-keys in a rollback journal, not in WAL: checkpoint and leave WAL first.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    _finish_rekey(path, both, new_key, passphrase)


def _finish_rekey(path: Path, keyfile: kf.KeyFile, working_key: bytes, passphrase: str) -> None:
    single = kf.KeyFile(
        database_id=keyfile.database_id,
        tenant=keyfile.tenant,
        keys=(kf.wrap(working_key, passphrase, keyfile.database_id),),
    )
    kf.write_keyfile_atomically(kf.key_path_for(path), single)
