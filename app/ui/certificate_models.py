"""The printer desk's table: the day's doses with their certificate status, and a name filter that
ignores case and accents ("muller" finds "Müller"). Fed with `set_rows(rows)`; no database here."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.certificates import VaccinationRow
from app.ui.certificate_words import status_words
from app.ui.checkin_models import format_dob
from app.ui.row_table import ROW_ROLE, SORT_ROLE, RowsModel
from app.ui.translate import QT_TRANSLATE_NOOP

__all__ = ["ROW_ROLE", "SORT_ROLE", "NameFilter", "VaccinationsModel", "folded"]

# Status colours: text on the default white; each status also says itself in words.
_STATUS_COLOURS = {"none": "#6b4100", "issued": "#00703c", "voucher": "#0b3a63", "revoked": "#8a1010"}


def folded(text: str) -> str:
    """Case- and accent-free text for matching names typed without umlauts."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class VaccinationsModel(RowsModel):
    TIME, NAME, DOB, VACCINE, DOSE, STATUS = range(6)

    HEADERS = (QT_TRANSLATE_NOOP("CertificateWords", "Time"), QT_TRANSLATE_NOOP("CertificateWords", "Name"),
               QT_TRANSLATE_NOOP("CertificateWords", "Date of birth"),
               QT_TRANSLATE_NOOP("CertificateWords", "Vaccine"), QT_TRANSLATE_NOOP("CertificateWords", "Dose"),
               QT_TRANSLATE_NOOP("CertificateWords", "Certificate"))
    HEADERS_CONTEXT = "CertificateWords"

    def cell(self, row: VaccinationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{row.given_at:%H:%M}",
                f"{row.family_name}, {row.given_name}",
                format_dob(row.dob),
                row.product_name,
                row.dose,
                status_words(row.status),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return f"{row.family_name}, {row.given_name}"  # the column may elide a long name
        if role == SORT_ROLE:
            if column == self.TIME:
                return row.given_at.isoformat()
            if column == self.DOB:
                return row.dob
            return folded(self.cell(row, column, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(_STATUS_COLOURS.get(row.status, "#0b0c0c")))
        if role == Qt.ItemDataRole.FontRole and column == self.STATUS and row.status == "none":
            bold = QFont()
            bold.setBold(True)
            return bold  # still to do: stands out
        return None


class NameFilter(QSortFilterProxyModel):
    """Keeps the rows whose name contains every word typed, ignoring case and accents."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9; invalidateRowsFilter is deprecated there
            self.beginFilterChange()
            self._words = folded(text).replace(",", " ").split()
            self.endFilterChange()
        else:
            self._words = folded(text).replace(",", " ").split()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        name = folded(f"{row.family_name} {row.given_name}")
        return all(word in name for word in self._words)
