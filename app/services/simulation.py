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

from app.domain.gs1 import Gs1Data, format_element_string
from app.domain.questionnaire import Answer
from app.errors import RuleViolation
from app.services.certificates import CertificateDesk
from app.services.checkin import CheckInDesk, DuplicateSuspected
from app.services.demo import DEMO_STAFF, random_person, seed_center
from app.services.lots import Lots
from app.services.persons import PersonInput
from app.services.scheduling import OpeningPlanInput, Scheduler
from app.services.staff import authenticate
from app.services.stats import station_stats
from app.services.unit_of_work import Actor
from app.services.vaccinations import DoctorStation
from app.services.vials import Vials
from app.storage.engine import Store, create_store
from app.storage.schema import Appointment, Person, Slot, Vaccination, VaccinationVoid, Visit

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


def check_in_step(d: Day, booth: Booth | None = None) -> None:
    """The desk: most booked persons arrive around their slot, some walk in, some never come.

    With a booth, the doctors work through the queue between arrivals, so waiting times are those
    of a real day: the desk and the booth share the one clock, which never runs backwards.
    """
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
    arrivals = sorted(
        (starts_at + timedelta(minutes=d.rng.randint(-10, 15)), i, appointment_id, code)
        for i, (appointment_id, code, starts_at) in enumerate(bookings)
    )
    checked_in = no_shows = walk_ins = duplicates_prevented = 0
    no_show_ids = []

    def admitted(visit: str) -> None:
        _desk_formalities(desk, nurse, visit, d.rng)
        d.clock.advance_to(d.clock() + timedelta(minutes=d.rng.randint(1, 3)))  # identity, questions
        d.visits.append(visit)
        if booth is not None:
            booth.admit(visit, ready_at=d.clock())

    for arrives_at, i, appointment_id, code in arrivals:
        if booth is not None:
            booth.work_until(arrives_at)
        d.clock.advance_to(arrives_at)
        if d.rng.random() < 0.08:
            no_show_ids.append(appointment_id)
        else:
            result = desk.find(code)  # the scanner reads the QR on the confirmation
            booking = result.matches[0].booking if result.matches else None
            if booking is not None:
                admitted(desk.check_in(nurse, booking.appointment_id, confirmed=booking.arrival.needs_confirmation))
                checked_in += 1
        if i in walk_in_at:
            person = random_person(d.rng, d.day)
            try:
                _, visit = desk.register_walk_in(nurse, person)
            except DuplicateSuspected:
                duplicates_prevented += 1  # a random walk-in happened to match someone: also caught
                continue
            admitted(visit)
            walk_ins += 1
    if known is not None:
        # Someone already registered comes again as a "walk-in", spelled differently: it must be caught.
        family, given, dob = known
        try:
            desk.register_walk_in(nurse, PersonInput(family_name=family.upper(), given_name=given, dob=dob))
        except DuplicateSuspected:
            duplicates_prevented += 1
    if booth is not None:
        booth.close()
    d.clock.advance_to(datetime.combine(d.day, time(18, 30), TZ))
    for appointment_id in no_show_ids:
        desk.mark_no_show(nurse, appointment_id)
        no_shows += 1
    d.report.update(checked_in=checked_in, walk_ins=walk_ins, duplicates_prevented=duplicates_prevented,
                    no_shows=no_shows)


def _desk_formalities(desk: CheckInDesk, nurse: Actor, visit_id: str, rng: random.Random) -> None:
    desk.record_identity(nurse, visit_id, rng.choice(("id_card", "id_card", "passport", "residence_permit")))
    desk.record_questionnaire(nurse, visit_id, _answers(rng))


