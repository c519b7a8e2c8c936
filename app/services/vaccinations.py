"""The doctor's booth: a person's dose history, the eligibility preview, recording a dose from an
open vial, voids and corrections, external doses and adverse events. Hard stops cannot be bypassed."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import Catalogue
from app.domain.catalogue import Product as CatalogueProduct
from app.domain.ids import uuid7
from app.domain.person_details import earliest_birth_date, latest_birth_date
from app.domain.queue import VisitState, check_transition
from app.domain.rules import DoseRecord, Verdict, assess_dose, dose_number
from app.errors import NotFound, RuleViolation, ValidationError
from app.reasons import Reason
from app.services.audit import record_access
from app.services.infections import first_infection
from app.services.permissions import use_case
from app.services.revocations import revoke_certificates
from app.services.rows import get_row
from app.services.site_service import SiteService
from app.services.unit_of_work import Actor, UnitOfWork
from app.services.vials import (
    change_draws,
    doses_drawn,
    extra_doses_allowed,
    vial_problem_reasons,
    vial_problems,
    vial_with_lot,
)
from app.storage.schema import (
    AdverseEvent,
    Appointment,
    Lot,
    Person,
    Vaccination,
    VaccinationVoid,
    Vial,
    Visit,
)

__all__ = [
    "ADVERSE_EVENT_KINDS",
    "INJECTION_SITES",
    "SEVERITIES",
    "AdverseEntry",
    "Assessment",
    "DoctorStation",
    "DoseEntry",
    "DoseResult",
    "OverrideReasonRequired",
    "PersonHistory",
    "VoidResult",
]

INJECTION_SITES = ("left_deltoid", "right_deltoid", "other")
ADVERSE_EVENT_KINDS = (
    "syncope", "dizziness", "allergic_reaction", "anaphylaxis", "local_reaction", "nausea", "headache", "fever",
    "other",
)
SEVERITIES = ("mild", "moderate", "severe", "life_threatening")
_MAX_TEXT = 300
_COUNTRY = re.compile(r"[A-Z]{2}")
_FIRST_COVID_DOSE = date(2020, 12, 1)


class OverrideReasonRequired(ValidationError):
    """The dose is allowed, but only with a reason for each warning; nothing was written."""

    def __init__(self, warnings: tuple[str, ...]) -> None:
        super().__init__(code="override_reason_required", params={"warnings": " ".join(warnings)},
                         field="override_reason")
        self.warnings = warnings


class _SeriesDose:
    """The dose as the booth writes it: "2/2" is the second dose of a two-dose series."""

    dose_number: int
    series_doses: int

    @property
    def dose(self) -> str:
        return f"{self.dose_number}/{self.series_doses}"


@dataclass(frozen=True)
class DoseEntry(_SeriesDose):
    vaccination_id: str
    product_code: str
    product_name: str
    given_at: datetime  # site-local
    dose_number: int
    series_doses: int
    lot_number: str | None
    external: bool
    country: str
    injection_site: str | None
    override_reason: str | None
    corrects_id: str | None
    voided: bool
    void_reason: str | None

    @property
    def given_on(self) -> date:
        return self.given_at.date()


@dataclass(frozen=True)
class AdverseEntry:
    adverse_event_id: str
    person_id: str
    vaccination_id: str | None
    kind: str
    severity: str
    onset_at: datetime  # site-local
    action_taken: str | None


@dataclass(frozen=True)
class PersonHistory:
    person_id: str
    family_name: str
    given_name: str
    dob: str
    doses: tuple[DoseEntry, ...]  # oldest first; voided ones only when asked for
    adverse_events: tuple[AdverseEntry, ...]


@dataclass(frozen=True)
class Assessment(_SeriesDose, Verdict):
    """The preview the doctor sees before recording: dose number, hard stops and warnings."""

    visit_id: str
    person_id: str
    vial_id: str
    product_code: str
    product_name: str
    dose_number: int
    series_doses: int
    booster: bool
    hard_stops: tuple[str, ...]
    warnings: tuple[str, ...]
    review_flags: tuple[str, ...]  # questionnaire answers the doctor must look at
    vial_use_by: datetime  # site-local
    vial_doses_left: int
    # hard_stops and warnings as reasons: the booth shows them in the station's language
    stop_reasons: tuple[Reason, ...] = ()
    warning_reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class DoseResult(_SeriesDose):
    vaccination_id: str
    person_id: str
    product_code: str
    dose_number: int
    series_doses: int
    given_at: datetime  # site-local
    warnings_overridden: tuple[str, ...] = ()
    observation_ends_at: datetime | None = None  # site-local
    voided_id: str | None = None  # the record a correction replaced
    findings: tuple[str, ...] = ()  # what the rules say about a corrected record (recorded, not enforced)


@dataclass(frozen=True)
class VoidResult:
    vaccination_id: str
    void_id: str
    certificates_to_revoke: tuple[str, ...]  # certificates issued for the voided dose: revoked with it


def _text(value: str | None, what: str, *, missing: str | None) -> str | None:
    """The text as stored; `missing` is the code that asks for it when it is required."""
    cleaned = " ".join((value or "").split())
    if not cleaned:
        if missing is not None:
            raise ValidationError(code=missing)
        return None
    if len(cleaned) > _MAX_TEXT or not cleaned.isprintable():
        raise ValidationError(code="dose_text_too_long", params={"What": f"{what[0].upper()}{what[1:]}", "max": _MAX_TEXT})
    return cleaned


class DoctorStation(SiteService):
    """Use cases of the doctor's booth for one station. Every method is one transaction or one read."""

    # ---- history ---------------------------------------------------------------------------

    @use_case
    def history(self, actor: Actor, person_id: str, *, include_voided: bool = False) -> PersonHistory:
        """Every dose of the person (here, synced and entered from elsewhere) and their adverse events."""
        with self.store.read() as session:
            person = get_row(session, Person, person_id, code="person_not_found")
            rows = session.execute(
                select(Vaccination, VaccinationVoid.reason, Lot.lot_number)
                .outerjoin(VaccinationVoid, VaccinationVoid.vaccination_id == Vaccination.id)
                .outerjoin(Lot, Lot.id == Vaccination.lot_id)
                .where(Vaccination.person_id == person_id)
                .order_by(Vaccination.given_at, Vaccination.recorded_at)
            ).all()
            events = session.scalars(
                select(AdverseEvent).where(AdverseEvent.person_id == person_id).order_by(AdverseEvent.onset_at)
            ).all()
            doses = tuple(
                self._entry(v, void_reason, lot_number)
                for v, void_reason, lot_number in rows
                if include_voided or void_reason is None
            )
            history = PersonHistory(
                person_id=person.id, family_name=person.family_name, given_name=person.given_name, dob=person.dob,
                doses=doses, adverse_events=tuple(self._adverse(e) for e in events),
            )
        record_access(self.store, actor, action="person.history_viewed", entity="person", entity_id=person_id,
                      clock=self.clock)
        return history

    def _entry(self, v: Vaccination, void_reason: str | None, lot_number: str | None) -> DoseEntry:
        product = self.catalogue.find(v.product_code)
        return DoseEntry(
            vaccination_id=v.id, product_code=v.product_code, product_name=product.name if product else v.product_code,
            given_at=v.given_at.astimezone(self.tz), dose_number=v.dose_number, series_doses=v.series_doses,
            lot_number=lot_number, external=v.external, country=v.country, injection_site=v.injection_site,
            override_reason=v.override_reason, corrects_id=v.corrects_id, voided=void_reason is not None,
            void_reason=void_reason,
        )

    def _adverse(self, e: AdverseEvent) -> AdverseEntry:
        return AdverseEntry(
            adverse_event_id=e.id, person_id=e.person_id, vaccination_id=e.vaccination_id, kind=e.kind,
            severity=e.severity, onset_at=e.onset_at.astimezone(self.tz), action_taken=e.action_taken,
        )

    def _records(self, session: Session, person_id: str, *, exclude: str | None = None) -> list[DoseRecord]:
        rows = session.execute(
            select(Vaccination.id, Vaccination.product_code, Vaccination.given_at, VaccinationVoid.id)
            .outerjoin(VaccinationVoid, VaccinationVoid.vaccination_id == Vaccination.id)
            .where(Vaccination.person_id == person_id)
        ).all()
        return [
            DoseRecord(product_code=code, given_on=given_at.astimezone(self.tz).date(), voided=void_id is not None)
            for vaccination_id, code, given_at, void_id in rows
            if vaccination_id != exclude
        ]

    # ---- the preview and the dose ----------------------------------------------------------

    @use_case
    def assess(self, actor: Actor, visit_id: str, vial_id: str) -> Assessment:
        """What recording a dose from this vial now would mean: the page shows it before 'Record'."""
        with self.store.read() as session:
            return self._assess(session, visit_id, vial_id, now=self.clock())[0]

    def _assess(
        self, session: Session, visit_id: str, vial_id: str, *, now: datetime
    ) -> tuple[Assessment, Visit, Vial, Lot, CatalogueProduct]:
        visit = get_row(session, Visit, visit_id, code="visit_not_found_queue")
        row = session.execute(select(Vial, Lot).join(Lot, Lot.id == Vial.lot_id).where(Vial.id == vial_id)).first()
        if row is None:
            raise NotFound(code="vial_not_found")
        vial, lot = row
        person = get_row(session, Person, visit.person_id, code="visit_person_not_found")
        vial_product = self.catalogue.find(lot.product_code)
        if vial_product is None:
            # A lot of a product the station's catalogue no longer (or not yet) has: nothing to check it by.
            raise RuleViolation(code="vial_product_not_in_catalogue", params={"product": lot.product_code})
        # The booking decides the product; a walk-in gets what the chosen vial holds.
        wanted = lot.product_code
        unknown_booked: Reason | None = None
        if visit.appointment_id is not None:
            appointment = session.get(Appointment, visit.appointment_id)
            if appointment is not None and appointment.product_code is not None:
                if self.catalogue.find(appointment.product_code) is not None:
                    wanted = appointment.product_code
                else:
                    # Booked for a product this station's catalogue does not have (withdrawn from it, or a
                    # newer catalogue at the server): the vial decides, and the doctor says why.
                    unknown_booked = Reason("dose_booked_product_unknown", {
                        "product": appointment.product_code, "vial_product": vial_product.name})
        product = self.catalogue.product(wanted)
        drawn = doses_drawn(session, vial.id)
        problems = vial_problem_reasons(vial, lot, product=vial_product, catalogue=self.catalogue, drawn=drawn, now=now,
                                 tz=self.tz, dose_product_code=wanted)
        eligibility = assess_dose(
            catalogue=self.catalogue, product=product, date_of_birth=latest_birth_date(person.dob),
            earliest_birth=earliest_birth_date(person.dob),
            history=self._records(session, person.id), on=now.astimezone(self.tz).date(), vial_problems=problems,
            prior_infection=first_infection(session, person.id),
        )
        if unknown_booked is not None:
            eligibility = replace(
                eligibility, warnings=(*eligibility.warnings, str(unknown_booked)),
                warning_reasons=(*eligibility.warning_reasons, unknown_booked))
        capacity = lot.doses_per_vial + extra_doses_allowed(lot, self.catalogue)
        assessment = Assessment(
            visit_id=visit.id, person_id=person.id, vial_id=vial.id, product_code=product.code,
            product_name=product.name, dose_number=eligibility.dose.dn, series_doses=eligibility.dose.sd,
            booster=eligibility.dose.booster, hard_stops=eligibility.hard_stops, warnings=eligibility.warnings,
            review_flags=tuple(visit.review_flags or ()), vial_use_by=vial.use_by.astimezone(self.tz),
            vial_doses_left=0 if vial.discarded_at is not None else max(0, capacity - drawn),
            stop_reasons=eligibility.stop_reasons, warning_reasons=eligibility.warning_reasons,
        )
        return assessment, visit, vial, lot, product

    @use_case
    def acknowledge_review(self, actor: Actor, visit_id: str) -> None:
        """The doctor has read the flagged answers with the person: recorded (who, when) and audited;
        "Record dose" needs it for a visit with flags."""
        with UnitOfWork(self.store, actor, self.clock) as uow:
            visit = get_row(uow.session, Visit, visit_id, code="visit_not_found_queue")
            if visit.state != VisitState.WITH_DOCTOR.value:
                raise RuleViolation.of(_not_with_doctor(visit.state))
            visit.review_acknowledged_at = uow.now
            visit.review_acknowledged_by = actor.staff_id
            uow.record(action="visit.review_acknowledged", entity="visit", entity_id=visit.id,
                       payload={},
                       details={"flags": list(visit.review_flags or ())})

    @use_case
    def record_dose(
        self,
        actor: Actor,
        visit_id: str,
        *,
        vial_id: str,
        injection_site: str,
        override_reason: str | None = None,
    ) -> DoseResult:
        """Record the dose given now and move the person to observation, all in one transaction.

        Everything is checked again inside the transaction: the preview may be minutes old.
        """
        if injection_site not in INJECTION_SITES:
            raise ValidationError(code="injection_site_invalid", params={"choices": ", ".join(INJECTION_SITES)},
                                  field="injection_site")
        reason = _text(override_reason, "a reason for going ahead", missing=None)
        with UnitOfWork(self.store, actor, self.clock) as uow:
            now = uow.now
            visit = get_row(uow.session, Visit, visit_id, code="visit_not_found_queue")
            if visit.state != VisitState.WITH_DOCTOR.value:
                raise RuleViolation.of(_not_with_doctor(visit.state))
            # Whatever the screen showed: no dose without this visit's identity check and consent.
            if visit.id_checked_at is None:
                raise RuleViolation(code="dose_needs_identity")
            if visit.consent_at is None:
                raise RuleViolation(code="dose_needs_consent")
            if visit.review_flags and visit.review_acknowledged_at is None:
                raise RuleViolation(code="dose_needs_review_acknowledged", params={"flags": len(visit.review_flags)})
            assessment, visit, vial, lot, product = self._assess(uow.session, visit_id, vial_id, now=now)
            if assessment.hard_stops:
                first = assessment.stop_reasons[0] if assessment.stop_reasons else None
                raise RuleViolation(" ".join(assessment.hard_stops), code=first.code if first else None,
                                    params=first.params if first else None)
            if assessment.warnings and reason is None:
                raise OverrideReasonRequired(assessment.warnings)
            vaccination = Vaccination(
                id=uuid7(), person_id=visit.person_id, visit_id=visit.id, site_id=visit.site_id,
                product_code=product.code, lot_id=lot.id, vial_id=vial.id, given_at=now,
                dose_number=assessment.dose_number, series_doses=assessment.series_doses,
                injection_site=injection_site, staff_id=actor.staff_id, external=False, country=self.country,
                override_reason=reason if assessment.warnings else None, recorded_at=now,
            )
            uow.session.add(vaccination)
            uow.session.flush()
            change_draws(uow.session, vial, lot, delta=1, at=now, reason=None)
            # The person goes to observation in this same transaction, so a recorded dose is never
            # left without its observation timer (CheckInDesk would open a second transaction).
            check_transition(visit.state, VisitState.OBSERVATION)
            visit.state = VisitState.OBSERVATION.value
            visit.state_changed_at = now
            visit.observation_started_at = now
            visit.observation_minutes = max(visit.observation_minutes, product.observation_minutes)
            if visit.appointment_id is not None:
                appointment = uow.session.get(Appointment, visit.appointment_id)
                if appointment is not None:
                    appointment.state = VisitState.OBSERVATION.value
                    appointment.state_changed_at = now
            uow.record(
                action="vaccination.recorded",
                entity="vaccination",
                entity_id=vaccination.id,
                payload={},
                details={"dose": assessment.dose, "override_reason": vaccination.override_reason,
                         "warnings": list(assessment.warnings) if vaccination.override_reason else None},
            )
            ends = now + timedelta(minutes=visit.observation_minutes)
            return DoseResult(
                vaccination_id=vaccination.id, person_id=visit.person_id, product_code=product.code,
                dose_number=vaccination.dose_number, series_doses=vaccination.series_doses,
                given_at=now.astimezone(self.tz),
                warnings_overridden=assessment.warnings if vaccination.override_reason else (),
                observation_ends_at=ends.astimezone(self.tz),
            )

    # ---- doses given elsewhere -------------------------------------------------------------

    @use_case
    def add_external_dose(
        self, actor: Actor, person_id: str, *, product_code: str, given_on: date, country: str
    ) -> DoseResult:
        """A dose given elsewhere, entered from the person's record: no lot, flagged external."""
        country = country.strip().upper()
        if not _COUNTRY.fullmatch(country):
            raise ValidationError(code="country_code_invalid", field="country")
        product = self.catalogue.find(product_code)
        if product is None:
            raise ValidationError(code="product_unknown_choose", params={"product": product_code}, field="product_code")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            person = get_row(uow.session, Person, person_id, code="person_not_found")
            today = uow.now.astimezone(self.tz).date()
            if given_on > today:
                raise ValidationError(code="dose_date_in_future", params={"date": given_on.isoformat()}, field="given_on")
            # No COVID-19 vaccine was given before December 2020, and nobody before being born.
            if given_on < _FIRST_COVID_DOSE or given_on < earliest_birth_date(person.dob):
                raise ValidationError(code="dose_date_impossible", params={"date": given_on.isoformat()}, field="given_on")
            records = self._records(uow.session, person.id)
            if any(not r.voided and r.given_on == given_on for r in records):
                raise RuleViolation(code="dose_same_day_recorded", params={"date": given_on.isoformat()})
            number = dose_number([r for r in records if r.given_on < given_on], product=product,
                                 catalogue=self.catalogue, prior_infection=first_infection(uow.session, person.id))
            vaccination = Vaccination(
                id=uuid7(), person_id=person.id, visit_id=None, site_id=None, product_code=product.code, lot_id=None,
                vial_id=None, given_at=_noon(given_on, self.tz), dose_number=number.dn, series_doses=number.sd,
                injection_site=None, staff_id=actor.staff_id, external=True, country=country, override_reason=None,
                recorded_at=uow.now,
            )
            uow.insert(vaccination, action="vaccination.external_recorded", details={"country": country})
            self._renumber_later(uow, person.id, reason=f"dose of {given_on.isoformat()} entered", after=given_on)
            return DoseResult(
                vaccination_id=vaccination.id, person_id=person.id, product_code=product.code,
                dose_number=number.dn, series_doses=number.sd, given_at=vaccination.given_at.astimezone(self.tz),
            )

    # ---- voids and corrections -------------------------------------------------------------

    @use_case
    def void_dose(self, actor: Actor, vaccination_id: str, *, reason: str) -> VoidResult:
        """Void a dose recorded in error (it stays in the record, marked void); its dose goes back to stock."""
        text = _text(reason, "the reason for voiding the dose", missing="dose_void_reason_required")
        assert text is not None
        with UnitOfWork(self.store, actor, self.clock) as uow:
            vaccination = self._valid_vaccination(uow.session, vaccination_id)
            void_id = self._void(uow, vaccination, text)
            uow.record(
                action="vaccination.voided", entity="vaccination", entity_id=vaccination.id,
                payload={},
                details={"reason": text},
            )
            # A certificate for a dose that was not given must stop being valid, at every border.
            certificates = tuple(revoke_certificates(uow, vaccination_id=vaccination.id, reason=text))
            certificates += self._renumber_later(uow, vaccination.person_id, reason=text,
                                                 after=vaccination.given_at.astimezone(self.tz).date())
            return VoidResult(vaccination_id=vaccination.id, void_id=void_id, certificates_to_revoke=certificates)

    def _renumber_later(self, uow: UnitOfWork, person_id: str, *, reason: str, after: date) -> tuple[str, ...]:
        return renumber_later_doses(uow, person_id, reason=reason, after=after, catalogue=self.catalogue, tz=self.tz)

    def _valid_vaccination(self, session: Session, vaccination_id: str) -> Vaccination:
        vaccination = get_row(session, Vaccination, vaccination_id, code="dose_record_not_found")
        voided = session.scalar(select(VaccinationVoid.at).where(VaccinationVoid.vaccination_id == vaccination.id))
        if voided is not None:
            raise RuleViolation(code="dose_already_voided", params={"at": f"{voided.astimezone(self.tz):%Y-%m-%d %H:%M}"})
        return vaccination

    def _void(self, uow: UnitOfWork, vaccination: Vaccination, reason: str) -> str:
        """Mark the dose void (its id); a dose drawn from a vial here goes back to its stock."""
        void = VaccinationVoid(id=uuid7(), vaccination_id=vaccination.id, reason=reason,
                               staff_id=uow.actor.staff_id, at=uow.now)
        uow.session.add(void)
        if vaccination.vial_id is not None:
            vial, lot = vial_with_lot(uow.session, vaccination.vial_id)
            change_draws(uow.session, vial, lot, delta=-1, at=uow.now, reason="voided")
        uow.session.flush()
        return void.id

    @use_case
    def correct_dose(
        self,
        actor: Actor,
        vaccination_id: str,
        *,
        reason: str,
        vial_id: str | None = None,
        injection_site: str | None = None,
        given_on: date | None = None,
        product_code: str | None = None,
        country: str | None = None,
    ) -> DoseResult:
        """Void a record and write the corrected one in one transaction; unchanged fields are kept.

        A dose given here can get another vial (a mis-scan) or injection site; a dose entered from
        elsewhere another date, product or country. A correction records what happened, so the rules
        do not refuse it: what they would say is returned as `findings` and audited.
        """
        text = _text(reason, "the reason for the correction", missing="dose_correction_reason_required")
        assert text is not None
        if injection_site is not None and injection_site not in INJECTION_SITES:
            raise ValidationError(code="injection_site_invalid", params={"choices": ", ".join(INJECTION_SITES)},
                                  field="injection_site")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            old = self._valid_vaccination(uow.session, vaccination_id)
            if old.external and (vial_id is not None or injection_site is not None):
                raise ValidationError(code="dose_external_no_vial")
            if not old.external and (given_on is not None or product_code is not None or country is not None):
                raise ValidationError(code="dose_here_keeps_time")
            if vial_id is None and injection_site is None and given_on is None and product_code is None \
                    and country is None:
                raise ValidationError(code="dose_correction_nothing")
            self._void(uow, old, text)
            new = self._corrected(uow.session, old, vial_id=vial_id, injection_site=injection_site,
                                  given_on=given_on, product_code=product_code, country=country)
            new.recorded_at = uow.now
            new.staff_id = actor.staff_id
            findings = self._findings(uow.session, new)
            records = [r for r in self._records(uow.session, old.person_id) if not r.voided]
            given_day = new.given_at.astimezone(self.tz).date()
            product = self.catalogue.product(new.product_code)
            number = dose_number([r for r in records if r.given_on < given_day], product=product,
                                 catalogue=self.catalogue, prior_infection=first_infection(uow.session, old.person_id))
            new.dose_number, new.series_doses = number.dn, number.sd
            uow.session.add(new)
            uow.session.flush()
            if new.vial_id is not None:
                vial, lot = vial_with_lot(uow.session, new.vial_id)
                change_draws(uow.session, vial, lot, delta=1, at=uow.now, reason="corrected")
            uow.record(
                action="vaccination.corrected", entity="vaccination", entity_id=new.id,
                payload={},
                details={"reason": text, "voided": old.id, "findings": list(findings) or None},
            )
            # The old record's certificate says the wrong thing now; the corrected dose gets its own.
            revoke_certificates(uow, vaccination_id=old.id, reason=text)
            self._renumber_later(uow, old.person_id, reason=text, after=min(
                old.given_at.astimezone(self.tz).date(), given_day))
            return DoseResult(
                vaccination_id=new.id, person_id=new.person_id, product_code=new.product_code,
                dose_number=new.dose_number, series_doses=new.series_doses,
                given_at=new.given_at.astimezone(self.tz), voided_id=old.id, findings=findings,
            )

    def _corrected(
        self, session: Session, old: Vaccination, *, vial_id: str | None, injection_site: str | None,
        given_on: date | None, product_code: str | None, country: str | None,
    ) -> Vaccination:
        new = Vaccination(
            id=uuid7(), person_id=old.person_id, visit_id=old.visit_id, site_id=old.site_id,
            product_code=old.product_code, lot_id=old.lot_id, vial_id=old.vial_id, given_at=old.given_at,
            dose_number=old.dose_number, series_doses=old.series_doses, injection_site=old.injection_site,
            staff_id=old.staff_id, external=old.external, country=old.country, override_reason=old.override_reason,
            recorded_at=old.recorded_at, corrects_id=old.id,
        )
        if vial_id is not None:
            _vial, lot = vial_with_lot(session, vial_id)
            new.vial_id, new.lot_id, new.product_code = vial_id, lot.id, lot.product_code
        if injection_site is not None:
            new.injection_site = injection_site
        if product_code is not None:
            if self.catalogue.find(product_code) is None:
                raise ValidationError(code="product_unknown_choose", params={"product": product_code}, field="product_code")
            new.product_code = product_code
        if country is not None:
            code = country.strip().upper()
            if not _COUNTRY.fullmatch(code):
                raise ValidationError(code="country_code_invalid", field="country")
            new.country = code
        if given_on is not None:
            if given_on > self.clock().astimezone(self.tz).date():
                raise ValidationError(code="dose_date_in_future", params={"date": given_on.isoformat()}, field="given_on")
            person = session.get(Person, old.person_id)
            if given_on < _FIRST_COVID_DOSE or (person is not None and given_on < earliest_birth_date(person.dob)):
                raise ValidationError(code="dose_date_impossible", params={"date": given_on.isoformat()},
                                      field="given_on")
            new.given_at = _noon(given_on, self.tz)
        return new

    def _findings(self, session: Session, new: Vaccination) -> tuple[str, ...]:
        person = session.get(Person, new.person_id)
        assert person is not None
        product = self.catalogue.product(new.product_code)
        day = new.given_at.astimezone(self.tz).date()
        history = [r for r in self._records(session, new.person_id) if r.given_on <= day]
        problems: tuple[str, ...] = ()
        if new.vial_id is not None:
            vial, lot = vial_with_lot(session, new.vial_id)
            problems = _vial_then(vial, lot, new.given_at, catalogue=self.catalogue, tz=self.tz,
                                  product_code=new.product_code)
        result = assess_dose(catalogue=self.catalogue, product=product, date_of_birth=latest_birth_date(person.dob),
                             earliest_birth=earliest_birth_date(person.dob),
                             history=history, on=day, vial_problems=problems,
                             prior_infection=first_infection(session, new.person_id))
        return result.hard_stops + result.warnings

    # ---- adverse events --------------------------------------------------------------------

    @use_case
    def record_adverse_event(
        self,
        actor: Actor,
        person_id: str,
        *,
        vaccination_id: str | None,
        kind: str,
        severity: str,
        onset: datetime,
        action_taken: str | None,
    ) -> AdverseEntry:
        """A reaction seen during observation (or reported later), linked to the dose when known."""
        if kind not in ADVERSE_EVENT_KINDS:
            raise ValidationError(code="reaction_kind_invalid", params={"choices": ", ".join(ADVERSE_EVENT_KINDS)},
                                  field="kind")
        if severity not in SEVERITIES:
            raise ValidationError(code="reaction_severity_invalid", params={"choices": ", ".join(SEVERITIES)},
                                  field="severity")
        if onset.tzinfo is None:
            raise ValidationError(code="onset_needs_zone", field="onset")
        action = _text(action_taken, "the action taken", missing=None)
        with UnitOfWork(self.store, actor, self.clock) as uow:
            if uow.session.get(Person, person_id) is None:
                raise NotFound(code="person_not_found")
            if onset > uow.now:
                raise ValidationError(code="reaction_onset_future", field="onset")
            if vaccination_id is not None:
                vaccination = self._valid_vaccination(uow.session, vaccination_id)
                if vaccination.person_id != person_id:
                    raise ValidationError(code="reaction_other_person", field="vaccination_id")
                if onset < vaccination.given_at:
                    raise ValidationError(code="reaction_before_dose", field="onset", params={
                        "at": f"{vaccination.given_at.astimezone(self.tz):%Y-%m-%d %H:%M}"})
            event = AdverseEvent(id=uuid7(), person_id=person_id, vaccination_id=vaccination_id, kind=kind,
                                 severity=severity, onset_at=onset, action_taken=action, staff_id=actor.staff_id,
                                 recorded_at=uow.now)
            uow.insert(event, action="adverse_event.recorded", details={"kind": kind, "severity": severity})
            return self._adverse(event)


