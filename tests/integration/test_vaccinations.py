"""The doctor's booth through its services on a real encrypted store: what a doctor would notice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.questionnaire import Answer
from app.errors import AuthError, NotFound, RuleViolation, ValidationError
from app.services.booking import SlotPlan, book_appointment, open_slots
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.persons import PersonInput, add_person
from app.services.stats import station_stats
from app.services.unit_of_work import Actor, UnitOfWork
from app.services.vaccinations import DoctorStation, OverrideReasonRequired
from app.services.vials import VialRow, Vials
from app.storage.engine import Store
from app.storage.schema import AuditLog, Outbox, Vaccination, Visit
from tests.conftest import ManualClock

DOCTOR = Actor(staff_id=None, role="doctor", display_name="Dr. Mehmet Yılmaz")
NURSE = Actor(staff_id=None, role="nurse", display_name="Anna Schmidt")
ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")
START = datetime(2030, 5, 6, 8, 0, tzinfo=UTC)  # 10:00 in Berlin
TODAY = date(2030, 5, 6)
EXPIRY = date(2031, 6, 30)


class Center:
    """The booth with its services, all on one simulated clock."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock = ManualClock(START)
        self.desk = CheckInDesk(store, clock=self.clock)
        self.lots = Lots(store, clock=self.clock)
        self.vials = Vials(store, clock=self.clock)
        self.doctor = DoctorStation(store, clock=self.clock)
        self._lot_ids: dict[str, str] = {}
        self._n = 0

    def lot(self, product: str) -> str:
        if product not in self._lot_ids:
            row = self.lots.receive_typed(ADMIN, product_code=product, lot_number=f"{product[:3].upper()}-1",
                                          expiry=EXPIRY, vials=50)
            self._lot_ids[product] = row.lot_id
        return self._lot_ids[product]

    def open(self, product: str) -> VialRow:
        thawed = self.clock.now - timedelta(days=1) if product in ("comirnaty", "spikevax") else None
        return self.vials.open_vial(ADMIN, self.lot(product), thawed_at=thawed)

    def person(self, dob: str = "1970-03-15") -> str:
        self._n += 1
        with UnitOfWork(self.store, NURSE, self.clock) as uow:
            return add_person(uow, PersonInput(family_name="Weber", given_name="Anna" + "abcdefghijklmnopqrstuvwxyz"[self._n % 26] * (1 + self._n // 26), dob=dob)).id

    def arrive(self, person_id: str, *, appointment_id: str | None = None, earlier_reaction: bool = False,
               guardian: str | None = None) -> str:
        """Check in (walk-in or booked), questionnaire, called to the doctor: returns the visit."""
        if appointment_id is not None:
            visit_id = self.desk.check_in(NURSE, appointment_id, confirmed=True)
        else:
            with UnitOfWork(self.store, NURSE, self.clock) as uow:
                visit_id = self.desk._new_visit(uow, person_id, None).id
        answers = {q: Answer(yes=False) for q in (
            "acute_illness", "anticoagulation", "pregnancy", "immunosuppression", "earlier_vaccinations",
            "earlier_infection", "allergies")}
        answers["consent"] = Answer(yes=True)
        answers["earlier_reaction"] = Answer(yes=earlier_reaction)
        self.desk.record_identity(NURSE, visit_id, "id_card")
        self.desk.record_questionnaire(NURSE, visit_id, answers, consent_by="guardian" if guardian else "self",
                                       guardian_name=guardian)
        self.desk.call_to_doctor(NURSE, visit_id)
        if earlier_reaction:  # flagged: the doctor reads the answer with the person first
            self.doctor.acknowledge_review(DOCTOR, visit_id)
        return visit_id

    def dose(self, person_id: str, vial: VialRow, **kwargs: Any) -> Any:
        visit = self.arrive(person_id)
        return self.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid", **kwargs)

    def finish(self, visit_id: str) -> None:
        """Whatever the visit's state, end it so the person can come again."""
        with self.store.read() as s:
            visit = s.get(Visit, visit_id)
            assert visit is not None
            state = visit.state
        if state == "observation":
            self.desk.end_observation(NURSE, visit_id, reason="test: the next visit follows")
        elif state in ("checked_in", "with_doctor"):
            self.desk.left_without_vaccination(NURSE, visit_id, "test")

    def external(self, person_id: str, product: str, days_ago: int) -> None:
        self.doctor.add_external_dose(DOCTOR, person_id, product_code=product,
                                      given_on=self.clock.now.date() - timedelta(days=days_ago), country="AT")

    def count(self, model: Any, *where: Any) -> int:
        with self.store.read() as s:
            return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


@pytest.fixture
def c(store: Store) -> Center:
    return Center(store)


def written(c: Center) -> tuple[int, int, int]:
    return c.count(AuditLog), c.count(Outbox), c.count(Vaccination)


def refused_without_a_trace(c: Center, visit: str, vial: VialRow, error: type[Exception], match: str, *,
                            injection_site: str = "left_deltoid", **extra: Any) -> None:
    """The doctor's record_dose fails with `error` and writes no audit entry, outbox mutation or dose."""
    before = written(c)
    with pytest.raises(error, match=match):
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site=injection_site, **extra)
    assert written(c) == before


def stock(c: Center, product: str) -> dict[str, int]:
    return station_stats(c.store)["stock"][product]  # type: ignore[no-any-return]


# ---- recording ------------------------------------------------------------------------------


def test_record_a_first_dose_in_one_transaction(c: Center) -> None:
    vial = c.open("comirnaty")
    person = c.person()
    # A reaction after an earlier vaccination: the desk asked for 30 minutes of observation.
    visit = c.arrive(person, earlier_reaction=True)
    preview = c.doctor.assess(DOCTOR, visit, vial.vial_id)
    assert preview.allowed and not preview.needs_override and preview.dose == "1/2"
    assert preview.review_flags == ("earlier_reaction",) and preview.vial_doses_left == 6
    before = written(c)
    result = c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")
    assert result.dose == "1/2" and result.product_code == "comirnaty"
    assert result.observation_ends_at == (START + timedelta(minutes=30)).astimezone(result.given_at.tzinfo)
    audit, outbox, doses = written(c)
    assert (audit - before[0], outbox - before[1], doses - before[2]) == (1, 1, 1)
    with c.store.read() as s:
        mutation = s.scalars(select(Outbox).order_by(Outbox.station_seq.desc())).first()
        assert mutation is not None and mutation.kind == "vaccination.recorded"
        visit_rows = [r for r in mutation.payload["rows"] if r["entity"] == "visit"]
        assert [r["values"]["state"] for r in visit_rows] == ["observation"]
        row = s.get(Visit, visit)
        assert row is not None and row.state == "observation" and row.observation_started_at == START
    assert c.vials.get(vial.vial_id).doses_drawn == 1
    assert stock(c, "comirnaty")["administered"] == 1
    (entry,) = c.doctor.history(DOCTOR, person).doses
    assert entry.dose == "1/2" and entry.lot_number == "COM-1" and not entry.external


def test_only_a_doctor_records_a_dose(c: Center) -> None:
    vial = c.open("comirnaty")
    visit = c.arrive(c.person())
    with pytest.raises(AuthError):
        c.doctor.record_dose(NURSE, visit, vial_id=vial.vial_id, injection_site="left_deltoid")


def test_unknown_injection_site_is_refused(c: Center) -> None:
    vial = c.open("comirnaty")
    visit = c.arrive(c.person())
    refused_without_a_trace(c, visit, vial, ValidationError, "injection site", injection_site="gluteus")


def test_a_person_still_waiting_cannot_get_a_dose(c: Center) -> None:
    vial = c.open("comirnaty")
    person = c.person()
    visit = c.arrive(person)
    c.desk.back_to_waiting(NURSE, visit)
    with pytest.raises(RuleViolation, match="call them from the queue"):
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")


def test_comirnaty_second_dose_refused_on_day_20_allowed_on_day_21(c: Center) -> None:
    person = c.person()
    c.finish(_visit_of(c, c.dose(person, c.open("comirnaty"))))
    c.clock.advance(days=20)
    vial = c.open("comirnaty")
    visit = c.arrive(person)
    assert c.doctor.assess(DOCTOR, visit, vial.vial_id).hard_stops == (
        "Too early for dose 2: allowed from 2030-05-27 (21 days after the dose on 2030-05-06).",
    )
    refused_without_a_trace(c, visit, vial, RuleViolation, "Too early for dose 2",
                            override_reason="The person insists")  # a hard stop ignores any reason
    assert c.vials.get(vial.vial_id).doses_drawn == 0
    c.finish(visit)
    c.clock.advance(days=1)
    second = c.dose(person, c.open("comirnaty"))
    assert second.dose == "2/2"
    assert [d.dose for d in c.doctor.history(DOCTOR, person).doses] == ["1/2", "2/2"]


def test_a_second_dose_the_same_day_is_refused(c: Center) -> None:
    vial = c.open("comirnaty")
    person = c.person()
    first = c.dose(person, vial)
    c.desk.end_observation(NURSE, _visit_of(c, first), reason="wants to go home")
    c.clock.advance(hours=1)
    visit = c.arrive(person)
    refused_without_a_trace(c, visit, vial, RuleViolation, "already given on 2030-05-06; only one dose per day",
                            injection_site="right_deltoid")


def test_recording_twice_for_one_visit_is_refused(c: Center) -> None:
    vial = c.open("comirnaty")
    visit = c.arrive(c.person())
    c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")
    with pytest.raises(RuleViolation, match="already in observation"):
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")


def _visit_of(c: Center, result: Any) -> str:
    with c.store.read() as s:
        visit_id = s.scalar(select(Vaccination.visit_id).where(Vaccination.id == result.vaccination_id))
    assert visit_id is not None
    return visit_id


# ---- vials that must not be used ------------------------------------------------------------


def test_vial_past_its_use_by_after_opening_is_refused(c: Center) -> None:
    vial = c.open("comirnaty")
    c.clock.advance(hours=6)
    visit = c.arrive(c.person())
    before = written(c)
    with pytest.raises(RuleViolation) as err:
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid",
                             override_reason="still looks fine")
    assert str(err.value) == "This vial expired at 16:00 (6 h after opening). Discard it and open a new one."
    assert written(c) == before
    c.clock.advance(minutes=-1)  # one minute earlier the same vial was still fine
    assert c.doctor.assess(DOCTOR, visit, vial.vial_id).allowed


def test_vial_past_its_printed_expiry_is_refused(c: Center) -> None:
    lot = c.lots.receive_typed(ADMIN, product_code="spikevax", lot_number="SPX-EXP", expiry=TODAY, vials=2)
    c.clock.advance(hours=10)  # 20:00 on the printed expiry day
    vial = c.vials.open_vial(ADMIN, lot.lot_id, thawed_at=START)
    c.clock.advance(hours=4)  # 00:00 the next day, well inside Spikevax's 19 h after opening
    visit = c.arrive(c.person())
    with pytest.raises(RuleViolation, match="lot SPX-EXP expired on 2030-05-06"):
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")


def test_discarded_vial_is_refused(c: Center) -> None:
    vial = c.open("comirnaty")
    c.vials.discard(ADMIN, vial.vial_id, reason="contamination")
    visit = c.arrive(c.person())
    with pytest.raises(RuleViolation, match=r"This vial was discarded at 10:00\. Open a new one\."):
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")


def test_seventh_dose_from_a_comirnaty_vial_is_refused(c: Center) -> None:
    vial = c.open("comirnaty")
    for _ in range(6):
        c.dose(c.person(), vial)
        c.clock.advance(minutes=3)
    assert c.vials.get(vial.vial_id).doses_left == 0
    visit = c.arrive(c.person())
    refused_without_a_trace(c, visit, vial, RuleViolation, "This vial is empty: all 6 doses are drawn")
    # An empty vial is discarded without waste: every dose was given.
    c.vials.discard(ADMIN, vial.vial_id, reason="unused_end_of_day")
    assert stock(c, "comirnaty") == {"received": 300, "administered": 6, "wasted": 0, "remaining": 294}


def test_vial_of_a_blocked_lot_is_refused(c: Center) -> None:
    vial = c.open("comirnaty")
    c.lots.block(ADMIN, vial.lot_id, reason="Recall 2030-17")
    visit = c.arrive(c.person())
    with pytest.raises(RuleViolation, match="Lot COM-1 is blocked \\(Recall 2030-17\\)"):
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid")


def test_vial_of_another_product_than_booked_is_refused(c: Center) -> None:
    with UnitOfWork(c.store, Actor.system(), c.clock) as uow:
        slot = open_slots(uow, SlotPlan(site_id=c.store.identity.site_id, opens=START,
                                        closes=START + timedelta(hours=1), slot_minutes=60, capacity=5))[0]
        person = add_person(uow, PersonInput(family_name="Braun", given_name="Lena", dob="1988-08-08")).id
        appointment = book_appointment(uow, person_id=person, slot_id=slot.id, product_code="comirnaty").id
    visit = c.arrive(person, appointment_id=appointment)
    wrong = c.open("spikevax")
    assert c.doctor.assess(DOCTOR, visit, wrong.vial_id).product_code == "comirnaty"
    with pytest.raises(RuleViolation, match="Wrong vial: it holds Spikevax, but this dose is Comirnaty"):
        c.doctor.record_dose(DOCTOR, visit, vial_id=wrong.vial_id, injection_site="left_deltoid",
                             override_reason="out of Comirnaty")
    right = c.open("comirnaty")
    assert c.doctor.record_dose(DOCTOR, visit, vial_id=right.vial_id, injection_site="left_deltoid").dose == "1/2"


# ---- warnings and overrides -----------------------------------------------------------------


def test_a_warning_needs_a_reason_which_is_stored_and_audited(c: Center) -> None:
    person = c.person()
    c.external(person, "comirnaty", days_ago=30)
    vial = c.open("spikevax")
    visit = c.arrive(person)
    preview = c.doctor.assess(DOCTOR, visit, vial.vial_id)
    assert preview.needs_override and preview.dose == "2/2"
    assert any("Mixed primary series" in w for w in preview.warnings)
    before = written(c)
    for reason in (None, "   "):
        with pytest.raises(OverrideReasonRequired) as err:
            c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid",
                                 override_reason=reason)
        assert err.value.warnings == preview.warnings
    assert written(c) == before
    reason = "Comirnaty not available today; heterologous series per STIKO"
    result = c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid",
                                  override_reason=reason)
    assert result.warnings_overridden == preview.warnings
    doses = c.doctor.history(DOCTOR, person).doses
    assert doses[-1].override_reason == reason
    with c.store.read() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.action == "vaccination.recorded")).one()
        assert entry.details is not None and entry.details["override_reason"] == reason
        assert entry.details["warnings"] == list(preview.warnings)


