"""The check-in desk's forms: the visit steps (identity seen, consent, medical questionnaire) and
the walk-in registration with its "is this the same person?" choice. Widgets only: the page runs
the use cases."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.names import MAX_NAME_LENGTH, validate_person_name
from app.domain.person_details import InvalidPersonDetails, PersonDetails
from app.domain.questionnaire import Answer, Question, Questionnaire
from app.errors import ValidationError
from app.reasons import Reason
from app.services.checkin import ID_DOCUMENTS, PersonMatch
from app.services.persons import PersonInput
from app.ui.checkin_models import format_dob, german
from app.ui.layouts import grid_box, hbox, left_row, vbox
from app.ui.reasons import reason
from app.ui.wheel_guard import guard_wheel
from app.ui.widgets import push_button, restyle

_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_DE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
ANSWER_ROLE = Qt.ItemDataRole.UserRole


def parse_day(text: str) -> date | None:
    """29.02.1980 or 1980-02-29 → a date; anything else (or an impossible date) → None."""
    text = text.strip()
    m = _DATE_DE.match(text)
    parts = (m[3], m[2], m[1]) if m else None
    if parts is None:
        m = _DATE_ISO.match(text)
        parts = (m[1], m[2], m[3]) if m else None
    if parts is None:
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _iso_dob(text: str) -> str:
    """A date of birth typed as people write it (29.02.1980) in the form the service checks (1980-02-29).
    Not checked here: whether it exists, or lies in the future, is the service's rule."""
    m = _DATE_DE.match(text.strip())
    if m:
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    m = _DATE_ISO.match(text.strip())
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    return text


def _button(text: str, *, primary: bool = False, name: str = "") -> QPushButton:
    # A click must not pull the keyboard away from the search field (the scanner types there).
    return push_button(text, name=name, primary=primary, keep_focus=True)


