"""Lots and vials through their services on a real encrypted store, on a simulated clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.gs1 import GS, Gs1Data, format_element_string
from app.errors import NotFound, RuleViolation, ValidationError
from app.services.lots import Lots
from app.services.unit_of_work import Actor
from app.services.vials import Vials
from app.storage.engine import Store
from app.storage.schema import AuditLog, Lot, Outbox, StockEvent, Vial
from tests.conftest import ManualClock

ADMIN = Actor(staff_id=None, role="admin", display_name="Jana Novak")
COMIRNATY_GTIN = "02099000000019"
SPIKEVAX_GTIN = "02099000000026"
UNKNOWN_GTIN = "04012345000009"  # valid check digit, not in the catalogue
# 10:00 in Berlin.
START = datetime(2030, 5, 6, 8, 0, tzinfo=UTC)
EXPIRY = date(2030, 12, 31)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def lots(store: Store, clock: ManualClock) -> Lots:
    return Lots(store, clock=clock)


@pytest.fixture
def vials(store: Store, clock: ManualClock) -> Vials:
    return Vials(store, clock=clock)


def code(gtin: str = COMIRNATY_GTIN, lot: str = "FK1234", expiry: date = EXPIRY, serial: str | None = None) -> str:
    return format_element_string(Gs1Data(gtin=gtin, expiry=expiry, lot=lot, serial=serial))


def counts(store: Store) -> tuple[int, int, int, int, int]:
    with store.read() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(t)) or 0) for t in (AuditLog, Outbox, Lot, Vial, StockEvent)
        )


# ---- receiving ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "scan",
    [
        "]d2" + code(serial="S1") + "\r\n",
        "\x1d" + code(),
        format_element_string(Gs1Data(COMIRNATY_GTIN, EXPIRY, "FK1234", "S1"), bracketed=True),
        f"01{COMIRNATY_GTIN}17301231" + "10FK1234<GS>21S1",
    ],
)
def test_receive_a_scanned_carton(lots: Lots, store: Store, scan: str) -> None:
    before = counts(store)
    row = lots.receive_scanned(ADMIN, scan, vials=10)
    assert (row.product_code, row.lot_number, row.expiry, row.gtin) == ("comirnaty", "FK1234", EXPIRY, COMIRNATY_GTIN)
    assert row.doses_per_vial == 6 and row.received == 60 and row.remaining == 60 and not row.blocked
    after = counts(store)
    # One audit row and one outbox mutation for the one use case; the lot and its received event.
    assert after[0] - before[0] == 1 and after[1] - before[1] == 1 and after[2] - before[2] == 1
    assert [r.lot_id for r in lots.list_lots()] == [row.lot_id]


def test_presentation_decides_doses_per_vial(lots: Lots) -> None:
    small = lots.receive_scanned(ADMIN, code(gtin="02099000000033", lot="SP5"), vials=4)
    assert (small.product_code, small.doses_per_vial, small.received) == ("spikevax", 5, 20)


def test_the_same_lot_twice_is_refused(lots: Lots, store: Store) -> None:
    lots.receive_scanned(ADMIN, code(), vials=10)
    before = counts(store)
    with pytest.raises(ValidationError, match="already received"):
        lots.receive_scanned(ADMIN, code(), vials=10)
    assert counts(store) == before


def test_unknown_gtin_needs_a_product_chosen_by_hand_and_a_reason(lots: Lots, store: Store) -> None:
    scan = code(gtin=UNKNOWN_GTIN, lot="X9")
    preview = lots.read_scan(scan)
    assert preview.product_code is None and preview.message and "not in the vaccine catalogue" in preview.message
    before = counts(store)
    with pytest.raises(ValidationError, match="Choose the product by hand"):
        lots.receive_scanned(ADMIN, scan, vials=5)
    with pytest.raises(ValidationError, match="reason"):
        lots.receive_scanned(ADMIN, scan, vials=5, product_code="nuvaxovid", manual_reason="  \t ")
    assert counts(store) == before
    row = lots.receive_scanned(ADMIN, scan, vials=5, product_code="nuvaxovid",
                               manual_reason="New carton design, GTIN not yet in the catalogue")
    assert row.product_code == "nuvaxovid" and row.received == 50
    assert row.manual_product_reason == "New carton design, GTIN not yet in the catalogue"


def test_known_gtin_cannot_be_relabelled(lots: Lots) -> None:
    with pytest.raises(ValidationError, match="Comirnaty carton"):
        lots.receive_scanned(ADMIN, code(), vials=5, product_code="spikevax")


@pytest.mark.parametrize(
    "scan, words",
    [
        (code()[:12], "ends inside field"),  # truncated in the GTIN
        (f"01{COMIRNATY_GTIN[:-1]}8" + "17301231" + "10FK1234", "check digit"),
        (f"01{COMIRNATY_GTIN}17301331" + "10FK1234", "month 13"),
        (f"01{COMIRNATY_GTIN}17300230" + "10FK1234", "day 30"),
        (f"01{COMIRNATY_GTIN}17301231" + "10FK1234ABCDEFGHIJKLMNOPQ21S1", "dropped a group separator"),
        (f"01{COMIRNATY_GTIN}" + "10FK1234", "expiry date"),
        ("01" + "9" * 4998, "5000 characters"),
        ("]d2", "empty"),
        (f"01{COMIRNATY_GTIN}17301231" + "10FK\x0012", "control character"),
    ],
)
def test_malformed_scans_write_nothing(lots: Lots, store: Store, scan: str, words: str) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as err:
        lots.receive_scanned(ADMIN, scan, vials=5)
    assert words in str(err.value) or (words == "5000 characters" and "characters long" in str(err.value))
    assert counts(store) == before


@pytest.mark.parametrize("bad", [0, -3, 10**9, True, 2.5, "12"])
def test_absurd_vial_counts_write_nothing(lots: Lots, store: Store, bad: Any) -> None:
    before = counts(store)
    with pytest.raises(ValidationError, match="number of vials"):
        lots.receive_scanned(ADMIN, code(), vials=bad)
    with pytest.raises(ValidationError, match="number of vials"):
        lots.receive_typed(ADMIN, product_code="comirnaty", lot_number="FK1", expiry=EXPIRY, vials=bad)
    assert counts(store) == before


@pytest.mark.parametrize("lot_number", ["FK\x001", "FK\n12", "\x1b[2J", "AB\u200bC\tD", "   ", "X" * 21])
def test_lot_numbers_with_control_characters_write_nothing(lots: Lots, store: Store, lot_number: str) -> None:
    before = counts(store)
    with pytest.raises(ValidationError, match="lot number"):
        lots.receive_typed(ADMIN, product_code="comirnaty", lot_number=lot_number, expiry=EXPIRY, vials=3)
    assert counts(store) == before


def test_typed_lot_with_a_gtin_must_match_the_product(lots: Lots, store: Store) -> None:
    before = counts(store)
    with pytest.raises(ValidationError, match="belongs to comirnaty"):
        lots.receive_typed(ADMIN, product_code="spikevax", lot_number="A1", expiry=EXPIRY, vials=3,
                           gtin=COMIRNATY_GTIN)
    with pytest.raises(ValidationError, match="not a valid GTIN"):
        lots.receive_typed(ADMIN, product_code="comirnaty", lot_number="A1", expiry=EXPIRY, vials=3,
                           gtin="02099000000018")
    assert counts(store) == before
    row = lots.receive_typed(ADMIN, product_code="spikevax", lot_number="A1", expiry=EXPIRY, vials=3)
    assert row.received == 30 and row.gtin is None


def test_an_expired_lot_is_not_received(lots: Lots, store: Store) -> None:
    before = counts(store)
    with pytest.raises(ValidationError, match="expired on 2030-05-05"):
        lots.receive_scanned(ADMIN, code(expiry=date(2030, 5, 5)), vials=3)
    assert counts(store) == before


def test_blocking_a_lot_needs_a_reason_and_stops_opening(lots: Lots, vials: Vials, store: Store) -> None:
    lot = lots.receive_scanned(ADMIN, code(), vials=3)
    with pytest.raises(ValidationError, match="reason"):
        lots.block(ADMIN, lot.lot_id, reason="")
    blocked = lots.block(ADMIN, lot.lot_id, reason="Recall notice 2030-17 (cold chain)")
    assert blocked.blocked and blocked.block_reason == "Recall notice 2030-17 (cold chain)"
    with pytest.raises(RuleViolation, match="already blocked"):
        lots.block(ADMIN, lot.lot_id, reason="again")
    with pytest.raises(RuleViolation, match="is blocked"):
        vials.open_vial(ADMIN, lot.lot_id, thawed_at=START - timedelta(days=1))
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "lot.blocked")) == 1


# ---- vials ----------------------------------------------------------------------------------


def test_open_a_vial_starts_its_countdown(lots: Lots, vials: Vials, clock: ManualClock) -> None:
    lot = lots.receive_scanned(ADMIN, code(), vials=3)
    with pytest.raises(ValidationError, match="thawed"):
        vials.open_vial(ADMIN, lot.lot_id)
    with pytest.raises(ValidationError, match="future"):
        vials.open_vial(ADMIN, lot.lot_id, thawed_at=START + timedelta(hours=1))
    row = vials.open_vial(ADMIN, lot.lot_id, serial="S1", thawed_at=START - timedelta(days=2))
    assert row.use_by == START + timedelta(hours=6) and row.use_by.strftime("%H:%M") == "16:00"
    assert row.minutes_left == 360 and row.doses_drawn == 0 and row.doses_left == 6 and row.usable
    clock.advance(hours=5, minutes=30)
    (listed,) = vials.open_vials()
    assert listed.minutes_left == 30 and listed.usable
    clock.advance(minutes=30)
    (listed,) = vials.open_vials()
    assert listed.minutes_left == 0 and not listed.usable
    assert listed.problems == (
        "This vial expired at 16:00 (6 h after opening). Discard it and open a new one.",
    )


def test_thawing_clock_can_end_before_the_opening_clock(lots: Lots, vials: Vials) -> None:
    lot = lots.receive_scanned(ADMIN, code(), vials=3)
    # Thawed 31 days ago minus 2 hours: the 744 h thawed shelf life ends in 2 hours, before 6 h.
    thawed = START - timedelta(hours=744 - 2)
    row = vials.open_vial(ADMIN, lot.lot_id, thawed_at=thawed)
    assert row.use_by == START + timedelta(hours=2)


def test_printed_expiry_caps_the_use_by(lots: Lots, vials: Vials, clock: ManualClock) -> None:
    lot = lots.receive_scanned(ADMIN, code(gtin=SPIKEVAX_GTIN, expiry=date(2030, 5, 6)), vials=3)
    clock.advance(hours=10)  # 20:00 local on the expiry day; Spikevax keeps 19 h after opening
    row = vials.open_vial(ADMIN, lot.lot_id, thawed_at=START - timedelta(days=1))
    assert row.use_by.strftime("%Y-%m-%d %H:%M") == "2030-05-07 00:00"
    clock.advance(hours=4, minutes=30)
    (listed,) = vials.open_vials()
    assert listed.problems and "expired on 2030-05-06" in listed.problems[0]


def test_products_without_thawing_refuse_a_thawing_time(lots: Lots, vials: Vials) -> None:
    lot = lots.receive_typed(ADMIN, product_code="nuvaxovid", lot_number="NV1", expiry=EXPIRY, vials=2)
    with pytest.raises(ValidationError, match="not thawed"):
        vials.open_vial(ADMIN, lot.lot_id, thawed_at=START - timedelta(hours=1))
    assert vials.open_vial(ADMIN, lot.lot_id).use_by == START + timedelta(hours=6)


def test_no_more_vials_than_received_and_no_serial_twice(lots: Lots, vials: Vials, store: Store) -> None:
    lot = lots.receive_typed(ADMIN, product_code="nuvaxovid", lot_number="NV1", expiry=EXPIRY, vials=2)
    vials.open_vial(ADMIN, lot.lot_id, serial="A")
    with pytest.raises(RuleViolation, match="already opened"):
        vials.open_vial(ADMIN, lot.lot_id, serial="A")
    vials.open_vial(ADMIN, lot.lot_id, serial="B")
    before = counts(store)
    with pytest.raises(RuleViolation, match="All 2 vials"):
        vials.open_vial(ADMIN, lot.lot_id, serial="C")
    with pytest.raises(ValidationError, match="serial"):
        vials.open_vial(ADMIN, lot.lot_id, serial="bad\x00serial")
    assert counts(store) == before


def test_find_a_vial_by_scanning_it(lots: Lots, vials: Vials) -> None:
    lot = lots.receive_scanned(ADMIN, code(lot="FK9"), vials=5)
    first = vials.open_vial(ADMIN, lot.lot_id, serial="0001", thawed_at=START - timedelta(days=1))
    assert vials.find_by_scan("]d2" + code(lot="FK9", serial="0001")).vial_id == first.vial_id
    # Without a serial the lot alone names the vial while only one is open.
    assert vials.find_by_scan(code(lot="FK9")).vial_id == first.vial_id
    vials.open_vial(ADMIN, lot.lot_id, serial="0002", thawed_at=START - timedelta(days=1))
    with pytest.raises(ValidationError, match="pick the vial"):
        vials.find_by_scan(code(lot="FK9"))
    with pytest.raises(NotFound) as not_open:  # a new vial: the booth offers to open it
        vials.find_by_scan(code(lot="FK9", serial="0003"))
    assert not_open.value.code == "vial_not_open" and not_open.value.params["lot"] == "FK9"
    with pytest.raises(NotFound, match="was not received"):
        vials.find_by_scan(code(lot="OTHER", serial="0001"))
    with pytest.raises(NotFound, match="not in the catalogue"):
        vials.find_by_scan(code(gtin=UNKNOWN_GTIN, serial="0001"))
    with pytest.raises(ValidationError):
        vials.find_by_scan(code(lot="FK9", serial="0001")[:-25])


def test_discard_counts_the_doses_left_as_wasted(lots: Lots, vials: Vials, store: Store) -> None:
    lot = lots.receive_typed(ADMIN, product_code="nuvaxovid", lot_number="NV1", expiry=EXPIRY, vials=3)
    vial = vials.open_vial(ADMIN, lot.lot_id)
    before = counts(store)
    with pytest.raises(ValidationError, match="Choose why"):
        vials.discard(ADMIN, vial.vial_id, reason="dropped it")
    assert counts(store) == before
    gone = vials.discard(ADMIN, vial.vial_id, reason="broken")
    assert gone.discard_reason == "broken" and gone.doses_left == 0 and not gone.usable
    with pytest.raises(RuleViolation, match="already discarded"):
        vials.discard(ADMIN, vial.vial_id, reason="broken")
    row = lots.get(lot.lot_id)
    assert (row.received, row.administered, row.wasted, row.remaining) == (30, 0, 10, 20)
    assert vials.open_vials() == []
    with store.read() as s:
        event = s.scalars(select(StockEvent).where(StockEvent.kind == "wasted")).one()
        assert (event.doses, event.reason, event.vial_id) == (10, "broken", vial.vial_id)


def test_end_of_day_discards_every_open_vial(lots: Lots, vials: Vials) -> None:
    a = lots.receive_typed(ADMIN, product_code="nuvaxovid", lot_number="NV1", expiry=EXPIRY, vials=3)
    b = lots.receive_scanned(ADMIN, code(gtin=SPIKEVAX_GTIN, lot="SP1"), vials=3)
    vials.open_vial(ADMIN, a.lot_id)
    vials.open_vial(ADMIN, b.lot_id, thawed_at=START - timedelta(days=1))
    gone = vials.discard_open_vials(ADMIN)
    assert {g.discard_reason for g in gone} == {"unused_end_of_day"} and len(gone) == 2
    assert vials.open_vials() == []
    figures = {row.product_code: row for row in lots.list_lots()}
    assert figures["nuvaxovid"].wasted == 10 and figures["spikevax"].wasted == 10


def test_list_lots_hides_used_up_lots_unless_asked(lots: Lots, vials: Vials) -> None:
    lot = lots.receive_typed(ADMIN, product_code="nuvaxovid", lot_number="NV1", expiry=EXPIRY, vials=1)
    vials.discard(ADMIN, vials.open_vial(ADMIN, lot.lot_id).vial_id, reason="contamination")
    assert lots.list_lots() == []
    (row,) = lots.list_lots(include_used_up=True)
    assert row.remaining == 0 and row.vials_opened == 1


def test_gs_inside_a_bracketed_scan_is_ignored(lots: Lots) -> None:
    scan = f"(01){COMIRNATY_GTIN}(17)301231(10)FK77{GS}(21)9"
    assert lots.read_scan(scan).lot_number == "FK77"


def test_a_recalled_lot_typed_in_another_spelling_is_the_same_lot(lots: Lots, vials: Vials, store: Store) -> None:
    """A blocked (recalled) lot stays blocked when a second carton of it is typed by hand in lower case or
    with a space: no second, unblocked lot of the same number appears, and nothing is written. A vial
    label names the lot whatever case the carton was typed in."""
    recalled = lots.receive_scanned(ADMIN, code(lot="FK1234"), vials=5)
    lots.block(ADMIN, recalled.lot_id, reason="Recall by the manufacturer")
    before = counts(store)
    for spelling in ("fk1234", "FK 1234", "Fk1234"):
        with pytest.raises(ValidationError) as refused:
            lots.receive_typed(ADMIN, product_code="comirnaty", lot_number=spelling, expiry=EXPIRY, vials=5)
        assert refused.value.code == "lot_already_received" and refused.value.params["lot"] == "FK1234"
        with pytest.raises(ValidationError):
            lots.receive_scanned(ADMIN, code(lot=spelling.replace(" ", "")), vials=5)
    assert counts(store) == before
    typed = lots.receive_typed(ADMIN, product_code="comirnaty", lot_number="ab 777", expiry=EXPIRY, vials=2)
    opened = vials.open_scanned(ADMIN, code(lot="AB777", serial="S9"), thawed_at=START - timedelta(days=1))
    assert opened.lot_id == typed.lot_id and vials.find_by_scan(code(lot="AB777", serial="S9")).vial_id == opened.vial_id
    with pytest.raises(RuleViolation) as blocked:
        vials.open_scanned(ADMIN, code(lot="fk1234"), thawed_at=START - timedelta(days=1))
    assert blocked.value.code == "lot_blocked_no_open"
