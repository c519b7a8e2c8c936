"""Keeps the product table in step with the vaccine catalogue shipped in resources/."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from app.domain.catalogue import Catalogue
from app.services.unit_of_work import UnitOfWork
from app.storage.schema import Product


def _entry(product: Any) -> dict[str, Any]:
    return json.loads(json.dumps(dataclasses.asdict(product), default=str))  # type: ignore[no-any-return]


def install_catalogue(uow: UnitOfWork, catalogue: Catalogue) -> int:
    """Insert or update every catalogue product; returns how many rows changed (audited when > 0)."""
    changed = 0
    for product in catalogue.products:
        data = _entry(product)
        row = uow.session.get(Product, product.code)
        if row is None:
            uow.session.add(
                Product(
                    code=product.code,
                    name=product.name,
                    mp=product.mp,
                    ma=product.ma,
                    vp=product.vp,
                    doses_per_vial=product.presentations[0].doses_per_vial,
                    data=data,
                )
            )
            changed += 1
        elif row.data != data:
            row.name, row.mp, row.ma, row.vp = product.name, product.mp, product.ma, product.vp
            row.doses_per_vial = product.presentations[0].doses_per_vial
            row.data = data
            changed += 1
    if changed:
        uow.record(action="catalogue.installed", entity="product", entity_id=None, details={"changed": changed})
    return changed
