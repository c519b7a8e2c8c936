"""Follow-up booking and the opening plan. Staff pick a person vaccinated today, see the window for
the next dose and the slots that have both a free place and the vaccine in stock (recommended day
first), book one and hand over the appointment slip (preview, print, save as PDF). The admin part
sets the weekly opening plan and closures; the service's validation messages show inline. What the
booking side holds and decides is `ScheduleFlow` (app/ui/schedule_flow.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import VaxDeskError
from app.services.scheduling import (
    DueFollowUp,
    FollowUpProposal,
    SlotOffer,
)
from app.services.unit_of_work import Change, Clock
from app.ui.changes import touches
from app.ui.checkin_models import format_day, format_dob
from app.ui.layouts import hbox, sorted_table, vbox
from app.ui.messages import user_message
from app.ui.pages.base import Page, PageContext
from app.ui.pdf_printing import PrintFailed, new_printer, print_pdf
from app.ui.pdf_view import PdfPageView
from app.ui.reasons import reason as reason_words
from app.ui.row_table import ROW_ROLE
from app.ui.schedule_flow import Booked, BookHint, ScheduleFlow
from app.ui.schedule_models import OffersModel, day_words, weekday_name
from app.ui.schedule_plan import OpeningPlanTab
from app.ui.tasks import Op
from app.ui.widgets import label as _label
from app.ui.widgets import push_button

if TYPE_CHECKING:
    from app.station import StationServices

T = TypeVar("T")

PERSON_ROLE = Qt.ItemDataRole.UserRole


class SchedulePage(Page):
    name = "schedule"

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(context, title=title, parent=parent, clock=clock)
        self.flow = ScheduleFlow()
        self.product_names: dict[str, str] = {}
        self._shown_once = False

        self.tabs = QTabWidget()
        self.tabs.setObjectName("scheduleTabs")
        self.tabs.addTab(self._build_booking(), self.tr("Book the follow-up"))
        self.plan = OpeningPlanTab()
        self.plan.save_rule.clicked.connect(self.save_opening_rule)
        self.plan.open_days_button.clicked.connect(self.open_days)
        self.plan.close_button.clicked.connect(self.close_day)
        self.tabs.addTab(self.plan, self.tr("Opening plan"))
        self.body.addWidget(self.tabs, 1)
        self.context.changes.changes_applied.connect(self._changes_applied)
        self.read(lambda s: {p.code: p.name for p in s.scheduler.catalogue.products}).on_success(
            self._products_loaded).start()
        self.reload_due()
        self.reload_plan()

    # -- building: booking -----------------------------------------------------------------------------

    def _build_booking(self) -> QWidget:
        tab = QWidget()
        layout = hbox(tab, margins=(8, 8, 8, 8), spacing=16)
        left = QVBoxLayout()
        left.addWidget(_label("sectionTitle", self.tr("Vaccinated today, no follow-up yet")))
        self.search = QLineEdit()
        self.search.setObjectName("dueSearch")
        self.search.setPlaceholderText(self.tr("Filter by name"))
        self.search.textChanged.connect(lambda _t: self._fill_due())
        left.addWidget(self.search)
        self.due_list = QListWidget()
        self.due_list.setObjectName("dueList")
        self.due_list.currentItemChanged.connect(lambda item, _old: self._person_chosen(item))
        left.addWidget(self.due_list, 1)
        self.due_empty = _label("hint", self.tr("Nobody vaccinated today is waiting for a follow-up."))
        left.addWidget(self.due_empty)
        layout.addLayout(left, 2)

        self.stack = QStackedWidget()
        self.stack.setObjectName("scheduleStack")
        self.stack.addWidget(self._build_proposal())
        self.stack.addWidget(self._build_booked())
        layout.addWidget(self.stack, 5)
        return tab

    def _build_proposal(self) -> QWidget:
        view = QWidget()
        layout = vbox(view, spacing=8)
        self.person_line = _label("proposalPerson", self.tr("Choose a person on the left."))
        layout.addWidget(self.person_line)
        self.window_line = _label("windowLine")
        layout.addWidget(self.window_line)
        self.offers_model = OffersModel(self)
        self.offers_table, self.offers_proxy = sorted_table("slotOffers", self.offers_model, self)
        self.offers_table.doubleClicked.connect(lambda _i: self.book())
        self.offers_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_book())
        layout.addWidget(self.offers_table, 1)
        self.no_offers = _label("hint")
        layout.addWidget(self.no_offers)
        row = QHBoxLayout()
        self.book_button = push_button(self.tr("Book this slot"), name="bookSlot", primary=True, on_click=self.book)
        row.addWidget(self.book_button)
        self.book_hint = _label("nextStep")
        row.addWidget(self.book_hint, 1)
        layout.addLayout(row)
        return view

    def _build_booked(self) -> QWidget:
        view = QWidget()
        layout = hbox(view, margins=(0, 0, 0, 0), spacing=16)
        left = QVBoxLayout()
        card = QFrame()
        card.setObjectName("bookedCard")
        inner = vbox(card, margins=(16, 12, 16, 12))
        self.booked_text = _label("bookedText")
        inner.addWidget(self.booked_text)
        left.addWidget(card)
        self.provisional_note = _label("provisionalNote", self.tr(
            "PROVISIONAL: booked while offline. The slip says so; the booking is confirmed once the station "
            "has synchronised."))
        left.addWidget(self.provisional_note)
        left.addWidget(_label("hint", self.tr("Hand the slip to the person: it has the QR code the check-in desk scans.")))
        self.print_button = push_button(self.tr("Print\u2026"), name="printSlip", primary=True, on_click=self.print_slip)
        self.save_button = push_button(self.tr("Save as PDF\u2026"), name="saveSlip", on_click=self.save_slip)
        self.next_button = push_button(self.tr("Next person"), name="scheduleNext", on_click=self._back_to_list)
        for button in (self.print_button, self.save_button, self.next_button):
            left.addWidget(button)
        left.addStretch(1)
        layout.addLayout(left, 1)
        self.slip_view = PdfPageView()
        self.slip_view.setObjectName("slipPreview")
        layout.addWidget(self.slip_view, 1)
        return view

    # -- services (worker thread only) ----------------------------------------------------------------

    def _products_loaded(self, names: dict[str, str]) -> None:
        self.product_names = names
        self.plan.set_products(names)

    # -- loading ---------------------------------------------------------------------------------------

    def reload_due(self, *, select: str | None = None) -> Op:
        """Read who is due again; `select`: then choose that person (by id), as a click would."""
        actor = self.context.actor
        return self.read(lambda s: s.scheduler.due_follow_ups(actor)).on_success(
            lambda rows: self._due_loaded(rows, select)).start()

    def _due_loaded(self, rows: list[DueFollowUp], select: str | None = None) -> None:
        self.flow.due = rows
        self._fill_due()
        if select is not None:
            self.select_person(select)

    def select_person(self, person_id: str) -> bool:
        """Choose the listed person with this id (their slots are asked for); False if not listed."""
        for i in range(self.due_list.count()):
            if self.due_list.item(i).data(PERSON_ROLE).person_id == person_id:
                self.due_list.setCurrentRow(i)
                return True
        return False

    def _fill_due(self) -> None:
        current = self.flow.person.person_id if self.flow.person else None
        self.due_list.blockSignals(True)
        self.due_list.clear()
        for row in self.flow.listed(self.search.text()):
            item = QListWidgetItem(self.tr("{name}\n{dose} {product} at {time}").format(
                name=row.name, dose=f"{row.dose_number}/{row.series_doses}", product=row.product_name,
                time=f"{row.given_at:%H:%M}"))
            item.setData(PERSON_ROLE, row)
            self.due_list.addItem(item)
            if row.person_id == current:
                self.due_list.setCurrentItem(item)
        self.due_list.blockSignals(False)
        self.due_empty.setVisible(not self.flow.due)

    def reload_plan(self) -> Op:
        return self.read(lambda s: s.scheduler.opening_plan()).on_success(self.plan.show_plan).start()

    def _changes_applied(self, changes: list[Change]) -> None:
        if touches(changes, "vaccination", "appointment", "visit"):
            self.reload_due()
        if touches(changes, "opening_rule", "closure", "slot"):
            self.reload_plan()
            again = self.flow.to_propose_again()
            if again is not None:
                self.propose(again)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_once:
            self.reload_due()
        self._shown_once = True

    # -- proposal and booking --------------------------------------------------------------------------

    def _person_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.propose(item.data(PERSON_ROLE))

    def propose(self, person: DueFollowUp) -> Op:
        self.flow.choose(person)
        self.offers_model.set_rows([])
        self.stack.setCurrentIndex(0)
        self.person_line.setText(self.tr("{name} \u00b7 born {dob} \u00b7 today: dose {dose} {product}").format(
            name=person.name, dob=format_dob(person.dob), dose=f"{person.dose_number}/{person.series_doses}",
            product=person.product_name))
        self._update_book()
        person_id = person.person_id
        actor = self.context.actor
        op = self.read(lambda s: s.scheduler.propose(actor, person_id))
        op.on_success(self._proposed)
        return op.start()

    def _proposed(self, proposal: FollowUpProposal) -> None:
        if not self.flow.proposed(proposal):
            return  # another person was chosen meanwhile
        product = self.product_names.get(proposal.product_code, proposal.product_code)
        window = proposal.window
        if window is None:
            self.window_line.setText("")
        else:
            latest = day_words(window.latest) if window.latest else self.tr("open")
            self.window_line.setText(self.tr(
                "Dose {dn} of {product}: earliest {earliest} \u00b7 recommended {recommended} \u00b7 latest {latest}"
            ).format(dn=proposal.dose_number, product=product, earliest=day_words(window.earliest),
                     recommended=day_words(window.recommended), latest=latest))
        self.offers_model.set_rows(proposal.offers)
        self.offers_table.setVisible(bool(proposal.offers))
        self.no_offers.setVisible(not proposal.offers)
        self.no_offers.setText(reason_words(proposal.reason) if proposal.reason is not None else "")
        if proposal.offers:
            self.offers_table.selectRow(0)  # the recommended day comes first
        self._update_book()

    def selected_offer(self) -> SlotOffer | None:
        index = self.offers_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _update_book(self) -> None:
        self.book_button.setEnabled(self.flow.has_offers() and self.selected_offer() is not None)
        hint = self.flow.hint()
        if hint is BookHint.CHOOSE_PERSON:
            self.book_hint.setText(self.tr("Next step: choose the person on the left."))
        elif hint is BookHint.LOOKING:
            self.book_hint.setText(self.tr("Looking for slots\u2026"))
        elif hint is BookHint.NO_SLOTS:
            self.book_hint.setText(self.tr("No slot can be offered: open more days on the \u201cOpening plan\u201d tab."))
        else:
            self.book_hint.setText(self.tr("The first row is closest to the recommended day."))

    def book(self) -> Op | None:
        person, offer = self.flow.person, self.selected_offer()
        if person is None or offer is None:
            self.show_error(self.tr("Choose the person and a slot first."))
            return None
        actor = self.context.actor
        self.book_button.setEnabled(False)

        def book_and_render(s: StationServices) -> Booked:
            scheduler = s.scheduler
            booking = scheduler.book_follow_up(actor, person.person_id, offer.slot_id)
            product = scheduler.catalogue.find(booking.product_code)
            name = product.name if product else booking.product_code
            return Booked(booking, person.name, name, scheduler.slip_pdf(actor, booking.appointment_id))

        op = self.write(book_and_render)
        op.on_success(self._booked)
        op.on_failure(self._book_failed)
        return op.start()

    def _book_failed(self, error: VaxDeskError) -> None:
        self.show_error(user_message(error))
        if self.flow.person is not None:
            self.propose(self.flow.person)  # the slot may have filled meanwhile: show what is free now

    def _booked(self, booked: Booked) -> None:
        self.flow.booked = booked
        b = booked.booking
        self.booked_text.setText(self.tr(
            "\u2714 Booked: {name}\n{day} at {time}\n{product}, dose {dose}\nBooking code:\n{code}"
        ).format(name=booked.person_name, day=day_words(b.starts_at.date()), time=f"{b.starts_at:%H:%M}",
                 product=booked.product_name, dose=b.dose_number, code=b.booking_code))
        self.provisional_note.setVisible(b.provisional)
        self.slip_view.set_pdf(booked.pdf)
        self.stack.setCurrentIndex(1)
        self.messages.clear_message()
        self.print_button.setFocus()

    def _back_to_list(self) -> None:
        self.flow.next_person()
        self.stack.setCurrentIndex(0)
        self.person_line.setText(self.tr("Choose a person on the left."))
        self.window_line.setText("")
        self.offers_model.set_rows([])
        self._update_book()
        self.reload_due()

    # -- the slip --------------------------------------------------------------------------------------

    def slip_file_name(self) -> str:
        return self.tr("Appointment-{code}.pdf").format(code=self.flow.slip_code())

    def save_slip(self) -> Path | None:
        if self.flow.booked is None:
            return None
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the appointment slip"), str(Path.home() / self.slip_file_name()), self.tr("PDF (*.pdf)"))
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            target.write_bytes(self.flow.booked.pdf)
        except OSError as exc:
            self.show_error(self.tr("The slip could not be saved to {path}: {why}. Choose another folder.").format(
                path=target, why=exc.strerror or exc))
            return None
        self.show_info(self.tr("Slip saved: {path}").format(path=target))
        return target

    def print_slip(self) -> None:
        if self.flow.booked is None:
            return
        pdf = self.flow.booked.pdf
        printer = new_printer(self.slip_file_name())
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the appointment slip"))

        def paint(target) -> None:  # type: ignore[no-untyped-def]
            try:
                print_pdf(target, pdf)
            except PrintFailed:
                self.show_error(self.tr("The printer did not accept the slip. Use \u201cSave as PDF\u2026\u201d and "
                                        "print it from another computer."))

        dialog.paintRequested.connect(paint)
        dialog.exec()

    # -- opening plan ----------------------------------------------------------------------------------

    def save_opening_rule(self) -> Op | None:
        rule, actor = self.plan.rule_input(), self.context.actor
        return self._plan_write(lambda s: s.scheduler.set_opening_rule(actor, rule), self.plan.rule_error,
                                lambda _rule_id: self.tr("{weekday}s saved: {opens}\u2013{closes}.").format(
                                    weekday=weekday_name(rule.weekday), opens=rule.opens, closes=rule.closes))

    def open_days(self) -> Op | None:
        (first, last), actor = self.plan.days(), self.context.actor
        return self._plan_write(lambda s: s.scheduler.open_days(actor, first, last), self.plan.days_error,
                                lambda n: self.tr("Slots created: {n}. Days that already had slots were left as "
                                                  "they were.").format(n=n))

    def close_day(self) -> Op | None:
        (day, _last), reason, actor = self.plan.days(), self.plan.closure_reason.text(), self.context.actor

        def closed(_none: object) -> str:
            self.plan.closure_reason.clear()
            return self.tr("{day} is closed.").format(day=format_day(day))

        return self._plan_write(lambda s: s.scheduler.close_day(actor, day, reason), self.plan.days_error, closed)

    def _plan_write(self, fn: Callable[[StationServices], T], refusal: QLabel, done: Callable[[T], str]) -> Op:
        """A change of the opening plan: what it did as the page's message, a refusal under its form."""
        self.plan.show_refusal(refusal, None)
        op = self.write(fn)
        op.on_success(lambda result: self.show_info(done(result)))
        op.on_failure(lambda error: self.plan.show_refusal(refusal, user_message(error)))
        return op.start()
