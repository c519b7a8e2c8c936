"""The days VaxDesk works with, from 1900 to 2200: every date a field, a command line, a file or the
wire gives it is refused outside them (the sync records hold their dates and times to the same years).
A date field offers 31.12.9999, whose next day does not exist, and nobody is vaccinated, born or
booked outside these years at a center running today."""

from __future__ import annotations

from datetime import date

MIN_YEAR, MAX_YEAR = 1900, 2200
FIRST_DAY, LAST_DAY = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)


def within_calendar(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY
