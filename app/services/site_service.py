"""The base of every use-case facade at a station: the store, the clock, the vaccine catalogue and
the site the station belongs to (its name, country and time zone), read once."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from zoneinfo import ZoneInfo

from app.domain.catalogue import Catalogue
from app.services.permissions import use_case
from app.services.unit_of_work import Clock, system_clock
from app.storage.engine import Store
from app.storage.schema import Site, Station


class SiteService:
    def __init__(self, store: Store, *, clock: Clock = system_clock, catalogue: Catalogue | None = None) -> None:
        self.store = store
        self.clock = clock
        if catalogue is not None:
            self.catalogue = catalogue
        with store.read() as session:
            site = session.get(Site, store.identity.site_id)
            if site is None:
                raise LookupError("the station's site row is missing")
            self.site_id, self.site_name, self.country = site.id, site.name, site.country
            self.tz = ZoneInfo(site.timezone)

    @cached_property
    def catalogue(self) -> Catalogue:
        """Loaded on first use (unless given): the check-in desk, for one, never needs it."""
        from app.services.catalogue import load_catalogue  # start-up: the check-in desk never needs it

        return load_catalogue()


@use_case
def station_names(store: Store) -> tuple[str, str]:
    """The site's and this station's names, for the login screen (read-only, no personal data)."""
    with store.read() as session:
        station = session.get(Station, store.identity.station_id)
        site = session.get(Site, station.site_id) if station is not None else None
        if station is None or site is None:
            raise LookupError("the station's own rows are missing")
        return site.name, station.name


@use_case
def site_zone(store: Store) -> ZoneInfo:
    """The site's time zone: it, not the machine's, decides what day it is at the desk."""
    with store.read() as session:
        site = session.get(Site, store.identity.site_id)
        if site is None:
            raise LookupError("the station's site row is missing")
        return ZoneInfo(site.timezone)


@use_case
def site_today(store: Store, clock: Clock = system_clock) -> date:
    """Today at the site: the one date every page opens on (a desk PC's clock may be in another zone,
    and for an hour around midnight the machine's date is not the site's)."""
    return clock().astimezone(site_zone(store)).date()
