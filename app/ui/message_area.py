"""The one place a page shows an error or a notice: a coloured, word-wrapped line under its title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.widgets import restyle


class MessageArea(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageArea")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("kind", "none")
        self.setVisible(False)

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_error(self, text: str) -> None:
        self._show(text, "error")

    def show_info(self, text: str) -> None:
        self._show(text, "info")

    def clear_message(self) -> None:
        self._show("", "none")

    def _show(self, text: str, kind: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        restyle(self, kind=kind)  # the style sheet colours the area by its "kind"
        self.setVisible(bool(text))