def test_override_reason_without_a_warning_is_not_stored(c: Center) -> None:
    result = c.dose(c.person(), c.open("comirnaty"), override_reason="just in case")
    assert result.warnings_overridden == ()
    with c.store.read() as s:
        assert s.scalar(select(Vaccination.override_reason)) is None


# ---- numbering ------------------------------------------------------------------------------


def test_booster_after_two_doses_is_3_of_3(c: Center) -> None:
    person = c.person()
    c.external(person, "comirnaty", days_ago=221)
    c.external(person, "comirnaty", days_ago=200)
    assert [d.dose for d in c.doctor.history(DOCTOR, person).doses] == ["1/2", "2/2"]
    assert c.dose(person, c.open("comirnaty")).dose == "3/3"


def test_second_dose_after_jcovden_is_2_of_1(c: Center) -> None:
    person = c.person()
    c.external(person, "jcovden", days_ago=120)
    assert c.doctor.history(DOCTOR, person).doses[0].dose == "1/1"
    assert c.dose(person, c.open("comirnaty")).dose == "2/1"


def test_age_limit_is_a_hard_stop(c: Center) -> None:
    vial = c.open("jcovden")
    visit = c.arrive(c.person(dob="2015-01-01"), guardian="Eva Weber")
    with pytest.raises(RuleViolation, match="Jcovden is given from 18 years; the person is 15"):
        c.doctor.record_dose(DOCTOR, visit, vial_id=vial.vial_id, injection_site="left_deltoid",
                             override_reason="parents insist")


