"""`vaxdesk simulate-day`: drives the services (not the UI) through a day at the center.

Each step of the day adds its own figures to the report; later steps (check-in, doses,
follow-ups, certificates, sync) extend it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services.demo import seed_center
from app.services.stats import station_stats
from app.storage.engine import create_store


def simulate_day(db: Path, passphrase: str, *, persons: int, offline: bool, seed: int | None) -> dict[str, Any]:
    with create_store(db, passphrase, tenant="simulation", site_code="sim-center", site_name="Simulated center") as store:
        created = seed_center(store, persons=persons, seed=seed)
        figures = station_stats(store)
    return {
        "persons": created["persons"],
        "appointments": figures["appointments"],
        "overbooked_slots": figures["overbooked_slots"],
        "pending_mutations": figures["pending_mutations"],
        "offline": offline,
    }
