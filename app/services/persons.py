"""Persons: register and read. Keeps the normalised search columns in step with the names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from app.domain.ids import uuid7
from app.domain.names import phonetic_key, search_key, validate_person_name
from app.errors import ValidationError
from app.services.unit_of_work import UnitOfWork
from app.storage.schema import Person

SEXES = ("f", "m", "d", "x")
PAYLOAD_FIELDS = ("id", "family_name", "given_name", "dob", "sex", "street", "postcode", "city", "country", "phone",
                  "email", "insurance_number")
_DOB = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


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


def validate_dob(text: str, *, today: date) -> str:
    """YYYY-MM-DD (or YYYY-MM / YYYY, as a DCC allows): a real date, not in the future, not before 1900."""
    m = _DOB.fullmatch(text.strip())
    if not m:
        raise ValidationError("Date of birth must be written YYYY-MM-DD.")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        first_day = date(year, int(month or 1), int(day or 1))
    except ValueError:
        raise ValidationError("That date of birth does not exist.") from None
    if year < 1900:
        raise ValidationError("Date of birth before 1900: please check it.")
    if first_day > today:
        raise ValidationError("Date of birth lies in the future.")
    return text.strip()


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
        raise ValidationError("Sex must be one of f, m, d, x.")
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


def person_payload(row: Mapping[str, Any]) -> dict[str, Any]:
    """The `person.created` mutation for a person row: what the server and the other stations store."""
    return {key: row[key] for key in PAYLOAD_FIELDS}


def add_person(uow: UnitOfWork, data: PersonInput) -> Person:
    """Validate and insert a person inside the caller's unit of work (audited and queued for sync)."""
    row = person_row(data, today=uow.now.date(), now=uow.now)
    person = Person(**row)
    uow.session.add(person)
    uow.session.flush()
    uow.record(action="person.created", entity="person", entity_id=person.id, payload=person_payload(row))
    return person
