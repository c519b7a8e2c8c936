"""Vaccine lots at the admin's desk: receive a lot from a scanned carton code or typed fields,
block a recalled lot, and list lots with the stock derived from their events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, select

from app.domain.gs1 import is_valid_gtin, parse_element_string
from app.errors import NotFound, RuleViolation, ValidationError
from app.reasons import Reason
from app.services.doses import doses_by_lot
from app.services.permissions import use_case
from app.services.rows import get_row
from app.services.site_service import SiteService
from app.services.stock import MAX_VIALS_PER_LOT, receive_lot
from app.services.unit_of_work import Actor, UnitOfWork
from app.storage.schema import Lot, StockEvent, Vial

__all__ = ["LotRow", "LotScan", "Lots"]

_MAX_REASON = 200


@dataclass(frozen=True)
class LotScan:
    """What a scanned carton or vial code says, before anything is written.

    `product_code` is None when the GTIN is not in the catalogue: the admin then chooses the
    product by hand and says why (`reason` explains it).
    """

    gtin: str
    lot_number: str
    expiry: date
    serial: str | None
    product_code: str | None
    product_name: str | None
    doses_per_vial: int | None
    reason: Reason | None

    @property
    def message(self) -> str | None:
        """The English sentence for the reason (the CLI's words)."""
        return None if self.reason is None else str(self.reason)


@dataclass(frozen=True)
class LotRow:
    lot_id: str
    product_code: str
    product_name: str
    lot_number: str
    gtin: str | None
    expiry: date
    vials_received: int
    vials_opened: int
    doses_per_vial: int
    received: int  # doses, from stock events
    administered: int
    wasted: int
    blocked: bool
    block_reason: str | None
    manual_product_reason: str | None
    expired: bool  # the printed expiry day is over (site-local)

    @property
    def remaining(self) -> int:
        return self.received - self.administered - self.wasted


def _reason(text: str | None, missing: str) -> str:
    """The reason as stored; `missing` is the code that asks for it."""
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise ValidationError(code=missing, field="reason")
    if len(cleaned) > _MAX_REASON or not cleaned.isprintable():
        raise ValidationError(code="lot_reason_too_long", params={"max": _MAX_REASON}, field="reason")
    return cleaned


def _vials(vials: object) -> int:
    # bool is an int in Python, and a float from a spin box is not a count of vials.
    if not isinstance(vials, int) or isinstance(vials, bool) or not 0 < vials <= MAX_VIALS_PER_LOT:
        raise ValidationError(code="lot_vials_range", params={"max": MAX_VIALS_PER_LOT}, field="vials")
    return vials


def _lot_number(text: str) -> str:
    lot_number = text.strip()
    if not lot_number or len(lot_number) > 20 or not lot_number.isprintable():
        raise ValidationError(code="lot_number_invalid", field="lot_number")
    return lot_number


class Lots(SiteService):
    """Lot use cases for one station. Every method is one transaction or one read."""

    @use_case
    def read_scan(self, text: str) -> LotScan:
        """Parse a scanned code and look up its product; raises ValidationError for a damaged scan."""
        data = parse_element_string(text)
        try:
            presentation = self.catalogue.presentation(data.gtin)
        except KeyError:
            return LotScan(
                gtin=data.gtin, lot_number=data.lot, expiry=data.expiry, serial=data.serial, product_code=None,
                product_name=None, doses_per_vial=None,
                reason=Reason("gtin_choose_by_hand", {"gtin": data.gtin}),
            )
        product = self.catalogue.product(presentation.product_code)
        return LotScan(
            gtin=data.gtin, lot_number=data.lot, expiry=data.expiry, serial=data.serial,
            product_code=product.code, product_name=product.name, doses_per_vial=presentation.doses_per_vial,
            reason=None,
        )

    @use_case
    def receive_scanned(
        self,
        actor: Actor,
        scan: str,
        *,
        vials: int,
        product_code: str | None = None,
        manual_reason: str | None = None,
    ) -> LotRow:
        """Receive a lot from its scanned code. An unknown GTIN needs `product_code` and `manual_reason`."""
        vials = _vials(vials)
        found = self.read_scan(scan)
        reason: str | None = None
        if found.product_code is None:
            if product_code is None:
                raise ValidationError.of(found.reason or Reason("lot_choose_product"))
            reason = _reason(manual_reason, "lot_manual_product_reason")
            code = product_code
        else:
            if product_code is not None and product_code != found.product_code:
                raise ValidationError(code="carton_other_product",
                                      params={"found": found.product_name, "product": product_code})
            code = found.product_code
        return self._receive(actor, product_code=code, lot_number=found.lot_number, expiry=found.expiry,
                             vials=vials, gtin=found.gtin, manual_reason=reason)

    @use_case
    def receive_typed(
        self,
        actor: Actor,
        *,
        product_code: str,
        lot_number: str,
        expiry: date,
        vials: int,
        gtin: str | None = None,
    ) -> LotRow:
        """Receive a lot from fields typed off the carton (when the scanner cannot read it)."""
        vials = _vials(vials)
        lot_number = _lot_number(lot_number)
        if gtin is not None:
            gtin = gtin.strip()
            if not is_valid_gtin(gtin):
                raise ValidationError(code="gtin_invalid", params={"gtin": gtin}, field="gtin")
            try:
                presentation = self.catalogue.presentation(gtin)
            except KeyError:
                raise ValidationError(code="gtin_not_in_catalogue", params={"gtin": gtin}, field="gtin") from None
            if presentation.product_code != product_code:
                raise ValidationError(code="gtin_other_product", params={
                    "gtin": gtin, "found": presentation.product_code, "product": product_code}, field="gtin")
        return self._receive(actor, product_code=product_code, lot_number=lot_number, expiry=expiry, vials=vials,
                             gtin=gtin, manual_reason=None)

    def _receive(
        self, actor: Actor, *, product_code: str, lot_number: str, expiry: date, vials: int, gtin: str | None,
        manual_reason: str | None,
    ) -> LotRow:
        lot_number = _lot_number(lot_number)
        if self.catalogue.find(product_code) is None:
            raise NotFound(code="product_unknown_choose", params={"product": product_code})
        with UnitOfWork(self.store, actor, self.clock) as uow:
            today = uow.now.astimezone(self.tz).date()
            if expiry < today:
                raise ValidationError(code="lot_expired_not_received",
                                      params={"lot": lot_number, "expiry": expiry.isoformat()}, field="expiry")
            lot = receive_lot(uow, product_code=product_code, lot_number=lot_number, expiry=expiry, vials=vials,
                              gtin=gtin, manual_product_reason=manual_reason)
        return self.get(lot.id)

    @use_case
    def block(self, actor: Actor, lot_id: str, *, reason: str) -> LotRow:
        """Recall or quality hold: no vial of the lot may be opened or used from now on."""
        reason = _reason(reason, "lot_block_reason")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            lot = get_row(uow.session, Lot, lot_id, code="lot_not_found")
            if lot.blocked_at is not None:
                raise RuleViolation(code="lot_already_blocked", params={"lot": lot.lot_number, "why": lot.block_reason})
            lot.blocked_at = uow.now
            lot.block_reason = reason
            uow.record(
                action="lot.blocked",
                entity="lot",
                entity_id=lot.id,
                payload={},
                details={"reason": reason},
            )
        return self.get(lot_id)

    @use_case
    def get(self, lot_id: str) -> LotRow:
        rows = self._rows(lot_id)
        if not rows:
            raise NotFound(code="lot_not_found")
        return rows[0]

    @use_case
    def list_lots(self, *, include_used_up: bool = False) -> list[LotRow]:
        """Lots with their stock in doses; used-up lots only when asked for."""
        rows = self._rows(None)
        return rows if include_used_up else [row for row in rows if row.remaining > 0]

    def _rows(self, lot_id: str | None) -> list[LotRow]:
        def total(kind: str) -> ColumnElement[int]:
            return func.coalesce(func.sum(case((StockEvent.kind == kind, StockEvent.doses), else_=0)), 0)

        stock = (
            select(StockEvent.lot_id, total("received").label("received"), total("wasted").label("wasted"))
            .group_by(StockEvent.lot_id)
            .subquery()
        )
        given = doses_by_lot(self.site_id).subquery()  # administered: the doses given here, counted once
        opened = select(Vial.lot_id, func.count().label("n")).group_by(Vial.lot_id).subquery()
        query = (
            select(Lot, stock.c.received, given.c.doses, stock.c.wasted, opened.c.n)
            .outerjoin(stock, stock.c.lot_id == Lot.id)
            .outerjoin(given, given.c.lot_id == Lot.id)
            .outerjoin(opened, opened.c.lot_id == Lot.id)
            .order_by(Lot.expiry, Lot.lot_number)
        )
        if lot_id is not None:
            query = query.where(Lot.id == lot_id)
        today = self.clock().astimezone(self.tz).date()
        with self.store.read() as session:
            result = session.execute(query).all()
        rows: list[LotRow] = []
        for lot, received, administered, wasted, n in result:
            product = self.catalogue.find(lot.product_code)
            rows.append(LotRow(
                lot_id=lot.id,
                product_code=lot.product_code,
                product_name=product.name if product else lot.product_code,
                lot_number=lot.lot_number,
                gtin=lot.gtin,
                expiry=lot.expiry,
                vials_received=lot.vials_received,
                vials_opened=int(n or 0),
                doses_per_vial=lot.doses_per_vial,
                received=int(received or 0),
                administered=int(administered or 0),
                wasted=int(wasted or 0),
                blocked=lot.blocked_at is not None,
                block_reason=lot.block_reason,
                manual_product_reason=lot.manual_product_reason,
                expired=today > lot.expiry,
            ))
        return rows

