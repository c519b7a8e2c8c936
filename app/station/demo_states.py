"""Demo states for the screenshots and the demo station: the people, doses, tests and sync troubles a
picture of each page should show, written into a throwaway demo database. Never used on a production
path. Every state is written through the use cases (except the sync rejection, which plays the part of
the server), so it is data a station could have written and every count of the day includes it.
Runs on the database lane."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from app.domain.gs1 import Gs1Data, format_element_string
from app.domain.questionnaire import Answer
from app.services.certificates import CertificateDesk, VaccinationRow
from app.services.checkin import BookingInfo, CheckInDesk, PersonMatch, QueueRow
from app.services.covid_tests import TestingDesk
from app.services.demo import FAMILY_NAMES
from app.services.lots import Lots
from app.services.persons import PersonInput
from app.services.scheduling import OpeningPlanInput, Scheduler
from app.services.unit_of_work import Actor, Clock, system_clock
from app.services.vaccinations import DoctorStation
from app.services.vials import VialRow, Vials
from app.storage.engine import Store
from app.storage.schema import Appointment, Meta, Outbox, Person, SignerKey, Staff
from sync.mutations import main_row

DEMO_DOCTOR = Actor(staff_id=None, role="doctor", display_name="Demo")


def _all_no(desk: CheckInDesk) -> dict[str, Answer]:
    """Every question answered "no" (an empty remark), consent given."""
    answers = {q.id: (Answer(text="") if q.type == "text" else Answer(yes=False)) for q in desk.questionnaire.questions}
    answers["consent"] = Answer(yes=True)
    return answers


def _booking_to_doctor(desk: CheckInDesk, actor: Actor, *, allergies: bool) -> tuple[str, BookingInfo]:
    """The first demo booking that can be checked in now, checked in, its questions answered (allergies
    or not) and called to the doctor: (visit id, booking)."""
    booking = None
    for surname in FAMILY_NAMES:
        booking = next((m.booking for m in desk.find(actor, surname).matches
                        if m.booking is not None and not m.booking.arrival.blocks), None)
        if booking is not None:
            break
    assert booking is not None, "the demo database has no booking left to check in"
    visit_id = desk.check_in(DEMO_DOCTOR, booking.appointment_id, confirmed=True)
    desk.record_identity(DEMO_DOCTOR, visit_id, "id_card")
    answers = _all_no(desk)
    if allergies:
        answers["allergies"] = Answer(yes=True)
    desk.record_questionnaire(DEMO_DOCTOR, visit_id, answers)
    desk.call_to_doctor(DEMO_DOCTOR, visit_id)
    return visit_id, booking


# -- the check-in desk and the queue ---------------------------------------------------------------


def surname_with_bookings(desk: CheckInDesk, actor: Actor) -> str:
    """A demo surname with bookings of today, for the check-in page's search."""
    for surname in FAMILY_NAMES:
        found = desk.find(actor, surname)
        if any(m.booking is not None and not m.booking.arrival.blocks for m in found.matches):
            return surname
    return FAMILY_NAMES[0]


def someone_registered(desk: CheckInDesk, actor: Actor) -> PersonInput | None:
    """The details of a registered demo person, typed again as a walk-in (the duplicate warning)."""
    for surname in FAMILY_NAMES:
        for m in desk.find(actor, surname).matches:
            return PersonInput(family_name=m.family_name, given_name=m.given_name, dob=m.dob, sex="f",
                               street="Hauptstraße 12", postcode="10115", city="Berlin")
    return None


def queue_of_the_morning(desk: CheckInDesk, actor: Actor) -> None:
    """Four demo bookings checked in and moved along: one observed, one with the doctor (allergies),
    one waiting, one still at the desk."""
    if len(desk.queue(actor)) >= 4:
        return
    booked: list[PersonMatch] = []
    for surname in FAMILY_NAMES:
        for match in desk.find(actor, surname).matches:
            if match.booking is not None and not match.booking.arrival.blocks and match.person_id not in {
                    m.person_id for m in booked}:
                booked.append(match)
        if len(booked) >= 4:
            break
    for i, match in enumerate(booked[:4]):
        assert match.booking is not None
        visit = desk.check_in(actor, match.booking.appointment_id, confirmed=True)
        if i == 3:
            continue  # one still at the desk: identity and questionnaire missing
        desk.record_identity(actor, visit, "id_card")
        answers = _all_no(desk)
        if i == 1:
            answers["allergies"] = Answer(yes=True)
        desk.record_questionnaire(actor, visit, answers)
        if i in (0, 1):
            desk.call_to_doctor(actor, visit)
        if i == 0:
            desk.start_observation(actor, visit)


