"""The sync status slot in the status bar: online or offline, when the station last synced, what is
pending or was rejected, and a wrong station clock. Always in words, the colour only repeats them.

`sync_words()` turns a `SyncStatus` into those words (also used by the Sync page); the widget only
shows them. Clicking the slot opens the Sync page (the window connects `clicked`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.ui.translate import QT_TRANSLATE_NOOP
from app.ui.widgets import restyle

if TYPE_CHECKING:
    from app.services.sync_state import SyncStatus as SyncFigures

SKEW_WARNING_S = 120

# `sync.last_error` holds the class name of the last sync error; the nurse reads it in words.
_ERROR_WORDS = {
    "ServerUnreachable": QT_TRANSLATE_NOOP(
        "SyncWords", "The server could not be reached (no network, or the server is down)."),
    "DeviceRejected": QT_TRANSLATE_NOOP(
        "SyncWords", "The server no longer accepts this station. An admin must enroll it again with a new code."),
    "NotEnrolled": QT_TRANSLATE_NOOP("SyncWords", "This station is not enrolled with a server."),
    "ProtocolError": QT_TRANSLATE_NOOP(
        "SyncWords", "The server gave an answer this station does not understand. Ask the admin to check "
                     "that station and server versions match."),
    "ServerRefused": QT_TRANSLATE_NOOP("SyncWords", "The server refused a request. Sync will try again."),
    "StoreError": QT_TRANSLATE_NOOP("SyncWords", "The station database was busy. Sync will try again."),
}
_UNKNOWN_ERROR = QT_TRANSLATE_NOOP("SyncWords", "The last sync did not finish. Sync will try again.")


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("SyncWords", text, "", n)


def error_words(error: str | None) -> str | None:
    """The last sync error (an error class name as the engine stores it) in words, or None."""
    if not error:
        return None
    return _tr(_ERROR_WORDS.get(error, _UNKNOWN_ERROR))


class SyncCounts(QObject):
    """The counted words (German has a singular and a plural form): `tr` with a count is the one form
    lupdate extracts as a plural message."""

    def kept(self, n: int) -> str:
        return self.tr("%n change(s) kept on this station", "", n)

    def pending(self, n: int) -> str:
        return self.tr("%n pending", "", n)

    def pending_offline(self, n: int) -> str:
        return self.tr("%n pending (safe on this station)", "", n)

    def rejected(self, n: int) -> str:
        return self.tr("%n rejected", "", n)

    def to_review(self, n: int) -> str:
        return self.tr("%n to review", "", n)

    def skew_hours(self, n: int) -> str:
        return self.tr("Station clock is %n hours off — ask the admin", "", n)

    def skew_minutes(self, n: int) -> str:
        return self.tr("Station clock is %n min off — ask the admin", "", n)


def clock_time(at: datetime, now: datetime | None = None) -> str:
    """14:32 for today (station time), else 2025-03-12 14:32."""
    local = at.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


def skew_words(skew_s: float) -> str:
    minutes = round(abs(skew_s) / 60)
    if minutes >= 120:
        return SyncCounts().skew_hours(round(minutes / 60))
    return SyncCounts().skew_minutes(max(minutes, 1))


@dataclass(frozen=True)
class SyncWords:
    """What the status slot says. `tone`: good | offline | problem | off (not enrolled)."""

    tone: str
    text: str
    attention: str | None  # rejected / to review: "2 rejected — see Sync page"
    skew: str | None
    detail: str  # for the tooltip: last sync, last attempt, last error

    @property
    def full_text(self) -> str:
        return " · ".join(part for part in (self.text, self.attention, self.skew) if part)


def sync_words(status: SyncFigures, *, offline_since: datetime | None = None,
               now: datetime | None = None) -> SyncWords:
    details: list[str] = []
    if status.last_success_at:
        details.append(QCoreApplication.translate("SyncWords", "Last complete sync: {time}").format(time=clock_time(status.last_success_at, now)))
    if status.last_attempt_at:
        details.append(QCoreApplication.translate("SyncWords", "Last attempt: {time}").format(time=clock_time(status.last_attempt_at, now)))
    problem = error_words(status.last_error) if not status.online else None
    if problem:
        details.append(problem)

    if not status.enrolled:
        tone = "off"
        text = QCoreApplication.translate("SyncWords", "Not enrolled with a server")
        if status.pending:
            text += " · " + SyncCounts().kept(status.pending)
    elif status.online:
        tone = "good"
        parts = [QCoreApplication.translate("SyncWords", "Online")]
        parts.append(QCoreApplication.translate("SyncWords", "last sync {time}").format(time=clock_time(status.last_success_at, now))
                     if status.last_success_at else QCoreApplication.translate("SyncWords", "not fully synced yet"))
        parts.append(SyncCounts().pending(status.pending) if status.pending else QCoreApplication.translate("SyncWords", "all sent"))
        text = " · ".join(parts)
    else:
        tone = "offline"
        since = offline_since or status.last_attempt_at
        if status.last_error == "DeviceRejected":
            tone = "problem"
            head = QCoreApplication.translate("SyncWords", "Server refused this station — enroll again")
        elif since is None:
            head = QCoreApplication.translate("SyncWords", "Not synced yet")
        else:
            head = QCoreApplication.translate("SyncWords", "Offline since {time}").format(time=clock_time(since, now))
        text = head
        if status.pending:
            text += " · " + SyncCounts().pending_offline(status.pending)

    attention_parts = []
    if status.rejected:
        attention_parts.append(SyncCounts().rejected(status.rejected))
    if status.open_review_tasks:
        attention_parts.append(SyncCounts().to_review(status.open_review_tasks))
    attention = None
    if attention_parts:
        attention = QCoreApplication.translate("SyncWords", "{what} — see Sync page").format(what=", ".join(attention_parts))
        tone = "problem"
    skew = skew_words(status.clock_skew_s) if status.clock_skew_s is not None and \
        abs(status.clock_skew_s) > SKEW_WARNING_S else None
    return SyncWords(tone=tone, text=text, attention=attention, skew=skew, detail="\n".join(details))


class SyncStatus(QWidget):
    """The slot itself. Click (or Enter when focused) to open the Sync page."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.dot = QLabel("●")
        self.dot.setObjectName("syncDot")
        self.label = QLabel()
        self.label.setObjectName("syncText")
        self.attention = QLabel()
        self.attention.setObjectName("syncAttention")
        self.attention.hide()
        self.skew = QLabel()
        self.skew.setObjectName("syncSkew")
        self.skew.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.attention)
        layout.addWidget(self.skew)
        self.words: SyncWords | None = None
        self.set_status(online=False, text=self.tr("Offline — not connected to a server yet"))

    @property
    def text(self) -> str:
        """Everything the slot says, in reading order."""
        parts = [self.label.text()]
        parts += [w.text() for w in (self.attention, self.skew) if not w.isHidden() and w.text()]
        return " ".join(parts)

    def set_status(self, *, online: bool, text: str) -> None:
        """A plain line (before the first figures arrive)."""
        self.words = None
        self.attention.hide()
        self.skew.hide()
        self.label.setText(text)
        self.setToolTip("")
        self.setAccessibleName(text)
        self._set_tone("good" if online else "offline")

    def show_sync(self, status: SyncFigures, *, offline_since: datetime | None = None,
                  now: datetime | None = None) -> SyncWords:
        words = sync_words(status, offline_since=offline_since, now=now)
        self.words = words
        self.label.setText(words.text)
        self.attention.setText("· " + words.attention if words.attention else "")
        self.attention.setVisible(bool(words.attention))
        self.skew.setText("· " + words.skew if words.skew else "")
        self.skew.setVisible(bool(words.skew))
        self.setToolTip(words.detail)
        self.setAccessibleName(words.full_text)
        self.setAccessibleDescription(words.detail)
        self._set_tone(words.tone)
        return words

    def set_clickable(self, clickable: bool) -> None:
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus if clickable else Qt.FocusPolicy.NoFocus)
        self._clickable = clickable

    def _set_tone(self, tone: str) -> None:
        self.setProperty("tone", tone)
        for widget in (self, self.dot, self.label):
            restyle(widget, tone=tone, online=tone == "good")

    _clickable = False

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
