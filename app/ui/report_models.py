"""Tables and words for the daily report page: plain figure rows in, display text out.

The report's codes (waste reasons, reaction kinds, severities) are shown in the station's
language; an unknown code is shown as written, so a new reason never disappears.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.report import DailyReport
from app.ui.translate import QT_TRANSLATE_NOOP, Words

SORT_ROLE = Qt.ItemDataRole.UserRole

_CODES = {
    # Why doses were wasted (vial discards and lot write-offs).
    "expired_after_opening": QT_TRANSLATE_NOOP("ReportWords", "Expired after opening"),
    "contamination": QT_TRANSLATE_NOOP("ReportWords", "Contamination"),
    "broken": QT_TRANSLATE_NOOP("ReportWords", "Broken vial"),
    "unused_end_of_day": QT_TRANSLATE_NOOP("ReportWords", "Unused at end of day"),
    "expired": QT_TRANSLATE_NOOP("ReportWords", "Expired"),
    # Reactions and how severe they were.
    "syncope": QT_TRANSLATE_NOOP("ReportWords", "Fainting"),
    "dizziness": QT_TRANSLATE_NOOP("ReportWords", "Dizziness"),
    "allergic_reaction": QT_TRANSLATE_NOOP("ReportWords", "Allergic reaction"),
    "anaphylaxis": QT_TRANSLATE_NOOP("ReportWords", "Anaphylaxis"),
    "local_reaction": QT_TRANSLATE_NOOP("ReportWords", "Local reaction"),
    "nausea": QT_TRANSLATE_NOOP("ReportWords", "Nausea"),
    "headache": QT_TRANSLATE_NOOP("ReportWords", "Headache"),
    "fever": QT_TRANSLATE_NOOP("ReportWords", "Fever"),
    "other": QT_TRANSLATE_NOOP("ReportWords", "Other"),
    "mild": QT_TRANSLATE_NOOP("ReportWords", "mild"),
    "moderate": QT_TRANSLATE_NOOP("ReportWords", "moderate"),
    "severe": QT_TRANSLATE_NOOP("ReportWords", "severe"),
    "life_threatening": QT_TRANSLATE_NOOP("ReportWords", "life-threatening"),
}

code_words = Words("ReportWords", _CODES, unknown=lambda code: code.replace("_", " "))


def minutes_words(value: float | None) -> str:
    if value is None:
        return "—"
    return QCoreApplication.translate("ReportWords", "{minutes} min").format(minutes=f"{value:g}")


class FiguresModel(QAbstractTableModel):
    """A read-only table of figure rows (tuples); numbers right-aligned and sorted as numbers."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self.endResetModel()

    def rows(self) -> list[tuple[Any, ...]]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def lot_rows(report: DailyReport) -> list[tuple[str, str, int]]:
    return list(report.doses_by_lot)


def dose_rows(report: DailyReport) -> list[tuple[str, str, int]]:
    return list(report.doses_by_dose)


def product_rows(report: DailyReport) -> list[tuple[str, int]]:
    return list(report.doses_by_product.items())


def age_rows(report: DailyReport) -> list[tuple[str, int]]:
    return list(report.age_groups.items())


def waste_rows(report: DailyReport) -> list[tuple[str, str, int]]:
    return [(product, code_words(reason), n) for product, reason, n in report.waste]


def adverse_rows(report: DailyReport) -> list[tuple[str, str, int]]:
    return [(code_words(kind), code_words(severity), n) for kind, severity, n in report.adverse_events]


def stock_rows(report: DailyReport) -> list[tuple[str, int, int, int, int]]:
    return [(product, f.received, f.administered, f.wasted, f.remaining) for product, f in report.stock.items()]


def hour_series(report: DailyReport) -> tuple[list[str], list[int]]:
    """Every hour from the first to the last dose (at least 08–18), so quiet hours show as gaps."""
    hours = report.doses_per_hour
    first = min(min(hours, default=8), 8)
    last = max(max(hours, default=18), 18)
    span = range(first, last + 1)
    return [f"{h:02d}" for h in span], [hours.get(h, 0) for h in span]
