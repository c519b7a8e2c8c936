"""The station's sync engine (Qt-free): enroll once, then rounds of push-before-pull.

A round: ask the server where it stands (epoch, last seq it has from us, its clock), push the outbox
in `station_seq` order in batches and store each answer, then pull changes after the saved cursor,
each page applied and its cursor saved in ONE transaction. Any crash between those steps is repaired
by the next round: the server answers repeats as duplicates and the cursor never runs ahead of the data.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypedDict

import httpx
from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from app.domain.ids import Hlc
from app.storage.engine import Store
from app.storage.schema import (
    Appointment,
    Outbox,
    Person,
    ReviewTask,
    Site,
    Slot,
    Station,
    SyncLease,
    SyncLeaseRequest,
    SyncServerRow,
)
from sync import protocol as p
from sync.errors import NotEnrolled, ProtocolError, ServerRefused, SyncError
from sync.faults import crash_point
from sync.records import ENTITIES, to_wire
from sync.station.apply import ChangeApplier, PulledRow, Unconfirmed, site_map
from sync.station.audit_push import push_audit
from sync.station.client import ClosedOnExit, SyncClient
from sync.station.meta import (
    K_ATTEMPT,
    K_CA,
    K_CURSOR,
    K_DEVICE,
    K_EPOCH,
    K_ERROR,
    K_LEASE_DAYS,
    K_LEASE_PLACES,
    K_ONLINE,
    K_REOFFER_AFTER,
    K_SKEW,
    K_SUCCESS,
    K_TOKEN,
    K_URL,
    get_meta,
    set_meta,
)

# The meta keys and helpers are sync.station.meta's; named here too for the callers that import them from the engine.
__all__ = ["K_CA", "K_CURSOR", "K_TOKEN", "K_URL", "LeasePolicy", "RoundReport", "SyncEngine", "enroll", "get_meta",
           "lease_policy", "set_meta"]

log = logging.getLogger(__name__)

DEFAULT_LEASE_PLACES, DEFAULT_LEASE_DAYS = 2, 2


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


class LeasePolicy(TypedDict):
    lease_places: int
    lease_days: int


def lease_policy(store: Store) -> LeasePolicy:
    """How many places this station asks to hold per slot, for how many days ahead (meta keys
    `sync.lease_places` / `sync.lease_days`; 2 places for the next 2 days unless the site lead set it)."""
    with store.read() as session:
        places, days = get_meta(session, K_LEASE_PLACES), get_meta(session, K_LEASE_DAYS)
    return LeasePolicy(lease_places=int(places) if places and places.isdigit() else DEFAULT_LEASE_PLACES,
                       lease_days=int(days) if days and days.isdigit() else DEFAULT_LEASE_DAYS)


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
    parked: int = 0
    quarantined: int = 0
    # The rows the pull wrote, for the pages showing them (an entity's rows unnamed once too many).
    written: tuple[PulledRow, ...] = ()

    @property
    def complete(self) -> bool:
        return self.pending_after == 0


# A first pull can bring a whole center: past this many rows the pages hear which entities changed, not which rows.
MAX_NAMED_ROWS = 5000


def named_rows(rows: Iterable[PulledRow], *, limit: int = MAX_NAMED_ROWS) -> tuple[PulledRow, ...]:
    """`rows` as the pages hear of them: each by id, or, when there are more than `limit`, each entity once
    without ids (a page showing any row of it refreshes)."""
    found = tuple(rows)
    if len(found) <= limit:
        return found
    return tuple(PulledRow(entity, None) for entity in dict.fromkeys(r.entity for r in found))


class EpochChanged(Exception):
    """The server's epoch changed in the middle of a round: the round starts over cleanly."""


