"""The tenant API (FastAPI): enrollment, push/pull, leases, public online booking, certificate signing,
trust list and health. Stateless: everything lives in the tenant databases, so any number of
instances can run behind a load balancer."""

from __future__ import annotations

import base64
import contextlib
import logging
import secrets
import threading
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import insert, select, update
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import __version__
from app.domain.catalogue import Catalogue
from app.errors import VaxDeskError
from app.services.catalogue import load_catalogue
from sync import protocol as p
from sync.faults import crash_point
from sync.server import audit, certificates, ledger
from sync.server import tenants as t
from sync.server.api_errors import ApiError, error_response
from sync.server.citizen import NoSuchPage, no_such_page
from sync.server.citizen import router as citizen_router
from sync.server.crypto import secret_hash
from sync.server.fast_path import ReleaseDayFastPath
from sync.server.public import Edge, EdgeConfig
from sync.server.public import book_online as book_online  # callers (benchmarks) import it from here
from sync.server.public import router as public_router
from sync.server.results import ResultOpener
from sync.server.tenants import Registry, Tenant, UnknownTenant, utcnow

log = logging.getLogger("vaxdesk.server")

MAX_BODY_BYTES = 4 * 1024 * 1024
TOKEN_PREFIX = "vxd1"
ENROLLMENT_CODE_DAYS = 7

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _error(status: int, code: str, message: str, details: dict[str, Any] | None = None) -> JSONResponse:
    return error_response(status, code, message, details)


class BodyLimit:
    """Refuses request bodies over the limit, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _error(413, "body_too_large", f"Request bodies are limited to {self.limit} bytes.")(
                    scope, receive, send)
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise ApiError(413, "body_too_large", f"Request bodies are limited to {self.limit} bytes.")
            return message

        await self.app(scope, limited, send)


class RequestLog:
    """One structured log line per request (method, route template, status, duration; no personal data).
    Plain ASGI: a BaseHTTPMiddleware would cost a task and a stream per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            log.info("request", extra={
                "method": scope.get("method"), "route": getattr(scope.get("route"), "path", "?"), "status": status,
                "ms": round((time.perf_counter() - start) * 1000, 1)})


def _new_secret() -> str:
    return secrets.token_urlsafe(24)


def issue_enrollment_code(tenant: Tenant, site_code: str, *, station_id: str | None = None) -> str:
    """A one-time code for one site; only its hash is kept. Without `station_id` it enrolls a new station
    only; with it, it re-enrolls that station (after a revocation or a reinstall) and no other."""
    if not t.TENANT_NAME.fullmatch(site_code):
        raise ValueError("A site code is 1-40 lowercase letters, digits or hyphens.")
    if station_id is not None and not 1 <= len(station_id) <= 64:
        raise ValueError("A station id is 1-64 characters.")
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
        return ApiError(403, "wrong_site", "This station's site id belongs to another site than the code's.")
    return None


def revoke_devices(tenant: Tenant, *, station_id: str | None = None, device_id: str | None = None) -> int:
    with tenant.write() as conn:
        query = update(t.device).where(t.device.c.revoked_at.is_(None))
        if station_id:
            query = query.where(t.device.c.station_id == station_id)
        if device_id:
            query = query.where(t.device.c.id == device_id)
        return int(conn.execute(query.values(revoked_at=utcnow())).rowcount)


def _tenant_of_secret(value: str) -> tuple[str, str]:
    parts = value.split(".")
    if len(parts) == 3 and parts[0] == TOKEN_PREFIX:
        return parts[1], value
    if len(parts) == 2:
        return parts[0], value
    raise ApiError(401, "invalid_token", "The device token is malformed.")


class Device:
    def __init__(self, tenant: Tenant, row: Any) -> None:
        self.tenant = tenant
        self.id: str = row.id
        self.station_id: str = row.station_id
        self.site_code: str = row.site_code
        self.site_id: str = row.site_id  # the one site this token may read and change (sync/server/sites.py)


