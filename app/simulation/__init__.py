"""`vaxdesk simulate-day`: the station's services (not the UI) driven through a day at the center.

Above the services and sync: the floor (`floor`), the steps and the day at one offline station
(`day`), the day of several syncing stations with a tenant server on loopback (`online`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app.services.progress import Progress
from app.simulation.day import SimClock, simulate_offline_day, summary
from app.simulation.online import simulate_online_day

__all__ = ["SimClock", "simulate_day", "summary"]


def simulate_day(db: Path, passphrase: str, *, persons: int, offline: bool, seed: int | None,
                 day: date | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """The day at one offline station (`offline=True`), or at a center of syncing stations (`online`)."""
    if offline:
        return simulate_offline_day(db, passphrase, persons=persons, seed=seed, day=day, progress=progress)
    return simulate_online_day(db, passphrase, persons=persons, seed=seed, day=day, progress=progress)