class SyncEngine(ClosedOnExit):
    def __init__(self, store: Store, *, transport: httpx.BaseTransport | None = None, batch_size: int = p.MAX_PUSH_BATCH,
                 page_size: int = p.DEFAULT_PULL_PAGE, lease_places: int | None = None, lease_days: int | None = None,
                 client_options: dict[str, Any] | None = None) -> None:
        self.store = store
        self.batch_size = batch_size
        self.page_size = page_size
        with store.read() as session:
            url, token, ca = get_meta(session, K_URL), get_meta(session, K_TOKEN), get_meta(session, K_CA)
        # The library asks for no leases unless told; the station's own rounds (`vaxdesk sync`, the UI's
        # runner, the simulated day) pass `lease_policy(store)`.
        self.lease_places = lease_places or 0
        self.lease_days = lease_days or DEFAULT_LEASE_DAYS
        if not url or not token:
            raise NotEnrolled(code="sync_not_enrolled")
        self.client = SyncClient(url, token=token, transport=transport, ca_bundle=ca, **(client_options or {}))

    def close(self) -> None:
        self.client.close()

    # ---- one round ---------------------------------------------------------------------

    def run_round(self) -> RoundReport:
        started = datetime.now(UTC)
        try:
            for attempt in range(3):
                try:
                    report = self._round()
                    break
                except EpochChanged:
                    log.warning("server epoch changed during the round: starting it over", extra={"attempt": attempt})
            else:
                raise ProtocolError(code="sync_epoch_unsettled")
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
            epoch_changed = self._align(session, status)
            set_meta(session, K_SKEW, f"{skew:.3f}")
        if epoch_changed:
            self._revalidate_leases()
        counts = {"pushed": 0, "applied": 0, "duplicates": 0, "rejected": 0, "parked": 0}
        self._push_all(counts, server_last=status.last_station_seq)
        self._reoffer()
        push_audit(self.store, self.client)
        pulled, quarantined, written = self._pull_all(status)
        if self.lease_places:
            self._refresh_leases(skew)
        with self.store.read() as session:
            pending = len(session.scalars(select(Outbox.mutation_id).where(Outbox.state == "pending")).all())
        return RoundReport(pulled=pulled, pending_after=pending, clock_skew_s=round(skew, 3),
                           epoch_changed=epoch_changed, quarantined=quarantined, written=written, **counts)

    def _align(self, session: Session, status: p.SyncStatusResponse) -> bool:
        """A new epoch — or a cursor ahead of everything the server has, which only a restore without a new
        epoch can cause — means the server lost what came after its backup: everything it lacks is pushed
        again (with the answer it had, so nothing is judged twice), the server's own rows are offered back
        and the changes are pulled again from the start. The same epoch with fewer of our mutations than
        we think: push again what it lacks."""
        cursor = int(get_meta(session, K_CURSOR) or 0)
        if get_meta(session, K_EPOCH) != status.epoch or cursor > status.latest_change:
            log.warning("server restored (new epoch or cursor ahead): pushing again what it lacks")
            session.execute(update(Outbox).where(Outbox.station_seq > status.last_station_seq,
                                                 Outbox.state.in_(("applied", "rejected")))
                            .values(prior_outcome=Outbox.state))
            session.execute(update(Outbox).where(Outbox.station_seq > status.last_station_seq)
                            .values(state="pending", reason=None, reason_code=None, change_seq=None))
            # Whatever the server confirmed before may be gone: nothing counts as confirmed until pulled again.
            session.execute(update(Outbox).where(Outbox.station_seq <= status.last_station_seq,
                                                 Outbox.state == "applied").values(change_seq=None))
            set_meta(session, K_EPOCH, status.epoch)
            set_meta(session, K_CURSOR, "0")
            set_meta(session, K_REOFFER_AFTER, str(status.latest_change))
            # Review tasks are the server's alone: the pull from the start brings back those it still raises.
            session.execute(delete(ReviewTask))
            return True
        session.execute(update(Outbox).where(Outbox.station_seq > status.last_station_seq, Outbox.state != "pending")
                        .values(state="pending", reason=None))
        return False

    # ---- push --------------------------------------------------------------------------

    def _push_all(self, counts: dict[str, int], *, server_last: int) -> None:
        station_id = self.store.identity.station_id
        gaps = 0
        # Refused as reused numbers by a station from before renumbering existed: they go out again. Looked
        # for first, so a round without any takes no write lock from the desk.
        stuck = (Outbox.state == "rejected", Outbox.reason_code == REUSED)
        with self.store.read() as session:
            any_stuck = session.scalar(select(Outbox.mutation_id).where(*stuck).limit(1)) is not None
        if any_stuck:
            with self.store.write() as session:
                session.execute(update(Outbox).where(*stuck).values(state="pending", reason=None, reason_code=None))
        while True:
            with self.store.read() as session:
                query = (select(Outbox.mutation_id, Outbox.station_seq, Outbox.schema_version, Outbox.kind,
                                Outbox.payload, Outbox.hlc, Outbox.prior_outcome)
                         .where(Outbox.state == "pending").order_by(Outbox.station_seq).limit(self.batch_size))
                first = session.scalar(select(func.min(Outbox.station_seq)).where(Outbox.state == "pending"))
                if first is not None and first <= server_last:
                    # Numbers the server has already: the same mutations (an answer lost), or others under the
                    # same numbers (this station restored from an older backup). Sent alone, so nothing
                    # numbered after them is applied before they are sorted out.
                    query = query.where(Outbox.station_seq <= server_last)
                rows = session.execute(query).all()
                mutations = _fitting([p.Mutation(mutation_id=r.mutation_id, station_seq=r.station_seq,
                                                 schema_version=r.schema_version, kind=r.kind, payload=r.payload,
                                                 hlc=r.hlc, prior_outcome=r.prior_outcome) for r in rows])
                epoch = get_meta(session, K_EPOCH)
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
                server_last = expected - 1
                continue
            if answer.epoch != epoch:
                raise EpochChanged()
            crash_point("station-after-push-response")
            with self.store.write() as session:
                reused = self._store_answers(session, answer.results, counts)
                if reused:
                    self._renumber(session, first=min(reused), after=answer.last_station_seq)
            counts["pushed"] += len(mutations) - len(reused)
            server_last = answer.last_station_seq

    def _renumber(self, session: Session, *, first: int, after: int) -> None:
        """The server holds other mutations under this station's numbers from `first` on (the station was
        restored from a backup older than what it had pushed): the unanswered mutations from there move, in
        their order, behind the server's last number, and the station numbers its next ones after them."""
        moving = list(session.scalars(select(Outbox.mutation_id).where(
            Outbox.state == "pending", Outbox.station_seq >= first).order_by(Outbox.station_seq)))
        staying = session.scalar(select(func.max(Outbox.station_seq)).where(Outbox.station_seq >= first,
                                                                           Outbox.state != "pending")) or 0
        start = max(after, staying) + 1
        log.warning("outbox numbers already used on the server (station restored from an older backup): "
                    "renumbered", extra={"mutations": len(moving), "from_seq": start})
        # Two steps: a new number may still be held by another of the moving rows.
        session.execute(_SET_SEQ, [{"mid": mid, "seq": -1 - i} for i, mid in enumerate(moving)])
        session.execute(_SET_SEQ, [{"mid": mid, "seq": start + i} for i, mid in enumerate(moving)])
        station = session.get(Station, self.store.identity.station_id)
        assert station is not None
        station.next_seq = max(station.next_seq, start + len(moving))

    def _store_answers(self, session: Session, results: list[p.MutationResult], counts: dict[str, int]) -> list[int]:
        """All answers of a batch in this one transaction: one lookup, one executemany UPDATE. Returns the
        numbers the server refused as used by other mutations (they stay pending, to be renumbered)."""
        kinds: dict[str, str] = {}
        ids = [r.mutation_id for r in results]
        for i in range(0, len(ids), 500):
            kinds.update((str(mid), str(kind)) for mid, kind in session.execute(
                select(Outbox.mutation_id, Outbox.kind).where(Outbox.mutation_id.in_(ids[i:i + 500]))))
        answers: list[dict[str, Any]] = []
        unbooked: list[str] = []
        reused: list[int] = []
        for r in results:
            kind = kinds.get(r.mutation_id)
            if kind is None:
                continue
            if r.result == "rejected" and r.reason_code == REUSED:
                reused.append(r.station_seq)
                continue
            if r.result == "duplicate":
                counts["duplicates"] += 1
            if r.outcome in ("applied", "parked"):
                counts["applied"] += r.result == "applied"
                counts["parked"] += r.outcome == "parked"
                answers.append({"mid": r.mutation_id, "state": r.outcome, "reason": None,
                                "code": r.reason_code, "cs": r.change_seq})
                continue
            counts["rejected"] += 1
            reason = f"{r.reason_code}: {r.reason}"[:300] if r.reason_code else (r.reason or "rejected")[:300]
            answers.append({"mid": r.mutation_id, "state": "rejected", "reason": reason,
                            "code": (r.reason_code or "rejected")[:64], "cs": None})
            if kind == "appointment.booked" and r.reason_code in ("slot_full", "unknown_slot", "refused_before"):
                unbooked.append(r.mutation_id)
        if answers:
            session.execute(_STORE_ANSWER, answers)
        for payload in session.scalars(select(Outbox.payload).where(Outbox.mutation_id.in_(unbooked))) if unbooked else ():
            # The server had no place left: the booking is off, the person must be rebooked.
            for row in payload.get("rows", ()):
                appointment = session.get(Appointment, row.get("id")) if row.get("entity") == "appointment" else None
                if appointment is not None:
                    appointment.state = "cancelled"
                    appointment.booking_state = "rejected"
                    appointment.state_changed_at = datetime.now(UTC)
        return reused

    # ---- after a restore: the server's own rows back ------------------------------------

    def _reoffer(self) -> None:
        with self.store.read() as session:
            after = get_meta(session, K_REOFFER_AFTER)
        if after is None or after == "":
            return
        with self.store.read() as session:
            keys = session.execute(select(SyncServerRow.entity, SyncServerRow.id)
                                   .where(SyncServerRow.seq > int(after)).order_by(SyncServerRow.seq)).all()
            offered = [row for row in (_offered(session, e, i) for e, i in keys) if row is not None]
        for i in range(0, len(offered), p.MAX_PUSH_BATCH):
            self.client.reoffer(p.ReofferRequest(rows=offered[i:i + p.MAX_PUSH_BATCH]))
        with self.store.write() as session:
            set_meta(session, K_REOFFER_AFTER, "")

    # ---- pull --------------------------------------------------------------------------

    def _pull_all(self, status: p.SyncStatusResponse) -> tuple[int, int, tuple[PulledRow, ...]]:
        identity = self.store.identity
        total = quarantined = 0
        written: dict[PulledRow, None] = {}  # in order, once each
        with self.store.read() as session:
            unconfirmed = Unconfirmed.load(session, cursor=int(get_meta(session, K_CURSOR) or 0))
        while True:
            with self.store.read() as session:
                cursor = int(get_meta(session, K_CURSOR) or 0)
                epoch = get_meta(session, K_EPOCH)
            page = self.client.pull(after=cursor, limit=self.page_size)
            if page.epoch != epoch:
                raise EpochChanged()
            with self.store.write() as session:
                sites = site_map(session, own_site_id=identity.site_id, tenant=identity.tenant, sites=status.sites)
                applier = ChangeApplier(session, station_id=identity.station_id, sites=sites,
                                        unconfirmed=unconfirmed)
                result = applier.apply_page(page.changes, cursor=page.next_cursor)
                total += result.applied
                quarantined += result.quarantined
                written.update(dict.fromkeys(result.written))
                if len(written) > MAX_NAMED_ROWS:  # bounded however much a first pull brings
                    written = dict.fromkeys(named_rows(written))
                _advance_clock(session, identity.station_id, page.changes)
                crash_point("station-mid-pull")
                set_meta(session, K_CURSOR, str(page.next_cursor))
            if not page.has_more:
                return total, quarantined, named_rows(written)

    # ---- leases ------------------------------------------------------------------------

    def _refresh_leases(self, skew: float) -> None:
        """Ask for places in the coming days' slots this station holds no lease for. A request keeps its
        id until answered, so a cut answer never makes the server set places aside twice."""
        server_now = datetime.now(UTC) + timedelta(seconds=skew)
        with self.store.read() as session:
            held = set(session.scalars(select(SyncLease.slot_id).where(SyncLease.expires_at > server_now)))
            open_requests = {r.slot_id: r for r in session.scalars(select(SyncLeaseRequest))}
            slots = session.scalars(select(Slot.id).where(
                Slot.site_id == self.store.identity.site_id, Slot.starts_at > datetime.now(UTC),
                Slot.starts_at < datetime.now(UTC) + timedelta(days=self.lease_days))).all()
        for slot_id in slots:
            if slot_id in held:
                continue
            request = open_requests.get(slot_id)
            if request is None:
                request = SyncLeaseRequest(request_id=str(uuid.uuid4()), slot_id=slot_id, places=self.lease_places,
                                           asked_at=datetime.now(UTC))
                with self.store.write() as session:
                    session.add(request)
                    session.flush()
                    session.expunge(request)
            try:
                lease = self.client.take_lease(p.LeaseRequest(slot_id=slot_id, places=request.places,
                                                              request_id=request.request_id))
            except ServerRefused:
                with self.store.write() as session:  # full, or not on the server yet: ask again next time
                    session.execute(delete(SyncLeaseRequest).where(SyncLeaseRequest.request_id == request.request_id))
                continue
            with self.store.write() as session:
                session.merge(SyncLease(id=lease.lease_id, slot_id=lease.slot_id, places=lease.places,
                                        used=lease.used, expires_at=lease.expires_at))
                session.execute(delete(SyncLeaseRequest).where(SyncLeaseRequest.request_id == request.request_id))

    def _revalidate_leases(self) -> None:
        """After a restore the server may no longer hold a lease this station has: keep only the server's."""
        answer = self.client.leases()
        with self.store.write() as session:
            session.execute(delete(SyncLease))
            for lease in answer.leases:
                session.add(SyncLease(id=lease.lease_id, slot_id=lease.slot_id, places=lease.places, used=lease.used,
                                      expires_at=lease.expires_at))


