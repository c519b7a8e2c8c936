"""What the tenant API's routes depend on, in one place: the tenant registry and the readiness answer
the app was built with, and the station behind a request's device token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, Request

from sync import protocol as p
from sync.server.api_errors import ApiError
from sync.server.devices import Device, device_of_token
from sync.server.readiness import Readiness
from sync.server.tenants import Registry

# The refusals every authenticated route documents (the body is always `{code, message}`).
ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": p.ErrorBody} for status in (400, 401, 403, 404, 409, 413, 422)}


def registry(request: Request) -> Registry:
    found: Registry = request.app.state.registry
    return found


def readiness(request: Request) -> Readiness:
    found: Readiness = request.app.state.readiness
    return found


def current_device(request: Request, authorization: Annotated[str | None, Header()] = None) -> Device:
    if not authorization or not authorization.startswith("Bearer "):
        raise ApiError(401, "missing_token", "This endpoint needs a device token (Authorization: Bearer).")
    return device_of_token(registry(request), authorization[7:].strip())


RegistryDep = Annotated[Registry, Depends(registry)]
ReadinessDep = Annotated[Readiness, Depends(readiness)]
DeviceDep = Annotated[Device, Depends(current_device)]
