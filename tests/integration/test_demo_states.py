"""The demo states the screenshots are made of, on a real station: each must reach the state it names
whatever the desk left before it, or the picture shows a refusal instead of the page."""

from __future__ import annotations

from app.services.checkin import CheckInDesk
from app.services.demo import seed_center
from app.services.scheduling import Scheduler
from app.services.unit_of_work import Actor
from app.station import demo_states
from app.storage.engine import Store

ADMIN = Actor(staff_id=None, role="admin", display_name="Test")


def test_a_follow_up_is_due_even_with_a_flagged_person_waiting_at_the_booth(store: Store) -> None:
    """A person whose answers still need the doctor's review waits with the doctor (as the booth's picture
    leaves them): the follow-up state has the doctor read them first, as at the booth, and the dose is given;
    the follow-up of whoever got it is due."""
    seed_center(store, persons=6, seed=3)
    desk = CheckInDesk(store)
    flagged_visit, _booking = demo_states._booking_to_doctor(desk, ADMIN, allergies=True)
    flagged = next(r for r in desk.queue(ADMIN) if r.visit_id == flagged_visit)
    assert flagged.needs_review and not flagged.review_acknowledged

    person_id = demo_states.first_dose_due_follow_up(store, ADMIN)
    assert person_id in {due.person_id for due in Scheduler(store).due_follow_ups(ADMIN)}