def test_external_doses_are_validated(c: Center) -> None:
    person = c.person()
    before = written(c)
    for kwargs, words in (
        ({"country": "Austria"}, "two-letter"),
        ({"given_on": TODAY + timedelta(days=1)}, "future"),
        ({"given_on": date(2019, 5, 1)}, "cannot be a COVID-19 dose"),
        ({"product_code": "sputnik"}, "Unknown product"),
    ):
        args: dict[str, Any] = {"product_code": "comirnaty", "given_on": TODAY - timedelta(days=40), "country": "AT"}
        args.update(kwargs)
        with pytest.raises(ValidationError, match=words):
            c.doctor.add_external_dose(DOCTOR, person, **args)
    assert written(c) == before
    c.external(person, "comirnaty", days_ago=40)
    with pytest.raises(RuleViolation, match="only one dose per day"):
        c.external(person, "spikevax", days_ago=40)
    (entry,) = c.doctor.history(DOCTOR, person).doses
    assert entry.external and entry.country == "AT" and entry.lot_number is None
    assert entry.given_on == TODAY - timedelta(days=40)


# ---- voids and corrections ------------------------------------------------------------------


def test_void_removes_the_dose_from_history_stock_and_stats(c: Center) -> None:
    vial = c.open("comirnaty")
    person = c.person()
    dose = c.dose(person, vial)
    assert station_stats(c.store)["vaccinations"] == 1
    with pytest.raises(ValidationError, match="reason"):
        c.doctor.void_dose(DOCTOR, dose.vaccination_id, reason=" ")
    with pytest.raises(AuthError):
        c.doctor.void_dose(NURSE, dose.vaccination_id, reason="wrong person")
    result = c.doctor.void_dose(DOCTOR, dose.vaccination_id, reason="Recorded for the wrong person")
    assert result.certificates_to_revoke == ()
    assert c.doctor.history(DOCTOR, person).doses == ()
    (voided,) = c.doctor.history(DOCTOR, person, include_voided=True).doses
    assert voided.voided and voided.void_reason == "Recorded for the wrong person"
    assert station_stats(c.store)["vaccinations"] == 0
    assert stock(c, "comirnaty") == {"received": 300, "administered": 0, "wasted": 0, "remaining": 300}
    assert c.vials.get(vial.vial_id).doses_drawn == 0
    with pytest.raises(RuleViolation, match="already voided"):
        c.doctor.void_dose(DOCTOR, dose.vaccination_id, reason="again")
    assert c.count(AuditLog, AuditLog.action == "vaccination.voided") == 1
    assert c.count(Outbox, Outbox.kind == "vaccination.voided") == 1


