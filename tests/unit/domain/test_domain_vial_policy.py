"""When to open a new vial: the rule's cases, and what must hold whatever the numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.vial_policy import MAX_WAIT_MINUTES, Advice, VialDemand, advise


def demand(**changes: int) -> VialDemand:
    base = {"doses_left": 0, "doses_per_vial": 6, "waiting": 1, "due_before_expiry": 0, "due_later_today": 0,
            "oldest_wait_minutes": 0}
    return VialDemand(**(base | changes))


@pytest.mark.parametrize(("changes", "expected", "waste"), [
    ({"doses_left": 3, "waiting": 2}, Advice.USE_OPEN, 0),  # "3 left in the open vial, 2 waiting"
    ({"waiting": 0, "due_before_expiry": 9}, Advice.NONE_NEEDED, 0),
    ({"waiting": 2, "due_before_expiry": 4}, Advice.OPEN, 0),  # 6 people for 6 doses
    ({"waiting": 1, "due_before_expiry": 1, "due_later_today": 0}, Advice.OPEN_LAST, 4),  # the day's last vial
    ({"waiting": 1, "due_before_expiry": 1, "due_later_today": 8}, Advice.WAIT, 4),
    ({"waiting": 1, "due_before_expiry": 1, "due_later_today": 8, "oldest_wait_minutes": MAX_WAIT_MINUTES},
     Advice.OPEN_WAITED, 4),
])
def test_the_cases(changes: dict[str, int], expected: Advice, waste: int) -> None:
    advice = advise(demand(**changes))
    assert (advice.advice, advice.expected_waste) == (expected, waste)
    assert advice.reason.code.startswith("vial_")


def test_the_booth_hint_names_the_doses_left_and_the_people_waiting() -> None:
    advice = advise(demand(doses_left=3, waiting=2))
    assert str(advice.reason) == "Open vial: 3 left · waiting: 2"
    last = advise(demand(doses_per_vial=10, waiting=2, due_before_expiry=1))
    assert last.ask_first and str(last.reason).endswith("a new vial (10 doses) leaves 7 unused")


demands = st.builds(VialDemand, doses_left=st.integers(0, 12), doses_per_vial=st.integers(1, 20),
                    waiting=st.integers(0, 50), due_before_expiry=st.integers(0, 200),
                    due_later_today=st.integers(0, 200), oldest_wait_minutes=st.integers(0, 600))


@given(demands)
def test_what_always_holds(d: VialDemand) -> None:
    advice = advise(d)
    if d.doses_left > 0 or d.waiting == 0:
        assert not advice.open_new and not advice.ask_first  # never a second vial, never one for nobody
    if advice.open_new:
        assert advice.expected_waste == max(0, d.doses_per_vial - d.waiting - d.due_before_expiry)
        # A vial that will be used up is opened without asking; one that will not, only after asking
        # (the end of the day) or after someone has waited the limit.
        assert advice.ask_first == (advice.expected_waste > 0)
    if d.waiting > 0 and d.doses_left == 0 and (d.due_later_today == 0 or d.oldest_wait_minutes >= MAX_WAIT_MINUTES):
        assert advice.open_new  # nobody is left waiting for ever
    if advice.advice is Advice.WAIT:
        assert d.due_later_today > 0 and d.oldest_wait_minutes < MAX_WAIT_MINUTES and advice.expected_waste > 0
