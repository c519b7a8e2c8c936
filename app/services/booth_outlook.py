"""What the booth sees about its vials: for each product the doses left in the open vials, the people
waiting and the people due, and whether to open a new vial (`app.domain.vial_policy`).

The vials are this station's (a booth draws from the vials on its own tray); the people waiting and
due are the site's (one hall, one queue, whichever desk checked them in).

The doctor page shows it ("3 doses left in the open vial, 2 people waiting"), the lots page asks
before opening a vial that would be discarded half full, and the simulated day follows the same advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.queue import LATE_TOLERANCE
from app.domain.vial_policy import VialAdvice, VialDemand, advise
from app.services.doses import day_range
from app.services.permissions import use_case
from app.services.site_service import SiteService
from app.services.vials import VialRow, Vials
from app.storage.schema import Appointment, AuditLog, Lot, Slot, Vial, Visit

__all__ = ["BoothOutlook", "ProductOutlook"]

# A person booked up to LATE_TOLERANCE ago may still arrive (the desk checks in late arrivals after asking).
_SOON = timedelta(hours=1)


@dataclass(frozen=True)
class ProductOutlook:
    product_code: str
    product_name: str
    open_vials: int
    doses_left: int  # in the open, usable vials
    waiting: int  # ready for the doctor
    due_soon: int  # booked, not yet here, due within the hour
    advice: VialAdvice


class BoothOutlook(SiteService):
    """Reads only; one call per refresh of the booth page or per decision of the simulated day."""

    @property
    def walk_in_product(self) -> str:
        """What a walk-in gets when no open vial says otherwise: the catalogue's first product."""
        return self.catalogue.products[0].code

    @use_case
    def outlook(self) -> list[ProductOutlook]:
        """The products with an open vial here or someone waiting for them (due alone is no news)."""
        now = self.clock()
        with self.store.read() as session:
            vials = self._open_here(session)
            waiting = self._waiting(session)
            due = self._due(session, now - LATE_TOLERANCE, now + timedelta(days=1))
            # A booking for a product the catalogue no longer lists has no vial to advise on (the booth gives
            # such a person the vial's product): it is no row here, not a failed page.
            codes = {c for c in {v.product_code for v in vials} | set(waiting) | set(due) if self.catalogue.find(c)}
            rows = [self._outlook(session, code, now, vials, waiting, drawing=0) for code in sorted(codes)]
        return [r for r in rows if r.open_vials or r.waiting]

    @use_case
    def advice(self, product_code: str, *, drawing: int = 0) -> VialAdvice:
        """Whether to open a new vial of the product now. `drawing`: doses drawn up but not yet recorded."""
        now = self.clock()
        with self.store.read() as session:
            vials = self._open_here(session)
            return self._outlook(session, product_code, now, vials, self._waiting(session), drawing=drawing).advice

    # ---- the figures ------------------------------------------------------------------------------

    def _outlook(self, session: Session, code: str, now: datetime, vials: list[VialRow],
                 waiting: dict[str, tuple[int, datetime]], *, drawing: int) -> ProductOutlook:
        product = self.catalogue.product(code)
        mine = [v for v in vials if v.product_code == code and v.usable]
        left = sum(v.doses_left for v in mine)
        next_lot = session.execute(
            select(Lot.doses_per_vial, Lot.expiry)
            .where(Lot.product_code == code, Lot.blocked_at.is_(None),
                   Lot.expiry >= now.astimezone(self.tz).date(),
                   Lot.vials_received > select(func.count()).where(Vial.lot_id == Lot.id).scalar_subquery())
            .order_by(Lot.expiry).limit(1)
        ).first()
        doses_per_vial = next_lot[0] if next_lot else product.presentations[0].doses_per_vial
        closing = self._closing(session, now)
        expires = now + timedelta(hours=product.shelf_life_after_opening_hours)
        horizon = min(expires, closing)
        soon = self._due(session, now - LATE_TOLERANCE, horizon).get(code, 0)
        later = self._due(session, horizon, closing).get(code, 0) if horizon < closing else 0
        count, since = waiting.get(code, (0, now))
        demand = VialDemand(
            doses_left=max(0, left - drawing), doses_per_vial=doses_per_vial, waiting=count,
            due_before_expiry=soon, due_later_today=later,
            oldest_wait_minutes=max(0, int((now - since).total_seconds() // 60)),
        )
        return ProductOutlook(
            product_code=code, product_name=product.name, open_vials=len(mine), doses_left=max(0, left - drawing),
            waiting=count, due_soon=self._due(session, now - LATE_TOLERANCE, now + _SOON).get(code, 0), advice=advise(demand),
        )

    def _open_here(self, session: Session) -> list[VialRow]:
        """The open vials this station opened (its audit log says so): a vial opened at another station
        of the site, pulled by sync, is at that station's booth, not here."""
        here = set(session.scalars(select(AuditLog.entity_id).where(
            AuditLog.action == "vial.opened", AuditLog.station_id == self.store.identity.station_id)))
        return [v for v in Vials(self.store, clock=self.clock, catalogue=self.catalogue).open_vials()
                if v.vial_id in here]

    def _waiting(self, session: Session) -> dict[str, tuple[int, datetime]]:
        """Per product: how many are ready for the doctor (consent given), and since when the first."""
        rows = session.execute(
            select(Appointment.product_code, func.count(), func.min(Visit.consent_at))
            .select_from(Visit).outerjoin(Appointment, Appointment.id == Visit.appointment_id)
            .where(Visit.site_id == self.site_id, Visit.state == "checked_in", Visit.consent_at.is_not(None))
            .group_by(Appointment.product_code)
        ).all()
        found: dict[str, tuple[int, datetime]] = {}
        for code, n, first in rows:
            if first is None:
                continue  # not possible: consent_at is not null in the query
            key = code or self.walk_in_product
            before = found.get(key)
            found[key] = (n + (before[0] if before else 0), min(first, before[1]) if before else first)
        return found

    def _due(self, session: Session, start: datetime, end: datetime) -> dict[str, int]:
        """Per product: booked here, not yet arrived, slot starting in [start, end)."""
        rows = session.execute(
            select(Appointment.product_code, func.count())
            .join(Slot, Slot.id == Appointment.slot_id)
            .where(Appointment.site_id == self.site_id, Appointment.state == "booked",
                   Slot.starts_at >= start, Slot.starts_at < end)
            .group_by(Appointment.product_code)
        ).all()
        found: dict[str, int] = {}
        for code, n in rows:
            key = code or self.walk_in_product
            found[key] = found.get(key, 0) + int(n)
        return found

    def _closing(self, session: Session, now: datetime) -> datetime:
        """When today's last slot ends (the end of the local day when there is none left)."""
        start, end = day_range(now.astimezone(self.tz).date(), self.tz)
        last = session.scalar(select(func.max(Slot.ends_at)).where(
            Slot.site_id == self.site_id, Slot.starts_at >= start, Slot.starts_at < end))
        return max(now, last) if last is not None else end

