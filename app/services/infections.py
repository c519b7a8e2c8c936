"""Documented SARS-CoV-2 infections of a person: they make the first dose a complete series (EU 1/1)
and, from a positive NAAT result, give a recovery certificate. Entered from a test at the station, a
document the person brings, or the questionnaire's "confirmed infection" answer; voided when wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.ids import uuid7
from app.errors import AuthError, RuleViolation, ValidationError
from app.services.rows import get_row
from app.services.unit_of_work import UnitOfWork
from app.storage.schema import Infection, Person

Source = Literal["test", "document", "questionnaire"]
TestType = Literal["naat", "rat"]
SOURCES = ("test", "document", "questionnaire")
_ROLES = frozenset({"doctor", "nurse", "admin", "system"})
_COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class InfectionRecord:
    infection_id: str
    person_id: str
    detected_on: date
    source: str
    test_type: str | None
    country: str
    voided: bool


def _row(infection: Infection) -> InfectionRecord:
    return InfectionRecord(infection.id, infection.person_id, infection.detected_on, infection.source,
                           infection.test_type, infection.country, infection.voided_at is not None)


def first_infection(session: Session, person_id: str) -> date | None:
    """The earliest infection on record that is not voided: what the EU dose numbering counts from."""
    return session.scalar(select(Infection.detected_on).where(
        Infection.person_id == person_id, Infection.voided_at.is_(None)).order_by(Infection.detected_on).limit(1))


def record_infection(uow: UnitOfWork, *, person_id: str, detected_on: date, source: Source, country: str,
                     test_type: TestType | None = None) -> Infection:
    """Inside the caller's unit of work (audited, synced as `infection.recorded`)."""
    if uow.actor.role not in _ROLES:
        raise AuthError(code="infection_role")
    if source not in SOURCES:
        raise ValidationError(code="infection_test_type", field="source")
    if test_type is not None and test_type not in ("naat", "rat"):
        raise ValidationError(code="infection_test_type", field="test_type")
    code = country.strip().upper()
    if not _COUNTRY.fullmatch(code):
        raise ValidationError(code="cert_country_invalid", field="country")
    person = get_row(uow.session, Person, person_id, code="person_not_found")
    if detected_on > uow.now.date() or detected_on.year < int(person.dob[:4]):
        raise ValidationError(code="infection_date_invalid", field="detected_on")
    same_day = uow.session.scalar(select(Infection.id).where(
        Infection.person_id == person_id, Infection.detected_on == detected_on, Infection.voided_at.is_(None)))
    if same_day is not None:
        raise RuleViolation(code="infection_already_recorded", params={"date": detected_on.isoformat()})
    infection = Infection(id=uuid7(), person_id=person_id, detected_on=detected_on, source=source,
                          test_type=test_type, country=code, recorded_at=uow.now, staff_id=uow.actor.staff_id)
    uow.insert(infection, action="infection.recorded", details={"source": source, "test_type": test_type})
    return infection


def record_positive_naat(uow: UnitOfWork, *, person_id: str, sampled_on: date, country: str) -> str:
    """The hook for test results at the station (issue 18): a positive NAAT (PCR) result becomes an
    infection record, from which `CertificateDesk.issue_recovery` issues the recovery certificate.
    Returns the infection id."""
    return record_infection(uow, person_id=person_id, detected_on=sampled_on, source="test", country=country,
                            test_type="naat").id


def void_infection(uow: UnitOfWork, infection_id: str, *, reason: str) -> None:
    text = " ".join(reason.split())
    if not text:
        raise ValidationError(code="field_required", params={"label": "Reason"}, field="reason")
    if uow.actor.role not in _ROLES:
        raise AuthError(code="infection_role")
    infection = get_row(uow.session, Infection, infection_id, code="infection_not_found")
    infection.voided_at, infection.void_reason = uow.now, text[:300]
    uow.record(action="infection.voided", entity="infection", entity_id=infection.id,
               payload={},
               details={"reason": text[:300]})


def infections_of(session: Session, person_id: str) -> list[InfectionRecord]:
    rows = session.scalars(select(Infection).where(Infection.person_id == person_id)
                           .order_by(Infection.detected_on))
    return [_row(r) for r in rows]
