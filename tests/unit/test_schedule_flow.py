"""Booking the follow-up without widgets (app/ui/schedule_flow.py): the name filter, a late proposal for
someone no longer chosen, what the hint beside "Book this slot" says, the slip's file name."""

from __future__ import annotations

from datetime import UTC, datetime

from app.reasons import Reason
from app.services.scheduling import BookedFollowUp, DueFollowUp, FollowUpProposal, SlotOffer
from app.ui.schedule_flow import Booked, BookHint, ScheduleFlow

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def due(person_id: str, name: str) -> DueFollowUp:
    return DueFollowUp(person_id=person_id, name=name, dob="1980-01-01", product_code="comirnaty",
                       product_name="Comirnaty", dose_number=1, series_doses=2, given_at=NOW)


def proposal(person_id: str, *, offers: int = 1) -> FollowUpProposal:
    slots = tuple(SlotOffer(slot_id=f"s{i}", starts_at=NOW, free=3, projected_stock=10, days_from_recommended=i)
                  for i in range(offers))
    return FollowUpProposal(person_id=person_id, product_code="comirnaty", dose_number=2, series_doses=2,
                            window=None, offers=slots,
                            reason=None if offers else Reason("follow_up_no_slot", {"product": "Comirnaty",
                                                                                    "first": "2030-05-01",
                                                                                    "last": "2030-06-01"}))


def booked() -> Booked:
    return Booked(BookedFollowUp(appointment_id="a1", booking_code="ABCD-EFGH-J", starts_at=NOW, site_name="Mitte",
                                 product_code="comirnaty", dose_number=2, provisional=False),
                  "Weber, Anna", "Comirnaty", b"%PDF")


def test_the_list_is_filtered_by_any_part_of_the_name_in_any_case() -> None:
    flow = ScheduleFlow(due=[due("p1", "Weber, Anna"), due("p2", "Müller, Jörg")])
    assert [r.person_id for r in flow.listed("")] == ["p1", "p2"]
    assert [r.person_id for r in flow.listed("  MÜLL ")] == ["p2"]
    assert flow.listed("nobody") == []


def test_the_hint_walks_to_a_bookable_slot() -> None:
    flow = ScheduleFlow()
    assert flow.hint() is BookHint.CHOOSE_PERSON and not flow.has_offers()
    flow.choose(due("p1", "Weber, Anna"))
    assert flow.hint() is BookHint.LOOKING
    assert flow.proposed(proposal("p1", offers=0))
    assert flow.hint() is BookHint.NO_SLOTS and not flow.has_offers()
    flow.choose(due("p1", "Weber, Anna"))
    assert flow.proposed(proposal("p1", offers=2))
    assert flow.hint() is BookHint.CLOSEST_FIRST and flow.has_offers()


def test_slots_for_someone_no_longer_chosen_are_ignored() -> None:
    flow = ScheduleFlow()
    flow.choose(due("p1", "Weber, Anna"))
    flow.choose(due("p2", "Müller, Jörg"))  # clicked on before the slots of p1 came
    assert not flow.proposed(proposal("p1"))
    assert flow.proposal is None and flow.hint() is BookHint.LOOKING


def test_after_booking_the_plan_changing_leaves_the_slip_and_the_next_person_clears() -> None:
    flow = ScheduleFlow()
    person = due("p1", "Weber, Anna")
    flow.choose(person)
    assert flow.to_propose_again() == person  # the plan changed: ask for the slots again
    assert flow.slip_code() == "slip"
    flow.booked = booked()
    assert flow.to_propose_again() is None  # the slip stays
    assert flow.slip_code() == "ABCD-EFGH-J"
    flow.next_person()
    assert (flow.person, flow.proposal, flow.booked) == (None, None, None)
    assert flow.hint() is BookHint.CHOOSE_PERSON