def _device(request: Request, authorization: Annotated[str | None, Header()] = None) -> Device:
    registry: Registry = request.app.state.registry
    if not authorization or not authorization.startswith("Bearer "):
        raise ApiError(401, "missing_token", "This endpoint needs a device token (Authorization: Bearer).")
    name, token = _tenant_of_secret(authorization[7:].strip())
    try:
        tenant = registry.get(name)
    except (UnknownTenant, ValueError):
        raise ApiError(401, "invalid_token", "The device token is not valid.") from None
    with tenant.read() as conn:
        row = conn.execute(select(t.device).where(t.device.c.token_hash == secret_hash(token))).first()
    if row is None:
        raise ApiError(401, "invalid_token", "The device token is not valid.")
    if row.revoked_at is not None:
        raise ApiError(401, "token_revoked", "This station's token was revoked; enroll it again.")
    return Device(tenant, row)


DeviceDep = Annotated[Device, Depends(_device)]


def create_app(registry: Registry, *, max_body: int = MAX_BODY_BYTES, edge: EdgeConfig | None = None) -> FastAPI:
    edge_state = Edge(registry, edge or EdgeConfig(), _catalogue())

    readiness = _Readiness(registry)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(readiness.start)
        if edge_state.mail is not None:
            edge_state.mail.start()
        try:
            yield
        finally:
            if edge_state.mail is not None:
                edge_state.mail.stop()
            readiness.stop()

    api = FastAPI(
        lifespan=lifespan,
        title="VaxDesk tenant API", version=__version__,
        description="Sync, leases, online booking, signing and trust list for VaxDesk stations "
                    f"(wire protocol {p.PROTOCOL_VERSION}). Errors: `{{code, message}}` with a stable code.",
    )
    api.state.registry = registry
    api.state.edge = edge_state
    api.include_router(public_router)
    api.state.results = ResultOpener()
    api.include_router(citizen_router)  # the citizen's pages, /p/<tenant>/ (sync/server/citizen.py)
    api.add_exception_handler(NoSuchPage, no_such_page)
    api.add_middleware(ReleaseDayFastPath, edge=edge_state)  # innermost: after the size limit and the log
    api.add_middleware(BodyLimit, limit=max_body)
    api.add_middleware(RequestLog)
    api.include_router(audit.router(_device, ApiError))

    @api.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @api.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Field locations and types only: the values may be personal data.
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "type": e.get("type")} for e in exc.errors()[:20]]
        return _error(422, "invalid_request", "The request does not match the API schema.", {"errors": errors})

    @api.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {400: "invalid_body", 404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        response = _error(exc.status_code, code, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)  # e.g. Allow on 405
        return response

    @api.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        # The route's template, never the path: a public lookup's path carries the booking code.
        route = getattr(request.scope.get("route"), "path", "?")
        log.error("unhandled error", extra={"route": route, "method": request.method, "error": type(exc).__name__})
        return _error(500, "internal_error", "The server failed; the request was not applied.")

    def tenant_named(name: str) -> Tenant:
        try:
            return registry.get(name)
        except (UnknownTenant, ValueError):
            raise ApiError(404, "unknown_tenant", "There is no such tenant.") from None

    errors: dict[int | str, dict[str, Any]] = {
        status: {"model": p.ErrorBody} for status in (400, 401, 403, 404, 409, 413, 422)}

    @api.get("/health", response_model=p.Health)
    async def health() -> p.Health:
        """Liveness: the process answers. Load balancers should route by /health/ready."""
        return p.Health(version=__version__)

    @api.get("/health/ready", response_model=p.Readiness, responses={503: {"model": p.ErrorBody}})
    async def ready() -> p.Readiness:
        """Ready when the storage answers and the master key opens every tenant's data key."""
        return readiness.check()

    @api.post("/v1/enroll", response_model=p.EnrollResponse, responses=errors)
    def enroll(body: p.EnrollRequest) -> p.EnrollResponse:
        name, code = _tenant_of_secret(body.code.strip())
        refused = ApiError(403, "enrollment_refused", "This enrollment code is unknown, used or expired.")
        try:
            tenant = registry.get(name)
        except (UnknownTenant, ValueError):
            raise refused from None
        if body.tenant != tenant.name:
            raise ApiError(403, "wrong_tenant", "This code belongs to another tenant than the station's.")
        now = utcnow()
        with tenant.write() as conn:
            row = conn.execute(select(t.enrollment_code)
                               .where(t.enrollment_code.c.code_hash == secret_hash(code))).first()
            if row is None or row.used_at is not None or _aware(row.expires_at) <= now:
                raise refused
            if row.site_code != body.site_code:
                raise ApiError(403, "wrong_site", "This code is for another site than the station's.")
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

    @api.get("/v1/sync/status", response_model=p.SyncStatusResponse, responses=errors)
    def status(dev: DeviceDep) -> p.SyncStatusResponse:
        with dev.tenant.read() as conn:
            latest = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "change_seq")).scalar_one()
            sites = {str(k): str(v) for k, v in conn.execute(select(t.device.c.site_id, t.device.c.site_code).distinct()).all()}
            return p.SyncStatusResponse(
                epoch=ledger.epoch_of(conn), server_time=utcnow(), station_id=dev.station_id,
                last_station_seq=ledger.last_station_seq(conn, dev.station_id), latest_change=int(latest),
                sites=sites)

    @api.post("/v1/sync/push", response_model=p.PushResponse, responses=errors)
    def push(body: p.PushRequest, dev: DeviceDep) -> p.PushResponse:
        if body.station_id != dev.station_id:
            raise ApiError(403, "station_mismatch", "This token belongs to another station.")
        seqs = [m.station_seq for m in body.mutations]
        if seqs != sorted(set(seqs)):
            raise ApiError(422, "unordered_batch", "Mutations must be in increasing station_seq order.")
        try:
            with dev.tenant.write() as conn:
                results = ledger.push(dev.tenant, conn, dev.station_id, body.mutations, site_code=dev.site_code)
                last = ledger.last_station_seq(conn, dev.station_id)
                epoch = ledger.epoch_of(conn)
                crash_point("server-push-before-commit")
        except ledger.SequenceGap as gap:
            raise ApiError(409, "sequence_gap", "Mutations are missing before this batch; push from the expected one.",
                           {"expected_seq": gap.expected}) from None
        crash_point("server-push-after-commit")
        applied = sum(r.result == "applied" for r in results)
        log.info("push", extra={"tenant": dev.tenant.name, "device": dev.id, "mutations": len(results),
                                "applied": applied})
        return p.PushResponse(epoch=epoch, server_time=utcnow(), last_station_seq=last, results=results)

    @api.get("/v1/sync/changes", response_model=p.PullResponse, responses=errors)
    def changes(dev: DeviceDep, after: Annotated[int, Query(ge=0, le=p.MAX_SEQ)] = 0,
                limit: Annotated[int, Query(ge=1, le=p.MAX_PULL_PAGE)] = p.DEFAULT_PULL_PAGE) -> Response:
        """Changes after the cursor that this station's site may see, page by page: at most `limit`
        changes and about MAX_PULL_BYTES of payload (a page always holds at least one change)."""
        with dev.tenant.read() as conn:
            epoch = ledger.epoch_of(conn)
            out, has_more, next_cursor = ledger.pull_page(dev.tenant, conn, after=after, limit=limit,
                                                          site_code=dev.site_code)
        return Response(ledger.page_json(epoch=epoch, server_time=utcnow(), changes=out, next_cursor=next_cursor,
                                         has_more=has_more), media_type="application/json")

    @api.post("/v1/sync/reoffer", response_model=p.ReofferResponse, responses=errors)
    def reoffer(body: p.ReofferRequest, dev: DeviceDep) -> p.ReofferResponse:
        """Rows the server made itself, offered back by a station after a restore (see ReofferRequest)."""
        accepted = known = refused = 0
        with dev.tenant.write() as conn:
            offered = {(r.entity, r.id): r for r in body.rows}
            for (entity, row_id), row in sorted(offered.items(), key=lambda kv: kv[0][0] != "person"):
                exists = conn.execute(select(t.record.c.id).where(t.record.c.entity == entity,
                                                                  t.record.c.id == row_id)).first()
                if exists is not None:
                    known += 1
                    continue
                try:
                    ledger.store_server_rows(dev.tenant, conn, [(entity, row_id, row.values)], forced=True)
                    accepted += 1
                except (ledger.Rejected, ledger.Parked, ledger.RecordError):
                    refused += 1
        log.info("reoffer", extra={"tenant": dev.tenant.name, "device": dev.id, "accepted": accepted,
                                   "known": known, "refused": refused})
        return p.ReofferResponse(accepted=accepted, known=known, refused=refused)

    @api.post("/v1/leases", response_model=p.Lease, status_code=201, responses=errors)
    def take_lease(body: p.LeaseRequest, dev: DeviceDep) -> p.Lease:
        try:
            with dev.tenant.write() as conn:
                granted = ledger.grant_lease(dev.tenant, conn, station_id=dev.station_id, slot_id=body.slot_id,
                                             places=body.places, request_id=body.request_id,
                                             site_code=dev.site_code)
        except ledger.Rejected as exc:
            status = {"slot_full": 409, "other_site": 403}.get(exc.code, 404)
            raise ApiError(status, exc.code, exc.message) from None
        return p.Lease(**{**granted, "expires_at": _aware(granted["expires_at"])})

    @api.get("/v1/leases", response_model=p.LeaseList, responses=errors)
    def my_leases(dev: DeviceDep) -> p.LeaseList:
        with dev.tenant.read() as conn:
            rows = conn.execute(select(t.lease).where(t.lease.c.station_id == dev.station_id,
                                                      t.lease.c.expires_at > utcnow())).all()
        return p.LeaseList(leases=[p.Lease(lease_id=r.id, slot_id=r.slot_id, places=r.places, used=r.used,
                                           expires_at=_aware(r.expires_at), request_id=r.request_id) for r in rows])

    api.include_router(certificates.router(_device), responses=errors)

    @api.get("/v1/trust-list", response_model=p.TrustListResponse, responses=errors)
    def trust_list(dev: DeviceDep) -> p.TrustListResponse:
        with dev.tenant.read() as conn:
            rows = conn.execute(select(t.signer.c.kid, t.signer.c.certificate)).all()
        return p.TrustListResponse(tenant=dev.tenant.name, certificates=[
            p.TrustListEntry(kid=r.kid, certificate=base64.b64encode(r.certificate).decode()) for r in rows])

    return api


