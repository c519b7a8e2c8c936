"""Background work for the pages: `Op(parent, fn).on_success(cb).on_failure(cb).start()`.

Database work runs on ONE worker thread (a SQLAlchemy session is not thread-safe and SQLite has
one writer); network work runs on a second one so a slow server never delays a check-in. `fn`
never touches widgets; its result or error comes back to the GUI thread through one queued Qt
signal, and only there are the callbacks run.

Errors: a `VaxDeskError` goes to `on_failure` (default: the message area of the nearest page that
has `show_error`); anything else is a bug and goes to the crash handler (`sys.excepthook`).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Literal

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from app.errors import VaxDeskError

if TYPE_CHECKING:
    from app.services.unit_of_work import Change

log = logging.getLogger(__name__)

Lane = Literal["db", "network"]


class Workers(QObject):
    """The two worker threads and the one signal that brings their results home."""

    # (op, result, error): emitted on a worker thread, received on the GUI thread.
    _delivered = Signal(object, object, object)
    # No operation is running or waiting any more.
    idle = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._executors = {
            "db": ThreadPoolExecutor(max_workers=1, thread_name_prefix="vaxdesk-db"),
            "network": ThreadPoolExecutor(max_workers=1, thread_name_prefix="vaxdesk-net"),
        }
        self._running: set[Op] = set()
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return len(self._running)

    def submit(self, op: Op, fn: Callable[[], Any], lane: Lane) -> None:
        self._running.add(op)

        def job() -> None:
            try:
                result = fn()
            except BaseException as exc:
                self._delivered.emit(op, None, exc)
            else:
                self._delivered.emit(op, result, None)

        self._executors[lane].submit(job)

    def _deliver(self, op: Op, result: Any, error: BaseException | None) -> None:
        self._running.discard(op)
        try:
            if shiboken6.isValid(op):
                op._finish(result, error)
            elif error is not None and not isinstance(error, VaxDeskError):
                # The page that asked is gone (e.g. the station was locked), but a bug is a bug.
                report_bug(error)
            else:
                log.debug("result dropped: the page that asked for it was closed")
        finally:
            if not self._running:
                self.idle.emit()

    def shutdown(self) -> None:
        """Let the running job finish (a write is never cut in half); drop queued ones."""
        for executor in self._executors.values():
            executor.shutdown(wait=True, cancel_futures=True)


_workers: Workers | None = None


def workers() -> Workers:
    """The station's worker threads, started on first use (from the GUI thread)."""
    global _workers
    if _workers is None:
        _workers = Workers()
    return _workers


def shutdown_workers() -> None:
    global _workers
    if _workers is not None:
        _workers.shutdown()
        _workers = None


def report_bug(error: BaseException) -> None:
    """Hand an unexpected exception to the crash handler (or to pytest-qt under test)."""
    sys.excepthook(type(error), error, error.__traceback__)


class Op(QObject):
    """One piece of background work started by a page; it dies with its parent widget."""

    # Emitted on the GUI thread after the success or failure callback has run.
    finished = Signal()

    def __init__(self, parent: QObject, fn: Callable[[], Any], *, lane: Lane = "db",
                 publish: Callable[[Sequence[Change]], None] | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._lane: Lane = lane
        # A write op: `fn` returns a `Written`; its callback gets the value, then `publish` gets the
        # changes (also those committed before a failure), before `finished`.
        self._publish = publish
        # What a callback returns is ignored (a lambda may well return a tuple of calls).
        self._success: Callable[[Any], object] | None = None
        self._failure: Callable[[VaxDeskError], object] | None = None
        self.result: Any = None
        self.error: BaseException | None = None

    def on_success(self, callback: Callable[[Any], object]) -> Op:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[VaxDeskError], object]) -> Op:
        self._failure = callback
        return self

    def start(self) -> Op:
        workers().submit(self, self._fn, self._lane)
        return self

    def _finish(self, result: Any, error: BaseException | None) -> None:
        changes: Sequence[Change] = ()
        if self._publish is not None:
            if error is None:
                changes, result = result.changes, result.value
            else:
                changes = getattr(error, "committed_changes", ())
        self.result, self.error = result, error
        try:
            if error is None:
                if self._success is not None:
                    self._success(result)
            elif isinstance(error, VaxDeskError):
                (self._failure or self._show_in_page)(error)
            else:
                report_bug(error)
        except Exception as exc:  # a bug in a callback: to the crash handler, not into Qt's event loop
            report_bug(exc)
        try:
            if self._publish is not None and changes:
                self._publish(changes)
        except Exception as exc:
            report_bug(exc)
        finally:
            self.finished.emit()
            self.deleteLater()

    def _show_in_page(self, error: VaxDeskError) -> None:
        from app.ui.messages import user_message

        holder = self.parent()
        while holder is not None:
            show_error = getattr(holder, "show_error", None)
            if callable(show_error):
                show_error(user_message(error))
                return
            holder = holder.parent()
        from app.ui.crash import show_notice

        show_notice(user_message(error))
