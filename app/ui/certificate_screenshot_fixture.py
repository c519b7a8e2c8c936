"""Screenshot fixtures for the certificate pages: a dose given today and a signed certificate in a
throwaway demo database. Used only by the pages' screenshot hooks, never by a production path.
Runs on the DB worker (it writes through services and a unit of work)."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.ids import uuid7
from app.services.certificates import CertificateDesk, VaccinationRow
from app.services.persons import PersonInput, add_person
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Person, SignerKey, Vaccination

# A name that shows what the standardised form (fnt/gnt) does: ß, umlauts, a hyphen, a space.
DEMO_FAMILY, DEMO_GIVEN, DEMO_DOB = "Groß-Müller", "Jürgen Öskar", "1964-08-12"


def screenshot_fixture_dose(store: Store, actor: Actor) -> VaccinationRow:
    """Today's dose of the demo person to show on the printer desk, still without a certificate: written
    straight into the store if there is none (at a real station the doctor's booth records it).
    Also installs the demo document signer when the station has none."""
    desk = CertificateDesk(store)
    with store.read() as session:
        has_signer = session.scalar(select(SignerKey.id).where(SignerKey.retired_at.is_(None))) is not None
    if not has_signer:
        desk.install_demo_signer(actor)
    # The demo person even when the booth recorded others: the name shows what fnt/gnt do.
    waiting = [row for row in desk.recent_vaccinations(actor) if row.status == "none" and row.family_name == DEMO_FAMILY]
    if waiting:
        return waiting[-1]
    with UnitOfWork(store, actor) as uow:
        person = uow.session.scalars(select(Person).where(Person.family_name == DEMO_FAMILY)).first()
        if person is None:
            person = add_person(uow, PersonInput(family_name=DEMO_FAMILY, given_name=DEMO_GIVEN, dob=DEMO_DOB))
        vaccination_id = uuid7()
        uow.session.add(Vaccination(
            id=vaccination_id, person_id=person.id, site_id=store.identity.site_id, product_code="comirnaty",
            dose_number=2, series_doses=2, given_at=uow.now, recorded_at=uow.now,
            external=False, country="DE"))
        uow.record(action="vaccination.recorded", entity="vaccination", entity_id=vaccination_id, payload={})
    return next(row for row in desk.recent_vaccinations(actor) if row.vaccination_id == vaccination_id)


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
