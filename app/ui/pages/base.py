"""What every page of the shell has: a title, a message area, and the station context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.errors import VaxDeskError
from app.services.unit_of_work import Change, Clock, system_clock
from app.ui.changes import ChangeHub, touches
from app.ui.message_area import MessageArea
from app.ui.messages import user_message
from app.ui.reload_schedule import ReloadSchedule
from app.ui.tasks import Op
from app.ui.widgets import label

if TYPE_CHECKING:
    from app.services.unit_of_work import Actor
    from app.station import StationInfo, StationServices
    from app.ui.sync_runner import SyncRunner

T = TypeVar("T")


@dataclass(frozen=True)
class PageContext:
    """What a page may use: the station's services (only on the worker, through an Op) and who is acting."""

    services: StationServices
    actor: Actor
    station: StationInfo
    # "Changes applied": writing Ops publish what they changed, pages refresh themselves. The shell
    # shares one context, hence one hub, among all its pages; it goes when the station locks.
    changes: ChangeHub = field(default_factory=ChangeHub)
    # Background sync of this station (status, "Sync now"); None where nothing drives it.
    sync: SyncRunner | None = None


class Page(QWidget):
    """A page in the shell's stack. Subclasses fill `self.body` (a QVBoxLayout)."""

    name: ClassVar[str] = ""
    # The kinds of data ("visit", "lot", …) whose announced changes make the page read again (`reload`).
    reload_on: ClassVar[tuple[str, ...]] = ()
    # A timed page's rows read over this long ago are read again at its next tick: what other stations
    # did shows up soon.
    reload_after: ClassVar[timedelta] = timedelta(seconds=30)
    # Another page should take this up (page name, what to open): the shell navigates, the page
    # named receives it through `take_up`. Pages never reach into each other.
    take_up_requested = Signal(str, object)

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.clock: Clock = clock or system_clock
        # When `reread` is due again (pages that re-read what other stations did on a timer).
        self.reloads = ReloadSchedule(after=self.reload_after)
        if self.reload_on:
            context.changes.changes_applied.connect(self._changes_announced)
        self._shown_before = False
        # A page given its own clock (a test, a simulated day) sees the same store through it.
        self.services: StationServices = context.services if clock is None else context.services.with_clock(clock)
        self.setObjectName(f"page_{self.name}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(16)
        self.title_label = label("pageTitle", title)
        # The message sits beside the title and keeps its place when empty: a banner appearing must
        # not push every control down (clicks landed on the wrong control at 1366x768).
        # Room for two lines in a box that never grows: most messages fit, a longer one scrolls inside
        # it, so the controls below stay where they are whether a message shows or not.
        self.messages = MessageArea()
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.messages.in_fixed_box(lines=2), 1)
        outer.addLayout(top)
        self.body = QVBoxLayout()
        self.body.setSpacing(12)
        outer.addLayout(self.body, 1)

    # -- background work ---------------------------------------------------------------------------

    def read(self, fn: Callable[[StationServices], T]) -> Op:
        """An Op (not yet started) running `fn(services)` on the database lane."""
        services = self.services
        return Op(self, lambda: fn(services))

    def write(self, fn: Callable[[StationServices], T]) -> Op:
        """As `read`, for a write: after the success (or failure) callback, everything the write's
        units of work committed goes out as one "changes applied" to every page."""
        services = self.services
        return Op(self, lambda: services.write(lambda: fn(services)), publish=self.context.changes.publish)

    def reload(self) -> Op | None:
        """Read again what the page shows (every page with `reload_on` has its own)."""
        return None

    def _changes_announced(self, changes: list[Change]) -> None:
        if touches(changes, *self.reload_on):
            self.reload()

    def reread(self, fn: Callable[[StationServices], T], loaded: Callable[[T, datetime], object]) -> Op:
        """Read what the page shows again, on the database lane: `loaded(result, read_at)` gets the
        time the rows were read (for countdowns), a refusal is shown on the page; `self.reloads`
        knows meanwhile that a read is running and then how old the rows held are."""
        reloads = self.reloads
        reloads.started()

        def failed(error: VaxDeskError) -> None:
            reloads.failed()
            self.show_failure(error)

        return (self.read(fn).on_success(lambda result: loaded(result, reloads.loaded(self.clock())))
                .on_failure(failed).start())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_before:
            self.shown_again()
        self._shown_before = True

    def shown_again(self) -> None:
        """The page is shown again (not the first time): e.g. read again what others changed meanwhile."""

    def tick(self) -> None:
        """A timed page's timer: the rows held read again once they are old (`self.reloads`), and
        what counts down recomputed from them on every tick (`show_time`)."""
        now = self.clock()
        if self.reloads.due(now):
            self.reload()
        self.show_time(now)

    def show_time(self, now: datetime) -> None:
        """Recompute what the page shows from the rows held for the time `now` (countdowns)."""

    def default_focus(self) -> QWidget | None:
        """Where the keyboard goes when the page is shown (the check-in page: its search field, where
        the scanner types)."""
        return None

    def take_up(self, item: object) -> None:
        """Another page asked this one to open `item` (e.g. the queue: finish this check-in)."""

    def show_error(self, text: str) -> None:
        self.messages.show_error(text)

    def show_info(self, text: str) -> None:
        self.messages.show_info(text)

    def required_text(self, field: QLineEdit, refusal: str) -> str | None:
        """What is typed into `field`, its spaces tidied; when nothing is, `refusal` shows and the
        keyboard goes to the field (a reason for leaving, for blocking a lot, ...)."""
        text = " ".join(field.text().split())
        if not text:
            self.show_error(refusal)
            field.setFocus()
            return None
        return text

    def show_failure(self, error: VaxDeskError) -> None:
        """A use case's refusal, in the station's language."""
        self.messages.show_error(user_message(error))


class PlaceholderPage(Page):
    """A page that is not built yet but says plainly what it will do."""

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, title=title, parent=parent)
        card = QFrame()
        card.setObjectName("placeholderCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(24, 20, 24, 20)
        purpose = label("pagePurpose", self.purpose())
        layout.addWidget(purpose)
        # Explicit context: self.tr() would use the subclass name and miss this translation.
        status = label("placeholderNote", QCoreApplication.translate("PlaceholderPage", "This page is coming in a later update."))
        layout.addWidget(status)
        self.body.addWidget(card)
        self.body.addStretch(1)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)

    def purpose(self) -> str:
        raise NotImplementedError
