"""The one place a page shows an error or a notice: a coloured, word-wrapped line under its title."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

from app.ui.widgets import restyle

# The style's padding above and below the text (resources/style.qss, QLabel#messageArea).
_PADDING = 24


class MessageArea(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageArea")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("kind", "none")
        self.setVisible(False)
        self._box: QScrollArea | None = None

    def in_fixed_box(self, lines: int) -> QScrollArea:
        """This area inside a box `lines` lines high that never grows: a longer message scrolls inside
        it (wheel, or the bar that appears) instead of pushing the page's controls down, and its whole
        text is the tooltip. The box keeps its height when no message shows."""
        box = QScrollArea()
        box.setObjectName("messageBox")
        box.setFrameShape(QFrame.Shape.NoFrame)
        box.setWidgetResizable(True)
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays where the nurse types
        box.setWidget(self)
        box.setFixedHeight(lines * self.fontMetrics().lineSpacing() + _PADDING)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # without a message the box is hidden but keeps its place
        box.setSizePolicy(policy)
        box.setVisible(False)
        self._box = box
        return box

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
        if self._box is not None:
            self._box.setVisible(bool(text))
            self.setToolTip(text)
            self._box.verticalScrollBar().setValue(0)  # a new message is read from its start
