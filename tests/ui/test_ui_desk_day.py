"""Issue 14's dead ends and traps at the desk, driven with keys and clicks as staff do, on a real
SQLCipher station: an interrupted check-in finished from the search and from the queue, the first scan
after login, the login that never preselects, "Left observation" with time left, a duplicate walk-in
with a booking today, and the keyboard-only path from scan to queue."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.services.checkin import CheckInDesk
from app.storage.schema import Appointment, Visit
from app.ui.pages.checkin import CheckInPage
from app.ui.pages.queue import QueuePage
from app.ui.tasks import workers
from benchmarks.window_desk_keys import drive_scan_to_queue
from tests.ui.conftest import log_in
from tests.ui.test_ui_checkin import NURSE, first_booking, open_page, walk_in_form
from tests.ui.test_ui_queue import no_answers

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def nurse_window(qtbot, unlocked):  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    return unlocked


def focus_in(widget):  # type: ignore[no-untyped-def]
    """Where keys typed into this widget's window go (its focus widget), as on a desk."""
    return widget.window().focusWidget()


def scan(qtbot, page: CheckInPage, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.search, f"VAXDESK:{code}")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.shown is not None and page.check_in_button.isVisible(), timeout=10000)


# ---- 1. an interrupted check-in ---------------------------------------------------------------------


def checked_in_by_scan(qtbot, window) -> tuple[CheckInPage, str]:  # type: ignore[no-untyped-def]
    """The first booking scanned and checked in with Enter: the visit steps are shown. The page and the code."""
    code, _match, clock = first_booking(window.shell.context.services.store)
    page = open_page(qtbot, window, clock)
    scan(qtbot, page, code)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.steps is not None, timeout=10000)
    return page, code


def test_an_interrupted_check_in_is_finished_from_the_search(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    code, match, clock = first_booking(store)
    page = open_page(qtbot, nurse_window, clock)
    scan(qtbot, page, code)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # check in
    qtbot.waitUntil(lambda: page.steps is not None, timeout=10000)
    steps = page.steps
    qtbot.keyClick(focus_in(page), Qt.Key.Key_Down)  # passport instead of the ID card
    qtbot.keyClick(focus_in(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: steps.identity_done, timeout=10000)
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)  # interrupted: the next person steps up
    assert page.steps is None

    # The same person again (a restart would look the same: it all comes from the database).
    scan(qtbot, page, code)
    qtbot.waitUntil(lambda: page.flow.unfinished is not None, timeout=10000)
    assert page.card.arrival_label.text() == "Checked in, but not finished: identity, consent or questions are missing."
    assert page.check_in_button.text() == "Finish check-in (Enter)"
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.steps is not None, timeout=10000)
    assert page.steps.identity_done and "Passport" in page.steps.identity_status.text()
    assert focus_in(page) is page.steps.consent_row.yes_no.yes_button  # identity is done: consent is next
    qtbot.keyClick(focus_in(page), Qt.Key.Key_J)
    for row in page.steps.rows:
        qtbot.keyClick(focus_in(page), Qt.Key.Key_N if row.yes_no is not None else Qt.Key.Key_Return)
    qtbot.keyClick(focus_in(page), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.steps is None and page.messages.kind == "info", timeout=10000)
    (row,) = [r for r in CheckInDesk(store, clock=clock).queue(NURSE) if r.person_id == match.person_id]
    assert row.identity_checked and row.questionnaire_done


