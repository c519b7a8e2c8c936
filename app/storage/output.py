"""Files the product writes for people (reports, exports): never over an existing file unless asked
(`--force`), and never half-written — the bytes go to a temporary name that is renamed when complete."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from app.errors import AlreadyExists
from app.storage import failures


def output_exists(path: Path) -> AlreadyExists:
    return AlreadyExists(code="output_exists", params={"path": str(path)})


def refuse_existing(path: Path, *, force: bool) -> None:
    """Check before the work starts, so a long export does not end in a refusal."""
    if Path(path).exists() and not force:
        raise output_exists(path)


def write_output_file(path: Path, data: bytes | str, *, force: bool) -> None:
    path = Path(path)
    refuse_existing(path, force=force)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if not force and path.exists():  # taken while we wrote (USB sticks have no link() to do better)
            raise FileExistsError(path)
        os.replace(tmp, path)
    except FileExistsError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise output_exists(path) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise failures.from_oserror(exc, path.parent) from None