class Booth:
    """Two doctors work through the queue in arrival order: vials opened per product as needed and
    found by scanning, each dose recorded and observed, one reaction, leftovers discarded at closing.
    Twice a mistake is tried on purpose (a discarded vial, a dose too early) and must be refused."""

    def __init__(self, d: Day) -> None:
        self.d = d
        self.doctors = [authenticate(d.store, login=s.login, pin=s.pin, clock=d.clock) for s in DEMO_STAFF
                        if s.role == "doctor"]
        self.nurse, self.admin = d.staff["nurse"], d.staff["admin"]
        self.desk = CheckInDesk(d.store, clock=d.clock)
        self.vials = Vials(d.store, clock=d.clock)
        self.station = DoctorStation(d.store, clock=d.clock, catalogue=self.vials.catalogue)
        self.lots = {row.product_code: row for row in
                     Lots(d.store, clock=d.clock, catalogue=self.vials.catalogue).list_lots() if not row.blocked}
        self.figures = {"vaccinated": 0, "vials_opened": 0, "refused_unusable_vial": 0, "ineligible_refused": 0}
        self.scans: dict[str, str] = {}  # product → the code printed on the vial in use
        self.serial = 0
        self.waiting: list[tuple[datetime, str]] = []  # (ready at, visit)
        self.free_at = [d.clock()] * len(self.doctors)
        self.observing: list[tuple[datetime, str]] = []
        self.reaction_given = False
        self.too_early: str | None = None
        # A vial slips from the tray while the first one is prepared: discarded as broken at once.
        self.broken_scan = self._open_vial("comirnaty")
        self.vials.discard(self.admin, self.vials.find_by_scan(self.broken_scan).vial_id, reason="broken")

    def _open_vial(self, product: str) -> str:
        self.serial += 1
        lot = self.lots[product]
        thawed = self.d.clock() - timedelta(days=1) if self.vials.catalogue.product(product).needs_thawing else None
        self.vials.open_vial(self.admin, lot.lot_id, serial=f"V{self.serial:05d}", thawed_at=thawed)
        self.figures["vials_opened"] += 1
        assert lot.gtin is not None
        return format_element_string(Gs1Data(gtin=lot.gtin, expiry=lot.expiry, lot=lot.lot_number,
                                             serial=f"V{self.serial:05d}"))

    def _vial_for(self, product: str) -> str:
        """The vial in use for `product`, found by its scanned code; a new one when it is used up."""
        if product in self.scans:
            row = self.vials.find_by_scan(self.scans[product])
            if row.usable:
                return row.vial_id
            if row.discarded_at is None and row.doses_left > 0:
                self.vials.discard(self.admin, row.vial_id, reason="expired_after_opening")
        self.scans[product] = self._open_vial(product)
        return self.vials.find_by_scan(self.scans[product]).vial_id

    def admit(self, visit_id: str, *, ready_at: datetime) -> None:
        if self.too_early is None:
            # The first person brings a vaccination card with a Comirnaty dose ten days ago: too early.
            self.too_early = visit_id
            person = self._person(visit_id)
            self.station.add_external_dose(self.doctors[0], person, product_code="comirnaty",
                                           given_on=self.d.clock().astimezone(TZ).date() - timedelta(days=10),
                                           country="AT")
        self.waiting.append((ready_at, visit_id))

    def _person(self, visit_id: str) -> str:
        with self.d.store.read() as session:
            return session.scalars(select(Visit.person_id).where(Visit.id == visit_id)).one()

    def _product(self, visit_id: str) -> str:
        with self.d.store.read() as session:
            booked = session.scalars(
                select(Appointment.product_code).join(Visit, Visit.appointment_id == Appointment.id)
                .where(Visit.id == visit_id)).first()
        return booked or "comirnaty"

    def _end_observations(self, until: datetime) -> None:
        for ends, visit_id in sorted(o for o in self.observing if o[0] <= until):
            self.d.clock.advance_to(ends)
            if not self.reaction_given and self.figures["vaccinated"] >= 6:
                # The sixth person feels faint after ten minutes; lying down helps.
                doses = self.station.history(self._person(visit_id)).doses
                if doses:
                    self.station.record_adverse_event(
                        self.nurse, self._person(visit_id), vaccination_id=doses[-1].vaccination_id,
                        kind="syncope", severity="mild", onset=doses[-1].given_at + timedelta(minutes=10),
                        action_taken="Lying down, legs raised; recovered within 5 minutes")
                    self.reaction_given = True
            self.desk.end_observation(self.nurse, visit_id)
            self.observing.remove((ends, visit_id))

    def work_until(self, moment: datetime) -> None:
        """Doctors call the waiting, in order, as long as one is free before `moment`."""
        while self.waiting:
            which = min(range(len(self.doctors)), key=lambda i: self.free_at[i])
            ready_at, visit_id = self.waiting[0]
            # The desk's own work moves the shared clock; a doctor free earlier still starts then
            # (the clock cannot go back, so the record carries the desk's later time at worst).
            start = max(self.free_at[which], ready_at)
            if start > moment:
                break
            self.waiting.pop(0)
            self._end_observations(start)
            self.d.clock.advance_to(start)
            done = self._treat(self.doctors[which], visit_id, start)
            # Each doctor keeps their own time line: the shared clock only orders the records.
            self.free_at[which] = done + timedelta(minutes=self.d.rng.randint(1, 2))
        self._end_observations(moment)

    def _treat(self, doctor: Actor, visit_id: str, start: datetime) -> datetime:
        """Returns when this doctor is done with the person."""
        d = self.d
        self.desk.call_to_doctor(doctor, visit_id)
        done = start + timedelta(minutes=d.rng.randint(1, 3))  # history, questions, consent, the jab
        d.clock.advance_to(done)
        if self.figures["refused_unusable_vial"] == 0:
            try:
                self.station.record_dose(doctor, visit_id, vial_id=self.vials.find_by_scan(self.broken_scan).vial_id,
                                         injection_site="left_deltoid")
            except RuleViolation:
                self.figures["refused_unusable_vial"] += 1
        try:
            result = self.station.record_dose(
                doctor, visit_id, vial_id=self._vial_for(self._product(visit_id)),
                injection_site=d.rng.choice(("left_deltoid", "left_deltoid", "right_deltoid")))
        except RuleViolation:
            if visit_id != self.too_early:
                raise
            self.figures["ineligible_refused"] += 1
            self.desk.left_without_vaccination(doctor, visit_id, "Too early for the next dose; new appointment offered")
        else:
            self.figures["vaccinated"] += 1
            assert result.observation_ends_at is not None
            self.observing.append((result.observation_ends_at, visit_id))
        return done

    def close(self) -> None:
        """After the last arrival: the queue is worked off, observations end, leftovers are discarded."""
        self.work_until(datetime.max.replace(tzinfo=TZ))
        self.vials.discard_open_vials(self.admin, reason="unused_end_of_day")
        self.d.report.update(self.figures)


