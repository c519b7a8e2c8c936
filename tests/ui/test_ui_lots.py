"""The lots page on a real SQLCipher station: scan a carton, preview, receive, see the stock in
doses; unknown GTINs, blocking with a confirming click, discarding a vial with a reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.domain.gs1 import GS, Gs1Data, format_element_string
from app.services.lots import Lots
from app.storage.schema import Lot
from app.ui.lots_models import LotsModel
from app.ui.pages.lots import LotsPage
from app.ui.tasks import workers
from tests.ui.conftest import log_in

LEFT = Qt.MouseButton.LeftButton
COMIRNATY_GTIN = "02099000000019"  # catalogue: 6 doses per vial


def lot_count(store) -> int:  # type: ignore[no-untyped-def]
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Lot)) or 0)


@pytest.fixture
def page(qtbot, unlocked) -> LotsPage:  # type: ignore[no-untyped-def]
    log_in(qtbot, unlocked, "admin")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    page = LotsPage(unlocked.shell.context, title="Vaccine lots")
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitUntil(lambda: page.lots_model.rowCount() > 0 and bool(page.products), timeout=10000)
    return page


def scan(qtbot, page: LotsPage, text: str) -> None:  # type: ignore[no-untyped-def]
    page.scan.setFocus()
    for i, part in enumerate(text.split(GS)):
        if i:
            qtbot.keyClick(page.scan, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(page.scan, part)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.preview.isVisible() or page.messages.kind == "error", timeout=10000)


def row_of(page: LotsPage, lot_number: str) -> int:
    for row in range(page.lots_model.rowCount()):
        if page.lots_model.rows()[row].lot_number == lot_number:
            return row
    raise KeyError(lot_number)


def test_scan_a_carton_preview_receive_and_see_the_doses(qtbot, page: LotsPage) -> None:  # type: ignore[no-untyped-def]
    store = page.context.services.store
    before = lot_count(store)
    expiry = date.today() + timedelta(days=200)
    code = "]d2" + format_element_string(Gs1Data(gtin=COMIRNATY_GTIN, expiry=expiry, lot="FK4711", serial="C1"))
    scan(qtbot, page, code)

    assert page.preview.isVisible()
    assert page.preview.text().splitlines() == [
        "Comirnaty · 6 doses per vial", f"Lot FK4711 · expiry {expiry.day} {expiry:%b %Y} · GTIN {COMIRNATY_GTIN}"]
    assert not page.receive_button.isEnabled()  # no vial count yet
    assert page.doses_note.text().startswith("Enter how many vials")
    assert page.vials.hasFocus()
    qtbot.keyClicks(page.vials, "20")
    assert page.doses_note.text() == "= 120 doses (6 per vial)"
    assert lot_count(store) == before  # a preview writes nothing
    qtbot.mouseClick(page.receive_button, LEFT)
    qtbot.waitUntil(lambda: page.messages.kind == "info", timeout=10000)
    assert page.messages.text() == "Lot FK4711 of Comirnaty received: 20 vials = 120 doses."
    qtbot.waitUntil(lambda: any(r.lot_number == "FK4711" for r in page.lots_model.rows()), timeout=10000)

    row = row_of(page, "FK4711")
    cells = [page.lots_model.index(row, c).data() for c in range(page.lots_model.columnCount())]
    assert [cells[c] for c in (LotsModel.RECEIVED, LotsModel.ADMINISTERED, LotsModel.WASTED, LotsModel.REMAINING)] == [
        "120", "0", "0", "120"]
    assert cells[LotsModel.VIALS] == "0 of 20"
    assert cells[LotsModel.STATUS] == "In use"
    assert lot_count(store) == before + 1
    assert page.scan.hasFocus()  # ready for the next carton


def test_unknown_gtin_needs_a_product_and_a_reason(qtbot, page: LotsPage) -> None:  # type: ignore[no-untyped-def]
    unknown = "0" + "4012345678901"  # a valid GTIN-14 that is no vaccine in the catalogue
    scan(qtbot, page, format_element_string(Gs1Data(gtin=unknown, expiry=date.today() + timedelta(days=90), lot="X1")))
    assert "Unknown GTIN" in page.preview.text()
    assert page.product.isVisible() and page.manual_reason.isVisible()
    page.vials.setValue(5)
    assert not page.receive_button.isEnabled()
    assert page.doses_note.text() == "Choose the product."
    page.product.setCurrentIndex(page.product.findData("spikevax"))
    assert page.doses_note.text() == "Give the reason for choosing the product by hand."
    page.manual_reason.setText("Neue Packungsgröße, GTIN noch nicht im Katalog")  # QTest types ASCII only
    assert page.receive_button.isEnabled()
    qtbot.mouseClick(page.receive_button, LEFT)
    qtbot.waitUntil(lambda: any(r.lot_number == "X1" for r in page.lots_model.rows()), timeout=10000)
    lot = page.lots_model.rows()[row_of(page, "X1")]
    assert lot.manual_product_reason == "Neue Packungsgröße, GTIN noch nicht im Katalog"
    assert page.lots_model.index(row_of(page, "X1"), LotsModel.STATUS).data() == "In use (product chosen by hand)"


def test_a_damaged_scan_says_so_and_writes_nothing(qtbot, page: LotsPage) -> None:  # type: ignore[no-untyped-def]
    before = lot_count(page.context.services.store)
    scan(qtbot, page, "0102099000000018")  # wrong check digit, no lot, no expiry
    assert page.messages.kind == "error"
    assert page.messages.text().startswith("The code could not be read:")
    assert not page.preview.isVisible() and not page.receive_button.isEnabled()
    assert lot_count(page.context.services.store) == before


def test_block_a_lot_after_a_confirming_click(qtbot, page: LotsPage) -> None:  # type: ignore[no-untyped-def]
    page.lots_table.selectRow(0)
    lot = page.selected_lot()
    assert page.block_lot() is None and page.messages.kind == "error"  # no reason yet
    page.block_reason.setText("Rückruf PEI 2030-17")
    qtbot.mouseClick(page.block_button, LEFT)
    assert page.block_button.text() == f"Click again to block lot {lot.lot_number}"
    assert workers().pending == 0
    qtbot.mouseClick(page.block_button, LEFT)
    qtbot.waitUntil(lambda: page.messages.kind == "info", timeout=10000)
    qtbot.waitUntil(lambda: any(r.blocked for r in page.lots_model.rows()), timeout=10000)
    assert Lots(page.context.services.store).get(lot.lot_id).block_reason == "Rückruf PEI 2030-17"
    row = next(i for i, r in enumerate(page.lots_model.rows()) if r.lot_id == lot.lot_id)
    assert page.lots_model.index(row, LotsModel.STATUS).data() == "Blocked: Rückruf PEI 2030-17"


def test_open_then_discard_a_vial_counts_the_waste(qtbot, page: LotsPage) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, r in enumerate(page.lots_model.rows()) if r.product_code == "vaxzevria")
    page.lots_table.selectRow(page.lots_proxy.mapFromSource(page.lots_model.index(row, 0)).row())
    assert not page.thawed_at.isVisible()  # Vaxzevria is not kept frozen
    qtbot.mouseClick(page.open_button, LEFT)
    qtbot.waitUntil(lambda: page.vials_model.rowCount() == 1, timeout=10000)
    assert page.vials_model.index(0, page.vials_model.LEFT).data() == "5 h 59 min"  # Vaxzevria: 6 h after opening
    assert page.vials_model.index(0, page.vials_model.DOSES).data() == "8/8"
    page.tabs.setCurrentIndex(1)
    page.vials_table.selectRow(0)
    page.discard_reason.setCurrentIndex(page.discard_reason.findData("broken"))
    qtbot.mouseClick(page.discard_button, LEFT)
    assert page.discard_button.text() == "Click again: discard, 8 doses wasted"
    qtbot.mouseClick(page.discard_button, LEFT)
    qtbot.waitUntil(lambda: page.vials_model.rowCount() == 0, timeout=10000)
    lot = next(r for r in page.lots_model.rows() if r.product_code == "vaxzevria")
    assert (lot.wasted, lot.vials_opened) == (8, 1)
    assert page.messages.text().startswith("Vial discarded (Vial broken or damaged)")


def test_a_vial_that_would_be_discarded_half_full_is_opened_only_on_a_second_click(  # type: ignore[no-untyped-def]
        qtbot, unlocked) -> None:
    """Late in the day one walk-in waits and nobody else is due: the page says how many doses a new vial
    leaves unused, and opens it only when clicked again."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from app.domain.questionnaire import Answer
    from app.services.checkin import CheckInDesk
    from app.services.persons import PersonInput
    from app.services.unit_of_work import Actor

    log_in(qtbot, unlocked, "admin")
    qtbot.waitUntil(lambda: workers().pending == 0, timeout=10000)
    store = unlocked.shell.context.services.store
    late = datetime.combine(date.today(), time(17, 50), tzinfo=ZoneInfo("Europe/Berlin"))
    desk = CheckInDesk(store, clock=lambda: late)
    nurse = Actor(staff_id=None, role="nurse", display_name="Test")
    _, visit = desk.register_walk_in(nurse, PersonInput(family_name="Spätkommer", given_name="Ida", dob="1970-01-01"),
                                     confirm_new=True)
    answers = {q.id: Answer(text="") if q.type == "text" else Answer(yes=False) for q in desk.questionnaire.questions}
    desk.record_identity(nurse, visit, "id_card")
    desk.record_questionnaire(nurse, visit, answers | {"consent": Answer(yes=True)})
    page = LotsPage(unlocked.shell.context, title="Vaccine lots", clock=lambda: late)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    qtbot.waitUntil(lambda: page.lots_model.rowCount() > 0 and bool(page.products), timeout=10000)
    row = next(i for i, r in enumerate(page.lots_model.rows()) if r.product_code == "comirnaty")
    page.lots_table.selectRow(page.lots_proxy.mapFromSource(page.lots_model.index(row, 0)).row())
    qtbot.mouseClick(page.open_button, LEFT)
    qtbot.waitUntil(lambda: page.open_button.text() == "Click again to open anyway", timeout=10000)
    assert page.messages.text() == ("No open vial · waiting: 1 · due until it would expire or the day ends: 0 — "
                                    "a new vial (6 doses) leaves 5 unused")
    assert page.vials_model.rowCount() == 0  # nothing opened yet
    qtbot.mouseClick(page.open_button, LEFT)
    qtbot.waitUntil(lambda: page.vials_model.rowCount() == 1, timeout=10000)
    assert page.open_button.text() == "Open a vial"


