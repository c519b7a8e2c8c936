"""The site's day, not the machine's: what "today" is and where a day of the audit log starts are
decided by the site's time zone. A desk PC's clock may be in another zone, and for an hour around
midnight the machine's date is not the site's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from app.domain.days import FIRST_DAY, LAST_DAY
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
    """From the date fields' first day to their last (1900 to 2200, `app.domain.days`)."""
    _entry(store, LAST_EVENING, "evening")
    rows = StationServices(store).query_audit(ADMIN, entity_id=None, staff_id=None, action_prefix="station.backup",
                                              days=(FIRST_DAY, LAST_DAY), limit=10)
    assert [row.entity_id for row in rows] == ["evening"]


def _a_day_asked_of(store: Store, day: date) -> dict[str, Callable[[], object]]:
    from app.services.certificates import CertificateDesk
    from app.services.lots import Lots
    from app.services.report import daily_report
    from app.services.scheduling import Scheduler

    return {
        "open_days": lambda: Scheduler(store).open_days(ADMIN, day, day),
        "close_day": lambda: Scheduler(store).close_day(ADMIN, day, reason="Betriebsausflug"),
        "daily_report": lambda: daily_report(store, ADMIN, day),
        "recent_vaccinations": lambda: CertificateDesk(store).recent_vaccinations(ADMIN, day),
        "audit_from": lambda: StationServices(store).query_audit(ADMIN, entity_id=None, staff_id=None,
                                                                 action_prefix=None, days=(day, day), limit=10),
        "lot_expiry": lambda: Lots(store).receive_typed(ADMIN, product_code="comirnaty", lot_number="FK4711",
                                                        expiry=day, vials=2),
    }


# 31.12.9999 is the last day Qt's date fields offer (the day after it does not exist: an OverflowError
# before, a traceback at the desk); 2201 is a year the sync records refuse (a lot typed with it was
# refused only as "cannot be recorded for sync").
@pytest.mark.parametrize("day", [date.max, date(2201, 1, 1)])
@pytest.mark.parametrize("use_case", ["open_days", "close_day", "daily_report", "recent_vaccinations", "audit_from",
                                      "lot_expiry"])
def test_a_day_outside_the_calendar_is_refused_with_a_reason_and_writes_nothing(store: Store, use_case: str,
                                                                               day: date) -> None:
    from sqlalchemy import func, select

    from app.storage.schema import AuditLog, Closure, Lot, Slot

    def written() -> tuple[int, ...]:
        with store.read() as session:
            return tuple(session.scalar(select(func.count()).select_from(t)) or 0 for t in (AuditLog, Closure, Slot, Lot))

    before = written()
    with pytest.raises(ValidationError) as refused:
        _a_day_asked_of(store, day)[use_case]()
    assert refused.value.code == "day_out_of_range"
    assert str(refused.value) == "Choose a day between 1900-01-01 and 2200-12-31."
    assert written() == before
