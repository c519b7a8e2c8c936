"""The tenant API (FastAPI): the app built from its routers (sync/server/routes/, the public booking
and the citizen's pages), its middleware and its error answers. Stateless: everything lives in the
tenant databases, so any number of instances can run behind a load balancer."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import __version__
from app.domain.catalogue import Catalogue
from app.errors import VaxDeskError
from app.services.catalogue import load_catalogue
from sync import protocol as p
from sync.server.api_errors import ApiError, error_response
from sync.server.certificates import install_signer
from sync.server.citizen import NoSuchPage, no_such_page
from sync.server.citizen import router as citizen_router
from sync.server.devices import issue_enrollment_code, revoke_devices
from sync.server.fast_path import ReleaseDayFastPath
from sync.server.public import Edge, EdgeConfig, book_online
from sync.server.public import router as public_router
from sync.server.readiness import Readiness
from sync.server.results import ResultOpener
from sync.server.routes import audit as audit_routes
from sync.server.routes import certificates as certificate_routes
from sync.server.routes import enrollment, health, leases
from sync.server.routes import sync as sync_routes
from sync.server.tenants import Registry

# Callers (the server's CLI, tests, benchmarks) import these from here.
__all__ = ["ApiError", "book_online", "create_app", "install_signer", "issue_enrollment_code", "revoke_devices"]

log = logging.getLogger("vaxdesk.server")

MAX_BODY_BYTES = 4 * 1024 * 1024

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


def create_app(registry: Registry, *, max_body: int = MAX_BODY_BYTES, edge: EdgeConfig | None = None) -> FastAPI:
    edge_state = Edge(registry, edge or EdgeConfig(), _catalogue())

    readiness = Readiness(registry)

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
    api.state.readiness = readiness
    api.include_router(public_router)
    api.state.results = ResultOpener()
    api.include_router(citizen_router)  # the citizen's pages, /p/<tenant>/ (sync/server/citizen.py)
    api.add_exception_handler(NoSuchPage, no_such_page)
    api.add_middleware(ReleaseDayFastPath, edge=edge_state)  # innermost: after the size limit and the log
    api.add_middleware(BodyLimit, limit=max_body)
    api.add_middleware(RequestLog)
    api.include_router(audit_routes.router)

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

    api.include_router(health.router)
    api.include_router(enrollment.router)
    api.include_router(sync_routes.router)
    api.include_router(leases.router)
    api.include_router(certificate_routes.router)
    return api


def _catalogue() -> Catalogue | None:
    """The vaccine catalogue, for the age limits of slots that name a product."""
    try:
        return load_catalogue()
    except VaxDeskError as exc:  # the server still serves; bookings just skip the age check
        log.error("vaccine catalogue not loaded; age limits are not checked", extra={"error": exc.code})
        return None
