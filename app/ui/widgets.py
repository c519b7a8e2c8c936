"""The widgets every page builds the same way: buttons in the station's styles, wrapping labels, cards,
and the re-styling after a style property changes (the style sheet colours by "tone", "kind", …)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


def push_button(text: str, *, name: str = "", primary: bool = False, compact: bool = False,
           keep_focus: bool = False) -> QPushButton:
    """A push button; `keep_focus`: a click leaves the keyboard where it was (the scanner types into a
    field), Tab still reaches the button."""
    widget = QPushButton(text)
    if name:
        widget.setObjectName(name)
    if primary:
        widget.setProperty("primary", True)
    if compact:
        widget.setProperty("compact", True)
    if keep_focus:
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return widget


def label(name: str, text: str = "") -> QLabel:
    """A named label that wraps its text."""
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    return widget


def card(name: str) -> tuple[QFrame, QVBoxLayout]:
    """A named frame with the station's card margins, and its layout."""
    frame = QFrame()
    frame.setObjectName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(8)
    return frame, layout


def restyle(widget: QWidget, **properties: object) -> None:
    """Set style properties (tone="good", kind="warn", danger=True, …) and re-apply the style sheet,
    which Qt does not do by itself when a property changes."""
    for key, value in properties.items():
        widget.setProperty(key, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
