"""EU dose numbering after a documented infection (eHealth Network convention of 21 Dec 2021): the
first dose completes the series (1/1), later doses are boosters 2/1, 3/1, timed as boosters."""

from __future__ import annotations

from datetime import date

from app.domain.rules import DoseRecord, assess_dose, dose_number, next_dose_window
from app.services.catalogue import load_catalogue

CATALOGUE = load_catalogue()
COMIRNATY = CATALOGUE.product("comirnaty")
INFECTED = date(2021, 3, 1)


def test_first_dose_after_an_infection_is_1_of_1_and_the_next_a_booster() -> None:
    assert str(dose_number([], product=COMIRNATY, catalogue=CATALOGUE, prior_infection=INFECTED)) == "1/1"
    first = [DoseRecord("comirnaty", date(2021, 6, 1))]
    second = dose_number(first, product=COMIRNATY, catalogue=CATALOGUE, prior_infection=INFECTED)
    assert (str(second), second.booster) == ("2/1", True)
    third = dose_number([*first, DoseRecord("comirnaty", date(2021, 12, 1))], product=COMIRNATY,
                        catalogue=CATALOGUE, prior_infection=INFECTED)
    assert str(third) == "3/1"
    # Without the infection the same doses are 1/2, 2/2, 3/3.
    assert str(dose_number(first, product=COMIRNATY, catalogue=CATALOGUE)) == "2/2"


def test_an_infection_between_doses_leaves_the_series_as_it_was() -> None:
    first = [DoseRecord("comirnaty", date(2021, 6, 1))]
    assert str(dose_number(first, product=COMIRNATY, catalogue=CATALOGUE, prior_infection=date(2021, 6, 10))) == "2/2"


def test_the_dose_after_the_recovery_series_is_timed_as_a_booster() -> None:
    first = [DoseRecord("comirnaty", date(2021, 6, 1))]
    window = next_dose_window(first, COMIRNATY, catalogue=CATALOGUE, prior_infection=INFECTED)
    assert COMIRNATY.booster is not None and window is not None
    assert (window.earliest - date(2021, 6, 1)).days == COMIRNATY.booster.min_days_after_last_dose
    too_soon = assess_dose(catalogue=CATALOGUE, product=COMIRNATY, date_of_birth=date(1980, 1, 1), history=first,
                           on=date(2021, 6, 30), prior_infection=INFECTED)
    assert too_soon.dose.booster and any("no booster is due yet" in stop for stop in too_soon.hard_stops)
