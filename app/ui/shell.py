"""The logged-in workspace: a header, a navigation list by role, and the pages. It only navigates.

Pages are created when first opened and all destroyed when the station locks, so nothing a
person entered stays in memory behind the login screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.pages import PageSpec, pages_for
from app.ui.pages.base import Page, PageContext
from app.ui.roles import role_label

NAME_ROLE = Qt.ItemDataRole.UserRole


class Header(QFrame):
    lock_requested = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.site_label = QLabel(context.station.site_name)
        self.site_label.setObjectName("headerSite")
        self.station_label = QLabel(context.station.station_name)
        self.station_label.setObjectName("headerStation")
        self.staff_label = QLabel(context.actor.display_name)
        self.staff_label.setObjectName("headerStaff")
        self.role_label = QLabel(role_label(context.actor.role))
        self.role_label.setObjectName("headerRole")
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolTip(self.tr("Lock the station (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)

        where = QVBoxLayout()
        where.setSpacing(0)
        where.addWidget(self.site_label)
        where.addWidget(self.station_label)
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.staff_label, 0, Qt.AlignmentFlag.AlignRight)
        who.addWidget(self.role_label, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 10, 20, 10)
        row.setSpacing(20)
        row.addLayout(where, 1)
        row.addLayout(who)
        row.addWidget(self.lock_button)


class PageFrame(QScrollArea):
    """Holds one page at the viewport's size; only when the page cannot shrink that far (its minimum
    height at this width) does it scroll. Unlike `setWidgetResizable`, wrapped labels asking for their
    preferred height never push a scroll bar onto a page that fits."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.setObjectName("pageFrame")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(False)
        self.setWidget(page)
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        room = self.viewport().size()
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.minimumHeightForWidth(room.width())
        else:
            needed = page.minimumSizeHint().height()
        page.resize(room.width(), max(room.height(), needed))


class Shell(QWidget):
    lock_requested = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shell")
        self.context = context
        self.specs: tuple[PageSpec, ...] = pages_for(context.actor.role)
        self._pages: dict[str, Page] = {}
        self._frames: dict[str, QScrollArea] = {}

        self.header = Header(context)
        self.header.lock_requested.connect(self.lock_requested)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setIconSize(QSize(24, 24))
        for spec in self.specs:
            item = QListWidgetItem(spec.translated_title)
            item.setData(NAME_ROLE, spec.name)
            self.navigation.addItem(item)
        self.navigation.setFixedWidth(self._navigation_width())
        # The list never holds the keyboard: a scan after login or after a click on a page name must
        # reach the page (the "V" of "VAXDESK:" would otherwise jump to "Verify certificate").
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.navigation.currentRowChanged.connect(self._row_changed)

        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)

        if self.specs:
            self.navigation.setCurrentRow(0)

    def _navigation_width(self) -> int:
        metrics = self.navigation.fontMetrics()
        widest = max((metrics.horizontalAdvance(s.translated_title) for s in self.specs), default=120)
        return max(220, widest + 72)

    @property
    def page_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.specs)

    @property
    def current_page(self) -> Page | None:
        frame = self.stack.currentWidget()
        widget = frame.widget() if isinstance(frame, QScrollArea) else None
        return widget if isinstance(widget, Page) else None

    def page(self, name: str) -> Page | None:
        return self._pages.get(name)

    def show_page(self, name: str) -> Page:
        row = self.page_names.index(name)  # ValueError: not a page for this role
        self.navigation.setCurrentRow(row)
        return self._pages[name]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = self.specs[row]
        page = self._pages.get(spec.name)
        if page is None:
            page = spec.load()(self.context, title=spec.translated_title)
            self._pages[spec.name] = page
            # A page taller than the screen scrolls instead of pushing the window past 768 px
            # (wrapped text asks for more height the narrower it gets).
            frame = PageFrame(page)
            self.stack.addWidget(frame)
            self._frames[spec.name] = frame
            page.take_up_requested.connect(self._take_up)
        self.stack.setCurrentWidget(self._frames[spec.name])
        self.focus_page()

    def focus_page(self) -> None:
        page = self.current_page
        if page is not None:
            (page.default_focus() or page).setFocus()

    def _take_up(self, name: str, item: object) -> None:
        if name in self.page_names:
            self.show_page(name).take_up(item)
