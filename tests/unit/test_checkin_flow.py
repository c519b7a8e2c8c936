"""The check-in desk without widgets (app/ui/checkin_flow.py): what Enter does next, late search answers,
who may be checked in or registered as a walk-in, an unfinished check-in taken up."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.queue import Arrival, ArrivalCheck
from app.reasons import Reason
from app.services.checkin import BookingInfo, OpenVisit, PersonMatch, QueryKind, SearchResult
from app.ui.checkin_flow import CheckInFlow, EnterAction, Panel, SearchAnswer, person_actions, search_answer

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def match(person_id: str = "p1", *, arrival: Arrival | None = Arrival.ON_TIME) -> PersonMatch:
    booking = None if arrival is None else BookingInfo(
        appointment_id=f"a-{person_id}", booking_code="ABCD-EFGH-J", starts_at=NOW, state="booked",
        product_code="comirnaty", dose_number=1, site_name="Mitte",
        arrival=ArrivalCheck(kind=arrival, reason=Reason(f"arrival_{arrival.value}", {})))
    return PersonMatch(person_id, "Neumann", "Lea", "1990-05-05", booking, 1.0, "name")


def unfinished(person_id: str = "p1") -> OpenVisit:
    return OpenVisit(visit_id="v1", person_id=person_id, appointment_id="a-p1", document_type="id_card",
                     identity_checked_at=NOW, consent_done=False)


def test_enter_searches_new_text_then_opens_the_highlighted_person_then_checks_in() -> None:
    flow = CheckInFlow()
    assert flow.enter(None, can_check_in=False) is EnterAction.SEARCH  # nothing shown, nothing chosen
    flow.edited = True
    assert flow.enter(match(), can_check_in=True) is EnterAction.SEARCH  # typed since: search that
    flow.search_started()
    assert flow.enter(match(), can_check_in=False) is EnterAction.OPEN
    flow.show(match())
    assert flow.enter(match(), can_check_in=True) is EnterAction.CHECK_IN
    assert flow.enter(match("p2"), can_check_in=True) is EnterAction.OPEN  # ↓ to another person
    assert flow.enter(match(), can_check_in=False) is EnterAction.SEARCH  # the booking cannot be used


def test_only_the_latest_search_answer_is_shown() -> None:
    flow = CheckInFlow()
    first = flow.search_started()
    second = flow.search_started()
    assert not flow.is_current(first) and flow.is_current(second)


def test_what_the_card_offers_follows_the_booking() -> None:
    unbooked = person_actions(match(arrival=None))
    assert not unbooked.check_in and unbooked.walk_in_instead
    on_time = person_actions(match(arrival=Arrival.ON_TIME))
    assert on_time.check_in and not on_time.walk_in_instead
    cancelled = person_actions(match(arrival=Arrival.CANCELLED))
    assert not cancelled.check_in and cancelled.walk_in_instead  # a walk-in instead
    here = person_actions(match(arrival=Arrival.ALREADY_HERE))
    assert not here.check_in and not here.walk_in_instead  # no second visit


def test_a_search_answer_is_opened_listed_or_refused() -> None:
    one = SearchResult(QueryKind.NAME, (match(),))
    two = SearchResult(QueryKind.NAME, (match(), match("p2")))
    capped = SearchResult(QueryKind.NAME, (match(), match("p2")), reason=Reason("search_more_add_dob", {"total": 1204}))
    code = SearchResult(QueryKind.CODE, (match(), match("p2")))
    assert search_answer(SearchResult(QueryKind.NAME, ())) is SearchAnswer.NOBODY
    assert search_answer(one) is SearchAnswer.OPEN_FIRST
    assert search_answer(code) is SearchAnswer.OPEN_FIRST  # a booking code is never a choice
    assert search_answer(two) is SearchAnswer.LIST
    assert search_answer(capped) is SearchAnswer.LIST_CAPPED


def test_an_unfinished_check_in_is_offered_only_while_its_person_is_shown() -> None:
    flow = CheckInFlow()
    flow.show(match("p1"))
    flow.show(match("p2"))  # the next scan came before the answer about p1
    assert not flow.unfinished_found("p1", unfinished("p1"))
    assert flow.unfinished is None
    flow.show(match("p1"))
    assert flow.unfinished_found("p1", unfinished("p1"))
    taken = flow.take_up()
    assert taken is not None and flow.visit_id == "v1" and flow.unfinished is None
    assert not flow.unfinished_found("p1", unfinished("p1"))  # the visit goes on already


def test_the_results_step_aside_once_a_visit_is_started() -> None:
    flow = CheckInFlow()
    flow.show(match())
    assert flow.results_visible(Panel.EMPTY) and flow.results_visible(Panel.PERSON)
    assert not flow.results_visible(Panel.WALK_IN)
    flow.visit_id = "v1"
    assert not flow.results_visible(Panel.PERSON)
    flow.forget()
    assert flow.shown is None and flow.visit_id is None and flow.results_visible(Panel.PERSON)


def test_a_walk_in_is_shown_by_the_name_it_was_registered_with() -> None:
    flow = CheckInFlow()
    flow.walk_in_started("p9", "Neumann, Lea", "1990-05-05")
    assert flow.shown is not None and (flow.shown.family_name, flow.shown.given_name) == ("Neumann", "Lea")
    assert flow.shown_name == "Neumann, Lea" and flow.shown.booking is None
