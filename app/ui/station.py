"""Unlocking the station: what the unlock job returns to the window (no Qt here).

These functions run on the database worker, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.staff import StaffView
    from app.storage.engine import Store


@dataclass(frozen=True)
class StationInfo:
    site_name: str
    station_name: str


@dataclass(frozen=True)
class UnlockedStation:
    store: Store
    staff: tuple[StaffView, ...]
    info: StationInfo


def load_station_info(store: Store) -> StationInfo:
    # The services layer has no "station info" use case yet; this read belongs there
    # (app/services/station.py) and should move once it exists. Read-only, no personal data.
    from sqlalchemy import select

    from app.storage.schema import Site, Station

    with store.read() as session:
        station = session.scalars(select(Station).where(Station.id == store.identity.station_id)).one()
        site = session.scalars(select(Site).where(Site.id == station.site_id)).one()
        return StationInfo(site_name=site.name, station_name=station.name)


def unlock_station(path: Path, passphrase: str) -> UnlockedStation:
    """Open the encrypted store and read what the login page needs (the staff list)."""
    from app.services.staff import list_staff
    from app.storage.engine import open_store

    store = open_store(path, passphrase)
    try:
        return UnlockedStation(store=store, staff=tuple(list_staff(store)), info=load_station_info(store))
    except BaseException:
        store.close()
        raise


def refresh_staff(store: Store) -> tuple[StaffView, ...]:
    from app.services.staff import list_staff

    return tuple(list_staff(store))
