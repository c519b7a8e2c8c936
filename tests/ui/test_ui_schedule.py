"""The schedule page on a real SQLCipher station: a person vaccinated today, the proposal with its
window and slots, booking, the slip saved as PDF; the opening plan's validation shown inline."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import func, select

from app.domain.questionnaire import Answer
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.scheduling import OpeningPlanInput, Scheduler
from app.services.unit_of_work import Actor
from app.services.vaccinations import DoctorStation
from app.services.vials import Vials
from app.storage.schema import Appointment, OpeningRule
from app.ui.pages.schedule import SchedulePage
from app.ui.pdf_printing import new_printer, print_pdf, render_dpi
from app.ui.schedule_models import OffersModel
from app.ui.tasks import workers
from tests.ui.conftest import log_in

LEFT = Qt.MouseButton.LeftButton
DOCTOR = Actor(staff_id=None, role="doctor", display_name="Test")
ADMIN = Actor(staff_id=None, role="admin", display_name="Test")


def first_dose_today(store) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """A booked person checked in and given dose 1 now; returns (person_id, product_code)."""
    with store.read() as session:
        code = session.scalars(select(Appointment.booking_code).order_by(Appointment.booking_code)).first()
    desk = CheckInDesk(store)
    booking = desk.find(ADMIN, code).matches[0].booking
    visit = desk.check_in(DOCTOR, booking.appointment_id, confirmed=True)
    answers = {q.id: Answer(text="") if q.type == "text" else Answer(yes=False) for q in desk.questionnaire.questions}
    answers["consent"] = Answer(yes=True)
    desk.record_identity(DOCTOR, visit, "id_card")
    desk.record_questionnaire(DOCTOR, visit, answers)
    desk.call_to_doctor(DOCTOR, visit)
    lot = next(r for r in Lots(store).list_lots() if r.product_code == booking.product_code)
    vials = Vials(store)
    vial = vials.open_vial(DOCTOR, lot.lot_id, thawed_at=vials.clock() - timedelta(days=1)
                           if vials.catalogue.product(lot.product_code).needs_thawing else None)
    result = DoctorStation(store).record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")
    return result.person_id, booking.product_code


@pytest.fixture
def page(qtbot, unlocked) -> SchedulePage:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "admin")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    store = unlocked.shell.context.services.store
    scheduler = Scheduler(store)
    today = scheduler.clock().astimezone(scheduler.tz).date()
    for weekday in range(7):
        scheduler.set_opening_rule(ADMIN, OpeningPlanInput(
            weekday=weekday, opens="08:00", closes="12:00", slot_minutes=60, stations=1, capacity_per_station=2,
            products=("comirnaty", "spikevax"), valid_from=today))
    scheduler.open_days(ADMIN, today + timedelta(days=1), today + timedelta(days=45))
    page = SchedulePage(unlocked.shell.context, title="Schedule")
    page.person_id, page.product = first_dose_today(store)  # type: ignore[attr-defined]
    page.reload_due()
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitUntil(lambda: page.due_list.count() == 1 and page.plan.rules_model.rowCount() == 7, timeout=10000)
    return page


def test_propose_book_and_save_the_slip(qtbot, page: SchedulePage, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store = page.context.services.store
    page.due_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.flow.proposal is not None, timeout=10000)
    window = page.flow.proposal.window
    assert window is not None
    interval = {"comirnaty": 21, "spikevax": 28}[page.product]  # type: ignore[attr-defined]
    assert (window.earliest - page.flow.person.given_at.date()).days == interval
    assert "earliest" in page.window_line.text() and "recommended" in page.window_line.text()
    first = page.offers_proxy.index(0, 0).data(Qt.ItemDataRole.UserRole)
    assert first.starts_at.date() == window.recommended
    assert page.offers_proxy.index(0, OffersModel.FIT).data() == "\u2605 recommended"
    assert page.offers_proxy.index(0, OffersModel.FREE).data() == "2"
    assert page.book_button.isEnabled()

    qtbot.mouseClick(page.book_button, LEFT)
    qtbot.waitUntil(lambda: page.flow.booked is not None, timeout=10000)
    booking = page.flow.booked.booking
    assert page.stack.currentIndex() == 1
    assert booking.booking_code in page.booked_text.text()
    assert not booking.provisional and not page.provisional_note.isVisible()
    assert page.slip_view.image is not None and page.slip_view.pixmap() is not None
    with store.read() as session:
        appointment = session.get(Appointment, booking.appointment_id)
        assert (appointment.person_id, appointment.state, appointment.dose_number) == (page.flow.person.person_id, "booked", 2)

    target = tmp_path / "slip"
    asked: list[str] = []

    def choose(parent, caption, directory, filter_):  # type: ignore[no-untyped-def]
        asked.append(directory)
        return str(target), filter_

    monkeypatch.setattr("app.ui.pages.schedule.QFileDialog.getSaveFileName", choose)
    qtbot.mouseClick(page.save_button, LEFT)
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == page.flow.booked.pdf
    assert saved.read_bytes().startswith(b"%PDF")
    assert asked[0].endswith(f"Appointment-{booking.booking_code}.pdf")
    assert page.messages.text() == f"Slip saved: {saved}"

    # Booked: the person leaves the list of those still waiting for a follow-up.
    qtbot.mouseClick(page.next_button, LEFT)
    qtbot.waitUntil(lambda: page.due_list.count() == 0, timeout=10000)
    assert page.due_empty.isVisible()


def test_printing_paints_the_slip_at_300_dpi_or_more(qtbot, page: SchedulePage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Never under 300 dpi, and always a whole multiple or fraction of the printer's own dots.
    assert [render_dpi(d) for d in (72, 300, 600, 1200, 720)] == [360, 300, 600, 600, 360]
    page.due_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.book_button.isEnabled(), timeout=10000)
    page.book()
    qtbot.waitUntil(lambda: page.flow.booked is not None, timeout=10000)
    printer = new_printer("slip")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(300)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(printer, page.flow.booked.pdf) == 1
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_opening_hours_that_end_before_they_start_are_refused_inline(qtbot, page: SchedulePage) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    page.plan.opens.setText("14:00")
    page.plan.closes.setText("09:00")
    op = page.save_opening_rule()
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    assert page.plan.rule_error.isVisible()
    assert page.plan.rule_error.text() == "Opening hours end before they start."
    with page.context.services.store.read() as session:
        assert session.scalar(select(func.count()).select_from(OpeningRule)) == 7

    page.plan.closes.setText("18:00")
    page.plan.capacity.setValue(0)
    op = page.save_opening_rule()
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    assert page.plan.rule_error.text() == "Stations and capacity per station must be positive (at most 100)."

    page.plan.capacity.setValue(4)
    page.plan.weekday.setCurrentIndex(2)
    page.save_opening_rule()
    qtbot.waitUntil(lambda: page.plan.rules_model.rowCount() == 8, timeout=10000)
    assert page.messages.text() == "Wednesdays saved: 14:00\u201318:00."


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])  # at any hour, one of them is on another date than UTC
def test_opening_days_starts_on_the_sites_today_whatever_the_machines_date(qtbot, unlocked, zone: str) -> None:  # type: ignore[no-untyped-def]
    """The desk PC's date is not the site's (another zone, or the hour around midnight): "open days" with the
    days the tab offers opens slots from today at the site, never refused as a day in the past."""
    from zoneinfo import ZoneInfo

    from app.storage.schema import Site, Slot

    log_in(qtbot, unlocked, "admin")
    store = unlocked.shell.context.services.store
    with store.write() as session:
        session.get(Site, store.identity.site_id).timezone = zone
    today = datetime.now(ZoneInfo(zone)).date()
    scheduler = Scheduler(store)
    for weekday in range(7):
        scheduler.set_opening_rule(ADMIN, OpeningPlanInput(
            weekday=weekday, opens="08:00", closes="23:00", slot_minutes=60, stations=1, capacity_per_station=2,
            products=("comirnaty",), valid_from=today))
    page = SchedulePage(unlocked.shell.context, title="Schedule")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.plan.rules_model.rowCount() == 7, timeout=10000)
    page.tabs.setCurrentIndex(1)
    first, last = page.plan.days()
    assert first >= today and last >= first
    page.plan.last_day.setDate(page.plan.first_day.date().addDays(1))
    op = page.open_days()
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    assert not page.plan.days_error.isVisible(), page.plan.days_error.text()
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Slot).where(Slot.starts_at >= datetime.now(UTC))) > 0


def test_at_the_desk_screen_size_the_offers_and_the_due_list_are_not_cut(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    """The station window at 1366 wide: "★ recommended" and the due person's line read whole, unelided."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    log_in(qtbot, unlocked, "admin")
    scheduler = Scheduler(unlocked.shell.context.services.store)
    today = scheduler.clock().astimezone(scheduler.tz).date()
    for weekday in range(7):
        scheduler.set_opening_rule(ADMIN, OpeningPlanInput(
            weekday=weekday, opens="08:00", closes="12:00", slot_minutes=60, stations=1, capacity_per_station=2,
            products=("comirnaty",), valid_from=today))
    scheduler.open_days(ADMIN, today + timedelta(days=1), today + timedelta(days=45))
    first_dose_today(unlocked.shell.context.services.store)
    unlocked.resize(1366, 768)  # the desk's screen (the offscreen test screen is narrower)
    page = unlocked.shell.show_page("schedule")
    assert isinstance(page, SchedulePage)
    page.reload_due()
    qtbot.waitUntil(lambda: page.due_list.count() == 1, timeout=10000)
    page.due_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.offers_proxy.rowCount() > 0, timeout=10000)

    fit = page.offers_proxy.index(0, OffersModel.FIT)
    assert fit.data() == "\u2605 recommended"
    font = page.offers_table.font()
    font.setBold(True)  # the recommended rows are bold
    # A cell draws its text inside the focus frame's margin, plus one pixel, on either side (as QCommonStyle).
    margin = page.offers_table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    needed = QFontMetrics(font).horizontalAdvance(fit.data()) + 2 * margin
    table = page.offers_table
    # The filled table is laid out on the event loop: wait for it (never more than the timeout).
    qtbot.waitUntil(lambda: table.columnWidth(OffersModel.FIT) >= needed and table.horizontalScrollBar().maximum() == 0,
                    timeout=5000)
    assert page.offers_table.columnWidth(OffersModel.FIT) >= needed
    assert page.offers_table.horizontalScrollBar().maximum() == 0

    item = page.due_list.item(0)
    widest = max(QFontMetrics(page.due_list.font()).horizontalAdvance(line) for line in item.text().splitlines())
    assert page.due_list.viewport().width() > widest
    assert page.due_list.horizontalScrollBar().maximum() == 0


def test_a_german_desk_reads_why_no_slot_is_offered_in_german(qtbot, page: SchedulePage) -> None:  # type: ignore[no-untyped-def]
    """Every day of the dose's window is closed: the page says so in the desk's language, not in the core's
    English."""
    from app.ui.app import create_application  # the language is the application's, switched for this test

    store = page.context.services.store
    scheduler = Scheduler(store)
    today = scheduler.clock().astimezone(scheduler.tz).date()
    for days in range(1, 46):
        scheduler.close_day(ADMIN, today + timedelta(days=days), "Umbau")
    try:
        create_application([], language="de")
        page.due_list.setCurrentRow(-1)
        page.due_list.setCurrentRow(0)
        qtbot.waitUntil(lambda: page.flow.proposal is not None and not page.no_offers.isHidden(), timeout=10000)
        text = page.no_offers.text()
        assert text.startswith("Zwischen ") and "keinen Termin mit freien Plätzen und Comirnaty" in text, text
        assert "No slot" not in text and re.search(r"Zwischen \d\d\.\d\d\.20\d\d und \d\d\.\d\d\.20\d\d", text), text
    finally:
        create_application([], language="en")
