"""The Sync page: whether the station is in touch with its server, "Sync now", and what needs a
person: changes the server rejected (with the reason in words), review tasks to resolve with a
note, and offline bookings the server refused (the people to call for a new time)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import VaxDeskError
from app.services.sync_state import (
    BookingToRebook,
    QuarantinedChange,
    RejectedMutation,
    ReviewTaskRow,
    SyncStatus,
)
from app.station.services import SyncLists
from app.ui.pages.base import Page, PageContext
from app.ui.row_table import ROW_ROLE, RowsModel, row_table
from app.ui.sync_status import clock_time, sync_words
from app.ui.tasks import Op
from app.ui.translate import QT_TRANSLATE_NOOP
from app.ui.widgets import label, push_button, restyle, text_field

if TYPE_CHECKING:
    from app.services.unit_of_work import Change
    from app.station.sync_round import RoundOutcome



def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


# What kind of change it was, in words (the outbox kind is the use case's audit action).
_KIND_WORDS = {
    "person": QT_TRANSLATE_NOOP("SyncPage", "Person details"),
    "appointment.booked": QT_TRANSLATE_NOOP("SyncPage", "Booking"),
    "appointment": QT_TRANSLATE_NOOP("SyncPage", "Appointment"),
    "vaccination": QT_TRANSLATE_NOOP("SyncPage", "Dose"),
    "visit": QT_TRANSLATE_NOOP("SyncPage", "Check-in"),
    "lot": QT_TRANSLATE_NOOP("SyncPage", "Vaccine lot"),
    "vial": QT_TRANSLATE_NOOP("SyncPage", "Vial"),
    "slots": QT_TRANSLATE_NOOP("SyncPage", "Opening hours"),
    "certificate": QT_TRANSLATE_NOOP("SyncPage", "Certificate"),
}

# The server's reason codes (sync/server/ledger.py), in words a nurse can act on.
_REASON_WORDS = {
    "slot_full": QT_TRANSLATE_NOOP(
        "SyncPage", "The slot was already full on the server. Call the person for a new time (see “To rebook”)."),
    "unknown_slot": QT_TRANSLATE_NOOP("SyncPage", "That time slot does not exist on the server."),
    "booking_refused": QT_TRANSLATE_NOOP(
        "SyncPage", "The server had refused this booking (slot full); the visit and any dose are kept without it."),
    "unknown_person": QT_TRANSLATE_NOOP("SyncPage", "The person is not on the server."),
    "already_exists": QT_TRANSLATE_NOOP("SyncPage", "The server already has this record; nothing is lost."),
    "deleted": QT_TRANSLATE_NOOP("SyncPage", "The person was deleted on the server; the change was not applied."),
    "invalid_payload": QT_TRANSLATE_NOOP(
        "SyncPage", "The record was incomplete. Ask the admin to check this station's version."),
    "sequence_reused": QT_TRANSLATE_NOOP(
        "SyncPage", "The server has a different change under the same number (was this station restored "
                    "from an old backup?). Ask the admin."),
    "mutation_id_reused": QT_TRANSLATE_NOOP(
        "SyncPage", "The server has a different change under the same number (was this station restored "
                    "from an old backup?). Ask the admin."),
    "superseded": QT_TRANSLATE_NOOP(
        "SyncPage", "Another station changed this first (for example checked the person in); this station "
                    "now shows the server's state."),
    "other_site": QT_TRANSLATE_NOOP("SyncPage", "This record belongs to another site; it was not changed."),
    "refused_before": QT_TRANSLATE_NOOP(
        "SyncPage", "The server had refused this before it was restored from a backup; it stays refused."),
    "invalid_field": QT_TRANSLATE_NOOP(
        "SyncPage", "A value in this record cannot be accepted. Ask the admin to check this station's version."),
    "unknown_field": QT_TRANSLATE_NOOP(
        "SyncPage", "The record has a field the server does not know. Ask the admin to update VaxDesk."),
    "unknown_kind": QT_TRANSLATE_NOOP(
        "SyncPage", "The server does not know this kind of change. Ask the admin to update VaxDesk."),
    "immutable": QT_TRANSLATE_NOOP("SyncPage", "A recorded dose is never changed; correct it instead."),
}

# Why a change from the server was not applied here (quarantined; the pull went on).
_QUARANTINE_WORDS = {
    "invalid_field": QT_TRANSLATE_NOOP("SyncPage", "A value this version of VaxDesk cannot store"),
    "unknown_field": QT_TRANSLATE_NOOP("SyncPage", "A field this version of VaxDesk does not know"),
    "missing_field": QT_TRANSLATE_NOOP("SyncPage", "A required value is missing"),
    "unknown_kind": QT_TRANSLATE_NOOP("SyncPage", "A kind of change this version of VaxDesk does not know"),
    "missing_parent": QT_TRANSLATE_NOOP("SyncPage", "It refers to a record this station does not have"),
    "conflict": QT_TRANSLATE_NOOP("SyncPage", "It conflicts with a record on this station"),
    "invalid_payload": QT_TRANSLATE_NOOP("SyncPage", "The change is incomplete"),
}

_TASK_WORDS = {
    "person_conflict": QT_TRANSLATE_NOOP("SyncPage", "Person details changed on two stations"),
    "suspected_duplicate_dose": QT_TRANSLATE_NOOP("SyncPage", "Possibly the same dose recorded twice"),
    "possible_duplicate_person": QT_TRANSLATE_NOOP("SyncPage", "Possibly the same person registered twice"),
    "conflicting_dose_changes": QT_TRANSLATE_NOOP("SyncPage", "One dose voided or corrected on two stations"),
    "overbooked_after_restore": QT_TRANSLATE_NOOP("SyncPage", "Slot over capacity after a server restore"),
    "visit_checked_in_twice": QT_TRANSLATE_NOOP("SyncPage", "One person checked in at two desks"),
    "dose_from_blocked_lot": QT_TRANSLATE_NOOP("SyncPage", "Dose given from a blocked lot"),
}

_FIELD_WORDS = {
    "family_name": QT_TRANSLATE_NOOP("SyncPage", "Family name"),
    "given_name": QT_TRANSLATE_NOOP("SyncPage", "Given name"),
    "dob": QT_TRANSLATE_NOOP("SyncPage", "Date of birth"),
    "phone": QT_TRANSLATE_NOOP("SyncPage", "Phone"),
    "email": QT_TRANSLATE_NOOP("SyncPage", "E-mail"),
}


def kind_words(kind: str) -> str:
    known = _KIND_WORDS.get(kind) or _KIND_WORDS.get(kind.split(".", 1)[0])
    return _tr(known) if known else kind


def reason_words(reason: str) -> str:
    """The engine stores "code: the server's text"; known codes are said in the station's language."""
    code, _, text = reason.partition(": ")
    known = _REASON_WORDS.get(code.strip())
    if known:
        return _tr(known)
    return (text or reason).strip() or QCoreApplication.translate("SyncPage", "The server did not say why.")


