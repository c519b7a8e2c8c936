"""The printer desk: today's doses, the review the person confirms, then issue, print or save the
EU Digital COVID Certificate; a doctor or admin corrects one (the old one is revoked).

Keyboard: type a name in the search field, ↓ into the list, ↑↓ to choose; Space ticks "Person
confirmed the data", Tab reaches "Issue certificate". Without a signer the station records a voucher.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QStandardPaths, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.booking_code import normalise_booking_code
from app.errors import VaxDeskError
from app.services.certificates import (
    VOUCHER_QR_PREFIX,
    CertificateDesk,
    CertificateReview,
    IssuedCertificate,
    VaccinationRow,
    VoucherRow,
)
from app.services.person_corrections import PersonCorrection
from app.ui.certificate_flow import review_panel
from app.ui.certificate_models import ROW_ROLE, NameFilter, VaccinationsModel, folded
from app.ui.certificate_words import country_name, status_words
from app.ui.layouts import fill_grid, hbox
from app.ui.messages import user_message
from app.ui.pages.base import Page, PageContext
from app.ui.pdf_printing import PrintFailed, choose_printer, new_printer, print_pdf
from app.ui.person_correction_dialog import PersonCorrectionDialog
from app.ui.reasons import reason
from app.ui.tasks import Op
from app.ui.widgets import card as card_frame
from app.ui.widgets import date_field, push_button, restyle
from app.ui.widgets import label as _label

CORRECTING_ROLES = ("doctor", "admin")
PERSON_CORRECTING_ROLES = ("nurse", "admin")


class SaveFailed(VaxDeskError):
    """The PDF could not be written where staff asked (full disk, no permission, removed stick)."""


class _Details:
    """What the review panel shows for one dose: the review, its certificates so far, its voucher."""

    def __init__(self, review: CertificateReview, history: list[tuple[str, str, datetime, bool]],
                 voucher: VoucherRow | None = None) -> None:
        self.review = review
        self.history = history
        self.voucher = voucher


class CertificatesPage(Page):
    name = "certificates"
    reload_on = ("vaccination", "certificate", "person")

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, title=title, parent=parent)
        self.row: VaccinationRow | None = None  # the dose selected
        self.details: _Details | None = None  # its review, once loaded
        self._focus_next_step = False  # after issuing, the keyboard lands on "Print…"
        self._mrz: str | None = None  # the MRZ applied to the review shown (names as the passport writes them)

        # -- search and day ---------------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("certificateSearch")
        self.search.setPlaceholderText(self.tr("Type a name to find the person"))
        self.search.setAccessibleName(self.tr("Find the person by name"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.day = date_field("certificateDay")
        # Today at the site until the nurse picks another day (set from the first list read): the machine's
        # own date may be another one, in another zone or around midnight.
        self._picked: date | None = None
        self.day.setAccessibleName(self.tr("Day of the vaccination"))
        self.day.dateChanged.connect(self._day_picked)
        day_label = QLabel(self.tr("Vaccinated on"))
        day_label.setObjectName("fieldLabel")
        day_label.setBuddy(self.day)
        day_row = hbox(spacing=10)
        day_row.addWidget(day_label)
        day_row.addWidget(self.day)
        day_row.addStretch(1)

        # -- the list (left) and the review (right) --------------------------------------------
        self.model = VaccinationsModel(self)
        self.proxy = NameFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("vaccinationsTable")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Vaccinations of the day"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the review
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(VaccinationsModel.TIME, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VaccinationsModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        for hidden in (VaccinationsModel.DOB, VaccinationsModel.VACCINE, VaccinationsModel.DOSE):
            self.table.setColumnHidden(hidden, True)  # the review shows them; the list stays readable
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.empty_note = _label("hint", self.tr("No vaccinations recorded on this day yet."))
        self.empty_note.setVisible(False)
        # The list column carries its own search, so the review panel gets the page's full height.
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.search)
        left.addLayout(day_row)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty_note)
        self.vouchers_label = QLabel(self.tr("Vouchers"))
        self.vouchers_label.setObjectName("fieldLabel")
        self.vouchers_list = QListWidget()
        self.vouchers_list.setObjectName("vouchersList")
        self.vouchers_list.setAccessibleName(self.tr("Vouchers: ready to print, and waiting for a signer"))
        self.vouchers_list.setMaximumHeight(110)
        self.vouchers_list.itemActivated.connect(self._voucher_chosen)
        self.vouchers_list.itemClicked.connect(self._voucher_chosen)
        left.addWidget(self.vouchers_label)
        left.addWidget(self.vouchers_list)
        self.vouchers: list[VoucherRow] = []

        self.panel = self._build_review()
        scroll = QScrollArea()
        scroll.setObjectName("certificateReviewScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the panel wraps instead
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        columns = hbox(spacing=16)
        columns.addLayout(left, 4)
        columns.addWidget(scroll, 6)
        self.body.addLayout(columns, 1)
        self._show_details()

        self.reload()

    # -- building ------------------------------------------------------------------------------------

    def _build_review(self) -> QWidget:
        panel, layout = card_frame("certificateReview", margins=(20, 16, 20, 16), spacing=10)
        self.choose_hint = _label("hint", self.tr("Choose a person on the left to see their certificate."))
        layout.addWidget(self.choose_hint)

        self.review_box = QWidget()
        review = QVBoxLayout(self.review_box)
        review.setContentsMargins(0, 0, 0, 0)
        review.setSpacing(10)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}
        fields = (
            ("name", self.tr("Name")),
            ("standardised", self.tr("Name in the QR code")),
            ("dob", self.tr("Date of birth")),
            ("product", self.tr("Vaccine")),
            ("dose", self.tr("Dose")),
            ("date", self.tr("Vaccinated on")),
            ("country", self.tr("Country")),
            ("issuer", self.tr("Issuer")),
            ("valid_until", self.tr("Valid until")),
        )
        for row, (key, label_text) in enumerate(fields):
            label = QLabel(label_text)
            label.setObjectName("fieldLabel")
            value = _label("reviewValue")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        self.values["name"].setProperty("emphasis", True)
        self.values["standardised"].setObjectName("standardisedName")
        # One long token ("GROSS<MUELLER<<JUERGEN"): let it break anywhere rather than widen the panel.
        self.values["standardised"].setWordWrap(True)
        review.addLayout(grid)

        self.ask = _label("confirmAsk", self.tr(
            "This is printed on the certificate. Ask the person to check the spelling of the name and the "
            "date of birth."))
        review.addWidget(self.ask)
        self.no_signer = _label("signerNote", self.tr(
            "No signer at this station: issuing records a voucher, and the certificate is signed after the next sync."))
        review.addWidget(self.no_signer)
        self.signer_warnings = _label("signerWarnings", plain=True, kind="warn")
        review.addWidget(self.signer_warnings)
        self.refusal = _label("issueRefusal", plain=True, kind="bad")
        review.addWidget(self.refusal)
        mrz_label = _label("fieldLabel", self.tr("Names from the passport's machine-readable zone (scan or type its lines):"))
        self.mrz_input = QPlainTextEdit()
        self.mrz_input.setObjectName("mrzInput")
        self.mrz_input.setAccessibleName(self.tr("Machine-readable zone of the travel document"))
        self.mrz_input.setPlaceholderText("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F…")
        self.mrz_input.setMaximumHeight(64)
        self.mrz_input.setTabChangesFocus(True)
        self.mrz_button = push_button(self.tr("Use these names"), name="mrzButton", on_click=self.apply_mrz)
        self.mrz_box = QWidget()
        mrz_layout = QVBoxLayout(self.mrz_box)
        mrz_layout.setContentsMargins(0, 0, 0, 0)
        mrz_layout.setSpacing(4)
        mrz_layout.addWidget(mrz_label)
        mrz_layout.addWidget(self.mrz_input)
        mrz_layout.addWidget(self.mrz_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.mrz_toggle = push_button(self.tr("Names from the passport (MRZ)…"), name="mrzToggle", on_click=self._open_mrz)
        self.mrz_toggle.setFlat(True)
        self.confirm = QCheckBox(self.tr("Person confirmed the data"))
        self.confirm.setObjectName("confirmData")
        self.confirm.toggled.connect(self._update_buttons)
        self.issue_button = push_button(self.tr("Issue certificate"), name="issueButton", primary=True, on_click=self.issue)
        review.addWidget(self.confirm)
        review.addWidget(self.issue_button)
        # After "Issue": most names transliterate; the passport's MRZ is for those that do not, or differ.
        review.addWidget(self.mrz_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        review.addWidget(self.mrz_box)

        self.status = _label("certificateStatus", plain=True)
        review.addWidget(self.status)
        # Two by two: German labels ("Als PDF speichern…") do not fit in one row beside the list.
        actions = QGridLayout()
        actions.setHorizontalSpacing(10)
        actions.setVerticalSpacing(10)
        self.print_button = push_button(self.tr("Print…"), name="printButton", primary=True,
                                        on_click=self.print_certificate)
        self.preview_button = push_button(self.tr("Preview…"), name="previewButton", on_click=self.preview_certificate)
        self.save_button = push_button(self.tr("Save as PDF…"), name="savePdfButton", on_click=self.save_pdf)
        self.correct_button = push_button(self.tr("Correct…"), name="correctButton", on_click=self.correct)
        self.voucher_button = push_button(self.tr("Print voucher…"), name="voucherButton", primary=True,
                                          on_click=self.print_voucher)
        self.person_button = push_button(self.tr("Correct person…"), name="personButton", on_click=self.correct_person)
        fill_grid(actions, (self.print_button, self.save_button), (self.preview_button, self.correct_button),
                  (self.voucher_button, self.person_button))
        actions.setColumnStretch(2, 1)
        review.addLayout(actions)
        self.history = _label("hint", plain=True)
        review.addWidget(self.history)
        layout.addWidget(self.review_box)
        layout.addStretch(1)
        return panel

    # -- the list --------------------------------------------------------------------------------------

    def desk(self) -> CertificateDesk:
        """The certificate use cases (DB worker only)."""
        return self.services.certificates

    def selected_day(self) -> date:
        qd = self.day.date()
        return date(qd.year(), qd.month(), qd.day())

    def _day_picked(self) -> None:
        self._picked = self.selected_day()
        self.reload()

    def show_today(self) -> Op:
        """Back to today's doses (today at the site)."""
        self._picked = None
        return self.reload()

    def reload(self, *, select: str | None = None) -> Op:
        picked = self._picked
        keep = select or (self.row.vaccination_id if self.row else None)
        actor = self.context.actor

        def read() -> tuple[date, list[VaccinationRow], list[VoucherRow]]:
            desk, today = self.desk(), self.services.today()
            return today, desk.recent_vaccinations(actor, picked or today), desk.vouchers(actor)

        op = Op(self, read)
        op.on_success(lambda loaded: self._loaded(loaded[1], keep, loaded[2], today=loaded[0]))
        return op.start()

    def _loaded(self, rows: list[VaccinationRow], keep: str | None, vouchers: list[VoucherRow] | None = None,
                *, today: date | None = None) -> None:
        if today is not None:
            self.day.blockSignals(True)  # the day the list was read for, not a day picked
            self.day.setMaximumDate(QDate(today.year, today.month, today.day))
            shown = self._picked or today
            self.day.setDate(QDate(shown.year, shown.month, shown.day))
            self.day.blockSignals(False)
        self.model.set_rows(rows)
        self._show_vouchers(vouchers or [])
        self.empty_note.setVisible(not rows)
        if keep is not None and self.select_vaccination(keep):
            return
        self.row, self.details = None, None
        self._show_details()

    def select_vaccination(self, vaccination_id: str) -> bool:
        """Select that dose in the list (and load its review); False when it is not listed."""
        for proxy_row in range(self.proxy.rowCount()):
            index = self.proxy.index(proxy_row, VaccinationsModel.NAME)
            if index.data(ROW_ROLE).vaccination_id == vaccination_id:
                if self.table.currentIndex().row() == proxy_row:
                    self._current_changed(index, index)  # same row, fresh data: reload the review
                else:
                    self.table.setCurrentIndex(index)
                return True
        return False

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, VaccinationsModel.NAME))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._looks_like_claim_code():
                self.find_voucher(self.search.text())
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.proxy.rowCount():
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.proxy.index(0, VaccinationsModel.NAME))
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            return
        changed = self.row is None or self.row.vaccination_id != row.vaccination_id
        self.row = row
        if changed:
            self.details = None
            self.confirm.setChecked(False)  # a confirmation is for one person only
            self._mrz = None  # a passport is one person's too
            self.mrz_input.setPlainText("")
        self._show_details()  # the status at once; the review follows
        vaccination_id = row.vaccination_id

        mrz = self._mrz
        actor = self.context.actor

        def load() -> _Details:
            desk = self.desk()
            voucher = next((v for v in desk.vouchers(actor) if v.vaccination_id == vaccination_id), None)
            return _Details(desk.review(actor, vaccination_id, mrz=mrz), desk.issued_for(actor, vaccination_id),
                            voucher)

        op = Op(self, load).on_success(self._details_loaded)
        op.on_failure(self._review_failed)
        op.start()

    def _review_failed(self, error: VaxDeskError) -> None:
        # A mistyped MRZ: say so and show the review without it.
        self.show_failure(error)
        if self._mrz is not None:
            self._mrz = None
            if self.row is not None:
                self.select_vaccination(self.row.vaccination_id)

    def _details_loaded(self, details: _Details) -> None:
        if self.row is None or details.review.vaccination_id != self.row.vaccination_id:
            return  # another person was chosen meanwhile
        self.details = details
        self._show_details()

    def shown_again(self) -> None:
        self.reload()  # the doctor's booth may have recorded doses meanwhile

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search.setFocus()

    # -- the review panel ------------------------------------------------------------------------------

    def _show_details(self) -> None:
        details, row = self.details, self.row
        self.choose_hint.setVisible(details is None)
        if row is not None and details is None:
            self.choose_hint.setText(self.tr("Loading…"))
        elif row is None:
            self.choose_hint.setText(self.tr("Choose a person on the left to see their certificate."))
        self.review_box.setVisible(details is not None)
        if details is None or row is None:
            return
        r = details.review
        self.values["name"].setText(f"{r.family_name}, {r.given_name}")
        # A zero-width space after each "<" lets the label wrap the token; copying it gives the same text.
        standardised = f"{r.family_standardised}<<{r.given_standardised}"
        self.values["standardised"].setText(standardised.replace("<", "<\u200b"))
        self.values["standardised"].setAccessibleName(standardised)
        self.values["dob"].setText(r.dob)
        self.values["product"].setText(r.product_name)
        self.values["dose"].setText(r.dose)
        self.values["date"].setText(r.date)
        self.values["country"].setText(country_name(r.country))
        self.values["issuer"].setText(r.issuer)
        self.values["valid_until"].setText(
            f"{r.valid_until:%d.%m.%Y}" if r.valid_until is not None else self.tr("set when the certificate is signed"))
        panel = review_panel(row.status, r)
        for widget in (self.ask, self.confirm, self.issue_button):
            widget.setVisible(panel.issue_step)
        self.no_signer.setVisible(panel.no_signer)
        self.signer_warnings.setText("\n".join(reason(w) for w in r.warnings))
        self.signer_warnings.setVisible(panel.warnings)
        self.refusal.setText(reason(r.refusal) if r.refusal is not None else "")
        self.refusal.setVisible(panel.refusal)
        self.mrz_box.setVisible(panel.mrz_box)
        self.mrz_toggle.setVisible(panel.mrz_toggle)
        self.issue_button.setText(self.tr("Issue certificate") if r.signer_available else self.tr("Record voucher"))
        if row.status == "issued":
            self.status.setText(self.tr("Certificate issued: {uvci}\nNext: print it, or save it as a PDF.").format(uvci=row.uvci))
        elif row.status == "voucher":
            code = details.voucher.claim_code if details.voucher is not None else ""
            self.status.setText(self.tr(
                "No signer at this station: a voucher was recorded (claim code {code}); the certificate is signed "
                "as soon as a signer is at hand. Print the voucher for the person.").format(code=code))
        else:
            self.status.setText(status_words(row.status) if row.status == "revoked" else "")
        self.status.setVisible(bool(self.status.text()))
        restyle(self.status, kind=panel.status_kind)
        for button in (self.print_button, self.preview_button, self.save_button):
            button.setVisible(panel.print_buttons)
        self.voucher_button.setVisible(panel.voucher_button)
        self.person_button.setVisible(True)
        self.person_button.setEnabled(self.context.actor.role in PERSON_CORRECTING_ROLES)
        self.person_button.setToolTip("" if self.person_button.isEnabled()
                                      else self.tr("Only a nurse or an admin can correct a person's data."))
        may_correct = self.context.actor.role in CORRECTING_ROLES
        self.correct_button.setVisible(panel.recorded)
        self.correct_button.setEnabled(may_correct)
        self.correct_button.setToolTip(
            "" if may_correct else self.tr("Only a doctor or an admin can approve a correction."))
        revoked = [(uvci, at) for _id, uvci, at, was_revoked in details.history if was_revoked]
        self.history.setText("\n".join(
            self.tr("Revoked: {uvci} (issued {when})").format(uvci=uvci, when=f"{at.astimezone(row.given_at.tzinfo):%d.%m.%Y %H:%M}")
            for uvci, at in revoked))
        self.history.setVisible(bool(revoked))
        self._update_buttons()
        if self._focus_next_step and panel.recorded:
            self._focus_next_step = False
            (self.print_button if row.status == "issued" else self.table).setFocus()

    def _update_buttons(self) -> None:
        self.issue_button.setEnabled(self.details is not None and self.confirm.isChecked())

    # -- issuing and correcting ------------------------------------------------------------------------

    def issue(self) -> Op | None:
        if self.details is None or not self.confirm.isChecked():
            return None
        vaccination_id, actor, mrz = self.details.review.vaccination_id, self.context.actor, self._mrz
        self.issue_button.setEnabled(False)  # one click, one certificate
        op = self.write(lambda s: s.certificates.issue(actor, vaccination_id, mrz=mrz))
        op.on_success(lambda issued: self._issued(vaccination_id, issued))
        op.on_failure(self._issue_failed)
        return op.start()

    def _issued(self, vaccination_id: str, issued: IssuedCertificate) -> None:
        # The panel's status line says what happened and what comes next; no second message.
        self.messages.clear_message()
        self._focus_next_step = True
        self.reload(select=vaccination_id)

    def _issue_failed(self, error: VaxDeskError) -> None:
        self.show_failure(error)
        self._update_buttons()

    def may_correct(self) -> bool:
        return self.context.actor.role in CORRECTING_ROLES

    def correct(self) -> Op | None:
        row = self.row
        if row is None or row.certificate_id is None or not self.may_correct():
            return None
        reason, ok = QInputDialog.getText(
            self, self.tr("Correct the certificate"),
            self.tr("Correct the person's data in their record first.\n"
                    "The certificate {uvci} will be revoked and a new one issued with a new identifier.\n\n"
                    "Reason for the correction:").format(uvci=row.uvci))
        if not ok:
            return None
        if not reason.strip():
            self.show_error(self.tr("Give the reason for the correction; nothing was changed."))
            return None
        old_uvci, old_id, vaccination_id, actor = row.uvci, row.certificate_id, row.vaccination_id, self.context.actor
        op = self.write(lambda s: s.certificates.correct(actor, old_id, vaccination_id=vaccination_id, reason=reason))

        def corrected(issued: IssuedCertificate) -> None:
            self.show_info(self.tr("Corrected. The old certificate {old} is revoked; the new one {new} is ready to print.")
                           .format(old=old_uvci, new=issued.uvci))
            self.reload(select=vaccination_id)

        return op.on_success(corrected).start()

    def _open_mrz(self) -> None:
        self.mrz_box.setVisible(True)
        self.mrz_input.setFocus()

    def apply_mrz(self) -> None:
        """Use the passport's MRZ for the names in the QR code: the review reloads with them, or says
        what is wrong with the lines."""
        text = self.mrz_input.toPlainText().strip()
        self._mrz = text or None
        self.confirm.setChecked(False)  # the names changed: the person confirms again
        if self.row is not None:
            self.select_vaccination(self.row.vaccination_id)

    def correct_person(self) -> Op | None:
        """Correct person… : the name or date of birth after a typo; then offer to re-issue what was signed."""
        if self.details is None or self.context.actor.role not in PERSON_CORRECTING_ROLES:
            return None
        r = self.details.review
        dialog = PersonCorrectionDialog(family_name=r.family_name, given_name=r.given_name, dob=r.dob, parent=self)
        if dialog.exec() != PersonCorrectionDialog.DialogCode.Accepted:
            return None
        return self.save_person_correction(dialog.changes(), dialog.reason_text())

    def save_person_correction(self, changes: dict[str, str | None], reason_given: str) -> Op | None:
        if self.details is None or self.row is None:
            return None
        vaccination_id, actor = self.row.vaccination_id, self.context.actor
        person_id = self.details.review.person_id
        op = self.write(lambda s: s.corrections.correct(actor, person_id, changes=changes, reason=reason_given))
        op.on_success(lambda result: self._person_corrected(result, vaccination_id, reason_given))
        op.on_failure(self.show_failure)
        return op.start()

    def _person_corrected(self, result: PersonCorrection, vaccination_id: str, reason_given: str) -> Op | None:
        self.search.clear()  # the name typed to find the person may not match the corrected one
        if not result.certificates:
            self.show_info(self.tr("The person's data was corrected."))
            self.reload(select=vaccination_id)
            return None
        answer = QMessageBox.question(
            self, self.tr("Re-issue the certificates?"),
            self.tr("{n} certificate(s) were signed with the old data. Re-issue them now? The old ones are "
                    "revoked and stop being valid.").format(n=len(result.certificates)))
        if answer != QMessageBox.StandardButton.Yes:
            self.reload(select=vaccination_id)
            return None
        actor, ids = self.context.actor, [c.certificate_id for c in result.certificates]
        op = self.write(lambda s: [s.certificates.reissue_for_person_change(actor, i, reason=reason_given) for i in ids])

        def reissued(issued: list[IssuedCertificate]) -> None:
            self.show_info(self.tr("Re-issued {n} certificate(s); the old ones are revoked. Print the new ones.")
                           .format(n=len(issued)))
            self.reload(select=vaccination_id)

        op.on_success(reissued)
        op.on_failure(self.show_failure)
        return op.start()

    # -- vouchers --------------------------------------------------------------------------------------

    def _show_vouchers(self, vouchers: list[VoucherRow]) -> None:
        self.vouchers = vouchers
        self.vouchers_list.clear()
        for voucher in vouchers:
            state = self.tr("ready to print") if voucher.signed else self.tr("waiting for a signer")
            item = QListWidgetItem(f"{voucher.family_name}, {voucher.given_name} · {voucher.claim_code} · {state}")
            item.setData(Qt.ItemDataRole.UserRole, voucher.certificate_id)
            self.vouchers_list.addItem(item)
        ready = sum(v.signed for v in vouchers)
        self.vouchers_label.setText(self.tr("Vouchers: {ready} ready to print, {waiting} waiting").format(
            ready=ready, waiting=len(vouchers) - ready))
        self.vouchers_label.setVisible(bool(vouchers))
        self.vouchers_list.setVisible(bool(vouchers))

    def _voucher_chosen(self, item: QListWidgetItem) -> None:
        self.show_voucher(str(item.data(Qt.ItemDataRole.UserRole)))

    def show_voucher(self, certificate_id: str) -> None:
        voucher = next((v for v in self.vouchers if v.certificate_id == certificate_id), None)
        if voucher is None or voucher.vaccination_id is None or voucher.given_on is None:
            return
        if voucher.given_on != self.selected_day():
            self.day.setDate(QDate(voucher.given_on.year, voucher.given_on.month, voucher.given_on.day))
        self.reload(select=voucher.vaccination_id)

    def _looks_like_claim_code(self) -> bool:
        text = self.search.text().strip()
        return text.startswith(VOUCHER_QR_PREFIX) or normalise_booking_code(text) is not None

    def find_voucher(self, text: str) -> Op:
        """A voucher's claim code typed or scanned into the search field: its dose, ready to print."""
        op = Op(self, lambda: self.desk().find_voucher(self.context.actor, text))

        def found(certificate_id: str) -> None:
            self.search.clear()
            if any(v.certificate_id == certificate_id for v in self.vouchers):
                self.show_voucher(certificate_id)
            else:
                self.show_info(self.tr("That voucher's certificate was printed already."))

        op.on_success(found)
        op.on_failure(self.show_failure)
        return op.start()

    def print_voucher(self) -> Op | None:
        row = self.row
        if row is None or row.certificate_id is None or row.status != "voucher":
            return None
        certificate_id = row.certificate_id

        def print_it(pdf: bytes) -> None:
            printer = choose_printer(self, document_name="VaxDesk voucher", title=self.tr("Print the voucher"))
            if printer is not None:
                self._print(printer, pdf, mark=False)

        return Op(self, lambda: self.desk().voucher_pdf(self.context.actor, certificate_id)).on_success(print_it).start()

    # -- paper and PDF ---------------------------------------------------------------------------------

    def _with_pdf(self, then: Callable[[bytes], None]) -> Op | None:
        row = self.row
        if row is None or row.certificate_id is None or row.status != "issued":
            return None
        certificate_id = row.certificate_id
        return Op(self, lambda: self.desk().pdf(self.context.actor, certificate_id)).on_success(then).start()

    def print_certificate(self) -> Op | None:
        """Print… : the print dialog (printer, copies), then the certificate on paper."""
        return self._with_pdf(self._print_with_dialog)

    def _print_with_dialog(self, pdf: bytes) -> None:
        printer = choose_printer(self, document_name="EU Digital COVID Certificate",
                                 title=self.tr("Print the certificate"))
        if printer is not None:
            self._print(printer, pdf)

    def _print(self, printer: QPrinter, pdf: bytes, *, mark: bool = True) -> bool:
        try:
            print_pdf(printer, pdf)
        except PrintFailed as failed:
            self.show_error(str(failed))
            return False
        self.show_info(self.tr("The certificate was sent to the printer {printer}.").format(
            printer=printer.printerName() or printer.outputFileName()))
        if mark:
            self._mark_printed()
        return True

    def _mark_printed(self) -> None:
        """A signed voucher on paper leaves the ready-to-print list."""
        row = self.row
        if row is None or row.certificate_id is None:
            return
        certificate_id, actor = row.certificate_id, self.context.actor
        op = self.write(lambda s: s.certificates.printed(actor, certificate_id))
        op.on_success(lambda _none: self.reload())
        op.start()

    def preview_certificate(self) -> Op | None:
        """Preview… : the page as it will print; printing from the preview goes the same way."""
        return self._with_pdf(self._preview)

    def _preview(self, pdf: bytes) -> None:
        printer = new_printer("EU Digital COVID Certificate")
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Certificate preview"))
        dialog.paintRequested.connect(lambda target: self._print(target, pdf))
        dialog.exec()

    def save_pdf(self) -> Op | None:
        """Save as PDF… : the exact bytes the service made; works without any printer."""
        row = self.row
        if row is None or row.certificate_id is None or row.status != "issued":
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = Path(folder) / self.tr("certificate-{name}-{day}.pdf").format(
            name="-".join(folded(row.family_name).split()) or "person", day=f"{row.given_at:%Y-%m-%d}")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the certificate as PDF"), str(suggested), self.tr("PDF documents (*.pdf)"))
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        certificate_id = row.certificate_id

        def write() -> Path:
            pdf = self.desk().pdf(self.context.actor, certificate_id)
            try:
                target.write_bytes(pdf)
            except OSError as exc:
                raise SaveFailed(exc.strerror or str(exc)) from exc
            return target

        op = Op(self, write)

        def saved(path_saved: Path) -> None:
            self.show_info(self.tr("Saved as {path}").format(path=path_saved))
            self._mark_printed()

        op.on_success(saved)
        op.on_failure(lambda error: self.show_error(
            self.tr("The PDF could not be saved to {path} ({reason}). Choose another folder and save again.").format(
                path=target, reason=error) if isinstance(error, SaveFailed) else user_message(error)))
        return op.start()
