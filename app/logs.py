"""Logging to a rotating file in the app data folder. Messages never carry personal data."""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir


def log_dir() -> Path:
    return Path(os.environ.get("VAXDESK_LOG_DIR") or user_log_dir("vaxdesk", appauthor=False))


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach the rotating file handler once; returns the log file path (None if it cannot be written)."""
    root = logging.getLogger()
    if any(getattr(h, "_vaxdesk", False) for h in root.handlers):
        return None
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "vaxdesk.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler._vaxdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    # httpx and httpcore log every request's URL at INFO; a public lookup's URL carries a booking code.
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return path


def describe_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The traceback without exception messages (they may quote personal data: SQL parameters,
    names), causes included: file, line, function and exception type are enough to find a bug."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    current_tb, current_type = tb, exc_type
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current_tb)))
        parts.append(f"Traceback:\n{frames}{current_type.__module__}.{current_type.__qualname__}")
        current = current.__cause__ or current.__context__
        if current is not None:
            current_tb, current_type = current.__traceback__, type(current)
    return "\n-- caused by / during handling of --\n".join(reversed(parts))
