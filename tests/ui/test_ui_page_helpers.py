"""The pieces the pages share: when a page reads the database again, and the screenshot registry."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.ui.reload_schedule import ReloadSchedule

T0 = datetime(2030, 5, 22, 9, 0)


def test_a_page_reloads_first_at_once_then_when_its_rows_are_old() -> None:
    schedule = ReloadSchedule(after=timedelta(seconds=30))
    assert schedule.due(T0)  # never read yet
    schedule.started()
    assert not schedule.due(T0 + timedelta(minutes=5))  # a read is running: never a second one
    assert schedule.loaded(T0 + timedelta(seconds=2)) == T0 + timedelta(seconds=2)
    assert not schedule.due(T0 + timedelta(seconds=31))  # 29 s after the rows were read
    assert schedule.due(T0 + timedelta(seconds=32))


def test_a_failed_read_is_tried_again_and_keeps_the_age_of_the_rows_held() -> None:
    schedule = ReloadSchedule(after=timedelta(seconds=30))
    schedule.started()
    schedule.loaded(T0)
    schedule.started()
    schedule.failed()
    assert schedule.loaded_at == T0
    assert not schedule.due(T0 + timedelta(seconds=10))
    assert schedule.due(T0 + timedelta(seconds=30))


def test_a_clock_set_back_reloads_at_once_then_every_30_s_on_the_new_time() -> None:
    schedule = ReloadSchedule(after=timedelta(seconds=30))
    schedule.loaded(T0)
    assert schedule.due(T0 - timedelta(hours=3))  # not in three hours: the queue would freeze till then
    schedule.started()
    schedule.loaded(T0 - timedelta(hours=3))
    assert not schedule.due(T0 - timedelta(hours=3) + timedelta(seconds=29))
    assert schedule.due(T0 - timedelta(hours=3) + timedelta(seconds=30))


def test_screenshot_states_are_registered_once_per_page_and_only_run_on_their_page(qapp) -> None:  # type: ignore[no-untyped-def]
    from app.ui.pages.audit import AuditPage
    from app.ui.pages.queue import QueuePage
    from app.ui.screenshots import other_states
    from app.ui.screenshots.states import register, states_for

    queue = states_for(QueuePage.name)
    assert queue is not None and [name for name, _ in queue.states] == ["queue_early_end"]
    certificates = states_for("certificates")
    assert certificates is not None and certificates.images is not None
    assert states_for("no such page") is None
    with pytest.raises(ValueError, match="registered twice"):
        register(AuditPage, prepare=other_states.chain_checked)
    assert queue.prepare is not None
    with pytest.raises(TypeError, match="QueuePage states given a"):
        queue.prepare(object())  # type: ignore[arg-type]
