"""Receiving a carton on the lots page, without widgets: what is still missing before "Receive" may be
pressed, and how many doses the entry means. The page (app/ui/pages/lots.py) says each missing piece in
words; tested without Qt (tests/unit/test_lots_flow.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from app.services.lots import LotScan


@dataclass(frozen=True)
class ProductInfo:
    code: str
    name: str
    doses_per_vial: int
    needs_thawing: bool


class Missing(Enum):
    SCAN_OR_TYPE = "scan_or_type"
    PRODUCT = "product"
    MANUAL_REASON = "manual_reason"
    LOT_NUMBER = "lot_number"
    VIALS = "vials"


@dataclass(frozen=True)
class ReceiveEntry:
    """What the receive form holds: a scanned carton, or the fields typed by hand."""

    scan: LotScan | None
    typed: bool  # "Type it instead" is on
    product_code: str | None  # chosen in the picker
    manual_reason: str
    lot_number: str
    vials: int

    def missing(self) -> Missing | None:
        """The first thing still missing, in the order the form asks for it; None when complete."""
        scan = self.scan
        if scan is None and not self.typed:
            return Missing.SCAN_OR_TYPE
        if (scan is None or scan.product_code is None) and self.product_code is None:
            return Missing.PRODUCT
        if scan is not None and scan.product_code is None and not self.manual_reason.strip():
            return Missing.MANUAL_REASON
        if scan is None and not self.lot_number.strip():
            return Missing.LOT_NUMBER
        if self.vials < 1:
            return Missing.VIALS
        return None

    def doses_per_vial(self, products: dict[str, ProductInfo]) -> int | None:
        """From the scanned code where it knows, else from the product chosen."""
        if self.scan is not None and self.scan.doses_per_vial is not None:
            return self.scan.doses_per_vial
        info = products.get(self.product_code or "")
        return info.doses_per_vial if info else None
