"""Vaccine lots at the admin's desk: receive a lot from a scanned carton code or typed fields,
block a recalled lot, and list lots with the stock derived from their events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, select

from app.domain.gs1 import is_valid_gtin, parse_element_string
from app.errors import NotFound, RuleViolation, ValidationError
from app.services.doses import doses_by_lot
from app.services.permissions import use_case
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
    product by hand and says why (`message` explains it).
    """

    gtin: str
    lot_number: str
    expiry: date
    serial: str | None
    product_code: str | None
    product_name: str | None
    doses_per_vial: int | None
    message: str | None


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


def _reason(text: str | None, what: str) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise ValidationError(f"Give a reason {what}.")
    if len(cleaned) > _MAX_REASON or not cleaned.isprintable():
        raise ValidationError(f"The reason has at most {_MAX_REASON} printable characters.")
    return cleaned


def _vials(vials: object) -> int:
    # bool is an int in Python, and a float from a spin box is not a count of vials.
    if not isinstance(vials, int) or isinstance(vials, bool) or not 0 < vials <= MAX_VIALS_PER_LOT:
        raise ValidationError(f"The number of vials must be a whole number from 1 to {MAX_VIALS_PER_LOT}.")
    return vials


def _lot_number(text: str) -> str:
    lot_number = text.strip()
    if not lot_number or len(lot_number) > 20 or not lot_number.isprintable():
        raise ValidationError("A lot number has 1 to 20 printable characters, as printed on the carton.")
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
                message=(f"GTIN {data.gtin} is not in the vaccine catalogue. Choose the product by hand and "
                         "give a reason, or ask the site lead to add the GTIN to the catalogue."),
            )
        product = self.catalogue.product(presentation.product_code)
        return LotScan(
            gtin=data.gtin, lot_number=data.lot, expiry=data.expiry, serial=data.serial,
            product_code=product.code, product_name=product.name, doses_per_vial=presentation.doses_per_vial,
            message=None,
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
                raise ValidationError(found.message or "Choose the product by hand.")
            reason = _reason(manual_reason, "for choosing the product by hand")
            code = product_code
        else:
            if product_code is not None and product_code != found.product_code:
                raise ValidationError(
                    f"The code is a {found.product_name} carton, not {product_code}. Check the carton."
                )
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
                raise ValidationError(f"{gtin!r} is not a valid GTIN-14; check the 14 digits on the carton.")
            try:
                presentation = self.catalogue.presentation(gtin)
            except KeyError:
                raise ValidationError(
                    f"GTIN {gtin} is not in the vaccine catalogue; leave it empty to choose the product by hand."
                ) from None
            if presentation.product_code != product_code:
                raise ValidationError(f"GTIN {gtin} belongs to {presentation.product_code}, not {product_code}.")
        return self._receive(actor, product_code=product_code, lot_number=lot_number, expiry=expiry, vials=vials,
                             gtin=gtin, manual_reason=None)

    def _receive(
        self, actor: Actor, *, product_code: str, lot_number: str, expiry: date, vials: int, gtin: str | None,
        manual_reason: str | None,
    ) -> LotRow:
        lot_number = _lot_number(lot_number)
        if self.catalogue.find(product_code) is None:
            raise NotFound(f"Unknown product '{product_code}'; choose one from the catalogue.")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            today = uow.now.astimezone(self.tz).date()
            if expiry < today:
                raise ValidationError(
                    f"Lot {lot_number} expired on {expiry.isoformat()}; an expired lot is not received."
                )
            lot = receive_lot(uow, product_code=product_code, lot_number=lot_number, expiry=expiry, vials=vials,
                              gtin=gtin, manual_product_reason=manual_reason)
        return self.get(lot.id)

    @use_case
    def block(self, actor: Actor, lot_id: str, *, reason: str) -> LotRow:
        """Recall or quality hold: no vial of the lot may be opened or used from now on."""
        reason = _reason(reason, "for blocking the lot (recall notice, cold-chain break, …)")
        with UnitOfWork(self.store, actor, self.clock) as uow:
            lot = uow.session.get(Lot, lot_id)
            if lot is None:
                raise NotFound("That lot does not exist.")
            if lot.blocked_at is not None:
                raise RuleViolation(f"Lot {lot.lot_number} is already blocked ({lot.block_reason}).")
            lot.blocked_at = uow.now
            lot.block_reason = reason
            uow.record(
                action="lot.blocked",
                entity="lot",
                entity_id=lot.id,
                payload={"id": lot.id, "blocked_at": uow.now.isoformat(), "reason": reason},
                details={"reason": reason},
            )
        return self.get(lot_id)

    @use_case
    def get(self, lot_id: str) -> LotRow:
        rows = self._rows(lot_id)
        if not rows:
            raise NotFound("That lot does not exist.")
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

