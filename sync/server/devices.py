"""Stations and their credentials at the tenant API: one-time enrollment codes, the device tokens they
are traded for, revocation. Only hashes of codes and tokens are kept (`enrollment_code`,
`enrollment_binding` and `device` in sync/server/tenants.py)."""

from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.server import ledger
from sync.server import tenants as t
from sync.server.admin_errors import AdminInputError
from sync.server.api_errors import ApiError
from sync.server.crypto import secret_hash
from sync.server.tenants import Registry, Tenant, UnknownTenant, utcnow

log = logging.getLogger("vaxdesk.server")

TOKEN_PREFIX = "vxd1"
ENROLLMENT_CODE_DAYS = 7


@dataclass(frozen=True)
class Device:
    """The station a device token belongs to, and the one site it may read and change (sync/server/sites.py)."""

    tenant: Tenant
    id: str
    station_id: str
    site_code: str
    site_id: str


def _new_secret() -> str:
    return secrets.token_urlsafe(24)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def issue_enrollment_code(tenant: Tenant, site_code: str, *, station_id: str | None = None) -> str:
    """A one-time code for one site; only its hash is kept. Without `station_id` it enrolls a new station
    only; with it, it re-enrolls that station (after a revocation or a reinstall) and no other."""
    if not t.TENANT_NAME.fullmatch(site_code):
        raise AdminInputError("site_code_invalid")
    if station_id is not None and not 1 <= len(station_id) <= 64:
        raise AdminInputError("station_id_length")
    code = f"{tenant.name}.{_new_secret()}"
    now = utcnow()
    with tenant.write() as conn:
        conn.execute(insert(t.enrollment_code).values(
            code_hash=secret_hash(code), site_code=site_code, created_at=now,
            expires_at=now + timedelta(days=ENROLLMENT_CODE_DAYS)))
        if station_id is not None:
            conn.execute(insert(t.enrollment_binding).values(code_hash=secret_hash(code), station_id=station_id))
    return code


def _enrollment_refusal(conn: Any, *, code_hash: str, site_code: str, body: p.EnrollRequest) -> ApiError | None:
    """Why this code may not enroll this station: a code creates the station it names, or a new one;
    it never takes over another station's id (its token and its sequence) or another site's id."""
    bound = conn.execute(select(t.enrollment_binding.c.station_id)
                         .where(t.enrollment_binding.c.code_hash == code_hash)).scalar_one_or_none()
    if bound is not None and bound != body.station_id:
        return ApiError(403, "wrong_station")
    if bound is None:
        known = conn.execute(select(t.device.c.id).where(t.device.c.station_id == body.station_id).limit(1)).first()
        progress = conn.execute(select(t.station_progress.c.station_id)
                                .where(t.station_progress.c.station_id == body.station_id)).first()
        if known is not None or progress is not None:
            return ApiError(403, "station_exists")
    # Stations of one site may each have their own site id, but one site id never spans two sites.
    taken = conn.execute(select(t.device.c.id).where(t.device.c.site_id == body.site_id,
                                                     t.device.c.site_code != site_code).limit(1)).first()
    if taken is not None:
        return ApiError(403, "wrong_site", text="station_site_mismatch")
    return None


def enroll(registry: Registry, body: p.EnrollRequest) -> p.EnrollResponse:
    """Trade a one-time code for a device token (the station's earlier tokens stop working)."""
    name, code = tenant_of_secret(body.code.strip())
    refused = ApiError(403, "enrollment_refused")
    try:
        tenant = registry.get(name)
    except (UnknownTenant, ValueError):
        raise refused from None
    if body.tenant != tenant.name:
        raise ApiError(403, "wrong_tenant")
    now = utcnow()
    with tenant.write() as conn:
        row = conn.execute(select(t.enrollment_code)
                           .where(t.enrollment_code.c.code_hash == secret_hash(code))).first()
        if row is None or row.used_at is not None or _aware(row.expires_at) <= now:
            raise refused
        if row.site_code != body.site_code:
            raise ApiError(403, "wrong_site")
        refusal = _enrollment_refusal(conn, code_hash=row.code_hash, site_code=row.site_code, body=body)
        if refusal is not None:
            raise refusal
        conn.execute(update(t.enrollment_code).where(t.enrollment_code.c.code_hash == row.code_hash)
                     .values(used_at=now))
        # A re-enrolled station gets a new token; its old ones stop working.
        conn.execute(update(t.device).where(t.device.c.station_id == body.station_id,
                                            t.device.c.revoked_at.is_(None)).values(revoked_at=now))
        secret = f"{TOKEN_PREFIX}.{tenant.name}.{_new_secret()}"
        device_id = str(uuid.uuid4())
        conn.execute(insert(t.device).values(
            id=device_id, token_hash=secret_hash(secret), site_code=row.site_code, site_id=body.site_id,
            station_id=body.station_id, created_at=now))
        epoch = ledger.epoch_of(conn)
    log.info("station enrolled", extra={"tenant": tenant.name, "device": device_id})
    return p.EnrollResponse(tenant=tenant.name, site_code=row.site_code, device_id=device_id,
                            device_token=secret, epoch=epoch, server_time=now)


def revoke_devices(tenant: Tenant, *, station_id: str | None = None, device_id: str | None = None) -> int:
    with tenant.write() as conn:
        query = update(t.device).where(t.device.c.revoked_at.is_(None))
        if station_id:
            query = query.where(t.device.c.station_id == station_id)
        if device_id:
            query = query.where(t.device.c.id == device_id)
        return int(conn.execute(query.values(revoked_at=utcnow())).rowcount)


def tenant_of_secret(value: str) -> tuple[str, str]:
    """(tenant name, secret) of a device token or an enrollment code; each names its tenant."""
    parts = value.split(".")
    if len(parts) == 3 and parts[0] == TOKEN_PREFIX:
        return parts[1], value
    if len(parts) == 2:
        return parts[0], value
    raise ApiError(401, "invalid_token", text="token_malformed")


def device_of_token(registry: Registry, token: str) -> Device:
    """The station holding this device token; 401 for an unknown, malformed or revoked one."""
    name, secret = tenant_of_secret(token)
    try:
        tenant = registry.get(name)
    except (UnknownTenant, ValueError):
        raise ApiError(401, "invalid_token") from None
    with tenant.read() as conn:
        row = conn.execute(select(t.device).where(t.device.c.token_hash == secret_hash(secret))).first()
    if row is None:
        raise ApiError(401, "invalid_token")
    if row.revoked_at is not None:
        raise ApiError(401, "token_revoked")
    return Device(tenant=tenant, id=row.id, station_id=row.station_id, site_code=row.site_code, site_id=row.site_id)


def site_codes(conn: Connection) -> dict[str, str]:
    """Site id → site code of every enrolled station's site."""
    return {str(k): str(v) for k, v in conn.execute(select(t.device.c.site_id, t.device.c.site_code).distinct()).all()}
