"""Vaccine lots and vials at the admin's desk: receive a lot by scanning the carton (or typing its
fields), see the stock of every lot in doses, block a recalled lot, open a vial, and discard
vials with a reason. Stock figures come from the service's events, never from this page.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from app.domain.vial_policy import VialAdvice
from app.errors import VaxDeskError
from app.services.lots import LotRow, LotScan
from app.services.stock import MAX_VIALS_PER_LOT
from app.services.unit_of_work import Clock
from app.services.vials import DISCARD_REASONS, VialRow
from app.ui.checkin_models import format_day
from app.ui.layouts import fill_grid, sorted_table, vbox
from app.ui.lots_flow import Missing, ProductInfo, ReceiveEntry
from app.ui.lots_models import LotsModel, VialsModel, discard_reason_words, vial_label
from app.ui.lots_scan_field import ScanField
from app.ui.messages import user_message
from app.ui.pages.base import Page, PageContext
from app.ui.reasons import reason as reason_words
from app.ui.row_table import current_row, row_table, select_row_where
from app.ui.tasks import Op
from app.ui.translate import to_date, to_datetime
from app.ui.widgets import SecondClick, date_field, label, push_button, restyle, text_field
from app.ui.widgets import card as card_frame

if TYPE_CHECKING:
    from app.station import StationServices

TICK_MS = 1000




def _load_products(services: StationServices) -> list[ProductInfo]:
    return [ProductInfo(p.code, p.name, p.presentations[0].doses_per_vial if p.presentations else 1,
                        p.needs_thawing) for p in services.lots.catalogue.products]


class LotsPage(Page):
    name = "lots"
    reload_on = ("lot", "vial", "vaccination")

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(context, title=title, parent=parent, clock=clock)
        self.products: dict[str, ProductInfo] = {}
        self.scan_result: LotScan | None = None
        self.scan_text = ""

        self.body.addWidget(self._build_receive())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lotsTabs")
        self.tabs.addTab(self._build_lots_tab(), "")
        self.tabs.addTab(self._build_vials_tab(), "")
        self.body.addWidget(self.tabs, 1)
        self._set_tab_titles()

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.vials_model.set_now(self.clock()))
        self.timer.start()
        self.read(_load_products).on_success(self._products_loaded).start()
        self.reload()

    # -- building ------------------------------------------------------------------------------------

    def _build_receive(self) -> QWidget:
        card, layout = card_frame("lotForm", margins=(16, 10, 16, 10), spacing=8)
        top = QHBoxLayout()
        title = QLabel(self.tr("Receive a lot"))
        title.setObjectName("formTitle")
        top.addWidget(title)
        self.scan = ScanField()
        self.scan.setObjectName("lotScan")
        self.scan.setPlaceholderText(self.tr("Scan the code on the carton (GS1 DataMatrix)"))
        self.scan.setAccessibleName(self.tr("Carton code from the scanner"))
        self.scan.returnPressed.connect(self.read_scan)
        top.addWidget(self.scan, 1)
        self.typed_toggle = push_button(self.tr("Type it instead"), name="typeLot")
        self.typed_toggle.setCheckable(True)
        self.typed_toggle.setProperty("compact", True)
        self.typed_toggle.toggled.connect(self._typed_toggled)
        top.addWidget(self.typed_toggle)
        layout.addLayout(top)

        self.preview = label("scanPreview")
        self.preview.setVisible(False)
        layout.addWidget(self.preview)

        # Typed fields (scanner cannot read the carton), and the product chosen by hand for an unknown GTIN.
        self.fields = QWidget()
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        self.product = QComboBox()
        self.product.setObjectName("lotProduct")
        self.product.currentIndexChanged.connect(lambda _i: self._update_receive())
        self.lot_number = text_field("lotNumber", max_length=20, placeholder=self.tr("as printed"))
        self.expiry = date_field("lotExpiry", date=QDate.currentDate().addMonths(3))
        self.product_label = QLabel(self.tr("Product"))
        self.lot_label = QLabel(self.tr("Lot"))
        self.expiry_label = QLabel(self.tr("Expiry"))
        fill_grid(grid, (self.product_label, self.lot_label, self.expiry_label),
                  (self.product, self.lot_number, self.expiry))
        self.manual_reason = text_field("manualReason", max_length=200, placeholder=self.tr("Why the product is chosen by hand (required)"))
        self.manual_reason.textChanged.connect(lambda _t: self._update_receive())
        grid.addWidget(self.manual_reason, 2, 0, 1, 3)
        self.fields.setVisible(False)
        layout.addWidget(self.fields)

        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        vials_label = QLabel(self.tr("Vials received:"))
        self.vials = QSpinBox()
        self.vials.setObjectName("lotVialCount")
        self.vials.setRange(0, MAX_VIALS_PER_LOT)
        self.vials.setSpecialValueText(self.tr("count them"))
        self.vials.setMinimumWidth(150)
        self.vials.valueChanged.connect(lambda _v: self._update_receive())
        vials_label.setBuddy(self.vials)
        self.doses_note = QLabel()
        self.doses_note.setObjectName("hint")
        self.doses_note.setWordWrap(True)  # the next step can be a long sentence, in German longer
        self.receive_button = push_button(self.tr("Receive lot"), name="receiveLot", primary=True)
        self.receive_button.clicked.connect(self.receive)
        bottom.addWidget(vials_label)
        bottom.addWidget(self.vials)
        bottom.addWidget(self.doses_note, 1)
        bottom.addWidget(self.receive_button)
        layout.addLayout(bottom)
        self._update_receive()
        return card

    def _build_lots_tab(self) -> QWidget:
        tab = QWidget()
        layout = vbox(tab, margins=(8, 8, 8, 8))
        self.lots_model = LotsModel(self)
        self.lots_table, self.lots_proxy = sorted_table("lotsTable", self.lots_model, self, sortable=True)
        self.lots_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: soonest expiry first
        self.lots_table.selectionModel().currentRowChanged.connect(lambda *_: self._lot_selected())
        layout.addWidget(self.lots_table, 1)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.show_used_up = QCheckBox(self.tr("Show used-up lots"))
        self.show_used_up.toggled.connect(lambda _c: self.reload())
        self.thawed_label = QLabel(self.tr("Thawed at:"))
        self.thawed_at = QDateTimeEdit()
        self.thawed_at.setObjectName("thawedAt")
        self.thawed_at.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.thawed_label.setBuddy(self.thawed_at)
        self.open_button = push_button(self.tr("Open a vial"), name="openVial", compact=True)
        self.open_button.clicked.connect(self.open_vial)
        self.open_confirm: SecondClick = SecondClick(self.open_button)
        self.block_reason = text_field("blockReason", max_length=200, placeholder=self.tr("Reason to block the lot, e.g. recall"))
        self.block_reason.textChanged.connect(lambda _t: self.block_confirm.disarm())
        self.block_button = push_button(self.tr("Block lot"), name="blockLot", compact=True)
        self.block_button.clicked.connect(self.block_lot)
        self.block_confirm: SecondClick = SecondClick(self.block_button)
        actions.addWidget(self.thawed_label)
        actions.addWidget(self.thawed_at)
        actions.addWidget(self.open_button)
        actions.addWidget(self.block_reason, 1)
        actions.addWidget(self.block_button)
        layout.addLayout(actions)
        layout.addWidget(self.show_used_up)
        return tab

    def _build_vials_tab(self) -> QWidget:
        tab = QWidget()
        layout = vbox(tab, margins=(8, 8, 8, 8))
        self.vials_model = VialsModel(self)
        self.vials_table = row_table("lotVials", sortable=True)
        self.vials_table.setSortingEnabled(False)
        self.vials_table.setModel(self.vials_model)
        self.vials_table.selectionModel().currentRowChanged.connect(lambda *_: self.discard_confirm.disarm())
        layout.addWidget(self.vials_table, 1)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        reason_label = QLabel(self.tr("Discard because:"))
        self.discard_reason = QComboBox()
        self.discard_reason.setObjectName("discardReason")
        for reason in DISCARD_REASONS:
            self.discard_reason.addItem(discard_reason_words(reason), reason)
        self.discard_reason.currentIndexChanged.connect(lambda _i: self.discard_confirm.disarm())
        reason_label.setBuddy(self.discard_reason)
        self.discard_button = push_button(self.tr("Discard vial"), name="discardVial", compact=True)
        self.discard_button.clicked.connect(self.discard_vial)
        self.discard_confirm: SecondClick = SecondClick(self.discard_button)
        actions.addWidget(reason_label)
        actions.addWidget(self.discard_reason)
        actions.addStretch(1)
        actions.addWidget(self.discard_button)
        layout.addLayout(actions)
        return tab

    def _set_tab_titles(self) -> None:
        self.tabs.setTabText(0, self.tr("Lots in stock ({n})").format(n=self.lots_model.rowCount()))
        self.tabs.setTabText(1, self.tr("Open vials ({n})").format(n=self.vials_model.rowCount()))

    # -- services (worker thread only) ----------------------------------------------------------------

    def _products_loaded(self, products: list[ProductInfo]) -> None:
        self.products = {p.code: p for p in products}
        self.product.blockSignals(True)
        self.product.clear()
        self.product.addItem(self.tr("choose\u2026"), None)
        for p in products:
            self.product.addItem(p.name, p.code)
        self.product.blockSignals(False)
        self._lot_selected()
        self._update_receive()

    # -- loading ---------------------------------------------------------------------------------------

    def reload(self) -> Op:
        used_up = self.show_used_up.isChecked()
        return self.read(lambda s: (s.lots.list_lots(include_used_up=used_up), s.vials.open_vials())) \
            .on_success(self._loaded).start()

    def _loaded(self, result: tuple[list[LotRow], list[VialRow]]) -> None:
        lots, vials = result
        selected = self.selected_lot()
        self.lots_model.set_rows(lots)
        if selected is not None:
            self.select_lot(selected.lot_id)
        self.vials_model.set_rows(vials)
        self.vials_model.set_now(self.clock())
        self._set_tab_titles()
        self._lot_selected()

    def shown_again(self) -> None:
        self.reload()  # other stations may have drawn doses meanwhile

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan.setFocus()

    # -- receiving -------------------------------------------------------------------------------------

    def read_scan(self) -> Op | None:
        text = self.scan.text().strip()
        self.scan.clear()
        if not text:
            return None
        op = self.read(lambda s: s.lots.read_scan(text))
        op.on_success(lambda scan: self._scan_read(text, scan))
        op.on_failure(self._scan_failed)
        return op.start()

    def _scan_failed(self, error: VaxDeskError) -> None:
        self.scan_result = None
        self.scan_text = ""
        self.preview.setVisible(False)
        self.show_error(self.tr("The code could not be read: {why} Scan it again or type the fields.").format(
            why=user_message(error)))
        self._update_receive()

    def _scan_read(self, text: str, scan: LotScan) -> None:
        self.messages.clear_message()
        self.typed_toggle.setChecked(False)
        self.scan_result, self.scan_text = scan, text
        lines = [self.tr("Lot {lot} \u00b7 expiry {expiry} \u00b7 GTIN {gtin}").format(
            lot=scan.lot_number, expiry=format_day(scan.expiry), gtin=scan.gtin)]
        if scan.product_code is None:
            lines.insert(0, self.tr("Unknown GTIN: this code is not in the vaccine catalogue. Choose the product "
                                    "by hand and give a reason, or ask the site lead to add the GTIN."))
        else:
            lines.insert(0, self.tr("{product} \u00b7 {doses} doses per vial").format(
                product=scan.product_name, doses=scan.doses_per_vial))
        self.preview.setText("\n".join(lines))
        restyle(self.preview, tone="warn" if scan.product_code is None else "info")
        self.preview.setVisible(True)
        # Unknown GTIN: the product picker and the reason; the lot and expiry come from the code.
        self.fields.setVisible(scan.product_code is None)
        for widget in (self.lot_label, self.lot_number, self.expiry_label, self.expiry):
            widget.setVisible(False)
        self.manual_reason.setVisible(scan.product_code is None)
        self.product.setCurrentIndex(0)
        self._update_receive()
        self.vials.setFocus()
        self.vials.selectAll()

    def _typed_toggled(self, typed: bool) -> None:
        self.scan_result = None
        self.scan_text = ""
        self.preview.setVisible(False)
        self.fields.setVisible(typed)
        for widget in (self.lot_label, self.lot_number, self.expiry_label, self.expiry):
            widget.setVisible(True)
        self.manual_reason.setVisible(False)
        self._update_receive()
        if typed:
            self.product.setFocus()

    def entry(self) -> ReceiveEntry:
        return ReceiveEntry(scan=self.scan_result, typed=self.typed_toggle.isChecked(),
                            product_code=self.product.currentData(), manual_reason=self.manual_reason.text(),
                            lot_number=self.lot_number.text(), vials=self.vials.value())

    def doses_per_vial(self) -> int | None:
        return self.entry().doses_per_vial(self.products)

    def _receive_problem(self) -> str | None:
        missing = self.entry().missing()
        if missing is Missing.SCAN_OR_TYPE:
            return self.tr("Scan the carton, or press \u201cType it instead\u201d.")
        if missing is Missing.PRODUCT:
            return self.tr("Choose the product.")
        if missing is Missing.MANUAL_REASON:
            return self.tr("Give the reason for choosing the product by hand.")
        if missing is Missing.LOT_NUMBER:
            return self.tr("Type the lot number as printed on the carton.")
        if missing is Missing.VIALS:
            return self.tr("Enter how many vials you received (1 to {max}).").format(max=MAX_VIALS_PER_LOT)
        return None

    def _update_receive(self) -> None:
        problem = self._receive_problem()
        per_vial = self.doses_per_vial()
        if problem is not None:
            self.doses_note.setText(problem)
        elif per_vial is not None:
            self.doses_note.setText(self.tr("= {doses} doses ({per} per vial)").format(
                doses=self.vials.value() * per_vial, per=per_vial))
        self.receive_button.setEnabled(problem is None)

    def receive(self) -> Op | None:
        problem = self._receive_problem()
        if problem is not None:
            self.show_error(problem)
            return None
        actor, vials, scan = self.context.actor, self.vials.value(), self.scan_result
        if scan is not None:
            text = self.scan_text
            manual = scan.product_code is None
            product = self.product.currentData() if manual else None
            reason = self.manual_reason.text() if manual else None
            op = self.write(lambda s: s.lots.receive_scanned(actor, text, vials=vials, product_code=product,
                                                             manual_reason=reason))
        else:
            product, lot, expiry = self.product.currentData(), self.lot_number.text(), to_date(self.expiry.date())
            op = self.write(lambda s: s.lots.receive_typed(actor, product_code=product, lot_number=lot,
                                                           expiry=expiry, vials=vials))
        op.on_success(self._received)
        return op.start()

    def _received(self, row: LotRow) -> None:
        self.show_info(self.tr("Lot {lot} of {product} received: {vials} vials = {doses} doses.").format(
            lot=row.lot_number, product=row.product_name, vials=row.vials_received, doses=row.received))
        self.scan_result, self.scan_text = None, ""
        self.preview.setVisible(False)
        self.typed_toggle.setChecked(False)
        self.fields.setVisible(False)
        self.lot_number.clear()
        self.manual_reason.clear()
        self.vials.setValue(0)
        self.tabs.setCurrentIndex(0)
        self.scan.setFocus()

    # -- a lot: open a vial, block ---------------------------------------------------------------------

    def selected_lot(self) -> LotRow | None:
        return current_row(self.lots_table, LotRow)

    def select_lot(self, lot_id: str) -> bool:
        return select_row_where(self.lots_table, lambda row: row.lot_id == lot_id)

    def _lot_selected(self) -> None:
        lot = self.selected_lot()
        usable = lot is not None and not lot.blocked and not lot.expired and lot.vials_opened < lot.vials_received
        info = self.products.get(lot.product_code) if lot is not None else None
        thawing = bool(info and info.needs_thawing)
        self.thawed_label.setVisible(thawing)
        self.thawed_at.setVisible(thawing)
        if thawing:
            # an hour ago on the page's clock (the site's, or a test's or simulated day's), never the screen's
            an_hour_ago = self.clock() - timedelta(hours=1)
            self.thawed_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(an_hour_ago.timestamp())))
        self.open_button.setEnabled(usable)
        self.block_button.setEnabled(lot is not None and not lot.blocked)
        self.block_confirm.disarm()
        self.open_confirm.disarm()

    def open_vial(self) -> Op | None:
        """Opens a vial of the selected lot — after a second click when the booth's outlook says the vial
        would be discarded half full (the end of the day, or too few people waiting and due)."""
        lot = self.selected_lot()
        if lot is None:
            self.show_error(self.tr("Select the lot in the list first."))
            return None
        if self.open_confirm.armed_for == lot.lot_id:  # opened despite the warning
            return self._open_now(lot)
        op = self.read(lambda s: s.outlook.advice(lot.product_code))
        op.on_success(lambda advice: self._advised(lot, advice))
        return op.start()

    def _advised(self, lot: LotRow, advice: VialAdvice) -> None:
        if not advice.ask_first:
            self._open_now(lot)
            return
        self.open_confirm.arm(lot.lot_id, self.tr("Click again to open anyway"))
        self.show_info(reason_words(advice.reason))

    def _open_now(self, lot: LotRow) -> Op:
        self.open_confirm.disarm()
        actor = self.context.actor
        thawed: datetime | None = None
        if self.thawed_at.isVisible():
            thawed = to_datetime(self.thawed_at.dateTime()).astimezone()
        op = self.write(lambda s: s.vials.open_vial(actor, lot.lot_id, thawed_at=thawed))
        op.on_success(self._vial_opened)
        return op.start()

    def _vial_opened(self, row: VialRow) -> None:
        self.show_info(self.tr("Vial opened: {vial}. Use by {time}.").format(
            vial=vial_label(row), time=f"{row.use_by:%d.%m. %H:%M}"))

    def block_lot(self) -> Op | None:
        lot = self.selected_lot()
        if lot is None:
            self.show_error(self.tr("Select the lot in the list first."))
            return None
        reason = self.required_text(
            self.block_reason, self.tr("Write why the lot is blocked (recall notice, cold-chain break, \u2026)."))
        if reason is None:
            return None
        if not self.block_confirm.confirmed(lot.lot_id, self.tr("Click again to block lot {lot}").format(
                lot=lot.lot_number)):
            return None
        actor = self.context.actor
        op = self.write(lambda s: s.lots.block(actor, lot.lot_id, reason=reason))
        op.on_success(self._blocked)
        return op.start()

    def _blocked(self, row: LotRow) -> None:
        self.block_reason.clear()
        self.show_info(self.tr("Lot {lot} is blocked: no vial of it can be opened or used.").format(lot=row.lot_number))

    # -- vials: discard --------------------------------------------------------------------------------

    def selected_vial(self) -> VialRow | None:
        return current_row(self.vials_table, VialRow)

    def discard_vial(self) -> Op | None:
        vial = self.selected_vial()
        if vial is None:
            self.show_error(self.tr("Select the vial in the list first."))
            return None
        if not self.discard_confirm.confirmed(vial.vial_id, self.tr(
                "Click again: discard, {left} doses wasted").format(left=vial.doses_left)):
            return None
        actor, reason = self.context.actor, self.discard_reason.currentData()
        op = self.write(lambda s: s.vials.discard(actor, vial.vial_id, reason=reason))
        op.on_success(self._discarded)
        return op.start()

    def _discarded(self, row: VialRow) -> None:
        self.show_info(self.tr("Vial discarded ({reason}): {vial}.").format(
            reason=discard_reason_words(row.discard_reason or ""), vial=vial_label(row)))