def follow_up_step(d: Day) -> None:
    """Everyone whose first dose starts a two-dose series leaves with the next appointment, booked
    against real capacity and projected stock. Persons for whom no slot exists are counted, not hidden."""
    admin = d.staff["admin"]
    scheduler = Scheduler(d.store, clock=d.clock)
    for weekday in range(6):  # Monday to Saturday
        scheduler.set_opening_rule(admin, OpeningPlanInput(
            weekday=weekday, opens="08:00", closes="18:00", slot_minutes=10, stations=2, capacity_per_station=2,
            products=tuple(p.code for p in scheduler.catalogue.products), valid_from=d.day))
    scheduler.open_days(admin, d.day + timedelta(days=1), d.day + timedelta(days=100))
    with d.store.read() as session:
        first_doses = session.execute(
            select(Vaccination.person_id)
            .where(Vaccination.dose_number == 1, Vaccination.series_doses > 1, Vaccination.external.is_(False),
                   Vaccination.id.not_in(select(VaccinationVoid.vaccination_id)))
            .order_by(Vaccination.given_at)
        ).all()
    booked = outside = no_capacity = 0
    for (person_id,) in first_doses:
        proposal = scheduler.propose(person_id)
        if not proposal.offers:
            no_capacity += 1
            continue
        offer = proposal.offers[0]
        try:
            result = scheduler.book_follow_up(admin, person_id, offer.slot_id)
        except RuleViolation:
            no_capacity += 1
            continue
        booked += 1
        # Check independently of the scheduler that the date lies inside the product's window.
        window = proposal.window
        day = result.starts_at.date()
        if window is None or day < window.earliest or (window.latest is not None and day > window.latest):
            outside += 1
    d.report.update(follow_ups_booked=booked, follow_ups_outside_window=outside, follow_ups_no_capacity=no_capacity)


def certificate_step(d: Day) -> None:
    """A certificate for every dose given today, signed with the site's (demo) document signer."""
    admin = d.staff["admin"]
    desk = CertificateDesk(d.store, clock=d.clock)
    desk.install_demo_signer(admin)
    with d.store.read() as session:
        doses = session.scalars(
            select(Vaccination.id).where(Vaccination.external.is_(False),
                                         Vaccination.id.not_in(select(VaccinationVoid.vaccination_id)))
            .order_by(Vaccination.given_at)
        ).all()
    issued = sum(1 for vid in doses if desk.issue(admin, vid).hc1 is not None)
    d.report["certificates_issued"] = issued


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
        check_in_step(d, Booth(d))
        follow_up_step(d)
        certificate_step(d)
        figures = station_stats(store)
    d.report.update(
        doses_wasted=sum(stock["wasted"] for stock in figures["stock"].values()),
        appointments=figures["appointments"],
        overbooked_slots=figures["overbooked_slots"],
        pending_mutations=figures["pending_mutations"],
        offline=offline,
    )
    return d.report
