"""The floor of a center through a simulated day: people arrive (around their booked slot, or walk in),
queue for a desk, are checked in, queue for a booth, get their dose and wait out their observation.

A discrete-event simulation: every step is an event at its own time, handled in time order on the one
simulated clock (which therefore never runs backwards), and every step is a call of the station's
services, as a nurse or a doctor would make it. Service times and punctuality are drawn from the
seeded random source, the staff is sized for the bookings, and the booths open vials as
`BoothOutlook` advises (`app.domain.vial_policy`): the waiting times the summary reports are those of
this queue, and the doses it discards are those the policy could not save.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
import statistics
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from functools import partial
from typing import Any

from sqlalchemy import select

from app.domain.gs1 import Gs1Data, format_element_string
from app.domain.questionnaire import Answer
from app.domain.vial_policy import MAX_WAIT_MINUTES
from app.errors import RuleViolation
from app.services.booth_outlook import BoothOutlook
from app.services.checkin import CheckInDesk, DuplicateSuspected
from app.services.covid_tests import TestingDesk
from app.services.demo import DEMO_STAFF, random_person
from app.services.lots import LotRow, Lots
from app.services.persons import PersonInput
from app.services.staff import authenticate, create_staff
from app.services.unit_of_work import Actor
from app.services.vaccinations import DoctorStation
from app.services.vials import Vials
from app.storage.schema import Appointment, Person, Slot, Staff, Visit

__all__ = ["Floor", "Timing", "run_day", "staff_floor"]


@dataclass(frozen=True)
class Timing:
    """Minutes, as (low, most likely, high) of a triangular distribution."""

    desk_booked: tuple[float, float, float] = (1.5, 2.5, 5.0)  # scan, identity, questions
    desk_walk_in: tuple[float, float, float] = (4.0, 6.0, 10.0)  # registration on top
    booth: tuple[float, float, float] = (2.0, 3.0, 6.0)  # history, consent talk, the jab, recording
    punctuality: tuple[float, float, float] = (-20.0, -5.0, 25.0)  # arrival against the slot's start
    no_show: float = 0.08
    walk_in_share: float = 0.1
    # Tests (issue 18): this share of the day's persons come in for a test, most of them a rapid one.
    test_share: float = 0.15
    rapid_share: float = 0.8
    mail_share: float = 0.6  # ask for the result by e-mail
    positive: tuple[float, float] = (0.04, 0.12)  # rapid, NAAT
    invalid: float = 0.01
    desk_test: tuple[float, float, float] = (2.0, 3.0, 6.0)  # registration, the swab
    reading_delay: tuple[float, float, float] = (0.0, 2.0, 10.0)  # after the reading time, until someone reads it
    lab_hours: tuple[float, float, float] = (2.0, 3.0, 6.0)  # a NAAT's result from the lab
    utilisation: float = 0.8  # desks and booths are staffed to be this busy on average

    def draw(self, rng: random.Random, spread: tuple[float, float, float]) -> timedelta:
        low, mode, high = spread
        return timedelta(minutes=rng.triangular(low, high, mode))


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


# ---- the event clock ---------------------------------------------------------------------------------


class Events:
    """Events by time; equal times in the order they were scheduled. A `background` event (a vial's
    use-by) happens only while the day goes on: the day ends with its last foreground event."""

    def __init__(self, clock: Callable[[], datetime], advance: Callable[[datetime], None]) -> None:
        self._heap: list[tuple[datetime, int, bool, Callable[[], None]]] = []
        self._order = itertools.count()
        self._foreground = 0
        self.now, self._advance = clock, advance

    def at(self, moment: datetime, action: Callable[[], None], *, background: bool = False) -> None:
        heapq.heappush(self._heap, (max(moment, self.now()), next(self._order), background, action))
        self._foreground += not background

    def run(self) -> None:
        while self._heap and self._foreground:
            moment, _, background, action = heapq.heappop(self._heap)
            self._foreground -= not background
            self._advance(moment)
            action()
        self._heap.clear()


# ---- staff ---------------------------------------------------------------------------------------


def staff_floor(store: Any, clock: Any, *, nurses: int, doctors: int) -> tuple[list[Actor], list[Actor], Actor]:
    """Logged-in nurses and doctors for the desks and booths (demo staff first, more accounts when the
    day needs them) and the admin who opens and discards vials."""
    with store.read() as session:
        existing = set(session.scalars(select(Staff.login)))
    admin = next(s for s in DEMO_STAFF if s.role == "admin")

    def logins(role: str, count: int) -> list[Actor]:
        known = [s for s in DEMO_STAFF if s.role == role]
        actors = [authenticate(store, login=s.login, pin=s.pin, clock=clock) for s in known[:count]]
        for n in range(len(known) + 1, count + 1):
            login, pin = f"{role}{n}", f"73{n:02d}19"
            if login not in existing:
                create_staff(store, Actor.system(), login=login, display_name=f"{role.title()} {n}", role=role,
                             pin=pin, clock=clock)
            actors.append(authenticate(store, login=login, pin=pin, clock=clock))
        return actors

    return logins("nurse", nurses), logins("doctor", doctors), authenticate(store, login=admin.login,
                                                                            pin=admin.pin, clock=clock)


def staff_needed(per_hour: float, timing: Timing) -> tuple[int, int]:
    """(desks, booths) that keep each at `timing.utilisation` for `per_hour` arrivals."""
    desk = (timing.desk_booked[0] + timing.desk_booked[1] + timing.desk_booked[2]) / 3
    desk += timing.walk_in_share * (sum(timing.desk_walk_in) / 3 - desk)
    desk += timing.test_share * sum(timing.desk_test) / 3  # the testers come on top of the bookings
    booth = sum(timing.booth) / 3
    return (max(2, math.ceil(per_hour * desk / 60 / timing.utilisation)),
            max(2, math.ceil(per_hour * booth / 60 / timing.utilisation)))


# ---- one station's floor -----------------------------------------------------------------------------


@dataclass
class Guest:
    arrived: datetime
    code: str | None = None  # the booking code on the confirmation
    walk_in: PersonInput | None = None
    appointment_id: str | None = None
    visit_id: str | None = None
    product: str | None = None  # booked product; None: a walk-in takes what is open
    ready: datetime | None = None  # done at the desk, waiting for a booth
    test: str | None = None  # came for a test: "rat" or "naat"
    mail_result: bool = False
    waited: float = 0.0  # minutes in the two queues


@dataclass
class OpenVial:
    code: str  # what the doctor scans
    vial_id: str
    product: str
    capacity: int
    use_by: datetime
    used: int  # recorded or being drawn now


@dataclass
class Floor:
    """The desks and booths of one station. With `mistakes`, the day tries a few on purpose: a vial slips
    from the tray (discarded as broken) and is then scanned anyway, the first person brings a vaccination
    card with a dose ten days ago (too early), the sixth one feels faint in observation."""

    events: Events
    store: Any
    rng: random.Random
    nurses: list[Actor]
    doctors: list[Actor]
    admin: Actor
    timing: Timing = field(default_factory=Timing)
    mistakes: bool = True
    serial_prefix: str = "V"
    desk: CheckInDesk = field(init=False)
    station: DoctorStation = field(init=False)
    testing: TestingDesk = field(init=False)
    vials: Vials = field(init=False)
    outlook: BoothOutlook = field(init=False)
    figures: dict[str, int] = field(init=False)
    waits: list[float] = field(default_factory=list)
    visits: list[str] = field(default_factory=list)
    _flagged: set[str] = field(default_factory=set)  # visits whose answers the doctor reads first

    def __post_init__(self) -> None:
        clock = self.events.now
        self.desk = CheckInDesk(self.store, clock=clock)
        self.vials = Vials(self.store, clock=clock)
        self.station = DoctorStation(self.store, clock=clock, catalogue=self.vials.catalogue)
        self.testing = TestingDesk(self.store, clock=clock)
        self._devices = [d.device_id for d in self.testing.device_list()][:8]
        self.outlook = BoothOutlook(self.store, clock=clock, catalogue=self.vials.catalogue)
        self.figures = dict.fromkeys(("checked_in", "walk_ins", "duplicates_prevented", "vaccinated", "vials_opened",
                                      "end_of_day_prompts", "refused_unusable_vial", "ineligible_refused",
                                      "testers", "test_results_entered", "test_read_too_early_refused"), 0)
        self._desk_queue: deque[Guest] = deque()
        self._booth_queue: list[Guest] = []
        self._free_nurses = list(self.nurses)
        self._free_doctors = list(self.doctors)
        self._open: list[OpenVial] = []  # the vials this floor opened: only these are its to discard
        self._serial = 0
        # First expiring first: the lot that expires soonest is opened while it has vials left.
        self._lots: dict[str, list[LotRow]] = {}
        for row in sorted(Lots(self.store, clock=clock, catalogue=self.vials.catalogue).list_lots(),
                          key=lambda r: r.expiry):
            if not row.blocked:
                self._lots.setdefault(row.product_code, []).append(row)
        self._too_early: Guest | None = None
        self._broken: str | None = None
        self._reaction_due = self.mistakes
        if self.mistakes:
            broken = self._open_vial("comirnaty")
            self._open.remove(broken)
            self._broken = broken.code
            self.vials.discard(self.admin, broken.vial_id, reason="broken")

    # ---- the desk -----------------------------------------------------------------------------------

    def arrive(self, guest: Guest) -> None:
        self._desk_queue.append(guest)
        self._start_desks()

    def _start_desks(self) -> None:
        while self._free_nurses and self._desk_queue:
            guest = self._desk_queue.popleft()
            nurse = self._free_nurses.pop(0)
            now = self.events.now()
            guest.waited += (now - guest.arrived).total_seconds() / 60
            if not self._check_in(nurse, guest):
                self._free_nurses.append(nurse)
                continue
            spread = (self.timing.desk_test if guest.test is not None else self.timing.desk_walk_in
                      if guest.walk_in is not None else self.timing.desk_booked)
            self.events.at(now + self.timing.draw(self.rng, spread), partial(self._desk_done, guest, nurse))

    def _check_in(self, nurse: Actor, guest: Guest) -> bool:
        if guest.walk_in is not None:
            try:
                _, guest.visit_id = self.desk.register_walk_in(nurse, guest.walk_in)
            except DuplicateSuspected:
                self.figures["duplicates_prevented"] += 1  # a random walk-in happened to match someone
                return False
            self.figures["walk_ins" if guest.test is None else "testers"] += 1
            return True
        assert guest.code is not None
        result = self.desk.find(nurse, guest.code)  # the scanner reads the QR on the confirmation
        booking = result.matches[0].booking if result.matches else None
        if booking is None or booking.arrival.blocks:
            return False
        guest.visit_id = self.desk.check_in(nurse, booking.appointment_id,
                                            confirmed=booking.arrival.needs_confirmation)
        guest.appointment_id, guest.product = booking.appointment_id, booking.product_code
        self.figures["checked_in"] += 1
        return True

    def _desk_done(self, guest: Guest, nurse: Actor) -> None:
        assert guest.visit_id is not None
        self.desk.record_identity(nurse, guest.visit_id, self.rng.choice(("id_card", "id_card", "passport",
                                                                           "residence_permit")))
        if guest.test is not None:
            self._sample(guest, nurse)
            return
        needs_review, _minutes = self.desk.record_questionnaire(nurse, guest.visit_id, _answers(self.rng))
        if needs_review:
            self._flagged.add(guest.visit_id)  # the doctor reads those answers before the dose
        self.visits.append(guest.visit_id)
        if self.mistakes and self._too_early is None:
            # The first person brings a vaccination card with a Comirnaty dose ten days ago: too early.
            self._too_early = guest
            self.station.add_external_dose(self.doctors[0], self._person(guest.visit_id), product_code="comirnaty",
                                           given_on=self.events.now().date() - timedelta(days=10), country="AT")
        guest.ready = self.events.now()
        self._booth_queue.append(guest)
        self._free_nurses.append(nurse)
        # Someone waiting long enough makes the booth open a vial after all: look again then.
        self.events.at(guest.ready + timedelta(minutes=MAX_WAIT_MINUTES), self._start_booths, background=True)
        self._start_desks()
        self._start_booths()

    # ---- the testing lane ---------------------------------------------------------------------------

    def _sample(self, guest: Guest, nurse: Actor) -> None:
        """The nurse takes the sample at the desk; the person leaves (the result comes by mail or at the
        desk), and the test is read once its reading time is over (a NAAT: when the lab sends it)."""
        assert guest.visit_id is not None and guest.test is not None
        test_id = self.testing.order(nurse, guest.visit_id, test_type=guest.test, mail_result=guest.mail_result)
        if guest.test == "rat":
            row = self.testing.take_sample(nurse, test_id, device_id=self.rng.choice(self._devices))
            assert row.ready_at is not None
            due = row.ready_at + self.timing.draw(self.rng, self.timing.reading_delay)
            if self.mistakes and self.figures["test_read_too_early_refused"] == 0:
                # Read a minute too early once: the hard stop refuses, the nurse reads it again later.
                self.events.at(row.ready_at - timedelta(minutes=1), partial(self._read, test_id, early=True))
        else:
            self.testing.take_sample(nurse, test_id, lab_name="Labor am Dom", sample_id=f"S-{test_id[-10:]}")
            low, mode, high = self.timing.lab_hours
            due = self.events.now() + timedelta(hours=self.rng.triangular(low, high, mode))
        self.events.at(due, partial(self._read, test_id))
        self.desk.left_without_vaccination(nurse, guest.visit_id, "Tested")
        self.visits.append(guest.visit_id)
        self._free_nurses.append(nurse)
        self._start_desks()

    def _read(self, test_id: str, *, early: bool = False) -> None:
        nurse = self.nurses[0]
        row = self.testing.get(nurse, test_id)
        chance = self.rng.random()
        positive = self.timing.positive[0 if row.test_type == "rat" else 1]
        result = "invalid" if chance < self.timing.invalid else "positive" if chance < self.timing.invalid + positive \
            else "negative"
        try:
            self.testing.enter_result(nurse, test_id, result=result)
        except RuleViolation as stop:
            if not early or stop.code != "test_too_early":
                raise
            self.figures["test_read_too_early_refused"] += 1
            return
        self.figures["test_results_entered"] += 1

    # ---- the booth ----------------------------------------------------------------------------------

    def _start_booths(self) -> None:
        held_back: set[str | None] = set()  # products the policy said to wait for, in this round
        while self._free_doctors:
            chosen = None
            for waiting in self._booth_queue:
                if waiting.product in held_back:
                    continue
                vial = self._vial_for(waiting)
                if vial is not None:
                    chosen = waiting, vial
                    break
                held_back.add(waiting.product)
            if chosen is None:
                return  # everyone waits for a vial the policy does not open yet
            guest, vial = chosen
            self._booth_queue.remove(guest)
            doctor = self._free_doctors.pop(0)
            now = self.events.now()
            assert guest.ready is not None and guest.visit_id is not None
            guest.waited += (now - guest.ready).total_seconds() / 60
            self.waits.append(guest.waited)
            vial.used += 1  # drawn up now, recorded when done
            self.desk.call_to_doctor(doctor, guest.visit_id)
            self.events.at(now + self.timing.draw(self.rng, self.timing.booth),
                           partial(self._booth_done, guest, doctor, vial))

    def _vial_for(self, guest: Guest) -> OpenVial | None:
        """An open vial with a dose for the guest, or a new one when the policy says so; None: wait."""
        usable = [v for v in self._open if v.used < v.capacity]
        if guest.product is None and usable:  # a walk-in takes the vial that expires first
            return usable[0]
        product = guest.product or self.outlook.walk_in_product
        found = next((v for v in usable if v.product == product), None)
        if found is not None:
            return found
        drawing = sum(v.used for v in self._open if v.product == product)
        advice = self.outlook.advice(product, drawing=drawing)
        if not advice.open_new:
            return None
        if advice.ask_first:
            self.figures["end_of_day_prompts"] += 1  # the booth asked; the doctor opens for those waiting
        return self._open_vial(product)

    def _booth_done(self, guest: Guest, doctor: Actor, vial: OpenVial) -> None:
        assert guest.visit_id is not None
        if self._broken is not None and self.figures["refused_unusable_vial"] == 0:
            try:
                self.station.record_dose(doctor, guest.visit_id, vial_id=self.vials.find_by_scan(self._broken).vial_id,
                                         injection_site="left_deltoid")
            except RuleViolation:
                self.figures["refused_unusable_vial"] += 1
        try:
            result = self._record(doctor, guest, vial)
        except RuleViolation:
            if guest is not self._too_early:
                raise
            vial.used -= 1
            self.figures["ineligible_refused"] += 1
            self.desk.left_without_vaccination(doctor, guest.visit_id,
                                               "Too early for the next dose; new appointment offered")
        else:
            self.figures["vaccinated"] += 1
            assert result.observation_ends_at is not None
            self.events.at(result.observation_ends_at, partial(self._observed, guest))
        self._free_doctors.append(doctor)
        self._start_booths()

    def _record(self, doctor: Actor, guest: Guest, vial: OpenVial) -> Any:
        assert guest.visit_id is not None
        if guest.visit_id in self._flagged:
            self._flagged.discard(guest.visit_id)
            self.station.acknowledge_review(doctor, guest.visit_id)
        row = self.vials.find_by_scan(vial.code)
        if not row.usable:
            # It expired while the dose was prepared: that dose goes to waste with the vial, and a fresh vial is opened.
            self._retire(vial, reason="expired_after_opening")
            vial = self._open_vial(vial.product)
            vial.used += 1
        return self.station.record_dose(doctor, guest.visit_id, vial_id=self.vials.find_by_scan(vial.code).vial_id,
                                        injection_site=self.rng.choice(("left_deltoid", "left_deltoid",
                                                                        "right_deltoid")))

    def _observed(self, guest: Guest) -> None:
        assert guest.visit_id is not None
        if self._reaction_due and self.figures["vaccinated"] >= 6:
            # The sixth person feels faint after ten minutes; lying down helps.
            person = self._person(guest.visit_id)
            doses = self.station.history(self.nurses[0], person).doses
            if doses:
                self.station.record_adverse_event(
                    self.nurses[0], person, vaccination_id=doses[-1].vaccination_id, kind="syncope", severity="mild",
                    onset=doses[-1].given_at + timedelta(minutes=10),
                    action_taken="Lying down, legs raised; recovered within 5 minutes")
                self._reaction_due = False
        self.desk.end_observation(self.nurses[0], guest.visit_id)

    # ---- vials --------------------------------------------------------------------------------------

    def _open_vial(self, product: str) -> OpenVial:
        lots = self._lots[product]
        lot = lots[0]
        thawed = self.events.now() - timedelta(days=1) if self.vials.catalogue.product(product).needs_thawing else None
        self._serial += 1
        serial = f"{self.serial_prefix}{self._serial:05d}"
        try:
            row = self.vials.open_vial(self.admin, lot.lot_id, serial=serial, thawed_at=thawed)
        except RuleViolation:
            if len(lots) < 2:
                raise
            lots.pop(0)  # every vial of this lot is open: the next lot
            self._serial -= 1
            return self._open_vial(product)
        self.figures["vials_opened"] += 1
        assert lot.gtin is not None
        code = format_element_string(Gs1Data(gtin=lot.gtin, expiry=lot.expiry, lot=lot.lot_number, serial=serial))
        opened = OpenVial(code, row.vial_id, product, row.max_doses, row.use_by, 0)
        self._open.append(opened)
        self._open.sort(key=lambda v: v.use_by)  # a walk-in takes the vial that expires first
        self.events.at(row.use_by, partial(self._retire, opened, reason="expired_after_opening"), background=True)
        return opened

    def _retire(self, vial: OpenVial, *, reason: str) -> None:
        if vial in self._open:
            self._open.remove(vial)
            if self.vials.find_by_scan(vial.code).discarded_at is None:
                self.vials.discard(self.admin, vial.vial_id, reason=reason)

    def close(self) -> None:
        """After the last person: the vials still open here are discarded (only this floor's own)."""
        for vial in list(self._open):
            self._retire(vial, reason="unused_end_of_day")

    def _person(self, visit_id: str) -> str:
        with self.store.read() as session:
            return str(session.scalars(select(Visit.person_id).where(Visit.id == visit_id)).one())


# ---- the day ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayArrivals:
    guests: list[Guest]  # in order of arrival
    no_shows: list[str]  # appointment ids


def arrivals(store: Any, rng: random.Random, *, day: Any, tz: Any, persons: int, timing: Timing) -> DayArrivals:
    """Who comes when: the booked around their slot (some not at all), walk-ins spread over the day."""
    with store.read() as session:
        bookings = session.execute(
            select(Appointment.id, Appointment.booking_code, Slot.starts_at)
            .join(Slot, Slot.id == Appointment.slot_id)
            .where(Appointment.dose_number == 1, Appointment.state == "booked")
            .order_by(Slot.starts_at, Appointment.id)
        ).all()
    guests, no_shows = [], []
    for appointment_id, code, starts_at in bookings:
        if rng.random() < timing.no_show:
            no_shows.append(appointment_id)
        else:
            guests.append(Guest(arrived=starts_at + timing.draw(rng, timing.punctuality), code=code))
    opens, closes = datetime.combine(day, time(8, 0), tz), datetime.combine(day, time(17, 30), tz)
    for _ in range(max(1, round(persons * timing.walk_in_share))):
        at = opens + (closes - opens) * rng.random()
        guests.append(Guest(arrived=at, walk_in=random_person(rng, day)))
    for n in range(round(persons * timing.test_share)):
        at = opens + (closes - opens) * rng.random()
        mail = rng.random() < timing.mail_share
        person = random_person(rng, day)
        if mail:
            person = replace(person, email=f"test{n}.{rng.randrange(10**6)}@example.org")
        # The first is a rapid test: the floor's deliberate early reading needs one.
        rapid = rng.random() < timing.rapid_share or n == 0
        guests.append(Guest(arrived=at, walk_in=person, test="rat" if rapid else "naat", mail_result=mail))
    guests.sort(key=lambda g: g.arrived)
    return DayArrivals(guests, no_shows)


def run_day(events: Events, floors: Sequence[Floor], came: DayArrivals, rng: random.Random, *,
            on_arrival: Callable[[datetime, int, int], None] | None = None) -> None:
    """Every guest to a floor (at random when there are several), then the day runs event by event."""
    total = len(came.guests)
    for i, guest in enumerate(came.guests):
        floor = floors[0] if len(floors) == 1 else floors[rng.randrange(len(floors))]

        def arrive(g: Guest = guest, f: Floor = floor, n: int = i) -> None:
            if on_arrival is not None:
                on_arrival(events.now(), n, total)
            f.arrive(g)

        events.at(guest.arrived, arrive)
    events.run()
    for floor in floors:
        floor.close()
        # Someone already registered comes again as a "walk-in", spelled differently: every desk catches it.
        with floor.store.read() as session:
            known = session.execute(select(Person.family_name, Person.given_name, Person.dob).limit(1)).first()
        if known is not None:
            family, given, dob = known
            try:
                floor.desk.register_walk_in(floor.nurses[0],
                                            PersonInput(family_name=family.upper(), given_name=given, dob=dob))
            except DuplicateSuspected:
                floor.figures["duplicates_prevented"] += 1


def waiting_figures(waits: Sequence[float]) -> dict[str, float | None]:
    """Median and 90th percentile of the minutes spent in the queues (desk and booth)."""
    ordered = sorted(waits)
    if not ordered:
        return {"waiting_median_min": None, "waiting_p90_min": None}
    p90 = statistics.quantiles(ordered, n=10, method="inclusive")[8] if len(ordered) > 1 else ordered[0]
    return {"waiting_median_min": round(statistics.median(ordered), 1), "waiting_p90_min": round(p90, 1)}
