"""Open, create and re-key the station's SQLCipher database under SQLAlchemy 2.

The only module that knows about `sqlcipher3`. Every failure to open maps to one error of
`app.errors` with a message an admin can act on; nothing is ever created over or "repaired".
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.domain.ids import uuid7
from app.errors import (
    AlreadyExists,
    CorruptDatabase,
    DatabaseMissing,
    NotAVaxDeskDatabase,
    StoreError,
    ValidationError,
)
from app.storage import audit as audit_chain
from app.storage import failures
from app.storage import keyfile as kf
from app.storage import migrate as migrations
from app.storage.bootstrap import initialise_station
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
# Access records (a read of personal data on record) are committed without waiting for the disk and
# anchored in the key file later: with the next durable write, every ACCESS_ANCHOR_RECORDS records or
# ACCESS_ANCHOR_SECONDS, and on close. A crash of the program loses none of them (the WAL is in the
# operating system's cache); a power cut may lose those not yet anchored, which the chain then never
# claimed to hold. Waiting for the disk twice (WAL and key file) cost each scan 20-25 ms.
ACCESS_ANCHOR_RECORDS = 50
ACCESS_ANCHOR_SECONDS = 10.0


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
            raise StoreError(code="storage_no_sqlcipher")
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
        # The connection returned last is handed out next: its page cache holds what the desk just read.
        # In turn (the default), a search and its access record went to whichever connection had been
        # idle longest, so consecutive searches found their pages cold (docs/performance.md).
        pool_use_lifo=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the lock up front (BEGIN IMMEDIATE) so the audit chain and outbox sequence
        # are read and extended atomically; readers stay deferred and never block on them.
        options = conn.get_execution_options()
        if options.get("vaxdesk_write"):
            # An access record's commit does not wait for the disk (see ACCESS_ANCHOR_RECORDS).
            _set_synchronous(conn.connection.dbapi_connection, conn.connection.info,
                             "FULL" if options.get("vaxdesk_durable", True) else "NORMAL")
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN DEFERRED")

    @event.listens_for(engine, "checkin")
    def _checkin(dbapi_connection: Any, record: Any) -> None:
        # Every pooled connection rests durable, whoever takes it next and however it writes.
        if dbapi_connection is not None and record.info.get(_SYNCHRONOUS, "FULL") != "FULL":
            _set_synchronous(dbapi_connection, record.info, "FULL")

    return engine


_SYNCHRONOUS = "vaxdesk_synchronous"


def _set_synchronous(dbapi_connection: Any, info: dict[str, Any], mode: str) -> None:
    if info.get(_SYNCHRONOUS, "FULL") != mode:
        dbapi_connection.execute(f"PRAGMA synchronous = {mode}")
        info[_SYNCHRONOUS] = mode


@dataclass
class StationIdentity:
    station_id: str
    site_id: str
    tenant: str
    database_id: str


class Store:
    """An open station database. Sessions from `read()` and `write()`; close when done."""

    def __init__(self, path: Path, engine: Engine, identity: StationIdentity, *, key: bytes,
                 audit_key: bytes) -> None:
        self.path = path
        self.engine = engine
        self.identity = identity
        self._key = key
        self.audit_key = audit_key
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(vaxdesk_write=True), expire_on_commit=False)
        self._write_lazy = sessionmaker(engine.execution_options(vaxdesk_write=True, vaxdesk_durable=False),
                                        expire_on_commit=False)
        # Access records committed since the anchor last moved in this process, and since when.
        self._unanchored = 0
        self._unanchored_since = 0.0
        self._unanchored_lock = threading.Lock()

    @property
    def key_path(self) -> Path:
        return kf.key_path_for(self.path)

    def audit_anchor(self) -> kf.AuditAnchor:
        """The audit chain's head as the key file holds it (read fresh: another process may write)."""
        anchor = kf.read_keyfile(self.key_path).audit
        if anchor is None:
            raise NotAVaxDeskDatabase(code="keyfile_no_anchor")
        return anchor

    def _anchor_audit(self, session: Session, found: kf.AuditHead, left: kf.AuditHead) -> None:
        """Called inside the write transaction, before COMMIT: the write lock we hold is what keeps two
        writers (this process or another) from anchoring out of order.

        The new key file is fsynced before it is renamed into place (its keys are never at risk), but
        the folder is not: that fsync would cost every use case a second wait for the disk. A power
        cut can then undo the last rename, leaving an anchor one write behind the database, which
        verify and the next write recognise (the chain still holds the anchored entry)."""
        keyfile = kf.read_keyfile(self.key_path)
        anchor = keyfile.audit or kf.AuditAnchor()
        anchored = anchor.pending or anchor.committed or audit_chain.EMPTY
        advanced = audit_chain.advance_anchor(
            anchor, found=found, left=left, seal_holds=anchor.seal_holds(self.audit_key, keyfile.database_id),
            extends_anchor=found.seq > anchored.seq and audit_chain.holds_entry(session, anchored),
            now=datetime.now(UTC))
        if advanced.trimmed is not None and anchor.trimmed is None:
            log.warning("audit log: the database's last entry does not match the key file's anchor (%s)",
                        advanced.trimmed.get("kind"))
        kf.write_keyfile_atomically(
            self.key_path, replace(keyfile, audit=advanced.sealed(self.audit_key, keyfile.database_id)),
            durable_rename=False)

    def record_server_audit_head(self, head: kf.AuditHead) -> None:
        """Keep the last head the tenant API acknowledged (never moves back)."""
        with self.write():
            keyfile = kf.read_keyfile(self.key_path)
            anchor = keyfile.audit or kf.AuditAnchor()
            if anchor.server is not None and anchor.server.seq >= head.seq:
                return
            if not anchor.seal_holds(self.audit_key, keyfile.database_id):
                return  # never re-seal an altered anchor: verify must go on reporting it
            kf.write_keyfile_atomically(self.key_path, replace(
                keyfile, audit=replace(anchor, server=head).sealed(self.audit_key, keyfile.database_id)))

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._read() as session, session.begin():
                yield session
        except (sqlcipher.DatabaseError, DBAPIError) as exc:
            raise self._failure(exc) from None

    @contextlib.contextmanager
    def write(self, *, durable: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back whole on any exception.
        When it appended audit entries, their new tip is anchored in the key file first.

        `durable=False` is for access records only: the commit does not wait for the disk and the
        anchor catches up later (ACCESS_ANCHOR_RECORDS); such a write is durable and anchors anyway
        once that many records or seconds have gone unanchored."""
        lazy = not durable and not self._anchor_due()
        try:
            with (self._write_lazy if lazy else self._write)() as session, session.begin():
                yield session
                appended = session.info.pop(audit_chain.APPENDED, None)
                if appended is not None and not lazy:
                    self._anchor_audit(session, *appended)
            if appended is not None:
                self._count_unanchored(lazy)
        except (sqlcipher.DatabaseError, DBAPIError) as exc:
            raise self._failure(exc) from None

    def _anchor_due(self) -> bool:
        with self._unanchored_lock:
            return self._unanchored > 0 and (
                self._unanchored + 1 >= ACCESS_ANCHOR_RECORDS
                or time.monotonic() - self._unanchored_since >= ACCESS_ANCHOR_SECONDS)

    def _count_unanchored(self, lazy: bool) -> None:
        with self._unanchored_lock:
            if not lazy:
                self._unanchored = 0
            else:
                if self._unanchored == 0:
                    self._unanchored_since = time.monotonic()
                self._unanchored += 1

    def anchor_access_records(self) -> None:
        """Make the access records committed without waiting for the disk durable (the WAL file is
        synced) and anchor the chain's tip in the key file. Under the write lock, so no writer
        appends in between. Called on close; harmless when nothing is pending."""
        with self._unanchored_lock:
            if self._unanchored == 0:
                return
        try:
            with self._write() as session, session.begin():
                head = audit_chain.tip(session)
                wal = self.path.with_name(self.path.name + "-wal")
                with contextlib.suppress(FileNotFoundError):
                    fd = os.open(wal, os.O_RDONLY)
                    try:
                        os.fsync(fd)
                    finally:
                        os.close(fd)
                self._anchor_audit(session, head, head)
            self._count_unanchored(False)
        except (sqlcipher.DatabaseError, DBAPIError) as exc:
            raise self._failure(exc) from None

    def require_sound_pages(self) -> None:
        """Raise CorruptDatabase with the finding when any page fails its HMAC, wherever it is: the
        commands that summarise, verify or copy the whole station say so before anything else."""
        findings = integrity_findings(self.path, self._key, limit=20)
        if findings:
            raise damaged(self.path, findings)

    def _failure(self, exc: BaseException) -> BaseException:
        """A driver error as the storage error it stands for; anything else goes on unchanged."""
        return storage_failure(exc, self.path, self._key) or exc

    def snapshot_to(self, target: Path) -> bytes:
        """A consistent copy of the whole database into the new file `target`, encrypted under the
        same key (sqlcipher_export re-encrypts every page as it copies), and the key file as it was at
        that moment: both are taken under the write lock, so the copy's audit tip and the key file's
        anchor agree."""
        try:
            with self.engine.connect() as conn:
                raw = conn.connection.dbapi_connection
                assert raw is not None
                raw.execute(f"ATTACH DATABASE ? AS snapshot KEY \"x'{self._key.hex()}'\"", (str(target),))
                try:
                    raw.execute("BEGIN IMMEDIATE")
                    try:
                        raw.execute("SELECT sqlcipher_export('snapshot')")
                        keyfile = self.key_path.read_bytes()
                    finally:
                        raw.execute("COMMIT")
                finally:
                    raw.execute("DETACH DATABASE snapshot")
                return keyfile
        except (sqlcipher.DatabaseError, DBAPIError) as exc:
            failure = storage_failure(exc, self.path, self._key, target=target)
            raise (failure or exc) from None

    def close(self) -> None:
        try:
            self.anchor_access_records()
        except (StoreError, DBAPIError, sqlcipher.DatabaseError, OSError):
            # The records are committed; the anchor catches up with the next write (advance_anchor).
            log.warning("audit log: the last access records could not be anchored on close")
        finally:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _driver_message(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc)


def integrity_findings(path: Path, key: bytes, *, limit: int = 20) -> list[str]:
    """SQLCipher's page check (every page's HMAC), then SQLite's structural check once the pages
    decrypt: the findings, in their own words; empty when the file is sound."""
    conn = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        findings = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchmany(limit)]
        if findings:
            return findings
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()]
        return [] if rows == ["ok"] else rows
    except sqlcipher.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def damaged(path: Path, findings: list[str]) -> CorruptDatabase:
    first = findings[0] if findings else "unreadable"
    return CorruptDatabase(code="database_damaged", params={
        "path": str(path), "finding": first[:200], "more": max(0, len(findings) - 1)})


def storage_failure(exc: BaseException, path: Path, key: bytes, *, target: Path | None = None) -> StoreError | None:
    """What a driver error means for the admin: read-only, full, I/O, or damage confirmed by the check.
    None when it is none of those (a constraint, a busy database, a bug) — the caller re-raises it."""
    message = _driver_message(exc)
    if target is not None:
        # Writing a copy: the copy's folder is the likelier culprit for a full or read-only disk.
        failure = failures.from_sqlite(message, target)
        if failure is not None and (failures.disk_full(target.parent) or failures.location_read_only(target)):
            return failure
    failure = failures.from_sqlite(message, path)
    if failure is not None:
        return failure
    if failures.is_damage(message):
        findings = integrity_findings(path, key)
        return damaged(path, findings or [message])
    return None


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseMissing(code="database_missing", params={"path": str(path)})
    if not path.is_file():
        raise NotAVaxDeskDatabase(code="database_not_a_file", params={"path": str(path)})
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
        size = path.stat().st_size
    except OSError as exc:
        raise failures.from_oserror(exc, path) from None
    if head == PLAIN_SQLITE_HEADER:
        raise NotAVaxDeskDatabase(code="database_plain_sqlite", params={"path": str(path)})
    if size == 0 or size % PAGE_SIZE:
        raise damaged(path, [f"the file is {size} bytes long, not a whole number of {PAGE_SIZE}-byte pages"])


@dataclass(frozen=True)
class _Unlocked:
    keyfile: kf.KeyFile
    key: bytes
    audit_key: bytes | None


def _unlock(path: Path, passphrase: str) -> _Unlocked:
    """Find the data key that opens the database (two are tried while a rekey was interrupted)."""
    _check_file(path)
    keyfile = kf.read_keyfile(kf.key_path_for(path))
    secrets_ = kf.unlock(keyfile, passphrase)
    for key in secrets_.data_keys:
        try:
            conn = _raw_connect(path, key)
        except sqlcipher.DatabaseError as exc:
            failure = failures.from_sqlite(str(exc), path)
            if failure is not None:
                raise failure from None
            continue  # the other key of an interrupted rekey, or damage: decided below
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
        except sqlcipher.DatabaseError as exc:
            raise (storage_failure(exc, path, key) or damaged(path, [str(exc)])) from None
        finally:
            conn.close()
        if not row or row[0] != keyfile.database_id:
            raise NotAVaxDeskDatabase(code="keyfile_other_database", params={"name": path.name})
        return _Unlocked(keyfile, key, secrets_.audit_key)
    # The passphrase opened the key file, so the key is right for it. If some pages decrypt, the file
    # is ours and damaged; if none does, it was replaced (or its key file was).
    findings = integrity_findings(path, secrets_.data_keys[0], limit=50)
    pages = path.stat().st_size // PAGE_SIZE
    if findings and len(findings) < min(50, pages):
        raise damaged(path, findings)
    raise CorruptDatabase(
        code="database_replaced", params={"path": str(path), "finding": findings[0] if findings else ""})


def check_database(path: Path, passphrase: str) -> list[str]:
    """`vaxdesk check`: every page's HMAC (SQLCipher) and the structure (SQLite), without opening the
    store for use or migrating it. The findings; empty when the file is sound. Damage so bad the file
    does not open at all raises CorruptDatabase with its finding."""
    path = Path(path)
    unlocked = _unlock(path, passphrase)
    return integrity_findings(path, unlocked.key, limit=100)


def _load_identity(engine: Engine, database_id: str) -> StationIdentity:
    with Session(engine) as session:
        station = session.scalars(select(Station)).one()
        return StationIdentity(
            station_id=station.id, site_id=station.site_id, tenant=station.tenant, database_id=database_id
        )


def open_store(path: Path, passphrase: str, *, migrate: bool = True) -> Store:
    """Open an existing station database; runs pending migrations unless told not to."""
    path = Path(path)
    unlocked = _unlock(path, passphrase)
    keyfile, key = unlocked.keyfile, unlocked.key
    if len(keyfile.keys) > 1:
        # A rekey was interrupted after the database changed: finish it by dropping the stale key.
        _finish_rekey(path, keyfile, key, passphrase, audit_key=unlocked.audit_key)
    engine = _make_engine(path, key)
    try:
        with engine.connect() as conn:
            migrations.check_or_upgrade(conn, upgrade=migrate)
            conn.commit()
        audit_key = unlocked.audit_key or _adopt_audit_key(path, engine, key, passphrase)
        return Store(path, engine, _load_identity(engine, keyfile.database_id), key=key, audit_key=audit_key)
    except (sqlcipher.DatabaseError, DBAPIError) as exc:
        engine.dispose()
        raise (storage_failure(exc, path, key) or damaged(path, [_driver_message(exc)])) from None
    except BaseException:
        engine.dispose()
        raise


def _adopt_audit_key(path: Path, engine: Engine, key: bytes, passphrase: str) -> bytes:
    """A station from before keyed audit chains: its entries so far keep their plain links (the first
    keyed entry seals their tip), and the key file gets an audit key and the chain's head."""
    audit_key = kf.new_data_key()
    with Session(engine.execution_options(vaxdesk_write=True)) as session, session.begin():
        keyfile = kf.read_keyfile(kf.key_path_for(path))
        if keyfile.audit is not None and keyfile.audit.mac:
            # Another process adopted one meanwhile; it wins (we hold the write lock now).
            adopted = kf.unlock(keyfile, passphrase).audit_key
            if adopted is not None:
                return adopted
        head = audit_chain.tip(session)
        anchor = kf.AuditAnchor(legacy_rows=head.seq, committed=head, pending=head)
        kf.write_keyfile_atomically(kf.key_path_for(path), replace(
            keyfile, keys=(kf.wrap(key, passphrase, keyfile.database_id, audit_key=audit_key),),
            audit=anchor.sealed(audit_key, keyfile.database_id)))
    log.info("audit log: chain anchored in the key file from entry %d on", head.seq + 1)
    return audit_key