# -- the booth ----------------------------------------------------------------------------------------


def booth_with_patient(store: Store, actor: Actor, *, clock: Clock = system_clock) -> tuple[QueueRow, VialRow]:
    """A booked person checked in with allergies and a dose given abroad a month ago, sent to the doctor,
    and an open vial of the booked product."""
    desk, station, vials = CheckInDesk(store, clock=clock), DoctorStation(store, clock=clock), Vials(store, clock=clock)
    visit_id, booking = _booking_to_doctor(desk, actor, allergies=True)
    row = next(r for r in desk.queue(actor) if r.visit_id == visit_id)
    product = booking.product_code or "comirnaty"
    today = clock().astimezone(station.tz).date()
    station.add_external_dose(DEMO_DOCTOR, row.person_id, product_code=product, given_on=today - timedelta(days=30),
                              country="AT")
    vial = next((v for v in vials.open_vials() if v.product_code == product and v.usable), None)
    if vial is None:
        lot = next(lot for lot in Lots(store, clock=clock).list_lots()
                   if lot.product_code == product and not lot.blocked and not lot.expired)
        thawed = clock() - timedelta(days=1) if station.catalogue.product(product).needs_thawing else None
        vial = vials.open_vial(DEMO_DOCTOR, lot.lot_id, thawed_at=thawed)
    return row, vial


def other_product_label(lots: Lots, booked: str) -> str | None:
    """The GS1 label of a vial of another product than `booked` (the booth's hard stop)."""
    lot = next((lot for lot in lots.list_lots()
                if lot.product_code != booked and not lot.blocked and not lot.expired and lot.gtin), None)
    if lot is None or lot.gtin is None:
        return None
    return format_element_string(Gs1Data(gtin=lot.gtin, expiry=lot.expiry, lot=lot.lot_number, serial="S-77"))


# -- follow-ups ---------------------------------------------------------------------------------------


def first_dose_due_follow_up(store: Store, actor: Actor, *, clock: Clock = system_clock) -> str:
    """An opening plan for the next ten weeks and a first dose recorded today: the person whose
    follow-up is due (their id)."""
    scheduler = Scheduler(store, clock=clock)
    today = clock().astimezone(scheduler.tz).date()
    if not scheduler.opening_plan().rules:
        for weekday in range(6):
            scheduler.set_opening_rule(actor, OpeningPlanInput(
                weekday=weekday, opens="08:00", closes="16:00" if weekday == 5 else "18:00", slot_minutes=15,
                stations=2, capacity_per_station=3, products=tuple(p.code for p in scheduler.catalogue.products),
                valid_from=today))
        scheduler.open_days(actor, today + timedelta(days=1), today + timedelta(days=70))
    due = scheduler.due_follow_ups(actor)
    if due:
        return due[0].person_id
    desk, station = CheckInDesk(store, clock=clock), DoctorStation(store, clock=clock)
    # A person without any dose yet, so the dose is a first one: someone with the doctor or waiting, else a
    # booking not yet checked in.
    fresh = [r for r in desk.queue(actor)
             if (r.state == "with_doctor" or (r.state == "checked_in" and r.questionnaire_done))
             and not station.history(actor, r.person_id).doses]
    if fresh:
        visit_id = fresh[0].visit_id
        if fresh[0].state == "checked_in":
            desk.call_to_doctor(DEMO_DOCTOR, visit_id)
        if fresh[0].needs_review and not fresh[0].review_acknowledged:
            # Flagged answers (the booth's picture leaves such a person): the doctor reads them with the
            # person first, as at the booth; else the dose is refused and the picture shows the refusal.
            station.acknowledge_review(DEMO_DOCTOR, visit_id)
    else:
        visit_id, _booking = _booking_to_doctor(desk, actor, allergies=False)
    vials = Vials(store, clock=clock)

    def allowed_vial() -> str | None:
        for vial in vials.open_vials():
            if vial.usable and station.assess(actor, visit_id, vial.vial_id).allowed:
                return vial.vial_id
        return None

    vial_id = allowed_vial()
    if vial_id is None:  # open a vial of each product in stock; the booked one then fits
        opened = {v.product_code for v in vials.open_vials() if v.usable}
        for lot in Lots(store, clock=clock).list_lots():
            if lot.product_code in opened or lot.blocked or lot.expired:
                continue
            thawed = clock() - timedelta(days=1) if scheduler.catalogue.product(lot.product_code).needs_thawing else None
            vials.open_vial(DEMO_DOCTOR, lot.lot_id, thawed_at=thawed)
            opened.add(lot.product_code)
        vial_id = allowed_vial()
    assert vial_id is not None, "no vial fits the demo person"
    return station.record_dose(DEMO_DOCTOR, visit_id, vial_id=vial_id, injection_site="left_deltoid").person_id


