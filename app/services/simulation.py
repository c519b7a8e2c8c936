"""`vaxdesk simulate-day`: drives the services (not the UI) through a day at the center.

The day runs on a simulated clock from opening to closing. Each step of the day adds its own
figures to the report: seeding, check-in (with walk-ins, a duplicate and no-shows); later work adds
the doctor's part, follow-ups, certificates and sync.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.domain.questionnaire import Answer
from app.services.checkin import CheckInDesk, DuplicateSuspected
from app.services.demo import DEMO_STAFF, random_person, seed_center
from app.services.persons import PersonInput
from app.services.staff import authenticate
from app.services.stats import station_stats
from app.services.unit_of_work import Actor
from app.storage.engine import Store, create_store
from app.storage.schema import Appointment, Person, Slot

TZ = ZoneInfo("Europe/Berlin")


@dataclass
class SimClock:
    """The simulated time of day; services read it through `clock()`."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance_to(self, moment: datetime) -> None:
        self.now = max(self.now, moment)  # time never runs backwards


@dataclass
class Day:
    store: Store
    clock: SimClock
    rng: random.Random
    day: date
    persons: int
    offline: bool
    staff: dict[str, Actor] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)
    visits: list[str] = field(default_factory=list)  # checked-in visits, in arrival order


def _answers(rng: random.Random) -> dict[str, Answer]:
    def yes(p: float) -> Answer:
        return Answer(yes=rng.random() < p)

    return {
        "consent": Answer(yes=True),
        "acute_illness": yes(0.01),
        "allergies": yes(0.08),
        "earlier_reaction": yes(0.03),
        "anticoagulation": yes(0.05),
        "pregnancy": Answer(yes=False),
        "immunosuppression": yes(0.03),
        "earlier_vaccinations": Answer(yes=False),
        "earlier_infection": Answer(yes=False),
    }


def check_in_step(d: Day) -> None:
    """The desk: most booked persons arrive around their slot, some walk in, some never come."""
    desk = CheckInDesk(d.store, clock=d.clock)
    nurse = d.staff["nurse"]
    with d.store.read() as session:
        bookings = session.execute(
            select(Appointment.id, Appointment.booking_code, Slot.starts_at)
            .join(Slot, Slot.id == Appointment.slot_id)
            .order_by(Slot.starts_at, Appointment.id)
        ).all()
        known = session.execute(select(Person.family_name, Person.given_name, Person.dob).limit(1)).first()
    walk_in_count = max(1, d.persons // 10)
    walk_in_at = {d.rng.randrange(len(bookings) or 1) for _ in range(walk_in_count)}
    checked_in = no_shows = walk_ins = duplicates_prevented = 0
    no_show_ids = []
    for i, (appointment_id, code, starts_at) in enumerate(bookings):
        d.clock.advance_to(starts_at + timedelta(minutes=d.rng.randint(-10, 15)))
        if d.rng.random() < 0.08:
            no_show_ids.append(appointment_id)
        else:
            result = desk.find(code)  # the scanner reads the QR on the confirmation
            booking = result.matches[0].booking if result.matches else None
            if booking is not None:
                visit = desk.check_in(nurse, booking.appointment_id, confirmed=booking.arrival.needs_confirmation)
                _desk_formalities(desk, nurse, visit, d.rng)
                d.visits.append(visit)
                checked_in += 1
        if i in walk_in_at:
            person = random_person(d.rng, d.day)
            try:
                _, visit = desk.register_walk_in(nurse, person)
            except DuplicateSuspected:
                duplicates_prevented += 1  # a random walk-in happened to match someone: also caught
                continue
            _desk_formalities(desk, nurse, visit, d.rng)
            d.visits.append(visit)
            walk_ins += 1
    if known is not None:
        # Someone already registered comes again as a "walk-in", spelled differently: it must be caught.
        family, given, dob = known
        try:
            desk.register_walk_in(nurse, PersonInput(family_name=family.upper(), given_name=given, dob=dob))
        except DuplicateSuspected:
            duplicates_prevented += 1
    d.clock.advance_to(datetime.combine(d.day, time(18, 30), TZ))
    for appointment_id in no_show_ids:
        desk.mark_no_show(nurse, appointment_id)
        no_shows += 1
    d.report.update(checked_in=checked_in, walk_ins=walk_ins, duplicates_prevented=duplicates_prevented,
                    no_shows=no_shows)


def _desk_formalities(desk: CheckInDesk, nurse: Actor, visit_id: str, rng: random.Random) -> None:
    desk.record_identity(nurse, visit_id, rng.choice(("id_card", "id_card", "passport", "residence_permit")))
    desk.record_questionnaire(nurse, visit_id, _answers(rng))


def simulate_day(db: Path, passphrase: str, *, persons: int, offline: bool, seed: int | None,
                 day: date | None = None) -> dict[str, Any]:
    rng = random.Random(seed)
    the_day = day or datetime.now(TZ).date()
    clock = SimClock(datetime.combine(the_day, time(7, 0), TZ))
    with create_store(db, passphrase, tenant="simulation", site_code="sim-center", site_name="Simulated center") as store:
        seeded = seed_center(store, persons=persons, day=the_day, seed=rng.randrange(2**31), clock=clock)
        d = Day(store=store, clock=clock, rng=rng, day=the_day, persons=persons, offline=offline)
        for s in DEMO_STAFF:
            d.staff.setdefault(s.role, authenticate(store, login=s.login, pin=s.pin, clock=clock))
        d.report["persons"] = seeded["persons"]
        check_in_step(d)
        figures = station_stats(store)
    d.report.update(
        appointments=figures["appointments"],
        overbooked_slots=figures["overbooked_slots"],
        pending_mutations=figures["pending_mutations"],
        offline=offline,
    )
    return d.report
