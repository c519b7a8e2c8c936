"""Vaccine lots and the stock figures derived from stock events (received, administered, wasted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from app.domain.gs1 import lot_key
from app.domain.ids import uuid7
from app.errors import NotFound, ValidationError
from app.services.doses import check_day, doses_by_lot
from app.services.permissions import use_case
from app.services.unit_of_work import UnitOfWork
from app.storage.engine import Store
from app.storage.schema import Lot, Product, StockEvent

MAX_VIALS_PER_LOT = 100_000


def find_lot(session: Session, *, product_code: str, lot_number: str) -> Lot | None:
    """The product's lot with this number, however its case and spaces were typed (here or at another
    station): a recalled lot received again in another spelling is still the recalled lot."""
    exact = session.scalars(select(Lot).where(Lot.product_code == product_code, Lot.lot_number == lot_number)).first()
    if exact is not None:
        return exact
    key = lot_key(lot_number)
    for lot_id, number in session.execute(select(Lot.id, Lot.lot_number).where(Lot.product_code == product_code)):
        if lot_key(number) == key:
            return session.get(Lot, lot_id)
    return None


@dataclass(frozen=True)
class StockFigures:
    received: int
    administered: int
    wasted: int

    @property
    def remaining(self) -> int:
        return self.received - self.administered - self.wasted


def receive_lot(
    uow: UnitOfWork,
    *,
    product_code: str,
    lot_number: str,
    expiry: date,
    vials: int,
    gtin: str | None = None,
    manual_product_reason: str | None = None,
) -> Lot:
    product = uow.session.get(Product, product_code)
    if product is None:
        raise NotFound(code="product_unknown", params={"product": product_code})
    if not 0 < vials <= MAX_VIALS_PER_LOT:
        raise ValidationError(code="stock_vials_range", params={"max": MAX_VIALS_PER_LOT}, field="vials")
    check_day(expiry, field="expiry")
    lot_number = "".join(lot_number.split())
    if not lot_number or len(lot_number) > 20 or not lot_number.isprintable():
        raise ValidationError(code="stock_lot_number_invalid", field="lot_number")
    existing = find_lot(uow.session, product_code=product_code, lot_number=lot_number)
    if existing is not None:
        raise ValidationError(code="lot_already_received",
                              params={"lot": existing.lot_number, "product": product.name}, field="lot_number")
    doses_per_vial = product.doses_per_vial
    if gtin is not None:
        for presentation in product.data.get("presentations", []):
            if presentation.get("gtin") == gtin:
                doses_per_vial = int(presentation["doses_per_vial"])
    lot = Lot(
        id=uuid7(),
        product_code=product_code,
        gtin=gtin,
        lot_number=lot_number,
        expiry=expiry,
        vials_received=vials,
        doses_per_vial=doses_per_vial,
        received_at=uow.now,
        received_by=uow.actor.staff_id,
        manual_product_reason=manual_product_reason,
    )
    uow.insert(lot, action="lot.received")
    doses = vials * doses_per_vial
    uow.session.add(StockEvent(id=uuid7(), lot_id=lot.id, kind="received", doses=doses, at=uow.now))
    return lot


@use_case
def stock_by_product(store: Store) -> dict[str, StockFigures]:
    """Every catalogue product, with zeros where nothing was received. Received and wasted are sums of
    stock events; administered are the doses given here (`doses.given_here`), the one count of doses."""

    def total(kind: str) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((StockEvent.kind == kind, StockEvent.doses), else_=0)), 0)

    events = (select(Lot.product_code, total("received").label("received"), total("wasted").label("wasted"))
              .join(StockEvent, StockEvent.lot_id == Lot.id).group_by(Lot.product_code).subquery())
    given = doses_by_lot(store.identity.site_id).subquery()
    doses = (select(Lot.product_code, func.sum(given.c.doses).label("doses"))
             .join(given, given.c.lot_id == Lot.id).group_by(Lot.product_code).subquery())
    with store.read() as session:
        rows = session.execute(
            select(Product.code, events.c.received, doses.c.doses, events.c.wasted)
            .outerjoin(events, events.c.product_code == Product.code)
            .outerjoin(doses, doses.c.product_code == Product.code)
            .order_by(Product.code)
        ).all()
    return {code: StockFigures(int(r or 0), int(a or 0), int(w or 0)) for code, r, a, w in rows}
