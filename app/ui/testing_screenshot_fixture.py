"""Screenshot fixture for the Tests page: a few walk-ins with tests in each state (sample to take,
counting down, ready to read, a result mailed) in a throwaway demo database. Used only by the page's
screenshot hook; it writes through the services, so the demo data is data a station could have written."""

from __future__ import annotations

from datetime import timedelta

from app.services.checkin import CheckInDesk
from app.services.covid_tests import TestingDesk
from app.services.persons import PersonInput
from app.services.unit_of_work import Actor, Change, system_clock

PERSONS = (("Okafor", "Chidi", "1988-03-14", "rat", 0), ("Lindqvist", "Maja", "1975-11-02", "rat", 6),
           ("Yılmaz", "Deniz", "2001-06-30", "rat", 25), ("Brandt", "Hannelore", "1949-01-19", "naat", 40))


def screenshot_fixture_tests(store: object, actor: Actor) -> list[Change]:
    """Four tests: one waiting for its sample, one counting down, one ready to read, a NAAT with its result.
    Written as the station itself: the screenshots log in as the admin, who does not take samples."""
    if TestingDesk(store).tests_of_day(actor):  # type: ignore[arg-type]
        return []
    desk, actor = CheckInDesk(store), Actor.system()  # type: ignore[arg-type]
    changes: list[Change] = []
    for family, given, dob, kind, minutes_ago in PERSONS:
        moment = system_clock() - timedelta(minutes=minutes_ago)
        email = f"{given.lower()}@example.org"
        _, visit_id = desk.register_walk_in(actor, PersonInput(family_name=family, given_name=given, dob=dob,
                                                                email=email), confirm_new=True)
        testing = TestingDesk(store, clock=lambda m=moment: m)  # type: ignore[arg-type, misc]
        test_id = testing.order(actor, visit_id, test_type=kind, mail_result=kind == "naat")
        if minutes_ago:
            if kind == "rat":
                testing.take_sample(actor, test_id, device_id="1232")
            else:
                testing.take_sample(actor, test_id, lab_name="Labor am Dom", sample_id="S-2026-0042")
                TestingDesk(store).enter_result(actor, test_id, result="negative")  # type: ignore[arg-type]
        changes.append(Change("covid_test", test_id, "test.ordered"))
    return changes
