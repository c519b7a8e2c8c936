"""Receiving a carton without widgets (app/ui/lots_flow.py): what the form still misses, in the order it
asks, and the doses an entry means."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.reasons import Reason
from app.services.lots import LotScan
from app.ui.lots_flow import Missing, ProductInfo, ReceiveEntry

KNOWN = LotScan(gtin="04012345678901", lot_number="FK4711", expiry=date(2027, 1, 31), serial=None,
                product_code="comirnaty", product_name="Comirnaty", doses_per_vial=6, reason=None)
UNKNOWN = replace(KNOWN, product_code=None, product_name=None, doses_per_vial=None,
                  reason=Reason("gtin_choose_by_hand", {"gtin": "04012345678901"}))
PRODUCTS = {"spikevax": ProductInfo("spikevax", "Spikevax", 10, needs_thawing=True)}
EMPTY = ReceiveEntry(scan=None, typed=False, product_code=None, manual_reason="", lot_number="", vials=0)


def test_a_known_carton_needs_only_the_number_of_vials() -> None:
    entry = replace(EMPTY, scan=KNOWN)
    assert entry.missing() is Missing.VIALS
    assert replace(entry, vials=3).missing() is None
    assert entry.doses_per_vial(PRODUCTS) == 6  # from the code, whatever the picker shows


def test_an_unknown_gtin_needs_the_product_and_a_reason() -> None:
    entry = replace(EMPTY, scan=UNKNOWN, vials=2)
    assert entry.missing() is Missing.PRODUCT
    entry = replace(entry, product_code="spikevax")
    assert entry.missing() is Missing.MANUAL_REASON
    assert replace(entry, manual_reason="   ").missing() is Missing.MANUAL_REASON
    assert replace(entry, manual_reason="label torn, checked the leaflet").missing() is None
    assert entry.doses_per_vial(PRODUCTS) == 10


def test_typing_by_hand_asks_for_product_then_lot_then_vials() -> None:
    assert EMPTY.missing() is Missing.SCAN_OR_TYPE
    typed = replace(EMPTY, typed=True)
    assert typed.missing() is Missing.PRODUCT
    typed = replace(typed, product_code="spikevax")
    assert typed.missing() is Missing.LOT_NUMBER
    typed = replace(typed, lot_number="AB-1")
    assert typed.missing() is Missing.VIALS
    assert replace(typed, vials=1).missing() is None
    assert replace(typed, product_code="not-in-the-list").doses_per_vial(PRODUCTS) is None
