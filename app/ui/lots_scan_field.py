"""The scan field a keyboard-wedge scanner types GS1 codes into (vial labels, carton codes).

GS1 DataMatrix codes end a variable-length field (the lot) with the group separator, ASCII 29.
Scanners in keyboard mode send it as Ctrl+] or as the raw control character; a QLineEdit drops
both, which would glue the lot and the serial together. This field keeps it, shown as "␝" (the
Unicode picture of GS, which the parser reads as GS).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

__all__ = ["GS_SHOWN", "ScanField"]

GS_SHOWN = "\u241d"


class ScanField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(256)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
        if event.text() == "\x1d" or (ctrl and event.key() == Qt.Key.Key_BracketRight):
            self.insert(GS_SHOWN)
            return
        super().keyPressEvent(event)
