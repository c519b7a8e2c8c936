"""Telling storage failures apart: a read-only location, a full disk, an I/O error and a damaged file
each get their own error, so an intact database is never called damaged (and nobody restores an old
backup over newer data because a USB stick was full).

SQLite reports a full disk or a read-only folder in several ways (a WAL file that cannot be created is
"unable to open database file", a full tmpfs is "disk I/O error"), so the driver's words are only a hint:
the file system itself is asked what is the matter.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.errors import DiskFull, ReadOnlyLocation, StorageIOError, StoreError

# Below this much free space a failed write is taken to be the full disk (a page, its WAL frame and
# the -shm file need a few KiB; the margin covers file-system reserves).
LOW_SPACE_BYTES = 256 * 1024


def _existing(where: Path) -> Path:
    while not where.exists() and where.parent != where:
        where = where.parent
    return where


def location_read_only(where: Path) -> bool:
    where = _existing(where)
    try:
        if os.statvfs(where).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    folder = where if where.is_dir() else where.parent
    return not os.access(folder, os.W_OK) or (where.is_file() and not os.access(where, os.W_OK))


def disk_full(where: Path) -> bool:
    try:
        st = os.statvfs(_existing(where))
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < LOW_SPACE_BYTES


def read_only_error(where: Path) -> ReadOnlyLocation:
    return ReadOnlyLocation(code="storage_read_only", params={"path": str(where)})


def disk_full_error(where: Path) -> DiskFull:
    return DiskFull(code="storage_disk_full", params={"path": str(where)})


def io_error(where: Path, detail: str) -> StorageIOError:
    return StorageIOError(code="storage_io_error", params={"path": str(where), "detail": detail[:120]})


def from_oserror(exc: OSError, where: Path) -> StoreError:
    """An OSError from writing or reading our files, as the error the admin can act on."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return read_only_error(where)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full_error(where)
    if exc.errno == errno.ENOENT:
        return StoreError(code="storage_folder_missing", params={"path": str(where)})
    return io_error(where, exc.strerror or str(exc))


# What SQLite says for a file whose pages do not decrypt or do not parse.
_DAMAGE = ("malformed", "not a database", "hmac", "corrupt")


def is_damage(message: str) -> bool:
    text = message.lower()
    return any(word in text for word in _DAMAGE)


def from_sqlite(message: str, path: Path) -> StoreError | None:
    """A failure the SQLite driver reported about the file system under `path`, or None when the
    message is about something else (damage is the caller's to confirm with the integrity check; a
    busy database, a constraint, a bug are not storage failures)."""
    text = message.lower()
    if "readonly" in text or "read-only" in text:
        return read_only_error(path.parent)
    if "disk is full" in text:
        return disk_full_error(path.parent)
    if "i/o error" in text or "unable to open" in text:
        if disk_full(path.parent):
            return disk_full_error(path.parent)
        if location_read_only(path):
            return read_only_error(path.parent)
        return io_error(path, message)
    return None
