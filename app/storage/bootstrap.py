"""The rows a brand-new station database starts with: its site and its own station identity."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.domain.ids import Hlc, uuid7
from app.storage.schema import Site, Station


def initialise_station(
    session: Session,
    *,
    tenant: str,
    site_code: str,
    site_name: str,
    station_name: str,
    country: str = "DE",
) -> Station:
    site = Site(id=uuid7(), tenant=tenant, code=site_code, name=site_name, country=country)
    station_id = uuid7()
    station = Station(
        id=station_id,
        site_id=site.id,
        tenant=tenant,
        name=station_name,
        created_at=datetime.now(UTC),
        next_seq=1,
        hlc=str(Hlc(int(time.time() * 1000), 0, station_id)),
    )
    session.add(site)
    session.flush()
    session.add(station)
    session.flush()
    return station
