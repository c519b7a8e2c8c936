"""The vaccination booth: call the next person, read their flags and dose history, scan or pick the
open vial, see what the rules say BEFORE recording, record the dose; voids, corrections, doses
given elsewhere and adverse reactions from the same screen.

A hard stop (red) disables "Record dose" and has no override; a warning (amber) needs a reason.
The vial countdown ticks from the rows held (`use_by`), never from the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt, QTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import VaxDeskError
from app.services.booth_outlook import ProductOutlook
from app.services.checkin import QueueRow
from app.services.unit_of_work import Change, Clock, system_clock
from app.services.vaccinations import (
    INJECTION_SITES,
    Assessment,
    DoctorStation,
    DoseEntry,
    DoseResult,
    OverrideReasonRequired,
    PersonHistory,
)
from app.services.vials import VialRow
from app.ui.booth_flow import BoothFlow, NextStep, with_state
from app.ui.changes import touches
from app.ui.checkin_models import format_dob
from app.ui.doctor_forms import (
    AdverseEventForm,
    AdverseInput,
    Correction,
    EarlierDoseForm,
    EarlierDoseInput,
    VoidForm,
)
from app.ui.doctor_words import (
    DoseHistoryModel,
    adverse_kind_words,
    age_years,
    flagged_answers,
    severity_words,
    site_button_words,
    site_words,
)
from app.ui.lots_models import VialsModel, vial_label
from app.ui.lots_scan_field import ScanField
from app.ui.messages import user_message
from app.ui.pages import pages_for
from app.ui.pages.base import Page, PageContext
from app.ui.reasons import reason
from app.ui.row_table import ROW_ROLE, SORT_ROLE, row_table
from app.ui.tasks import Op
from app.ui.widgets import card as _card
from app.ui.widgets import label as _label
from app.ui.widgets import restyle

if TYPE_CHECKING:
    from app.station import StationServices
from app.ui.wheel_guard import guard_wheel

TICK_MS = 1000
QUEUE_RELOAD = timedelta(seconds=30)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName("doctorColumn")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area




class DoctorPage(Page):
    name = "doctor"
    earlier_form: EarlierDoseForm  # built below the button that opens it

    # What the booth holds, as the flow has it (read by the tests and the screenshot states).
    @property
    def visit(self) -> QueueRow | None:
        return self.flow.visit

    @property
    def vial(self) -> VialRow | None:
        return self.flow.vial

    @property
    def assessment(self) -> Assessment | None:
        return self.flow.assessment

    @property
    def result(self) -> DoseResult | None:
        return self.flow.result

    @property
    def history(self) -> PersonHistory | None:
        return self.flow.history

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(context, title=title, parent=parent, clock=clock)
        self.clock: Clock = clock or system_clock
        # The booth's state and its next step, without widgets; this page draws it.
        self.flow = BoothFlow()
        self._queue_loaded_at: datetime | None = None
        self.products: list[tuple[str, str]] = []

        self._build_top()
        columns = QHBoxLayout()
        columns.setSpacing(16)
        # The dose column is where the work happens: it gets the wider half.
        columns.addWidget(_scrolling(self._build_person()), 9)
        self.dose_scroll = _scrolling(self._build_dose())
        columns.addWidget(self.dose_scroll, 11)
        self.body.addLayout(columns, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.context.changes.changes_applied.connect(self._changes_applied)
        self._show_person()
        self._update_dose_panel()
        self.read(lambda s: [(p.code, p.name) for p in s.doctor.catalogue.products]).on_success(
            self._products_loaded).start()
        self.reload_queue()
        self.reload_vials()

    # -- building ------------------------------------------------------------------------------------

    def _build_top(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(12)
        self.next_button = QPushButton(self.tr("Next person"))
        self.next_button.setObjectName("nextPerson")
        self.next_button.setProperty("primary", True)
        self.next_button.clicked.connect(self.next_person)
        self.next_button.setEnabled(False)  # until the queue is read
        self.queue_label = _label("doctorQueue")
        self.resume = QComboBox()
        self.resume.setObjectName("withDoctor")
        self.resume.setMinimumContentsLength(18)
        self.resume.activated.connect(self._resume_chosen)
        guard_wheel(self.resume)
        top.addWidget(self.next_button)
        top.addWidget(self.queue_label, 1)
        self.resume_label = QLabel(self.tr("With a doctor:"))
        self.resume_label.setBuddy(self.resume)
        top.addWidget(self.resume_label)
        top.addWidget(self.resume)
        self.body.addLayout(top)

    def _build_person(self) -> QWidget:
        column = QWidget()
        column.setObjectName("doctorPersonColumn")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(10)
        card, inner = _card("personCard")
        self.person_name = _label("personName")
        self.person_age = _label("personDob")
        inner.addWidget(self.person_name)
        inner.addWidget(self.person_age)
        self.flags_frame, flags = _card("reviewFlags")
        self.flags_title = _label("reviewTitle", self.tr("Check before vaccinating:"))
        self.flags_text = _label("reviewText")
        self.flags_text.setTextFormat(Qt.TextFormat.PlainText)
        flags.addWidget(self.flags_title)
        flags.addWidget(self.flags_text)
        self.ack_button = QPushButton(self.tr("Answers discussed"))
        self.ack_button.setObjectName("acknowledgeReview")
        self.ack_button.clicked.connect(self.acknowledge_review)
        self.ack_done = _label("reviewAcknowledged")
        flags.addWidget(self.ack_button)
        flags.addWidget(self.ack_done)
        inner.addWidget(self.flags_frame)
        layout.addWidget(card)

        layout.addWidget(_label("sectionTitle", self.tr("Dose history")))
        self.history_model = DoseHistoryModel(self)
        self.history_proxy = QSortFilterProxyModel(self)
        self.history_proxy.setSourceModel(self.history_model)
        self.history_proxy.setSortRole(SORT_ROLE)
        self.history_table = row_table("doseHistory")
        self.history_table.setModel(self.history_proxy)
        self.history_table.setMinimumHeight(110)
        self.history_table.setMaximumHeight(220)
        self.history_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_person_buttons())
        layout.addWidget(self.history_table)
        self.history_empty = _label("hint", self.tr("No dose recorded yet. Ask for the vaccination card: "
                                                    "doses given elsewhere are added with \u201cEarlier dose\u201d."))
        layout.addWidget(self.history_empty)

        self.add_earlier_button = QPushButton(self.tr("Earlier dose\u2026"))
        self.add_earlier_button.setObjectName("addEarlierDose")
        self.add_earlier_button.clicked.connect(lambda: self._open_form(self.earlier_form))
        self.void_button = QPushButton(self.tr("Void / correct\u2026"))
        self.void_button.setObjectName("voidDose")
        self.void_button.clicked.connect(self._start_void)
        self.adverse_button = QPushButton(self.tr("Reaction\u2026"))
        self.adverse_button.setObjectName("adverseEvent")
        self.adverse_button.clicked.connect(self._start_adverse)
        # Two per row: German labels are long and the column is half a 1366 px screen.
        buttons = QGridLayout()
        buttons.setSpacing(8)
        for i, button in enumerate((self.add_earlier_button, self.void_button, self.adverse_button)):
            button.setProperty("compact", True)
            buttons.addWidget(button, i // 2, i % 2)
        layout.addLayout(buttons)

        self.forms = QStackedWidget()
        self.forms.setObjectName("doctorForms")
        self.forms.addWidget(QWidget())
        self.earlier_form = EarlierDoseForm(self.products)
        self.earlier_form.submitted.connect(self.add_earlier_dose)
        self.void_form = VoidForm(self.products)
        self.void_form.submitted.connect(self.correct_dose)
        self.adverse_form = AdverseEventForm()
        self.adverse_form.submitted.connect(self.record_adverse_event)
        for form in (self.earlier_form, self.void_form, self.adverse_form):
            form.cancelled.connect(self._close_form)
            self.forms.addWidget(form)
        self.forms.setVisible(False)
        layout.addWidget(self.forms)

        layout.addWidget(_label("sectionTitle", self.tr("Adverse reactions")))
        self.adverse_text = _label("adverseList")
        self.adverse_text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.adverse_text)
        layout.addStretch(1)
        return column

    def _build_open_vial(self) -> QFrame:
        """A scanned vial not open yet: the doctor opens it here (frozen products: when it was thawed)."""
        self.open_frame, box = _card("openVial")
        self.open_text = _label("openVialText")
        thaw_row = QHBoxLayout()
        self.thaw_label = QLabel(self.tr("Thawed at (today, HH:MM):"))
        self.thawed_at = QLineEdit()
        self.thawed_at.setObjectName("thawedAt")
        self.thawed_at.setMaxLength(5)
        self.thawed_at.setPlaceholderText("08:30")
        self.thaw_label.setBuddy(self.thawed_at)
        self.thawed_at.returnPressed.connect(self.open_scanned_vial)
        self.open_button = QPushButton(self.tr("Open this vial"))
        self.open_button.setObjectName("openScannedVial")
        self.open_button.setProperty("primary", True)
        self.open_button.clicked.connect(self.open_scanned_vial)
        self.open_cancel = QPushButton(self.tr("Not now"))
        self.open_cancel.setObjectName("cancelOpenVial")
        self.open_cancel.clicked.connect(self._hide_open_vial)
        thaw_row.addWidget(self.thaw_label)
        thaw_row.addWidget(self.thawed_at)
        thaw_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.open_cancel)
        buttons.addStretch(1)
        box.addWidget(self.open_text)
        box.addLayout(thaw_row)
        box.addLayout(buttons)
        self.open_frame.setVisible(False)
        self._unopened_scan: str | None = None
        return self.open_frame

    def _build_dose(self) -> QWidget:
        column = QWidget()
        column.setObjectName("doctorDoseColumn")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(10)
        self.scan = ScanField()
        self.scan.setObjectName("vialScan")
        self.scan.setPlaceholderText(self.tr("Scan the vial or pick it below"))
        self.scan.setAccessibleName(self.tr("Vial code from the scanner"))
        self.scan.returnPressed.connect(self.scan_entered)
        layout.addWidget(self.scan)
        layout.addWidget(self._build_open_vial())
        # Per product: doses left in the open vial, people waiting, and whether to open another.
        self.vials_outlook = _label("vialOutlook")
        self.vials_outlook.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.vials_outlook)
        self.vials_model = VialsModel(self)
        self.vials_table = row_table("openVials")
        self.vials_table.setModel(self.vials_model)
        self.vials_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.vials_table.horizontalHeader().setStretchLastSection(False)
        self.vials_table.setMinimumHeight(100)
        self.vials_table.setMaximumHeight(135)  # three vials in view; the record button must stay on screen
        self.vials_table.clicked.connect(lambda index: self._vial_picked(index.data(ROW_ROLE)))
        self.vials_table.activated.connect(lambda index: self._vial_picked(index.data(ROW_ROLE)))
        layout.addWidget(self.vials_table)
        self.vials_empty = _label("hint", self.tr("No vial is open. Scan the label of a new vial to open it here."))
        layout.addWidget(self.vials_empty)

        layout.addWidget(_label("fieldLabel", self.tr("Injection site (upper arm):")))
        sites = QHBoxLayout()
        sites.setSpacing(8)
        self.site_group = QButtonGroup(self)
        self.site_group.setExclusive(True)
        self.site_buttons: dict[str, QPushButton] = {}
        for site in INJECTION_SITES:
            button = QPushButton(site_button_words(site))
            button.setObjectName(f"site_{site}")
            button.setCheckable(True)
            button.setProperty("choice", True)
            button.setProperty("compact", True)
            self.site_group.addButton(button)
            self.site_buttons[site] = button
            button.clicked.connect(self._site_chosen)
            sites.addWidget(button)
        layout.addLayout(sites)

        self.dose_line = _label("doseLine")
        layout.addWidget(self.dose_line)
        self.stop_frame, stop = _card("hardStop")
        self.stop_title = _label("hardStopTitle", self.tr("STOP \u2013 do not vaccinate. This cannot be overridden."))
        self.stop_text = _label("hardStopText")
        self.stop_text.setTextFormat(Qt.TextFormat.PlainText)
        stop.addWidget(self.stop_title)
        stop.addWidget(self.stop_text)
        # After a hard stop the person does not wait here: back to the desk, or home without a dose.
        self.back_to_desk_button = QPushButton(self.tr("To the desk"))
        self.back_to_desk_button.setObjectName("backToDesk")
        self.back_to_desk_button.clicked.connect(self.send_back_to_desk)
        self.leave_reason = QLineEdit()
        self.leave_reason.setObjectName("boothLeaveReason")
        self.leave_reason.setMaxLength(200)
        self.leave_reason.setPlaceholderText(self.tr("Why no vaccination today"))
        self.leave_button = QPushButton(self.tr("Leaves, no dose"))
        self.leave_button.setObjectName("boothLeaves")
        self.leave_button.clicked.connect(self.send_out)
        for button in (self.back_to_desk_button, self.leave_button):
            button.setProperty("compact", True)  # both fit beside each other in half a 1366 px screen
        out_row = QHBoxLayout()  # below the reason: the column is half of a 1366 px screen
        out_row.addWidget(self.back_to_desk_button)
        out_row.addWidget(self.leave_button)
        out_row.addStretch(1)
        stop.addWidget(self.leave_reason)
        stop.addLayout(out_row)
        layout.addWidget(self.stop_frame)
        self.warn_frame, warn = _card("doseWarning")
        self.warn_title = _label("doseWarningTitle", self.tr("Warning \u2013 you may go ahead only with a reason:"))
        self.warn_text = _label("doseWarningText")
        self.warn_text.setTextFormat(Qt.TextFormat.PlainText)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("overrideReason")
        self.override_reason.setMaxLength(300)
        self.override_reason.setPlaceholderText(self.tr("Reason for going ahead (required, audited)"))
        self.override_reason.textChanged.connect(lambda _t: self._update_dose_panel())
        warn.addWidget(self.warn_title)
        warn.addWidget(self.warn_text)
        warn.addWidget(self.override_reason)
        layout.addWidget(self.warn_frame)

        self.record_button = QPushButton(self.tr("Record dose"))
        self.record_button.setObjectName("recordDose")
        self.record_button.setProperty("primary", True)
        self.record_button.clicked.connect(self.record_dose)
        self.next_step = _label("nextStep")
        record_row = QHBoxLayout()
        record_row.setSpacing(12)
        record_row.addWidget(self.record_button)
        record_row.addWidget(self.next_step, 1)
        layout.addLayout(record_row)
        self.result_frame, result = _card("doseRecorded")
        self.result_text = _label("doseRecordedText")
        result.addWidget(self.result_text)
        layout.addWidget(self.result_frame)
        layout.addStretch(1)
        return column

    # -- services (worker thread only) ----------------------------------------------------------------

    def station(self) -> DoctorStation:
        """The booth's use cases (DB worker only)."""
        return self.services.doctor

    # -- loading ---------------------------------------------------------------------------------------

    def _products_loaded(self, products: list[tuple[str, str]]) -> None:
        self.products = products
        self.earlier_form.set_products(products)
        self.void_form.set_products(products)

    def reload_queue(self) -> Op:
        self._queue_loaded_at = self.clock()
        actor = self.context.actor
        return self.read(lambda s: s.checkin.queue(actor)).on_success(self._queue_loaded).start()

    def _queue_loaded(self, rows: list[QueueRow]) -> None:
        changed = self.flow.queue_loaded(rows)
        waiting = self.waiting()
        with_doctor = self.flow.with_doctor()
        self.queue_label.setText(
            self.tr("Nobody is waiting for the doctor.") if not waiting
            else self.tr("1 person is ready for the doctor.") if len(waiting) == 1
            else self.tr("{n} persons are ready for the doctor.").format(n=len(waiting)))
        self.next_button.setEnabled(bool(waiting) and not self.flow.busy)
        current = self.visit.visit_id if self.visit else None
        self.resume.blockSignals(True)
        self.resume.clear()
        self.resume.addItem(self.tr("nobody") if not with_doctor else self.tr("choose\u2026"), None)
        for row in with_doctor:
            self.resume.addItem(row.name, row.visit_id)
            if row.visit_id == current:
                self.resume.setCurrentIndex(self.resume.count() - 1)
        self.resume.setEnabled(bool(with_doctor))
        self.resume.blockSignals(False)
        if changed:
            self._update_dose_panel()

    def waiting(self) -> list[QueueRow]:
        return self.flow.waiting()

    def reload_vials(self) -> Op:
        return self.read(lambda s: (s.vials.open_vials(), s.outlook.outlook())).on_success(
            self._vials_loaded).start()

    def _vials_loaded(self, loaded: tuple[list[VialRow], list[ProductOutlook]]) -> None:
        rows, outlook = loaded
        self._show_outlook(outlook)
        self.vials_model.set_rows(rows)
        self.vials_model.set_now(self.clock())
        self.vials_empty.setVisible(not rows)
        if self.vial is not None:
            fresh = self.flow.vial_rows_loaded(rows)
            if fresh is not None:  # (discarded meanwhile: the old row stays, the assessment says so)
                self._select_vial(fresh)
            self._assess()

    def _show_outlook(self, outlook: list[ProductOutlook]) -> None:
        self.vials_outlook.setText("\n".join(f"{o.product_name} · {reason(o.advice.reason)}" for o in outlook))
        self.vials_outlook.setVisible(bool(outlook))

    def reload_history(self) -> Op | None:
        if self.visit is None:
            return None
        person_id = self.visit.person_id
        actor = self.context.actor
        return self.read(lambda s: s.doctor.history(actor, person_id, include_voided=True)).on_success(
            self._history_loaded).start()

    def _history_loaded(self, history: PersonHistory) -> None:
        if self.flow.history_loaded(history):
            self._show_person()

    def _changes_applied(self, changes: list[Change]) -> None:
        if touches(changes, "visit", "appointment"):
            self.reload_queue()
        if touches(changes, "vial", "lot", "vaccination", "visit", "appointment"):
            self.reload_vials()  # the vials and what the queue means for them
        if touches(changes, "vaccination", "adverse_event", "person"):
            self.reload_history()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._queue_loaded_at is not None:  # not the first show: the constructor just loaded
            self.reload_queue()
            self.reload_vials()
        self.scan.setFocus()

    def tick(self) -> None:
        """Every second: the vial countdowns from the rows held; the queue count every 30 s."""
        now = self.clock()
        self.vials_model.set_now(now)
        if self._queue_loaded_at is None or now - self._queue_loaded_at >= QUEUE_RELOAD:
            self.reload_queue()
        # The selected vial just passed its use-by: the assessment must now show the hard stop.
        if self.flow.vial_expired(now):
            self._assess()

    # -- the person ------------------------------------------------------------------------------------

    def next_person(self) -> Op | None:
        waiting = self.waiting()
        if not waiting:
            self.show_info(self.tr("Nobody is waiting for the doctor."))
            return None
        row = waiting[0]
        actor = self.context.actor
        op = self.write(lambda s: s.checkin.call_to_doctor(actor, row.visit_id))
        op.on_success(lambda _none: self._called(row))

        def failed(error: VaxDeskError) -> None:
            self.show_error(user_message(error))
            self.reload_queue()

        op.on_failure(failed)
        return op.start()

    def _called(self, row: QueueRow) -> None:
        self.load_visit(with_state(row, "with_doctor"))
        self.show_info(self.tr("{name} is called to the doctor.").format(name=row.name))

    def _resume_chosen(self, index: int) -> None:
        visit_id = self.resume.itemData(index)
        row = self.flow.row_of(visit_id)
        if row is not None:
            self.load_visit(row)

    def load_visit(self, row: QueueRow) -> Op | None:
        """Show this person; the vial stays selected (it serves the next persons too)."""
        self.flow.start_visit(row)
        self.override_reason.clear()
        self.site_group.setExclusive(False)
        for button in self.site_buttons.values():
            button.setChecked(False)
        self.site_group.setExclusive(True)
        self._close_form()
        self.messages.clear_message()
        self._show_person()
        self._update_dose_panel()
        self._assess()
        self.scan.setFocus()
        return self.reload_history()

    def _show_person(self) -> None:
        row = self.visit
        has_person = row is not None
        if row is None:
            self.person_name.setText(self.tr("No person selected"))
            self.person_age.setText(self.tr("Press \u201cNext person\u201d to call whoever is next in the queue."))
        else:
            self.person_name.setText(row.name)
            age = age_years(row.dob, self.clock().date())
            self.person_age.setText(self.tr("{age} years \u00b7 born {dob}").format(age=age, dob=format_dob(row.dob))
                                    if age is not None else format_dob(row.dob))
        flags = row.review_flags if row is not None else ()
        self.flags_frame.setVisible(bool(flags))
        acknowledged = row is not None and row.review_acknowledged
        self.ack_button.setVisible(bool(flags) and not acknowledged)
        self.ack_done.setVisible(bool(flags) and acknowledged)
        self.ack_done.setText(self.tr("\u2714 Discussed and confirmed by the doctor."))
        self.flags_text.setText(flagged_answers(flags, row.flag_details if row is not None else ()))
        history = self.history if has_person else None
        doses = list(history.doses) if history else []
        self.history_model.set_rows(doses)
        self.history_table.setVisible(bool(doses))
        self.history_empty.setVisible(has_person and history is not None and not doses)
        events = history.adverse_events if history else ()
        self.adverse_text.setText("\n".join(
            self.tr("{time}: {kind} ({severity}){action}").format(
                time=f"{e.onset_at:%d.%m.%Y %H:%M}", kind=adverse_kind_words(e.kind),
                severity=severity_words(e.severity), action=f" \u2013 {e.action_taken}" if e.action_taken else "")
            for e in events) or self.tr("None recorded."))
        self._update_person_buttons()

    def selected_dose(self) -> DoseEntry | None:
        index = self.history_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _update_person_buttons(self) -> None:
        has_person = self.visit is not None and self.history is not None
        dose = self.selected_dose()
        self.add_earlier_button.setEnabled(has_person)
        self.void_button.setEnabled(has_person and dose is not None and not dose.voided)
        self.adverse_button.setEnabled(has_person)

    # -- the vial --------------------------------------------------------------------------------------

    def scan_entered(self) -> Op | None:
        text = self.scan.text().strip()
        self.scan.clear()
        if not text:
            return None
        op = self.read(lambda s: s.vials.find_by_scan(text))
        op.on_success(self._scanned)
        op.on_failure(lambda error: self._scan_failed(text, error))
        return op.start()

    def _scan_failed(self, text: str, error: VaxDeskError) -> None:
        if error.code != "vial_not_open":
            self._hide_open_vial()
            self.show_error(user_message(error))
            return
        self.messages.clear_message()
        self._unopened_scan = text
        self.open_text.setText(user_message(error))
        thaw = bool(error.params.get("needs_thawing"))
        self.thaw_label.setVisible(thaw)
        self.thawed_at.setVisible(thaw)
        self.thawed_at.clear()
        self.open_frame.setVisible(True)
        (self.thawed_at if thaw else self.open_button).setFocus()

    def _hide_open_vial(self) -> None:
        self._unopened_scan = None
        self.open_frame.setVisible(False)

    def open_scanned_vial(self) -> Op | None:
        text = self._unopened_scan
        if text is None:
            return None
        thaw: tuple[int, int] | None = None
        if self.thawed_at.isVisible():
            at = QTime.fromString(self.thawed_at.text().strip(), "HH:mm")
            if not at.isValid():
                self.show_error(self.tr("Write the thawing time as HH:MM, e.g. 08:30."))
                self.thawed_at.setFocus()
                return None
            thaw = (at.hour(), at.minute())
        actor = self.context.actor

        def open_it(s: StationServices) -> VialRow:
            vials = s.vials
            thawed = None
            if thaw is not None:  # today at the site, in its time zone
                thawed = self.clock().astimezone(vials.tz).replace(hour=thaw[0], minute=thaw[1], second=0,
                                                                   microsecond=0)
            return vials.open_scanned(actor, text, thawed_at=thawed)

        op = self.write(open_it)
        op.on_success(self._opened)
        op.on_failure(lambda error: self.show_error(user_message(error)))
        return op.start()

    def _opened(self, row: VialRow) -> None:
        self._hide_open_vial()
        self._scanned(row)
        self.messages.show_info(self.tr("Vial opened: {vial}.").format(vial=vial_label(row)))

    def _scanned(self, row: VialRow) -> None:
        self.messages.clear_message()
        self._hide_open_vial()
        if not any(r.vial_id == row.vial_id for r in self.vials_model.rows()):
            self.vials_model.set_rows([*self.vials_model.rows(), row])
        self._vial_picked(row)

    def _vial_picked(self, row: VialRow | None) -> None:
        if row is None:
            return
        if self.messages.kind == "error":
            self.messages.clear_message()  # the problem (a misread scan) is solved by picking
        self._select_vial(row)
        self._assess()
        self.scan.setFocus()

    def _select_vial(self, row: VialRow) -> None:
        self.flow.vial = row
        for i, candidate in enumerate(self.vials_model.rows()):
            if candidate.vial_id == row.vial_id:
                self.vials_table.selectRow(i)
                break

    def _site_chosen(self) -> None:
        self._update_dose_panel()
        self.scan.setFocus()

    def injection_site(self) -> str | None:
        return next((site for site, b in self.site_buttons.items() if b.isChecked()), None)

    def choose_site(self, site: str) -> None:
        self.site_buttons[site].setChecked(True)
        self._site_chosen()

    # -- the assessment and the dose --------------------------------------------------------------------

    def _assess(self) -> Op | None:
        key = self.flow.assessment_needed()
        self._update_dose_panel()
        if key is None:
            return None
        actor = self.context.actor
        op = self.read(lambda s: s.doctor.assess(actor, *key))
        op.on_success(lambda assessment: self._assessed(key, assessment))
        op.on_failure(lambda error: self.show_error(user_message(error)))
        return op.start()

    def _assessed(self, key: tuple[str, str], assessment: Assessment) -> None:
        if self.flow.assessed(key, assessment):
            self._update_dose_panel()

    def _blocker(self) -> str | None:
        """Why "Record dose" is not possible now, in words that say the next step; None when it is."""
        step = self.flow.next_step(site=self.injection_site(), override_reason=self.override_reason.text())
        return None if step is None else self._step_words(step)

    def _step_words(self, step: NextStep) -> str:
        if step is NextStep.CALL_NEXT:
            return self.tr("Next step: call the next person.")
        if step is NextStep.RECORDED:
            return self.tr("Dose recorded. Next step: call the next person.")
        if step is NextStep.NOT_WITH_DOCTOR:
            return self.tr("This person is not with the doctor; call them from the queue.")
        if step is NextStep.DISCUSS_ANSWERS:
            return self.tr("Next step: read the flagged answers with the person, then press "
                           "\u201cAnswers discussed\u201d.")
        if step is NextStep.SCAN_VIAL:
            return self.tr("Next step: scan the vial or pick it from the list.")
        if step is NextStep.CHECKING:
            return self.tr("Checking the rules\u2026")
        if step is NextStep.HARD_STOP:
            return self.tr("No dose can be recorded: see the red box.")
        if step is NextStep.CHOOSE_SITE:
            return self.tr("Next step: choose the injection site.")
        if step is NextStep.WRITE_REASON:
            return self.tr("Next step: write the reason for going ahead despite the warning.")
        return self.tr("Recording\u2026")

    def _update_dose_panel(self) -> None:
        a = self.assessment
        self.dose_line.setVisible(a is not None)
        if a is not None:
            self.dose_line.setText(self.tr("Dose {dose} \u00b7 {product} \u00b7 {left} doses left in the vial").format(
                dose=a.dose, product=a.product_name, left=a.vial_doses_left))
        self.stop_frame.setVisible(self.flow.show_stop())
        self.stop_text.setText("\n".join(f"\u2716  {reason(r)}" for r in a.stop_reasons) if a else "")
        self.warn_frame.setVisible(self.flow.show_warning())
        self.warn_text.setText("\n".join(f"\u26a0  {reason(r)}" for r in a.warning_reasons) if a else "")
        blocker = self._blocker()
        self.record_button.setEnabled(blocker is None)
        self.next_step.setText(blocker or self.tr("Ready: press \u201cRecord dose\u201d."))
        restyle(self.next_step, ready=blocker is None)
        self.result_frame.setVisible(self.result is not None)
        # What the doctor must read now (STOP, or the recorded dose) is scrolled into view, never below the fold.
        shown = self.stop_frame if self.stop_frame.isVisibleTo(self) else (
            self.result_frame if self.result_frame.isVisibleTo(self) else None)
        if shown is not None:
            QTimer.singleShot(0, lambda: self._scroll_to(shown))

    def _scroll_to(self, frame: QWidget) -> None:
        """Down to the frame's bottom edge only: the column never scrolls sideways."""
        column = self.dose_scroll.widget()
        if column is not None and frame.isVisibleTo(column):
            bottom = frame.mapTo(column, QPoint(0, frame.height())).y()
            self.dose_scroll.ensureVisible(0, bottom, 0, 8)

    def record_dose(self) -> Op | None:
        """Record the dose; refused here (and again by the service) while any hard stop stands."""
        blocker = self._blocker()
        if blocker is not None:
            self.show_error(blocker)
            return None
        visit, vial, site, assessment = self.visit, self.vial, self.injection_site(), self.assessment
        assert visit is not None and vial is not None and site is not None and assessment is not None
        reason = self.override_reason.text().strip() if assessment.needs_override else None
        actor = self.context.actor
        self.flow.busy = True
        self._update_dose_panel()
        op = self.write(lambda s: s.doctor.record_dose(actor, visit.visit_id, vial_id=vial.vial_id,
                                                       injection_site=site, override_reason=reason))
        op.on_success(lambda result: self._recorded(visit, vial, site, result))
        op.on_failure(self._record_failed)
        return op.start()

    def _recorded(self, visit: QueueRow, vial: VialRow, site: str, result: DoseResult) -> None:
        self.flow.recorded(visit, result)
        self.override_reason.clear()
        ends = f"{result.observation_ends_at:%H:%M}" if result.observation_ends_at else "\u2013"
        follow_up = (self.tr("Then book the follow-up on the \u201cSchedule\u201d page.")
                     if "schedule" in {p.name for p in pages_for(self.context.actor.role)}
                     else self.tr("The follow-up is booked at the exit desk."))
        self.result_text.setText(self.tr(
            "\u2714 Recorded: dose {dose} {product}, {site}, {vial}.\nObservation until {ends}."
        ).format(dose=result.dose, product=self.assessment.product_name if self.assessment else result.product_code,
                 site=site_words(site), vial=vial_label(vial), ends=ends) + " " + follow_up)
        self.messages.clear_message()
        self._update_dose_panel()
        self.scan.setFocus()

    def _record_failed(self, error: VaxDeskError) -> None:
        self.flow.busy = False
        if isinstance(error, OverrideReasonRequired):
            self.show_error(self.tr("Give a reason to go ahead despite the warning."))
            self.override_reason.setFocus()
        else:
            self.show_error(user_message(error))
        self._assess()  # the preview may be minutes old: show what the rules say now

    def acknowledge_review(self) -> Op | None:
        visit = self.visit
        if visit is None or visit.state != "with_doctor":
            return None
        actor = self.context.actor
        op = self.write(lambda s: s.doctor.acknowledge_review(actor, visit.visit_id))
        op.on_success(lambda _none: self._review_acknowledged(visit))
        op.on_failure(lambda error: self.show_error(user_message(error)))
        return op.start()

    def _review_acknowledged(self, visit: QueueRow) -> None:
        if self.flow.review_acknowledged(visit.visit_id):
            self._show_person()
            self._update_dose_panel()
        self.scan.setFocus()

    def send_back_to_desk(self) -> Op | None:
        """After a hard stop (e.g. no identity check): the desk finishes what is missing."""
        visit = self.visit
        if visit is None or visit.state != "with_doctor":
            return None
        actor = self.context.actor
        op = self.write(lambda s: s.checkin.back_to_waiting(actor, visit.visit_id))
        op.on_success(lambda _none: self._sent_away(visit, self.tr("{name} goes back to the desk.")))
        op.on_failure(lambda error: self.show_error(user_message(error)))
        return op.start()

    def send_out(self) -> Op | None:
        """After a hard stop: no vaccination today; the person leaves (with the reason, audited)."""
        visit = self.visit
        reason = " ".join(self.leave_reason.text().split())
        if visit is None or visit.state != "with_doctor":
            return None
        if not reason:
            self.show_error(self.tr("Write why there is no vaccination today."))
            self.leave_reason.setFocus()
            return None
        actor = self.context.actor
        op = self.write(lambda s: s.checkin.left_without_vaccination(actor, visit.visit_id, reason))
        op.on_success(lambda _none: self._sent_away(visit, self.tr("{name} leaves without vaccination.")))
        op.on_failure(lambda error: self.show_error(user_message(error)))
        return op.start()

    def _sent_away(self, visit: QueueRow, text: str) -> None:
        self.leave_reason.clear()
        self.flow.sent_away()
        self._show_person()
        self._update_dose_panel()
        self.show_info(text.format(name=visit.name))
        self.scan.setFocus()

    # -- history: earlier doses, voids and corrections, reactions ---------------------------------------

    def _open_form(self, form: QWidget) -> None:
        self.forms.setCurrentWidget(form)
        self.forms.setVisible(True)

    def _close_form(self) -> None:
        self.forms.setCurrentIndex(0)
        self.forms.setVisible(False)

    def _start_void(self) -> None:
        dose = self.selected_dose()
        if dose is None:
            self.show_error(self.tr("Select the dose in the history first."))
            return
        self.void_form.show_entry(dose)
        self._open_form(self.void_form)

    def _start_adverse(self) -> None:
        today = self.clock().date()
        doses = [d for d in (self.history.doses if self.history else ()) if not d.voided and not d.external
                 and d.given_on >= today - timedelta(days=1)]
        last = doses[-1] if doses else None
        text = (self.tr("{dose} {product} at {time}").format(dose=last.dose, product=last.product_name,
                                                             time=f"{last.given_at:%H:%M}")
                if last else self.tr("no dose today (reaction not linked to a dose)"))
        self.adverse_form.start(last.vaccination_id if last else None, text, QTime.currentTime())
        self._open_form(self.adverse_form)

    def _person_op(self, fn: Callable[[StationServices], object], done_text: str,
                   form: EarlierDoseForm | VoidForm | AdverseEventForm) -> Op:
        op = self.write(fn)
        op.on_success(lambda _result: self._person_changed(done_text))
        op.on_failure(lambda error: form.fail(user_message(error)))
        return op.start()

    def _person_changed(self, text: str) -> None:
        self._close_form()
        self.show_info(text)

    def add_earlier_dose(self, data: EarlierDoseInput) -> Op | None:
        if self.visit is None:
            return None
        actor, person_id = self.context.actor, self.visit.person_id
        return self._person_op(
            lambda s: s.doctor.add_external_dose(actor, person_id, product_code=data.product_code,
                                                 given_on=data.given_on, country=data.country),
            self.tr("Earlier dose added."), self.earlier_form)

    def correct_dose(self, data: Correction) -> Op | None:
        actor = self.context.actor
        if data.void_only:
            return self._person_op(lambda s: s.doctor.void_dose(actor, data.vaccination_id, reason=data.reason),
                                   self.tr("Dose voided. It stays in the record, marked void."), self.void_form)
        return self._person_op(
            lambda s: s.doctor.correct_dose(actor, data.vaccination_id, reason=data.reason,
                                            injection_site=data.injection_site, given_on=data.given_on,
                                            product_code=data.product_code, country=data.country),
            self.tr("Dose corrected: the old record is void, the corrected one is saved."), self.void_form)

    def record_adverse_event(self, data: AdverseInput) -> Op | None:
        if self.visit is None:
            return None
        actor, person_id = self.context.actor, self.visit.person_id

        def record(s: StationServices) -> object:
            station = s.doctor
            onset = datetime.combine(self.clock().astimezone(station.tz).date(), data.onset, station.tz)
            return station.record_adverse_event(actor, person_id, vaccination_id=data.vaccination_id, kind=data.kind,
                                                severity=data.severity, onset=onset, action_taken=data.action_taken)

        return self._person_op(record, self.tr("Adverse reaction recorded."), self.adverse_form)

    # -- screenshots ---------------------------------------------------------------------------------------

    def prepare_screenshot(self) -> None:
        actor = self.context.actor
        self.write(lambda s: s.demo.booth_with_patient(actor)).on_success(self._demo_ready).start()

    def screenshot_states(self) -> Sequence[tuple[str, Callable[[], None]]]:
        return (("doctor_open_vial", self._open_vial_state), ("doctor_stop", self._stop_state))

    def _open_vial_state(self) -> None:
        """A vial of another product scanned, none of its lot open yet: "Open this vial"."""
        booked = self.assessment.product_code if self.assessment else ""

        def scan(text: str | None) -> None:
            if text is not None:
                self.scan.setText(text)
                self.scan_entered()

        self.read(lambda s: s.demo.other_product_label(booked)).on_success(scan).start()

    def _stop_state(self) -> None:
        """That vial opened: a product other than booked is a hard stop; back to the desk or out."""
        if self.thawed_at.isVisible():
            self.thawed_at.setText(f"{self.clock().astimezone() - timedelta(hours=1):%H:%M}")
        self.open_scanned_vial()

    def _demo_ready(self, ready: tuple[QueueRow, VialRow]) -> None:
        row, vial = ready
        self.reload_queue()
        self.vials_model.set_rows([*[r for r in self.vials_model.rows() if r.vial_id != vial.vial_id], vial])
        self.vials_model.set_now(self.clock())
        self.vials_empty.setVisible(False)
        self._select_vial(vial)
        self.load_visit(row)
        self.choose_site("left_deltoid")
        self.read(lambda s: s.outlook.outlook()).on_success(self._show_outlook).start()

