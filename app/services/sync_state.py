"""What the UI shows about sync (Qt-free): the status bar figures, rejected mutations, review tasks
and bookings the server refused, read from the station database the sync engine keeps up to date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.services.permissions import use_case
from app.services.persons import merge_persons
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Appointment, Outbox, Person, ReviewTask, Slot, SyncQuarantine, Visit
from sync.mutations import main_row
from sync.station import last_round, measured_skew


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    online: bool
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    pending: int
    rejected: int
    unsynced_doses: int  # closing a shift with these asks first
    open_review_tasks: int
    clock_skew_s: float | None
    last_error: str | None

    @property
    def clock_skew_worrying(self) -> bool:
        return self.clock_skew_s is not None and abs(self.clock_skew_s) > 120


@dataclass(frozen=True)
class RejectedMutation:
    mutation_id: str
    station_seq: int
    kind: str
    entity_id: str | None
    reason: str
    created_at: datetime


@dataclass(frozen=True)
class ReviewTaskRow:
    id: str
    kind: str  # person_conflict | suspected_duplicate_dose
    entity: str
    entity_id: str
    details: dict[str, Any] | None
    created_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True)
class QuarantinedChange:
    """A change from the server this station could not apply (kept, shown; the pull went on past it)."""

    seq: int
    kind: str
    entity_id: str | None
    reason_code: str
    at: datetime


@dataclass(frozen=True)
class BookingToRebook:
    appointment_id: str
    person_id: str
    family_name: str
    given_name: str
    slot_starts_at: datetime


LEASE_MARGIN = timedelta(minutes=10)


def server_time(session: Session, now: datetime) -> datetime:
    """What the tenant API's clock says now, from the skew the last sync round measured."""
    skew = measured_skew(session)
    return now + timedelta(seconds=skew) if skew is not None else now


@use_case
def sync_status(store: Store) -> SyncStatus:
    with store.read() as session:
        last = last_round(session)

        def count(query: Any) -> int:
            return int(session.scalar(query) or 0)

        pending = count(select(func.count()).select_from(Outbox).where(Outbox.state == "pending"))
        rejected = count(select(func.count()).select_from(Outbox).where(Outbox.state == "rejected"))
        doses = count(select(func.count()).select_from(Outbox).where(
            Outbox.state == "pending", Outbox.kind.like("vaccination.%")))
        tasks = count(select(func.count()).select_from(ReviewTask).where(ReviewTask.resolved_at.is_(None)))
    return SyncStatus(
        enrolled=last.enrolled, online=last.online, last_success_at=last.last_success_at,
        last_attempt_at=last.last_attempt_at, pending=pending, rejected=rejected, unsynced_doses=doses,
        open_review_tasks=tasks, clock_skew_s=last.clock_skew_s, last_error=last.last_error)


@use_case
def rejected_mutations(store: Store, actor: Actor) -> list[RejectedMutation]:
    with store.read() as session:
        rows = session.scalars(select(Outbox).where(Outbox.state == "rejected").order_by(Outbox.station_seq)).all()
        return [RejectedMutation(mutation_id=r.mutation_id, station_seq=r.station_seq, kind=r.kind,
                                 entity_id=(main_row(r.payload) or (None, None))[1],
                                 reason=r.reason or "", created_at=r.created_at) for r in rows]


@use_case
def review_tasks(store: Store, actor: Actor, *, include_resolved: bool = False) -> list[ReviewTaskRow]:
    with store.read() as session:
        query = select(ReviewTask).order_by(ReviewTask.created_at)
        if not include_resolved:
            query = query.where(ReviewTask.resolved_at.is_(None))
        return [ReviewTaskRow(id=t.id, kind=t.kind, entity=t.entity, entity_id=t.entity_id, details=t.details,
                              created_at=t.created_at, resolved_at=t.resolved_at) for t in session.scalars(query)]


def resolve_review_task(uow: UnitOfWork, task_id: str, *, note: str) -> None:
    """Mark a review task done on this station (audited; the note stays in the encrypted store)."""
    task = uow.session.get(ReviewTask, task_id)
    if task is None or task.resolved_at is not None:
        return
    task.resolved_at = uow.now
    # Synced (other desks see it resolved); the note stays in this station's audit.
    uow.record(action="review_task.resolved", entity="review_task", entity_id=task_id, details={"note": note[:300]},
               payload={})


@use_case
def quarantined_changes(store: Store) -> list[QuarantinedChange]:
    with store.read() as session:
        return [QuarantinedChange(seq=q.seq, kind=q.kind, entity_id=q.entity_id, reason_code=q.reason_code, at=q.at)
                for q in session.scalars(select(SyncQuarantine).order_by(SyncQuarantine.seq))]


def merge_duplicate_person(uow: UnitOfWork, task_id: str) -> str:
    """Resolve a "possible duplicate person" task by merging: the person registered first stays, the
    second registration's bookings, visits and doses move to them. Returns the person who stays."""
    task = uow.session.get(ReviewTask, task_id)
    if task is None or task.kind != "possible_duplicate_person" or task.resolved_at is not None:
        raise NotFound(code="review_task_not_open")
    other = (task.details or {}).get("other_person_id")
    if not isinstance(other, str):
        raise NotFound(code="review_task_not_open")
    merge_persons(uow, keep_id=other, drop_id=task.entity_id)
    return other


@use_case
def bookings_to_rebook(store: Store, actor: Actor) -> list[BookingToRebook]:
    """Bookings made offline that the server refused (slot full): call these people for a new time. Not
    a person who came anyway and was checked in since it was booked (while the desk was offline)."""
    with store.read() as session:
        came = select(Visit.id).where(Visit.person_id == Appointment.person_id,
                                      Visit.checked_in_at >= Appointment.created_at).exists()
        rows = session.execute(
            select(Appointment.id, Person.id, Person.family_name, Person.given_name, Slot.starts_at)
            .join(Person, Person.id == Appointment.person_id).join(Slot, Slot.id == Appointment.slot_id)
            .where(Appointment.booking_state == "rejected", ~came).order_by(Slot.starts_at)).all()
    return [BookingToRebook(appointment_id=a, person_id=p, family_name=f, given_name=g, slot_starts_at=s)
            for a, p, f, g, s in rows]
