"""The clinical and consent rules of issue 14, in the services (a screen cannot click them away), on a
real encrypted store: consent of minors and adults, identity and consent before a dose, observation
ended early, vials expired at opening or by their label, an unfinished check-in taken up again, and
a registered walk-in checked in on today's booking."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.domain.gs1 import Gs1Data, format_element_string
from app.domain.questionnaire import Answer
from app.errors import AuthError, RuleViolation
from app.services.booking import SlotPlan, book_appointment, open_slots
from app.services.booth_outlook import BoothOutlook
from app.services.unit_of_work import Actor, UnitOfWork
from app.services.vaccinations import DoctorStation, OverrideReasonRequired
from app.storage.engine import Store
from app.storage.schema import Appointment, AuditLog, Lot, Outbox, Product, Vaccination, Visit
from tests.integration.test_vaccinations import ADMIN, DOCTOR, EXPIRY, NURSE, Center

NO = Answer(yes=False)


def all_no(c: Center) -> dict[str, Answer]:
    answers = {q.id: (Answer(text="") if q.type == "text" else NO) for q in c.desk.questionnaire.questions}
    return answers | {"consent": Answer(yes=True)}


@pytest.fixture
def c(store: Store) -> Center:
    return Center(store)


def new_visit(c: Center, person_id: str) -> str:
    with UnitOfWork(c.store, NURSE, c.clock) as uow:
        return c.desk._new_visit(uow, person_id, None).id


# ---- consent --------------------------------------------------------------------------------------


def test_a_minor_needs_a_named_guardian_and_an_adult_consents_alone(c: Center) -> None:
    minor = new_visit(c, c.person(dob="2016-01-01"))  # 14 on the center's day
    with pytest.raises(RuleViolation) as own:
        c.desk.record_questionnaire(NURSE, minor, all_no(c))
    assert own.value.code == "consent_minor_needs_guardian" and own.value.params["limit"] == 16
    c.desk.record_questionnaire(NURSE, minor, all_no(c), consent_by="guardian", guardian_name="Eva Weber")
    with c.store.read() as s:
        visit = s.get(Visit, minor)
        assert visit is not None and (visit.consent_by, visit.guardian_name) == ("guardian", "Eva Weber")
        # The consent travels with the visit (sync): the queued mutation carries it.
        payloads = [o.payload for o in s.scalars(select(Outbox).where(Outbox.kind == "visit.questionnaire"))]
    assert any("Eva Weber" in str(p) for p in payloads)

    adult = new_visit(c, c.person(dob="2014-05-06"))  # 16 today: consents alone
    with pytest.raises(RuleViolation) as guardian:
        c.desk.record_questionnaire(NURSE, adult, all_no(c), consent_by="guardian", guardian_name="Eva Weber")
    assert guardian.value.code == "consent_guardian_for_adult"
    c.desk.record_questionnaire(NURSE, adult, all_no(c))


def test_no_dose_without_this_visits_identity_check(c: Center) -> None:
    vial = c.open("nuvaxovid")
    visit = new_visit(c, c.person())
    c.desk.record_questionnaire(NURSE, visit, all_no(c))
    c.desk.call_to_doctor(NURSE, visit)
    with pytest.raises(RuleViolation) as refused:
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")
    assert refused.value.code == "dose_needs_identity"
    with c.store.read() as s:
        assert s.scalars(select(Vaccination)).first() is None
    c.desk.back_to_waiting(DOCTOR, visit)  # the booth sends the person back to the desk
    c.desk.record_identity(NURSE, visit, "passport")
    c.desk.call_to_doctor(NURSE, visit)
    assert c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid").dose == "1/2"


# ---- observation ----------------------------------------------------------------------------------


def test_ending_observation_early_needs_a_reason_and_says_who(c: Center) -> None:
    vial = c.open("nuvaxovid")
    result = c.dose(c.person(), vial)
    with c.store.read() as s:
        visit_id = s.scalars(select(Vaccination.visit_id).where(Vaccination.id == result.vaccination_id)).one()
    c.clock.advance(minutes=5)
    with pytest.raises(RuleViolation) as refused:
        c.desk.end_observation(NURSE, visit_id)
    assert refused.value.code == "observation_early_needs_reason" and refused.value.params["minutes"] == 10
    with pytest.raises(RuleViolation):
        c.desk.end_observation(NURSE, visit_id, reason="   ")
    on_duty = Actor(staff_id="0190f0c2-0000-7000-8000-00000000a11a", role="nurse", display_name="Ina Berg")
    c.desk.end_observation(on_duty, visit_id, reason="Taken home by her daughter, feels well")
    with c.store.read() as s:
        visit = s.get(Visit, visit_id)
        assert visit is not None and visit.state == "done"
        assert visit.left_reason == "Taken home by her daughter, feels well"
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "visit.done")).one()
    assert entry.staff_id == on_duty.staff_id  # who ended it early
    assert entry.details["ended_early"] is True and entry.details["minutes_left"] == 10


def test_observation_over_ends_without_a_reason(c: Center) -> None:
    result = c.dose(c.person(), c.open("nuvaxovid"))
    with c.store.read() as s:
        visit_id = s.scalars(select(Vaccination.visit_id).where(Vaccination.id == result.vaccination_id)).one()
    c.clock.advance(minutes=15)
    c.desk.end_observation(NURSE, visit_id)


# ---- vials ----------------------------------------------------------------------------------------


def test_a_vial_thawed_too_long_ago_is_refused_at_opening(c: Center) -> None:
    lot = c.lot("comirnaty")
    with pytest.raises(RuleViolation) as refused:
        c.vials.open_vial(ADMIN, lot, thawed_at=c.clock.now - timedelta(hours=745))
    assert refused.value.code == "vial_expired_at_opening"
    assert c.vials.open_vials() == []


def label(c: Center, product: str, *, expiry: object = EXPIRY, serial: str | None = None) -> str:
    gtin = c.vials.catalogue.product(product).presentations[0].gtin
    return format_element_string(Gs1Data(gtin=gtin, expiry=expiry, lot=f"{product[:3].upper()}-1",  # type: ignore[arg-type]
                                         serial=serial))


def test_a_label_with_a_serial_finds_the_vial_opened_without_one(c: Center) -> None:
    vial = c.open("nuvaxovid")
    assert c.vials.find_by_scan(label(c, "nuvaxovid", serial="V0042")).vial_id == vial.vial_id


def test_the_expiry_printed_on_the_label_is_a_hard_stop(c: Center) -> None:
    c.open("nuvaxovid")
    with pytest.raises(RuleViolation) as expired:
        c.vials.find_by_scan(label(c, "nuvaxovid", expiry=c.clock.now.date() - timedelta(days=14)))
    assert expired.value.code == "vial_label_expired"
    with pytest.raises(RuleViolation) as differs:  # still valid, but earlier than the lot was received with
        c.vials.find_by_scan(label(c, "nuvaxovid", expiry=EXPIRY - timedelta(days=30)))
    assert differs.value.code == "vial_label_expiry_differs"


# ---- the desk -------------------------------------------------------------------------------------


def booked_today(c: Center, person_id: str) -> str:
    with UnitOfWork(c.store, ADMIN, c.clock) as uow:
        plan = SlotPlan(site_id=c.store.identity.site_id, opens=c.clock.now + timedelta(minutes=10),
                        closes=c.clock.now + timedelta(minutes=20), slot_minutes=10, capacity=2,
                        product_code="nuvaxovid")
        return book_appointment(uow, person_id=person_id, slot_id=open_slots(uow, plan)[0].id).id


def test_an_interrupted_check_in_is_found_again(c: Center) -> None:
    person = c.person()
    appointment = booked_today(c, person)
    visit = c.desk.check_in(NURSE, appointment, confirmed=True)
    unfinished = c.desk.open_visit(NURSE, person)
    assert unfinished is not None and unfinished.visit_id == visit and unfinished.document_type is None
    c.desk.record_identity(NURSE, visit, "passport")
    unfinished = c.desk.open_visit(NURSE, person)
    assert unfinished is not None and unfinished.document_type == "passport"
    c.desk.record_questionnaire(NURSE, visit, all_no(c))
    assert c.desk.open_visit(NURSE, person) is None  # sent to the queue: nothing left to finish


def test_the_existing_person_is_checked_in_on_todays_booking(c: Center) -> None:
    person = c.person()
    appointment = booked_today(c, person)
    visit_id = c.desk.start_walk_in_visit(NURSE, person)
    with c.store.read() as s:
        visit = s.get(Visit, visit_id)
        booking = s.get(Appointment, appointment)
        assert visit is not None and booking is not None
        assert visit.appointment_id == appointment and booking.state == "checked_in"


# ---- the doctor's review -----------------------------------------------------------------------------


def test_flagged_answers_need_the_doctors_acknowledgement_which_is_audited(c: Center) -> None:
    vial = c.open("nuvaxovid")
    visit = new_visit(c, c.person())
    c.desk.record_identity(NURSE, visit, "id_card")
    c.desk.record_questionnaire(NURSE, visit, all_no(c) | {"anticoagulation": Answer(yes=True)})
    c.desk.call_to_doctor(NURSE, visit)
    with pytest.raises(RuleViolation) as refused:
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")
    assert refused.value.code == "dose_needs_review_acknowledged"
    with pytest.raises(AuthError):  # a nurse cannot confirm for the doctor
        c.doctor.acknowledge_review(NURSE, visit)
    c.doctor.acknowledge_review(DOCTOR, visit)
    with c.store.read() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "visit.review_acknowledged")).one()
        assert entry.details == {"flags": ["anticoagulation"]}
        row = s.get(Visit, visit)
        assert row is not None and row.review_acknowledged_at is not None
        assert s.scalars(select(Outbox.kind).where(Outbox.kind == "visit.review_acknowledged")).one()
    assert c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid").dose == "1/2"


def test_a_booking_for_a_product_the_catalogue_no_longer_lists(c: Center) -> None:
    """The catalogue in resources/ is edited without code changes: a product taken out of it keeps its
    table row and its bookings. The booth's preview and dose do not fail on such a booking: the vial's
    product is given, with the doctor's reason, and a vial of such a product is refused by its code."""
    person = c.person()
    with UnitOfWork(c.store, ADMIN, c.clock) as uow:
        uow.session.add(Product(code="retired", name="Retired vaccine", mp="EU/1/00/0001", ma="ORG-100000001",
                                vp="1119349007", doses_per_vial=10, data={}))
        uow.session.flush()
        plan = SlotPlan(site_id=c.store.identity.site_id, opens=c.clock.now + timedelta(minutes=10),
                        closes=c.clock.now + timedelta(minutes=20), slot_minutes=10, capacity=2, product_code="retired")
        appointment = book_appointment(uow, person_id=person, slot_id=open_slots(uow, plan)[0].id).id
    outlook = BoothOutlook(c.store, clock=c.clock)
    assert outlook.outlook() == []  # due, of a product the booth can say nothing about: no row, no failure
    visit = c.arrive(person, appointment_id=appointment)
    vial = c.open("nuvaxovid")
    assert [row.product_code for row in outlook.outlook()] == ["nuvaxovid"]
    preview = c.doctor.assess(DOCTOR, visit, vial.vial_id)
    assert preview.product_code == "nuvaxovid" and preview.hard_stops == ()
    assert [r.code for r in preview.warning_reasons] == ["dose_booked_product_unknown"]
    assert preview.warning_reasons[0].params == {"product": "retired", "vial_product": "Nuvaxovid"}
    with pytest.raises(OverrideReasonRequired):
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")
    given = c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid",
                                 override_reason="Booked product withdrawn; Nuvaxovid agreed")
    assert (given.product_code, given.dose_number, given.series_doses) == ("nuvaxovid", 1, 2)

    opened = c.open("comirnaty")
    with c.store.write() as s:  # as a lot received under an earlier catalogue (or pulled so by sync)
        lot = s.get(Lot, c.lot("comirnaty"))
        assert lot is not None
        lot.product_code = "retired"
    second = c.person()
    other_visit = c.arrive(second)
    with pytest.raises(RuleViolation) as refused:
        c.doctor.assess(DOCTOR, other_visit, opened.vial_id)
    assert refused.value.code == "vial_product_not_in_catalogue" and refused.value.params == {"product": "retired"}
    listed = {row.vial_id: row for row in c.vials.open_vials()}
    assert not listed[opened.vial_id].usable and listed[vial.vial_id].usable  # the list still shows every vial
    assert [row.product_code for row in outlook.outlook()] == ["nuvaxovid"]