def test_the_queue_sends_an_unfinished_check_in_back_to_the_desk(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    shell = nurse_window.shell
    store = shell.context.services.store
    _code, match, clock = first_booking(store)
    CheckInDesk(store, clock=clock).check_in(NURSE, match.booking.appointment_id, confirmed=True)
    queue = shell.show_page("queue")
    assert isinstance(queue, QueuePage)
    qtbot.waitUntil(lambda: queue.selected_row() is not None, timeout=10000)
    assert not queue.call_button.isEnabled()  # "consent is missing" is not a dead end any more
    assert queue.finish_button.isEnabled()
    qtbot.mouseClick(queue.finish_button, LEFT)
    checkin = shell.current_page
    assert isinstance(checkin, CheckInPage)
    qtbot.waitUntil(lambda: checkin.flow.unfinished is not None, timeout=10000)
    assert checkin.card.person_name.text() == f"{match.family_name}, {match.given_name}"
    qtbot.keyClick(focus_in(checkin), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checkin.steps is not None, timeout=10000)
    assert focus_in(checkin) is checkin.steps.identity_button


# ---- 2. the first scan after login --------------------------------------------------------------------


def test_the_first_scan_after_login_lands_in_the_search(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    store = unlocked.shell.context.services.store
    with store.read() as session:
        code = session.scalars(select(Appointment.booking_code).order_by(Appointment.booking_code)).first()
    page = unlocked.shell.current_page
    assert isinstance(page, CheckInPage) and focus_in(unlocked) is page.search
    for ch in f"VAXDESK:{code}":  # a burst, into whatever has the keyboard
        qtbot.keyClick(focus_in(unlocked), ch)
    qtbot.keyClick(focus_in(unlocked), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.shown is not None, timeout=10000)
    assert unlocked.shell.current_page is page  # no "Verify certificate" from the "V"
    # Clicking a page name does not keep the keyboard either.
    qtbot.mouseClick(unlocked.shell.navigation.viewport(), LEFT,
                     pos=unlocked.shell.navigation.visualItemRect(unlocked.shell.navigation.item(0)).center())
    assert focus_in(unlocked) is page.search


def test_scanning_into_the_questionnaire_starts_a_new_search(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    page, code = checked_in_by_scan(qtbot, nurse_window)
    assert focus_in(page) is page.steps.identity_button
    for ch in f"VAXDESK:{code}":  # the scanner types into whatever has the keyboard
        qtbot.keyClick(focus_in(page), ch)
    assert focus_in(page) is page.search and page.search.text() == f"VAXDESK:{code}"


def test_a_scan_with_its_symbology_identifier_into_the_walk_in_form_leaves_the_typed_name(  # type: ignore[no-untyped-def]
        qtbot, nurse_window) -> None:
    """The scanner sends "]Q1" before the booking QR; it lands in the name the nurse was typing for a walk-in:
    the field keeps what she typed, and the search finds the booking."""
    code, _match, clock = first_booking(nurse_window.shell.context.services.store)
    page = open_page(qtbot, nurse_window, clock)
    page.open_walk_in()
    family = page.walk_in.fields["family_name"]
    family.setFocus()
    qtbot.keyClicks(family, "Muel")
    for ch in f"]Q1VAXDESK:{code}":
        qtbot.keyClick(focus_in(page), ch)
    assert family.text() == "Muel"
    assert focus_in(page) is page.search and page.search.text() == f"VAXDESK:{code}"
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.shown is not None, timeout=10000)


# ---- 4. "Left observation" with time left -----------------------------------------------------------


def test_left_observation_with_time_left_asks_why(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    _code, match, clock = first_booking(store)
    start = clock()
    desk = CheckInDesk(store, clock=lambda: start)
    visit = desk.check_in(NURSE, match.booking.appointment_id, confirmed=True)
    desk.record_questionnaire(NURSE, visit, no_answers(desk))
    desk.call_to_doctor(NURSE, visit)
    desk.start_observation(NURSE, visit)
    now = [start + timedelta(minutes=6)]
    queue = QueuePage(nurse_window.shell.context, title="Queue", clock=lambda: now[0])
    qtbot.addWidget(queue)
    queue.resize(1366, 700)
    queue.show()
    qtbot.waitUntil(lambda: queue.selected_row() is not None, timeout=10000)
    assert queue.select_visit(visit)

    qtbot.mouseClick(queue.left_observation_button, LEFT)  # one click does not end it
    assert queue.early_frame.isVisible()
    assert queue.early_text.text() == f"{match.family_name}, {match.given_name}: observation is not over " \
                                      "(9 min left). Why does it end early?"
    qtbot.mouseClick(queue.early_confirm, LEFT)  # no reason yet
    assert queue.messages.text() == "Write why the observation ends early."
    qtbot.keyClicks(queue.early_reason, "Picked up by her son, feels well")
    qtbot.keyClick(queue.early_reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not queue.early_frame.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    with store.read() as session:
        row = session.get(Visit, visit)
        assert row is not None and row.state == "done" and row.left_reason == "Picked up by her son, feels well"


# ---- 5. the login never preselects ---------------------------------------------------------------------


def test_the_login_never_preselects_a_name(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    login = unlocked.login_page
    login.staff_list.setFocus()  # what re-activating the window does: Qt makes the first row current
    qtbot.waitUntil(login.staff_list.hasFocus, timeout=5000)
    assert login.chosen_login() is None
    assert login.chosen_label.text() == "Choose your name on the left."
    qtbot.keyClicks(login.pin, "1234")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    assert login.messages.text() == "Choose your name first."  # nobody's PIN was tried
    qtbot.keyClick(login.staff_list, Qt.Key.Key_Down)  # choosing by keyboard shows who is chosen
    assert login.chosen_login() is not None
    assert login.chosen_label.text().startswith("Hello ")


# ---- 7. a duplicate walk-in with a booking today ----------------------------------------------------------


def test_use_existing_person_checks_in_on_todays_booking(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    page, _code, match = walk_in_form(qtbot, nurse_window)
    form = page.walk_in
    form.fields["family_name"].setText(match.family_name)
    form.fields["given_name"].setText(match.given_name)
    day = datetime.fromisoformat(match.dob).strftime("%d.%m.%Y")
    for key, text in (("dob", day), ("street", "Hauptstrasse 1"), ("postcode", "10115"), ("city", "Berlin")):
        qtbot.keyClicks(form.fields[key], text)
    qtbot.mouseClick(form.register_button, LEFT)
    qtbot.waitUntil(lambda: form.duplicates.isVisible(), timeout=10000)
    qtbot.mouseClick(form.use_existing_button, LEFT)
    qtbot.waitUntil(lambda: page.steps is not None, timeout=10000)
    assert page.card.booking_label.text() == "Checked in on the booking of today."
    with store.read() as session:
        booking = session.get(Appointment, match.booking.appointment_id)
        visit = session.scalars(select(Visit).where(Visit.person_id == match.person_id)).one()
    assert booking is not None and booking.state == "checked_in"
    assert visit.appointment_id == booking.id


# ---- 10. keyboard only ----------------------------------------------------------------------------------------


def test_keyboard_only_from_scan_to_queue(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    code, match, clock = first_booking(store)
    page = open_page(qtbot, nurse_window, clock)
    hint = "J or Y = yes, N = no"

    def wait(condition) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(condition, timeout=10000)

    def watch_hint() -> bool:
        return page.steps is None or hint in page.steps.keys_hint.text()

    keys = drive_scan_to_queue(page, code, press=lambda key, _text: qtbot.keyClick(focus_in(page), key),
                               scan=lambda text: qtbot.keyClicks(focus_in(page), text), wait=wait)
    assert keys <= 15 and watch_hint()
    (row,) = [r for r in CheckInDesk(store, clock=clock).queue(NURSE) if r.person_id == match.person_id]
    assert row.identity_checked and row.questionnaire_done and not row.needs_review
    assert "is in the queue" in page.messages.text() and focus_in(page) is page.search


# ---- 6. a locked station keeps the observation board -------------------------------------------------------


def test_a_locked_station_shows_the_running_observation_timers(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    _code, match, _clock = first_booking(store)
    desk = CheckInDesk(store)  # now: the timer runs for the next 15 minutes
    visit = desk.check_in(NURSE, match.booking.appointment_id, confirmed=True)
    desk.record_identity(NURSE, visit, "id_card")
    desk.record_questionnaire(NURSE, visit, no_answers(desk))
    desk.call_to_doctor(NURSE, visit)
    desk.start_observation(NURSE, visit)
    with qtbot.waitSignal(nurse_window.locked, timeout=10000):
        nurse_window.inactivity.timed_out.emit()  # the auto-lock fires
    board = nurse_window.login_page.board
    qtbot.waitUntil(board.isVisible, timeout=10000)
    initials = f"{match.given_name[0].upper()}. {match.family_name[0].upper()}."
    assert board.text().startswith(f"{initials} until ") and "min left" in board.text()
    assert match.family_name not in board.text() and match.dob not in board.text()


# ---- the newcomer's first window ---------------------------------------------------------------------------


def test_the_first_window_fits_the_screen_with_a_title_bar(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    from app.ui.window import TITLE_BAR

    window = make_window()
    room = window.screen().availableGeometry()
    assert window.width() <= min(1366, room.width())
    assert window.height() + TITLE_BAR <= room.height()


def test_a_scan_into_a_text_field_of_the_questionnaire_goes_to_the_search(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    page, code = checked_in_by_scan(qtbot, nurse_window)
    remark = page.steps.row("remarks").text_answer
    remark.setFocus()
    qtbot.keyClicks(remark, "Angst vor Spritzen ")
    for ch in f"VAXDESK:{code}":
        qtbot.keyClick(focus_in(page), ch)
    assert remark.text() == "Angst vor Spritzen "
    assert focus_in(page) is page.search and page.search.text() == f"VAXDESK:{code}"
