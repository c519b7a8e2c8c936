"""A station joins its tenant: a one-time code for a device token."""

from __future__ import annotations

from fastapi import APIRouter

from sync import protocol as p
from sync.server import devices
from sync.server.deps import ERRORS, RegistryDep

router = APIRouter()


@router.post("/v1/enroll", response_model=p.EnrollResponse, responses=ERRORS)
def enroll(body: p.EnrollRequest, registry: RegistryDep) -> p.EnrollResponse:
    return devices.enroll(registry, body)