def _vial_then(
    vial: Vial, lot: Lot, moment: datetime, *, catalogue: Catalogue, tz: Any, product_code: str
) -> tuple[str, ...]:
    """The vial's hard stops as they stood at `moment`, not as they stand now."""
    if vial.opened_at > moment:
        return (f"The vial was opened at {vial.opened_at.astimezone(tz):%Y-%m-%d %H:%M}, after this dose.",)
    # Transient copies, never added to the session: a discard or a block after the dose did not apply then.
    then_vial = Vial(id=vial.id, lot_id=vial.lot_id, serial=vial.serial, opened_at=vial.opened_at,
                     thawed_at=vial.thawed_at, use_by=vial.use_by,
                     discarded_at=vial.discarded_at if vial.discarded_at and vial.discarded_at <= moment else None)
    then_lot = Lot(id=lot.id, product_code=lot.product_code, lot_number=lot.lot_number, expiry=lot.expiry,
                   doses_per_vial=lot.doses_per_vial, gtin=lot.gtin, block_reason=lot.block_reason,
                   blocked_at=lot.blocked_at if lot.blocked_at and lot.blocked_at <= moment else None)
    return vial_problems(then_vial, then_lot, product=catalogue.product(lot.product_code), catalogue=catalogue,
                         drawn=0, now=moment, tz=tz, dose_product_code=product_code)


