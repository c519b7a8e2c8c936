"""The station window's own settings, declared once with types and defaults (stored in QSettings).

Keys, tokens and passphrases never go here. Tests and tools point the store at a private INI
file through `VAXDESK_SETTINGS_FILE` so they never touch the user's real settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T", int, float, str, bool, bytes)

ORGANISATION = "VaxDesk"
APPLICATION = "VaxDesk"
SETTINGS_FILE_ENV = "VAXDESK_SETTINGS_FILE"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One typed setting. `get` never fails: a missing or unreadable value gives the default."""

    key: str
    default: T
    kind: type[T]

    def get(self, settings: QSettings) -> T:
        raw = settings.value(self.key)
        if raw is None:
            return self.default
        try:
            value: object
            if self.kind is bool:
                value = raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
            elif self.kind is bytes:
                value = bytes(raw.data() if hasattr(raw, "data") else raw)
            else:
                value = self.kind(raw)  # str, int or float
            return value  # type: ignore[return-value]  # of kind T, as converted just above
        except (TypeError, ValueError):
            return self.default

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


# Lock the station after this many seconds without keyboard or mouse input (0 disables it).
AUTO_LOCK_SECONDS = Setting("security/auto_lock_seconds", 300.0, float)
# "de" or "en"; empty means: follow the system locale.
LANGUAGE = Setting("ui/language", "", str)
WINDOW_GEOMETRY = Setting("window/geometry", b"", bytes)


def open_settings() -> QSettings:
    """The settings store: the INI file named by VAXDESK_SETTINGS_FILE, else the platform's own."""
    path = os.environ.get(SETTINGS_FILE_ENV)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)
