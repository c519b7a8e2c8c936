"""Screenshot fixtures for the certificate pages: a dose given today and a signed certificate in a
throwaway demo database. Used only by the pages' screenshot hooks, never by a production path.
Runs on the DB worker; it writes through the services only, so the demo data stays data a station
could have written (it once wrote a dose without visit, lot, vial or staff that every count disputed)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from app.domain.questionnaire import Answer
from app.services.certificates import CertificateDesk, VaccinationRow
from app.services.checkin import CheckInDesk
from app.services.lots import Lots
from app.services.persons import PersonInput
from app.services.unit_of_work import Actor, Clock, system_clock
from app.services.vaccinations import DoctorStation
from app.services.vials import Vials
from app.storage.engine import Store
from app.storage.schema import Person, SignerKey, Staff

# A name that shows what the standardised form (fnt/gnt) does: ß, umlauts, a hyphen, a space.
DEMO_FAMILY, DEMO_GIVEN, DEMO_DOB = "Groß-Müller", "Jürgen Öskar", "1964-08-12"
PRODUCT = "comirnaty"


def screenshot_fixture_dose(store: Store, actor: Actor, *, clock: Clock = system_clock) -> VaccinationRow:
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
             else Actor(staff_id=actor.staff_id, role="doctor", display_name=actor.display_name))
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


def screenshot_fixture_hc1(store: Store, actor: Actor) -> str:
    """A freshly signed `HC1:` text from this station (issues one for a demo dose if needed)."""
    desk = CertificateDesk(store)
    issued = [row for row in desk.recent_vaccinations(actor) if row.status == "issued" and row.certificate_id]
    if issued:
        text = desk.certificate_text(actor, issued[-1].certificate_id or "")
        if text:
            return text
    row = screenshot_fixture_dose(store, actor)
    hc1 = desk.issue(actor, row.vaccination_id).hc1
    assert hc1 is not None, "the demo signer was installed, so the certificate is signed"
    return hc1
