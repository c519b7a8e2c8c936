"""The site's day, not the machine's: what "today" is and where a day of the audit log starts are
decided by the site's time zone. A desk PC's clock may be in another zone, and for an hour around
midnight the machine's date is not the site's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from app.errors import ValidationError
from app.services.unit_of_work import Actor, UnitOfWork
from app.station.services import StationServices
from app.storage.engine import Store
from app.storage.schema import Site

ADMIN = Actor(staff_id=None, role="admin", display_name="Admin")
# UTC+14: 09:30 UTC is 23:30 on the 1st at the site, 10:30 UTC is 00:30 on the 2nd.
ZONE = "Etc/GMT-14"
LAST_EVENING = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
JUST_AFTER_MIDNIGHT = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)


def _site_in(store: Store, zone: str) -> None:
    with store.write() as session:
        session.get(Site, store.identity.site_id).timezone = zone


def _entry(store: Store, at: datetime, entity_id: str) -> None:
    with UnitOfWork(store, ADMIN, clock=lambda: at) as uow:
        uow.record(action="station.backup_created", entity="station", entity_id=entity_id, details={})


def test_today_is_the_sites_date_not_the_machines(store: Store) -> None:
    _site_in(store, ZONE)
    services = StationServices(store, clock=lambda: JUST_AFTER_MIDNIGHT)
    assert JUST_AFTER_MIDNIGHT.date() == date(2026, 12, 1)  # in UTC, still the 1st
    assert services.today() == date(2026, 12, 2)


def test_an_audit_day_runs_from_midnight_to_midnight_at_the_site(store: Store) -> None:
    _site_in(store, ZONE)
    _entry(store, LAST_EVENING, "evening")
    _entry(store, JUST_AFTER_MIDNIGHT, "night")
    services = StationServices(store, clock=lambda: JUST_AFTER_MIDNIGHT)

    def shown(first: date, last: date) -> list[str | None]:
        rows = services.query_audit(ADMIN, entity_id=None, staff_id=None, action_prefix="station.backup",
                                    days=(first, last), limit=10)
        return [row.entity_id for row in rows]

    assert shown(date(2026, 12, 1), date(2026, 12, 1)) == ["evening"]
    assert shown(date(2026, 12, 2), date(2026, 12, 2)) == ["night"]
    assert shown(date(2026, 12, 1), date(2026, 12, 2)) == ["night", "evening"]  # newest first



def test_the_widest_range_the_date_fields_allow_shows_everything(store: Store) -> None:
    """From the date field's first day (14 Sep 1752) to its last (31 Dec 9999): no day after the last."""
    _entry(store, LAST_EVENING, "evening")
    rows = StationServices(store).query_audit(ADMIN, entity_id=None, staff_id=None, action_prefix="station.backup",
                                              days=(date(1752, 9, 14), date.max), limit=10)
    assert [row.entity_id for row in rows] == ["evening"]


def _the_calendars_last_day_asked_of(store: Store) -> dict[str, Callable[[], object]]:
    from app.services.certificates import CertificateDesk
    from app.services.report import daily_report
    from app.services.scheduling import Scheduler

    last = date.max  # 31.12.9999, the last day a date field offers: the day after it does not exist
    return {
        "open_days": lambda: Scheduler(store).open_days(ADMIN, last, last),
        "close_day": lambda: Scheduler(store).close_day(ADMIN, last, reason="Betriebsausflug"),
        "daily_report": lambda: daily_report(store, ADMIN, last),
        "recent_vaccinations": lambda: CertificateDesk(store).recent_vaccinations(ADMIN, last),
        "audit_from": lambda: StationServices(store).query_audit(ADMIN, entity_id=None, staff_id=None,
                                                                 action_prefix=None, days=(last, last), limit=10),
    }


@pytest.mark.parametrize("use_case", ["open_days", "close_day", "daily_report", "recent_vaccinations", "audit_from"])
def test_the_calendars_last_day_is_refused_with_a_reason_and_writes_nothing(store: Store, use_case: str) -> None:
    """A date field goes to 31.12.9999: asked for it, a use case says which days it takes (it raised
    OverflowError before, a traceback at the desk)."""
    from sqlalchemy import func, select

    from app.storage.schema import AuditLog, Closure, Slot

    def written() -> tuple[int, int, int]:
        with store.read() as session:
            return tuple(session.scalar(select(func.count()).select_from(t)) for t in (AuditLog, Closure, Slot))  # type: ignore[return-value]

    before = written()
    with pytest.raises(ValidationError) as refused:
        _the_calendars_last_day_asked_of(store)[use_case]()
    assert refused.value.code == "day_out_of_range"
    assert str(refused.value) == "Choose a day between 0001-01-02 and 9999-12-30."
    assert written() == before