# -- certificates -------------------------------------------------------------------------------------

# A name that shows what the standardised form (fnt/gnt) does: ß, umlauts, a hyphen, a space.
DEMO_FAMILY, DEMO_GIVEN, DEMO_DOB = "Groß-Müller", "Jürgen Öskar", "1964-08-12"
PRODUCT = "comirnaty"


def dose_for_certificate(store: Store, actor: Actor, *, clock: Clock = system_clock) -> VaccinationRow:
    """Today's dose of the demo person to show on the printer desk, still without a certificate.

    Recorded as a booth records it — a visit, the questionnaire, a dose given elsewhere a month ago
    (so today's is 2/2), a vial of a received lot, a doctor — so it is a dose like any other and
    every count of the day (stats, report, export, stock) includes it once. Also installs the demo
    document signer when the station has none."""
    desk = CertificateDesk(store, clock=clock)
    with store.read() as session:
        has_signer = session.scalar(select(SignerKey.id).where(SignerKey.retired_at.is_(None))) is not None
    if not has_signer:
        desk.install_demo_signer(actor)
    # The demo person even when the booth recorded others: the name shows what fnt/gnt do.
    waiting = [row for row in desk.recent_vaccinations(actor) if row.status == "none" and row.family_name == DEMO_FAMILY]
    if waiting:
        return waiting[-1]
    vaccination_id = _record_demo_dose(store, actor, clock)
    return next(row for row in desk.recent_vaccinations(actor) if row.vaccination_id == vaccination_id)


def _record_demo_dose(store: Store, actor: Actor, clock: Clock) -> str:
    checkin = CheckInDesk(store, clock=clock)
    station, vials = DoctorStation(store, clock=clock), Vials(store, clock=clock)
    with store.read() as session:
        earlier = session.scalar(select(func.count()).select_from(Person).where(Person.family_name == DEMO_FAMILY))
        doctor = session.scalars(select(Staff).where(Staff.role == "doctor", Staff.active.is_(True))).first()
    booth = (Actor(staff_id=doctor.id, role="doctor", display_name=doctor.display_name) if doctor is not None
             # No doctor on the staff list: the station itself records the demo dose (a staff id acts
             # only in the role its account has).
             else Actor(staff_id=None, role="doctor", display_name=actor.display_name))
    # A new demo person each time (one day older than the last): today's dose of an earlier one is
    # recorded already, and one person gets one dose a day.
    dob = (date.fromisoformat(DEMO_DOB) - timedelta(days=earlier or 0)).isoformat()
    person_id, visit_id = checkin.register_walk_in(
        actor, PersonInput(family_name=DEMO_FAMILY, given_name=DEMO_GIVEN, dob=dob), confirm_new=True)
    answers = {q.id: Answer(text="") if q.type == "text" else Answer(yes=False) for q in checkin.questionnaire.questions}
    checkin.record_identity(actor, visit_id, "id_card")
    checkin.record_questionnaire(actor, visit_id, answers | {"consent": Answer(yes=True)})
    checkin.call_to_doctor(actor, visit_id)
    today = station.clock().astimezone(station.tz).date()
    station.add_external_dose(booth, person_id, product_code=PRODUCT, given_on=today - timedelta(days=30), country="DE")
    vial = next((v for v in vials.open_vials() if v.product_code == PRODUCT and v.usable), None)
    if vial is None:
        lot = next((lot for lot in Lots(store, clock=clock).list_lots() if lot.product_code == PRODUCT
                    and not lot.blocked and not lot.expired and lot.vials_opened < lot.vials_received), None)
        if lot is None:
            lot = Lots(store, clock=clock).receive_typed(actor, product_code=PRODUCT, lot_number="SHOT001",
                                            expiry=today + timedelta(days=60), vials=5)
        thawed = station.clock() - timedelta(days=1) if station.catalogue.product(PRODUCT).needs_thawing else None
        vial = vials.open_vial(actor, lot.lot_id, thawed_at=thawed)
    return station.record_dose(booth, visit_id, vial_id=vial.vial_id, injection_site="left_deltoid").vaccination_id