def test_a_maximum_age_counts_the_oldest_a_birth_year_can_mean(c: Center) -> None:
    """A catalogue entry with an upper age limit (the catalogue is data, editable): a person known by birth
    year only may be the older age, and the dose is a hard stop as for the minimum age."""
    products = tuple(replace(p, max_age_years=64) if p.code == "nuvaxovid" else p for p in c.doctor.catalogue.products)
    limited = DoctorStation(c.store, clock=c.clock, catalogue=replace(c.doctor.catalogue, products=products))
    vial = c.open("nuvaxovid")
    sure = c.arrive(c.person(dob="1966-01-01"))  # 64 on 6 May 2030
    assert limited.assess(DOCTOR, sure, vial.vial_id).hard_stops == ()
    c.finish(sure)
    maybe = c.arrive(c.person(dob="1965"))  # 64 or 65
    preview = limited.assess(DOCTOR, maybe, vial.vial_id)
    assert [r.code for r in preview.stop_reasons] == ["rule_age_max"]
    assert preview.stop_reasons[0].params == {"product": "Nuvaxovid", "max": 64, "age": 65}
    with pytest.raises(RuleViolation) as refused:
        limited.record_dose(DOCTOR, maybe, vial_id=vial.vial_id, injection_site="left_deltoid")
    assert refused.value.code == "rule_age_max"


