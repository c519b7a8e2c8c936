"""Table models and plain words for the check-in desk and the queue board: search results and
queue rows in, display text and colours out. Fed with `set_rows(rows)`; never touch the database.

lupdate sees only literal calls, hence `QCoreApplication.translate("CheckInWords", …)` spelled out (or
`QT_TRANSLATE_NOOP` in the table of words by code).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.queue import Arrival, ArrivalCheck
from app.services.checkin import PersonMatch, QueueRow
from app.ui.row_table import SORT_ROLE, TONE_COLOURS, CountdownModel, RowsModel
from app.ui.translate import QT_TRANSLATE_NOOP, Words


def german() -> bool:
    return QLocale().language() == QLocale.Language.German


def format_dob(dob: str) -> str:
    """A date of birth as people read it: 29.02.1980 in German, 29 Feb 1980 in English."""
    try:
        day = date.fromisoformat(dob)
    except ValueError:
        return dob  # a partial date (YYYY or YYYY-MM) is shown as written
    return day.strftime("%d.%m.%Y") if german() else f"{day.day} {day:%b %Y}"


def format_day(day: date) -> str:
    return day.strftime("%d.%m.%Y") if german() else f"{day.day} {day:%b %Y}"


def duration_words(minutes: int) -> str:
    if minutes < 60:
        return QCoreApplication.translate("CheckInWords", "{minutes} min").format(minutes=minutes)
    return QCoreApplication.translate("CheckInWords", "{hours} h {minutes} min").format(hours=minutes // 60, minutes=minutes % 60)


def arrival_short(arrival: ArrivalCheck) -> str:
    """A few words for the results table; the person panel says the rest."""
    at = arrival.slot_start.strftime("%H:%M") if arrival.slot_start else ""
    return {
        Arrival.ON_TIME: QCoreApplication.translate("CheckInWords", "On time · {time}"),
        Arrival.EARLY: QCoreApplication.translate("CheckInWords", "Early · {time}"),
        Arrival.LATE: QCoreApplication.translate("CheckInWords", "Late · {time}"),
        Arrival.OTHER_DAY: QCoreApplication.translate("CheckInWords", "Other day"),
        Arrival.CANCELLED: QCoreApplication.translate("CheckInWords", "Cancelled"),
        Arrival.OTHER_SITE: QCoreApplication.translate("CheckInWords", "Other site"),
        Arrival.ALREADY_HERE: QCoreApplication.translate("CheckInWords", "Already here"),
        Arrival.FINISHED: QCoreApplication.translate("CheckInWords", "Already used"),
    }[arrival.kind].format(time=at)


def arrival_words(arrival: ArrivalCheck) -> tuple[str, str]:
    """(what the nurse reads, tone) for how this arrival fits its booking, from the facts."""
    at = arrival.slot_start.strftime("%H:%M") if arrival.slot_start else ""
    kind = arrival.kind
    if kind == Arrival.ON_TIME:
        return QCoreApplication.translate("CheckInWords", "On time: booked for {time}").format(time=at), "good"
    if kind == Arrival.EARLY:
        return QCoreApplication.translate("CheckInWords", "Early: booked for {time} ({duration} from now)").format(
            time=at, duration=duration_words(arrival.minutes)), "warn"
    if kind == Arrival.LATE:
        return QCoreApplication.translate("CheckInWords", "Late: booked for {time} ({duration} ago)").format(
            time=at, duration=duration_words(arrival.minutes)), "warn"
    if kind == Arrival.OTHER_DAY:
        day = format_day(arrival.slot_start.date()) if arrival.slot_start else ""
        return QCoreApplication.translate("CheckInWords", "Other day: booked for {day} at {time}, not today").format(day=day, time=at), "warn"
    if kind == Arrival.CANCELLED:
        return QCoreApplication.translate("CheckInWords", "Cancelled: this booking was cancelled"), "block"
    if kind == Arrival.OTHER_SITE:
        return QCoreApplication.translate("CheckInWords", "Other site: booked at {site}").format(site=arrival.site_name), "block"
    if kind == Arrival.ALREADY_HERE:
        return QCoreApplication.translate("CheckInWords", "Already checked in and in the queue"), "block"
    return QCoreApplication.translate("CheckInWords", "This booking was already used"), "block"


state_words = Words("CheckInWords", {
    "booked": QT_TRANSLATE_NOOP("CheckInWords", "Booked"),
    "checked_in": QT_TRANSLATE_NOOP("CheckInWords", "Waiting"),
    "with_doctor": QT_TRANSLATE_NOOP("CheckInWords", "With the doctor"),
    "observation": QT_TRANSLATE_NOOP("CheckInWords", "In observation"),
    "done": QT_TRANSLATE_NOOP("CheckInWords", "Done"),
    "no_show": QT_TRANSLATE_NOOP("CheckInWords", "No-show"),
    "left": QT_TRANSLATE_NOOP("CheckInWords", "Left without vaccination"),
    "cancelled": QT_TRANSLATE_NOOP("CheckInWords", "Cancelled"),
})


class SearchResultsModel(RowsModel):
    """Who the search found: name, date of birth, today's booking and how the arrival fits it."""

    NAME, DOB, BOOKING = range(3)

    HEADERS = (QT_TRANSLATE_NOOP("CheckInWords", "Name"), QT_TRANSLATE_NOOP("CheckInWords", "Date of birth"),
               QT_TRANSLATE_NOOP("CheckInWords", "Booking"))
    HEADERS_CONTEXT = "CheckInWords"

    def cell(self, row: PersonMatch, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return f"{row.family_name}, {row.given_name}"
            if column == self.DOB:
                return format_dob(row.dob)
            if row.booking is None:
                return QCoreApplication.translate("CheckInWords", "no booking today")
            return arrival_short(row.booking.arrival)
        if role == SORT_ROLE:
            # The service's ranking is the natural order; columns sort by their text otherwise.
            return -row.score if column == self.NAME else self.cell(row, column, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.BOOKING and row.booking is not None:
            return QBrush(QColor(TONE_COLOURS[arrival_words(row.booking.arrival)[1]][0]))
        return None


class QueueBoardModel(CountdownModel):
    """Everyone in the building. Countdowns are recomputed from the rows held (`set_now`)."""

    # The countdown sits next to the state: it is what the nurse looks for, and never scrolled away.
    NAME, STATE, OBSERVATION, WAITING, IDENTITY, QUESTIONNAIRE, REVIEW = range(7)

    HEADERS = (QT_TRANSLATE_NOOP("CheckInWords", "Name"), QT_TRANSLATE_NOOP("CheckInWords", "State"),
               QT_TRANSLATE_NOOP("CheckInWords", "Observation"), QT_TRANSLATE_NOOP("CheckInWords", "Waiting"),
               QT_TRANSLATE_NOOP("CheckInWords", "ID"), QT_TRANSLATE_NOOP("CheckInWords", "Questions"),
               QT_TRANSLATE_NOOP("CheckInWords", "Review"))
    HEADERS_CONTEXT = "CheckInWords"

    def observation_over(self, row: QueueRow) -> bool:
        return (row.state == "observation" and row.observation_ends_at is not None
                and self.now is not None and self.now >= row.observation_ends_at)

    def minutes_left(self, row: QueueRow) -> int | None:
        if row.state != "observation" or row.observation_ends_at is None or self.now is None:
            return None
        seconds = (row.observation_ends_at - self.now).total_seconds()
        return max(0, -(-int(seconds) // 60))  # round up: "1 min left" until it is over

    def waiting_minutes(self, row: QueueRow) -> int:
        if self.now is None:
            return row.waiting_minutes
        since = row.checked_in_at if row.state == "checked_in" else None
        if since is None:
            return row.waiting_minutes
        return max(0, int((self.now - since).total_seconds() // 60))

    def cell(self, row: QueueRow, column: int, role: int) -> Any:
        over = self.observation_over(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return row.name
            if column == self.STATE:
                return state_words(row.state)
            if column == self.WAITING:
                return duration_words(self.waiting_minutes(row)) if row.state == "checked_in" else ""
            if column == self.IDENTITY:
                return "✔" if row.identity_checked else "✘"
            if column == self.QUESTIONNAIRE:
                return "✔" if row.questionnaire_done else "✘"
            if column == self.REVIEW:
                return QCoreApplication.translate("CheckInWords", "⚠ yes") if row.needs_review else ""
            if column == self.OBSERVATION:
                if over:
                    return QCoreApplication.translate("CheckInWords", "Observation over")
                left = self.minutes_left(row)
                return "" if left is None else QCoreApplication.translate("CheckInWords", "{minutes} min left").format(minutes=left)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.IDENTITY:
                return QCoreApplication.translate("CheckInWords", "Identity document checked") if row.identity_checked else QCoreApplication.translate("CheckInWords", "Identity not checked yet")
            if column == self.QUESTIONNAIRE:
                return QCoreApplication.translate("CheckInWords", "Consent and questionnaire done") if row.questionnaire_done else QCoreApplication.translate("CheckInWords",
                    "Consent and questionnaire missing")
            return None
        if role == SORT_ROLE:
            if column == self.WAITING:
                return self.waiting_minutes(row)
            if column == self.OBSERVATION:
                left = self.minutes_left(row)
                return 10_000 if left is None else left
            return self.cell(row, column, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.BackgroundRole:
            if over:
                return QBrush(QColor(TONE_COLOURS["block"][1]))
            if column == self.REVIEW and row.needs_review:
                return QBrush(QColor(TONE_COLOURS["warn"][1]))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if over:
                return QBrush(QColor(TONE_COLOURS["block"][0]))
            if column in (self.IDENTITY, self.QUESTIONNAIRE):
                done = row.identity_checked if column == self.IDENTITY else row.questionnaire_done
                return QBrush(QColor(TONE_COLOURS["good" if done else "warn"][0]))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.IDENTITY, self.QUESTIONNAIRE):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and (over or column == self.NAME):
            font = QFont()
            font.setBold(True)
            return font
        return None
