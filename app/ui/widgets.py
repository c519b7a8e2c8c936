"""The widgets every page builds the same way: buttons in the station's styles, wrapping labels, cards,
and the re-styling after a style property changes (the style sheet colours by "tone", "kind", …)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.days import FIRST_DAY, LAST_DAY
from app.ui.translate import to_qdate


def push_button(text: str, *, name: str = "", primary: bool = False, compact: bool = False,
           keep_focus: bool = False, on_click: Callable[[], object] | None = None) -> QPushButton:
    """A push button; `keep_focus`: a click leaves the keyboard where it was (the scanner types into a
    field), Tab still reaches the button; `on_click`: what a click does."""
    widget = QPushButton(text)
    if name:
        widget.setObjectName(name)
    if primary:
        widget.setProperty("primary", True)
    if compact:
        widget.setProperty("compact", True)
    if keep_focus:
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    if on_click is not None:
        widget.clicked.connect(on_click)
    return widget


def label(name: str, text: str = "", *, plain: bool = False, kind: str = "") -> QLabel:
    """A named label that wraps its text; `plain`: the text is never read as rich text (what a service
    or a person wrote); `kind`: the style sheet's colour for it ("warn", "bad", …)."""
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    if plain:
        widget.setTextFormat(Qt.TextFormat.PlainText)
    if kind:
        widget.setProperty("kind", kind)
    return widget


def calendar_bounded(widget: QDateEdit) -> QDateEdit:
    """`widget` offers only the days VaxDesk works with (1900 to 2200, `app.domain.days`), not Qt's
    14.9.1752 to 31.12.9999: a use case refuses any other day."""
    widget.setDateRange(to_qdate(FIRST_DAY), to_qdate(LAST_DAY))
    return widget


def date_field(name: str, *, display_format: str = "dd.MM.yyyy", date: QDate | None = None) -> QDateEdit:
    """A named date field with a calendar popup, showing `date` (else today on this computer)."""
    widget = calendar_bounded(QDateEdit())
    widget.setObjectName(name)
    widget.setCalendarPopup(True)
    widget.setDisplayFormat(display_format)
    widget.setDate(date if date is not None else QDate.currentDate())
    return widget


def text_field(name: str, *, max_length: int, placeholder: str = "", text: str = "") -> QLineEdit:
    """A named one-line field that takes no more than `max_length` characters (every field is bounded)."""
    widget = QLineEdit(text)
    widget.setObjectName(name)
    widget.setMaxLength(max_length)
    if placeholder:
        widget.setPlaceholderText(placeholder)
    return widget


def field_label(text: str, buddy: QWidget) -> QLabel:
    """A form field's caption, tied to its field (a click or the mnemonic moves the keyboard there)."""
    widget = QLabel(text)
    widget.setObjectName("fieldLabel")
    widget.setBuddy(buddy)
    return widget


def card(name: str, *, margins: tuple[int, int, int, int] = (16, 12, 16, 12),
         spacing: int = 8) -> tuple[QFrame, QVBoxLayout]:
    """A named frame with the station's card margins (or its own: left, top, right, bottom), and its
    layout."""
    frame = QFrame()
    frame.setObjectName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(*margins)
    layout.setSpacing(spacing)
    return frame, layout


def restyle(widget: QWidget, **properties: object) -> None:
    """Set style properties (tone="good", kind="warn", danger=True, …) and re-apply the style sheet,
    which Qt does not do by itself when a property changes."""
    for key, value in properties.items():
        widget.setProperty(key, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class SecondClick:
    """A button whose step needs a second click (block a lot, discard a vial): the first click arms it
    for one thing, red and saying what the next click does; a click for the same thing confirms.
    Whatever else the user changes should `disarm` it."""

    def __init__(self, button: QPushButton) -> None:
        self.button = button
        self._idle_text = button.text()
        self.armed_for: object | None = None

    def arm(self, key: object, text: str) -> None:
        self.armed_for = key
        self.button.setText(text)
        restyle(self.button, danger=True)

    def disarm(self) -> None:
        self.armed_for = None
        self.button.setText(self._idle_text)
        restyle(self.button, danger=False)

    def confirmed(self, key: object, asking: str) -> bool:
        """True on the second click for `key` (the button back as it was); else armed with `asking`."""
        if self.armed_for is not None and self.armed_for == key:
            self.disarm()
            return True
        self.arm(key, asking)
        return False