class _Readiness:
    """The readiness answer, kept fresh by its own thread every few seconds (it opens every tenant), so a
    load balancer's check is answered at once even while every worker thread waits on the database."""

    INTERVAL_S = 5.0

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._last: p.Readiness | ApiError = ApiError(503, "starting", "The server is starting.")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.refresh()
        self._thread = threading.Thread(target=self._run, name="vaxdesk-readiness", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.INTERVAL_S):
            self.refresh()

    def check(self) -> p.Readiness:
        result = self._last
        if isinstance(result, ApiError):
            raise result
        return result

    def refresh(self) -> None:
        try:
            names = self.registry.names()
            unusable = self.registry.unusable_tenants()
        except Exception as exc:  # storage down: not ready, and say why without a traceback
            log.error("readiness check failed", extra={"error": type(exc).__name__})
            self._last = ApiError(503, "storage_unavailable", "The tenant storage does not answer.")
            return
        if unusable:
            log.error("tenant keys unusable", extra={"tenants": unusable})
            self._last = ApiError(503, "tenant_key_unusable", params={"count": len(unusable)},
                                  details={"tenants": unusable})
            return
        self._last = p.Readiness(tenants=len(names))


def _catalogue() -> Catalogue | None:
    """The vaccine catalogue, for the age limits of slots that name a product."""
    try:
        return load_catalogue()
    except VaxDeskError as exc:  # the server still serves; bookings just skip the age check
        log.error("vaccine catalogue not loaded; age limits are not checked", extra={"error": exc.code})
        return None


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def install_signer(tenant: Tenant, key_pem: bytes, cert_data: bytes) -> str:
    """Store the tenant's DSC: certificate in the clear, private key sealed under the tenant key."""
    from app.certificates.signer import certificate_der, load_signer

    signer = load_signer(key_pem, cert_data)
    kid = base64.b64encode(signer.kid).decode()
    with tenant.write() as conn:
        conn.execute(update(t.signer).values(active=False))
        conn.execute(insert(t.signer).values(kid=kid, certificate=certificate_der(cert_data),
                                             key_enc=tenant.cipher.seal(key_pem, f"signer:{kid}"), active=True))
    return kid
