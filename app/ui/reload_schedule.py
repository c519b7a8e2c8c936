"""When a page's read of the database is due again: never while one is running, then once the rows
held are older than the page allows (what other stations did shows up without polling each tick)."""

from __future__ import annotations

from datetime import datetime, timedelta


def stale(read_at: datetime | None, now: datetime, *, after: timedelta) -> bool:
    """Whether rows read at `read_at` must be read again at `now`: never read, as old as `after`, or a
    clock set back since (waiting for the old time to come round again would freeze them for hours)."""
    return read_at is None or not timedelta(0) <= now - read_at < after


class ReloadSchedule:
    """The state of one page's reloads: `started`, then `loaded` (or `failed`); `due(now)` between."""

    def __init__(self, *, after: timedelta) -> None:
        self.after = after
        self.loaded_at: datetime | None = None  # when the rows held were read; None: never yet
        self.loading = False

    def started(self) -> None:
        self.loading = True

    def loaded(self, at: datetime) -> datetime:
        """The read finished at `at` (returned, for the countdowns computed from it)."""
        self.loading = False
        self.loaded_at = at
        return at

    def failed(self) -> None:
        # The rows held stay as old as they were: the next tick tries again.
        self.loading = False

    def due(self, now: datetime) -> bool:
        return not self.loading and stale(self.loaded_at, now, after=self.after)
