"""`Change.concerns`: whether a page showing one person must refresh. A wrong "no" leaves a nurse looking
at a stale record (a dose or an adverse event she does not see); a wrong "yes" only costs a re-read."""

from __future__ import annotations

import pytest

from app.services.unit_of_work import Change


def test_a_row_naming_its_person_concerns_that_person_only() -> None:
    dose = Change("vaccination", "v-1", "insert", person_id="p-1")
    assert dose.concerns("p-1") and not dose.concerns("p-2")


def test_the_person_row_concerns_that_person_only() -> None:
    assert Change("person", "p-1", "update").concerns("p-1")
    assert not Change("person", "p-1", "update").concerns("p-2")
    assert Change("person", None, "update").concerns("p-2")  # persons not listed one by one: maybe


@pytest.mark.parametrize("entity", ["adverse_event", "certificate", "appointment", "visit"])
def test_a_named_row_without_its_person_may_be_anyones(entity: str) -> None:
    # An adverse event names its dose, not its person: the page of the person dosed must still refresh.
    assert Change(entity, "row-1", "insert").concerns("p-1")
    assert Change(entity, None, "insert").concerns("p-1")


@pytest.mark.parametrize("entity", ["lot", "vial", "slot", "no-such-entity"])
def test_rows_that_belong_to_no_person_concern_nobody(entity: str) -> None:
    assert not Change(entity, "row-1", "update").concerns("p-1")
    assert not Change(entity, None, "update").concerns("p-1")
