"""Small reads every service repeats: a row by its primary key, refused with a reason code when missing."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.errors import NotFound

T = TypeVar("T")


def get_row(session: Session, model: type[T], row_id: Any, *, code: str) -> T:
    """`session.get(model, row_id)`; no such row is refused with NotFound and the reason `code` (named
    `code` like the errors' own, so tests/unit/test_reason_codes.py checks each literal has its text)."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(code=code)
    return row
