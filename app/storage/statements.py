"""SQL text on the DB-API connection of a session's transaction, for the statements run on every
keypress at the check-in desk and on every read of personal data (its access record).

SQLAlchemy's `Session.connection()` and `Connection.exec_driver_sql` cost about 200 µs a statement
around what SQLite answers in 20 to 300 µs (measured on the check-in name search, a dozen statements).
Run on the session's own DB-API connection, the statements stay inside its transaction; SQLAlchemy's
cursor events no longer see them, so `timing()` is how a benchmark measures the time inside SQLite.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

__all__ = ["Driver", "driver", "rows", "timing"]

# The DB-API connection (sqlcipher3's `Connection`, which has no type information): `execute` and `commit`.
Driver = Any

# While a benchmark times the statements (`timing`): the seconds spent in execute and fetch so far.
_spent: list[float] | None = None


def driver(session: Session) -> Driver:
    """The DB-API connection the session's transaction runs on (begun if it was not): get it once for
    the statements of one use case, and run them with `rows`."""
    raw = session.connection().connection.driver_connection
    if raw is None:
        raise RuntimeError("the session's connection is closed")
    return raw


def rows(db: Driver, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Every row of one statement (plain tuples, the values as the driver gives them)."""
    if _spent is None:
        return list(db.execute(sql, params).fetchall())
    started = time.perf_counter()
    try:
        return list(db.execute(sql, params).fetchall())
    finally:
        _spent[0] += time.perf_counter() - started


@contextmanager
def timing() -> Iterator[Callable[[], float]]:
    """For benchmarks: yields a function giving the milliseconds the statements run by `rows` spent
    inside SQLite (execute and fetch) since it was last called. One timer at a time, any thread."""
    global _spent
    if _spent is not None:
        raise RuntimeError("the statements are timed already")
    spent = _spent = [0.0]

    def take() -> float:
        value, spent[0] = spent[0] * 1000, 0.0
        return value

    try:
        yield take
    finally:
        _spent = None
