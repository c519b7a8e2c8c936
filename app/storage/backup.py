"""Station backups: one file holding a consistent, still-encrypted copy of the database and its
wrapped key, so it restores on a new machine with the station passphrase and nothing else.

Layout: MAGIC, a length-prefixed JSON header (format, tenant, database id, station, created),
the length-prefixed key file, the length-prefixed encrypted database, and a SHA-256 over all of
it — a truncated or altered file is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import struct
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from app.errors import (
    AlreadyExists,
    CannotWrite,
    CorruptDatabase,
    NotAVaxDeskDatabase,
    ValidationError,
    WrongPassphrase,
)
from app.storage import keyfile as kf
from app.storage.engine import (
    Store,
    _creating_path,
    _move_into_place,
    _oserror_to_store_error,
    _remove_database_files,
    open_store,
)

MAGIC = b"VAXDESK-BACKUP-1\n"
_LEN = struct.Struct(">Q")
MAX_HEADER = 64 * 1024


class BackupError(NotAVaxDeskDatabase):
    """The backup file is damaged, truncated or not a VaxDesk backup."""


class WrongTenant(ValidationError):
    exit_code = 17


@dataclass(frozen=True)
class BackupInfo:
    tenant: str
    database_id: str
    station_id: str
    created_at: str
    size: int


def write_backup(store: Store, out: Path) -> BackupInfo:
    """Snapshot the open database (a read transaction sees one consistent state) into `out`."""
    out = Path(out)
    if out.exists():
        raise AlreadyExists(code="backup_exists", params={"path": str(out)})
    try:
        with tempfile.TemporaryDirectory(dir=out.parent if out.parent.exists() else None) as tmp:
            copy = Path(tmp) / "snapshot.db"
            keyfile_bytes = store.snapshot_to(copy)
            db_bytes = copy.read_bytes()
    except OSError as exc:
        raise _oserror_to_store_error(exc, out.parent) from None
    header: dict[str, str | int] = {
        "format": "vaxdesk-backup",
        "version": 1,
        "tenant": store.identity.tenant,
        "database_id": store.identity.database_id,
        "station_id": store.identity.station_id,
        "created_at": datetime.now(UTC).isoformat(),
    }
    header_bytes = json.dumps(header, sort_keys=True).encode()
    body = b"".join(
        [MAGIC, _LEN.pack(len(header_bytes)), header_bytes, _LEN.pack(len(keyfile_bytes)), keyfile_bytes,
         _LEN.pack(len(db_bytes)), db_bytes]
    )
    # Written under a hidden name and linked into place when whole: a backup cut short (kill -9, a power
    # cut) must not lie there under the name of a complete one, to be copied away and found damaged
    # only on the day it is needed.
    partial = out.with_name(f".{out.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()  # what an interrupted backup left
    _write_new(partial, body + hashlib.sha256(body).digest())
    try:
        try:
            os.link(partial, out)  # fails if `out` appeared meanwhile: never over an existing file
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            # A USB stick's FAT has no hard links: check, then rename (the window is this line).
            if out.exists():
                raise FileExistsError(out) from None
            os.rename(partial, out)
        kf.fsync_folder(out.parent)
    except FileExistsError:
        raise AlreadyExists(code="backup_exists", params={"path": str(out)}) from None
    except OSError as exc:
        raise _oserror_to_store_error(exc, out.parent) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return BackupInfo(store.identity.tenant, store.identity.database_id, store.identity.station_id,
                      str(header["created_at"]), len(body) + 32)


def _write_new(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise AlreadyExists(code="file_exists", params={"path": str(path)}) from None
    except OSError as exc:
        raise _oserror_to_store_error(exc, path.parent) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            path.unlink()
        raise _oserror_to_store_error(exc, path.parent) from None


def read_backup(path: Path) -> tuple[dict[str, object], bytes, bytes]:
    """(header, key file bytes, encrypted database bytes); refuses anything damaged."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise BackupError(code="backup_missing", params={"path": str(path)}) from None
    except OSError as exc:
        raise CannotWrite(code="file_unreadable", params={"path": str(path), "detail": exc.strerror}) from None
    if not data.startswith(MAGIC):
        raise BackupError(code="backup_not_ours", params={"path": str(path)})
    body, digest = data[:-32], data[-32:]
    if len(data) < len(MAGIC) + 32 or hashlib.sha256(body).digest() != digest:
        raise BackupError(code="backup_damaged", params={"path": str(path)})
    # The digest only proves the file is as it was written; what wrote it may not have been VaxDesk,
    # so the parts must fill the body exactly and the header must be ours before anything is used.
    parts: list[bytes] = []
    pos = len(MAGIC)
    for _ in range(3):
        if pos + _LEN.size > len(body):
            raise BackupError(code="backup_not_ours", params={"path": str(path)})
        (length,) = _LEN.unpack_from(body, pos)
        pos += _LEN.size
        if length > len(body) - pos:
            raise BackupError(code="backup_not_ours", params={"path": str(path)})
        parts.append(body[pos:pos + length])
        pos += length
    if pos != len(body) or len(parts[0]) > MAX_HEADER:
        raise BackupError(code="backup_not_ours", params={"path": str(path)})
    try:
        header = json.loads(parts[0])
    except (ValueError, RecursionError):
        raise BackupError(code="backup_not_ours", params={"path": str(path)}) from None
    if not isinstance(header, dict) or header.get("format") != "vaxdesk-backup":
        raise BackupError(code="backup_not_ours", params={"path": str(path)})
    if header.get("version") != 1:
        raise BackupError(code="backup_version_unknown", params={"path": str(path)})
    if not all(isinstance(header.get(k), str) and header[k] for k in
               ("tenant", "database_id", "station_id", "created_at")):
        raise BackupError(code="backup_not_ours", params={"path": str(path)})
    return header, parts[1], parts[2]


