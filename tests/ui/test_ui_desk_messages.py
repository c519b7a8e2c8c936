"""Issue 14's leftovers at the desk, driven with keys and clicks on a real SQLCipher station: the walk-in
form checks with the service's rules (each refusal under its field), a scan typed into the walk-in form
goes to the search, a long message scrolls in its box instead of pushing the controls, the locked board
counts on the site's clock, the queue shows the flagged answers, and dates read as a German desk writes
them."""
# ruff: noqa: F811  (the nurse_window fixture is imported from the module that defines it)

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt

from app.domain.questionnaire import Answer
from app.services.checkin import CheckInDesk
from app.ui.pages.queue import QueuePage
from app.ui.reasons import reason_text
from tests.ui.test_ui_checkin import NURSE, counts, first_booking, open_page
from tests.ui.test_ui_desk_day import (
    desk_at_first_booking,
    focus_in,
    nurse_window,  # noqa: F401 (fixture)
)
from tests.ui.test_ui_queue import no_answers

LEFT = Qt.MouseButton.LeftButton


def test_the_walk_in_form_refuses_with_the_service_rules_under_each_field(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store, _code, _match, page = desk_at_first_booking(qtbot, nurse_window)
    qtbot.mouseClick(page.walk_in_button, LEFT)
    form = page.walk_in
    before = counts(store)
    for key, text in (("family_name", "Meier2"), ("dob", "30.02.1980"), ("phone", "12"),
                      ("email", "anna@"), ("street", "Hauptstrasse 1"), ("postcode", "10115"), ("city", "Berlin")):
        qtbot.keyClicks(form.fields[key], text)
    qtbot.mouseClick(form.register_button, LEFT)
    # The name's refusal is the service's own (it names the digit), under the field it is about.
    assert form.errors["family_name"].text() == "The name contains the digit '2'; names have no digits."
    assert form.errors["given_name"].text() == "Required."
    assert form.errors["dob"].text() == "Write the date as DD.MM.YYYY, e.g. 29.02.1980; it must exist."
    assert form.errors["phone"].text() == "Digits, spaces and + ( ) / - only."
    assert form.errors["email"].text() == "That does not look like an e-mail address."
    assert not form.errors["street"].isVisible()
    assert counts(store) == before
    # A year alone is a date of birth a certificate allows, not one the desk takes from a person in front of it.
    form.fields["dob"].clear()
    qtbot.keyClicks(form.fields["dob"], "1980")
    form.fields["family_name"].setText("Meier")
    qtbot.keyClicks(form.fields["given_name"], "Anna")
    form.fields["phone"].clear()
    form.fields["email"].clear()
    qtbot.mouseClick(form.register_button, LEFT)
    assert form.errors["dob"].text() == "Write the date as DD.MM.YYYY, e.g. 29.02.1980; it must exist."
    assert counts(store) == before


def test_a_scan_into_the_walk_in_form_goes_to_the_search(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    _store, code, match, page = desk_at_first_booking(qtbot, nurse_window)
    qtbot.mouseClick(page.walk_in_button, LEFT)
    form = page.walk_in
    qtbot.keyClicks(form.fields["family_name"], "Mei")
    assert focus_in(page) is form.fields["family_name"]
    for ch in f"VAXDESK:{code}":  # the scanner types wherever the keyboard is
        qtbot.keyClick(focus_in(page), ch)
    assert form.fields["family_name"].text() == "Mei"
    assert focus_in(page) is page.search and page.search.text() == f"VAXDESK:{code}"
    qtbot.keyClick(focus_in(page), Qt.Key.Key_Return)  # the scanner's Enter
    qtbot.waitUntil(lambda: page.shown is not None, timeout=10000)
    assert page.shown.person_id == match.person_id and page.check_in_button.isVisible()
    assert not form.isVisible()


def test_a_long_message_scrolls_in_its_box_and_the_controls_stay(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, nurse_window)
    page.resize(900, 768 - 120)
    qtbot.mouseClick(page.walk_in_button, LEFT)
    where = page.search.mapTo(page, QPoint(0, 0))
    box = page.messages.parentWidget().parentWidget()  # the scroll area around the message
    height = box.height()
    text = " ".join(["Lot FK77 of Comirnaty was not received here; receive it on the lots page."] * 6)
    page.messages.show_error(text)
    qtbot.waitUntil(lambda: page.messages.isVisible() and box.verticalScrollBar().maximum() > 0, timeout=5000)
    assert page.search.mapTo(page, QPoint(0, 0)) == where and box.height() == height
    # Nothing is lost: the whole text is the tooltip, and the box scrolls to its end.
    assert page.messages.toolTip() == text == page.messages.text()
    box.verticalScrollBar().setValue(box.verticalScrollBar().maximum())
    assert page.messages.visibleRegion().boundingRect().bottom() >= page.messages.height() - 1
    page.messages.show_info("Short.")
    assert box.verticalScrollBar().value() == 0 and page.search.mapTo(page, QPoint(0, 0)) == where


def test_the_locked_board_counts_on_the_site_clock(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    _code, match, _clock = first_booking(store)
    start = match.booking.starts_at  # the seeded day: hours (or days) away from the screen's own clock
    desk = CheckInDesk(store, clock=lambda: start)
    visit = desk.check_in(NURSE, match.booking.appointment_id, confirmed=True)
    desk.record_identity(NURSE, visit, "id_card")
    desk.record_questionnaire(NURSE, visit, no_answers(desk))
    desk.call_to_doctor(NURSE, visit)
    desk.start_observation(NURSE, visit)
    nurse_window.login_page.clock = lambda: start + timedelta(minutes=5, seconds=10)
    with qtbot.waitSignal(nurse_window.locked, timeout=10000):
        nurse_window.inactivity.timed_out.emit()
    board = nurse_window.login_page.board
    qtbot.waitUntil(board.isVisible, timeout=10000)
    ends = (start + timedelta(minutes=15)).strftime("%H:%M")
    assert board.text() == f"{match.given_name[0].upper()}. {match.family_name[0].upper()}. until {ends} (10 min left)"


def test_the_queue_shows_what_the_flagged_answers_say(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    _code, match, clock = first_booking(store)
    desk = CheckInDesk(store, clock=clock)
    visit = desk.check_in(NURSE, match.booking.appointment_id, confirmed=True)
    desk.record_identity(NURSE, visit, "id_card")
    answers = no_answers(desk)
    answers["earlier_vaccinations"] = Answer(yes=True, dates=(date(2021, 3, 12), date(2021, 9, 20)))
    answers["remarks"] = Answer(text="Fainted once at the dentist")
    desk.record_questionnaire(NURSE, visit, answers)
    page = QueuePage(nurse_window.shell.context, title="Queue", clock=clock)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: len(page.model.rows()) == 1, timeout=10000)
    qtbot.mouseClick(page.board.viewport(), LEFT, pos=page.board.visualRect(page.proxy.index(0, 0)).center())
    assert page.flags_text.isVisible()
    text = page.flags_text.text()
    assert "COVID-19 vaccinations before" in text and "dates given: 12 Mar 2021, 20 Sep 2021" in text
    assert "remark: \u201cFainted once at the dentist\u201d" in text


def test_a_german_desk_reads_the_arrival_and_its_dates_in_german(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui.app import create_application

    try:
        create_application([], language="de")
        assert reason_text("arrival_other_day_unconfirmed", {"day": "2030-05-22", "time": "10:10"}) == (
            "Die Buchung ist für den 22.05.2030 um 10:10 Uhr, nicht für heute. Bestätigen Sie, um trotzdem "
            "aufzunehmen.")
        assert reason_text("dose_already_voided", {"at": "2030-05-22 10:15"}) == (
            "Dieser Impfeintrag wurde schon am 22.05.2030 10:15 Uhr storniert.")
        # A mistyped date the reason is about is shown as it was typed, not "corrected".
        assert reason_text("cert_date_invalid", {"value": "2021-02-30"}) == (
            "Das Impfdatum 2021-02-30 ist kein Datum wie 2021-06-11.")
        assert reason_text("booking_not_found") == "Diese Buchung gibt es nicht."
    finally:
        create_application([], language="en")
    assert reason_text("arrival_other_day_unconfirmed", {"day": "2030-05-22", "time": "10:10"}).startswith(
        "The booking is for 2030-05-22 at 10:10, not today.")