def signed_hc1(store: Store, actor: Actor) -> str:
    """A freshly signed `HC1:` text from this station (issues one for a demo dose if needed)."""
    desk = CertificateDesk(store)
    issued = [row for row in desk.recent_vaccinations(actor) if row.status == "issued" and row.certificate_id]
    if issued:
        text = desk.certificate_text(actor, issued[-1].certificate_id or "")
        if text:
            return text
    row = dose_for_certificate(store, actor)
    hc1 = desk.issue(actor, row.vaccination_id).hc1
    assert hc1 is not None, "the demo signer was installed, so the certificate is signed"
    return hc1


# -- tests ---------------------------------------------------------------------------------------------

PERSONS = (("Okafor", "Chidi", "1988-03-14", "rat", 0), ("Lindqvist", "Maja", "1975-11-02", "rat", 6),
           ("Yılmaz", "Deniz", "2001-06-30", "rat", 25), ("Brandt", "Hannelore", "1949-01-19", "naat", 40))


def tests_of_the_day(store: Store, actor: Actor) -> None:
    """Four tests: one waiting for its sample, one counting down, one ready to read, a NAAT with its result.
    Written as the station itself: the screenshots log in as the admin, who does not take samples."""
    if TestingDesk(store).tests_of_day(actor):
        return
    desk, actor = CheckInDesk(store), Actor.system()
    for family, given, dob, kind, minutes_ago in PERSONS:
        moment = system_clock() - timedelta(minutes=minutes_ago)
        email = f"{given.lower()}@example.org"
        _, visit_id = desk.register_walk_in(actor, PersonInput(family_name=family, given_name=given, dob=dob,
                                                                email=email), confirm_new=True)
        testing = TestingDesk(store, clock=lambda m=moment: m)  # type: ignore[misc]
        test_id = testing.order(actor, visit_id, test_type=kind, mail_result=kind == "naat")
        if minutes_ago:
            if kind == "rat":
                testing.take_sample(actor, test_id, device_id="1232")
            else:
                testing.take_sample(actor, test_id, lab_name="Labor am Dom", sample_id="S-2026-0042")
                TestingDesk(store).enter_result(actor, test_id, result="negative")


# -- sync ----------------------------------------------------------------------------------------------

DEMO_REASON = "slot_full: The slot was already full; the booking is not confirmed. Rebook the person."


def rejected_booking(store: Store) -> str | None:
    """Mark the newest pending booking (else any pending change) as rejected by the server, as the sync
    engine would on a `slot_full` answer; returns its mutation id, or None when there is nothing to mark
    or the station is enrolled (a real outbox is never touched)."""
    with store.write() as session:
        if session.get(Meta, "sync.server_url") is not None:
            return None
        if session.scalar(select(Outbox.mutation_id).where(Outbox.state == "rejected")) is not None:
            return None  # already marked on an earlier run
        row = session.scalars(select(Outbox).where(Outbox.state == "pending", Outbox.kind == "appointment.booked")
                              .order_by(Outbox.station_seq.desc())).first()
        row = row or session.scalars(select(Outbox).where(Outbox.state == "pending")
                                     .order_by(Outbox.station_seq.desc())).first()
        if row is None:
            return None
        row.state, row.reason, row.reason_code = "rejected", DEMO_REASON, "slot_full"
        if row.kind == "appointment.booked":
            target = main_row(row.payload)
            appointment = session.get(Appointment, target[1]) if target else None
            if appointment is not None:
                appointment.state = "cancelled"
                appointment.booking_state = "rejected"
                appointment.state_changed_at = datetime.now(UTC)
        return row.mutation_id


# -- stock --------------------------------------------------------------------------------------------


def carton_and_open_vial(lots: Lots, vials: Vials, actor: Actor) -> str:
    """A vial open (so the countdown shows) and the GS1 label of a carton to scan, not yet received."""
    rows = lots.list_lots()
    if not vials.open_vials() and rows:
        lot = next((r for r in rows if not r.blocked and not r.expired), rows[0])
        product = lots.catalogue.product(lot.product_code)
        vials.open_vial(actor, lot.lot_id,
                        thawed_at=vials.clock() - timedelta(hours=2) if product.needs_thawing else None)
    today = vials.clock().date()
    gtin = lots.catalogue.products[0].presentations[0].gtin
    return format_element_string(Gs1Data(gtin=gtin, expiry=today + timedelta(days=120), lot="FK4711"))
