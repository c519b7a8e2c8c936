"""Renders every screen offscreen to PNG files, with demo data, to check layout and German lengths.

    python -m app.ui.screenshots --db /tmp/demo.db --out /tmp/shots [--lang de]

A missing --db is created and seeded (passphrase from VAXDESK_PASSPHRASE, else a demo one).
Writes DIR/<page>.png for: unlock, login, home and every page of the shell (plus its named
states, and any extra pictures its states make), as `app/ui/screenshots/states.py` registers them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

DEMO_PASSPHRASE = "demo station passphrase"
WINDOW_SIZE = (1366, 768)
SCREEN_NAMES = ("unlock", "login", "home")


def ensure_demo_db(db: Path) -> str:
    """The passphrase for `db`, creating and seeding it first if it does not exist."""
    passphrase = os.environ.get("VAXDESK_PASSPHRASE") or DEMO_PASSPHRASE
    if not db.exists():
        from app.station.demo import create_demo_station

        create_demo_station(db, passphrase, persons=40)
    return passphrase


def _wait(signal: object, *, timeout_ms: int = 15000) -> None:
    """Run the event loop until `signal` fires (never a sleep, never processEvents)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    loop.exec()
    timed_out = not timer.isActive()
    timer.stop()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]
    if timed_out:
        raise TimeoutError("the screen did not finish loading in time")


def _settle() -> None:
    """Let layouts and pending deleteLater run: one pass of the event loop, via a zero timer."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()


def render_all(db: Path, out: Path, *, language: str = "en",
               login: str = "admin", on_saved: Callable[[Path], None] | None = None) -> list[Path]:
    from PySide6.QtGui import QImage

    from app.services.demo import DEMO_STAFF
    from app.ui.app import create_application
    from app.ui.screenshots import desk_states, other_states  # noqa: F401  (the pages' states register on import)
    from app.ui.screenshots.states import states_for
    from app.ui.settings import AUTO_LOCK_SECONDS, open_settings
    from app.ui.tasks import workers
    from app.ui.window import StationWindow

    passphrase = ensure_demo_db(db)
    out.mkdir(parents=True, exist_ok=True)
    create_application(sys.argv[:1], language=language)
    settings = open_settings()
    AUTO_LOCK_SECONDS.set(settings, 0.0)  # never lock while rendering
    window = StationWindow(db_path=db, settings=settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    written: list[Path] = []

    def save(name: str) -> None:
        _settle()
        path = out / f"{name}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
        if on_saved:
            on_saved(path)

    try:
        window.unlock_page.passphrase.setFocus()
        save("unlock")

        window.unlock_page.unlock(passphrase)
        _wait(window.login_shown)
        pin = next(s.pin for s in DEMO_STAFF if s.login == login)
        window.login_page.select_login(login)
        window.login_page.pin.setText(pin[:2])
        save("login")

        window.login_page.pin.setText(pin)
        window.login_page.submit()
        _wait(window.shell_shown)
        save("home")

        assert window.shell is not None
        def settle_work() -> None:
            while workers().pending:
                _wait(workers().idle)

        for name in window.shell.page_names:
            page = window.shell.show_page(name)
            settle_work()
            registered = states_for(name)  # None: the page as it opens is its only picture
            states: Sequence[tuple[str, Callable[[], None]]] = ()
            images: Sequence[tuple[str, QImage]] = ()
            if registered is not None:
                if registered.prepare is not None:
                    registered.prepare(page)
                states = [(state, partial(setup, page)) for state, setup in registered.states]
            settle_work()
            save(name)
            for state, setup in states:
                setup()
                settle_work()
                save(state)
            if registered is not None and registered.images is not None:
                images = registered.images(page)
            for image_name, image in images:
                path = out / f"{image_name}.png"
                if not image.save(str(path)):
                    raise OSError(f"could not write {path}")
                written.append(path)
                if on_saved:
                    on_saved(path)
        # Locked (as after the auto-lock): the observation board stays, with initials only.
        window.lock()
        settle_work()
        save("locked")
    finally:
        window.close()
        window.deleteLater()
        _settle()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ui.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=("de", "en"), default="en")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settings_dir = tempfile.mkdtemp(prefix="vaxdesk-shots-")
    os.environ.setdefault("VAXDESK_SETTINGS_FILE", str(Path(settings_dir) / "settings.ini"))
    from app.ui.tasks import shutdown_workers

    try:
        paths = render_all(args.db, args.out, language=args.lang, on_saved=lambda p: print(p))
    finally:
        shutdown_workers()
    print(f"{len(paths)} screenshots in {args.out}")
    return 0
