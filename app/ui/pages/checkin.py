"""Check-in: find the booking (scanner or typing), check in, register walk-ins without duplicates,
then identity, consent and questionnaire, and send the person to the queue.

Keyboard model of the one search field (the scanner types there, ending in Enter):
typing + Enter searches; Down/Up walk the results; Enter opens the highlighted person; Enter again
checks that person in. Escape clears. Buttons do not take the focus on click, so the next scan
always lands in the search field. What the desk holds and decides is `CheckInFlow`
(app/ui/checkin_flow.py).
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from app.domain.questionnaire import Answer, Questionnaire
from app.errors import VaxDeskError
from app.services.checkin import (
    MAX_QUERY_LENGTH,
    CheckInDesk,
    DuplicateSuspected,
    OpenVisit,
    PersonMatch,
    QueueRow,
    SearchResult,
)
from app.services.persons import PersonInput
from app.services.unit_of_work import Clock
from app.ui.checkin_card import PersonCard
from app.ui.checkin_flow import CheckInFlow, EnterAction, Panel, SearchAnswer, search_answer
from app.ui.checkin_forms import VisitStepsForm, WalkInForm
from app.ui.checkin_models import SearchResultsModel, arrival_words
from app.ui.layouts import hbox, sorted_table
from app.ui.messages import user_message
from app.ui.pages.base import Page, PageContext
from app.ui.reasons import reason_text
from app.ui.row_table import ROW_ROLE
from app.ui.tasks import Op
from app.ui.widgets import label, push_button

if TYPE_CHECKING:
    from app.station import StationServices


class CheckInPage(Page):
    name = "checkin"

    # The person on the card, as the flow has it (the desk benchmark waits for it).
    @property
    def shown(self) -> PersonMatch | None:
        return self.flow.shown

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(context, title=title, parent=parent, clock=clock)
        self.questionnaire: Questionnaire | None = None
        self.products: dict[str, str] = {}
        self.site_tz: tzinfo | None = None  # the station's zone until the site's is loaded
        self.flow = CheckInFlow()
        self.steps: VisitStepsForm | None = None

        # -- the search row ---------------------------------------------------------------------
        self.search = QLineEdit()
        self.search.setObjectName("checkinSearch")
        self.search.setMaxLength(5 * MAX_QUERY_LENGTH)  # longer still gets "too long", not a silent cut
        self.search.setPlaceholderText(self.tr("Scan the booking QR code, or type a name (and date of birth)"))
        self.search.setAccessibleName(self.tr("Search for the booking"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self._text_edited)
        self.search.installEventFilter(self)
        # Buttons keep the keyboard in the search field when clicked (the scanner types there).
        self.search_button = push_button(self.tr("Search"), name="searchButton", keep_focus=True)
        self.search_button.clicked.connect(self.run_search)
        self.walk_in_button = push_button(self.tr("Walk-in (no booking)"), name="walkInButton", keep_focus=True)
        self.walk_in_button.clicked.connect(self.open_walk_in)
        search_row = hbox(spacing=10)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_button)
        search_row.addWidget(self.walk_in_button)
        self.body.addLayout(search_row)
        self.key_hint = label("hint", self.tr("Enter: search · ↓↑: choose · Enter: open, then check in · Esc: clear"))
        self.body.addWidget(self.key_hint)

        # -- results (left) and the person / walk-in form (right) ------------------------------------
        self.model = SearchResultsModel(self)
        # Names are never cut (columns sized to their content); the last column takes what is left.
        self.results, self.proxy = sorted_table("searchResults", self.model, self, sortable=True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the search field
        self.results.sortByColumn(SearchResultsModel.NAME, Qt.SortOrder.AscendingOrder)  # = the ranking
        self.results.clicked.connect(lambda index: self.open_person(index.data(ROW_ROLE)))

        self.detail = QStackedWidget()
        self.detail.setObjectName("checkinDetail")
        self.empty_hint = QLabel(self.tr("Scan the booking code, or type the family name.\n"
                                         "The person and the next step appear here."))
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.addWidget(self.empty_hint)
        self.card = PersonCard()
        self.card.check_in_button.clicked.connect(self.check_in)
        self.card.walk_in_instead.clicked.connect(self.walk_in_existing)
        self.check_in_button = self.card.check_in_button  # (the desk benchmark presses it)
        self.detail.addWidget(self.card)
        self.walk_in = WalkInForm()
        self.walk_in.today = lambda: self._local_now().date()
        self.walk_in.register_requested.connect(self.register_walk_in)
        self.walk_in.use_existing_requested.connect(self.use_existing_person)
        self.walk_in.cancelled.connect(self.clear)
        self.walk_in.typed_elsewhere.connect(self._typed_into_steps)  # a scan while registering a walk-in
        self.detail.addWidget(self.walk_in)
        scroll = QScrollArea()
        scroll.setObjectName("checkinDetailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail)
        self.detail_scroll = scroll

        split = hbox(spacing=16)
        split.addWidget(self.results, 4)
        split.addWidget(scroll, 3)
        self.body.addLayout(split, 1)
        self._set_mode(Panel.EMPTY)

        Op(self, self._load_forms).on_success(self._forms_loaded).start()
        self.search.setFocus()

    # -- building --------------------------------------------------------------------------------

    def _set_mode(self, mode: Panel) -> None:
        """Which panel the right side shows. While one person is being worked on (a visit started,
        or the walk-in form) the results step aside so the form gets the full width."""
        for i in range(self.detail.count()):
            policy = QSizePolicy.Policy.Preferred if i == mode else QSizePolicy.Policy.Ignored
            page = self.detail.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)  # the stack sizes to the shown page only
        self.detail.setCurrentIndex(mode)
        self.results.setVisible(self.flow.results_visible(mode))
        self.detail_scroll.verticalScrollBar().setValue(0)

    # -- the worker side (never touches widgets) -------------------------------------------------

    def desk(self) -> CheckInDesk:
        """The check-in use cases (DB worker only: built there on first use)."""
        return self.services.checkin

    def _load_forms(self) -> tuple[Questionnaire, dict[str, str], tzinfo]:
        from app.services.catalogue import load_catalogue

        desk = self.desk()
        products = {p.code: p.name for p in load_catalogue().products}
        return desk.questionnaire, products, desk.tz

    def _forms_loaded(self, loaded: tuple[Questionnaire, dict[str, str], tzinfo]) -> None:
        self.questionnaire, self.products, self.site_tz = loaded

    def _local_now(self) -> datetime:
        """Now at the site (its time zone decides what "today" is)."""
        return self.clock().astimezone(self.site_tz)

    # -- keyboard ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move_selection(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.enter()
                return True
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
        return super().eventFilter(watched, event)

    def _text_edited(self, _text: str) -> None:
        self.flow.edited = True

    def _move_selection(self, step: int) -> None:
        count = self.proxy.rowCount()
        if not count:
            return
        current = self.results.currentIndex().row()
        row = 0 if current < 0 else max(0, min(count - 1, current + step))
        self.results.selectRow(row)
        self.results.scrollTo(self.proxy.index(row, 0))

    def selected_match(self) -> PersonMatch | None:
        index = self.results.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def enter(self) -> None:
        """Enter in the search field: the next step. Search new text; else open the highlighted
        person; else check in the person shown."""
        selected = self.selected_match()
        action = self.flow.enter(selected, can_check_in=self.check_in_button.isVisible()
                                 and self.check_in_button.isEnabled())
        if action is EnterAction.OPEN:
            self.open_person(selected)
        elif action is EnterAction.CHECK_IN:
            self.check_in()
        else:
            self.run_search()

    def default_focus(self) -> QWidget | None:
        return self.search

    def take_up(self, item: object) -> None:
        """From the queue: finish this person's check-in."""
        if isinstance(item, QueueRow):
            family, _, given = item.name.partition(", ")
            self.search.clear()
            self.flow.edited = False
            self.model.set_rows(())
            self.open_person(PersonMatch(item.person_id, family, given, item.dob, None, 1.0, "queue"))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()  # the next scan replaces the text instead of appending to it

    def clear(self) -> None:
        self.search.clear()
        self.flow.edited = False
        self.model.set_rows(())
        self.flow.forget()
        self._drop_steps()
        self._set_mode(Panel.EMPTY)
        self.messages.clear_message()
        self.search.setFocus()

    # -- finding --------------------------------------------------------------------------------------

    def run_search(self) -> Op | None:
        text = self.search.text()
        if not text.strip():
            self.flow.edited = False
            self.focus_search()
            return None
        serial = self.flow.search_started()
        actor = self.context.actor
        op = self.read(lambda s: s.checkin.find(actor, text))
        op.on_success(lambda result: self._show_results(serial, result))
        op.on_failure(self._failed)
        return op.start()

    def _show_results(self, serial: int, result: SearchResult) -> None:
        if not self.flow.is_current(serial):
            return  # a newer search is on its way
        self.model.set_rows(result.matches)
        self.flow.shown = None
        self._drop_steps()
        self._set_mode(Panel.EMPTY)
        answer = search_answer(result)
        if answer is SearchAnswer.NOBODY:
            self.messages.show_error(self._search_message(result))
        elif answer is SearchAnswer.OPEN_FIRST:
            self.messages.clear_message()
            self.results.selectRow(0)
            self.open_person(self.selected_match())
        else:
            self.results.selectRow(0)
            if answer is SearchAnswer.LIST_CAPPED:  # "50 of 1,204 — add the date of birth"
                self.messages.show_info(self._search_message(result))
            else:
                self.messages.show_info(self.tr("{count} people found. ↓↑ to choose, Enter to open.").format(
                    count=len(result.matches)))
        self.focus_search()

    def _search_message(self, result: SearchResult) -> str:
        """The service's reason, in the nurse's language; counts as the locale writes them (1.204)."""
        if result.reason is None:
            return reason_text("search_nobody_found")
        locale = QLocale()
        params = {key: locale.toString(value) if key == "total" and isinstance(value, int) else value
                  for key, value in result.reason.params.items()}
        return reason_text(result.reason.code, params, fallback=str(result.reason))

    # -- the person ------------------------------------------------------------------------------------

    def open_person(self, match: PersonMatch | None) -> None:
        if match is None:
            return
        self.flow.show(match)
        self._drop_steps()
        self.card.show_match(match, self.products)
        self._set_mode(Panel.PERSON)
        self.focus_search()
        person_id, actor = match.person_id, self.context.actor
        Op(self, lambda: self.desk().open_visit(actor, person_id)).on_success(
            lambda found: self._unfinished_found(person_id, found)).on_failure(self._failed).start()

    def _unfinished_found(self, person_id: str, found: OpenVisit | None) -> None:
        """A check-in begun earlier and interrupted (lock, the next scan, a restart): offer to finish it."""
        if self.flow.unfinished_found(person_id, found):
            self.card.show_unfinished()

    def confirm(self, text: str) -> bool:
        """Ask before checking in an early, late or other-day arrival (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Check in anyway?"), text, parent=self)
        yes = box.addButton(self.tr("Check in anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes

    def resume(self) -> None:
        """Take up the unfinished check-in: the steps again, with what was already recorded."""
        found = self.flow.take_up()
        if found is None:
            return
        self.card.show_visit_started(self.tr("Check-in taken up again. Next: what is missing below."))
        self._set_mode(Panel.PERSON)
        self._show_steps()
        if self.steps is not None and found.document_type is not None and found.identity_checked_at is not None:
            self.steps.set_identity_checked(found.document_type, found.identity_checked_at.strftime("%H:%M"))
        self.messages.clear_message()
        self._focus_steps()

    def check_in(self) -> Op | None:
        if self.flow.unfinished is not None:
            self.resume()
            return None
        match = self.shown
        if match is None or match.booking is None or match.booking.arrival.blocks:
            return None
        booking = match.booking
        confirmed = False
        if booking.arrival.needs_confirmation:
            if not self.confirm(arrival_words(booking.arrival)[0] + "\n\n" + self.tr("Check this person in anyway?")):
                self.focus_search()
                return None
            confirmed = True
        self.check_in_button.setEnabled(False)
        actor = self.context.actor
        op = self.write(lambda s: s.checkin.check_in(actor, booking.appointment_id, confirmed=confirmed))
        op.on_success(self._checked_in)
        op.on_failure(self._failed)
        return op.start()

    def walk_in_existing(self) -> Op | None:
        """The person is registered but has no usable booking: a visit without one."""
        match = self.shown
        if match is None:
            return None
        return self.use_existing_person(match.person_id)

    def _checked_in(self, visit_id: str) -> None:
        self.flow.visit_id = visit_id
        self.card.show_visit_started(self.tr("✔ Checked in at {time}. Next: identity, consent and questions below.")
                                     .format(time=self._local_now().strftime("%H:%M")))
        self._set_mode(Panel.PERSON)
        self._show_steps()
        self.messages.show_info(self.tr("{name} is checked in and waiting.").format(name=self.flow.shown_name))
        self._focus_steps()

    def _focus_steps(self) -> None:
        """The keyboard goes on with the visit: Enter for the identity, then J/N per question."""
        if self.steps is not None:
            self.steps.focus_first_open_step()
        else:
            self.focus_search()

    # -- the visit steps --------------------------------------------------------------------------------

    def _drop_steps(self) -> None:
        if self.steps is not None:
            self.card.steps_holder.removeWidget(self.steps)
            self.steps.deleteLater()
            self.steps = None

    def _show_steps(self) -> None:
        self._drop_steps()
        if self.questionnaire is None:  # still loading: it is tiny, but say so rather than crash
            self.messages.show_error(self.tr("The questionnaire is still loading. Try again in a moment."))
            return
        self.steps = VisitStepsForm(self.questionnaire)
        self.steps.identity_requested.connect(self.record_identity)
        self.steps.send_requested.connect(self.send_to_queue)
        self.steps.typed_elsewhere.connect(self._typed_into_steps)
        self.card.steps_holder.addWidget(self.steps)

    def _typed_into_steps(self, text: str) -> None:
        """A key that answers nothing in the steps (the scanner's "V" of "VAXDESK:", a name typed):
        it starts a new search, and the rest of the burst follows into the search field."""
        self.search.setFocus()
        self.search.setText(text)
        self.flow.edited = True

    def record_identity(self, document_type: str) -> Op | None:
        visit_id, actor = self.flow.visit_id, self.context.actor
        if visit_id is None:
            return None
        op = self.write(lambda s: s.checkin.record_identity(actor, visit_id, document_type))
        op.on_success(lambda _none: self._identity_recorded(visit_id, document_type))
        op.on_failure(self._failed)
        return op.start()

    def _identity_recorded(self, visit_id: str, document_type: str) -> None:
        if self.steps is not None and self.flow.visit_id == visit_id:
            self.steps.set_identity_checked(document_type, self._local_now().strftime("%H:%M"))
            self.steps.focus_first_open_step()
        else:
            self.focus_search()

    def send_to_queue(self) -> Op | None:
        visit_id, actor, steps = self.flow.visit_id, self.context.actor, self.steps
        if visit_id is None or steps is None:
            return None
        collected = steps.collect(today=self._local_now().date())
        if collected is None:
            self.messages.show_error(self.tr("The questionnaire is not complete yet: see the red marks."))
            return None
        answers, consent_by, guardian = collected
        name = self.flow.shown_name

        def record(s: StationServices) -> tuple[bool, int]:
            return s.checkin.record_questionnaire(actor, visit_id, answers, consent_by=consent_by,
                                                  guardian_name=guardian)

        steps.send_button.setEnabled(False)
        op = self.write(record)
        op.on_success(lambda result: self._sent(visit_id, name, answers, result))
        op.on_failure(self._send_failed)
        return op.start()

    def _send_failed(self, error: VaxDeskError) -> None:
        if self.steps is not None:
            self.steps.send_button.setEnabled(True)
        self._failed(error)

    def _sent(self, visit_id: str, name: str, answers: dict[str, Answer], result: tuple[bool, int]) -> None:
        needs_review, minutes = result
        self.clear()
        text = self.tr("{name} is in the queue. Observation after the vaccination: {minutes} min.").format(
            name=name, minutes=minutes)
        if needs_review:
            text += " " + self.tr("Some answers need the doctor's review.")
        self.messages.show_info(text)

    # -- walk-ins ---------------------------------------------------------------------------------------

    def open_walk_in(self) -> None:
        self.flow.forget()
        self._drop_steps()
        self.walk_in.reset()
        self.messages.clear_message()
        self._set_mode(Panel.WALK_IN)
        self.walk_in.fields["family_name"].setFocus()  # typing a name needs the keyboard here

    def register_walk_in(self, data: PersonInput, confirm_new: bool) -> Op:
        actor = self.context.actor
        op = self.write(lambda s: s.checkin.register_walk_in(actor, data, confirm_new=confirm_new))
        op.on_success(lambda ids: self._walk_in_registered(ids, data))
        op.on_failure(self._walk_in_failed)
        return op.start()

    def _walk_in_failed(self, error: VaxDeskError) -> None:
        if isinstance(error, DuplicateSuspected):
            self.walk_in.show_duplicates(error.candidates)
            self.messages.show_error(self.tr("This person may already be registered. Nothing was saved yet: "
                                             "choose below."))
            return
        self._failed(error)

    def _walk_in_registered(self, ids: tuple[str, str], data: PersonInput) -> None:
        person_id, visit_id = ids
        self._show_walk_in_visit(person_id, visit_id, f"{data.family_name}, {data.given_name}", data.dob)

    def use_existing_person(self, person_id: str) -> Op:
        """Check in someone already registered, without a booking (no new person is created)."""
        actor = self.context.actor
        known = self.walk_in.candidate(person_id)
        if known is None and self.shown is not None and self.shown.person_id == person_id:
            known = self.shown
        name = f"{known.family_name}, {known.given_name}" if known else ""
        dob = known.dob if known else ""
        def start(s: StationServices) -> tuple[str, OpenVisit | None]:
            visit_id = s.checkin.start_walk_in_visit(actor, person_id)
            return visit_id, s.checkin.open_visit(actor, person_id)

        op = self.write(start)
        op.on_success(lambda started: self._existing_started(person_id, started, name, dob))
        op.on_failure(self._failed)
        return op.start()

    def _existing_started(self, person_id: str, started: tuple[str, OpenVisit | None], name: str, dob: str) -> None:
        visit_id, visit = started
        booked = visit is not None and visit.appointment_id is not None
        self._show_walk_in_visit(person_id, visit_id, name, dob, booked=booked)

    def _show_walk_in_visit(self, person_id: str, visit_id: str, name: str, dob: str, *, booked: bool = False) -> None:
        self.flow.walk_in_started(person_id, name, dob)
        self.card.show_walk_in(name, dob, booked=booked)
        self._checked_in(visit_id)

    # -- shared -------------------------------------------------------------------------------------------

    def _failed(self, error: VaxDeskError) -> None:
        if self.steps is not None:
            self.steps.send_button.setEnabled(True)
        self.check_in_button.setEnabled(True)
        self.messages.show_error(user_message(error))
        self.focus_search()
