"""The station's sync engine (Qt-free): enroll once, then rounds of push-before-pull.

A round: ask the server where it stands (epoch, last seq it has from us, its clock), push the outbox
in `station_seq` order in batches and store each answer, then pull changes after the saved cursor,
each page applied and its cursor saved in ONE transaction. Any crash between those steps is repaired
by the next round: the server answers repeats as duplicates and the cursor never runs ahead of the data.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from app.domain.ids import Hlc
from app.storage.engine import Store
from app.storage.schema import Appointment, Meta, Outbox, Site, Slot, Station, StockEvent, SyncLease
from sync import protocol as p
from sync.errors import NotEnrolled, ServerRefused, SyncError
from sync.faults import crash_point
from sync.station.apply import ChangeApplier, pending_entity_ids, site_map
from sync.station.audit_push import push_audit
from sync.station.client import SyncClient

log = logging.getLogger(__name__)

K_URL, K_TOKEN, K_DEVICE, K_CA = "sync.server_url", "sync.device_token", "sync.device_id", "sync.ca_bundle"
K_EPOCH, K_CURSOR = "sync.epoch", "sync.cursor"
K_SUCCESS, K_ATTEMPT, K_ONLINE, K_ERROR, K_SKEW = (
    "sync.last_success_at", "sync.last_attempt_at", "sync.online", "sync.last_error", "sync.clock_skew_s")


def get_meta(session: Session, key: str) -> str | None:
    row = session.get(Meta, key)
    return None if row is None else row.value


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def enroll(store: Store, *, server_url: str, code: str, transport: httpx.BaseTransport | None = None,
           ca_bundle: str | None = None) -> p.EnrollResponse:
    """Trade a one-time code for a device token, kept only in the encrypted station database."""
    identity = store.identity
    with store.read() as session:
        station = session.get(Station, identity.station_id)
        site = session.get(Site, identity.site_id)
        assert station is not None and site is not None
        request = p.EnrollRequest(code=code.strip(), station_id=station.id, station_name=station.name[:200],
                                  tenant=identity.tenant, site_code=site.code, site_id=site.id)
    with SyncClient(server_url, transport=transport, ca_bundle=ca_bundle, retries=2) as client:
        answer = client.enroll(request)
    with store.write() as session:
        set_meta(session, K_URL, server_url)
        set_meta(session, K_TOKEN, answer.device_token)
        set_meta(session, K_DEVICE, answer.device_id)
        set_meta(session, K_EPOCH, answer.epoch)
        set_meta(session, K_CURSOR, "0")
        if ca_bundle:
            set_meta(session, K_CA, ca_bundle)
    log.info("station enrolled", extra={"device": answer.device_id})
    return answer


@dataclass(frozen=True)
class RoundReport:
    pushed: int
    applied: int
    duplicates: int
    rejected: int
    pulled: int
    pending_after: int
    clock_skew_s: float
    epoch_changed: bool

    @property
    def complete(self) -> bool:
        return self.pending_after == 0


class SyncEngine:
    def __init__(self, store: Store, *, transport: httpx.BaseTransport | None = None, batch_size: int = p.MAX_PUSH_BATCH,
                 page_size: int = p.DEFAULT_PULL_PAGE, lease_places: int = 0, lease_days: int = 2,
                 client_options: dict[str, Any] | None = None) -> None:
        self.store = store
        self.batch_size = batch_size
        self.page_size = page_size
        self.lease_places = lease_places
        self.lease_days = lease_days
        with store.read() as session:
            url, token, ca = get_meta(session, K_URL), get_meta(session, K_TOKEN), get_meta(session, K_CA)
        if not url or not token:
            raise NotEnrolled("This station is not enrolled yet: run 'vaxdesk enroll' with a code from the tenant admin.")
        self.client = SyncClient(url, token=token, transport=transport, ca_bundle=ca, **(client_options or {}))

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> SyncEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- one round ---------------------------------------------------------------------

    def run_round(self) -> RoundReport:
        started = datetime.now(UTC)
        try:
            report = self._round()
        except SyncError as exc:
            with self.store.write() as session:
                set_meta(session, K_ATTEMPT, started.isoformat())
                set_meta(session, K_ONLINE, "0")
                set_meta(session, K_ERROR, type(exc).__name__)
            raise
        with self.store.write() as session:
            set_meta(session, K_ATTEMPT, started.isoformat())
            set_meta(session, K_ONLINE, "1")
            set_meta(session, K_ERROR, "")
            if report.complete:
                set_meta(session, K_SUCCESS, datetime.now(UTC).isoformat())
        return report

    def _round(self) -> RoundReport:
        sent = time.time()
        status = self.client.status()
        skew = (status.server_time.timestamp() - (sent + time.time()) / 2)
        with self.store.write() as session:
            epoch_changed = self._align(session, status.epoch, status.last_station_seq)
            set_meta(session, K_SKEW, f"{skew:.3f}")
        counts = {"pushed": 0, "applied": 0, "duplicates": 0, "rejected": 0}
        self._push_all(counts)
        push_audit(self.store, self.client)
        pulled = self._pull_all(status)
        if self.lease_places:
            self._refresh_leases()
        with self.store.read() as session:
            pending = len(session.scalars(select(Outbox.mutation_id).where(Outbox.state == "pending")).all())
        return RoundReport(pulled=pulled, pending_after=pending, clock_skew_s=round(skew, 3),
                           epoch_changed=epoch_changed, **counts)

    def _align(self, session: Session, epoch: str, server_last_seq: int) -> bool:
        """A new epoch (server restored from a backup): everything is re-pushed and re-pulled. The same
        epoch but fewer of our mutations than we think: re-push what it lacks."""
        if get_meta(session, K_EPOCH) != epoch:
            log.warning("server epoch changed: re-pushing everything not confirmed under the new one")
            session.execute(update(Outbox).values(state="pending", reason=None))
            set_meta(session, K_EPOCH, epoch)
            set_meta(session, K_CURSOR, "0")
            return True
        session.execute(update(Outbox).where(Outbox.station_seq > server_last_seq, Outbox.state != "pending")
                        .values(state="pending", reason=None))
        return False

    # ---- push --------------------------------------------------------------------------

    def _push_all(self, counts: dict[str, int]) -> None:
        station_id = self.store.identity.station_id
        gaps = 0
        while True:
            with self.store.read() as session:
                rows = session.execute(
                    select(Outbox.mutation_id, Outbox.station_seq, Outbox.schema_version, Outbox.kind,
                           Outbox.payload, Outbox.hlc)
                    .where(Outbox.state == "pending").order_by(Outbox.station_seq).limit(self.batch_size)).all()
                mutations = [p.Mutation(mutation_id=r.mutation_id, station_seq=r.station_seq,
                                        schema_version=r.schema_version, kind=r.kind,
                                        payload=_enrich(session, r.payload), hlc=r.hlc) for r in rows]
            if not mutations:
                return
            try:
                answer = self.client.push(p.PushRequest(station_id=station_id, mutations=mutations))
            except ServerRefused as exc:
                expected = exc.details.get("expected_seq") if exc.code == "sequence_gap" else None
                if not isinstance(expected, int) or gaps >= 2:
                    raise
                gaps += 1  # the server lacks earlier mutations (restored without a new epoch)
                with self.store.write() as session:
                    session.execute(update(Outbox).where(Outbox.station_seq >= expected)
                                    .values(state="pending", reason=None))
                continue
            crash_point("station-after-push-response")
            with self.store.write() as session:
                if get_meta(session, K_EPOCH) != answer.epoch:
                    self._align(session, answer.epoch, 0)
                self._store_answers(session, answer.results, counts)
            counts["pushed"] += len(mutations)

    def _store_answers(self, session: Session, results: list[p.MutationResult], counts: dict[str, int]) -> None:
        """All answers of a batch in this one transaction: one lookup, one executemany UPDATE."""
        kinds: dict[str, str] = {}
        ids = [r.mutation_id for r in results]
        for i in range(0, len(ids), 500):
            kinds.update((str(mid), str(kind)) for mid, kind in session.execute(
                select(Outbox.mutation_id, Outbox.kind).where(Outbox.mutation_id.in_(ids[i:i + 500]))))
        answers: list[dict[str, Any]] = []
        unbooked: list[str] = []
        confirmed: list[str] = []
        for r in results:
            kind = kinds.get(r.mutation_id)
            if kind is None:
                continue
            if r.result == "duplicate":
                counts["duplicates"] += 1
            if r.outcome == "applied":
                counts["applied"] += r.result == "applied"
                answers.append({"mid": r.mutation_id, "state": "applied", "reason": None})
                if kind == "appointment.booked":
                    confirmed.append(r.mutation_id)
                continue
            counts["rejected"] += 1
            reason = f"{r.reason_code}: {r.reason}"[:300] if r.reason_code else (r.reason or "rejected")[:300]
            answers.append({"mid": r.mutation_id, "state": "rejected", "reason": reason})
            if kind == "appointment.booked" and r.reason_code in ("slot_full", "unknown_slot"):
                unbooked.append(r.mutation_id)
        if answers:
            session.execute(_STORE_ANSWER, answers)
        for payload in session.scalars(select(Outbox.payload).where(Outbox.mutation_id.in_(confirmed))) if confirmed else ():
            # The server took the place: a booking made offline beyond the lease is provisional no more.
            appointment = session.get(Appointment, payload.get("id"))
            if appointment is not None and appointment.booking_state == "provisional":
                appointment.booking_state = "confirmed"
        for payload in session.scalars(select(Outbox.payload).where(Outbox.mutation_id.in_(unbooked))) if unbooked else ():
            # The server had no place left: the booking is off, the person must be rebooked.
            appointment = session.get(Appointment, payload.get("id"))
            if appointment is not None:
                appointment.state = "cancelled"
                appointment.booking_state = "rejected"
                appointment.state_changed_at = datetime.now(UTC)

    # ---- pull --------------------------------------------------------------------------

    def _pull_all(self, status: p.SyncStatusResponse) -> int:
        identity = self.store.identity
        total = 0
        while True:
            with self.store.read() as session:
                cursor = int(get_meta(session, K_CURSOR) or 0)
            page = self.client.pull(after=cursor, limit=self.page_size)
            with self.store.write() as session:
                if get_meta(session, K_EPOCH) != page.epoch:
                    self._align(session, page.epoch, 0)
                    continue_from_zero = True
                else:
                    continue_from_zero = False
                    sites = site_map(session, own_site_id=identity.site_id, tenant=identity.tenant,
                                     sites=status.sites)
                    applier = ChangeApplier(session, station_id=identity.station_id, sites=sites)
                    total += applier.apply_page(page.changes, pending=pending_entity_ids(session))
                    _advance_clock(session, identity.station_id, page.changes)
                    crash_point("station-mid-pull")
                    set_meta(session, K_CURSOR, str(page.next_cursor))
            if continue_from_zero:
                continue
            if not page.has_more:
                return total

    # ---- leases ------------------------------------------------------------------------

    def _refresh_leases(self) -> None:
        now = datetime.now(UTC)
        with self.store.read() as session:
            held = set(session.scalars(select(SyncLease.slot_id).where(SyncLease.expires_at > now)))
            slots = session.scalars(select(Slot.id).where(
                Slot.site_id == self.store.identity.site_id, Slot.starts_at > now,
                Slot.starts_at < now + timedelta(days=self.lease_days))).all()
        for slot_id in slots:
            if slot_id in held:
                continue
            try:
                lease = self.client.take_lease(p.LeaseRequest(slot_id=slot_id, places=self.lease_places))
            except ServerRefused:
                continue  # full, or not on the server yet
            with self.store.write() as session:
                session.add(SyncLease(id=lease.lease_id, slot_id=lease.slot_id, places=lease.places,
                                      used=lease.used, expires_at=lease.expires_at))


_OUTBOX: Table = Outbox.__table__  # type: ignore[assignment]
_STORE_ANSWER = (update(_OUTBOX).where(_OUTBOX.c.mutation_id == bindparam("mid"))
                 .values(state=bindparam("state"), reason=bindparam("reason")))


def _enrich(session: Session, payload: dict[str, Any]) -> dict[str, Any]:
    """Attach the stock events a mutation names by id, so other stations can add them to their sums."""
    ids = list(payload.get("stock_event_ids") or [])
    if isinstance(payload.get("stock_event_id"), str):
        ids.append(payload["stock_event_id"])
    if not ids or "stock_events" in payload:
        return payload
    events = session.scalars(select(StockEvent).where(StockEvent.id.in_(ids))).all()
    return {**payload, "stock_events": [
        {"id": e.id, "lot_id": e.lot_id, "vial_id": e.vial_id, "kind": e.kind, "doses": e.doses,
         "at": e.at.isoformat(), "reason": e.reason} for e in events]}


def _advance_clock(session: Session, station_id: str, changes: list[p.Change]) -> None:
    """Move this station's hybrid logical clock past what it has seen, so its next mutations order after."""
    stamps = []
    for c in changes:
        if c.hlc:
            try:
                stamps.append(Hlc.parse(c.hlc))
            except ValueError:
                continue
    if not stamps:
        return
    station = session.get(Station, station_id)
    if station is not None:
        station.hlc = str(Hlc.parse(station.hlc).receive(max(stamps), int(time.time() * 1000)))