def test_a_german_desk_reads_why_a_vial_may_not_be_used_in_german(qtbot, page: LotsPage) -> None:  # type: ignore[no-untyped-def]
    """The open vial of a lot blocked afterwards: its tooltip says why in the desk's language."""
    from app.ui.app import create_application  # the language is the application's, switched for this test

    row = next(i for i, r in enumerate(page.lots_model.rows()) if r.product_code == "vaxzevria")
    lot = page.lots_model.rows()[row]
    page.lots_table.selectRow(page.lots_proxy.mapFromSource(page.lots_model.index(row, 0)).row())
    qtbot.mouseClick(page.open_button, LEFT)
    qtbot.waitUntil(lambda: page.vials_model.rowCount() == 1, timeout=10000)
    Lots(page.context.services.store).block(page.context.actor, lot.lot_id, reason="Rückruf")
    try:
        create_application([], language="de")
        page.reload()
        qtbot.waitUntil(lambda: page.vials_model.rowCount() == 1 and not page.vials_model.rows()[0].usable,
                        timeout=10000)
        tip = page.vials_model.index(0, page.vials_model.LEFT).data(Qt.ItemDataRole.ToolTipRole)
        assert f"Die Charge {lot.lot_number} ist gesperrt (Rückruf)" in tip, tip
        assert "is blocked" not in tip
    finally:
        create_application([], language="en")
