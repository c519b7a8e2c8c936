"""Staff accounts for the admin: who may log in with which role; add someone, reset a forgotten
PIN, change a role, deactivate the account of someone who left (and reactivate it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QRegularExpression,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError, VaxDeskError
from app.services.staff import (
    ROLES,
    StaffView,
    validate_pin,
)
from app.ui.messages import user_message
from app.ui.pages.base import Page, PageContext
from app.ui.roles import role_label
from app.ui.row_table import ROW_ROLE, SORT_ROLE, HiddenRowsFilter, RowsModel, current_row, select_row_where
from app.ui.tasks import Op
from app.ui.translate import QT_TRANSLATE_NOOP
from app.ui.widgets import field_label, label, push_button, text_field

if TYPE_CHECKING:
    from app.station import StationServices

__all__ = ["ROW_ROLE", "StaffPage"]  # tests read the rows behind the table through ROW_ROLE


def staff_message(error: VaxDeskError) -> str:
    """The staff service's refusal (a reason code) in the station's language."""
    return user_message(error)


class StaffModel(RowsModel):
    # The login is shown on the card of the selected member: the list keeps to what fits.
    HEADERS = (
        QT_TRANSLATE_NOOP("StaffPage", "Name"),
        QT_TRANSLATE_NOOP("StaffPage", "Role"),
        QT_TRANSLATE_NOOP("StaffPage", "Status"),
    )
    HEADERS_CONTEXT = "StaffPage"

    def cell(self, row: StaffView, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return (row.display_name, role_label(row.role),
                    QCoreApplication.translate("StaffPage", "active") if row.active
                    else QCoreApplication.translate("StaffPage", "deactivated"))[column]
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(QColor("#505a5f"))
        return None


def _pin_edit(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(12)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,12}")))
    edit.setPlaceholderText(placeholder)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return edit


def _role_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for role in ROLES:
        combo.addItem(role_label(role), role)
    return combo


class StaffPage(Page):
    name = "staff"

    def __init__(self, context: PageContext, *, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, title=title, parent=parent)

        # -- the list ------------------------------------------------------------------------------
        self.model = StaffModel(self)
        self.proxy = HiddenRowsFilter(lambda row: not row.active, self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setObjectName("staffTable")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Staff members"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.show_inactive = QCheckBox(self.tr("Show deactivated accounts"))
        self.show_inactive.setObjectName("showInactive")
        self.show_inactive.toggled.connect(self.proxy.set_show_hidden)
        self.new_button = push_button(self.tr("Add staff member…"), name="newStaff")
        self.new_button.clicked.connect(self.start_new)
        below = QHBoxLayout()
        below.addWidget(self.new_button)
        below.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.show_inactive)
        left.addWidget(self.table, 1)
        left.addLayout(below)

        # -- the right-hand panel: the selected member, or the new-member form ---------------------
        self.panel = QStackedWidget()
        self.panel.setObjectName("staffPanel")
        self.panel.addWidget(self._build_selected_card())
        self.panel.addWidget(self._build_new_card())

        columns = QHBoxLayout()
        columns.setSpacing(20)
        self.panel.setMaximumWidth(460)
        columns.addLayout(left, 1)
        columns.addWidget(self.panel)
        self.body.addLayout(columns, 1)

        self._show_selected()
        self.reload()

    def _build_selected_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        self.selected_title = label("stepTitle")
        self.selected_status = label("hint")

        self.role_edit = _role_combo("selectedRole")
        self.role_button = push_button(self.tr("Change role"), name="changeRole")
        self.role_button.clicked.connect(self.change_role)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_edit, 1)
        role_row.addWidget(self.role_button)

        self.reset_pin_edit = _pin_edit("resetPin", self.tr("4 to 12 digits"))
        self.reset_pin_repeat = _pin_edit("resetPinRepeat", self.tr("Repeat the PIN"))
        self.reset_button = push_button(self.tr("Reset PIN"), name="resetPinButton")
        self.reset_button.clicked.connect(self.reset_selected_pin)
        self.reset_pin_repeat.returnPressed.connect(self.reset_selected_pin)
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.reset_pin_repeat, 1)
        repeat_row.addWidget(self.reset_button)
        pin_rules = label("hint", self.tr("Not easy to guess. A new PIN also ends a lock-out."))

        self.active_button = push_button("", name="toggleActive")
        self.active_button.clicked.connect(self.toggle_active)
        active_row = QHBoxLayout()
        active_row.addWidget(self.active_button)
        active_row.addStretch(1)

        # Labels above their fields: the panel stays narrow enough for German words.
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(field_label(self.tr("Role:"), self.role_edit), role_row)
        form.addRow(field_label(self.tr("New PIN, twice:"), self.reset_pin_edit), self.reset_pin_edit)
        form.addRow(repeat_row)
        form.addRow(pin_rules)
        form.addRow(field_label(self.tr("Account:"), self.active_button), active_row)

        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.selected_title)
        layout.addWidget(self.selected_status)
        layout.addLayout(form)
        layout.addStretch(1)
        self.selected_card = card
        return card

    def _build_new_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        heading = QLabel(self.tr("New staff member"))
        heading.setObjectName("stepTitle")
        self.new_name = text_field("newName", max_length=100, placeholder=self.tr("e.g. Maria Weber"))
        self.new_login = text_field("newLogin", max_length=32, placeholder=self.tr("e.g. mweber"))
        self.new_role = _role_combo("newRole")
        self.new_pin = _pin_edit("newPin", self.tr("4 to 12 digits"))
        self.new_pin_repeat = _pin_edit("newPinRepeat", self.tr("Repeat the PIN"))
        self.new_pin_repeat.returnPressed.connect(self.create)
        self.create_button = push_button(self.tr("Create account"), name="createStaff", primary=True)
        self.create_button.clicked.connect(self.create)
        self.cancel_new_button = push_button(self.tr("Cancel"), name="cancelNewStaff")
        self.cancel_new_button.clicked.connect(self.cancel_new)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(field_label(self.tr("Name:"), self.new_name), self.new_name)
        form.addRow(field_label(self.tr("Login:"), self.new_login), self.new_login)
        form.addRow(field_label(self.tr("Role:"), self.new_role), self.new_role)
        form.addRow(field_label(self.tr("PIN:"), self.new_pin), self.new_pin)
        form.addRow(field_label(self.tr("Repeat PIN:"), self.new_pin_repeat), self.new_pin_repeat)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_new_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.new_card = card
        return card

    # -- reading -------------------------------------------------------------------------------------

    def reload(self, *, select_id: str | None = None) -> Op:
        selected = self.selected()
        keep = select_id or (selected.id if selected else None)
        return (self.read(lambda s: list(s.list_staff(active_only=False)))
                .on_success(lambda rows: self._loaded(rows, keep))
                .start())

    def _loaded(self, rows: list[StaffView], select_id: str | None) -> None:
        self.model.set_rows(rows)
        if not (select_id and self.select_staff(select_id)):
            self.table.selectRow(0)
        self._show_selected()

    def selected(self) -> StaffView | None:
        return current_row(self.table, StaffView)

    def select_staff(self, staff_id: str) -> bool:
        return select_row_where(self.table, lambda row: row.id == staff_id)

    def select_login(self, login: str) -> bool:
        member = next((s for s in self.model.rows() if s.login == login), None)
        if member is not None and not member.active:
            self.show_inactive.setChecked(True)
        return member is not None and self.select_staff(member.id)

    def _show_selected(self) -> None:
        member = self.selected()
        enabled = member is not None
        for widget in (self.role_edit, self.role_button, self.reset_pin_edit, self.reset_pin_repeat,
                       self.reset_button, self.active_button):
            widget.setEnabled(enabled)
        if member is None:
            self.selected_title.setText(self.tr("Select a staff member in the list."))
            self.selected_status.setText("")
            self.active_button.setText(self.tr("Deactivate"))
            return
        self.selected_title.setText(member.display_name)
        status = self.tr("active") if member.active else self.tr("deactivated: cannot log in")
        self.selected_status.setText(self.tr("Login: {login} · {status}").format(login=member.login, status=status))
        self.role_edit.setCurrentIndex(max(0, self.role_edit.findData(member.role)))
        self.active_button.setText(self.tr("Deactivate") if member.active else self.tr("Reactivate"))
        self.active_button.setProperty("warn", member.active)
        self.active_button.style().unpolish(self.active_button)
        self.active_button.style().polish(self.active_button)
        self.reset_pin_edit.clear()
        self.reset_pin_repeat.clear()

    # -- changing ------------------------------------------------------------------------------------

    def _run(self, work: Callable[[StationServices], object], *, done: str, select_id: str | None) -> Op:
        """Run a staff change on the worker; say what happened inline and re-read the list."""
        def succeeded(_: object) -> None:
            self.messages.show_info(done)
            self.reload(select_id=select_id)

        return (self.write(work)
                .on_success(succeeded)
                .on_failure(lambda error: self.show_error(staff_message(error)))
                .start())

    def _check_new_pin(self, pin: str, repeat: str) -> str | None:
        """The PIN rules, checked before anything is sent (same rules as the service)."""
        try:
            validate_pin(pin)
        except ValidationError as error:
            return staff_message(error)
        if pin != repeat:
            return self.tr("The two PINs differ. Type the same PIN twice.")
        return None

    def change_role(self) -> Op | None:
        member = self.selected()
        if member is None:
            return None
        role = self.role_edit.currentData()
        if role == member.role:
            self.show_info(self.tr("{name} already has this role.").format(name=member.display_name))
            return None
        actor = self.context.actor
        return self._run(lambda s: s.set_staff_role(actor, member.id, role),
                         done=self.tr("{name} is now: {role}.").format(name=member.display_name,
                                                                       role=role_label(role)),
                         select_id=member.id)

    def reset_selected_pin(self) -> Op | None:
        member = self.selected()
        if member is None:
            return None
        pin, repeat = self.reset_pin_edit.text(), self.reset_pin_repeat.text()
        problem = self._check_new_pin(pin, repeat)
        if problem:
            self.show_error(problem)
            return None
        actor = self.context.actor
        return self._run(lambda s: s.reset_staff_pin(actor, member.id, pin),
                         done=self.tr("New PIN set for {name}. Tell them in person, never by e-mail.").format(
                             name=member.display_name),
                         select_id=member.id)

    def toggle_active(self) -> Op | None:
        member = self.selected()
        if member is None:
            return None
        actor = self.context.actor
        active = not member.active
        done = (self.tr("{name} can log in again.") if active else
                self.tr("{name} is deactivated and can no longer log in. Their history is kept."))
        if not active:
            self.show_inactive.setChecked(True)  # keep the account in view so it can be reactivated
        return self._run(lambda s: s.set_staff_active(actor, member.id, active),
                         done=done.format(name=member.display_name), select_id=member.id)

    def start_new(self) -> None:
        for edit in (self.new_name, self.new_login, self.new_pin, self.new_pin_repeat):
            edit.clear()
        self.new_role.setCurrentIndex(0)
        self.panel.setCurrentWidget(self.new_card)
        self.new_name.setFocus()

    def cancel_new(self) -> None:
        self.panel.setCurrentWidget(self.selected_card)
        self.messages.clear_message()

    def create(self) -> Op | None:  # type: ignore[override]  # the page's "Create", not QWidget.create
        pin, repeat = self.new_pin.text(), self.new_pin_repeat.text()
        problem = self._check_new_pin(pin, repeat)
        if problem:
            self.show_error(problem)
            self.new_pin.setFocus()
            return None
        actor = self.context.actor
        login, name, role = self.new_login.text(), self.new_name.text(), self.new_role.currentData()

        def created(member: StaffView) -> None:
            self.panel.setCurrentWidget(self.selected_card)
            self.messages.show_info(self.tr("{name} can now log in as \u201c{login}\u201d with the PIN you set.")
                                    .format(name=member.display_name, login=member.login))
            self.reload(select_id=member.id)

        return (self.write(lambda s: s.create_staff(actor, login=login, display_name=name, role=role, pin=pin))
                .on_success(created)
                .on_failure(lambda error: self.show_error(staff_message(error)))
                .start())
