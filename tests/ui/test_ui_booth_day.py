# ruff: noqa: F811  (the booth and nurse_window fixtures are imported from the modules that define them)
"""Issue 14 at the booth and on the 1366x768 screen, driven with clicks, keys and the scanner: the
doctor opens a scanned vial, a label's expiry is a hard stop, the answers behind a flag are shown, a
hard stop sends the person back to the desk or out, the wheel leaves the ID combo alone, and a
message banner does not push the controls down."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.domain.gs1 import Gs1Data, format_element_string
from app.domain.questionnaire import Answer
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.unit_of_work import Actor
from app.services.vials import Vials
from app.storage.schema import Vial, Visit
from tests.ui.test_ui_checkin import first_booking
from tests.ui.test_ui_checkin import open_page as open_checkin
from tests.ui.test_ui_desk_day import nurse_window  # noqa: F401 (fixture)
from tests.ui.test_ui_doctor import (  # noqa: F401 (fixture)
    STAFF,
    Booth,
    assessed_at_booth,
    booth,
    call_next,
    open_page,
    scan,
)

LEFT = Qt.MouseButton.LeftButton


def label(booth: Booth, *, serial: str | None, expiry: date | None = None) -> str:
    lot = next(row for row in Lots(booth.store).list_lots() if row.product_code == booth.product)
    return format_element_string(Gs1Data(gtin=lot.gtin, expiry=expiry or lot.expiry, lot=lot.lot_number,
                                         serial=serial))


def test_the_doctor_opens_a_scanned_vial_at_the_booth(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, booth)
    assert "Vaccine lots" not in page.dose.vials_empty.text()  # the doctor has no lots page
    call_next(qtbot, page)
    scan(qtbot, page, label(booth, serial="V0099"))  # a new vial of the same lot
    qtbot.waitUntil(page.dose.open_frame.isVisible, timeout=10000)
    assert "no vial of it is open yet" in page.dose.open_text.text()
    if page.dose.thawed_at.isVisible():  # kept frozen: when was it thawed (an hour ago, on the site's clock)
        thawed = page.clock().astimezone(Vials(booth.store).tz) - timedelta(hours=1)
        qtbot.keyClicks(page.dose.thawed_at, thawed.strftime("%H:%M"))
    qtbot.mouseClick(page.dose.open_button, LEFT)
    qtbot.waitUntil(lambda: page.flow.vial is not None and page.flow.vial.serial == "V0099" and page.flow.assessment is not None,
                    timeout=10000)
    assert not page.dose.open_frame.isVisible()
    with booth.store.read() as session:
        opened_by = session.scalars(select(Vial.opened_by).where(Vial.serial == "V0099")).one()
        assert opened_by == booth.window.shell.context.actor.staff_id  # the doctor at the booth
        assert len(session.scalars(select(Vial)).all()) == 2


def test_an_expired_label_is_a_hard_stop(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, booth)
    call_next(qtbot, page)
    scan(qtbot, page, label(booth, serial="V0042", expiry=date.today() - timedelta(days=14)))
    qtbot.waitUntil(lambda: page.messages.kind == "error", timeout=10000)
    assert page.messages.text().startswith("STOP: the label says lot ")
    assert page.flow.vial is None and not page.dose.record_button.isEnabled()
    # The same vial with its right label is fine, and the stale STOP banner goes.
    scan(qtbot, page, booth.scan)
    qtbot.waitUntil(lambda: page.flow.assessment is not None, timeout=10000)
    assert page.messages.kind != "error"


def test_the_doctor_reads_the_answers_behind_a_flag(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    desk = CheckInDesk(booth.store)
    with booth.store.read() as session:
        visit = session.get(Visit, booth.visit_id)
        answers = {k: Answer(yes=v.get("yes"), dates=tuple(date.fromisoformat(d) for d in v["dates"]),
                             text=v.get("text") or "") for k, v in visit.answers.items()}
    answers["earlier_vaccinations"] = Answer(yes=True, dates=(date(2021, 3, 12), date(2021, 9, 20)))
    answers["remarks"] = Answer(text="Fainted once at the dentist")
    desk.record_questionnaire(STAFF, booth.visit_id, answers)
    page = open_page(qtbot, booth)
    call_next(qtbot, page)
    text = page.person.flags_text.text()
    assert "dates given: 12 Mar 2021, 20 Sep 2021" in text
    assert "remark: \u201cFainted once at the dentist\u201d" in text


def test_after_a_hard_stop_the_booth_sends_the_person_on(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, booth)
    call_next(qtbot, page)
    # The lot turns out to be recalled after the call: a hard stop no click gets past.
    Lots(booth.store).block(Actor.system(), booth.vial.lot_id, reason="recall notice 2030-17")
    scan(qtbot, page, booth.scan)
    qtbot.waitUntil(lambda: page.flow.assessment is not None and page.dose.stop_frame.isVisible(), timeout=10000)
    assert not page.dose.record_button.isEnabled()
    qtbot.mouseClick(page.dose.leave_button, LEFT)
    assert page.messages.text() == "Write why there is no vaccination today."
    qtbot.mouseClick(page.dose.back_to_desk_button, LEFT)
    qtbot.waitUntil(lambda: page.flow.visit is None, timeout=10000)
    assert not page.dose.stop_frame.isVisible()
    with booth.store.read() as session:
        assert session.get(Visit, booth.visit_id).state == "checked_in"


def test_the_wheel_leaves_the_id_document_alone(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    code, _match, clock = first_booking(nurse_window.shell.context.services.store)
    page = open_checkin(qtbot, nurse_window, clock)
    qtbot.keyClicks(page.search, f"VAXDESK:{code}")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(page.check_in_button.isVisible, timeout=10000)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.steps is not None, timeout=10000)
    combo = page.steps.document
    before = combo.currentIndex()
    centre = QPointF(combo.rect().center())
    wheel = QWheelEvent(centre, QPointF(combo.mapToGlobal(QPoint(combo.rect().center()))), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == before


def test_a_message_does_not_push_the_controls_down(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    page = open_checkin(qtbot, nurse_window)
    page.resize(1366 - 240, 768 - 120)
    qtbot.waitUntil(lambda: page.search.y() > 0 or page.search.isVisible(), timeout=5000)
    where = page.search.mapTo(page, QPoint(0, 0))
    qtbot.keyClicks(page.search, "Zzyzxwq")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.messages.kind == "error", timeout=10000)
    qtbot.waitUntil(lambda: page.messages.isVisible(), timeout=5000)
    assert page.search.mapTo(page, QPoint(0, 0)) == where


def test_a_doctor_is_not_sent_to_the_schedule_page(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    page = assessed_at_booth(qtbot, booth)
    page.choose_site("left_deltoid")
    if page.dose.warn_frame.isVisible():
        qtbot.keyClicks(page.dose.override_reason, "discussed with the person")
    qtbot.mouseClick(page.dose.record_button, LEFT)
    qtbot.waitUntil(lambda: page.flow.result is not None, timeout=10000)
    assert "Schedule" not in page.dose.result_text.text()
    assert "exit desk" in page.dose.result_text.text()
    # The booth re-reads the rules after the dose: "already given today" must not show as a red STOP.
    qtbot.waitUntil(lambda: page.flow.assessment is not None and bool(page.flow.assessment.hard_stops), timeout=10000)
    assert not page.dose.stop_frame.isVisible() and page.dose.result_frame.isVisible()


def test_a_two_line_message_does_not_push_the_walk_in_form_down(qtbot, nurse_window) -> None:  # type: ignore[no-untyped-def]
    page = open_checkin(qtbot, nurse_window)
    page.resize(900, 768 - 120)  # narrow enough that the message takes two lines
    qtbot.mouseClick(page.walk_in_button, LEFT)
    where = page.search.mapTo(page, QPoint(0, 0))
    page.messages.show_error("This person may already be registered. Nothing was saved yet: choose below.")
    qtbot.waitUntil(page.messages.isVisible, timeout=5000)
    metrics = page.messages.fontMetrics()  # the message really wraps onto a second line
    assert metrics.horizontalAdvance(page.messages.text()) > page.messages.contentsRect().width()
    assert page.search.mapTo(page, QPoint(0, 0)) == where
