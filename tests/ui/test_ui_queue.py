"""The queue board: observation countdown and its alert, "Left observation", and the other moves."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.domain.questionnaire import Answer
from app.services.checkin import CheckInDesk
from app.services.unit_of_work import Actor
from app.storage.schema import Appointment
from app.ui.checkin_models import QueueBoardModel
from app.ui.pages.queue import QueuePage
from app.ui.tasks import workers
from tests.ui.conftest import log_in

LEFT = Qt.MouseButton.LeftButton
NURSE = Actor(staff_id=None, role="nurse", display_name="Test")


def no_answers(desk: CheckInDesk) -> dict[str, Answer]:
    answers = {q.id: Answer(text="") if q.type == "text" else Answer(yes=False) for q in desk.questionnaire.questions}
    answers["consent"] = Answer(yes=True)
    return answers


@pytest.fixture
def visits(qtbot, unlocked):  # type: ignore[no-untyped-def]
    """Two seeded bookings checked in at their slot time: one in observation since then, one waiting.
    Returns (window, {"observation": visit, "waiting": visit}, the time observation started)."""
    log_in(qtbot, unlocked, "nurse")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    store = unlocked.shell.context.services.store
    with store.read() as session:
        codes = session.scalars(select(Appointment.booking_code).order_by(Appointment.booking_code)).all()[:2]
    start = CheckInDesk(store).find(NURSE, codes[0]).matches[0].booking.starts_at
    desk = CheckInDesk(store, clock=lambda: start)
    ids = {}
    for key, code in zip(("observation", "waiting"), codes, strict=True):
        booking = desk.find(NURSE, code).matches[0].booking
        ids[key] = desk.check_in(NURSE, booking.appointment_id, confirmed=True)
        desk.record_identity(NURSE, ids[key], "id_card")
        desk.record_questionnaire(NURSE, ids[key], no_answers(desk))
    desk.call_to_doctor(NURSE, ids["observation"])
    desk.start_observation(NURSE, ids["observation"])
    return unlocked, ids, start


def open_queue(qtbot, window, clock) -> QueuePage:  # type: ignore[no-untyped-def]
    page = QueuePage(window.shell.context, title="Queue", clock=clock)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: len(page.model.rows()) == 2, timeout=10000)
    return page


def cell(page: QueuePage, visit_id: str, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).visit_id == visit_id:
            return page.model.index(row, column).data(role)
    raise KeyError(visit_id)


def test_countdown_runs_from_the_rows_held_then_alerts(qtbot, visits) -> None:  # type: ignore[no-untyped-def]
    window, ids, start = visits
    now = [start + timedelta(minutes=5, seconds=10)]
    page = open_queue(qtbot, window, lambda: now[0])
    assert cell(page, ids["observation"], QueueBoardModel.OBSERVATION) == "10 min left"
    assert cell(page, ids["waiting"], QueueBoardModel.STATE) == "Waiting"
    assert cell(page, ids["waiting"], QueueBoardModel.WAITING) == "5 min"
    assert not page.alert.isVisible()

    # 15 s later the timer recomputes the countdown without reading the database.
    now[0] += timedelta(seconds=15)
    page.tick()
    assert workers().pending == 0
    assert cell(page, ids["observation"], QueueBoardModel.OBSERVATION) == "10 min left"

    # Past the end: the row turns red, says so, and the banner names the person.
    now[0] = start + timedelta(minutes=15, seconds=1)
    page.tick()
    assert cell(page, ids["observation"], QueueBoardModel.OBSERVATION) == "Observation over"
    assert cell(page, ids["observation"], QueueBoardModel.OBSERVATION,
                Qt.ItemDataRole.BackgroundRole).color().name() == "#fdecea"
    assert page.alert.isVisible() and page.alert.text().startswith("Observation over: ")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)  # >30 s since the last read: re-read


def test_left_observation_in_one_click_moves_the_visit_to_done(qtbot, visits) -> None:  # type: ignore[no-untyped-def]
    window, ids, start = visits
    clock = lambda: start + timedelta(minutes=20)  # noqa: E731
    page = open_queue(qtbot, window, clock)
    assert page.alert.isVisible()
    assert page.selected_row().visit_id == ids["observation"]  # the board points at who may leave
    assert page.left_observation_button.isEnabled() and not page.call_button.isEnabled()
    qtbot.mouseClick(page.left_observation_button, LEFT)
    qtbot.waitUntil(lambda: not page.alert.isVisible(), timeout=10000)
    store = window.shell.context.services.store
    states = {r.visit_id: r.state for r in CheckInDesk(store, clock=clock).queue(NURSE)}
    assert states[ids["observation"]] == "done"
    assert [r.visit_id for r in page.model.rows() if r.state != "done"] == [ids["waiting"]]
    assert page.proxy.rowCount() == 1  # finished rows are hidden...
    page.show_finished.setChecked(True)
    assert page.proxy.rowCount() == 2  # ...until asked for


def test_call_to_doctor_and_leaving_needs_a_reason(qtbot, visits) -> None:  # type: ignore[no-untyped-def]
    window, ids, start = visits
    clock = lambda: start + timedelta(minutes=6)  # noqa: E731
    page = open_queue(qtbot, window, clock)
    assert page.select_visit(ids["waiting"])
    qtbot.mouseClick(page.left_button, LEFT)
    assert page.messages.kind == "error" and "reason" in page.messages.text()
    qtbot.mouseClick(page.call_button, LEFT)
    qtbot.waitUntil(lambda: cell(page, ids["waiting"], QueueBoardModel.STATE) == "With the doctor", timeout=10000)
    assert page.select_visit(ids["waiting"])
    qtbot.keyClicks(page.reason, "did not want to wait")
    qtbot.mouseClick(page.left_button, LEFT)
    qtbot.waitUntil(lambda: all(r.visit_id != ids["waiting"] for r in page.model.rows()), timeout=10000)
    assert "left without vaccination" in page.messages.text()