class YesNo(QWidget):
    """Two large toggle buttons; nothing chosen until the nurse chooses."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes_button = _button(self.tr("Yes"), name="answerYes")
        self.no_button = _button(self.tr("No"), name="answerNo")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = hbox(self, margins=(0, 0, 0, 0), spacing=8)
        for button in (self.yes_button, self.no_button):
            button.setCheckable(True)
            button.setMinimumWidth(110)
            self.group.addButton(button)
            row.addWidget(button)
        self.group.buttonClicked.connect(self._clicked)

    def _clicked(self, _button: QAbstractButton) -> None:
        self.changed.emit()

    def value(self) -> bool | None:
        if self.yes_button.isChecked():
            return True
        if self.no_button.isChecked():
            return False
        return None

    def set_value(self, value: bool | None) -> None:
        self.group.setExclusive(False)
        self.yes_button.setChecked(value is True)
        self.no_button.setChecked(value is False)
        self.group.setExclusive(True)
        self.changed.emit()


class QuestionRow(QFrame):
    """One question: its text in the UI language, the answer control, and a review highlight."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName("questionRow")
        self.setProperty("review", False)
        self.setProperty("missing", False)
        text = QLabel(question.text["de" if german() else "en"])
        text.setObjectName("questionText")
        text.setWordWrap(True)
        self.review_note = QLabel(self.tr("⚠ The doctor will review this answer"))
        self.review_note.setObjectName("reviewNote")
        self.review_note.setVisible(False)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.yes_no: YesNo | None = None
        self.dates: QLineEdit | None = None
        self.text_answer: QLineEdit | None = None

        grid = grid_box(self, margins=(14, 10, 14, 10), column_spacing=16, row_spacing=6)
        grid.addWidget(text, 0, 0)
        if question.type == "text":
            self.text_answer = QLineEdit()
            self.text_answer.setObjectName("textAnswer")
            self.text_answer.setMaxLength(1000)
            self.text_answer.setPlaceholderText(self.tr("Optional"))
            self.text_answer.textChanged.connect(self._update)
            grid.addWidget(self.text_answer, 1, 0, 1, 2)
        else:
            self.yes_no = YesNo()
            self.yes_no.changed.connect(self._update)
            grid.addWidget(self.yes_no, 0, 1, Qt.AlignmentFlag.AlignTop)
            if question.type == "yes_no_date":
                self.dates = QLineEdit()
                self.dates.setObjectName("datesAnswer")
                self.dates.setMaxLength(200)
                self.dates.setPlaceholderText(
                    self.tr("Dates, e.g. 12.03.2021, 20.09.2021") if question.multiple_dates
                    else self.tr("Date, e.g. 12.03.2021")
                )
                self.dates.setVisible(False)
                grid.addWidget(self.dates, 1, 0, 1, 2)
        grid.addWidget(self.review_note, 2, 0, 1, 2)
        grid.addWidget(self.error, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def _update(self) -> None:
        answer_yes = self.yes_no.value() if self.yes_no is not None else None
        if self.dates is not None:
            self.dates.setVisible(answer_yes is True)
        trigger = self.question.needs_review_if
        if trigger == "non_empty":
            review = bool(self.text_answer and self.text_answer.text().strip())
        else:
            review = answer_yes is not None and (trigger == "yes") == answer_yes and trigger is not None
        self.review_note.setVisible(review)
        if self.property("review") != review:
            self.setProperty("review", review)
            restyle(self)
        if answer_yes is not None or self.question.type == "text":
            self.show_error("")

    @property
    def needs_review(self) -> bool:
        return bool(self.property("review"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if self.property("missing") != bool(text):
            self.setProperty("missing", bool(text))
            restyle(self)

    def answer(self, *, today: date) -> Answer | None:
        """The answer, or None with the reason shown on the row."""
        if self.text_answer is not None:
            return Answer(text=self.text_answer.text().strip())
        assert self.yes_no is not None
        yes = self.yes_no.value()
        if yes is None:
            if not self.question.required:
                return None
            self.show_error(self.tr("Please answer yes or no."))
            return None
        if not yes or self.dates is None:
            return Answer(yes=yes)
        pieces = [p for p in re.split(r"[,;\s]+", self.dates.text()) if p]
        days = [parse_day(p) for p in pieces]
        if not pieces:
            self.show_error(self.tr("Please give the date."))
            return None
        if any(d is None for d in days):
            self.show_error(self.tr("Write dates as DD.MM.YYYY, e.g. 12.03.2021."))
            return None
        found = [d for d in days if d is not None]
        if len(found) > 1 and not self.question.multiple_dates:
            self.show_error(self.tr("Only one date is asked for."))
            return None
        if any(d > today for d in found):
            self.show_error(self.tr("A date lies in the future."))
            return None
        if len(set(found)) != len(found):
            self.show_error(self.tr("The same date is given twice."))
            return None
        return Answer(yes=True, dates=tuple(found))


def document_label(document_type: str) -> str:
    words = {
        "id_card": QCoreApplication.translate("VisitStepsForm", "ID card"),
        "passport": QCoreApplication.translate("VisitStepsForm", "Passport"),
        "residence_permit": QCoreApplication.translate("VisitStepsForm", "Residence permit"),
        "driving_licence": QCoreApplication.translate("VisitStepsForm", "Driving licence"),
        "health_card": QCoreApplication.translate("VisitStepsForm", "Health insurance card"),
        "other": QCoreApplication.translate("VisitStepsForm", "Other official document"),
    }
    return words.get(document_type, document_type)


SCAN_PREFIX = "VAXDESK:"  # what the booking QR holds before the code
_YES_KEYS = (Qt.Key.Key_J, Qt.Key.Key_Y)  # "Ja" on a German desk, "Yes" on an English one: both work
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def take_scan(edit: QLineEdit, text: str) -> str | None:
    """A booking scan that landed in a text field (the scanner types wherever the keyboard is): the
    field keeps what the nurse had typed before it, and the scan so far is returned for the search."""
    at = text.upper().find(SCAN_PREFIX)
    if at < 0:
        return None
    before = text[:at]
    # A scanner that sends its symbology identifier typed "]Q1" just before the prefix: the scan's, not the field's.
    if len(before) >= 3 and before[-3] == "]" and before[-2].isascii() and before[-2].isalpha():
        before = before[:-3]
    edit.setText(before)
    return text[at:]


def _step_card(title: str) -> tuple[QFrame, QVBoxLayout]:
    """One numbered step of the visit: a card with its title on top."""
    frame = QFrame()
    frame.setObjectName("stepCard")
    layout = vbox(frame, margins=(16, 12, 16, 12))
    heading = QLabel(title)
    heading.setObjectName("stepTitle")
    layout.addWidget(heading)
    return frame, layout


class VisitStepsForm(QFrame):
    """Identity seen, consent, medical questionnaire, then "Send to queue" — for one visit.

    Keyboard path (shown on the form): Enter = identity checked (↑↓ another document), then per
    question J or Y = yes, N = no (the focus moves on by itself; a date after "yes", Enter), Enter =
    send to queue. Any other key typed there (the scanner's next code) goes to the page's search.
    """

    identity_requested = Signal(str)  # document type
    send_requested = Signal()
    typed_elsewhere = Signal(str)  # text typed where it answers nothing: the page's search takes it

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitSteps")
        self.questionnaire = questionnaire
        layout = vbox(self, spacing=12)

        # 1. Identity: which document was seen. Never its number, never a copy.
        identity, id_layout = _step_card(self.tr("1. Identity document seen"))
        id_row = QHBoxLayout()
        self.document = QComboBox()
        self.document.setObjectName("documentType")
        guard_wheel(self.document)
        for kind in ID_DOCUMENTS:
            self.document.addItem(document_label(kind), kind)
        self.keys_hint = QLabel(self.tr("Keys: Enter = identity checked (\u2191\u2193 another document) \u00b7 "
                                        "J or Y = yes, N = no \u00b7 Enter = send to queue"))
        self.keys_hint.setObjectName("hint")
        self.keys_hint.setWordWrap(True)
        layout.addWidget(self.keys_hint)
        self.identity_button = _button(self.tr("Identity checked (Enter)"), name="identityButton")
        self.identity_button.setAutoDefault(True)  # Enter on the focused button presses it
        self.identity_status = QLabel(self.tr("Not checked yet"))
        self.identity_status.setObjectName("identityStatus")
        self.identity_status.setProperty("done", False)
        self.identity_status.setWordWrap(True)
        id_row.addWidget(self.document, 1)
        id_row.addWidget(self.identity_button)
        id_layout.addLayout(id_row)
        id_layout.addWidget(self.identity_status)
        self.identity_button.clicked.connect(self._identity_clicked)
        layout.addWidget(identity)

        # 2. Consent: by the person or a legal guardian (whose name is recorded).
        consent, c_layout = _step_card(self.tr("2. Consent"))
        by_row = QHBoxLayout()
        by_label = QLabel(self.tr("Consent given by:"))
        self.by_self = _button(self.tr("The person"), name="consentSelf")
        self.by_guardian = _button(self.tr("Legal guardian"), name="consentGuardian")
        self.consent_by = QButtonGroup(self)
        for button in (self.by_self, self.by_guardian):
            button.setCheckable(True)
            self.consent_by.addButton(button)
        self.by_self.setChecked(True)
        by_row.addWidget(by_label)
        by_row.addWidget(self.by_self)
        by_row.addWidget(self.by_guardian)
        by_row.addStretch(1)
        c_layout.addLayout(by_row)
        self.guardian_name = QLineEdit()
        self.guardian_name.setObjectName("guardianName")
        self.guardian_name.setMaxLength(MAX_NAME_LENGTH)
        self.guardian_name.setPlaceholderText(self.tr("Full name of the legal guardian"))
        self.guardian_name.setVisible(False)
        self.guardian_error = QLabel()
        self.guardian_error.setObjectName("fieldError")
        self.guardian_error.setVisible(False)
        c_layout.addWidget(self.guardian_name)
        c_layout.addWidget(self.guardian_error)
        self.consent_by.buttonClicked.connect(self._consent_by_changed)
        self.consent_row = QuestionRow(
            Question(id="consent", type="yes_no", text=questionnaire.consent_text, required=True,
                     needs_review_if=None, extends_observation_to_minutes=None)
        )
        c_layout.addWidget(self.consent_row)
        layout.addWidget(consent)

        # 3. The medical questions, from resources/questionnaire.json.
        medical, m_layout = _step_card(self.tr("3. Medical questions"))
        self.rows: list[QuestionRow] = []
        for question in questionnaire.questions:
            row = QuestionRow(question)
            self.rows.append(row)
            m_layout.addWidget(row)
        layout.addWidget(medical)

        self.form_error = QLabel()
        self.form_error.setObjectName("fieldError")
        self.form_error.setWordWrap(True)
        self.form_error.setVisible(False)
        layout.addWidget(self.form_error)
        self.send_button = _button(self.tr("Send to queue (Enter)"), primary=True, name="sendToQueue")
        self.send_button.setAutoDefault(True)
        self.send_button.clicked.connect(self.send_requested)
        layout.addWidget(self.send_button)
        self.identity_done = False
        for widget in (self.identity_button, self.send_button, self.guardian_name):
            widget.installEventFilter(self)
        for row in (self.consent_row, *self.rows):
            for widget in (row.yes_no.yes_button, row.yes_no.no_button) if row.yes_no is not None else ():
                widget.installEventFilter(self)
            for edit in (row.dates, row.text_answer):
                if edit is not None:
                    edit.installEventFilter(self)
                    edit.textEdited.connect(lambda text, e=edit: self._scan_typed_into(e, text))
        self.guardian_name.textEdited.connect(lambda text: self._scan_typed_into(self.guardian_name, text))

    # -- the keyboard path ------------------------------------------------------------------------

    def focus_first_open_step(self) -> None:
        """The first thing still to do takes the keyboard: identity, an unanswered question, or Send."""
        if not self.identity_done:
            self.identity_button.setFocus()
            return
        for row in (self.consent_row, *self.rows):
            if row.yes_no is not None and row.yes_no.value() is None:
                row.yes_no.yes_button.setFocus()
                return
        self.send_button.setFocus()

    def _next_after(self, row: QuestionRow) -> None:
        if row.dates is not None and row.yes_no is not None and row.yes_no.value() is True and not row.dates.hasFocus():
            row.dates.setFocus()
            return
        rows = [self.consent_row, *self.rows]
        for later in rows[rows.index(row) + 1:]:
            if later.yes_no is not None:
                later.yes_no.yes_button.setFocus()
                return
            if later.text_answer is not None:
                later.text_answer.setFocus()
                return
        self.send_button.setFocus()

    def _row_of(self, widget: QObject) -> QuestionRow | None:
        for row in (self.consent_row, *self.rows):
            yes_no = row.yes_no
            if widget in (row.dates, row.text_answer) or (
                    yes_no is not None and widget in (yes_no.yes_button, yes_no.no_button)):
                return row
        return None

    def _scan_typed_into(self, edit: QLineEdit, text: str) -> None:
        scanned = take_scan(edit, text)
        if scanned is not None:
            self.typed_elsewhere.emit(scanned)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key, row = event.key(), self._row_of(watched)
        if watched is self.identity_button and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if key == Qt.Key.Key_Down else -1
            self.document.setCurrentIndex(max(0, min(self.document.count() - 1, self.document.currentIndex() + step)))
            return True
        if row is not None and row.yes_no is not None and watched in (row.yes_no.yes_button, row.yes_no.no_button):
            if key in _YES_KEYS or key == Qt.Key.Key_N:
                row.yes_no.set_value(key != Qt.Key.Key_N)
                self._next_after(row)
                return True
            if key in _ENTER_KEYS or key == Qt.Key.Key_Space:
                row.yes_no.set_value(watched is row.yes_no.yes_button)
                self._next_after(row)
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                other = row.yes_no.no_button if watched is row.yes_no.yes_button else row.yes_no.yes_button
                other.setFocus()
                return True
        if row is not None and watched in (row.dates, row.text_answer) and key in _ENTER_KEYS:
            self._next_after(row)
            return True
        typing = event.text() and event.text().isprintable() and not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if typing and isinstance(watched, QPushButton):
            self.typed_elsewhere.emit(event.text())  # a scan or a name: it belongs in the search
            return True
        return super().eventFilter(watched, event)

    def _identity_clicked(self) -> None:
        self.identity_requested.emit(str(self.document.currentData()))
        # The nurse goes on at once (the recording takes a moment): the consent question is next.
        if self.consent_row.yes_no is not None and self.consent_row.yes_no.value() is None:
            self.consent_row.yes_no.yes_button.setFocus()

    def _consent_by_changed(self, _button: QAbstractButton) -> None:
        guardian = self.by_guardian.isChecked()
        self.guardian_name.setVisible(guardian)
        if not guardian:
            self.guardian_error.setVisible(False)

    def set_identity_checked(self, document_type: str, at: str) -> None:
        self.identity_done = True
        self.identity_status.setText(
            self.tr("✔ Checked: {document} at {time}").format(document=document_label(document_type), time=at)
        )
        self.identity_status.setProperty("done", True)
        restyle(self.identity_status)

    def row(self, question_id: str) -> QuestionRow:
        if question_id == "consent":
            return self.consent_row
        return next(r for r in self.rows if r.question.id == question_id)

    def answer_all_no(self) -> None:
        """Consent yes and every medical question no (a quick start for the nurse, and for tests)."""
        self.consent_row.yes_no.set_value(True)  # type: ignore[union-attr]
        for row in self.rows:
            if row.yes_no is not None:
                row.yes_no.set_value(False)

    def collect(self, *, today: date) -> tuple[dict[str, Answer], str, str | None] | None:
        """(answers, consent_by, guardian_name), or None with every problem shown on its row."""
        ok = True
        answers: dict[str, Answer] = {}
        for row in (self.consent_row, *self.rows):
            answer = row.answer(today=today)
            if answer is None:
                ok = ok and not (row.question.required or row.error.isVisible())
            else:
                answers[row.question.id] = answer
        consent_by = "guardian" if self.by_guardian.isChecked() else "self"
        guardian: str | None = None
        self.guardian_error.setVisible(False)
        if consent_by == "guardian":
            try:
                guardian = validate_person_name(self.guardian_name.text())
            except ValidationError:
                self.guardian_error.setText(self.tr("Enter the legal guardian's full name (letters only)."))
                self.guardian_error.setVisible(True)
                ok = False
        if not self.identity_done:
            self.form_error.setText(self.tr("Check the identity document first (step 1)."))
            ok = False
        elif not ok:
            self.form_error.setText(self.tr("Some answers are missing or unclear: see the red marks above."))
        self.form_error.setVisible(not ok)
        return (answers, consent_by, guardian) if ok else None


_SEXES = ("f", "m", "d", "x")


class WalkInForm(QFrame):
    """Registration of a person without a booking. Validates inline; on a suspected duplicate the
    page calls `show_duplicates` and the nurse chooses."""

    register_requested = Signal(object, bool)  # PersonInput, confirm_new
    use_existing_requested = Signal(str)  # person id
    cancelled = Signal()
    typed_elsewhere = Signal(str)  # a booking scan typed into a field: the page's search takes it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkInForm")
        layout = vbox(self, margins=(16, 12, 16, 12), spacing=8)
        title = QLabel(self.tr("Register a walk-in"))
        title.setObjectName("stepTitle")
        layout.addWidget(title)
        hint = QLabel(self.tr("Fields marked * are required. Phone, e-mail and insurance are optional."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        grid = grid_box(column_spacing=12, row_spacing=2)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}

        def add(key: str, label: str, row: int, col: int, *, max_length: int, placeholder: str = "",
                span: int = 1) -> None:
            caption = QLabel(label)
            caption.setObjectName("fieldLabel")
            edit = QLineEdit()
            edit.setObjectName(f"walkIn_{key}")
            edit.setMaxLength(max_length)
            edit.setPlaceholderText(placeholder)
            caption.setBuddy(edit)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.setVisible(False)
            grid.addWidget(caption, row * 3, col, 1, span)
            grid.addWidget(edit, row * 3 + 1, col, 1, span)
            grid.addWidget(error, row * 3 + 2, col, 1, span)
            self.fields[key], self.errors[key] = edit, error
            edit.textEdited.connect(lambda _text, k=key: self._clear_error(k))

        add("family_name", self.tr("Family name *"), 0, 0, max_length=MAX_NAME_LENGTH)
        add("given_name", self.tr("Given name *"), 0, 1, max_length=MAX_NAME_LENGTH)
        add("dob", self.tr("Date of birth *"), 0, 2, max_length=10, placeholder=self.tr("DD.MM.YYYY"))
        sex_caption = QLabel(self.tr("Sex"))
        sex_caption.setObjectName("fieldLabel")
        self.sex = QComboBox()
        self.sex.setObjectName("walkIn_sex")
        self.sex.addItem(self.tr("Not stated"), None)
        for code, word in zip(_SEXES, (self.tr("female"), self.tr("male"), self.tr("diverse"),
                                        self.tr("not specified")), strict=True):
            self.sex.addItem(word, code)
        guard_wheel(self.sex)
        grid.addWidget(sex_caption, 3, 0)  # logical row 1 (each row: label, field, error)
        grid.addWidget(self.sex, 4, 0)
        add("street", self.tr("Street and number *"), 1, 1, max_length=200, span=2)
        add("postcode", self.tr("Postcode *"), 2, 0, max_length=16)
        add("city", self.tr("City *"), 2, 1, max_length=100, span=2)
        add("phone", self.tr("Phone"), 3, 0, max_length=40)
        add("email", self.tr("E-mail"), 3, 1, max_length=200)
        add("insurance_number", self.tr("Health insurance number"), 3, 2, max_length=40)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        # The duplicate warning: shown instead of the buttons until the nurse has chosen.
        self.duplicates = QFrame()
        self.duplicates.setObjectName("duplicateWarning")
        d_layout = vbox(self.duplicates, margins=(14, 10, 14, 12))
        self.duplicate_title = QLabel(self.tr("Is this the same person?"))
        self.duplicate_title.setObjectName("duplicateTitle")
        d_text = QLabel(self.tr("Already registered with a similar name and date of birth. Nothing has been saved yet."))
        d_text.setWordWrap(True)
        self.candidates = QListWidget()
        self.candidates.setObjectName("duplicateCandidates")
        self.use_existing_button = _button(self.tr("Use existing person"), primary=True, name="useExisting")
        self.register_new_button = _button(self.tr("No, register as new person"), name="registerNew")
        d_buttons = left_row(self.use_existing_button, self.register_new_button)
        d_layout.addWidget(self.duplicate_title)
        d_layout.addWidget(d_text)
        d_layout.addWidget(self.candidates)
        d_layout.addLayout(d_buttons)
        self.duplicates.setVisible(False)
        # Above the fields, so the question is the first thing the nurse sees.
        layout.addWidget(self.duplicates)
        layout.addLayout(grid)
        self.use_existing_button.clicked.connect(self._use_existing)
        self.register_new_button.clicked.connect(self._register_new)

        buttons = QHBoxLayout()
        self.register_button = _button(self.tr("Register and check in"), primary=True, name="registerWalkIn")
        self.cancel_button = _button(self.tr("Cancel"), name="cancelWalkIn")
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.register_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancelled)
        self._pending: PersonInput | None = None
        self._candidates: dict[str, PersonMatch] = {}
        self.today = date.today  # replaced by the page with its own clock
        for edit in self.fields.values():
            edit.textEdited.connect(lambda text, e=edit: self._scan_typed_into(e, text))

    def _scan_typed_into(self, edit: QLineEdit, text: str) -> None:
        scanned = take_scan(edit, text)
        if scanned is not None:
            self.typed_elsewhere.emit(scanned)

    def reset(self) -> None:
        for key, edit in self.fields.items():
            edit.clear()
            self._clear_error(key)
        self.sex.setCurrentIndex(0)
        self.hide_duplicates()

    def fill(self, data: PersonInput) -> None:
        """Put a person's data in the form (used for the screenshot and by tests)."""
        for key, edit in self.fields.items():
            value = getattr(data, key) or ""
            if key == "dob" and (day := parse_day(value)) is not None:
                value = day.strftime("%d.%m.%Y")
            edit.setText(value)
        index = self.sex.findData(data.sex)
        self.sex.setCurrentIndex(max(0, index))

    def _clear_error(self, key: str) -> None:
        self.errors[key].setVisible(False)
        self.fields[key].setProperty("invalid", False)
        restyle(self.fields[key])
        if self.duplicates.isVisible():
            self.hide_duplicates()  # the data changed: the old candidates may no longer apply

    def _error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].setVisible(True)
        self.fields[key].setProperty("invalid", True)
        restyle(self.fields[key])

    def _text(self, key: str) -> str:
        return " ".join(self.fields[key].text().split())

    def _field_words(self, found: Reason) -> str:
        """A refusal under its field: short where the field says the rest, else the reason's own words."""
        short = {
            "name_empty": self.tr("Required."),
            "dob_format": self.tr("Write the date as DD.MM.YYYY, e.g. 29.02.1980; it must exist."),
            "dob_not_a_date": self.tr("Write the date as DD.MM.YYYY, e.g. 29.02.1980; it must exist."),
            "dob_in_future": self.tr("This date lies in the future."),
            "dob_too_early": self.tr("Before 1900: please check the year."),
            "phone_invalid": self.tr("Digits, spaces and + ( ) / - only."),
            "email_invalid": self.tr("That does not look like an e-mail address."),
        }.get(found.code)
        return short if short is not None else reason(found)

    def validate(self) -> PersonInput | None:
        """The person as typed, or None with a message under every field that needs a fix. Names, the
        date of birth, phone and e-mail are checked by the same rules as the service (each refusal names
        its field); the address is what the desk asks for besides."""
        ok = True
        phone, email = self._text("phone"), self._text("email")
        details: PersonDetails | None = None
        try:
            details = PersonDetails.parse(
                family_name=self.fields["family_name"].text(), given_name=self.fields["given_name"].text(),
                dob=_iso_dob(self._text("dob")), today=self.today(), email=email or None, phone=phone or None)
        except InvalidPersonDetails as invalid:
            ok = False
            for found in invalid.reasons:
                if found.field in self.fields:
                    self._error(found.field, self._field_words(found) if self._text(found.field)
                                else self.tr("Required."))
        if details is not None and len(details.dob) != len("1980-02-29"):
            # The desk has the person in front of it: a whole date, not a year as a certificate allows.
            self._error("dob", self._field_words(Reason("dob_format", {}, "dob")))
            ok = False
        for key in ("street", "postcode", "city"):
            text = self._text(key)
            if not text:
                self._error(key, self.tr("Required."))
                ok = False
            elif any(unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) == "So" for ch in text):
                self._error(key, self.tr("Contains characters that do not belong in an address."))
                ok = False
        insurance = self._text("insurance_number")
        if insurance and not insurance.replace(" ", "").isalnum():
            self._error("insurance_number", self.tr("Letters and digits only."))
            ok = False
        if not ok or details is None:
            return None
        return PersonInput(
            family_name=details.family_name,
            given_name=details.given_name,
            dob=details.dob,
            sex=self.sex.currentData(),
            street=self._text("street"),
            postcode=self._text("postcode"),
            city=self._text("city"),
            phone=details.phone,
            email=details.email,
            insurance_number=insurance or None,
        )

    def submit(self) -> None:
        data = self.validate()
        if data is not None:
            self._pending = data
            self.register_requested.emit(data, False)

    def candidate(self, person_id: str) -> PersonMatch | None:
        return self._candidates.get(person_id)

    def show_duplicates(self, candidates: Sequence[PersonMatch]) -> None:
        self.candidates.clear()
        self._candidates = {m.person_id: m for m in candidates}
        for match in candidates:
            item = QListWidgetItem(self.tr("{family}, {given} · born {dob}").format(
                family=match.family_name, given=match.given_name, dob=format_dob(match.dob)))
            item.setData(ANSWER_ROLE, match.person_id)
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(0)
        rows = min(4, len(candidates))
        self.candidates.setFixedHeight(16 + rows * self.candidates.sizeHintForRow(0))
        self.duplicates.setVisible(True)
        self.register_button.setVisible(False)

    def hide_duplicates(self) -> None:
        self.duplicates.setVisible(False)
        self.register_button.setVisible(True)

    def _use_existing(self) -> None:
        item = self.candidates.currentItem()
        if item is not None:
            self.use_existing_requested.emit(str(item.data(ANSWER_ROLE)))

    def _register_new(self) -> None:
        if self._pending is not None:
            self.register_requested.emit(self._pending, True)
