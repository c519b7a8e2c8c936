"""Table models and words of the schedule page: offered slots and the weekly opening plan.
lupdate sees only literal calls, hence `QCoreApplication.translate("ScheduleWords", …)` spelled out.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from app.services.scheduling import OpeningRuleRow, SlotOffer
from app.ui.checkin_models import format_day, german
from app.ui.row_table import SORT_ROLE, RowsModel
from app.ui.translate import QT_TRANSLATE_NOOP

__all__ = ["OffersModel", "OpeningRulesModel", "day_words", "weekday_name"]

_WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(weekday: int) -> str:
    return (_WEEKDAYS_DE if german() else _WEEKDAYS_EN)[weekday]


def day_words(day: date) -> str:
    """"Tue, 27.05.2030" in German, "Tue, 27 May 2030" in English."""
    return f"{weekday_name(day.weekday())[:2 if german() else 3]}, {format_day(day)}"


class OffersModel(RowsModel):
    """Offered slots, recommended day first: date, time, free places, doses of the product in stock."""

    DAY, TIME, FREE, STOCK, FIT = range(5)

    HEADERS = (QT_TRANSLATE_NOOP("ScheduleWords", "Date"), QT_TRANSLATE_NOOP("ScheduleWords", "Time"),
               QT_TRANSLATE_NOOP("ScheduleWords", "Free"), QT_TRANSLATE_NOOP("ScheduleWords", "In stock"),
               QT_TRANSLATE_NOOP("ScheduleWords", "Day"))
    HEADERS_CONTEXT = "ScheduleWords"

    @staticmethod
    def fit(row: SlotOffer) -> str:
        if row.days_from_recommended == 0:
            return QCoreApplication.translate("ScheduleWords", "\u2605 recommended")
        if row.days_from_recommended == 1:
            return QCoreApplication.translate("ScheduleWords", "1 day off")
        return QCoreApplication.translate("ScheduleWords", "{n} days off").format(n=row.days_from_recommended)

    def cell(self, row: SlotOffer, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (day_words(row.starts_at.date()), f"{row.starts_at:%H:%M}", str(row.free),
                    str(row.projected_stock), self.fit(row))[column]
        if role == SORT_ROLE:
            return (row.starts_at, row.starts_at.time(), row.free, row.projected_stock,
                    row.days_from_recommended)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.FREE, self.STOCK):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.days_from_recommended == 0:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if column == self.FIT:
                return self.tone("good", role)
        return None


class OpeningRulesModel(RowsModel):
    """The weekly opening plan: one row per weekday rule."""

    WEEKDAY, HOURS, SLOT, CAPACITY, PRODUCTS, VALID = range(6)

    HEADERS = (QT_TRANSLATE_NOOP("ScheduleWords", "Weekday"), QT_TRANSLATE_NOOP("ScheduleWords", "Hours"),
               QT_TRANSLATE_NOOP("ScheduleWords", "Slot"), QT_TRANSLATE_NOOP("ScheduleWords", "Places per slot"),
               QT_TRANSLATE_NOOP("ScheduleWords", "Vaccines"), QT_TRANSLATE_NOOP("ScheduleWords", "Valid"))
    HEADERS_CONTEXT = "ScheduleWords"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.product_names: Mapping[str, str] = {}

    def cell(self, row: OpeningRuleRow, column: int, role: int) -> Any:
        plan = row.plan
        if role == Qt.ItemDataRole.DisplayRole:
            valid = (QCoreApplication.translate("ScheduleWords", "from {day}").format(day=format_day(plan.valid_from))
                     if plan.valid_until is None else f"{format_day(plan.valid_from)} \u2013 {format_day(plan.valid_until)}")
            return (
                weekday_name(plan.weekday), f"{plan.opens}\u2013{plan.closes}",
                QCoreApplication.translate("ScheduleWords", "{minutes} min").format(minutes=plan.slot_minutes),
                QCoreApplication.translate("ScheduleWords", "{total} ({stations} stations \u00d7 {each})").format(
                    total=plan.stations * plan.capacity_per_station, stations=plan.stations,
                    each=plan.capacity_per_station),
                ", ".join(self.product_names.get(p, p) for p in plan.products), valid,
            )[column]
        if role == SORT_ROLE:
            return (plan.weekday, plan.opens, plan.slot_minutes, plan.stations * plan.capacity_per_station,
                    len(plan.products), plan.valid_from)[column]
        return None
