"""Follow-up scheduling on a real store: windows exact to the day, capacity and stock never exceeded."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.domain.ids import uuid7
from app.errors import RuleViolation, ValidationError
from app.services.persons import PersonInput, add_person
from app.services.scheduling import OpeningPlanInput, Scheduler
from app.services.stats import station_stats
from app.services.stock import receive_lot
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Appointment, Slot, Vaccination

BERLIN = ZoneInfo("Europe/Berlin")
ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")
FIRST_DOSE_DAY = date(2030, 3, 4)  # a Monday
NOW = datetime.combine(FIRST_DOSE_DAY, time(12, 0), BERLIN).astimezone(UTC)


def clock() -> datetime:
    return NOW


def every_day(products: tuple[str, ...] = ("comirnaty", "spikevax", "vaxzevria", "nuvaxovid", "jcovden"),
              capacity: int = 2, slot_minutes: int = 60) -> list[OpeningPlanInput]:
    return [OpeningPlanInput(weekday=w, opens="08:00", closes="12:00", slot_minutes=slot_minutes, stations=1,
                             capacity_per_station=capacity, products=products, valid_from=FIRST_DOSE_DAY)
            for w in range(7)]


def vaccinated_person(store: Store, product: str, given_on: date = FIRST_DOSE_DAY, name: str = "Anna") -> str:
    with UnitOfWork(store, ADMIN, clock) as uow:
        person = add_person(uow, PersonInput(family_name="Becker", given_name=name, dob="1970-05-05"))
        uow.session.add(Vaccination(
            id=uuid7(), person_id=person.id, product_code=product, dose_number=1, series_doses=2,
            given_at=datetime.combine(given_on, time(10), BERLIN), recorded_at=uow.now, external=False, country="DE"))
        uow.record(action="vaccination.recorded", entity="vaccination", entity_id=None, payload={})
        return person.id


@pytest.fixture
def scheduler(store: Store) -> Scheduler:
    s = Scheduler(store, clock=clock)
    for plan in every_day():
        s.set_opening_rule(ADMIN, plan)
    s.open_days(ADMIN, FIRST_DOSE_DAY, FIRST_DOSE_DAY + timedelta(days=100))
    with UnitOfWork(store, ADMIN, clock) as uow:
        for code, lot in (("comirnaty", "C1"), ("spikevax", "S1"), ("vaxzevria", "V1"), ("nuvaxovid", "N1")):
            receive_lot(uow, product_code=code, lot_number=lot, expiry=FIRST_DOSE_DAY + timedelta(days=200), vials=50)
    return s


def slot_on(store: Store, day: date, hour: int = 8) -> str:
    start = datetime.combine(day, time(hour), BERLIN)
    with store.read() as session:
        return session.scalars(select(Slot.id).where(Slot.starts_at == start)).one()


@pytest.mark.parametrize(("product", "earliest_day", "latest_day"),
                         [("comirnaty", 21, None), ("spikevax", 28, None), ("nuvaxovid", 21, None), ("vaxzevria", 28, 84)])
def test_window_bounds_are_exact_to_the_day(store: Store, scheduler: Scheduler, product: str,
                                           earliest_day: int, latest_day: int | None) -> None:
    person = vaccinated_person(store, product)
    with pytest.raises(RuleViolation, match="Too early"):
        scheduler.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=earliest_day - 1)))
    if latest_day is not None:
        with pytest.raises(RuleViolation, match="Too late"):
            scheduler.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=latest_day + 1)))
        booked = scheduler.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=latest_day)))
        scheduler.cancel(ADMIN, booked.appointment_id, "test")
    booked = scheduler.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=earliest_day)))
    assert booked.starts_at.date() == FIRST_DOSE_DAY + timedelta(days=earliest_day)
    assert (booked.dose_number, booked.product_code) == (2, product)


def test_proposal_stays_inside_the_window_recommended_day_first(store: Store, scheduler: Scheduler) -> None:
    person = vaccinated_person(store, "vaxzevria")
    proposal = scheduler.propose(ADMIN, person)
    assert proposal.window is not None and proposal.offers
    days = [o.starts_at.date() for o in proposal.offers]
    assert all(FIRST_DOSE_DAY + timedelta(days=28) <= d <= FIRST_DOSE_DAY + timedelta(days=84) for d in days)
    assert days[0] == proposal.window.recommended
    assert (proposal.dose_number, proposal.series_doses) == (2, 2)


def test_no_follow_up_without_a_first_dose(store: Store, scheduler: Scheduler) -> None:
    with UnitOfWork(store, ADMIN, clock) as uow:
        person = add_person(uow, PersonInput(family_name="Neu", given_name="Nina", dob="1990-01-01")).id
    with pytest.raises(RuleViolation, match="no recorded dose"):
        scheduler.propose(ADMIN, person)
    with pytest.raises(RuleViolation, match="first dose"):
        scheduler.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=30)))


def test_capacity_is_never_exceeded_and_comes_back_on_cancel(store: Store, scheduler: Scheduler) -> None:
    slot = slot_on(store, FIRST_DOSE_DAY + timedelta(days=21))
    a, b, c = (vaccinated_person(store, "comirnaty", name=n) for n in ("Anna", "Berta", "Carla"))
    first = scheduler.book_follow_up(ADMIN, a, slot)
    scheduler.book_follow_up(ADMIN, b, slot)
    with pytest.raises(RuleViolation, match="full"):
        scheduler.book_follow_up(ADMIN, c, slot)
    assert slot not in [o.slot_id for o in scheduler.propose(ADMIN, c).offers]
    scheduler.cancel(ADMIN, first.appointment_id, "moved away")
    scheduler.book_follow_up(ADMIN, c, slot)
    assert station_stats(store)["overbooked_slots"] == 0


def test_stock_is_promised_at_most_once(store: Store) -> None:
    s = Scheduler(store, clock=clock)
    for plan in every_day(products=("comirnaty",), capacity=50):
        s.set_opening_rule(ADMIN, plan)
    s.open_days(ADMIN, FIRST_DOSE_DAY, FIRST_DOSE_DAY + timedelta(days=40))
    with UnitOfWork(store, ADMIN, clock) as uow:  # one vial: six doses; a second lot expires too early
        receive_lot(uow, product_code="comirnaty", lot_number="ONE", expiry=FIRST_DOSE_DAY + timedelta(days=60), vials=1)
        receive_lot(uow, product_code="comirnaty", lot_number="OLD", expiry=FIRST_DOSE_DAY + timedelta(days=10), vials=9)
    people = [vaccinated_person(store, "comirnaty", name=f"P{'abcdefg'[i]}") for i in range(7)]
    day = FIRST_DOSE_DAY + timedelta(days=22)
    for p in people[:6]:
        s.book_follow_up(ADMIN, p, slot_on(store, day))
    with pytest.raises(RuleViolation, match="stock"):
        s.book_follow_up(ADMIN, people[6], slot_on(store, day, 9))
    proposal = s.propose(ADMIN, people[6])
    assert proposal.offers == () and "stock" in (proposal.message or "")


def test_product_not_offered_that_day_and_closed_days(store: Store) -> None:
    s = Scheduler(store, clock=clock)
    for plan in every_day(products=("spikevax",)):
        s.set_opening_rule(ADMIN, plan)
    closed = FIRST_DOSE_DAY + timedelta(days=25)
    s.close_day(ADMIN, closed, "Staff training")
    s.open_days(ADMIN, FIRST_DOSE_DAY, FIRST_DOSE_DAY + timedelta(days=40))
    with UnitOfWork(store, ADMIN, clock) as uow:
        receive_lot(uow, product_code="comirnaty", lot_number="C9", expiry=date(2031, 1, 1), vials=10)
    person = vaccinated_person(store, "comirnaty")
    assert s.propose(ADMIN, person).offers == ()
    with pytest.raises(RuleViolation, match="not offered"):
        s.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=22)))
    with store.read() as session:  # no slots were opened on the closed day
        start = datetime.combine(closed, time(0), BERLIN)
        assert session.scalar(select(func.count()).select_from(Slot).where(
            Slot.starts_at >= start, Slot.starts_at < start + timedelta(days=1))) == 0


def test_closing_a_day_with_bookings_is_refused(store: Store, scheduler: Scheduler) -> None:
    day = FIRST_DOSE_DAY + timedelta(days=21)
    scheduler.book_follow_up(ADMIN, vaccinated_person(store, "comirnaty"), slot_on(store, day))
    with pytest.raises(RuleViolation, match="Reschedule"):
        scheduler.close_day(ADMIN, day, "Holiday")


def test_reschedule_is_all_or_nothing(store: Store, scheduler: Scheduler) -> None:
    person = vaccinated_person(store, "comirnaty")
    booked = scheduler.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=21)))
    with pytest.raises(RuleViolation, match="Too early"):
        scheduler.reschedule(ADMIN, booked.appointment_id, slot_on(store, FIRST_DOSE_DAY + timedelta(days=5)))
    with store.read() as session:
        assert session.get(Appointment, booked.appointment_id).state == "booked"  # type: ignore[union-attr]
    moved = scheduler.reschedule(ADMIN, booked.appointment_id, slot_on(store, FIRST_DOSE_DAY + timedelta(days=23)))
    with store.read() as session:
        assert session.get(Appointment, booked.appointment_id).state == "cancelled"  # type: ignore[union-attr]
    assert moved.starts_at.date() == FIRST_DOSE_DAY + timedelta(days=23)


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"opens": "18:00", "closes": "08:00"}, "end before"), ({"capacity_per_station": 0}, "positive"),
     ({"capacity_per_station": -2}, "positive"), ({"stations": 0}, "positive"), ({"opens": "25:00"}, "HH:MM"),
     ({"products": ("aspirin",)}, "catalogue"), ({"slot_minutes": 0}, "Slot length")],
)
def test_bad_opening_plans_write_nothing(store: Store, changes: dict[str, object], message: str) -> None:
    s = Scheduler(store, clock=clock)
    plan = OpeningPlanInput(**{**every_day()[0].__dict__, **changes})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message):
        s.set_opening_rule(ADMIN, plan)
    with pytest.raises(ValidationError, match="past"):
        s.open_days(ADMIN, FIRST_DOSE_DAY - timedelta(days=3), FIRST_DOSE_DAY)


def test_two_stations_book_the_last_place_exactly_one_wins(store: Store, scheduler: Scheduler) -> None:
    slot = slot_on(store, FIRST_DOSE_DAY + timedelta(days=30))
    people = [vaccinated_person(store, "comirnaty", name=n) for n in ("Eva", "Frieda", "Gerda", "Hanna")]
    results: list[str] = []
    barrier = threading.Barrier(len(people))

    def book(person: str) -> None:
        barrier.wait()
        try:
            scheduler.book_follow_up(ADMIN, person, slot)
            results.append("booked")
        except RuleViolation:
            results.append("full")

    threads = [threading.Thread(target=book, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["booked", "booked", "full", "full"]  # capacity 2
    assert station_stats(store)["overbooked_slots"] == 0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(capacity=st.integers(1, 3), vials=st.integers(1, 3),
       attempts=st.lists(st.tuples(st.integers(21, 30), st.integers(8, 11)), min_size=1, max_size=25))
def test_random_booking_sequences_never_overbook_or_overpromise(
    tmp_path_factory: pytest.TempPathFactory, capacity: int, vials: int, attempts: list[tuple[int, int]]
) -> None:
    from app.services.catalogue import load_catalogue
    from app.services.products import install_catalogue
    from app.storage.engine import create_store
    from tests.conftest import PASSPHRASE

    path = tmp_path_factory.mktemp("prop") / "s.db"
    with create_store(path, PASSPHRASE, tenant="t", site_code="s") as store:
        with UnitOfWork(store, ADMIN, clock) as uow:
            install_catalogue(uow, load_catalogue())
            receive_lot(uow, product_code="comirnaty", lot_number="L", expiry=date(2031, 1, 1), vials=vials)
        s = Scheduler(store, clock=clock)
        for plan in every_day(products=("comirnaty",), capacity=capacity):
            s.set_opening_rule(ADMIN, plan)
        s.open_days(ADMIN, FIRST_DOSE_DAY, FIRST_DOSE_DAY + timedelta(days=31))
        booked = 0
        for i, (day, hour) in enumerate(attempts):
            person = vaccinated_person(store, "comirnaty", name=f"N{chr(97 + i % 26)}")
            try:
                s.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=day), hour))
                booked += 1
            except RuleViolation:
                pass
        assert station_stats(store)["overbooked_slots"] == 0
        assert booked <= vials * 6


def test_due_follow_ups_lists_todays_first_doses_without_a_booking(store: Store, scheduler: Scheduler) -> None:
    site = store.identity.site_id

    def dose(name: str, product: str, number: int, series: int, *, day: date = FIRST_DOSE_DAY,
             site_id: str | None = site) -> str:
        with UnitOfWork(store, ADMIN, clock) as uow:
            person = add_person(uow, PersonInput(family_name="Schulz", given_name=name, dob="1980-01-01"))
            uow.session.add(Vaccination(
                id=uuid7(), person_id=person.id, site_id=site_id, product_code=product, dose_number=number,
                series_doses=series, given_at=datetime.combine(day, time(9), BERLIN), recorded_at=uow.now,
                external=False, country="DE"))
            uow.record(action="vaccination.recorded", entity="vaccination", entity_id=None, payload={})
            return person.id

    due = dose("Due", "comirnaty", 1, 2)
    booked = dose("Booked", "spikevax", 1, 2)
    dose("Complete", "comirnaty", 2, 2)
    dose("Yesterday", "comirnaty", 1, 2, day=FIRST_DOSE_DAY - timedelta(days=1))
    dose("Elsewhere", "comirnaty", 1, 2, site_id=None)
    scheduler.book_follow_up(ADMIN, booked, slot_on(store, FIRST_DOSE_DAY + timedelta(days=28)))

    rows = scheduler.due_follow_ups(ADMIN)

    assert [(r.person_id, r.name, r.product_name, r.dose_number, r.series_doses) for r in rows] == [
        (due, "Schulz, Due", "Comirnaty", 1, 2)]
    assert rows[0].given_at.tzinfo is not None and rows[0].given_at.hour == 9


def test_opening_plan_lists_rules_and_closures_to_come(store: Store, scheduler: Scheduler) -> None:
    scheduler.close_day(ADMIN, FIRST_DOSE_DAY + timedelta(days=200), "Betriebsausflug")
    plan = scheduler.opening_plan()
    assert [r.plan.weekday for r in plan.rules] == list(range(7))
    assert plan.rules[0].plan.opens == "08:00" and plan.rules[0].plan.capacity_per_station == 2
    assert "comirnaty" in plan.rules[0].plan.products
    assert [(c.day, c.reason) for c in plan.closures] == [(FIRST_DOSE_DAY + timedelta(days=200), "Betriebsausflug")]


def test_enrolled_station_books_from_its_lease_then_provisionally(store: Store, scheduler: Scheduler) -> None:
    """A station that syncs owns no capacity: its server-granted lease confirms, beyond it is provisional."""
    from app.storage.schema import Meta, SyncLease

    slot = slot_on(store, FIRST_DOSE_DAY + timedelta(days=21))
    with store.write() as session:
        session.add(Meta(key="sync.device_token", value="token-from-enrolment"))
        session.add(SyncLease(id="lease-1", slot_id=slot, places=1, used=0, expires_at=NOW + timedelta(days=2)))
    first = scheduler.book_follow_up(ADMIN, vaccinated_person(store, "comirnaty", name="Ida"), slot)
    second = scheduler.book_follow_up(ADMIN, vaccinated_person(store, "comirnaty", name="Jule"), slot)
    assert (first.provisional, second.provisional) == (False, True)
    with store.read() as session:
        lease = session.get(SyncLease, "lease-1")
        assert lease is not None and lease.used == 1
        states = {a.id: (a.booking_state, a.lease_id) for a in session.scalars(select(Appointment))}
    assert states[first.appointment_id] == ("confirmed", "lease-1")
    assert states[second.appointment_id] == ("provisional", None)


def test_a_lease_is_judged_on_the_servers_clock_not_the_stations(store: Store, scheduler: Scheduler) -> None:
    """The station's clock is three hours behind: a lease the server ended an hour ago must not confirm."""
    from app.storage.schema import Meta, SyncLease

    slot = slot_on(store, FIRST_DOSE_DAY + timedelta(days=21))
    with store.write() as session:
        session.add(Meta(key="sync.device_token", value="token-from-enrolment"))
        session.add(Meta(key="sync.clock_skew_s", value=str(3 * 3600)))  # measured by the last sync round
        session.add(SyncLease(id="lease-1", slot_id=slot, places=2, used=0, expires_at=NOW + timedelta(hours=2)))
    late = scheduler.book_follow_up(ADMIN, vaccinated_person(store, "comirnaty", name="Ida"), slot)
    assert late.provisional
    with store.write() as session:
        meta = session.get(Meta, "sync.clock_skew_s")
        assert meta is not None
        meta.value = "0"  # the same lease on a station whose clock is right: still 2 h left
    on_time = scheduler.book_follow_up(ADMIN, vaccinated_person(store, "comirnaty", name="Jule"), slot)
    assert not on_time.provisional


