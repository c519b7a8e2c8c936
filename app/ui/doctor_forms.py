"""The doctor page's inline forms: a dose given elsewhere, voiding or correcting a dose, and an
adverse reaction. They only collect and check input and emit it; the page runs the use case.

Inline rather than modal: the booth keeps the person and the vial in view, and a confirmation is
a second, red click on the same button, never a dialog that Enter could wave through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QCoreApplication, QDate, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from app.services.vaccinations import ADVERSE_EVENT_KINDS, INJECTION_SITES, SEVERITIES, DoseEntry
from app.ui.checkin_models import format_day
from app.ui.doctor_words import adverse_kind_words, severity_words, site_words
from app.ui.layouts import vbox
from app.ui.translate import to_date, to_qdate, to_time
from app.ui.widgets import calendar_bounded, push_button, restyle, text_field

__all__ = ["AdverseEventForm", "AdverseInput", "Correction", "EarlierDoseForm", "EarlierDoseInput", "VoidForm"]


@dataclass(frozen=True)
class EarlierDoseInput:
    product_code: str
    given_on: date
    country: str


@dataclass(frozen=True)
class Correction:
    vaccination_id: str
    reason: str
    void_only: bool
    injection_site: str | None = None
    given_on: date | None = None
    product_code: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class AdverseInput:
    vaccination_id: str | None
    kind: str
    severity: str
    onset: time  # today, site-local
    action_taken: str


class _Form(QFrame):
    """A card with a title, an error line, and Cancel."""

    cancelled = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorForm")
        self.outer = vbox(self, margins=(16, 12, 16, 12), spacing=8)
        self.title = QLabel(title)
        self.title.setObjectName("formTitle")
        self.title.setWordWrap(True)
        self.outer.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.outer.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.outer.addWidget(self.error)
        self.buttons = QHBoxLayout()
        # Explicit context: self.tr() would use the subclass name and miss this translation.
        self.cancel_button = QPushButton(QCoreApplication.translate("DoctorForms", "Cancel"))
        self.cancel_button.setObjectName("formCancel")
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cancel_button)
        self.outer.addLayout(self.buttons)

    def add_button(self, text: str, *, name: str, pressed: Callable[[], None], primary: bool = False) -> QPushButton:
        """A button right of Cancel (the form's own action)."""
        button = push_button(text, name=name, primary=primary)
        button.clicked.connect(pressed)
        self.buttons.addWidget(button)
        return button

    def fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def clear_error(self) -> None:
        self.error.setVisible(False)


def _products_combo(name: str, products: Sequence[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    _fill_products(combo, products)
    return combo


def _fill_products(combo: QComboBox, products: Sequence[tuple[str, str]]) -> None:
    """The vaccines (code, name) as the combo's choices, in place of the ones it had."""
    combo.clear()
    for code, name in products:
        combo.addItem(name, code)


def _coded_combo(name: str, codes: Iterable[str], words: Callable[[str], str]) -> QComboBox:
    """A named choice of `codes`, each shown in its words."""
    combo = QComboBox()
    combo.setObjectName(name)
    for code in codes:
        combo.addItem(words(code), code)
    return combo


def _date_field(name: str) -> QDateEdit:
    """A named date field with a calendar, in the dd.MM.yyyy of the vaccination card."""
    field = calendar_bounded(QDateEdit())
    field.setObjectName(name)
    field.setCalendarPopup(True)
    field.setDisplayFormat("dd.MM.yyyy")
    return field


class EarlierDoseForm(_Form):
    """A dose given elsewhere, typed from the vaccination card: date, vaccine, country."""

    submitted = Signal(object)  # EarlierDoseInput

    def __init__(self, products: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Add a dose given elsewhere (from the vaccination card)"))
        self.given_on = _date_field("earlierDate")
        self.given_on.setDate(QDate.currentDate().addMonths(-1))
        self.product = _products_combo("earlierProduct", products)
        self.country = text_field("earlierCountry", max_length=2, placeholder=self.tr("e.g. DE, AT, PL"), text="DE")
        self.form.addRow(self.tr("Date given"), self.given_on)
        self.form.addRow(self.tr("Vaccine"), self.product)
        self.form.addRow(self.tr("Country (2 letters)"), self.country)
        self.save = self.add_button(self.tr("Add dose"), name="earlierSave", pressed=self._submit, primary=True)

    def set_products(self, products: Sequence[tuple[str, str]]) -> None:
        _fill_products(self.product, products)

    def _submit(self) -> None:
        country = self.country.text().strip().upper()
        if len(country) != 2 or not country.isalpha():
            self.fail(self.tr("Enter the country as two letters, e.g. DE, AT or PL."))
            self.country.setFocus()
            return
        if self.product.currentData() is None:
            self.fail(self.tr("Choose the vaccine."))
            return
        self.clear_error()
        self.submitted.emit(EarlierDoseInput(product_code=self.product.currentData(),
                                             given_on=to_date(self.given_on.date()), country=country))


class VoidForm(_Form):
    """Void a dose recorded in error, or void it and record the corrected one; reason required,
    and the button asks a second time before anything is written."""

    submitted = Signal(object)  # Correction

    VOID, SITE, EXTERNAL = range(3)

    def __init__(self, products: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.entry: DoseEntry | None = None
        self.what = QComboBox()
        self.what.setObjectName("voidWhat")
        self.what.currentIndexChanged.connect(self._mode_changed)
        self.site = _coded_combo("correctSite", INJECTION_SITES, site_words)
        self.given_on = _date_field("correctDate")
        self.product = _products_combo("correctProduct", products)
        self.country = text_field("correctCountry", max_length=2)
        self.reason = text_field("voidReason", max_length=300,
                                 placeholder=self.tr("Why, e.g. wrong person selected, typing error on the card"))
        self.reason.textChanged.connect(lambda _t: self._disarm())
        self.form.addRow(self.tr("What to do"), self.what)
        self.site_label = QLabel(self.tr("Correct injection site"))
        self.form.addRow(self.site_label, self.site)
        self.date_label = QLabel(self.tr("Correct date"))
        self.form.addRow(self.date_label, self.given_on)
        self.product_label = QLabel(self.tr("Correct vaccine"))
        self.form.addRow(self.product_label, self.product)
        self.country_label = QLabel(self.tr("Correct country"))
        self.form.addRow(self.country_label, self.country)
        self.form.addRow(self.tr("Reason (required)"), self.reason)
        self.confirm = self.add_button("", name="voidConfirm", pressed=self._clicked)
        self._armed = False

    def set_products(self, products: Sequence[tuple[str, str]]) -> None:
        _fill_products(self.product, products)

    def show_entry(self, entry: DoseEntry) -> None:
        self.entry = entry
        self.title.setText(self.tr("Void or correct dose {dose} of {day} ({product})").format(
            dose=entry.dose, day=format_day(entry.given_on), product=entry.product_name))
        self.what.blockSignals(True)
        self.what.clear()
        self.what.addItem(self.tr("Void this dose (recorded in error)"), self.VOID)
        if entry.external:
            self.what.addItem(self.tr("Correct date, vaccine or country"), self.EXTERNAL)
        else:
            self.what.addItem(self.tr("Correct the injection site"), self.SITE)
        self.what.blockSignals(False)
        self.given_on.setDate(to_qdate(entry.given_on))
        index = self.product.findData(entry.product_code)
        if index >= 0:
            self.product.setCurrentIndex(index)
        self.country.setText(entry.country)
        site = self.site.findData(entry.injection_site)
        self.site.setCurrentIndex(max(site, 0))
        self.reason.clear()
        self.clear_error()
        self._mode_changed()

    def _mode_changed(self) -> None:
        mode = self.what.currentData()
        for label, widget, visible in (
            (self.site_label, self.site, mode == self.SITE),
            (self.date_label, self.given_on, mode == self.EXTERNAL),
            (self.product_label, self.product, mode == self.EXTERNAL),
            (self.country_label, self.country, mode == self.EXTERNAL),
        ):
            label.setVisible(visible)
            widget.setVisible(visible)
        self._disarm()

    def _disarm(self) -> None:
        self._armed = False
        self.confirm.setText(self.tr("Void dose") if self.what.currentData() == self.VOID else self.tr("Save correction"))
        restyle(self.confirm, danger=False)

    def _clicked(self) -> None:
        entry = self.entry
        if entry is None:
            return
        reason = " ".join(self.reason.text().split())
        if not reason:
            self.fail(self.tr("Write the reason first: a voided dose stays in the record with it."))
            self.reason.setFocus()
            return
        self.clear_error()
        if not self._armed:
            # The confirmation: the same button, now red, says exactly what the next click does.
            self._armed = True
            self.confirm.setText(self.tr("Click again to confirm: {what} dose {dose} of {day}").format(
                what=self.tr("void") if self.what.currentData() == self.VOID else self.tr("correct"),
                dose=entry.dose, day=format_day(entry.given_on)))
            restyle(self.confirm, danger=True)
            return
        self._disarm()
        mode = self.what.currentData()
        if mode == self.VOID:
            self.submitted.emit(Correction(entry.vaccination_id, reason, void_only=True))
        elif mode == self.SITE:
            self.submitted.emit(Correction(entry.vaccination_id, reason, void_only=False,
                                           injection_site=self.site.currentData()))
        else:
            day = to_date(self.given_on.date())
            product = self.product.currentData()
            country = self.country.text().strip().upper()
            self.submitted.emit(Correction(
                entry.vaccination_id, reason, void_only=False,
                given_on=day if day != entry.given_on else None,
                product_code=product if product != entry.product_code else None,
                country=country if country != entry.country else None))


class AdverseEventForm(_Form):
    """A reaction seen during observation: what, how severe, since when, and what was done."""

    submitted = Signal(object)  # AdverseInput

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.title.setText(self.tr("Record an adverse reaction"))
        self.vaccination_id: str | None = None
        self.dose_label = QLabel()
        self.dose_label.setWordWrap(True)
        self.kind = _coded_combo("adverseKind", ADVERSE_EVENT_KINDS, adverse_kind_words)
        self.severity = _coded_combo("adverseSeverity", SEVERITIES, severity_words)
        self.onset = QTimeEdit()
        self.onset.setObjectName("adverseOnset")
        self.onset.setDisplayFormat("HH:mm")
        self.action = text_field("adverseAction", max_length=300,
                                 placeholder=self.tr("e.g. lying down, legs raised; recovered after 5 min"))
        self.form.addRow(self.tr("After dose"), self.dose_label)
        self.form.addRow(self.tr("Reaction"), self.kind)
        self.form.addRow(self.tr("Severity"), self.severity)
        self.form.addRow(self.tr("Onset (today)"), self.onset)
        self.form.addRow(self.tr("Action taken"), self.action)
        self.save = self.add_button(self.tr("Record reaction"), name="adverseSave", pressed=self._submit, primary=True)

    def start(self, vaccination_id: str | None, dose_text: str, now: QTime) -> None:
        self.vaccination_id = vaccination_id
        self.dose_label.setText(dose_text)
        self.onset.setTime(now)
        self.kind.setCurrentIndex(0)
        self.severity.setCurrentIndex(0)
        self.action.clear()
        self.clear_error()

    def _submit(self) -> None:
        self.clear_error()
        self.submitted.emit(AdverseInput(
            vaccination_id=self.vaccination_id, kind=self.kind.currentData(), severity=self.severity.currentData(),
            onset=to_time(self.onset.time()), action_taken=self.action.text()))