_OUTBOX: Table = Outbox.__table__  # type: ignore[assignment]
_SET_SEQ = update(_OUTBOX).where(_OUTBOX.c.mutation_id == bindparam("mid")).values(station_seq=bindparam("seq"))
REUSED = "sequence_reused"  # the server's answer to a number it holds another mutation under
_STORE_ANSWER = (update(_OUTBOX).where(_OUTBOX.c.mutation_id == bindparam("mid"))
                 .values(state=bindparam("state"), reason=bindparam("reason"), reason_code=bindparam("code"),
                         change_seq=bindparam("cs")))


def _fitting(mutations: list[p.Mutation], *, limit: int = p.MAX_PUSH_BYTES) -> list[p.Mutation]:
    """The first mutations, in order, that fit one push request (at least one: a mutation is at most
    MAX_PAYLOAD_BYTES). A long offline outbox of big mutations — months of slots — made a request the server
    refused as too large, the same one every round, and nothing after it was ever pushed."""
    out: list[p.Mutation] = []
    size = 0
    for m in mutations:
        size += len(m.model_dump_json()) + 1
        if out and size > limit:
            break
        out.append(m)
    return out


def _offered(session: Session, entity: str, row_id: str) -> p.OfferedRow | None:
    """A server-made row as this station holds it, in the shared typed form."""
    model = Person if entity == "person" else Appointment
    row = session.get(model, row_id)
    if row is None:
        return None
    columns = ENTITIES[entity].columns
    values = to_wire({c: getattr(row, c) for c in columns if c != "id" and hasattr(row, c)})
    return p.OfferedRow(entity=entity, id=row_id, values=values)  # type: ignore[arg-type]


def _advance_clock(session: Session, station_id: str, changes: list[p.Change]) -> None:
    """Move this station's hybrid logical clock past what it has seen, so its next mutations order after."""
    # HLC text is fixed-width (zero-padded wall clock and counter), so the latest sorts last.
    latest = max((c.hlc for c in changes if c.hlc), default=None)
    if latest is None:
        return
    try:
        stamps = [Hlc.parse(latest)]
    except ValueError:
        return
    station = session.get(Station, station_id)
    if station is not None:
        station.hlc = str(Hlc.parse(station.hlc).receive(max(stamps), int(time.time() * 1000)))
