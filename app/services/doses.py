"""The doses given here — defined once, for `vaxdesk stats`, the daily report, the authority export,
the stock figures and the simulated day, so that a site lead and the health authority read one number.

A dose counts when it was given at this site (not a dose given elsewhere and entered from a record),
is not voided, and — a correction being a void of the old record plus a new one — once, as the
record that stands. A day is the site's local day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, exists, func, select
from sqlalchemy.orm import Session

from app.domain.days import FIRST_DAY, LAST_DAY, within_calendar
from app.errors import ValidationError
from app.storage.schema import Vaccination, VaccinationVoid

__all__ = ["check_day", "day_range", "doses_by_lot", "doses_on", "external_doses",
           "given_here"]

def check_day(day: date, *, field: str = "day") -> date:
    """`day`, or refused with a reason when it is at the very ends of the calendar."""
    if not within_calendar(day):
        raise ValidationError(code="day_out_of_range", field=field,
                              params={"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()})
    return day


def day_range(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The site's local day as [start, end) in aware datetimes."""
    start = datetime.combine(check_day(day), time(0), tz)
    return start, datetime.combine(day + timedelta(days=1), time(0), tz)


def _not_voided() -> ColumnElement[bool]:
    return ~exists().where(VaccinationVoid.vaccination_id == Vaccination.id)


def given_here(site_id: str, *, day: date | None = None, tz: ZoneInfo | None = None) -> ColumnElement[bool]:
    """THE definition: the condition on `Vaccination` rows that are doses given at this site (on `day`)."""
    condition = and_(Vaccination.external.is_(False), Vaccination.site_id == site_id, _not_voided())
    if day is None:
        return condition
    if tz is None:
        raise ValueError("a day needs the site's time zone")
    start, end = day_range(day, tz)
    return and_(condition, Vaccination.given_at >= start, Vaccination.given_at < end)


def doses_on(session: Session, site_id: str, *, day: date | None = None, tz: ZoneInfo | None = None) -> int:
    """How many doses were given here (on `day`, or ever)."""
    return int(session.scalar(select(func.count()).select_from(Vaccination)
                              .where(given_here(site_id, day=day, tz=tz))) or 0)


def external_doses(session: Session) -> int:
    """Doses given elsewhere and entered from a person's record (not voided): history, not work done here."""
    return int(session.scalar(select(func.count()).select_from(Vaccination)
                              .where(Vaccination.external.is_(True), _not_voided())) or 0)


def doses_by_lot(site_id: str) -> Select[str | None, int]:
    """(lot id, doses given here from it): the doses the stock figures count as administered."""
    return (select(Vaccination.lot_id, func.count().label("doses"))
            .where(given_here(site_id), Vaccination.lot_id.is_not(None))
            .group_by(Vaccination.lot_id))
