"""The boxes the desk's pages lay their widgets out in, built the same way everywhere: a column, row or
grid with its margins and spacing, and a table of rows sorted through a proxy model."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QTableView, QVBoxLayout, QWidget

from app.ui.row_table import SORT_ROLE, row_table

Margins = tuple[int, int, int, int]  # left, top, right, bottom


def vbox(owner: QWidget | None = None, *, margins: Margins = (0, 0, 0, 0), spacing: int | None = None) -> QVBoxLayout:
    """A vertical box (on `owner`, if given); `spacing` None keeps the style's."""
    box = QVBoxLayout() if owner is None else QVBoxLayout(owner)
    box.setContentsMargins(*margins)
    if spacing is not None:
        box.setSpacing(spacing)
    return box


def stacked(owner: QWidget, *widgets: QWidget, margins: Margins, spacing: int) -> QVBoxLayout:
    """`widgets` one under the other from the top of `owner`, the room that is left below them."""
    box = vbox(owner, margins=margins, spacing=spacing)
    for widget in widgets:
        box.addWidget(widget)
    box.addStretch(1)
    return box


def hbox(owner: QWidget | None = None, *, margins: Margins | None = None, spacing: int | None = None) -> QHBoxLayout:
    """A horizontal box (on `owner`, if given); None keeps the style's margins or spacing."""
    box = QHBoxLayout() if owner is None else QHBoxLayout(owner)
    if margins is not None:
        box.setContentsMargins(*margins)
    if spacing is not None:
        box.setSpacing(spacing)
    return box


def grid_box(owner: QWidget | None = None, *, margins: Margins | None = None, column_spacing: int | None = None,
             row_spacing: int | None = None) -> QGridLayout:
    """A grid (on `owner`, if given); None keeps the style's margins or spacing between columns or rows."""
    box = QGridLayout() if owner is None else QGridLayout(owner)
    if margins is not None:
        box.setContentsMargins(*margins)
    if column_spacing is not None:
        box.setHorizontalSpacing(column_spacing)
    if row_spacing is not None:
        box.setVerticalSpacing(row_spacing)
    return box


def sorted_table(name: str, model: QAbstractItemModel, parent: QWidget, *,
                 sortable: bool = False) -> tuple[QTableView, QSortFilterProxyModel]:
    """A `row_table` showing `model` through a proxy that sorts by the model's SORT_ROLE (dates as dates,
    not as the text shown); `sortable`: a click on a column's header sorts by it."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = row_table(name, sortable=sortable)
    table.setModel(proxy)
    return table, proxy


def left_row(*widgets: QWidget) -> QHBoxLayout:
    """`widgets` side by side from the left, the room that is left to their right (a card's buttons)."""
    box = QHBoxLayout()
    for widget in widgets:
        box.addWidget(widget)
    box.addStretch(1)
    return box


def fill_grid(grid: QGridLayout, *rows: Sequence[QWidget]) -> None:
    """`rows` of widgets into `grid`, row by row and left to right from its top left cell."""
    for row, widgets in enumerate(rows):
        for column, widget in enumerate(widgets):
            grid.addWidget(widget, row, column)
