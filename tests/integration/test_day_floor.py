"""The simulated day's floor behaves like a day: a busy booth builds a queue, the records carry the times
of the queue, one doctor treats one person at a time, and observation lasts its minutes."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.services.demo import seed_center
from app.simulation import SimClock
from app.simulation.floor import Events, Floor, Timing, arrivals, run_day, staff_floor, waiting_figures
from app.storage.engine import create_store
from app.storage.schema import StockEvent, Vial, Visit
from tests.conftest import PASSPHRASE

TZ = ZoneInfo("Europe/Berlin")
DAY = date(2030, 4, 2)


def test_a_busy_booth_makes_a_queue_and_the_records_show_it(tmp_path: Path) -> None:
    clock = SimClock(datetime.combine(DAY, time(7, 0), TZ))
    with create_store(tmp_path / "floor.db", PASSPHRASE, tenant="t", site_code="s") as store:
        seed_center(store, persons=36, day=DAY, seed=3, clock=clock)
        events = Events(clock, clock.advance_to)
        nurses, doctors, admin = staff_floor(store, clock, nurses=1, doctors=1)
        # One doctor at about 20 minutes a person for a person every 17 minutes: a queue must build.
        timing = Timing(booth=(15.0, 20.0, 30.0), walk_in_share=0.0)
        rng = random.Random(5)
        floor = Floor(events, store, rng, nurses, doctors, admin, timing=timing)
        came = arrivals(store, rng, day=DAY, tz=TZ, persons=36, timing=timing)
        run_day(events, [floor], came, rng)
        with store.read() as session:
            visits = session.scalars(select(Visit).where(Visit.observation_started_at.is_not(None))
                                     .order_by(Visit.called_at)).all()
            open_vials = session.scalars(select(Vial).where(Vial.discarded_at.is_(None))).all()
            wasted = session.scalars(select(StockEvent).where(StockEvent.kind == "wasted")).all()
    figures = waiting_figures(floor.waits)
    assert figures["waiting_median_min"] is not None and figures["waiting_p90_min"] is not None
    assert figures["waiting_p90_min"] > figures["waiting_median_min"] > 10  # the queue, not 0.0
    assert len(visits) == floor.figures["vaccinated"] >= 25
    for before, after in pairwise(visits):
        # One doctor: the next person is called only after the previous dose is recorded.
        assert before.observation_started_at is not None and after.called_at is not None
        assert after.called_at >= before.observation_started_at
    for v in visits:
        assert v.checked_in_at <= v.consent_at <= v.called_at <= v.observation_started_at  # type: ignore[operator]
        assert v.observation_ended_at is not None
        assert v.observation_ended_at - v.observation_started_at >= timedelta(minutes=v.observation_minutes)  # type: ignore[operator]
    # The day's booth waits as the records tell them (ready → called) are the queue's booth waits.
    booth_waits = sorted((v.called_at - v.consent_at).total_seconds() / 60 for v in visits)  # type: ignore[operator]
    assert booth_waits[len(booth_waits) // 2] > 10
    # Nothing is left open at the end, and what was discarded was discarded for a reason of the day.
    assert open_vials == []
    assert {e.reason for e in wasted} <= {"broken", "unused_end_of_day", "expired_after_opening"}
