"""Persons: register and read. Keeps the normalised search columns in step with the names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from app.domain.ids import uuid7
from app.domain.names import phonetic_key, search_key, validate_person_name
from app.domain.person_details import validate_dob as validate_dob  # shared by the desk and the booking page
from app.errors import AuthError, NotFound, ValidationError
from app.services.unit_of_work import UnitOfWork
from app.storage.schema import AdverseEvent, Appointment, Person, ReviewTask, Vaccination, Visit

SEXES = ("f", "m", "d", "x")


@dataclass(frozen=True)
class PersonInput:
    family_name: str
    given_name: str
    dob: str
    sex: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    country: str | None = "DE"
    phone: str | None = None
    email: str | None = None
    insurance_number: str | None = None


# Names repeat (a county has thousands of Müllers): an import or a sync page folds each name once.
_NAMES_CACHED = 32_768


@lru_cache(maxsize=_NAMES_CACHED)
def _family_keys(family_name: str) -> tuple[str, str]:
    return search_key(family_name), phonetic_key(family_name)


@lru_cache(maxsize=_NAMES_CACHED)
def _given_key(given_name: str) -> str:
    return search_key(given_name)


@lru_cache(maxsize=_NAMES_CACHED)
def _valid_name(text: str) -> str:
    return validate_person_name(text)  # raises for a bad name; lru_cache keeps only the good ones


def search_columns(family_name: str, given_name: str) -> dict[str, str]:
    """The normalised search columns of a person row (sync applies pulled persons through this too)."""
    family_key, sound = _family_keys(family_name)
    return {"family_key": family_key, "given_key": _given_key(given_name), "phonetic_key": sound}


def person_row(data: PersonInput, *, today: date, now: datetime) -> dict[str, Any]:
    """The person's table row from typed input: validated, names normalised, search keys computed.
    One definition for a single registration and for a bulk import."""
    family = _valid_name(data.family_name)
    given = _valid_name(data.given_name)
    dob = validate_dob(data.dob, today=today)
    if data.sex is not None and data.sex not in SEXES:
        raise ValidationError(code="sex_invalid", field="sex")
    return {
        "id": uuid7(),
        "family_name": family,
        "given_name": given,
        "dob": dob,
        "sex": data.sex,
        "street": data.street,
        "postcode": data.postcode,
        "city": data.city,
        "country": data.country,
        "phone": data.phone,
        "email": data.email,
        "insurance_number": data.insurance_number,
        "created_at": now,
        "updated_at": now,
        **search_columns(family, given),
    }


def add_person(uow: UnitOfWork, data: PersonInput) -> Person:
    """Validate and insert a person inside the caller's unit of work (audited and queued for sync)."""
    row = person_row(data, today=uow.now.date(), now=uow.now)
    person = Person(**row)
    uow.insert(person, action="person.created")
    return person


MERGE_ROLES = frozenset({"nurse", "admin"})


def merge_persons(uow: UnitOfWork, *, keep_id: str, drop_id: str) -> Person:
    """One person registered twice (two desks, offline): everything of `drop_id` — bookings, visits,
    doses, adverse events — moves to `keep_id`, which stays; `drop_id` becomes a tombstone. Nothing is
    deleted: the doses and the audit entries stay, now under the person who remains. The review tasks
    that flagged the pair are resolved. Synced as `person.merged`: the server moves the rows it holds too."""
    if uow.actor.role not in MERGE_ROLES:
        raise AuthError(code="role_refused", params={"action": "merge persons"})
    if keep_id == drop_id:
        raise ValidationError(code="merge_same_person")
    keep, drop = uow.session.get(Person, keep_id), uow.session.get(Person, drop_id)
    if keep is None or drop is None or keep.deleted_at is not None or drop.deleted_at is not None:
        raise NotFound(code="person_not_found")
    owned: list[Any] = []
    for model in (Appointment, Visit, Vaccination, AdverseEvent):
        owned += uow.session.scalars(select(model).where(model.person_id == drop_id)).all()
    for row in owned:
        row.person_id = keep_id
    drop.deleted_at = uow.now
    drop.updated_at = uow.now
    for task in uow.session.scalars(select(ReviewTask).where(
            ReviewTask.kind == "possible_duplicate_person", ReviewTask.resolved_at.is_(None),
            ReviewTask.entity_id.in_([keep_id, drop_id]))):
        task.resolved_at = uow.now
    uow.session.flush()
    uow.record(action="person.merged", entity="person", entity_id=keep_id,
               payload={"into": keep_id, "from": drop_id}, details={"merged": drop_id})
    return keep