def task_words(task: ReviewTaskRow) -> tuple[str, str]:
    """(what, details) of a review task."""
    what = _tr(_TASK_WORDS[task.kind]) if task.kind in _TASK_WORDS else task.kind
    details = task.details or {}
    if task.kind == "person_conflict" and isinstance(details.get("fields"), dict):
        parts = []
        for name, values in details["fields"].items():
            label = _tr(_FIELD_WORDS[name]) if name in _FIELD_WORDS else name
            if isinstance(values, dict):
                parts.append(QCoreApplication.translate(
                    "SyncPage", "{field}: server “{server}”, other station “{station}”").format(
                    field=label, server=values.get("server", ""), station=values.get("station", "")))
            else:
                parts.append(label)
        return what, "; ".join(parts)
    if task.kind == "suspected_duplicate_dose":
        return what, QCoreApplication.translate("SyncPage", "Another station recorded a dose for this person too. Check the dose history.")
    if task.kind == "possible_duplicate_person":
        return what, QCoreApplication.translate("SyncPage", "Two desks registered a person with the same name and date of birth. If it is the "
                         "same person, merge them: every booking and dose is kept.")
    if task.kind == "conflicting_dose_changes":
        return what, QCoreApplication.translate("SyncPage", "Both changes are kept. Check the dose history and void the record that is wrong.")
    if task.kind == "overbooked_after_restore":
        return what, QCoreApplication.translate("SyncPage", "Bookings confirmed before the restore were kept. Check who can come at another time.")
    if task.kind == "dose_from_blocked_lot":
        return what, QCoreApplication.translate("SyncPage", "Lot {lot} was blocked at another station ({why}) before this dose was given "
                         "offline. Check whether the person must be vaccinated again.").format(
            lot=details.get("lot_number") or "", why=details.get("block_reason") or "")
    if task.kind == "visit_checked_in_twice":
        return what, QCoreApplication.translate("SyncPage", "The person is in the queue twice. Continue with one visit and end the other "
                         "as left without vaccination (checked in twice).")
    return what, ""


