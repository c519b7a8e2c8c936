"""The doctor page on a real SQLCipher station: scanner-first dose recording, hard stops that no
click gets past, warnings that need a reason, voids with a confirmation, earlier doses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.domain.gs1 import GS, Gs1Data, format_element_string
from app.domain.questionnaire import Answer
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.unit_of_work import Actor
from app.services.vaccinations import DoctorStation
from app.services.vials import VialRow, Vials
from app.storage.schema import Appointment, Vaccination, VaccinationVoid, Visit
from app.ui.pages.doctor import DoctorPage
from app.ui.tasks import workers
from tests.ui.conftest import log_in

LEFT = Qt.MouseButton.LeftButton
STAFF = Actor(staff_id=None, role="doctor", display_name="Test")


@dataclass
class Booth:
    window: object
    store: object
    visit_id: str
    person_id: str
    product: str
    vial: VialRow
    scan: str  # what the scanner types for the vial


def count(store, model, *where) -> int:  # type: ignore[no-untyped-def]
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


@pytest.fixture
def booth(qtbot, unlocked) -> Booth:  # type: ignore[no-untyped-def]
    """A doctor logged in; one booked person checked in with the questionnaire done (allergies: yes),
    and an open vial of the booked product with a serial number on its label."""
    log_in(qtbot, unlocked, "doctor")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    store = unlocked.shell.context.services.store
    with store.read() as session:
        code, product = session.execute(select(Appointment.booking_code, Appointment.product_code)
                                        .order_by(Appointment.booking_code)).first()
    desk = CheckInDesk(store)
    booking = desk.find(STAFF, code).matches[0].booking
    visit_id = desk.check_in(STAFF, booking.appointment_id, confirmed=True)
    answers = {q.id: Answer(text="") if q.type == "text" else Answer(yes=False) for q in desk.questionnaire.questions}
    answers["consent"] = Answer(yes=True)
    answers["allergies"] = Answer(yes=True)
    desk.record_identity(STAFF, visit_id, "id_card")
    desk.record_questionnaire(STAFF, visit_id, answers)
    lot = next(row for row in Lots(store).list_lots() if row.product_code == product)
    vials = Vials(store)
    thawed = vials.clock() - timedelta(days=1) if vials.catalogue.product(product).needs_thawing else None
    vial = vials.open_vial(STAFF, lot.lot_id, serial="V0042", thawed_at=thawed)
    scan = format_element_string(Gs1Data(gtin=lot.gtin, expiry=lot.expiry, lot=lot.lot_number, serial="V0042"))
    with store.read() as session:
        person_id = session.get(Visit, visit_id).person_id
    return Booth(unlocked, store, visit_id, person_id, product, vial, scan)


def open_page(qtbot, booth: Booth) -> DoctorPage:  # type: ignore[no-untyped-def]
    page = DoctorPage(booth.window.shell.context, title="Doctor")
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitUntil(lambda: page.queue.next_button.isEnabled() and len(page.dose.vials_model.rows()) == 1, timeout=10000)
    return page


def call_next(qtbot, page: DoctorPage) -> None:  # type: ignore[no-untyped-def]
    """Call the next person and read the flagged answers with them (confirmed with a click)."""
    qtbot.mouseClick(page.queue.next_button, LEFT)
    qtbot.waitUntil(lambda: page.flow.history is not None, timeout=10000)
    if page.person.ack_button.isVisible():
        qtbot.mouseClick(page.person.ack_button, LEFT)
        qtbot.waitUntil(lambda: page.flow.visit.review_acknowledged, timeout=10000)


def assessed_at_booth(qtbot, booth: Booth) -> DoctorPage:  # type: ignore[no-untyped-def]
    """The booth's page with the next person called and the booth's vial scanned, the rules' answer in."""
    page = open_page(qtbot, booth)
    call_next(qtbot, page)
    scan(qtbot, page, booth.scan)
    qtbot.waitUntil(lambda: page.flow.assessment is not None, timeout=10000)
    return page


def scan(qtbot, page: DoctorPage, text: str) -> None:  # type: ignore[no-untyped-def]
    """The scanner is a keyboard: it types the code into the focused scan field and presses Enter."""
    assert page.dose.scan.hasFocus()
    for i, part in enumerate(text.split(GS)):
        if i:
            qtbot.keyClick(page.dose.scan, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)  # the scanner's GS
        qtbot.keyClicks(page.dose.scan, part)
    qtbot.keyClick(page.dose.scan, Qt.Key.Key_Return)


