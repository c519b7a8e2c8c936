"""The admin's pages on a real SQLCipher station: the audit log viewer and staff accounts."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from app.services.demo import DEMO_STAFF
from app.ui.pages.staff import ROW_ROLE
from tests.conftest import PASSPHRASE
from tests.ui.conftest import log_in


def _wait(qtbot, op) -> None:  # type: ignore[no-untyped-def]
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=15000):
        pass


def _log_in_after_lock(qtbot, window, login: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    """Lock the station, then log in as `login` with `pin` typed, as at the desk."""
    window.lock()
    qtbot.waitUntil(lambda: window.login_page.select_login(login), timeout=10000)
    qtbot.keyClicks(window.login_page.pin, pin)
    with qtbot.waitSignal(window.shell_shown, timeout=10000):
        window.login_page.submit()


def _new_account(page, *, name: str, login: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    """The new-account form filled in (the PIN typed the same twice), not yet saved."""
    page.start_new()
    page.new_name.setText(name)
    page.new_login.setText(login)
    page.new_pin.setText(pin)
    page.new_pin_repeat.setText(pin)


def _open(qtbot, make_window, db: Path | None, page: str):  # type: ignore[no-untyped-def]
    window = make_window(db)
    with qtbot.waitSignal(window.login_shown, timeout=10000):
        window.unlock_page.unlock(PASSPHRASE)
    log_in(qtbot, window, "admin")
    return window, window.shell.show_page(page)


@pytest.fixture
def berlin_station(tmp_path: Path) -> Path:
    """A demo center whose clock runs in Europe/Berlin (as simulate-day's does): the audit chain
    must hold whatever zone the clock that wrote it was in."""
    from app.services.demo import seed_center
    from app.storage.engine import create_store

    db = tmp_path / "berlin.db"
    with create_store(db, PASSPHRASE, tenant="t-berlin", site_code="b", site_name="Impfzentrum Berlin") as store:
        seed_center(store, persons=3, seed=3, clock=lambda: datetime.now(ZoneInfo("Europe/Berlin")))
    return db


# -- audit -------------------------------------------------------------------------------------------


def test_audit_filter_by_action_shows_only_those_rows(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    _, page = _open(qtbot, make_window, None, "audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    everything = {row.action for row in page.model.rows()}
    assert any(not a.startswith("staff.") for a in everything)

    page.select_action("staff.")
    _wait(qtbot, page.search())
    # The action in words; its stable code (as in the export) in the tooltip.
    actions = [page.proxy.index(r, 3).data(Qt.ItemDataRole.ToolTipRole) for r in range(page.proxy.rowCount())]
    assert actions and all(a.startswith("staff.") for a in actions)
    assert "staff.login" in actions  # the admin's own login a moment ago
    shown = [page.proxy.index(r, 3).data() for r in range(page.proxy.rowCount())]
    assert "Logged in" in shown and not any(a.startswith("staff.") for a in shown)


def test_audit_filter_by_staff_and_record(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    _, page = _open(qtbot, make_window, None, "audit")
    qtbot.waitUntil(lambda: page.staff_filter.count() == 1 + len(DEMO_STAFF), timeout=10000)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    created = next(r for r in page.model.rows() if r.action == "staff.created")

    page.record_filter.setText(created.entity_id)
    _wait(qtbot, page.search())
    assert {r.entity_id for r in page.model.rows()} == {created.entity_id}

    # Nobody logged in as the nurse: filtering by her shows nothing, and says so.
    page.record_filter.clear()
    nurse_index = next(i for i in range(page.staff_filter.count()) if page.staff_filter.itemText(i) == "Anna Schmidt")
    page.staff_filter.setCurrentIndex(nurse_index)
    _wait(qtbot, page.search())
    assert page.model.rowCount() == 0
    assert page.summary.text() == "No entries match these filters."


def test_audit_time_range_the_wrong_way_round_is_refused(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    _, page = _open(qtbot, make_window, None, "audit")
    page.since_edit.setDate(page.until_edit.date().addDays(1))
    assert page.search() is None
    assert page.messages.kind == "error"


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])  # at any hour, one of them is on another date than UTC
def test_audit_opens_on_the_week_up_to_today_at_the_site(qtbot, make_window, station_db: Path, zone: str) -> None:  # type: ignore[no-untyped-def]
    """A desk PC whose clock is in another zone (or the hour around midnight): the range ends today at the
    site, not on the machine's date, and the admin's own login a moment ago is in it."""
    from app.storage.engine import open_store
    from app.storage.schema import Site

    with open_store(station_db, PASSPHRASE) as store, store.write() as session:
        session.get(Site, store.identity.site_id).timezone = zone
    _, page = _open(qtbot, make_window, station_db, "audit")
    today = datetime.now(ZoneInfo(zone)).date()
    qtbot.waitUntil(lambda: page.until_edit.date().toPython() == today, timeout=10000)
    assert page.since_edit.date().toPython() == today - timedelta(days=7)
    qtbot.waitUntil(lambda: "staff.login" in {row.action for row in page.model.rows()}, timeout=10000)


def test_integrity_check_says_intact(qtbot, make_window, berlin_station: Path) -> None:  # type: ignore[no-untyped-def]
    _, page = _open(qtbot, make_window, berlin_station, "audit")
    _wait(qtbot, page.check_integrity())
    assert page.integrity.property("kind") == "good"
    assert page.integrity.text().startswith("Audit log intact:")
    assert "the hash chain is unbroken" in page.integrity.text()
    assert page.integrity_button.isEnabled()


def test_integrity_check_names_the_tampered_entry(qtbot, make_window, station_db: Path) -> None:  # type: ignore[no-untyped-def]
    from app.storage.engine import open_store

    with open_store(station_db, PASSPHRASE) as store, store.write() as session:
        # Someone with the key and a SQLite shell: the append-only trigger first, then a row.
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("UPDATE audit_log SET action = 'staff.nothing_to_see' WHERE seq = 3"))
    _, page = _open(qtbot, make_window, station_db, "audit")
    _wait(qtbot, page.check_integrity())
    assert page.integrity.property("kind") == "error"
    assert "entry 3 was changed" in page.integrity.text()
    assert "changed after it was written" in page.integrity.text()


# -- staff -------------------------------------------------------------------------------------------


@pytest.fixture
def staff(qtbot, make_window):  # type: ignore[no-untyped-def]
    window, page = _open(qtbot, make_window, None, "staff")
    qtbot.waitUntil(lambda: page.model.rowCount() == len(DEMO_STAFF), timeout=10000)
    return window, page


def test_staff_list_shows_role_and_status(staff) -> None:  # type: ignore[no-untyped-def]
    _, page = staff
    shown = {page.proxy.index(r, 0).data(ROW_ROLE).login: (page.proxy.index(r, 1).data(), page.proxy.index(r, 2).data())
             for r in range(page.proxy.rowCount())}
    assert shown["admin"] == ("Site lead / admin", "active")
    assert shown["nurse"] == ("Nurse", "active")
    assert shown["doctor"] == ("Doctor", "active")


def test_create_staff(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    window, page = staff
    page.start_new()
    assert page.panel.currentWidget() is page.new_card
    qtbot.keyClicks(page.new_name, "Maria Weber")
    qtbot.keyClicks(page.new_login, "mweber")
    page.new_role.setCurrentIndex(page.new_role.findData("doctor"))
    qtbot.keyClicks(page.new_pin, "4826")
    qtbot.keyClicks(page.new_pin_repeat, "4826")
    _wait(qtbot, page.create())
    assert page.messages.kind == "info"
    assert "Maria Weber can now log in as \u201cmweber\u201d" in page.messages.text()
    qtbot.waitUntil(lambda: any(s.login == "mweber" for s in page.model.rows()), timeout=10000)
    member = next(s for s in page.model.rows() if s.login == "mweber")
    assert (member.display_name, member.role, member.active) == ("Maria Weber", "doctor", True)
    assert page.panel.currentWidget() is page.selected_card

    # She can log in with the PIN the admin set.
    _log_in_after_lock(qtbot, window, "mweber", "4826")  # the login list is re-read on lock: no restart
    assert window.actor.display_name == "Maria Weber"


def test_pin_rules_are_shown_before_anything_is_saved(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    _, page = staff
    _new_account(page, name="Kurt Kurz", login="kkurz", pin="1234")
    assert page.create() is None
    assert page.messages.text() == "This PIN is too easy to guess; choose another."
    page.new_pin.setText("48260")
    page.new_pin_repeat.setText("48261")
    assert page.create() is None
    assert page.messages.text() == "The two PINs differ. Type the same PIN twice."
    assert not any(s.login == "kkurz" for s in page.model.rows())


def test_taken_login_is_refused_inline(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    _, page = staff
    _new_account(page, name="Another Anna", login="nurse", pin="48260")
    _wait(qtbot, page.create())
    assert page.messages.kind == "error"
    assert page.messages.text() == "The login \u201cnurse\u201d is taken; choose another."
    assert page.panel.currentWidget() is page.new_card  # what was typed stays for correcting


def test_reset_pin(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    window, page = staff
    assert page.select_login("nurse")
    page.reset_pin_edit.setText("97531")
    page.reset_pin_repeat.setText("97531")
    _wait(qtbot, page.reset_selected_pin())
    assert page.messages.kind == "info"
    assert page.messages.text().startswith("New PIN set for Anna Schmidt.")

    _log_in_after_lock(qtbot, window, "nurse", "97531")
    assert window.actor.display_name == "Anna Schmidt"


def test_change_role(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    _, page = staff
    assert page.select_login("nurse2")
    page.role_edit.setCurrentIndex(page.role_edit.findData("doctor"))
    _wait(qtbot, page.change_role())
    assert page.messages.text() == "Tobias Krüger is now: Doctor."
    qtbot.waitUntil(lambda: next(s for s in page.model.rows() if s.login == "nurse2").role == "doctor")


def test_deactivate_and_reactivate(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    _, page = staff
    assert page.select_login("nurse2")
    assert page.active_button.text() == "Deactivate"
    _wait(qtbot, page.toggle_active())
    qtbot.waitUntil(lambda: not next(s for s in page.model.rows() if s.login == "nurse2").active)
    assert "can no longer log in" in page.messages.text()
    # Still listed (deactivated accounts are shown now), selected, and can come back.
    assert page.show_inactive.isChecked()
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().login == "nurse2")
    assert page.active_button.text() == "Reactivate"
    page.show_inactive.setChecked(False)
    assert all(page.proxy.index(r, 0).data(ROW_ROLE).login != "nurse2" for r in range(page.proxy.rowCount()))
    assert page.select_login("nurse2")  # selecting a deactivated one shows them again
    _wait(qtbot, page.toggle_active())
    qtbot.waitUntil(lambda: next(s for s in page.model.rows() if s.login == "nurse2").active)
    assert page.messages.text() == "Tobias Krüger can log in again."


def test_admin_cannot_deactivate_themselves(qtbot, staff) -> None:  # type: ignore[no-untyped-def]
    _, page = staff
    assert page.select_login("admin")
    _wait(qtbot, page.toggle_active())
    assert page.messages.kind == "error"
    assert page.messages.text() == "You cannot deactivate yourself."
    assert next(s for s in page.model.rows() if s.login == "admin").active


def test_staff_and_audit_pages_are_for_admins_only(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    assert "staff" not in unlocked.shell.page_names
    assert "audit" not in unlocked.shell.page_names
    assert "report" not in unlocked.shell.page_names


def test_every_date_field_offers_only_the_days_the_station_works_with(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    """Qt's date fields go from 14.9.1752 to 31.12.9999; a use case takes 1900 to 2200 (the sync records'
    years). A field that offered more led to a refusal (or, before, an OverflowError) for a day it showed."""
    from PySide6.QtWidgets import QDateEdit

    from app.domain.days import FIRST_DAY, LAST_DAY

    window, _ = _open(qtbot, make_window, None, "audit")
    for name in window.shell.page_names:
        window.shell.show_page(name)
    fields = window.findChildren(QDateEdit)
    names = {field.objectName() for field in fields}
    assert {"auditSince", "auditUntil", "openFrom", "openUntil", "ruleFrom"} <= names
    for field in fields:
        assert field.minimumDate().toPython() >= FIRST_DAY, field.objectName()
        assert field.maximumDate().toPython() <= LAST_DAY, field.objectName()
