"""Whether this instance can serve (`/health/ready`): the storage answers and the master key opens every
tenant's data key."""

from __future__ import annotations

import logging
import threading

from sync import protocol as p
from sync.server.api_errors import ApiError
from sync.server.tenants import Registry

log = logging.getLogger("vaxdesk.server")


class Readiness:
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
