"""The crash handler logs the traceback without personal data and shows a calm dialog."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui import crash

# Runtime values, as an exception message would quote them (source lines are logged, data is not).
PERSON = {"family": "Müller", "given": "Anna", "other": "Yılmaz", "dob": "1961-04-02"}


def _raise_with_personal_data() -> None:
    try:
        raise KeyError(f"{PERSON['other']}, {PERSON['dob']}")
    except KeyError as exc:
        raise RuntimeError(f"INSERT failed for {PERSON['family']}, {PERSON['given']}") from exc


def test_crash_logs_the_traceback_but_no_personal_data(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    try:
        _raise_with_personal_data()
    except RuntimeError as exc:
        error = exc
    with caplog.at_level(logging.CRITICAL, logger="app.ui.crash"):
        crash._excepthook(type(error), error, error.__traceback__)
    logged = caplog.text
    assert "_raise_with_personal_data" in logged
    assert "builtins.RuntimeError" in logged and "builtins.KeyError" in logged
    assert "Müller" not in logged and "Yılmaz" not in logged and "1961" not in logged

    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog" and w.isVisible()]
    assert len(dialogs) == 1
    text = dialogs[0].text()
    assert "unexpected problem" in text and str(crash.log_file()) in text
    assert "Traceback" not in text and "Müller" not in text
    dialogs[0].button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialogs[0].isVisible())


def test_many_widget_calls_do_not_abort_the_interpreter() -> None:
    """PySide6 6.12.0 leaked a reference to None per void call on Python 3.11: a station aborted
    ("none_dealloc") after a few thousand calls. The pinned bindings must survive a long shift."""
    import os
    import subprocess
    import sys

    code = ("from PySide6.QtCore import QObject\n"
            "o = QObject()\n"
            "for _ in range(200_000):\n"
            "    o.setObjectName('x'); o.blockSignals(False)\n"
            "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr[-500:]