def quarantine_words(reason_code: str) -> str:
    known = _QUARANTINE_WORDS.get(reason_code)
    return _tr(known) if known else reason_code


# ---- table models ----------------------------------------------------------------------------


class _TextRowsModel(RowsModel):
    """Rows shown as plain text: `cells(row)` gives every column; the tooltip repeats the cell."""

    HEADERS_CONTEXT = "SyncPage"

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(row)[column]
        return None

    def cells(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError


class RejectedModel(_TextRowsModel):
    HEADERS = (QT_TRANSLATE_NOOP("SyncPage", "Recorded"), QT_TRANSLATE_NOOP("SyncPage", "What"),
               QT_TRANSLATE_NOOP("SyncPage", "Why the server refused it"))

    def cells(self, row: RejectedMutation) -> tuple[str, ...]:
        return clock_time(row.created_at), kind_words(row.kind), reason_words(row.reason)


class ReviewModel(_TextRowsModel):
    HEADERS = (QT_TRANSLATE_NOOP("SyncPage", "Since"), QT_TRANSLATE_NOOP("SyncPage", "What"),
               QT_TRANSLATE_NOOP("SyncPage", "Details"))

    def cells(self, row: ReviewTaskRow) -> tuple[str, ...]:
        return (clock_time(row.created_at), *task_words(row))


class QuarantineModel(_TextRowsModel):
    HEADERS = (QT_TRANSLATE_NOOP("SyncPage", "Received"), QT_TRANSLATE_NOOP("SyncPage", "What"),
               QT_TRANSLATE_NOOP("SyncPage", "Why it was not applied"))

    def cells(self, row: QuarantinedChange) -> tuple[str, ...]:
        return clock_time(row.at), kind_words(row.kind.rpartition(".")[0] or row.kind), quarantine_words(row.reason_code)


class RebookModel(_TextRowsModel):
    HEADERS = (QT_TRANSLATE_NOOP("SyncPage", "Name"), QT_TRANSLATE_NOOP("SyncPage", "Booked time (refused)"))

    def cells(self, row: BookingToRebook) -> tuple[str, ...]:
        return f"{row.family_name}, {row.given_name}", clock_time(row.slot_starts_at)


def _table(name: str, model: _TextRowsModel) -> QTableView:
    table = row_table(name, wrap=True)  # reasons are sentences: rows grow to show them whole
    table.setModel(model)
    return table


class SyncPage(Page):
    name = "sync"

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, title=title, parent=parent)
        self.runner = context.sync
        self.lists: SyncLists | None = None
        self._loading = False
        self._load_again = False

        # -- where we stand
        card = QFrame()
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 14, 20, 14)
        top = QHBoxLayout()
        self.state_label = label("syncPageState")
        top.addWidget(self.state_label, 1)
        self.sync_button = push_button(self.tr("Sync now"), name="syncNow", primary=True)
        self.sync_button.clicked.connect(self.sync_now)
        top.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignTop)
        card_layout.addLayout(top)
        self.detail_label = label("hint")
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card_layout.addWidget(self.detail_label)
        self.body.addWidget(card)

        # -- what needs a person
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.rejected_model = RejectedModel(self)
        self.rejected_note, self.rejected_table = self._list_tab("rejectedTable", self.rejected_model)

        self.review_model = ReviewModel(self)
        self.resolve_note = text_field("resolveNote", max_length=300, placeholder=self.tr("What did you check or change? (required)"))
        self.resolve_note.textChanged.connect(self._update_resolve)
        self.resolve_note.returnPressed.connect(self.resolve_selected)
        self.resolve_button = push_button(self.tr("Mark as resolved"), name="resolveTask")
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.merge_button = push_button(self.tr("Same person: merge"), name="mergePersons")
        self.merge_button.clicked.connect(self.merge_selected)
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.resolve_note, 1)
        resolve_row.addWidget(self.merge_button)
        resolve_row.addWidget(self.resolve_button)
        self.review_note, self.review_table = self._list_tab("reviewTable", self.review_model, resolve_row)
        self.review_table.selectionModel().selectionChanged.connect(self._update_resolve)

        self.rebook_model = RebookModel(self)
        self.rebook_note, self.rebook_table = self._list_tab("rebookTable", self.rebook_model)

        self.quarantine_model = QuarantineModel(self)
        self.quarantine_note, self.quarantine_table = self._list_tab("quarantineTable", self.quarantine_model)
        self.body.addWidget(self.tabs, 1)

        context.changes.changes_applied.connect(self._on_changes)
        if self.runner is not None:
            self.runner.status_changed.connect(self._show_status)
            self.runner.round_finished.connect(self._round_finished)
            self.runner.busy_changed.connect(self._show_busy)
            self._show_busy(self.runner.running)
        self.sync_button.hide()  # until the figures say the station is enrolled
        self._update_resolve()
        self.reload()

    def _list_tab(self, name: str, model: _TextRowsModel,
                  extra: QHBoxLayout | None = None) -> tuple[QLabel, QTableView]:
        """A tab (its title set later) of one list: a note on what it holds, the table, `extra` below."""
        note = label("hint")
        table = _table(name, model)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(note)
        layout.addWidget(table, 1)
        if extra is not None:
            layout.addLayout(extra)
        self.tabs.addTab(tab, "")
        return note, table

    # -- reading ------------------------------------------------------------------------------------

    def reload(self) -> Op | None:
        if self._loading:
            self._load_again = True
            return None
        self._loading = True
        actor = self.context.actor

        def done(lists: SyncLists) -> None:
            self._loading = False
            self.show_lists(lists)
            if self._load_again:
                self._load_again = False
                self.reload()

        def failed(error: VaxDeskError) -> None:
            self._loading = False
            self.show_failure(error)

        return self.read(lambda s: s.sync_lists(actor)).on_success(done).on_failure(failed).start()

    def _on_changes(self, changes: Sequence[Change]) -> None:
        self.reload()

    def _round_finished(self, outcome: RoundOutcome) -> None:
        self.reload()

    def show_lists(self, lists: SyncLists) -> None:
        self.lists = lists
        self._show_status(lists.status)
        selected = self.selected_task()
        self.rejected_model.set_rows(lists.rejected)
        self.review_model.set_rows(lists.tasks)
        self.rebook_model.set_rows(lists.rebook)
        self.quarantine_model.set_rows(lists.quarantined)
        self.tabs.setTabText(0, self.tr("Rejected (%n)", "", len(lists.rejected)))
        self.tabs.setTabText(1, self.tr("To review (%n)", "", len(lists.tasks)))
        self.tabs.setTabText(2, self.tr("To rebook (%n)", "", len(lists.rebook)))
        self.tabs.setTabText(3, self.tr("Not applied (%n)", "", len(lists.quarantined)))
        self.quarantine_note.setText(
            self.tr("Changes from the server this station could not apply. Everything else was applied; "
                    "ask the admin to update VaxDesk on this station.")
            if lists.quarantined else self.tr("Every change from the server was applied."))
        self.rejected_note.setText(
            self.tr("Changes the server refused. They stay on this station; nothing was deleted.")
            if lists.rejected else self.tr("The server has refused nothing from this station."))
        self.review_note.setText(
            self.tr("The server found these when merging the stations' work. Check each, then mark it "
                    "resolved with a note.")
            if lists.tasks else self.tr("Nothing to review."))
        self.rebook_note.setText(
            self.tr("Bookings made offline that the server could not confirm (the slot was full). "
                    "Call these people and book a new time.")
            if lists.rebook else self.tr("No bookings to redo."))
        if selected is not None:
            for row, task in enumerate(lists.tasks):
                if task.id == selected.id:
                    self.review_table.selectRow(row)
        self._update_resolve()

    def _show_status(self, status: SyncStatus) -> None:
        offline_since = self.runner.offline_since if self.runner is not None else None
        words = sync_words(status, offline_since=offline_since)
        # The tabs below are what "see Sync page" points to; here the counts are on the tabs.
        self.state_label.setText(" · ".join(part for part in (words.text, words.skew) if part))
        restyle(self.state_label, tone=words.tone)
        if not status.enrolled:
            self.detail_label.setText(self.enroll_help())
        else:
            lines = [words.detail] if words.detail else []
            if status.online and status.pending:
                lines.append(self.tr("Pending changes are sent in the background every minute."))
            elif not status.online:
                lines.append(self.tr("Everything recorded is kept safe on this station and is sent when the "
                                     "server can be reached again."))
            self.detail_label.setText("\n".join(lines))
        self.sync_button.setVisible(self.runner is not None and status.enrolled)
        self.sync_button.setEnabled(not (self.runner is not None and self.runner.running))

    def enroll_help(self) -> str:
        return self.tr(
            "This station works on its own: everything stays on this station. To share records with the "
            "other stations, an admin enrolls it once with a one-time code from the tenant admin:\n"
            "vaxdesk enroll --db {db} --server https://sync.example.org --code CODE").format(
            db=self.services.db_path)

    def _show_busy(self, busy: bool) -> None:
        self.sync_button.setText(self.tr("Syncing…") if busy else self.tr("Sync now"))
        self.sync_button.setEnabled(not busy)

    def sync_now(self) -> bool:
        if self.runner is None:
            return False
        return self.runner.sync_now()

    # -- resolving ----------------------------------------------------------------------------------

    def selected_task(self) -> ReviewTaskRow | None:
        rows = self.review_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_resolve(self, *_: object) -> None:
        task = self.selected_task()
        self.resolve_button.setEnabled(task is not None and bool(self.resolve_note.text().strip()))
        self.merge_button.setVisible(task is not None and task.kind == "possible_duplicate_person")

    def merge_selected(self) -> Op | None:
        """A duplicate registration: keep the first, move the second's bookings and doses to it (audited)."""
        task = self.selected_task()
        if task is None or task.kind != "possible_duplicate_person":
            return None
        self.merge_button.setEnabled(False)
        actor, task_id = self.context.actor, task.id

        def done(_kept: str) -> None:
            self.merge_button.setEnabled(True)
            self.show_info(self.tr("Merged: one person with every booking and dose."))

        def failed(error: VaxDeskError) -> None:
            self.merge_button.setEnabled(True)
            self._failed(error)

        return self.write(lambda s: s.merge_duplicate_person(actor, task_id)).on_success(done).on_failure(failed).start()

    def resolve_selected(self) -> Op | None:
        task = self.selected_task()
        note = self.resolve_note.text().strip()
        if task is None:
            self.show_error(self.tr("Choose a task in the list first."))
            return None
        if not note:
            self.show_error(self.tr("Write a short note on what you checked; it goes into the audit log."))
            self.resolve_note.setFocus()
            return None
        self.resolve_button.setEnabled(False)
        actor, task_id = self.context.actor, task.id

        def done(_none: None) -> None:
            self.resolve_note.clear()
            self.show_info(self.tr("Marked as resolved."))

        return self.write(lambda s: s.resolve_review_task(actor, task_id, note=note)).on_success(done).on_failure(
            self._failed).start()

    def _failed(self, error: VaxDeskError) -> None:
        self.show_failure(error)
        self._update_resolve()
