"""Certificates: signing for stations without a signer, the revocation list, the trust list."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from sync import protocol as p
from sync.server import certificates
from sync.server.deps import ERRORS, DeviceDep

log = logging.getLogger(certificates.__name__)
router = APIRouter()


@router.post("/v1/certificates/sign", response_model=p.SignResponse, responses=ERRORS)
def sign(body: p.SignRequest, dev: DeviceDep) -> Any:
    try:
        return certificates.sign_for_station(dev.tenant, body, station_id=dev.station_id)
    except certificates.Refused as exc:
        log.info("signing refused", extra={"tenant": dev.tenant.name, "device": dev.id, "code": exc.code})
        refusal = p.ErrorBody(code=exc.code, message=exc.message, details=exc.details).model_dump(exclude_none=True)
        return JSONResponse(refusal, status_code=exc.status)


@router.get("/v1/revocations", response_model=p.RevocationList, responses=ERRORS)
def revocations(dev: DeviceDep) -> p.RevocationList:
    return certificates.revocation_list(dev.tenant)


@router.get("/v1/trust-list", response_model=p.TrustListResponse, responses=ERRORS)
def trust_list(dev: DeviceDep) -> p.TrustListResponse:
    return certificates.trust_list(dev.tenant)