def test_record_a_dose_from_a_scanned_vial(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, booth)
    assert page.queue.queue_label.text() == "1 person is ready for the doctor."
    assert not page.dose.record_button.isEnabled()
    call_next(qtbot, page)
    assert page.flow.visit.visit_id == booth.visit_id
    assert page.person.flags_frame.isVisible()
    assert "Allergies" in page.person.flags_text.text()
    assert page.person.history_empty.isVisible()  # nobody has a dose yet: the hint says how to add earlier ones

    assert GS in booth.scan  # the serial follows the variable-length lot, as printed on the label
    scan(qtbot, page, booth.scan)
    qtbot.waitUntil(lambda: page.flow.assessment is not None, timeout=10000)
    assert page.flow.vial.vial_id == booth.vial.vial_id
    assert page.dose.scan.text() == ""
    assert page.dose.dose_line.text().startswith("Dose 1/2 ")
    assert not page.dose.stop_frame.isVisible() and not page.dose.warn_frame.isVisible()
    assert not page.dose.record_button.isEnabled()
    assert page.dose.next_step.text() == "Next step: choose the injection site."

    qtbot.mouseClick(page.dose.site_buttons["left_deltoid"], LEFT)
    assert page.dose.record_button.isEnabled()
    assert page.dose.scan.hasFocus()  # ready for the next scan without a click
    qtbot.mouseClick(page.dose.record_button, LEFT)
    qtbot.waitUntil(lambda: page.flow.result is not None, timeout=10000)

    assert page.dose.result_frame.isVisible()
    assert "dose 1/2" in page.dose.result_text.text()
    assert "Observation until" in page.dose.result_text.text()
    assert not page.dose.record_button.isEnabled()
    with booth.store.read() as session:
        visit = session.get(Visit, booth.visit_id)
        assert visit.state == "observation" and visit.observation_started_at is not None
        vaccination = session.scalars(select(Vaccination).where(Vaccination.visit_id == booth.visit_id)).one()
        assert (vaccination.vial_id, vaccination.injection_site) == (booth.vial.vial_id, "left_deltoid")
    # The change hub refreshes the history and the vial's doses left.
    qtbot.waitUntil(lambda: len(page.person.history_model.rows()) == 1, timeout=10000)
    qtbot.waitUntil(lambda: page.dose.vials_model.rows()[0].doses_drawn == 1, timeout=10000)


