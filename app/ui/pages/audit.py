"""Who read or changed which record, and when: the audit log with filters (record id, staff,
kind of action, time range), and a check that its hash chain is unbroken."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from app.errors import VaxDeskError
from app.services.audit import AuditRow
from app.services.staff import StaffView
from app.ui.audit_words import action_words
from app.ui.messages import user_message
from app.ui.pages.base import Page, PageContext
from app.ui.reasons import reason
from app.ui.row_table import ROW_ROLE, SORT_ROLE, RowsModel
from app.ui.tasks import Op
from app.ui.translate import QT_TRANSLATE_NOOP, to_date, to_qdate
from app.ui.widgets import calendar_bounded, field_label, push_button
from app.ui.widgets import label as _label

if TYPE_CHECKING:
    from app.station.services import ChainCheck

SHOWN_ROWS = 1000

# Kinds of action to filter by: (prefix given to the audit query, label).
ACTION_GROUPS: tuple[tuple[str, str], ...] = (
    ("", QT_TRANSLATE_NOOP("AuditPage", "All actions")),
    ("person.", QT_TRANSLATE_NOOP("AuditPage", "Persons (viewed, created, exported, purged)")),
    ("visit.", QT_TRANSLATE_NOOP("AuditPage", "Visits and check-in")),
    ("appointment.", QT_TRANSLATE_NOOP("AuditPage", "Appointments")),
    ("vaccination.", QT_TRANSLATE_NOOP("AuditPage", "Vaccinations")),
    ("adverse_event.", QT_TRANSLATE_NOOP("AuditPage", "Adverse events")),
    ("certificate.", QT_TRANSLATE_NOOP("AuditPage", "Certificates")),
    ("lot.", QT_TRANSLATE_NOOP("AuditPage", "Vaccine lots")),
    ("vial.", QT_TRANSLATE_NOOP("AuditPage", "Vials")),
    ("staff.", QT_TRANSLATE_NOOP("AuditPage", "Staff and logins")),
    ("export.", QT_TRANSLATE_NOOP("AuditPage", "Exports")),
    ("station.", QT_TRANSLATE_NOOP("AuditPage", "Station (setup, backup)")),
)

def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditPage", text)


def details_text(details: dict[str, Any] | None) -> str:
    if not details:
        return ""
    return ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value}"
                     for key, value in details.items())


class AuditModel(RowsModel):
    """Audit rows as the viewer shows them; fed with `set_rows(rows)`."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AuditPage", "No."),
        QT_TRANSLATE_NOOP("AuditPage", "Time"),
        QT_TRANSLATE_NOOP("AuditPage", "Staff"),
        QT_TRANSLATE_NOOP("AuditPage", "Action"),
        QT_TRANSLATE_NOOP("AuditPage", "Record"),
        QT_TRANSLATE_NOOP("AuditPage", "Details"),
    )
    HEADERS_CONTEXT = "AuditPage"

    def cell(self, row: AuditRow, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return (row.seq, row.at, row.staff or "", row.action, f"{row.entity} {row.entity_id or ''}",
                    details_text(row.details))[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(row.seq)
            if column == 1:
                return row.at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
            if column == 2:
                return row.staff or QCoreApplication.translate("AuditPage", "system")
            if column == 3:
                return action_words(row.action)
            if column == 4:
                # The first block of a UUIDv7 is its time; 13 characters tell records apart here.
                return f"{row.entity} {row.entity_id[:13]}…" if row.entity_id else row.entity
            return details_text(row.details)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return row.action  # the stable code, as in the export
        if role == Qt.ItemDataRole.ToolTipRole and column in (4, 5):
            return f"{row.entity} {row.entity_id or ''}\n{details_text(row.details)}".strip()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AuditPage(Page):
    name = "audit"

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, title=title, parent=parent)

        # -- filters ---------------------------------------------------------------------------------
        self.record_filter = QLineEdit()
        self.record_filter.setObjectName("auditRecord")
        self.record_filter.setPlaceholderText(self.tr("Person or record id"))
        self.record_filter.setClearButtonEnabled(True)
        self.record_filter.returnPressed.connect(self.search)
        self.staff_filter = QComboBox()
        self.staff_filter.setObjectName("auditStaff")
        self.staff_filter.addItem(self.tr("All staff"), None)
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("auditAction")
        for prefix, group in ACTION_GROUPS:
            self.action_filter.addItem(_tr(group), prefix)
        for combo in (self.staff_filter, self.action_filter):
            # Sized by a few words, not by the longest entry (the list pops up wider when open).
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        # The last seven days up to today at the site, set once the site's date is read (`_open_on`).
        self.since_edit = calendar_bounded(QDateEdit())
        self.since_edit.setObjectName("auditSince")
        self.until_edit = calendar_bounded(QDateEdit())
        self.until_edit.setObjectName("auditUntil")
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(self.tr("d MMM yyyy"))
        self.search_button = push_button(self.tr("Show"), name="auditSearch", primary=True)
        self.search_button.clicked.connect(self.search)

        # Two independent rows (not a grid): a long label in one row never widens the other.
        first = QHBoxLayout()
        first.setSpacing(10)
        first.addWidget(field_label(self.tr("Record:"), self.record_filter))
        first.addWidget(self.record_filter, 3)
        first.addWidget(field_label(self.tr("Staff:"), self.staff_filter))
        first.addWidget(self.staff_filter, 2)
        second = QHBoxLayout()
        second.setSpacing(10)
        second.addWidget(field_label(self.tr("Action:"), self.action_filter))
        second.addWidget(self.action_filter, 1)
        second.addWidget(field_label(self.tr("From:"), self.since_edit))
        second.addWidget(self.since_edit)
        second.addWidget(field_label(self.tr("to:"), self.until_edit))
        second.addWidget(self.until_edit)
        second.addWidget(self.search_button)
        self.body.addLayout(first)
        self.body.addLayout(second)

        self.integrity_button = push_button(self.tr("Check integrity"), name="auditIntegrity")
        self.integrity_button.setToolTip(self.tr("Check that no entry of the audit log was changed or removed"))
        self.integrity_button.clicked.connect(self.check_integrity)

        self.integrity = _label("integrityResult")
        self.integrity.setProperty("kind", "none")
        self.integrity.setVisible(False)
        self.body.addWidget(self.integrity)

        # -- the log ---------------------------------------------------------------------------------
        self.summary = _label("auditSummary")
        above = QHBoxLayout()
        above.addWidget(self.summary, 1)
        above.addWidget(self.integrity_button)
        self.body.addLayout(above)
        self.model = AuditModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self.show_record_of)
        self.table.setToolTip(self.tr("Double-click an entry to see everything about its record"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.body.addWidget(self.table, 1)

        self._load_staff()
        self.read(lambda s: s.today()).on_success(self._open_on).start()

    # -- reading -------------------------------------------------------------------------------------

    def _load_staff(self) -> Op:
        return self.read(lambda s: list(s.list_staff(active_only=False))).on_success(self._staff_loaded).start()

    def _staff_loaded(self, staff: list[StaffView]) -> None:
        for member in staff:
            label = member.display_name if member.active else self.tr("{name} (deactivated)").format(
                name=member.display_name)
            self.staff_filter.addItem(label, member.id)

    def _open_on(self, today: date) -> None:
        """The page opens on the week up to today at the site (a desk PC's date may be another)."""
        self.until_edit.setDate(to_qdate(today))
        self.since_edit.setDate(to_qdate(today - timedelta(days=7)))
        self.search()

    def select_action(self, prefix: str) -> None:
        self.action_filter.setCurrentIndex(max(0, self.action_filter.findData(prefix)))

    def select_staff(self, staff_id: str | None) -> bool:
        index = self.staff_filter.findData(staff_id)
        if index >= 0:
            self.staff_filter.setCurrentIndex(index)
        return index >= 0

    def search(self) -> Op | None:
        since_day = to_date(self.since_edit.date())
        until_day = to_date(self.until_edit.date())
        if since_day > until_day:
            self.show_error(self.tr("The start of the time range is after its end. Correct the dates."))
            return None
        self.messages.clear_message()
        actor = self.context.actor
        entity_id = self.record_filter.text().strip() or None
        staff_id = self.staff_filter.currentData()
        prefix = self.action_filter.currentData() or None
        return self.read(lambda s: s.query_audit(actor, entity_id=entity_id, staff_id=staff_id, action_prefix=prefix,
                                                 days=(since_day, until_day), limit=SHOWN_ROWS + 1)
                  ).on_success(self._loaded).start()

    def show_record_of(self, index: QModelIndex) -> Op | None:
        row = index.data(ROW_ROLE)
        if row is None or not row.entity_id:
            return None
        self.record_filter.setText(row.entity_id)
        self.select_action("")
        return self.search()

    def _loaded(self, rows: list[AuditRow]) -> None:
        more = len(rows) > SHOWN_ROWS
        self.model.set_rows(rows[:SHOWN_ROWS])
        if not rows:
            self.summary.setText(self.tr("No entries match these filters."))
        elif more:
            self.summary.setText(self.tr("The newest {count} entries are shown; narrow the filters to see older "
                                         "ones.").format(count=SHOWN_ROWS))
        else:
            self.summary.setText(self.tr("%n entries", "", len(rows)))

    # -- integrity -----------------------------------------------------------------------------------

    def check_integrity(self) -> Op:
        actor = self.context.actor
        self.integrity_button.setEnabled(False)
        self._show_integrity(self.tr("Checking every entry of the audit log…"), "info")
        return (self.read(lambda s: s.check_audit_chain(actor))
                .on_success(self._checked)
                .on_failure(self._check_failed)
                .start())

    def _checked(self, check: ChainCheck) -> None:
        self.integrity_button.setEnabled(True)
        if check.ok:
            self._show_integrity(self.tr("Audit log intact: %n entries, the hash chain is unbroken.", "",
                                         check.rows), "good")
            return
        problem = reason(check.reason) if check.reason else ""
        self._show_integrity(self.tr(
            "Audit log broken: {problem}. Keep this computer as it is and tell the data-protection officer."
        ).format(problem=problem), "error")

    def _check_failed(self, error: VaxDeskError) -> None:
        self.integrity_button.setEnabled(True)
        self._show_integrity(user_message(error), "error")

    def _show_integrity(self, text: str, kind: str) -> None:
        self.integrity.setText(text)
        self.integrity.setAccessibleName(text)
        self.integrity.setProperty("kind", kind)
        self.integrity.style().unpolish(self.integrity)
        self.integrity.style().polish(self.integrity)
        self.integrity.setVisible(True)
