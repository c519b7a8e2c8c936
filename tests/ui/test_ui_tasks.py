"""The background-work helper: results on the GUI thread, one DB worker, errors routed by kind."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from app.errors import AuthError, VaxDeskError
from app.ui.tasks import Op, workers


class PageStub(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def show_error(self, text: str) -> None:
        self.errors.append(text)


@pytest.fixture
def page(qtbot):  # type: ignore[no-untyped-def]
    widget = PageStub()
    qtbot.addWidget(widget)
    return widget


def test_result_arrives_on_the_gui_thread(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def work() -> str:
        return threading.current_thread().name

    def done(worker_thread: str) -> None:
        seen["worker"] = worker_thread
        seen["callback_thread"] = threading.current_thread()

    op = Op(page, work).on_success(done)
    with qtbot.waitSignal(op.finished):
        op.start()
    assert str(seen["worker"]).startswith("vaxdesk-db")
    assert seen["callback_thread"] is threading.main_thread()


def test_database_work_runs_in_order_on_one_thread(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    order: list[tuple[int, int]] = []
    ops = [Op(page, lambda i=i: order.append((i, threading.get_ident()))) for i in range(5)]
    with qtbot.waitSignal(ops[-1].finished):
        for op in ops:
            op.start()
    assert [i for i, _ in order] == [0, 1, 2, 3, 4]
    assert len({ident for _, ident in order}) == 1


def test_network_lane_is_a_separate_thread(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    op = Op(page, lambda: threading.current_thread().name, lane="network")
    with qtbot.waitSignal(op.finished):
        op.start()
    assert op.result.startswith("vaxdesk-net")


def test_vaxdesk_error_goes_to_on_failure(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    failures: list[VaxDeskError] = []
    successes: list[object] = []

    def fail() -> None:
        raise AuthError(code="staff_login_failed")  # what authenticate raises

    op = Op(page, fail).on_success(successes.append).on_failure(failures.append)
    with qtbot.waitSignal(op.finished):
        op.start()
    assert successes == []
    assert len(failures) == 1 and isinstance(failures[0], AuthError)
    assert page.errors == []


def test_vaxdesk_error_without_handler_shows_in_the_page(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    def fail() -> None:
        raise AuthError(code="staff_login_failed")  # what authenticate raises

    child = QWidget(page)  # the page is found up the parent chain
    op = Op(child, fail)
    with qtbot.waitSignal(op.finished):
        op.start()
    assert page.errors == ["Wrong PIN. Please try again."]


def test_unexpected_error_goes_to_the_crash_handler(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    failures: list[VaxDeskError] = []

    def bug() -> None:
        raise ZeroDivisionError("boom")

    op = Op(page, bug).on_failure(failures.append)
    with qtbot.captureExceptions() as exceptions, qtbot.waitSignal(op.finished):
        op.start()
    assert failures == [] and page.errors == []
    assert [type(e[1]) for e in exceptions] == [ZeroDivisionError]


def test_result_for_a_closed_page_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    called: list[object] = []
    widget = PageStub()
    Op(widget, gate.wait).on_success(called.append).start()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget))
    with qtbot.waitSignal(workers().idle, timeout=5000):
        gate.set()
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
