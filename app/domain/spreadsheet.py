"""CSV cells a spreadsheet cannot mistake for formulas (CSV injection, as OWASP describes it).

A lot number, a site name or any other text that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return would be run as a formula by Excel or LibreOffice (`=HYPERLINK(...)` sends data away). Such a cell
is written with a leading `'`, which spreadsheets show as text. Numbers stay numbers. Every CSV the
product writes goes through `SafeCsvWriter`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Text(Protocol):
    def write(self, text: str, /) -> int: ...


def neutralise(value: Any) -> Any:
    """`value` as a cell: text that would start a formula gets a leading `'`; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """`csv.writer` whose every text cell is neutralised."""

    def __init__(self, out: _Text, *, delimiter: str = ",", lineterminator: str = "\n") -> None:
        self._writer = csv.writer(out, delimiter=delimiter, lineterminator=lineterminator)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
