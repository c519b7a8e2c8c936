"""The HTTP client for the tenant API: typed calls, timeouts, retries with exponential backoff and
jitter, TLS verification on by default (a custom CA bundle allowed), and an injectable transport so
tests run it against fault-injecting or in-process servers."""

from __future__ import annotations

import logging
import random
import ssl
import time
from collections.abc import Callable
from typing import Any, Self, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from app.errors import ValidationError as InputRefused
from sync import audit_protocol as ap
from sync import protocol as p
from sync.errors import DeviceRejected, EnrollmentFailed, ProtocolError, ServerRefused, ServerUnreachable

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class ClosedOnExit:
    """`with x:` closes x at the end: the objects that hold a connection (the client, the engine)."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SyncClient(ClosedOnExit):
    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        transport: httpx.BaseTransport | None = None,
        ca_bundle: str | None = None,
        verify: bool = True,
        timeout: float = 15.0,
        retries: int = 4,
        backoff: float = 0.5,
        max_backoff: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise InputRefused(code="sync_server_address", params={"url": base_url[:200]}, field="server")
        tls: bool | ssl.SSLContext = verify
        if ca_bundle:
            tls = ssl.create_default_context(cafile=ca_bundle)
        self._http = httpx.Client(base_url=base_url.rstrip("/"), transport=transport, verify=tls,
                                  timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)))
        self.token = token
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._sleep = sleep
        self._jitter = jitter

    def close(self) -> None:
        self._http.close()

    # ---- calls -------------------------------------------------------------------------

    def health(self) -> p.Health:
        return self._call("GET", "/health", p.Health, auth=False)

    def enroll(self, request: p.EnrollRequest) -> p.EnrollResponse:
        try:
            # Not retried after an answer: a used code cannot be used twice.
            return self._call("POST", "/v1/enroll", p.EnrollResponse, json=request.model_dump(mode="json"),
                              auth=False)
        except ServerRefused as exc:
            raise EnrollmentFailed(code="sync_enrollment_refused", params={"server_code": exc.code}) from None

    def status(self) -> p.SyncStatusResponse:
        return self._call("GET", "/v1/sync/status", p.SyncStatusResponse)

    def push(self, request: p.PushRequest) -> p.PushResponse:
        # Safe to retry: the server applies each (station, seq) once and answers repeats as duplicates.
        return self._call("POST", "/v1/sync/push", p.PushResponse, content=request.model_dump_json())

    def pull(self, *, after: int, limit: int = p.DEFAULT_PULL_PAGE) -> p.PullResponse:
        return self._call("GET", "/v1/sync/changes", p.PullResponse, params={"after": after, "limit": limit})

    def reoffer(self, request: p.ReofferRequest) -> p.ReofferResponse:
        # Safe to retry: the server keeps only what it lacks.
        return self._call("POST", "/v1/sync/reoffer", p.ReofferResponse, content=request.model_dump_json())

    def take_lease(self, request: p.LeaseRequest) -> p.Lease:
        return self._call("POST", "/v1/leases", p.Lease, json=request.model_dump(mode="json"))

    def leases(self) -> p.LeaseList:
        return self._call("GET", "/v1/leases", p.LeaseList)

    def sign(self, request: p.SignRequest) -> p.SignResponse:
        return self._call("POST", "/v1/certificates/sign", p.SignResponse, json=request.model_dump(mode="json"))

    def audit_push(self, request: ap.AuditPushRequest) -> ap.AuditPushResponse:
        return self._call("POST", "/v1/audit/push", ap.AuditPushResponse, content=request.model_dump_json())

    def audit_head(self) -> ap.AuditHeadWire:
        return self._call("GET", "/v1/audit/head", ap.AuditHeadWire)

    def trust_list(self) -> p.TrustListResponse:
        return self._call("GET", "/v1/trust-list", p.TrustListResponse)

    # ---- the retry loop ----------------------------------------------------------------

    def _delay(self, attempt: int) -> float:
        """Full jitter: a random wait up to the exponential bound, so stations don't retry in step."""
        return float(min(self.max_backoff, self.backoff * 2 ** attempt) * (0.5 + self._jitter() / 2))

    def _call(self, method: str, path: str, model: type[M], *, json: Any = None, content: str | None = None,
              params: dict[str, Any] | None = None, auth: bool = True) -> M:
        headers = {}
        if content is not None:
            headers["Content-Type"] = "application/json"
        if auth:
            if not self.token:
                raise DeviceRejected(code="sync_no_token")
            headers["Authorization"] = f"Bearer {self.token}"
        problem = "no answer"
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(self._delay(attempt - 1))
            try:
                response = self._http.request(method, path, json=json, content=content, params=params,
                                              headers=headers)
            except httpx.TimeoutException:
                problem = "timed out"
                continue
            except httpx.TransportError as exc:
                problem = f"connection failed ({type(exc).__name__})"
                continue
            if response.status_code in RETRY_STATUS:
                problem = f"server error {response.status_code}"
                continue
            if response.status_code >= 400:
                raise self._refusal(response)
            try:
                return model.model_validate_json(response.content)
            except ValidationError:
                # A cut-off or garbled answer: the request is repeatable, so ask again.
                problem = "an incomplete answer"
                continue
        raise ServerUnreachable(code="sync_unreachable", params={"problem": problem, "tries": self.retries + 1})

    @staticmethod
    def _refusal(response: httpx.Response) -> Exception:
        try:
            body = p.ErrorBody.model_validate_json(response.content)
        except ValidationError:
            return ProtocolError(code="sync_answer_without_code", params={"status": response.status_code})
        if response.status_code == 401:
            return DeviceRejected(code="sync_token_refused", params={"server_code": body.code})
        return ServerRefused(body.code, body.message, status=response.status_code, details=body.details)
