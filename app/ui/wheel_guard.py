"""Keeps the mouse wheel from changing a combo box the nurse only scrolled across.

Scrolling a page with the pointer over a combo box silently changed its value (the ID document
seen, the sex of a walk-in). With the guard the wheel changes it only while it has the keyboard
focus (the nurse clicked or tabbed into it); otherwise the wheel does nothing over it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus()


def guard_wheel(*widgets: QWidget) -> None:
    for widget in widgets:
        guard = WheelGuard(widget)
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(guard)
