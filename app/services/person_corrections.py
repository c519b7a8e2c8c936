"""Correcting a person's data after a typo (name, date of birth, sex): a nurse or an admin, with a
reason, audited, synced as `person.updated` (the server merges it field by field against the values
the correction started from). The certificates already signed with the old data are listed, so the
desk can re-issue them: the re-issue revokes the old ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.domain.names import validate_person_name
from app.errors import NotFound, RuleViolation, ValidationError
from app.services.permissions import use_case
from app.services.persons import SEXES, search_columns, validate_dob
from app.services.unit_of_work import Actor, Clock, UnitOfWork, system_clock
from app.storage.engine import Store
from app.storage.schema import Certificate, CovidTest, Infection, Person, Vaccination

CORRECTABLE = ("family_name", "given_name", "dob", "sex")
_MAX_REASON = 300


@dataclass(frozen=True)
class AffectedCertificate:
    certificate_id: str
    uvci: str
    vaccination_id: str | None
    infection_id: str | None
    test_id: str | None = None


@dataclass(frozen=True)
class PersonCorrection:
    person_id: str
    changed: tuple[str, ...]  # field names
    certificates: tuple[AffectedCertificate, ...]  # signed with the old data: offer to re-issue them


class PersonCorrections:
    def __init__(self, store: Store, *, clock: Clock = system_clock) -> None:
        self.store = store
        self.clock = clock

    @use_case
    def correct(self, actor: Actor, person_id: str, *, changes: Mapping[str, str | None],
                reason: str) -> PersonCorrection:
        text = " ".join(reason.split())
        if not text:
            raise ValidationError(code="person_correction_reason", field="reason")
        if len(text) > _MAX_REASON or not text.isprintable():
            raise ValidationError(code="field_too_long", params={"label": "Reason", "max": _MAX_REASON},
                                  field="reason")
        unknown = set(changes) - set(CORRECTABLE)
        if unknown:
            raise ValidationError(code="person_correction_nothing", field=sorted(unknown)[0])
        with UnitOfWork(self.store, actor, self.clock) as uow:
            person = uow.session.get(Person, person_id)
            if person is None or person.deleted_at is not None:
                raise NotFound(code="person_not_found")
            if person.purged_at is not None:
                raise RuleViolation(code="person_correction_purged")
            cleaned = self._cleaned(changes, today=uow.now)
            new = {k: v for k, v in cleaned.items() if getattr(person, k) != v}
            if not new:
                raise ValidationError(code="person_correction_nothing")
            for key, value in new.items():
                setattr(person, key, value)
            if "family_name" in new or "given_name" in new:
                for key, value in search_columns(person.family_name, person.given_name).items():
                    setattr(person, key, value)
            person.updated_at = uow.now
            uow.record(action="person.updated", entity="person", entity_id=person.id,
                       payload={},
                       details={"fields": sorted(new), "reason": text})
            affected = tuple(self._signed_certificates(uow, person.id))
            return PersonCorrection(person.id, tuple(sorted(new)), affected)

    @staticmethod
    def _cleaned(changes: Mapping[str, str | None], *, today: datetime) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for key, value in changes.items():
            if key in ("family_name", "given_name"):
                out[key] = validate_person_name(value or "")
            elif key == "dob":
                out[key] = validate_dob(value or "", today=today.date())
            elif key == "sex":
                if value is not None and value not in SEXES:
                    raise ValidationError(code="field_invalid_characters", params={"label": "Sex"}, field="sex")
                out[key] = value
        return out

    @staticmethod
    def _signed_certificates(uow: UnitOfWork, person_id: str) -> list[AffectedCertificate]:
        rows = uow.session.execute(
            select(Certificate.id, Certificate.uvci, Certificate.vaccination_id, Certificate.infection_id,
                   Certificate.test_id)
            .outerjoin(Vaccination, Vaccination.id == Certificate.vaccination_id)
            .outerjoin(Infection, Infection.id == Certificate.infection_id)
            .outerjoin(CovidTest, CovidTest.id == Certificate.test_id)
            .where(Certificate.revoked_at.is_(None), Certificate.hc1.is_not(None),
                   (Vaccination.person_id == person_id) | (Infection.person_id == person_id)
                   | (CovidTest.person_id == person_id))
            .order_by(Certificate.issued_at)).all()
        # Vouchers are left out: they are signed from the corrected record when a signer is at hand.
        return [AffectedCertificate(i, u, v, inf, t) for i, u, v, inf, t in rows]
