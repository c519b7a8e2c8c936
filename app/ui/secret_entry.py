"""A secret typed into a field and sent with a button: the station passphrase, a staff member's PIN.

While it is checked neither can be used again; whatever the answer, the secret leaves the field; on a
refusal the reason shows and the keyboard goes back to the field."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton

from app.errors import VaxDeskError
from app.ui.message_area import MessageArea
from app.ui.messages import user_message


class SecretEntry:
    def __init__(self, field: QLineEdit, button: QPushButton, messages: MessageArea) -> None:
        self.field = field
        self.button = button
        self.messages = messages
        self.busy = False

    def checking(self) -> None:
        self._set_busy(True)

    def accepted(self) -> None:
        self._set_busy(False)
        self.field.clear()
        self.messages.clear_message()

    def refused(self, error: VaxDeskError) -> None:
        self._set_busy(False)
        self.field.clear()
        self.messages.show_error(user_message(error))
        self.field.setFocus()

    def reset(self) -> None:
        """Back to blank: nothing typed, nothing said, ready for the next secret."""
        self._set_busy(False)
        self.field.clear()
        self.messages.clear_message()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.field.setEnabled(not busy)
        self.button.setEnabled(not busy)
