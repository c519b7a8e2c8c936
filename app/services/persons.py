"""Persons: register and read. Keeps the normalised search columns in step with the names."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.ids import uuid7
from app.domain.names import phonetic_key, search_key, validate_person_name
from app.domain.person_details import validate_dob as validate_dob  # shared by the desk and the booking page
from app.errors import ValidationError
from app.services.unit_of_work import UnitOfWork
from app.storage.schema import Person

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


def search_columns(family_name: str, given_name: str) -> dict[str, str]:
    return {
        "family_key": search_key(family_name),
        "given_key": search_key(given_name),
        "phonetic_key": phonetic_key(family_name),
    }


def add_person(uow: UnitOfWork, data: PersonInput) -> Person:
    """Validate and insert a person inside the caller's unit of work (audited and queued for sync)."""
    family = validate_person_name(data.family_name)
    given = validate_person_name(data.given_name)
    dob = validate_dob(data.dob, today=uow.now.date())
    if data.sex is not None and data.sex not in SEXES:
        raise ValidationError("Sex must be one of f, m, d, x.")
    person = Person(
        id=uuid7(),
        family_name=family,
        given_name=given,
        dob=dob,
        sex=data.sex,
        street=data.street,
        postcode=data.postcode,
        city=data.city,
        country=data.country,
        phone=data.phone,
        email=data.email,
        insurance_number=data.insurance_number,
        created_at=uow.now,
        updated_at=uow.now,
        **search_columns(family, given),
    )
    uow.session.add(person)
    uow.session.flush()
    uow.record(
        action="person.created",
        entity="person",
        entity_id=person.id,
        payload={
            "id": person.id,
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
        },
    )
    return person
