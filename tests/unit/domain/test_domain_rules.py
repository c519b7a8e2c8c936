"""Clinical rules from the leaflets: interval edge days, age limits, EU dose numbering, vial usability."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.catalogue import Catalogue, Product
from app.domain.rules import (
    DoseRecord,
    DoseWindow,
    VialState,
    age_in_years,
    assess_dose,
    check_vial_usable,
    days_after,
    dose_number,
    next_dose_window,
    valid_doses,
    vial_use_by,
)
from app.services.catalogue import load_catalogue

CATALOGUE = load_catalogue()
ADULT = date(1980, 5, 17)
DAY0 = date(2025, 1, 1)


def product(code: str) -> Product:
    return CATALOGUE.product(code)


def dose(code: str, given_on: date, *, voided: bool = False) -> DoseRecord:
    return DoseRecord(product_code=code, given_on=given_on, voided=voided)


def assess(code: str, history: list[DoseRecord], on: date, *, dob: date = ADULT, catalogue: Catalogue = CATALOGUE):
    return assess_dose(catalogue=catalogue, product=product(code), date_of_birth=dob, history=history, on=on)


# (product, days after dose 1, allowed, warns): the leaflet interval edge days.
@pytest.mark.parametrize(
    ("code", "days", "allowed", "warns"),
    [
        ("comirnaty", 20, False, False),
        ("comirnaty", 21, True, False),
        ("comirnaty", 200, True, False),
        ("spikevax", 27, False, False),
        ("spikevax", 28, True, False),
        ("nuvaxovid", 20, False, False),
        ("nuvaxovid", 21, True, False),
        ("vaxzevria", 27, False, False),
        ("vaxzevria", 28, True, False),
        ("vaxzevria", 84, True, False),
        ("vaxzevria", 85, True, True),  # past 12 weeks: allowed with a reason
    ],
)
def test_second_dose_interval_edges(code: str, days: int, allowed: bool, warns: bool) -> None:
    result = assess(code, [dose(code, DAY0)], days_after(DAY0, days))
    assert result.allowed is allowed, result.hard_stops
    assert bool(result.warnings) is warns, result.warnings
    assert str(result.dose) == "2/2"
    if not allowed:
        assert any("Too early for dose 2" in stop for stop in result.hard_stops)
        # Every refused case is the day before the minimum, so the message names the next day.
        assert f"allowed from {days_after(DAY0, days + 1).isoformat()}" in result.hard_stops[0]


def test_days_after_is_the_one_way_to_count() -> None:
    assert days_after(date(2025, 1, 1), 21) == date(2025, 1, 22)
    assert days_after(date(2024, 2, 8), 21) == date(2024, 2, 29)
    assert days_after(date(2025, 12, 20), 28) == date(2026, 1, 17)


@pytest.mark.parametrize(
    ("history", "code", "expected"),
    [
        ([], "comirnaty", "1/2"),
        ([], "jcovden", "1/1"),
        ([("comirnaty", 0)], "comirnaty", "2/2"),
        ([("comirnaty", 0), ("comirnaty", 21)], "comirnaty", "3/3"),
        ([("comirnaty", 0), ("comirnaty", 21), ("spikevax", 200)], "comirnaty", "4/4"),
        ([("vaxzevria", 0), ("comirnaty", 70)], "spikevax", "3/3"),
        ([("jcovden", 0)], "comirnaty", "2/1"),
        ([("jcovden", 0), ("comirnaty", 100)], "comirnaty", "3/1"),
        ([("vaxzevria", 0)], "comirnaty", "2/2"),
        # A dose given abroad with a product we don't carry counts as part of a 2-dose series.
        ([("sputnik-v", 0)], "comirnaty", "2/2"),
    ],
)
def test_eu_dose_numbering(history: list[tuple[str, int]], code: str, expected: str) -> None:
    records = [dose(c, days_after(DAY0, d)) for c, d in history]
    assert str(dose_number(records, product=product(code), catalogue=CATALOGUE)) == expected


def test_voided_doses_do_not_count() -> None:
    history = [dose("comirnaty", DAY0, voided=True), dose("comirnaty", days_after(DAY0, 5))]
    assert valid_doses(history) == [history[1]]
    assert str(dose_number(history, product=product("comirnaty"), catalogue=CATALOGUE)) == "2/2"
    # The interval counts from the valid dose, not the voided one.
    assert not assess("comirnaty", history, days_after(DAY0, 21)).allowed
    assert assess("comirnaty", history, days_after(DAY0, 26)).allowed
    # A voided dose on the same day does not block today's dose.
    only_voided = [dose("comirnaty", DAY0, voided=True)]
    result = assess("comirnaty", only_voided, DAY0)
    assert result.allowed and str(result.dose) == "1/2"


def test_same_day_is_a_hard_stop() -> None:
    result = assess("comirnaty", [dose("jcovden", DAY0)], DAY0)
    assert any("already given on 2025-01-01" in stop for stop in result.hard_stops)


def test_dose_dated_after_today_is_a_hard_stop() -> None:
    result = assess("comirnaty", [dose("comirnaty", days_after(DAY0, 3))], DAY0)
    assert any("correct the history" in stop for stop in result.hard_stops)


@pytest.mark.parametrize(
    ("code", "history", "days", "allowed"),
    [
        # Booster after a complete two-dose series: at least 90 days after the last dose.
        ("comirnaty", [("comirnaty", 0), ("comirnaty", 21)], 21 + 89, False),
        ("comirnaty", [("comirnaty", 0), ("comirnaty", 21)], 21 + 90, True),
        ("spikevax", [("comirnaty", 0), ("comirnaty", 21)], 21 + 90, True),  # heterologous booster: no warning
        ("nuvaxovid", [("comirnaty", 0), ("comirnaty", 21)], 21 + 179, False),
        ("nuvaxovid", [("comirnaty", 0), ("comirnaty", 21)], 21 + 180, True),
        # After Jcovden: Jcovden's own booster at 2 months, an mRNA booster at 3 months.
        ("jcovden", [("jcovden", 0)], 59, False),
        ("jcovden", [("jcovden", 0)], 60, True),
        ("comirnaty", [("jcovden", 0)], 89, False),
        ("comirnaty", [("jcovden", 0)], 90, True),
        # Vaxzevria is not authorised as a booster, however long the wait.
        ("vaxzevria", [("comirnaty", 0), ("comirnaty", 21)], 1000, False),
    ],
)
def test_booster_rules(code: str, history: list[tuple[str, int]], days: int, allowed: bool) -> None:
    records = [dose(c, days_after(DAY0, d)) for c, d in history]
    result = assess(code, records, days_after(DAY0, days))
    assert result.allowed is allowed, result.hard_stops
    assert result.dose.booster
    assert result.warnings == ()


def test_booster_refusal_says_when() -> None:
    records = [dose("comirnaty", DAY0), dose("comirnaty", days_after(DAY0, 21))]
    result = assess("comirnaty", records, days_after(DAY0, 50))
    assert result.hard_stops == (
        "The primary series is complete and no booster is due yet: a Comirnaty booster is allowed from "
        "2025-04-22 (90 days after the dose on 2025-01-22).",
    )


def test_mixed_primary_series_warns_and_uses_the_first_products_interval() -> None:
    history = [dose("vaxzevria", DAY0)]
    too_early = assess("comirnaty", history, days_after(DAY0, 27))  # Comirnaty alone would allow day 21
    assert not too_early.allowed
    mixed = assess("comirnaty", history, days_after(DAY0, 28))
    assert mixed.allowed and mixed.needs_override
    assert any("Mixed primary series" in warning for warning in mixed.warnings)


def test_unknown_product_in_history_warns() -> None:
    result = assess("comirnaty", [dose("sputnik-v", DAY0)], days_after(DAY0, 21))
    assert result.allowed
    assert any("not in the catalogue (sputnik-v)" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("code", "dob", "on", "allowed"),
    [
        ("comirnaty", date(2013, 3, 10), date(2025, 3, 9), False),  # day before the 12th birthday
        ("comirnaty", date(2013, 3, 10), date(2025, 3, 10), True),
        ("vaxzevria", date(2007, 3, 10), date(2025, 3, 9), False),
        ("vaxzevria", date(2007, 3, 10), date(2025, 3, 10), True),
        ("jcovden", date(2007, 2, 28), date(2025, 2, 28), True),
        # Born on 29 February: 18 only on 1 March in a common year.
        ("jcovden", date(2004, 2, 29), date(2022, 2, 28), False),
        ("jcovden", date(2004, 2, 29), date(2022, 3, 1), True),
        ("comirnaty", date(1920, 1, 1), date(2025, 1, 1), True),  # no upper age limit
        ("comirnaty", date(2026, 1, 1), date(2025, 1, 1), False),  # born after the dose date
    ],
)
def test_age_limits(code: str, dob: date, on: date, allowed: bool) -> None:
    result = assess(code, [], on, dob=dob)
    assert result.allowed is allowed, result.hard_stops


def test_age_in_years() -> None:
    assert age_in_years(date(2000, 6, 15), date(2025, 6, 14)) == 24
    assert age_in_years(date(2000, 6, 15), date(2025, 6, 15)) == 25
    assert age_in_years(date(2000, 2, 29), date(2025, 2, 28)) == 24
    assert age_in_years(date(2000, 2, 29), date(2025, 3, 1)) == 25


def test_next_dose_window() -> None:
    assert next_dose_window([dose("comirnaty", DAY0)], product("comirnaty"), catalogue=CATALOGUE) == DoseWindow(
        earliest=date(2025, 1, 22), recommended=date(2025, 1, 22), latest=None
    )
    assert next_dose_window([dose("vaxzevria", DAY0)], product("vaxzevria"), catalogue=CATALOGUE) == DoseWindow(
        earliest=date(2025, 1, 29), recommended=date(2025, 3, 5), latest=date(2025, 3, 26)
    )
    two = [dose("spikevax", DAY0), dose("spikevax", days_after(DAY0, 28))]
    window = next_dose_window(two, product("spikevax"), catalogue=CATALOGUE)
    assert window is not None and window.earliest == days_after(DAY0, 28 + 90) and window.latest is None
    assert next_dose_window(two, product("vaxzevria"), catalogue=CATALOGUE) is None
    assert next_dose_window([], product("comirnaty"), catalogue=CATALOGUE) is None
    voided = [dose("comirnaty", DAY0, voided=True)]
    assert next_dose_window(voided, product("comirnaty"), catalogue=CATALOGUE) is None


codes = st.sampled_from(["comirnaty", "spikevax", "vaxzevria", "jcovden", "nuvaxovid"])


@given(
    series=st.lists(st.tuples(codes, st.integers(1, 400), st.booleans()), min_size=1, max_size=4),
    now_code=codes,
    offset=st.integers(1, 400),
)
def test_window_and_assessment_agree(series: list[tuple[str, int, bool]], now_code: str, offset: int) -> None:
    """Booking and the booth count the same way: too early exactly when before window.earliest."""
    history: list[DoseRecord] = []
    day = DAY0
    for code, gap, voided in series:
        day = days_after(day, gap)
        history.append(dose(code, day, voided=voided))
    on = days_after(day, offset)
    result = assess(now_code, history, on)
    window = next_dose_window(history, product(now_code), catalogue=CATALOGUE)
    timing_stop = any(("Too early" in s) or ("no booster is due yet" in s) for s in result.hard_stops)
    if window is None:
        if valid_doses(history):
            assert any("not authorised as a booster" in s for s in result.hard_stops)
    else:
        assert timing_stop == (on < window.earliest)
        late = any("later than recommended" in w for w in result.warnings)
        assert late == (window.latest is not None and on > window.latest)
    # Dose numbering never goes backwards and counts only valid doses.
    assert result.dose.dn == len(valid_doses(history)) + 1


# --- vials ---------------------------------------------------------------------------------

TZ = timezone(timedelta(hours=1))


def vial(**changes: object) -> VialState:
    base = VialState(
        product_code="comirnaty",
        lot="FK1234",
        printed_expiry=date(2025, 3, 31),
        doses_per_vial=6,
        extra_doses_allowed=0,
        doses_drawn=2,
        opened_at=datetime(2025, 3, 1, 10, 0, tzinfo=TZ),
    )
    return VialState(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def problems(v: VialState, now: datetime, *, code: str = "comirnaty", blocked: tuple[str, ...] = ()) -> tuple[str, ...]:
    return check_vial_usable(v, catalogue=CATALOGUE, product_code=code, now=now, blocked_lots=blocked)


def test_vial_use_by_is_the_earlier_limit() -> None:
    opened = datetime(2025, 3, 1, 10, 0, tzinfo=TZ)
    assert vial_use_by(date(2025, 3, 31), opened, shelf_life_hours=6) == datetime(2025, 3, 1, 16, 0, tzinfo=TZ)
    late = datetime(2025, 3, 31, 22, 0, tzinfo=TZ)
    assert vial_use_by(date(2025, 3, 31), late, shelf_life_hours=6) == datetime(2025, 4, 1, 0, 0, tzinfo=TZ)
    assert vial_use_by(date(2025, 3, 31), None, shelf_life_hours=6, tz=UTC) == datetime(2025, 4, 1, tzinfo=UTC)
    thawed = datetime(2025, 3, 20, 8, 0, tzinfo=TZ)
    assert vial_use_by(
        date(2025, 12, 31), None, shelf_life_hours=6, thawed_at=thawed, thawed_shelf_life_hours=744, tz=TZ
    ) == thawed + timedelta(days=31)


def test_usable_vial_has_no_problems() -> None:
    assert problems(vial(), datetime(2025, 3, 1, 15, 59, tzinfo=TZ)) == ()


def test_vial_past_shelf_life_after_opening() -> None:
    (message,) = problems(vial(), datetime(2025, 3, 1, 16, 0, tzinfo=TZ))
    assert "within 6 h" in message and "2025-03-01T16:00" in message


def test_vial_usable_all_through_the_printed_expiry_day() -> None:
    unopened = vial(opened_at=None)
    assert problems(unopened, datetime(2025, 3, 31, 23, 59, tzinfo=TZ)) == ()
    (message,) = problems(unopened, datetime(2025, 4, 1, 0, 0, tzinfo=TZ))
    assert "expired on 2025-03-31" in message


def test_empty_vial_counts_allowed_extra_doses() -> None:
    now = datetime(2025, 3, 1, 11, 0, tzinfo=TZ)
    assert problems(vial(doses_drawn=5), now) == ()
    assert any("empty" in p for p in problems(vial(doses_drawn=6), now))
    assert problems(vial(doses_drawn=6, extra_doses_allowed=1), now) == ()
    assert any("empty" in p for p in problems(vial(doses_drawn=7, extra_doses_allowed=1), now))


def test_discarded_wrong_product_blocked_lot_and_thawing() -> None:
    now = datetime(2025, 3, 1, 11, 0, tzinfo=TZ)
    assert any("discarded" in p for p in problems(vial(discarded_at=now - timedelta(minutes=5)), now))
    assert problems(vial(), now, code="spikevax") == ("Wrong vial: it holds Comirnaty, but the dose is Spikevax.",)
    assert any("Lot FK1234 is blocked" in p for p in problems(vial(), now, blocked=("fk1234 ",)))
    old_thaw = vial(thawed_at=now - timedelta(hours=745))
    assert any("Thawed at" in p for p in problems(old_thaw, now))


def test_vial_problems_are_hard_stops_of_the_assessment() -> None:
    now = datetime(2025, 3, 1, 17, 0, tzinfo=TZ)
    found = problems(vial(), now)
    result = assess_dose(
        catalogue=CATALOGUE,
        product=product("comirnaty"),
        date_of_birth=ADULT,
        history=[],
        on=now.date(),
        vial_problems=found,
    )
    assert not result.allowed and result.hard_stops == found
