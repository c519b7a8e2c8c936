"""`vaxdesk simulate-day`: drives the services (not the UI) through a day at the center.

The steps (desks and booths on one simulated clock, follow-ups, certificates) serve one offline station
here and several syncing stations in `day_online`; each step adds its figures to the report.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.domain.gs1 import Gs1Data, format_element_string
from app.domain.questionnaire import Answer
from app.errors import RuleViolation
from app.services.certificates import CertificateDesk
from app.services.checkin import CheckInDesk, DuplicateSuspected
from app.services.demo import DEMO_STAFF, random_person, seed_center
from app.services.doses import given_here
from app.services.lots import LotRow, Lots
from app.services.persons import PersonInput
from app.services.progress import Progress
from app.services.scheduling import OpeningPlanInput, Scheduler
from app.services.staff import authenticate
from app.services.stats import station_stats
from app.services.unit_of_work import Actor
from app.services.vaccinations import DoctorStation
from app.services.vials import Vials
from app.storage.engine import Store, create_store
from app.storage.schema import (
    AdverseEvent,
    Appointment,
    Certificate,
    Lot,
    Person,
    Slot,
    Vaccination,
    VaccinationVoid,
    Visit,
)

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


@dataclass
class Lane:
    """One station's desk and booth: its own database and staff, the center's shared clock."""

    d: Day
    booth: Booth | None
    desk: CheckInDesk = field(init=False)

    def __post_init__(self) -> None:
        self.desk = CheckInDesk(self.d.store, clock=self.d.clock)


def check_in_step(d: Day, booth: Booth | None = None, *, lanes: Sequence[Lane] | None = None,
                  on_arrival: Callable[[datetime, int, int], None] | None = None) -> None:
    """The desks: most booked persons arrive around their slot, some walk in, some never come.

    With a booth, the doctors work through the queue between arrivals, so waiting times are those
    of a real day: the desk and the booth share the one clock, which never runs backwards. With
    several lanes (stations), each arrival goes to one of their desks; `on_arrival(time, i, n)` runs
    before each arrival (background sync, progress). The figures of all lanes go to `d.report`.
    """
    lanes = list(lanes) if lanes else [Lane(d, booth)]
    main = lanes[0]
    with d.store.read() as session:
        bookings = session.execute(
            select(Appointment.id, Appointment.booking_code, Slot.starts_at)
            .join(Slot, Slot.id == Appointment.slot_id)
            .where(Appointment.dose_number == 1, Appointment.state == "booked")
            .order_by(Slot.starts_at, Appointment.id)
        ).all()
    walk_in_count = max(1, d.persons // 10)
    walk_in_at = {d.rng.randrange(len(bookings) or 1) for _ in range(walk_in_count)}
    arrivals = sorted(
        (starts_at + timedelta(minutes=d.rng.randint(-10, 15)), i, appointment_id, code)
        for i, (appointment_id, code, starts_at) in enumerate(bookings)
    )
    checked_in = no_shows = walk_ins = duplicates_prevented = 0
    no_show_ids = []

    def admitted(lane: Lane, visit: str) -> None:
        _desk_formalities(lane.desk, lane.d.staff["nurse"], visit, d.rng)
        d.clock.advance_to(d.clock() + timedelta(minutes=d.rng.randint(1, 3)))  # identity, questions
        lane.d.visits.append(visit)
        if lane.booth is not None:
            lane.booth.admit(visit, ready_at=d.clock())

    for n, (arrives_at, i, appointment_id, code) in enumerate(arrivals):
        for each in lanes:
            if each.booth is not None:
                each.booth.work_until(arrives_at)
        if on_arrival is not None:
            on_arrival(arrives_at, n, len(arrivals))
        d.clock.advance_to(arrives_at)
        lane = main if len(lanes) == 1 else lanes[d.rng.randrange(len(lanes))]
        nurse = lane.d.staff["nurse"]
        if d.rng.random() < 0.08:
            no_show_ids.append(appointment_id)
        else:
            result = lane.desk.find(code)  # the scanner reads the QR on the confirmation
            booking = result.matches[0].booking if result.matches else None
            if booking is not None:
                admitted(lane, lane.desk.check_in(nurse, booking.appointment_id,
                                                  confirmed=booking.arrival.needs_confirmation))
                checked_in += 1
        if i in walk_in_at:
            person = random_person(d.rng, d.day)
            try:
                _, visit = lane.desk.register_walk_in(nurse, person)
            except DuplicateSuspected:
                duplicates_prevented += 1  # a random walk-in happened to match someone: also caught
                continue
            admitted(lane, visit)
            walk_ins += 1
    for lane in lanes:
        # Someone already registered comes again as a "walk-in", spelled differently: every desk catches it.
        with lane.d.store.read() as session:
            known = session.execute(select(Person.family_name, Person.given_name, Person.dob).limit(1)).first()
        if known is not None:
            family, given, dob = known
            try:
                lane.desk.register_walk_in(lane.d.staff["nurse"],
                                           PersonInput(family_name=family.upper(), given_name=given, dob=dob))
            except DuplicateSuspected:
                duplicates_prevented += 1
    for lane in lanes:
        if lane.booth is not None:
            lane.booth.close()
    d.clock.advance_to(datetime.combine(d.day, time(18, 30), TZ))
    for appointment_id in no_show_ids:
        main.desk.mark_no_show(main.d.staff["nurse"], appointment_id)
        no_shows += 1
    d.report.update(checked_in=checked_in, walk_ins=walk_ins, duplicates_prevented=duplicates_prevented,
                    no_shows=no_shows)
    booths = [lane.booth for lane in lanes if lane.booth is not None]
    if booths:
        for key in booths[0].figures:
            d.report[key] = sum(b.figures[key] for b in booths)
        waits = sorted(w for b in booths for w in b.waits)
        d.report.update(waiting_median_min=round(statistics.median(waits), 1) if waits else None,
                        waiting_p90_min=round(_p90(waits), 1) if waits else None)


def _p90(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[8] if len(values) > 1 else values[0]


def _desk_formalities(desk: CheckInDesk, nurse: Actor, visit_id: str, rng: random.Random) -> None:
    desk.record_identity(nurse, visit_id, rng.choice(("id_card", "id_card", "passport", "residence_permit")))
    desk.record_questionnaire(nurse, visit_id, _answers(rng))


class Booth:
    """Two doctors work through the queue in arrival order: vials opened per product as needed and
    found by scanning, each dose recorded and observed, one reaction, leftovers discarded at closing.
    Twice a mistake is tried on purpose (a discarded vial, a dose too early) and must be refused.
    A second station's booth (`mistakes=False`) has neither the mistakes nor the reaction; its vial
    serials carry its own `serial_prefix`."""

    def __init__(self, d: Day, *, mistakes: bool = True, serial_prefix: str = "V") -> None:
        self.d = d
        self.mistakes = mistakes
        self.serial_prefix = serial_prefix
        self.doctors = [authenticate(d.store, login=s.login, pin=s.pin, clock=d.clock) for s in DEMO_STAFF
                        if s.role == "doctor"]
        self.nurse, self.admin = d.staff["nurse"], d.staff["admin"]
        self.desk = CheckInDesk(d.store, clock=d.clock)
        self.vials = Vials(d.store, clock=d.clock)
        self.station = DoctorStation(d.store, clock=d.clock, catalogue=self.vials.catalogue)
        # First expiring first: the lot that expires soonest is opened while it has vials left, then the next.
        self.lots: dict[str, list[LotRow]] = {}
        for row in sorted(Lots(d.store, clock=d.clock, catalogue=self.vials.catalogue).list_lots(),
                          key=lambda r: r.expiry):
            if not row.blocked:
                self.lots.setdefault(row.product_code, []).append(row)
        self.figures = {"vaccinated": 0, "vials_opened": 0, "refused_unusable_vial": 0, "ineligible_refused": 0}
        self.scans: dict[str, str] = {}  # product → the code printed on the vial in use
        self.serial = 0
        self.waiting: list[tuple[datetime, str]] = []  # (ready at, visit)
        self.waits: list[float] = []  # minutes from ready to called, per person
        self.free_at = [d.clock()] * len(self.doctors)
        self.observing: list[tuple[datetime, str]] = []
        self.reaction_given = not mistakes
        self.too_early: str | None = None if mistakes else ""
        self.broken_scan: str | None = None
        if mistakes:
            # A vial slips from the tray while the first one is prepared: discarded as broken at once.
            self.broken_scan = self._open_vial("comirnaty")
            self.vials.discard(self.admin, self.vials.find_by_scan(self.broken_scan).vial_id, reason="broken")

    def _open_vial(self, product: str) -> str:
        self.serial += 1
        lots = self.lots[product]
        lot = lots[0]
        thawed = self.d.clock() - timedelta(days=1) if self.vials.catalogue.product(product).needs_thawing else None
        serial = f"{self.serial_prefix}{self.serial:05d}"
        try:
            self.vials.open_vial(self.admin, lot.lot_id, serial=serial, thawed_at=thawed)
        except RuleViolation:
            if len(lots) < 2:
                raise
            lots.pop(0)  # every vial of this lot is open: the next lot
            self.serial -= 1
            return self._open_vial(product)
        self.figures["vials_opened"] += 1
        assert lot.gtin is not None
        return format_element_string(Gs1Data(gtin=lot.gtin, expiry=lot.expiry, lot=lot.lot_number,
                                             serial=serial))

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
            self.waits.append((start - ready_at).total_seconds() / 60)
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
        if self.broken_scan is not None and self.figures["refused_unusable_vial"] == 0:
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


def follow_up_step(d: Day, *, open_days: bool = True) -> None:
    """Everyone whose first dose (given at this station's desk) starts a two-dose series leaves with the
    next appointment, booked against real capacity and projected stock. Persons for whom no slot exists
    are counted, not hidden. `open_days=False`: another station opened the days (slots pulled from the server)."""
    admin = d.staff["admin"]
    scheduler = Scheduler(d.store, clock=d.clock)
    for weekday in range(6):  # Monday to Saturday: each station keeps the site's opening plan
        scheduler.set_opening_rule(admin, OpeningPlanInput(
            weekday=weekday, opens="08:00", closes="18:00", slot_minutes=10, stations=2, capacity_per_station=2,
            products=tuple(p.code for p in scheduler.catalogue.products), valid_from=d.day))
    if open_days:
        scheduler.open_days(admin, d.day + timedelta(days=1), d.day + timedelta(days=100))
    mine = set(d.visits)
    with d.store.read() as session:
        first_doses = session.execute(
            select(Vaccination.person_id, Vaccination.visit_id)
            .where(Vaccination.dose_number == 1, Vaccination.series_doses > 1, Vaccination.external.is_(False),
                   Vaccination.id.not_in(select(VaccinationVoid.vaccination_id)))
            .order_by(Vaccination.given_at)
        ).all()
    booked = outside = no_capacity = 0
    for person_id, visit_id in first_doses:
        if visit_id not in mine:
            continue  # another station's person: that desk books the follow-up
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


def certificate_step(d: Day, *, render_to: Path | None = None) -> None:
    """A certificate for every dose given today at this station, signed with the site's (demo) document
    signer; with `render_to`, each one is also rendered to the PDF handed out, written to that folder."""
    admin = d.staff["admin"]
    desk = CertificateDesk(d.store, clock=d.clock)
    desk.install_demo_signer(admin)
    mine = set(d.visits)
    with d.store.read() as session:
        doses = session.execute(
            select(Vaccination.id, Vaccination.visit_id).where(
                Vaccination.external.is_(False), Vaccination.id.not_in(select(VaccinationVoid.vaccination_id)))
            .order_by(Vaccination.given_at)
        ).all()
    issued = rendered = 0
    if render_to is not None:
        render_to.mkdir(parents=True, exist_ok=True)
    for vaccination_id, visit_id in doses:
        if visit_id not in mine:
            continue
        certificate = desk.issue(admin, vaccination_id)
        if certificate.hc1 is None:
            continue
        issued += 1
        if render_to is not None:
            (render_to / f"{certificate.certificate_id}.pdf").write_bytes(desk.pdf(certificate.certificate_id))
            rendered += 1
    d.report["certificates_issued"] = d.report.get("certificates_issued", 0) + issued
    d.report["certificates_rendered"] = d.report.get("certificates_rendered", 0) + rendered


def dose_figures(store: Store, day: date) -> dict[str, Any]:
    """The day's doses given at the center (`doses.given_here`), per product and per lot."""
    with store.read() as session:
        rows = session.execute(
            select(Vaccination.product_code, Lot.lot_number)
            .outerjoin(Lot, Lot.id == Vaccination.lot_id)
            .where(given_here(store.identity.site_id, day=day, tz=TZ))
        ).all()
        adverse = int(session.scalar(select(func.count()).select_from(AdverseEvent)) or 0)
        certificates = int(session.scalar(select(func.count()).select_from(Certificate)) or 0)
    by_product: dict[str, int] = {}
    by_lot: dict[str, int] = {}
    for product, lot in rows:
        by_product[product] = by_product.get(product, 0) + 1
        key = f"{product} {lot or '?'}"
        by_lot[key] = by_lot.get(key, 0) + 1
    return {"doses_by_product": dict(sorted(by_product.items())), "doses_by_lot": dict(sorted(by_lot.items())),
            "doses": len(rows), "adverse_events": adverse, "certificates_on_record": certificates}


OFFLINE_SYNC_FIGURES: dict[str, Any] = {
    "stations": 1, "online_bookings": 0, "outage_minutes": 0, "sync_rounds": 0, "sync_failures_during_outage": 0,
    "server_persons": None, "server_appointments": None, "server_vaccinations": None, "converged": None,
    "rejected_mutations": 0, "server_url": None,
}


def simulate_day(db: Path, passphrase: str, *, persons: int, offline: bool, seed: int | None,
                 day: date | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """The day at one offline station (`offline=True`), or at a center of syncing stations (see `day_online`)."""
    if not offline:
        from app.services.day_online import simulate_online_day

        return simulate_online_day(db, passphrase, persons=persons, seed=seed, day=day, progress=progress)
    progress = progress or Progress()
    rng = random.Random(seed)
    the_day = day or datetime.now(TZ).date()
    clock = SimClock(datetime.combine(the_day, time(7, 0), TZ))
    with create_store(db, passphrase, tenant="simulation", site_code="sim-center", site_name="Simulated center") as store:
        progress.update(0.0, "seeding")
        seeded = seed_center(store, persons=persons, day=the_day, seed=rng.randrange(2**31), clock=clock)
        d = Day(store=store, clock=clock, rng=rng, day=the_day, persons=persons, offline=offline)
        for s in DEMO_STAFF:
            d.staff.setdefault(s.role, authenticate(store, login=s.login, pin=s.pin, clock=clock))
        d.report["persons"] = seeded["persons"]

        def arrival(at: datetime, i: int, n: int) -> None:
            progress.update(0.1 + 0.7 * i / max(n, 1), "check-in", at.astimezone(TZ).strftime("%H:%M"))

        check_in_step(d, Booth(d), on_arrival=arrival)
        progress.update(0.8, "follow-ups")
        follow_up_step(d)
        progress.update(0.9, "certificates")
        certificate_step(d)
        figures = station_stats(store)
        doses = dose_figures(store, the_day)
    progress.done()
    d.report.update(
        # The booths' own tally stays beside the one count of the day's doses that every report uses.
        doses_recorded_by_booths=d.report["vaccinated"],
        vaccinated=doses["doses"],
        doses_wasted=sum(stock["wasted"] for stock in figures["stock"].values()),
        appointments=figures["appointments"],
        overbooked_slots=figures["overbooked_slots"],
        pending_mutations=figures["pending_mutations"],
        offline=offline,
        adverse_events=doses["adverse_events"],
        doses_by_product=doses["doses_by_product"],
        doses_by_lot=doses["doses_by_lot"],
        **OFFLINE_SYNC_FIGURES,
    )
    return d.report


def summary(report: dict[str, Any]) -> list[str]:
    """The day in words for the site lead."""
    r = report
    served = r["checked_in"] + r["walk_ins"]
    lines = [
        f"Day at the center — {r['stations']} station(s), {'offline' if r['offline'] else 'syncing with the server'}",
        f"  People served      {served} ({r['checked_in']} booked, {r['walk_ins']} walk-ins; "
        f"{r['online_bookings']} had booked online); {r['no_shows']} no-shows; "
        f"{r['duplicates_prevented']} duplicate registration(s) caught",
        f"  Vaccinated         {r['vaccinated']} ({r['ineligible_refused']} refused as too early, "
        f"{r['adverse_events']} adverse event(s))",
    ]
    for product, n in r["doses_by_product"].items():
        lots = ", ".join(f"lot {key.split(' ', 1)[1]}: {m}" for key, m in r["doses_by_lot"].items()
                         if key.split(" ", 1)[0] == product)
        lines.append(f"    {product:<16} {n} dose(s) ({lots})")
    lines += [
        f"  Waste              {r['doses_wasted']} dose(s) discarded; {r['vials_opened']} vial(s) opened",
        f"  Waiting            median {r['waiting_median_min']} min, 90 % within {r['waiting_p90_min']} min",
        f"  Certificates       {r['certificates_issued']} issued, {r['certificates_rendered']} printed to PDF",
        f"  Follow-ups         {r['follow_ups_booked']} booked, {r['follow_ups_no_capacity']} without a free slot, "
        f"{r['follow_ups_outside_window']} outside the window",
    ]
    if r["offline"]:
        lines.append(f"  Sync               offline: {r['pending_mutations']} change(s) wait for the server")
    else:
        lines.append(
            f"  Sync               {r['sync_rounds']} rounds; outage of {r['outage_minutes']} min "
            f"({r['sync_failures_during_outage']} failed attempts, retried); "
            f"server holds {r['server_persons']} persons, {r['server_appointments']} appointments, "
            f"{r['server_vaccinations']} vaccinations — {'converged' if r['converged'] else 'NOT converged'}")
    return lines
