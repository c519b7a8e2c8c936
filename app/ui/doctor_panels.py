"""The two columns of the doctor's booth as widgets: the person (flags, dose history, its forms,
reactions) and the dose (vial scan and list, injection site, the rules' STOP or warning, "Record
dose"). They draw what `BoothFlow` holds; the page (app/ui/pages/doctor.py) runs the use cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt
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

from app.services.booth_outlook import ProductOutlook
from app.services.vaccinations import INJECTION_SITES, DoseEntry, DoseResult
from app.services.vials import VialRow
from app.ui.booth_flow import BoothFlow, DoseRequest, NextStep, Review
from app.ui.checkin_models import format_dob
from app.ui.doctor_forms import AdverseEventForm, EarlierDoseForm, VoidForm
from app.ui.doctor_words import (
    DoseHistoryModel,
    adverse_kind_words,
    age_years,
    flagged_answers,
    severity_words,
    site_button_words,
    site_words,
)
from app.ui.layouts import hbox, left_row, sorted_table, vbox
from app.ui.lots_models import VialsModel, vial_label
from app.ui.lots_scan_field import ScanField
from app.ui.reasons import reason
from app.ui.row_table import ROW_ROLE, row_table
from app.ui.translate import QT_TRANSLATE_NOOP
from app.ui.wheel_guard import guard_wheel
from app.ui.widgets import card, label, push_button, restyle

__all__ = ["DoseColumn", "PersonColumn", "QueueBar", "scrolling"]

_STEP_WORDS = {
    NextStep.CALL_NEXT: QT_TRANSLATE_NOOP("DoseColumn", "Next step: call the next person."),
    NextStep.RECORDED: QT_TRANSLATE_NOOP("DoseColumn", "Dose recorded. Next step: call the next person."),
    NextStep.NOT_WITH_DOCTOR: QT_TRANSLATE_NOOP(
        "DoseColumn", "This person is not with the doctor; call them from the queue."),
    NextStep.DISCUSS_ANSWERS: QT_TRANSLATE_NOOP(
        "DoseColumn", "Next step: read the flagged answers with the person, then press \u201cAnswers discussed\u201d."),
    NextStep.SCAN_VIAL: QT_TRANSLATE_NOOP("DoseColumn", "Next step: scan the vial or pick it from the list."),
    NextStep.CHECKING: QT_TRANSLATE_NOOP("DoseColumn", "Checking the rules\u2026"),
    NextStep.HARD_STOP: QT_TRANSLATE_NOOP("DoseColumn", "No dose can be recorded: see the red box."),
    NextStep.CHOOSE_SITE: QT_TRANSLATE_NOOP("DoseColumn", "Next step: choose the injection site."),
    NextStep.WRITE_REASON: QT_TRANSLATE_NOOP(
        "DoseColumn", "Next step: write the reason for going ahead despite the warning."),
    NextStep.RECORDING: QT_TRANSLATE_NOOP("DoseColumn", "Recording\u2026"),
}


def scrolling(widget: QWidget) -> QScrollArea:
    """A booth column that scrolls down (never sideways) when a 1366x768 screen is too short for it."""
    area = QScrollArea()
    area.setObjectName("doctorColumn")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def _line_edit(name: str, *, max_length: int, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    edit.setPlaceholderText(placeholder)
    return edit


def _notice(name: str, title: str, *, title_name: str, text_name: str) -> tuple[QFrame, QVBoxLayout, QLabel, QLabel]:
    """A card with a title and a plain-text body below it (the flagged answers, the STOP, the warning):
    plain text, because the body quotes what a person typed."""
    frame, box = card(name)
    heading, text = label(title_name, title), label(text_name)
    text.setTextFormat(Qt.TextFormat.PlainText)
    box.addWidget(heading)
    box.addWidget(text)
    return frame, box, heading, text


class QueueBar(QWidget):
    """Above the columns: "Next person", how many are ready for the doctor, and who is with a doctor
    (to take one up again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        top = hbox(self, margins=(0, 0, 0, 0), spacing=12)
        self.next_button = push_button(self.tr("Next person"), name="nextPerson", primary=True)
        self.next_button.setEnabled(False)  # until the queue is read
        self.queue_label = label("doctorQueue")
        self.resume = QComboBox()
        self.resume.setObjectName("withDoctor")
        self.resume.setMinimumContentsLength(18)
        guard_wheel(self.resume)
        self.resume_label = QLabel(self.tr("With a doctor:"))
        self.resume_label.setBuddy(self.resume)
        top.addWidget(self.next_button)
        top.addWidget(self.queue_label, 1)
        top.addWidget(self.resume_label)
        top.addWidget(self.resume)

    def show_queue(self, flow: BoothFlow) -> None:
        waiting, with_doctor = flow.waiting(), flow.with_doctor()
        self.queue_label.setText(
            self.tr("Nobody is waiting for the doctor.") if not waiting
            else self.tr("1 person is ready for the doctor.") if len(waiting) == 1
            else self.tr("{n} persons are ready for the doctor.").format(n=len(waiting)))
        self.next_button.setEnabled(flow.can_call_next())
        self.resume.blockSignals(True)  # refilled, not chosen
        self.resume.clear()
        self.resume.addItem(self.tr("nobody") if not with_doctor else self.tr("choose\u2026"), None)
        for row in with_doctor:
            self.resume.addItem(row.name, row.visit_id)
        chosen = flow.resume_choice()
        if chosen is not None:
            self.resume.setCurrentIndex(chosen + 1)  # after "choose…"
        self.resume.setEnabled(bool(with_doctor))
        self.resume.blockSignals(False)


class PersonColumn(QWidget):
    """Who is at the booth: name and age, the flagged answers to discuss, every dose (with the forms
    for a dose given elsewhere, a void or correction, a reaction) and the reactions recorded."""

    def __init__(self, products: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorPersonColumn")
        layout = vbox(self, margins=(0, 0, 4, 0), spacing=10)
        person_card, inner = card("personCard")
        self.person_name = label("personName")
        self.person_age = label("personDob")
        inner.addWidget(self.person_name)
        inner.addWidget(self.person_age)
        self.flags_frame, flags, self.flags_title, self.flags_text = _notice(
            "reviewFlags", self.tr("Check before vaccinating:"), title_name="reviewTitle", text_name="reviewText")
        self.ack_button = push_button(self.tr("Answers discussed"), name="acknowledgeReview")
        self.ack_done = label("reviewAcknowledged")
        flags.addWidget(self.ack_button)
        flags.addWidget(self.ack_done)
        inner.addWidget(self.flags_frame)
        layout.addWidget(person_card)

        layout.addWidget(label("sectionTitle", self.tr("Dose history")))
        self.history_model = DoseHistoryModel(self)
        self.history_table, self.history_proxy = sorted_table("doseHistory", self.history_model, self)
        self.history_table.setMinimumHeight(110)
        self.history_table.setMaximumHeight(220)
        layout.addWidget(self.history_table)
        self.history_empty = label("hint", self.tr("No dose recorded yet. Ask for the vaccination card: "
                                                   "doses given elsewhere are added with \u201cEarlier dose\u201d."))
        layout.addWidget(self.history_empty)

        # Compact, two per row: German labels are long and the column is half a 1366 px screen.
        self.add_earlier_button = push_button(self.tr("Earlier dose\u2026"), name="addEarlierDose", compact=True)
        self.void_button = push_button(self.tr("Void / correct\u2026"), name="voidDose", compact=True)
        self.adverse_button = push_button(self.tr("Reaction\u2026"), name="adverseEvent", compact=True)
        buttons = QGridLayout()
        buttons.setSpacing(8)
        for i, button in enumerate((self.add_earlier_button, self.void_button, self.adverse_button)):
            buttons.addWidget(button, i // 2, i % 2)
        layout.addLayout(buttons)

        self.forms = QStackedWidget()
        self.forms.setObjectName("doctorForms")
        self.forms.addWidget(QWidget())
        self.earlier_form = EarlierDoseForm(products)
        self.void_form = VoidForm(products)
        self.adverse_form = AdverseEventForm()
        for form in (self.earlier_form, self.void_form, self.adverse_form):
            form.cancelled.connect(self.close_form)
            self.forms.addWidget(form)
        self.forms.setVisible(False)
        layout.addWidget(self.forms)

        layout.addWidget(label("sectionTitle", self.tr("Adverse reactions")))
        self.adverse_text = label("adverseList")
        self.adverse_text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.adverse_text)
        layout.addStretch(1)

    def set_products(self, products: Sequence[tuple[str, str]]) -> None:
        self.earlier_form.set_products(products)
        self.void_form.set_products(products)

    def open_form(self, form: QWidget) -> None:
        self.forms.setCurrentWidget(form)
        self.forms.setVisible(True)

    def close_form(self) -> None:
        self.forms.setCurrentIndex(0)
        self.forms.setVisible(False)

    def selected_dose(self) -> DoseEntry | None:
        index = self.history_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def show_person(self, flow: BoothFlow, today: date) -> None:
        row = flow.visit
        if row is None:
            self.person_name.setText(self.tr("No person selected"))
            self.person_age.setText(self.tr("Press \u201cNext person\u201d to call whoever is next in the queue."))
        else:
            self.person_name.setText(row.name)
            age = age_years(row.dob, today)
            self.person_age.setText(self.tr("{age} years \u00b7 born {dob}").format(age=age, dob=format_dob(row.dob))
                                    if age is not None else format_dob(row.dob))
        review = flow.review()
        self.flags_frame.setVisible(review is not Review.NONE)
        self.ack_button.setVisible(review is Review.PENDING)
        self.ack_done.setVisible(review is Review.DISCUSSED)
        self.ack_done.setText(self.tr("\u2714 Discussed and confirmed by the doctor."))
        self.flags_text.setText(flagged_answers(row.review_flags, row.flag_details) if row is not None else "")
        doses = flow.doses()
        self.history_model.set_rows(doses)
        self.history_table.setVisible(bool(doses))
        self.history_empty.setVisible(flow.history_known() and not doses)
        events = flow.history.adverse_events if row is not None and flow.history else ()
        self.adverse_text.setText("\n".join(
            self.tr("{time}: {kind} ({severity}){action}").format(
                time=f"{e.onset_at:%d.%m.%Y %H:%M}", kind=adverse_kind_words(e.kind),
                severity=severity_words(e.severity), action=f" \u2013 {e.action_taken}" if e.action_taken else "")
            for e in events) or self.tr("None recorded."))
        self.update_buttons(flow)

    def update_buttons(self, flow: BoothFlow) -> None:
        self.add_earlier_button.setEnabled(flow.history_known())
        self.void_button.setEnabled(flow.can_void(self.selected_dose()))
        self.adverse_button.setEnabled(flow.history_known())


class DoseColumn(QWidget):
    """The dose: the vial scanned or picked (and opened here when it is not open yet), the site, what
    the rules say (a STOP that cannot be overridden, a warning that needs a reason), "Record dose"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorDoseColumn")
        layout = vbox(self, margins=(0, 0, 4, 0), spacing=8)
        self.scan = ScanField()
        self.scan.setObjectName("vialScan")
        self.scan.setPlaceholderText(self.tr("Scan the vial or pick it below"))
        self.scan.setAccessibleName(self.tr("Vial code from the scanner"))
        layout.addWidget(self.scan)
        layout.addWidget(self._build_open_vial())
        # Per product: doses left in the open vial, people waiting, and whether to open another.
        self.vials_outlook = label("vialOutlook")
        self.vials_outlook.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.vials_outlook)
        self.vials_model = VialsModel(self)
        self.vials_table = row_table("openVials")
        self.vials_table.setModel(self.vials_model)
        self.vials_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.vials_table.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.vials_table)
        self._fit_vials(0)
        self.vials_empty = label("hint", self.tr("No vial is open. Scan the label of a new vial to open it here."))
        layout.addWidget(self.vials_empty)

        layout.addWidget(label("fieldLabel", self.tr("Injection site (upper arm):")))
        sites = hbox(spacing=8)
        self.site_group = QButtonGroup(self)
        self.site_group.setExclusive(True)
        self.site_buttons: dict[str, QPushButton] = {}
        for site in INJECTION_SITES:
            button = push_button(site_button_words(site), name=f"site_{site}", compact=True)
            button.setCheckable(True)
            button.setProperty("choice", True)
            self.site_group.addButton(button)
            self.site_buttons[site] = button
            sites.addWidget(button)
        layout.addLayout(sites)

        self.dose_line = label("doseLine")
        layout.addWidget(self.dose_line)
        layout.addWidget(self._build_stop())
        self.warn_frame, warn, self.warn_title, self.warn_text = _notice(
            "doseWarning", self.tr("Warning \u2013 you may go ahead only with a reason:"),
            title_name="doseWarningTitle", text_name="doseWarningText")
        self.override_reason = _line_edit("overrideReason", max_length=300,
                                          placeholder=self.tr("Reason for going ahead (required, audited)"))
        warn.addWidget(self.override_reason)
        layout.addWidget(self.warn_frame)

        self.record_button = push_button(self.tr("Record dose"), name="recordDose", primary=True)
        self.next_step = label("nextStep")
        # "Record dose" with what to do next: the bar the booth brings into view after a scan.
        self.record_bar = QWidget()
        record_row = hbox(self.record_bar, margins=(0, 0, 0, 0), spacing=12)
        record_row.addWidget(self.record_button)
        record_row.addWidget(self.next_step, 1)
        layout.addWidget(self.record_bar)
        self.result_frame, result = card("doseRecorded")
        self.result_text = label("doseRecordedText")
        result.addWidget(self.result_text)
        layout.addWidget(self.result_frame)
        layout.addStretch(1)

    def _build_open_vial(self) -> QFrame:
        """A scanned vial not open yet: the doctor opens it here (frozen products: when it was thawed)."""
        self.open_frame, box = card("openVial")
        self.open_text = label("openVialText")
        thaw_row = QHBoxLayout()
        self.thaw_label = QLabel(self.tr("Thawed at (today, HH:MM):"))
        self.thawed_at = _line_edit("thawedAt", max_length=5, placeholder="08:30")
        self.thaw_label.setBuddy(self.thawed_at)
        self.open_button = push_button(self.tr("Open this vial"), name="openScannedVial", primary=True)
        self.open_cancel = push_button(self.tr("Not now"), name="cancelOpenVial")
        self.open_cancel.clicked.connect(self.hide_unopened)
        thaw_row.addWidget(self.thaw_label)
        thaw_row.addWidget(self.thawed_at)
        thaw_row.addStretch(1)
        buttons = left_row(self.open_button, self.open_cancel)
        box.addWidget(self.open_text)
        box.addLayout(thaw_row)
        box.addLayout(buttons)
        self.open_frame.setVisible(False)
        return self.open_frame

    def _build_stop(self) -> QFrame:
        self.stop_frame, stop, self.stop_title, self.stop_text = _notice(
            "hardStop", self.tr("STOP \u2013 do not vaccinate. This cannot be overridden."),
            title_name="hardStopTitle", text_name="hardStopText")
        # After a hard stop the person does not wait here: back to the desk, or home without a dose.
        # Both buttons compact: they fit beside each other in half a 1366 px screen.
        self.back_to_desk_button = push_button(self.tr("To the desk"), name="backToDesk", compact=True)
        self.leave_reason = _line_edit("boothLeaveReason", max_length=200,
                                       placeholder=self.tr("Why no vaccination today"))
        self.leave_button = push_button(self.tr("Leaves, no dose"), name="boothLeaves", compact=True)
        out_row = left_row(self.back_to_desk_button, self.leave_button)  # below the reason: the column is half of a 1366 px screen
        stop.addWidget(self.leave_reason)
        stop.addLayout(out_row)
        return self.stop_frame

    # -- the vial --------------------------------------------------------------------------------------

    def show_unopened(self, text: str, *, needs_thawing: bool) -> None:
        self.open_text.setText(text)
        self.thaw_label.setVisible(needs_thawing)
        self.thawed_at.setVisible(needs_thawing)
        self.thawed_at.clear()
        self.open_frame.setVisible(True)
        (self.thawed_at if needs_thawing else self.open_button).setFocus()

    def hide_unopened(self) -> None:
        self.open_frame.setVisible(False)

    def show_outlook(self, outlook: list[ProductOutlook]) -> None:
        self.vials_outlook.setText("\n".join(f"{o.product_name} · {reason(o.advice.reason)}" for o in outlook))
        self.vials_outlook.setVisible(bool(outlook))

    def show_vials(self, rows: list[VialRow], now: datetime) -> None:
        self.vials_model.set_rows(rows)
        self.vials_model.set_now(now)
        self.vials_empty.setVisible(not rows)
        self._fit_vials(len(rows))

    def _fit_vials(self, count: int) -> None:
        """As tall as its vials, three at the most (then it scrolls), hidden while none is open: the
        record button below must stay on a 1366x768 screen."""
        table = self.vials_table
        table.setVisible(count > 0)
        rows = min(max(count, 1), 3)
        table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                             + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth())

    def select_vial(self, flow: BoothFlow, row: VialRow, now: datetime) -> None:
        """`row` in hand: listed (if it was not) and selected."""
        position = flow.pick_vial(row)
        if len(flow.vial_rows) != self.vials_model.rowCount():
            self.show_vials(flow.vial_rows, now)
        self.vials_table.selectRow(position)

    # -- the site --------------------------------------------------------------------------------------

    def injection_site(self) -> str | None:
        return next((site for site, b in self.site_buttons.items() if b.isChecked()), None)

    def clear_site(self) -> None:
        self.site_group.setExclusive(False)
        for button in self.site_buttons.values():
            button.setChecked(False)
        self.site_group.setExclusive(True)

    @staticmethod
    def step_words(step: NextStep) -> str:
        """Why "Record dose" is not possible now, as the next thing to do."""
        return QCoreApplication.translate("DoseColumn", _STEP_WORDS[step])

    def show_recorded(self, request: DoseRequest, result: DoseResult, *, product_name: str | None,
                      follow_up_here: bool) -> None:
        """The dose just recorded, and where the follow-up is booked (this station's schedule page, or
        the exit desk when this role has none)."""
        ends = f"{result.observation_ends_at:%H:%M}" if result.observation_ends_at else "\u2013"
        follow_up = (self.tr("Then book the follow-up on the \u201cSchedule\u201d page.") if follow_up_here
                     else self.tr("The follow-up is booked at the exit desk."))
        self.result_text.setText(self.tr(
            "\u2714 Recorded: dose {dose} {product}, {site}, {vial}.\nObservation until {ends}."
        ).format(dose=result.dose, product=product_name or result.product_code, site=site_words(request.site),
                 vial=vial_label(request.vial), ends=ends) + " " + follow_up)

    # -- what the rules say ----------------------------------------------------------------------------

    def show_verdict(self, flow: BoothFlow, *, blocker: str | None) -> QWidget | None:
        """Draw the assessment and the next step; the frame the doctor must read now (the STOP, or the
        dose recorded), to be scrolled into view, or None."""
        a = flow.assessment
        self.dose_line.setVisible(a is not None)
        if a is not None:
            self.dose_line.setText(self.tr("Dose {dose} \u00b7 {product} \u00b7 {left} doses left in the vial").format(
                dose=a.dose, product=a.product_name, left=a.vial_doses_left))
        self.stop_frame.setVisible(flow.show_stop())
        self.stop_text.setText("\n".join(f"\u2716  {reason(r)}" for r in a.stop_reasons) if a else "")
        self.warn_frame.setVisible(flow.show_warning())
        self.warn_text.setText("\n".join(f"\u26a0  {reason(r)}" for r in a.warning_reasons) if a else "")
        self.record_button.setEnabled(blocker is None)
        self.next_step.setText(blocker or self.tr("Ready: press \u201cRecord dose\u201d."))
        restyle(self.next_step, ready=blocker is None)
        self.result_frame.setVisible(flow.result is not None)
        if self.stop_frame.isVisibleTo(self):
            return self.stop_frame
        return self.result_frame if self.result_frame.isVisibleTo(self) else None
