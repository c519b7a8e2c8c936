"""One check of a person's own details, for the desk and the public booking page alike."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.person_details import InvalidPersonDetails, PersonDetails, age_limit_reason, validate_dob
from app.errors import ValidationError
from app.reasons import known

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(("dob", "code"), [
    ("9999-99-99", "dob_not_a_date"),
    ("0000-00-00", "dob_not_a_date"),
    ("2000-02-30", "dob_not_a_date"),
    ("٢٠٠٠-٠١-٠١", "dob_format"),  # Arabic-Indic digits: int() would take them
    ("２０００-０１-０１", "dob_format"),  # full-width digits
    ("2000-1-1", "dob_format"),
    ("01.02.2000", "dob_format"),
    ("", "dob_format"),
    ("1899-12-31", "dob_too_early"),
    ("2026-12-02", "dob_in_future"),
    ("2027", "dob_in_future"),
])
def test_dates_of_birth_that_are_refused(dob: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_dob(dob, today=TODAY)
    assert caught.value.code == code and caught.value.field == "dob"
    assert known(code)


@pytest.mark.parametrize("dob", ["2000-02-29", "1900-01-01", "2026-12-01", "1975-06", "1975", " 1980-05-17 "])
def test_real_past_dates_of_birth_are_kept(dob: str) -> None:
    assert validate_dob(dob, today=TODAY) == dob.strip()


def test_every_bad_field_is_reported_at_once_with_its_code() -> None:
    with pytest.raises(InvalidPersonDetails) as caught:
        PersonDetails.parse(family_name="   ", given_name="Eve\x1b[31m", dob="9999-99-99", email="not mail",
                            phone="call me", today=TODAY)
    found = {(r.field, r.code) for r in caught.value.reasons}
    assert found == {("family_name", "name_empty"), ("given_name", "name_control_character"),
                     ("dob", "dob_not_a_date"), ("email", "email_invalid"), ("phone", "phone_invalid")}
    assert all(known(r.code) for r in caught.value.reasons)


@pytest.mark.parametrize(("family", "code"), [
    ("Müller\u202e", "name_control_character"),  # right-to-left override
    ("Mül\x00ler", "name_control_character"),
    ("Robert'); DROP TABLE--", "name_character"),
    ("A" * 101, "name_too_long"),
])
def test_hostile_names_are_refused(family: str, code: str) -> None:
    with pytest.raises(InvalidPersonDetails) as caught:
        PersonDetails.parse(family_name=family, given_name="Eva", dob="1990-01-01", today=TODAY)
    assert [r.code for r in caught.value.reasons] == [code]


def test_details_are_stored_cleaned() -> None:
    details = PersonDetails.parse(family_name="  Mu\u0308ller  ", given_name="Eva  Marie", dob="1990-01-01 ",
                                  email=" eva@example.org ", phone=" +49 30  1234567 ", today=TODAY)
    assert details == PersonDetails(family_name="Müller", given_name="Eva Marie", dob="1990-01-01",
                                    email="eva@example.org", phone="+49 30 1234567")
    assert PersonDetails.parse(family_name="A", given_name="B", dob="1990", email="", phone="  ",
                               today=TODAY).email is None


@pytest.mark.parametrize(("dob", "on", "expected"), [
    ("2014-12-02", date(2026, 12, 1), "age_below_minimum"),  # 11 the day before the 12th birthday
    ("2014-12-01", date(2026, 12, 1), None),  # 12 on the day
    ("2014", date(2026, 6, 1), "age_below_minimum"),  # may be born in December: could still be 11
    ("2014", date(2027, 1, 1), None),
    ("1950-01-01", date(2026, 12, 1), "age_above_maximum"),  # 76 > 75
])
def test_age_limits_count_partial_dates_against_the_person(dob: str, on: date, expected: str | None) -> None:
    reason = age_limit_reason(dob, on=on, product="Comirnaty", min_years=12, max_years=75)
    assert (reason.code if reason else None) == expected


@given(st.text(max_size=12))
def test_any_typed_date_is_either_a_real_past_day_or_a_coded_refusal(text: str) -> None:
    try:
        kept = validate_dob(text, today=TODAY)
    except ValidationError as err:
        assert known(err.code)
    else:
        assert kept.isascii() and kept == kept.strip() and len(kept) in (4, 7, 10)
