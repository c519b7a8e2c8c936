"""The Tests page: order a rapid test for someone checked in, take the sample with a device from the EU
list, see the reading countdown, be refused before the reading time (hard stop), enter the result after."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.services.certificates import CertificateDesk
from app.services.checkin import CheckInDesk
from app.services.unit_of_work import Actor
from app.storage.schema import Appointment, Certificate, CovidTest
from app.ui.pages.testing import TestingPage, TestsModel
from app.ui.tasks import workers
from tests.ui.conftest import log_in

LEFT = Qt.MouseButton.LeftButton
NURSE = Actor(staff_id=None, role="nurse", display_name="Test")


def _nurse_and_first_booking(qtbot, unlocked):  # type: ignore[no-untyped-def]
    """The nurse logged in (her pages loaded), the store, and the day's first booking code."""
    log_in(qtbot, unlocked, "nurse")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    store = unlocked.shell.context.services.store
    with store.read() as session:
        code = session.scalars(select(Appointment.booking_code).order_by(Appointment.booking_code)).first()
    return store, code


def test_a_rapid_test_from_order_to_result_with_the_reading_time_enforced(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    store, code = _nurse_and_first_booking(qtbot, unlocked)
    start = CheckInDesk(store).find(NURSE, code).matches[0].booking.starts_at
    now = [start]
    desk = CheckInDesk(store, clock=lambda: now[0])
    booking = desk.find(NURSE, code).matches[0].booking
    desk.check_in(NURSE, booking.appointment_id, confirmed=True)

    page = TestingPage(unlocked.shell.context, title="Tests", clock=lambda: now[0])
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.visit_choice.count() == 1 and page.device.count() > 50, timeout=10000)
    assert page.test_type.currentData() == "rat"
    qtbot.mouseClick(page.order_button, LEFT)
    qtbot.waitUntil(lambda: [r.state for r in page.model.rows()] == ["ordered"], timeout=10000)
    assert page.visit_choice.count() == 0  # one open test per visit
    assert page.sample_button.isEnabled() and not page.result_buttons["negative"].isEnabled()

    page.device.setCurrentIndex(page.device.findData("1232"))
    qtbot.mouseClick(page.sample_button, LEFT)
    qtbot.waitUntil(lambda: [r.state for r in page.model.rows()] == ["sampled"], timeout=10000)
    reading = page.model.index(0, TestsModel.READING).data()
    assert reading.endswith("· 15 min"), reading
    assert not any(b.isEnabled() for b in page.result_buttons.values())
    assert "Waiting for the reading time: 1" in page.summary.text()

    # Entering the result anyway (a second window, a stale screen): the service stops it, nothing stored.
    now[0] += timedelta(minutes=14)
    page.enter_result("negative")
    qtbot.waitUntil(lambda: page.messages.kind == "error", timeout=10000)
    assert "Too early" in page.messages.text() and "15 minutes" in page.messages.text()
    with store.read() as session:
        assert session.scalar(select(CovidTest.result)) is None

    now[0] += timedelta(minutes=1)
    page.tick()
    assert page.model.index(0, TestsModel.READING).data() == "Ready to read"
    assert page.result_buttons["negative"].isEnabled()
    qtbot.mouseClick(page.result_buttons["negative"], LEFT)
    qtbot.waitUntil(lambda: [r.state for r in page.model.rows()] == ["resulted"], timeout=10000)
    assert page.model.index(0, TestsModel.RESULT).data() == "Negative"
    assert page.messages.kind == "info"
    with store.read() as session:
        assert session.scalar(select(CovidTest.result)) == "negative"

    # The EU test certificate of the negative result: refused, in words, while the station has no signer;
    # issued from the site's signer once installed; then it can be printed.
    qtbot.mouseClick(page.certificate_button, LEFT)
    qtbot.waitUntil(lambda: page.messages.kind == "error", timeout=10000)
    assert "install the site's document signer" in page.messages.text()
    signer_from = now[0] - timedelta(days=1)  # valid at the page's (the booking's) time
    CertificateDesk(store, clock=lambda: signer_from).install_demo_signer(
        Actor(staff_id=None, role="admin", display_name="Admin"))
    assert page.certificate_button.isEnabled() and not page.print_button.isEnabled()
    page.messages.clear_message()
    qtbot.mouseClick(page.certificate_button, LEFT)
    qtbot.waitUntil(lambda: page.print_button.isEnabled() or page.messages.kind == "error", timeout=10000)
    assert page.print_button.isEnabled(), page.messages.text()
    assert not page.certificate_button.isEnabled() and page.messages.kind == "info"
    assert "EU test certificate issued for" in page.messages.text()
    with store.read() as session:
        assert session.scalars(select(Certificate.kind)).all() == ["t"]


def test_a_hostile_device_typed_into_the_field_is_refused(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    store, code = _nurse_and_first_booking(qtbot, unlocked)
    desk = CheckInDesk(store)
    desk.check_in(NURSE, desk.find(NURSE, code).matches[0].booking.appointment_id, confirmed=True)
    page = TestingPage(unlocked.shell.context, title="Tests")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.visit_choice.count() == 1 and page.device.count() > 50, timeout=10000)
    qtbot.mouseClick(page.order_button, LEFT)
    qtbot.waitUntil(lambda: [r.state for r in page.model.rows()] == ["ordered"], timeout=10000)
    page.device.setCurrentIndex(-1)
    page.device.setEditText("\u202e1232<script>")
    qtbot.mouseClick(page.sample_button, LEFT)
    qtbot.waitUntil(lambda: page.messages.kind == "error", timeout=10000)
    assert "not a rapid test device on the EU list" in page.messages.text()
    assert [r.state for r in page.model.rows()] == ["ordered"]
