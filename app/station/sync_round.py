"""One background sync round of an open station (network lane), as the UI's sync runner drives it.

Stopping sets a flag the round's HTTP transport and retry sleeps look at, so a running round ends at
its next request instead of finishing a long pull. A failed round is not an error: it becomes the
outcome (the engine has stored it as the station's sync state).
"""

from __future__ import annotations

import logging
import ssl
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from app.errors import VaxDeskError
from app.services.sync_state import SyncStatus, sync_status
from app.services.unit_of_work import Change
from app.station.services import PULLED
from sync.errors import SyncError

if TYPE_CHECKING:
    from app.station.services import StationServices
    from sync.station.engine import RoundReport

log = logging.getLogger(__name__)

# Short for a background round: the next one comes in a minute anyway, and closing the station
# waits for at most one request.
CLIENT_OPTIONS: dict[str, Any] = {"timeout": 10.0, "retries": 1, "backoff": 1.0, "max_backoff": 5.0}


class RoundCancelled(Exception):  # not an error: the station is closing
    """Raised inside a round when the runner stops; never leaves the network lane."""


@dataclass(frozen=True)
class RoundOutcome:
    status: SyncStatus
    report: RoundReport | None  # None: not enrolled, or the round failed
    error: str | None  # the failure's class name, as the engine stores it in `sync.last_error`

    @property
    def changes(self) -> tuple[Change, ...]:
        """What the round changed on this station, for the pages, as a local write names them: each row
        pulled from the server (by entity and id, with the person it belongs to) and the outbox when
        changes came back or the server refused some (they went back to "rejected")."""
        if self.report is None or not (self.report.pulled or self.report.rejected or self.report.written):
            return ()
        pulled = (Change(entity=row.entity, entity_id=row.id, action=PULLED, person_id=row.person_id)
                  for row in self.report.written)
        return (*pulled, Change(entity="outbox", entity_id=None, action=PULLED))


class _StoppableTransport(httpx.BaseTransport):
    """The default HTTP transport (same TLS rules as the sync client), refusing new requests once
    the runner stops."""

    def __init__(self, stopping: threading.Event, *, ca_bundle: str | None) -> None:
        verify: bool | ssl.SSLContext = ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True
        self._inner = httpx.HTTPTransport(verify=verify)
        self._stopping = stopping

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._stopping.is_set():
            raise RoundCancelled()
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def run_one_round(services: StationServices, stopping: threading.Event) -> RoundOutcome | None:
    """On the network lane: one round if the station is enrolled, then the figures to show."""
    # start-up: the sync engine (and pydantic with it) loads with the first round, not with the window
    from sync.station.engine import K_CA, SyncEngine, get_meta, lease_policy

    # isort: split
    # After the engine (and pydantic with it) is imported: the certificate desk may be importing the
    # same modules on the database lane, and pydantic's lazy imports do not survive two threads at once.
    from app.services.certificates import sign_waiting_vouchers

    store = services.store
    if stopping.is_set():
        return None
    status = sync_status(store)
    if not status.enrolled:
        return RoundOutcome(status=status, report=None, error=None)
    with store.read() as session:
        ca_bundle = get_meta(session, K_CA)

    def pause(seconds: float) -> None:
        if stopping.wait(seconds):  # woken early: the station is closing
            raise RoundCancelled()

    report: RoundReport | None = None
    error: str | None = None
    try:
        with SyncEngine(store, transport=_StoppableTransport(stopping, ca_bundle=ca_bundle),
                        client_options={**CLIENT_OPTIONS, "sleep": pause}, **lease_policy(store)) as engine:
            report = engine.run_round()
            if report.complete:  # the server holds what was pushed: vouchers waiting for it can be signed
                sign_waiting_vouchers(store, remote_signer=services.remote_signer)
    except RoundCancelled:
        return None
    except SyncError as exc:  # the engine has stored it as the station's sync state
        log.info("sync round failed: %s", type(exc).__name__)
        error = type(exc).__name__
    except VaxDeskError as exc:  # e.g. the database busy for longer than its timeout
        log.warning("sync round failed on the station side: %s", type(exc).__name__)
        error = "StoreError"
    if stopping.is_set():
        return None
    return RoundOutcome(status=sync_status(store), report=report, error=error)
