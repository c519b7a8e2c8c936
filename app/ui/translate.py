"""Typed stand-ins for the PySide6 helpers whose stubs say `object` (the translation marker, values
out of the date widgets), so the pages type-check without a cast at every use; and `Words`, the
one look-up for the tables of words those markers fill (a code → its words in the station's language).

lupdate finds `QT_TRANSLATE_NOOP("Context", "text")` by its name, wherever it is imported from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for translation in `context`; translated where it is shown (`translate`)."""
    return source


def _as_written(key: str) -> str:
    return key


class Words:
    """A table of words by code (a state, a reason, a kind), marked with QT_TRANSLATE_NOOP in one
    translation context. Called with a code, it gives the code's words in the station's language; a
    code the table does not know as it is, or as `unknown` turns it (into "", into words, …)."""

    def __init__(self, context: str, sources: Mapping[str, str], *,
                 unknown: Callable[[str], str] = _as_written) -> None:
        self.context = context
        self.sources = sources
        self.unknown = unknown

    def __call__(self, key: str) -> str:
        source = self.sources.get(key)
        return self.unknown(key) if source is None else QCoreApplication.translate(self.context, source)


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
