"""Leases: places of a slot set aside for one station, so it can book them while offline."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from sync import protocol as p
from sync.server import ledger
from sync.server.api_errors import ApiError
from sync.server.deps import ERRORS, DeviceDep

router = APIRouter()


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@router.post("/v1/leases", response_model=p.Lease, status_code=201, responses=ERRORS)
def take_lease(body: p.LeaseRequest, dev: DeviceDep) -> p.Lease:
    try:
        with dev.tenant.write() as conn:
            granted = ledger.grant_lease(dev.tenant, conn, station_id=dev.station_id, slot_id=body.slot_id,
                                         places=body.places, request_id=body.request_id, site_code=dev.site_code)
    except ledger.Rejected as exc:
        status = {"slot_full": 409, "other_site": 403}.get(exc.code, 404)
        raise ApiError(status, exc.code, exc.message) from None
    return p.Lease(**{**granted, "expires_at": _aware(granted["expires_at"])})


@router.get("/v1/leases", response_model=p.LeaseList, responses=ERRORS)
def my_leases(dev: DeviceDep) -> p.LeaseList:
    with dev.tenant.read() as conn:
        rows = ledger.leases_of(conn, dev.station_id)
    return p.LeaseList(leases=[p.Lease(lease_id=r.id, slot_id=r.slot_id, places=r.places, used=r.used,
                                       expires_at=_aware(r.expires_at), request_id=r.request_id) for r in rows])