def test_discarded_vial_is_a_hard_stop_that_no_click_gets_past(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    Vials(booth.store).discard(STAFF, booth.vial.vial_id, reason="contamination")
    # No open vial is left in the list, so open the page by hand rather than waiting for one.
    page = DoctorPage(booth.window.shell.context, title="Doctor")
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitUntil(lambda: page.queue.next_button.isEnabled(), timeout=10000)
    assert page.dose.vials_model.rows() == []
    call_next(qtbot, page)
    scan(qtbot, page, booth.scan)  # the serial finds the discarded vial: the doctor must see why not
    qtbot.waitUntil(lambda: page.flow.assessment is not None, timeout=10000)
    page.choose_site("left_deltoid")

    assert page.dose.stop_frame.isVisible()
    assert "discarded" in page.dose.stop_text.text()
    assert "cannot be overridden" in page.dose.stop_title.text()
    assert not page.dose.warn_frame.isVisible()  # there is no reason field to type an override into
    assert not page.dose.record_button.isEnabled()
    qtbot.mouseClick(page.dose.record_button, LEFT)
    assert page.record_dose() is None
    assert page.messages.kind == "error"
    assert workers().pending == 0
    assert count(booth.store, Vaccination) == 0
    with booth.store.read() as session:
        assert session.get(Visit, booth.visit_id).state == "with_doctor"


def test_expired_vial_turns_into_a_hard_stop_when_its_countdown_runs_out(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    page = assessed_at_booth(qtbot, booth)
    page.choose_site("right_deltoid")
    assert page.dose.record_button.isEnabled()

    # The booth's clock passes the vial's use-by: the tick re-assesses and Record goes grey.
    late = booth.vial.use_by + timedelta(minutes=1)
    page.clock = lambda: late
    page.station().clock = lambda: late
    page.tick()
    assert page.dose.vials_model.index(0, page.dose.vials_model.LEFT).data() == f"Expired at {booth.vial.use_by:%H:%M}"
    qtbot.waitUntil(lambda: page.flow.assessment is not None and page.dose.stop_frame.isVisible(), timeout=10000)
    assert "expired" in page.dose.stop_text.text()
    assert not page.dose.record_button.isEnabled()
    assert page.record_dose() is None
    assert count(booth.store, Vaccination) == 0


def test_a_warning_needs_a_reason_before_recording(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    other = "vaxzevria" if booth.product != "vaxzevria" else "comirnaty"
    station = DoctorStation(booth.store)
    given = station.clock().astimezone(station.tz).date() - timedelta(days=40)
    station.add_external_dose(STAFF, booth.person_id, product_code=other, given_on=given, country="AT")
    page = open_page(qtbot, booth)
    call_next(qtbot, page)
    assert len(page.person.history_model.rows()) == 1
    assert "Elsewhere (AT)" in page.person.history_model.index(0, page.person.history_model.WHERE).data()
    page.dose.vials_table.selectRow(0)
    qtbot.mouseClick(page.dose.vials_table.viewport(), LEFT, pos=page.dose.vials_table.visualRect(
        page.dose.vials_model.index(0, 0)).center())
    qtbot.waitUntil(lambda: page.flow.assessment is not None, timeout=10000)
    page.choose_site("left_deltoid")

    assert page.dose.warn_frame.isVisible() and not page.dose.stop_frame.isVisible()
    assert "Mixed primary series" in page.dose.warn_text.text()
    assert page.dose.dose_line.text().startswith("Dose 2/2 ")
    assert not page.dose.record_button.isEnabled()
    assert "reason" in page.dose.next_step.text()
    qtbot.keyClicks(page.dose.override_reason, "Zweitimpfung heterolog nach STIKO")
    assert page.dose.record_button.isEnabled()
    qtbot.mouseClick(page.dose.record_button, LEFT)
    qtbot.waitUntil(lambda: page.flow.result is not None, timeout=10000)
    with booth.store.read() as session:
        vaccination = session.scalars(select(Vaccination).where(Vaccination.visit_id == booth.visit_id)).one()
    assert vaccination.override_reason == "Zweitimpfung heterolog nach STIKO"
    assert (vaccination.dose_number, vaccination.series_doses) == (2, 2)


def test_earlier_dose_then_void_it_after_a_second_confirming_click(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, booth)
    call_next(qtbot, page)
    qtbot.mouseClick(page.person.add_earlier_button, LEFT)
    form = page.person.earlier_form
    assert form.isVisible()
    form.country.setText("pl")
    qtbot.mouseClick(form.save, LEFT)
    qtbot.waitUntil(lambda: len(page.person.history_model.rows()) == 1, timeout=10000)
    assert not form.isVisible()
    assert page.person.history_model.rows()[0].country == "PL"

    page.person.history_table.selectRow(0)
    qtbot.mouseClick(page.person.void_button, LEFT)
    void = page.person.void_form
    qtbot.mouseClick(void.confirm, LEFT)
    assert void.error.isVisible()  # no reason: nothing happens
    qtbot.keyClicks(void.reason, "Falsches Datum vom Impfpass abgeschrieben")
    qtbot.mouseClick(void.confirm, LEFT)
    assert void.confirm.text().startswith("Click again to confirm: void dose 1/")
    assert workers().pending == 0 and count(booth.store, VaccinationVoid) == 0
    qtbot.mouseClick(void.confirm, LEFT)
    qtbot.waitUntil(lambda: count(booth.store, VaccinationVoid) == 1, timeout=10000)
    qtbot.waitUntil(lambda: bool(page.person.history_model.rows()) and page.person.history_model.rows()[0].voided, timeout=10000)
    assert "VOID: Falsches Datum" in page.person.history_model.index(0, page.person.history_model.DETAIL).data()


def test_the_booth_sees_the_doses_left_and_the_people_waiting(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, booth)
    name = page.station().catalogue.product(booth.product).name
    qtbot.waitUntil(lambda: page.dose.vials_outlook.text() != "", timeout=10000)
    assert f"{name} · Open vial: {booth.vial.max_doses} left · waiting: 1" in page.dose.vials_outlook.text().splitlines()


def test_the_booth_reads_its_persons_history_again_for_their_changes_only(qtbot, booth: Booth) -> None:  # type: ignore[no-untyped-def]
    """Another desk (or a sync round) changes someone else's doses: the booth's person is not read again,
    so their record shows no reads that were about someone else. Their own new dose, or an adverse event
    (which names its dose, not its person), shows at once."""
    from app.services.unit_of_work import Change
    from app.storage.schema import AuditLog, Person

    page = open_page(qtbot, booth)
    call_next(qtbot, page)
    hub = booth.window.shell.context.changes

    def reads() -> int:
        return count(booth.store, AuditLog, AuditLog.action == "person.history_viewed",
                     AuditLog.entity_id == booth.person_id)

    before = reads()
    with booth.store.read() as session:
        someone_else = session.scalar(select(Person.id).where(Person.id != booth.person_id))
    hub.publish([Change("vaccination", "v-elsewhere", "insert", person_id=someone_else),
                 Change("lot", "l-1", "update")])
    qtbot.wait(300)
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    assert reads() == before

    dose = DoctorStation(booth.store).add_external_dose(STAFF, booth.person_id, product_code="comirnaty",
                                                        given_on=booth.vial.opened_at.date() - timedelta(days=200),
                                                        country="AT")
    hub.publish([Change("vaccination", dose.vaccination_id, "insert", person_id=booth.person_id)])
    qtbot.waitUntil(lambda: [row.country for row in page.person.history_model.rows()] == ["AT"], timeout=10000)
    assert reads() == before + 1

    hub.publish([Change("adverse_event", "ae-unnamed", "insert")])
    qtbot.waitUntil(lambda: reads() == before + 2, timeout=10000)


@pytest.mark.parametrize("language", ["en", "de"])
def test_at_the_booths_screen_size_record_dose_and_its_next_step_are_in_view(  # type: ignore[no-untyped-def]
        qtbot, booth: Booth, language: str) -> None:
    """The station window at 1366x768, the person called and the vial scanned: the doctor sees
    "Record dose" and what to do next without scrolling, also while the next step is the longest one
    (read the flagged answers) and in German; the open vial's row is shown whole."""
    from app.ui.app import create_application

    if language == "de":
        create_application([], language="de")  # the pages are built again, in German, at the next login
        booth.window.lock()
        log_in(qtbot, booth.window, "doctor")
    try:
        booth.window.resize(1366, 768)  # the booth's screen (the offscreen test screen is narrower)
        page = booth.window.shell.show_page("doctor")
        assert isinstance(page, DoctorPage)
        page.reload_queue()  # the fixture checked the person in and opened the vial through the services
        page.reload_vials()
        qtbot.waitUntil(lambda: page.queue.next_button.isEnabled() and len(page.dose.vials_model.rows()) == 1,
                        timeout=10000)
        qtbot.mouseClick(page.queue.next_button, LEFT)
        qtbot.waitUntil(lambda: page.flow.history is not None, timeout=10000)
        scan(qtbot, page, booth.scan)
        qtbot.waitUntil(lambda: page.flow.assessment is not None, timeout=10000)
        shown = []
        for step in ("answers", "site"):
            if step == "site":
                qtbot.mouseClick(page.person.ack_button, LEFT)
                qtbot.waitUntil(lambda: page.flow.visit.review_acknowledged, timeout=10000)
            shown.append(page.dose.next_step.text())
            in_view = (page.dose.record_button, page.dose.next_step, page.dose.site_buttons["left_deltoid"])
            # The column is laid out and scrolled on the event loop: wait for it (never more than the timeout).
            qtbot.waitUntil(lambda: all(w.visibleRegion().boundingRect() == w.rect() for w in in_view),  # noqa: B023
                            timeout=5000)
            for widget in in_view:
                assert widget.visibleRegion().boundingRect() == widget.rect(), (step, widget.objectName())
        assert len(set(shown)) == 2 and all(shown)  # two different next steps were shown
        table = page.dose.vials_table
        assert table.rowViewportPosition(0) + table.rowHeight(0) <= table.viewport().height()
        assert table.verticalScrollBar().maximum() == 0
    finally:
        create_application([], language="en")
