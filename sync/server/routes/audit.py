"""The stations' audit logs: a batch of entries continuing the chain the server holds, and its head."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from sync import audit_protocol as ap
from sync import protocol as p
from sync.server import audit
from sync.server.api_errors import ApiError
from sync.server.deps import DeviceDep

router = APIRouter()
ERRORS: dict[int | str, dict[str, Any]] = {s: {"model": p.ErrorBody} for s in (400, 401, 403, 409, 413, 422)}


@router.post("/v1/audit/push", response_model=ap.AuditPushResponse, responses=ERRORS)
def audit_push(body: ap.AuditPushRequest, dev: DeviceDep) -> ap.AuditPushResponse:
    if body.station_id != dev.station_id:
        raise ApiError(403, "wrong_station", "This token belongs to another station.")
    try:
        return audit.store_entries(dev.tenant, dev.station_id, body)
    except audit.Refusal as refusal:
        raise ApiError(refusal.status, refusal.code, refusal.message, refusal.details) from None


@router.get("/v1/audit/head", response_model=ap.AuditHeadWire, responses=ERRORS)
def audit_head(dev: DeviceDep) -> ap.AuditHeadWire:
    with dev.tenant.read() as conn:
        return audit.head(conn, dev.station_id)
