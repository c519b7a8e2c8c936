"""Starts the station window (`vaxdesk` without a command). Keep the imports here light: the
staff login must be on screen within two seconds, so the database layer is imported on the worker
thread while the window is already showing."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.ui.window import StationWindow

PASSPHRASE_ENV = "VAXDESK_PASSPHRASE"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("vaxdesk", appauthor=False)) / "station.db"


def start_gui(*, db: Path | None, kiosk: bool, language: str | None) -> tuple[QApplication, StationWindow]:
    """Create the application and show the window; unlocks at once if VAXDESK_PASSPHRASE is set."""
    from app.logs import setup_logging

    setup_logging()
    from app.ui import crash
    from app.ui.app import create_application
    from app.ui.settings import LANGUAGE, open_settings

    crash.install()
    settings = open_settings()
    app = create_application(sys.argv[:1], language=language or LANGUAGE.get(settings) or None)
    from app.ui.window import StationWindow

    window = StationWindow(db_path=Path(db) if db else default_db_path(), settings=settings, kiosk=kiosk)
    window.show_for_start()
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        window.unlock_page.unlock(passphrase)
    return app, window


def stop_gui(window: StationWindow) -> None:
    from app.ui.tasks import shutdown_workers

    shutdown_workers()  # let a running write finish before the store goes
    window.release_store()


def no_display_message() -> str | None:
    """On Linux without a screen Qt would abort; say instead how to look at VaxDesk."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "vaxdesk: no screen found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
        "  On a desk PC, start VaxDesk from the desktop session.\n"
        "  On a headless machine, run it in a virtual screen:  xvfb-run -a vaxdesk --db PATH\n"
        "  or render every page to PNG files:  QT_QPA_PLATFORM=offscreen python -m app.ui.screenshots "
        "--db PATH --out DIR"
    )


def run_gui(db: Path | None = None, kiosk: bool = False, language: str | None = None) -> int:
    message = no_display_message()
    if message:
        print(message, file=sys.stderr)
        return 2
    app, window = start_gui(db=db, kiosk=kiosk, language=language)
    try:
        return int(app.exec())
    finally:
        stop_gui(window)
