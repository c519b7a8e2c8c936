"""Locking: on demand (button, Ctrl+L) and after inactivity; it hides everything of the session."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.services.staff import list_staff, set_active
from app.services.unit_of_work import Actor, collecting_changes
from app.ui import settings as ui_settings
from app.ui.shell import Shell
from tests.ui.conftest import log_in


def _assert_locked(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.stage == "login"
    assert window.shell is None and window.actor is None
    qtbot.waitUntil(lambda: not window.findChildren(Shell))  # destroyed, not just hidden
    visible = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    assert not any("Check-in" in t or "Anna Schmidt" in t for t in visible), visible
    assert window.login_page.pin.text() == ""
    assert window.login_page.chosen_login() is None
    assert not window.inactivity.active


def test_auto_lock_after_inactivity(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    ui_settings.AUTO_LOCK_SECONDS.set(unlocked.settings, 0.3)
    log_in(qtbot, unlocked, "nurse")
    assert unlocked.inactivity.active
    with qtbot.waitSignal(unlocked.locked, timeout=5000):
        pass
    _assert_locked(qtbot, unlocked)


def test_input_restarts_the_inactivity_timer(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    ui_settings.AUTO_LOCK_SECONDS.set(unlocked.settings, 2.0)
    log_in(qtbot, unlocked, "nurse")
    timer = unlocked.inactivity._timer
    # A wide margin: on a loaded machine milliseconds pass between the key and the reading.
    qtbot.waitUntil(lambda: timer.remainingTime() < 1400, timeout=3000)
    qtbot.keyClick(unlocked.focusWidget(), Qt.Key.Key_A)  # the page's field has the keyboard, never the list
    assert timer.remainingTime() > 1600  # started again from 2 s
    assert unlocked.stage == "shell"


def test_lock_button(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    with qtbot.waitSignal(unlocked.locked):
        qtbot.mouseClick(unlocked.shell.header.lock_button, Qt.MouseButton.LeftButton)
    _assert_locked(qtbot, unlocked)


def test_ctrl_l_locks(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    unlocked.activateWindow()
    qtbot.waitUntil(unlocked.isActiveWindow)
    with qtbot.waitSignal(unlocked.locked):
        qtbot.keyClick(unlocked.shell.navigation, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_locked(qtbot, unlocked)


def test_log_in_again_after_lock(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    unlocked.lock()
    log_in(qtbot, unlocked, "doctor")
    assert unlocked.shell.header.staff_label.text() == "Dr. Mehmet Yılmaz"


def test_lock_without_a_session_does_nothing(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(unlocked.locked):
        unlocked.lock()
    assert unlocked.stage == "login"


def test_a_session_ends_when_an_admin_deactivates_its_account(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    """The admin at another station deactivates the nurse who is logged in here; the change arrives (as a
    sync round publishes it): the station locks with the reason instead of refusing every action."""
    log_in(qtbot, unlocked, "nurse")
    store = unlocked.shell.context.services.store
    nurse = unlocked.actor
    admin = next(s for s in list_staff(store) if s.role == "admin")
    with collecting_changes() as changes:
        set_active(store, Actor(staff_id=admin.id, role="admin", display_name=admin.display_name),
                   str(nurse.staff_id), False)
    with qtbot.waitSignal(unlocked.locked, timeout=10000):
        unlocked.shell.context.changes.publish(changes)
    _assert_locked(qtbot, unlocked)
    assert unlocked.login_page.messages.text() == (
        "Your account was deactivated or given another role since you logged in. Log in again.")
    assert not unlocked.login_page.select_login("nurse")  # no longer on the login list
