"""The booth's state machine without widgets (app/ui/booth_flow.py): the next step before a dose may be
recorded, stale assessments, the queue moving under the doctor."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from app.services.checkin import QueueRow
from app.services.vaccinations import Assessment, DoseEntry, DoseResult, PersonHistory
from app.services.vials import VialRow
from app.ui.booth_flow import BoothFlow, NextStep, Review, leave_reason, thaw_time, thawed_at

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def visit(visit_id: str = "v1", *, state: str = "with_doctor", flags: tuple[str, ...] = (),
          questionnaire: bool = True, identity: bool = True) -> QueueRow:
    return QueueRow(visit_id=visit_id, person_id=f"p-{visit_id}", name=f"Person {visit_id}", dob="1980-01-01",
                    state=state, checked_in_at=NOW, waiting_minutes=0, needs_review=bool(flags),
                    questionnaire_done=questionnaire, identity_checked=identity, observation_ends_at=None,
                    observation_over=False, review_flags=flags)


def vial(vial_id: str = "vial1", *, use_by: datetime = NOW + timedelta(hours=2)) -> VialRow:
    return VialRow(vial_id=vial_id, lot_id="lot1", lot_number="AB12", product_code="comirnaty",
                   product_name="Comirnaty", serial=None, opened_at=NOW, thawed_at=None, use_by=use_by,
                   minutes_left=120, doses_drawn=0, doses_per_vial=6, max_doses=7, discarded_at=None,
                   discard_reason=None, problems=())


def assessment(key: tuple[str, str], *, stops: tuple[str, ...] = (), warnings: tuple[str, ...] = ()) -> Assessment:
    return Assessment(visit_id=key[0], person_id="p", vial_id=key[1], product_code="comirnaty",
                      product_name="Comirnaty", dose_number=1, series_doses=2, booster=False, hard_stops=stops,
                      warnings=warnings, review_flags=(), vial_use_by=NOW + timedelta(hours=2), vial_doses_left=6)


def ready_flow() -> tuple[BoothFlow, tuple[str, str]]:
    flow = BoothFlow()
    flow.start_visit(visit())
    flow.vial = vial()
    key = flow.assessment_needed()
    assert key == ("v1", "vial1")
    return flow, key


def test_the_next_step_walks_the_doctor_to_a_recordable_dose() -> None:
    flow = BoothFlow()
    assert flow.next_step(site=None, override_reason="") is NextStep.CALL_NEXT
    flow.start_visit(visit(flags=("allergies",)))
    assert flow.next_step(site=None, override_reason="") is NextStep.DISCUSS_ANSWERS
    assert flow.review_acknowledged("v1")
    assert flow.next_step(site=None, override_reason="") is NextStep.SCAN_VIAL
    flow.vial = vial()
    key = flow.assessment_needed()
    assert key is not None
    assert flow.next_step(site=None, override_reason="") is NextStep.CHECKING
    flow.assessed(key, assessment(key, warnings=("interval_short",)))
    assert flow.next_step(site=None, override_reason="") is NextStep.CHOOSE_SITE
    assert flow.next_step(site="left_deltoid", override_reason="  ") is NextStep.WRITE_REASON
    assert flow.next_step(site="left_deltoid", override_reason="discussed with the person") is None
    flow.busy = True
    assert flow.next_step(site="left_deltoid", override_reason="discussed with the person") is NextStep.RECORDING


def test_a_hard_stop_blocks_whatever_else_is_filled_in() -> None:
    flow, key = ready_flow()
    flow.assessed(key, assessment(key, stops=("wrong_product",)))
    assert flow.next_step(site="left_deltoid", override_reason="anyway") is NextStep.HARD_STOP
    assert flow.show_stop() and not flow.show_warning()


def test_an_answer_for_another_person_or_vial_is_ignored() -> None:
    flow, old_key = ready_flow()
    flow.start_visit(visit("v2"))  # the doctor moved on before the rules answered
    new_key = flow.assessment_needed()
    assert not flow.assessed(old_key, assessment(old_key))
    assert flow.assessment is None and flow.next_step(site="left_deltoid", override_reason="") is NextStep.CHECKING
    assert new_key is not None and flow.assessed(new_key, assessment(new_key))
    assert flow.next_step(site="left_deltoid", override_reason="") is None


def test_a_recorded_dose_leaves_the_person_in_observation_and_hides_the_stop() -> None:
    flow, key = ready_flow()
    flow.assessed(key, assessment(key, stops=("wrong_product",)))
    flow.busy = True
    flow.recorded(visit(), DoseResult(vaccination_id="vac1", person_id="p-v1", product_code="comirnaty",
                                      dose_number=1, series_doses=2, given_at=NOW))
    assert not flow.busy and flow.visit is not None and flow.visit.state == "observation"
    assert flow.next_step(site="left_deltoid", override_reason="") is NextStep.RECORDED
    assert not flow.show_stop()


def test_the_queue_moving_under_the_doctor_is_noticed() -> None:
    flow = BoothFlow()
    flow.start_visit(visit("v1"))
    rows = [visit("v1"), visit("v2", state="checked_in"), visit("v3", state="checked_in", identity=False),
            visit("v4", state="checked_in", questionnaire=False)]
    assert not flow.queue_loaded(rows)
    assert [r.visit_id for r in flow.waiting()] == ["v2"]  # identity and questions done, nothing else
    assert [r.visit_id for r in flow.with_doctor()] == ["v1"]
    # The desk took the person back meanwhile: the booth must redraw and may no longer record.
    assert flow.queue_loaded([replace(rows[0], state="checked_in"), *rows[1:]])
    assert flow.next_step(site="left_deltoid", override_reason="") is NextStep.NOT_WITH_DOCTOR


def test_a_history_of_someone_else_is_not_shown_and_sending_away_clears_the_booth() -> None:
    flow, key = ready_flow()
    other = PersonHistory(person_id="p-other", family_name="X", given_name="Y", dob="1990-01-01", doses=(),
                          adverse_events=())
    assert not flow.history_loaded(other) and flow.history is None
    assert flow.history_loaded(replace(other, person_id="p-v1")) and flow.history is not None
    flow.sent_away()
    assert flow.visit is None and flow.history is None and flow.assessment is None
    assert flow.vial is not None  # the vial in hand serves the next person
    assert not flow.assessed(key, assessment(key))  # a late answer for the person sent away


def test_a_vial_past_its_use_by_is_assessed_again() -> None:
    flow, key = ready_flow()
    flow.vial = vial(use_by=NOW + timedelta(minutes=1))
    flow.assessed(key, assessment(key))
    assert not flow.vial_expired(NOW)
    assert flow.vial_expired(NOW + timedelta(minutes=1))


def dose(vaccination_id: str, given_at: datetime, *, voided: bool = False, external: bool = False) -> DoseEntry:
    return DoseEntry(vaccination_id=vaccination_id, product_code="comirnaty", product_name="Comirnaty",
                     given_at=given_at, dose_number=1, series_doses=2, lot_number="AB12", external=external,
                     country="DE", injection_site="left_deltoid", override_reason=None, corrects_id=None,
                     voided=voided, void_reason=None)


def test_the_queue_is_read_again_after_thirty_seconds_and_on_showing_again() -> None:
    flow = BoothFlow()
    assert flow.queue_stale(NOW) and not flow.shown_again()  # never read: read now
    flow.queue_requested(NOW)
    assert flow.shown_again()
    assert not flow.queue_stale(NOW + timedelta(seconds=29))
    assert flow.queue_stale(NOW + timedelta(seconds=30))
    # The clock set back three hours: read now, not in three hours; then every 30 s on the new time.
    assert flow.queue_stale(NOW - timedelta(hours=3))
    flow.queue_requested(NOW - timedelta(hours=3))
    assert not flow.queue_stale(NOW - timedelta(hours=3) + timedelta(seconds=29))


def test_nobody_can_be_called_while_a_dose_is_recorded_and_the_person_is_shown_among_those_with_a_doctor() -> None:
    flow = BoothFlow()
    flow.queue_loaded([visit("v1", state="with_doctor"), visit("v2", state="checked_in"), visit("v3")])
    assert flow.can_call_next() and flow.resume_choice() is None
    flow.start_visit(visit("v3"))
    assert flow.resume_choice() == 1  # the second of those with a doctor
    flow.busy = True
    assert not flow.can_call_next()


def test_flags_are_discussed_before_anything_and_only_with_the_person_at_the_booth() -> None:
    flow = BoothFlow()
    assert flow.review() is Review.NONE and flow.at_booth() is None
    flow.start_visit(visit(flags=("allergies",)))
    assert flow.review() is Review.PENDING and flow.at_booth() is not None
    assert not flow.review_acknowledged("v-other")
    assert flow.review_acknowledged("v1") and flow.review() is Review.DISCUSSED
    flow.start_visit(visit(state="observation"))
    assert flow.at_booth() is None  # acknowledging or sending away is for the person with the doctor


def test_the_record_request_carries_the_reason_only_when_the_warning_asks_for_one() -> None:
    flow, key = ready_flow()
    assert flow.dose_request(site="left_deltoid", override_reason="x") is None  # still checking
    flow.assessed(key, assessment(key))
    request = flow.dose_request(site="left_deltoid", override_reason="  typed anyway ")
    assert request is not None and request.override_reason is None and request.site == "left_deltoid"
    flow.assessed(key, assessment(key, warnings=("interval_short",)))
    assert flow.dose_request(site="left_deltoid", override_reason="   ") is None
    request = flow.dose_request(site="left_deltoid", override_reason="  discussed  ")
    assert request is not None and request.override_reason == "discussed"
    assert request.visit.visit_id == "v1" and request.vial.vial_id == "vial1"


def test_a_scanned_vial_joins_the_list_once_and_a_reload_keeps_the_vial_in_hand() -> None:
    flow = BoothFlow()
    assert flow.vial_rows_loaded([vial("a"), vial("b")]) is None  # nothing in hand yet
    assert flow.pick_vial(vial("b")) == 1 and len(flow.vial_rows) == 2
    assert flow.pick_vial(vial("c")) == 2 and [r.vial_id for r in flow.vial_rows] == ["a", "b", "c"]
    fresh = replace(vial("c"), doses_drawn=3)
    assert flow.vial_rows_loaded([vial("a"), fresh]) == fresh and flow.vial == fresh
    # Discarded meanwhile: not listed any more, but the doctor still holds it (the rules will say so).
    assert flow.vial_rows_loaded([vial("a")]) is None and flow.vial == fresh


def test_an_unopened_scan_is_remembered_until_opened_and_the_thawing_time_is_read_strictly() -> None:
    flow = BoothFlow()
    unopened = flow.scanned_unopened("01...", needs_thawing=True)
    assert flow.unopened == unopened and unopened.needs_thawing
    assert thaw_time(" 08:30 ") == (8, 30) and thaw_time("23:59") == (23, 59)
    for bad in ("8:30", "24:00", "08:60", "0830", "", "08:30:00", "ab:cd"):
        assert thaw_time(bad) is None, bad
    assert leave_reason("  feels   unwell\n today ") == "feels unwell today" and leave_reason(" \t ") == ""


def test_a_reaction_is_linked_to_the_last_dose_given_here_since_yesterday() -> None:
    flow = BoothFlow()
    flow.start_visit(visit())
    today = NOW.date()
    assert flow.reaction_dose(today) is None and not flow.history_known()
    history = PersonHistory(person_id="p-v1", family_name="X", given_name="Y", dob="1980-01-01", doses=(
        dose("old", NOW - timedelta(days=2)), dose("today", NOW), dose("abroad", NOW, external=True),
        dose("void", NOW, voided=True)), adverse_events=())
    assert flow.history_loaded(history) and flow.history_known()
    last = flow.reaction_dose(today)
    assert last is not None and last.vaccination_id == "today"
    assert flow.can_void(last) and not flow.can_void(history.doses[3]) and not flow.can_void(None)
    assert [d.vaccination_id for d in flow.doses()] == ["old", "today", "abroad", "void"]


def test_a_thawing_time_later_than_now_was_last_evening() -> None:
    """Thawed at 23:30, opened at 00:15: yesterday 23:30 (not tonight, which would be refused as the future)."""
    berlin = ZoneInfo("Europe/Berlin")
    after_midnight = datetime(2026, 12, 2, 0, 15, tzinfo=berlin)
    assert thawed_at(after_midnight, 23, 30) == datetime(2026, 12, 1, 23, 30, tzinfo=berlin)
    assert thawed_at(after_midnight, 0, 5) == datetime(2026, 12, 2, 0, 5, tzinfo=berlin)
    assert thawed_at(after_midnight, 0, 15) == after_midnight  # this very minute
