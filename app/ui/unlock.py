"""The first screen: the station passphrase that opens the encrypted database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.station import UnlockedStation, unlock_station
from app.ui.message_area import MessageArea
from app.ui.secret_entry import SecretEntry
from app.ui.tasks import Op
from app.ui.widgets import card as card_frame
from app.ui.widgets import label as _label
from app.ui.widgets import push_button


class UnlockPage(QWidget):
    unlocked = Signal(object)  # UnlockedStation

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPage")
        self.db_path = db_path

        card, layout = card_frame("card", margins=(40, 32, 40, 32), spacing=14)
        card.setMaximumWidth(760)

        title = QLabel(self.tr("Unlock this station"))
        title.setObjectName("pageTitle")
        intro = QLabel(self.tr("Enter the station passphrase. It protects the personal data stored on this computer."))
        intro.setWordWrap(True)
        where = _label("hint", self.tr("Database: {path}").format(path=db_path))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        label = QLabel(self.tr("Station passphrase"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Station passphrase"))
        label.setBuddy(self.passphrase)
        self.passphrase.returnPressed.connect(self.submit)

        self.unlock_button = push_button(self.tr("Unlock"), name="unlockButton", primary=True)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)

        self.messages = MessageArea()
        self.entry = SecretEntry(self.passphrase, self.unlock_button, self.messages)

        for w in (title, intro, where, label, self.passphrase, self.unlock_button, self.messages):
            layout.addWidget(w)

        # Stretches either side rather than an alignment: an aligned card gets its size hint as
        # width, and its word-wrapped labels are then cut off.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 10)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setFocusProxy(self.passphrase)

    def show_error(self, text: str) -> None:
        self.messages.show_error(text)

    def submit(self) -> None:
        if self.passphrase.text():
            self.unlock(self.passphrase.text())
        else:
            self.show_error(self.tr("Enter the station passphrase first."))

    def unlock(self, passphrase: str) -> Op | None:
        if self.entry.busy:
            return None
        self.entry.checking()
        self.messages.show_info(self.tr("Unlocking…"))
        path = self.db_path
        return Op(self, lambda: unlock_station(path, passphrase)).on_success(self._unlocked).on_failure(
            self.entry.refused
        ).start()

    def _unlocked(self, station: UnlockedStation) -> None:
        self.entry.accepted()
        self.unlocked.emit(station)
