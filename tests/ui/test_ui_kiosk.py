"""Kiosk mode: full screen and frameless, shortcuts swallowed, closes only with an admin's PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from app.services.demo import DEMO_STAFF
from tests.conftest import PASSPHRASE
from tests.ui.conftest import log_in

ADMIN_PIN = next(s.pin for s in DEMO_STAFF if s.login == "admin")
NURSE_PIN = next(s.pin for s in DEMO_STAFF if s.login == "nurse")


@pytest.fixture
def kiosk(qtbot, english, station_db):  # type: ignore[no-untyped-def]
    from app.ui.settings import open_settings
    from app.ui.tasks import workers
    from app.ui.window import StationWindow

    window = StationWindow(db_path=station_db, settings=open_settings(), kiosk=True)
    qtbot.addWidget(window)
    window.show_for_start()
    qtbot.waitExposed(window)
    yield window
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    window.kiosk_guard._may_close = True  # let pytest-qt close it at teardown
    window.inactivity.stop()
    window.inactivity.uninstall()
    window.release_store()


@pytest.fixture
def unlocked_kiosk(qtbot, kiosk):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(kiosk.login_shown, timeout=10000):
        kiosk.unlock_page.unlock(PASSPHRASE)
    return kiosk


def _ask_to_close(qtbot, window):  # type: ignore[no-untyped-def]
    assert window.close() is False  # refused: the window stays
    assert window.isVisible()
    dialog = window.kiosk_guard.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_kiosk_window_is_full_screen_frameless_and_on_top(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(kiosk.isFullScreen)
    flags = kiosk.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint


def test_an_ordinary_window_is_not_a_kiosk(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.kiosk_guard is None
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert not window.isFullScreen()


def test_leaving_full_screen_goes_straight_back(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(kiosk.isFullScreen)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.isFullScreen()
    kiosk.showNormal()
    qtbot.waitUntil(kiosk.isFullScreen, timeout=5000)


def test_desktop_shortcuts_are_swallowed(qtbot, unlocked_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_kiosk
    log_in(qtbot, window, "nurse")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # Were they to reach the window, these actions would fire (and close or un-fullscreen it).
    fired: list[str] = []
    for text in ("Ctrl+Q", "Ctrl+W", "F11"):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(text))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(lambda _=False, t=text: fired.append(t))
        window.addAction(action)
    focus = window.shell.navigation
    qtbot.keyClick(focus, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focus, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focus, Qt.Key.Key_F11)
    assert fired == []
    assert window.isVisible() and window.isFullScreen() and window.stage == "shell"
    # Ctrl+L (lock) is VaxDesk's own and still works.
    with qtbot.waitSignal(window.locked):
        qtbot.keyClick(focus, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_close_is_refused_before_the_station_is_unlocked(qtbot, kiosk) -> None:  # type: ignore[no-untyped-def]
    dialog = _ask_to_close(qtbot, kiosk)
    assert "still locked with its passphrase" in dialog.messages.text()
    assert not dialog.close_button.isEnabled()
    assert dialog.submit() is None
    assert kiosk.isVisible()


def test_wrong_admin_pin_keeps_it_open(qtbot, unlocked_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_kiosk
    dialog = _ask_to_close(qtbot, window)
    dialog.login.setText("admin")
    qtbot.keyClicks(dialog.pin, "0000")
    with qtbot.waitSignal(window.kiosk_guard.exit_refused, timeout=10000) as refused:
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert refused.args == ["Wrong admin login or PIN. VaxDesk stays open."]
    assert dialog.messages.text() == "Wrong admin login or PIN. VaxDesk stays open."
    assert dialog.isVisible() and dialog.pin.text() == ""
    assert window.isVisible() and window.isFullScreen()


def test_a_nurse_cannot_close_the_kiosk(qtbot, unlocked_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_kiosk
    dialog = _ask_to_close(qtbot, window)
    dialog.login.setText("nurse")
    dialog.pin.setText(NURSE_PIN)
    with qtbot.waitSignal(window.kiosk_guard.exit_refused, timeout=10000):
        dialog.submit()
    assert "Only an admin can close VaxDesk" in dialog.messages.text()
    assert window.isVisible()


def test_staying_in_kiosk_mode(qtbot, unlocked_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_kiosk
    dialog = _ask_to_close(qtbot, window)
    qtbot.mouseClick(dialog.stay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.kiosk_guard.dialog is None)
    assert window.isVisible() and window.isFullScreen()


def test_right_admin_pin_closes(qtbot, unlocked_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_kiosk
    log_in(qtbot, window, "nurse")  # closing works whoever is logged in, with an admin's PIN
    dialog = _ask_to_close(qtbot, window)
    dialog.login.setText("admin")
    qtbot.keyClicks(dialog.pin, ADMIN_PIN)
    with qtbot.waitSignal(window.kiosk_guard.exit_approved, timeout=10000):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())
