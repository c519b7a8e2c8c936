"""Typed stand-ins for the PySide6 helpers whose stubs say `object` (the translation marker, values
out of the date widgets), so the pages type-check without a cast at every use.

lupdate finds `QT_TRANSLATE_NOOP("Context", "text")` by its name, wherever it is imported from.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for translation in `context`; translated where it is shown (`translate`)."""
    return source


def to_date(qdate: QDate) -> date:
    """A QDate as a `date` (its stubs type `toPython()` as object)."""
    return date(qdate.year(), qdate.month(), qdate.day())


def to_qdate(day: date) -> QDate:
    """A `date` as a QDate (the stubs lack the date overload the runtime has)."""
    return QDate(day.year, day.month, day.day)


def to_time(qtime: QTime) -> time:
    """A QTime as a `time` (its stubs type `toPython()` as object)."""
    return time(qtime.hour(), qtime.minute(), qtime.second(), qtime.msec() * 1000)


def to_datetime(qdatetime: QDateTime) -> datetime:
    """A QDateTime as a naive local `datetime`, as `toPython()` gives it (typed)."""
    value = qdatetime.toPython()
    assert isinstance(value, datetime)
    return value