def restore_backup(backup: Path, db: Path, passphrase: str, *, expected_tenant: str | None = None) -> BackupInfo:
    """Write the database and key file to `db` (never over existing files) and prove they open.

    Both are written and opened under a hidden name beside `db` and renamed into place only then (as
    `init` does), so a restore cut short by kill -9 or a power cut leaves no half-written database at
    `db`: the next restore clears what it left and starts again.
    """
    header, keyfile_bytes, db_bytes = read_backup(backup)
    tenant = str(header["tenant"])
    if expected_tenant is not None and tenant != expected_tenant:
        raise WrongTenant(code="backup_other_tenant", params={"tenant": tenant, "expected": expected_tenant})
    db = Path(db)
    key_path = kf.key_path_for(db)
    building = _creating_path(db)
    # Check the passphrase against the key file before writing anything. The backup keeps the key file
    # of its day: a passphrase changed since does not open it, and the admin must be told which one does.
    try:
        kf.unwrap_all(kf.KeyFile.from_bytes(keyfile_bytes), passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(code="backup_passphrase_wrong",
                              params={"created": str(header["created_at"])[:10]}) from None
    info = BackupInfo(tenant, str(header["database_id"]), str(header["station_id"]), str(header["created_at"]),
                      len(db_bytes))
    if _cut_between_the_renames(building, db, database_id=info.database_id):
        # The restore of this very backup was killed after its check, between the two renames.
        _move_into_place(building, db, key_moved=True)
        return info
    for p in (db, key_path, db.with_name(db.name + "-wal")):
        if p.exists():
            raise AlreadyExists(code="restore_target_exists", params={"path": str(p)})
    _remove_database_files(building)  # what an interrupted restore (or init) left: never moved, never used
    try:
        _write_new(kf.key_path_for(building), keyfile_bytes)
        _write_new(building, db_bytes)
        with open_store(building, passphrase) as store:
            if store.identity.tenant != tenant or store.identity.database_id != header["database_id"]:
                raise BackupError(code="backup_header_mismatch")
            with store.read() as session:
                session.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
        _move_into_place(building, db)
    except BaseException as exc:
        _remove_database_files(building)
        if isinstance(exc, CorruptDatabase):
            raise BackupError(code="backup_database_damaged") from None
        raise
    return info


def _cut_between_the_renames(building: Path, db: Path, *, database_id: str) -> bool:
    """The checked database still under its hidden name, and its key file already at `db`'s."""
    if db.exists() or not building.exists() or kf.key_path_for(building).exists():
        return False
    try:
        return kf.read_keyfile(kf.key_path_for(db)).database_id == database_id
    except NotAVaxDeskDatabase:
        return False