def test_void_after_the_vial_was_discarded_counts_the_dose_as_wasted(c: Center) -> None:
    vial = c.open("comirnaty")
    dose = c.dose(c.person(), vial)
    c.vials.discard(ADMIN, vial.vial_id, reason="unused_end_of_day")
    assert stock(c, "comirnaty") == {"received": 300, "administered": 1, "wasted": 5, "remaining": 294}
    c.doctor.void_dose(DOCTOR, dose.vaccination_id, reason="Entered twice")
    # The dose was not given, but it went into the bin with the vial.
    assert stock(c, "comirnaty") == {"received": 300, "administered": 0, "wasted": 6, "remaining": 294}


def test_correct_a_mis_scanned_vial(c: Center) -> None:
    first, second = c.open("comirnaty"), c.open("comirnaty")
    person = c.person()
    dose = c.dose(person, first)
    before = written(c)
    fixed = c.doctor.correct_dose(DOCTOR, dose.vaccination_id, reason="Scanned the neighbouring vial",
                                  vial_id=second.vial_id, injection_site="right_deltoid")
    audit, outbox, doses = written(c)
    # One use case: one audit row, one mutation, one new (appended) dose row; the old row is untouched.
    assert (audit - before[0], outbox - before[1], doses - before[2]) == (1, 1, 1)
    assert fixed.voided_id == dose.vaccination_id and fixed.dose == "1/2" and fixed.findings == ()
    (entry,) = c.doctor.history(DOCTOR, person).doses
    assert entry.vaccination_id == fixed.vaccination_id and entry.corrects_id == dose.vaccination_id
    assert entry.injection_site == "right_deltoid" and entry.given_at == dose.given_at
    assert (c.vials.get(first.vial_id).doses_drawn, c.vials.get(second.vial_id).doses_drawn) == (0, 1)
    assert station_stats(c.store)["vaccinations"] == 1 and stock(c, "comirnaty")["administered"] == 1
    with c.store.read() as s:
        entry_row = s.scalars(select(AuditLog).where(AuditLog.action == "vaccination.corrected")).one()
        assert entry_row.details is not None and entry_row.details["voided"] == dose.vaccination_id
        assert entry_row.details["reason"] == "Scanned the neighbouring vial"
    with pytest.raises(RuleViolation, match="already voided"):
        c.doctor.correct_dose(DOCTOR, dose.vaccination_id, reason="again", injection_site="other")