def test_standalone_station_confirms_its_own_bookings(store: Store, scheduler: Scheduler) -> None:
    booked = scheduler.book_follow_up(ADMIN, vaccinated_person(store, "comirnaty"),
                                      slot_on(store, FIRST_DOSE_DAY + timedelta(days=21)))
    assert not booked.provisional


def test_slip_carries_the_booking_code_and_a_corsign_sealed_for_the_person(store: Store, scheduler: Scheduler) -> None:
    import pypdfium2 as pdfium
    import zxingcpp

    from app.certificates.corsign import open_corsign
    from app.errors import ValidationError as Invalid
    from app.services.certificates import CertificateDesk

    desk = CertificateDesk(store, clock=clock)
    desk.install_demo_signer(ADMIN)
    person = vaccinated_person(store, "comirnaty", name="Greta")
    booked = scheduler.book_follow_up(ADMIN, person, slot_on(store, FIRST_DOSE_DAY + timedelta(days=21)))
    pdf = scheduler.slip_pdf(ADMIN, booked.appointment_id)
    image = pdfium.PdfDocument(pdf)[0].render(scale=300 / 72).to_pil()
    texts = {r.text for r in zxingcpp.read_barcodes(image)}
    assert f"VAXDESK:{booked.booking_code}" in texts
    (sealed,) = [t for t in texts if t.startswith("CS2:")]
    signer = desk.site_signer(ADMIN)
    assert signer is not None
    claims = open_corsign(sealed, "Becker", "Greta", "1970-05-05", [signer.private_key.public_key()])
    assert claims["code"] == booked.booking_code.replace("-", "") and claims["dn"] == 2
    with pytest.raises(Invalid):
        open_corsign(sealed, "Becker", "Greta", "1970-05-06", [signer.private_key.public_key()])