@contextlib.contextmanager
def _write_locked(path: Path, key: bytes) -> Iterator[None]:
    """Hold the database's write lock while the key file is rewritten, so a station writing at the
    same time (which anchors its audit chain in that file) never interleaves with us."""
    conn = _raw_connect(path, key)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
    finally:
        conn.close()


def _oserror_to_store_error(exc: OSError, where: Path) -> StoreError:
    return failures.from_oserror(exc, where)


def _creating_path(path: Path) -> Path:
    """Where `init` builds the database until it is complete (hidden, beside the final name)."""
    return path.with_name(f".{path.name}.creating")


def _remove_database_files(db: Path) -> None:
    for p in (db, kf.key_path_for(db), db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"),
              db.with_name(db.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def create_store(
    path: Path,
    passphrase: str,
    *,
    tenant: str,
    site_code: str,
    site_name: str | None = None,
    station_name: str | None = None,
    country: str = "DE",
    populate: Callable[[Store], None] | None = None,
) -> Store:
    """Create a new station database and its key file. Refuses to touch anything that exists.

    Everything is built under a temporary name (`populate` runs there too) and renamed into place
    only when complete, so an interrupted `init` (kill -9, power cut) leaves no half-made database:
    the next `init` clears the leftovers and starts again.
    """
    path = Path(path)
    key_path = kf.key_path_for(path)
    building = _creating_path(path)
    if building.exists() and kf.key_path_for(path).exists() and not path.exists() \
            and not kf.key_path_for(building).exists():
        # Killed between the two renames of _move_into_place: the database was complete.
        _move_into_place(building, path, key_moved=True)
        raise AlreadyExists(code="init_finished_late", params={"path": str(path)})
    for p in (path, key_path, path.with_name(path.name + "-wal")):
        if p.exists():
            raise AlreadyExists(code="database_exists", params={"path": str(p)})
    if len(passphrase) < kf.MIN_PASSPHRASE_LENGTH:
        raise ValidationError(code="passphrase_too_short", params={"min": kf.MIN_PASSPHRASE_LENGTH}, field="passphrase")
    if not path.parent.is_dir():
        raise StoreError(code="storage_folder_missing", params={"path": str(path.parent)})
    if failures.location_read_only(path.parent):
        raise failures.read_only_error(path.parent)

    _remove_database_files(building)  # what an interrupted init left: never complete, never used
    database_id = uuid7()
    data_key = kf.new_data_key()
    audit_key = kf.new_data_key()
    keyfile = kf.KeyFile(
        database_id=database_id, tenant=tenant,
        keys=(kf.wrap(data_key, passphrase, database_id, audit_key=audit_key),),
        audit=kf.AuditAnchor(committed=audit_chain.EMPTY, pending=audit_chain.EMPTY).sealed(audit_key, database_id))
    engine = None
    try:
        try:
            fd = os.open(building, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except OSError as exc:
            raise failures.from_oserror(exc, path.parent) from None
        kf.write_keyfile_atomically(kf.key_path_for(building), keyfile)
        engine = _make_engine(building, data_key)
        with engine.connect() as conn:
            migrations.create_at_head(conn)
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
        if populate is not None:
            populate(Store(building, engine, _load_identity(engine, database_id), key=data_key, audit_key=audit_key))
        engine.dispose()  # the last connection checkpoints and removes the -wal file
        engine = None
        _move_into_place(building, path)
        engine = _make_engine(path, data_key)
        return Store(path, engine, _load_identity(engine, database_id), key=data_key, audit_key=audit_key)
    except (sqlcipher.DatabaseError, DBAPIError) as exc:
        if engine is not None:
            engine.dispose()
        _remove_database_files(building)
        raise (failures.from_sqlite(_driver_message(exc), building) or exc) from None
    except BaseException:
        if engine is not None:
            engine.dispose()
        _remove_database_files(building)
        raise


def _move_into_place(building: Path, path: Path, *, key_moved: bool = False) -> None:
    """The key file first, then the database: until the second rename there is no database at
    `path`; the next `init` finishes a move that was cut between the two."""
    for leftover in (building.with_name(building.name + "-wal"), building.with_name(building.name + "-shm")):
        if leftover.exists() and leftover.stat().st_size:
            raise StoreError(code="init_wal_left")
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    try:
        if path.exists() or (kf.key_path_for(path).exists() and not key_moved):
            raise AlreadyExists(code="init_raced", params={"path": str(path)})
        if not key_moved:
            os.rename(kf.key_path_for(building), kf.key_path_for(path))
        os.rename(building, path)
        kf.fsync_folder(path.parent)
    except OSError as exc:
        raise failures.from_oserror(exc, path.parent) from None


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Re-wrap the data key under a new passphrase; the database itself is not touched."""
    if len(new) < kf.MIN_PASSPHRASE_LENGTH:
        raise ValidationError(code="new_passphrase_too_short", params={"min": kf.MIN_PASSPHRASE_LENGTH},
                              field="new_passphrase")
    path = Path(path)
    unlocked = _unlock(path, old)
    with _write_locked(path, unlocked.key):
        current = kf.read_keyfile(kf.key_path_for(path))  # the audit head may have moved since
        kf.write_keyfile_atomically(kf.key_path_for(path), replace(
            current, keys=(kf.wrap(unlocked.key, new, current.database_id, audit_key=unlocked.audit_key),)))


def rekey(path: Path, passphrase: str) -> None:
    """Replace the data key: re-encrypt every page with a new random key.

    The key file holds the new key *and* the old one while the database is re-encrypted, so an
    interruption at any point leaves a database that opens with the same passphrase.
    """
    path = Path(path)
    unlocked = _unlock(path, passphrase)
    old_key, audit_key = unlocked.key, unlocked.audit_key
    new_key = kf.new_data_key()
    with _write_locked(path, old_key):
        current = kf.read_keyfile(kf.key_path_for(path))
        both = replace(current, keys=(
            kf.wrap(new_key, passphrase, current.database_id, audit_key=audit_key),
            kf.wrap(old_key, passphrase, current.database_id, audit_key=audit_key)))
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
    _finish_rekey(path, both, new_key, passphrase, audit_key=audit_key)


def _finish_rekey(path: Path, keyfile: kf.KeyFile, working_key: bytes, passphrase: str, *,
                  audit_key: bytes | None) -> None:
    with _write_locked(path, working_key):
        current = kf.read_keyfile(kf.key_path_for(path))
        kf.write_keyfile_atomically(kf.key_path_for(path), replace(
            current, keys=(kf.wrap(working_key, passphrase, keyfile.database_id, audit_key=audit_key),)))