def test_correct_an_external_dose_date(c: Center) -> None:
    person = c.person()
    c.external(person, "comirnaty", days_ago=15)
    (wrong,) = c.doctor.history(DOCTOR, person).doses
    with pytest.raises(ValidationError, match="no vial"):
        c.doctor.correct_dose(DOCTOR, wrong.vaccination_id, reason="typo", injection_site="other")
    with pytest.raises(ValidationError, match="Nothing to correct"):
        c.doctor.correct_dose(DOCTOR, wrong.vaccination_id, reason="typo")
    c.doctor.correct_dose(DOCTOR, wrong.vaccination_id, reason="Typed 15 for 51 days",
                          given_on=TODAY - timedelta(days=51))
    vial = c.open("comirnaty")
    # With the corrected date the second dose is due: no longer too early.
    assert c.dose(person, vial).dose == "2/2"


def test_corrections_record_what_happened_and_report_what_the_rules_say(c: Center) -> None:
    good, expired = c.open("comirnaty"), c.open("comirnaty")
    c.vials.discard(ADMIN, expired.vial_id, reason="broken")
    dose = c.dose(c.person(), good)
    fixed = c.doctor.correct_dose(DOCTOR, dose.vaccination_id, reason="The broken vial was used after all",
                                  vial_id=expired.vial_id)
    assert fixed.findings and "discarded" in fixed.findings[0]


