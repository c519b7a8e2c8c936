"""The check-in page driven as a nurse drives it: scanner in the search field, arrows and Enter,
a few clicks on big buttons; on a real SQLCipher station."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.services.checkin import CheckInDesk
from app.services.persons import PersonInput
from app.services.unit_of_work import Actor
from app.storage.schema import Appointment, AuditLog, Person
from app.ui.pages.checkin import CheckInPage
from app.ui.pages.queue import QueuePage
from app.ui.tasks import workers
from tests.ui.conftest import log_in

LEFT = Qt.MouseButton.LeftButton
NURSE = Actor(staff_id=None, role="nurse", display_name="Test")


def counts(store) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(persons, audit rows, visits) as a read session sees them; the audit rows leave out the record
    of the search itself (every search is audited: who searched, which persons were shown)."""
    from app.storage.schema import Visit

    with store.read() as session:
        return (int(session.scalar(select(func.count()).select_from(Person)) or 0),
                int(session.scalar(select(func.count()).select_from(AuditLog)
                                   .where(AuditLog.action != "person.searched")) or 0),
                int(session.scalar(select(func.count()).select_from(Visit)) or 0))


def first_booking(store):  # type: ignore[no-untyped-def]
    """A seeded booking: (code, its PersonMatch, a clock 5 min after its slot starts)."""
    with store.read() as session:
        code = session.scalars(select(Appointment.booking_code).order_by(Appointment.booking_code)).first()
    match = CheckInDesk(store).find(NURSE, code).matches[0]
    at = match.booking.starts_at + timedelta(minutes=5)
    return code, match, (lambda: at)


@pytest.fixture
def nurse_window(qtbot, unlocked):  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    return unlocked


def open_page(qtbot, window, clock=None) -> CheckInPage:  # type: ignore[no-untyped-def]
    page = CheckInPage(window.shell.context, title="Check-in", clock=clock)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.questionnaire is not None, timeout=10000)
    return page


def walk_in_form(qtbot, window):  # type: ignore[no-untyped-def]
    """The check-in page (its clock 5 min into the first booking) with the walk-in form open; that booking's
    code and PersonMatch, to type the same person in again."""
    code, match, clock = first_booking(window.shell.context.services.store)
    page = open_page(qtbot, window, clock)
    qtbot.mouseClick(page.walk_in_button, Qt.MouseButton.LeftButton)
    return page, code, match


def press(qtbot, page: CheckInPage, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page.search, key)


