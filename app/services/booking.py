"""Opening slots and booking appointments. Capacity is checked and written in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.domain.booking_code import new_booking_code
from app.domain.ids import uuid7
from app.errors import NotFound, RuleViolation, ValidationError
from app.services.rows import get_row
from app.services.unit_of_work import UnitOfWork
from app.storage.schema import Appointment, Person, Slot

# States in which an appointment holds a place in its slot.
HOLDING_STATES = ("booked", "checked_in", "with_doctor", "observation", "done")


@dataclass(frozen=True)
class SlotPlan:
    site_id: str
    opens: datetime
    closes: datetime
    slot_minutes: int
    capacity: int
    product_code: str | None = None


def open_slots(uow: UnitOfWork, plan: SlotPlan) -> list[Slot]:
    if plan.closes <= plan.opens:
        raise ValidationError(code="hours_end_before_start")
    if plan.slot_minutes <= 0 or plan.slot_minutes > 24 * 60:
        raise ValidationError(code="slot_length_day")
    if plan.capacity <= 0 or plan.capacity > 10_000:
        raise ValidationError(code="slot_capacity_invalid")
    slots = []
    start = plan.opens
    step = timedelta(minutes=plan.slot_minutes)
    while start + step <= plan.closes:
        slot = Slot(
            id=uuid7(),
            site_id=plan.site_id,
            starts_at=start,
            ends_at=start + step,
            capacity=plan.capacity,
            product_code=plan.product_code,
        )
        slots.append(slot)
        start += step
    uow.session.add_all(slots)
    uow.session.flush()
    uow.record(
        action="slots.opened",
        entity="slot",
        entity_id=None,
        payload={},
        details={"count": len(slots)},
    )
    return slots


def booked_count(uow: UnitOfWork, slot_id: str) -> int:
    return uow.session.scalar(
        select(func.count()).select_from(Appointment).where(
            Appointment.slot_id == slot_id, Appointment.state.in_(HOLDING_STATES)
        )
    ) or 0


def book_appointment(
    uow: UnitOfWork,
    *,
    person_id: str,
    slot_id: str,
    product_code: str | None = None,
    dose_number: int = 1,
    booking_state: str = "confirmed",
) -> Appointment:
    """Book inside the caller's write transaction (BEGIN IMMEDIATE): count and insert cannot interleave."""
    slot = get_row(uow.session, Slot, slot_id, code="slot_gone")
    if uow.session.get(Person, person_id) is None:
        raise NotFound(code="person_not_found")
    if booked_count(uow, slot_id) >= slot.capacity:
        raise RuleViolation(code="slot_full")
    appointment = Appointment(
        id=uuid7(),
        person_id=person_id,
        slot_id=slot_id,
        site_id=slot.site_id,
        booking_code=new_booking_code(),
        product_code=product_code or slot.product_code,
        dose_number=dose_number,
        state="booked",
        state_changed_at=uow.now,
        booking_state=booking_state,
        created_at=uow.now,
    )
    uow.insert(appointment, action="appointment.booked")
    return appointment
