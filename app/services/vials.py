"""Open vials at the doctor's booth: opening (and thawing), the use-by countdown, doses drawn,
finding a vial by its scanned code, and discarding it with the doses left counted as wasted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.catalogue import Catalogue
from app.domain.catalogue import Product as CatalogueProduct
from app.domain.gs1 import parse_element_string
from app.domain.ids import uuid7
from app.domain.rules import VialState, check_vial_usable, vial_use_by
from app.errors import NotFound, RuleViolation, ValidationError
from app.reasons import Reason
from app.services.permissions import use_case
from app.services.rows import get_row
from app.services.site_service import SiteService
from app.services.stock import find_lot
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.schema import Lot, StockEvent, Vial

__all__ = [
    "DISCARD_REASONS",
    "VialRow",
    "Vials",
]

# Why a vial leaves the booth before it is empty; the daily report groups waste by these.
DISCARD_REASONS = ("expired_after_opening", "contamination", "broken", "unused_end_of_day")
_MAX_SERIAL = 20


@dataclass(frozen=True)
class VialRow:
    """One opened vial as the doctor page shows it: countdown, doses drawn, and whether it may be used."""

    vial_id: str
    lot_id: str
    lot_number: str
    product_code: str
    product_name: str
    serial: str | None
    opened_at: datetime  # site-local
    thawed_at: datetime | None  # site-local
    use_by: datetime  # site-local: the earlier of printed expiry and the discard time after opening/thawing
    minutes_left: int  # 0 once the vial may no longer be used
    doses_drawn: int
    doses_per_vial: int
    max_doses: int  # doses_per_vial plus the catalogue's extra-dose allowance
    discarded_at: datetime | None
    discard_reason: str | None
    problems: tuple[str, ...]  # hard stops: why no dose may be drawn now (English, the CLI's words)
    problem_reasons: tuple[Reason, ...] = ()  # the same as reasons: the station shows them in its language

    @property
    def doses_left(self) -> int:
        return max(0, self.max_doses - self.doses_drawn) if self.discarded_at is None else 0

    @property
    def usable(self) -> bool:
        return not self.problems


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    """How a doctor reads a time of today: 14:32; with the date when it is another day."""
    return moment.astimezone(tz).strftime("%H:%M")


def extra_doses_allowed(lot: Lot, catalogue: Catalogue) -> int:
    if lot.gtin is None:
        return 0
    try:
        presentation = catalogue.presentation(lot.gtin)
    except KeyError:
        return 0
    return presentation.extra_doses_allowed


def doses_drawn(session: Session, vial_id: str) -> int:
    """Doses drawn from a vial: administered events net of voids (which are negative events)."""
    total = session.scalar(
        select(func.coalesce(func.sum(StockEvent.doses), 0)).where(
            StockEvent.vial_id == vial_id, StockEvent.kind == "administered"
        )
    )
    return int(total or 0)


def vial_problems(
    vial: Vial, lot: Lot, *, product: CatalogueProduct, catalogue: Catalogue, drawn: int, now: datetime,
    tz: ZoneInfo, dose_product_code: str | None = None,
) -> tuple[str, ...]:
    """Hard stops for drawing a dose now, as English sentences (see `vial_problem_reasons`)."""
    return tuple(str(r) for r in vial_problem_reasons(vial, lot, product=product, catalogue=catalogue, drawn=drawn,
                                                      now=now, tz=tz, dose_product_code=dose_product_code))


def vial_problem_reasons(
    vial: Vial, lot: Lot, *, product: CatalogueProduct, catalogue: Catalogue, drawn: int, now: datetime,
    tz: ZoneInfo, dose_product_code: str | None = None,
) -> tuple[Reason, ...]:
    """Hard stops for drawing a dose now, as reasons with local times and what to do next.

    The domain check `check_vial_usable` runs as well, so a rule it knows is never missed even
    when it has no reason here.
    """
    wanted = dose_product_code or lot.product_code
    problems: list[Reason] = []
    if lot.product_code != wanted:
        other = catalogue.find(wanted)
        problems.append(Reason("vial_wrong_product", {"holds": product.name, "wanted": other.name if other else wanted}))
    if lot.blocked_at is not None:
        problems.append(Reason("vial_lot_blocked", {"lot": lot.lot_number, "why": lot.block_reason or ""}))
    if vial.discarded_at is not None:
        problems.append(Reason("vial_discarded", {"at": local_time(vial.discarded_at, tz)}))
    capacity = lot.doses_per_vial + extra_doses_allowed(lot, catalogue)
    if drawn >= capacity:
        problems.append(Reason("vial_empty", {"capacity": capacity}))
    if vial.discarded_at is None and now >= vial.use_by:
        printed_end = datetime.combine(lot.expiry + timedelta(days=1), datetime.min.time(), tzinfo=tz)
        at = local_time(vial.use_by, tz)
        if vial.use_by >= printed_end:
            problems.append(Reason("vial_expired_printed", {"at": at, "lot": lot.lot_number,
                                                            "expiry": lot.expiry.isoformat()}))
        elif vial.thawed_at is not None and product.thawed_shelf_life_hours is not None and (
            vial.use_by == vial.thawed_at + timedelta(hours=product.thawed_shelf_life_hours)
        ):
            problems.append(Reason("vial_expired_thawed", {"at": at, "hours": product.thawed_shelf_life_hours}))
        else:
            problems.append(Reason("vial_expired_opened", {"at": at, "hours": product.shelf_life_after_opening_hours}))
    state = VialState(
        product_code=lot.product_code,
        lot=lot.lot_number,
        printed_expiry=lot.expiry,
        doses_per_vial=lot.doses_per_vial,
        extra_doses_allowed=extra_doses_allowed(lot, catalogue),
        doses_drawn=drawn,
        opened_at=vial.opened_at,
        thawed_at=vial.thawed_at,
        discarded_at=vial.discarded_at,
    )
    blocked = (lot.lot_number,) if lot.blocked_at is not None else ()
    domain = check_vial_usable(state, catalogue=catalogue, product_code=wanted, now=now.astimezone(tz),
                               blocked_lots=blocked)
    if domain and not problems:
        problems.extend(Reason("message", {"text": text}) for text in domain)
    return tuple(problems)


def vial_row(session: Session, vial: Vial, lot: Lot, *, catalogue: Catalogue, now: datetime, tz: ZoneInfo) -> VialRow:
    product = catalogue.find(lot.product_code)
    drawn = doses_drawn(session, vial.id)
    # A lot of a product the catalogue does not list (an older catalogue's, or pulled from a station with a
    # newer one) stays in the list, unusable, instead of failing the list of every vial.
    reasons = (Reason("vial_product_not_in_catalogue", {"product": lot.product_code}),) if product is None \
        else vial_problem_reasons(vial, lot, product=product, catalogue=catalogue, drawn=drawn, now=now, tz=tz)
    left = max(0, int((vial.use_by - now).total_seconds() // 60))
    return VialRow(
        vial_id=vial.id,
        lot_id=lot.id,
        lot_number=lot.lot_number,
        product_code=lot.product_code,
        product_name=product.name if product is not None else lot.product_code,
        serial=vial.serial,
        opened_at=vial.opened_at.astimezone(tz),
        thawed_at=vial.thawed_at.astimezone(tz) if vial.thawed_at is not None else None,
        use_by=vial.use_by.astimezone(tz),
        minutes_left=left,
        doses_drawn=drawn,
        doses_per_vial=lot.doses_per_vial,
        max_doses=lot.doses_per_vial + extra_doses_allowed(lot, catalogue),
        discarded_at=vial.discarded_at.astimezone(tz) if vial.discarded_at is not None else None,
        discard_reason=vial.discard_reason,
        problems=tuple(str(r) for r in reasons),
        problem_reasons=reasons,
    )


def change_draws(session: Session, vial: Vial, lot: Lot, *, delta: int, at: datetime, reason: str | None) -> list[str]:
    """Draw (+1) or give back (-1) one dose of `vial` as stock events; returns the event ids.

    The figures stay physical: a dose beyond the vial's nominal doses (an allowed extra dose) was
    never counted as received, so it is received now; a dose given back to a vial that is already
    discarded went into the bin with it, so it is wasted.
    """
    if delta not in (1, -1):
        raise ValueError("one dose at a time")
    drawn = doses_drawn(session, vial.id)
    events = [StockEvent(id=uuid7(), lot_id=lot.id, vial_id=vial.id, kind="administered", doses=delta, at=at,
                         reason=reason)]
    extra = drawn >= lot.doses_per_vial if delta == 1 else drawn > lot.doses_per_vial
    if extra:
        events.append(StockEvent(id=uuid7(), lot_id=lot.id, vial_id=vial.id, kind="received", doses=delta, at=at,
                                 reason="extra_dose"))
    elif vial.discarded_at is not None:
        events.append(StockEvent(id=uuid7(), lot_id=lot.id, vial_id=vial.id, kind="wasted", doses=-delta, at=at,
                                 reason=reason))
    session.add_all(events)
    session.flush()
    return [event.id for event in events]


class Vials(SiteService):
    """Vial use cases for one station. Every method is one transaction or one read."""

    # ---- opening --------------------------------------------------------------------------

    @use_case
    def open_vial(
        self,
        actor: Actor,
        lot_id: str,
        *,
        serial: str | None = None,
        thawed_at: datetime | None = None,
    ) -> VialRow:
        """Open (first puncture or dilution) a vial of a lot now; the countdown starts here.

        Products kept frozen need the time the vial was thawed: thawing starts its own, longer clock.
        """
        serial = _clean_serial(serial)
        with UnitOfWork(self.store, actor, self.clock) as uow:
            now = uow.now
            lot = get_row(uow.session, Lot, lot_id, code="lot_unknown")
            product = self.catalogue.product(lot.product_code)
            if lot.blocked_at is not None:
                raise RuleViolation(code="lot_blocked_no_open", params={"lot": lot.lot_number, "why": lot.block_reason or ""})
            if now.astimezone(self.tz).date() > lot.expiry:
                raise RuleViolation(code="lot_expired_no_open",
                                    params={"lot": lot.lot_number, "expiry": lot.expiry.isoformat()})
            if product.needs_thawing:
                if thawed_at is None:
                    raise ValidationError(code="vial_thaw_time_needed", params={"product": product.name}, field="thawed_at")
                if thawed_at.tzinfo is None:
                    raise ValidationError(code="thaw_time_needs_zone", field="thawed_at")
                if thawed_at > now:
                    raise ValidationError(code="vial_thaw_in_future", field="thawed_at")
            elif thawed_at is not None:
                raise ValidationError(code="vial_not_thawed_product", params={"product": product.name}, field="thawed_at")
            opened = uow.session.scalar(select(func.count()).select_from(Vial).where(Vial.lot_id == lot.id)) or 0
            if opened >= lot.vials_received:
                raise RuleViolation(code="lot_all_vials_open",
                                    params={"count": lot.vials_received, "lot": lot.lot_number})
            if serial is not None and uow.session.scalar(
                select(Vial.id).where(Vial.lot_id == lot.id, Vial.serial == serial)
            ):
                raise RuleViolation(code="vial_serial_already_open", params={"serial": serial, "lot": lot.lot_number})
            use_by = vial_use_by(
                lot.expiry,
                now.astimezone(self.tz),
                shelf_life_hours=product.shelf_life_after_opening_hours,
                thawed_at=thawed_at,
                thawed_shelf_life_hours=product.thawed_shelf_life_hours,
                tz=self.tz,
            )
            if use_by <= now:
                # Thawed too long ago: it would be expired the moment it is opened.
                raise RuleViolation(code="vial_expired_at_opening",
                                    params={"product": product.name, "use_by": local_time(use_by, self.tz)})
            vial = Vial(id=uuid7(), lot_id=lot.id, serial=serial, opened_at=now, thawed_at=thawed_at,
                        use_by=use_by, opened_by=actor.staff_id)
            uow.insert(vial, action="vial.opened")
            return vial_row(uow.session, vial, lot, catalogue=self.catalogue, now=now, tz=self.tz)

    @use_case
    def open_scanned(self, actor: Actor, text: str, *, thawed_at: datetime | None = None) -> VialRow:
        """Open the vial whose label was just scanned (at the booth: the doctor punctures it now). The
        label's expiry is checked first; its serial number, if it has one, is kept."""
        data = parse_element_string(text)
        try:
            product = self.catalogue.by_gtin(data.gtin)
        except KeyError:
            raise NotFound(code="gtin_unknown", params={"gtin": data.gtin}) from None
        if data.expiry < self.clock().astimezone(self.tz).date():
            raise RuleViolation(code="vial_label_expired", params={"expiry": data.expiry.isoformat(), "lot": data.lot})
        with self.store.read() as session:
            lot = find_lot(session, product_code=product.code, lot_number=data.lot)
            lot_id = lot.id if lot is not None else None
        if lot_id is None:
            raise NotFound(code="lot_not_received", params={"lot": data.lot, "product": product.name})
        return self.open_vial(actor, lot_id, serial=data.serial, thawed_at=thawed_at)

    # ---- reading --------------------------------------------------------------------------

    @use_case
    def open_vials(self) -> list[VialRow]:
        """Vials not discarded yet, soonest use-by first; expired and empty ones show their problem."""
        now = self.clock()
        with self.store.read() as session:
            rows = session.execute(
                select(Vial, Lot).join(Lot, Lot.id == Vial.lot_id).where(Vial.discarded_at.is_(None))
                .order_by(Vial.use_by, Vial.id)
            ).all()
            return [vial_row(session, v, lot, catalogue=self.catalogue, now=now, tz=self.tz) for v, lot in rows]

    @use_case
    def get(self, vial_id: str) -> VialRow:
        with self.store.read() as session:
            vial, lot = vial_with_lot(session, vial_id)
            return vial_row(session, vial, lot, catalogue=self.catalogue, now=self.clock(), tz=self.tz)

    @use_case
    def find_by_scan(self, text: str) -> VialRow:
        """The open vial a scanned code names (GTIN + lot, and the serial when the code has one)."""
        data = parse_element_string(text)
        try:
            product = self.catalogue.by_gtin(data.gtin)
        except KeyError:
            raise NotFound(code="gtin_unknown", params={"gtin": data.gtin}) from None
        with self.store.read() as session:
            lot = find_lot(session, product_code=product.code, lot_number=data.lot)
            if lot is None:
                raise NotFound(code="lot_not_received", params={"lot": data.lot, "product": product.name})
            today = self.clock().astimezone(self.tz).date()
            if data.expiry < today:
                # What the label says counts even when the lot was received with another date.
                raise RuleViolation(code="vial_label_expired", params={"expiry": data.expiry.isoformat(),
                                                                       "lot": data.lot})
            if data.expiry < lot.expiry:
                raise RuleViolation(code="vial_label_expiry_differs", params={
                    "label": data.expiry.isoformat(), "recorded": lot.expiry.isoformat(), "lot": data.lot})
            query = select(Vial).where(Vial.lot_id == lot.id)
            vials = []
            if data.serial is not None:
                vials = list(session.scalars(query.where(Vial.serial == data.serial)).all())
            if not vials:
                # A label with a serial number names a vial opened without one (opened from the list).
                unnamed = query.where(Vial.discarded_at.is_(None))
                if data.serial is not None:
                    unnamed = unnamed.where(Vial.serial.is_(None))
                vials = list(session.scalars(unnamed).all())
            if not vials:
                # The booth opens it from here (open_scanned); the code says so, the params what it needs.
                raise NotFound(code="vial_not_open", params={
                    "lot": data.lot, "product": product.name, "needs_thawing": product.needs_thawing})
            if len(vials) > 1:
                raise ValidationError(code="vial_scan_ambiguous", params={"count": len(vials), "lot": data.lot})
            return vial_row(session, vials[0], lot, catalogue=self.catalogue, now=self.clock(), tz=self.tz)

    # ---- discarding -----------------------------------------------------------------------

    @use_case
    def discard(self, actor: Actor, vial_id: str, *, reason: str) -> VialRow:
        """Take a vial out of use; the doses still in it are counted as wasted."""
        if reason not in DISCARD_REASONS:
            raise ValidationError(code="discard_reason_invalid", params={"choices": ", ".join(DISCARD_REASONS)},
                                  field="reason")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            vial, lot = vial_with_lot(uow.session, vial_id)
            if vial.discarded_at is not None:
                raise RuleViolation(code="vial_already_discarded", params={"at": local_time(vial.discarded_at, self.tz)})
            drawn = doses_drawn(uow.session, vial.id)
            wasted = max(0, lot.doses_per_vial - drawn)
            vial.discarded_at = uow.now
            vial.discard_reason = reason
            if wasted:
                event = StockEvent(id=uuid7(), lot_id=lot.id, vial_id=vial.id, kind="wasted", doses=wasted,
                                   at=uow.now, reason=reason)
                uow.session.add(event)
            uow.session.flush()
            uow.record(
                action="vial.discarded",
                entity="vial",
                entity_id=vial.id,
                payload={},
                details={"reason": reason, "wasted": wasted},
            )
            return vial_row(uow.session, vial, lot, catalogue=self.catalogue, now=uow.now, tz=self.tz)

    @use_case
    def discard_open_vials(self, actor: Actor, *, reason: str = "unused_end_of_day") -> list[VialRow]:
        """End of the day: discard every vial still open, one audited use case each."""
        with self.store.read() as session:
            ids = session.scalars(select(Vial.id).where(Vial.discarded_at.is_(None)).order_by(Vial.id)).all()
        return [self.discard(actor, vial_id, reason=reason) for vial_id in ids]


def _clean_serial(serial: str | None) -> str | None:
    if serial is None:
        return None
    serial = serial.strip()
    if not serial:
        return None
    if len(serial) > _MAX_SERIAL or not serial.isprintable():
        raise ValidationError(code="vial_serial_invalid", params={"max": _MAX_SERIAL}, field="serial")
    return serial


def vial_with_lot(session: Session, vial_id: str) -> tuple[Vial, Lot]:
    """A vial and its lot, or `vial_not_found` (a scan of a vial this station does not know)."""
    row = session.execute(select(Vial, Lot).join(Lot, Lot.id == Vial.lot_id).where(Vial.id == vial_id)).first()
    if row is None:
        raise NotFound(code="vial_not_found")
    return row[0], row[1]
