"""Logging to a rotating file in the app data folder. Messages never carry personal data."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

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
    return path
