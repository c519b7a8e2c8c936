"""The vaccination booth: call the next person, read their flags and dose history, scan or pick the
open vial, see what the rules say BEFORE recording, record the dose; voids, corrections, doses
given elsewhere and adverse reactions from the same screen.

A hard stop (red) disables "Record dose" and has no override; a warning (amber) needs a reason.
The vial countdown ticks from the rows held (`use_by`), never from the database. What the booth
holds and decides is `BoothFlow` (app/ui/booth_flow.py); its two columns are app/ui/doctor_panels.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.errors import VaxDeskError
from app.services.booth_outlook import ProductOutlook
from app.services.checkin import QueueRow
from app.services.unit_of_work import Change, Clock
from app.services.vaccinations import (
    Assessment,
    DoctorStation,
    DoseEntry,
    DoseResult,
    OverrideReasonRequired,
    PersonHistory,
)
from app.services.vials import VialRow
from app.ui.booth_flow import BoothFlow, DoseRequest, leave_reason, thaw_time, thawed_at, with_state
from app.ui.changes import touches, touches_person
from app.ui.doctor_forms import (
    AdverseEventForm,
    AdverseInput,
    Correction,
    EarlierDoseForm,
    EarlierDoseInput,
    VoidForm,
)
from app.ui.doctor_panels import DoseColumn, PersonColumn, QueueBar, scrolling
from app.ui.layouts import hbox
from app.ui.lots_models import vial_label
from app.ui.messages import user_message
from app.ui.pages import pages_for
from app.ui.pages.base import Page, PageContext
from app.ui.row_table import ROW_ROLE
from app.ui.tasks import Op

if TYPE_CHECKING:
    from app.station import StationServices

TICK_MS = 1000


class DoctorPage(Page):
    name = "doctor"

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(context, title=title, parent=parent, clock=clock)
        # The booth's state and its next step, without widgets; this page draws it.
        self.flow = BoothFlow()
        self.products: list[tuple[str, str]] = []

        self.queue = QueueBar()
        self.queue.next_button.clicked.connect(self.next_person)
        self.queue.resume.activated.connect(self._resume_chosen)
        self.body.addWidget(self.queue)
        self.person = PersonColumn(self.products)
        self.dose = DoseColumn()
        self._connect()
        columns = hbox(spacing=16)
        # The dose column is where the work happens: it gets the wider half.
        columns.addWidget(scrolling(self.person), 9)
        self.dose_scroll = scrolling(self.dose)
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

    def _connect(self) -> None:
        person, dose = self.person, self.dose
        person.ack_button.clicked.connect(self.acknowledge_review)
        person.history_table.selectionModel().currentRowChanged.connect(
            lambda *_: person.update_buttons(self.flow))
        person.add_earlier_button.clicked.connect(lambda: person.open_form(person.earlier_form))
        person.void_button.clicked.connect(self._start_void)
        person.adverse_button.clicked.connect(self._start_adverse)
        person.earlier_form.submitted.connect(self.add_earlier_dose)
        person.void_form.submitted.connect(self.correct_dose)
        person.adverse_form.submitted.connect(self.record_adverse_event)
        dose.scan.returnPressed.connect(self.scan_entered)
        dose.thawed_at.returnPressed.connect(self.open_scanned_vial)
        dose.open_button.clicked.connect(self.open_scanned_vial)
        dose.open_cancel.clicked.connect(self._hide_open_vial)
        dose.vials_table.clicked.connect(lambda index: self._vial_picked(index.data(ROW_ROLE)))
        dose.vials_table.activated.connect(lambda index: self._vial_picked(index.data(ROW_ROLE)))
        for button in dose.site_buttons.values():
            button.clicked.connect(self._site_chosen)
        dose.back_to_desk_button.clicked.connect(self.send_back_to_desk)
        dose.leave_button.clicked.connect(self.send_out)
        dose.override_reason.textChanged.connect(lambda _t: self._update_dose_panel())
        dose.record_button.clicked.connect(self.record_dose)

    # -- services (worker thread only) ----------------------------------------------------------------

    def station(self) -> DoctorStation:
        """The booth's use cases (DB worker only)."""
        return self.services.doctor

    # -- loading ---------------------------------------------------------------------------------------

    def _products_loaded(self, products: list[tuple[str, str]]) -> None:
        self.products = products
        self.person.set_products(products)

    def reload_queue(self) -> Op:
        self.flow.queue_requested(self.clock())
        actor = self.context.actor
        return self.read(lambda s: s.checkin.queue(actor)).on_success(self._queue_loaded).start()

    def _queue_loaded(self, rows: list[QueueRow]) -> None:
        changed = self.flow.queue_loaded(rows)
        self.queue.show_queue(self.flow)
        if changed:
            self._update_dose_panel()

    def waiting(self) -> list[QueueRow]:
        return self.flow.waiting()

    def reload_vials(self) -> Op:
        return self.read(lambda s: (s.vials.open_vials(), s.outlook.outlook())).on_success(
            self._vials_loaded).start()

    def _vials_loaded(self, loaded: tuple[list[VialRow], list[ProductOutlook]]) -> None:
        rows, outlook = loaded
        self.dose.show_outlook(outlook)
        had_vial = self.flow.vial is not None
        fresh = self.flow.vial_rows_loaded(rows)
        self.dose.show_vials(rows, self.clock())
        if fresh is not None:  # (discarded meanwhile: the old row stays, the assessment says so)
            self.dose.select_vial(self.flow, fresh, self.clock())
        if had_vial:
            self._assess()

    def reload_history(self) -> Op | None:
        if self.flow.visit is None:
            return None
        person_id = self.flow.visit.person_id
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
        # The history of the person in the booth only: another person's dose (a desk's, or pulled) is not
        # read, so this person's record shows no reads that were about someone else.
        visit = self.flow.visit
        if visit is not None and touches_person(changes, visit.person_id, "vaccination", "adverse_event", "person"):
            self.reload_history()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.flow.shown_again():
            self.reload_queue()
            self.reload_vials()
        self.dose.scan.setFocus()

    def tick(self) -> None:
        """Every second: the vial countdowns from the rows held; the queue count every 30 s."""
        now = self.clock()
        self.dose.vials_model.set_now(now)
        if self.flow.queue_stale(now):
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
        row = self.flow.row_of(self.queue.resume.itemData(index))
        if row is not None:
            self.load_visit(row)

    def load_visit(self, row: QueueRow) -> Op | None:
        """Show this person; the vial stays selected (it serves the next persons too)."""
        self.flow.start_visit(row)
        self.dose.override_reason.clear()
        self.dose.clear_site()
        self.person.close_form()
        self.messages.clear_message()
        self._show_person()
        self._update_dose_panel()
        self._assess()
        self.dose.scan.setFocus()
        return self.reload_history()

    def _show_person(self) -> None:
        self.person.show_person(self.flow, self.clock().date())

    def selected_dose(self) -> DoseEntry | None:
        return self.person.selected_dose()

    # -- the vial --------------------------------------------------------------------------------------

    def scan_entered(self) -> Op | None:
        text = self.dose.scan.text().strip()
        self.dose.scan.clear()
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
        unopened = self.flow.scanned_unopened(text, needs_thawing=bool(error.params.get("needs_thawing")))
        self.dose.show_unopened(user_message(error), needs_thawing=unopened.needs_thawing)

    def _hide_open_vial(self) -> None:
        self.flow.unopened = None
        self.dose.hide_unopened()

    def open_scanned_vial(self) -> Op | None:
        unopened = self.flow.unopened
        if unopened is None:
            return None
        thaw: tuple[int, int] | None = None
        if unopened.needs_thawing:
            thaw = thaw_time(self.dose.thawed_at.text())
            if thaw is None:
                self.show_error(self.tr("Write the thawing time as HH:MM, e.g. 08:30."))
                self.dose.thawed_at.setFocus()
                return None
        actor, text = self.context.actor, unopened.scan

        def open_it(s: StationServices) -> VialRow:
            vials = s.vials
            thawed = None
            if thaw is not None:  # the site's clock: today, or last evening when it is later than now
                thawed = thawed_at(self.clock().astimezone(vials.tz), *thaw)
            return vials.open_scanned(actor, text, thawed_at=thawed)

        op = self.write(open_it)
        op.on_success(self._opened)
        op.on_failure(lambda error: self.show_error(user_message(error)))
        return op.start()

    def _opened(self, row: VialRow) -> None:
        self._scanned(row)
        self.messages.show_info(self.tr("Vial opened: {vial}.").format(vial=vial_label(row)))

    def _scanned(self, row: VialRow) -> None:
        self.messages.clear_message()
        self._hide_open_vial()
        self._vial_picked(row)

    def _vial_picked(self, row: VialRow | None) -> None:
        if row is None:
            return
        if self.messages.kind == "error":
            self.messages.clear_message()  # the problem (a misread scan) is solved by picking
        self.take_vial(row)

    def take_vial(self, row: VialRow) -> None:
        """This vial in hand (scanned, picked, opened): listed, selected, and the rules asked."""
        self.dose.select_vial(self.flow, row, self.clock())
        self._assess()
        self.dose.scan.setFocus()

    def _site_chosen(self) -> None:
        self._update_dose_panel()
        self.dose.scan.setFocus()

    def injection_site(self) -> str | None:
        return self.dose.injection_site()

    def choose_site(self, site: str) -> None:
        self.dose.site_buttons[site].setChecked(True)
        self._site_chosen()

    def show_outlook(self, outlook: list[ProductOutlook]) -> None:
        self.dose.show_outlook(outlook)

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
        step = self.flow.next_step(site=self.injection_site(), override_reason=self.dose.override_reason.text())
        return None if step is None else self.dose.step_words(step)

    def _update_dose_panel(self) -> None:
        shown = self.dose.show_verdict(self.flow, blocker=self._blocker())
        # What the doctor must read now (STOP, or the recorded dose; else "Record dose" and the next step) is
        # scrolled into view, never below the fold: a long next step in German is taller than the screen has room.
        target = shown if shown is not None else (self.dose.record_bar if self.flow.assessment is not None else None)
        if target is not None:
            QTimer.singleShot(0, lambda: self._scroll_to(target))

    def _scroll_to(self, frame: QWidget) -> None:
        """Down to the frame's bottom edge only: the column never scrolls sideways."""
        column = self.dose_scroll.widget()
        if column is not None and frame.isVisibleTo(column):
            bottom = frame.mapTo(column, QPoint(0, frame.height())).y()
            self.dose_scroll.ensureVisible(0, bottom, 0, 8)

    def record_dose(self) -> Op | None:
        """Record the dose; refused here (and again by the service) while any hard stop stands."""
        site, typed = self.injection_site(), self.dose.override_reason.text()
        request = self.flow.dose_request(site=site, override_reason=typed)
        if request is None:
            self.show_error(self._blocker() or "")
            return None
        actor = self.context.actor
        self.flow.busy = True
        self._update_dose_panel()
        op = self.write(lambda s: s.doctor.record_dose(actor, request.visit.visit_id, vial_id=request.vial.vial_id,
                                                       injection_site=request.site,
                                                       override_reason=request.override_reason))
        op.on_success(lambda result: self._recorded(request, result))
        op.on_failure(self._record_failed)
        return op.start()

    def _recorded(self, request: DoseRequest, result: DoseResult) -> None:
        self.flow.recorded(request.visit, result)
        self.dose.override_reason.clear()
        follow_up_here = "schedule" in {p.name for p in pages_for(self.context.actor.role)}
        self.dose.show_recorded(request, result, product_name=self.flow.assessment.product_name if self.flow.assessment else None,
                                follow_up_here=follow_up_here)
        self.messages.clear_message()
        self._update_dose_panel()
        self.dose.scan.setFocus()

    def _record_failed(self, error: VaxDeskError) -> None:
        self.flow.busy = False
        if isinstance(error, OverrideReasonRequired):
            self.show_error(self.tr("Give a reason to go ahead despite the warning."))
            self.dose.override_reason.setFocus()
        else:
            self.show_error(user_message(error))
        self._assess()  # the preview may be minutes old: show what the rules say now

    def _at_booth_write(self, fn: Callable[[StationServices, QueueRow], object],
                        done: Callable[[QueueRow], None]) -> Op | None:
        """A write about the person with the doctor (nobody there: nothing to do); a refusal is the page's error."""
        visit = self.flow.at_booth()
        if visit is None:
            return None
        op = self.write(lambda s: fn(s, visit))
        op.on_success(lambda _none: done(visit))
        op.on_failure(lambda error: self.show_error(user_message(error)))
        return op.start()

    def acknowledge_review(self) -> Op | None:
        actor = self.context.actor
        return self._at_booth_write(lambda s, visit: s.doctor.acknowledge_review(actor, visit.visit_id),
                                    self._review_acknowledged)

    def _review_acknowledged(self, visit: QueueRow) -> None:
        if self.flow.review_acknowledged(visit.visit_id):
            self._show_person()
            self._update_dose_panel()
        self.dose.scan.setFocus()

    def send_back_to_desk(self) -> Op | None:
        """After a hard stop (e.g. no identity check): the desk finishes what is missing."""
        actor, text = self.context.actor, self.tr("{name} goes back to the desk.")
        return self._at_booth_write(lambda s, visit: s.checkin.back_to_waiting(actor, visit.visit_id),
                                    lambda visit: self._sent_away(visit, text))

    def send_out(self) -> Op | None:
        """After a hard stop: no vaccination today; the person leaves (with the reason, audited)."""
        reason = leave_reason(self.dose.leave_reason.text())
        if self.flow.at_booth() is None:
            return None
        if not reason:
            self.show_error(self.tr("Write why there is no vaccination today."))
            self.dose.leave_reason.setFocus()
            return None
        actor, text = self.context.actor, self.tr("{name} leaves without vaccination.")
        return self._at_booth_write(lambda s, visit: s.checkin.left_without_vaccination(actor, visit.visit_id, reason),
                                    lambda visit: self._sent_away(visit, text))

    def _sent_away(self, visit: QueueRow, text: str) -> None:
        self.dose.leave_reason.clear()
        self.flow.sent_away()
        self._show_person()
        self._update_dose_panel()
        self.show_info(text.format(name=visit.name))
        self.dose.scan.setFocus()

    # -- history: earlier doses, voids and corrections, reactions ---------------------------------------

    def _start_void(self) -> None:
        dose = self.selected_dose()
        if dose is None:
            self.show_error(self.tr("Select the dose in the history first."))
            return
        self.person.void_form.show_entry(dose)
        self.person.open_form(self.person.void_form)

    def _start_adverse(self) -> None:
        last = self.flow.reaction_dose(self.clock().date())
        text = (self.tr("{dose} {product} at {time}").format(dose=last.dose, product=last.product_name,
                                                             time=f"{last.given_at:%H:%M}")
                if last else self.tr("no dose today (reaction not linked to a dose)"))
        self.person.adverse_form.start(last.vaccination_id if last else None, text, QTime.currentTime())
        self.person.open_form(self.person.adverse_form)

    def _person_op(self, fn: Callable[[StationServices], object], done_text: str,
                   form: EarlierDoseForm | VoidForm | AdverseEventForm) -> Op:
        op = self.write(fn)
        op.on_success(lambda _result: self._person_changed(done_text))
        op.on_failure(lambda error: form.fail(user_message(error)))
        return op.start()

    def _person_changed(self, text: str) -> None:
        self.person.close_form()
        self.show_info(text)

    def add_earlier_dose(self, data: EarlierDoseInput) -> Op | None:
        if self.flow.visit is None:
            return None
        actor, person_id = self.context.actor, self.flow.visit.person_id
        return self._person_op(
            lambda s: s.doctor.add_external_dose(actor, person_id, product_code=data.product_code,
                                                 given_on=data.given_on, country=data.country),
            self.tr("Earlier dose added."), self.person.earlier_form)

    def correct_dose(self, data: Correction) -> Op | None:
        actor, form = self.context.actor, self.person.void_form
        if data.void_only:
            return self._person_op(lambda s: s.doctor.void_dose(actor, data.vaccination_id, reason=data.reason),
                                   self.tr("Dose voided. It stays in the record, marked void."), form)
        return self._person_op(
            lambda s: s.doctor.correct_dose(actor, data.vaccination_id, reason=data.reason,
                                            injection_site=data.injection_site, given_on=data.given_on,
                                            product_code=data.product_code, country=data.country),
            self.tr("Dose corrected: the old record is void, the corrected one is saved."), form)

    def record_adverse_event(self, data: AdverseInput) -> Op | None:
        if self.flow.visit is None:
            return None
        actor, person_id = self.context.actor, self.flow.visit.person_id

        def record(s: StationServices) -> object:
            station = s.doctor
            onset = datetime.combine(self.clock().astimezone(station.tz).date(), data.onset, station.tz)
            return station.record_adverse_event(actor, person_id, vaccination_id=data.vaccination_id, kind=data.kind,
                                                severity=data.severity, onset=onset, action_taken=data.action_taken)

        return self._person_op(record, self.tr("Adverse reaction recorded."), self.person.adverse_form)
