"""One "changes applied" for every write: what the units of work committed (no page lists it by hand),
also when the write failed half-way, and what a sync round pulled from the server."""

from __future__ import annotations

from app.errors import VaxDeskError
from app.services.persons import PersonInput
from app.station.sync_round import RoundOutcome
from app.ui.changes import touches_person
from app.ui.tasks import workers
from sync.station.apply import PulledRow
from sync.station.engine import RoundReport
from tests.ui.conftest import log_in

WALK_IN = PersonInput(family_name="Okonkwo", given_name="Ada", dob="1985-04-02")


def test_a_write_announces_the_person_and_the_visit_it_wrote(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    page = unlocked.shell.show_page("checkin")
    actor = unlocked.shell.context.actor
    op = page.write(lambda s: s.checkin.register_walk_in(actor, WALK_IN, confirm_new=True))
    with qtbot.waitSignal(unlocked.shell.context.changes.changes_applied, timeout=10000) as published:
        op.start()
    person_id, visit_id = op.result
    changed = {(c.entity, c.entity_id) for c in published.args[0]}
    assert ("person", person_id) in changed and ("visit", visit_id) in changed


def test_a_write_failing_half_way_still_announces_what_it_committed(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    page = unlocked.shell.show_page("checkin")
    actor = unlocked.shell.context.actor
    failures: list[VaxDeskError] = []

    def register_then_fail(s):  # type: ignore[no-untyped-def]
        s.checkin.register_walk_in(actor, WALK_IN, confirm_new=True)
        s.checkin.record_identity(actor, "no-such-visit", "id_card")

    op = page.write(register_then_fail).on_failure(failures.append)
    with qtbot.waitSignal(unlocked.shell.context.changes.changes_applied, timeout=10000) as published:
        op.start()
    assert len(failures) == 1  # the refusal reached the page
    assert {c.entity for c in published.args[0]} >= {"person", "visit"}  # the walk-in did commit


def test_what_a_sync_round_pulled_reaches_the_pages_and_is_not_pushed_back(qtbot, unlocked) -> None:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "nurse")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    runner = unlocked.sync_runner
    pulled = tuple(PulledRow(entity, f"{entity}-1", "person-1")
                   for entity in ("person", "appointment", "visit", "vaccination"))
    report = RoundReport(pushed=0, applied=0, duplicates=0, rejected=0, pulled=4, pending_after=0,
                         clock_skew_s=0.0, epoch_changed=False, written=pulled)
    outcome = RoundOutcome(status=unlocked.shell.context.services.sync_status(), report=report, error=None)
    runner.debounce.stop()
    with qtbot.waitSignal(unlocked.shell.context.changes.changes_applied, timeout=10000) as published:
        runner.round_finished.emit(outcome)
    assert {"visit", "appointment", "vaccination", "person"} <= {c.entity for c in published.args[0]}
    assert ("visit", "visit-1") in {(c.entity, c.entity_id) for c in published.args[0]}  # by id, as a write
    assert touches_person(published.args[0], "person-1") and not touches_person(published.args[0], "person-2")
    assert not runner.debounce.isActive()  # pulled rows are not a reason for another push
    nothing = RoundOutcome(status=outcome.status, report=RoundReport(
        pushed=2, applied=2, duplicates=0, rejected=0, pulled=0, pending_after=0, clock_skew_s=0.0,
        epoch_changed=False), error=None)
    assert nothing.changes == ()  # a round that only pushed changes nothing the pages show
