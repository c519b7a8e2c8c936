"""The crash handler: unexpected errors go to the log file, and a calm dialog goes on screen.

The log gets the traceback (file, line, function and exception type) but not the exception's
message, which may quote personal data (SQL parameters, names); the screen gets neither.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.logs import describe_exception as describe

log = logging.getLogger(__name__)

# A dialog without a parent is owned by its Python wrapper: keep it alive until it is closed.
_open_dialogs: set[QMessageBox] = set()


def _keep_until_closed(box: QMessageBox) -> QMessageBox:
    _open_dialogs.add(box)
    box.finished.connect(lambda _result: _open_dialogs.discard(box))
    box.open()  # no nested event loop
    return box


def log_file() -> Path:
    from app.logs import log_dir

    return log_dir() / "vaxdesk.log"


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QCoreApplication.quit()
        return
    log.critical("unexpected error\n%s", describe(exc_type, exc, tb))
    show_crash_dialog()


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    # Never touch widgets from a worker thread: log only.
    if args.exc_value is not None:
        log.critical("unexpected error in thread %s\n%s", args.thread.name if args.thread else "?",
                     describe(args.exc_type, args.exc_value, args.exc_traceback))


def install() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def crash_text() -> str:
    return QCoreApplication.translate(
        "Crash",
        "VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; "
        "the details are in the log file {path}",
    ).format(path=log_file())


def show_crash_dialog() -> QMessageBox | None:
    if QApplication.instance() is None:
        return None
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "VaxDesk – unexpected problem"),
                      crash_text(), QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setObjectName("crashDialog")
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    return _keep_until_closed(box)


def show_notice(text: str) -> QMessageBox:
    """An expected error with no page to show it in."""
    box = QMessageBox(QMessageBox.Icon.Warning, "VaxDesk", text, QMessageBox.StandardButton.Ok,
                      QApplication.activeWindow())
    return _keep_until_closed(box)
