"""Unlock and staff login on a real SQLCipher station."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.ui.shell import Header
from tests.conftest import PASSPHRASE
from tests.ui.conftest import log_in


def _nav_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    nav = window.shell.navigation
    return [nav.item(i).text() for i in range(nav.count())]


def test_right_passphrase_opens_the_staff_login(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.stage == "unlock"
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.login_shown, timeout=10000):
        qtbot.mouseClick(window.unlock_page.unlock_button, Qt.MouseButton.LeftButton)
    assert window.stage == "login"
    names = [window.login_page.staff_list.item(i).text() for i in range(window.login_page.staff_list.count())]
    assert len(names) == 5
    assert any(n.startswith("Anna Schmidt") for n in names)
    assert "Impfzentrum Teststadt" in window.login_page.site_label.text()
    assert window.unlock_page.passphrase.text() == ""


def test_wrong_passphrase_stays_on_unlock_with_a_clear_message(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.keyClicks(window.unlock_page.passphrase, "not the passphrase")
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    messages = window.unlock_page.messages
    qtbot.waitUntil(lambda: messages.kind == "error", timeout=10000)
    assert window.stage == "unlock"
    assert messages.isVisible()
    assert messages.text() == "This passphrase does not unlock the station. Check it and try again."
    assert window.unlock_page.unlock_button.isEnabled()
    assert window.unlock_page.passphrase.text() == ""


def test_missing_database_is_explained(qtbot, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(tmp_path / "nowhere" / "station.db")
    window.unlock_page.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.unlock_page.messages.kind == "error", timeout=10000)
    assert "no station database" in window.unlock_page.messages.text()
    assert window.stage == "unlock"


def test_damaged_database_is_explained_without_a_traceback(qtbot, make_window, station_db: Path) -> None:  # type: ignore[no-untyped-def]
    with station_db.open("r+b") as fh:
        fh.truncate(4096 + 17)
    window = make_window()
    window.unlock_page.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.unlock_page.messages.kind == "error", timeout=10000)
    text = window.unlock_page.messages.text()
    assert "damaged" in text
    assert "Traceback" not in text
    assert station_db.stat().st_size == 4096 + 17  # left untouched


def test_nurse_logs_in_and_sees_nurse_pages(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    assert unlocked.stage == "shell"
    header = unlocked.shell.header
    assert header.staff_label.text() == "Anna Schmidt"
    assert header.staff_label.isVisible()
    assert header.role_label.text() == "Nurse"
    assert _nav_titles(unlocked) == ["Check-in", "Queue", "Tests", "Schedule", "Certificates", "Verify certificate", "Sync"]
    assert unlocked.shell.current_page.name == "checkin"
    assert unlocked.shell.current_page.title_label.text() == "Check-in"


def test_doctor_lands_on_the_doctor_page(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "doctor")
    assert _nav_titles(unlocked) == ["Doctor", "Queue", "Tests", "Certificates", "Verify certificate"]
    assert unlocked.shell.current_page.name == "doctor"


def test_admin_sees_every_page(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "admin")
    assert unlocked.shell.page_names == (
        "checkin", "doctor", "queue", "testing", "lots", "schedule", "certificates", "verify", "report", "audit", "staff", "sync",
    )
    for name in unlocked.shell.page_names:
        page = unlocked.shell.show_page(name)
        assert page.isVisible()
        assert page.title_label.text()


def test_wrong_pin_shows_a_message_and_stays_on_login(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    page = unlocked.login_page
    page.select_login("nurse")
    qtbot.keyClicks(page.pin, "9999")
    qtbot.keyClick(page.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.messages.kind == "error", timeout=10000)
    assert page.messages.text() == "Wrong PIN. Please try again."
    assert unlocked.stage == "login"
    assert page.pin.text() == ""
    assert not unlocked.findChildren(Header)


def test_pin_field_takes_digits_only(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(unlocked.login_page.pin, "12ab34")
    assert unlocked.login_page.pin.text() == "1234"


def test_repeated_wrong_pins_lock_the_account_out(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    page = unlocked.login_page
    for _ in range(6):
        page.select_login("nurse2")
        page.pin.setText("9999")
        op = page.submit()
        with qtbot.waitSignal(op.finished, timeout=10000):
            pass
    assert page.messages.text() == "Too many wrong PINs. Try again in 5 min or ask an admin."
    assert unlocked.stage == "login"