# ---- adverse events -------------------------------------------------------------------------


def test_adverse_event_is_on_the_history(c: Center) -> None:
    person = c.person()
    dose = c.dose(person, c.open("comirnaty"))
    c.clock.advance(minutes=8)
    event = c.doctor.record_adverse_event(
        NURSE, person, vaccination_id=dose.vaccination_id, kind="syncope", severity="mild",
        onset=c.clock.now - timedelta(minutes=2), action_taken="Lying down, legs raised; recovered in 5 minutes",
    )
    (listed,) = c.doctor.history(DOCTOR, person).adverse_events
    assert listed == event and listed.kind == "syncope" and listed.vaccination_id == dose.vaccination_id
    assert c.count(Outbox, Outbox.kind == "adverse_event.recorded") == 1


def test_adverse_event_input_is_checked(c: Center) -> None:
    person, other = c.person(), c.person()
    vial = c.open("comirnaty")
    dose = c.dose(person, vial)
    other_dose = c.dose(other, vial)
    before = written(c)
    base: dict[str, Any] = {"vaccination_id": dose.vaccination_id, "kind": "dizziness", "severity": "mild",
                            "onset": c.clock.now, "action_taken": None}
    for change, words, error in (
        ({"kind": "zombie"}, "kind of reaction", ValidationError),
        ({"severity": "meh"}, "severity", ValidationError),
        ({"onset": c.clock.now + timedelta(hours=1)}, "future", ValidationError),
        ({"onset": c.clock.now - timedelta(hours=1)}, "before the dose", ValidationError),
        ({"onset": datetime(2030, 5, 6, 10, 0)}, "time zone", ValidationError),
        ({"vaccination_id": other_dose.vaccination_id}, "another person", ValidationError),
        ({"vaccination_id": "nope"}, "does not exist", NotFound),
        ({"action_taken": "x" * 301}, "at most 300", ValidationError),
    ):
        with pytest.raises(error, match=words):
            c.doctor.record_adverse_event(NURSE, person, **{**base, **change})
    assert written(c) == before
