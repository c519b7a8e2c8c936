"""What a person gives about themselves, checked by one set of rules wherever it is typed: at the desk
and on the public booking page. Names, a real past date of birth, a product's age limits, e-mail and
phone, each refused with a reason code and the field it is about."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.names import validate_person_name
from app.domain.rules import age_in_years
from app.errors import ValidationError
from app.reasons import Reason

__all__ = [
    "EARLIEST_BIRTH_YEAR",
    "MAX_EMAIL_LENGTH",
    "MAX_PHONE_LENGTH",
    "InvalidPersonDetails",
    "PersonDetails",
    "age_limit_reason",
    "age_range",
    "earliest_birth_date",
    "latest_birth_date",
    "validate_dob",
    "validate_email",
    "validate_phone",
]

EARLIEST_BIRTH_YEAR = 1900
MAX_EMAIL_LENGTH = 200
MAX_PHONE_LENGTH = 40
# ASCII digits only: `\d` also matches Arabic-Indic and other digits, which int() accepts and which
# then reach certificates and the authority export as dates no one else reads.
_DOB = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)
# Deliberately plain: one @, a dotted domain, no spaces. Whether the mailbox exists only mail can tell.
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+", re.ASCII)
_PHONE = re.compile(r"\+?[0-9 ()/.-]+", re.ASCII)
_MIN_PHONE_DIGITS = 5


def validate_dob(text: str, *, today: date, field: str | None = "dob") -> str:
    """YYYY-MM-DD (or YYYY-MM / YYYY, as a DCC allows): a real date in ASCII digits, not in the future,
    not before 1900. Returns it trimmed."""
    cleaned = text.strip()
    m = _DOB.fullmatch(cleaned) if len(cleaned) <= 10 else None
    if not m:
        raise ValidationError(code="dob_format", field=field)
    year, month, day = int(m[1]), m[2], m[3]
    try:
        date(year, int(month or 1), int(day or 1))
    except ValueError:
        raise ValidationError(code="dob_not_a_date", field=field) from None
    if year < EARLIEST_BIRTH_YEAR:
        raise ValidationError(code="dob_too_early", params={"year": EARLIEST_BIRTH_YEAR}, field=field)
    if earliest_birth_date(cleaned) > today:
        raise ValidationError(code="dob_in_future", field=field)
    return cleaned


def earliest_birth_date(dob: str) -> date:
    """The first day a (validated, maybe partial) date of birth can mean: 1990 → 1990-01-01. No dose can
    have been given before it, and a maximum age counts the oldest the person can be from it."""
    parts = [int(x) for x in dob.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest_birth_date(dob: str) -> date:
    """The last day a (validated, maybe partial) date of birth can mean: 1990 → 1990-12-31. A minimum age
    counts the youngest the person can be from it."""
    parts = [int(x) for x in dob.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) > 1 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def age_range(dob: str, *, on: date) -> tuple[int, int]:
    """(youngest, oldest) a person with this (validated, maybe partial) date of birth can be on `on`."""
    return age_in_years(latest_birth_date(dob), on), age_in_years(earliest_birth_date(dob), on)


def age_limit_reason(dob: str, *, on: date, product: str, min_years: int, max_years: int | None) -> Reason | None:
    """Why a person with this (validated) date of birth may not get `product` on `on`, or None.
    A partial date counts against the person: the youngest and the oldest they can be."""
    youngest, oldest = age_range(dob, on=on)
    if youngest < min_years:
        return Reason("age_below_minimum", {"product": product, "min": min_years}, "dob")
    if max_years is not None and oldest > max_years:
        return Reason("age_above_maximum", {"product": product, "max": max_years}, "dob")
    return None


def _no_invisible(text: str, field: str) -> None:
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"):
            raise ValidationError(code="field_invalid_characters", params={"label": field}, field=field)


def validate_email(text: str) -> str:
    cleaned = text.strip()
    if len(cleaned) > MAX_EMAIL_LENGTH:
        raise ValidationError(code="field_too_long", params={"label": "email", "max": MAX_EMAIL_LENGTH},
                              field="email")
    _no_invisible(cleaned, "email")
    if not _EMAIL.fullmatch(cleaned):
        raise ValidationError(code="email_invalid", field="email")
    return cleaned


def validate_phone(text: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_PHONE_LENGTH:
        raise ValidationError(code="field_too_long", params={"label": "phone", "max": MAX_PHONE_LENGTH},
                              field="phone")
    _no_invisible(cleaned, "phone")
    if not _PHONE.fullmatch(cleaned) or sum(c.isdigit() for c in cleaned) < _MIN_PHONE_DIGITS:
        raise ValidationError(code="phone_invalid", field="phone")
    return cleaned


class InvalidPersonDetails(ValidationError):
    """Every field that failed, not just the first: a booking page marks them all at once."""

    def __init__(self, reasons: Sequence[Reason]) -> None:
        first = reasons[0]
        super().__init__(code=first.code, params=first.params, field=first.field)
        self.reasons: tuple[Reason, ...] = tuple(reasons)


@dataclass(frozen=True)
class PersonDetails:
    """A person's own details as stored: names cleaned (NFC, single spaces), dates in ASCII digits.
    Build it with `parse`; an instance is always valid."""

    family_name: str
    given_name: str
    dob: str
    email: str | None = None
    phone: str | None = None

    @classmethod
    def parse(cls, *, family_name: str, given_name: str, dob: str, today: date,
              email: str | None = None, phone: str | None = None) -> PersonDetails:
        reasons: list[Reason] = []
        values: dict[str, str | None] = {}
        checks = (("family_name", family_name, lambda v: validate_person_name(v, field="family_name")),
                  ("given_name", given_name, lambda v: validate_person_name(v, field="given_name")),
                  ("dob", dob, lambda v: validate_dob(v, today=today)),
                  ("email", email, validate_email), ("phone", phone, validate_phone))
        for name, raw, check in checks:
            if raw is None or (name in ("email", "phone") and not raw.strip()):
                values[name] = None
                continue
            try:
                values[name] = check(raw)
            except ValidationError as err:
                reasons.append(Reason(err.code, err.params, err.field or name))
        if reasons:
            raise InvalidPersonDetails(reasons)
        return cls(family_name=str(values["family_name"]), given_name=str(values["given_name"]),
                   dob=str(values["dob"]), email=values["email"], phone=values["phone"])
