"""The days VaxDesk works with: every date a field, a command line or a file gives it must have a
start and an end in every time zone. The calendar's first and last day do not (31.12.9999 has no next
day, and 1.1.1 no midnight in UTC east of it), and a date field offers the last one."""

from __future__ import annotations

from datetime import date

FIRST_DAY, LAST_DAY = date(1, 1, 2), date(9999, 12, 30)


def within_calendar(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY
