"""The queue board: everyone in the building, their state, waiting time, review flag, and the
observation countdown with an alert when it is over; one click for "left observation".

The board re-reads the database when a use case announces changes, and at most every 30 s for
what other stations did; between reads a 15 s timer only recomputes the countdowns it holds.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import VaxDeskError
from app.services.checkin import QueueRow
from app.services.unit_of_work import Clock
from app.ui.checkin_models import QueueBoardModel
from app.ui.doctor_words import flagged_answers
from app.ui.pages.base import Page, PageContext
from app.ui.row_table import SORT_ROLE, HiddenRowsFilter, current_row, select_row_where
from app.ui.tasks import Op
from app.ui.widgets import label, push_button, text_field

TICK_MS = 15_000


class QueuePage(Page):
    name = "queue"
    reload_on = ("visit", "appointment", "person")

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None,
                 clock: Clock | None = None) -> None:
        super().__init__(context, title=title, parent=parent, clock=clock)

        self.alert = label("observationAlert")
        self.alert.setVisible(False)
        self.body.addWidget(self.alert)

        self.summary = label("queueSummary")
        self.show_finished = QCheckBox(self.tr("Show finished (last hour)"))
        self.show_finished.setObjectName("showFinished")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_finished)
        self.body.addLayout(top)

        self.model = QueueBoardModel(self)
        self.proxy = HiddenRowsFilter(lambda row: row.state == "done", self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.show_finished.toggled.connect(self.proxy.set_show_hidden)
        self.board = QTableView()
        self.board.setObjectName("queueBoard")
        self.board.setModel(self.proxy)
        self.board.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.board.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.board.setSortingEnabled(True)
        self.board.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: who came first
        self.board.verticalHeader().setVisible(False)
        self.board.setWordWrap(False)
        header = self.board.horizontalHeader()
        # Names are never cut; the observation column (last) takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.board.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.body.addWidget(self.board, 1)
        # What the flagged answers say (the dates given, the remark), so the nurse calling the person in
        # knows what the doctor will read; the doctor sees the same at the booth.
        self.flags_text = label("queueFlags")
        self.flags_text.setVisible(False)
        self.body.addWidget(self.flags_text)

        self.left_observation_button = push_button(self.tr("Left observation"), name="leftObservation", primary=True)
        self.left_observation_button.clicked.connect(self.left_observation)
        self.call_button = push_button(self.tr("Call to doctor"), name="callToDoctor")
        self.call_button.clicked.connect(self.call_to_doctor)
        self.finish_button = push_button(self.tr("Finish check-in"), name="finishCheckIn")
        self.finish_button.setToolTip(self.tr("Identity, consent or questions are missing: finish them at the desk"))
        self.finish_button.clicked.connect(self.finish_check_in)
        self.reason = text_field("leftReason", max_length=200, placeholder=self.tr("Reason, e.g. did not want to wait"))
        self.left_button = push_button(self.tr("Left without vaccination"), name="leftWithout")
        self.left_button.clicked.connect(self.left_without_vaccination)
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.left_observation_button)
        actions.addWidget(self.call_button)
        actions.addWidget(self.finish_button)
        actions.addStretch(1)
        self.body.addLayout(actions)
        self.body.addWidget(self._build_early_end())
        leaving = QHBoxLayout()
        leaving.setSpacing(10)
        reason_label = QLabel(self.tr("Leaves without vaccination:"))
        reason_label.setBuddy(self.reason)
        leaving.addWidget(reason_label)
        leaving.addWidget(self.reason, 1)
        leaving.addWidget(self.left_button)
        self.body.addLayout(leaving)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._update_buttons()
        self.reload()

    def _build_early_end(self) -> QFrame:
        """Asked when "Left observation" is pressed before the time is over: a reason, then confirm."""
        self.early_frame = QFrame()
        self.early_frame.setObjectName("earlyEnd")
        box = QVBoxLayout(self.early_frame)
        box.setContentsMargins(0, 4, 0, 4)
        row = QHBoxLayout()
        self.early_text = label("earlyEndText")
        self.early_reason = text_field("earlyEndReason", max_length=200, placeholder=self.tr("Reason, e.g. feels well, picked up by family"))
        self.early_reason.returnPressed.connect(self.confirm_early_end)
        self.early_confirm = push_button(self.tr("End observation early"), name="confirmEarlyEnd")
        self.early_confirm.clicked.connect(self.confirm_early_end)
        self.early_cancel = push_button(self.tr("Keep observing"), name="cancelEarlyEnd")
        self.early_cancel.clicked.connect(self._hide_early_end)
        row.addWidget(self.early_reason, 1)
        row.addWidget(self.early_confirm)
        row.addWidget(self.early_cancel)
        box.addWidget(self.early_text)
        box.addLayout(row)
        self.early_frame.setVisible(False)
        self._early_visit: str | None = None
        return self.early_frame

    # -- reading -------------------------------------------------------------------------------------

    def reload(self) -> Op:
        actor = self.context.actor
        return self.reread(lambda s: s.checkin.queue(actor), self._loaded)

    def _loaded(self, rows: list[QueueRow], loaded_at: datetime) -> None:
        selected = self.selected_row()
        self.model.set_rows(rows)
        self.model.set_now(loaded_at)
        # Keep the nurse's selection; else point at whoever needs action first.
        if selected is None or not self.select_visit(selected.visit_id):
            over = next((r for r in rows if self.model.observation_over(r)), None)
            if over is None or not self.select_visit(over.visit_id):
                self.board.selectRow(0)
        self._update_alert()
        self._update_buttons()

    def show_time(self, now: datetime) -> None:
        """Every 15 s (the page's tick): countdowns from the rows held; the database at most every 30 s."""
        self.model.set_now(now)
        self._update_alert()

    def _update_alert(self) -> None:
        over = [r for r in self.model.rows() if self.model.observation_over(r)]
        if over:
            names = "; ".join(r.name for r in over)
            self.alert.setText(self.tr("Observation over: {names}. They may leave: select and press "
                                       "\u201cLeft observation\u201d.").format(names=names))
        self.alert.setVisible(bool(over))
        rows = self.model.rows()
        count = {s: sum(1 for r in rows if r.state == s) for s in ("checked_in", "with_doctor", "observation")}
        self.summary.setText(self.tr("Waiting: {waiting} · With the doctor: {doctor} · In observation: {observation}")
                             .format(waiting=count["checked_in"], doctor=count["with_doctor"],
                                     observation=count["observation"]))

    # -- the selected row -------------------------------------------------------------------------------

    def selected_row(self) -> QueueRow | None:
        return current_row(self.board, QueueRow)

    def select_visit(self, visit_id: str) -> bool:
        return select_row_where(self.board, lambda row: row.visit_id == visit_id)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        state = row.state if row is not None else ""
        self.left_observation_button.setEnabled(state == "observation")
        ready = row is not None and row.questionnaire_done and row.identity_checked
        self.call_button.setEnabled(state == "checked_in" and ready)
        self.finish_button.setEnabled(state == "checked_in" and not ready)
        self.left_button.setEnabled(state in ("checked_in", "with_doctor"))
        flags = row.review_flags if row is not None else ()
        self.flags_text.setText(flagged_answers(flags, row.flag_details) if row is not None and flags else "")
        self.flags_text.setVisible(bool(flags))
        if self._early_visit is not None and (row is None or row.visit_id != self._early_visit):
            self._hide_early_end()

    # -- moves --------------------------------------------------------------------------------------------

    def _move(self, action: str, fn_name: str, *args: str, **kwargs: str) -> Op | None:
        row = self.selected_row()
        if row is None:
            self.messages.show_error(self.tr("Select a person in the list first."))
            return None
        actor, visit_id = self.context.actor, row.visit_id
        op = self.write(lambda s: getattr(s.checkin, fn_name)(actor, visit_id, *args, **kwargs))
        op.on_success(lambda _none: self._moved(row, action))
        op.on_failure(self._move_failed)
        return op.start()

    def _move_failed(self, error: VaxDeskError) -> None:
        self.show_failure(error)
        self.reload()

    def _moved(self, row: QueueRow, action: str) -> None:
        self.messages.show_info({
            "visit.done": self.tr("{name} has left observation.").format(name=row.name),
            "visit.with_doctor": self.tr("{name} is called to the doctor.").format(name=row.name),
            "visit.left": self.tr("{name} left without vaccination.").format(name=row.name),
        }[action])
        self.reason.clear()
        self._hide_early_end()

    def left_observation(self) -> Op | None:
        """Over: the person goes. Time left: ask for the reason first (one click must not end it)."""
        row = self.selected_row()
        if row is None or row.observation_ends_at is None:
            return self._move("visit.done", "end_observation")
        left = row.observation_ends_at - self.clock()
        if left <= timedelta(0):
            return self._move("visit.done", "end_observation")
        minutes = -int(-left.total_seconds() // 60)
        self._early_visit = row.visit_id
        self.early_text.setText(self.tr("{name}: observation is not over ({minutes} min left). Why does it end "
                                        "early?").format(name=row.name, minutes=minutes))
        self.early_reason.clear()
        self.early_frame.setVisible(True)
        self.early_reason.setFocus()
        return None

    def confirm_early_end(self) -> Op | None:
        reason = self.required_text(self.early_reason, self.tr("Write why the observation ends early."))
        if reason is None:
            return None
        return self._move("visit.done", "end_observation", reason=reason)

    def _hide_early_end(self) -> None:
        self._early_visit = None
        self.early_frame.setVisible(False)

    def finish_check_in(self) -> None:
        """The check-in page takes this person up again (identity, consent or questions missing)."""
        row = self.selected_row()
        if row is not None:
            self.take_up_requested.emit("checkin", row)

    def call_to_doctor(self) -> Op | None:
        return self._move("visit.with_doctor", "call_to_doctor")

    def left_without_vaccination(self) -> Op | None:
        reason = self.required_text(self.reason, self.tr("Write the reason for leaving first (e.g. \u201cdid not want to wait\u201d)."))
        if reason is None:
            return None
        return self._move("visit.left", "left_without_vaccination", reason)