def test_identity_and_answers_of_a_visit_with_a_dose_cannot_be_rewritten(c: Center) -> None:
    """The identity check and the consent are what stood before the dose: once the person is in observation
    or has gone, the desk cannot record them again (a later time, other answers) over the ones the dose was
    given on; nothing is written."""
    vial = c.open("nuvaxovid")
    person = c.person()
    result = c.dose(person, vial)
    with c.store.read() as s:
        visit_id = s.scalars(select(Vaccination.visit_id).where(Vaccination.id == result.vaccination_id)).one()
        before = s.get(Visit, visit_id)
        assert before is not None
        consent_at, checked_at = before.consent_at, before.id_checked_at
    c.clock.advance(minutes=20)
    for step in range(2):
        with pytest.raises(RuleViolation) as refused:
            c.desk.record_identity(NURSE, visit_id, "passport")
        assert refused.value.code == "visit_steps_closed"
        with pytest.raises(RuleViolation) as refused:
            c.desk.record_questionnaire(NURSE, visit_id, all_no(c) | {"allergies": Answer(yes=True)})
        assert refused.value.code == "visit_steps_closed"
        if step == 0:
            c.desk.end_observation(NURSE, visit_id)
    with c.store.read() as s:
        after = s.get(Visit, visit_id)
        assert after is not None and after.state == "done"
        assert (after.consent_at, after.id_checked_at, after.id_document_type) == (consent_at, checked_at, "id_card")
        assert after.needs_review is False