def _noon(day: date, tz: Any) -> datetime:
    # A dose known only by its date is placed at local noon, so no time zone moves it to another day.
    return datetime.combine(day, time(12, 0), tzinfo=tz)


def _not_with_doctor(state: str) -> Reason:
    if state == VisitState.OBSERVATION.value:
        return Reason("dose_visit_observation", {"state": state})
    if state == VisitState.CHECKED_IN.value:
        return Reason("dose_visit_checked_in", {"state": state})
    return Reason("dose_visit_not_with_doctor", {"state": state})


def _vaccination_payload(v: Vaccination) -> dict[str, Any]:
    return {
        "id": v.id, "person_id": v.person_id, "visit_id": v.visit_id, "site_id": v.site_id,
        "product_code": v.product_code, "lot_id": v.lot_id, "vial_id": v.vial_id, "given_at": v.given_at.isoformat(),
        "dose_number": v.dose_number, "series_doses": v.series_doses, "injection_site": v.injection_site,
        "staff_id": v.staff_id, "external": v.external, "country": v.country, "override_reason": v.override_reason,
        "recorded_at": v.recorded_at.isoformat(), "corrects_id": v.corrects_id,
    }


def renumber_later_doses(uow: UnitOfWork, person_id: str, *, reason: str, after: date, catalogue: Catalogue,
                         tz: ZoneInfo) -> tuple[str, ...]:
    """After a dose (or an infection) of the person on day `after` was voided, corrected or entered late,
    the EU numbering of the doses after that day may have changed: voiding dose 1 makes dose 2 the 1/2,
    voiding the infection before a 1/1 makes it 1/2. Each dose whose dn/sd no longer follows from what
    came before it is corrected (void + a copy with the new numbers, as a correction is) and its
    certificates revoked: a certificate must not say the series is complete when it is not. Returns the
    revoked certificates."""
    uow.session.flush()
    voided = select(VaccinationVoid.vaccination_id)
    doses = uow.session.scalars(select(Vaccination).where(
        Vaccination.person_id == person_id, Vaccination.id.not_in(voided))
        .order_by(Vaccination.given_at, Vaccination.id)).all()
    infection = first_infection(uow.session, person_id)
    records = [DoseRecord(product_code=d.product_code, given_on=d.given_at.astimezone(tz).date()) for d in doses]
    revoked: list[str] = []
    for dose in doses:
        day = dose.given_at.astimezone(tz).date()
        product = catalogue.find(dose.product_code)
        if day <= after or product is None:
            continue  # not counted after the change; or a product unknown here, not ours to renumber
        number = dose_number([r for r in records if r.given_on < day], product=product, catalogue=catalogue,
                             prior_infection=infection)
        if (number.dn, number.sd) == (dose.dose_number, dose.series_doses):
            continue
        renumbered = Vaccination(
            id=uuid7(), person_id=dose.person_id, visit_id=dose.visit_id, site_id=dose.site_id,
            product_code=dose.product_code, lot_id=dose.lot_id, vial_id=dose.vial_id, given_at=dose.given_at,
            dose_number=number.dn, series_doses=number.sd, injection_site=dose.injection_site,
            staff_id=dose.staff_id, external=dose.external, country=dose.country,
            override_reason=dose.override_reason, recorded_at=uow.now, corrects_id=dose.id)
        # The dose itself stays given: no stock moves, only its record is replaced.
        uow.session.add(VaccinationVoid(id=uuid7(), vaccination_id=dose.id, reason=reason[:300],
                                        staff_id=uow.actor.staff_id, at=uow.now))
        uow.session.add(renumbered)
        uow.session.flush()
        uow.record(action="vaccination.corrected", entity="vaccination", entity_id=renumbered.id, payload={},
                   details={"reason": reason[:300], "voided": dose.id,
                            "renumbered": f"{dose.dose_number}/{dose.series_doses} -> {number.dn}/{number.sd}"})
        revoked += revoke_certificates(uow, vaccination_id=dose.id, reason=reason[:300])
    return tuple(revoked)
