"""The steps of the simulated day and the day at one offline station.

The steps (the floor — desks, booths, queues and observation as events on one simulated clock, in
`app.simulation.floor` —, then follow-ups and certificates) serve one offline station here and several
syncing stations in `app.simulation.online`; each step adds its figures to the report, and the day's
doses are counted once, by `doses.given_here`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.errors import RuleViolation
from app.services.certificates import CertificateDesk
from app.services.demo import DEMO_STAFF, seed_center
from app.services.doses import given_here
from app.services.progress import Progress
from app.services.scheduling import OpeningPlanInput, Scheduler
from app.services.staff import authenticate
from app.services.stats import station_stats
from app.services.unit_of_work import Actor
from app.simulation.floor import (
    Events,
    Floor,
    Timing,
    arrivals,
    run_day,
    staff_floor,
    staff_needed,
    waiting_figures,
)
from app.storage.engine import Store, create_store
from app.storage.schema import (
    AdverseEvent,
    Certificate,
    CovidTest,
    Lot,
    Vaccination,
    VaccinationVoid,
)

TZ = ZoneInfo("Europe/Berlin")
OPENING_HOURS = 10  # the demo center's day, 08:00 to 18:00


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


def floor_step(d: Day, *, floors: Sequence[Floor] | None = None, events: Events | None = None,
               on_arrival: Callable[[datetime, int, int], None] | None = None) -> None:
    """The day on the floor (`app.simulation.floor`): the booked arrive around their slot (some never come), walk-ins
    spread over the day, desks and booths work through their queues. Without `floors`, one floor at
    `d.store` staffed for the day's bookings. The figures of all floors go to `d.report`."""
    timing = Timing()
    if events is None:
        events = Events(d.clock, d.clock.advance_to)
    if floors is None:
        desks, booths = staff_needed(d.persons / OPENING_HOURS, timing)
        nurses, doctors, admin = staff_floor(d.store, d.clock, nurses=desks, doctors=booths)
        floors = [Floor(events, d.store, d.rng, nurses, doctors, admin, timing=timing)]
    came = arrivals(d.store, d.rng, day=d.day, tz=TZ, persons=d.persons, timing=timing)
    run_day(events, floors, came, d.rng, on_arrival=on_arrival)
    d.clock.advance_to(datetime.combine(d.day, time(18, 30), TZ))
    main = floors[0]
    for appointment_id in came.no_shows:
        main.desk.mark_no_show(main.nurses[0], appointment_id)
    for key in main.figures:
        d.report[key] = sum(f.figures[key] for f in floors)
    d.visits.extend(v for f in floors if f.store is d.store for v in f.visits)
    d.report.update(no_shows=len(came.no_shows), desks=sum(len(f.nurses) for f in floors),
                    booths=sum(len(f.doctors) for f in floors),
                    **waiting_figures([w for f in floors for w in f.waits]))


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
        proposal = scheduler.propose(admin, person_id)
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
            (render_to / f"{certificate.certificate_id}.pdf").write_bytes(desk.pdf(admin, certificate.certificate_id))
            rendered += 1
    d.report["certificates_issued"] = d.report.get("certificates_issued", 0) + issued
    d.report["certificates_rendered"] = d.report.get("certificates_rendered", 0) + rendered
    test_certificate_step(d, desk)


TEST_CERTIFICATE_SHARE = 0.5  # of the negative tests, those whose person asks for the EU certificate


def test_certificate_step(d: Day, desk: CertificateDesk) -> None:
    """An EU test certificate for about half of the negative tests taken at this station today."""
    mine = set(d.visits)
    with d.store.read() as session:
        negative = session.execute(select(CovidTest.id, CovidTest.visit_id).where(
            CovidTest.result == "negative", CovidTest.voided_at.is_(None)).order_by(CovidTest.resulted_at)).all()
    issued = 0
    for test_id, visit_id in negative:
        if visit_id in mine and d.rng.random() < TEST_CERTIFICATE_SHARE:
            issued += desk.issue_test(d.staff["nurse"], test_id).hc1 is not None
    d.report["test_certificates_issued"] = d.report.get("test_certificates_issued", 0) + issued


def test_figures_of(figures: dict[str, Any]) -> dict[str, Any]:
    """The day's tests as the summary gives them, from the one count (`covid_tests.test_figures`) that
    `vaxdesk stats` and the daily report use: mailed means the tenant API queued the mail."""
    return {"tests_taken": figures["tests"], "tests_positive": figures["tests_positive"],
            "results_mailed": figures["results_mailed"], "test_certificates": figures["test_certificates"]}


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


def waste_pct(wasted: int, given: int) -> float:
    """Of the doses taken out of stock (given or discarded), the share discarded, in per cent."""
    return round(100 * wasted / (wasted + given), 1) if wasted + given else 0.0


OFFLINE_SYNC_FIGURES: dict[str, Any] = {
    "stations": 1, "online_bookings": 0, "outage_minutes": 0, "sync_rounds": 0, "sync_failures_during_outage": 0,
    "server_persons": None, "server_appointments": None, "server_vaccinations": None, "converged": None,
    "rejected_mutations": 0, "server_url": None,
}


def simulate_offline_day(db: Path, passphrase: str, *, persons: int, seed: int | None, day: date | None = None,
                         progress: Progress | None = None) -> dict[str, Any]:
    """The day at one station recording without a server."""
    progress = progress or Progress()
    rng = random.Random(seed)
    the_day = day or datetime.now(TZ).date()
    clock = SimClock(datetime.combine(the_day, time(7, 0), TZ))
    with create_store(db, passphrase, tenant="simulation", site_code="sim-center", site_name="Simulated center") as store:
        progress.update(0.0, "seeding")
        seeded = seed_center(store, persons=persons, day=the_day, seed=rng.randrange(2**31), clock=clock)
        d = Day(store=store, clock=clock, rng=rng, day=the_day, persons=persons, offline=True)
        for s in DEMO_STAFF:
            d.staff.setdefault(s.role, authenticate(store, login=s.login, pin=s.pin, clock=clock))
        d.report["persons"] = seeded["persons"]

        def arrival(at: datetime, i: int, n: int) -> None:
            progress.update(0.1 + 0.7 * i / max(n, 1), "check-in", at.astimezone(TZ).strftime("%H:%M"))

        floor_step(d, on_arrival=arrival)
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
        doses_wasted=(wasted := sum(stock["wasted"] for stock in figures["stock"].values())),
        waste_pct=waste_pct(wasted, doses["doses"]),
        appointments=figures["appointments"],
        overbooked_slots=figures["overbooked_slots"],
        pending_mutations=figures["pending_mutations"],
        offline=True,
        adverse_events=doses["adverse_events"],
        doses_by_product=doses["doses_by_product"],
        doses_by_lot=doses["doses_by_lot"],
        **test_figures_of(figures),
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
        f"  Waste              {r['doses_wasted']} of {r['doses_wasted'] + r['vaccinated']} dose(s) taken out "
        f"discarded ({r['waste_pct']} %); {r['vials_opened']} vial(s) opened, {r['end_of_day_prompts']} after asking",
        f"  Waiting            median {r['waiting_median_min']} min, 90 % within {r['waiting_p90_min']} min in the "
        f"queues ({r['desks']} desk(s), {r['booths']} booth(s))",
        f"  Certificates       {r['certificates_issued']} issued, {r['certificates_rendered']} printed to PDF",
        f"  Tests              {r['tests_taken']} taken, {r['tests_positive']} positive; {r['results_mailed']} result(s) "
        f"mailed, {r['test_certificates']} EU test certificate(s)",
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
