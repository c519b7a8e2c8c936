"""Kiosk mode (`vaxdesk --kiosk`): full screen, no window decorations, on top of everything; the
desktop shortcuts Qt sees are swallowed, and the window closes only after an admin's PIN.

What Qt never sees (Ctrl+Alt+Del, VT switching, the compositor's own keys) is the kiosk
session's job: see docs/kiosk.md and packaging/kiosk/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.ui.message_area import MessageArea
from app.ui.tasks import Op
from app.ui.widgets import label, push_button

if TYPE_CHECKING:
    from app.errors import VaxDeskError
    from app.services.unit_of_work import Actor
    from app.ui.window import StationWindow

# Keys that close, quit or un-fullscreen a window in common desktops and apps. Alt+F4 mostly
# never reaches Qt (the window manager turns it into a close request, refused in closeEvent),
# but where it does it is swallowed here too.
BLOCKED_KEYS = tuple(QKeySequence(text) for text in ("Ctrl+Q", "Ctrl+W", "Alt+F4", "F11", "Ctrl+Shift+Q", "Ctrl+F4"))


def _key_sequence(event: QKeyEvent) -> QKeySequence:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeySequence(event.keyCombination().key() | modifiers)


class KioskGuard(QObject):
    """Puts `window` into kiosk mode and decides whether it may close."""

    exit_approved = Signal()
    exit_refused = Signal(str)

    def __init__(self, window: StationWindow) -> None:
        super().__init__(window)
        self.window = window
        self._may_close = False
        self.dialog: AdminExitDialog | None = None
        window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                              | Qt.WindowType.WindowStaysOnTopHint)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # shortcuts go to whichever widget has focus
        self._app = app

    def uninstall(self) -> None:
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    # -- closing -------------------------------------------------------------------------------------

    def may_close(self, event: QCloseEvent) -> bool:
        """From the window's closeEvent: refuse and ask for an admin, unless one has approved."""
        if self._may_close:
            self.uninstall()
            return True
        event.ignore()
        self.ask_for_admin()
        return False

    def ask_for_admin(self) -> AdminExitDialog:
        if self.dialog is None:
            self.dialog = AdminExitDialog(self.window)
            self.dialog.approved.connect(self._approved)
            self.dialog.refused.connect(self.exit_refused)
            self.dialog.finished.connect(self._dialog_closed)
        self.dialog.reset()
        self.dialog.open()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _approved(self) -> None:
        self._may_close = True
        self.exit_approved.emit()
        self.window.close()

    # -- keys and window state -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and self.blocked(event):
            event.accept()
            return True
        if (watched is self.window and kind == QEvent.Type.WindowStateChange and not self._may_close
                and not self.window.isFullScreen()):
            # Escape in some window managers, a double click on a (hidden) title bar, a script:
            # whatever took us out of full screen, go straight back.
            QTimer.singleShot(0, self.window.showFullScreen)
        return False

    @staticmethod
    def blocked(event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        pressed = _key_sequence(event)
        return any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in BLOCKED_KEYS)


class AdminExitDialog(QDialog):
    """Asks for an admin's login and PIN; `approved` only for an active admin with the right PIN."""

    approved = Signal()
    refused = Signal(str)

    def __init__(self, window: StationWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("kioskExitDialog")
        self.setWindowTitle(self.tr("Close VaxDesk"))
        self.setModal(True)
        self.setWindowFlags(self.windowFlags() | Qt.WindowType.WindowStaysOnTopHint)
        self.setMinimumWidth(560)

        heading = label("stepTitle", self.tr("This station runs in kiosk mode. Only an admin can close VaxDesk."))
        self.messages = MessageArea()
        self.login = QLineEdit()
        self.login.setObjectName("kioskAdminLogin")
        self.login.setPlaceholderText(self.tr("Admin login"))
        self.pin = QLineEdit()
        self.pin.setObjectName("kioskAdminPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.pin.returnPressed.connect(self.submit)
        form = QFormLayout()
        login_label, pin_label = QLabel(self.tr("Admin login:")), QLabel(self.tr("PIN:"))
        login_label.setBuddy(self.login)
        pin_label.setBuddy(self.pin)
        form.addRow(login_label, self.login)
        form.addRow(pin_label, self.pin)

        self.buttons = QDialogButtonBox()
        self.close_button = push_button(self.tr("Close VaxDesk"), name="kioskCloseButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.submit)
        self.stay_button = push_button(self.tr("Stay in kiosk mode"), name="kioskStayButton")
        self.stay_button.setAutoDefault(False)
        self.stay_button.clicked.connect(self.reject)
        self.buttons.addButton(self.stay_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(self.messages)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def reset(self) -> None:
        self.pin.clear()
        self.messages.clear_message()
        station = self.window_.station
        usable = station is not None
        for widget in (self.login, self.pin, self.close_button):
            widget.setEnabled(usable)
        if not usable:
            self.messages.show_error(self.tr(
                "The station is still locked with its passphrase, so no admin PIN can be checked. "
                "Unlock the station first; VaxDesk stays open."))
        (self.login if not self.login.text() else self.pin).setFocus()

    def submit(self) -> Op | None:
        station = self.window_.station
        if station is None:
            return None
        login, pin = self.login.text().strip(), self.pin.text()
        if not login or not pin:
            self._refuse(self.tr("Enter an admin's login and PIN."))
            return None
        services = station.services
        self.close_button.setEnabled(False)
        return (Op(self, lambda: services.authenticate(login=login, pin=pin))
                .on_success(self._authenticated)
                .on_failure(self._failed)
                .start())

    def _authenticated(self, actor: Actor) -> None:
        self.close_button.setEnabled(True)
        if actor.role != "admin":
            self._refuse(self.tr("Only an admin can close VaxDesk in kiosk mode. VaxDesk stays open."))
            return
        self.accept()
        self.approved.emit()

    def _failed(self, error: VaxDeskError) -> None:
        from app.errors import AuthError
        from app.ui.messages import user_message

        self.close_button.setEnabled(True)
        if isinstance(error, AuthError) and error.code == "staff_login_failed":
            self._refuse(self.tr("Wrong admin login or PIN. VaxDesk stays open."))
        else:
            self._refuse(user_message(error))

    def _refuse(self, text: str) -> None:
        self.pin.clear()
        self.pin.setFocus()
        self.messages.show_error(text)
        self.refused.emit(text)

