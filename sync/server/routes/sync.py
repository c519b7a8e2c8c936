"""Push and pull: where the server stands, a station's mutations in, the changes its site may see out,
and the rows a station offers back after a server restore."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from sync import protocol as p
from sync.faults import crash_point
from sync.server import devices, ledger
from sync.server.api_errors import ApiError
from sync.server.deps import ERRORS, DeviceDep
from sync.server.tenants import utcnow

log = logging.getLogger("vaxdesk.server")
router = APIRouter()


@router.get("/v1/sync/status", response_model=p.SyncStatusResponse, responses=ERRORS)
def status(dev: DeviceDep) -> p.SyncStatusResponse:
    with dev.tenant.read() as conn:
        return p.SyncStatusResponse(
            epoch=ledger.epoch_of(conn), server_time=utcnow(), station_id=dev.station_id,
            last_station_seq=ledger.last_station_seq(conn, dev.station_id), latest_change=ledger.latest_change(conn),
            sites=devices.site_codes(conn))


@router.post("/v1/sync/push", response_model=p.PushResponse, responses=ERRORS)
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


@router.get("/v1/sync/changes", response_model=p.PullResponse, responses=ERRORS)
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


@router.post("/v1/sync/reoffer", response_model=p.ReofferResponse, responses=ERRORS)
def reoffer(body: p.ReofferRequest, dev: DeviceDep) -> p.ReofferResponse:
    """Rows the server made itself, offered back by a station after a restore (see ReofferRequest)."""
    with dev.tenant.write() as conn:
        accepted, known, refused = ledger.reoffer(dev.tenant, conn, body.rows)
    log.info("reoffer", extra={"tenant": dev.tenant.name, "device": dev.id, "accepted": accepted,
                               "known": known, "refused": refused})
    return p.ReofferResponse(accepted=accepted, known=known, refused=refused)