def test_scan_check_in_questionnaire_and_queued(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    code, match, clock = first_booking(store)
    page = open_page(qtbot, nurse_window, clock)
    queue = QueuePage(nurse_window.shell.context, title="Queue", clock=clock)  # listens for changes
    qtbot.addWidget(queue)
    assert page.focusWidget() is page.search

    # The scanner types the code from the slip and ends with Enter.
    qtbot.keyClicks(page.search, f"VAXDESK:{code}")
    press(qtbot, page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.shown is not None, timeout=10000)
    assert page.card.person_name.text() == f"{match.family_name}, {match.given_name}"
    assert page.card.arrival_label.text().startswith("On time: booked for")
    assert page.card.arrival_label.property("tone") == "good"
    assert page.check_in_button.isVisible()
    assert page.focusWidget() is page.search

    # Enter again: check in. The visit steps appear; the results step aside.
    press(qtbot, page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.steps is not None, timeout=10000)
    steps = page.steps
    assert not page.results.isVisible()
    assert not page.check_in_button.isVisible()

    # Sending without identity and answers: every gap is named, nothing is written.
    before = counts(store)
    qtbot.mouseClick(steps.send_button, LEFT)
    assert steps.form_error.text() == "Check the identity document first (step 1)."
    assert steps.row("acute_illness").error.text() == "Please answer yes or no."
    assert counts(store) == before

    steps.document.setCurrentIndex(steps.document.findData("passport"))
    qtbot.mouseClick(steps.identity_button, LEFT)
    qtbot.waitUntil(lambda: steps.identity_done, timeout=10000)
    assert steps.identity_status.text().startswith("✔ Checked: Passport at ")

    qtbot.mouseClick(steps.row("consent").yes_no.yes_button, LEFT)
    for row in steps.rows:
        if row.yes_no is not None:
            qtbot.mouseClick(row.yes_no.no_button, LEFT)
    vaccinated = steps.row("earlier_vaccinations")
    qtbot.mouseClick(vaccinated.yes_no.yes_button, LEFT)
    assert vaccinated.needs_review and vaccinated.review_note.isVisibleTo(steps)
    assert vaccinated.dates.isVisibleTo(steps)
    qtbot.keyClicks(vaccinated.dates, "12.03.2021, 20.09.2021")
    assert not steps.row("allergies").needs_review

    qtbot.mouseClick(steps.send_button, LEFT)
    qtbot.waitUntil(lambda: page.steps is None and page.messages.kind == "info", timeout=10000)
    assert "is in the queue" in page.messages.text()
    assert "doctor's review" in page.messages.text()
    assert page.search.text() == "" and page.focusWidget() is page.search

    (row,) = [r for r in CheckInDesk(store, clock=clock).queue(NURSE) if r.person_id == match.person_id]
    assert row.state == "checked_in" and row.questionnaire_done and row.identity_checked
    assert row.review_flags == ("earlier_vaccinations",)
    # The queue page heard "changes applied" and re-read without being told by the check-in page.
    qtbot.waitUntil(lambda: any(r.visit_id == row.visit_id and r.questionnaire_done for r in queue.model.rows()),
                    timeout=10000)


def test_typo_in_the_name_then_down_and_enter_opens_the_second(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    desk = CheckInDesk(store)
    for given in ("Yuki", "Hiro"):
        desk.register_walk_in(NURSE, PersonInput(family_name="Nakamura", given_name=given, dob="1990-01-01"),
                              confirm_new=True)
    page = open_page(qtbot, nurse_window)
    qtbot.keyClicks(page.search, "nakamuar")  # two letters swapped
    press(qtbot, page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=10000)
    assert page.shown is None  # several found: the nurse chooses
    assert page.messages.text() == "2 people found. ↓↑ to choose, Enter to open."
    press(qtbot, page, Qt.Key.Key_Down)
    second = page.selected_match()
    assert page.results.currentIndex().row() == 1
    press(qtbot, page, Qt.Key.Key_Return)
    assert page.shown is second
    assert page.card.person_name.text() in ("Nakamura, Yuki", "Nakamura, Hiro")
    assert page.card.booking_label.text() == "No booking today."
    press(qtbot, page, Qt.Key.Key_Escape)
    assert page.search.text() == "" and page.shown is None and page.proxy.rowCount() == 0


def test_walk_in_duplicate_use_existing_creates_no_person(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    store = nurse_window.shell.context.services.store
    page, _code, match = walk_in_form(qtbot, nurse_window)
    form = page.walk_in
    assert form.isVisible() and not page.results.isVisible()

    # Inline validation first: nothing typed, a date of birth in the future.
    before = counts(store)
    qtbot.mouseClick(form.register_button, LEFT)
    assert form.errors["family_name"].text() == "Required."
    qtbot.keyClicks(form.fields["dob"], "01.01.2999")
    qtbot.mouseClick(form.register_button, LEFT)
    assert form.errors["dob"].text() == "This date lies in the future."
    assert counts(store) == before

    day = datetime.fromisoformat(match.dob).strftime("%d.%m.%Y")
    form.fields["dob"].clear()
    # Names may hold letters no test keyboard has (ı, ş, ß): those are pasted, the rest typed.
    form.fields["family_name"].setText(match.family_name.upper())
    form.fields["given_name"].setText(match.given_name)
    for key, text in (("dob", day), ("street", "Hauptstrasse 1"), ("postcode", "10115"), ("city", "Berlin")):
        qtbot.keyClicks(form.fields[key], text)
    qtbot.mouseClick(form.register_button, LEFT)
    qtbot.waitUntil(lambda: form.duplicates.isVisible(), timeout=10000)
    assert form.duplicate_title.text() == "Is this the same person?"
    assert form.candidates.item(0).text().startswith(f"{match.family_name}, {match.given_name}")
    assert page.messages.kind == "error"
    assert counts(store) == before  # the suspicion wrote nothing

    qtbot.mouseClick(form.use_existing_button, LEFT)
    qtbot.waitUntil(lambda: page.steps is not None, timeout=10000)
    persons, _audit, visits = counts(store)
    assert (persons, visits) == (before[0], before[2] + 1)
    (row,) = CheckInDesk(store, clock=page.clock).queue(NURSE)
    assert row.person_id == match.person_id
    assert page.card.person_name.text() == f"{match.family_name}, {match.given_name}"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("\x00\x07\x1b###%%\t42", "Not a booking code, name or date of birth. Scan again or type a name."),
        ("💉💉💉 🙂", "Not a booking code, name or date of birth. Scan again or type a name."),
        ("x" * 10_000, "Input too long (1000 characters). Scan again or type the name."),
        ("Robert'); DROP TABLE person;--", "Nobody found. Check the spelling, or register a walk-in."),
        ("2345-6789-A", "This booking code is not valid (misread or mistyped). Scan again or type the name."),
    ],
)
def test_garbage_in_the_search_shows_a_message_and_writes_nothing(  # type: ignore[no-untyped-def]
    qtbot, nurse_window, typed: str, message: str
) -> None:
    store = nurse_window.shell.context.services.store
    page = open_page(qtbot, nurse_window)
    before = counts(store)
    page.search.setText(typed)  # a paste or a scanner burst
    press(qtbot, page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.messages.kind == "error", timeout=10000)
    assert page.messages.text() == message
    assert page.shown is None and page.proxy.rowCount() == 0
    assert counts(store) == before


def test_a_crowd_of_one_name_says_how_many_and_what_to_add(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    from app.services.persons import add_person
    from app.services.unit_of_work import UnitOfWork

    store = nurse_window.shell.context.services.store
    with UnitOfWork(store, Actor.system()) as uow:
        for i in range(1203):
            add_person(uow, PersonInput(family_name="Zwanziger", given_name=f"Eva{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}",
                                        dob="1980-01-01"))
    page = open_page(qtbot, nurse_window)
    page.search.setText("zwanziger")
    press(qtbot, page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 50, timeout=10000)
    assert page.messages.kind == "info"
    from PySide6.QtCore import QLocale

    # The count as the station's locale writes it (1,203 or 1.203).
    assert page.messages.text() == f"50 of {QLocale().toString(1203)} — add the date of birth."
