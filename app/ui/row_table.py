"""Tables of plain rows: the model base every page's table model builds on, the roles and tone
colours they share, and the read-only, row-selecting table view the pages show them in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROW_ROLE = Qt.ItemDataRole.UserRole  # the plain row object behind a table row
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

R = TypeVar("R")

# Tones the style sheet and the tables colour by: good (green), warn (amber), block (red), info.
TONE_COLOURS = {
    "good": ("#00703c", "#e3f4ea"),
    "warn": ("#6b4100", "#fff2cc"),
    "block": ("#8a1010", "#fdecea"),
    "info": ("#0b3a63", "#e8f1fa"),
}


class HiddenRowsFilter(QSortFilterProxyModel):
    """Hides the rows `hidden(row)` names (those who are done, deactivated accounts) unless the user
    ticks "show them"."""

    def __init__(self, hidden: Callable[[Any], bool], parent: Any = None) -> None:
        super().__init__(parent)
        self._hidden = hidden
        self.show_hidden = False

    def set_show_hidden(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_hidden = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return self.show_hidden or not self._hidden(row)


class RowsModel(QAbstractTableModel):
    """Plain rows in (`set_rows`), one `cell(row, column, role)` per cell; subclasses name the columns.
    Never queries anything per cell."""

    # The columns named as data: their headers marked with QT_TRANSLATE_NOOP in the translation context
    # HEADERS_CONTEXT, translated when shown. A model naming its columns otherwise overrides `headers`.
    HEADERS: ClassVar[tuple[str, ...]] = ()
    HEADERS_CONTEXT: ClassVar[str] = ""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> Sequence[str]:
        if not self.HEADERS:
            raise NotImplementedError
        return [QCoreApplication.translate(self.HEADERS_CONTEXT, h) for h in self.HEADERS]

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)

    @staticmethod
    def tone(tone: str, role: int) -> Any:
        foreground, background = TONE_COLOURS[tone]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(foreground))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(background))
        return None


class CountdownModel(RowsModel):
    """Rows with a live countdown, computed from the rows held and `now`: a tick (`set_now`) re-draws
    the columns `COUNTING` names (first, last), or every column."""

    COUNTING: ClassVar[tuple[int, int] | None] = None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.now: datetime | None = None

    def set_now(self, now: datetime) -> None:
        self.now = now
        if self._rows:
            first, last = self.COUNTING or (0, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, last))


def row_table(name: str, *, sortable: bool = False, wrap: bool = False) -> QTableView:
    """A read-only table that selects whole rows, one at a time; columns sized to their content."""
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(sortable)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(wrap)
    if wrap:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def current_row(table: QTableView, row_type: type[R]) -> R | None:
    """The plain row (a `row_type`) behind the table's current row; None when nothing is selected."""
    index = table.currentIndex()
    row = index.data(ROW_ROLE) if index.isValid() else None
    return row if isinstance(row, row_type) else None


def select_row_where(table: QTableView, matches: Callable[[Any], bool]) -> bool:
    """Select the first row shown (in the table's sorted, filtered order) whose plain row `matches`;
    False (and the selection left alone) when no row shown does."""
    model = table.model()
    for row in range(model.rowCount()):
        if matches(model.index(row, 0).data(ROW_ROLE)):
            table.selectRow(row)
            return True
    return False
