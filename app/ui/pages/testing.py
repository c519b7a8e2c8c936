"""The testing lane: order a test for someone checked in, take the sample (the rapid test's device from
the EU list, or a NAAT's lab and sample id), and enter the result once the reading time is over — the
list shows each test's countdown; entering a rapid test's result earlier is refused by the service.

The page re-reads on changes and every 30 s; a 15 s timer recomputes the countdowns from the rows held.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.errors import RuleViolation
from app.services.certificates import TestCertificateReview
from app.services.checkin import QueueRow
from app.services.covid_tests import Device, TestRow
from app.services.permissions import allowed
from app.services.unit_of_work import Clock
from app.ui.pages.base import Page, PageContext
from app.ui.pdf_printing import PrintFailed, choose_printer, print_pdf
from app.ui.row_table import CountdownModel, current_row, row_table, select_row_where
from app.ui.tasks import Op
from app.ui.translate import QT_TRANSLATE_NOOP
from app.ui.widgets import label, push_button, text_field

if TYPE_CHECKING:
    from app.services.unit_of_work import Actor
    from app.station import StationServices

TICK_MS = 15_000
_CONTEXT = "TestingWords"
# Marked here for lupdate, translated where shown.
_WORDS = {
    "name": QT_TRANSLATE_NOOP("TestingWords", "Name"), "test": QT_TRANSLATE_NOOP("TestingWords", "Test"),
    "state": QT_TRANSLATE_NOOP("TestingWords", "State"), "reading": QT_TRANSLATE_NOOP("TestingWords", "Reading"),
    "result": QT_TRANSLATE_NOOP("TestingWords", "Result"), "mail": QT_TRANSLATE_NOOP("TestingWords", "Mail"),
    "rat": QT_TRANSLATE_NOOP("TestingWords", "Rapid antigen"), "naat": QT_TRANSLATE_NOOP("TestingWords", "NAAT (PCR)"),
    "ordered": QT_TRANSLATE_NOOP("TestingWords", "Sample to take"),
    "sampled": QT_TRANSLATE_NOOP("TestingWords", "Sample taken"),
    "resulted": QT_TRANSLATE_NOOP("TestingWords", "Result entered"),
    "voided": QT_TRANSLATE_NOOP("TestingWords", "Voided"),
    "lab": QT_TRANSLATE_NOOP("TestingWords", "When the lab reports"),
    "ready": QT_TRANSLATE_NOOP("TestingWords", "Ready to read"),
    "countdown": QT_TRANSLATE_NOOP("TestingWords", "From {time} · {minutes} min"),
    "positive": QT_TRANSLATE_NOOP("TestingWords", "Positive"),
    "negative": QT_TRANSLATE_NOOP("TestingWords", "Negative"),
    "invalid": QT_TRANSLATE_NOOP("TestingWords", "Invalid"),
    "queued": QT_TRANSLATE_NOOP("TestingWords", "Queued"), "sent": QT_TRANSLATE_NOOP("TestingWords", "Sent"),
    "failed": QT_TRANSLATE_NOOP("TestingWords", "Failed"),
    "refused": QT_TRANSLATE_NOOP("TestingWords", "Not possible"),
    "unsynced": QT_TRANSLATE_NOOP("TestingWords", "Waits for sync"),
}


def _word(key: str) -> str:
    return QCoreApplication.translate(_CONTEXT, _WORDS[key])


class TestsModel(CountdownModel):
    """Today's tests; the reading countdown is computed from the rows held (`set_now`)."""

    __test__ = False

    NAME, TEST, STATE, READING, RESULT, MAIL = range(6)

    def headers(self) -> Sequence[str]:
        return tuple(_word(key) for key in ("name", "test", "state", "reading", "result", "mail"))

    def readable(self, row: TestRow) -> bool:
        """The result may be entered: sampled, and (a rapid test) its reading time is over."""
        if row.state != "sampled":
            return False
        return row.ready_at is None or (self.now is not None and self.now >= row.ready_at)

    def cell(self, row: TestRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if column == self.READING and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) \
                and row.state == "sampled":
            return self.tone("good" if self.readable(row) else "warn", role)
        if column == self.RESULT and row.result == "positive":
            return self.tone("block", role)
        return None

    def _text(self, row: TestRow, column: int) -> str:
        if column == self.NAME:
            return f"{row.family_name}, {row.given_name}".strip(", ")
        if column == self.TEST:
            return _word(row.test_type)
        if column == self.STATE:
            return _word(row.state)
        if column == self.READING:
            if row.state != "sampled":
                return ""
            if row.ready_at is None:
                return _word("lab")
            if self.readable(row):
                return _word("ready")
            seconds = (row.ready_at - self.now).total_seconds() if self.now else 0
            minutes = max(1, -(-int(seconds) // 60))
            return _word("countdown").format(time=f"{row.ready_at:%H:%M}", minutes=minutes)
        if column == self.RESULT:
            return _word(row.result) if row.result else ""
        if not row.mail_result:
            return ""
        state = row.mail_state or "unsynced"
        return _word(state) if state in _WORDS else state


class TestingPage(Page):
    __test__ = False  # a page, not a pytest class
    name = "testing"
    reload_on = ("covid_test", "visit", "person")

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(context, title=title, parent=parent, clock=clock)
        # The site lead sees the lane but does not take samples (the role table); the buttons say so.
        self._may_test = allowed(context.actor, "covid_tests.TestingDesk.enter_result")

        self.summary = label("testsSummary")
        self.body.addWidget(self.summary)

        order = QHBoxLayout()
        order.setSpacing(10)
        self.visit_choice = QComboBox()
        self.visit_choice.setObjectName("testVisit")
        self.visit_choice.setMinimumWidth(240)
        self.test_type = QComboBox()
        self.test_type.setObjectName("testType")
        self.test_type.addItem(self.tr("Rapid antigen test"), "rat")
        self.test_type.addItem(self.tr("NAAT (PCR)"), "naat")
        self.mail_result = QCheckBox(self.tr("Result by e-mail"))
        self.mail_result.setObjectName("testMailResult")
        self.order_button = push_button(self.tr("Order test"), name="orderTest")
        self.order_button.clicked.connect(self.order)
        visit_label = QLabel(self.tr("Checked in:"))
        visit_label.setBuddy(self.visit_choice)
        for widget in (visit_label, self.visit_choice, self.test_type, self.mail_result, self.order_button):
            order.addWidget(widget)
        order.addStretch(1)
        self.body.addLayout(order)

        self.model = TestsModel(self)
        self.table = row_table("testsTable")
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.body.addWidget(self.table, 1)

        sample = QFormLayout()
        naat = QHBoxLayout()
        naat.setSpacing(10)
        self.device = QComboBox()
        self.device.setObjectName("testDevice")
        self.device.setEditable(True)  # type to find a device among ~90 (a scanner types its id)
        self.device.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lab = text_field("testLab", max_length=80)
        self.sample_id = text_field("testSampleId", max_length=40)
        sample.addRow(self.tr("Rapid test device:"), self.device)
        naat.addWidget(self.lab, 2)
        sample_label = QLabel(self.tr("Sample id (NAAT):"))
        sample_label.setBuddy(self.sample_id)
        naat.addWidget(sample_label)
        naat.addWidget(self.sample_id, 1)
        sample.addRow(self.tr("Lab (NAAT):"), naat)
        self.body.addLayout(sample)

        actions = QHBoxLayout()
        self.sample_button = push_button(self.tr("Sample taken"), name="sampleTaken")
        self.sample_button.clicked.connect(self.take_sample)
        actions.addWidget(self.sample_button)
        actions.addSpacing(24)
        self.result_buttons: dict[str, QPushButton] = {}
        for result, text in (("negative", self.tr("Negative")), ("positive", self.tr("Positive")),
                             ("invalid", self.tr("Invalid"))):
            button = QPushButton(text)
            button.setObjectName(f"result_{result}")
            button.clicked.connect(lambda _checked=False, r=result: self.enter_result(r))
            self.result_buttons[result] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.body.addLayout(actions)
        certificate = QHBoxLayout()
        certificate.setSpacing(10)
        self.certificate_button = push_button(self.tr("EU test certificate"), name="issueTestCertificate")
        self.certificate_button.clicked.connect(self.issue_certificate)
        self.print_button = push_button(self.tr("Print certificate…"), name="printTestCertificate")
        self.print_button.clicked.connect(self.print_certificate)
        certificate.addWidget(self.certificate_button)
        certificate.addWidget(self.print_button)
        certificate.addStretch(1)
        self.body.addLayout(certificate)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._update_buttons()
        self.read(lambda s: s.testing.device_list()).on_success(self._devices_loaded).start()
        self.reload()

    # -- services on the worker --------------------------------------------------------------------

    # -- reading -----------------------------------------------------------------------------------

    def _devices_loaded(self, devices: list[Device]) -> None:
        self.device.clear()
        for device in devices:
            self.device.addItem(f"{device.name} ({device.device_id})", device.device_id)
        self.device.setCurrentIndex(-1)

    def reload(self) -> Op:
        actor = self.context.actor

        def read(s: StationServices) -> tuple[list[TestRow], list[QueueRow]]:
            return s.testing.tests_of_day(actor), s.checkin.queue(actor)

        return self.reread(read, self._loaded)

    def _loaded(self, result: tuple[list[TestRow], list[QueueRow]], loaded_at: datetime) -> None:
        tests, queue = result
        selected = self.selected_row()
        # Waiting ones first (readable before those still counting down), then the day's results.
        order = {"sampled": 0, "ordered": 1, "resulted": 2, "voided": 3}
        tests.sort(key=lambda r: (order[r.state], r.ready_at or r.ordered_at))
        self.model.set_rows(tests)
        self.model.set_now(loaded_at)
        if selected is None or not self.select_test(selected.test_id):
            self.table.selectRow(0)
        busy = {r.visit_id for r in tests if r.state in ("ordered", "sampled")}
        self.visit_choice.clear()
        for row in queue:
            if row.state != "done" and row.visit_id not in busy:
                self.visit_choice.addItem(row.name, row.visit_id)
        self._update_summary()
        self._update_buttons()

    def show_time(self, now: datetime) -> None:
        self.model.set_now(now)
        self._update_summary()
        self._update_buttons()

    def _update_summary(self) -> None:
        rows = self.model.rows()
        sampled = [r for r in rows if r.state == "sampled"]
        ready = sum(1 for r in sampled if self.model.readable(r))
        self.summary.setText(self.tr("Sample to take: {ordered} · Waiting for the reading time: {waiting} · "
                                     "Ready to read: {ready} · Results today: {done}").format(
            ordered=sum(1 for r in rows if r.state == "ordered"), waiting=len(sampled) - ready, ready=ready,
            done=sum(1 for r in rows if r.state == "resulted")))

    # -- the selected test -------------------------------------------------------------------------

    def selected_row(self) -> TestRow | None:
        return current_row(self.table, TestRow)

    def select_test(self, test_id: str) -> bool:
        return select_row_where(self.table, lambda row: row.test_id == test_id)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        ordered = row is not None and row.state == "ordered"
        ordered = ordered and self._may_test
        self.sample_button.setEnabled(ordered)
        self.device.setEnabled(ordered and row is not None and row.test_type == "rat")
        for widget in (self.lab, self.sample_id):
            widget.setEnabled(ordered and row is not None and row.test_type == "naat")
        # Shown as not yet possible before the reading time; the service refuses it anyway (hard stop).
        readable = row is not None and self.model.readable(row) and self._may_test
        for button in self.result_buttons.values():
            button.setEnabled(readable)
        self.order_button.setEnabled(self.visit_choice.count() > 0 and self._may_test)
        negative = row is not None and row.state == "resulted" and row.result == "negative"
        self.certificate_button.setEnabled(negative and row is not None and row.certificate_id is None)
        self.print_button.setEnabled(row is not None and row.certificate_id is not None)

    # -- actions -----------------------------------------------------------------------------------

    def order(self) -> Op | None:
        visit_id = self.visit_choice.currentData()
        if visit_id is None:
            self.messages.show_error(self.tr("Check the person in first; then order the test here."))
            return None
        actor, test_type, mail = self.context.actor, self.test_type.currentData(), self.mail_result.isChecked()
        lang = "de" if QLocale().language() == QLocale.Language.German else "en"  # the mail in the desk's language
        op = self.write(lambda s: s.testing.order(actor, visit_id, test_type=test_type, mail_result=mail,
                                                   mail_lang=lang))
        op.on_success(lambda test_id: self._done(test_id, "test.ordered", self.tr("Test ordered.")))
        return op.start()

    def take_sample(self) -> Op | None:
        device = self.device.currentData() if self.device.currentIndex() >= 0 else self.device.currentText()
        lab, sample_id = self.lab.text(), self.sample_id.text()

        def take(s: StationServices, actor: Actor, row: TestRow) -> TestRow:
            if row.test_type == "rat":
                return s.testing.take_sample(actor, row.test_id, device_id=str(device or ""))
            return s.testing.take_sample(actor, row.test_id, lab_name=lab, sample_id=sample_id)

        return self._step_on_selected(take, "test.sampled", self.tr("Sample taken."))

    def enter_result(self, result: str) -> Op | None:
        return self._step_on_selected(lambda s, actor, row: s.testing.enter_result(actor, row.test_id, result=result),
                                      "test.resulted", self.tr("Result entered."))

    def _step_on_selected(self, step: Callable[[StationServices, Actor, TestRow], TestRow], action: str,
                          text: str) -> Op | None:
        """`step` (a write) for the selected test, by the desk's actor; once done, the test is chosen
        again and `text` shown (`_done`). None when no test is selected."""
        row = self.selected_row()
        if row is None:
            return None
        actor = self.context.actor
        op = self.write(lambda s: step(s, actor, row))
        op.on_success(lambda done: self._done(done.test_id, action, text))
        return op.start()

    def issue_certificate(self) -> Op | None:
        """The EU test certificate of a negative result, signed with the site's signer."""
        row = self.selected_row()
        if row is None:
            return None
        actor = self.context.actor

        def issue(s: StationServices) -> TestCertificateReview:
            review = s.certificates.review_test(actor, row.test_id)
            if review.refusal is not None:  # said before anything is signed, in the desk's words
                raise RuleViolation.of(review.refusal)
            s.certificates.issue_test(actor, row.test_id)
            return review

        op = self.write(issue)
        op.on_success(lambda review: self._done(row.test_id, "certificate.issued", self.tr(
            "EU test certificate issued for {family}, {given} (born {dob}); print it with \u201cPrint "
            "certificate\u2026\u201d.").format(family=review.family_standardised, given=review.given_standardised,
                                                 dob=review.dob)))
        return op.start()

    def print_certificate(self) -> Op | None:
        row = self.selected_row()
        if row is None or row.certificate_id is None:
            return None
        actor, certificate_id = self.context.actor, row.certificate_id
        return self.read(lambda s: s.certificates.pdf(actor, certificate_id)).on_success(self._print).start()

    def _print(self, pdf: bytes) -> None:
        printer = choose_printer(self, document_name="EU Digital COVID Certificate",
                                 title=self.tr("Print the test certificate"))
        if printer is None:
            return
        try:
            print_pdf(printer, pdf)
        except PrintFailed as failed:
            self.show_error(str(failed))
            return
        self.show_info(self.tr("The test certificate was sent to the printer."))

    def _done(self, test_id: str, action: str, text: str) -> None:
        self.messages.show_info(text)
        self.sample_id.clear()
