"""UI test fixtures: a seeded SQLCipher station copied per test, and the real station window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, copy_station


@pytest.fixture(scope="session")
def seeded_station(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo center (5 booked persons, the demo staff) built once; tests get copies."""
    from app.services.demo import seed_center
    from app.storage.engine import create_store

    path = tmp_path_factory.mktemp("template") / "station.db"
    with create_store(path, PASSPHRASE, tenant="t-ui", site_code="ui-site", site_name="Impfzentrum Teststadt") as s:
        seed_center(s, persons=5, seed=7)
    return path


@pytest.fixture
def station_db(seeded_station: Path, tmp_path: Path) -> Path:
    return copy_station(seeded_station, tmp_path / "station.db")


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never read or write the real user's QSettings."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("VAXDESK_SETTINGS_FILE", str(path))
    return path


@pytest.fixture(scope="session", autouse=True)
def _stop_workers() -> Iterator[None]:
    yield
    from app.ui.tasks import shutdown_workers

    shutdown_workers()


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    from app.ui.app import create_application

    return create_application([], language="en")


@pytest.fixture
def make_window(qtbot, english, station_db):  # type: ignore[no-untyped-def]
    """Builds the station window on `station_db` (or another path); cleans up after the test."""
    import shiboken6

    from app.ui.settings import open_settings
    from app.ui.tasks import workers
    from app.ui.window import StationWindow

    made: list[StationWindow] = []

    def make(db: Path | None = None) -> StationWindow:
        window = StationWindow(db_path=db or station_db, settings=open_settings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    # A worker may still be writing (an audit row of a login): let it finish before the files go.
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    for window in made:
        # Waiting above runs the event loop, which may already have carried out pytest-qt's
        # deleteLater of the closed window (and with it the inactivity watch); the store is closed anyway.
        if shiboken6.isValid(window):
            window.inactivity.stop()
            window.inactivity.uninstall()
        window.release_store()


@pytest.fixture
def unlocked(qtbot, make_window):  # type: ignore[no-untyped-def]
    window = make_window()
    with qtbot.waitSignal(window.login_shown, timeout=10000):
        window.unlock_page.unlock(PASSPHRASE)
    return window


def log_in(qtbot, window, login: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from app.services.demo import DEMO_STAFF

    pin = next(s.pin for s in DEMO_STAFF if s.login == login)
    assert window.login_page.select_login(login)
    qtbot.keyClicks(window.login_page.pin, pin)
    with qtbot.waitSignal(window.shell_shown, timeout=10000):
        qtbot.keyClick(window.login_page.pin, Qt.Key.Key_Return)
