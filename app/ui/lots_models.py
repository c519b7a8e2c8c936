"""Table models and words for lots and open vials: plain service rows in, text and colours out.

The vial countdown is recomputed from each row's `use_by` and a `now` the page hands in from a
QTimer, so a ticking clock never reads the database. lupdate sees only literal calls, hence
`QCoreApplication.translate("LotsWords", …)` spelled out (or `QT_TRANSLATE_NOOP` in the table of words
by code).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from app.services.lots import LotRow
from app.services.vials import VialRow
from app.ui.checkin_models import format_day
from app.ui.reasons import reason
from app.ui.row_table import SORT_ROLE, CountdownModel, RowsModel
from app.ui.translate import QT_TRANSLATE_NOOP, Words

__all__ = ["LotsModel", "RowsModel", "VialsModel", "countdown", "discard_reason_words", "vial_label"]

# Below these minutes the countdown turns amber, then red: time to use up or open a new vial.
SOON_MINUTES = 60
VERY_SOON_MINUTES = 15


discard_reason_words = Words("LotsWords", {
    "expired_after_opening": QT_TRANSLATE_NOOP("LotsWords", "Expired after opening"),
    "contamination": QT_TRANSLATE_NOOP("LotsWords", "Contamination suspected"),
    "broken": QT_TRANSLATE_NOOP("LotsWords", "Vial broken or damaged"),
    "unused_end_of_day": QT_TRANSLATE_NOOP("LotsWords", "Unused at the end of the day"),
})


def countdown(use_by: datetime, now: datetime) -> tuple[str, str, int]:
    """(text, tone, seconds left) of a vial's time to its use-by; the last hour counts in seconds."""
    seconds = int((use_by - now).total_seconds())
    if seconds <= 0:
        return QCoreApplication.translate("LotsWords", "Expired at {time}").format(time=f"{use_by:%H:%M}"), "block", 0
    minutes = seconds // 60
    if minutes >= 24 * 60:
        text = QCoreApplication.translate("LotsWords", "{days} d {hours} h").format(
            days=minutes // (24 * 60), hours=minutes % (24 * 60) // 60)
    elif minutes >= 60:
        text = QCoreApplication.translate("LotsWords", "{hours} h {minutes:02d} min").format(
            hours=minutes // 60, minutes=minutes % 60)
    else:
        text = QCoreApplication.translate("LotsWords", "{minutes}:{seconds:02d} min").format(
            minutes=minutes, seconds=seconds % 60)
    tone = "good" if minutes >= SOON_MINUTES else "warn" if minutes >= VERY_SOON_MINUTES else "block"
    return text, tone, seconds


def use_by_text(use_by: datetime, now: datetime) -> str:
    same_day = use_by.date() == now.astimezone(use_by.tzinfo).date()
    return f"{use_by:%H:%M}" if same_day else f"{format_day(use_by.date())} {use_by:%H:%M}"


def vial_label(row: VialRow) -> str:
    serial = f" #{row.serial}" if row.serial else ""
    return QCoreApplication.translate("LotsWords", "{product} {lot}{serial}").format(
        product=row.product_name, lot=row.lot_number, serial=serial)



class VialsModel(CountdownModel):
    """Open vials: product and lot, the live countdown to the use-by, and doses left."""

    VIAL, LEFT, DOSES = range(3)

    HEADERS = (QT_TRANSLATE_NOOP("LotsWords", "Vial"), QT_TRANSLATE_NOOP("LotsWords", "Time left"),
               QT_TRANSLATE_NOOP("LotsWords", "Doses"))
    HEADERS_CONTEXT = "LotsWords"
    COUNTING = (LEFT, LEFT)  # a tick changes only the countdown

    def usable_now(self, row: VialRow) -> bool:
        return row.usable and (self.now is None or row.use_by > self.now)

    def cell(self, row: VialRow, column: int, role: int) -> Any:
        now = self.now or row.use_by
        text, tone, seconds = countdown(row.use_by, now)
        if not row.usable:
            tone = "block"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.VIAL:
                return vial_label(row)
            if column == self.LEFT:
                if not row.usable and seconds > 0:
                    return QCoreApplication.translate("LotsWords", "Do not use")
                return text
            return f"{row.doses_left}/{row.max_doses}"
        if role == Qt.ItemDataRole.ToolTipRole:
            use_by = QCoreApplication.translate("LotsWords", "Use by {time}").format(time=use_by_text(row.use_by, now))
            problems = [reason(r) for r in row.problem_reasons] if row.problem_reasons else list(row.problems)
            return "\n".join((use_by, *problems))
        if role == SORT_ROLE:
            return (row.lot_number, row.use_by, row.doses_left)[column]
        if column == self.LEFT:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return self.tone(tone, role)
        if column == self.DOSES and row.doses_left == 0:
            return self.tone("block", role)
        return None


class LotsModel(RowsModel):
    """Lots with their stock in doses (received, administered, wasted, remaining), expiry and status."""

    # What the admin looks for first (doses left, status) comes before the accounting columns.
    PRODUCT, LOT, EXPIRY, REMAINING, STATUS, RECEIVED, ADMINISTERED, WASTED, VIALS = range(9)

    HEADERS = (QT_TRANSLATE_NOOP("LotsWords", "Product"), QT_TRANSLATE_NOOP("LotsWords", "Lot"),
               QT_TRANSLATE_NOOP("LotsWords", "Expiry"), QT_TRANSLATE_NOOP("LotsWords", "Doses left"),
               QT_TRANSLATE_NOOP("LotsWords", "Status"), QT_TRANSLATE_NOOP("LotsWords", "Received"),
               QT_TRANSLATE_NOOP("LotsWords", "Given"), QT_TRANSLATE_NOOP("LotsWords", "Wasted"),
               QT_TRANSLATE_NOOP("LotsWords", "Vials opened"))
    HEADERS_CONTEXT = "LotsWords"

    @staticmethod
    def status(row: LotRow) -> tuple[str, str]:
        if row.blocked:
            return QCoreApplication.translate("LotsWords", "Blocked: {reason}").format(reason=row.block_reason or ""), "block"
        if row.expired:
            return QCoreApplication.translate("LotsWords", "Expired"), "block"
        if row.remaining <= 0:
            return QCoreApplication.translate("LotsWords", "Used up"), "info"
        if row.manual_product_reason:
            return QCoreApplication.translate("LotsWords", "In use (product chosen by hand)"), "warn"
        return QCoreApplication.translate("LotsWords", "In use"), "good"

    def cell(self, row: LotRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.product_name, row.lot_number, format_day(row.expiry), str(row.remaining), self.status(row)[0],
                str(row.received), str(row.administered), str(row.wasted),
                QCoreApplication.translate("LotsWords", "{opened} of {received}").format(
                    opened=row.vials_opened, received=row.vials_received),
            )[column]
        if role == SORT_ROLE:
            return (row.product_name, row.lot_number, row.expiry, row.remaining, self.status(row)[0], row.received,
                    row.administered, row.wasted, row.vials_opened)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.REMAINING, self.RECEIVED, self.ADMINISTERED, self.WASTED, self.VIALS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == self.STATUS:
            return self.tone(self.status(row)[1], role)
        if column == self.REMAINING and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None
