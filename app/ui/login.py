"""Staff login: pick your name, type your PIN. Also where the station returns when it locks."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.unit_of_work import Clock, system_clock
from app.station import UnlockedStation
from app.ui.message_area import MessageArea
from app.ui.roles import role_label
from app.ui.secret_entry import SecretEntry
from app.ui.tasks import Op
from app.ui.widgets import card as card_frame
from app.ui.widgets import label, push_button

LOGIN_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class LoginPage(QWidget):
    logged_in = Signal(object)  # Actor
    pin: QLineEdit  # built below the list that hands it the focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginPage")
        self.station: UnlockedStation | None = None
        # The site's clock, as the queue has it (tests and the simulated day put theirs here).
        self.clock: Clock = system_clock

        self.site_label = QLabel()
        self.site_label.setObjectName("siteName")
        title = label("pageTitle", self.tr("Who is working at this station?"))

        self.staff_list = QListWidget()
        self.staff_list.setObjectName("staffList")
        self.staff_list.setAccessibleName(self.tr("Staff"))
        self.staff_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.staff_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Selected, not current: on focus (the window re-activated) Qt makes the first row current
        # without selecting it; taking that as a choice checked the next person's PIN against her.
        self.staff_list.itemSelectionChanged.connect(self._staff_chosen)
        self.staff_list.itemActivated.connect(lambda _item: self.pin.setFocus())

        pin_label = QLabel(self.tr("PIN"))
        self.chosen_label = label("hint", self.tr("Choose your name on the left."))
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,12}"), self.pin))
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        self.pin.setAccessibleName(self.tr("PIN"))
        pin_label.setBuddy(self.pin)
        self.pin.returnPressed.connect(self.submit)
        self.login_button = push_button(self.tr("Log in"), name="loginButton", primary=True)
        self.login_button.clicked.connect(self.submit)
        self.messages = MessageArea()
        self.entry = SecretEntry(self.pin, self.login_button, self.messages)

        # A locked station still shows who is in observation and until when (initials only), so the
        # timers are not lost from sight while nobody is logged in.
        self.board_title = QLabel(self.tr("In observation"))
        self.board_title.setObjectName("sectionTitle")
        self.board = QLabel()
        self.board.setObjectName("observationBoard")
        self.board.setTextFormat(Qt.TextFormat.PlainText)
        self.board.setWordWrap(True)
        self.board_timer = QTimer(self)
        self.board_timer.setInterval(15_000)
        self.board_timer.timeout.connect(self.refresh_board)
        self.board_timer.start()

        right = QVBoxLayout()
        right.setSpacing(14)
        for w in (self.chosen_label, pin_label, self.pin, self.login_button, self.messages):
            right.addWidget(w)
        right.addStretch(1)
        right.addWidget(self.board_title)
        right.addWidget(self.board)
        self._show_board([])

        row = QHBoxLayout()
        row.setSpacing(32)
        row.addWidget(self.staff_list, 3)
        row.addLayout(right, 2)

        card, layout = card_frame("card", margins=(40, 28, 40, 28), spacing=14)
        card.setMaximumWidth(1120)
        layout.addWidget(self.site_label)
        layout.addWidget(title)
        layout.addLayout(row, 1)

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 10)
        outer.addStretch(1)

    # -- state ---------------------------------------------------------------------------------

    def set_station(self, station: UnlockedStation) -> None:
        self.station = station
        self.site_label.setText(f"{station.info.site_name} · {station.info.station_name}")
        self.staff_list.clear()
        for s in station.staff:
            item = QListWidgetItem(f"{s.display_name}  —  {role_label(s.role)}")
            item.setData(LOGIN_ROLE, s.login)
            item.setData(NAME_ROLE, s.display_name)
            self.staff_list.addItem(item)
        self.reset()

    def refresh_board(self) -> Op | None:
        station = self.station
        if station is None or not self.isVisible():
            return None
        services = station.services if self.clock is system_clock else station.services.with_clock(self.clock)
        return Op(self, lambda: services.checkin.observation_board()).on_success(self._show_board).start()

    def _show_board(self, timers: list) -> None:  # type: ignore[type-arg]
        lines = []
        for t in timers:
            left = t.minutes_left
            lines.append(self.tr("{initials} until {time} ({minutes} min left)").format(
                initials=t.initials, time=f"{t.ends_at:%H:%M}", minutes=left) if left
                else self.tr("{initials}: observation over since {time}").format(initials=t.initials,
                                                                                 time=f"{t.ends_at:%H:%M}"))
        self.board.setText("\n".join(lines))
        self.board_title.setVisible(bool(lines))
        self.board.setVisible(bool(lines))

    def reset(self) -> None:
        """Back to a blank login: nothing of the last person's work stays on screen."""
        self.entry.reset()
        self.staff_list.setCurrentRow(-1)
        self.staff_list.clearSelection()
        self.chosen_label.setText(self.tr("Choose your name on the left."))
        self.staff_list.setFocus()
        self.refresh_board()

    def select_login(self, login: str) -> bool:
        for row in range(self.staff_list.count()):
            if self.staff_list.item(row).data(LOGIN_ROLE) == login:
                self.staff_list.setCurrentRow(row)
                self.staff_list.item(row).setSelected(True)
                return True
        return False

    def chosen_item(self) -> QListWidgetItem | None:
        selected = self.staff_list.selectedItems()
        return selected[0] if selected else None

    def chosen_login(self) -> str | None:
        item = self.chosen_item()
        return None if item is None else str(item.data(LOGIN_ROLE))

    def _staff_chosen(self) -> None:
        self.messages.clear_message()
        self.pin.clear()
        current = self.chosen_item()
        if current is None:
            self.chosen_label.setText(self.tr("Choose your name on the left."))
            return
        name = str(current.data(NAME_ROLE))
        self.chosen_label.setText(self.tr("Hello {name}, please enter your PIN.").format(name=name))
        self.pin.setFocus()

    # -- logging in ----------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        self.messages.show_error(text)

    def submit(self) -> Op | None:
        login = self.chosen_login()
        if self.station is None or self.entry.busy:
            return None
        if login is None:
            self.show_error(self.tr("Choose your name first."))
            return None
        if len(self.pin.text()) < 4:
            self.show_error(self.tr("Enter your PIN (at least 4 digits)."))
            self.pin.setFocus()
            return None
        services, pin = self.station.services, self.pin.text()
        self.entry.checking()
        return (
            Op(self, lambda: services.authenticate(login=login, pin=pin))
            .on_success(self._authenticated)
            .on_failure(self.entry.refused)
            .start()
        )

    def _authenticated(self, actor: object) -> None:
        self.entry.accepted()
        self.logged_in.emit(actor)
